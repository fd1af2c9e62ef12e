from __future__ import annotations

import pytest

from pipeline.ingest.textmeta import guess_date, guess_paper_type, guess_title, text_metadata

HEAD = (
    "1234 (V) HHA\n\nHaushaltsantrag öffentlich\n\n"
    "Haushaltsbegleitantrag - Radverkehrskonzept fortschreiben Antrag der Fraktion CDU vom 3. März 2023\n\n"
    "Datum 07.03.2023\n"
)


def test_budget_motion_head():
    meta = text_metadata(HEAD)
    assert meta == {
        "title": "Radverkehrskonzept fortschreiben",
        "date": "2023-03-07",
        "paper_type": "Haushaltsbegleitantrag",
    }


@pytest.mark.parametrize(
    "head,date",
    [
        ("ANTRAG\nSPD-Fraktion\nvom 02.02.2016\nGremium: Gemeinderat", "2016-02-02"),
        ("Antrag der Fraktion vom 12. November 2024", "2024-11-12"),
        ("Sitzung am 31.13.2024 und am 05.06.2021", "2021-06-05"),
        ("Haushalt 2024/2025, Seite 12", None),
        # the letterhead's date, not a law's or a deadline further down
        (
            "Deutscher Bundestag Drucksache 21/226\n21. Wahlperiode 20.05.2025\nAntrag\n"
            "Mit dem Gesetz (BGBl. 2024 I Nr. 323 vom 29.10.2024) wurden die Fristen verkürzt.",
            "2025-05-20",
        ),
        (
            "LANDTAG NORDRHEIN-WESTFALEN Drucksache 18/9876\n14. 05. 2024\nAntrag der Fraktion\n"
            "Die Landesregierung wird beauftragt, bis zum 30. Juni 2025 zu berichten.",
            "2024-05-14",
        ),
        (
            "Antrag\nAm 1. Januar 2024 trat die letzte Änderung in Kraft.\nDatum: 05.02.2025",
            "2025-02-05",
        ),
        # the Bundesrat dates its Drucksachen "dd.mm.yy" on a line of their own
        (
            "Bundesrat Drucksache 123/25\n\n14.03.25\n\nEntschließungsantrag\ndes Landes "
            "Niedersachsen\nDer Bundesregierung wird gebeten, bis zum 31. Dezember 2025 zu berichten.",
            "2025-03-14",
        ),
        # ... or in the right-hand column of a two-column letterhead (Hamburg's Bürgerschaft)
        (
            "BÜRGERSCHAFT DER FREIEN UND HANSESTADT HAMBURG     Drucksache 23/1234\n23. Wahlperiode"
            "                                     04.06.25\n\nAntrag\nDer Senat wird ersucht, "
            "der Bürgerschaft bis zum 31. Dezember 2025 zu berichten.",
            "2025-06-04",
        ),
        # a convention of two days is dated by its first
        ("CDU Deutschlands\n38. Parteitag, 9. und 10. Mai 2026, Berlin\nAntrag C 43", "2026-05-09"),
        ("Landesparteitag Erfurt, 14./15.03.2025\nAntrag L-07", "2025-03-14"),
        ("Bundesdelegiertenkonferenz\n21.–23. November 2025\nAntrag WP-01", "2025-11-21"),
        # ISO dates, as the Schleswig-Holstein Landtag and council exports write them; not
        # inside a file number
        (
            "Schleswig-Holsteinischer Landtag\n20. Wahlperiode                 2025-04-22\n"
            "Alternativantrag der Fraktion der SPD",
            "2025-04-22",
        ),
        ("Antrag\nAktenzeichen 61/2025-04-22-7\nDer Rat möge beschließen:", None),
        # a two-digit year inside a line is not read ("Tagesordnungspunkt 3.12.24")
        ("Antrag zu Tagesordnungspunkt 3.12.24 der Sitzung", None),
        # the deadline for motions, labelled in a convention's form, is not the motion's date
        (
            "Antrag P-09\nTyp:          Policy-Antrag\nAntragsfrist: 31.01.2027\n"
            "Kassel, 12.01.2027\n",
            "2027-01-12",
        ),
        ("Antrag A-3\nAntragsschluss:  15.09.2026\nTitel: Mehr Radwege\n", None),
    ],
)
def test_dates(head, date):
    assert guess_date(head) == date


