"""Theme shares over time: per period (year, half-year, quarter, month), overall or per group.

A share is normalised by the volume of its period: motions with the theme in the period (of
the group) / all motions in the period (of the group). Motions without a date are left out.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pipeline.report.numbers import de_number
from pipeline.report.query import (
    ALL_GROUPS,
    ISO_DATE,
    Filters,
    known_groups,
    motion_where,
    normalise_date,
    period_key,
    period_range,
    period_sql,
    resolve,
    share,
    theme_labels,
)
from pipeline.report.result import Report, Wide


def trends(
    con: sqlite3.Connection,
    filters: Filters | None = None,
    *,
    period: str = "year",
    by_group: bool = False,
    min_n: int = 5,
    primary_only: bool = False,
) -> Report:
    """Theme shares per period; per group when ``by_group`` or when groups are given.

    ``filters.themes`` picks the themes shown (default: all), ``filters.groups`` the groups;
    bodies, paper types and the date range restrict the motions counted.
    """
    f = resolve(con, filters or Filters())
    per_group = by_group or bool(f.groups)
    cells = _cells(con, f, period_sql(period), per_group, primary_only)
    theme_tot: dict[str, int] = defaultdict(int)
    for (_, _, t), c in cells.counts.items():
        theme_tot[t] += c
    labels = theme_labels(con)
    themes = list(f.themes) or sorted(theme_tot, key=lambda t: (-theme_tot[t], t))
    periods = _periods(f, cells.n, period)
    rows: list[dict[str, Any]] = []
    for g in cells.series:
        for t in themes:
            for p in periods:
                n = cells.n.get((p, g), 0)
                c = cells.counts.get((p, g, t), 0)
                rows.append(
                    {
                        "period": p,
                        "group": g,
                        "theme": t,
                        "label": labels.get(t, t),
                        "count": c,
                        "n": n,
                        "share": share(c, n),
                        "small": n < min_n,
                    }
                )
    notes = _notes(con, f, per_group, bool(labels), any(r["small"] for r in rows), min_n)
    wide = Wide(row="period", col="group" if len(themes) == 1 else "theme")
    if per_group and len(themes) > 1:
        wide = Wide(row="period", col="theme", section="group")
    return Report(
        kind="trends",
        title=f"Theme shares per {period}" + (" and group" if per_group else ""),
        columns=["period", "group", "theme", "label", "count", "n", "share", "small"],
        rows=rows,
        min_n=min_n,
        filters=f.describe(),
        notes=notes,
        wide=wide,
        meta={"period": period, "by_group": per_group, "series": cells.series, "themes": themes},
    )


@dataclass
class _Cells:
    """Motions per (period, group) and motions with a theme per (period, group, theme); the
    series (groups, or ``ALL_GROUPS``) in the order shown."""

    n: dict[tuple[str, str], int]
    counts: dict[tuple[str, str, str], int]
    series: list[str]


def _cells(
    con: sqlite3.Connection, f: Filters, per: str, per_group: bool, primary_only: bool
) -> _Cells:
    where, params = motion_where(f)
    where += f" AND m.date GLOB '{ISO_DATE}'"
    rank = " AND t.rank = 1" if primary_only else ""
    if not per_group:
        n_rows = [
            (p, ALL_GROUPS, n)
            for p, n in con.execute(
                f"SELECT {per}, COUNT(*) FROM motions m WHERE {where} GROUP BY 1", params
            )
        ]
        c_rows = [
            (p, ALL_GROUPS, t, c)
            for p, t, c in con.execute(
                f"SELECT {per}, t.theme, COUNT(*) FROM motions m "
                f"JOIN motion_themes t ON t.motion_id = m.id{rank} WHERE {where} GROUP BY 1, 2",
                params,
            )
        ]
        return _Cells(_n_cells(n_rows), _count_cells(c_rows), [ALL_GROUPS])
    gsel = ""
    gparams: list[object] = []
    if f.groups:
        gsel = f" AND g.grp IN ({','.join('?' * len(f.groups))})"
        gparams = list(f.groups)
    n_rows = con.execute(
        f"SELECT {per}, g.grp, COUNT(*) FROM motions m "
        f"JOIN motion_groups g ON g.motion_id = m.id WHERE {where}{gsel} GROUP BY 1, 2",
        params + gparams,
    ).fetchall()
    c_rows = con.execute(
        f"SELECT {per}, g.grp, t.theme, COUNT(*) FROM motions m "
        f"JOIN motion_groups g ON g.motion_id = m.id "
        f"JOIN motion_themes t ON t.motion_id = m.id{rank} "
        f"WHERE {where}{gsel} GROUP BY 1, 2, 3",
        params + gparams,
    ).fetchall()
    group_tot: dict[str, int] = defaultdict(int)
    for _, g, n in n_rows:
        group_tot[g] += n
    series = list(f.groups) or sorted(
        (g for g in known_groups(con) if group_tot.get(g)), key=lambda g: (-group_tot[g], g)
    )
    return _Cells(_n_cells(n_rows), _count_cells(c_rows), series)


def _n_cells(rows: list[tuple[str, str, int]]) -> dict[tuple[str, str], int]:
    return {(p, g): n for p, g, n in rows}


def _count_cells(rows: list[tuple[str, str, str, int]]) -> dict[tuple[str, str, str], int]:
    return {(p, g, t): c for p, g, t, c in rows}


def _periods(f: Filters, n_cell: dict[tuple[str, str], int], period: str) -> list[str]:
    """Every period from the first to the last (the filter's dates, else the data's)."""
    seen = sorted({p for p, _ in n_cell})
    since, until = normalise_date(f.since), normalise_date(f.until, end=True)
    first = period_key(since, period) if since else (seen[0] if seen else None)
    last = period_key(until, period) if until else (seen[-1] if seen else None)
    return period_range(first, last, period) if first and last and first <= last else []


def _notes(
    con: sqlite3.Connection,
    f: Filters,
    per_group: bool,
    has_themes: bool,
    any_small: bool,
    min_n: int,
) -> list[str]:
    where, params = motion_where(f)
    undated = con.execute(
        f"SELECT COUNT(*) FROM motions m WHERE {where} "
        f"AND (m.date IS NULL OR m.date NOT GLOB '{ISO_DATE}')",
        params,
    ).fetchone()[0]
    notes = [
        "share = motions with the theme / all motions of the period"
        + (" and group" if per_group else "")
        + "; a motion of several groups counts for each of them.",
    ]
    if undated:
        notes.append(f"{de_number(undated)} motions without a date are left out.")
    if not has_themes:
        notes.append("This store has no themes yet: run `antragsradar analyze` with a theme model.")
    if any_small:
        notes.append(f"* fewer than {min_n} motions in the period (n < --min-n).")
    return notes
