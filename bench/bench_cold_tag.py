"""Cold-start time of tagging one motion: process start to printed result (target: under 1.5 s).

    .venv/bin/python bench/bench_cold_tag.py [--runs 5] [FILE]

Times `antragsradar tag FILE` as a fresh subprocess each run, and, for comparison, a bare
`python -c` that only loads the default theme model and predicts (the classifier's share; it
includes the lemmas of its words, looked up in the index of simplemma's German dictionary that
`pipeline.lemmas` keeps in the user's cache folder; the first run after installing builds it).
One untimed run first warms the page cache; the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Our own text.
MOTION = (
    "Antrag: Sprachkurse und Integrationslotsen für Geflüchtete\n"
    "Die Verwaltung wird beauftragt, mit dem Migrationsbeirat ein Konzept für zusätzliche "
    "Deutschkurse und Integrationslotsen für geflüchtete Familien vorzulegen. Mittel dafür "
    "sollen aus dem Integrationsfonds kommen.\n"
)
MODEL_ONLY = (
    "import sys\n"
    "from pipeline.classify.model import ThemeModel\n"
    "from pipeline.paths import DEFAULT_MODEL_DIR\n"
    "print(ThemeModel.load(DEFAULT_MODEL_DIR).predict([open(sys.argv[1], encoding='utf-8').read()]))\n"
)


def timed(cmd: list[str]) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode:
        sys.exit(f"{' '.join(cmd[:4])} … failed: {proc.stderr.strip().splitlines()[-1:]}")
    return wall


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path = str(Path(tmp) / "motion.txt")
            Path(path).write_text(MOTION, encoding="utf-8")
        commands = {
            "antragsradar tag": [str(Path(sys.executable).parent / "antragsradar"), "tag", path],
            "model load + predict only": [sys.executable, "-c", MODEL_ONLY, path],
        }
        print(
            f"load average before: {open('/proc/loadavg').read().strip()}  ({os.cpu_count()} CPUs)"
        )
        for name, cmd in commands.items():
            timed(cmd)  # warm the page cache: the first run after a change reads from disk
            times = [timed(cmd) for _ in range(args.runs)]
            print(
                f"{name:28s} median {statistics.median(times):.2f} s  "
                f"min {min(times):.2f} s  max {max(times):.2f} s  (target < 1.5 s, {args.runs} runs)"
            )
        print(f"load average after:  {open('/proc/loadavg').read().strip()}")


if __name__ == "__main__":
    main()
