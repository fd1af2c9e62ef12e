"""Funding kinds under three decision rules, each with thresholds chosen by that rule.

    .venv/bin/python bench/eval_funding_one_kind.py

How the clause model adds a funding kind the rules did not find:

  none   its best sentence reaches the kind's ``add`` threshold;
  drop   as ``none``, but not where a mention of the rules in that sentence has another kind
         that the model scores at least as high (one kind per mention, ANNOTATION.md);
  free   the best sentence where no such mention is (``MotionLearned``, ``doc_scores``).

Every rule gets its own thresholds from out-of-fold scores as ``antragsradar train`` chooses
them: 5-fold over motions (thresholds from the out-of-fold scores of all motions) and
leave-one-source-out (thresholds from 3-fold out-of-fold scores of the other sources).
Micro-F1 of the per-motion sets of funding kinds, per source.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.clauses import Featurizer  # noqa: E402
from pipeline.extract.learned import FUNDING_KINDS, HEADS, ClauseModel, one_kind_blocked  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.extraction import (  # noqa: E402
    N_FEATURES,
    _folds,
    best_thresholds,
    build_dataset,
    fit_heads,
    set_f1,
)

KINDS = ["f_" + k for k in FUNDING_KINDS]
KIND_COLS = [HEADS.index(k) for k in KINDS]
RULES = ("none", "drop", "free")


def scores(docs, probs, rule: str) -> np.ndarray:
    S = np.zeros((len(docs), len(HEADS)), dtype=np.float32)
    for i, (d, P) in enumerate(zip(docs, probs, strict=True)):
        if not len(P):
            continue
        S[i] = P.max(axis=0)
        if rule == "none":
            continue
        for j in KIND_COLS:
            if d.rule[j]:
                continue
            blocked = one_kind_blocked(P, d.mentions, j, KIND_COLS)
            if rule == "drop":
                S[i, j] = 0.0 if blocked[int(np.argmax(P[:, j]))] else P[:, j].max()
            else:
                S[i, j] = P[~blocked, j].max() if (~blocked).any() else 0.0
    return S


def clause_probs(train, test, C):
    W, b = fit_heads(train, C, N_FEATURES)
    model = ClauseModel(W, b, HEADS, {}, N_FEATURES)
    return [model.proba(d.indices, d.indptr) for d in test]


def oof_probs(docs, C, k):
    probs: list = [None] * len(docs)
    for test in _folds(docs, k):
        held = set(test.tolist())
        train = [d for i, d in enumerate(docs) if i not in held]
        for i, p in zip(test, clause_probs(train, [docs[i] for i in test], C), strict=True):
            probs[i] = p
    return probs


def f1(docs, S, thr) -> float:
    G = np.stack([d.gold for d in docs])
    R = np.stack([d.rule for d in docs])
    return set_f1(S, G, R, thr, KINDS)["micro_f1"]


def choose(docs, probs, rule):
    G = np.stack([d.gold for d in docs])
    R = np.stack([d.rule for d in docs])
    return best_thresholds(scores(docs, probs, rule), G, HEADS, R)


def main() -> None:
    C = 0.3
    annotated = load_annotated(default_files(), exclude=dev_keys())
    nlp = add_extractors(make_nlp(lemmatizer=None), title_funding=False)
    docs = build_dataset(annotated, nlp, Featurizer(N_FEATURES)).docs
    sources = sorted({d.source for d in docs})
    print(f"{len(docs)} motions; rows: rule, then per source 5-fold / other sources")
    probs = oof_probs(docs, C, 5)
    five = {r: choose(docs, probs, r) for r in RULES}
    loso: dict[str, dict[str, float]] = {r: {} for r in RULES}
    for src in sources:
        train = [d for d in docs if d.source != src]
        test = [d for d in docs if d.source == src]
        inner = oof_probs(train, C, 3)
        outer = clause_probs(train, test, C)
        for r in RULES:
            loso[r][src] = f1(test, scores(test, outer, r), choose(train, inner, r))
    for r in RULES:
        S = scores(docs, probs, r)
        cells = []
        for src in sources:
            rows = [i for i, d in enumerate(docs) if d.source == src]
            cells.append(
                f"{src} {f1([docs[i] for i in rows], S[rows], five[r]):.3f}/{loso[r][src]:.3f}"
            )
        print(f"{r:5s} " + "  ".join(cells))


if __name__ == "__main__":
    main()