@pytest.mark.parametrize(
    ("head", "paper_type"),
    [
        (
            "Bundesrat Drucksache 123/25\n14.03.25\nEntschließungsantrag\ndes Landes Hessen",
            "Antrag",
        ),
        ("Einwohnerantrag nach § 20b GemO\nAn den Gemeinderat der Stadt Konstanz", "Antrag"),
        ("Schriftliche Anfrage\ndes Abgeordneten Max Muster (SPD)", "Anfrage"),
        # a Land's bill put to the Bundesrat
        ("Bundesrat Drucksache 312/26\n\nGesetzesantrag\ndes Landes Bremen", "Antrag"),
        # a heading in spaced letters of two words; the Begründung's "Antrag" comes later
        (
            "LANDTAG RHEINLAND-PFALZ\n19. Wahlperiode   Drucksache 19/1123\n\n"
            "G r o ß e   A n f r a g e\n\nder Fraktion der CDU\n\nFrauenhäuser\n\n"
            "Den Antrag der Landesregierung zur Förderung begrüßen wir.",
            "Anfrage",
        ),
        ("K l e i n e  A n f r a g e\nder Abgeordneten Eva Beispiel (SPD)\n", "Anfrage"),
    ],
)
def test_paper_types_of_parliaments_and_citizens(head, paper_type):
    assert guess_paper_type(head) == paper_type


def test_paper_type_most_specific_and_none():
    assert guess_paper_type("ÄNDERUNGSANTRAG\nGRÜNE") == "Änderungsantrag"
    assert guess_paper_type("Kleine Anfrage der Gruppe") == "Anfrage"
    assert guess_paper_type("Protokoll der Sitzung") is None


def test_title_falls_back_to_first_line():
    assert (
        guess_title("Mehr Grün für Schulhöfe\n\nDer Rat möge beschließen …", None)
        == "Mehr Grün für Schulhöfe"
    )


