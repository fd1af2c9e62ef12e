"""Fault suite, slow part (``pytest -m slow``): more generated seeds with the long texts (over
spaCy's 1,000,000 characters), and the same bad batch through one and two worker processes."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from pipeline.batch import analyze_into_store
from tests.faultgen import cases, motion_text
from tests.faultrun import check_case
from tests.test_faults import cli  # noqa: F401  (fixture)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", [c for seed in (1, 2) for c in cases(seed)], ids=lambda c: c.name)
def test_generated_bad_input_more_seeds(case, tmp_path: Path, cli) -> None:  # noqa: F811
    assert check_case(case, tmp_path, cli) == []


def _stored(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        motions = con.execute("SELECT id, status, fingerprint FROM motions ORDER BY id").fetchall()
        results = con.execute("SELECT motion_id, result FROM results ORDER BY motion_id").fetchall()
        failures = con.execute(
            "SELECT source_file, motion_id, reason FROM failures ORDER BY 1, 2, 3"
        ).fetchall()
        return [motions, results, failures]
    finally:
        con.close()


def test_one_worker_and_two_store_the_same(tmp_path: Path) -> None:
    rng = random.Random(5)
    folder = tmp_path / "in"
    folder.mkdir()
    long = (motion_text(rng, 8) + "\n") * 3000  # about 1.3 million characters
    assert len(long) > 1_000_000
    (folder / "long.txt").write_text(long, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (folder / "en.txt").write_text("The council should review the plan and report " * 5)
    for i in range(5):
        (folder / f"m{i}.txt").write_text(motion_text(rng), encoding="utf-8")
    stores = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        s = analyze_into_store([str(folder)], db, model_dir=None, workers=workers, chunk_size=2)
        assert (s.counts["new"], s.counts["failed"]) == (7, 1), s.counts
        stores.append(_stored(db))
    assert stores[0] == stores[1]
