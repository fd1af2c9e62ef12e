"""The German spaCy pipeline: ``spacy.blank("de")`` with council-text tokenizer fixes,
a line-aware sentence segmenter and the simplemma lemmatizer.

Load it once per process with ``get_nlp()`` and stream texts through ``nlp.pipe``.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline.paths import PATTERNS_DIR

# "Bürger:innen", "Lehrer*innen", "Kolleg_innen", "Bürger/innen" stay one token.
GENDER_FORM = re.compile(r"^[A-Za-zÄÖÜäöüß]+(?:[:*_/]|/-)[Ii]n(?:nen)?$")
SENT_END = frozenset({".", "!", "?", "…", "?!"})
# Tokens after which a new line does not start a sentence: a line wrapped inside a phrase.
NO_BREAK_AFTER = frozenset({"-", "–", "(", "„", "/", "&", "und", "oder", "der", "die", "das"})


def load_abbreviations(path: Path | None = None) -> list[str]:
    data = json.loads((path or PATTERNS_DIR / "abbreviations.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys(data["abbreviations"]))


def _customise_tokenizer(nlp: Language, abbreviations: list[str]) -> None:
    tok = nlp.tokenizer
    for abbr in abbreviations:
        tok.add_special_case(abbr, [{"ORTH": abbr}])
    # German infixes split on ":" between letters; keep gender forms whole instead.
    infixes = [p for p in nlp.Defaults.infixes]
    tok.infix_finditer = compile_infix_regex(infixes).finditer
    previous = tok.token_match

    def token_match(text: str):  # noqa: ANN202 (spaCy's callback type)
        return GENDER_FORM.match(text) or (previous(text) if previous else None)

    tok.token_match = token_match


@Language.factory(
    "council_sentences",
    default_config={"min_line_tokens": 1},
)
def make_council_sentences(nlp: Language, name: str, min_line_tokens: int) -> CouncilSentences:
    return CouncilSentences(min_line_tokens)


class CouncilSentences:
    """Sentence boundaries for motion text: after sentence-final punctuation, at every line
    break the cleaner kept (headings, list items, form rows), never inside a wrapped phrase.
    Numbered list markers ("1.", "a)") start a sentence; abbreviations are single tokens
    thanks to the tokenizer's special cases, so their dots never end one.
    """

    def __init__(self, min_line_tokens: int = 1) -> None:
        self.min_line_tokens = min_line_tokens

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        doc[0].is_sent_start = True
        prev_break = False
        for i in range(1, len(doc)):
            tok, prev = doc[i], doc[i - 1]
            if tok.is_space:
                tok.is_sent_start = False
                prev_break = prev_break or "\n" in tok.text
                continue
            start = False
            if prev_break or "\n" in prev.whitespace_:
                start = True
            elif prev.text in SENT_END and (
                tok.is_title or tok.is_upper or tok.is_digit or tok.is_quote
            ):
                start = True
            elif prev.is_space and "\n" in prev.text:
                start = True
            tok.is_sent_start = start
            prev_break = False
        return doc


@Language.factory("simplemma_lemmatizer", default_config={"lang": "de"})
def make_simplemma_lemmatizer(nlp: Language, name: str, lang: str) -> SimplemmaLemmatizer:
    return SimplemmaLemmatizer(lang)


class SimplemmaLemmatizer:
    """Sets ``token.lemma_`` with simplemma (97 % on UD German GSD dev against spaCy's lookup
    table's 87 %; see bench/lemma_accuracy.py for our own texts). Results are cached per form.
    """

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        import simplemma

        def lemmatize(form: str) -> str:
            lemma = simplemma.lemmatize(form, lang=self.lang)
            # simplemma's data has pre-1996 spellings for some words ("Zuschüsse" -> "Zuschuß");
            # a form written with "ss" keeps it in its lemma.
            if "ß" in lemma and "ß" not in form:
                lemma = lemma.replace("ß", "ss")
            return lemma

        self._lemmatize = lru_cache(maxsize=200_000)(lemmatize)

    def __call__(self, doc: Doc) -> Doc:
        lem = self._lemmatize
        for tok in doc:
            if tok.is_space or tok.is_punct or tok.like_num:
                tok.lemma_ = tok.text
            else:
                tok.lemma_ = lem(tok.text)
        return doc


def make_nlp(lemmatizer: str = "simplemma") -> Language:
    """Build the pipeline. ``lemmatizer`` is "simplemma" (default) or "lookup" (spaCy's table)."""
    nlp = spacy.blank("de")
    _customise_tokenizer(nlp, load_abbreviations())
    nlp.add_pipe("council_sentences")
    if lemmatizer == "simplemma":
        nlp.add_pipe("simplemma_lemmatizer")
    elif lemmatizer == "lookup":
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize()
    else:
        raise ValueError(f"unknown lemmatizer {lemmatizer!r}; use 'simplemma' or 'lookup'")
    return nlp


@lru_cache(maxsize=2)
def get_nlp(lemmatizer: str = "simplemma") -> Language:
    """The process-wide pipeline, built on first use."""
    return make_nlp(lemmatizer)
