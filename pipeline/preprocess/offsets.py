"""Piecewise offset maps from edited text back to the text it was made from."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable


class OffsetMap:
    """Maps offsets of an edited text to offsets of its source.

    The edited text is a sequence of segments, each either copied 1:1 from the source or a
    replacement; ``starts[i]`` is where segment i begins in the edited text, ``src[i]`` where it
    begins in the source, ``src_end[i]`` where it ends there.
    """

    __slots__ = ("starts", "src", "src_end", "copied")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.src: list[int] = []
        self.src_end: list[int] = []
        self.copied: list[bool] = []

    def _add(self, start: int, src: int, src_end: int, copied: bool) -> None:
        self.starts.append(start)
        self.src.append(src)
        self.src_end.append(src_end)
        self.copied.append(copied)

    def __call__(self, pos: int, end: bool = False) -> int:
        """Source offset of ``pos``; with ``end=True`` a position just after a span (exclusive)."""
        if not self.starts:
            return pos
        i = bisect_right(self.starts, pos) - 1
        if i < 0:
            return 0
        if self.copied[i]:
            return min(self.src[i] + (pos - self.starts[i]), self.src_end[i])
        # Inside a replacement: a span ending here ends after the replaced source text.
        if end and pos > self.starts[i]:
            return self.src_end[i]
        return self.src[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self(start), self(end, end=True) if end > start else self(start)


def substitute(
    text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]
) -> tuple[str, OffsetMap]:
    """Like ``pattern.sub(repl, text)``, also returning the map from result to ``text`` offsets."""
    out: list[str] = []
    omap = OffsetMap()
    pos = 0  # in text
    length = 0  # of output so far
    for m in pattern.finditer(text):
        a, b = m.span()
        r = repl(m)
        if r == m.group(0):
            continue
        if a > pos:
            omap._add(length, pos, a, True)
            out.append(text[pos:a])
            length += a - pos
        if r:
            omap._add(length, a, b, False)
            out.append(r)
            length += len(r)
        pos = b
    if pos < len(text):
        omap._add(length, pos, len(text), True)
        out.append(text[pos:])
        length += len(text) - pos
    omap._add(length, len(text), len(text), True)  # sentinel for offsets at the very end
    return "".join(out), omap