@pytest.mark.parametrize(
    "text,title",
    [
        (
            "Stadt Eberswalde\nDie Stadtverordnetenversammlung\n"
            "Betreff: Einführung eines Bürgerbudgets ab 2026\n\nBeschlussvorschlag:\n"
            "Die Stadt führt ein Bürgerbudget ein.\n",
            "Einführung eines Bürgerbudgets ab 2026",
        ),
        (
            "SÄCHSISCHER LANDTAG\nKleine Anfrage\ndes Abgeordneten Max Mustermann (BSW)\n\n"
            "Thema: Unterrichtsausfall an Oberschulen\n\nIch frage die Staatsregierung:\n"
            "1. Wie viele Stunden sind ausgefallen?\n",
            "Unterrichtsausfall an Oberschulen",
        ),
        # Markdown pasted from a website; an agenda label
        (
            "# Antrag\n\n**Barrierefreier Ausbau aller Bushaltestellen bis 2030**\n\n"
            "## Beschlussvorschlag\n\nDie Verwaltung wird beauftragt, alle Haltestellen bis "
            "2030 barrierefrei umzubauen.\n",
            "Barrierefreier Ausbau aller Bushaltestellen bis 2030",
        ),
        (
            "Stadt Bochum\nDer Rat\n\nTOP: Schulsozialarbeit an Bochumer Grundschulen sichern\n\n"
            "Der Rat möge beschließen:\nDie Verwaltung stellt zehn Stellen bereit.\n",
            "Schulsozialarbeit an Bochumer Grundschulen sichern",
        ),
        # Lübeck's subject line names the submitters first; a bill's title its Drucksache
        (
            "Hansestadt Lübeck\nBürgerschaft\n\nBetreff: Antrag der Fraktion BÜNDNIS 90/DIE "
            "GRÜNEN und der SPD-Fraktion: Öffentliche Trinkwasserbrunnen in der Altstadt\n\n"
            "Die Bürgerschaft möge beschließen:\nDer Bürgermeister lässt Brunnen aufstellen.\n",
            "Öffentliche Trinkwasserbrunnen in der Altstadt",
        ),
        (
            "Landtag des Saarlandes\nDrucksache 17/1250\n\nAbänderungsantrag\nder "
            "CDU-Landtagsfraktion\n\nGesetz zur Änderung des Saarländischen "
            "Kinderbetreuungsgesetzes (Drucksache 17/1201)\n\nDer Landtag wolle beschließen:\n",
            "Gesetz zur Änderung des Saarländischen Kinderbetreuungsgesetzes",
        ),
        # a faction's compound name before the colon; the budget block before "hier:" and the
        # budget position after the title; the amended paper after it; a motion book's code
        (
            "Landkreis Lörrach\nKreistag\n\nBetreff: Anfrage der SPD-Kreistagsfraktion: "
            "Wartezeiten in der Ausländerbehörde\n\nWir bitten um Beantwortung der Fragen:\n",
            "Wartezeiten in der Ausländerbehörde",
        ),
        (
            "BAYERISCHER LANDTAG\n\nÄnderungsantrag\nder Fraktion FREIE WÄHLER\n\nBetreff: "
            "Haushaltsplan 2026/2027; hier: Musikschulen im ländlichen Raum fördern (Kap. 05 "
            "12 Tit. 684 01)\n\nDer Landtag wolle beschließen:\n",
            "Musikschulen im ländlichen Raum fördern",
        ),
        (
            "Stadt Cottbus\nStadtverordnetenversammlung\n\nBetreff: Jugendbeirat stärken "
            "(Änderungsantrag zum Antrag DS 26/0815)\n\nDer Antrag wird wie folgt geändert:\n",
            "Jugendbeirat stärken",
        ),
        (
            "Landesparteitag 2026\n\nV-02-114 Schulbusse im ländlichen Raum\n\nAntragsteller: "
            "Kreisverband Prignitz\n\nDer Landesparteitag möge beschließen:\n",
            "Schulbusse im ländlichen Raum",
        ),
        # an amendment's reference to the paper it amends, by its number and quoted title
        (
            "Stadt Hanau\nStadtverordnetenversammlung\n\nÄnderungsantrag der SPD-Fraktion\n"
            "zur Magistratsvorlage 2026-44 „Sanierung der Turnhalle Kesselstadt“\n\n"
            "Die Stadtverordnetenversammlung möge beschließen:\n",
            "Sanierung der Turnhalle Kesselstadt",
        ),
        # the paper type alone on the line above a title that opens with "zur"
        (
            "CDU-Ratsfraktion Bielefeld                    Bielefeld, 28.10.2026\n"
            "Rat der Stadt Bielefeld\n\nÄnderungsantrag\nzur Vorlage 2417/2025 "
            "Gebührenordnung Bewohnerparken\n\nBeschlussvorschlag:\n"
            "Der Beschlussvorschlag der Verwaltung wird um folgende Ziffer ergänzt:\n",
            "Änderungsantrag zur Vorlage 2417/2025 Gebührenordnung Bewohnerparken",
        ),
        # a form field is no title; the agenda item and the amended paper are no part of it
        (
            "Verbandsgemeinde Bad Ems-Nassau\n- Sitzungsdienst -\n\nVorlage Nr.: VG/2026/118-1"
            "                     Datum: 02.06.2026\nArt: Änderungsantrag                     "
            "      öffentlich\n\nÄnderungsantrag der FWG-Fraktion im Verbandsgemeinderat\nzu TOP "
            "7: Fortschreibung der Feuerwehrbedarfsplanung 2026–2031\n(Beschlussvorlage "
            "VG/2026/118)\n\nDer Verbandsgemeinderat möge beschließen:\nZiffer 3 wird wie folgt "
            "geändert:\n",
            "Fortschreibung der Feuerwehrbedarfsplanung 2026–2031",
        ),
        # a form's "Antragstitel:", a budget list's number
        (
            "FDP Baden-Württemberg\nLandesparteitag Fellbach\n\nAntragsnummer:   LPT-27-14\n"
            "Antragstitel:    Ein Bürgerkonto für alle Landesdienste\n\n"
            "Der Landesparteitag möge beschließen:\n",
            "Ein Bürgerkonto für alle Landesdienste",
        ),
        (
            "CSU-Stadtratsfraktion Landshut\n\nHaushaltsanträge 2027\n\nNr. 04 – Neue "
            "Beleuchtung am Eisstadion\n\nDer Stadtrat möge beschließen:\n",
            "Neue Beleuchtung am Eisstadion",
        ),
    ],
)
def test_a_title_line_loses_its_form_label(text, title):
    assert guess_title(text, None) == title


