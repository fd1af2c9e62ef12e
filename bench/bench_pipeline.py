"""Batch-run benchmark: how the pipeline's cost grows with corpus size, and what workers buy.

For the corpus replicated k times (each replica's papers get distinct ids, ``id#r{i}``), every
stage runs in a fresh process on the same input, streamed through a named pipe so that the
replicated corpus is never written out or held in memory:

  tokenizer   spaCy's bare German tokenizer (``spacy.blank("de").tokenizer``) over the raw
              motion text as the reader yields it (not cleaned): the floor of any spaCy
              pipeline. Only the tokenizer calls are timed; reading is reported beside it.
  analyze wN  ``antragsradar analyze --workers N`` into a fresh SQLite store (wall time of the
              whole command: reading, model loading, analysis, store writes).
  tag         ``antragsradar tag --format jsonl > /dev/null`` (one process).

Reported per stage: seconds, docs/s, MB/s (UTF-8 motion text), CPU seconds of all its processes
(for the tokenizer: of the tokenizer calls), peak RSS of its largest process (ru_maxrss) and the
peaks of the sums of RSS and of PSS over all its processes (sampled every 0.5 s; PSS counts the
pages that forked workers share once); per corpus size the ratio analyze/tokenizer (on wall and
on CPU seconds) and the 2-worker speed-up. On a shared machine, compare CPU seconds: wall times
move with what else runs. Linux only (named pipes, a child subreaper).

    .venv/bin/python bench/bench_pipeline.py --replicas 1,4,16 --json out/bench.json
    .venv/bin/python bench/bench_pipeline.py --replicas 1,2 --limit 300     # a quick look
    .venv/bin/python bench/bench_pipeline.py --replicas 1 --workers 1 --skip-tag --repeat 5

``--repeat N`` then times N more pairs of the tokenizer and a one-worker analyze back to back
and prints the median of their ratios: on a shared machine a single pair moves by 10 % and
more with what else runs.
"""

from __future__ import annotations

import argparse
import ctypes
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "karlsruhe" / "papers.jsonl.gz"
MARK = b"@@REPLICA@@"
CLI = [sys.executable, "-c", "from pipeline.cli import main; main()"]

TOKENIZE = r"""
import json, sys, time
t0 = time.perf_counter()
import spacy
from pipeline.ingest import read_inputs
from pipeline.record import Motion
tok = spacy.blank("de").tokenizer
docs = chars = nbytes = tokens = 0
tok_s = tok_cpu = 0.0
for m in read_inputs([sys.argv[1]]):
    if not isinstance(m, Motion) or not m.text.strip():
        continue
    t, c = time.perf_counter(), time.process_time()
    d = tok(m.text)
    tok_s += time.perf_counter() - t
    tok_cpu += time.process_time() - c
    docs += 1
    tokens += len(d)
    chars += len(m.text)
    nbytes += len(m.text.encode("utf-8"))
print(json.dumps({"docs": docs, "tokens": tokens, "chars": chars, "text_bytes": nbytes,
                  "tokenizer_s": tok_s, "tokenizer_cpu_s": tok_cpu,
                  "read_and_tokenize_s": time.perf_counter() - t0}))
"""


def _become_subreaper() -> None:
    """Orphaned grandchildren (a fork server, pool workers) are reparented to this process, so
    that their CPU time and peak memory are counted with the stage that started them."""
    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_CHILD_SUBREAPER = 36
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER) failed")


def make_template(corpus: Path, out: Path, limit: int | None) -> int:
    """The corpus, uncompressed, with each paper's id suffixed by a replica marker."""
    n = 0
    with gzip.open(corpus, "rb") as src, out.open("wb") as dst:
        for line in src:
            if not line.strip():
                continue
            obj = json.loads(line)
            obj["id"] = f"{obj.get('id', '')}#r{MARK.decode()}"
            dst.write(json.dumps(obj, ensure_ascii=False).encode("utf-8") + b"\n")
            n += 1
            if limit and n >= limit:
                break
    return n


