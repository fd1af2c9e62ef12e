"""The rules that read a title from the head of a motion without metadata: a "<Typ>: <Titel>"
line, else the first line that no skip pattern of ``document_types.json`` matches. The title
model (``title_lines.py``) takes the rules' pick as one of its features and leaves the decision
to them where it is unsure."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from pipeline.hyphens import BROKEN_AT_END, join_broken
from pipeline.paths import PATTERNS_DIR


@lru_cache(maxsize=1)
def document_types() -> dict[str, Any]:
    return json.loads((PATTERNS_DIR / "document_types.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def type_names() -> str:
    """The paper types of ``document_types.json`` as one regex alternation."""
    return "|".join(re.escape(t["name"]) for t in document_types()["types"])


@lru_cache(maxsize=1)
def title_skips() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in document_types().get("title_skip", [])]


@lru_cache(maxsize=1)
def title_never() -> list[re.Pattern[str]]:
    """Lines that are never a title, whatever the title model scores (``title_never``, and
    the session lines of ``title_session_line``)."""
    return [re.compile(p) for p in document_types().get("title_never", [])] + [session_line()]


@lru_cache(maxsize=1)
def session_line() -> re.Pattern[str]:
    """A line that names the session a paper is put to ("zur Sitzung des Kreistages am …",
    "zu der dritten Beratung des Gesetzentwurfs …"): never a title, never a title's part."""
    return re.compile(document_types()["title_session_line"])


@lru_cache(maxsize=1)
def typed_line_start() -> re.Pattern[str]:
    """A line that opens with a paper type and a dash or colon ("Haushaltsantrag - …",
    "Anfrage: …"): the paper type's line and a title's (``textmeta``, the title model)."""
    return re.compile(rf"^(?:{type_names()})\s*[-–:]\s*\S", re.IGNORECASE)


@lru_cache(maxsize=1)
def _typed_line() -> re.Pattern[str]:
    basis = document_types().get("legal_basis", "")
    return re.compile(
        # a hyphen separates with a space beside it ("Antrag - Titel"); one inside a word
        # ends the legal basis nowhere ("… des Rhein-Sieg-Kreises")
        rf"^(?:{type_names()})(?:{basis})?(?:\s*[–:]\s*|\s+-\s*|-\s+)(.+?)"
        r"(?:\s+(?:Antrag|Anfrage) der\b.*)?$",
        re.IGNORECASE,
    )


def typed_title(text: str) -> str:
    """The title of a "<Typ> - <Titel>" or "<Typ>: <Titel>" line of the head (also with the
    type's legal basis: "Anfrage nach § 24 Abs. 4 GemO: <Titel>"), with the line that
    continues it, or ""."""
    raw = [ln.strip().lstrip("#").strip() for ln in text.splitlines()[:80]]
    typed = _typed_line()
    never = title_never()
    for k, ln in [(k, ln) for k, ln in enumerate(raw) if ln][:25]:
        m = typed.match(ln)
        if m and len(m.group(1)) > 5 and not any(p.search(m.group(1).strip()) for p in never):
            title = m.group(1).strip()  # not "Antrag-Nr. 15/312"
            nxt = raw[k + 1] if k + 1 < len(raw) else ""
            if nxt and (_continues(title, nxt) or _closes_paragraph(raw, k + 1)):
                title = join_title_lines(title, nxt)
            return title[:200]
    return ""


def _continues(title: str, line: str) -> bool:
    """Whether ``line`` goes on with ``title``: the title ends open or the line starts
    lower-case."""
    return bool(OPEN_END.search(title)) or line[:1].islower()


# A line that cannot go on a title: a form label, a salutation, a sentence.
_NOT_TITLE_TAIL = re.compile(
    r"(?i):|^(?:Sehr|Liebe|Hallo|Antrag|Anfrage|Begründung)\b|[.!?;]$|fraktion|\bGruppe\b"
)


