"""``antragsradar report …`` on the command line: formats, pictures, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.test_report_fixtures import build_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("cli") / "store.db"))


def run(*args: str):
    res = runner.invoke(app, ["report", *args])
    return res


def test_csv_parses_and_has_n_beside_every_share(db: str) -> None:
    res = run("themes", "--db", db, "--format", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows and {"group", "theme", "count", "n", "share", "small"} <= set(rows[0])
    spd = next(r for r in rows if r["group"] == "SPD" and r["theme"] == "integration")
    assert float(spd["share"]) == pytest.approx(int(spd["count"]) / int(spd["n"]), abs=1e-4)


def test_json_parses(db: str) -> None:
    res = run("trends", "--db", db, "-f", "json", "-t", "integration", "-g", "afd", "-p", "half")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["report"] == "trends" and data["meta"]["period"] == "half"
    assert {r["group"] for r in data["rows"]} == {"AfD"}
    assert all(r["period"][4:6] == "-H" for r in data["rows"])


def test_markdown_table(db: str) -> None:
    res = run("actions", "--db", db, "-f", "md")
    assert res.exit_code == 0, res.output
    lines = res.stdout.splitlines()
    header = next(line for line in lines if line.startswith("| category"))
    assert "GRÜNE (n=" in header
    body = [line for line in lines if line.startswith("| review")]
    assert body and body[0].count("|") == header.count("|")


def test_table_shows_groups_and_notes(db: str) -> None:
    res = run("themes", "--db", db)
    assert res.exit_code == 0, res.output
    assert "Die Linke" in res.stdout and "counts for each" in res.stdout


def test_small_cells_are_marked_in_the_table(db: str) -> None:
    res = run(
        "themes", "--db", db, "--since", "2020-04", "--until", "2020-07", "--min-n", "3", "-f", "md"
    )
    assert res.exit_code == 0, res.output
    assert "*" in res.stdout and "fewer than 3" in res.stdout


@pytest.mark.parametrize("suffix", [".png", ".svg"])
@pytest.mark.parametrize(
    "args",
    [
        ["themes"],
        ["trends", "-t", "integration", "-g", "GRÜNE", "-g", "SPD", "-p", "quarter"],
        ["trends"],
        ["actions"],
        ["compare", "FDP", "Die Linke", "--min-n", "3"],
    ],
)
def test_plot_writes_a_picture(db: str, tmp_path: Path, suffix: str, args: list[str]) -> None:
    out = tmp_path / f"pic{suffix}"
    res = run(*args, "--db", db, "-f", "csv", "--plot", str(out))
    assert res.exit_code == 0, res.output
    assert out.stat().st_size > 1000
    head = out.read_bytes()[:8]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in out.read_bytes()[:400]
    assert f"wrote {out}" in res.stderr


def test_plot_with_unknown_suffix_is_one_line(db: str, tmp_path: Path) -> None:
    res = run("themes", "--db", db, "--plot", str(tmp_path / "x.gif"))
    assert res.exit_code == 1
    assert res.stderr.strip().count("\n") == 0 and ".png or .svg" in res.stderr


def test_missing_store_is_one_line_exit_1(tmp_path: Path) -> None:
    for cmd in (["themes"], ["trends"], ["actions"], ["compare", "A", "B"], ["drill"]):
        res = run(*cmd, "--db", str(tmp_path / "none.db"))
        assert res.exit_code == 1
        err = res.stderr.strip()
        assert err.startswith("error:") and "\n" not in err and "no such store" in err
        assert not (tmp_path / "none.db").exists()


def test_unknown_group_is_one_line(db: str) -> None:
    res = run("compare", "FDP", "Piraten", "--db", db)
    assert res.exit_code == 1
    assert "no such group" in res.stderr and "\n" not in res.stderr.strip()


def test_compare_cli_and_drill(db: str) -> None:
    res = run("compare", "fdp", "die linke", "--db", db, "-f", "json", "--min-n", "3")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    top = [r for r in data["rows"] if r["dimension"] == "term"][0]
    assert top["favours"] == "FDP" and top["z"] > 2
    res = run("drill", "--db", db, "-g", "FDP", "--term", top["item"], "-f", "csv")
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == top["count_a"] and all("FDP" in r["groups"] for r in rows)


def test_help_says_multi_group_motions_count_for_each() -> None:
    res = run("--help")
    assert "counts for each" in " ".join(res.stdout.split())
