"""The German spaCy pipeline: ``spacy.blank("de")`` with council-text tokenizer fixes,
a line-aware sentence segmenter and the simplemma lemmatizer.

Load it once per process with ``get_nlp()`` and stream texts through ``nlp.pipe``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy
import spacy
from spacy.attrs import IS_DIGIT, IS_QUOTE, IS_SPACE, IS_TITLE, IS_UPPER, LEMMA, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline.memo import Memo
from pipeline.paths import PATTERNS_DIR

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer

# "Bürger:innen", "Lehrer*innen", "Kolleg_innen", "Bürger/innen" stay one token.
GENDER_FORM = re.compile(r"^[A-Za-zÄÖÜäöüß]+(?:[:*_/]|/-)[Ii]n(?:nen)?$")
SENT_END = frozenset({".", "!", "?", "…", "?!"})
# Tokens after which a new line does not start a sentence: a line wrapped inside a phrase.
NO_BREAK_AFTER = frozenset({"-", "–", "(", "„", "/", "&", "und", "oder", "der", "die", "das"})
# Per-form caches of the components are emptied when they reach this many forms.
_FORM_CACHE_SIZE = 500_000
# The tokenizer's per-chunk affix caches likewise (about 130,000 chunks per 12 MB of motions).
_AFFIX_CACHE_SIZE = 300_000


def load_abbreviations(path: Path | None = None) -> list[str]:
    data = json.loads((path or PATTERNS_DIR / "abbreviations.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys(data["abbreviations"]))


def _customise_tokenizer(nlp: Language, abbreviations: list[str]) -> None:
    """Replace the blank tokenizer by one with the council-text fixes, built in one go: each
    change to a tokenizer's settings reloads its 4,000 special cases, a good part of a cold
    start when done one setting and one abbreviation at a time."""
    from spacy.tokenizer import Tokenizer

    # spaCy types nlp.tokenizer as any callable; spacy.blank's is a Tokenizer, whose
    # attributes (compiled Cython) have no type information.
    tok: Any = nlp.tokenizer
    rules = _without_whitespace_specials(tok.rules)
    rules.update({abbr: [{"ORTH": abbr}] for abbr in abbreviations})
    # German infixes split on ":" between letters; keep gender forms whole instead.
    infixes = compile_infix_regex(list(nlp.Defaults.infixes or ())).finditer
    previous = tok.token_match
    token_match: Callable[[str], Any]
    if previous is None:  # the usual case: no Python wrapper per token
        token_match = _memoised(GENDER_FORM.match)
    else:

        def token_match(text: str) -> Any:  # spaCy's callback type
            return GENDER_FORM.match(text) or previous(text)

    # The affix searches and the token and URL matches are pure functions of the chunk (the
    # tokenizer reads only whether the matches succeed); remember them per chunk (spaCy's own
    # chunk cache stays off for the rest of a text once a special case such as "Nr." occurs).
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        rules=rules,
        prefix_search=_memoised(tok.prefix_search),
        suffix_search=_memoised(tok.suffix_search),
        infix_finditer=_memoised(infixes, all_matches=True),
        token_match=token_match,
        url_match=_memoised(tok.url_match) if tok.url_match is not None else None,
        faster_heuristics=tok.faster_heuristics,
    )


def _without_whitespace_specials(rules: dict[str, Any]) -> dict[str, Any]:
    """spaCy's special cases without those for a line break, a tab and a space: they give the
    very token that the rules give without them, but a special-case hit stops the tokenizer
    from caching the chunks that follow in the same text (its ``has_special`` flag is never
    reset within a text), and nearly every motion has a line break early on."""
    return {k: v for k, v in rules.items() if not (k.isspace() and v == [{ORTH: k}])}


def _memoised(search: Callable[[str], Any], all_matches: bool = False) -> Callable[[str], Any]:
    """``search`` with its result remembered per string (a tuple of all matches for a
    ``finditer``); the tokenizer reads only the matches' offsets, or whether there is one."""
    return _AffixMemo(search, all_matches).__getitem__


class _AffixMemo(Memo[str, Any]):
    """string -> search result. Its ``__getitem__`` is what the tokenizer calls: a hit runs no
    Python code at all; a miss searches (``__missing__``). Emptied when it gets large."""

    def __init__(self, search: Callable[[str], Any], all_matches: bool) -> None:
        super().__init__(self._all if all_matches else search, _AFFIX_CACHE_SIZE)
        self.search = search

    def _all(self, string: str) -> tuple[Any, ...]:
        return tuple(self.search(string))

    @property
    def pattern(self) -> str:
        """The regex searched, which spaCy saves with the tokenizer (``nlp.to_disk``); a loaded
        tokenizer searches it directly, with the same tokens."""
        search: Any = self.search  # a compiled pattern's bound search or finditer
        return str(search.__self__.pattern)


@Language.factory(
    "council_sentences",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"min_line_tokens": 1},
)
def make_council_sentences(nlp: Language, name: str, min_line_tokens: int) -> CouncilSentences:
    return CouncilSentences(min_line_tokens)


# The lexical attributes (word flags) that ``CouncilSentences`` reads.
SENTENCE_FLAGS = frozenset({IS_SPACE, IS_TITLE, IS_UPPER, IS_DIGIT, IS_QUOTE})


