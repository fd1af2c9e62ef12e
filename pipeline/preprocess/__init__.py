"""Text cleaning with offset maps and the German spaCy pipeline."""

from pipeline.preprocess.clean import CleanText, clean_text
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import get_nlp, make_nlp

__all__ = ["CleanText", "clean_text", "get_nlp", "make_motion_doc", "make_nlp"]
