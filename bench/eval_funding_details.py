"""The details of funding mentions against our annotations, per source: names of named funds
and euro amounts.

    .venv/bin/python bench/eval_funding_details.py [--source S ...]

Names: recall as ``antragsradar evaluate`` scores it (a gold name is found when a predicted
name shares half its content words), precision (predicted non-empty names that match a gold
name of the motion) and how many named-fund mentions come out without a name. Amounts: recall
as ``evaluate`` scores it (a gold amount found within 0.5 EUR among the motion's predicted
amounts), precision (predicted amounts that are a gold amount of the motion) and how many
predicted mentions of a kind the annotator gave an amount lack one.

The shipped clause model was trained on these motions, so which motions have which funding
kind is in-sample here; names and amounts are read by the rules, which learned nothing from
them. About 6 minutes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.evaluate.extraction import (  # noqa: E402
    amount_in,
    amounts_of,
    name_in,
    score_amounts,
    score_named_funds,
)
from pipeline.evaluate.gold import _gold_motions, load_gold, predict  # noqa: E402
from pipeline.paths import CORPUS_DIR, shared_dir  # noqa: E402

FILES = {
    "bundestag": ("motions-bundestag.jsonl", "corpus/bundestag/papers.jsonl.gz"),
    "karlsruhe": ("motions-karlsruhe.jsonl", "corpus/karlsruhe/papers.jsonl.gz"),
    "spd-berlin": ("motions-spd-berlin.jsonl", "corpus/spd-berlin/motions.jsonl.gz"),
    "written": ("motions-written.jsonl", None),
}


def names(record: dict) -> list[str]:
    return [
        f.get("name") or "" for f in record.get("funding") or [] if f.get("kind") == "named_fund"
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", action="append", choices=sorted(FILES))
    args = ap.parse_args()
    analyzer = Analyzer(None)  # no theme model: only the extraction is scored
    print(
        "| source | named funds (gold) | name recall | names shown | precision | without a name "
        "| amounts (gold) | amount recall | amounts shown | precision | kind found, no amount |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for source in args.source or sorted(FILES):
        ann, corpus = FILES[source]
        path = (
            str(shared_dir() / corpus)
            if corpus
            else str(CORPUS_DIR / "written" / "motions.jsonl.gz")
        )
        gold = load_gold(CORPUS_DIR / "annotations" / ann)
        pred = predict(analyzer, _gold_motions(gold, [path]))
        first: dict[str, dict] = {}
        for g in gold:
            first.setdefault(g["id"], g)  # a motion annotated twice: its first annotation
        hit = shown = blank = 0
        a_hit = a_shown = a_missing = 0
        for gid, p in pred.items():
            g = first.get(gid, {})
            gold_names = names(g)
            for name in names(p):
                if not name:
                    blank += 1
                    continue
                shown += 1
                hit += name_in(name, gold_names)
            g_amounts, p_amounts = amounts_of(g), amounts_of(p)
            a_shown += len(p_amounts)
            a_hit += sum(amount_in(a, g_amounts) for a in p_amounts)
            p_kinds = {f["kind"] for f in p.get("funding") or []}
            a_missing += sum(
                1
                for f in g.get("funding") or []
                if f.get("amount_eur") is not None
                and f["kind"] in p_kinds
                and not amount_in(f["amount_eur"], p_amounts)
            )
        scored = [g for g in gold if g["id"] in pred]
        r = score_named_funds(scored, pred)
        ra = score_amounts(scored, pred)
        print(
            f"| {source} | {r['support']} | {r['recall']:.3f} | {shown} | "
            f"{hit / max(shown, 1):.3f} | {blank} | {ra['support']} | {ra['recall']:.3f} | "
            f"{a_shown} | {a_hit / max(a_shown, 1):.3f} | {a_missing} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