def feed(fifo: Path, template: Path, replicas: int) -> threading.Thread:
    """Write ``replicas`` copies of the template into the named pipe, line by line."""

    def run() -> None:
        try:
            with fifo.open("wb") as out:
                for r in range(replicas):
                    rb = str(r).encode()
                    with template.open("rb") as src:
                        for line in src:
                            out.write(line.replace(MARK, rb))
        except BrokenPipeError:
            pass

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def _pss(pid: int) -> int:
    """Proportional set size in bytes: shared pages (a forked worker's models) count once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _tree_memory(pid: int) -> tuple[int, int]:
    """(sum of RSS, sum of PSS) over the process and all its descendants."""
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    rss = pss = 0
    for q in procs:
        try:
            rss += q.memory_info().rss
        except psutil.Error:
            continue
        pss += _pss(q.pid)
    return rss, pss


def run_stage(
    cmd: list[str],
    fifo: Path,
    template: Path,
    replicas: int,
    stdout: Any = None,
    ok_codes: tuple[int, ...] = (0,),
) -> dict[str, Any]:
    """Run ``cmd`` reading the replicated corpus from ``fifo``; time it and measure memory."""
    os.mkfifo(fifo)
    feeder = feed(fifo, template, replicas)
    try:
        import psutil  # noqa: F401

        sampling = True
    except ImportError:
        sampling = False
    peak_tree = peak_pss = 0
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE)
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree, peak_pss
        while not stop.is_set():
            rss, pss = _tree_memory(proc.pid)
            peak_tree, peak_pss = max(peak_tree, rss), max(peak_pss, pss)
            stop.wait(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    out_chunks: list[bytes] = []
    err_chunks: list[bytes] = []

    def drain(stream: Any, into: list[bytes]) -> None:
        for chunk in iter(lambda: stream.read(65536), b""):
            into.append(chunk)

    readers = []
    if proc.stdout is not None:
        readers.append(threading.Thread(target=drain, args=(proc.stdout, out_chunks)))
    readers.append(threading.Thread(target=drain, args=(proc.stderr, err_chunks)))
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    # Reap what the stage left behind (fork server, resource tracker): it ran for this stage.
    maxrss_kb = usage.ru_maxrss
    cpu = usage.ru_utime + usage.ru_stime
    while True:
        try:
            pid, _, u = os.wait4(-1, 0)
        except ChildProcessError:
            break
        maxrss_kb = max(maxrss_kb, u.ru_maxrss)
        cpu += u.ru_utime + u.ru_stime
    for r in readers:
        r.join()
    feeder.join(timeout=5)
    fifo.unlink()
    if sampling:
        sampler.join()
    err = b"".join(err_chunks).decode("utf-8", "replace")
    if proc.returncode not in ok_codes:
        raise SystemExit(f"stage failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return {
        "seconds": wall,
        "cpu_seconds": cpu,
        "peak_rss_mb": maxrss_kb / 1024,
        "peak_rss_all_mb": peak_tree / 2**20 if sampling else None,
        "peak_pss_all_mb": peak_pss / 2**20 if sampling else None,
        "stdout": b"".join(out_chunks).decode("utf-8", "replace"),
        "stderr": err,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="OParl papers .jsonl.gz")
    ap.add_argument("--replicas", default="1,4,16", help="corpus sizes, e.g. 1,4,16")
    ap.add_argument("--limit", type=int, default=None, help="only the first N papers (quick run)")
    ap.add_argument("--workers", default="1,2", help="analyze --workers values to time")
    ap.add_argument("--model", type=Path, default=None, help="theme model folder (default: repo's)")
    ap.add_argument("--no-themes", action="store_true", help="run without the theme model")
    ap.add_argument("--skip-tag", action="store_true", help="do not time `tag`")
    ap.add_argument("--json", type=Path, default=None, help="write all figures here")
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="then N more pairs (tokenizer, analyze with one worker) at the first size, "
        "back to back; prints each pair's ratio and their median",
    )
    args = ap.parse_args()

    _become_subreaper()
    sys.path.insert(0, str(ROOT))
    from pipeline.paths import DEFAULT_MODEL_DIR

    model = args.model or DEFAULT_MODEL_DIR
    themes = not args.no_themes and model.exists()
    extracting = True  # the extraction components always run (a missing one is an error)
    replicas = [int(x) for x in args.replicas.split(",")]
    workers = [int(x) for x in args.workers.split(",")]
    model_args = ["--model", str(model)] if themes else ["--no-themes"]

    tmp = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    results: dict[str, Any] = {
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_avg_at_start": os.getloadavg(),
        },
        "pipeline": {
            "extraction": extracting,
            "themes": str(model) if themes else None,
        },
        "tokenizer_input": "raw motion text as read (not cleaned)",
        "runs": [],
    }
    try:
        template = tmp / "template.jsonl"
        papers = make_template(args.corpus, template, args.limit)
        results["corpus"] = {"path": str(args.corpus), "papers": papers}
        print(
            f"corpus {args.corpus} ({papers} papers), extraction={'on' if extracting else 'off'}, "
            f"themes={'on' if themes else 'off'}, {os.cpu_count()} CPUs, "
            f"load {os.getloadavg()[0]:.1f}",
            file=sys.stderr,
        )
        for k in replicas:
            fifo = tmp / f"papers-x{k}.jsonl"
            row: dict[str, Any] = {"replicas": k, "papers": papers * k, "stages": {}}
            st, info = _tokenizer_stage(fifo, template, k)
            docs, mb = info["docs"], info["text_bytes"] / 1e6
            row.update(docs=docs, tokens=info["tokens"], text_mb=mb)
            row["stages"]["tokenizer"] = st
            _say(k, "tokenizer", st, docs, mb)
            for w in workers:
                st = _analyze_stage(tmp, fifo, template, k, w, model_args)
                row["stages"][f"analyze_w{w}"] = st
                _say(k, f"analyze w{w}", st, docs, mb)
            if not args.skip_tag:
                cmd = [*CLI, "tag", str(fifo), "--format", "jsonl", *model_args]
                with open(os.devnull, "wb") as devnull:
                    # exit code 1: some papers have no usable text (reported on stderr)
                    st = run_stage(cmd, fifo, template, k, stdout=devnull, ok_codes=(0, 1))
                st.pop("stdout")
                st.pop("stderr")
                row["stages"]["tag"] = st
                _say(k, "tag", st, docs, mb)
            for st in row["stages"].values():
                st["docs_per_s"] = docs / st["seconds"]
                st["mb_per_s"] = mb / st["seconds"]
            s = row["stages"]
            if "analyze_w1" in s:
                row["analyze_over_tokenizer"] = (
                    s["analyze_w1"]["seconds"] / s["tokenizer"]["seconds"]
                )
                # The same on CPU seconds: what other processes on the machine do cancels out.
                row["analyze_over_tokenizer_cpu"] = (
                    s["analyze_w1"]["cpu_seconds"] / s["tokenizer"]["cpu_seconds"]
                )
                if "analyze_w2" in s:
                    row["speedup_w2"] = s["analyze_w1"]["seconds"] / s["analyze_w2"]["seconds"]
            results["runs"].append(row)
        _scaling(results)
        if args.repeat > 1:
            results["repeat"] = _repeat(args.repeat, tmp, template, replicas[0], model_args)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    results["machine"]["load_avg_at_end"] = os.getloadavg()
    _table(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {args.json}", file=sys.stderr)


def _tokenizer_stage(fifo: Path, template: Path, k: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The bare tokenizer over ``k`` replicas: the stage's figures (its seconds those of the
    tokenizer calls only) and what the tokenizer process reported."""
    st = run_stage([sys.executable, "-c", TOKENIZE, str(fifo)], fifo, template, k)
    info = json.loads(st.pop("stdout"))
    st.pop("stderr")
    st["process_seconds"] = st["seconds"]
    st["process_cpu_seconds"] = st["cpu_seconds"]
    st["seconds"] = info["tokenizer_s"]  # the tokenizer calls only
    st["cpu_seconds"] = info["tokenizer_cpu_s"]
    st["read_and_tokenize_seconds"] = info["read_and_tokenize_s"]
    return st, info