def _closes_paragraph(raw: list[str], i: int) -> bool:
    """Whether ``raw[i]``, right below a title, is the short last line of its paragraph ("…
    zum Nachbarschaftstreff" / "Bahrenfelder Höfe" / blank): the title's second line."""
    line = raw[i].strip()
    after = raw[i + 1].strip() if i + 1 < len(raw) else ""
    return (
        bool(line)
        and not after
        and len(line) <= 80
        and not _NOT_TITLE_TAIL.search(line)
        and not any(p.search(line) for p in (*title_never(), *title_skips()))
    )


_SUBJECT_LABEL = re.compile(
    r"(?i)^(?:Betreff|Betr\.|Kurztitel|Gegenstand|(?:Antrags)?titel)(?:\s*:\s*(.*)|\s*)$"
)
_COLUMN_GAP = re.compile(r"\s{3,}")  # a right-hand column beside the value ("…   Datum: 3.6.")
_HIER = re.compile(r"(?i)^hier\s*:\s*")
# Words a title does not end with: an article, preposition, conjunction or an adjective's ending
# at a line's end means the title goes on in the next line ("… Wasserzeiten für den" /
# "Schwimmunterricht ausweiten").
_OPEN_WORDS = (
    r"der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|und|oder|sowie|für|von|"
    r"vom|zu|zum|zur|mit|im|in|am|an|auf|bei|durch|gegen|über|unter|nach|aus|ohne|als|statt"
)
# (an article before a lower-case word ends no title: "… auf den allgemeinen" / "Arbeitsmarkt")
OPEN_END = re.compile(
    rf"(?:\b(?:{_OPEN_WORDS})|\b[a-zäöü]\w*(?:ische|liche|ige)[nrs]?|[-–,]"
    r"|\b(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen)\s+[a-zäöüß][\w-]*)$"
)
# the same without the adjective endings: a short closing line ("ermöglichen") ends a title
# unless an article, conjunction, preposition or dash ends it ("… und der" / "Feuerwehr")
OPEN_WORD_END = re.compile(rf"\b(?:{_OPEN_WORDS})$|[-–,]$")


def join_title_lines(title: str, line: str) -> str:
    """A title line and the next: "Quartiersumgestal-" + "tung" is one word; "Rad-" + "und
    Fußwege" keeps its hyphen and the space (``hyphens.join_broken``, as cleaning joins them);
    "Rheinland-" + "Pfalz" its hyphen alone."""
    if joined := join_broken(title, line):
        return joined
    if BROKEN_AT_END.search(title) and line[:1].isupper():
        return title + line  # "Rheinland-" + "Pfalz": a compound's hyphen, kept
    return title + " " + line


def labelled_title(text: str) -> str:
    """The title a form's subject label gives ("Betreff: <Titel>", "Betr.:" with its indented
    lines, "Betreff" alone and the title below; not "TOP:", which often names an agenda's
    section, "V Verschiedenes"); in a "Betr.:" block that names the budget first, what follows
    "Hier:". "" where the head has no such label."""
    raw = text.splitlines()[:80]
    never = title_never()
    for k, line in enumerate(raw):
        m = _SUBJECT_LABEL.match(line.strip())
        if not m:
            continue
        value = (m.group(1) or "").strip()
        if value:  # on the label's line; it goes on in indented lines too
            first, following, indented = value, raw[k + 1 : k + 5], True
        else:  # below the label
            below = [i for i in range(k + 1, min(k + 4, len(raw))) if raw[i].strip()]
            if not below:
                continue
            first, following, indented = raw[below[0]].strip(), raw[below[0] + 1 : k + 4], False
        block = [_COLUMN_GAP.split(first)[0]]
        start = k + 1 if value else below[0] + 1
        for j, nxt in enumerate(following):  # a title broken over lines
            ln = nxt.strip()
            if not ln or not (
                (indented and nxt[:1].isspace())
                or _continues(block[-1], ln)
                or (len(block) == 1 and _closes_paragraph(raw, start + j))
            ):
                break
            block.append(_COLUMN_GAP.split(ln)[0])
        hier = next((i for i, b in enumerate(block) if _HIER.match(b)), None)
        # "Betr.: Haushalt 2027; hier: <Titel>"; not "<Titel>" / "hier: Änderungsantrag der
        # Fraktionen …", whose "hier:" names the paper, not its subject
        if hier is not None and not (
            hier and any(p.search(_HIER.sub("", block[hier])) for p in (*never, *title_skips()))
        ):
            block = [_HIER.sub("", block[hier]), *block[hier + 1 :]]
        elif hier is not None:
            block = block[:hier]
        title = block[0]
        for b in block[1:]:
            title = join_title_lines(title, b)
        title = title.strip()
        if len(title) > 5 and not any(p.search(title) for p in never):
            return title[:200]
    return ""


