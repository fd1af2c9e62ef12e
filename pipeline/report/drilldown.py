"""The motions behind a cell of any report: id, date, title, groups (and themes, paper type)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from pipeline.report.query import (
    ISO_DATE,
    Filters,
    ReportError,
    motion_where,
    period_sql,
    resolve,
    theme_labels,
)
from pipeline.report.result import Report

_PERIOD_KINDS = (
    (re.compile(r"\d{4}"), "year"),
    (re.compile(r"\d{4}-H[12]"), "half"),
    (re.compile(r"\d{4}-Q[1-4]"), "quarter"),
    (re.compile(r"\d{4}-\d{2}"), "month"),
)


def period_kind(key: str) -> str:
    """'2019' → year, '2019-H2' → half, '2019-Q3' → quarter, '2019-08' → month."""
    for pat, kind in _PERIOD_KINDS:
        if pat.fullmatch(key):
            return kind
    raise ReportError(f"{key!r}: not a period; use 2019, 2019-H2, 2019-Q3 or 2019-08")


@dataclass(frozen=True)
class Cell:
    """What picks the motions of a cell beside the filters: a period key ('2019-H2'), a
    requested-action type, a funding kind, a term (a lemma as ``compare`` lists it)."""

    period: str | None = None
    action: str | None = None
    funding: str | None = None
    term: str | None = None

    def describe(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def drill(
    con: sqlite3.Connection,
    filters: Filters | None = None,
    *,
    period: str | None = None,
    action: str | None = None,
    funding: str | None = None,
    term: str | None = None,
    primary_only: bool = False,
    limit: int | None = None,
) -> Report:
    """The motions of a cell: of one of ``filters.groups`` (if given), with one of
    ``filters.themes`` (if given), in ``period`` (e.g. '2019-H2'), with an ``action`` type, a
    ``funding`` kind or a ``term`` (a lemma as ``compare`` lists it), newest first."""
    f = resolve(con, filters or Filters())
    cell = Cell(period, action, funding, term)
    where, params = _cell_where(con, f, cell, primary_only)
    sql = (
        "SELECT m.id, m.date, m.title, m.paper_type, "
        "(SELECT group_concat(grp, ', ') FROM (SELECT grp FROM motion_groups g "
        " WHERE g.motion_id = m.id ORDER BY grp)), "
        "(SELECT group_concat(theme, ', ') FROM (SELECT theme FROM motion_themes t "
        " WHERE t.motion_id = m.id ORDER BY rank)) "
        f"FROM motions m WHERE {where} ORDER BY m.date DESC, m.id"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    rows: list[dict[str, Any]] = [
        {
            "id": mid,
            "date": date,
            "title": title,
            "paper_type": ptype,
            "groups": groups or "",
            "themes": themes or "",
        }
        for mid, date, title, ptype, groups, themes in con.execute(sql, params)
    ]
    described = f.describe() | cell.describe()
    return Report(
        kind="drill",
        title="Motions of " + (", ".join(f"{k}={v}" for k, v in described.items()) or "all"),
        columns=["id", "date", "title", "paper_type", "groups", "themes"],
        rows=rows,
        filters=described,
        notes=[f"{len(rows)} motions" + (f" (first {limit})" if limit else "") + "."],
        meta={"n": len(rows), "theme_labels": theme_labels(con)},
    )


def _cell_where(
    con: sqlite3.Connection, f: Filters, cell: Cell, primary_only: bool
) -> tuple[str, list[object]]:
    """The SQL condition on ``motions m`` (and its parameters) of the filters and the cell."""
    where, params = motion_where(f, restrict_groups=True)
    if f.themes:
        rank = " AND t_.rank = 1" if primary_only else ""
        where += (
            " AND EXISTS (SELECT 1 FROM motion_themes t_ WHERE t_.motion_id = m.id"
            f"{rank} AND t_.theme IN ({','.join('?' * len(f.themes))}))"
        )
        params += f.themes
    if cell.period:
        where += f" AND m.date GLOB '{ISO_DATE}' AND {period_sql(period_kind(cell.period))} = ?"
        params.append(cell.period)
    if cell.action:
        where += " AND EXISTS (SELECT 1 FROM actions a WHERE a.motion_id = m.id AND a.type = ?)"
        params.append(cell.action)
    if cell.funding:
        where += " AND EXISTS (SELECT 1 FROM funding x WHERE x.motion_id = m.id AND x.kind = ?)"
        params.append(cell.funding)
    if cell.term:
        from pipeline.report.term_index import ensure_terms

        ensure_terms(con)
        where += (
            " AND EXISTS (SELECT 1 FROM report_term_docs d JOIN report_terms r ON r.doc = d.doc "
            "JOIN report_vocab v ON v.term_id = r.term_id WHERE d.motion_id = m.id AND v.term = ?)"
        )
        params.append(cell.term.casefold())
    return where, params
