"""The multi-label theme classifier: one-vs-rest linear models with calibrated probabilities
and per-theme decision thresholds chosen on out-of-fold predictions.
"""

from __future__ import annotations

import warnings

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.utils.validation import check_is_fitted, validate_data

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
        rows_cal = None if selection_rows is None else np.asarray(selection_rows, dtype=bool)
        dec = self._fit_decisions(X, Y, folds, sw)
        self.calibrators_ = []
        oof = np.zeros((n, k))
        for j in range(k):
            if Y[:, j].min() == Y[:, j].max():  # never (or always) seen: a constant predictor
                self.calibrators_.append((0.0, 0.0))
                oof[:, j] = float(Y[0, j])
                continue
            calibrator, oof[:, j] = _platt(dec[:, j], Y[:, j], rows_cal)
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

    def _fit_decisions(self, X, Y, folds, sw) -> np.ndarray:
        """Fit one linear model per label on all rows (``estimators_``) and return the
        out-of-fold decision values (samples x labels) the calibrators are fitted on."""
        self.estimators_ = []
        dec = np.zeros(Y.shape)
        for j in range(Y.shape[1]):
            y = Y[:, j]
            if y.min() == y.max():  # never (or always) seen: a constant predictor
                self.estimators_.append(float(y[0]))
                continue
            for tr, te in folds:
                if y[tr].min() == y[tr].max():
                    dec[te, j] = 1.0 if y[tr][0] else -1.0
                else:
                    w = None if sw is None else sw[tr]
                    base = clone(self._base()).fit(X[tr], y[tr], sample_weight=w)
                    dec[te, j] = base.decision_function(X[te])
            self.estimators_.append(self._base().fit(X, y, sample_weight=sw))
        return dec

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self, "estimators_")
        cols = [
            np.full(X.shape[0], e) if isinstance(e, float) else e.decision_function(X)
            for e in self.estimators_
        ]
        return np.column_stack(cols)

    def predict_proba(self, X) -> np.ndarray:
        """Calibrated probability per label (columns follow ``classes_``)."""
        check_is_fitted(self, "calibrators_")
        dec = self.decision_function(X)
        cal = np.asarray(self.calibrators_, dtype=float).reshape(-1, 2)
        out = _sigmoid(cal[:, 0] * dec + cal[:, 1])
        const = self._constants()
        fixed = ~np.isnan(const)
        out[:, fixed] = const[fixed]
        return out

    def _constants(self) -> np.ndarray:
        """Per label its constant probability (a label never or always seen), else NaN."""
        return np.array([e if isinstance(e, float) else np.nan for e in self.estimators_])

    def predict_ranked(self, X) -> list[list[tuple[int, float]]]:
        """Per sample, (label index, probability) pairs, best first, 1..max_themes of them."""
        proba = self.predict_proba(X)
        chosen = select_themes(
            proba, self.thresholds_, self.max_themes, getattr(self, "relative_", 0.0)
        )
        return [[(j, float(p[j])) for j in row] for row, p in zip(chosen, proba, strict=True)]

    def predict(self, X) -> np.ndarray:
        """Binary indicator matrix of the selected labels."""
        check_is_fitted(self, "calibrators_")
        out = np.zeros((X.shape[0], len(self.classes_)), dtype=int)
        for i, row in enumerate(self.predict_ranked(X)):
            for j, _ in row:
                out[i, j] = 1
        return out


class ThemeNetwork(ThemeClassifier):
    """One hidden layer shared by every label (scikit-learn's ``MLPClassifier``: ReLU units,
    a logistic output per label), with ``ThemeClassifier``'s sigmoid calibration on
    out-of-fold decision values, per-label thresholds and selection rule.

    Why a shared layer: the labels are decided together, so a motion's words can raise one
    theme and lower its neighbour (the annotators' second theme is where the linear models
    lose most on bodies they never saw, docs/experiments-themes.md). ``epochs`` bounds the
    passes over the data: training stops early on purpose (a regulariser beside ``alpha``), so
    the solver's convergence warning is silenced.

    Learned: ``network_`` (the fitted ``MLPClassifier``; prediction reads its ``coefs_`` and
    ``intercepts_``), ``constant_`` (per label its probability where it was never or always
    seen, else NaN), and ``ThemeClassifier``'s ``calibrators_``, ``thresholds_``, ``classes_``,
    ``cv_scores_``, ``threshold_scale_``, ``relative_``.
    """

    def __init__(
        self,
        hidden: int = 128,
        alpha: float = 1e-4,
        epochs: int = 15,
        batch_size: int = 512,
        cv: int = 3,
        max_themes: int = 3,
        random_state: int = 0,
        selection: str = "per-label",
    ):
        self.hidden = hidden
        self.alpha = alpha
        self.epochs = epochs
        self.batch_size = batch_size
        self.cv = cv
        self.max_themes = max_themes
        self.random_state = random_state
        self.selection = selection

    def _train(self, X, Y, sw):
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        net = MLPClassifier(
            hidden_layer_sizes=(int(self.hidden),),
            alpha=self.alpha,
            max_iter=int(self.epochs),
            batch_size=min(int(self.batch_size), X.shape[0]),
            random_state=self.random_state,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            # one label: a 1-d target (the network then has one logistic output, as with k)
            y = Y.astype(np.int8)
            return net.fit(X, y[:, 0] if y.shape[1] == 1 else y, sample_weight=sw)

    def _fit_decisions(self, X, Y, folds, sw) -> np.ndarray:
        dec = np.zeros(Y.shape)
        for tr, te in folds:
            dec[te] = _forward(self._train(X[tr], Y[tr], None if sw is None else sw[tr]), X[te])
        self.network_ = self._train(X, Y, sw)
        self.constant_ = np.array(
            [float(y[0]) if y.min() == y.max() else np.nan for y in Y.T], dtype=float
        )
        return dec

    def decision_function(self, X) -> np.ndarray:
        check_is_fitted(self, "network_")
        X = validate_data(self, X, accept_sparse=("csr", "csc"), reset=False)
        return _forward(self.network_, X)

    def _constants(self) -> np.ndarray:
        return self.constant_


def _forward(net, X) -> np.ndarray:
    """The network's output before its logistic function (samples x labels), from its
    public weights: ReLU(X W1 + b1) W2 + b2."""
    hidden = np.asarray(X @ net.coefs_[0]) + net.intercepts_[0]
    np.maximum(hidden, 0.0, out=hidden)
    return (hidden @ net.coefs_[1] + net.intercepts_[1]).reshape(X.shape[0], -1)


def _platt(dec: np.ndarray, y: np.ndarray, rows_cal: np.ndarray | None):
    """A label's sigmoid calibrator (a, b) fitted on its out-of-fold decision values, and the
    calibrated out-of-fold probabilities. Calibrated on the hand-annotated rows where given: a
    score is then the chance that an annotator gives the theme, not that a weak or party label
    does."""
    cal = (
        rows_cal if rows_cal is not None and y[rows_cal].min() != y[rows_cal].max() else slice(None)
    )
    platt = LogisticRegression(C=1e4).fit(dec[cal].reshape(-1, 1), y[cal])
    a, b = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    return (a, b), _sigmoid(a * dec + b)


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