def _analyze_stage(
    tmp: Path, fifo: Path, template: Path, k: int, w: int, model_args: list[str]
) -> dict[str, Any]:
    """``antragsradar analyze --workers w`` over ``k`` replicas into a fresh store."""
    db = tmp / f"x{k}-w{w}.db"
    cmd = [*CLI, "analyze", str(fifo), "--db", str(db), *model_args, "-q", "--json"]
    cmd += ["--workers", str(w)]
    st = run_stage(cmd, fifo, template, k)
    summary = json.loads(st.pop("stdout").strip().splitlines()[-1])
    st.pop("stderr")
    st["counts"] = summary["counts"]
    for p in tmp.glob(f"x{k}-w{w}.db*"):
        p.unlink()
    return st


def _repeat(n: int, tmp: Path, template: Path, k: int, model_args: list[str]) -> dict[str, Any]:
    """``n`` pairs of the tokenizer and a one-worker analyze, back to back: on a shared machine
    one pair's ratio moves with what else runs; the median of several is the figure to quote."""
    fifo = tmp / f"papers-x{k}.jsonl"
    pairs = []
    for i in range(n):
        tok, _ = _tokenizer_stage(fifo, template, k)
        an = _analyze_stage(tmp, fifo, template, k, 1, model_args)
        pair = {
            "tokenizer_cpu_s": tok["cpu_seconds"],
            "analyze_cpu_s": an["cpu_seconds"],
            "analyze_s": an["seconds"],
            "ratio_cpu": an["cpu_seconds"] / tok["cpu_seconds"],
            "ratio_wall": an["seconds"] / tok["seconds"],
        }
        pairs.append(pair)
        print(
            f"  pair {i + 1}/{n}: tokenizer cpu {tok['cpu_seconds']:.1f} s, analyze cpu "
            f"{an['cpu_seconds']:.1f} s, ratio {pair['ratio_cpu']:.2f} (wall {pair['ratio_wall']:.2f})",
            file=sys.stderr,
            flush=True,
        )
    cpu = sorted(p["ratio_cpu"] for p in pairs)
    out = {
        "replicas": k,
        "pairs": pairs,
        "median_ratio_cpu": statistics.median(cpu),
        "median_ratio_wall": statistics.median(p["ratio_wall"] for p in pairs),
    }
    print(
        f"analyze/tokenizer over {n} pairs: median {out['median_ratio_cpu']:.2f} on CPU "
        f"(min {cpu[0]:.2f}, max {cpu[-1]:.2f}), median {out['median_ratio_wall']:.2f} on wall"
    )
    return out


