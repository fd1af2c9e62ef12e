"""Human tables fit the terminal without splitting a word, show German theme labels and
German numbers; CSV and JSON stay machine formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report.numbers import de_eur, de_number, de_pct
from pipeline.report.render import table_text
from tests.test_report_fixtures import build_store

runner = CliRunner()
BOX = re.compile(r"[│┃]")

ANTRAG = """Antrag der Fraktion GRÜNE
Sanierung der Turnhalle Durlach
Der Gemeinderat möge beschließen:
Die Verwaltung wird beauftragt, die Turnhalle bis 2026 zu sanieren. Für die Sanierung werden
im Haushalt 2.500.000 Euro bereitgestellt; die Deckung erfolgt aus dem Sportstättenfonds.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_store(tmp_path_factory.mktemp("tables") / "store.db"))


def cells(text: str) -> list[list[str]]:
    """The cell texts of each line of a rich table."""
    return [
        [c.strip() for c in BOX.split(line)[1:-1]] for line in text.splitlines() if BOX.search(line)
    ]


def report(*args: str, columns: int = 80):
    return runner.invoke(app, ["report", *args], env={"COLUMNS": str(columns)})


def test_german_numbers():
    assert de_eur(2_500_000) == "2.500.000 €"
    assert de_eur(1234.5) == "1.234,50 €"
    assert de_pct(0.125) == "12,5 %" and de_pct(None) == "–"
    assert de_number(4512) == "4.512"


def test_actions_without_groups_fit_80_columns_and_split_no_header(db: str):
    r = report("actions", "--db", db)
    assert r.exit_code == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines() if BOX.search(line)) <= 80
    header_words = {w for row in cells(r.stdout)[:2] for c in row for w in c.split()}
    # every header word is whole: a group name, its n or the row title
    assert header_words <= {
        "category",
        "GRÜNE",
        "SPD",
        "AfD",
        "CDU",
        "FDP",
        "Die",
        "Linke",
        "(all)",
    } | {w for w in header_words if re.fullmatch(r"\(n=[\d.]+\)", w)}
    assert {"implement", "review", "named_fund"} <= {row[0] for row in cells(r.stdout)}
    assert "more columns do not fit 80 characters" in r.stdout and "--wide" in r.stdout


def test_wide_shows_every_group(db: str):
    narrow = report("actions", "--db", db)
    wide = report("actions", "--db", db, "--wide")
    assert wide.exit_code == 0, wide.stderr
    assert "do not fit" not in wide.stdout
    groups = {"GRÜNE", "SPD", "CDU", "FDP", "AfD"}
    shown = {w for row in cells(wide.stdout)[:2] for c in row for w in c.split()}
    assert groups <= shown
    assert len(cells(wide.stdout)[0]) > len(cells(narrow.stdout)[0])


def test_tables_show_german_labels_and_numbers_csv_and_json_ids(db: str):
    table = report("themes", "--db", db, columns=120)
    assert "Integration & Migration" in table.stdout and "integration " not in table.stdout
    assert re.search(r"\d+,\d % \(\d+\)", table.stdout)  # "50,0 % (16)"
    csv_out = report("themes", "--db", db, "-f", "csv").stdout
    assert ",integration," in csv_out and ",0.5," in csv_out and "%" not in csv_out
    data = json.loads(report("themes", "--db", db, "-f", "json").stdout)
    assert {r["theme"] for r in data["rows"]} >= {"integration"}
    assert all(isinstance(r["share"], float | None) for r in data["rows"])


def test_table_text_wraps_words_never_splits_them():
    header = ["id", "title", "funding"]
    rows = [
        [
            "vo/4711",
            "Barrierefreier Umbau der Bushaltestellen und Stadtbahnhaltestellen in Durlach",
            "budget_line 2.500.000 €, named_fund",
        ]
    ]
    text, dropped = table_text(header, rows, 50)
    assert not dropped and max(len(x) for x in text.splitlines()) <= 50
    words = {w for row in cells(text) for c in row for w in c.split()}
    assert "Stadtbahnhaltestellen" in words and "2.500.000" in words
    assert any("2.500.000 €" in " ".join(row) for row in cells(text))  # amount and unit together


def test_tag_table_respects_terminal_width_and_formats_amounts(tmp_path: Path):
    motion = tmp_path / "turnhalle.txt"
    motion.write_text(ANTRAG, encoding="utf-8")
    r = runner.invoke(app, ["tag", str(motion), "-f", "table"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.stderr
    assert max(len(line) for line in r.stdout.splitlines()) <= 80
    flat = " ".join(" ".join(row) for row in cells(r.stdout))
    assert "2.500.000 €" in flat and "2,500,000" not in flat
    theme_cells = [row[2] for row in cells(r.stdout)[1:] if len(row) > 2]
    assert re.search(r"[A-ZÄÖÜ][a-zäöüß]+.* \d,\d\d", " ".join(theme_cells))  # label and score
    rec = json.loads(runner.invoke(app, ["tag", str(motion)]).stdout)
    assert any(f["amount_eur"] == 2_500_000 for f in rec["funding"])
    assert all("id" in t and "label" in t for t in rec["themes"])
