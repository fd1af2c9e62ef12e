"""JSONL, JSON and CSV/TSV records that carry a text column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.ingest.textmeta import fill_from_text
from pipeline.ingest.validate import BadDocument, json_id, set_date
from pipeline.record import Failure, Motion


@dataclass
class Columns:
    """Which record fields hold what; the first name present wins."""

    text: tuple[str, ...] = (
        "text",
        "motion_text",
        "body_text",
        "content",
        "volltext",
        "antragstext",
        "inhalt",
    )
    id: tuple[str, ...] = (
        "id",
        "kuerzel",
        "reference",
        "key",
        "nummer",
        "nr",
        "nr.",
        "antragsnummer",
        "antrag-nr.",
        "vorlagen-nr.",
        "vorlagennummer",
        "drucksachen-nr.",
    )
    title: tuple[str, ...] = ("title", "name", "titel", "betreff")
    date: tuple[str, ...] = ("date", "datum", "event_date")
    group: tuple[str, ...] = (
        "groups",
        "group",
        "factions",
        "faction",
        "fraktion",
        "fraktionen",
        "submitter",
        "antragsteller",
    )
    paper_type: tuple[str, ...] = ("paper_type", "paperType", "type", "art")
    body: tuple[str, ...] = ("body", "gremium")
    extra: dict[str, str] = field(default_factory=dict)

    def all_names(self) -> list[str]:
        return [
            n
            for names in (
                self.text,
                self.id,
                self.title,
                self.date,
                self.group,
                self.paper_type,
                self.body,
            )
            for n in names
        ]

    def field_of(self, key: str, folded: Mapping[str, str] | None = None) -> str | None:
        """The column name that record field ``key`` stands for, case and surrounding spaces
        aside ("Betreff", "Datum ", "Fraktion": a German header capitalises its nouns);
        ``folded``: ``self.folded()``, made once for many keys."""
        names = self.folded() if folded is None else folded
        return names.get(key.strip().lstrip("\ufeff").lower())

    def folded(self) -> dict[str, str]:
        """The column names by their lower case; the first of equal ones wins."""
        return {n.lower(): n for n in reversed(self.all_names())}

    def rename(self, rec: Mapping[str, Any]) -> Mapping[str, Any]:
        """``rec`` with its fields named as these columns where they differ only in case or
        surrounding spaces (``field_of``); ``rec`` itself where none does."""
        folded = self.folded()
        renames = {}
        for k in rec:
            n = self.field_of(k, folded)
            if n is not None and n != k and n not in rec:
                renames[k] = n
        if not renames:
            return rec
        return {renames.get(k, k): v for k, v in rec.items()}

    @classmethod
    def with_overrides(cls, **names: str | None) -> Columns:
        cols = cls()
        for key, value in names.items():
            if value:
                setattr(cols, key, (value,))
        return cols


def _first(rec: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for n in names:
        if n in rec and rec[n] not in (None, ""):
            return rec[n]
    return None


def _text_field(rec: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """A field that must hold text (a number is taken as its digits); BadDocument otherwise."""
    value = _first(rec, names)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    name = next(n for n in names if n in rec and rec[n] not in (None, ""))
    raise BadDocument(f"field {name!r} is a {type(value).__name__}, not text")


def _groups(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [g.strip() for g in str(value).replace(";", ",").split(",") if g.strip()]


def record_to_motion(
    rec: Mapping[str, Any], source: str, position: int, cols: Columns
) -> Motion | Failure:
    given = rec
    rec = cols.rename(rec)
    text = _first(rec, cols.text)
    rid = _text_field(rec, cols.id)
    if rid is None:  # standard input has no name to tell two inputs apart: use the content
        rid = json_id("stdin", rec) if source == "-" else f"{source}#{position}"
    if not isinstance(text, str) or not text.strip():
        present = [k for k in given if cols.field_of(k) in cols.text]
        if present:  # the column is there, this record's field is empty: nothing to analyse
            reason = (
                f"record {position} has an empty text field ({present[0]}); "
                "fill it or drop the record"
            )
        else:
            wanted = "/".join(cols.text)
            reason = f"record {position} has no text in column {wanted}; name it with --text-column"
        return Failure(source, reason, rid)
    known = set(cols.all_names())
    m = Motion(
        id=rid,
        text=text,
        title=_text_field(rec, cols.title) or "",
        paper_type=_text_field(rec, cols.paper_type),
        body=_text_field(rec, cols.body),
        groups=_groups(_first(rec, cols.group)),
        source_file=source,
        meta={
            k: v
            for k, v in rec.items()
            if k not in known and isinstance(v, (str, int, float, bool))
        },
    )
    date_given = _first(rec, cols.date)
    set_date(m, date_given)
    _guess_missing(m, date_given is None)
    return m


def _guess_missing(m: Motion, no_date: bool) -> None:
    """A record without a title gets title, paper type and date, where it gives none, from the
    head of its text, as a plain-text file does (a CSV of ids and texts). A record that gives a
    title gets nothing from its text: that text is mostly the motion's body, whose dates are
    history and deadlines and where "auf Anfrage" names no type (SPD Berlin's motions: 45 dates
    read from their bodies, most years off). A date given but unreadable stays null with its
    reason."""
    if not m.title:
        fill_from_text(m, date_missing=no_date)


def csv_delimiter(text: str) -> str:
    """The delimiter of a .csv file: ";" where its header line holds more semicolons than
    commas outside quotes (what German spreadsheet programs write), else ","."""
    header = text.split("\n", 1)[0]
    counts = {",": 0, ";": 0}
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return ";" if counts[";"] > counts[","] else ","


def read_delimited(
    text: str, source: str, delimiter: str, cols: Columns, meta: dict[str, Any] | None = None
) -> Iterator[Motion | Failure]:
    """One motion per row; a row that cannot be read (a field over csv's 128 KB limit, a line
    break in an unquoted field, wrong types) is a Failure of its own."""
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        yield Failure(source, f"header line unreadable as CSV ({exc})")
        return
    if fieldnames is None:
        yield Failure(
            source, "empty file: no header line and no records; check that it is complete"
        )
        return
    if not any(cols.field_of(k) in cols.text for k in fieldnames):
        named = cols.text != Columns().text  # the user named it with --text-column
        yield Failure(
            source,
            f"no column {cols.text[0]!r} among {', '.join(fieldnames)}; check --text-column"
            if named
            else f"no text column among {', '.join(fieldnames)}; name it with --text-column",
        )
        return
    i = 0
    while True:
        i += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # the reader goes on with the next line
            yield Failure(source, f"record {i}: unreadable CSV ({exc})")
            continue
        yield _row_motion(row, source, i, cols, meta)


def _row_motion(
    row: Mapping[str, Any], source: str, i: int, cols: Columns, meta: dict[str, Any] | None
) -> Motion | Failure:
    try:
        m = record_to_motion(row, source, i, cols)
    except BadDocument as exc:
        return Failure(source, f"record {i}: {exc}")
    if isinstance(m, Motion) and meta:
        m.meta.update(meta)
    return m
