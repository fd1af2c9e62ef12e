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
    # a paper type with its legal basis is no title (a cover letter of the Cologne council)
    (
        "An den\nVorsitzenden des Ausschusses für Umwelt, Klima und Grün\nHerrn Ratsmitglied "
        "Thomas Berger\n\nAN/0412/2025\n\nAntrag gem. § 3 der Geschäftsordnung des Rates\n\n"
        "Sehr geehrter Herr Vorsitzender,\n\ndie Fraktionen von BÜNDNIS 90/DIE GRÜNEN und CDU "
        "bitten Sie, folgenden Antrag auf die Tagesordnung der Sitzung am 06.03.2025 zu setzen:"
        "\n\nEntsiegelung von Schulhöfen\n\nBeschluss:\nDer Ausschuss beauftragt die "
        "Verwaltung, ein Programm zu erarbeiten.\n",
        "Entsiegelung von Schulhöfen",
    ),
    # the title after the type's legal basis, or after "hier:"
    (
        "Fraktion BÜNDNIS 90/DIE GRÜNEN im Gemeinderat Ravensburg\n\nAnfrage nach § 24 Abs. 4 "
        "GemO: Schließtage und Notbetreuung in städtischen Kitas\n\nWir fragen die Verwaltung:"
        "\n1. An wie vielen Tagen waren die Kitas 2025 geschlossen?\n",
        "Schließtage und Notbetreuung in städtischen Kitas",
    ),
    (
        "SPD-Kreistagsfraktion\nLandkreis Musterland\n\nAntrag gemäß § 56 NKomVG\nhier: "
        "Resolution zur hausärztlichen Versorgung im ländlichen Raum\n\nDer Kreistag möge "
        "beschließen:\nDer Kreistag fordert das Land auf, mehr Studienplätze zu schaffen.\n",
        "Resolution zur hausärztlichen Versorgung im ländlichen Raum",
    ),
    # a form label alone on its line: the title is on the next
    (
        "Landeshauptstadt Stuttgart\nGemeinderat\n\nAntrag vom 12.05.2025\nNr. 187/2025\n\n"
        "Antragsteller/innen: Fraktion Bündnis 90/DIE GRÜNEN\n\nBetreff\nKostenloses Schwimmen "
        "für Kinder unter 14 Jahren\n\nDie Verwaltung wird beauftragt, Kindern freien Eintritt "
        "zu gewähren.\n",
        "Kostenloses Schwimmen für Kinder unter 14 Jahren",
    ),
    # a party's name alone, and the paper type with its meeting, are no title
    (
        "Fraktion im Rat der Stadt Essen\nDIE LINKE\n\nHaushaltsbegleitantrag zur Sitzung des "
        "Rates am 11.12.2024\n\nKommunales Hitzeschutzprogramm\n\nDer Rat der Stadt möge "
        "beschließen:\nDie Verwaltung wird beauftragt, ein Hitzeschutzprogramm aufzulegen.\n",
        "Kommunales Hitzeschutzprogramm",
    ),
    # the paper type with the budget it belongs to: the budget position is the title
    (
        "Kreistag Landkreis Göttingen\nSPD-Kreistagsfraktion\n\nHaushaltsantrag zum Haushalt "
        "2025\n\nProduktgruppe 36.10 – Förderung von Kindern in Tageseinrichtungen\nSachkonto "
        "5318000\n\nAntrag:\nDer Zuschuss für Sprachförderung wird um 250.000 Euro erhöht.\n",
        "Produktgruppe 36.10 – Förderung von Kindern in Tageseinrichtungen",
    ),
    # an advisory council's name is no title
    (
        "Integrationsrat der Stadt Bielefeld\n\nAntrag\nder Liste „Gemeinsam für Vielfalt“\n\n"
        "Mehrsprachige Informationen im Bürgeramt\n\nDer Integrationsrat bittet den Rat der "
        "Stadt Bielefeld, folgenden Beschluss zu fassen:\nDie Verwaltung wird beauftragt, "
        "Informationen in zehn Sprachen anzubieten.\n",
        "Mehrsprachige Informationen im Bürgeramt",
    ),
    # a faction's letterhead over two lines is seen whole, and the address block under it
    (
        "FWG-Fraktion und Bündnis 90/Die Grünen\nim Verbandsgemeinderat Musterau\n\nAn den "
        "Bürgermeister\nder Verbandsgemeinde Musterau\nHauptstraße 3\n55555 Musterau\n\n"
        "Antrag gemäß § 34 Abs. 5 GemO auf Aufnahme in die Tagesordnung\n\nÖrtliches "
        "Starkregenvorsorgekonzept\n\nDer Verbandsgemeinderat möge beschließen:\nDie "
        "Verwaltung erarbeitet ein Vorsorgekonzept.\n",
        "Örtliches Starkregenvorsorgekonzept",
    ),
    # the submitters' names with "und Fraktion" and a citizens' suggestion's legal basis
    (
        "Bayerischer Landtag\n19. Wahlperiode\nDringlichkeitsantrag\nder Abgeordneten Eva "
        "Muster, Max Beispiel,\nJonas Probe, Anna Test und Fraktion (FREIE WÄHLER)\n\n"
        "Hochwasserschutz ist Gemeinschaftsaufgabe\n\nDer Landtag wolle beschließen:\nDie "
        "Staatsregierung wird aufgefordert, zu berichten.\n",
        "Hochwasserschutz ist Gemeinschaftsaufgabe",
    ),
    (
        "Stadt Musterhausen\nDer Bürgermeister\n1187/2020-2025\n\nAnregung nach § 24 der "
        "Gemeindeordnung NRW\n\nFußgängerüberweg an der Kita Am Bach\n\nDie Unterzeichnenden "
        "regen an, einen Zebrastreifen einzurichten.\n",
        "Fußgängerüberweg an der Kita Am Bach",
    ),
    # the motion another one answers is no title; nor are committee abbreviations
    (
        "Schleswig-Holsteinischer Landtag\nDrucksache 20/3150\n20. Wahlperiode\n"
        "Alternativantrag\nder Fraktion der SPD\nzu „Hausärztliche Versorgung sichern“ "
        "(Drucksache 20/3102)\n\nHausärztliche Versorgung im ländlichen Raum stärken\n\nDer "
        "Landtag wolle beschließen:\nDie Landesregierung wird gebeten, zu berichten.\n",
        "Hausärztliche Versorgung im ländlichen Raum stärken",
    ),
    (
        "Bundesrat Drucksache 512/1/25\n03.11.25\n\nE m p f e h l u n g e n\nder Ausschüsse\n"
        "AV - R - U - Wi\nzu Punkt 12 der 1059. Sitzung\n\nEntschließung des Bundesrates zur "
        "Weitergabe von Lebensmitteln\n\nDer federführende Ausschuss empfiehlt dem Bundesrat, "
        "die Entschließung zu fassen.\n",
        "Entschließung des Bundesrates zur Weitergabe von Lebensmitteln",
    ),
    # a form's "Titel:" label alone, the title below it
    (
        "Stadt Musterstadt\nGemeinderat – Haushaltsberatungen 2025/2026\n\nHAUSHALTSANTRAG"
        "                      Nr. 63\n\nAntragsteller/in:         Fraktion Bündnis 90/Die Grünen\n"
        "                          Fraktionsgemeinschaft SPD/Kulturliste\nDatum:"
        "                    11.03.2025\n\nTitel:\nRadvorrangroute im Abschnitt Haslach "
        "vorziehen\n\nAntrag:\nDie Mittel werden vorgezogen.\n",
        "Radvorrangroute im Abschnitt Haslach vorziehen",
    ),
    # a party's motion number before the title
    (
        "BÜNDNIS 90/DIE GRÜNEN Niedersachsen\nLandesdelegiertenkonferenz, 15.–16. November "
        "2025\n\nV-07 Günstiges Azubi-Ticket für Niedersachsen\n\nAntragsteller*in: GRÜNE "
        "JUGEND\n\nDie LDK möge beschließen:\nDas Azubi-Ticket kostet 29 Euro.\n",
        "Günstiges Azubi-Ticket für Niedersachsen",
    ),
]


def test_a_group_name_is_no_title():
    text = (
        "Regionsversammlung der Region Hannover\nGruppe SPD/GRÜNE\n\nÄnderungsantrag\nzur "
        "Beschlussdrucksache 2345 (IV) BDs\n\nDie Beschlussvorlage wird wie folgt ergänzt:\n"
        "Ziffer 4 (neu): Die Buslinien fahren im 15-Minuten-Takt.\n"
    )
    assert "Gruppe" not in text_metadata(text)["title"]


@pytest.mark.parametrize(("text", "title"), CASES)
def test_title_from_structure(text, title):
    assert text_metadata(text)["title"] == title


@pytest.mark.parametrize(
    ("head", "paper_type"),
    [
        ("Bayerischer Landtag\n  A n t r a g\nder Fraktion der SPD\n", "Antrag"),
        ("Stadtverordnetenversammlung\nEtatantrag E 57\nder Fraktion Volt\n", "Haushaltsantrag"),
        (
            "Rat der Stadt\nÄnderungs- bzw. Zusatzantrag gem. § 13 GO\n",
            "Änderungs-/Ergänzungsantrag",
        ),
    ],
)
def test_paper_type_from_head(head, paper_type):
    assert text_metadata(head)["paper_type"] == paper_type
