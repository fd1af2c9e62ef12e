"""Progress on stderr: plain lines in a log, a bar on a terminal, nothing with --quiet; the
library functions report (done, total) through a callback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.cli import progress as P
from pipeline.paths import DEMO_DIR

runner = CliRunner()

ANTRAG = (
    "Antrag der Fraktion {g}\n{t}\nDer Gemeinderat möge beschließen: Die Verwaltung wird "
    "beauftragt, zu prüfen, wie {t} bis 2026 umgesetzt werden kann. Die Kosten von "
    "250.000 Euro werden aus dem Klimaschutzfonds gedeckt.\n"
)
TITLES = ["Radwege in Durlach", "Sprachkurse für Geflüchtete", "Mehr Grün am Marktplatz"]


@pytest.fixture
def motions(tmp_path: Path) -> Path:
    folder = tmp_path / "antraege"
    folder.mkdir()
    for i, (t, g) in enumerate(zip(TITLES, ["GRÜNE", "SPD", "CDU"], strict=True)):
        (folder / f"antrag{i}.txt").write_text(ANTRAG.format(t=t, g=g), encoding="utf-8")
    return folder


@pytest.fixture
def eager(monkeypatch):
    """Progress at once and a log line on every update."""
    monkeypatch.setattr(P, "DELAY", 0.0)
    monkeypatch.setattr(P, "EVERY", 0.0)


def test_status_line_has_count_share_rate_and_time_left():
    line = P.status_line("analysing", 120, 4572, "motions", 60.0)
    assert line.startswith("analysing: 120/4572 motions (3 %), 2.0/s")
    assert "1 min 00 s elapsed" in line and "about 37 min 06 s left" in line
    assert P.status_line("fetching", 50, None, "papers", 10.0) == (
        "fetching: 50 papers, 5.0/s, 10 s elapsed"
    )


def test_plain_lines_in_a_log_and_a_final_one(eager):
    out = io.StringIO()
    with P.Reporter("tagging", stream=out, terminal=False) as rep:
        for i in range(1, 4):
            rep(i, 3)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("tagging: 1/3 motions (33 %)")
    assert lines[-1].startswith("tagging: 3/3 motions (100 %)")
    assert "\x1b" not in out.getvalue()  # no terminal codes in a log


def test_nothing_when_quiet_or_fast_or_one_document(eager, monkeypatch):
    for kwargs, total in (({"quiet": True}, 10), ({}, 1)):
        out = io.StringIO()
        with P.Reporter("tagging", stream=out, terminal=False, **kwargs) as rep:
            rep(1, total)
        assert out.getvalue() == ""
    monkeypatch.setattr(P, "DELAY", 60.0)
    out = io.StringIO()
    with P.Reporter("tagging", stream=out, terminal=False) as rep:
        rep(5, 10)
    assert out.getvalue() == ""


def test_bar_on_a_terminal_shows_total_and_time_left(eager):
    out = io.StringIO()
    with P.Reporter("analysing", stream=out, terminal=True) as rep:
        rep(12, 40)
        rep._bar.refresh()
        drawn = out.getvalue()
    assert "analysing" in drawn and "12/40" in drawn and "left" in drawn and "/s" in drawn


def test_tag_over_several_documents_reports_progress_on_stderr_only(motions: Path, eager):
    r = runner.invoke(app, ["tag", str(motions), "--no-themes"])
    assert r.exit_code == 0, r.stderr
    records = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(records) == 3  # stdout holds only data
    assert "tagging: 3/3 motions (100 %)" in r.stderr
    quiet = runner.invoke(app, ["tag", str(motions), "--no-themes", "--quiet"])
    assert quiet.stderr == "" and quiet.stdout == r.stdout


def test_analyze_reports_total_through_the_callback(tmp_path: Path):
    from pipeline.batch import analyze_into_store

    seen: list[tuple[int, int | None]] = []
    papers = str(DEMO_DIR / "papers.json")
    analyze_into_store(
        [papers], tmp_path / "d.db", model_dir=None, progress=lambda *a: seen.append(a)
    )
    assert seen and {t for _, t in seen} == {36}
    assert seen[-1] == (36, 36) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    # a re-run skips every motion and still ends at the total
    seen.clear()
    analyze_into_store(
        [papers], tmp_path / "d.db", model_dir=None, progress=lambda *a: seen.append(a)
    )
    assert seen[-1] == (36, 36)


def test_analyze_cli_log_lines_and_quiet(tmp_path: Path, eager):
    papers = str(DEMO_DIR / "papers.json")
    r = runner.invoke(app, ["analyze", papers, "--db", str(tmp_path / "a.db"), "--no-themes"])
    assert r.exit_code == 0, r.stderr
    assert "analysing: 36/36 motions (100 %)" in r.stderr and r.stdout == ""
    q = runner.invoke(app, ["analyze", papers, "--db", str(tmp_path / "b.db"), "--no-themes", "-q"])
    assert q.exit_code == 0 and q.stderr == ""


def test_evaluate_reports_the_gold_motions(eager):
    from pipeline.evaluate.gold import evaluate

    seen: list[tuple[int, int | None]] = []
    evaluate(
        DEMO_DIR / "expected.jsonl",
        [str(DEMO_DIR / "papers.json")],
        model_dir=None,
        progress=lambda *a: seen.append(a),
    )
    assert seen[-1][0] == seen[-1][1] and seen[-1][1] >= 30


def test_train_shows_its_phases_with_elapsed_time_or_nothing_when_quiet(tmp_path, monkeypatch):
    import types

    import pipeline.training.themes.train as T

    def fake_train(**kw):
        kw["progress"]("fitting on 1200 examples …")
        kw["progress"]("scoring on 180 dev motions …")
        card = {
            "training_examples": 1200,
            "cross_validation": {},
            "dev": None,
            "timings_s": {},
        }
        return types.SimpleNamespace(out=tmp_path / "m", card=card)

    monkeypatch.setattr(T, "train_model", fake_train)
    r = runner.invoke(app, ["train", "--out", str(tmp_path / "m")])
    assert r.exit_code == 0, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 2 and lines[1].startswith("scoring on 180 dev motions … (")
    assert lines[0].startswith("fitting on 1200 examples … (") and lines[0].endswith(" s)")
    assert json.loads(r.stdout)["training_examples"] == 1200  # stdout holds only the summary
    q = runner.invoke(app, ["train", "--out", str(tmp_path / "m"), "--quiet"])
    assert q.exit_code == 0 and q.stderr == ""
