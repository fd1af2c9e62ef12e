"""Dev-set evaluation of theme models trained on different data mixes and configurations.

    .venv/bin/python bench/eval_themes.py [--mix NAME ...] [--json OUT]

Prints micro/macro F1 and top-1 on the 180 dev gold motions (with the gold topic/funding names as
the extra field, and text only) for each mix. Dev is never trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.classify.train import train_model  # noqa: E402

MIXES = {
    "spd-only": {"sources": ["spd-berlin"]},
    "karlsruhe-weak-only": {"sources": ["karlsruhe-weak"]},
    "both": {"sources": ["spd-berlin", "karlsruhe-weak"]},
    "both-no-extra-field": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"extra": None, "train_extra": "none"},
    },
    "both-no-seed-features": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"seeds": False},
    },
    "both-with-chars": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {
            "chars": {"max_chars": 1500, "ngram_range": (3, 5), "min_df": 5, "max_features": 20000}
        },
    },
    "spd-only-lemmas-lr (naive)": {
        "sources": ["spd-berlin"],
        "config": {"chars": None, "seeds": False, "extra": None, "train_extra": "none"},
    },
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mix", action="append", choices=sorted(MIXES))
    ap.add_argument("--json")
    args = ap.parse_args()
    rows = []
    for name in args.mix or list(MIXES):
        spec = MIXES[name]
        t = time.perf_counter()
        res = train_model(
            sources=spec["sources"],
            config=spec.get("config"),
            dev=True,
            progress=lambda m: print("  " + m, file=sys.stderr),
        )
        card = res.card
        row = {
            "mix": name,
            "examples": card["training_examples"],
            "fit_s": round(time.perf_counter() - t, 1),
            "cv": card["cross_validation"],
            **card["dev"],
        }
        rows.append(row)
        w, wo = card["dev"]["with_gold_extras"], card["dev"]["without_extras"]
        print(
            f"{name:32s} n={row['examples']:5d}  dev+extra micro {w['micro_f1']:.3f} macro {w['macro_f1']:.3f} "
            f"top1 {w['top1']:.3f} | text-only micro {wo['micro_f1']:.3f} macro {wo['macro_f1']:.3f} "
            f"top1 {wo['top1']:.3f} | cv micro {row['cv'].get('micro_f1', 0):.3f}  ({row['fit_s']} s)",
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
