"""The clause model's regularisation, judged on sources left out.

    .venv/bin/python bench/eval_clause_C.py [--cache /tmp/clause-rows.pkl] [--C 0.3 0.1 0.03]

For each C: per source, the model trained on the other sources with thresholds from 3-fold
out-of-fold scores of those sources (as ``antragsradar train`` chooses them), scored on the
source left out; micro-F1 of the per-motion sets of action types and funding kinds. The rows
come from ``bench/eval_thresholds_by_source.py``'s cache when given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_thresholds_by_source import build, f1s  # noqa: E402

from pipeline.extract.learned import HEADS, ClauseModel  # noqa: E402
from pipeline.training.extraction import (  # noqa: E402
    N_FEATURES,  # noqa: E402
    _folds,
    best_thresholds,
    doc_scores,
    fit_heads,
)


def scores_from(train, test, C):
    W, b = fit_heads(train, C, N_FEATURES)
    return doc_scores(ClauseModel(W, b, HEADS, {}, N_FEATURES), test)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--C", type=float, nargs="+", default=[0.3, 0.1, 0.03])
    args = ap.parse_args()
    docs = build(args.cache)
    sources = sorted({d.source for d in docs})
    print("| C | " + " | ".join(sources) + " | mean |")
    print("|---|" + "---|" * (len(sources) + 1))
    for C in args.C:
        cells, acts, funds = [], [], []
        for src in sources:
            train = [d for d in docs if d.source != src]
            test = [d for d in docs if d.source == src]
            S = np.zeros((len(train), len(HEADS)), dtype=np.float32)
            for fold in _folds(train, 3):
                held = set(fold.tolist())
                S[fold] = scores_from(
                    [d for i, d in enumerate(train) if i not in held], [train[i] for i in fold], C
                )
            G = np.stack([d.gold for d in train])
            R = np.stack([d.rule for d in train])
            thr = best_thresholds(S, G, HEADS, R)
            a, f = f1s(test, scores_from(train, test, C), thr)
            acts.append(a)
            funds.append(f)
            cells.append(f"{a:.3f} / {f:.3f}")
            print(f"  C {C} {src}: {a:.3f} / {f:.3f}", file=sys.stderr, flush=True)
        cells.append(f"{np.mean(acts):.3f} / {np.mean(funds):.3f}")
        print(f"| {C} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