@pytest.mark.parametrize(
    ("head", "tail", "date"),
    [
        # a deadline in the request is no date of the motion's: none rather than a wrong one
        (
            "Stadt Weimar – Stadtrat\nDrucksache Nr. 2026/013\n\nGedenkort\n\nBeschlussvorschlag:\n"
            "Am ehemaligen Standort wird bis zum\n8. Mai 2028 ein Gedenkort eingerichtet.",
            "",
            None,
        ),
        (
            "Die Staatsregierung wird ersucht,\n1. dem Landtag bis zum 31. Dezember 2026 einen "
            "Bericht vorzulegen;\n2. ab dem 1. Januar 2027 die Förderung fortzusetzen.",
            "",
            None,
        ),
        # the session's date yields to the letterhead's date below it
        (
            "CDU-Fraktion im Ortsbeirat Gonsenheim\n\nAntrag zur Sitzung des Ortsbeirates am "
            "14.05.2025\n\nMainz, 29.04.2025\n\nParkraum am Juxplatz",
            "",
            "2025-04-29",
        ),
        (
            "Betreff: Sportstätten sanieren\nBeratungsfolge:\nAusschuss für Sport     03.06.2026\n"
            "Stadtverordnetenversammlung     18.06.2026\n\nDarmstadt, 12.05.2026",
            "",
            "2026-05-12",
        ),
        # a meeting's date where the head gives no other; a law's date below does not count
        (
            "Gremium Termin TOP ö nö\nGemeinderat 14.03.2017 4\n\nBegründung: Mit Beschluss vom\n"
            "15. November 2016 hat der Gemeinderat entschieden …",
            "",
            "2017-03-14",
        ),
        # the place and date above the signature, where the head has none of its own
        (
            "Fraktion BÜNDNIS 90/DIE GRÜNEN im Sächsischen Landtag\n\nEntschließungsantrag\n\n"
            "Der Landtag möge beschließen: …",
            "… und bitten um Zustimmung.\n\nDresden, 11. November 2027\n\ngez. Jana Beispiel",
            "2027-11-11",
        ),
        # labels with their values set far apart; a convention of several days is its meeting
        ("Antrag A 7\nDatum:                      12.05.2026\nVorlage 2026/0188", "", "2026-05-12"),
        (
            "Landesparteitag, Chemnitz, 20. November 2027\nAntrag L 3\nEingang:   29.09.2027",
            "",
            "2027-09-29",
        ),
        (
            "Ordentlicher Bundesparteitag der SPD\n3. bis 5. Dezember 2027 · Berlin\n\n"
            "Antrag D 7\nAntragsteller: Bezirk Hessen-Nord\nEingegangen: 17.09.2027",
            "",
            "2027-09-17",
        ),
        (
            "Bundeskongress der Jusos\nMagdeburg, 26.–28. November 2027\nAntrag G 4",
            "",
            "2027-11-26",
        ),
        # the convention "am" its day is its meeting; the letter's date follows
        (
            "CDU Rhein-Sieg\n- Kreisverband -\n\nKreisparteitag am Samstag, 17. Juni 2028, "
            "Stadthalle Troisdorf\n\n                         Siegburg, 6. Mai 2028\nAntrag des "
            "CDU-Stadtverbandes Hennef",
            "",
            "2028-05-06",
        ),
    ],
)
def test_the_motions_own_date(head, tail, date):
    assert guess_date(head, tail) == date


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a subject broken over two lines, its paragraph ending after the second
        (
            "Bezirksversammlung Altona\n\nBetreff: Sondermittel für einen barrierefreien Zugang "
            "zum Nachbarschaftstreff\nBahrenfelder Höfe\n\nDie Bezirksversammlung möge "
            "beschließen:",
            "Sondermittel für einen barrierefreien Zugang zum Nachbarschaftstreff Bahrenfelder Höfe",
        ),
        (
            "Stadtrat Ingolstadt\n\nResolution: Halbstundentakt auf der Bahnstrecke Ingolstadt – "
            "Eich-\nstätt – Treuchtlingen\n\nDer Stadtrat fordert den Freistaat auf, …",
            "Halbstundentakt auf der Bahnstrecke Ingolstadt – Eichstätt – Treuchtlingen",
        ),
        # hard negative: the submitter under the subject is no part of it
        (
            "Ortschaftsrat Wolfartsweier\n\nBetreff: Trinkbrunnen\nFDP-Ortschaftsratsfraktion\n\n"
            "Der Ortschaftsrat möge beschließen:",
            "Trinkbrunnen",
        ),
    ],
)
def test_a_subject_goes_on_in_its_next_line(text, title):
    assert text_metadata(text)["title"] == title


