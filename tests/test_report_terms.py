"""The term rules come from corpus/patterns/report/terms.json and do what its _doc says."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.paths import PATTERNS_DIR
from pipeline.report import terms

LETTER = """Gemeinsamer Antrag: Sichere Radwege in der Oststadt
Stadträtin Anna Weber
Stadtrat Jonas Krüger
Der Gemeinderat möge beschließen: Die Verwaltung wird beauftragt, auf der Durlacher Allee
sichere Radwege einzurichten.
Unterzeichnet von:
Anna Weber, Jonas Krüger und Dr. Petra Lindner
Begründung
Die Radwege fehlen seit Jahren."""


def test_the_rules_file_sits_apart_from_the_analysis_rules() -> None:
    # The analysis version hashes corpus/patterns/*.json: the term rules must not re-analyse
    # every stored motion when they change (the term index has its own version).
    assert terms.RULES_FILE.parent != PATTERNS_DIR
    assert terms.RULES_FILE.parent.parent == PATTERNS_DIR
    assert not list(PATTERNS_DIR.glob("terms.json"))


def test_letterhead_names_and_signature_are_left_out() -> None:
    names: set[str] = set()
    body = terms.strip_letterhead(LETTER, names=names)
    assert "Stadträtin" not in body and "Unterzeichnet" not in body
    assert "Petra Lindner" not in body
    assert "Begründung" in body and "Durlacher Allee" in body  # the section ends the block
    assert {"Anna", "Weber", "Jonas", "Krüger", "Petra", "Lindner"} <= names
    counts = terms.terms_of("Sichere Radwege", body)
    assert counts["radweg"] == 4  # title, heading, request, reason
    assert "weber" not in counts


def test_changing_a_rule_in_the_file_changes_what_is_left_out(tmp_path: Path, monkeypatch) -> None:
    data = json.loads(terms.RULES_FILE.read_text(encoding="utf-8"))
    data["councillor_line"] = "(?i)^\\s*gez\\."  # councillor lines no longer recognised
    data["version"] = "test"
    path = tmp_path / "terms.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(terms, "RULES_FILE", path)
    terms.rules.cache_clear()
    try:
        assert "Stadträtin Anna Weber" in terms.strip_letterhead(LETTER)
        assert terms.index_version().startswith("test:")
    finally:
        monkeypatch.undo()
        terms.rules.cache_clear()
    assert "Stadträtin Anna Weber" not in terms.strip_letterhead(LETTER)
