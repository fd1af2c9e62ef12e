"""The title model: labels from records with a title, training from a user's records, the
shipped model on heads written by us, and its loading checks."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from typer.testing import CliRunner

from pipeline.errors import ModelError
from pipeline.ingest.textmeta import guess_title
from pipeline.ingest.title_lines import TitleModel, head_lines
from pipeline.paths import DEFAULT_TITLE_DIR
from pipeline.training.title import label_title, token_f1

COUNTY = (
    "CDU-Kreistagsfraktion Rhein-Sieg\nKaiser-Wilhelm-Platz 1\n53721 Siegburg\n\n"
    "An den Landrat\nHerrn Sebastian Schuster\n\nSiegburg, 14.10.2025\n\n"
    "Antrag zur Sitzung des Kreisausschusses am 3. November 2025\n\n"
    "Schuldner- und Insolvenzberatung\nim Rhein-Sieg-Kreis stärken\n\n"
    "Der Kreistag möge beschließen:\nDie Verwaltung wird beauftragt, die Zuschüsse an die "
    "Beratungsstellen um 10 % zu erhöhen.\n\nBegründung:\nDie Zahl der überschuldeten "
    "Haushalte ist gestiegen.\n"
)


def test_label_finds_a_title_broken_over_lines():
    lines = head_lines(COUNTY)
    start, run = label_title(lines, "Schuldner- und Insolvenzberatung im Rhein-Sieg-Kreis stärken")
    assert lines[start].text == "Schuldner- und Insolvenzberatung"
    assert run == 2


def test_label_none_where_the_head_does_not_print_the_title():
    assert label_title(head_lines(COUNTY), "Haushalt 2026: Sozialticket") == (None, 0)


def test_token_f1():
    assert token_f1("Neue Bäume für den Marktplatz", "neue Bäume für den Marktplatz") == 1.0
    assert token_f1("Neue Bäume", "") == 0.0


@pytest.fixture(scope="module")
def shipped():
    if not (DEFAULT_TITLE_DIR / "model_card.json").is_file():
        pytest.skip("no shipped title model")
    return TitleModel.load(DEFAULT_TITLE_DIR)


# Heads of five kinds of body, written for this test: the title is neither the letterhead,
# the address, the date line, the submitters nor the request.
HEADS = {
    "county": (COUNTY, "Schuldner- und Insolvenzberatung im Rhein-Sieg-Kreis stärken"),
    "city council": (
        "Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt Köln\nVolt-Fraktion im Rat der Stadt "
        "Köln\n\nAn die Oberbürgermeisterin\nRathaus, Spanischer Bau\n50667 Köln\n\n"
        "Eingang beim Büro der Oberbürgermeisterin: 11.03.2025\n\nAN/0612/2025\n\n"
        "Antrag gem. § 3 der Geschäftsordnung des Rates\n\nHitzeaktionsplan für Köln\n\n"
        "Der Rat möge beschließen:\nDie Verwaltung erarbeitet bis Mai einen Hitzeaktionsplan.\n",
        "Hitzeaktionsplan für Köln",
    ),
    "Landtag": (
        "Landtag Nordrhein-Westfalen\n18. Wahlperiode\nDrucksache 18/4321\n12.05.2026\n\nAntrag\n"
        "der Fraktion der FDP\n\nLehrkräftemangel entschlossen begegnen\n\nI. Der Landtag stellt "
        "fest:\nAn vielen Schulen fallen Stunden aus.\n",
        "Lehrkräftemangel entschlossen begegnen",
    ),
    "Bundestag": (
        "Deutscher Bundestag Drucksache 21/9999\n21. Wahlperiode 12.05.2026\n\nKleine Anfrage\n"
        "der Abgeordneten Erika Muster, Max Beispiel und der Fraktion DIE LINKE\n\n"
        "Mietpreisbremse in Großstädten\n\nDie Mieten sind seit 2015 um 40 % gestiegen.\n"
        "Wir fragen die Bundesregierung:\n1. Wie viele Verstöße sind bekannt?\n",
        "Mietpreisbremse in Großstädten",
    ),
    "party convention": (
        "Landesparteitag 14. Juni 2026\nAntrag 12/I/2026\nAntragsteller: Jusos Landesverband\n"
        "Empfehlung der Antragskommission: Annahme\n\nMitgliederentwicklung transparent machen\n\n"
        "Der Landesparteitag möge beschließen:\nDer Landesvorstand legt einen Bericht vor.\n",
        "Mitgliederentwicklung transparent machen",
    ),
    # a title over two lines: a line ending in an article, preposition or adjective goes on
    "city-state council": (
        "Bremische Bürgerschaft          Drucksache 21/512 S\nStadtbürgerschaft\n\n"
        "Dringlichkeitsantrag der Fraktionen der SPD, Bündnis 90/Die Grünen und DIE LINKE\n\n"
        "Schwimmfähigkeit von Grundschulkindern sichern – Wasserzeiten für den\n"
        "Schwimmunterricht ausweiten\n\nDie Stadtbürgerschaft möge beschließen:\n"
        "Der Senat wird gebeten, die Wasserzeiten zu erhöhen.\n",
        "Schwimmfähigkeit von Grundschulkindern sichern – Wasserzeiten für den "
        "Schwimmunterricht ausweiten",
    ),
    # a form's labels and addressee, and a number after the paper type, are no title
    "city council form": (
        "Landeshauptstadt Magdeburg\n\nÄnderungsantrag              Datum\n"
        "                              03.07.2025\nAbsender\nFraktion DIE LINKE\n\nAdressat\n"
        "Vorsitzender des Stadtrates\n\nKurztitel\n\nSpielplätze in allen Stadtteilen "
        "sanieren\n\nDer Stadtrat möge beschließen:\nPunkt 2 erhält folgende Fassung.\n",
        "Spielplätze in allen Stadtteilen sanieren",
    ),
    "regional assembly": (
        "Landschaftsversammlung Rheinland 2025-2030\nAntrag-Nr.  15/312\n\nTagesordnungspunkt:\n"
        "Inklusive Arbeitsplätze: Budget für Arbeit stärken\n\nDie Landschaftsversammlung "
        "beschließt:\nDie Verwaltung wird beauftragt, ein Konzept vorzulegen.\n",
        "Inklusive Arbeitsplätze: Budget für Arbeit stärken",
    ),
    # a subject label's value, with its indented lines and after "Hier:" in a budget block
    "city-state budget motion": (
        "BÜRGERSCHAFT DER FREIEN UND HANSESTADT HAMBURG          Drucksache 23/2214\n"
        "23. Wahlperiode                                           08.12.26\n\n"
        "Haushaltsbegleitantrag\n\nder Abgeordneten Lena Vossberg (GRÜNE) und Fraktion\n\n"
        "Betr.:    Haushaltsplan-Entwurf 2027/2028, Einzelplan 6.1\n"
        "          Behörde für Umwelt, Klima, Energie und Agrarwirtschaft\n"
        "          Hier: Stadtbäume für ein klimaangepasstes Hamburg – Nachpflanzprogramm\n"
        "          für Straßenbäume verstetigen\n\nDie Bürgerschaft möge beschließen:\n"
        "Der Senat wird ersucht, 2.000 Straßenbäume im Jahr zu pflanzen.\n",
        "Stadtbäume für ein klimaangepasstes Hamburg – Nachpflanzprogramm für Straßenbäume "
        "verstetigen",
    ),
    "council form": (
        "Gemeinde Oberwiesenbach                     Sitzungsvorlage Nr. 14/2026\n"
        "Gemeinderat                                 Öffentliche Sitzung am 21.05.2026\n\n"
        "Antragsteller:      Gemeinderatsfraktion Bürgerliste Oberwiesenbach\n"
        "Federführendes Amt: Hauptamt\n\nBetreff:\nBank mit Dach an der Bushaltestelle beim "
        "Friedhof\n\nDer Gemeinderat möge beschließen:\nDie Gemeinde stellt eine Bank auf.\n",
        "Bank mit Dach an der Bushaltestelle beim Friedhof",
    ),
    # an export's page header, its "<Typ> - <Nummer>" line and its form fields are no title
    "council information system export": (
        "Bürgerinformationssystem der Stadt Halle (Saale)                Seite 1 von 3\n\n"
        "Antrag - VII/2026/04417\nLärmschutz an der Merseburger Straße verbessern\n\n"
        "Status: öffentlich                 Eingereicht von: Fraktion Hauptsache Halle\n"
        "Vorlageart: Antrag                 Datum: 02.02.2026\n"
        "Federführung: Geschäftsbereich Stadtentwicklung und Umwelt\n\n"
        "Beratungsfolge:\nGremium                        Termin        Zuständigkeit\n"
        "Stadtrat                       25.03.2026    Entscheidung\n\nBeschlussvorschlag:\n"
        "Der Oberbürgermeister wird beauftragt, Tempo 30 nachts anzuordnen.\n",
        "Lärmschutz an der Merseburger Straße verbessern",
    ),
    # a title broken inside a word over two lines is one title, never its second half
    "county motion, word broken at the line's end": (
        "Kreistagsfraktion BÜNDNIS 90/DIE GRÜNEN\nim Kreistag des Landkreises Musterau\n\n"
        "An den\nLandrat des Landkreises Musterau\n                         Musterau, 14.01.2027\n\n"
        "Antrag zur Sitzung des Kreistages am 24.02.2027\n\nAusbau der Pflegestützpunkt-\n"
        "beratung in allen Gemeinden des Landkreises\n\nBeschlussvorschlag:\n"
        "Der Landrat wird beauftragt, zwei weitere Beratungsstellen einzurichten.\n",
        "Ausbau der Pflegestützpunktberatung in allen Gemeinden des Landkreises",
    ),
    "state motion, shared word part at the line's end": (
        "LANDTAG MUSTERLAND        Drucksache 8/1234\n8. Wahlperiode        04.03.2026\n\n"
        "Antrag\nder Fraktion der SPD\n\nFörderung der Kinder-\nund Jugendarbeit im "
        "ländlichen Raum\n\nDer Landtag wolle beschließen:\n",
        "Förderung der Kinder- und Jugendarbeit im ländlichen Raum",
    ),
    # an inquiry's number under its subject is no title
    "state inquiry with its number": (
        "Landtag Musterland                                  Drucksache 8/5123\n"
        "8. Wahlperiode                                          12.03.2026\n\n\n"
        "Kleine Anfrage zur schriftlichen Beantwortung\n\nAbgeordneter Jan Probe (SPD)\n\n"
        "Sanierung der Landesstraße 123 zwischen Ahlen und Borstel\n\n"
        "Kleine Anfrage – KA 8/3017\n\n\nVorbemerkung des Fragestellers:\n",
        "Sanierung der Landesstraße 123 zwischen Ahlen und Borstel",
    ),
    # a party's amendment: its form fields and its line reference are no title
    "party amendment export": (
        "Ä2 zu W-04: Bezahlbares Wohnen für Auszubildende\n\n"
        "Antragsteller*in:        KV Musterstadt (dort beschlossen am: 12.09.2026)\n"
        "Status:                  Eingereicht\nTagesordnungspunkt:      W Wohnen\n\n"
        "Änderungsantrag zu W-04\n\nVon Zeile 12 bis 14 einfügen:\n\n"
        "12    Wir wollen in jeder Großstadt ein Azubiwerk gründen, das Wohnheimplätze\n"
        "13    zu einer Miete von höchstens 400 Euro im Monat anbietet und mit den\n"
        "14    Kammern und den Studierendenwerken zusammenarbeitet.\n",
        "Ä2 zu W-04: Bezahlbares Wohnen für Auszubildende",
    ),
    # a title in quotes over two lines, the quotes left out
    "state motion with a quoted title": (
        "Landtag Musterland – 19. Wahlperiode                      Drucksache 19/9012\n\n\n"
        "Entschließungsantrag\n\nFraktion der CDU                         Musterstadt, 03.11.2026\n"
        "\n\n„Pflegestrategie 2030 – Kurzzeitpflege im ländlichen Raum\ndauerhaft sichern“\n\n\n"
        "Der Landtag wolle beschließen:\n\nEntschließung\n\n"
        "Die Kurzzeitpflege ist ein Kernbestandteil der Daseinsvorsorge.\n",
        "Pflegestrategie 2030 – Kurzzeitpflege im ländlichen Raum dauerhaft sichern",
    ),
    # an amendment to a bill: the government that submitted it is no title, nor the bill's
    # Drucksache below it
    "amendment to a government bill": (
        "LANDTAG MUSTERLAND\n\n21. Wahlperiode                           Drucksache 21/3456\n\n"
        "Änderungsantrag\nFraktion der SPD\n\nzu Gesetzentwurf\nLandesregierung\n"
        "Gesetz zur Änderung des Musterländischen Schulgesetzes\nDrucksache 21/3102\n\n\n"
        "Der Landtag wolle beschließen:\n\nDer Gesetzentwurf wird wie folgt geändert:\n",
        "Gesetz zur Änderung des Musterländischen Schulgesetzes",
    ),
    # a Landtag's budget amendment: the subject under the "hier:" line of its budget position
    "state budget amendment with its position": (
        "LANDTAG MUSTERLAND\n\n21. Wahlperiode                           Drucksache 21/3418\n\n"
        "Änderungsantrag\nFraktion der SPD\n\nzu Gesetzentwurf\nLandesregierung\n"
        "Gesetz über die Feststellung des Haushaltsplans des Landes für das\n"
        "Haushaltsjahr 2027 (Haushaltsgesetz 2027)\nDrucksache 21/2950\n\n"
        "hier: Einzelplan 04 – Ministerium für Kultus und Bildung\n"
        "      Schulbibliotheken an allen Grundschulen fördern\n\n\n"
        "Der Landtag wolle beschließen:\n",
        "Schulbibliotheken an allen Grundschulen fördern",
    ),
    # a title's last line of one to three words in lower case closes it; the request's
    # opening line below is no part of it
    "federal motion, verb on its own line": (
        "Deutscher Bundestag Drucksache 21/4410\n21. Wahlperiode 12.05.2026\nAntrag\n"
        "der Fraktion BÜNDNIS 90/DIE GRÜNEN\nLehrschwimmbecken retten – Sanierungsprogramm für "
        "kommunale Bäder\nauflegen\nDer Bundestag wolle beschließen:\nI. Der Deutsche "
        "Bundestag stellt fest:\n",
        "Lehrschwimmbecken retten – Sanierungsprogramm für kommunale Bäder auflegen",
    ),
    # the lines that connect an amendment to the bill are no title; the bill's title is
    "committee amendment": (
        "Deutscher Bundestag\nAusschuss für Klimaschutz und Energie     Ausschussdrucksache "
        "21(25)118\n                                                   14. April 2026\n\n"
        "Änderungsantrag\nder Fraktionen CDU/CSU und SPD\n\nzu dem Gesetzentwurf der "
        "Bundesregierung\n\nEntwurf eines Gesetzes zur Beschleunigung der Geothermie\n"
        "– Drucksache 21/3310 –\n\nDer Ausschuss wolle beschließen:\n",
        "Entwurf eines Gesetzes zur Beschleunigung der Geothermie",
    ),
    # Hessen's "betreffend", an amendment's quoted reference, a budget block's "hier:"
    "state motion with betreffend": (
        "HESSISCHER LANDTAG        Drucksache 21/2870\n21. Wahlperiode        04.03.2026\n\n"
        "Dringlicher Antrag\nder Fraktion der FDP\n\nbetreffend Brandschutzerziehung an "
        "Grundschulen stärken\n\nDer Landtag wolle beschließen:\n",
        "Brandschutzerziehung an Grundschulen stärken",
    ),
    # a title line that ends on an article and its adjective goes on below
    "district assembly, title over two lines": (
        "BEZIRKSTAG VON OBERBAYERN\nFRAKTION FREIE WÄHLER\n\nPrinzregentenstraße 14 · 80538 "
        "München\n                                      München, 2. Dezember 2026\n\nANTRAG\n\n"
        "Budget für Arbeit – Übergänge aus der Werkstatt auf den allgemeinen\nArbeitsmarkt "
        "stärken\n\nDie Bezirksverwaltung legt dem Sozialausschuss einen Bericht vor.\n",
        "Budget für Arbeit – Übergänge aus der Werkstatt auf den allgemeinen Arbeitsmarkt stärken",
    ),
    # a Land's name broken at its hyphen keeps the hyphen, with no space
    "Landtag, title broken at a compound's hyphen": (
        "LANDTAG RHEINLAND-PFALZ          Drucksache 18/9931\n18. Wahlperiode          "
        "02.12.2026\n\nGroße Anfrage\nder Fraktion der CDU\n\nSchutz für gewaltbetroffene "
        "Frauen und ihre Kinder in Rheinland-\nPfalz\n\nWir fragen die Landesregierung:\n",
        "Schutz für gewaltbetroffene Frauen und ihre Kinder in Rheinland-Pfalz",
    ),
    "amendment citing the motion's title": (
        "SCHLESWIG-HOLSTEINISCHER LANDTAG        Drucksache 20/4410\n20. Wahlperiode     "
        "11.05.2026\n\nÄnderungsantrag\n\nder Fraktion der SPD\n\nzu „Bibliotheken als "
        "Lernorte sichern“\nAntrag der Fraktionen von CDU und BÜNDNIS 90/DIE GRÜNEN – "
        "Drucksache 20/4388\n\nDer Landtag wolle beschließen:\n",
        "Bibliotheken als Lernorte sichern",
    ),
}


@pytest.mark.parametrize("body", sorted(HEADS))
def test_shipped_model_reads_the_title(shipped, body):
    text, title = HEADS[body]
    assert guess_title(text, None, model=shipped) == title


def test_shipped_model_checks_its_weights(shipped, tmp_path):
    folder = tmp_path / "title"
    shutil.copytree(DEFAULT_TITLE_DIR, folder)
    assert TitleModel.load(folder).threshold == shipped.threshold
    weights = folder / "title.npz"
    weights.write_bytes(weights.read_bytes()[:-8] + b"\0" * 8)
    with pytest.raises(ModelError, match="sha256"):
        TitleModel.load(folder)
    card = json.loads((folder / "model_card.json").read_text(encoding="utf-8"))
    card["format"] = "antragsradar-title-0"
    (folder / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="format"):
        TitleModel.load(folder)


def _records(n: int) -> list[dict]:
    """Motions of an invented council whose letterhead the shipped data never saw."""
    subjects = ["Radweg", "Schulhof", "Bücherei", "Spielplatz", "Busspur", "Stadtpark", "Hallenbad"]
    places = ["Nord", "Süd", "Altstadt", "am Hafen", "Oststadt"]
    out = []
    for i in range(n):
        title = f"{subjects[i % 7]} {places[i % 5]} verbessern ({i})"
        text = (
            f"Wählergruppe Zukunft Entenhausen\nRathausplatz {i % 9 + 1}\n99999 Entenhausen\n\n"
            f"Nr. {i}/2026\nSitzungsdienst – öffentlich\n\n{title}\n\nDer Stadtrat möge "
            f"beschließen:\nDie Verwaltung prüft, wie der {subjects[i % 7]} verbessert werden kann.\n"
        )
        out.append({"id": f"e{i}", "title": title, "text": text, "paper_type": "Antrag"})
    return out


def test_train_title_on_a_users_records(tmp_path):
    from pipeline.cli import app

    corpus = tmp_path / "entenhausen.jsonl"
    corpus.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records(60)), encoding="utf-8"
    )
    out = tmp_path / "title-model"
    result = CliRunner().invoke(
        app,
        ["train", "--component", "title", "--only-annotations", "--corpus", str(corpus)]
        + ["--out", str(out), "--quiet"],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["title_token_f1"]["within_source_5fold"]["entenhausen.jsonl"] > 0.95
    model = TitleModel.load(out)
    assert (out / "README.md").read_text(encoding="utf-8").startswith("# Title model")
    text = _records(61)[-1]["text"].replace("(60)", "(neu)")
    assert guess_title(text, None, model=model) == "Busspur Nord verbessern (neu)"
    assert np.isfinite(model.w_start).all()


def test_title_model_chosen_by_environment(tmp_path, monkeypatch):
    from pipeline.cli import app
    from pipeline.ingest.textmeta import text_metadata
    from pipeline.ingest.title_lines import default_model

    monkeypatch.setenv("ANTRAGSRADAR_TITLE_MODEL", str(tmp_path / "missing"))
    default_model.cache_clear()
    try:
        with pytest.raises(ModelError, match="ANTRAGSRADAR_TITLE_MODEL"):
            text_metadata(HEADS["county"][0])
        # a setup error: one line and exit 1 before any file is read, not a failure per file
        (tmp_path / "antrag.txt").write_text(HEADS["county"][0], encoding="utf-8")
        result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--db", str(tmp_path / "m.db")])
        assert result.exit_code == 1
        assert "ANTRAGSRADAR_TITLE_MODEL" in result.output
        assert "Traceback" not in result.output
    finally:
        monkeypatch.delenv("ANTRAGSRADAR_TITLE_MODEL")
        default_model.cache_clear()


def test_a_head_without_title_gives_none(shipped):
    """No title line: not the motion number, the submitter line, the request or the
    justification (the model is unsure here, and the rules find nothing)."""
    text = (
        "Antrag 12/I/2026\nAntragsteller: Jusos Landesverband\nDer Landesparteitag möge "
        "beschließen:\nDer Landesvorstand wird beauftragt, bis zum nächsten Parteitag einen "
        "Bericht über die Mitgliederentwicklung in den Kreisverbänden vorzulegen.\n\n"
        "Begründung: Ein Konzept zur Mitgliedergewinnung fehlt bisher.\n"
    )
    assert guess_title(text, None, model=shipped) == ""


def test_training_without_titles_in_the_text_is_one_clear_error(tmp_path):
    from pipeline.cli import app

    corpus = tmp_path / "ohne-titel.jsonl"
    record = {"id": "a", "text": "Der Rat möge beschließen: Die Verwaltung pflanzt Bäume."}
    corpus.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        app,
        ["train", "--component", "title", "--only-annotations", "--corpus", str(corpus)]
        + ["--out", str(tmp_path / "m"), "--quiet"],
    )
    assert result.exit_code == 1
    assert "title beside their text" in result.output
    assert not (tmp_path / "m" / "model_card.json").exists()


def test_a_word_beginning_like_a_label_is_no_label():
    from pipeline.ingest.title_rules import labelled_title

    assert labelled_title("Die betreffenden Vorschriften finden keine Anwendung.\n") == ""
    assert labelled_title("Betreffende Vorschriften: keine\n") == ""
    # an agenda's section is no title
    assert labelled_title("Tagesordnungspunkt: V Verschiedenes\nAntrag V-12\n") == ""


def test_a_labelled_title_keeps_a_hyphen_before_und():
    # the one join of title lines: "Rad-" / "und Fußwege" is no word "Radund"
    from pipeline.ingest.title_rules import labelled_title

    text = "Betreff: Sichere Rad-\nund Fußwege an der Hauptstraße\n"
    assert labelled_title(text) == "Sichere Rad- und Fußwege an der Hauptstraße"