def test_a_motion_number_is_no_title():
    text = (
        "Stadt Chemnitz\nStadtrat\n\nAntrag-Nr.: A-041/2026\n\nBetreff: Mehr Sicherheit an der "
        "Zentralhaltestelle\n\nDer Stadtrat möge beschließen:"
    )
    assert text_metadata(text)["title"] == "Mehr Sicherheit an der Zentralhaltestelle"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a contact line, an administration's letterhead, a submitter line and an amendment's
        # first instruction are never the title
        (
            "CDU-Fraktion im Kreistag Emsland\nOrdeniederung 1 | 49716 Meppen\n"
            "Tel. 05931 44-0000 | cdu-fraktion@kreistag-emsland.example\n\nAn den\n"
            "Landrat des Landkreises Emsland\n49716 Meppen\n"
            "                                                 Meppen, den 05.10.2026\n\n"
            "ANFRAGE\ngemäß § 10 der Geschäftsordnung für den Kreistag\n\n"
            "Hausarztversorgung – offene Sitze im Nordkreis\n\n"
            "zur Sitzung des Kreistages am 01.12.2026\n",
            "Hausarztversorgung – offene Sitze im Nordkreis",
        ),
        (
            "ORTSGEMEINDE HOLZHEIM\nVerbandsgemeinde Diez\n\nOrtsgemeinderat Holzheim\n"
            "Sitzung am 10.02.2027, TOP 4\n\nÄnderungsantrag der FWG-Fraktion\n"
            "zur Beschlussvorlage Nr. 2027/012 „Spielplatz am Backes“\n\n"
            "Holzheim, 01.02.2027\n\nSehr geehrter Herr Ortsbürgermeister,\n",
            "Spielplatz am Backes",
        ),
        # a motion book's page header, section, number and recipient are no title; the title
        # stands on the first numbered line
        (
            "Landesparteitag der SPD Hessen · Wetzlar, 14. Mai 2027                 Seite 12\n"
            "Antragsbereich S – Soziales und Gesundheit\n\nAntrag S 4\n\n"
            "Antragsteller:   Unterbezirk Marburg-Biedenkopf\n"
            "Empfänger:       SPD-Landtagsfraktion Hessen\n\n"
            " 1   Gemeindeschwestern für jedes Dorf\n 2\n 3   Die SPD-Landtagsfraktion setzt "
            "sich dafür ein, dass das Land die Stellen fördert.\n",
            "Gemeindeschwestern für jedes Dorf",
        ),
        # the legal basis of an inquiry ends at no hyphen inside a word; the title below it
        (
            "CDU-Fraktion im Kreistag des Rhein-Erft-Kreises\n\nRhein-Erft-Kreis\nHerrn "
            "Landrat\n                                          Bergheim, 2. März 2027\n\n"
            "Anfrage gemäß § 11 der Geschäftsordnung für den Kreistag des Rhein-Erft-Kreises\n"
            "zur Sitzung des Schulausschusses am 16.03.2027\n\nSchulbusse im Kreisnorden\n\n"
            "Sehr geehrter Herr Landrat,\n",
            "Schulbusse im Kreisnorden",
        ),
        # a "hier:" line that names the paper, not its subject
        (
            "Region Hannover                                   Änderungsantrag\n"
            "                                                  Nr. 0512 (V) ÄA\n\n"
            "Fraktionen der CDU und der FDP\nin der Regionsversammlung\n\n"
            "Betreff: Nahverkehrsplan 2028 der Region Hannover\n"
            "hier: Änderungsantrag der Fraktionen CDU und FDP\n\nAntrag\n",
            "Nahverkehrsplan 2028 der Region Hannover",
        ),
    ],
)
def test_letterhead_and_contact_lines_are_no_title(text, title):
    assert guess_title(text, None) == title
