"""Which themes and terms distinguish two groups (or one group from all others).

Weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
"Fightin' Words", Political Analysis 16(4), eq. 16–22): for item w with counts y_a, y_b in the
two groups (totals n_a, n_b) and prior α_w = α0 · π_w, where π_w is the item's share of the
pooled counts of all selected motions and α0 = prior_scale · (n_a + n_b),

    δ_w = log((y_a + α_w) / (n_a + α0 − y_a − α_w)) − log((y_b + α_w) / (n_b + α0 − y_b − α_w))
    σ²_w ≈ 1 / (y_a + α_w) + 1 / (y_b + α_w),      z_w = δ_w / σ_w.

z > 0 favours group A, z < 0 group B; swapping the groups flips the sign. Counts are not
compared raw: the prior shrinks rare items towards the corpus, and z scales by their certainty.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.report.numbers import de_number
from pipeline.report.query import (
    Filters,
    ReportError,
    motion_where,
    resolve,
    resolve_groups,
    share,
    theme_labels,
)
from pipeline.report.result import Report
from pipeline.report.term_index import ensure_terms

OTHERS = "(others)"
# Evaluate the group tests once per motion, not once per (motion, term) row.
_MATERIALIZED = "MATERIALIZED " if sqlite3.sqlite_version_info >= (3, 35) else ""


@dataclass
class Scored:
    item: str
    count_a: int
    count_b: int
    delta: float
    z: float


def log_odds(
    a: Mapping[str, int],
    b: Mapping[str, int],
    pooled: Mapping[str, int],
    prior_scale: float = 0.1,
) -> dict[str, Scored]:
    """Monroe et al.'s weighted log-odds with informative Dirichlet prior, for every item of
    ``pooled`` (the background counts of which a and b are parts)."""
    n_a, n_b = sum(a.values()), sum(b.values())
    total = sum(pooled.values())
    if not total or not n_a or not n_b:
        return {}
    alpha0 = prior_scale * (n_a + n_b)
    out: dict[str, Scored] = {}
    for w, c in pooled.items():
        if c <= 0:
            continue
        alpha = alpha0 * c / total
        ya, yb = a.get(w, 0), b.get(w, 0)
        delta = math.log((ya + alpha) / (n_a + alpha0 - ya - alpha)) - math.log(
            (yb + alpha) / (n_b + alpha0 - yb - alpha)
        )
        var = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
        out[w] = Scored(w, ya, yb, delta, delta / math.sqrt(var))
    return out


def _sets_sql(
    con: sqlite3.Connection, f: Filters, group_a: str, group_b: str | None
) -> tuple[str, list[object], str, list[object], str, list[object]]:
    """SQL conditions (on motions m) of the pooled selection, group A and group B."""
    where, params = motion_where(f, restrict_themes=True)
    in_a = "EXISTS (SELECT 1 FROM motion_groups ga WHERE ga.motion_id = m.id AND ga.grp = ?)"
    if group_b is None:
        in_b = (
            "EXISTS (SELECT 1 FROM motion_groups gb WHERE gb.motion_id = m.id AND gb.grp != ?) "
            "AND NOT EXISTS (SELECT 1 FROM motion_groups gx WHERE gx.motion_id = m.id AND gx.grp = ?)"
        )
        b_params: list[object] = [group_a, group_a]
    else:
        in_b = "EXISTS (SELECT 1 FROM motion_groups gb WHERE gb.motion_id = m.id AND gb.grp = ?)"
        b_params = [group_b]
    return where, params, in_a, [group_a], in_b, b_params


@dataclass
class _Sets:
    """The SQL of the motions compared: the pooled selection (``where``) and the tests of
    group A and B on a motion m, with their parameters in the order the queries use them."""

    where: str
    params: list[object]
    in_a: str
    pa: list[object]
    in_b: str
    pb: list[object]

    @property
    def ab_params(self) -> list[object]:
        return self.pa + self.pb + self.params


def compare(
    con: sqlite3.Connection,
    filters: Filters | None,
    group_a: str,
    group_b: str | None = None,
    *,
    top: int = 15,
    prior_scale: float = 0.1,
    unit: str = "motions",
    min_n: int = 5,
    terms: bool = True,
) -> Report:
    """Distinctive themes and terms of ``group_a`` against ``group_b`` (None: all other groups).

    Themes are counted per motion (a motion of several themes counts for each). Terms are
    counted per motion that uses them (``unit='motions'``, robust to one long motion repeating
    a word) or as tokens (``unit='tokens'``, the paper's original multinomial). ``filters``
    restrict the motions (``filters.themes``: only motions on these themes); its groups are
    ignored. Terms with fewer than ``min_n`` uses in both groups together are not listed.
    """
    if unit not in ("motions", "tokens"):
        raise ReportError(f"{unit!r}: unknown unit; use motions or tokens")
    f = resolve(con, filters or Filters())
    f.groups = []
    a, b = _pair(con, group_a, group_b)
    name_b = b or OTHERS
    sets = _Sets(*_sets_sql(con, f, a, b))
    n_a, n_b, n_all = con.execute(
        f"SELECT SUM({sets.in_a}), SUM({sets.in_b}), COUNT(*) FROM motions m WHERE {sets.where}",
        sets.ab_params,
    ).fetchone()
    n_a, n_b, n_all = n_a or 0, n_b or 0, n_all or 0
    labels = theme_labels(con)
    rows = [
        _row("theme", s, labels.get(s.item, s.item), n_a, n_b, a, name_b, min_n)
        for s in _theme_scores(con, sets, prior_scale)
    ]
    n_indexed = 0
    if terms:
        n_indexed = ensure_terms(con)
        best, den_a, den_b = _term_scores(con, sets, unit, prior_scale, min_n, top, (n_a, n_b))
        rows += [_row("term", s, s.item, den_a, den_b, a, name_b, min_n) for s in best]
    notes = _notes(a, name_b, b is None, (n_a, n_b, n_all), unit, top, min_n)
    notes += _caveats(rows, (n_a, n_b), min_n, bool(labels), n_indexed)
    return Report(
        kind="compare",
        title=f"{a} vs {name_b}: distinctive themes and terms",
        columns=COLUMNS,
        rows=rows,
        min_n=min_n,
        filters=f.describe(),
        notes=notes,
        wide=None,
        meta={
            "group_a": a,
            "group_b": name_b,
            "n_a": n_a,
            "n_b": n_b,
            "n_pooled": n_all,
            "prior_scale": prior_scale,
            "unit": unit,
        },
    )


COLUMNS = [
    "dimension",
    "item",
    "label",
    "count_a",
    "count_b",
    "share_a",
    "share_b",
    "delta",
    "z",
    "favours",
    "small",
]


def _theme_scores(con: sqlite3.Connection, sets: _Sets, prior_scale: float) -> list[Scored]:
    """The themes of the selected motions, most typical of group A first."""
    ta: dict[str, int] = {}
    tb: dict[str, int] = {}
    tp: dict[str, int] = {}
    for theme, ca, cb, cp in con.execute(
        f"SELECT t.theme, SUM({sets.in_a}), SUM({sets.in_b}), COUNT(*) FROM motions m "
        f"JOIN motion_themes t ON t.motion_id = m.id WHERE {sets.where} GROUP BY t.theme",
        sets.ab_params,
    ):
        ta[theme], tb[theme], tp[theme] = ca, cb, cp
    return sorted(
        (s for s in log_odds(ta, tb, tp, prior_scale).values() if s.count_a + s.count_b),
        key=lambda s: -s.z,
    )


def _term_scores(
    con: sqlite3.Connection,
    sets: _Sets,
    unit: str,
    prior_scale: float,
    min_n: int,
    top: int,
    n_ab: tuple[int, int],
) -> tuple[list[Scored], int, int]:
    """The ``top`` terms most typical of A (most typical first), then of B (least typical
    first), their items made words; and the denominators of their shares."""
    value = "1" if unit == "motions" else "r.n"
    counts = con.execute(
        f"WITH sel AS {_MATERIALIZED}(SELECT d.doc AS doc, {sets.in_a} AS a, {sets.in_b} AS b "
        f"FROM motions m JOIN report_term_docs d ON d.motion_id = m.id WHERE {sets.where}) "
        f"SELECT r.term_id, SUM({value} * sel.a), SUM({value} * sel.b), SUM({value}) "
        f"FROM sel JOIN report_terms r ON r.doc = sel.doc GROUP BY r.term_id",
        sets.ab_params,
    ).fetchall()
    exclude = _group_words(con) | {n for (n,) in con.execute("SELECT term FROM report_names")}
    ya: dict[str, int] = {}
    yb: dict[str, int] = {}
    yp: dict[str, int] = {}
    for tid, ca, cb, cp in counts:
        ya[tid], yb[tid], yp[tid] = ca, cb, cp
    words = dict(con.execute("SELECT term_id, term FROM report_vocab"))
    eligible = [
        s
        for s in log_odds(ya, yb, yp, prior_scale).values()
        if s.count_a + s.count_b >= min_n
        and words[s.item] not in exclude
        and not (set(words[s.item].split("-")) & exclude)
    ]
    best_a = sorted((s for s in eligible if s.z > 0), key=lambda s: -s.z)[:top]
    best_b = sorted((s for s in eligible if s.z < 0), key=lambda s: s.z)[:top]
    best = best_a + best_b[::-1]
    for s in best:
        s.item = words[s.item]
    den_a = n_ab[0] if unit == "motions" else sum(ya.values())
    den_b = n_ab[1] if unit == "motions" else sum(yb.values())
    return best, den_a, den_b


def _pair(con: sqlite3.Connection, group_a: str, group_b: str | None) -> tuple[str, str | None]:
    """The two groups as stored (B None: all other groups); a group against itself is an error."""
    (a,) = resolve_groups(con, [group_a])
    b = resolve_groups(con, [group_b])[0] if group_b else None
    if a == b:
        raise ReportError(f"compare {a} with another group, not with itself")
    return a, b


def _caveats(
    rows: list[dict[str, Any]], n: tuple[int, int], min_n: int, has_themes: bool, n_indexed: int
) -> list[str]:
    """The notes on what makes the comparison weak, and on the indexing it did."""
    notes = []
    if n[0] < min_n or n[1] < min_n:
        notes.append(f"* a group has fewer than {min_n} motions: nothing here is reliable.")
    elif any(r["small"] for r in rows):
        notes.append(f"* fewer than {min_n} motions of both groups together have the theme.")
    if not has_themes:
        notes.append("This store has no themes yet: run `antragsradar analyze` with a theme model.")
    if n_indexed:
        notes.append(
            f"Indexed the terms of {de_number(n_indexed)} motions (once per new or changed motion)."
        )
    return notes


def _notes(
    a: str, name_b: str, others: bool, n: tuple[int, int, int], unit: str, top: int, min_n: int
) -> list[str]:
    n_a, n_b, n_all = n
    return [
        f"{a}: {de_number(n_a)} motions; {name_b}: {de_number(n_b)} motions"
        + (" (motions of any other group)" if others else "")
        + f"; pooled prior from all {de_number(n_all)} selected motions. "
        "A motion of both counts for both.",
        "Weighted log-odds with informative Dirichlet prior (Monroe, Colaresi & Quinn 2008): "
        f"z > 0 favours {a}, z < 0 {name_b}; |z| > 1.96 ≈ 5 % level for one item "
        "(many items are tested: read the largest |z|, not every one above 1.96).",
        f"Terms: lemmas of title and text, counted per {'motion using them' if unit == 'motions' else 'token'}; "
        f"top {top} each way with at least {min_n} uses.",
    ]


def _row(
    dim: str, s: Scored, label: str, den_a: int, den_b: int, a: str, b: str, min_n: int
) -> dict[str, Any]:
    return {
        "dimension": dim,
        "item": s.item,
        "label": label,
        "count_a": s.count_a,
        "count_b": s.count_b,
        "share_a": share(s.count_a, den_a),
        "share_b": share(s.count_b, den_b),
        "delta": round(s.delta, 4),
        "z": round(s.z, 3),
        "favours": a if s.z > 0 else b,
        "small": den_a < min_n or den_b < min_n or s.count_a + s.count_b < min_n,
    }


def _group_words(con: sqlite3.Connection) -> set[str]:
    """Lower-cased words of the stored group names: they name the submitter, not the subject."""
    import re

    words: set[str] = set()
    for (g,) in con.execute("SELECT DISTINCT grp FROM motion_groups"):
        for w in re.findall(r"[A-Za-zÄÖÜäöüß]+", g):
            if len(w) >= 2 and w.casefold() not in {"die", "der", "das", "für"}:
                words.add(w.casefold())
    return words