# "hier: Einzelplan 04 – Ministerium für …" / "      <Titel>": a budget amendment's position, its
# subject on the indented lines below
_HIER_POSITION = re.compile(
    r"(?i)^hier\s*:\s*(?:Einzelplan|Epl\.|Kapitel|Kap\.|Teilhaushalt|Produkt(?:gruppe)?)\b"
)


def budget_position_title(text: str) -> str:
    """The subject under a "hier:" line that names a budget position (a Landtag's budget
    amendment), with its indented lines; "" where the head has none."""
    raw = text.splitlines()[:80]
    for k, line in enumerate(raw):
        if not _HIER_POSITION.match(line.strip()):
            continue
        block = []
        for nxt in raw[k + 1 : k + 4]:
            if not nxt.strip() or not nxt[:1].isspace():
                break
            block.append(nxt.strip())
        if block:
            title = block[0]
            for b in block[1:]:
                title = join_title_lines(title, b)
            return title[:200]
    return ""


# an amendment's line naming the paper it amends, whose quoted title is the title
_REFERENCE_START = re.compile(r"zu\s|zu[mr]\s.*[„\"»]")
SENTENCE_WORDS = 8  # a head line this long that ends with a full stop is a sentence, no title
SUBMITTERS_START = re.compile(r"(?i)^(?:der|des)\s+Abgeordneten\b")
SUBMITTERS_END = re.compile(r"\b(?:Fraktion|Fraktionen|Gruppe)\b")


def structural_pick(lines: list[str]) -> tuple[int | None, str]:
    """(index, title): the first line of the head that is no letterhead, address or header
    line (with the lines that continue it, for titles broken over lines); (None, "") when none
    is found."""
    skip = title_skips() + title_never()
    in_submitters = 0  # lines left of a "der Abgeordneten ... und der Fraktion X" block
    for i, ln in enumerate(lines):
        if SUBMITTERS_START.match(ln):
            in_submitters = 25
        if in_submitters:
            in_submitters = 0 if SUBMITTERS_END.search(ln) else in_submitters - 1
            continue
        if len(ln) < 8 or any(p.search(ln) for p in skip) or ln.endswith(":"):
            continue
        first = ln.lstrip('„"»“')[:1]  # a title in quotes: „Landarztstrategie …"
        if not (first.isupper() or first.isdigit() or _REFERENCE_START.match(ln)):
            continue
        title = ln
        for nxt in lines[i + 1 : i + 3]:  # a title broken over lines goes on in lower case
            if len(title) > 160 or title.endswith((".", "!", "?")) or not nxt[:1].islower():
                break
            if any(p.search(nxt) for p in skip):
                break  # "zur Sitzung des Kreistages am …" below the title
            title += " " + nxt
        if title.endswith(".") and len(title.split()) >= SENTENCE_WORDS:
            return None, ""  # the text itself begins: the head has no title line
        return i, title[:200]
    return None, ""
