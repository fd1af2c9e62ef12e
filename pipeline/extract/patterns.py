"""Load the rule data of the extractors from ``corpus/patterns/*.json``, once per process."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from pipeline.extract.literals import required_literals
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


def _scan(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth) of each character of ``pattern`` outside escapes and
    character sets; an opening parenthesis has the depth outside it, a closing one the depth
    inside it."""
    depth, i, in_set = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_set:
            in_set = c != "]"
        elif c == "[":
            in_set = True
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":  # a literal "]" first in the set
                i += 1
            continue
        elif c == "(":
            yield i, c, depth
            depth += 1
        elif c == ")":
            yield i, c, depth
            depth -= 1
        else:
            yield i, c, depth
        i += 1


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (outside groups and character sets)."""
    out: list[str] = []
    start = 0
    for i, c, depth in _scan(pattern):
        if c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def without_outer_group(pattern: str) -> str:
    """``pattern`` without a non-capturing group that encloses all of it (``(?:a|b)`` ->
    ``a|b``: the same matches), so that its alternatives are seen as top-level ones."""
    if not pattern.startswith("(?:"):
        return pattern
    closing = next(i for i, c, depth in _scan(pattern) if c == ")" and depth == 1)
    return pattern[3:-1] if closing == len(pattern) - 1 else pattern


def word_start_alternation(patterns: list[str]) -> str:
    """``alternation(patterns)`` with the ``\\b`` that opens alternatives taken out of each run
    of such alternatives: ``\\ba|\\bb|c`` becomes ``\\b(?:(?:a)|(?:b))|(?:c)``. The same
    matches, in the same order of preference (``\\b`` is a zero-width test at the same place),
    but Python's re makes that test once per position instead of once per alternative, and
    most positions of a text are inside words, where it fails."""
    parts: list[str] = []
    run: list[str] = []
    for alt in (a for p in patterns for a in top_level_alternatives(p)):
        if alt.startswith("\\b"):
            run.append(alt[2:])
            continue
        if run:
            parts.append(f"\\b(?:{alternation(run)})")
            run = []
        parts.append(f"(?:{alt})")
    if run:
        parts.append(f"\\b(?:{alternation(run)})")
    return "|".join(parts)


def named_group(name: str, patterns: list[str]) -> str:
    """``alternation(patterns)`` as the group ``name``; where every alternative opens with
    ``\\b``, the ``\\b`` stands before the group, so that ``word_start_alternation`` over
    several such groups tests it once per position (the same matches, the same group)."""
    alts = [a for p in patterns for a in top_level_alternatives(p)]
    if all(a.startswith("\\b") for a in alts):
        return f"\\b(?P<{name}>{alternation([a[2:] for a in alts])})"
    return f"(?P<{name}>{alternation(patterns)})"


def fold(pattern: str) -> str:
    """``pattern`` to be matched on lower-cased text: lower case, without its (?i) flags and
    without a group that encloses all of it."""
    low = pattern.lower().replace("(?i:", "(?:").replace("(?i)", "").replace("(?p<", "(?P<")
    return without_outer_group(low)


_UNSAFE_FOLD = re.compile(r"\\[SWDBAZNuUx]|\(\?-i|\(\?P<[^>]*[A-Z]")


def _compile_word_start(patterns: list[str], flags: int) -> re.Pattern[str]:
    return re.compile(word_start_alternation(patterns) if patterns else r"(?!x)x", flags)


class FoldedPattern:
    """A case-insensitive alternation matched on lower-cased text, which Python's ``re`` does
    two to three times faster than with ``re.IGNORECASE``. Matches carry offsets into the
    text; their groups are lower-cased, so take substrings of the original by span. Falls back
    to ``re.IGNORECASE`` where lower-casing would change the text's length."""

    def __init__(self, patterns: list[str], flags: int = 0) -> None:
        flags &= ~re.IGNORECASE
        self._patterns = patterns
        self._flags = flags
        for p in patterns:
            if _UNSAFE_FOLD.search(p):
                raise ValueError(f"pattern cannot be case-folded (use [^\\w] etc.): {p}")
        # Inline (?i) flags are moot on lower-cased text and would only slow matching down;
        # named groups keep their "(?P<" (their names are lower case, checked above). A
        # pattern written as one "(?i:...)" group is unwrapped, so that the "\b" opening its
        # alternatives is tested once per position (``word_start_alternation``).
        self.folded = _compile_word_start([fold(p) for p in patterns], flags)

    @cached_property
    def exact(self) -> re.Pattern[str]:
        # Compiled on first use: few texts change length when lower-cased, and compiling the
        # big alternations is a good part of a cold start.
        return _compile_word_start(self._patterns, self._flags | re.IGNORECASE)

    @cached_property
    def needles(self) -> tuple[str, ...] | None:
        """Literals of which every match on lower-cased text contains one (or None)."""
        return required_literals(self.folded.pattern, self.folded.flags)

    def _pick(self, text: str, low: str | None) -> tuple[re.Pattern[str], str] | None:
        """The pattern and the string to match it on; None where the string cannot match."""
        low = text.lower() if low is None else low
        if len(low) != len(text):
            return self.exact, text
        needles = self.needles
        if needles is not None and not any(map(low.__contains__, needles)):
            return None
        return self.folded, low

    def search(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        picked = self._pick(text, low)
        if picked is None:
            return None
        pat, s = picked
        return pat.search(s, pos, len(s) if endpos is None else endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, low: str | None = None):
        picked = self._pick(text, low)
        if picked is None:
            return iter(())
        pat, s = picked
        return pat.finditer(s, pos, len(s) if endpos is None else endpos)
