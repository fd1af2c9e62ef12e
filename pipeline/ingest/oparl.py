"""OParl 1.0/1.1 ``Paper`` objects: pick the motion's own document and map it to a Motion."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from pipeline.ingest.validate import BadDocument, json_id, set_date
from pipeline.record import Motion

PAPER_TYPE_SUFFIX = "/Paper"

# File names and document heads that mark the administration's or the council's papers
# about a motion, not the motion itself.
_NOT_MOTION = re.compile(
    r"stellungnahme|\bstn\b|protokoll|niederschrift|beschlussauszug|auszug|abstimmun|"
    r"\bantwort|ergebnis|\bvorl(?:age)?\.?\s*nr",
    re.IGNORECASE,
)
_ATTACHMENT = re.compile(r"\banlage", re.IGNORECASE)
_MOTION_NAME = re.compile(r"antrag|anfrage|resolution|\bantr\b|[äa]-?antrag", re.IGNORECASE)
# Headings as they stand at the top of a motion; upper case is how templates print them.
_MOTION_HEAD = re.compile(
    r"\b(?:(?:HAUSHALTS|ÄNDERUNGS|ERGÄNZUNGS|ZUSATZ|DRINGLICHKEITS)?ANTRAG|ANFRAGE|"
    r"Haushaltsantrag|Änderungsantrag|Ergänzungsantrag|Interfraktioneller Antrag|"
    r"Antrag der|Anfrage der|Gemeinsamer Antrag)\b"
)
_NOT_MOTION_HEAD = re.compile(
    r"STELLUNGNAHME|Stellungnahme zu|NIEDERSCHRIFT|Niederschrift|Protokoll|PROTOKOLL|"
    r"Abstimmungsergebnis|Beschlussauszug|AUSZUG",
)
HEAD_CHARS = 400
# Letterhead of the paper's OTHER files, kept as evidence of the submitting groups (a
# Stellungnahme "zum Antrag der CDU-Fraktion", a second motion file with its own letterhead).
OTHER_HEAD_LINES = 25
OTHER_HEAD_LINE_CHARS = 200
_LETTER = re.compile(r"[A-Za-zÄÖÜäöüß]{2}")


def is_paper(obj: Any) -> bool:
    return isinstance(obj, Mapping) and str(obj.get("type", "")).endswith(PAPER_TYPE_SUFFIX)


def _score_file(f: Mapping[str, Any]) -> tuple[int, str]:
    """A score for how likely a File is the motion itself, with the reason in words."""
    name = str(f.get("name") or f.get("fileName") or "")
    head = str(f.get("text") or "")[:HEAD_CHARS]
    score, why = 0, []
    if _NOT_MOTION.search(name):
        score -= 4
        why.append("name marks a reply/minutes")
    if _NOT_MOTION_HEAD.search(head):
        score -= 4
        why.append("text opens as a reply/minutes")
    if _MOTION_HEAD.search(head):
        score += 3
        why.append("text opens as a motion")
    if _MOTION_NAME.search(name):
        score += 1
        why.append("name says motion")
    if _ATTACHMENT.search(name):
        score -= 1
        why.append("attachment")
    return score, ", ".join(why) or "no signal"


def select_file(paper: Mapping[str, Any]) -> tuple[Mapping[str, Any] | None, str]:
    """The File that holds the motion's own text, and why it was chosen.

    ``mainFile`` wins when it has text; otherwise the auxiliary file that reads most like the
    motion (not a Stellungnahme, Protokoll, Beschlussauszug or Anlage). Ties keep file order.
    """
    main = paper.get("mainFile")
    if isinstance(main, Mapping) and (main.get("text") or "").strip():
        return main, "mainFile"
    files = [f for f in paper.get("auxiliaryFile") or [] if isinstance(f, Mapping)]
    with_text = [f for f in files if (f.get("text") or "").strip()]
    if not with_text:
        if isinstance(main, Mapping) or files:
            return None, "no file has extracted text"
        return None, "paper has no files"
    scored = [(*_score_file(f), i, f) for i, f in enumerate(with_text)]
    best = max(scored, key=lambda s: (s[0], -s[2]))
    score, why, _, f = best
    label = "auxiliaryFile"
    if score < 0:
        label = "auxiliaryFile (fallback: no file reads like the motion)"
    return f, f"{label}: {why}"


def other_files_heads(paper: Mapping[str, Any], chosen: Mapping[str, Any] | None) -> list[str]:
    """The first lines with letters of each file of ``paper`` other than ``chosen`` (letterhead,
    addressee, "Antrag der ..."), one string per file with text; small enough to store."""
    files = [paper.get("mainFile"), *(paper.get("auxiliaryFile") or [])]
    heads: list[str] = []
    for f in files:
        if not isinstance(f, Mapping) or f is chosen or not (f.get("text") or "").strip():
            continue
        if chosen is not None and f.get("id") is not None and f.get("id") == chosen.get("id"):
            continue
        lines: list[str] = []
        for line in str(f["text"]).splitlines():
            line = " ".join(line.split())
            if line and len(line) <= OTHER_HEAD_LINE_CHARS and _LETTER.search(line):
                lines.append(line)
                if len(lines) >= OTHER_HEAD_LINES:
                    break
        if lines:
            heads.append("\n".join(lines))
    return heads


def organization_names(orgs: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Map Organization ids to names, keeping only factions (Fraktion) where the type says so."""
    names: dict[str, str] = {}
    for org in orgs:
        if not isinstance(org, Mapping) or "id" not in org:
            continue
        kind = " ".join(
            str(org.get(k) or "") for k in ("organizationType", "classification", "name")
        )
        if re.search(r"fraktion|gruppe", kind, re.IGNORECASE):
            names[str(org["id"])] = str(org.get("shortName") or org.get("name") or "")
    return names


