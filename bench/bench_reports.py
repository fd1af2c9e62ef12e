"""Time every ``antragsradar report`` on a store.

    .venv/bin/python bench/bench_reports.py --db antragsradar.db

prints the seconds of each report (target: under 2 s each on the Karlsruhe store, 4,572 motions).
The first ``compare`` on a store indexes the terms of every motion once (``report_terms``); the
script times that cold run separately from the warm runs.

``--stand-in OUT`` first copies ``--db`` to OUT and fills groups (silver submitters of
shared/corpus/karlsruhe/submitters.json), themes (keyword rule over the taxonomy's seed terms),
actions and funding (crude regexes) where the store has none, so that the reports have something
to count while the real extractors are not there yet. Such a store is for timing and for
showing the reports only: its numbers are no analysis result.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.paths import TAXONOMY_DIR, shared_dir

# --------------------------------------------------------------------------------- stand-in


def _seed_pattern(terms: list[str]) -> re.Pattern[str]:
    parts = []
    for t in terms:
        if t.startswith("="):
            body, pre, post = t[1:], r"(?<![a-zäöüß])", r"(?![a-zäöüß])"
        elif t.startswith("*"):
            body, pre, post = t[1:], "", ""
        else:
            body, pre, post = t, r"(?<![a-zäöüß])", ""
        parts.append(pre + re.escape(body).replace(r"\ ", r"\s+") + post)
    return re.compile("|".join(parts))


ACTION_RULES = {
    "review": r"\bprüf(?:en|t|ung)\b|machbarkeit",
    "report": r"\bberichte[nt]?\b|sachstandsbericht|\binformier",
    "concept": r"konzept\w* (?:zu )?(?:erarbeiten|entwickeln|erstellen)|strategie \w*entwickeln",
    "implement": r"\bumsetz|\beinricht|\bbeschließt\b|\bwird beauftragt\b",
    "budget": r"mittel\w* (?:in höhe|bereit|erhöh|kürz)|zuschuss\w* (?:erhöh|kürz)|\bstellen? schaffen",
    "appeal": r"fordert .{0,80}\bauf\b|setzt sich .{0,40}\bein\b|spricht sich .{0,40}\baus\b",
    "amend": r"wie folgt (?:geändert|ergänzt)|\bergänzung um\b",
}
FUNDING_RULES = {
    "named_fund": r"\w+fonds\b|förderprogramm",
    "budget_line": r"\bthh\b|teilhaushalt|produktgruppe|haushaltsstelle",
    "external_grant": r"fördermittel|\bzuschüsse? (?:des|vom) (?:land|bund)|drittmittel",
    "offset": r"\bdeckung\b|gegenfinanzier",
    "general_budget": r"haushaltsmittel|städtische mittel",
}


def make_stand_in(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` and fill empty group/theme/action/funding tables by crude rules."""
    shutil.copyfile(src, dst)
    con = sqlite3.connect(dst)
    motions = con.execute(
        "SELECT id, title, paper_type, text FROM motions WHERE status='analysed'"
    ).fetchall()
    if not con.execute("SELECT 1 FROM motion_groups LIMIT 1").fetchone():
        sub = json.loads(
            (shared_dir() / "corpus/karlsruhe/submitters.json").read_text(encoding="utf-8")
        )
        names, papers = sub["factions"], sub["papers"]
        rows = [
            (mid, names[slug])
            for mid, *_ in motions
            for slug in papers.get(mid.rstrip("/").rsplit("/", 1)[-1], [])
        ]
        con.executemany("INSERT OR IGNORE INTO motion_groups VALUES (?,?)", rows)
    if not con.execute("SELECT 1 FROM motion_themes LIMIT 1").fetchone():
        tax = json.loads((TAXONOMY_DIR / "themes.json").read_text(encoding="utf-8"))
        pats = [(t["id"], t["label"], _seed_pattern(t["seed_terms"])) for t in tax["themes"]]
        rows = []
        for mid, title, _, text in motions:
            low_title, low = (title or "").lower(), (text or "").lower()
            hits = []
            for tid, label, pat in pats:
                n = 3 * len(pat.findall(low_title)) + len(pat.findall(low))
                if n >= 3:
                    hits.append((n, tid, label))
            hits.sort(reverse=True)
            for rank, (n, tid, label) in enumerate(hits[:3], start=1):
                rows.append((mid, rank, tid, label, round(n / (n + 5), 3)))
        con.executemany("INSERT INTO motion_themes VALUES (?,?,?,?,?)", rows)
    if not con.execute("SELECT 1 FROM actions LIMIT 1").fetchone():
        act = {k: re.compile(v) for k, v in ACTION_RULES.items()}
        fund = {k: re.compile(v) for k, v in FUNDING_RULES.items()}
        arows, frows = [], []
        for mid, _, ptype, text in motions:
            low = (text or "").lower()
            types = [k for k, p in act.items() if p.search(low)]
            if ptype == "Anfrage":
                types = ["inquiry"] + [t for t in types if t == "report"]
            for i, t in enumerate(types or ["implement"]):
                arows.append((mid, i, t))
            for i, k in enumerate(k for k, p in fund.items() if p.search(low)):
                frows.append((mid, i, k))
        con.executemany("INSERT INTO actions(motion_id, idx, type) VALUES (?,?,?)", arows)
        con.executemany("INSERT INTO funding(motion_id, idx, kind) VALUES (?,?,?)", frows)
    con.commit()
    con.close()