class CouncilSentences:
    """Sentence boundaries for motion text: after sentence-final punctuation, at every line
    break the cleaner kept (headings, list items, form rows), never inside a wrapped phrase.
    Numbered list markers ("1.", "a)") start a sentence; abbreviations are single tokens
    thanks to the tokenizer's special cases, so their dots never end one.

    Every test depends on the token's form only, so it is worked out once per form (orth id)
    and the boundaries are written with one ``Doc.from_array``: no Token objects, and none of
    the per-token ``has_annotation`` scans that ``Token.is_sent_start = …`` costs.
    """

    # Kinds of a form, for the boundary rule.
    _WORD, _SPACE, _NL_SPACE = 0, 1, 2

    def __init__(self, min_line_tokens: int = 1) -> None:
        self.min_line_tokens = min_line_tokens
        # orth id -> (kind, ends a sentence, may start one after sentence-final punctuation)
        self._forms: dict[int, tuple[int, bool, bool]] = {}

    def _form(self, vocab: Any, orth: int) -> tuple[int, bool, bool]:
        lex = vocab[orth]
        text = lex.orth_
        if lex.is_space:
            kind = self._NL_SPACE if "\n" in text else self._SPACE
        else:
            kind = self._WORD
        info = (
            kind,
            text in SENT_END,
            bool(lex.is_title or lex.is_upper or lex.is_digit or lex.is_quote),
        )
        if len(self._forms) >= _FORM_CACHE_SIZE:
            self._forms.clear()
        self._forms[orth] = info
        return info

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        forms = self._forms
        vocab = doc.vocab
        infos = [forms.get(o) or self._form(vocab, o) for o in doc.to_array(ORTH).tolist()]
        starts = [1] * n
        prev_break = False
        prev_kind, prev_end, _ = infos[0]
        for i in range(1, n):
            kind, ends, capital = infos[i]
            if kind:  # a space token never starts a sentence
                starts[i] = -1
                prev_break = prev_break or kind == 2
            else:
                # "\n" never appears in a token's trailing whitespace (spaCy keeps at most one
                # " " there), so only space tokens carry line breaks.
                if not (prev_break or prev_kind == 2 or (prev_end and capital)):
                    starts[i] = -1
                prev_break = False
            prev_kind, prev_end = kind, ends
        # spaCy's hint says Ints2d; one attribute takes a 1-d array (spaCy reshapes it).
        sent_starts = numpy.array(starts, dtype=numpy.int64).view(numpy.uint64)
        doc.from_array([SENT_START], sent_starts)  # type: ignore[arg-type]
        return doc


@Language.factory("simplemma_lemmatizer", assigns=["token.lemma"], default_config={"lang": "de"})
def make_simplemma_lemmatizer(nlp: Language, name: str, lang: str) -> SimplemmaLemmatizer:
    return SimplemmaLemmatizer(lang)


class SimplemmaLemmatizer:
    """Sets ``token.lemma_`` with simplemma (97 % on UD German GSD dev against spaCy's lookup
    table's 87 %; see bench/lemma_accuracy.py for our own texts). Results are cached per form
    (orth id) and written with one ``Doc.from_array``.
    """

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        import simplemma

        self._simplemma = simplemma
        self._lemmas: dict[int, int] = {}  # orth id -> lemma id

    def lemmatize(self, form: str) -> str:
        lemma = self._simplemma.lemmatize(form, lang=self.lang)
        # simplemma's data has pre-1996 spellings for some words ("Zuschüsse" -> "Zuschuß");
        # a form written with "ss" keeps it in its lemma.
        if "ß" in lemma and "ß" not in form:
            lemma = lemma.replace("ß", "ss")
        return lemma

    def _lemma(self, vocab: Any, orth: int) -> int:
        lex = vocab[orth]
        text = lex.orth_
        if lex.is_space or lex.is_punct or lex.like_num:
            lemma = orth
        else:
            lemma = vocab.strings.add(self.lemmatize(text))
        if len(self._lemmas) >= _FORM_CACHE_SIZE:
            self._lemmas.clear()
        self._lemmas[orth] = lemma
        return lemma

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lemmas = self._lemmas
        vocab = doc.vocab
        ids = [lemmas.get(o) or self._lemma(vocab, o) for o in doc.to_array(ORTH).tolist()]
        doc.from_array([LEMMA], numpy.array(ids, dtype=numpy.uint64))  # type: ignore[arg-type]  # 1-d: see above
        return doc


def make_nlp(lemmatizer: str | None = "simplemma") -> Language:
    """Build the pipeline. ``lemmatizer`` is "simplemma" (default), "lookup" (spaCy's table)
    or None (no token lemmas, for callers that read none)."""
    nlp = spacy.blank("de")
    _customise_tokenizer(nlp, load_abbreviations())
    nlp.add_pipe("council_sentences")
    if lemmatizer == "simplemma":
        nlp.add_pipe("simplemma_lemmatizer")
    elif lemmatizer == "lookup":
        cast("Lemmatizer", nlp.add_pipe("lemmatizer", config={"mode": "lookup"})).initialize()
    elif lemmatizer is not None:
        raise ValueError(f"unknown lemmatizer {lemmatizer!r}; use 'simplemma' or 'lookup'")
    return nlp


@lru_cache(maxsize=2)
def get_nlp(lemmatizer: str = "simplemma") -> Language:
    """The process-wide pipeline, built on first use."""
    return make_nlp(lemmatizer)
