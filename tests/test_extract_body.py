"""The body named in a motion's letterhead, for inputs without metadata; hedged is False when
nothing is requested."""

from __future__ import annotations

import pytest

from pipeline.extract.body import body_from_text


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (
            "Deutscher Bundestag Drucksache 21/533\n21. Wahlperiode 20.06.2025\nKleine Anfrage",
            "Deutscher Bundestag",
        ),
        ("Bundesrat Drucksache 128/2/25\n21.05.25\nAntrag des Landes Hessen", "Bundesrat"),
        (
            "Landtag Nordrhein-Westfalen\n18. Wahlperiode\nDrucksache 18/4321",
            "Landtag Nordrhein-Westfalen",
        ),
        ("Bayerischer Landtag\n19. Wahlperiode\nAntrag der Abgeordneten", "Bayerischer Landtag"),
        ("Thüringer Landtag\n8. Wahlperiode\nDrucksache 8/123", "Thüringer Landtag"),
        # letterheads set in capitals
        (
            "LANDTAG NORDRHEIN-WESTFALEN\n18. Wahlperiode   Drucksache 18/9876\nAntrag",
            "Landtag Nordrhein-Westfalen",
        ),
        ("DEUTSCHER BUNDESTAG\nDrucksache 21/1\nAntrag der Fraktion", "Deutscher Bundestag"),
        ("An den\nRAT DER STADT KÖLN\nAntrag", "Rat der Stadt Köln"),
        ("An den\nRat der Stadt Köln\nHerrn Oberbürgermeister", "Rat der Stadt Köln"),
        (
            "STADT KARLSRUHE \nDer Oberbürgermeister \nANTRAG \nGremium: \nGemeinderat \n",
            "Gemeinderat Karlsruhe",
        ),
        (
            "Kreistag des Rhein-Sieg-Kreises\nCDU-Kreistagsfraktion\nAnfrage",
            "Kreistag Rhein-Sieg-Kreis",
        ),
        ("Antrag 12/I/2026\nDer Landesparteitag möge beschließen:", "Landesparteitag"),
        ("Antrag an den Stadtrat der Landeshauptstadt München\n", "Stadtrat München"),
        (
            "Landeshauptstadt Stuttgart\nGemeinderat\n\nAntrag vom 12.05.2025\n",
            "Gemeinderat Stuttgart",
        ),
        (
            "BÜRGERSCHAFT DER FREIEN UND HANSESTADT HAMBURG     Drucksache 23/1234\n",
            "Hamburgische Bürgerschaft",
        ),
        (
            "Schleswig-Holsteinischer Landtag   Drucksache 20/2345\n",
            "Schleswig-Holsteinischer Landtag",
        ),
        ("Kreistag Landkreis Göttingen\nSPD-Kreistagsfraktion\n", "Kreistag Göttingen"),
        (
            "Die Stadtverordnetenversammlung Bad Homburg möge beschließen:",
            "Stadtverordnetenversammlung Bad Homburg",
        ),
        # a councillor signing is no body
        (
            "Mehr Trinkbrunnen\nAntrag\nInitiative:\nStadtrat Christian Müller\nSPD/Volt-Fraktion\n",
            None,
        ),
        ("Antrag\nStadträtin Anna Roth, Stadtrat Ercan Topal (SPD)\n", None),
        # also with a hyphenated first name; the letterhead above names the body
        (
            "LANDESHAUPTSTADT ERFURT\nStadtrat\n\nDrucksache 0214/26\nAnfrage\n\n"
            "Einreicher: Fraktion CDU im Erfurter Stadtrat\nStadtrat Jens-Uwe Kleinschmidt\n",
            "Stadtrat Erfurt",
        ),
        ("Anfrage\nStadtrat Jens-Uwe Kleinschmidt (SPD)\n", None),
        ("Stadtrat Castrop-Rauxel\nAntrag der SPD-Fraktion\n", "Stadtrat Castrop-Rauxel"),
    ],
)
def test_body_from_letterhead(head, body):
    assert body_from_text(head) == body


def test_no_body_named():
    # a body mentioned deep inside the Begründung is not the letterhead's
    text = "Radweg an der Hauptstraße\nDie Verwaltung wird beauftragt.\n" + "x " * 900 + "Bundestag"
    assert body_from_text(text) is None


