"""A motion-level decision over the clause model's scores, judged on held-out annotations.

    .venv/bin/python bench/eval_stacker.py [--cache ROWS.pkl] [--scores SCORES.pkl]

The shipped component decides each action type (funding kind) alone: its best clause against
the head's ``keep`` or ``add`` threshold. Here a second stage sees the whole motion: per head a
logistic regression over every head's best-clause score, the rules' findings, and a few counts
(how many clauses score high for the head, whether its best clause lies in the request), fitted
on out-of-fold clause-model scores and scored on motions it never saw:

  within   5-fold over motions (clause model and second stage both out of fold);
  LOSO     per source, clause model and second stage trained on the other sources (the second
           stage on their 3-fold out-of-fold scores), scored on the source left out.

The clause probabilities of every fold are cached in ``--scores`` (the expensive part: 20
clause-model fits), so the second stage's variants are cheap to compare.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_thresholds_by_source import build  # noqa: E402

from pipeline.extract.learned import ACTION_TYPES, FUNDING_KINDS, HEADS, ClauseModel  # noqa: E402
from pipeline.training.extraction import (  # noqa: E402
    N_FEATURES,
    _folds,
    best_thresholds,
    doc_scores,
    fit_heads,
    set_f1,
)

C = 0.3
KINDS = ["f_" + k for k in FUNDING_KINDS]
TYPES = [*ACTION_TYPES, *KINDS]
REQ = HEADS.index("request")


def clause_P(train, test):
    """Clause probabilities of ``test`` from a model fitted on ``train``; and the doc scores."""
    W, b = fit_heads(train, C, N_FEATURES)
    m = ClauseModel(W, b, HEADS, {}, N_FEATURES)
    return [m.proba(d.indices, d.indptr) for d in test], doc_scores(m, test)


def oof_P(docs, k):
    P: list = [None] * len(docs)
    S = np.zeros((len(docs), len(HEADS)), dtype=np.float32)
    for fold in _folds(docs, k):
        held = set(fold.tolist())
        Ps, Ss = clause_P([d for i, d in enumerate(docs) if i not in held], [docs[i] for i in fold])
        for i, p in zip(fold, Ps, strict=True):
            P[i] = p
        S[fold] = Ss
    return P, S


def build_scores(docs, path: Path):
    if path.is_file():
        return pickle.loads(path.read_bytes())
    out: dict = {"within": oof_P(docs, 5), "loso": {}}
    print("within done", file=sys.stderr, flush=True)
    for src in sorted({d.source for d in docs}):
        tr = [i for i, d in enumerate(docs) if d.source != src]
        te = [i for i, d in enumerate(docs) if d.source == src]
        train = [docs[i] for i in tr]
        out["loso"][src] = {
            "train_idx": tr,
            "test_idx": te,
            "train": oof_P(train, 3),
            "test": clause_P(train, [docs[i] for i in te]),
        }
        print(f"LOSO {src} done", file=sys.stderr, flush=True)
    path.write_bytes(pickle.dumps(out))
    return out


def features(P_list, S) -> np.ndarray:
    """Per motion and head the block of its own counts (second best clause, clauses >= 0.5,
    the best clause's request score, the number of clauses); ``design`` adds the rest."""
    n, H = S.shape
    rows = []
    for i in range(n):
        P = P_list[i]
        own = np.zeros((H, 4), dtype=np.float32)
        if P is not None and len(P):
            best = P.argmax(axis=0)
            srt = np.sort(P, axis=0)
            own[:, 0] = srt[-2] if len(P) > 1 else 0.0  # second best clause
            own[:, 1] = (P >= 0.5).sum(axis=0) / 5.0
            own[:, 2] = P[best, REQ]  # best clause inside the request?
            own[:, 3] = np.log1p(len(P)) / 5.0
        rows.append(own)
    return np.stack(rows)  # n x H x 4


def design(S, R, OWN, j, variant):
    s = S.copy()
    logit = np.log(np.clip(s, 1e-4, 1 - 1e-4) / (1 - np.clip(s, 1e-4, 1 - 1e-4)))
    cols = [logit[:, j : j + 1], R[:, j : j + 1], logit[:, j : j + 1] * R[:, j : j + 1]]
    if variant in ("all", "shared"):
        cols += [logit, R]
    if variant in ("all", "own"):
        cols += [OWN[:, j, :]]
    return np.hstack(cols)


def fit_predict(S_tr, R_tr, O_tr, G_tr, S_te, R_te, O_te, variant, Cs=1.0):
    from sklearn.linear_model import LogisticRegression

    out = np.zeros(S_te.shape, dtype=np.float32)
    for j, _h in enumerate(HEADS):
        y = G_tr[:, j]
        if y.sum() == 0 or y.sum() == len(y):
            out[:, j] = float(y.mean() if len(y) else 0.0)
            continue
        clf = LogisticRegression(C=Cs, max_iter=2000)
        clf.fit(design(S_tr, R_tr, O_tr, j, variant), y)
        out[:, j] = clf.predict_proba(design(S_te, R_te, O_te, j, variant))[:, 1]
    return out


def stacked_thresholds(Q_oof, G):
    """Per head the threshold with the best document-level F1 on out-of-fold stacked scores."""
    Z = np.zeros_like(G)
    thr = best_thresholds(Q_oof, G, HEADS, Z)
    return {h: {"keep": t["add"], "add": t["add"]} for h, t in thr.items()}


def stack_eval(P_tr, S_tr, R_tr, G_tr, keys_tr, P_te, S_te, R_te, variant):
    """Second stage fitted on (out-of-fold) training scores; thresholds from its own inner
    out-of-fold predictions; decisions on the test motions."""
    O_tr = features(P_tr, S_tr)
    O_te = features(P_te, S_te)
    Q_oof = np.zeros(S_tr.shape, dtype=np.float32)
    for fold in _folds_keys(keys_tr, 5):
        m = np.ones(len(S_tr), bool)
        m[fold] = False
        Q_oof[fold] = fit_predict(
            S_tr[m], R_tr[m], O_tr[m], G_tr[m], S_tr[fold], R_tr[fold], O_tr[fold], variant
        )
    thr = stacked_thresholds(Q_oof, G_tr)
    Q = fit_predict(S_tr, R_tr, O_tr, G_tr, S_te, R_te, O_te, variant)
    return Q, thr


def _folds_keys(keys, k):
    from pipeline.training.folds import group_folds

    return group_folds(keys, k, seed=1)


def f1(S, G, R, thr, heads):
    return set_f1(S, G, R, thr, heads)["micro_f1"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=Path("/tmp/clause-rows.pkl"))
    ap.add_argument("--scores", type=Path, default=Path("/tmp/clause-P.pkl"))
    ap.add_argument("--variant", nargs="+", default=["base", "shared", "own", "all"])
    args = ap.parse_args()
    docs = build(args.cache)
    sc = build_scores(docs, args.scores)
    G = np.stack([d.gold for d in docs])
    R = np.stack([d.rule for d in docs])
    keys = [d.key for d in docs]
    sources = sorted({d.source for d in docs})
    src = np.array([d.source for d in docs])
    P5, S5 = sc["within"]
    print("| decision | " + " | ".join(sources) + " | mean |")
    print("|---|" + "---|" * (len(sources) + 1))
    # thresholds as shipped
    rows = {}
    thr5 = best_thresholds(S5, G, HEADS, R)
    rows["thresholds (shipped)"] = {}
    for s in sources:
        m = src == s
        lo = sc["loso"][s]
        tr, te = lo["train_idx"], lo["test_idx"]
        thr = best_thresholds(lo["train"][1], G[tr], HEADS, R[tr])
        S_te = lo["test"][1]
        rows["thresholds (shipped)"][s] = (
            f1(S5[m], G[m], R[m], thr5, ACTION_TYPES),
            f1(S_te, G[te], R[te], thr, ACTION_TYPES),
            f1(S5[m], G[m], R[m], thr5, KINDS),
            f1(S_te, G[te], R[te], thr, KINDS),
        )
    for v in args.variant:
        name = f"stacked ({v})"
        rows[name] = {}
        # within: the second stage over 5-fold out-of-fold scores, itself 5-fold out of fold
        Q5 = np.zeros(S5.shape, dtype=np.float32)
        for fold in _folds_keys(keys, 5):
            m = np.ones(len(docs), bool)
            m[fold] = False
            idx = np.where(m)[0]
            Q, thr_f = stack_eval(
                [P5[i] for i in idx], S5[m], R[m], G[m], [keys[i] for i in idx],
                [P5[i] for i in fold], S5[fold], R[fold], v,
            )  # fmt: skip
            # decide per fold with its own thresholds, store decisions as 0/1 scores
            for j, h in enumerate(HEADS):
                Q[:, j] = (Q[:, j] >= thr_f[h]["add"]).astype(np.float32)
            Q5[fold] = Q
        thr_w = {h: {"keep": 0.5, "add": 0.5} for h in HEADS}  # the 0/1 decisions as they are
        for s in sources:
            m = src == s
            lo = sc["loso"][s]
            tr, te = lo["train_idx"], lo["test_idx"]
            P_tr, S_tr = lo["train"]
            P_te, S_te = lo["test"]
            Q, thr = stack_eval(
                P_tr, S_tr, R[tr], G[tr], [keys[i] for i in tr], P_te, S_te, R[te], v
            )
            rows[name][s] = (
                f1(Q5[m], G[m], np.zeros_like(R[m]), thr_w, ACTION_TYPES),
                f1(Q, G[te], np.zeros_like(R[te]), thr, ACTION_TYPES),
                f1(Q5[m], G[m], np.zeros_like(R[m]), thr_w, KINDS),
                f1(Q, G[te], np.zeros_like(R[te]), thr, KINDS),
            )
        print(f"  {name} done", file=sys.stderr, flush=True)
    for name, cells in rows.items():
        out = [f"{a:.3f} / {b:.3f}; {c:.3f} / {d:.3f}" for a, b, c, d in cells.values()]
        means = np.mean(np.array(list(cells.values())), axis=0)
        out.append("{:.3f} / {:.3f}; {:.3f} / {:.3f}".format(*means))
        print(f"| {name} | " + " | ".join(out) + " |", flush=True)


if __name__ == "__main__":
    main()
