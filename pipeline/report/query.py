"""Filters → SQL over the store: which motions a report counts, group and theme names, periods.

Only motions with status 'analysed' are counted. A motion submitted by several groups counts
once for each of them.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pipeline.errors import AntragsradarError, StoreError

PERIODS = ("year", "half", "quarter", "month")
NO_THEME = "(none)"
ALL_GROUPS = "(all)"
ISO_DATE = "[0-9][0-9][0-9][0-9]-[0-9][0-9]*"

# SQL of the period key of m.date; keys sort in time order as strings.
_PERIOD_SQL = {
    "year": "substr(m.date, 1, 4)",
    "half": "substr(m.date, 1, 4) || '-H' || ((CAST(substr(m.date, 6, 2) AS INTEGER) + 5) / 6)",
    "quarter": "substr(m.date, 1, 4) || '-Q' || ((CAST(substr(m.date, 6, 2) AS INTEGER) + 2) / 3)",
    "month": "substr(m.date, 1, 7)",
}


class ReportError(AntragsradarError):
    """A report was asked for something the store cannot answer (unknown group, bad date …)."""


@dataclass
class Filters:
    """Which motions a report looks at. Empty lists mean no restriction.

    How ``themes`` and ``groups`` act depends on the report: in ``themes`` and ``trends`` they
    pick the rows and lines shown (shares stay normalised by all motions of the group or
    period); in ``actions`` and ``compare`` ``themes`` restricts the motions counted.
    """

    themes: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    paper_types: list[str] = field(default_factory=list)
    since: str | None = None
    until: str | None = None

    def describe(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items() if v not in (None, [], ())}


@contextmanager
def open_store(path: str | Path, *, readonly: bool = True) -> Iterator[sqlite3.Connection]:
    """A read-only connection to an existing store (reports never write it; read-only media
    work); a missing, foreign or damaged file is a StoreError."""
    from pipeline.store import Store

    p = Path(path)
    if not p.is_file():
        raise StoreError(
            f"{p}: no such store; build one with `antragsradar analyze FILES --db {p}` "
            "or pass --db PATH"
        )
    store = Store(p, readonly=readonly)
    try:
        yield store.conn
    finally:
        store.close()


def normalise_date(value: str | None, end: bool = False) -> str | None:
    """'2015' → '2015-01-01' (or '2015-12-31' as an upper bound), '2015-06' → '2015-06-01' / '2015-06-31'."""
    if value is None or value == "":
        return None
    v = value.strip()
    if re.fullmatch(r"\d{4}", v):
        return f"{v}-12-31" if end else f"{v}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", v) and 1 <= int(v[5:7]) <= 12:
        return f"{v}-31" if end else f"{v}-01"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        try:
            return date.fromisoformat(v).isoformat()
        except ValueError:
            raise ReportError(f"{value!r}: no such date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
    raise ReportError(f"{value!r}: not a date; use YYYY, YYYY-MM or YYYY-MM-DD")


def period_key(date: str | None, period: str) -> str | None:
    """The period a date falls in: '2019-08-02' → '2019', '2019-H2', '2019-Q3' or '2019-08'."""
    if not date or not re.match(r"\d{4}-\d{2}", date):
        return None
    y, m = date[:4], int(date[5:7])
    if period == "year":
        return y
    if period == "half":
        return f"{y}-H{(m + 5) // 6}"
    if period == "quarter":
        return f"{y}-Q{(m + 2) // 3}"
    if period == "month":
        return date[:7]
    raise ReportError(f"{period!r}: unknown period; use one of {', '.join(PERIODS)}")


def period_sql(period: str) -> str:
    try:
        return _PERIOD_SQL[period]
    except KeyError:
        raise ReportError(f"{period!r}: unknown period; use one of {', '.join(PERIODS)}") from None


def period_range(first: str, last: str, period: str) -> list[str]:
    """Every period key from ``first`` to ``last`` inclusive, gaps included."""
    y0, y1 = int(first[:4]), int(last[:4])
    per_year = {"year": 1, "half": 2, "quarter": 4, "month": 12}[period]

    def index(key: str) -> int:
        return 0 if period == "year" else int(key[-2:] if period == "month" else key[-1]) - 1

    def key(year: int, i: int) -> str:
        return {
            "year": f"{year}",
            "half": f"{year}-H{i + 1}",
            "quarter": f"{year}-Q{i + 1}",
            "month": f"{year}-{i + 1:02d}",
        }[period]

    out: list[str] = []
    for year in range(y0, y1 + 1):
        lo = index(first) if year == y0 else 0
        hi = index(last) if year == y1 else per_year - 1
        out.extend(key(year, i) for i in range(lo, hi + 1))
    return out


def _placeholders(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def motion_where(
    f: Filters,
    *,
    restrict_themes: bool = False,
    restrict_groups: bool = False,
    alias: str = "m",
) -> tuple[str, list[object]]:
    """SQL condition on ``motions {alias}`` for the filters, and its parameters.

    Themes and groups must already be resolved to stored names (``resolve_*``).
    """
    a = alias
    sql = [f"{a}.status = 'analysed'"]
    params: list[object] = []
    if f.bodies:
        sql.append(f"{a}.body IN ({_placeholders(f.bodies)})")
        params += f.bodies
    if f.paper_types:
        sql.append(f"{a}.paper_type IN ({_placeholders(f.paper_types)})")
        params += f.paper_types
    since, until = normalise_date(f.since), normalise_date(f.until, end=True)
    if since:
        sql.append(f"{a}.date >= ?")
        params.append(since)
    if until:
        sql.append(f"{a}.date <= ?")
        params.append(until)
    if restrict_themes and f.themes:
        sql.append(
            f"EXISTS (SELECT 1 FROM motion_themes t_ WHERE t_.motion_id = {a}.id "
            f"AND t_.theme IN ({_placeholders(f.themes)}))"
        )
        params += f.themes
    if restrict_groups and f.groups:
        sql.append(
            f"EXISTS (SELECT 1 FROM motion_groups g_ WHERE g_.motion_id = {a}.id "
            f"AND g_.grp IN ({_placeholders(f.groups)}))"
        )
        params += f.groups
    return " AND ".join(sql), params


def _resolve(
    wanted: Iterable[str], known: dict[str, str], what: str, allow_unknown: bool = False
) -> list[str]:
    out: list[str] = []
    for w in wanted:
        hit = known.get(w.strip().casefold())
        if hit is None:
            if allow_unknown:
                hit = w
            else:
                names = ", ".join(sorted(set(known.values()))) or "none in this store"
                raise ReportError(f"{w!r}: no such {what}; known: {names}")
        if hit not in out:
            out.append(hit)
    return out


def known_groups(con: sqlite3.Connection) -> list[str]:
    return [g for (g,) in con.execute("SELECT DISTINCT grp FROM motion_groups ORDER BY grp")]


def resolve_groups(con: sqlite3.Connection, names: Iterable[str]) -> list[str]:
    """Stored group names for names given in any letter case ('grüne' → 'GRÜNE')."""
    names = list(names)
    if not names:
        return []
    return _resolve(names, {g.casefold(): g for g in known_groups(con)}, "group")


def theme_labels(con: sqlite3.Connection) -> dict[str, str]:
    return {
        t: (lab or t)
        for t, lab in con.execute("SELECT theme, MAX(label) FROM motion_themes GROUP BY theme")
    }


def resolve_themes(con: sqlite3.Connection, names: Iterable[str]) -> list[str]:
    """Stored theme ids for ids or labels given in any letter case."""
    names = list(names)
    if not names:
        return []
    labels = theme_labels(con)
    known = {t.casefold(): t for t in labels} | {lab.casefold(): t for t, lab in labels.items()}
    # An id that looks like a theme id but no motion carries yet counts zero, not an error.
    return _resolve(names, known, "theme", allow_unknown=not labels)


def resolve(con: sqlite3.Connection, f: Filters) -> Filters:
    """The filters with group and theme names as stored."""
    return Filters(
        themes=resolve_themes(con, f.themes),
        groups=resolve_groups(con, f.groups),
        bodies=list(f.bodies),
        paper_types=list(f.paper_types),
        since=f.since,
        until=f.until,
    )


def share(count: int, n: int) -> float | None:
    return round(count / n, 4) if n else None
