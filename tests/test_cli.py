"""The command line through typer's CliRunner, error paths included."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.pdfgen import write_pdf

runner = CliRunner()

MOTION = """ANTRAG der SPD-Fraktion

Barrierefreie Bushaltestellen in Durlach

Der Gemeinderat möge beschließen:
Die Verwaltung wird beauftragt, bis Ende 2025 alle Bushaltestellen in Durlach barrierefrei umzubauen.

Begründung:
Menschen mit Rollator oder Kinderwagen kommen an vielen Haltestellen nicht in den Bus.
"""


def invoke(*args: str):
    return runner.invoke(app, list(args))


def error_lines(result) -> list[str]:
    return [ln for ln in result.stderr.splitlines() if ln.strip()]


@pytest.fixture
def motion_file(tmp_path: Path) -> Path:
    p = tmp_path / "haltestellen.txt"
    p.write_text(MOTION, encoding="utf-8")
    return p


def test_version_and_help():
    r = invoke("--version")
    assert r.exit_code == 0 and r.stdout.startswith("antragsradar ")
    for cmd, own in (("tag", "--format"), ("analyze", "--db")):
        r = invoke(cmd, "--help")
        assert r.exit_code == 0, r.stderr
        assert own in r.stdout, f"{cmd} --help does not list {own}"
    # tag prints to stdout and writes no store: its help must not offer --db
    assert "--db" not in invoke("tag", "--help").stdout


def test_tag_prints_the_jsonl_contract(motion_file: Path):
    r = invoke("tag", str(motion_file), "--no-themes")
    assert r.exit_code == 0, r.stderr
    [line] = r.stdout.splitlines()
    rec = json.loads(line)
    for key in ("id", "title", "date", "paper_type", "body", "groups", "source_file"):
        assert key in rec
    assert rec["id"] == "haltestellen"
    assert rec["source_file"] == str(motion_file)
    assert "themes" not in rec  # not computed with --no-themes: left out, never faked


def test_tag_json_and_table(motion_file: Path):
    r = invoke("tag", str(motion_file), "--no-themes", "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["id"] == "haltestellen"
    r = invoke("tag", str(motion_file), "--no-themes", "--format", "table")
    assert r.exit_code == 0 and "haltestellen" in r.stdout


def test_missing_file_is_one_line(tmp_path: Path):
    r = invoke("tag", str(tmp_path / "fehlt.txt"), "--no-themes")
    assert r.exit_code == 1
    [line] = error_lines(r)
    assert line.startswith("error: ") and "no such file" in line


def test_unknown_format_is_one_line(tmp_path: Path):
    (tmp_path / "antrag.docx").write_bytes(b"PK\x03\x04")
    r = invoke("tag", str(tmp_path / "antrag.docx"), "--no-themes")
    assert r.exit_code == 1
    [line] = error_lines(r)
    assert "unknown format" in line and "--input-format" in line


def test_corrupt_pdf_is_one_line_and_others_still_print(tmp_path: Path, motion_file: Path):
    (tmp_path / "kaputt.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf")
    r = invoke("tag", str(tmp_path / "kaputt.pdf"), str(motion_file), "--no-themes")
    assert r.exit_code == 1
    [line] = error_lines(r)
    assert "kaputt.pdf" in line and "not a readable PDF" in line
    assert json.loads(r.stdout.splitlines()[0])["id"] == "haltestellen"


def test_invalid_json_line_is_one_line(tmp_path: Path):
    p = tmp_path / "m.jsonl"
    p.write_text('{"id": "a", "text": "Die Verwaltung prüft das."}\n{oops\n', encoding="utf-8")
    r = invoke("tag", str(p), "--no-themes")
    assert r.exit_code == 1
    [line] = error_lines(r)
    assert "line 2: invalid JSON" in line
    assert len(r.stdout.splitlines()) == 1


def test_tag_pdf_generated_here(tmp_path: Path):
    write_pdf(tmp_path / "antrag.pdf", [MOTION.splitlines()])
    r = invoke("tag", str(tmp_path / "antrag.pdf"), "--no-themes")
    assert r.exit_code == 0, r.stderr
    # the title line, not the paper-type-and-submitter line above it
    assert json.loads(r.stdout)["title"] == "Barrierefreie Bushaltestellen in Durlach"


def test_bad_model_dir_is_one_line(tmp_path: Path, motion_file: Path):
    r = invoke("tag", str(motion_file), "--model", str(tmp_path / "kein-modell"))
    assert r.exit_code == 1
    assert len(error_lines(r)) == 1


def test_train_into_a_file_fails_at_once_in_one_line(tmp_path: Path):
    target = tmp_path / "modell.txt"
    target.write_text("kein Ordner", encoding="utf-8")
    # fails before reading any training data, so no shared corpus is needed
    r = invoke("train", "--out", str(target), "--quiet")
    assert r.exit_code == 1
    [line] = error_lines(r)
    assert line.startswith("error: cannot write the model to") and "--out" in line
    assert target.read_text(encoding="utf-8") == "kein Ordner"


def test_analyze_is_idempotent_and_records_failures(tmp_path: Path, motion_file: Path):
    bad = tmp_path / "m.jsonl"
    bad.write_text(
        '{"id": "r1", "text": "Die Verwaltung soll mehr Bänke aufstellen."}\n{broken\n'
        '{"id": "r2", "title": "ohne Text"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "store.db"
    args = ("analyze", str(motion_file), str(bad), "--db", str(db), "--no-themes", "--json", "-q")
    r1 = invoke(*args)
    assert r1.exit_code == 0, r1.stderr
    s1 = json.loads(r1.stdout)
    assert s1["counts"]["new"] == 2 and s1["counts"]["failed"] == 2
    r2 = invoke(*args)
    s2 = json.loads(r2.stdout)
    assert s2["counts"].get("new", 0) == 0 and s2["counts"]["unchanged"] == 2
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM motions WHERE status='analysed'").fetchone()[0] == 2
    assert con.execute("SELECT COUNT(*) FROM results").fetchone()[0] == 2
    assert con.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 2  # not duplicated
    assert con.execute("SELECT COUNT(*) FROM runs WHERE status='completed'").fetchone()[0] == 2

    # a changed text is analysed again, the rest stays
    motion_file.write_text(MOTION.replace("2025", "2026"), encoding="utf-8")
    s3 = json.loads(invoke(*args).stdout)
    assert s3["counts"]["changed"] == 1 and s3["counts"]["unchanged"] == 1
    assert "2026" in con.execute("SELECT text FROM motions WHERE id='haltestellen'").fetchone()[0]


def test_analyze_into_missing_folder_is_one_line(tmp_path: Path, motion_file: Path):
    r = invoke(
        "analyze", str(motion_file), "--db", str(tmp_path / "nope" / "x.db"), "--no-themes", "-q"
    )
    assert r.exit_code == 1
    [line] = error_lines(r)
    assert "folder does not exist" in line


def test_analyze_on_a_non_store_file_is_one_line(tmp_path: Path, motion_file: Path):
    fake = tmp_path / "fake.db"
    fake.write_text("this is not sqlite at all " * 100)
    r = invoke("analyze", str(motion_file), "--db", str(fake), "--no-themes", "-q")
    assert r.exit_code == 1
    assert "not an Antragsradar store" in error_lines(r)[0]
