"""Cold start of ``antragsradar tag``: the lemma index and what the tag path leaves unloaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import simplemma

from pipeline import lemmas

WORDS = [
    "Anträge",
    "Zuschüsse",
    "Integrationslotsen",
    "Haushaltsmittel",
    "beschlossen",
    "Bürger:innen",
    "Geflüchteten",
    "Radverkehrskonzeptes",
    "Ortschaftsräte",
]


def test_indexed_dictionary_gives_simplemmas_lemmas(tmp_path: Path) -> None:
    path = tmp_path / "de.sqlite"
    lemmas._write_index(path, {w.encode(): w.lower().encode() for w in ("Anträge", "Rat")})
    index = lemmas.IndexedDictionary(path)
    assert index.get("Anträge") == "anträge" and index.get("Antrag") is None
    assert len(index) == 2 and sorted(index) == ["Anträge", "Rat"]


def test_plain_copy_of_the_dictionary_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "de.forms"
    entries = {
        b"Antr\xc3\xa4ge": b"Antrag",
        b"Antrag": b"Antrag",
        b"Rat": b"Rat",
        b"R\xc3\xa4te": b"Rat",
    }
    lemmas._write_forms(path, entries)
    read = lemmas._read_forms(path)
    assert read == entries and list(read) == list(entries)
    path.write_bytes(path.read_bytes()[:-3])  # cut short: refused, and _load_all decodes again
    with pytest.raises(ValueError):
        lemmas._read_forms(path)


def test_lemmas_match_simplemma_through_the_index_and_in_memory(monkeypatch) -> None:
    assert [lemmas.lemmatize(w) for w in WORDS] == [
        simplemma.lemmatize(w, lang="de") for w in WORDS
    ]
    # past the switch, the same lemmas come from the dictionary in memory
    monkeypatch.setattr(lemmas, "SWITCH_TO_MEMORY", 0)
    lemmas._lemmatizer.cache_clear()
    lemmas._lemmatizer_factory.cache_clear()
    try:
        assert lemmas.lemmatize("Zuschüsse") == simplemma.lemmatize("Zuschüsse", lang="de")
        assert lemmas.lemmatize("Haushaltsmittel") == "Haushaltsmittel"
    finally:
        lemmas._lemmatizer.cache_clear()
        lemmas._lemmatizer_factory.cache_clear()


def test_unwritable_cache_falls_back_to_memory(tmp_path: Path, monkeypatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("ANTRAGSRADAR_CACHE", str(blocked / "cache"))
    d = lemmas.german_dictionary()
    assert not isinstance(d, lemmas.IndexedDictionary)
    assert d.get("Anträge") == "Antrag"


def test_tag_loads_no_training_or_plotting_libraries(tmp_path: Path) -> None:
    motion = tmp_path / "antrag.txt"
    motion.write_text(
        "Antrag: Sprachkurse für Geflüchtete\nDie Verwaltung wird beauftragt, ein Konzept "
        "für zusätzliche Deutschkurse vorzulegen. Mittel kommen aus dem Integrationsfonds.\n",
        encoding="utf-8",
    )
    code = (
        "import sys\n"
        "from pipeline.cli import app\n"
        "try:\n"
        f"    app(['tag', {str(motion)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = sorted(m for m in ('sklearn', 'scipy', 'matplotlib', 'joblib', 'pandas') "
        "if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert '"actions"' in proc.stdout
    assert "HEAVY []" in proc.stderr


@pytest.mark.slow  # builds the whole index (some seconds)
def test_damaged_index_is_built_again(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ANTRAGSRADAR_CACHE", str(tmp_path))
    lemmas._index_path().write_bytes(b"not a database")
    d = lemmas.german_dictionary()
    assert d.get("Anträge") == "Antrag"
    assert lemmas.IndexedDictionary(lemmas._index_path()).get("Anträge") == "Antrag"
