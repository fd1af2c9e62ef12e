"""What every report returns: plain rows in long form plus what is needed to show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Wide:
    """How to show the long rows as a cross table: one row per ``row`` value, one column per
    ``col`` value; ``section`` splits the rows into separate tables (e.g. actions | funding)."""

    row: str
    col: str
    section: str | None = None


@dataclass
class Report:
    """A report's result. ``rows`` are flat dicts with the keys of ``columns`` (long form:
    one row per cell, so CSV and JSON are easy to read back and to check)."""

    kind: str
    title: str
    columns: list[str]
    rows: list[dict[str, Any]]
    min_n: int = 5
    filters: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    wide: Wide | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "report": self.kind,
            "title": self.title,
            "filters": self.filters,
            "min_n": self.min_n,
            "notes": self.notes,
            "meta": self.meta,
            "columns": self.columns,
            "rows": self.rows,
        }