def test_hedged_is_false_when_nothing_is_requested():
    from pipeline.analyze import Analyzer
    from pipeline.record import Motion

    rec = Analyzer(model_dir=None, extraction_dir=None).analyze(
        Motion(id="x", text="Sachstand\nDie Sitzung fand am 3. März statt.\n", title="Sachstand")
    )
    assert rec["actions"] == [] and rec["hedged"] is False


def test_body_option_fills_inputs_without_metadata(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "a.txt").write_text(
        "Antrag der Fraktion Volt\nMehr Trinkbrunnen\nDie Verwaltung wird beauftragt, zehn "
        "Trinkbrunnen aufzustellen.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Landtag Nordrhein-Westfalen\nDrucksache 18/1\nAntrag\nDie Landesregierung wird "
        "aufgefordert, ein Hitzeschutzkonzept vorzulegen.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(
        app, ["tag", str(tmp_path), "--no-themes", "--body", "Rat der Stadt Bonn"]
    )
    assert res.exit_code == 0, res.output
    import json

    bodies = sorted(json.loads(line)["body"] for line in res.stdout.splitlines())
    # the option fills a motion without any body; metadata or letterhead is not overridden:
    # b.txt has no metadata body either, so the option applies to both .txt inputs
    assert bodies == ["Rat der Stadt Bonn", "Rat der Stadt Bonn"]


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # organs our first patterns lacked, and letterheads of a faction
        (
            "Landeshauptstadt Kiel                          Drucksache\nAntrag\n"
            "Gremium                                 Sitzungstermin\nRatsversammlung   18.09.2025\n",
            "Ratsversammlung Kiel",
        ),
        ("LANDTAG\nNORDRHEIN-WESTFALEN\n18. Wahlperiode\n", "Landtag Nordrhein-Westfalen"),
        # a city's disambiguator in brackets is part of its name
        ("Fraktion DIE LINKE\nim Stadtrat Halle (Saale)\n", "Stadtrat Halle (Saale)"),
        (
            "Stadtverordnetenversammlung Frankfurt (Oder)\nAntrag der SPD-Fraktion\n",
            "Stadtverordnetenversammlung Frankfurt (Oder)",
        ),
        # a Beratungsfolge row's step of procedure is no place
        (
            "Stadt Heilbronn                              Vorlage - 2026/0977\n\nAnfrage\n"
            "Einreicher:   SPD-Fraktion\nDatum:        12.10.2026\n\nBetreff:\n"
            "Schulwegsicherheit an der Wartbergschule\n\nBeratungsfolge:\n"
            "Datum        Gremium                        Zuständigkeit\n"
            "03.12.2026   Gemeinderat                    Kenntnisnahme\n",
            "Gemeinderat Heilbronn",
        ),
        (
            "Stadt Kassel                                 Vorlage - 101.19.0456\n\nAnfrage\n"
            "Einreicher:   Volt-Fraktion\n\nBetreff:\nDigitale Ausstattung der Grundschulen\n\n"
            "Beratungsfolge:\nDatum        Gremium                        Zuständigkeit\n"
            "16.11.2026   Stadtverordnetenversammlung    Beantwortung\n",
            "Stadtverordnetenversammlung Kassel",
        ),
        # a letterhead in capitals keeps its small words small when read
        (
            "BÜRGERSCHAFT DER HANSE- UND UNIVERSITÄTSSTADT ROSTOCK\n\nAntrag\nEinreicher: "
            "Fraktion BÜNDNIS 90/DIE GRÜNEN\n",
            "Bürgerschaft der Hanse- und Universitätsstadt Rostock",
        ),
        (
            "STADTVERORDNETENVERSAMMLUNG\nDER STADT FRANKFURT AM MAIN\n   Antrag vom 18.02.2025\n",
            "Stadtverordnetenversammlung Frankfurt am Main",
        ),
        (
            "BREMISCHE BÜRGERSCHAFT          Drucksache 21/512\nLandtag\n",
            "Bremische Bürgerschaft",
        ),
        (
            "CDU-Kreistagsfraktion Rhein-Sieg\nKaiser-Wilhelm-Platz 1 · 53721 Siegburg\n",
            "Kreistag Rhein-Sieg",
        ),
        (
            "SPD-Fraktion in der Bezirksvertretung Ehrenfeld\n\nAn den Bezirksbürgermeister\n",
            "Bezirksvertretung Ehrenfeld",
        ),
        (
            "Landeshauptstadt Düsseldorf\nBezirksvertretung 3\n(Bilk, Flehe)\n",
            "Bezirksvertretung Düsseldorf",
        ),
        (
            "Ortsbeirat 10                             OF 412/10\nFrankfurt am Main\n",
            "Ortsbeirat 10",
        ),
        (
            "Landschaftsversammlung Rheinland 2025-2030\nAntrag-Nr. 15/312\n",
            "Landschaftsversammlung Rheinland",
        ),
        # the letterhead comes before a body the motion calls on
        (
            "BSW Thüringen\n2. Landesparteitag\nAntrag L-07\n\n2. Die BSW-Fraktion im Thüringer "
            "Landtag wird aufgefordert, …\n",
            "BSW Landesparteitag Thüringen",
        ),
        # a Hanseatic city's letterhead with its Bürgerschaft below: the city's council
        (
            "Universitäts- und Hansestadt Greifswald\nBürgerschaft                Datum: 15.11.2027\n",
            "Bürgerschaft der Universitäts- und Hansestadt Greifswald",
        ),
        ("Hansestadt Hamburg\nBürgerschaft\n", None),
        # a county named by an adjective; a form's number beside a county is no place; an
        # organ's plural in the request is no body
        (
            "KREISTAG MECKLENBURGISCHE SEENPLATTE\nFraktion BSW\n",
            "Kreistag Mecklenburgische Seenplatte",
        ),
        (
            "Oberbergischer Kreis                       Vorlage - 2026/0417\nDer Landrat\n\n"
            "Beratungsfolge:\nDatum        Gremium            Zuständigkeit\n"
            "15.10.2026   Kreistag           Entscheidung\n",
            None,
        ),
        (
            "Vorlage - AN/1187/2026\n\nBetreff: Trinkwasserbrunnen\n\n"
            "2. Die Standorte werden mit den Bezirksvertretungen abgestimmt.\n",
            None,
        ),
        # a party's name after a faction's letterhead is no place
        ("Kreistagsfraktion BÜNDNIS 90/DIE GRÜNEN\nKreis Herzogtum Lauenburg\n", None),
        ("Stadtratsfraktion ÖDP/München-Liste\nRathaus, Marienplatz 8\n", None),
    ],
)
def test_body_of_more_councils(head, body):
    assert body_from_text(head) == body


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # councils of Samtgemeinden, Verbandsgemeinden and Schleswig-Holstein's Gemeinden
        (
            "CDU-Fraktion im Samtgemeinderat Sittensen\nAm Mühlenteich 4 · 27419 Sittensen\n",
            "Samtgemeinderat Sittensen",
        ),
        ("Gemeindevertretung Tangstedt\nVorlage AN/0041/2025\n", "Gemeindevertretung Tangstedt"),
        (
            "Universitätsstadt Gießen\nStadtverordnetenversammlung\n\n      Vorlage Nr. STV/0815\n",
            "Stadtverordnetenversammlung Gießen",
        ),
        (
            "Verband Region Stuttgart\nRegionalversammlung\n\nFraktion SPD\n",
            "Regionalversammlung Verband Region Stuttgart",
        ),
        # a party's convention with the party its letterhead names first
        (
            "CDU Sachsen-Anhalt\n34. Landesparteitag, 29. November 2025, Halberstadt\n",
            "CDU Landesparteitag Sachsen-Anhalt",
        ),
        (
            "JUNGE UNION DEUTSCHLANDS\nDeutschlandtag 2025\n24. bis 26. Oktober 2025, Rust\n",
            "Junge Union Deutschlandtag",
        ),
        (
            "BÜNDNIS 90/DIE GRÜNEN\nKreisverband Marburg-Biedenkopf\n\nKreismitgliederversammlung "
            "am 8. November 2025\n",
            "BÜNDNIS 90/DIE GRÜNEN Kreismitgliederversammlung Marburg-Biedenkopf",
        ),
        ("Landesparteitag\nAntrag 12\nDer Landesparteitag möge beschließen:\n", "Landesparteitag"),
        # the county or city over its organ's line; the organ's place beside a column
        (
            "Landkreis Musterland\nKreistag\n       FREIE WÄHLER Kreistagsfraktion\n",
            "Kreistag Musterland",
        ),
        ("Rhein-Muster-Kreis\nKreistag\n\nSPD-Kreistagsfraktion\n", "Kreistag Rhein-Muster-Kreis"),
        (
            "Landeshauptstadt Musterstadt                  Drucksache Nr. 2711/2025\n"
            "Rat                                           Datum: 06.11.2025\n",
            "Rat der Landeshauptstadt Musterstadt",
        ),
        (
            "Stadtverordnetenversammlung\nder Stadt Musterstadt          Vorlage Nr. 101.19.1623\n",
            "Stadtverordnetenversammlung Musterstadt",
        ),
        (
            "Bezirksverordnetenversammlung\nTempelhof-Schöneberg von Berlin\n\nDrucksache Nr. 1873\n",
            "Bezirksverordnetenversammlung Tempelhof-Schöneberg",
        ),
        # a city district's advisory council and a youth council (in capitals), not the
        # Gemeinderat a quoted decision names further down
        (
            "LANDESHAUPTSTADT STUTTGART\nBezirksbeirat Vaihingen\n\nAntragsteller: SPD-Fraktion\n",
            "Bezirksbeirat Vaihingen",
        ),
        (
            "JUGENDGEMEINDERAT TÜBINGEN\nGeschäftsstelle: Stadt Tübingen · Am Markt 1\n\n"
            "An den\nOberbürgermeister der Stadt Tübingen\n\n           Tübingen, 12. Januar "
            "2028\n\nAnfrage\n\nBetreff: Skatepark am Neckarufer\n\nVorbemerkung:\n"
            "Der Gemeinderat hat am 3. Mai 2027 beschlossen, …\n",
            "Jugendgemeinderat Tübingen",
        ),
    ],
)
def test_body_of_local_councils_and_party_conventions(head, body):
    assert body_from_text(head) == body


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (
            "LANDTAG\nNORDRHEIN-WESTFALEN\n18. Wahlperiode\n\nAntrag der Fraktion der SPD\n\n"
            "Schulsozialarbeit sichern\n\nDer Landtag beauftragt die Landesregierung, die "
            "Förderung der Schulsozialarbeit zu entfristen.\n",
            "state",
        ),
        (
            "BSW Thüringen\n2. Landesparteitag\nAntrag L-07\n\nKrankenhäuser erhalten\n\nDer "
            "Landesvorstand wird beauftragt, eine Kampagne zu planen.\n",
            "party",
        ),
        (
            "Antrag der Fraktion Volt\nMehr Trinkbrunnen\nDie Verwaltung wird beauftragt, zehn "
            "Trinkbrunnen aufzustellen.\n",
            "local",
        ),
        # Bremen's city parliament sits in the Land's Bürgerschaft, as the city's council
        (
            "BREMISCHE BÜRGERSCHAFT                       Drucksache 21/412 S\nStadtbürgerschaft\n"
            "21. Wahlperiode\n\nAntrag der Fraktion der SPD\n\nSchulhöfe öffnen\n\nDer Senat wird "
            "gebeten, die Schulhöfe am Wochenende zu öffnen.\n",
            "local",
        ),
    ],
)
def test_the_result_says_the_bodys_level(text, level):
    from pipeline.analyze import Analyzer
    from pipeline.record import Motion

    rec = Analyzer(model_dir=None, extraction_dir=None).analyze(Motion(id="x", text=text))
    assert rec["level"] == level


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # an organ named without its place takes the place of the letterhead's unit of its kind
        (
            "Volt Erlangen – Gruppe im Stadtrat\nRathaus · Rathausplatz 1 · 91052 Erlangen\n\n"
            "Stadt Erlangen\nHerrn Oberbürgermeister\n\nAntrag Nr. 186/2026",
            "Stadtrat Erlangen",
        ),
        (
            "Landratsamt Ravensburg                     Sitzungsvorlage Nr. 41/2026\n"
            "Kreistag / Ausschuss für Umwelt und Technik       öffentlich\n\n"
            "Antrag der Kreistagsfraktion der FREIEN WÄHLER vom 12.01.2026",
            "Kreistag Ravensburg",
        ),
        (
            "Rhein-Sieg-Kreis                                Siegburg, 20.04.2026\nDer Kreistag\n\n"
            "Gemeinsamer Antrag der Fraktionen CDU und SPD",
            "Kreistag Rhein-Sieg-Kreis",
        ),
        (
            "SPD-Fraktion in der Regionalversammlung\nVerband Region Stuttgart\n"
            "Kronenstraße 25, 70174 Stuttgart\n\nDie Regionalversammlung möge beschließen:",
            "Regionalversammlung Stuttgart",
        ),
        (
            "[Logo]  Bezirk Oberbayern\nBEZIRKSTAG OBERBAYERN\nSPD-Fraktion\n\n"
            "Der Bezirkstag möge beschließen:",
            "Bezirkstag Oberbayern",
        ),
        (
            "FREIE WÄHLER\nKREISTAGSFRAKTION LANDKREIS KARLSRUHE\nLandratsamt Karlsruhe\n"
            "Herrn Landrat",
            "Kreistag Karlsruhe",
        ),
        (
            "Landeshauptstadt Dresden                      Vorlage Nr.: SBR NS/0047/27\n"
            "Antrag\nStadtbezirksbeirat Neustadt\nGegenstand: Trinkwasserbrunnen",
            "Stadtbezirksbeirat Neustadt",
        ),
        (
            "CSU-Fraktion im Marktgemeinderat Rieden am Forst\n\nAntrag: Sanierung des "
            "Jugendtreffs",
            "Marktgemeinderat Rieden am Forst",
        ),
        # Berlin's parliament is the only Abgeordnetenhaus: its name alone names it
        (
            "Drucksache 19/2701\n30.04.2026\n19. Wahlperiode\n\nAntrag der Fraktion der CDU\n\n"
            "Das Abgeordnetenhaus wolle beschließen:",
            "Abgeordnetenhaus Berlin",
        ),
        # hard negatives: a party's motion that speaks of a council; a part of a city does
        # not take the city's name
        (
            "CDU-Gemeindeverband Nieder-Olm\nMitgliederversammlung am 12.03.2026\n\n"
            "Die CDU fordert den Ortsgemeinderat der Gemeinde Sörgenloch auf, …",
            None,
        ),
        (
            "Freie und Hansestadt Hamburg\nBezirksversammlung\n\nAntrag der GRÜNEN-Fraktion",
            "Bezirksversammlung",
        ),
    ],
)
def test_an_organ_takes_its_place_from_the_letterhead(head, body):
    assert body_from_text(head) == body


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # a Land's convention is named with its Land, a district's with its place
        (
            "Landesparteitag der SPD Niedersachsen                       Antragsbuch\n"
            "12./13. Juni 2027 · Halle 39, Hildesheim\nAntrag B 7",
            "SPD Landesparteitag Niedersachsen",
        ),
        (
            "DIE LINKE. SACHSEN\n2. TAGUNG DES 10. LANDESPARTEITAGES\nANTRAG L.07\n\n"
            "Der Landesparteitag möge beschließen:",
            "Die Linke Landesparteitag Sachsen",
        ),
        (
            "CSU-Bezirksverband Niederbayern\nBezirksparteitag 2027 – Deggendorf, Stadthalle\n"
            "Antrag Nr. 5\nAntragsteller: CSU-Ortsverband Plattling",
            "CSU Bezirksparteitag Niederbayern",
        ),
        (
            "BÜNDNIS 90/DIE GRÜNEN NRW\nLandesdelegiertenkonferenz Bielefeld\nAntrag V-3",
            "BÜNDNIS 90/DIE GRÜNEN Landesdelegiertenkonferenz Nordrhein-Westfalen",
        ),
        # hard negatives: a federal convention has no region; a submitting Stadtverband is none
        (
            "Bundesparteitag der SPD\nBerlin, 6. Dezember 2027\nAntrag des Landesverbands Bayern",
            "SPD Bundesparteitag",
        ),
        (
            "CDU-Kreisverband Main-Kinzig\nKreisparteitag 2027\nAntragsteller: CDU-Stadtverband "
            "Gelnhausen",
            "CDU Kreisparteitag Main-Kinzig",
        ),
    ],
)
def test_a_conventions_region(head, body):
    assert body_from_text(head) == body


