"""How much do a user's own annotations help on their body, and should they weigh more?

    .venv/bin/python bench/eval_adaptation.py [--cache ROWS.pkl] [--sources karlsruhe spd-berlin]
        [--n 0 50 100 200 400] [--weights 1 4] [--test 1000]

A user adapts the clause model to their council with ``antragsradar train --component
extraction --annotations mine.jsonl``: their motions are trained together with ours. Here each
annotated source plays the user in turn. Its motions are shuffled once (seed 0); the last
``--test`` are the user's unseen motions, the first n are their annotations. The clause model is
fitted on the other sources plus those n motions, each of them with sample weight w; the per-head
thresholds are chosen on 3-fold out-of-fold scores of that training set (as ``train`` does); the
test motions are scored with the per-head thresholds (the decision before the motion stage).
Cells: micro-F1 of action types / funding kinds on the test motions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_thresholds_by_source import build, held_out_f1  # noqa: E402

from pipeline.training.extraction import motion_weights  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=Path("/tmp/clause-rows-new.pkl"))
    ap.add_argument("--sources", nargs="+", default=["karlsruhe", "spd-berlin"])
    ap.add_argument("--n", nargs="+", type=int, default=[0, 50, 100, 200, 400])
    ap.add_argument("--weights", nargs="+", type=float, default=[1.0, 4.0])
    ap.add_argument("--test", type=int, default=1000)
    args = ap.parse_args()
    docs = build(args.cache)
    rng = np.random.default_rng(0)
    print("| source | n | w | actions | funding |")
    print("|---|---|---|---|---|")
    for s in args.sources:
        own = [d for d in docs if d.source == s]
        own = [own[i] for i in rng.permutation(len(own))]
        others = [d for d in docs if d.source != s]
        test = own[-args.test :]
        for n in args.n:
            for w in args.weights if n else [1.0]:
                train = others + own[:n]
                mine = {d.key: w for d in own[:n]}  # as train weighs --annotations

                def weigh(ds, mine=mine):
                    return motion_weights(ds, mine)

                a, f = held_out_f1(train, test, weigh if w != 1.0 else None)
                print(f"| {s} | {n} | {w:g} | {a:.3f} | {f:.3f} |", flush=True)


if __name__ == "__main__":
    main()
