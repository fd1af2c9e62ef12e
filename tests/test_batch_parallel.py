"""Batch runs: worker processes give the same store as one process, in any input order; a
re-run adds nothing; a changed text re-analyses just that motion."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.batch import analyze_into_store
from pipeline.cli import app
from pipeline.errors import AntragsradarError

FACTIONS = ["SPD", "CDU", "GRÜNE", "FDP", "DIE LINKE", "FW|FÜR Karlsruhe", "AfD"]
PLACES = ["Durlach", "Oststadt", "Mühlburg", "Neureut", "Grötzingen", "Südweststadt", "Rintheim"]
SUBJECTS = [
    ("Bushaltestellen", "barrierefrei umzubauen"),
    ("Radwege", "zu sanieren und sicher zu beleuchten"),
    ("Schulhöfe", "zu entsiegeln und zu begrünen"),
    ("Spielplätze", "mit Schattenplätzen auszustatten"),
    ("Straßenbäume", "zu pflanzen und zu bewässern"),
    ("Parkplätze", "in Fahrradstellplätze umzuwandeln"),
    ("Sporthallen", "energetisch zu sanieren"),
    ("Kitas", "um zusätzliche Gruppen zu erweitern"),
]
OPENINGS = [
    "Der Gemeinderat möge beschließen:",
    "Wir beantragen:",
    "Der Gemeinderat beschließt:",
]
ASKS = [
    "Die Verwaltung wird beauftragt, bis Ende {year} alle {subject} in {place} {verb}.",
    "Die Stadtverwaltung prüft, ob die {subject} in {place} {verb} sind, und berichtet dem "
    "Ausschuss.",
    "Die Verwaltung legt dem Gemeinderat ein Konzept vor, wie die {subject} in {place} {verb} "
    "wären.",
]
MONEY = [
    "Die Kosten von rund {amount} Euro werden aus dem Budget des Tiefbauamts finanziert.",
    "Dafür werden im Doppelhaushalt {amount} € zusätzlich bereitgestellt.",
    "Eventuell können Fördermittel des Landes in Höhe von {amount} Euro genutzt werden.",
    "",
]
REASONS = [
    "Menschen mit Rollator oder Kinderwagen kommen an vielen Stellen nicht weiter.",
    "Im Sommer heizen sich versiegelte Flächen stark auf; Bäume und Grün kühlen die Stadt.",
    "Die Zahl der Kinder im Stadtteil ist in den letzten Jahren deutlich gestiegen.",
    "Viele Bürger:innen haben sich bei der Bürgerversammlung dafür ausgesprochen.",
]


def motion_text(rng: random.Random, i: int) -> tuple[str, str]:
    subject, verb = rng.choice(SUBJECTS)
    place = rng.choice(PLACES)
    faction = rng.choice(FACTIONS)
    title = f"{subject} in {place} ({i})"
    ask = rng.choice(ASKS).format(
        year=rng.randint(2024, 2030), subject=subject, place=place, verb=verb
    )
    money = rng.choice(MONEY).format(amount=f"{rng.randint(1, 900) * 1000:,}".replace(",", "."))
    lines = [
        "STADT KARLSRUHE",
        f"ANTRAG der {faction}-Fraktion",
        "",
        title,
        "",
        rng.choice(OPENINGS),
        "",
        f"1. {ask}",
        f"2. {money}" if money else "2. Der Ausschuss wird über den Stand berichtet.",
        "",
        "Begründung:",
        " ".join(rng.sample(REASONS, 2)),
        "",
        f"gez. {faction}-Fraktion",
    ]
    return title, "\n".join(lines) + "\n"


def write_corpus(path: Path, n: int, seed: int = 7, order_seed: int | None = None) -> list[str]:
    """``n`` generated German motions as JSONL (one with empty text); returns the ids."""
    rng = random.Random(seed)
    records: list[dict[str, Any]] = []
    for i in range(n):
        title, text = motion_text(rng, i)
        records.append(
            {
                "id": f"gen/{i:04d}",
                "title": title,
                "date": f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "text": text,
            }
        )
    records[n // 2]["text"] = " "  # an unusable document: recorded as failed, the run goes on
    if order_seed is not None:
        random.Random(order_seed).shuffle(records)
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return [r["id"] for r in records]


# Columns that depend on the run, not on the analysis.
_RUN_COLUMNS = {"first_run", "last_run", "analysed_at"}


def store_content(db: Path) -> dict[str, list[tuple]]:
    """Everything the analysis put in the store, without run ids and timestamps, sorted."""
    con = sqlite3.connect(db)
    out: dict[str, list[tuple]] = {}
    for table in (
        "motions",
        "results",
        "motion_groups",
        "motion_themes",
        "actions",
        "funding",
        "failures",
    ):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
        keep = [c for c in cols if c not in _RUN_COLUMNS]
        rows = con.execute(f"SELECT {', '.join(keep)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    con.close()
    return out


def run(db: Path, corpus: Path, **kw: Any):
    kw.setdefault("model_dir", None)
    return analyze_into_store([corpus.name], db, **kw)


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Relative input paths, so that source_file is the same for corpora in other folders.
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "motions.jsonl"
    write_corpus(path, 60)
    return path


@pytest.fixture
def serial_db(corpus: Path, tmp_path: Path) -> Path:
    db = tmp_path / "serial.db"
    s = run(db, corpus, commit_every=7)
    assert s.counts["new"] == 59 and s.counts["failed"] == 1
    return db


def test_workers_give_the_same_store_in_any_input_order(
    serial_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    shuffled_dir = tmp_path / "shuffled"
    shuffled_dir.mkdir()
    write_corpus(shuffled_dir / "motions.jsonl", 60, order_seed=3)
    monkeypatch.chdir(shuffled_dir)
    db = tmp_path / "parallel.db"
    s = run(db, shuffled_dir / "motions.jsonl", workers=2, chunk_size=4, commit_every=5)
    assert s.counts["new"] == 59 and s.counts["failed"] == 1
    got, want = store_content(db), store_content(serial_db)
    # The reader names an unusable record by its position, which the shuffle changes.
    assert [f[:2] for f in got.pop("failures")] == [f[:2] for f in want.pop("failures")]
    assert got == want
    assert len({r["id"] for r in map(json.loads, _results(db))}) == 59


def _results(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    rows = [r for (r,) in con.execute("SELECT result FROM results ORDER BY motion_id")]
    con.close()
    return rows


def test_rerun_adds_nothing_and_a_changed_text_is_analysed_again(serial_db: Path, corpus: Path):
    before = store_content(serial_db)
    again = run(serial_db, corpus, workers=2, chunk_size=8)
    assert again.counts["unchanged"] == 59
    assert again.counts.get("new", 0) == 0 and again.counts.get("changed", 0) == 0
    assert store_content(serial_db) == before

    lines = corpus.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[10])
    rec["text"] = rec["text"].replace(
        "Begründung:", "Die Fraktion der GRÜNEN schließt sich an.\n\nBegründung:"
    )
    lines[10] = json.dumps(rec, ensure_ascii=False)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    third = run(serial_db, corpus, workers=2, chunk_size=8)
    assert third.counts["changed"] == 1 and third.counts["unchanged"] == 58
    after = store_content(serial_db)
    changed = [r for r in after["motions"] if r not in before["motions"]]
    assert [r[0] for r in changed] == [rec["id"]]
    con = sqlite3.connect(serial_db)
    (last_run,) = con.execute("SELECT last_run FROM motions WHERE id=?", (rec["id"],)).fetchone()
    assert last_run == third.run_id
    con.close()


def test_cli_workers_and_commit_every(corpus: Path, serial_db: Path, tmp_path: Path):
    db = tmp_path / "cli.db"
    result = CliRunner().invoke(
        app,
        [
            "analyze",
            corpus.name,
            "--db",
            str(db),
            "--no-themes",
            "--workers",
            "2",
            "--commit-every",
            "9",
            "--json",
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["counts"]["new"] == 59
    assert store_content(db) == store_content(serial_db)


def test_worker_start_errors_are_reported_once(corpus: Path, tmp_path: Path):
    with pytest.raises(AntragsradarError):
        run(tmp_path / "x.db", corpus, workers=2, model_dir=tmp_path / "no-such-model")


def test_one_bad_motion_fails_alone_in_a_worker_chunk():
    from spacy.language import Language

    from pipeline.analyze import Analyzer
    from pipeline.record import Failure, Motion

    if "test_boom" not in Language.factories:

        @Language.component("test_boom")
        def boom(doc):
            if "BOOM" in doc.text:
                raise RuntimeError("component exploded")
            return doc

    class Themes:  # fails for a whole batch that holds the bad text
        card: dict = {}

        def predict(self, texts, extras):
            if any("KAPUTT" in t for t in texts):
                raise ValueError("theme model exploded")
            return [[] for _ in texts]

    a = Analyzer(None)
    a.nlp.add_pipe("test_boom")
    a.themes = Themes()
    texts = ["Der Gemeinderat möge beschließen.", "BOOM", "KAPUTT", "", "Wir beantragen Bäume."]
    motions = [Motion(id=f"m{i}", text=t) for i, t in enumerate(texts)]
    got = a.analyze_chunk(motions)
    assert [isinstance(r, Failure) for r in got] == [False, True, True, True, False]
    assert [r["id"] for r in got if isinstance(r, dict)] == ["m0", "m4"]
    assert "component exploded" in got[1].reason and "theme model exploded" in got[2].reason
    assert got[3].reason.startswith("no usable text")
