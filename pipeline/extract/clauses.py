"""Candidate clauses of a motion and their features, shared by training and inference.

A candidate is a sentence of the cleaned text before the motion's end (signature, the
administration's answer). Its features are hashed into ``n_features`` buckets (stable across
processes: crc32, not Python's salted ``hash``): lower-cased words and word pairs, word endings
(the heads of German compounds: "Radverkehrs|konzept"), what the rules saw there (a trigger type,
an action or funding mention of the rules, operative part or justification), its position, its
shape (question, numbered item, after a colon) and the kind of paper. (The rules' trigger
lexicon searched in every sentence added nothing under cross-validation by source and cost an
eighth of the analysis: the words and the rules' findings carry it.) Every feature is
independent of the body or town: no names of places, committees or people are rule features,
and words carry only what the training motions teach.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

import numpy as np
from spacy.tokens import Doc

from pipeline.extract.evidence import doc_text, sentence_spans
from pipeline.extract.levels import WordClasses
from pipeline.memo import Memo

WORD = re.compile(r"[a-zäöüß0-9]+")
NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[a-z][.)]|\(\d{1,2}\)|[IVX]{1,4}\.|[-–•·*▪])\s")
PAPER_KINDS = (
    ("inquiry", re.compile(r"(?i)anfrage")),
    ("amend", re.compile(r"(?i)änderung|ergänzung")),
    ("budget", re.compile(r"(?i)haushalt")),
    ("motion", re.compile(r"(?i)antrag")),
)
MAX_SENTENCE_CHARS = 600  # longer "sentences" (tables, run-on lists) are cut into windows


@dataclass(frozen=True)
class Clause:
    """A candidate: cleaned-text span and its span in the original text."""

    start: int
    end: int
    orig_start: int
    orig_end: int


def paper_kind(paper_type: str | None, title: str = "") -> str:
    for kind, pattern in PAPER_KINDS:
        if pattern.search(paper_type or "") or pattern.search(title[:80]):
            return kind
    return "other"


def candidate_clauses(doc: Doc) -> list[Clause]:
    """The sentences before the motion's end, long ones cut into windows, with original spans."""
    text = doc_text(doc)
    sec = doc._.sections
    end = sec.end if sec is not None else len(text)
    clean = doc._.clean
    out = []
    for s, e in sentence_spans(doc):
        if s >= end:
            break
        e = min(e, end)
        while s < e:
            cut = min(e, s + MAX_SENTENCE_CHARS)
            if cut < e:  # cut at the last space inside the window
                sp = text.rfind(" ", s, cut)
                cut = sp if sp > s + 50 else cut
            if text[s:cut].strip():
                a, b = clean.to_original(s, cut) if clean is not None else (s, cut)
                out.append(Clause(s, cut, a, b))
            s = cut
    return out


