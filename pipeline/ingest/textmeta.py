"""Metadata from the head of a motion for inputs that carry none (plain text, PDF)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from pipeline.ingest.title_rules import (
    budget_position_title,
    document_types,
    labelled_title,
    structural_pick,
    title_never,
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
_DATE_LABEL = re.compile(
    r"(?i)\b(?:Datum|Eingereicht(?:[ \t]+am)?|Eingang|eingegangen(?:[ \t]+am)?)[ \t]*:?[ \t]*$"
)
# a meeting of several days ("26.–28. November 2027", "15. bis 17. Oktober")
_DAY_RANGE = re.compile(r"\d{1,2}\.\s*(?:–|-|bis|und|/)\s*\d{1,2}\.")
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


@lru_cache(maxsize=1)
def _date_contexts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = document_types()
    return re.compile(d["date_not_own"]), re.compile(d["date_session"])


# A session's date in the line above its row ("Gremium  Termin  TOP" over "Gemeinderat
# 14.03.2017"), or a meeting whose "am" ends the line before.
_SESSION_ABOVE = re.compile(r"(?i)\bTermin\b|\bam\s*$")
# a table of the meetings that treat the paper: its rows' dates are meetings'
_SESSION_TABLE = re.compile(
    r"(?im)^[^\n]*(?:\bBeratungsfolge\b|\bGremium\b[^\n]*\b(?:Termin|Sitzung|Datum)\b|Sitzungstermin)"
)
# a row of such a table: the meeting's role after its date
_SESSION_ROW = re.compile(
    r"(?i)^[^\n]{0,40}?(?:Vorberatung|Entscheidung|Beschlussfassung|Kenntnisnahme|\bTOP\b|öffentlich)"
)
# a line that runs on into the date below it ("mit Beschluss vom\n15. November 2016")
_RUNS_ON = re.compile(r"(?:\b[a-zäöüß]+|[,–-])[ \t]*$")


# How a paper's own date stands in its letterhead: after its place ("Ulm, den 20.07.2026") or a
# label ("vom:", "Eingang:"), alone on its line or in a right-hand column.
_PLACED_DATE = re.compile(
    r"(?i)(?:^|[ \t]{3})[ \t|│]*(?:[A-ZÄÖÜ][\w.()/\- ]{0,40},[ \t]*(?:den[ \t]+)?|(?:vom|Eingang|"
    r"eingegangen[ \t]+am|Stand|Ausgegeben[ \t]+am)[ \t:]*)$|\bWahlperiode[ \t]+$"
)
_ALONE_DATE = re.compile(r"^[ \t|│]*$|\S[ \t]{3,}$")


def _date_kind(head: str, start: int) -> str:
    """The kind of the date at ``start``: "other" (a deadline, a law's date), "session" (a
    meeting's), "letter" (as letterheads give theirs) or "inline"."""
    not_own, session = _date_contexts()
    line_start = head.rfind("\n", 0, start) + 1
    before = head[line_start:start]
    above_start = head.rfind("\n", 0, max(0, line_start - 1)) + 1
    above = head[above_start : max(above_start, line_start - 1)]
    # a deadline broken over two lines: "bis zum\n 8. Mai 2028"
    if not_own.search((above + " " + before) if not before.strip() else before):
        return "other"
    line_end = head.find("\n", start)
    if (
        session.search(before)
        or (not before.strip(" \t|│") and _SESSION_ABOVE.search(above))
        or _DAY_RANGE.match(head, start)
        or _SESSION_ROW.search(head[start : line_end if line_end >= 0 else len(head)])
    ):
        return "session"
    if _PLACED_DATE.search(before):
        return "letter"
    for m in _SESSION_TABLE.finditer(head, 0, start):
        if head.count("\n", m.start(), start) <= 8:
            return "session"
    if not before.strip() and _RUNS_ON.search(above):
        return "inline"
    return "letter" if _ALONE_DATE.search(before) else "inline"


# The end of a text searched for the date above its signature.
TAIL_CHARS = 600


def date_tail(text: str, head_chars: int) -> str:
    """The end of ``text`` after its head, where a signature's place and date stand."""
    return text[head_chars:][-TAIL_CHARS:]


def guess_date(head: str, tail: str = "") -> str | None:
    """The motion's date: a labelled one ("Datum 14.11.2024", "Eingang: …"), else the first
    date of the head that stands as a letterhead's does (alone on its line, in a right-hand
    column, after its place or "vom:"), else such a date in ``tail`` (above the signature),
    else the first other date of the head. A deadline, a date from which something applies and
    a law's date are never the motion's ("bis zum 30. Juni 2025", "ab dem 1. Januar 2027",
    "Urteil … vom …"); a meeting's ("zur Sitzung des Rates am …", a "Beratungsfolge" row) only
    where no letterhead's date is found: ``bench/eval_dates.py``."""
    found = _dates(head)
    for start, iso in found:
        if _DATE_LABEL.search(head, max(0, start - 40), start):
            return iso
    kinds = [(_date_kind(head, start), iso) for start, iso in found]
    for kind, iso in kinds:
        if kind == "letter":
            return iso
    # the place and date above the signature ("Dresden, 11. November 2027")
    for start, iso in _dates(tail):
        if _date_kind(tail, start) == "letter":
            return iso
    return next((iso for kind, iso in kinds if kind != "other"), None)


def _first_type(text: str) -> str | None:
    """The type of the paper-type name that starts first in ``text``, the longest there."""
    hits = []
    for t in document_types()["types"]:
        m = re.search(r"\b" + re.escape(t["name"]) + r"\b", text, re.IGNORECASE)
        if m:
            hits.append((m.start(), -len(t["name"]), t["type"]))
    return min(hits)[2] if hits else None


# A heading set in spaced letters ("A n t r a g", "G r o ß e   A n f r a g e"), as PDF text
# layers give Bundesrat and Landtag papers: letters one space apart, words two or more apart.
_SPACED_WORD = r"(?:[A-ZÄÖÜa-zäöüß] )+[A-ZÄÖÜa-zäöüß]"
_LETTER_SPACED = re.compile(
    rf"^[ \t]*(?:[A-ZÄÖÜa-zäöüß] ){{3,}}[A-ZÄÖÜa-zäöüß](?:[ \t]{{2,}}{_SPACED_WORD})*(?=[ \t]*$)",
    re.MULTILINE,
)


def _unspaced(m: re.Match[str]) -> str:
    words = re.split(r"[ \t]{2,}", m.group(0).strip())
    return " ".join(w.replace(" ", "") for w in words)


def guess_paper_type(head: str) -> str | None:
    """The paper type of a "<Typ> - <Titel>" line ("Haushaltsbegleitantrag - Integrationsplan
    …"), else the one the head names first, the longest name where several start there ("Kleine
    Anfrage", not "Anfrage"). A later one is mostly the justification's ("wie die Kleine Anfrage
    vom März zeigte"): ``bench/eval_paper_types.py``."""
    head = _LETTER_SPACED.sub(_unspaced, head)
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
    typed = typed_title(text) or labelled_title(text) or budget_position_title(text)
    if typed:
        return _unlabelled(typed)
    if model is _DEFAULT:
        from pipeline.ingest.title_lines import default_model

        model = default_model()
    if model is not None:
        title = model.title(text)
        if title:
            return _with_type_line(text, _unlabelled(title))
    lines = [ln.strip().lstrip("#").strip() for ln in text.splitlines() if ln.strip()]
    picked = structural_pick(lines[:30])[1]
    if picked or not lines or any(p.search(lines[0]) for p in (*title_skips(), *title_never())):
        return _unlabelled(picked)  # a letterhead, motion number or submitter line is no title
    return _unlabelled(lines[0][:200])


_TITLE_LABEL = re.compile(
    r"^(?:Betreff|Betr\.|Thema|Gegenstand|(?:Antrags)?[Tt]itel|hier|(?:zu\s+)?TOP(?:\s*\d+(?:\.\d+)*)?)"
    r"\s*:\s*(?=\S)",
    re.IGNORECASE,
)


_EMPHASIS = re.compile(r"^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$")  # Markdown: "**Titel**"
# A motion's number in a party's motion book before its title ("V-07 Günstiges Azubi-Ticket",
# "A12: Mehr Busse"): with a hyphen or a colon, so that "A 5 Ausbau" stays whole.
_MOTION_CODE = re.compile(
    r"^(?:[A-ZÄÖÜ]{1,3}(?:(?:-\d{1,3}[a-z]?){1,2}(?:\s*:)?|\d{1,3}[a-z]?\s*:)"
    # a list number ("Nr. 07 – Kunstrasen …")
    r"|Nr\.\s?\d{1,3}[a-z]?\s+[–-])"
    r"\s+(?=[A-ZÄÖÜ„\"])"
)
# a margin line number before a title (a motion book numbers its lines: "1   Gebührenfreie Kita")
_MARGIN_NUMBER = re.compile(r"^\d{1,4}[ \t]{2,}(?=[A-ZÄÖÜ„\"])")


# Allris subject lines put the submitters before the title ("Antrag der Fraktion X und der
# Y-Fraktion: Trinkbrunnen …"); a bill's title its Drucksache after it ("… – Drucksache 8/4810 –").
_SUBMITTER_PREFIX = re.compile(
    r"^(?:Gemeinsamer\s+|Interfraktioneller\s+)?(?:Antrag|Anfrage)\s+(?:der|des)\s+"
    r"(?:[\w-]*[Ff]raktion(?:en)?|Gruppe|Ratsgruppe)\b[^:]{0,120}:\s+(?=\S)"
)
# Hessen's "betreffend <Titel>"; an amendment's "zu „<Titel des Antrags>“" (also "zur
# Magistratsvorlage 2026-31 „<Titel>“"); a budget motion's
# "Haushaltsplan 2026/2027; hier: <Titel>"
_REFERENCE_PREFIX = re.compile(
    r"(?i)^(?:betreffend|betr\.)\s+(?=\S)|^.{0,80}?[;,]\s*hier\s*:\s*(?=\S)"
)
_QUOTED_REFERENCE = re.compile(
    r"^(?:zu[mr]?|über)\s+(?:[\w-]*(?:[Vv]orlage|[Aa]ntrag|Drucksache)\s+(?:Nr\.\s*)?\S*\d\S*\s+)?"
    r"[„\"»](.+?)[“\"«]\s*$"
)
# what a title line carries after the title: the paper it amends, the budget position
_REFERENCE_TAIL = re.compile(
    r"\s*\((?:(?:\w*[Aa]ntrag|Anfrage)\s+zu[mr]?\b|Kap(?:itel|\.)|Einzelplan|Epl\.)[^)]*\)\s*$"
)
_DRUCKSACHE_TAIL = re.compile(
    r"\s*(?:[-–]\s*Drucks(?:ache|\.)\s*\d[\d/]*\s*[-–]?|\(\s*Drucks(?:ache|\.)\s*\d[\d/]*\s*\)"
    # the amended paper in brackets: "(Beschlussvorlage VG/2026/118)", "(Vorlage 2024/0815)"
    r"|\(\s*(?:Beschlussvorlage|Vorlage|Verwaltungsvorlage)\s+[\w/.-]*\d[\w/.-]*\s*\)"
    # bare, on the line below the title: "… Jugendhilfegesetzbuches" / "Drucksache 21/3102"
    r"|(?<=[a-zäöüß])"
    + "".join(rf"(?<!\s{w})" for w in ("zu", "zur", "der", "die", "den", "dem", "des", "in", "aus"))
    + r"\s+"
    r"Drucks(?:ache|\.)\s*\d+/\d+)\s*$"
)


def _unlabelled(title: str) -> str:
    """A title line without its form label ("Betreff: Radweg …" -> "Radweg …"), Markdown
    emphasis, the submitters or the reference before it ("betreffend", "zu „…“", "…; hier:"),
    or the Drucksache, amended paper or budget position after it."""
    title = _MOTION_CODE.sub("", _EMPHASIS.sub("", _TITLE_LABEL.sub("", title)))
    title = _MARGIN_NUMBER.sub("", title)
    title = _REFERENCE_PREFIX.sub("", _SUBMITTER_PREFIX.sub("", title))
    title = _DRUCKSACHE_TAIL.sub("", title)
    if m := _QUOTED_REFERENCE.match(title):
        title = m.group(1)
    if m := _WHOLLY_QUOTED.match(title):  # „Sachstand der Sanierung des Hallenbads“
        title = m.group(1)
    return _REFERENCE_TAIL.sub("", title)


_FRAGMENT_START = re.compile(r"(?:zur|zum|zu)\s")
_TYPE_LINE = re.compile(r"(?:Änderungs|Ergänzungs|Ersetzungs|Zusatz)antrag", re.IGNORECASE)


def _with_type_line(text: str, title: str) -> str:
    """A title that opens with "zur"/"zum" ("zur Drucksache 2417/2025 „Radverkehrskonzept“")
    with the paper type that stands alone on the line above ("Änderungsantrag"), as the
    paper's own title reads."""
    if not _FRAGMENT_START.match(title):
        return title
    words = title.split()[:3]
    m = re.search(r"\s+".join(map(re.escape, words)), text)
    if m is None:
        return title
    above = [ln.strip() for ln in text[: m.start()].splitlines() if ln.strip()]
    if above and _TYPE_LINE.fullmatch(above[-1]):
        kind = above[-1]
        return f"{kind.capitalize() if kind.isupper() else kind} {title}"
    return title


_WHOLLY_QUOTED = re.compile(r"^[„\"»“]\s*([^„“”\"»«]+?)\s*[“”\"«]$")


def text_metadata(text: str) -> dict[str, str | None]:
    head = text[: document_types()["head_chars"]]
    paper_type = guess_paper_type(head)
    return {
        "title": guess_title(text, paper_type),
        "date": guess_date(head, date_tail(text, len(head))),
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
    if date_missing and m.date is None and (day := guess_date(head, date_tail(m.text, len(head)))):
        m.date = day
        filled.append("date")
    if filled:
        m.meta["metadata_from"] = "text: " + ", ".join(filled)


def title_from_text(m: Motion) -> bool:
    """Whether ``m``'s title was read from its text (``fill_from_text``), not given."""
    return "title" in str(m.meta.get("metadata_from", ""))
