"""Time training the default theme model (target: under 10 minutes on the 2-core machine).

    .venv/bin/python bench/bench_train.py [--out DIR]

Runs `antragsradar train` as a subprocess into a temporary folder (or --out) and prints the wall
time, the model size and the card's timings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", help="model folder (default: a temporary one)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out or Path(tmp) / "themes-bench")
        cmd = [
            str(Path(sys.executable).parent / "antragsradar"),
            "train",
            "--out",
            str(out),
            "--quiet",
        ]
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=os.environ)
        wall = time.perf_counter() - t
        if proc.returncode:
            sys.exit(f"train failed: {proc.stderr.strip()}")
        card = json.loads((out / "model_card.json").read_text(encoding="utf-8"))
        print(
            json.dumps(
                {
                    "wall_s": round(wall, 1),
                    "cpus": os.cpu_count(),
                    "target_s": 600,
                    "model_file_bytes": card["model_file_bytes"],
                    "timings_s": card["timings_s"],
                    "training_examples": card["training_examples"],
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
