"""The issue's done-criterion on the real corpus: every paper stored, a second run adds nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pipeline.batch import analyze_into_store
from pipeline.paths import DEFAULT_MODEL_DIR


@pytest.mark.slow
def test_full_karlsruhe_analyze_is_complete_and_idempotent(karlsruhe_papers: Path, tmp_path: Path):
    db = tmp_path / "k.db"
    model = DEFAULT_MODEL_DIR if DEFAULT_MODEL_DIR.exists() else None
    first = analyze_into_store([str(karlsruhe_papers)], db, model_dir=model)
    assert first.counts["read"] == 4572
    assert first.counts["new"] + first.counts["failed"] == 4572
    assert first.counts["failed"] < 100  # papers without any file text
    second = analyze_into_store([str(karlsruhe_papers)], db, model_dir=model)
    assert second.counts.get("new", 0) == 0 and second.counts.get("changed", 0) == 0
    assert second.counts["unchanged"] == first.counts["new"]
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM motions").fetchone()[0] == 4572
    assert con.execute("SELECT COUNT(*) FROM results").fetchone()[0] == first.counts["new"]
    reasons = {r for (r,) in con.execute("SELECT DISTINCT reason FROM failures")}
    assert all(r.startswith("no usable text") for r in reasons), reasons
    rec = json.loads(con.execute("SELECT result FROM results LIMIT 1").fetchone()[0])
    assert {"id", "title", "date", "paper_type", "groups", "source_file"} <= rec.keys()
