"""The installed package is complete: a wheel built from the checkout carries the rule data,
taxonomy, annotations, demo corpus and default model, and runs from a folder outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MOTION = (
    "Antrag der SPD-Fraktion\n"
    "Sichere Radwege an Grundschulen\n"
    "Der Gemeinderat möge beschließen:\n"
    "Die Verwaltung wird beauftragt zu prüfen, wie an allen Grundschulen sichere Radwege "
    "angelegt werden können. Die Kosten von 50.000 Euro werden aus dem Teilhaushalt 6600 gedeckt.\n"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (whl,) = out.glob("antragsradar-*.whl")
    return whl


@pytest.mark.slow
def test_wheel_carries_the_run_time_data_and_no_pickle(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for need in (
        "pipeline/_data/corpus/patterns/actions.json",
        "pipeline/_data/corpus/taxonomy/themes.json",
        "pipeline/_data/corpus/demo/papers.json",
        "pipeline/_data/corpus/annotations/karlsruhe-themes.jsonl",
        "pipeline/_data/models/themes-default/inference.npz",
        "pipeline/_data/models/themes-default/model_card.json",
        "pipeline/_data/models/extraction-default/clauses.npz",
        "pipeline/store/migrations.py",
    ):
        assert need in names, need
    assert not any(n.endswith(".joblib") for n in names)


@pytest.mark.slow
def test_installed_wheel_tags_and_analyzes_outside_the_checkout(wheel: Path, tmp_path: Path):
    site = tmp_path / "site"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    work = tmp_path / "work"
    work.mkdir()
    (work / "antrag.txt").write_text(MOTION, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    env.pop("ANTRAGSRADAR_CORPUS", None)

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", "from pipeline.cli import main; main()", *args],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import pipeline.paths as p; print(p.INSTALLED, p.DEMO_DIR)"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    installed, demo = where.stdout.split()
    assert installed == "True" and demo.startswith(str(site)), where.stdout + where.stderr
    tag = cli("tag", "antrag.txt")
    assert tag.returncode == 0, tag.stderr
    rec = json.loads(tag.stdout)
    assert rec["actions"][0]["type"] == "review"
    assert any(f["amount_eur"] == 50000 for f in rec["funding"])
    assert rec["themes"] and rec["themes"][0]["id"] in {"mobility", "education_childcare"}
    ana = cli("analyze", str(Path(demo) / "papers.json"), "--db", "demo.db", "--quiet")
    assert ana.returncode == 0, ana.stderr
    assert (work / "demo.db").is_file()
    assert not (work / "corpus").exists()
