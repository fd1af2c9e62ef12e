"""Cold-start time of tagging one motion: process start to printed result (target: under 1.5 s).

    .venv/bin/python bench/bench_cold_tag.py [--runs 5] [FILE]

Times `antragsradar tag FILE` as a fresh subprocess each run, and, for comparison, a bare
`python -c` that only loads the default theme model and predicts (the classifier's share; it
includes the lemmas of its words, looked up in the index of simplemma's German dictionary that
`pipeline.lemmas` keeps in the user's cache folder; the first run after installing builds it).
One untimed run first warms the page cache; the load average is printed before and after.

    .venv/bin/python bench/bench_cold_tag.py --compare OLD_MODEL NEW_MODEL [--runs 20] [FILE]

times `antragsradar tag FILE --model DIR` for two theme-model folders in alternating pairs
(the order flips every pair, so drifting load hits both alike) and prints each one's median
and mean and the median of the pairs' ratios new/old: how #14's "cold tag does not get slower"
is checked when a theme model is replaced.
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


def compare(path: str, old: str, new: str, runs: int) -> None:
    """Alternating pairs of cold tags with the two theme-model folders."""
    tag = str(Path(sys.executable).parent / "antragsradar")
    cmds = {name: [tag, "tag", path, "--model", d] for name, d in (("old", old), ("new", new))}
    for cmd in cmds.values():
        timed(cmd)  # warm the page cache
    times: dict[str, list[float]] = {"old": [], "new": []}
    for i in range(runs):
        for name in ("old", "new") if i % 2 == 0 else ("new", "old"):
            times[name].append(timed(cmds[name]))
    for name, folder in (("old", old), ("new", new)):
        t = times[name]
        print(
            f"{name} ({folder}): median {statistics.median(t):.3f} s  mean "
            f"{statistics.mean(t):.3f} s  min {min(t):.3f} s  max {max(t):.3f} s"
        )
    ratios = [b / a for a, b in zip(times["old"], times["new"], strict=True)]
    print(f"new/old, median of {runs} pairs: {statistics.median(ratios):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--compare", nargs=2, metavar=("OLD", "NEW"), help="two theme-model folders, alternated"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path = str(Path(tmp) / "motion.txt")
            Path(path).write_text(MOTION, encoding="utf-8")
        if args.compare:
            print(f"load average before: {open('/proc/loadavg').read().strip()}")
            compare(path, *args.compare, args.runs)
            print(f"load average after:  {open('/proc/loadavg').read().strip()}")
            return
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
