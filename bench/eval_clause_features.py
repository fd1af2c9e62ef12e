"""Clause features meant to carry across sources, trained without each source in turn.

    .venv/bin/python bench/eval_clause_features.py --variant shipped|level|shared [--cache F]

Action types / funding kinds micro-F1 of the clause model fitted on the other sources, with
per-head thresholds from their 3-fold out-of-fold scores (``held_out_f1`` of
``eval_thresholds_by_source.py``; no motion stage). Variants:

  shipped  the features the package computes;
  level    plus the body's level as a context feature, alone and with each rule type found in
           the clause (``lv:party``, ``lv:party|ra:appeal``): lets the model trust the rules
           differently at each level;
  shared   only the features seen in at least 10 motions of at least two training sources
           (the others are dropped from the training rows, so their weights stay 0).

Rows are built from the annotations with the committed rules (``--cache`` keeps them; one cache
per variant, the level variant's rows differ). Not shipped: see docs/experiments-extraction.md.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from eval_thresholds_by_source import build, held_out_f1  # noqa: E402

from pipeline.extract import clauses  # noqa: E402
from pipeline.training.extraction import N_FEATURES  # noqa: E402

MIN_SOURCES, MIN_MOTIONS = 2, 10


def add_level_features() -> None:
    """Featurizer.clause_features with the level context (only in this process)."""
    plain = clauses.Featurizer.clause_features

    def with_level(self, sentence, context, level):  # type: ignore[no-untyped-def]
        context = list(context)
        extra = ["lv:" + level] + [f"lv:{level}|{c}" for c in context if c.startswith("ra:")]
        return plain(self, sentence, context + extra, level)

    clauses.Featurizer.clause_features = with_level  # type: ignore[method-assign]


def shared_only(train: list) -> list:
    """Copies of the training rows without the features few sources share."""
    seen = []
    for s in sorted({d.source for d in train}):
        count = np.zeros(N_FEATURES, dtype=np.int32)
        for d in train:
            if d.source == s:
                count[np.unique(d.indices)] += 1
        seen.append(count >= MIN_MOTIONS)
    keep = np.sum(seen, axis=0) >= MIN_SOURCES
    out = []
    for d in train:
        e = copy.copy(d)
        k = keep[d.indices]
        e.indices = d.indices[k]
        e.indptr = np.concatenate([[0], np.cumsum(k)])[d.indptr].astype(d.indptr.dtype)
        out.append(e)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", choices=("shipped", "level", "shared"), default="shipped")
    ap.add_argument("--cache", type=Path, help="pickle of the clause rows (written if missing)")
    args = ap.parse_args()
    if args.variant == "level":
        add_level_features()
    t0 = time.time()
    docs = build(args.cache)
    print(f"{len(docs)} motions, variant {args.variant}: actions / funding micro-F1", flush=True)
    for src in sorted({d.source for d in docs}):
        train = [d for d in docs if d.source != src]
        test = [d for d in docs if d.source == src]
        if args.variant == "shared":
            train = shared_only(train)
        acts, funds = held_out_f1(train, test)
        print(f"  {src}: {acts:.3f} / {funds:.3f} ({time.time() - t0:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
