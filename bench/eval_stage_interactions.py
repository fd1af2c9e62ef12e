"""The motion stage with the body's level crossed with the rules' finding, on sources left out.

    .venv/bin/python bench/eval_stage_interactions.py [--cache /tmp/clause-rows.pkl]
        [--scores /tmp/stage-scores.pkl]

The shipped stage (format 3) gives each action type a logistic regression over its best
sentence's score, the rules' finding, their product, every head's score and finding, and one
input per level of the motion's body (local, state, federal, party). A level input moves a
type's prior only: how far the rules' finding is trusted is the same for a council and a party
convention. Trained without Karlsruhe, the stage kept the rules' ``amend`` far less often than
it deserves there (left out 0.38 against 0.64 for the rules alone), where the other sources'
party conventions find amendments the rules' way less reliably. Variants, each with the
shipped inputs plus:

  rules x level    the rules' finding of the type times each level indicator;
  score x level    the type's best-sentence score (logit) times each level indicator;
  both             the two.

and simpler stages:

  own head only    the type's own score, finding and their product and the level inputs,
                   none of the other heads';
  C=0.1, C=0.01    the shipped inputs, the stage's regularisation stronger (shipped: C=1).

For each source: the clause model trained on the other sources (C as shipped, 3 folds for the
stage's out-of-fold scores, as ``train_model``), the stage and its thresholds fitted per
variant on those scores; within the sources: 5-fold out-of-fold clause scores over all motions,
the stage out-of-fold (``within_scores``). Micro-F1 of the action types, and per type. The
clause scores are computed once for all variants (``--scores`` caches them, about 15 min).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_stage_levels import C, rows  # noqa: E402

import pipeline.extract.learned as learned  # noqa: E402
import pipeline.training.extraction as training  # noqa: E402
from pipeline.training.extraction import (  # noqa: E402
    ACTION_TYPES,
    HEADS,
    N_FEATURES,
    ClauseModel,
    doc_scores,
    fit_heads,
    motion_weights,
    oof_scores,
    set_f1,
    stage_oof,
    stage_thresholds,
)

SHIPPED_DESIGN = learned._design
SHIPPED_FIT = training.fit_stage
VARIANTS = ("shipped", "rules x level", "score x level", "both", "own head only", "C=0.1", "C=0.01")


def design_for(variant: str):
    def design(L, r, j, Z=None):
        if variant == "own head only":
            own = [L[:, j : j + 1], r[:, j : j + 1], L[:, j : j + 1] * r[:, j : j + 1]]
            return np.hstack(own if Z is None else [*own, Z])
        X = SHIPPED_DESIGN(L, r, j, Z)
        if Z is None or Z.shape[1] == 0 or variant not in VARIANTS[1:4]:
            return X
        extra = []
        if variant in ("rules x level", "both"):
            extra.append(r[:, j : j + 1] * Z)
        if variant in ("score x level", "both"):
            extra.append(L[:, j : j + 1] * Z)
        return np.hstack([X, *extra])

    return design


def clause_scores(data) -> dict:
    """Per source left out: the training motions' out-of-fold scores and the test motions'
    scores by the clause model of the training motions; and 5-fold scores over all motions."""
    out: dict = {"loso": {}}
    for src in data.sources():
        t0 = time.time()
        train = [d for d in data.docs if d.source != src]
        test = [d for d in data.docs if d.source == src]
        S_train = oof_scores(train, C, 3, N_FEATURES)
        W, b = fit_heads(train, C, N_FEATURES, motion_weights(train, None))
        m = ClauseModel(W, b, HEADS, {}, N_FEATURES)
        out["loso"][src] = (S_train, doc_scores(m, test))
        print(f"  {src}: {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
    out["within"] = oof_scores(data.docs, C, 5, N_FEATURES)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None, help="pickle of the clause rows (made if missing)")
    ap.add_argument("--scores", default=None, help="pickle of the clause scores (made if missing)")
    args = ap.parse_args()
    data = rows(args.cache)
    if args.scores and Path(args.scores).is_file():
        sc = pickle.loads(Path(args.scores).read_bytes())
    else:
        sc = clause_scores(data)
        if args.scores:
            Path(args.scores).write_bytes(pickle.dumps(sc))
    G_all = np.stack([d.gold for d in data.docs])
    R_all = np.stack([d.rule for d in data.docs])
    lv_all = [d.level for d in data.docs]
    print("| variant | source | left out | within | per type left out |")
    print("|---|---|---|---|---|")
    for variant in VARIANTS:
        learned._design = design_for(variant)
        C_stage = float(variant[2:]) if variant.startswith("C=") else training.STAGE_C
        training.fit_stage = partial(SHIPPED_FIT, C=C_stage)  # stage_oof calls it too
        Q = stage_oof(sc["within"], R_all, G_all, [d.key for d in data.docs], levels=lv_all)
        thr_w = stage_thresholds(Q, G_all, R_all)
        for src in data.sources():
            tr = np.array([d.source != src for d in data.docs])
            te = ~tr
            S_train, S_test = sc["loso"][src]
            G, R = G_all[tr], R_all[tr]
            lv = [x for x, t in zip(lv_all, tr, strict=True) if t]
            keys = [d.key for d, t in zip(data.docs, tr, strict=True) if t]
            thr = stage_thresholds(stage_oof(S_train, R, G, keys, levels=lv), G, R)
            stage = training.fit_stage(S_train, R, G, levels=lv)
            lv_te = [x for x, t in zip(lv_all, te, strict=True) if t]
            P = stage.proba(S_test, R_all[te], lv_te)
            loso = set_f1(P, G_all[te], R_all[te], thr, ACTION_TYPES)
            within = set_f1(Q[te], G_all[te], R_all[te], thr_w, ACTION_TYPES)
            per = ", ".join(f"{t} {loso['per_type'][t]['f1']:.2f}" for t in ACTION_TYPES)
            print(
                f"| {variant} | {src} | {loso['micro_f1']:.4f} | {within['micro_f1']:.4f} "
                f"| {per} |",
                flush=True,
            )
    learned._design = SHIPPED_DESIGN
    training.fit_stage = SHIPPED_FIT


if __name__ == "__main__":
    main()
