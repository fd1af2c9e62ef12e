"""Names of named funds against our annotations, per source: recall (as ``antragsradar
evaluate`` scores it: a gold name found when a predicted name shares half its content words)
and precision (predicted non-empty names that match a gold name of the motion), and how many
named-fund mentions come out without a name.

    .venv/bin/python bench/eval_fund_names.py [--files F ...]

The shipped clause model was trained on these motions, so which motions have a named fund is
in-sample here; what this measures is the naming, which no model learns: the rules' fund
patterns. About 6 minutes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.analyze import Analyzer  # noqa: E402
from pipeline.evaluate.extraction import NAME_OVERLAP, name_overlap, score_named_funds  # noqa: E402
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
    print("| source | named funds (gold) | recall | predicted names | precision | without a name |")
    print("|---|---:|---:|---:|---:|---:|")
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
        for gid, p in pred.items():
            gold_names = names(first.get(gid, {}))
            for name in names(p):
                if not name:
                    blank += 1
                    continue
                shown += 1
                hit += any(name_overlap(g, name) >= NAME_OVERLAP for g in gold_names)
        r = score_named_funds([g for g in gold if g["id"] in pred], pred)
        print(
            f"| {source} | {r['support']} | {r['recall']:.3f} | {shown} | "
            f"{hit / max(shown, 1):.3f} | {blank} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
