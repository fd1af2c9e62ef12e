"""Clean PDF-extracted motion text while keeping a map back to the original offsets.

Margin line numbers go first (a numbering is a run of numbered lines whose numbers count the
lines). Pass 1 removes page headers and footers, letterhead lines and form-field placeholders
and undoes line-break hyphenation. Pass 2 rejoins lines that the PDF wrapped inside running prose
and keeps the line breaks that carry structure (headings, lists, form rows, signatures).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.hyphens import SUSPENDED
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
        if SUSPENDED.match(m.string, m.end()):  # "Klima-" / "und Transformationsfonds"
            return "- "
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


# Line numbers in the margin (party conventions' Antragsbücher, Antragsgrün exports, some
# Landtag papers): a number at a line's start, alone or before the line's text.
_LINE_NUMBER = re.compile(r"^[ \t]*(\d{1,4})(?:[ \t]+(?=[^\s|+])|[ \t]*$)", re.MULTILINE)
# A margin numbering: numbered lines in a row whose numbers rise by one (every line numbered)
# or by the lines between them (every fifth), with at most MAX_UNNUMBERED_GAP unnumbered lines
# (a page footer, a heading) between two of them, in at most MAX_SKIP_SHARE of the steps; at
# least MIN_NUMBERED_LINES of them when the numbering starts at FIRST_LINE_MAX or below, else at
# least MIN_CONTINUED_LINES (a page of a numbering that started earlier: not a table of five
# years, 2025 to 2029).
MIN_NUMBERED_LINES = 5
MIN_CONTINUED_LINES = 15
FIRST_LINE_MAX = 5
MAX_UNNUMBERED_GAP = 6
MAX_SKIP_SHARE = 0.2


def _margin_numbers(text: str) -> set[int]:
    """Start offsets of the line numbers that form a margin numbering of ``text``."""
    found = {m.start(): int(m.group(1)) for m in _LINE_NUMBER.finditer(text)}
    if len(found) < MIN_NUMBERED_LINES:
        return set()
    out: set[int] = set()

    def close(run: list[int], skips: int) -> None:
        long_enough = len(run) >= MIN_CONTINUED_LINES or (
            len(run) >= MIN_NUMBERED_LINES and found[run[0]] <= FIRST_LINE_MAX
        )
        # footnotes and numbered table rows wrap onto unnumbered lines; a margin numbering
        # skips lines only at a page break
        if long_enough and skips <= MAX_SKIP_SHARE * (len(run) - 1):
            out.update(run)

    run: list[int] = []  # offsets of the run's numbered lines
    skips = 0  # numbers rising by one across unnumbered lines
    last_line, last_n, pos = -(10**9), -1, 0
    for line, content in enumerate(text.split("\n")):
        n = found.get(pos)
        pos += len(content) + 1
        if n is None:
            continue
        gap = line - last_line
        # every line numbered (page footers between go unnumbered), or every k-th line
        if gap <= MAX_UNNUMBERED_GAP + 1 and n - last_n in (1, gap):
            run.append(pos - len(content) - 1)
            skips += n - last_n != gap
        else:
            close(run, skips)
            run, skips = [pos - len(content) - 1], 0
        last_line, last_n = line, n
    close(run, skips)
    return out


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
    numbers = _margin_numbers(t0)
    if numbers:
        t0, mn = substitute(t0, _LINE_NUMBER, lambda m: "" if m.start() in numbers else m.group(0))
        maps = (*maps, mn)
    t1, m1 = substitute(t0, pat, _pass1)
    t2, m2 = substitute(t1, _PASS2, _pass2)
    t3, m3 = substitute(
        t2, _LEADING, lambda m: "" if m.start() == 0 or m.end() == len(m.string) else " "
    )
    return CleanText(t3, text, (*maps, m1, m2, m3))
