"""Metadata from the head of a motion for inputs that carry none (plain text, PDF)."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from typing import Any

from pipeline.paths import PATTERNS_DIR

_NUMERIC_DATE = re.compile(
    r"\b(?:Datum|vom|Stand)[:\s]*(\d{1,2})\.(\d{1,2})\.(\d{4})\b", re.IGNORECASE
)
_ANY_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return json.loads((PATTERNS_DIR / "document_types.json").read_text(encoding="utf-8"))


def _iso(day: str, month: int, year: str) -> str | None:
    d, y = int(day), int(year)
    if not 1900 < y < 2100:
        return None
    try:
        return date(y, month, d).isoformat()
    except ValueError:  # 30.02., 31.04.: not a date
        return None


def guess_date(head: str) -> str | None:
    """The motion's date: a labelled numeric date ("Datum 14.11.2024", "vom 02.02.2016"), else a
    written one ("vom 12. November 2024"), else the first numeric date of the head."""
    m = _NUMERIC_DATE.search(head)
    if m:
        return _iso(m.group(1), int(m.group(2)), m.group(3))
    months = _data()["months"]
    written = re.search(
        r"\b(\d{1,2})\.\s*(" + "|".join(months) + r")\s+(\d{4})\b", head, re.IGNORECASE
    )
    if written:
        return _iso(written.group(1), months.index(written.group(2).lower()) + 1, written.group(3))
    for m in _ANY_NUMERIC_DATE.finditer(head):
        iso = _iso(m.group(1), int(m.group(2)), m.group(3))
        if iso:
            return iso
    return None


def guess_paper_type(head: str) -> str | None:
    """The most specific paper type named in the head of the text."""
    best = None
    for t in _data()["types"]:
        if re.search(r"\b" + re.escape(t["name"]) + r"\b", head, re.IGNORECASE):
            if best is None or len(t["name"]) > len(best["name"]):
                best = t
    return best["type"] if best else None


def guess_title(text: str, paper_type: str | None) -> str:
    """A title line: "<Typ> - <Titel>" or "<Typ>: <Titel>" when the head has one, else the
    first non-empty line."""
    lines = [ln.strip().lstrip("#").strip() for ln in text.splitlines() if ln.strip()]
    names = "|".join(re.escape(t["name"]) for t in _data()["types"])
    for ln in lines[:25]:
        m = re.match(
            rf"^(?:{names})\s*[-–:]\s*(.+?)(?:\s+(?:Antrag|Anfrage) der\b.*)?$", ln, re.IGNORECASE
        )
        if m and len(m.group(1)) > 5:
            return m.group(1).strip()[:200]
    return _structural_title(lines[:30]) or (lines[0][:200] if lines else "")


SENTENCE_WORDS = 8  # a head line this long that ends with a full stop is a sentence, no title
SUBMITTERS_START = re.compile(r"(?i)^(?:der|des)\s+Abgeordneten\b")
SUBMITTERS_END = re.compile(r"\b(?:Fraktion|Fraktionen|Gruppe)\b")


def _structural_title(lines: list[str]) -> str:
    """The first line of the head that is no letterhead, address or header line (and the
    lines that continue it, for titles broken over lines), or "" when none is found."""
    skip = [re.compile(p) for p in _data().get("title_skip", [])]
    in_submitters = 0  # lines left of a "der Abgeordneten ... und der Fraktion X" block
    for i, ln in enumerate(lines):
        if SUBMITTERS_START.match(ln):
            in_submitters = 25
        if in_submitters:
            in_submitters = 0 if SUBMITTERS_END.search(ln) else in_submitters - 1
            continue
        if len(ln) < 8 or any(p.search(ln) for p in skip) or ln.endswith(":"):
            continue
        if not (ln[0].isupper() or ln[0].isdigit() or ln.startswith("zu ")):
            continue
        title = ln
        for nxt in lines[i + 1 : i + 3]:  # a title broken over lines goes on in lower case
            if len(title) > 160 or title.endswith((".", "!", "?")) or not nxt[:1].islower():
                break
            title += " " + nxt
        if title.endswith(".") and len(title.split()) >= SENTENCE_WORDS:
            return ""  # the text itself begins: the head has no title line
        return title[:200]
    return ""


def text_metadata(text: str) -> dict[str, str | None]:
    head = text[: _data()["head_chars"]]
    paper_type = guess_paper_type(head)
    return {
        "title": guess_title(text, paper_type),
        "date": guess_date(head),
        "paper_type": paper_type,
    }
