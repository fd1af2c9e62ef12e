"""How much of the theme model's held-out loss is the selection of themes, and how much their
ranking (not shipped: a diagnostic).

    .venv/bin/python bench/themes_selection_bound.py [--cache PROBA.pkl]

Trains the shipped configuration (``DEFAULT_CONFIG``) once per annotated body without any of
that body's rows (as ``antragsradar train`` measures leave one source out) and keeps the
held-out probabilities. Per body it prints precision and recall of the shipped selection, the
themes per motion chosen and annotated, top-1, and two bounds computed on the held-out rows
themselves (so they are optimistic, not settings): the micro-F1 when each motion gets exactly
as many themes as its annotators gave, best first ("oracle k"), and the micro-F1 with every
threshold scaled by 0.5-1.0. About 4 minutes on 2 cores; ``--cache`` keeps the probabilities.

Then a second calibrator that ranks with every theme's score (a test of whether the loss is
themes the annotators pair): per theme a logistic regression on the logits of all themes'
out-of-fold probabilities of the training motions (the hand-annotated ones, as the shipped
Platt calibrators are fitted), its thresholds and selection chosen on its own 3-fold
out-of-fold probabilities as ``ThemeClassifier`` chooses them; held-out micro-F1 and top-1
against the shipped calibration.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import KFold  # noqa: E402

from pipeline.classify.compact import select_themes  # noqa: E402
from pipeline.classify.taxonomy import load_taxonomy  # noqa: E402
from pipeline.training.themes import data as D  # noqa: E402
from pipeline.training.themes import heldout as H  # noqa: E402
from pipeline.training.themes import train as T  # noqa: E402
from pipeline.training.themes.estimators import best_f1_threshold, best_selection  # noqa: E402

SCALES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)


def held_out() -> dict[str, dict[str, Any]]:
    """Per annotated body: held-out probabilities, labels and the selection's settings."""
    tax = load_taxonomy(None)
    examples, _ = T._training_set(tax, list(D.BUILTIN_SOURCES), None, False, print)
    cfg = dict(T.DEFAULT_CONFIG)
    X = T.training_input(examples, cfg.get("train_extra", "title"))
    Y = T.indicator(examples, tax.ids)
    rows = H.evaluation_rows(examples)
    bodies = np.array([H.body_of(e.source) for e in examples])
    out: dict[str, dict[str, Any]] = {}
    for body in dict.fromkeys(bodies[rows.mask]):
        test = rows.mask & (bodies == body)
        train = bodies != body
        pipe = T.fit_pipeline(tax, cfg, examples, X, Y, train)
        clf = pipe.named_steps["classify"]
        out[str(body)] = {
            "oof": np.asarray(clf.oof_proba_, dtype=float),  # the training motions'
            "Y_train": Y[train].astype(bool),
            "annotated_train": rows.mask[train],
            "proba": pipe.predict_proba(X[test]),
            "Y": Y[test].astype(bool),
            "thresholds": np.asarray(clf.thresholds_),
            "max_themes": clf.max_themes,
            "relative": clf.relative_,
        }
        print(f"left out: {body}", file=sys.stderr, flush=True)
    return out


def chosen(P: np.ndarray, thresholds: np.ndarray, max_themes: int, relative: float) -> np.ndarray:
    C = np.zeros(P.shape, dtype=bool)
    for i, c in enumerate(select_themes(P, thresholds, max_themes, relative)):
        C[i, c] = True
    return C


def micro_f1(C: np.ndarray, Y: np.ndarray) -> float:
    return float(2 * (C & Y).sum() / (C.sum() + Y.sum()))


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _stack(Z: np.ndarray, Y: np.ndarray) -> list[LogisticRegression]:
    return [LogisticRegression(max_iter=1000).fit(Z, Y[:, j]) for j in range(Y.shape[1])]


def _apply(models: list[LogisticRegression], Z: np.ndarray) -> np.ndarray:
    return np.column_stack([m.predict_proba(Z)[:, 1] for m in models])


def stacked(r: dict[str, Any]) -> tuple[float, float]:
    """Held-out micro-F1 and top-1 of the second calibrator (see the docstring)."""
    rows = r["annotated_train"]
    Z, Yt = _logit(r["oof"][rows]), r["Y_train"][rows]
    oof = np.zeros(Yt.shape)
    for tr, te in KFold(3, shuffle=True, random_state=0).split(Z):
        oof[te] = _apply(_stack(Z[tr], Yt[tr]), Z[te])
    base = np.array([best_f1_threshold(oof[:, j], Yt[:, j]) for j in range(Yt.shape[1])])
    scale, relative, _ = best_selection(oof, Yt, base, r["max_themes"])
    P = _apply(_stack(Z, Yt), _logit(r["proba"]))
    C = chosen(P, np.minimum(base * scale, 1.0), r["max_themes"], relative)
    Y = r["Y"]
    return micro_f1(C, Y), float(np.mean(Y[np.arange(len(Y)), P.argmax(axis=1)]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="pickle of the held-out probabilities (read or written)")
    args = ap.parse_args()
    cache = Path(args.cache) if args.cache else None
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            res = pickle.load(f)  # our own file, written below
    else:
        res = held_out()
        if cache is not None:
            with cache.open("wb") as f:
                pickle.dump(res, f)
    print(
        "| body | motions | precision / recall | F1 | top-1 | themes annotated / chosen "
        "| oracle k | thresholds × " + " / ".join(map(str, SCALES)) + " |"
    )
    print("|---|---:|---|---:|---:|---|---:|---|")
    for body, r in res.items():
        P, Y = r["proba"], r["Y"]
        C = chosen(P, r["thresholds"], r["max_themes"], r["relative"])
        tp = (C & Y).sum()
        K = np.zeros_like(Y)
        for i in range(len(Y)):
            K[i, np.argsort(-P[i])[: Y[i].sum()]] = True
        top1 = float(np.mean(Y[np.arange(len(Y)), P.argmax(axis=1)]))
        scaled = [
            micro_f1(chosen(P, r["thresholds"] * s, r["max_themes"], r["relative"]), Y)
            for s in SCALES
        ]
        print(
            f"| {body} | {len(Y)} | {tp / C.sum():.3f} / {tp / Y.sum():.3f} | "
            f"{micro_f1(C, Y):.3f} | {top1:.3f} | {Y.sum(1).mean():.2f} / {C.sum(1).mean():.2f} "
            f"| {micro_f1(K, Y):.3f} | " + " / ".join(f"{x:.3f}" for x in scaled) + " |"
        )
    print("\n| body | micro-F1 shipped / stacked calibrator | top-1 shipped / stacked |")
    print("|---|---|---|")
    for body, r in res.items():
        P, Y = r["proba"], r["Y"]
        f1 = micro_f1(chosen(P, r["thresholds"], r["max_themes"], r["relative"]), Y)
        top1 = float(np.mean(Y[np.arange(len(Y)), P.argmax(axis=1)]))
        sf1, stop1 = stacked(r)
        print(f"| {body} | {f1:.3f} / {sf1:.3f} | {top1:.3f} / {stop1:.3f} |")


if __name__ == "__main__":
    main()
