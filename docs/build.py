"""Rebuild docs/reports.md and its pictures from a real run on the Karlsruhe corpus.

    .venv/bin/python docs/build.py [--shared DIR] [--db STORE] [--out DIR]

Analyses ``corpus/karlsruhe/papers.jsonl.gz`` of the shared data folder (--shared, else
$ANTRAGSRADAR_SHARED, else ../shared) into a store (--db; a store from an earlier build is
brought up to date, which is quick), runs every report of the page through the library, and
writes ``reports.md`` and ``img/report-*.png`` into --out (default: this folder). Every figure
of the page, the prose's included, comes from that run, so the page cannot go stale: the slow
test ``tests/test_docs.py`` rebuilds it and fails when the committed page differs.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.errors import AntragsradarError  # noqa: E402
from pipeline.paths import shared_dir  # noqa: E402
from pipeline.report import Filters  # noqa: E402
from pipeline.report.numbers import de_number, de_pct  # noqa: E402
from pipeline.report.render import to_markdown  # noqa: E402
from pipeline.report.result import Report  # noqa: E402

CORPUS = Path("corpus") / "karlsruhe" / "papers.jsonl.gz"
GOLD = Path("gold") / "dev.jsonl"
SILVER = Path("corpus") / "karlsruhe" / "submitters.json"
GROUPS = ["GRÜNE", "SPD", "CDU", "FDP", "Die Linke", "AfD", "FW", "KAL"]
TREND_GROUPS = ["GRÜNE", "SPD", "CDU", "AfD"]
TREND_THEME = "integration"
SINCE, UNTIL = "2015", "2025"
DRILL = {"group": "SPD", "theme": TREND_THEME, "period": "2023"}
COMPARE = ("FDP", "Die Linke")


def pct(share: float) -> str:
    return de_pct(share)


def build_store(corpus: Path, db: Path, quiet: bool) -> None:
    from pipeline.batch import analyze_into_store
    from pipeline.cli.progress import Reporter
    from pipeline.report.query import open_store
    from pipeline.report.term_index import ensure_terms

    with Reporter("analysing", quiet=quiet) as progress:
        analyze_into_store([str(corpus)], db, progress=progress)
    with open_store(db) as con:
        ensure_terms(con)


def scores(shared: Path, db: Path, labels: dict[str, str]) -> dict[str, Any]:
    """Theme scores on the annotated dev motions and group agreement with the silver
    attribution (groups taken from the store, not analysed again)."""
    from pipeline.evaluate.extraction import score_groups_silver
    from pipeline.evaluate.gold import evaluate, load_silver, paper_key

    report = evaluate(shared / GOLD, [str(shared / CORPUS)])
    con = sqlite3.connect(db)
    try:
        groups: dict[str, list[str]] = {}
        for mid, grp in con.execute(
            "SELECT m.id, g.grp FROM motions m LEFT JOIN motion_groups g ON g.motion_id = m.id "
            "WHERE m.status = 'analysed'"
        ):
            groups.setdefault(paper_key(mid), [])
            if grp:
                groups[paper_key(mid)].append(grp)
    finally:
        con.close()
    silver = score_groups_silver(groups, load_silver(shared / SILVER))
    themes = report["scores"]["themes"]
    per_label = {labels.get(k, k): v["f1"] for k, v in themes["per_label"].items() if v["support"]}
    return {
        "n_gold": report["n_scored"],
        "micro_f1": themes["micro_f1"],
        "macro_f1": themes["macro_f1"],
        "top1": themes["top1"],
        "precision": themes["micro"]["precision"],
        "recall": themes["micro"]["recall"],
        "worst": min(per_label.items(), key=lambda kv: kv[1]),
        "best": max(per_label.items(), key=lambda kv: kv[1]),
        "silver": silver["exact_match"],
        "silver_docs": silver["docs"],
    }


def store_counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        counts = dict(con.execute("SELECT status, COUNT(*) FROM motions GROUP BY status"))
    finally:
        con.close()
    return {"analysed": counts.get("analysed", 0), "failed": counts.get("failed", 0)}


def f2(x: float) -> str:
    return de_number(x, 2)


def md(report: Report) -> str:
    return to_markdown(report).rstrip("\n")


def sql_answer(db: Path, sql: str, *args: Any) -> str:
    con = sqlite3.connect(db)
    try:
        rows = con.execute(sql, args).fetchall()
    finally:
        con.close()
    return "\n".join("-- " + "|".join(str(v) for v in row) for row in rows)


# ------------------------------------------------------------------------------ the sections


def intro(counts: dict[str, int], s: dict[str, Any]) -> str:
    total = counts["analysed"] + counts["failed"]
    worst, best = s["worst"], s["best"]
    return f"""# Reports

