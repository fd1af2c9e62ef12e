"""The level of a motion's body (local, county, state, federal, party) and of the executives and
bodies a clause names, relative to it (``clauses.json``). The same words mean different things
at different levels: "fordert die Landesregierung auf" is an appeal to another level from a
council, and the ordinary request to its own government from a Landtag (ANNOTATION.md, "Other
bodies")."""

from __future__ import annotations

import re
from typing import Any

from pipeline.extract.patterns import FoldedPattern, load_patterns


class WordClasses:
    """The level of a motion's body, and the class of a word relative to it (``clauses.json``)."""

    def __init__(self, patterns_file: str = "clauses.json") -> None:
        self._setup(load_patterns(patterns_file))

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> WordClasses:
        classes = cls.__new__(cls)
        classes._setup(d)
        return classes

    def _setup(self, d: dict[str, Any]) -> None:
        # (?i) patterns: matched on the lower-cased text (faster)
        self.levels = [(lv, FoldedPattern([d["levels"][lv]])) for lv in d["level_order"]]
        self.default = d["default_level"]
        self.exact: dict[str, str] = {}
        self.prefixes: list[tuple[str, str]] = []
        for lv, words in d["executives"].items():
            for w in words:
                if w.endswith("*"):
                    self.prefixes.append((w[:-1], lv))
                else:
                    self.exact[w] = lv
        # one C-level test rejects the words that start with no prefix (nearly all)
        self._any_prefix = tuple(p for p, _ in self.prefixes)
        self.bodies = set(d["bodies"])
        self.party_members = re.compile(d["party_members"])
        self._cache: dict[str, str | None] = {}

    def level(self, *texts: str | None) -> str:
        """The level of the first of ``texts`` that names a body: the body named first in it
        (the letterhead comes before a Landtag or Bundestag the motion calls on)."""
        for text in texts:
            if not text:
                continue
            low = text.lower()
            hits = [
                (m.start(), i)
                for i, (_lv, pattern) in enumerate(self.levels)
                if (m := pattern.search(text, low=low))
            ]
            if hits:
                return self.levels[min(hits)[1]][0]
        return self.default

    def word_level(self, word: str) -> str | None:
        """The level of an executive or a body named by one lower-cased word, else None."""
        lv = self.executive_level(word)
        if lv != "BODY":
            return lv
        return next((v for v, p in self.levels if p.search(word, low=word)), None)

    def executive_level(self, word: str) -> str | None:
        if word in self._cache:
            return self._cache[word]
        lv = self.exact.get(word)
        if lv is None and word.startswith(self._any_prefix):
            lv = next((v for p, v in self.prefixes if word.startswith(p)), None)
        if lv is None and word in self.bodies:
            lv = "BODY"
        if len(self._cache) < 200_000:
            self._cache[word] = lv
        return lv

    def normalise(self, words: list[str], level: str) -> list[str]:
        known = self._cache  # most words are cached and have no level: one look-up each
        out = []
        for w in words:
            lv = known[w] if w in known else self.executive_level(w)
            if lv is None:
                out.append(w)
            elif lv == "BODY":
                out.append("BODY")
            else:
                out.append("ADDR_OWN" if lv == level else "ADDR_OTHER")
        return out
