"""Held-out scores of theme-model variants on our annotations, never on dev.

    .venv/bin/python bench/themes_heldout.py [--variant NAME ...] [--no-loso] [--json OUT]

For each variant (a configuration or weak-labelling change against ``DEFAULT_CONFIG``) it
trains with ``train_model(dev=False)`` and prints, per annotated source, the within-source
cross-validated micro-F1 / macro-F1 / top-1 / ECE (out-of-fold, one fit) and the
leave-one-source-out ones (one fit per body without any of that body's rows). This is how the
settings of ``DEFAULT_CONFIG`` are chosen (docs/experiments-themes.md); the dev gold is scored
once, on the model finally shipped, with ``antragsradar evaluate``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.training.themes import data as D  # noqa: E402
from pipeline.training.themes.train import (  # noqa: E402
    DEFAULT_CONFIG,
    LINEAR_CLASSIFIER,
    train_model,
)

LEMMAS = DEFAULT_CONFIG["lemmas"]
COMPOUNDS = {"max_chars": 1500, "min_df": 3, "max_features": 20000, "min_count": 5}
REQUEST = {"max_chars": 1500, "ngram_range": (1, 1), "min_df": 3, "max_features": 20000}
LATENT = {"n_components": 200, "weight": 2.0}
# The linear model per theme shipped until 2026-12-07 (the C and loss rows change it) and
# the network shipped since (the network rows change it).
LINEAR = LINEAR_CLASSIFIER
NETWORK = dict(DEFAULT_CONFIG["classifier"])
# The configuration shipped before compound parts: the variants of 2026-12-05 change this.
BEFORE = {"compounds": None}

# name -> {"config": overrides of DEFAULT_CONFIG, "data": module constants of data.py}; the
# names are the rows of docs/experiments-themes.md ("default" there is "before" here). Each
# row was measured against DEFAULT_CONFIG as it was then: rerun today, a row also has the
# settings adopted since (C 0.05, the latent columns, lemmas 3000).
VARIANTS: dict[str, dict[str, Any]] = {
    "before": {"config": BEFORE},
    "compounds": {"config": {"compounds": COMPOUNDS}},
    "request-block": {"config": {**BEFORE, "request": REQUEST}},
    "compounds+request": {"config": {"compounds": COMPOUNDS, "request": REQUEST}},
    "lemmas-4000": {"config": {**BEFORE, "lemmas": {**LEMMAS, "max_chars": 4000}}},
    "weak-secondary-0.6": {"config": BEFORE, "data": {"SECONDARY_RATIO": 0.6}},
    "spd-section-only": {"config": BEFORE, "data": {"SPD_SECONDARY_RATIO": None}},
    "annotated-weight-2": {"config": BEFORE, "data": {"ANNOTATED_WEIGHT": 2.0}},
    "balanced-sources": {"data": {"BALANCE_ANNOTATED_SOURCES": True}},
    "C-0.15": {"config": {"classifier": {**LINEAR, "C": 0.15}}},
    "C-0.05": {"config": {"classifier": {**LINEAR, "C": 0.05}}},
    "C-0.02": {"config": {"classifier": {**LINEAR, "C": 0.02}}},
    "logistic-C-2": {"config": {"classifier": {**LINEAR, "loss": "logistic", "C": 2.0}}},
    # The latent columns of the lemma block (features.Latent); the rows with a latent block of
    # its own vocabulary (unigrams: lsa-200, lsa-200-w2, lsa-400, lsa-200-w4) were measured with
    # commit 2bb939c, which had that block.
    "latent-200-w2": {"config": {"lemmas": {**LEMMAS, "max_chars": 1500, "latent": LATENT}}},
    "no-latent": {"config": {"lemmas": {**LEMMAS, "max_chars": 1500, "latent": None}}},
    "latent+compounds-100": {
        "config": {"compounds": {**COMPOUNDS, "latent": {"n_components": 100, "weight": 1.0}}}
    },
    "latent+C-0.1": {"config": {"classifier": {**LINEAR, "C": 0.1}}},
    "latent+lemmas-3000": {"config": {"lemmas": {**LEMMAS, "max_chars": 3000}}},  # = shipped
    "latent+lemmas-2000": {"config": {"lemmas": {**LEMMAS, "max_chars": 2000}}},
    "latent+lemmas-4000": {"config": {"lemmas": {**LEMMAS, "max_chars": 4000}}},
    "latent-300-w2": {"config": {"lemmas": {**LEMMAS, "latent": {**LATENT, "n_components": 300}}}},
    "latent+C-0.03": {"config": {"classifier": {**LINEAR, "C": 0.03}}},
    "latent+request": {"config": {"request": REQUEST}},  # the shipped + the request block
    "shipped": {},  # DEFAULT_CONFIG as it is
    # One hidden layer shared by the themes (estimators.ThemeNetwork) instead of a linear
    # model per theme: units, L2 penalty alpha, passes over the data (2026-12-07).
    "network-128": {"config": {"classifier": {**NETWORK}}},  # = shipped since 2026-12-07
    "linear": {"config": {"classifier": {**LINEAR}}},  # shipped until 2026-12-07
    "network-256": {"config": {"classifier": {**NETWORK, "hidden": 256}}},
    "network-128-30": {"config": {"classifier": {**NETWORK, "epochs": 30}}},
}


def run(name: str, loso: bool) -> dict[str, Any]:
    spec = VARIANTS[name]
    saved = {k: getattr(D, k) for k in spec.get("data", {})}
    for k, v in spec.get("data", {}).items():
        setattr(D, k, v)
    t = time.perf_counter()
    try:
        res = train_model(
            config=spec.get("config"),
            dev=False,
            held_out=loso,
            progress=lambda m: print("  " + m, file=sys.stderr, flush=True),
        )
    finally:
        for k, v in saved.items():
            setattr(D, k, v)
    card = res.card
    return {
        "variant": name,
        "seconds": round(time.perf_counter() - t, 1),
        "timings_s": card["timings_s"],
        "cross_validation": card["cross_validation"],
        "leave_one_source_out": card["leave_one_source_out"],
    }


def table(row: dict[str, Any]) -> str:
    cv = row["cross_validation"]
    lo = (row["leave_one_source_out"] or {}).get("bodies", {})
    out = [f"{row['variant']} ({row['seconds']} s)"]
    for src, c in cv.items():
        if not isinstance(c, dict):
            continue
        body = src.replace("annotated-", "")  # as heldout.body_of
        h = lo.get(body)
        held = (
            f" | LOSO micro {h['micro_f1']:.3f} macro {h['macro_f1']:.3f} top1 {h['top1']:.3f} "
            f"ece {h['ece']:.3f}"
            if h
            else ""
        )
        out.append(
            f"  {src:22s} n={c['examples']:5d} CV micro {c['micro_f1']:.3f} macro "
            f"{c['macro_f1']:.3f} top1 {c['top1']:.3f} ece {c['ece']:.3f}{held}"
        )
    cal = (row["leave_one_source_out"] or {}).get("calibration")
    if cal:
        out.append(f"  LOSO pooled ECE {cal['ece']:.3f}")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--variant", action="append", choices=sorted(VARIANTS))
    ap.add_argument("--no-loso", action="store_true", help="within-source CV only (one fit)")
    ap.add_argument("--json", help="append one JSON line per variant to this file")
    args = ap.parse_args()
    for name in args.variant or list(VARIANTS):
        row = run(name, not args.no_loso)
        print(table(row), flush=True)
        if args.json:
            with open(args.json, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
