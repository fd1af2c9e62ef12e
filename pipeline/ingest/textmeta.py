"""Metadata from the head of a motion for inputs that carry none (plain text, PDF)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pipeline.ingest.title_rules import (
    document_types,
    labelled_title,
    structural_pick,
    title_skips,
    typed_line_start,
    typed_title,
)
from pipeline.record import Motion

_NUMERIC_DATE = re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
# "14.03.25" on a line of its own or in a letterhead's right-hand column: the Bundesrat and the
# Hamburg Bürgerschaft date their Drucksachen so; a two-digit year inside a sentence is too
# often something else to be read.
_SHORT_DATE_LINE = re.compile(r"(?m)(?:^|[ \t]{2})[ \t]*(\d{1,2})\.(\d{1,2})\.(\d{2})[ \t]*$")
_NUMERIC_RANGE = re.compile(r"\b(\d{1,2})\.\s?/\s?\d{1,2}\.\s?(\d{1,2})\.\s?(\d{4})\b")
_DATE_LABEL = re.compile(r"(?i)\bDatum[:\s]*$")
# "2025-04-22": how the Schleswig-Holstein Landtag and many council exports date their papers.
_ISO_DATE = re.compile(r"(?<![\d/.-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def _iso(day: str, month: int, year: str) -> str | None:
    d, y = int(day), int(year)
    if not 1900 < y < 2100:
        return None
    try:
        return date(y, month, d).isoformat()
    except ValueError:  # 30.02., 31.04.: not a date
        return None


def _dates(head: str) -> list[tuple[int, str]]:
    """Every valid date in ``head``, numeric or written (and "dd.mm.yy" alone on a line), with
    its position, in text order."""
    found = []
    for m in _NUMERIC_DATE.finditer(head):
        if iso := _iso(m.group(1), int(m.group(2)), m.group(3)):
            found.append((m.start(), iso))
    for m in _ISO_DATE.finditer(head):
        if iso := _iso(m.group(3), int(m.group(2)), m.group(1)):
            found.append((m.start(), iso))
    for m in _SHORT_DATE_LINE.finditer(head):
        if iso := _iso(m.group(1), int(m.group(2)), "20" + m.group(3)):
            found.append((m.start(), iso))
    months = document_types()["months"]
    # a meeting of two days ("9. und 10. Mai 2026", "14./15.03.2025") is dated by its first
    first_day = r"(?:(\d{1,2})\.\s*(?:und|bis|/|–|-)\s*)?"
    written = r"\b" + first_day + r"(\d{1,2})\.\s*(" + "|".join(months) + r")\s+(\d{4})\b"
    for m in re.finditer(written, head, re.IGNORECASE):
        day = m.group(1) or m.group(2)
        if iso := _iso(day, months.index(m.group(3).lower()) + 1, m.group(4)):
            found.append((m.start(), iso))
    for m in _NUMERIC_RANGE.finditer(head):
        if iso := _iso(m.group(1), int(m.group(2)), m.group(3)):
            found = [(a, d) for a, d in found if not m.start() < a < m.end()]  # its last day
            found.append((m.start(), iso))
    return sorted(set(found))


def guess_date(head: str) -> str | None:
    """The motion's date: a date labelled "Datum" ("Datum 14.11.2024"), else the first date of
    the head, numeric or written ("vom 12. November 2024"). The first date is the letterhead's
    or the submission's; later ones are deadlines, meetings, laws and history ("bis zum 30. Juni
    2025", "BGBl. … vom 29.10.2024", "Am 1. Januar 2024 trat …"): ``bench/eval_dates.py``."""
    found = _dates(head)
    for start, iso in found:
        if _DATE_LABEL.search(head, max(0, start - 20), start):
            return iso
    return found[0][1] if found else None


def _first_type(text: str) -> str | None:
    """The type of the paper-type name that starts first in ``text``, the longest there."""
    hits = []
    for t in document_types()["types"]:
        m = re.search(r"\b" + re.escape(t["name"]) + r"\b", text, re.IGNORECASE)
        if m:
            hits.append((m.start(), -len(t["name"]), t["type"]))
    return min(hits)[2] if hits else None


# A heading set in spaced letters ("A n t r a g", "E m p f e h l u n g e n"), as PDF text
# layers give Bundesrat and Landtag papers.
_LETTER_SPACED = re.compile(
    r"^[ \t]*(?:[A-ZÄÖÜa-zäöüß] ){3,}[A-ZÄÖÜa-zäöüß](?=[ \t]*$)", re.MULTILINE
)


