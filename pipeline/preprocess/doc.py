"""Turn a Motion into a spaCy Doc over its cleaned text, carrying what components need to know."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.preprocess.clean import CleanText, clean_text
from pipeline.record import Motion

# Inputs for pipeline components, set before the components run.
for _name, _default in (
    ("clean", None),  # CleanText: map doc offsets back to the original text
    ("title", ""),
    ("paper_type", None),
    ("body", None),  # the body the motion was put to, where the reader knows it
    ("meta_groups", None),  # groups from metadata (list[str]) or None
    # the reader's metadata (dict), e.g. letterheads of a paper's other files
    ("motion_meta", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def make_motion_doc(nlp: Language, motion: Motion, clean: CleanText | None = None) -> Doc:
    """A tokenised Doc of the motion's cleaned text; run ``nlp.pipe`` over such docs."""
    clean = clean or clean_text(motion.text)
    doc = nlp.make_doc(clean.text)
    doc._.clean = clean
    doc._.title = motion.title or ""
    doc._.paper_type = motion.paper_type
    doc._.body = motion.body
    doc._.meta_groups = list(motion.groups) or None
    doc._.motion_meta = motion.meta
    return doc