def _say(k: int, name: str, st: dict[str, Any], docs: int, mb: float) -> None:
    print(
        f"  x{k:<3} {name:<12} {st['seconds']:8.1f} s  {docs / st['seconds']:7.0f} docs/s  "
        f"{mb / st['seconds']:6.2f} MB/s  cpu {st['cpu_seconds']:7.1f} s  "
        f"rss {st['peak_rss_mb']:6.0f} MB (all {st['peak_rss_all_mb'] or 0:6.0f} MB, "
        f"pss {st['peak_pss_all_mb'] or 0:6.0f} MB)  "
        f"load {os.getloadavg()[0]:.1f}",
        file=sys.stderr,
        flush=True,
    )


def _scaling(results: dict[str, Any]) -> None:
    """Time and memory at each size relative to the smallest."""
    runs = results["runs"]
    if len(runs) < 2:
        return
    base = runs[0]
    for row in runs[1:]:
        f = row["replicas"] / base["replicas"]
        row["scaling"] = {
            name: {
                "size_factor": f,
                "time_factor": st["seconds"] / base["stages"][name]["seconds"],
                "rss_factor": st["peak_rss_mb"] / base["stages"][name]["peak_rss_mb"],
            }
            for name, st in row["stages"].items()
            if name in base["stages"]
        }


def _table(results: dict[str, Any]) -> None:
    head = (
        f"{'size':>5} {'stage':<12} {'docs':>7} {'MB':>7} {'s':>8} {'docs/s':>8} {'MB/s':>7} "
        f"{'cpu s':>8} {'rss MB':>7} {'all MB':>7} {'pss MB':>7} {'t/t1x':>6}"
    )
    print(head)
    print("-" * len(head))
    base = results["runs"][0] if results["runs"] else None
    for row in results["runs"]:
        for name, st in row["stages"].items():
            tf = ""
            if base is not None and row is not base and name in base["stages"]:
                tf = f"{st['seconds'] / base['stages'][name]['seconds']:.2f}"
            print(
                f"{str(row['replicas']) + 'x':>5} {name:<12} {row['docs']:>7} "
                f"{row['text_mb']:>7.1f} {st['seconds']:>8.1f} {st['docs_per_s']:>8.0f} "
                f"{st['mb_per_s']:>7.2f} {st['cpu_seconds']:>8.1f} {st['peak_rss_mb']:>7.0f} "
                f"{(st['peak_rss_all_mb'] or 0):>7.0f} {(st['peak_pss_all_mb'] or 0):>7.0f} {tf:>6}"
            )
        extra = []
        if "analyze_over_tokenizer" in row:
            extra.append(
                f"analyze/tokenizer = {row['analyze_over_tokenizer']:.2f} "
                f"(cpu {row['analyze_over_tokenizer_cpu']:.2f})"
            )
        if "speedup_w2" in row:
            extra.append(f"2 workers = {row['speedup_w2']:.2f}x one")
        if extra:
            print(f"{'':>5} " + ", ".join(extra))


if __name__ == "__main__":
    main()