def guess_paper_type(head: str) -> str | None:
    """The paper type of a "<Typ> - <Titel>" line ("Haushaltsbegleitantrag - Integrationsplan
    …"), else the one the head names first, the longest name where several start there ("Kleine
    Anfrage", not "Anfrage"). A later one is mostly the justification's ("wie die Kleine Anfrage
    vom März zeigte"): ``bench/eval_paper_types.py``."""
    head = _LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), head)
    lines = [ln.strip().lstrip("#").strip() for ln in head.splitlines() if ln.strip()]
    typed_line = typed_line_start()
    for ln in lines[:25]:
        if typed_line.match(ln):
            return _first_type(ln)
    return _first_type(head)


_DEFAULT = object()


def guess_title(text: str, paper_type: str | None, model: Any = _DEFAULT) -> str:
    """A title line: "<Typ> - <Titel>" or "<Typ>: <Titel>" when the head has one, else the line
    the title model (``title_lines.py``; ``model``: default the shipped one) scores best where
    it is sure enough, else the first line that no rule skips; "" where the head holds none
    (the first line itself a letterhead, a motion number or a submitter line)."""
    typed = typed_title(text) or labelled_title(text)
    if typed:
        return _unlabelled(typed)
    if model is _DEFAULT:
        from pipeline.ingest.title_lines import default_model

        model = default_model()
    if model is not None:
        title = model.title(text)
        if title:
            return _unlabelled(title)
    lines = [ln.strip().lstrip("#").strip() for ln in text.splitlines() if ln.strip()]
    picked = structural_pick(lines[:30])[1]
    if picked or not lines or any(p.search(lines[0]) for p in title_skips()):
        return _unlabelled(picked)  # a letterhead, motion number or submitter line is no title
    return _unlabelled(lines[0][:200])


_TITLE_LABEL = re.compile(
    r"^(?:Betreff|Betr\.|Thema|Gegenstand|Titel|hier|TOP)\s*:\s*(?=\S)", re.IGNORECASE
)


_EMPHASIS = re.compile(r"^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$")  # Markdown: "**Titel**"
# A motion's number in a party's motion book before its title ("V-07 Günstiges Azubi-Ticket",
# "A12: Mehr Busse"): with a hyphen or a colon, so that "A 5 Ausbau" stays whole.
_MOTION_CODE = re.compile(
    r"^[A-ZÄÖÜ]{1,3}(?:-\d{1,3}[a-z]?(?:\s*:)?|\d{1,3}[a-z]?\s*:)\s+(?=[A-ZÄÖÜ„\"])"
)


# Allris subject lines put the submitters before the title ("Antrag der Fraktion X und der
# Y-Fraktion: Trinkbrunnen …"); a bill's title its Drucksache after it ("… – Drucksache 8/4810 –").
_SUBMITTER_PREFIX = re.compile(
    r"^(?:Gemeinsamer\s+|Interfraktioneller\s+)?(?:Antrag|Anfrage)\s+(?:der|des)\s+"
    r"(?:Fraktion(?:en)?|Gruppe|Ratsgruppe)\b[^:]{0,120}:\s+(?=\S)"
)
_DRUCKSACHE_TAIL = re.compile(
    r"\s*(?:[-–]\s*Drucks(?:ache|\.)\s*\d[\d/]*\s*[-–]?|\(\s*Drucks(?:ache|\.)\s*\d[\d/]*\s*\))\s*$"
)


def _unlabelled(title: str) -> str:
    """A title line without its form label ("Betreff: Radweg …" -> "Radweg …"), Markdown
    emphasis, the submitters before it or the Drucksache after it."""
    title = _MOTION_CODE.sub("", _EMPHASIS.sub("", _TITLE_LABEL.sub("", title)))
    return _DRUCKSACHE_TAIL.sub("", _SUBMITTER_PREFIX.sub("", title))


def text_metadata(text: str) -> dict[str, str | None]:
    head = text[: document_types()["head_chars"]]
    paper_type = guess_paper_type(head)
    return {
        "title": guess_title(text, paper_type),
        "date": guess_date(head),
        "paper_type": paper_type,
    }


def fill_from_text(m: Motion, date_missing: bool = True) -> None:
    """The paper type, title and (where ``date_missing``) date that ``m`` lacks, read from the
    head of its text, for inputs whose metadata gives no title (text files, PDFs, a CSV of ids
    and texts); ``m.meta["metadata_from"]`` names what was read there."""
    head = m.text[: document_types()["head_chars"]]
    filled = []
    if not m.paper_type and (paper_type := guess_paper_type(head)):
        m.paper_type = paper_type
        filled.append("paper_type")
    if not m.title and (title := guess_title(m.text, m.paper_type)):
        m.title = title
        filled.append("title")
    if date_missing and m.date is None and (day := guess_date(head)):
        m.date = day
        filled.append("date")
    if filled:
        m.meta["metadata_from"] = "text: " + ", ".join(filled)


def title_from_text(m: Motion) -> bool:
    """Whether ``m``'s title was read from its text (``fill_from_text``), not given."""
    return "title" in str(m.meta.get("metadata_from", ""))
