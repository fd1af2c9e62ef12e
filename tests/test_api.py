"""The public Python API on realistic German motions (written by us)."""

from __future__ import annotations

import json

import pytest

from pipeline import api

MOTIONS = [
    "Antrag der SPD-Fraktion\nIntegrationslotsen für Geflüchtete\n\nDer Gemeinderat möge "
    "beschließen:\nDie Verwaltung wird beauftragt zu prüfen, wie Integrationslotsen in allen "
    "Stadtteilen eingesetzt werden können. Die Kosten von 80.000 Euro werden aus dem "
    "Integrationsfonds gedeckt.\n",
    "Anfrage der CDU-Fraktion\nRadverkehr in der Innenstadt\n\nWir fragen die Verwaltung:\n"
    "1. Wie viele Radunfälle gab es 2024 in der Innenstadt?\n2. Welche Radwege sind geplant?\n",
]


def test_analyze_texts_returns_the_tag_records():
    recs = api.analyze_texts(MOTIONS, ids=["a", "b"], model_dir=None)
    assert [r["id"] for r in recs] == ["a", "b"]
    assert recs[0]["actions"][0]["type"] == "review"
    assert any(f["amount_eur"] == 80000 for f in recs[0]["funding"])
    assert {a["type"] for a in recs[1]["actions"]} == {"inquiry"}
    json.dumps(recs, ensure_ascii=False)  # plain data
    with pytest.raises(api.InputError):
        api.analyze_texts(MOTIONS, ids=["only-one"])


def test_files_into_a_store_and_reports(tmp_path):
    for i, text in enumerate(MOTIONS):
        (tmp_path / f"m{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "kaputt.pdf").write_bytes(b"%PDF-1.4 not really")
    tagged = list(api.tag_files([tmp_path], model_dir=None))
    assert sum(isinstance(r, api.Failure) for r in tagged) == 1
    db = tmp_path / "m.db"
    summary = api.analyze_files([tmp_path], db, model_dir=None)
    assert summary.counts["new"] == 2 and summary.counts["failed"] == 1
    with api.open_store(db) as store:
        rows = store.actions(min_n=1).rows
        assert {r["category"] for r in rows} >= {"review", "inquiry"}
        assert store.drill(limit=5).rows
    with pytest.raises(api.StoreError):
        with api.open_store(tmp_path / "none.db"):
            pass


# A Landtag's Kleine Anfrage: one inquiry entry for its questions (ANNOTATION.md), the first
# question its evidence.
KLEINE_ANFRAGE = (
    "Sächsischer Landtag\nDrucksache 8/1234\n\nKleine Anfrage\nder Abgeordneten Maria Beispiel "
    "(BÜNDNIS 90/DIE GRÜNEN)\n\nThema: Unterrichtsausfall an Oberschulen im Landkreis Bautzen\n\n"
    "Ich frage die Staatsregierung:\n"
    "1. Wie viele Unterrichtsstunden sind im Schuljahr 2023/2024 an Oberschulen im Landkreis "
    "Bautzen ausgefallen?\n"
    "2. Welche Maßnahmen plant die Staatsregierung, um den Unterrichtsausfall zu verringern?\n"
    "3. Wie viele Vertretungslehrkräfte sind derzeit befristet beschäftigt?\n"
)


def test_an_inquiry_is_one_entry_for_its_questions():
    recs = api.analyze_texts([KLEINE_ANFRAGE], ids=["ka"], model_dir=None)
    (inq,) = recs[0]["actions"]
    assert inq["type"] == "inquiry"
    assert inq["evidence"].startswith("1. Wie viele Unterrichtsstunden")
    assert KLEINE_ANFRAGE[inq["start"] : inq["end"]] == inq["evidence"]


AMENDMENT = (
    "Änderungsantrag der Fraktion DIE LINKE zur Drucksache DS0312/25\n\n"
    "Der Stadtrat möge beschließen:\n"
    "Punkt 2 des Beschlussvorschlags erhält folgende Fassung: „Die Spielplätze in Cracau und "
    "Prester werden bis 2027 saniert.“\n"
    "Als neuer Punkt 4 wird eingefügt: „Bei jeder Sanierung wird ein inklusives Spielgerät "
    "aufgestellt.“\n"
    "Als neuer Punkt 5 wird eingefügt: „Der Oberbürgermeister berichtet dem Stadtrat jährlich "
    "über den Stand der Sanierungen und stellt dabei die Kosten je Spielplatz dar.“\n"
)


def test_each_action_type_is_listed_once():
    # ANNOTATION.md: "list each distinct one once"; the first request's entry stands for it
    (rec,) = api.analyze_texts([AMENDMENT], ids=["ae"], model_dir=None)
    types = [a["type"] for a in rec["actions"]]
    assert len(types) == len(set(types))
    assert "amend" in types
    (amend,) = [a for a in rec["actions"] if a["type"] == "amend"]
    assert amend["evidence"] in AMENDMENT.split("\n")[3]  # the first amended point
