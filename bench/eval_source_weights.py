"""Clause model trained with each source weighted alike, against unweighted: held out by source.

    .venv/bin/python bench/eval_source_weights.py [--cache ROWS.pkl] [--folds 3]

The annotated sources differ in size (SPD Berlin 4,194 motions, Karlsruhe 3,845, written 760,
Bundestag 309), so an unweighted fit learns mostly the two big bodies' conventions. Per source
left out, the clause model is fitted on the others (unweighted, or each motion weighted by
n / (sources x its source's motions)), its per-head thresholds chosen on those sources'
out-of-fold scores, and the left-out source scored with the per-head thresholds (the decision
before the motion stage): micro-F1 of action types and funding kinds per source.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_thresholds_by_source import build, held_out_f1  # noqa: E402


def balanced(docs) -> list[float]:
    n = Counter(d.source for d in docs)
    return [len(docs) / (len(n) * n[d.source]) for d in docs]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=Path("/tmp/clause-rows-new.pkl"))
    ap.add_argument("--folds", type=int, default=3)
    args = ap.parse_args()
    docs = build(args.cache)
    sources = sorted({d.source for d in docs})
    print("| fit | " + " | ".join(sources) + " |")
    print("|---|" + "---|" * len(sources))
    for weighted in (False, True):
        cells = []
        for s in sources:
            train = [d for d in docs if d.source != s]
            test = [d for d in docs if d.source == s]
            a, f = held_out_f1(train, test, balanced if weighted else None, args.folds)
            cells.append(f"{a:.3f} / {f:.3f}")
            print(
                f"  {'weighted' if weighted else 'unweighted'} {s} {a:.3f} / {f:.3f}",
                file=sys.stderr,
                flush=True,
            )
        print(
            f"| {'sources alike' if weighted else 'unweighted'} | " + " | ".join(cells) + " |",
            flush=True,
        )


if __name__ == "__main__":
    main()
