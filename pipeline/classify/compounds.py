"""German compounds split into known parts: "radverkehrskonzept" -> radverkehr, rad, verkehr,
konzept. Shared by training (features.py) and numpy-only prediction (compact.py); standard
library only.

The splitter is data-driven and needs no download: it knows the lemmas seen at least
``min_count`` times in the training texts, with their counts. A word splits where both sides
are known words; the left side may carry a linking element ("verkehr-s-", "schule-n-",
"kind-er-") or have dropped a final e ("schul-weg"). Of several such splits the one whose
parts are most frequent (geometric mean of counts, as Koehn & Knight 2003) wins, and each
side is split again. A motion about a "Radverkehrskonzept" then shares the features "rad" and
"verkehr" with one about "Radwege" and "Verkehrsberuhigung", across councils that name their
concepts differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import chain

from pipeline.memo import Memo

# Linking elements a compound's left part may end with (Fugenelemente), longest first.
LINKS = ("es", "en", "er", "s", "n", "e")
# The links by their last letter, in the order of LINKS: a word ends only with those of its own.
_LINKS_ENDING = {c: tuple(k for k in LINKS if k.endswith(c)) for c in {k[-1] for k in LINKS}}
MIN_PART = 3  # shorter parts are mostly prefixes and syllables, not words
MIN_WORD = 2 * MIN_PART


class CompoundSplitter:
    """Splits lemmas into parts known from ``counts`` (lemma -> count in the training texts);
    results are cached per splitter."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self.counts = counts
        self._split: dict[str, tuple[str, str, float] | None] = {}
        self._parts: Memo[str, tuple[str, ...]] = Memo(self._find_parts)

    def _score(self, word: str) -> float:
        """How good a compound part ``word`` is: its count when known, else the score of its
        best split into known parts (0: neither)."""
        n = self.counts.get(word, 0)
        if n:
            return float(n)
        split = self._best_split(word)
        return split[2] if split else 0.0

    def _left(self, head: str) -> tuple[str, int]:
        """The known word a compound's left part stands for (linking element stripped) and
        its count; (head, 0) when there is none. Left parts are words, not compounds: a
        compound splits from the left ("klima|schutzkonzept"), which keeps the search linear
        in the splits tried."""
        counts = self.counts
        # the candidates in this order: head, head without each link it ends with, head + "e"
        best, best_n = head, 0
        n = counts.get(head, 0)
        if n > best_n and len(head) >= MIN_PART:
            best_n = n
        for link in _LINKS_ENDING.get(head[-1:], ()):
            if head.endswith(link):
                cand = head[: -len(link)]
                n = counts.get(cand, 0)
                if n > best_n and len(cand) >= MIN_PART:
                    best, best_n = cand, n
        n = counts.get(head + "e", 0)
        if n > best_n and len(head) + 1 >= MIN_PART:
            best, best_n = head + "e", n
        return best, best_n

    def _best_split(self, word: str) -> tuple[str, str, float] | None:
        if word in self._split:
            return self._split[word]
        best = None
        if len(word) >= MIN_WORD:
            for i in range(MIN_PART, len(word) - MIN_PART + 1):
                left, left_n = self._left(word[:i])
                if not left_n:
                    continue
                tail_score = self._score(word[i:])
                score = (left_n * tail_score) ** 0.5
                if score and (best is None or score > best[2]):
                    best = (left, word[i:], score)
        self._split[word] = best
        return best

    def parts(self, word: str) -> tuple[str, ...]:
        """Every part of ``word`` (each side of the best split and, recursively, their parts);
        () for a word that does not split."""
        return self._parts[word]

    def _find_parts(self, word: str) -> tuple[str, ...]:
        split = self._best_split(word)
        got: tuple[str, ...] = ()
        if split is not None:
            # A side that is itself an unknown compound gives only its own parts.
            for side in split[:2]:
                got += ((side,) if side in self.counts else ()) + self._parts[side]
        return got

    def split_tokens(self, tokens: Iterable[str]) -> list[str]:
        """The parts of every token, in order (tokens that do not split give none)."""
        # mapped over the memo: a word met before runs no Python code
        return list(chain.from_iterable(map(self._parts.__getitem__, tokens)))


def count_lemmas(token_lists: Iterable[list[str]], min_count: int) -> dict[str, int]:
    """Lemma counts over the training texts, those under ``min_count`` dropped."""
    counts: dict[str, int] = {}
    for toks in token_lists:
        for t in toks:
            counts[t] = counts.get(t, 0) + 1
    return {t: n for t, n in counts.items() if n >= min_count and len(t) >= MIN_PART}