`antragsradar report …` answers comparative questions over the SQLite store that
`antragsradar analyze` builds. Each report is a library function in `pipeline/report/` that
returns plain rows; the command prints them as a terminal table (default) or with
`--format csv|json|md` on stdout, and `--plot FILE.png|FILE.svg` draws a picture (all but `drill`).

Rules every report follows:

- Only motions analysed without failure count.
- **A motion of several groups counts for each of them** (so group columns add up to more
  than the total column `(all)`, which counts each motion once).
- Every share is shown with its n. A share resting on fewer than `--min-n` motions
  (default 5) is marked `*` in tables and drawn hollow or grey in pictures.
- Filters: `--theme/-t`, `--group/-g` (any letter case: `-g grüne`), `--body`, `--paper-type`,
  `--since`, `--until` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `--until 2025` includes 2025).
  In `themes` and `trends`, theme and group pick the rows and lines shown, while shares stay
  normalised by all motions of the group or period; in `actions` and `compare`, `--theme`
  restricts the motions counted.
- Tables and Markdown are for reading: German theme labels and German numbers (`12,5 %`,
  `4.512`). CSV and JSON are for programs: one row per cell with theme ids and plain numbers
  (`count`, `n`, `share`, `small`).
- A terminal table fits the terminal: columns that do not fit are named in a note below the
  table, and `--wide` shows them all.

> **About the examples below.** This page is generated by `python docs/build.py` from a run on
> the Karlsruhe corpus ({de_number(total)} papers, {de_number(counts["analysed"])} analysed,
> {de_number(counts["failed"])} without usable text) with the shipped pipeline and models:
>
> ```sh
> antragsradar analyze ../shared/corpus/karlsruhe/papers.jsonl.gz --db karlsruhe.db
> ```
>
> Themes come from the shipped classifier, which scores micro-F1 {f2(s["micro_f1"])}, macro-F1
> {f2(s["macro_f1"])} and top-1 {f2(s["top1"])} against {s["n_gold"]} annotated Karlsruhe motions
> (`antragsradar evaluate ../shared/gold/dev.jsonl --corpus …`; per theme from
> {f2(worst[1])} for {worst[0]} to {f2(best[1])} for {best[0]}). Its precision is
> {f2(s["precision"])} and its recall {f2(s["recall"])}, so theme shares are **estimates**, and a
> difference of one or two motions in a small cell means nothing. Groups come from the
> extractor, which matches the upstream attribution (`submitters.json`) exactly for
> {pct(s["silver"])} of {de_number(s["silver_docs"])} motions."""


def themes_section(rep: Report) -> str:
    groups = " ".join(f'-g "{g}"' if " " in g else f"-g {g}" for g in GROUPS)
    return f"""## Themes by group

Count and share of motions per theme and group, normalised by each group's number of motions,
with the total column `(all)`.

```sh
antragsradar report themes --db karlsruhe.db {groups} \\
    --format md --plot docs/img/report-themes.png
```

{md(rep)}

![Themes by group](img/report-themes.png)"""


def _trend_cells(rep: Report) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rep.rows:
        out.setdefault(r["group"], []).append(r)
    return out


def trends_answer(rep: Report, overall: dict[str, Any]) -> str:
    by_group = _trend_cells(rep)
    years = sorted({r["period"] for r in rep.rows})
    leader: dict[str, int] = {}
    for y in years:
        cells = [r for rows in by_group.values() for r in rows if r["period"] == y and r["n"]]
        if cells:
            top = max(cells, key=lambda r: r["share"])
            leader[top["group"]] = leader.get(top["group"], 0) + 1
    lead, n_lead = max(leader.items(), key=lambda kv: kv[1])
    parts = []
    for g, rows in by_group.items():
        shares = [r for r in rows if r["n"]]
        lo, hi = min(shares, key=lambda r: r["share"]), max(shares, key=lambda r: r["share"])
        parts.append(
            f"{g} {pct(lo['share'])}–{pct(hi['share'])} (highest {hi['period']}: "
            f"{hi['count']} of {hi['n']})"
        )
    few = sum(1 for r in rep.rows if r["count"] <= 2)
    return (
        f"**Answer:** {TREND_THEME} is a small theme overall ({pct(overall['share'])} of all "
        f"motions, {de_number(overall['count'])}). {lead} has the highest share in {n_lead} of "
        f"the {len(years)} years. Per group, the yearly shares range: {'; '.join(parts)}. "
        f"{few} of the {len(rep.rows)} cells hold two motions of the theme or fewer: there a "
        "year's swing is one or two motions (and the classifier's error, see above)."
    )


def trends_section(rep: Report, answer: str, check: str) -> str:
    groups = " ".join(f"-g {g}" for g in TREND_GROUPS)
    return f"""## Trends

