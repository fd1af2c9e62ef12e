"""Metadata from the head of a motion for inputs that carry none (plain text, PDF)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pipeline.ingest.title_rules import document_types, structural_pick, title_skips, typed_title

_NUMERIC_DATE = re.compile(
    r"\b(?:Datum|vom|Stand)[:\s]*(\d{1,2})\.(\d{1,2})\.(\d{4})\b", re.IGNORECASE
)
_ANY_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


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
    months = document_types()["months"]
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
    for t in document_types()["types"]:
        if re.search(r"\b" + re.escape(t["name"]) + r"\b", head, re.IGNORECASE):
            if best is None or len(t["name"]) > len(best["name"]):
                best = t
    return best["type"] if best else None


_DEFAULT = object()


def guess_title(text: str, paper_type: str | None, model: Any = _DEFAULT) -> str:
    """A title line: "<Typ> - <Titel>" or "<Typ>: <Titel>" when the head has one, else the line
    the title model (``title_lines.py``; ``model``: default the shipped one) scores best where
    it is sure enough, else the first line that no rule skips; "" where the head holds none
    (the first line itself a letterhead, a motion number or a submitter line)."""
    typed = typed_title(text)
    if typed:
        return typed
    if model is _DEFAULT:
        from pipeline.ingest.title_lines import default_model

        model = default_model()
    if model is not None:
        title = model.title(text)
        if title:
            return title
    lines = [ln.strip().lstrip("#").strip() for ln in text.splitlines() if ln.strip()]
    picked = structural_pick(lines[:30])[1]
    if picked or not lines or any(p.search(lines[0]) for p in title_skips()):
        return picked  # a letterhead, motion number or submitter line is no title
    return lines[0][:200]


def text_metadata(text: str) -> dict[str, str | None]:
    head = text[: document_types()["head_chars"]]
    paper_type = guess_paper_type(head)
    return {
        "title": guess_title(text, paper_type),
        "date": guess_date(head),
        "paper_type": paper_type,
    }
