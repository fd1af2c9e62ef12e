"""The theme classifier's own calibration and thresholds against scikit-learn's.

    .venv/bin/python bench/themes_calibration.py [--body bundestag ...]

Issue #16 asks to use ``CalibratedClassifierCV`` and ``TunedThresholdClassifierCV`` unless a
measurement shows why not. ``ThemeClassifier`` (pipeline/training/themes/estimators.py) does
Platt scaling on out-of-fold decisions itself, fitted on the hand-annotated rows only, and
chooses per-theme thresholds plus a selection rule on the same out-of-fold probabilities. Here
the same features feed, per theme, ``TunedThresholdClassifierCV(CalibratedClassifierCV(
LinearSVC, method="sigmoid", ensemble=False), scoring="f1")``; both are trained without the
held-out body (leave one source out, as bench/themes_heldout.py) and scored on its annotated
motions: micro-F1, ECE and training time. Never on dev.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from sklearn import config_context
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.metrics import f1_score, make_scorer
from sklearn.model_selection import KFold, TunedThresholdClassifierCV
from sklearn.svm import LinearSVC

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.classify.taxonomy import load_taxonomy  # noqa: E402
from pipeline.training.themes import data as D  # noqa: E402
from pipeline.training.themes import heldout as H  # noqa: E402
from pipeline.training.themes.train import (  # noqa: E402
    DEFAULT_CONFIG,
    LINEAR_CLASSIFIER,
    build_pipeline,
    fit_pipeline,
    indicator,
    training_input,
)


class SklearnThemes(ClassifierMixin, BaseEstimator):
    """Per theme: scikit-learn's sigmoid calibration and F1-tuned threshold; the best theme
    plus those reaching their threshold, at most ``max_themes``."""

    def __init__(self, C: float = 0.5, cv: int = 3, max_themes: int = 3):
        self.C = C
        self.cv = cv
        self.max_themes = max_themes

    def fit(self, X, Y, sample_weight=None, selection_rows=None):
        Y = np.asarray(Y, dtype=bool)
        self.classes_ = np.arange(Y.shape[1])
        self.models_, thresholds = [], []
        for j in range(Y.shape[1]):
            # Metadata routing carries the sample weights (hand annotations weigh more) to the
            # SVC and the calibrator; the F1 of the threshold search is unweighted.
            with config_context(enable_metadata_routing=True):
                svc = LinearSVC(C=self.C, class_weight="balanced", random_state=0, max_iter=5000)
                svc.set_fit_request(sample_weight=True)
                folds = KFold(self.cv, shuffle=True, random_state=0)
                cal = CalibratedClassifierCV(svc, method="sigmoid", cv=folds, ensemble=False)
                cal.set_fit_request(sample_weight=True)
                f1 = make_scorer(f1_score).set_score_request(sample_weight=False)
                tuned = TunedThresholdClassifierCV(cal, scoring=f1, cv=folds, random_state=0)
                tuned.fit(X, Y[:, j], sample_weight=sample_weight)
            self.models_.append(tuned)
            thresholds.append(tuned.best_threshold_)
        self.thresholds_ = np.asarray(thresholds)
        self.relative_ = 0.0
        return self

    def predict_proba(self, X):
        return np.column_stack([m.estimator_.predict_proba(X)[:, 1] for m in self.models_])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--body", action="append", help="held-out bodies (default: bundestag)")
    args = ap.parse_args()
    tax = load_taxonomy(None)
    examples, _ = D.build_training_set(tax, D.BUILTIN_SOURCES)
    # The linear model per theme (what scikit-learn's calibration is compared with; the
    # shipped network has no scikit-learn counterpart here).
    cfg = {**DEFAULT_CONFIG, "classifier": LINEAR_CLASSIFIER}
    X = training_input(examples, cfg["train_extra"])
    Y = indicator(examples, tax.ids)
    rows = H.evaluation_rows(examples).mask
    bodies = np.array([H.body_of(e.source) for e in examples])
    print("| held out | estimator | micro-F1 | macro-F1 | top-1 | ECE | fit s |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for body in args.body or ["bundestag"]:
        train, test = bodies != body, rows & (bodies == body)
        for label in (
            "ThemeClassifier (ours)",
            "CalibratedClassifierCV + TunedThresholdClassifierCV",
        ):
            t = time.perf_counter()
            if label.startswith("Theme"):
                pipe = fit_pipeline(tax, cfg, examples, X, Y, train)
            else:
                pipe = build_pipeline(tax, cfg)
                pipe.steps[-1] = ("classify", SklearnThemes(C=cfg["classifier"]["C"]))
                w = np.array([e.weight for e in examples])[train]
                pipe.fit(X[train], Y[train], classify__sample_weight=w)
            fit_s = time.perf_counter() - t
            s = H.scores(pipe.predict_proba(X[test]), Y[test], pipe.named_steps["classify"])
            print(
                f"| {body} ({s['examples']}) | {label} | {s['micro_f1']:.3f} | "
                f"{s['macro_f1']:.3f} | {s['top1']:.3f} | {s['ece']:.3f} | {fit_s:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
