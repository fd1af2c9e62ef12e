"""The Dask backend: a LocalCluster on loopback gives the same store as a local run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pipeline.errors import AntragsradarError
from tests import test_batch_parallel as batch_tests
from tests.test_batch_parallel import run, store_content

corpus = batch_tests.corpus  # the fixtures, shared
serial_db = batch_tests.serial_db


def test_dask_local_cluster_equals_local_run(corpus: Path, serial_db: Path, tmp_path: Path):
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        db = tmp_path / "dask.db"
        s = run(db, corpus, scheduler=cluster.scheduler_address, chunk_size=8, commit_every=5)
        assert s.counts["new"] == 59 and s.counts["failed"] == 1
        assert store_content(db) == store_content(serial_db)
        again = run(db, corpus, scheduler=cluster.scheduler_address)
        assert again.counts["unchanged"] == 59 and again.counts.get("new", 0) == 0


def test_missing_dask_is_one_clear_error(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(AntragsradarError, match=r"pip install 'antragsradar\[dask\]'"):
        run(tmp_path / "x.db", corpus, scheduler="tcp://127.0.0.1:8786")
