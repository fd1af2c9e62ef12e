from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.paths import shared_dir


@pytest.fixture(scope="session")
def shared() -> Path:
    """The third-party data folder; tests that need it skip when it is absent."""
    path = shared_dir()
    if not (path / "corpus" / "karlsruhe" / "papers.jsonl.gz").exists():
        pytest.skip(f"shared data not found at {path}; set ANTRAGSRADAR_SHARED to run this test")
    return path


@pytest.fixture(scope="session")
def karlsruhe_papers(shared: Path) -> Path:
    return shared / "corpus" / "karlsruhe" / "papers.jsonl.gz"