Theme shares per period (`--period year|half|quarter|month`), overall or per group; each
share is normalised by the volume of its period. *How did the share of {TREND_THEME} motions by
{", ".join(TREND_GROUPS[:-1])} and {TREND_GROUPS[-1]} develop from {SINCE} to {UNTIL}?*

```sh
antragsradar report trends --db karlsruhe.db -t {TREND_THEME} {groups} \\
    --since {SINCE} --until {UNTIL} --format md --plot docs/img/report-trends.png
```

{md(rep)}

Each cell is share (motions with the theme / all motions of the group in the year).
{answer} The same count straight from the store agrees, e.g. AfD 2019:

```sql
SELECT COUNT(*), SUM(EXISTS (SELECT 1 FROM motion_themes t WHERE t.motion_id = m.id AND t.theme = '{TREND_THEME}'))
FROM motions m JOIN motion_groups g ON g.motion_id = m.id
WHERE m.status = 'analysed' AND g.grp = 'AfD' AND m.date BETWEEN '2019-01-01' AND '2019-12-31';
{check}
```

![Trend of {TREND_THEME} motions](img/report-trends.png)"""


def actions_section(rep: Report) -> str:
    groups = " ".join(f'-g "{g}"' if " " in g else f"-g {g}" for g in GROUPS)
    funding = {
        r["group"]: r for r in rep.rows if r["category"] == "budget_line" and r["group"] != "(all)"
    }
    hi = max(funding.values(), key=lambda r: r["share"])
    lo = min(funding.values(), key=lambda r: r["share"])
    return f"""## Actions and funding by group

The mix of requested-action types and funding kinds: the share of a group's motions with at
least one action of the type (funding statement of the kind); `(any)`/`(none)` say how many
motions name any at all. *Which groups ask for reviews rather than implementation, and who
names funding sources?*

```sh
antragsradar report actions --db karlsruhe.db {groups} \\
    --format md --plot docs/img/report-actions.png
```

{md(rep)}

For example, a budget line is named by {pct(hi["share"])} of {hi["group"]}'s motions
({hi["count"]} of {hi["n"]}) but by {pct(lo["share"])} of {lo["group"]}'s ({lo["count"]} of {lo["n"]}).

![Actions and funding by group](img/report-actions.png)"""


def compare_answer(rep: Report) -> str:
    a, b = COMPARE
    themes = [r for r in rep.rows if r["dimension"] == "theme" and abs(r["z"]) >= 1.96]

    def side(rows: list[dict[str, Any]]) -> str:
        return ", ".join(
            f"{r['label']} ({pct(r['share_a'])} vs {pct(r['share_b'])}, z = {de_number(r['z'], 1)})"
            for r in rows
        )

    for_a = sorted((r for r in themes if r["z"] > 0), key=lambda r: -r["z"])
    for_b = sorted((r for r in themes if r["z"] < 0), key=lambda r: r["z"])
    terms_a = [r["item"] for r in rep.rows if r["dimension"] == "term" and r["z"] > 0][:5]
    terms_b = [r["item"] for r in rep.rows if r["dimension"] == "term" and r["z"] < 0][-5:]
    return (
        f"**Answer:** by theme (|z| ≥ 1,96), {a} motions are more often about "
        f"{side(for_a) or 'no theme'}; {b}'s about {side(for_b) or 'no theme'}. By term, "
        f"{a} motions stand out with *{', '.join(terms_a)}*, {b}'s with *{', '.join(terms_b)}*. "
        "The terms do not depend on the theme model."
    )


def compare_section(rep: Report, answer: str) -> str:
    a, b = COMPARE
    return f"""## Compare two groups

