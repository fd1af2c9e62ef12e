"""Submitting groups read from letterheads and submitter lines of councils, Kreistage, Landtage,
the Bundesrat and party conventions; the letterheads are written for these tests. Each case
pairs what should be found with what should not (an addressee, another paper's submitter, a
committee, a person, the body itself, a signature)."""

from __future__ import annotations

import pytest

from pipeline.extract import add_extractors
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion

BODY = "\nDer Rat möge beschließen:\nDie Verwaltung wird beauftragt, einen Bericht vorzulegen.\n"


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp())


def groups(nlp, head: str, title: str = "Mehr Bäume") -> list[str]:
    motion = Motion(id="test:1", text=head + BODY, title=title, paper_type="Antrag")
    return next(nlp.pipe([make_motion_doc(nlp, motion)]))._.groups


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # a local list the alias list cannot know, cut at the body; the addressee names none
        (
            "Fraktion Die Unabhängigen im Rat der Stadt Lüneburg\n"
            "An den Oberbürgermeister\nAm Ochsenmarkt 1\n21335 Lüneburg\n",
            ["Die Unabhängigen"],
        ),
        ("Wählergemeinschaft Bürger für Lindau im Stadtrat Lindau\n", ["Bürger für Lindau"]),
        # a list in a city district's council, its place after the compound; the district's
        # factions together name no group "Mühlhausen"
        (
            "Stadt Heidelberg\nBezirksbeirat Handschuhsheim\n\nAntrag\n\n"
            "GAL-Bezirksbeiratsfraktion Handschuhsheim\n\nvom: 12.03.2027\n",
            ["GAL"],
        ),
        (
            "Stadt Karlsruhe\nOrtsverwaltung Durlach\n\nAntrag\n\n"
            "BfD-Ortschaftsratsfraktion Durlach\n\nvom: 24.01.2027\n",
            ["BfD"],
        ),
        # two members of an association's assembly name no group
        (
            "Zweckverband Verkehrsverbund Musterland\nVerbandsversammlung\n\nAntragsteller: "
            "Verbandsrätin Jana Beispiel und Verbandsrat Uwe Muster\n",
            [],
        ),
        (
            "Stadt Karlsruhe\n\nInterfraktioneller Antrag der Ortschaftsratsfraktionen "
            "Mühlhausen\n\nvom: 24.01.2027\n",
            [],
        ),
        (
            "BfW-Fraktion im Kreistag des Lahn-Dill-Kreises\n"
            "An den Vorsitzenden des Ausschusses für Schule und Bildung\n",
            ["BfW"],
        ),
        ("Ratsgruppe Gemeinsam für Solingen\nSolingen, 04.02.2026\n", ["Gemeinsam für Solingen"]),
        ("Antrag der Fraktion PRO Bürger\nVorlage Nr. 2026/0117\n", ["PRO Bürger"]),
        # a list of factions; a name in quotes; the sender's address or the date after the name
        (
            "Gemeinsamer Antrag der Fraktionen SPD, Volt und Die Unabhängigen\n",
            ["SPD", "Volt", "Die Unabhängigen"],
        ),
        ("Große Anfrage der Fraktion „Wir für Musterstadt“ im Stadtrat\n", ["Wir für Musterstadt"]),
        ("Fraktion Die Unabhängigen, Rathausplatz 1, 12345 Musterstadt\n", ["Die Unabhängigen"]),
        ("Ratsgruppe Pro Musterstadt | Rathausplatz 1 | 12345 Musterstadt\n", ["Pro Musterstadt"]),
        # the name on the line above "Fraktion im ..."; its abbreviation is its short name
        (
            "Unabhängige Wähler Singen (UWS)\nStadtratsfraktion\nAn die Oberbürgermeisterin\n",
            ["UWS"],
        ),
        # a submitter label alone on its line names the line below
        (
            "JUNGE UNION DEUTSCHLANDS\nDeutschlandtag 2026\n\nAntrag Nr. D 4\nAntragsteller:\n"
            "JU Landesverband Niedersachsen\n\nWehrdienst für alle\n",
            ["JU Landesverband Niedersachsen"],
        ),
        # Baden-Württemberg's liberal faction is one group, as CDU/CSU is (not FDP and DVP)
        (
            "Landtag von Baden-Württemberg\nDrucksache 17/1234\n\nAntrag\nder Fraktion der "
            "FDP/DVP\n",
            ["FDP/DVP"],
        ),
        # a known faction with its place is that faction; a local list named after a party is not
        ("Freie Wähler Landkreis Kassel\nFraktion im Kreistag\n", ["FW"]),
        (
            "Fraktion GRÜNE/Linke Liste im Kreistag Marburg-Biedenkopf\n",
            ["GRÜNE", "Linke Liste"],
        ),
        # joint letterheads
        ("CDU-Fraktion / Fraktion Bürgerblock & Bauern\n", ["CDU", "Bürgerblock", "Bauern"]),
        (
            "Fraktion der SPD und der Fraktion Die Unabhängigen\n",
            ["SPD", "Die Unabhängigen"],
        ),
        # the place of the faction named on the line above is no group
        ("Freie Demokraten\nKreistagsfraktion Emsland\n", ["FDP"]),
        # also where that line has a date in its right-hand column or spells the party out
        (
            "BÜNDNIS 90/DIE GRÜNEN                          Landshut, den 4. Mai 2026\n"
            "Stadtratsfraktion Landshut\nAltstadt 315, 84028 Landshut\n",
            ["GRÜNE"],
        ),
        ("ÖDP – Ökologisch-Demokratische Partei\nStadtratsfraktion Passau\n", ["ÖDP"]),
        # a party's full name is the party
        ("ÖDP\nÖkologisch-Demokratische Partei\nKreistagsfraktion im Landkreis Cham\n", ["ÖDP"]),
        ("Alternative für Deutschland\nFraktion im Stadtrat\n", ["AfD"]),
        # the body a listed submitter sits in is not part of its name
        (
            "Vorlage-Art: Antrag (Fraktionen)\nVerfasser: Fraktionen CDU, SPD und FDP im Rat der "
            "Stadt Salzgitter\n",
            ["CDU", "SPD", "FDP"],
        ),
        # another paper's submitter counts only where the motion names none
        (
            "Änderungsantrag\nder Fraktion Die Unabhängigen\n"
            "zum Antrag der CDU-Fraktion „Mehr Parkplätze am Bahnhof“ (Drucksache 12/2026)\n",
            ["Die Unabhängigen"],
        ),
        (
            "Stellungnahme der Verwaltung\nzum Antrag der Fraktion PRO Bürger vom 3. März 2026\n",
            ["PRO Bürger"],
        ),
        # the amended paper cited by its number, by its authors under its title, or in the
        # amendment's first words
        (
            "Änderungsantrag der Fraktion Die Unabhängigen\n"
            "zur Drucksache Nr. 15-0974/2026 (Antrag der Gruppe CDU/FDP)\n",
            ["Die Unabhängigen"],
        ),
        (
            "Änderungsantrag\n\nder Fraktion der FDP\n\nzu „Schulsozialarbeit ausbauen“\n"
            "Antrag der Fraktionen von CDU und BÜNDNIS 90/DIE GRÜNEN – Drucksache 20/4087\n",
            ["FDP"],
        ),
        (
            "Ergänzungsantrag der SPD-Fraktion\n\nDer Antrag der CDU-Fraktion wird um folgende "
            "Ziffer 4 ergänzt:\n",
            ["SPD"],
        ),
        # committee, administration and body name no group; a signature adds none
        (
            "Ausschuss für Umwelt und Klima\nDer Oberbürgermeister\nStadtverwaltung Neustadt\n"
            "Fraktion Neustadt kann mehr\nMit freundlichen Grüßen\nErika Musterfrau\n"
            "Fraktionsvorsitzende\n",
            ["Neustadt kann mehr"],
        ),
        # Landtag and Bürgerschaft: members of a faction
        (
            "Antrag\nder Abg. Erika Musterfrau u. a. SPD\nund\nStellungnahme\n"
            "des Ministeriums für Verkehr\n",
            ["SPD"],
        ),
        (
            "Kleine Anfrage\ndes Abgeordneten Max Mustermann (FDP)\nund Antwort des Senats\n",
            ["FDP"],
        ),
        ("der Abgeordneten Anna Beispiel, Jonas Probe und Fraktion (FREIE\nWÄHLER)\n", ["FW"]),
        ("Dringlicher Antrag\nFraktion der Freien Demokraten\n", ["FDP"]),
        # Bundesrat: the submitting Land or Länder, not the Land of a signature line
        ("Antrag\ndes Freistaates Sachsen\nEntschließung des Bundesrates\n", ["Sachsen"]),
        ("Gesetzesantrag\nder Länder Bremen, Saarland\n", ["Bremen", "Saarland"]),
        ("Antrag\nder Freistaaten Bayern und Thüringen\n", ["Bayern", "Thüringen"]),
        # party conventions: the listed submitters as written, remarks and persons left out
        (
            "Antragsteller*innen: KV Musterstadt, LAG Verkehr (dort beschlossen am 01.02.2026)\n",
            ["KV Musterstadt", "LAG Verkehr"],
        ),
        (
            "Antragsteller: SPD-Ortsverein Neustadt-Süd, Jusos Neustadt, Max Mustermann\n"
            "Empfehlung der Antragskommission: Überweisung an die SPD-Landtagsfraktion\n",
            ["SPD-Ortsverein Neustadt-Süd", "Jusos Neustadt"],
        ),
        # a unit named for its subject keeps the commas and "und" of its name; a word
        # broken at the line's end is one word
        (
            "Antragsteller:  Landesverband Bayern\n"
            "                Bundesarbeitskreis Boden, Landschaft und Landwirtschaft\n",
            ["Landesverband Bayern", "Bundesarbeitskreis Boden, Landschaft und Landwirtschaft"],
        ),
        (
            "Antragsteller*innen: LAG Kultur & Medien, Kreisverband Zwickau und LAG Verkehr\n",
            ["LAG Kultur & Medien", "Kreisverband Zwickau", "LAG Verkehr"],
        ),
        (
            "Einreicher*innen: Stadtverband Leipzig, Landesarbeitsgemein-\n"
            "schaft Selbstbestimmte Behindertenpolitik\nEingang: 10.10.2025\n",
            [
                "Stadtverband Leipzig",
                "Landesarbeitsgemeinschaft Selbstbestimmte Behindertenpolitik",
            ],
        ),
        # "Einreichende:", and units whose names join words with "&" or "und"
        (
            "Einreichende: Team Verkehr & Umwelt; Stadtteam Musterstadt\nStatus: eingereicht\n",
            ["Team Verkehr & Umwelt", "Stadtteam Musterstadt"],
        ),
        # a list broken inside a person's bracket or after "und", a list going on at the
        # line's start after a comma, and a list's last separator
        (
            "Antragsteller*innen:     Erika Probe (KV Nord), Max Muster (KV\n"
            "                         Süd), Eva Test (KV West), LAG Frauen- und\n"
            "                         Geschlechterpolitik, KV Mitte\nStatus: Eingereicht\n",
            ["LAG Frauen- und Geschlechterpolitik", "KV Mitte"],
        ),
        (
            "Einreicher*innen: Kreisverband Nordstadt, Kreisverband Südstadt,\n"
            "LAG Mieten und Wohnen\n\nFonds für Sozialberatung\n",
            ["Kreisverband Nordstadt", "Kreisverband Südstadt", "LAG Mieten und Wohnen"],
        ),
        (
            "Antragsteller: Landesfachausschuss Demokratie, Recht und Innen;\n"
            "               Kreisverband Musterstadt\n\nAntrag: Transparenzgesetz\n",
            ["Landesfachausschuss Demokratie, Recht und Innen", "Kreisverband Musterstadt"],
        ),
        # a councillor named with the office's title, members described by their body, a first
        # name broken from its surname are no groups; a Berlin party's Abteilung is one
        (
            "Antragsteller: Fraktion DIE LINKE sowie Kreisrat Thomas Probe (fraktionslos)\n",
            ["Die Linke"],
        ),
        (
            "Antragstellende: Mitglieder der Verbandsversammlung aus den Fraktionen\n"
            "Antragsteller: Mitglieder des Ortsbeirates der Fraktion SPD\n",
            ["SPD"],
        ),
        (
            "Antragsteller:  Dr. Erika Probe, Max Muster, Jan Beispiel, Charlotte\n"
            "                von Testhausen und 27 weitere Delegierte\n",
            [],
        ),
        ("Antragsteller:   Abteilung Friedenau\n", ["Abteilung Friedenau"]),
        # a member's role is no group; the faction in brackets below it is
        (
            "Einreicherin:   Dr. Erika Probe, Mitglied der Bürgerschaft\n"
            "                (Fraktion Bündnis 90/Die Grünen)\n\nBetreff: Radwege\n",
            ["GRÜNE"],
        ),
        ("Einreicherin:   Dr. Erika Probe, Mitglied der Bürgerschaft\n\nBetreff: Radwege\n", []),
        # Regensburg's committee groups are their parties
        (
            "Antrag der Ausschussgemeinschaft ÖDP\nund der Fraktion Die Linke\n",
            ["ÖDP", "Die Linke"],
        ),
        (
            "Einreicher: Fraktion Die Unabhängigen, SPD-Fraktion\n"
            "Adressat: CDU-Fraktion im Kreistag\n",
            ["Die Unabhängigen", "SPD"],
        ),
        # an office names no group either
        ("Einreicher: Fraktionsvorsitzende\nFraktion PRO Bürger\n", ["PRO Bürger"]),
        (
            "Rhein-Muster-Kreis                         Vorlage - A/2026/0412\nDer Landrat\n\n"
            "Antrag der SPD-Kreistagsfraktion\n\nStatus:          öffentlich\n"
            "Verfasser:       Kreistagsbüro\n",
            ["SPD"],
        ),
        # a Bundestag submitter list broken after "Fraktion" or inside the faction's name
        (
            "Deutscher Bundestag Drucksache 21/1197\n21. Wahlperiode 12.08.2025\nKleine Anfrage\n"
            "der Abgeordneten Erika Muster, Max Beispiel, Jan Probe und der Fraktion\nder AfD\n",
            ["AfD"],
        ),
        (
            "Deutscher Bundestag Drucksache 21/1120\n21. Wahlperiode 04.08.2025\nKleine Anfrage\n"
            "der Abgeordneten Erika Muster, Max Beispiel und der Fraktion BÜNDNIS 90/DIE\nGRÜNEN\n",
            ["GRÜNE"],
        ),
        # a Bundesrat motion of the Saarland, the one Land named in the genitive
        (
            "Bundesrat Drucksache 402/3/25\n\n24.09.25\n\nAntrag\ndes Saarlandes\n"
            "Entwurf eines Gesetzes zur Änderung des Regionalisierungsgesetzes\n",
            ["Saarland"],
        ),
        # "SPD-Fraktion" at a line's end is whole: the next line is not part of it
        ("SPD-Fraktion\nBeratungsfolge: Hauptausschuss\n", ["SPD"]),
        # a person alone names no group: the faction comes from the letterhead
        ("Antragstellerin: Erika Musterfrau\nAntrag\nder GRÜNEN im Ortsbeirat 4\n", ["GRÜNE"]),
        # the same on one line, as Frankfurt's Ortsbeiräte write it
        ("Ortsbeirat 3 (Nordend)\n\nAntrag der GRÜNEN im Ortsbeirat 3\nOF 512/3\n", ["GRÜNE"]),
        ("Anfrage der Linken im Ortsbeirat 1\nOF 88/1\n", ["Die Linke"]),
        # a line of submitters that opens with "von" under the paper type (Freiburg)
        (
            "Stadt Freiburg im Breisgau\nGemeinderat\n\nInterfraktioneller Antrag nach § 34 GemO\n"
            "von GRÜNE, SPD/Kulturliste und JUPI\n",
            ["GRÜNE", "SPD"],
        ),
    ],
)
def test_letterhead_groups(nlp, head, expected):
    assert groups(nlp, head) == expected


