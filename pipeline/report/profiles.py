"""Profiles by group: themes per group, requested-action types and funding kinds per group.

Every share is a share of motions: ``count`` motions of the group with the theme (action type,
funding kind) out of ``n`` motions of the group. A motion of several groups counts for each;
a motion with several themes counts once for each of its themes, so a group's theme shares
can add up to more than 100 %. ``small`` marks shares whose ``n`` is below ``min_n``.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

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


def _group_n(con: sqlite3.Connection, where: str, params: list[object]) -> dict[str, int]:
    return dict(
        con.execute(
            f"SELECT g.grp, COUNT(*) FROM motions m JOIN motion_groups g ON g.motion_id = m.id "
            f"WHERE {where} GROUP BY g.grp",
            params,
        )
    )


def _total_n(con: sqlite3.Connection, where: str, params: list[object]) -> int:
    return con.execute(f"SELECT COUNT(*) FROM motions m WHERE {where}", params).fetchone()[0]


def _ordered_groups(group_n: dict[str, int], wanted: list[str]) -> list[str]:
    if wanted:
        return wanted
    return sorted(group_n, key=lambda g: (-group_n[g], g))


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
    rank = " AND t.rank = 1" if primary_only else ""
    group_n = _group_n(con, where, params)
    groups = _ordered_groups(group_n, f.groups)
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for grp, theme, c in con.execute(
        f"SELECT g.grp, t.theme, COUNT(*) FROM motions m "
        f"JOIN motion_groups g ON g.motion_id = m.id "
        f"JOIN motion_themes t ON t.motion_id = m.id{rank} "
        f"WHERE {where} GROUP BY g.grp, t.theme",
        params,
    ):
        cells[grp, theme] = c
    themed = dict(
        con.execute(
            f"SELECT g.grp, COUNT(DISTINCT m.id) FROM motions m "
            f"JOIN motion_groups g ON g.motion_id = m.id "
            f"JOIN motion_themes t ON t.motion_id = m.id{rank} WHERE {where} GROUP BY g.grp",
            params,
        )
    )
    total_n = _total_n(con, where, params)
    total_themes = dict(
        con.execute(
            f"SELECT t.theme, COUNT(*) FROM motions m "
            f"JOIN motion_themes t ON t.motion_id = m.id{rank} WHERE {where} GROUP BY t.theme",
            params,
        )
    )
    total_themed = con.execute(
        f"SELECT COUNT(DISTINCT m.id) FROM motions m "
        f"JOIN motion_themes t ON t.motion_id = m.id{rank} WHERE {where}",
        params,
    ).fetchone()[0]
    labels = theme_labels(con)
    themes = f.themes or sorted(total_themes, key=lambda t: (-total_themes[t], t))
    show_none = not f.themes and total_themed < total_n

    columns = ["group", "theme", "label", "count", "n", "share", "small"]
    rows: list[dict[str, Any]] = []

    def add(group: str, n: int, counts: dict[str, int], n_themed: int) -> None:
        for theme in themes:
            c = counts.get(theme, 0)
            rows.append(_row(group, theme, labels.get(theme, theme), c, n, min_n))
        if show_none:
            rows.append(_row(group, NO_THEME, "no theme", n - n_themed, n, min_n))

    for g in groups:
        add(g, group_n.get(g, 0), {t: cells[g, t] for t in themes}, themed.get(g, 0))
    if include_total:
        add(ALL_GROUPS, total_n, total_themes, total_themed)

    n_ungrouped = con.execute(
        f"SELECT COUNT(*) FROM motions m WHERE {where} AND NOT EXISTS "
        f"(SELECT 1 FROM motion_groups g WHERE g.motion_id = m.id)",
        params,
    ).fetchone()[0]
    notes = [
        "A motion of several groups counts for each of them; a motion with several themes "
        "counts for each theme" + (" (here: only its first theme)" if primary_only else "") + ".",
        f"{ALL_GROUPS} = all {de_number(total_n)} motions once each, {de_number(n_ungrouped)} "
        "of them without a known group.",
    ]
    if not labels:
        notes.append("This store has no themes yet: run `antragsradar analyze` with a theme model.")
    if any(r["small"] for r in rows):
        notes.append(f"* fewer than {min_n} motions behind the share (n < --min-n).")
    return Report(
        kind="themes",
        title="Themes by group" + (" (first theme only)" if primary_only else ""),
        columns=columns,
        rows=rows,
        min_n=min_n,
        filters=f.describe(),
        notes=notes,
        wide=Wide(row="theme", col="group"),
        meta={"n_motions": total_n, "group_n": {g: group_n.get(g, 0) for g in groups}},
    )


def _row(group: str, key: str, label: str, count: int, n: int, min_n: int) -> dict[str, Any]:
    return {
        "group": group,
        "theme": key,
        "label": label,
        "count": count,
        "n": n,
        "share": share(count, n),
        "small": n < min_n,
    }


ACTION_ORDER = ["review", "report", "concept", "implement", "budget", "appeal", "inquiry", "amend"]
FUNDING_ORDER = ["named_fund", "budget_line", "external_grant", "offset", "general_budget"]
NONE_CAT = "(none)"
ANY_CAT = "(any)"


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
    group_n = _group_n(con, where, params)
    groups = _ordered_groups(group_n, f.groups)
    total_n = _total_n(con, where, params)
    rows: list[dict[str, Any]] = []
    columns = ["group", "dimension", "category", "count", "items", "n", "share", "small"]
    amounts: dict[tuple[str, str], float] = {}

    for dim, table, col, order in (
        ("action", "actions", "type", ACTION_ORDER),
        ("funding", "funding", "kind", FUNDING_ORDER),
    ):
        per: dict[tuple[str, str], tuple[int, int]] = {}
        amount_sql = "SUM(x.amount_eur)" if dim == "funding" else "NULL"
        for grp, cat, c, items, amount in con.execute(
            f"SELECT g.grp, x.{col}, COUNT(DISTINCT m.id), COUNT(*), {amount_sql} "
            f"FROM motions m JOIN motion_groups g ON g.motion_id = m.id "
            f"JOIN {table} x ON x.motion_id = m.id WHERE {where} GROUP BY g.grp, x.{col}",
            params,
        ):
            per[grp, cat] = (c, items)
            if amount is not None:
                amounts[grp, cat] = amount
        for cat, c, items, amount in con.execute(
            f"SELECT x.{col}, COUNT(DISTINCT m.id), COUNT(*), {amount_sql} "
            f"FROM motions m JOIN {table} x ON x.motion_id = m.id WHERE {where} GROUP BY x.{col}",
            params,
        ):
            per[ALL_GROUPS, cat] = (c, items)
            if amount is not None:
                amounts[ALL_GROUPS, cat] = amount
        anyc = dict(
            con.execute(
                f"SELECT g.grp, COUNT(DISTINCT m.id) FROM motions m "
                f"JOIN motion_groups g ON g.motion_id = m.id "
                f"JOIN {table} x ON x.motion_id = m.id WHERE {where} GROUP BY g.grp",
                params,
            )
        )
        anyc[ALL_GROUPS] = con.execute(
            f"SELECT COUNT(DISTINCT m.id) FROM motions m JOIN {table} x ON x.motion_id = m.id "
            f"WHERE {where}",
            params,
        ).fetchone()[0]
        seen = {cat for _, cat in per}
        cats = [c for c in order if c in seen] + sorted(seen - set(order))
        for g in groups + ([ALL_GROUPS] if include_total else []):
            n = total_n if g == ALL_GROUPS else group_n.get(g, 0)
            for cat in cats:
                c, items = per.get((g, cat), (0, 0))
                rows.append(_arow(g, dim, cat, c, items, n, min_n))
            a = anyc.get(g, 0)
            rows.append(_arow(g, dim, ANY_CAT, a, None, n, min_n))
            rows.append(_arow(g, dim, NONE_CAT, n - a, None, n, min_n))
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
    if any(r["small"] for r in rows):
        notes.append(f"* fewer than {min_n} motions behind the share (n < --min-n).")
    return Report(
        kind="actions",
        title="Requested actions and funding by group",
        columns=columns,
        rows=rows,
        min_n=min_n,
        filters=f.describe(),
        notes=notes,
        wide=Wide(row="category", col="group", section="dimension"),
        meta={"n_motions": total_n, "group_n": {g: group_n.get(g, 0) for g in groups}},
    )


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
