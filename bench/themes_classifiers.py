"""Screen classifiers for the theme model on the shipped features, per body left out.

    .venv/bin/python bench/themes_classifiers.py [--cache FOLDS.pkl] [--body NAME ...]
        [--network HIDDEN:ALPHA:PASSES ...]

Per annotated body, the shipped configuration is fitted without any row of that body (as
``heldout.leave_one_source_out`` does); its feature step then feeds other classifiers on the
same rows: here scikit-learn's ``MLPClassifier`` (one hidden layer, batches of 512, sample
weights as in training). Printed per body and classifier: held-out micro-F1 and top-1 with
the fitted model's thresholds and selection rule (the networks borrow the linear model's, so
this column is only indicative for them), and "rank-k": micro-F1 when each motion gets as many
themes as its annotators gave (the ranking alone, no thresholds). A screen: a classifier that
ranks better is then measured with its own calibration and thresholds by
``bench/themes_heldout.py`` (docs/experiments-themes.md, 2026-12-07). ``--cache`` keeps the
fitted features (about 130 MB) so that further classifiers skip the four feature fits.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.classify.compact import select_themes  # noqa: E402
from pipeline.classify.taxonomy import load_taxonomy  # noqa: E402
from pipeline.training.themes import data as D  # noqa: E402
from pipeline.training.themes import heldout as H  # noqa: E402
from pipeline.training.themes.estimators import set_scores  # noqa: E402
from pipeline.training.themes.train import (  # noqa: E402
    DEFAULT_CONFIG,
    LINEAR_CLASSIFIER,
    fit_pipeline,
    indicator,
    training_input,
)

BODIES = ("bundestag", "karlsruhe", "spd-berlin", "written")


def folds(bodies: list[str]) -> dict:
    """Per body: the features of the training and held-out rows and the linear model's
    held-out probabilities, thresholds and selection floor."""
    tax = load_taxonomy(None)
    examples, _ = D.build_training_set(tax, D.BUILTIN_SOURCES)
    X = training_input(examples, "title")
    Y = indicator(examples, tax.ids)
    body = np.array([H.body_of(e.source) for e in examples])
    rows = H.evaluation_rows(examples).mask
    cfg = {**DEFAULT_CONFIG, "classifier": LINEAR_CLASSIFIER}
    out: dict = {"Y": Y, "w": np.array([e.weight for e in examples])}
    for b in bodies:
        t = time.perf_counter()
        train, test = body != b, rows & (body == b)
        pipe = fit_pipeline(tax, cfg, examples, X, Y, train)
        clf, feats = pipe.named_steps["classify"], pipe.named_steps["features"]
        out[b] = {
            "train": train,
            "test": test,
            "Xtr": feats.transform(X[train]),
            "Xte": feats.transform(X[test]),
            "p_linear": pipe.predict_proba(X[test]),
            "thr": clf.thresholds_,
            "rel": clf.relative_,
        }
        print(f"features without {b}: {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return out


def rank_k(proba: np.ndarray, Y: np.ndarray) -> float:
    chosen = [list(np.argsort(-p)[: max(1, int(t.sum()))]) for p, t in zip(proba, Y, strict=True)]
    return set_scores(chosen, Y)["micro_f1"]


def line(body: str, name: str, proba: np.ndarray, f: dict, Y: np.ndarray) -> str:
    s = set_scores(select_themes(proba, f["thr"], 3, f["rel"]), Y)
    return f"| {body} | {name} | {s['micro_f1']:.3f} | {s['top1']:.3f} | {rank_k(proba, Y):.3f} |"


def network(spec: str, f: dict, Y: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, float]:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    hidden, alpha, passes = spec.split(":")
    t = time.perf_counter()
    net = MLPClassifier(
        hidden_layer_sizes=(int(hidden),),
        alpha=float(alpha),
        max_iter=int(passes),
        batch_size=512,
        random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        net.fit(f["Xtr"], Y[f["train"]].astype(np.int8), sample_weight=w[f["train"]])
    return net.predict_proba(f["Xte"]), time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="pickle of the fitted features (written if missing)")
    ap.add_argument("--body", action="append", choices=BODIES)
    ap.add_argument("--network", action="append", default=None, help="HIDDEN:ALPHA:PASSES")
    args = ap.parse_args()
    bodies = args.body or list(BODIES)
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        d = pickle.loads(cache.read_bytes())  # our own file, written below
    else:
        d = folds(list(BODIES) if cache else bodies)
        if cache:
            cache.write_bytes(pickle.dumps(d))
    Y, w = d["Y"], d["w"]
    print("| held out | classifier | micro-F1 | top-1 | rank-k |")
    print("|---|---|---:|---:|---:|")
    for b in bodies:
        f = d[b]
        Yt = Y[f["test"]]
        print(line(b, "linear per theme", f["p_linear"], f, Yt), flush=True)
        for spec in args.network or ["128:1e-4:15"]:
            proba, secs = network(spec, f, Y, w)
            print(line(b, f"network {spec} ({secs:.0f} s)", proba, f, Yt), flush=True)
            mean = (proba + f["p_linear"]) / 2
            print(line(b, f"mean of linear and network {spec}", mean, f, Yt), flush=True)


if __name__ == "__main__":
    main()
