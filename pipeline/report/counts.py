"""Counting motions per group, shared by the reports that show shares per group (``profiles``,
``cap``): how many motions each group has, the groups in the order shown, a share row, and the
note on shares resting on few motions."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from pipeline.report.query import share


def group_n(con: sqlite3.Connection, where: str, params: list[object]) -> dict[str, int]:
    """Motions per group (a motion of several groups counts for each)."""
    return dict(
        con.execute(
            f"SELECT g.grp, COUNT(*) FROM motions m JOIN motion_groups g ON g.motion_id = m.id "
            f"WHERE {where} GROUP BY g.grp",
            params,
        )
    )


def total_n(con: sqlite3.Connection, where: str, params: list[object]) -> int:
    """All motions, once each."""
    return con.execute(f"SELECT COUNT(*) FROM motions m WHERE {where}", params).fetchone()[0]


def ordered_groups(group_n: dict[str, int], wanted: list[str]) -> list[str]:
    """The groups asked for, else every group, largest first."""
    if wanted:
        return wanted
    return sorted(group_n, key=lambda g: (-group_n[g], g))


def share_row(group: str, key: str, label: str, count: int, n: int, min_n: int) -> dict[str, Any]:
    """One cell of a report of shares per group: ``count`` of the group's ``n`` motions."""
    return {
        "group": group,
        "theme": key,
        "label": label,
        "count": count,
        "n": n,
        "share": share(count, n),
        "small": n < min_n,
    }


def small_note(rows: Iterable[dict[str, Any]], min_n: int) -> list[str]:
    """The note on shares marked ``small``, if any row is."""
    if any(r["small"] for r in rows):
        return [f"* fewer than {min_n} motions behind the share (n < --min-n)."]
    return []
