"""Clause-model thresholds chosen on motions or on sources: which carries to a source left out?

    .venv/bin/python bench/eval_thresholds_by_source.py [--cache /tmp/clause-rows.pkl]

``antragsradar train`` picks each head's (keep, add) thresholds on out-of-fold scores of folds
over motions: every motion is scored by a model that saw its own source. On a source no training
motion comes from, the scores run lower and the thresholds are too strict (or too loose). Here
the thresholds come from:

  motions   out-of-fold scores of k folds over motions (what train does);
  sources   out-of-fold scores of folds over sources: each source scored by a model trained on
            the others;
  both      the two sets of scores stacked (each motion counted twice).

Leave-one-source-out: the model is trained on the other sources with thresholds chosen on them
(3 folds over motions, or one fold per training source). Within-source: 5-fold scores over all
motions, thresholds from 5-fold scores (motions) or from one fold per source (sources).
Micro-F1 of the per-motion sets of action types and funding kinds, per source.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.clauses import Featurizer  # noqa: E402
from pipeline.extract.learned import ACTION_TYPES, FUNDING_KINDS, HEADS, ClauseModel  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.extraction import (  # noqa: E402
    N_FEATURES,
    _folds,
    best_thresholds,
    build_dataset,
    doc_scores,
    fit_heads,
    set_f1,
)

KINDS = ["f_" + k for k in FUNDING_KINDS]
C = 0.3
VARIANTS = ("motions", "sources", "both")


def build(cache: Path | None):
    if cache and cache.is_file():
        return pickle.loads(cache.read_bytes())
    annotated = load_annotated(default_files(), exclude=dev_keys())
    nlp = add_extractors(make_nlp(lemmatizer=None), title_funding=False)
    docs = build_dataset(annotated, nlp, Featurizer(N_FEATURES)).docs
    if cache:
        cache.write_bytes(pickle.dumps(docs))
    return docs


def scores_from(train, test, weigh=None, only=None):
    """Doc scores of ``test`` from a clause model fitted on ``train``; ``weigh`` (optional)
    maps the training motions to their sample weights; ``only``: fit these heads only."""
    W, b = fit_heads(train, C, N_FEATURES, weigh(train) if weigh else None, only=only)
    return doc_scores(ClauseModel(W, b, HEADS, {}, N_FEATURES), test)


def oof(docs, folds, weigh=None, only=None):
    S = np.zeros((len(docs), len(HEADS)), dtype=np.float32)
    for test in folds:
        held = set(test.tolist())
        S[test] = scores_from(
            [d for i, d in enumerate(docs) if i not in held], [docs[i] for i in test], weigh, only
        )
    return S


def held_out_f1(train, test, weigh=None, folds=3):
    """Action types / funding kinds micro-F1 on ``test`` of a clause model fitted on ``train``
    with per-head thresholds from ``folds``-fold out-of-fold scores of ``train`` (the decision
    before the motion stage); ``weigh`` as in ``scores_from``."""
    G_tr = np.stack([d.gold for d in train])
    R_tr = np.stack([d.rule for d in train])
    thr = best_thresholds(oof(train, _folds(train, folds), weigh), G_tr, HEADS, R_tr)
    return f1s(test, scores_from(train, test, weigh), thr)


def source_folds(docs):
    srcs = sorted({d.source for d in docs})
    return [np.array([i for i, d in enumerate(docs) if d.source == s]) for s in srcs]


def thresholds(docs, S_motions, S_sources, variant):
    G = np.stack([d.gold for d in docs])
    R = np.stack([d.rule for d in docs])
    if variant == "motions":
        return best_thresholds(S_motions, G, HEADS, R)
    if variant == "sources":
        return best_thresholds(S_sources, G, HEADS, R)
    return best_thresholds(
        np.concatenate([S_motions, S_sources]),
        np.concatenate([G, G]),
        HEADS,
        np.concatenate([R, R]),
    )


def f1s(docs, S, thr):
    G = np.stack([d.gold for d in docs])
    R = np.stack([d.rule for d in docs])
    return (
        set_f1(S, G, R, thr, ACTION_TYPES)["micro_f1"],
        set_f1(S, G, R, thr, KINDS)["micro_f1"],
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, help="pickle of the clause rows (written if missing)")
    args = ap.parse_args()
    docs = build(args.cache)
    sources = sorted({d.source for d in docs})
    print(f"{len(docs)} motions; cells: actions / funding micro-F1", flush=True)
    loso: dict[str, dict[str, tuple[float, float]]] = {v: {} for v in VARIANTS}
    for src in sources:
        train = [d for d in docs if d.source != src]
        test = [d for d in docs if d.source == src]
        S_test = scores_from(train, test)
        S_m = oof(train, _folds(train, 3))
        S_s = oof(train, source_folds(train))
        for v in VARIANTS:
            loso[v][src] = f1s(test, S_test, thresholds(train, S_m, S_s, v))
        print(f"  LOSO {src}: " + "  ".join(f"{v} {loso[v][src]}" for v in VARIANTS), flush=True)
    S5 = oof(docs, _folds(docs, 5))
    S_src = oof(docs, source_folds(docs))
    within: dict[str, dict[str, tuple[float, float]]] = {v: {} for v in VARIANTS}
    for v in VARIANTS:
        thr = thresholds(docs, S5, S_src, v)
        for src in sources:
            rows = [i for i, d in enumerate(docs) if d.source == src]
            within[v][src] = f1s([docs[i] for i in rows], S5[rows], thr)
    print("\n| thresholds from | " + " | ".join(sources) + " | mean |")
    print("|---|" + "---|" * (len(sources) + 1))
    for v in VARIANTS:
        cells = []
        for src in sources:
            w, lo = within[v][src], loso[v][src]
            cells.append(f"{w[0]:.3f} / {lo[0]:.3f}; {w[1]:.3f} / {lo[1]:.3f}")
        mw = [np.mean([within[v][s][i] for s in sources]) for i in (0, 1)]
        ml = [np.mean([loso[v][s][i] for s in sources]) for i in (0, 1)]
        cells.append(f"{mw[0]:.3f} / {ml[0]:.3f}; {mw[1]:.3f} / {ml[1]:.3f}")
        print(f"| {v} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
