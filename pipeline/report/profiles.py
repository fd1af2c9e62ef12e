"""Profiles by group: themes per group, requested-action types and funding kinds per group.

Every share is a share of motions: ``count`` motions of the group with the theme (action type,
funding kind) out of ``n`` motions of the group. A motion of several groups counts for each;
a motion with several themes counts once for each of its themes, so a group's theme shares
can add up to more than 100 %. ``small`` marks shares whose ``n`` is below ``min_n``.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from pipeline.report.counts import group_n, ordered_groups, share_row, small_note, total_n
from pipeline.report.numbers import de_number
from pipeline.report.query import (
    ALL_GROUPS,
    NO_THEME,
    Filters,
    motion_where,
    resolve,
    share,
    theme_labels,
)
from pipeline.report.result import Report, Wide


@dataclass
class _ThemeCounts:
    """Motions per (group, theme) and per theme, and how many have any theme (per group and
    in all); ``rank`` is the SQL that keeps only first themes, or empty."""

    cells: dict[tuple[str, str], int]
    themed: dict[str, int]
    totals: dict[str, int]
    total_themed: int

    @classmethod
    def count(
        cls, con: sqlite3.Connection, where: str, params: list[object], rank: str
    ) -> _ThemeCounts:
        themes = f"JOIN motion_themes t ON t.motion_id = m.id{rank}"
        grouped = f"FROM motions m JOIN motion_groups g ON g.motion_id = m.id {themes}"
        cells: dict[tuple[str, str], int] = defaultdict(int)
        for grp, theme, c in con.execute(
            f"SELECT g.grp, t.theme, COUNT(*) {grouped} WHERE {where} GROUP BY g.grp, t.theme",
            params,
        ):
            cells[grp, theme] = c
        themed = dict(
            con.execute(
                f"SELECT g.grp, COUNT(DISTINCT m.id) {grouped} WHERE {where} GROUP BY g.grp",
                params,
            )
        )
        totals = dict(
            con.execute(
                f"SELECT t.theme, COUNT(*) FROM motions m {themes} WHERE {where} GROUP BY t.theme",
                params,
            )
        )
        total_themed = con.execute(
            f"SELECT COUNT(DISTINCT m.id) FROM motions m {themes} WHERE {where}", params
        ).fetchone()[0]
        return cls(cells, themed, totals, total_themed)


def themes_by_group(
    con: sqlite3.Connection,
    filters: Filters | None = None,
    *,
    min_n: int = 5,
    primary_only: bool = False,
    include_total: bool = True,
) -> Report:
    """Count and share of motions per theme per group, with a total over all motions.

    ``filters.groups`` picks the groups shown and ``filters.themes`` the themes shown; shares
    are always normalised by all (filtered) motions of the group.
    """
    f = resolve(con, filters or Filters())
    where, params = motion_where(f)
    per_group = group_n(con, where, params)
    groups = ordered_groups(per_group, f.groups)
    tc = _ThemeCounts.count(con, where, params, " AND t.rank = 1" if primary_only else "")
    n_all = total_n(con, where, params)
    labels = theme_labels(con)
    themes = f.themes or sorted(tc.totals, key=lambda t: (-tc.totals[t], t))
    show_none = not f.themes and tc.total_themed < n_all

    def rows_of(group: str, n: int, counts: dict[str, int], n_themed: int) -> list[dict[str, Any]]:
        rows = [share_row(group, t, labels.get(t, t), counts.get(t, 0), n, min_n) for t in themes]
        if show_none:
            rows.append(share_row(group, NO_THEME, "no theme", n - n_themed, n, min_n))
        return rows

    rows: list[dict[str, Any]] = []
    for g in groups:
        counts = {t: tc.cells[g, t] for t in themes}
        rows += rows_of(g, per_group.get(g, 0), counts, tc.themed.get(g, 0))
    if include_total:
        rows += rows_of(ALL_GROUPS, n_all, tc.totals, tc.total_themed)
    notes = _themes_notes(con, where, params, n_all, primary_only)
    if not labels:
        notes.append("This store has no themes yet: run `antragsradar analyze` with a theme model.")
    return Report(
        kind="themes",
        title="Themes by group" + (" (first theme only)" if primary_only else ""),
        columns=["group", "theme", "label", "count", "n", "share", "small"],
        rows=rows,
        min_n=min_n,
        filters=f.describe(),
        notes=notes + small_note(rows, min_n),
        wide=Wide(row="theme", col="group"),
        meta={"n_motions": n_all, "group_n": {g: per_group.get(g, 0) for g in groups}},
    )


def _themes_notes(
    con: sqlite3.Connection, where: str, params: list[object], n_all: int, primary_only: bool
) -> list[str]:
    n_ungrouped = con.execute(
        f"SELECT COUNT(*) FROM motions m WHERE {where} AND NOT EXISTS "
        f"(SELECT 1 FROM motion_groups g WHERE g.motion_id = m.id)",
        params,
    ).fetchone()[0]
    return [
        "A motion of several groups counts for each of them; a motion with several themes "
        "counts for each theme" + (" (here: only its first theme)" if primary_only else "") + ".",
        f"{ALL_GROUPS} = all {de_number(n_all)} motions once each, {de_number(n_ungrouped)} "
        "of them without a known group.",
    ]


ACTION_ORDER = ["review", "report", "concept", "implement", "budget", "appeal", "inquiry", "amend"]
FUNDING_ORDER = ["named_fund", "budget_line", "external_grant", "offset", "general_budget"]
NONE_CAT = "(none)"
ANY_CAT = "(any)"


# The two dimensions of the actions report: (name, table, column, categories in this order).
_DIMENSIONS = (
    ("action", "actions", "type", ACTION_ORDER),
    ("funding", "funding", "kind", FUNDING_ORDER),
)


@dataclass
class _CategoryCounts:
    """Of one dimension: per (group, category) the motions with it and its items (actions,
    funding statements) and the funding amounts, and per group the motions with any; the group
    ``ALL_GROUPS`` counts every motion once."""

    per: dict[tuple[str, str], tuple[int, int]]
    amounts: dict[tuple[str, str], float]
    any_n: dict[str, int]

    @classmethod
    def count(
        cls, con: sqlite3.Connection, where: str, params: list[object], table: str, col: str
    ) -> _CategoryCounts:
        out = cls({}, {}, {})
        amount_sql = "SUM(x.amount_eur)" if table == "funding" else "NULL"
        joined = f"FROM motions m JOIN {table} x ON x.motion_id = m.id"
        grouped = (
            f"FROM motions m JOIN motion_groups g ON g.motion_id = m.id "
            f"JOIN {table} x ON x.motion_id = m.id"
        )
        for grp, cat, c, items, amount in con.execute(
            f"SELECT g.grp, x.{col}, COUNT(DISTINCT m.id), COUNT(*), {amount_sql} "
            f"{grouped} WHERE {where} GROUP BY g.grp, x.{col}",
            params,
        ):
            out._add(grp, cat, c, items, amount)
        for cat, c, items, amount in con.execute(
            f"SELECT x.{col}, COUNT(DISTINCT m.id), COUNT(*), {amount_sql} "
            f"{joined} WHERE {where} GROUP BY x.{col}",
            params,
        ):
            out._add(ALL_GROUPS, cat, c, items, amount)
        out.any_n = dict(
            con.execute(
                f"SELECT g.grp, COUNT(DISTINCT m.id) {grouped} WHERE {where} GROUP BY g.grp",
                params,
            )
        )
        out.any_n[ALL_GROUPS] = con.execute(
            f"SELECT COUNT(DISTINCT m.id) {joined} WHERE {where}", params
        ).fetchone()[0]
        return out

    def _add(self, grp: str, cat: str, c: int, items: int, amount: float | None) -> None:
        self.per[grp, cat] = (c, items)
        if amount is not None:
            self.amounts[grp, cat] = amount

    def categories(self, order: list[str]) -> list[str]:
        """The categories met: the known ones in ``order``, then the others sorted."""
        seen = {cat for _, cat in self.per}
        return [c for c in order if c in seen] + sorted(seen - set(order))


def actions_by_group(
    con: sqlite3.Connection,
    filters: Filters | None = None,
    *,
    min_n: int = 5,
    include_total: bool = True,
) -> Report:
    """Requested-action types and funding kinds per group.

    ``count``: motions of the group with at least one action of the type (funding of the kind);
    ``items``: how many such actions/funding statements; ``share`` = count / n.
    ``(any)`` / ``(none)``: motions with some / no extracted action or funding.
    ``filters.themes`` restricts the motions to those with one of the themes; ``filters.groups``
    picks the groups shown.
    """
    f = resolve(con, filters or Filters())
    where, params = motion_where(f, restrict_themes=True)
    per_group = group_n(con, where, params)
    groups = ordered_groups(per_group, f.groups)
    n_all = total_n(con, where, params)
    shown = [(g, per_group.get(g, 0)) for g in groups]
    if include_total:
        shown.append((ALL_GROUPS, n_all))
    rows: list[dict[str, Any]] = []
    amounts: dict[tuple[str, str], float] = {}
    for dim, table, col, order in _DIMENSIONS:
        cc = _CategoryCounts.count(con, where, params, table, col)
        rows += _dimension_rows(dim, cc, cc.categories(order), shown, min_n)
        amounts |= cc.amounts
    columns = ["group", "dimension", "category", "count", "items", "n", "share", "small"]
    if amounts:
        columns.append("amount_eur")
        for r in rows:
            r["amount_eur"] = amounts.get((r["group"], r["category"]))
    notes = [
        "Share = motions of the group with at least one such action (funding statement) / all "
        "its motions; a motion can ask for several kinds, so shares add up to more than 100 %.",
        "A motion of several groups counts for each of them.",
    ]
    if not con.execute("SELECT 1 FROM actions LIMIT 1").fetchone():
        notes.append("This store has no extracted actions yet.")
    return Report(
        kind="actions",
        title="Requested actions and funding by group",
        columns=columns,
        rows=rows,
        min_n=min_n,
        filters=f.describe(),
        notes=notes + small_note(rows, min_n),
        wide=Wide(row="category", col="group", section="dimension"),
        meta={"n_motions": n_all, "group_n": {g: per_group.get(g, 0) for g in groups}},
    )


def _dimension_rows(
    dim: str, cc: _CategoryCounts, cats: list[str], shown: list[tuple[str, int]], min_n: int
) -> list[dict[str, Any]]:
    """The rows of one dimension: for each group shown (with its ``n``) each category, then
    the motions with any and with none."""
    rows = []
    for g, n in shown:
        for cat in cats:
            c, items = cc.per.get((g, cat), (0, 0))
            rows.append(_arow(g, dim, cat, c, items, n, min_n))
        a = cc.any_n.get(g, 0)
        rows.append(_arow(g, dim, ANY_CAT, a, None, n, min_n))
        rows.append(_arow(g, dim, NONE_CAT, n - a, None, n, min_n))
    return rows


def _arow(
    group: str, dim: str, cat: str, count: int, items: int | None, n: int, min_n: int
) -> dict[str, Any]:
    return {
        "group": group,
        "dimension": dim,
        "category": cat,
        "count": count,
        "items": items,
        "n": n,
        "share": share(count, n),
        "small": n < min_n,
    }
