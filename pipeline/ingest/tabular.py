"""JSONL, JSON and CSV/TSV records that carry a text column."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.record import Failure, Motion


@dataclass
class Columns:
    """Which record fields hold what; the first name present wins."""

    text: tuple[str, ...] = ("text", "motion_text", "body_text", "content", "volltext")
    id: tuple[str, ...] = ("id", "kuerzel", "reference", "key")
    title: tuple[str, ...] = ("title", "name", "titel", "betreff")
    date: tuple[str, ...] = ("date", "datum", "event_date")
    group: tuple[str, ...] = ("groups", "group", "factions", "faction", "fraktion", "submitter")
    paper_type: tuple[str, ...] = ("paper_type", "paperType", "type", "art")
    body: tuple[str, ...] = ("body", "gremium")
    extra: dict[str, str] = field(default_factory=dict)

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


def _groups(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [g.strip() for g in str(value).replace(";", ",").split(",") if g.strip()]


def record_to_motion(
    rec: Mapping[str, Any], source: str, position: int, cols: Columns
) -> Motion | Failure:
    text = _first(rec, cols.text)
    rid = _first(rec, cols.id)
    rid = str(rid) if rid is not None else f"{source}#{position}"
    if not isinstance(text, str) or not text.strip():
        wanted = "/".join(cols.text)
        return Failure(
            source,
            f"record {position} has no text in column {wanted}; name it with --text-column",
            rid,
        )
    date = _first(rec, cols.date)
    known = {
        n
        for names in (
            cols.text,
            cols.id,
            cols.title,
            cols.date,
            cols.group,
            cols.paper_type,
            cols.body,
        )
        for n in names
    }
    return Motion(
        id=rid,
        text=text,
        title=str(_first(rec, cols.title) or ""),
        date=str(date)[:10] if date else None,
        paper_type=_first(rec, cols.paper_type),
        body=_first(rec, cols.body),
        groups=_groups(_first(rec, cols.group)),
        source_file=source,
        meta={
            k: v
            for k, v in rec.items()
            if k not in known and isinstance(v, (str, int, float, bool))
        },
    )


def read_delimited(
    text: str, source: str, delimiter: str, cols: Columns
) -> Iterator[Motion | Failure]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if reader.fieldnames is None:
        return
    if not any(n in reader.fieldnames for n in cols.text):
        yield Failure(
            source,
            f"no text column among {', '.join(reader.fieldnames)}; name it with --text-column",
        )
        return
    for i, row in enumerate(reader, start=1):
        yield record_to_motion(row, source, i, cols)
