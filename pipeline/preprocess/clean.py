"""Clean PDF-extracted motion text while keeping a map back to the original offsets.

Pass 1 removes page headers and footers, letterhead lines and form-field placeholders and
undoes line-break hyphenation. Pass 2 rejoins lines that the PDF wrapped inside running prose
and keeps the line breaks that carry structure (headings, lists, form rows, signatures).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.paths import PATTERNS_DIR
from pipeline.preprocess.offsets import OffsetMap, substitute

LOWER = "a-zäöüß"
UPPER = "A-ZÄÖÜ"
# A line that starts a list item or a form row keeps the break before it.
LIST_START = re.compile(r"^(?:\d{1,2}[.)]\s|[a-z][.)]\s|[-–•·*▪]\s|\(\d{1,2}\)|[IVX]{1,4}\.\s)")
TABLE_LIKE = re.compile(r"\t| {3,}\S")
# Lines at least this long that end without punctuation are taken to be wrapped by the PDF.
MIN_WRAPPED_LINE = 45


@dataclass(frozen=True)
class CleanText:
    """Cleaned text with the original and a map from cleaned to original offsets."""

    text: str
    original: str
    _maps: tuple[OffsetMap, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the cleaned span [start, end)."""
        for m in reversed(self._maps):
            start, end = m(start), (m(end, end=True) if end > start else m(start))
        return start, end

    def original_span_text(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


@lru_cache(maxsize=4)
def _pass1_pattern(patterns_file: str) -> re.Pattern[str]:
    data = json.loads(Path(patterns_file).read_text(encoding="utf-8"))
    drop = "|".join(f"(?:{p})" for p in data["drop_lines"])
    noise = "|".join(f"(?:{p})" for p in data["noise"])
    return re.compile(
        # Every match starts at a line start, at a blank, tab, CR, FF or hyphen, or where a
        # noise text starts: this test rejects the other positions before any alternative is
        # tried there (the same matches, in a third less time).
        rf"(?:^|(?=[ \t\r\f-]|{noise}))"
        rf"(?:(?P<drop>^[ \t]*(?:{drop})[ \t]*(?:\n|\Z))"
        rf"|(?P<noise>[ \t]*(?:{noise})[ \t]*)"
        # wün-\nschenswert -> wünschenswert; Rhein-\nNeckar -> Rhein-Neckar
        rf"|(?P<hyph>(?<=[{LOWER}{UPPER}])-[ \t]*\n[ \t]*(?=[{LOWER}{UPPER}]))"
        r"|(?P<trail>[ \t]+(?=\n)|\r|\f))",
        re.MULTILINE,
    )


def _pass1(m: re.Match[str]) -> str:
    kind = m.lastgroup
    if kind == "hyph":
        nxt = m.string[m.end() : m.end() + 1]
        # Lower case after the break: a word split by the PDF. Upper case: a real compound hyphen.
        return "" if nxt.islower() else "-"
    if kind == "trail":
        return "\n" if m.group(0) in ("\r", "\f") else ""
    return ""


# Windows (CRLF) and old Mac (CR) line ends: one line break each, before anything reads lines
# (pass 1 alone would take CRLF for a blank line, that is a paragraph break).
_LINE_ENDS = re.compile(r"\r\n?")

_PASS2 = re.compile(r"\n(?:[ \t]*\n)+|\n")


def _pass2(m: re.Match[str]) -> str:
    text = m.string
    a, b = m.span()
    line_start = text.rfind("\n", 0, a) + 1
    line = text[line_start:a]
    nxt_end = text.find("\n", b)
    nxt = text[b : nxt_end if nxt_end != -1 else len(text)]
    stripped = line.strip()
    if (
        "\n" in m.group(0)[1:]
    ):  # blank line(s): a paragraph break, unless a page break split a sentence
        if stripped and stripped[-1] not in ".!?:;" and nxt[:1].islower():
            return " "
        return "\n\n"
    if not stripped or not nxt.strip():
        return "\n"
    if (
        len(stripped) >= MIN_WRAPPED_LINE
        and stripped[-1] not in ".!?:;"
        and not LIST_START.match(nxt.lstrip())
        and not TABLE_LIKE.search(line.strip())
        and not TABLE_LIKE.search(nxt.strip())
    ):
        return " "
    return "\n"


# Every match starts at white space: the look-ahead rejects any other position with one test
# instead of trying each alternative there.
_LEADING = re.compile(r"(?=\s)(?:\A\s+|\s+\Z|[ ]{2,})")


def clean_text(text: str, patterns_file: Path | None = None) -> CleanText:
    """Clean ``text`` as described in the module docstring."""
    pat = _pass1_pattern(str(patterns_file or PATTERNS_DIR / "cleaning.json"))
    maps: tuple[OffsetMap, ...] = ()
    t0 = text
    if "\r" in text:
        t0, m0 = substitute(text, _LINE_ENDS, lambda m: "\n")
        maps = (m0,)
    t1, m1 = substitute(t0, pat, _pass1)
    t2, m2 = substitute(t1, _PASS2, _pass2)
    t3, m3 = substitute(
        t2, _LEADING, lambda m: "" if m.start() == 0 or m.end() == len(m.string) else " "
    )
    return CleanText(t3, text, (*maps, m1, m2, m3))