# Paper fields and the JSON types OParl allows for them (a File is an object or its URL).
_TEXT = (str, type(None))
_FILE = (Mapping, str, type(None))
_LIST = (list, type(None))
_PAPER_FIELDS: dict[str, tuple[type, ...]] = {
    "id": _TEXT,
    "name": _TEXT,
    "reference": _TEXT,
    "date": _TEXT,
    "paperType": _TEXT,
    "modified": _TEXT,
    "body": (str, Mapping, type(None)),
    "mainFile": _FILE,
    "auxiliaryFile": _LIST,
    "consultation": _LIST,
    "originatorOrganization": _LIST,
}
_FILE_FIELDS: dict[str, tuple[type, ...]] = {"text": _TEXT, "name": _TEXT, "fileName": _TEXT}


def _type_problem(obj: Mapping[str, Any], fields: dict[str, tuple[type, ...]], what: str) -> None:
    for key, types in fields.items():
        value = obj.get(key)
        if not isinstance(value, types):
            wanted = " or ".join(
                "text" if t is str else "a list" if t is list else "an object"
                for t in types
                if t is not type(None)
            )
            raise BadDocument(
                f"OParl {what} field {key!r} is {type(value).__name__} {str(value)[:40]!r}, "
                f"not {wanted}"
            )


def check_paper(paper: Mapping[str, Any]) -> None:
    """BadDocument when a field of the Paper (or of its inline Files) has the wrong JSON type."""
    _type_problem(paper, _PAPER_FIELDS, "Paper")
    files = [paper.get("mainFile"), *(paper.get("auxiliaryFile") or [])]
    for f in files:
        if isinstance(f, Mapping):
            _type_problem(f, _FILE_FIELDS, "File")
        elif f is not None and not isinstance(f, str):
            raise BadDocument(f"OParl Paper lists a File that is {type(f).__name__}, not an object")
    for c in paper.get("consultation") or []:
        if not isinstance(c, (Mapping, str)):
            raise BadDocument(f"OParl consultation is {type(c).__name__}, not an object")


def paper_to_motion(
    paper: Mapping[str, Any],
    source_file: str = "",
    factions: Mapping[str, str] | None = None,
) -> Motion:
    """Map one OParl Paper to a Motion; a paper without usable text gets empty text and a reason.

    Raises BadDocument for fields of the wrong type. A paper without id or reference gets an id
    from a hash of its content."""
    check_paper(paper)
    f, why = select_file(paper)
    groups: list[str] = []
    for org in paper.get("originatorOrganization") or []:
        if not isinstance(org, (str, Mapping)):
            continue
        org_id = org if isinstance(org, str) else org.get("id")
        if isinstance(org, Mapping) and re.search(
            r"fraktion", str(org.get("organizationType") or org.get("classification") or ""), re.I
        ):
            groups.append(str(org.get("shortName") or org.get("name")))
        elif factions and isinstance(org_id, str) and org_id in factions:
            groups.append(factions[org_id])
    consultations = paper.get("consultation") or []
    body = paper.get("body")
    meta: dict[str, Any] = {
        "reference": paper.get("reference"),
        "file_selection": why,
        "modified": paper.get("modified"),
    }
    if f is not None:
        meta["file_id"] = f.get("id")
        meta["file_name"] = f.get("name")
    if consultations:
        meta["consultations"] = len(consultations)
    heads = other_files_heads(paper, f)
    if heads:
        meta["other_files_heads"] = heads
    m = Motion(
        id=str(paper.get("id") or paper.get("reference") or json_id("paper", paper)),
        text=str(f.get("text") or "") if f is not None else "",
        title=str(paper.get("name") or ""),
        paper_type=paper.get("paperType"),
        body=_body_name(body),
        groups=groups,
        source_file=source_file,
        meta=meta,
    )
    set_date(m, paper.get("date"))
    return m


def _body_name(body: Any) -> str | None:
    if isinstance(body, Mapping):
        body = body.get("name") or body.get("id")
    return str(body) if body else None


def iter_papers(objs: Iterable[Any]) -> Iterator[Mapping[str, Any]]:
    """Flatten single objects, lists and OParl list pages (``{"data": [...]}``) into Papers."""
    for obj in objs:
        if isinstance(obj, list):
            yield from iter_papers(obj)
        elif isinstance(obj, Mapping) and isinstance(obj.get("data"), list) and "type" not in obj:
            yield from iter_papers(obj["data"])
        else:
            yield obj
