"""The multi-label theme classifier: one-vs-rest linear models with calibrated probabilities
and per-theme decision thresholds chosen on out-of-fold predictions.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.utils.validation import check_is_fitted

from pipeline.classify.compact import select_themes

THRESHOLD_GRID = np.round(np.arange(0.05, 0.951, 0.025), 3)


def best_f1_threshold(scores: np.ndarray, truth: np.ndarray, grid=THRESHOLD_GRID) -> float:
    """The grid threshold with the best F1 of ``scores >= t`` against ``truth`` (ties: higher t)."""
    best_t, best_f = float(grid[-1]), -1.0
    pos = truth.sum()
    for t in grid:
        pred = scores >= t
        tp = float((pred & truth).sum())
        f = 2 * tp / (pred.sum() + pos) if (pred.sum() + pos) else 0.0
        if f >= best_f:
            best_t, best_f = float(t), f
    return best_t


SCALE_GRID = np.round(np.arange(0.5, 1.501, 0.1), 2)
RELATIVE_GRID = np.round(np.arange(0.0, 0.601, 0.1), 2)


def best_selection(
    proba: np.ndarray, truth: np.ndarray, thresholds: np.ndarray, max_themes: int = 3
) -> tuple[float, float, float]:
    """(scale, relative, micro-F1): the grid point whose selection (thresholds times scale, and
    ``relative`` of the best label's probability) has the best micro-F1 against ``truth``.
    Ties go to the point nearest the per-label thresholds (scale 1, relative 0)."""
    best = (1.0, 0.0, -1.0)
    best_key = None
    for scale in SCALE_GRID:
        for rel in RELATIVE_GRID:
            f = set_scores(select_themes(proba, thresholds * scale, max_themes, rel), truth)
            key = (f["micro_f1"], -abs(scale - 1.0), -rel)
            if best_key is None or key > best_key:
                best, best_key = (float(scale), float(rel), f["micro_f1"]), key
    return best


def set_scores(chosen: list[list[int]], Y: np.ndarray) -> dict:
    """Micro/macro F1 and top-1 of selected label lists against an indicator matrix."""
    tp = np.zeros(Y.shape[1])
    fp = np.zeros(Y.shape[1])
    fn = np.zeros(Y.shape[1])
    top1 = 0
    for row, truth in zip(chosen, Y, strict=True):
        pred = np.zeros(Y.shape[1], dtype=bool)
        pred[row] = True
        tp += pred & truth
        fp += pred & ~truth
        fn += ~pred & truth
        top1 += bool(truth[row[0]])
    f1 = np.divide(2 * tp, 2 * tp + fp + fn, out=np.zeros_like(tp), where=(2 * tp + fp + fn) > 0)
    supported = Y.sum(axis=0) > 0
    micro = 2 * tp.sum() / max(1.0, 2 * tp.sum() + fp.sum() + fn.sum())
    return {
        "micro_f1": round(float(micro), 4),
        "macro_f1": round(float(f1[supported].mean()), 4) if supported.any() else 0.0,
        "top1": round(top1 / max(1, len(chosen)), 4),
    }


class ThemeClassifier(ClassifierMixin, BaseEstimator):
    """One linear classifier per label with sigmoid (Platt) calibration; 1..``max_themes``
    labels per sample.

    ``fit(X, Y)`` takes a feature matrix and a binary indicator matrix (n_samples, n_labels).
    Per label it fits the linear model on all data and, on ``cv``-fold out-of-fold decision
    values, a sigmoid calibrator and the F1-best decision threshold (the approach of
    ``CalibratedClassifierCV(method="sigmoid", ensemble=False)``, sharing one cross-validation
    between calibration and thresholds). ``loss`` is "hinge" (LinearSVC) or "logistic".

    Learned: ``estimators_`` (linear model per label, or a float for a constant label),
    ``calibrators_`` ((a, b) per label: p = 1 / (1 + exp(-(a * decision + b)))),
    ``thresholds_``, ``classes_`` (label indices), ``cv_scores_`` (scores of the
    out-of-fold selections against the training labels). ``selection="micro"`` also learns,
    on the same out-of-fold probabilities, a common factor for the per-label thresholds
    (``threshold_scale_``) and a floor relative to the best label's probability
    (``relative_``) that together maximise micro-F1 of the 1..max_themes selection.
    """

    def __init__(
        self,
        C: float = 0.5,
        loss: str = "hinge",
        class_weight: str | None = "balanced",
        cv: int = 3,
        max_themes: int = 3,
        random_state: int = 0,
        selection: str = "per-label",
    ):
        self.C = C
        self.loss = loss
        self.class_weight = class_weight
        self.cv = cv
        self.max_themes = max_themes
        self.random_state = random_state
        self.selection = selection

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True  # the tf-idf features are sparse
        tags.target_tags.single_output = False  # Y is a label indicator matrix
        tags.target_tags.multi_output = True
        tags.classifier_tags.multi_class = False
        tags.classifier_tags.multi_label = True
        return tags

    def _base(self):
        if self.loss == "hinge":
            from sklearn.svm import LinearSVC

            # Weighted (hand-annotated) examples need more than liblinear's default 1000
            # iterations to converge.
            return LinearSVC(
                C=self.C,
                class_weight=self.class_weight,
                random_state=self.random_state,
                max_iter=5000,
            )
        if self.loss == "logistic":
            return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=500)
        raise ValueError(f"loss must be 'hinge' or 'logistic', not {self.loss!r}")

    def fit(self, X, Y, sample_weight=None, selection_rows=None):
        """``selection_rows`` (boolean mask): fit the "micro" selection rule on the out-of-fold
        probabilities of these rows only (the examples whose labels are most like the ones
        the model will be judged by); per-label thresholds still use every row."""
        Y = _checked_indicator(X, Y)
        sw = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        n, k = Y.shape
        self.n_features_in_ = X.shape[1]
        self.classes_ = np.arange(k)
        folds = list(
            KFold(self.cv, shuffle=True, random_state=self.random_state).split(np.arange(n))
        )
        self.estimators_, self.calibrators_ = [], []
        oof = np.zeros((n, k))
        rows_cal = None if selection_rows is None else np.asarray(selection_rows, dtype=bool)
        for j in range(k):
            estimator, calibrator, oof[:, j] = self._fit_label(X, Y[:, j], folds, sw, rows_cal)
            self.estimators_.append(estimator)
            self.calibrators_.append(calibrator)
        base = np.array([best_f1_threshold(oof[:, j], Y[:, j]) for j in range(k)])
        self.threshold_scale_, self.relative_ = 1.0, 0.0
        if self.selection == "micro":
            rows = (
                np.ones(n, dtype=bool)
                if selection_rows is None
                else np.asarray(selection_rows, dtype=bool)
            )
            self.threshold_scale_, self.relative_, _ = best_selection(
                oof[rows], Y[rows], base, self.max_themes
            )
        elif self.selection != "per-label":
            raise ValueError(f"selection must be 'per-label' or 'micro', not {self.selection!r}")
        self.thresholds_ = np.minimum(base * self.threshold_scale_, 1.0)
        self.oof_proba_ = oof.astype(np.float32)
        self.cv_scores_ = set_scores(
            select_themes(oof, self.thresholds_, self.max_themes, self.relative_), Y
        )
        self.cv_scores_["folds"] = int(self.cv)
        return self

    def _fit_label(self, X, y, folds, sw, rows_cal):
        """One label's model on all rows, its Platt calibrator (fitted on out-of-fold decision
        values) and its out-of-fold probabilities."""
        if y.min() == y.max():  # never (or always) seen: a constant predictor
            return float(y[0]), (0.0, 0.0), np.full(len(y), float(y[0]))
        dec = np.zeros(len(y))
        for tr, te in folds:
            if y[tr].min() == y[tr].max():
                dec[te] = 1.0 if y[tr][0] else -1.0
            else:
                w = None if sw is None else sw[tr]
                base = clone(self._base()).fit(X[tr], y[tr], sample_weight=w)
                dec[te] = base.decision_function(X[te])
        # Calibrated on the hand-annotated rows where given: a score is then the chance that
        # an annotator gives the theme, not that a weak or party label does.
        cal = (
            rows_cal
            if rows_cal is not None and y[rows_cal].min() != y[rows_cal].max()
            else slice(None)
        )
        platt = LogisticRegression(C=1e4).fit(dec[cal].reshape(-1, 1), y[cal])
        a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
        return self._base().fit(X, y, sample_weight=sw), (a, b), _sigmoid(a * dec + b)

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self, "estimators_")
        cols = [
            np.full(X.shape[0], e) if isinstance(e, float) else e.decision_function(X)
            for e in self.estimators_
        ]
        return np.column_stack(cols)

    def predict_proba(self, X) -> np.ndarray:
        """Calibrated probability per label (columns follow ``classes_``)."""
        check_is_fitted(self, "estimators_")
        dec = self.decision_function(X)
        out = np.empty_like(dec, dtype=float)
        for j, (e, (a, b)) in enumerate(zip(self.estimators_, self.calibrators_, strict=True)):
            out[:, j] = e if isinstance(e, float) else _sigmoid(a * dec[:, j] + b)
        return out

    def predict_ranked(self, X) -> list[list[tuple[int, float]]]:
        """Per sample, (label index, probability) pairs, best first, 1..max_themes of them."""
        proba = self.predict_proba(X)
        chosen = select_themes(
            proba, self.thresholds_, self.max_themes, getattr(self, "relative_", 0.0)
        )
        return [[(j, float(p[j])) for j in row] for row, p in zip(chosen, proba, strict=True)]

    def predict(self, X) -> np.ndarray:
        """Binary indicator matrix of the selected labels."""
        check_is_fitted(self, "estimators_")
        out = np.zeros((X.shape[0], len(self.classes_)), dtype=int)
        for i, row in enumerate(self.predict_ranked(X)):
            for j, _ in row:
                out[i, j] = 1
        return out


def _checked_indicator(X, Y) -> np.ndarray:
    """``Y`` as a boolean indicator matrix, after scikit-learn's input checks."""
    if Y is None:
        raise ValueError("ThemeClassifier requires y to be passed, but the target y is None")
    if getattr(X, "ndim", 2) != 2:
        raise ValueError("Expected a 2D array of features (n_samples, n_features)")
    if np.iscomplexobj(X):
        raise ValueError("Complex data not supported")
    Y = np.asarray(Y)
    if Y.dtype != bool and not np.isin(Y, (0, 1)).all():
        raise ValueError("Unknown label type: Y must be a binary indicator matrix of 0 and 1")
    if Y.ndim != 2:
        raise ValueError("Y must be a binary indicator matrix (n_samples, n_labels)")
    return Y.astype(bool)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))