# ------------------------------------------------------------------------------------ timing


def _time(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, type=Path, help="store built by antragsradar analyze")
    ap.add_argument("--repeat", type=int, default=3, help="runs per report (median is shown)")
    ap.add_argument("--stand-in", type=Path, help="copy --db here, fill it, time the copy")
    ap.add_argument("--group-a", default="FDP")
    ap.add_argument("--group-b", default="Die Linke")
    args = ap.parse_args(argv)

    db = args.db
    if args.stand_in:
        make_stand_in(db, args.stand_in)
        db = args.stand_in

    from pipeline.report import (
        Filters,
        actions_by_group,
        compare,
        drill,
        open_store,
        render,
        themes_by_group,
        trends,
    )

    big4 = Filters(groups=["GRÜNE", "SPD", "CDU", "AfD"], themes=["integration"])
    with open_store(db) as con:
        cold_t0 = time.perf_counter()
        compare(con, Filters(), args.group_a, args.group_b)
        cold = time.perf_counter() - cold_t0

    def run(fn: Callable[..., object], *a: object, **kw: object) -> Callable[[], object]:
        def go() -> object:
            with open_store(db) as con:  # opening is part of what a command pays
                rep = fn(con, *a, **kw)
                return render(rep, "csv")

        return go

    cases = {
        "themes": run(themes_by_group, Filters()),
        "trends (year, all themes)": run(trends, Filters(), period="year"),
        "trends (quarter, 4 groups, integration)": run(trends, big4, period="quarter"),
        "actions": run(actions_by_group, Filters()),
        f"compare {args.group_a} vs {args.group_b}": run(
            compare, Filters(), args.group_a, args.group_b
        ),
        f"compare {args.group_a} vs others": run(compare, Filters(), args.group_a, None),
        "drill (SPD × integration)": run(drill, Filters(groups=["SPD"], themes=["integration"])),
    }
    print(f"store: {db}")
    print(f"{'compare, first run (indexes terms)':<45} {cold:6.2f} s")
    worst = 0.0
    for name, fn in cases.items():
        med, mx = _time(fn, args.repeat)
        worst = max(worst, med)
        print(f"{name:<45} {med:6.2f} s  (max {mx:.2f})")
    print(f"{'slowest report (median)':<45} {worst:6.2f} s  {'OK' if worst < 2 else 'OVER 2 s'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
