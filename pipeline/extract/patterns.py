"""Load the rule data of the extractors from ``corpus/patterns/*.json``, once per process."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.paths import PATTERNS_DIR


@lru_cache(maxsize=32)
def load_patterns(name: str, folder: str | None = None) -> dict[str, Any]:
    """The parsed JSON file ``name`` (e.g. "actions.json") of the patterns folder."""
    path = Path(folder) if folder else PATTERNS_DIR
    return json.loads((path / name).read_text(encoding="utf-8"))


def alternation(patterns: list[str]) -> str:
    """One regex alternation of ``patterns``, each wrapped in a non-capturing group."""
    return "|".join(f"(?:{p})" for p in patterns)


def compile_any(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """A compiled alternation; an empty list compiles to a pattern that never matches."""
    return re.compile(alternation(patterns) if patterns else r"(?!x)x", flags)


_UNSAFE_FOLD = re.compile(r"\\[SWDBAZNuUx]|\(\?-i|\(\?P<[^>]*[A-Z]")


class FoldedPattern:
    """A case-insensitive alternation matched on lower-cased text, which Python's ``re`` does
    two to three times faster than with ``re.IGNORECASE``. Matches carry offsets into the
    text; their groups are lower-cased, so take substrings of the original by span. Falls back
    to ``re.IGNORECASE`` where lower-casing would change the text's length."""

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        flags &= ~re.IGNORECASE
        self.exact = compile_any(patterns, flags | re.IGNORECASE)
        for p in patterns:
            if _UNSAFE_FOLD.search(p):
                raise ValueError(f"pattern cannot be case-folded (use [^\\w] etc.): {p}")
        # Inline (?i) flags are moot on lower-cased text and would only slow matching down;
        # named groups keep their "(?P<" (their names are lower case, checked above).
        self.folded = compile_any(
            [
                p.lower().replace("(?i:", "(?:").replace("(?i)", "").replace("(?p<", "(?P<")
                for p in patterns
            ],
            flags,
        )

    def _pick(self, text: str, low: str | None) -> tuple[re.Pattern[str], str]:
        low = text.lower() if low is None else low
        return (self.folded, low) if len(low) == len(text) else (self.exact, text)

    def search(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        pat, s = self._pick(text, low)
        return pat.search(s, pos, len(s) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        pat, s = self._pick(text, low)
        return pat.finditer(s, pos, len(s) if endpos is None else endpos)
