"""Titles of inputs without metadata come from the document's structure, never from a letterhead,
a Drucksache header or the list of submitters (texts written by us)."""

from __future__ import annotations

import pytest

from pipeline.ingest.textmeta import text_metadata

CASES = [
    (
        "Deutscher Bundestag Drucksache 21/9999\n21. Wahlperiode 12.05.2026\nKleine Anfrage\n"
        "der Abgeordneten Erika Muster, Max Beispiel, Dr. Anna Probe,\nJonas Test und der "
        "Fraktion DIE LINKE\nMietpreisbremse in Großstädten\nDie Mieten steigen seit Jahren.\n",
        "Mietpreisbremse in Großstädten",
    ),
    (
        "Bundesrat Drucksache 999/1/26\n12.05.26\nIn - R - Wi\nAntrag\nder Länder Hessen, "
        "Bayern\nEntschließung des Bundesrates zur Stärkung der Höhenwindenergie\n",
        "Entschließung des Bundesrates zur Stärkung der Höhenwindenergie",
    ),
    (
        "STADT MUSTERSTADT\nDer Oberbürgermeister\nANTRAG\nStadträtin Eva Beispiel (GRÜNE)\n"
        "vom 3. März 2026\nGremium: Gemeinderat\nNeue Bäume für den Marktplatz\n"
        "Wir beantragen: Die Verwaltung pflanzt zehn Bäume.\n",
        "Neue Bäume für den Marktplatz",
    ),
    (
        "Landtag Nordrhein-Westfalen\n18. Wahlperiode\nDrucksache 18/4321\nAntrag\nder Fraktion "
        "der FDP\nLehrkräftemangel entschlossen begegnen –\nmehr Seiteneinsteiger gewinnen\n",
        "Lehrkräftemangel entschlossen begegnen – mehr Seiteneinsteiger gewinnen",
    ),
    (
        "Haushaltsantrag Nr. 57 der SPD-Fraktion\nTeilhaushalt 05 Jugend, Produkt 3620 "
        "Jugendarbeit – Erhöhung des Zuschusses an den Stadtjugendring\n\nDer Rat möge "
        "beschließen:\nDer Ansatz wird um 40.000 Euro erhöht.\n",
        "Teilhaushalt 05 Jugend, Produkt 3620 Jugendarbeit – Erhöhung des Zuschusses an den "
        "Stadtjugendring",
    ),
]


@pytest.mark.parametrize(("text", "title"), CASES)
def test_title_from_structure(text, title):
    assert text_metadata(text)["title"] == title
