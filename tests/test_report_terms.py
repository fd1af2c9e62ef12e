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
    t = terms.shared_terms()
    names: set[str] = set()
    body = t.strip_letterhead(LETTER, names=names)
    assert "Stadträtin" not in body and "Unterzeichnet" not in body
    assert "Petra Lindner" not in body
    assert "Begründung" in body and "Durlacher Allee" in body  # the section ends the block
    assert {"Anna", "Weber", "Jonas", "Krüger", "Petra", "Lindner"} <= names
    counts = t.terms_of("Sichere Radwege", body)
    assert counts["radweg"] == 4  # title, heading, request, reason
    assert "weber" not in counts


def test_changing_a_rule_in_the_file_changes_what_is_left_out(tmp_path: Path) -> None:
    data = json.loads(terms.RULES_FILE.read_text(encoding="utf-8"))
    data["councillor_line"] = "(?i)^\\s*gez\\."  # councillor lines no longer recognised
    data["version"] = "test"
    path = tmp_path / "terms.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = terms.Terms.load(path)
    assert "Stadträtin Anna Weber" in changed.strip_letterhead(LETTER)
    assert changed.version.startswith("test:")
    assert "Stadträtin Anna Weber" not in terms.shared_terms().strip_letterhead(LETTER)


def test_stop_words_are_the_terms_own(tmp_path: Path) -> None:
    # Each Terms keeps its own word -> term memo: other stop words give other terms.
    stop = tmp_path / "stop.txt"
    stop.write_text("radweg  # as a stop word\n", encoding="utf-8")
    shipped, own = terms.shared_terms(), terms.Terms.load(stopwords_file=stop)
    text = "Die Radwege in der Oststadt sollen sicherer werden."
    assert shipped.terms_of("", text)["radweg"] == 1
    assert "radweg" not in own.terms_of("", text)
    assert own.terms_of("", text)["oststadt"] == 1
    assert own.version != shipped.version


def test_lemmas_from_workers_serve_the_index() -> None:
    # The lemmas a worker sends are what indexing in the main process then uses.
    t = terms.Terms.load()
    t.add_lemmas({"Radwegen": "fahrradweg"})  # a marker only this cache can know
    assert t.terms_of("", "Mehr Radwegen")["fahrradweg"] == 1
    assert terms.Terms.load().terms_of("", "Mehr Radwegen")["radweg"] == 1


def test_index_lemmas_sends_each_word_once() -> None:
    from pipeline.record import Motion

    hook = terms.IndexLemmas()
    m = Motion(id="a", text="Sichere Radwege für die Kaiserallee", title="Radwege")
    first = hook.in_worker([m], [{"id": "a"}])  # type: ignore[list-item]
    assert first["Radwege"] == "radweg" and first["Kaiserallee"] == "kaiserallee"
    assert hook.in_worker([m], [{"id": "a"}]) == {}  # type: ignore[list-item]
    assert terms.IndexLemmas().in_worker([m], [{"id": "a"}]) == first  # type: ignore[list-item]
