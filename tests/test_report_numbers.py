"""Report numbers agree with direct SQL counts on a small synthetic store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipeline.report import (
    Filters,
    ReportError,
    actions_by_group,
    compare,
    drill,
    log_odds,
    open_store,
    period_key,
    themes_by_group,
    trends,
)
from pipeline.report.query import period_range
from tests.test_report_fixtures import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("rep") / "store.db")


@pytest.fixture()
def con(db: Path):
    with open_store(db) as c:
        yield c


def sql1(db: Path, q: str, *p: object) -> int:
    c = sqlite3.connect(db)
    try:
        return c.execute(q, p).fetchone()[0]
    finally:
        c.close()


def cell(rows: list[dict], **kw: object) -> dict:
    hits = [r for r in rows if all(r[k] == v for k, v in kw.items())]
    assert len(hits) == 1, (kw, hits)
    return hits[0]


GROUP_N = (
    "SELECT COUNT(*) FROM motions m JOIN motion_groups g ON g.motion_id = m.id "
    "WHERE m.status = 'analysed' AND g.grp = ?"
)
GROUP_THEME = (
    "SELECT COUNT(*) FROM motions m JOIN motion_groups g ON g.motion_id = m.id "
    "JOIN motion_themes t ON t.motion_id = m.id WHERE m.status = 'analysed' AND g.grp = ? "
    "AND t.theme = ?"
)


def test_themes_by_group_matches_sql(con, db: Path) -> None:
    rep = themes_by_group(con)
    groups = {r["group"] for r in rep.rows} - {"(all)"}
    assert groups == {"GRÜNE", "SPD", "CDU", "FDP", "Die Linke", "AfD"}
    for r in rep.rows:
        if r["group"] == "(all)" or r["theme"] == "(none)":
            continue
        assert r["n"] == sql1(db, GROUP_N, r["group"])
        assert r["count"] == sql1(db, GROUP_THEME, r["group"], r["theme"])
        assert r["share"] == pytest.approx(r["count"] / r["n"], abs=1e-4)
    total = cell(rep.rows, group="(all)", theme="integration")
    assert total["n"] == sql1(db, "SELECT COUNT(*) FROM motions WHERE status='analysed'")
    assert total["count"] == sql1(
        db,
        "SELECT COUNT(*) FROM motions m JOIN motion_themes t ON t.motion_id=m.id "
        "WHERE m.status='analysed' AND t.theme='integration'",
    )


def test_failed_motion_never_counts(con, db: Path) -> None:
    cdu = cell(themes_by_group(con).rows, group="CDU", theme="mobility")
    assert cdu["n"] == sql1(db, GROUP_N, "CDU")
    assert sql1(db, "SELECT COUNT(*) FROM motions WHERE status='failed'") == 1


def test_joint_motion_counts_for_each_group(con, db: Path) -> None:
    joint = sql1(
        db,
        "SELECT COUNT(*) FROM motions m WHERE status='analysed' AND "
        "(SELECT COUNT(*) FROM motion_groups g WHERE g.motion_id=m.id) = 2",
    )
    assert joint > 0
    rows = themes_by_group(con).rows
    spd = cell(rows, group="SPD", theme="social_welfare")  # only joint motions of SPD have it
    gru = cell(rows, group="GRÜNE", theme="social_welfare")
    assert spd["count"] == gru["count"] == joint
    # the total counts each motion once
    n_all = cell(rows, group="(all)", theme="integration")["n"]
    assert n_all < sum(
        r["n"] for r in rows if r["theme"] == "integration" and r["group"] != "(all)"
    )


def test_group_and_theme_filters_pick_rows(con) -> None:
    rep = themes_by_group(con, Filters(groups=["grüne", "spd"], themes=["Integration & Migration"]))
    assert {(r["group"], r["theme"]) for r in rep.rows} == {
        ("GRÜNE", "integration"),
        ("SPD", "integration"),
        ("(all)", "integration"),
    }
    with pytest.raises(ReportError, match="no such group"):
        themes_by_group(con, Filters(groups=["Piraten"]))


def test_small_n_is_marked(con) -> None:
    rows = themes_by_group(con, Filters(since="2020-01", until="2020-04")).rows
    afd = cell(rows, group="AfD", theme="integration")
    assert afd["n"] < 5 and afd["small"]
    rows = themes_by_group(con, min_n=1).rows
    assert not any(r["small"] for r in rows if r["n"] >= 1)


def test_body_paper_type_and_date_filters(con, db: Path) -> None:
    rep = themes_by_group(
        con, Filters(bodies=["Gemeinderat"], paper_types=["Antrag"], since="2019", until="2019-08")
    )
    want = sql1(
        db,
        GROUP_N + " AND m.body='Gemeinderat' AND m.paper_type='Antrag' "
        "AND m.date BETWEEN '2019-01-01' AND '2019-08-31'",
        "SPD",
    )
    assert cell(rep.rows, group="SPD", theme="integration")["n"] == want


@pytest.mark.parametrize(
    ("date", "period", "key"),
    [
        ("2019-06-30", "half", "2019-H1"),
        ("2019-07-01", "half", "2019-H2"),
        ("2019-03-31", "quarter", "2019-Q1"),
        ("2019-04-01", "quarter", "2019-Q2"),
        ("2019-12-01", "quarter", "2019-Q4"),
        ("2019-08-02", "month", "2019-08"),
        ("2019-08-02", "year", "2019"),
    ],
)
def test_period_key(date: str, period: str, key: str) -> None:
    assert period_key(date, period) == key


def test_period_range_fills_gaps() -> None:
    assert period_range("2019-Q3", "2020-Q2", "quarter") == [
        "2019-Q3",
        "2019-Q4",
        "2020-Q1",
        "2020-Q2",
    ]
    assert period_range("2019-H2", "2020-H1", "half") == ["2019-H2", "2020-H1"]


@pytest.mark.parametrize("period", ["half", "quarter"])
def test_trends_by_group_matches_sql(con, db: Path, period: str) -> None:
    rep = trends(
        con, Filters(groups=["GRÜNE", "SPD", "AfD"], themes=["integration"]), period=period
    )
    assert {r["group"] for r in rep.rows} == {"GRÜNE", "SPD", "AfD"}
    per = 6 if period == "half" else 3
    for r in rep.rows:
        y, idx = r["period"].split("-")
        lo = (int(idx[1]) - 1) * per + 1
        rng = (f"{y}-{lo:02d}-01", f"{y}-{lo + per - 1:02d}-31")
        n = sql1(db, GROUP_N + " AND m.date BETWEEN ? AND ?", r["group"], *rng)
        c = sql1(db, GROUP_THEME + " AND m.date BETWEEN ? AND ?", r["group"], "integration", *rng)
        assert (r["n"], r["count"]) == (n, c), r
        assert r["share"] == (round(c / n, 4) if n else None)
        assert r["small"] == (n < 5)
    # every period from first to last, 2020-Q2 too, where there is no motion at all
    assert len({r["period"] for r in rep.rows}) == (4 if period == "half" else 8)
    if period == "quarter":
        gap = [r for r in rep.rows if r["period"] == "2020-Q2"]
        assert gap and all(r["n"] == 0 and r["share"] is None and r["small"] for r in gap)


def test_trends_overall_normalised_by_period(con, db: Path) -> None:
    rep = trends(con, Filters(themes=["mobility"]), period="year")
    for r in rep.rows:
        n = sql1(
            db, "SELECT COUNT(*) FROM motions WHERE status='analysed' AND year=?", int(r["period"])
        )
        assert r["n"] == n and r["group"] == "(all)"
    assert any("without a date" in n for n in rep.notes)


def test_actions_and_funding_match_sql(con, db: Path) -> None:
    rep = actions_by_group(con)
    for r in rep.rows:
        if r["group"] == "(all)" or r["category"].startswith("("):
            continue
        table, col = ("actions", "type") if r["dimension"] == "action" else ("funding", "kind")
        want = sql1(
            db,
            f"SELECT COUNT(DISTINCT m.id) FROM motions m JOIN motion_groups g ON g.motion_id=m.id "
            f"JOIN {table} x ON x.motion_id=m.id WHERE m.status='analysed' AND g.grp=? AND x.{col}=?",
            r["group"],
            r["category"],
        )
        assert r["count"] == want, r
    fdp = cell(rep.rows, group="FDP", dimension="action", category="review")
    assert fdp["share"] == pytest.approx(fdp["count"] / fdp["n"], abs=1e-4)
    none = cell(rep.rows, group="FDP", dimension="funding", category="(none)")
    assert none["count"] == none["n"]  # FDP names no funding
    lin = cell(rep.rows, group="Die Linke", dimension="funding", category="offset")
    assert lin["amount_eur"] == 1000.0 * lin["items"]


def test_log_odds_symmetric_and_favours_exclusive_item() -> None:
    a = {"x": 40, "y": 30, "z": 30}
    b = {"x": 0, "y": 50, "z": 50}
    pooled = {k: a[k] + b[k] for k in a}
    ab, ba = log_odds(a, b, pooled), log_odds(b, a, pooled)
    assert ab["x"].z > 3
    for k in a:
        assert ab[k].z == pytest.approx(-ba[k].z)


def test_compare_terms_and_themes(con, db: Path) -> None:
    rep = compare(con, Filters(), "fdp", "Die Linke", min_n=3)
    terms = {r["item"]: r for r in rep.rows if r["dimension"] == "term"}
    assert terms["digitalisierung"]["z"] > 2 and terms["digitalisierung"]["count_b"] == 0
    assert terms["sozialticket"]["z"] < -2
    # names of the signature block and the faction words are no terms
    assert not {"mustermann", "erika", "fdp", "linke"} & set(terms)
    themes = {r["item"]: r for r in rep.rows if r["dimension"] == "theme"}
    assert themes["digital_admin"]["favours"] == "FDP"
    assert themes["digital_admin"]["count_a"] == sql1(db, GROUP_THEME, "FDP", "digital_admin")
    swapped = compare(con, Filters(), "Die Linke", "FDP", min_n=3)
    sw = {r["item"]: r for r in swapped.rows if r["dimension"] == "term"}
    assert sw["digitalisierung"]["z"] == pytest.approx(-terms["digitalisierung"]["z"])


def test_compare_against_all_others(con) -> None:
    rep = compare(con, Filters(), "FDP", None, min_n=3)
    assert rep.meta["group_b"] == "(others)"
    top = [r for r in rep.rows if r["dimension"] == "term"][0]
    assert top["z"] > 0 and top["count_b"] == 0


def test_compare_same_group_is_an_error(con) -> None:
    with pytest.raises(ReportError):
        compare(con, Filters(), "FDP", "fdp")


def test_drill_returns_the_motions_of_a_cell(con, db: Path) -> None:
    rows = trends(con, Filters(groups=["SPD"], themes=["integration"]), period="quarter").rows
    r = next(x for x in rows if x["count"] > 0)
    d = drill(con, Filters(groups=["SPD"], themes=["integration"]), period=r["period"])
    assert len(d.rows) == r["count"]
    assert all("SPD" in x["groups"] and "integration" in x["themes"] for x in d.rows)
    d = drill(con, Filters(groups=["FDP"]), term="digitalisierung")
    assert {x["id"] for x in d.rows} >= {"m900"} or d.rows
    d = drill(con, Filters(groups=["Die Linke"]), funding="offset")
    assert len(d.rows) == sql1(db, GROUP_N, "Die Linke")


def test_term_index_from_worker_processes_is_the_same(tmp_path: Path, monkeypatch) -> None:
    from pipeline.parallel import fork_mapper
    from pipeline.report import term_index

    def index(workers: int) -> dict[str, list]:
        path = build_store(tmp_path / f"w{workers}.db")
        with open_store(path, readonly=False) as c:
            c.execute("DELETE FROM report_term_docs")  # index from scratch
            c.execute("DELETE FROM report_terms")
            mapper = fork_mapper(workers)
            assert (mapper is None) == (workers == 1)
            assert term_index.ensure_terms(c, mapper=mapper) > 0
            return {
                t: sorted(c.execute(f"SELECT * FROM {t}").fetchall())
                for t in ("report_vocab", "report_terms", "report_term_docs", "report_names")
            }

    monkeypatch.setattr(term_index, "PARALLEL_MIN", 0)
    monkeypatch.setattr(term_index, "CHUNK", 3)  # several chunks, results must keep their order
    assert index(2) == index(1)