class Featurizer:
    """Hashed sparse features of clauses; ``rows(doc, clauses)`` gives CSR arrays."""

    def __init__(self, n_features: int = 1 << 16, classes: WordClasses | None = None) -> None:
        if n_features & (n_features - 1):
            raise ValueError("n_features must be a power of two")
        self.n_features = n_features
        self.mask = n_features - 1
        self.classes = classes or WordClasses()
        # a word -> its hashes (``_word_hashes``); per level of the body, a word of the text ->
        # the hashes of its normalised form, and the hash of the word as the clause's opening
        # ("o:" feature); context strings -> their hash
        self._words: Memo[str, tuple[int, ...]] = Memo(self._word_hashes, 500_000)
        self._level_words: dict[str, Memo[str, tuple[int, ...]]] = {}
        self._level_openings: dict[str, Memo[str, int]] = {}
        self._fixed: Memo[str, int] = Memo(self._crc, 100_000)

    def _crc(self, feature: str) -> int:
        return zlib.crc32(feature.encode("utf-8")) & self.mask

    def _word_hashes(self, w: str) -> tuple[int, ...]:
        """Hashes of a word: the word, and for long words their last 4-6 letters."""
        feats = ["w:" + w]
        if len(w) >= 6:
            feats.append("p5:" + w[:5])  # prüfen/prüft/Prüfung, berichten/Bericht
        if len(w) >= 8:
            feats += ["s4:" + w[-4:], "s5:" + w[-5:], "s6:" + w[-6:]]
        return tuple(map(self._crc, feats))

    def _memos(self, level: str) -> tuple[Memo[str, tuple[int, ...]], Memo[str, int]]:
        words = self._level_words.get(level)
        if words is None:
            normalise = self.classes.normalise
            words = self._level_words[level] = Memo(
                lambda w: self._words[normalise([w], level)[0]], 500_000
            )
            self._level_openings[level] = Memo(
                lambda w: self._crc("o:" + normalise([w], level)[0]), 100_000
            )
        return words, self._level_openings[level]

    def clause_features(self, sentence: str, context: Iterable[str], level: str) -> list[int]:
        words = WORD.findall(sentence.lower())
        # the memos' look-ups run in C; only a word met for the first time runs Python code
        word_hashes, openings = self._memos(level)
        hashes = list(map(word_hashes.__getitem__, words))
        idx = list(chain.from_iterable(hashes))
        # word pairs: combine the two words' hashes arithmetically (no string building)
        first = [hs[0] for hs in hashes]
        mask = self.mask
        idx += [(a * 1_000_003 + b * 7 + 11) & mask for a, b in zip(first, first[1:], strict=False)]
        # how the clause opens ("die verwaltung wird")
        idx += map(openings.__getitem__, words[:3])
        idx += map(self._fixed.__getitem__, context)
        return idx

    def doc_level(self, doc: Doc) -> str:
        """The level of the motion's body: the action rules' (``doc._.level``), else read here
        the way they read it."""
        return doc._.level or self.classes.level(doc._.body, doc._.title, doc_text(doc)[:1500])

    def rows(self, doc: Doc, clauses: list[Clause]) -> tuple[np.ndarray, np.ndarray]:
        """(indices, indptr) of the clauses' binary feature rows."""
        text = doc_text(doc)
        sec = doc._.sections
        kind = "pk:" + paper_kind(doc._.paper_type, doc._.title or "")
        level = self.doc_level(doc)
        rule_types = _rule_types_by_offset(doc)
        n = max(len(clauses), 1)
        rows: list[list[int]] = []
        prev_colon = False
        for i, c in enumerate(clauses):
            sent = text[c.start : c.end]
            ctx = [kind, f"pos:{min(9, 10 * i // n)}", f"ix:{min(i, 8)}"]
            stripped = sent.rstrip()
            if stripped.endswith("?"):
                ctx.append("q")
            if stripped.endswith(":"):
                ctx.append("colon")
            if prev_colon:
                ctx.append("after_colon")
            prev_colon = stripped.endswith(":")
            if NUMBERED.match(sent):
                ctx.append("numbered")
            if sec is not None:
                if sec.in_operative(c.start):
                    ctx.append("op")
                if sec.in_justification(c.start):
                    ctx.append("just")
                if c.start < sec.header_end:
                    ctx.append("header")
            for t in rule_types.get_many(c.orig_start, c.orig_end):
                ctx.append("ra:" + t)
                ctx.append(kind + "|ra:" + t)
            rows.append(self.clause_features(sent, ctx, level))
        return _binary_csr(rows, self.n_features)


def _binary_csr(rows: list[list[int]], n_features: int) -> tuple[np.ndarray, np.ndarray]:
    """(indices, indptr) of binary rows: each row's distinct features in ascending order. One
    sort of (row, feature) keys for the whole motion instead of a sort per row."""
    n = len(rows)
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=n)
    feats = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=int(lengths.sum()))
    keys = np.repeat(np.arange(n, dtype=np.int64), lengths) * n_features + feats
    keys.sort()
    first = np.ones(len(keys), dtype=bool)  # np.unique hashes first: slower on these sizes
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    keys = keys[first]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys // n_features, minlength=n), out=indptr[1:])
    return (keys % n_features).astype(np.int32), indptr


class _SpanTypes:
    """Types of rule outputs by original-text span, for overlap look-ups."""

    def __init__(self, items: list[tuple[int, int, str]]) -> None:
        self.items = items

    def get_many(self, start: int, end: int) -> list[str]:
        return sorted({t for a, b, t in self.items if a < end and b > start})


def _rule_types_by_offset(doc: Doc) -> _SpanTypes:
    items = [(a["start"], a["end"], a["type"]) for a in doc._.actions or []]
    items += [(f["start"], f["end"], "f_" + f["kind"]) for f in doc._.funding or []]
    return _SpanTypes(items)