@pytest.mark.parametrize(
    ("head", "body"),
    [
        # an association's organ takes the association's whole name
        (
            "Zweckverband Großraum Braunschweig\n– Verbandsversammlung –\n"
            "Fraktion BÜNDNIS 90/DIE GRÜNEN                 Braunschweig, 20.01.2027",
            "Verbandsversammlung Zweckverband Großraum Braunschweig",
        ),
        (
            "REGIONALVERBAND RUHR\nVerbandsversammlung\nDrucksache Nr. 14/0873",
            "Verbandsversammlung Regionalverband Ruhr",
        ),
        # a letterhead in capitals over two lines; the organ's place in capitals above the text
        (
            "BÜRGERSCHAFT\nDER FREIEN UND HANSESTADT HAMBURG          Drucksache 23/1876\n"
            "Schriftliche Kleine Anfrage",
            "Hamburgische Bürgerschaft",
        ),
        (
            "LANDESHAUPTSTADT WIESBADEN\nORTSBEIRAT WIESBADEN-BIEBRICH\n\n"
            "Antrag der CDU-Fraktion\n\nDer Ortsbeirat möge beschließen:",
            "Ortsbeirat Wiesbaden-Biebrich",
        ),
        (
            "FREIE WÄHLER\nKreistagsfraktion im Rems-Murr-Kreis\nAlter Postplatz 10 · 71332 "
            "Waiblingen",
            "Kreistag Rems-Murr-Kreis",
        ),
        # the faction's organ named again after "im": the place follows it
        (
            "FREIE WÄHLER\nKreistagsfraktion im Kreistag Bautzen\nGeschäftsstelle: Markt 3 · "
            "01917 Kamenz",
            "Kreistag Bautzen",
        ),
        ("SPD-Stadtratsfraktion im Stadtrat Jena\nAnfrage", "Stadtrat Jena"),
        # a Hanseatic town's Bürgerschaft is its council, named with the town; a Niedersachsen
        # Ortsrat with its place
        (
            "Universitäts- und Hansestadt Greifswald              ALLRIS® Office Integration\n"
            "Vorlage - BV-P-ö/08/0093\nBetreff:      Zuschuss an die Kulturwerkstatt\n"
            "Einreicher:   FDP-Fraktion in der Bürgerschaft\nDatum:        18.02.2026\n",
            "Bürgerschaft der Universitäts- und Hansestadt Greifswald",
        ),
        (
            "Bündnis 90/Die Grünen – Fraktion im Ortsrat Nikolausberg\n\nStadt Göttingen\n"
            "Ortsrat Nikolausberg\nz. Hd. Herrn Ortsbürgermeister\n",
            "Ortsrat Nikolausberg",
        ),
        # a spa town's name: "Bad" and the name after it
        (
            "Verbandsgemeinde Bad Ems-Nassau\n- Sitzungsdienst -\n\nVorlage Nr.: VG/2026/118-1"
            "\n\nÄnderungsantrag der FWG-Fraktion im Verbandsgemeinderat\nzu TOP 7",
            "Verbandsgemeinderat Bad Ems-Nassau",
        ),
        # a letterhead in capitals over two lines, each beside a right-hand column
        (
            "LANDTAG                                         Drucksache 18/16420\n"
            "NORDRHEIN-WESTFALEN                                      24.11.2026\n"
            "18. Wahlperiode\n\nÄnderungsantrag\n\nder Fraktion der FDP\n",
            "Landtag Nordrhein-Westfalen",
        ),
        (
            "KREISTAG DES               Vorlage KT/0815/2026\nLANDKREISES OSNABRÜCK      "
            "     Osnabrück, 03.11.2026\n\nAntrag der Gruppe SPD/Grüne\n",
            "Kreistag Osnabrück",
        ),
    ],
)
def test_associations_and_letterheads_in_capitals(head, body):
    assert body_from_text(head) == body