Which themes and terms distinguish group A from group B (or, with B left out, from all other
groups): weighted log-odds ratios with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008, *Fightin' Words*). The prior is the pooled counts of all selected motions, scaled to
α0 = `--prior` × (counts of A + B) (default 0.1); z = δ/σ, z > 0 favours A. Raw counts are
shown beside z, never used alone. Terms are lemmas of title and text, counted per motion that
uses them (`--unit tokens` for tokens), without the stop words of
`corpus/patterns/stopwords_de.txt`, numbers, lines that recur in many motions (letterheads,
budget forms), signature blocks, councillors' names and faction names. The first `compare` on a
store indexes the terms of every motion once (some seconds; kept in the store and renewed only
for new or changed motions). *Which themes and terms distinguish {a} from {b}?*

```sh
antragsradar report compare {a} "{b}" --db karlsruhe.db --top 10 --format md \\
    --plot docs/img/report-compare.png
```

{md(rep)}

{answer}

![{a} vs {b}](img/report-compare.png)"""


def drill_section(rep: Report, cell: dict[str, Any]) -> str:
    g, t, p = DRILL["group"], DRILL["theme"], DRILL["period"]
    return f"""## Drill down

The motions behind any cell: give the cell's group, theme, period (as the trends show it:
`2019`, `2019-H2`, `2019-Q3`, `2019-08`), action type, funding kind or term.

```sh
antragsradar report drill --db karlsruhe.db -g {g} -t {t} -p {p} --format md
```

{md(rep)}

These are the {len(rep.rows)} motions of the {g} {p} cell of the trend above
({cell["count"]}/{cell["n"]}).

## Speed

Every report answers in well under a second on this store; drawing a picture adds the import of
matplotlib, and the first `compare` on a new store indexes its terms once.
`python bench/bench_reports.py --db karlsruhe.db` times each report on your machine."""


# ------------------------------------------------------------------------------ the page


def build_page(db: Path, shared: Path, img: Path, say: Callable[[str], None]) -> str:
    from pipeline.report import actions_by_group, compare, drill, open_store, themes_by_group
    from pipeline.report import trends as trends_report
    from pipeline.report.plot import plot

    img.mkdir(parents=True, exist_ok=True)
    with open_store(db) as con:
        th = themes_by_group(con, Filters(groups=GROUPS))
        tr = trends_report(
            con,
            Filters(themes=[TREND_THEME], groups=TREND_GROUPS, since=SINCE, until=UNTIL),
            period="year",
        )
        overall = next(
            r
            for r in themes_by_group(con, Filters(themes=[TREND_THEME])).rows
            if r["group"] == "(all)"
        )
        ac = actions_by_group(con, Filters(groups=GROUPS))
        cp = compare(con, Filters(), COMPARE[0], COMPARE[1], top=10)
        dr = drill(
            con,
            Filters(groups=[DRILL["group"]], themes=[DRILL["theme"]]),
            period=DRILL["period"],
        )
    for name, rep in (("themes", th), ("trends", tr), ("actions", ac), ("compare", cp)):
        plot(rep, img / f"report-{name}.png")
    say("reports and pictures done; scoring the theme model on the annotated motions")
    cell = next(
        r for r in tr.rows if r["group"] == DRILL["group"] and r["period"] == DRILL["period"]
    )
    check = sql_answer(
        db,
        "SELECT COUNT(*), SUM(EXISTS (SELECT 1 FROM motion_themes t WHERE t.motion_id = m.id "
        "AND t.theme = ?)) FROM motions m JOIN motion_groups g ON g.motion_id = m.id "
        "WHERE m.status = 'analysed' AND g.grp = 'AfD' AND m.date BETWEEN ? AND ?",
        TREND_THEME,
        "2019-01-01",
        "2019-12-31",
    )
    parts = [
        intro(store_counts(db), scores(shared, db, {r["theme"]: r["label"] for r in th.rows})),
        themes_section(th),
        trends_section(tr, trends_answer(tr, overall), check),
        actions_section(ac),
        compare_section(cp, compare_answer(cp)),
        drill_section(dr, cell),
    ]
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=None, help="shared data folder")
    ap.add_argument("--db", type=Path, default=None, help="store to build or update")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--quiet", "-q", action="store_true")
    args = ap.parse_args(argv)

    def say(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr)

    shared = shared_dir(args.shared)
    corpus = shared / CORPUS
    if not corpus.is_file():
        print(
            f"error: {corpus}: no Karlsruhe corpus; give --shared or set ANTRAGSRADAR_SHARED",
            file=sys.stderr,
        )
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "karlsruhe.db"
        try:
            build_store(corpus, db, args.quiet)
            page = build_page(db, shared, args.out / "img", say)
        except AntragsradarError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "reports.md").write_text(page, encoding="utf-8")
    say(f"wrote {args.out / 'reports.md'} and {args.out / 'img'}/report-*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
