"""``kill -9`` during ``antragsradar analyze``, then run it again: nothing lost, nothing
duplicated, the run completes, and the store equals that of a run that was never killed."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.paths import PATTERNS_DIR
from tests.test_batch_parallel import store_content, write_corpus

N = 400


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from pipeline.cli import main; main()", *args]


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet
        return 0


def _descendants(pid: int) -> list[int]:
    try:
        import psutil
    except ImportError:
        return []
    try:
        return [p.pid for p in psutil.Process(pid).children(recursive=True)]
    except psutil.Error:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ", 1)[1][:1] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs kill -9")
@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=pytest.mark.slow)])
def test_kill_9_then_rerun_completes_without_loss_or_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "motions.jsonl"
    ids = write_corpus(corpus, N)
    db = tmp_path / "killed.db"
    args = ["analyze", corpus.name, "--db", str(db), "--no-themes", "--commit-every", "10", "-q"]
    args += ["--workers", str(workers)]
    # The runs read their rule data from a snapshot, so that an edit of corpus/patterns while
    # the test runs cannot make the killed run, the re-run and the clean run disagree.
    snapshot = tmp_path / "corpus-snapshot"
    shutil.copytree(PATTERNS_DIR, snapshot / "patterns")
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "ANTRAGSRADAR_CORPUS": str(snapshot)}

    proc = subprocess.Popen(_cli(*args), env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _stored(db) < 30:
        assert proc.poll() is None, proc.communicate()[1].decode()
        assert time.monotonic() < deadline, "no batch committed within 120 s"
        time.sleep(0.05)
    children = _descendants(proc.pid)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _stored(db)
    assert 30 <= stored < N - 1, "kill the run while it is still going"

    # The worker processes of a killed run end by themselves.
    deadline = time.monotonic() + 15
    while any(_alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in children if _alive(p)], "worker processes outlived the killed run"

    done = subprocess.run(_cli(*args), env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()

    con = sqlite3.connect(db)
    runs = con.execute(
        "SELECT run_id, status, n_new, n_unchanged FROM runs ORDER BY run_id"
    ).fetchall()
    assert [r[1] for r in runs] == ["interrupted", "completed"]
    assert runs[1][3] >= stored  # the re-run kept what the killed run committed
    assert runs[1][2] + runs[1][3] == N - 1
    # Every input once, nothing lost, nothing doubled: the unusable record (no text, so the
    # reader never makes it a motion) is in failures, every other one in motions and results.
    motion_ids = [i for (i,) in con.execute("SELECT id FROM motions")]
    failed_ids = [i for (i,) in con.execute("SELECT motion_id FROM failures")]
    assert len(failed_ids) == 1
    assert sorted(motion_ids + failed_ids) == sorted(ids)
    assert con.execute("SELECT COUNT(*) FROM results").fetchone()[0] == N - 1
    con.close()

    clean = tmp_path / "clean.db"
    done = subprocess.run(
        _cli("analyze", corpus.name, "--db", str(clean), "--no-themes", "-q"),
        env=env,
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert store_content(db) == store_content(clean)