def test_other_files_are_read_for_known_factions_only(nlp):
    # another file of the paper (an older Anfrage) adds its known faction, not its local list
    head = "Fraktion PRO Bürger\n"
    motion = Motion(
        id="test:1",
        text=head + BODY,
        title="Mehr Bäume",
        paper_type="Antrag",
        meta={"other_files_heads": ["Fraktion Neustadt kann mehr\nAnfrage der SPD-Fraktion\n"]},
    )
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    assert doc._.groups == ["PRO Bürger", "SPD"]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # two letterheads side by side in one line
        (
            "Fraktion BÜNDNIS 90/DIE GRÜNEN          SPD-Fraktion\n"
            "in der Stadtverordnetenversammlung der Universitätsstadt Gießen\n",
            ["GRÜNE", "SPD"],
        ),
        # further submitters indented under the label's first; a right-hand column's label
        # ("Datum:", "Status:") is no group
        (
            "Antragsteller:                                Datum:\n"
            "Fraktion SPD/GRÜNE im Stadtrat Zwickau        03.06.2025\n"
            "Einreicher:                                   Status:\n"
            "Fraktionsvorsitzende Kerstin Albrecht         öffentlich\n",
            ["SPD", "GRÜNE"],
        ),
        (
            "Einreicher:     Fraktion DIE LINKE            Datum: 03.06.2025\n"
            "                Fraktion BÜNDNIS 90/DIE GRÜNEN\n",
            ["Die Linke", "GRÜNE"],
        ),
        (
            "Antragsteller:      CDU-Stadtverband Bergheim\n"
            "                    CDU-Stadtverband Elsdorf\n"
            "Empfehlung Kreisvorstand: Annahme\n",
            ["CDU-Stadtverband Bergheim", "CDU-Stadtverband Elsdorf"],
        ),
        # wide gaps inside running text are no columns
        (
            "Antrag\nDie Fraktionen   im Ortschaftsrat Wettersbach bitten   um einen   "
            "Sachstandbericht.\n",
            [],
        ),
    ],
)
def test_columns_and_indented_submitters(nlp, head, expected):
    assert groups(nlp, head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # a faction unknown to the alias list beside a known one, joined by "und"
        (
            "FWG-Fraktion und Bündnis 90/Die Grünen\nim Verbandsgemeinderat Musterau\n\n"
            "An den Bürgermeister\n",
            ["FWG", "GRÜNE"],
        ),
        # a known faction beside a faction's letterhead is no place of it
        (
            "Stadtratsfraktion ÖDP/Freie Wähler                 Stadtratsgruppe Volt\n"
            "im Stadtrat Musterstadt                            im Stadtrat Musterstadt\n",
            ["ÖDP", "FW", "Volt"],
        ),
        # the body a faction sits in, in the right-hand column; its place is no group
        (
            "Bündnis 90/Die Grünen                    SPD-Fraktion\n"
            "Gemeinderatsfraktion Musterstadt         im Gemeinderat Musterstadt\n",
            ["GRÜNE", "SPD"],
        ),
        # a kind of group is no group; an address is no group's name
        (
            "Antrag der Fraktion der Wählergemeinschaft           Antragsteller:\n"
            "Musterdorf (WGM)                                     WGM-Fraktion\n",
            ["WGM"],
        ),
        (
            "SPD-Fraktion im Rat der Stadt Musterhausen      Fraktion BÜNDNIS 90/DIE GRÜNEN\n"
            "Rathausplatz 16                                  im Rat der Stadt Musterhausen\n",
            ["SPD", "GRÜNE"],
        ),
        # a submitter label after a middle dot on the motion number's line; an address's
        # middle dot splits nothing
        (
            "SPD Landesverband Muster\nLandesparteitag, 3. Oktober 2026\n\nAntrag W 2 · "
            "Antragsteller: SPD-Kreisverband Musterstadt\n"
            "Empfehlung der Antragskommission: Annahme\n",
            ["SPD-Kreisverband Musterstadt"],
        ),
    ],
)
def test_joint_and_two_column_letterheads(nlp, head, expected):
    assert groups(nlp, head) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letterhead printed as the page's footer: the motion's submitters
        (
            "Antrag\n\nBetreff: Schulsozialarbeit sichern\n\nDer Rat möge beschließen:\n"
            "Die Verwaltung wird beauftragt, zwei Stellen zu schaffen.\n\nBegründung:\n"
            + "Der Bedarf an Beratung ist an allen Schulen der Stadt gestiegen.\n"
            * 40
            + "\n"
            "____________________________________________________________\n"
            "Fraktion Bündnis 90/Die Grünen · SPD-Fraktion im Rat der Stadt Musterstadt\n"
            "                                                   Seite 1 von 1\n",
            ["GRÜNE", "SPD"],
        ),
        # a head that names the submitters wins over the footer
        (
            "CDU-Fraktion im Rat der Stadt Musterstadt\n\nAntrag\n\nBetreff: Radwege\n\n"
            "Der Rat möge beschließen:\nDie Verwaltung prüft neue Radwege.\n\nBegründung:\n"
            + "Viele Schulkinder fahren mit dem Rad über die Hauptstraße.\n" * 40
            + "SPD-Fraktion im Rat der Stadt Musterstadt\n",
            ["CDU"],
        ),
    ],
)
def test_a_footer_names_the_submitters_only_where_the_head_does_not(nlp, text, expected):
    assert groups(nlp, text) == expected
