"""The motion stage trained on clause scores of a model that never saw the motion's source.

    .venv/bin/python bench/eval_stage_scores.py [--cache /tmp/clause-rows.pkl] [--within]

The shipped stage learns from out-of-fold clause scores over motions: every training motion is
scored by a clause model that saw other motions of its own body. On a body it never saw, the
clause scores run lower, and the stage (which learned to trust them) keeps fewer of the types
the rules found. Three variants of the stage's training scores:

- ``A`` motions (shipped): out-of-fold over motions;
- ``B`` sources: each training motion scored by a clause model trained without its source;
- ``C`` both: the two score sets stacked (a motion's two rows stay in one fold).

The funding kinds keep the thresholds chosen on ``A``'s scores in every variant (the stage
decides the action types only). Without ``--within``: per source, the clause model and stage
trained on the other sources, micro-F1 of the held-out source (about 40 min on 2 cores). With
``--within``: 5 folds over all motions, the stage fitted on the training folds' scores, scored
on clause scores out-of-fold over motions, as a new motion of a known body is (about 25 min).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_stage_levels import C, rows  # noqa: E402

from pipeline.extract.learned import ClauseModel  # noqa: E402
from pipeline.training.extraction import (  # noqa: E402
    ACTION_TYPES,
    FUNDING_KINDS,
    HEADS,
    N_FEATURES,
    STAGED,
    DocRows,
    decide,
    doc_scores,
    fit_heads,
    fit_stage,
    oof_scores,
    set_f1,
    stage_oof,
    stage_thresholds,
)
from pipeline.training.folds import group_folds  # noqa: E402

TYPES = list(ACTION_TYPES)
KINDS = ["f_" + k for k in FUNDING_KINDS]


def clause_model(docs: Sequence[DocRows]) -> ClauseModel:
    W, b = fit_heads(docs, C, N_FEATURES)
    return ClauseModel(W, b, HEADS, {}, N_FEATURES)


def source_scores(docs: Sequence[DocRows]) -> np.ndarray:
    """Each motion's clause scores from a model trained without its source."""
    S = np.zeros((len(docs), len(HEADS)), dtype=np.float32)
    for src in sorted({d.source for d in docs}):
        idx = [i for i, d in enumerate(docs) if d.source == src]
        model = clause_model([d for d in docs if d.source != src])
        S[idx] = doc_scores(model, [docs[i] for i in idx])
    return S


def stage_for(variant: str, S_mot, S_src, G, R, keys: list[str], levels: list[str]):
    """The stage and thresholds of ``variant``; the funding kinds' thresholds from ``A``."""
    if variant == "A":
        S, GG, RR, kk, lv = S_mot, G, R, keys, levels
    elif variant == "B":
        S, GG, RR, kk, lv = S_src, G, R, keys, levels
    else:
        S, GG, RR = np.concatenate([S_mot, S_src]), np.concatenate([G, G]), np.concatenate([R, R])
        kk, lv = keys + keys, levels + levels
    thr = stage_thresholds(stage_oof(S, RR, GG, kk, levels=lv), GG, RR)
    if variant != "A":
        base = stage_thresholds(stage_oof(S_mot, R, G, keys, levels=levels), G, R)
        thr.update({h: base[h] for h in HEADS if h not in STAGED})
    thr["request"] = {"keep": 0.5, "add": 0.5}
    return fit_stage(S, RR, GG, levels=lv), thr


def matrices(docs: Sequence[DocRows]):
    return (
        np.stack([d.gold for d in docs]),
        np.stack([d.rule for d in docs]),
        [d.key for d in docs],
        [d.level for d in docs],
    )


def left_out(data) -> None:
    print("| source | variant | actions | funding kinds | per type |")
    print("|---|---|---|---|---|")
    for src in data.sources():
        train = [d for d in data.docs if d.source != src]
        test = [d for d in data.docs if d.source == src]
        G, R, keys, levels = matrices(train)
        S_mot = oof_scores(train, C, 3, N_FEATURES)
        S_src = source_scores(train)
        St = doc_scores(clause_model(train), test)
        Gt, Rt, _, lt = matrices(test)
        for v in "ABC":
            stage, thr = stage_for(v, S_mot, S_src, G, R, keys, levels)
            Q = stage.proba(St, Rt, lt)
            a, f = set_f1(Q, Gt, Rt, thr, TYPES), set_f1(Q, Gt, Rt, thr, KINDS)
            per = ", ".join(f"{t} {x['f1']:.2f}" for t, x in a["per_type"].items())
            print(
                f"| {src} | {v} | {a['micro_f1']:.3f} | {f['micro_f1']:.3f} | {per} |", flush=True
            )


def within(data) -> None:
    docs = data.docs
    G, R, keys, levels = matrices(docs)
    S_mot = oof_scores(docs, C, 5, N_FEATURES)
    S_src = source_scores(docs)
    sources = np.array([d.source for d in docs])
    print("| source | variant | actions | funding kinds |")
    print("|---|---|---|---|")
    for v in "ABC":
        D = np.zeros(G.shape, dtype=bool)
        for fold in group_folds(keys, 5, seed=2):
            tr = np.ones(len(docs), dtype=bool)
            tr[fold] = False
            idx = np.flatnonzero(tr)
            stage, thr = stage_for(
                v, S_mot[tr], S_src[tr], G[tr], R[tr], [keys[i] for i in idx],
                [levels[i] for i in idx],
            )  # fmt: skip
            lv = [levels[i] for i in fold]
            D[fold] = decide(stage.proba(S_mot[fold], R[fold], lv), R[fold], thr, HEADS)
        for src in data.sources():
            m = sources == src
            cells = []
            for heads in (TYPES, KINDS):
                cols = [HEADS.index(h) for h in heads]
                p, g = D[m][:, cols], G[m][:, cols] == 1
                tp, fp, fn = (p & g).sum(), (p & ~g).sum(), (~p & g).sum()
                cells.append(2 * tp / max(1, 2 * tp + fp + fn))
            print(f"| {src} | {v} | {cells[0]:.3f} | {cells[1]:.3f} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None, help="pickle of the clause rows (made if missing)")
    ap.add_argument("--within", action="store_true", help="5 folds over motions instead")
    args = ap.parse_args()
    t0 = time.time()
    data = rows(args.cache)
    print(f"{len(data.docs)} motions ({time.time() - t0:.0f} s)", file=sys.stderr)
    (within if args.within else left_out)(data)
    print(f"{time.time() - t0:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
