"""Motions per Comparative Agendas Project (CAP) major topic and group, for comparisons with
CAP-coded research data. A motion counts for a CAP topic when one of its themes maps to it (the
taxonomy's ``cap_major_topics``); a motion of several groups counts for each of them."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from pipeline.report.counts import group_n, ordered_groups, share_row, small_note, total_n
from pipeline.report.query import ALL_GROUPS, Filters, motion_where, resolve
from pipeline.report.result import Report, Wide

# The CAP master codebook's major topics (English names, as CAP-coded data sets use them).
CAP_TOPICS = {
    1: "Macroeconomics", 2: "Civil Rights", 3: "Health", 4: "Agriculture", 5: "Labor",
    6: "Education", 7: "Environment", 8: "Energy", 9: "Immigration", 10: "Transportation",
    12: "Law and Crime", 13: "Social Welfare", 14: "Housing", 15: "Domestic Commerce",
    16: "Defense", 17: "Technology", 18: "Foreign Trade", 19: "International Affairs",
    20: "Government Operations", 21: "Public Lands", 23: "Culture",
}  # fmt: skip


def cap_by_group(
    con: sqlite3.Connection,
    filters: Filters | None = None,
    *,
    theme_cap: dict[str, list[int]] | None = None,
    min_n: int = 5,
    all_codes: bool = False,
) -> Report:
    """Count and share of motions per CAP major topic per group, with a total.

    ``theme_cap`` maps theme ids to CAP codes (default: the shipped taxonomy's mapping). A
    theme counts for its first (main) CAP code; with ``all_codes`` for every code it maps to
    (climate_environment: Environment, Energy and Agriculture), which overcounts topics."""
    if theme_cap is None:
        from pipeline.classify.taxonomy import load_taxonomy

        theme_cap = load_taxonomy().cap
    f = resolve(con, filters or Filters())
    where, params = motion_where(f)
    cells, totals = _cap_counts(con, where, params, _theme_caps(theme_cap, all_codes))
    per_group = group_n(con, where, params)
    n_all = total_n(con, where, params)
    caps = sorted(totals, key=lambda c: (-totals[c], c))
    rows: list[dict[str, Any]] = []
    for g, n, counts in [
        *(
            (g, per_group.get(g, 0), {c: cells[g, c] for c in caps})
            for g in ordered_groups(per_group, f.groups)
        ),
        (ALL_GROUPS, n_all, totals),
    ]:
        for c in caps:
            row = share_row(g, str(c), f"{c} {CAP_TOPICS.get(c, '?')}", counts.get(c, 0), n, min_n)
            rows.append({"cap": c, **{k: v for k, v in row.items() if k != "theme"}})
    notes = [
        "A motion counts for a CAP major topic when one of its themes maps to it (taxonomy "
        "cap_major_topics, "
        + ("every code" if all_codes else "each theme's main code")
        + "); a motion of several groups or topics counts for each.",
    ]
    return Report(
        kind="cap",
        title="CAP major topics by group",
        columns=["group", "cap", "label", "count", "n", "share", "small"],
        rows=rows,
        min_n=min_n,
        filters=f.describe(),
        notes=notes + small_note(rows, min_n),
        wide=Wide(row="label", col="group"),
        meta={"n_motions": n_all},
    )


def _theme_caps(theme_cap: dict[str, list[int]], all_codes: bool) -> list[tuple[str, int]]:
    """(theme, CAP code) pairs: each theme's main code, or with ``all_codes`` every code."""
    pairs = [(t, c) for t, codes in theme_cap.items() for c in (codes if all_codes else codes[:1])]
    return pairs or [("", 0)]  # VALUES needs a row


def _cap_counts(
    con: sqlite3.Connection, where: str, params: list[object], pairs: list[tuple[str, int]]
) -> tuple[dict[tuple[str, int], int], dict[int, int]]:
    """Motions per (group, CAP code), and per CAP code counting each motion once."""
    values = ",".join("(?, ?)" for _ in pairs)
    flat: list[Any] = [x for p in pairs for x in p]
    sql = (
        f"WITH tc(theme, cap) AS (VALUES {values}) "
        f"SELECT {{grp}} tc.cap, COUNT(DISTINCT m.id) FROM motions m {{join}} "
        f"JOIN motion_themes t ON t.motion_id = m.id JOIN tc ON tc.theme = t.theme "
        f"WHERE {where} GROUP BY {{by}}"
    )
    cells: dict[tuple[str, int], int] = defaultdict(int)
    for grp, cap, n in con.execute(
        sql.format(
            grp="g.grp,", join="JOIN motion_groups g ON g.motion_id = m.id", by="g.grp, tc.cap"
        ),
        flat + params,
    ):
        cells[grp, cap] = n
    totals = {
        cap: n for cap, n in con.execute(sql.format(grp="", join="", by="tc.cap"), flat + params)
    }
    return cells, totals
