"""Held-out scores of a theme-model configuration on hand-annotated motions.

Two estimates, both on annotations only (never on labels derived from the taxonomy's seed
terms or a party's sections, which would score the model against its own features):

- within-source cross-validation: the classifier's out-of-fold probabilities (one fit, the
  folds cut across every source), scored on each annotated source's rows;
- leave one source out: per annotated body, a model trained on everything except that body's
  rows (its hand annotations and its weak or party-labelled rows alike), scored on that body's
  annotated motions. This is the figure for "motions of a body the model never saw".

Which rows are "annotations": the user's own labelled files when training has any (a user's
taxonomy is judged by the user's labels alone), else our full annotations
(``corpus/annotations/motions-*.jsonl``, sources ``annotated-*``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.training.themes import data as D

# The body (council, parliament, party) a training source's texts come from: leaving a body
# out drops every source of that body, weak labels included.
BODIES = {
    "karlsruhe-weak": "karlsruhe",
    "karlsruhe-annotated": "karlsruhe",
    "annotated-karlsruhe": "karlsruhe",
    "spd-berlin": "spd-berlin",
    "annotated-spd-berlin": "spd-berlin",
    "annotated-bundestag": "bundestag",
    "annotated-written": "written",
}
# Sources whose labels were read and given by people (ours): the selection rule and the
# calibrators are fitted on these rows.
HAND_LABELLED = ("karlsruhe-annotated", *D.ANNOTATED_SOURCES)


def body_of(source: str) -> str:
    return BODIES.get(source, source)


def is_builtin(source: str) -> bool:
    return source in BODIES or source in D.BUILTIN_SOURCES


@dataclass(frozen=True)
class EvalRows:
    """The rows held-out scores are computed on, and what they are."""

    mask: np.ndarray  # boolean, one per training example
    what: str  # "user annotations" | "our annotations" | "none"


def evaluation_rows(examples: Sequence[D.Example]) -> EvalRows:
    """The user's labelled files when there are any, else our full annotations."""
    user = np.array([not is_builtin(e.source) for e in examples], dtype=bool)
    if user.any():
        return EvalRows(user, "user annotations")
    ours = np.array([e.source in D.ANNOTATED_SOURCES for e in examples], dtype=bool)
    return EvalRows(ours, "our annotations" if ours.any() else "none")


def selection_rows(examples: Sequence[D.Example]) -> np.ndarray | None:
    """Rows the selection rule and calibrators are fitted on: the user's files, else our
    hand-labelled sources; None (all rows) when training has neither."""
    rows = evaluation_rows(examples)
    if rows.what != "user annotations":
        rows = EvalRows(np.array([e.source in HAND_LABELLED for e in examples], dtype=bool), "")
    return rows.mask if rows.mask.any() else None


def scores(proba: np.ndarray, Y: np.ndarray, clf: Any) -> dict[str, Any]:
    """Micro/macro-F1 and top-1 of the classifier's selection over ``proba``, with the ECE."""
    from pipeline.classify.compact import select_themes
    from pipeline.evaluate.calibration import reliability
    from pipeline.training.themes.estimators import set_scores

    chosen = select_themes(proba, clf.thresholds_, clf.max_themes, clf.relative_)
    return {
        **set_scores(chosen, Y),
        "ece": reliability(proba, Y)["ece"],
        "examples": int(len(Y)),
    }


def within_source(examples: Sequence[D.Example], Y: np.ndarray, clf: Any) -> dict[str, Any]:
    """Out-of-fold scores per evaluation source and pooled over all evaluation rows."""
    rows = evaluation_rows(examples)
    if not rows.mask.any() or not hasattr(clf, "oof_proba_"):
        return {"rows": rows.what}
    sources = np.array([e.source for e in examples])
    out: dict[str, Any] = {
        "rows": rows.what,
        "all": scores(clf.oof_proba_[rows.mask], Y[rows.mask], clf),
    }
    for name in dict.fromkeys(sources[rows.mask]):
        sel = rows.mask & (sources == name)
        out[str(name)] = scores(clf.oof_proba_[sel], Y[sel], clf)
    return out


FitFn = Callable[[np.ndarray], Any]  # training-row mask -> fitted Pipeline


def leave_one_source_out(
    examples: Sequence[D.Example],
    X: np.ndarray,
    Y: np.ndarray,
    fit: FitFn,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Per body with evaluation rows: fit without any of that body's rows, score its
    evaluation rows. Also the reliability of all held-out probabilities together."""
    from pipeline.evaluate.calibration import reliability

    say = progress or (lambda msg: None)
    rows = evaluation_rows(examples)
    bodies = np.array([body_of(e.source) for e in examples])
    out: dict[str, Any] = {"rows": rows.what, "bodies": {}}
    probas, truths = [], []
    for body in dict.fromkeys(bodies[rows.mask]):
        test = rows.mask & (bodies == body)
        train = bodies != body
        if not train.any():
            continue  # one body only: nothing to train on
        t = time.perf_counter()
        say(f"leave one source out: {body} ({int(test.sum())} held out) …")
        pipe = fit(train)
        proba = pipe.predict_proba(X[test])
        clf = pipe.named_steps["classify"]
        excluded = sorted({e.source for e, tr in zip(examples, train, strict=True) if not tr})
        out["bodies"][str(body)] = {
            **scores(proba, Y[test], clf),
            "left_out_sources": excluded,
            "fit_s": round(time.perf_counter() - t, 1),
        }
        probas.append(proba)
        truths.append(Y[test])
    if probas:
        out["calibration"] = reliability(np.vstack(probas), np.vstack(truths))
    return out
