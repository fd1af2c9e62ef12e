"""Extraction rules on German examples written for these tests, with hard negatives."""

from __future__ import annotations

import json

import pytest

from pipeline.extract import add_extractors
from pipeline.paths import shared_dir
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp())


def run(nlp, text: str, title: str = "", paper_type: str | None = "Antrag", groups=None):
    motion = Motion(id="test:1", text=text, title=title, paper_type=paper_type, groups=groups or [])
    return next(nlp.pipe([make_motion_doc(nlp, motion)])), motion


def body(request: str, reason: str = "Die Lage ist seit Jahren unbefriedigend.") -> str:
    return (
        "ANTRAG\n\nSPD-Gemeinderatsfraktion\n\nVorlage Nr.: 2031/0001\n"
        "Gremium Termin TOP ö nö\nGemeinderat 01.02.2031 7\n\n"
        f"{request}\n\nSachverhalt/Begründung:\n{reason}\n"
    )


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        (
            "Die Stadtverwaltung prüft, ob am Festplatz eine öffentliche Toilette aufgestellt werden kann.",
            "review",
        ),
        (
            "Die Verwaltung berichtet dem Umweltausschuss jährlich über den Stand der Baumpflanzungen.",
            "report",
        ),
        ("Die Stadtverwaltung erarbeitet ein Konzept zur Beschattung der Spielplätze.", "concept"),
        ("Am Bahnhofsvorplatz werden zwölf überdachte Fahrradbügel installiert.", "implement"),
        ("Für den Seniorentreff werden jährlich 20.000 Euro zusätzlich bereitgestellt.", "budget"),
        (
            "Der Gemeinderat fordert die Landesregierung auf, die Schulsozialarbeit dauerhaft zu finanzieren.",
            "appeal",
        ),
        ("Der Beschlussvorschlag wird wie folgt ergänzt: Ziffer 3 entfällt.", "amend"),
    ],
)
def test_action_types(nlp, request_text, expected):
    doc, motion = run(nlp, body(request_text))
    types = [a["type"] for a in doc._.actions]
    assert expected in types
    act = next(a for a in doc._.actions if a["type"] == expected)
    # offsets point into the original text
    assert motion.text[act["start"] : act["end"]] == act["evidence"]


def test_inquiry(nlp):
    text = (
        "ANFRAGE\n\nCDU-Gemeinderatsfraktion\n\nVorlage Nr.: 2031/0002\n\n"
        "1. Wie viele Bänke stehen im Schlossgarten?\n2. Wann werden die defekten Bänke ersetzt?\n"
    )
    doc, _ = run(nlp, text, paper_type="Anfrage")
    assert {a["type"] for a in doc._.actions} == {"inquiry"}
    # the question mark that ends a line is the trigger, not the line break after it
    assert {a["trigger"] for a in doc._.actions} == {"?"}


def test_action_only_in_justification_is_not_requested(nlp):
    text = body(
        "Die Stadtverwaltung richtet am Rheinhafen eine Ladestation für Lastenräder ein.",
        "Andere Städte haben bereits eine Machbarkeitsstudie erstellt und einen Bericht vorgelegt. "
        "Dort wurde ein Konzept erarbeitet.",
    )
    doc, _ = run(nlp, text)
    types = {a["type"] for a in doc._.actions}
    assert types == {"implement"}


def test_review_hedged_and_addressee(nlp):
    doc, _ = run(
        nlp,
        body(
            "Die Verwaltung wird gebeten, gegebenenfalls zu prüfen, wie der Lärmschutz verbessert werden kann."
        ),
    )
    review = next(a for a in doc._.actions if a["type"] == "review")
    assert review["hedged"] is True
    assert review["addressee"] == "Verwaltung"
    assert "Lärmschutz" in review["object"]
    assert doc._.hedged is True


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Die Kosten werden aus dem Klimaschutzfonds der Stadt finanziert.", "named_fund"),
        (
            "Die Mittel sind im Teilhaushalt 6600 bei der Produktgruppe 5410-660 veranschlagt.",
            "budget_line",
        ),
        (
            "Dafür sollen Fördermittel des Landes Baden-Württemberg beantragt werden.",
            "external_grant",
        ),
        ("Die Deckung erfolgt durch Einsparungen beim Fuhrpark.", "offset"),
        ("Die Stadt stellt dafür Haushaltsmittel in Höhe von 50.000 € bereit.", "general_budget"),
        # a part of the city's own pot, as our annotators give it
        (
            "Die Kosten von 4.800 € werden aus dem Stadtbezirksbudget Gohlis 2026 getragen.",
            "named_fund",
        ),
        ("Der Ortschaftsrat gibt dafür 2.000 € aus seinen Verfügungsmitteln.", "named_fund"),
    ],
)
def test_funding_kinds(nlp, sentence, kind):
    doc, motion = run(
        nlp, body("Die Stadtverwaltung saniert den Spielplatz am Lindenweg. " + sentence)
    )
    kinds = {f["kind"] for f in doc._.funding}
    assert kind in kinds
    f = next(f for f in doc._.funding if f["kind"] == kind)
    assert motion.text[f["start"] : f["end"]] == f["evidence"]


def test_amounts(nlp):
    doc, _ = run(nlp, body("Der Zuschuss an den Verein wird um 1,5 Mio. Euro erhöht."))
    assert 1_500_000 in [f["amount_eur"] for f in doc._.funding]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # thousands set off by a space, as the Bundestag and budget tables print them
        ("Die Freigrenze wird auf 65 000 Euro erhöht.", [65_000]),
        ("Der Ansatz bei Titel 686 22 wird um 30 000 T€ auf 80 000 T€ erhöht.", [3e7, 8e7]),
        ("ein Entlastungsbudget von jährlich 3\u00a0500 Euro", [3_500]),
        ("Kosten von 1 234 567,50 € fallen an.", [1_234_567.5]),
        # a range's first figure, stated first, is its amount; a year before an amount stays apart
        ("Zuschüsse von 1 500 bis 2 000 Euro je Verein", [1_500]),
        ("jährlich zwischen 40.000 und 60.000 € bereitzustellen", [40_000]),
        ("Kosten von 40 – 60 Mio. € für den Neubau", [4e7]),
        ("300 bis 500 T€ im Jahr", [3e5]),
        ("in den Jahren 2026 bis 50.000 Euro", [50_000]),
        ("je Verein 10.000 und 20.000 € für den Dachverband", [20_000]),
        ("Zuschüsse bis zu 15.000 €", [15_000]),
        ("Im Jahr 2025 500 Euro mehr", [500]),
        # the unit before the figure, in thousands; the currency that closes a figure opens
        # no second one ("450 TEUR 650 TEUR": two amounts)
        ("Für den Krisendienst werden zusätzlich TEUR 180 veranschlagt.", [180_000]),
        ("Baumaßnahmen Sportanlagen   450 TEUR   650 TEUR", [450_000, 650_000]),
        ("Eigenanteil 200 € 300 € je Platz", [200, 300]),
        ("Kosten: EUR 1.500 je Schule", [1_500]),
    ],
)
def test_amounts_with_spaced_thousands(text, values):
    from pipeline.extract.amounts import find_amounts

    assert [a.value for a in find_amounts(text)] == values


@pytest.mark.parametrize(
    ("sentence", "kind", "amount"),
    [
        # a mention and an amount in one sentence without the money words
        (
            "Hierfür werden aus dem Quartiersfonds des Bezirks 25.000 Euro zur Verfügung gestellt.",
            "named_fund",
            25_000,
        ),
        (
            "Die Ausgaben werden rund 61,6 Millionen Euro betragen und aus Einzelplan 14 "
            "Kapitel 1401 Titel 532 01 bestritten.",
            "budget_line",
            61_600_000,
        ),
    ],
)
def test_an_amount_beside_a_funding_mention_is_its_amount(nlp, sentence, kind, amount):
    doc, _ = run(nlp, body("Die Stadtverwaltung saniert den Spielplatz am Lindenweg. " + sentence))
    assert amount in [f["amount_eur"] for f in doc._.funding if f["kind"] == kind]


def test_an_amount_without_a_mention_or_money_words_is_no_funding(nlp):
    doc, _ = run(
        nlp,
        body(
            "Die Stadtverwaltung saniert den Spielplatz am Lindenweg. "
            "Der Sportverein hat 300 Mitglieder und 5.000 Euro Rücklagen."
        ),
    )
    assert [f["amount_eur"] for f in doc._.funding if f["amount_eur"] is not None] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Sitzung am 12.11.2024 hat dies bereits beraten.",
        "Für den Doppelhaushalt 2024/2025 liegen 37 Anträge vor.",
        "Die Straße ist 1.200 Meter lang und wird von 3.500 Fahrzeugen am Tag befahren.",
    ],
)
def test_numbers_that_are_not_amounts(nlp, sentence):
    doc, _ = run(
        nlp, body("Die Stadtverwaltung legt einen Bericht zur Verkehrslage vor. " + sentence)
    )
    assert [f["amount_eur"] for f in doc._.funding if f["amount_eur"] is not None] == []


@pytest.mark.parametrize(
    ("sentence", "kind", "name"),
    [
        (
            "Die Sanierung wird aus dem Sondervermögen Infrastruktur und Klimaneutralität des "
            "Bundes finanziert.",
            "named_fund",
            "Sondervermögen Infrastruktur und Klimaneutralität des Bundes",
        ),
        (
            "Die Kosten werden aus Mitteln des Sozialfonds Plus (ESF+) gedeckt.",
            "named_fund",
            "Sozialfonds Plus (ESF+)",
        ),
        # hard negative: a money noun after the head is not part of the name
        (
            "Aus dem Klimaschutzfonds Mittel in Höhe von 20.000 Euro bereitzustellen.",
            "named_fund",
            "Klimaschutzfonds",
        ),
        # a quoted name is part of the name, whatever its first letter, and ends it
        (
            "Dafür werden Mittel aus dem Landesprogramm „plusKITA“ in Höhe von 40.000 Euro "
            "beantragt.",
            "external_grant",
            "Landesprogramm „plusKITA“",
        ),
        (
            "Die Kosten werden aus dem Klimafonds „Grüne Höfe“ der Stadt gedeckt.",
            "named_fund",
            "Klimafonds „Grüne Höfe“",
        ),
    ],
)
def test_a_funds_name_goes_on_with_capitalised_words(nlp, sentence, kind, name):
    doc, _ = run(nlp, body("Die Stadtverwaltung saniert den Spielplatz am Lindenweg. " + sentence))
    assert name in [f["name"] for f in doc._.funding if f["kind"] == kind]


def test_a_quoted_name_makes_no_content_programme_a_fund(nlp):
    # hard negative: the holiday programme is what the money pays for, not where it comes from
    doc, _ = run(
        nlp,
        body(
            "Für das Ferienprogramm „Sommer am See“ werden aus dem Haushalt 5.000 Euro bereitgestellt."
        ),
    )
    assert not [f for f in doc._.funding if "Ferienprogramm" in f["name"]]


def test_the_parts_of_one_budget_position_are_one_mention_with_its_amount(nlp):
    doc, _ = run(
        nlp,
        body(
            "Die im Haushaltsplan 2025/2026 im Teilhaushalt 40 – Schulen, Produkt 21.01 "
            "Bereitstellung von Schulgebäuden für 2027 veranschlagten Mittel in Höhe von "
            "1.450.000 Euro werden in das Haushaltsjahr 2026 vorgezogen."
        ),
    )
    lines = [f for f in doc._.funding if f["kind"] == "budget_line"]
    assert [(f["name"], f["amount_eur"]) for f in lines] == [
        ("Teilhaushalt 40, Produkt 21.01", 1_450_000)
    ]
    f = lines[0]
    assert doc._.clean.original[f["start"] : f["end"]] == f["evidence"]


def test_two_positions_with_their_own_amounts_stay_two(nlp):
    # hard negative: an amount between them ends the first position
    doc, _ = run(
        nlp,
        body(
            "Im Produkt 3620 werden 40.000 Euro und im Produkt 3650 werden 25.000 Euro "
            "zusätzlich bereitgestellt."
        ),
    )
    names = {f["name"] for f in doc._.funding if f["kind"] == "budget_line"}
    assert names == {"Produkt 3620", "Produkt 3650"}


def test_fund_as_subject_is_not_a_source(nlp):
    doc, _ = run(nlp, body("Die Verwaltung erarbeitet ein Konzept für einen Nachbarschaftsfonds."))
    assert not [f for f in doc._.funding if f["kind"] == "named_fund"]


def test_fund_as_source(nlp):
    doc, _ = run(
        nlp,
        body(
            "Eventuell können dafür Mittel aus dem Nachbarschaftsfonds für Vereine und Initiativen genutzt werden."
        ),
    )
    funds = [f for f in doc._.funding if f["kind"] == "named_fund"]
    assert funds and funds[0]["name"].startswith("Nachbarschaftsfonds für Vereine")
    assert funds[0]["hedged"] is True


def test_budget_form_rows(nlp):
    text = (
        "GRÜNE Gemeinderatsfraktion, Musterweg 1, 12345 Musterstadt\n\nANTRAG\n\nBänke am See\n\n"
        "Zuordnung im Haushaltsplan\nSeite im HH-Plan Teilhaushalt\n2106600\n"
        "Ergebnishaushalt: Produktbereich | Produktgruppe | Schlüsselposition 54 5410-660\n\n"
        "Änderungen und neue Mittelanmeldungen\nArt 2031 2032 2033\n Stellenschaffung/-reduzierung 1,00\n"
        " Erhöhung/Reduzierung Sachaufwendungen 0\n-12.500 -12.500\n\nSonstige Änderungen\n"
        "Sachverhalt | Begründung\nDie Bänke werden nicht ersetzt.\n"
    )
    doc, _ = run(nlp, text, title="Bänke am See", paper_type="Haushalt THH 6600")
    lines = [f for f in doc._.funding if f["kind"] == "budget_line"]
    assert lines and -12_500 in [f["amount_eur"] for f in lines]
    assert "THH 6600" in lines[0]["budget_line"]
    assert "budget" in {a["type"] for a in doc._.actions}
    assert doc._.groups == ["GRÜNE"]


@pytest.mark.parametrize(
    ("title", "text", "meta", "expected"),
    [
        ("Ergänzungsantrag KULT: Mehr Bänke", "Text", None, ["KULT"]),
        ("Mehr Bänke", "Antrag\nAntrag: FDP/FW\nGremien Termin TOP\n", None, ["FDP", "FW"]),
        ("Mehr Bänke", "ANTRAG\nCDU-Gemeinderatsfraktion\n", None, ["CDU"]),
        ("Mehr Bänke", "Anfrage: KAL/Die PARTEI\n", None, ["KAL", "Die PARTEI"]),
        (
            "Mehr Bänke",
            "Antrag der Fraktionen SPD und Bündnis 90/DIE GRÜNEN\n",
            None,
            ["SPD", "GRÜNE"],
        ),
        ("Mehr Bänke", "ANTRAG\nStadträtin Erika Muster (Die Linke)\n", None, ["Die Linke"]),
        ("Mehr Bänke", "ANTRAG\nCDU-Gemeinderatsfraktion\n", ["Bündnis 90/Die Grünen"], ["GRÜNE"]),
        ("Für mehr Grün in der Stadt", "ANTRAG\nText ohne Absender\n", None, []),
        ("Mehr Bänke", "CSU-Stadtratsfraktion Nürnberg\nRathausplatz 2\n", None, ["CSU"]),
        ("Mehr Bänke", "Antrag der Fraktion der CDU/CSU\n", None, ["CDU/CSU"]),
        (
            "Mehr Bänke",
            "Antrag\nder Abgeordneten Max Muster und der Fraktion\nder CDU/CSU\n",
            None,
            ["CDU/CSU"],
        ),
        # metadata: joint entries split, party units and local lists kept whole
        (
            "Mehr Bänke",
            "Text",
            ["KDV Reinickendorf + AfA Landesvorstand"],
            ["KDV Reinickendorf", "AfA Landesvorstand"],
        ),
        ("Mehr Bänke", "Text", ["ÖDP/München-Liste"], ["ÖDP", "München-Liste"]),
        ("Mehr Bänke", "Text", ["SPD-Ortsverein Herten-Mitte"], ["SPD-Ortsverein Herten-Mitte"]),
        ("Mehr Bänke", "Text", ["Fraktion der CDU/CSU"], ["CDU/CSU"]),
        (
            "Mehr Bänke",
            "Text",
            ["FA III - Innen-/Rechtspolitik"],
            ["FA III - Innen-/Rechtspolitik"],
        ),
    ],
)
def test_groups(nlp, title, text, meta, expected):
    doc, _ = run(nlp, text, title=title, groups=meta)
    assert doc._.groups == expected


def test_topic_from_title(nlp):
    doc, _ = run(
        nlp,
        body("Die Stadtverwaltung erneuert die Beleuchtung."),
        title="Antrag CDU: Straßenbeleuchtung am Lindenweg verbessern",
    )
    assert "Straßenbeleuchtung" in doc._.topic
    assert "verbessern" not in doc._.topic
    assert doc._.topic_keywords


def test_seed_motion(nlp):
    seed = shared_dir() / "seed" / "region-hannover-hha-3185.txt"
    if not seed.exists():
        pytest.skip(f"shared seed motion not found at {seed} (set ANTRAGSRADAR_SHARED)")
    gold = json.loads(seed.with_suffix(".gold.json").read_text(encoding="utf-8"))
    text = seed.read_text(encoding="utf-8")
    motion = Motion(id=gold["id"], text=text, title="", paper_type=gold["paper_type"])
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    assert [a["type"] for a in doc._.actions] == ["review"]
    act = doc._.actions[0]
    assert "zu prüfen" in act["evidence"] and text[act["start"] : act["end"]] == act["evidence"]
    funds = [f for f in doc._.funding if f["kind"] == "named_fund"]
    assert [f["kind"] for f in doc._.funding] == ["named_fund"]
    assert funds[0]["name"] == "Regionsfonds für Vielfalt und Teilhabe"
    assert funds[0]["budget_line"] == "THH 52; Produkt 331111"
    assert funds[0]["amount_eur"] is None
    assert doc._.topic == "Integrationsplan"
    assert doc._.hedged is True
    assert set(doc._.groups) == {"SPD", "GRÜNE"}


# A cover letter that asks to put the motion on the agenda (the councils of North
# Rhine-Westphalia write one above every motion): a step of procedure, no request.
COVER_LETTER_MOTION = (
    "An den\nVorsitzenden des Ausschusses für Umwelt, Klima und Grün\n\nAN/0412/2025\n\n"
    "Antrag gem. § 3 der Geschäftsordnung des Rates\n\nSehr geehrter Herr Vorsitzender,\n\n"
    "die Fraktionen von BÜNDNIS 90/DIE GRÜNEN und CDU bitten Sie, folgenden Antrag auf die "
    "Tagesordnung der Sitzung des Ausschusses am 06.03.2025 zu setzen:\n\n"
    "Entsiegelung von Schulhöfen\n\nBeschluss:\nDer Ausschuss beauftragt die Verwaltung, bis "
    "zum Ende des Jahres ein Programm zur Entsiegelung von Schulhöfen zu erarbeiten.\n\n"
    "Begründung:\nVersiegelte Schulhöfe heizen sich im Sommer stark auf.\n"
)


def test_the_agenda_request_of_a_cover_letter_is_no_action(nlp):
    doc, _ = run(nlp, COVER_LETTER_MOTION)
    assert [a["type"] for a in doc._.actions] == ["concept"]
    # a request to put a subject on a committee's agenda is one
    text = body(
        "Die Verwaltung wird beauftragt, das Thema Hitzeschutz auf die Tagesordnung der nächsten "
        "Sitzung des Umweltausschusses zu setzen."
    )
    doc, _ = run(nlp, text)
    assert [a["type"] for a in doc._.actions] == ["implement"]
    # the same wish in Baden-Württemberg's words ("Antrag nach § 34 GemO")
    text = (
        "Stadt Freiburg im Breisgau\nGemeinderat\n\nAntrag nach § 34 GemO\n\nHitzeschutz in "
        "Kitas\n\nSehr geehrter Herr Oberbürgermeister,\n\nwir beantragen, das Thema in der "
        "nächsten Sitzung des Gemeinderats zu behandeln, und bitten um folgende Beschlussfassung:"
        "\n\n1. Die Verwaltung erstellt bis Ende 2025 einen Hitzeschutzplan für alle Kitas.\n"
    )
    doc, _ = run(nlp, text)
    assert [a["type"] for a in doc._.actions] == ["concept"]
    # "den nachstehenden Antrag": the same step of procedure
    text = COVER_LETTER_MOTION.replace("folgenden Antrag", "den nachstehenden Antrag")
    doc, _ = run(nlp, text)
    assert [a["type"] for a in doc._.actions] == ["concept"]


def test_a_partys_number_is_no_budget_line_of_a_fund(nlp):
    """ "BÜNDNIS 90/DIE GRÜNEN" on the line that names the fund's body is no Teilhaushalt 90."""
    text = (
        "Landeshauptstadt Stuttgart\nBezirksbeirat Ost\n\nAntragsteller: Fraktion BÜNDNIS "
        "90/DIE GRÜNEN im Bezirksbeirat Ost\n\nSitzbänke am Ostendplatz\n\nDer Bezirksbeirat "
        "regt an, am Ostendplatz vier Sitzbänke aufzustellen. Die Kosten von bis zu 4.000 Euro "
        "sollen aus dem Bezirksbudget des Bezirksbeirats Ost getragen werden.\n"
    )
    doc, _ = run(nlp, text)
    funds = [f for f in doc._.funding if f["kind"] == "named_fund"]
    assert funds and all("90" not in f["budget_line"] for f in funds)


def test_psp_element_is_a_budget_line(nlp):
    # Saxon cities (Leipzig, Dresden) name budget positions by their PSP-Element
    text = body(
        "Die erforderlichen Mittel in Höhe von 1,2 Mio. Euro jährlich werden im PSP-Element "
        "1.100.36.3.0.01 (Schulsozialarbeit) bereitgestellt."
    )
    doc, _ = run(nlp, text)
    lines = [f for f in doc._.funding if f["kind"] == "budget_line"]
    assert [f["budget_line"] for f in lines] == ["PSP-Element 1.100.36.3.0.01"]
    # "PSP" without a number names no position
    doc, _ = run(nlp, body("Die Verwaltung prüft, welches PSP-Element betroffen ist."))
    assert not [f for f in doc._.funding if f["kind"] == "budget_line"]


@pytest.mark.parametrize(
    "answer_head",
    [
        "Antwort der Landesregierung:",
        "Antwort zu 1:",
        "Mit Schreiben vom 14. März 2025 beantwortet das Ministerium für Finanzen die Kleine "
        "Anfrage wie folgt:",
        # the printed heading of an answer, over its author
        "Antwort\ndes Staatsministeriums für Wirtschaft, Landesentwicklung und Energie",
        "Antwort\nder Bundesregierung",
    ],
)
def test_the_answer_of_an_inquiry_ends_the_motion(nlp, answer_head):
    text = (
        "Landtag von Baden-Württemberg\nDrucksache 17/5555\n\nKleine Anfrage\nder Abg. Erika "
        "Muster FDP/DVP\n\nDigitalisierung der Verwaltung\n\nIch frage die Landesregierung:\n"
        "1. Wie viele Verwaltungsleistungen sind digital verfügbar?\n\n"
        f"{answer_head}\nDerzeit sind 312 Leistungen digital verfügbar. Das Land wird weitere "
        "Mittel in Höhe von 5 Millionen Euro aus dem Haushalt bereitstellen.\n"
    )
    doc, _ = run(nlp, text, paper_type="Kleine Anfrage")
    assert doc._.sections.end == text.index(answer_head)
    assert not doc._.funding


def test_an_answers_own_document_is_read_whole(nlp):
    # hard negative: the answer's heading stands above the questions it repeats; read from
    # there, the document would hold no motion at all
    text = (
        "Deutscher Bundestag Drucksache 20/12488\n20. Wahlperiode 29.07.2024\n\nAntwort\n"
        "der Bundesregierung\n\nauf die Kleine Anfrage der Fraktion der CDU/CSU\n\n"
        "Zustand der Autobahnbrücken\n\n1. Wie viele Brücken haben eine Zustandsnote von 3,0 "
        "oder schlechter?\n\nNach Kenntnis der Bundesregierung sind es 412 Brücken.\n"
    )
    doc, _ = run(nlp, text, paper_type="Antwort")
    assert doc._.sections.end == len(doc._.clean.text)


def test_one_fund_named_twice_in_one_sentence_is_one_mention(nlp):
    # "Landesprogramm" and its full name in the same words: the fuller name only
    text = body(
        "Die Verwaltung erarbeitet ein Programm zur Entsiegelung von Schulhöfen. Für die Umsetzung "
        'werden Fördermittel aus dem Landesprogramm "Klimaresilienz in Kommunen" beantragt.'
    )
    doc, _ = run(nlp, text)
    grants = [f["name"] for f in doc._.funding if f["kind"] == "external_grant"]
    assert grants == ['Landesprogramm "Klimaresilienz in Kommunen"']


def test_a_letters_salutation_is_no_part_of_the_evidence(nlp):
    text = (
        "SPD-Ratsfraktion Düsseldorf\n\nAnfrage zur Sitzung des Schulausschusses\n\n"
        "Ganztagsplätze an Grundschulen\n\nSehr geehrte Frau Vorsitzende,\n\nwir bitten die "
        "Verwaltung um die Beantwortung folgender Fragen:\n\n1. Wie viele Kinder stehen auf "
        "Wartelisten?\n2. Wie viele Plätze entstehen bis 2027?\n"
    )
    doc, motion = run(nlp, text, paper_type="Anfrage")
    assert doc._.actions
    for a in doc._.actions:
        assert not a["evidence"].startswith("Sehr geehrte")
        assert motion.text[a["start"] : a["end"]] == a["evidence"]


@pytest.mark.parametrize(
    ("request_", "budget"),
    [
        # a fine, a tax threshold, a fee: amounts that are no money of the budget
        (
            "Die Stadtverwaltung verhängt bei illegaler Müllablagerung ein Bußgeld bis 5.000 Euro.",
            False,
        ),
        ("Die Freigrenze für gemeinnützige Vereine wird auf 65 000 Euro angehoben.", False),
        ("Die Gebühr für den Bewohnerparkausweis beträgt künftig 120 Euro im Jahr.", False),
        # money provided is
        ("Die Stadtverwaltung stellt dem Verein 5.000 Euro für die Sanierung zur Verfügung.", True),
        ("Für das Projekt werden 20.000 Euro im Haushalt 2026 eingestellt.", True),
    ],
)
def test_an_amount_of_a_fine_fee_or_threshold_is_no_budget_request(nlp, request_, budget):
    doc, _ = run(nlp, body("Der Gemeinderat möge beschließen:\n" + request_))
    assert ("budget" in {a["type"] for a in doc._.actions}) is budget


@pytest.mark.parametrize(
    "request_",
    [
        "Der Gemeinderat lehnt die geplante Schließung der Geburtshilfe am Kreiskrankenhaus ab.",
        "Der Gemeinderat lehnt eine Erhöhung der Kita-Gebühren im kommenden Jahr ab.",
    ],
)
def test_a_statement_of_position_is_an_appeal(nlp, request_):
    # ANNOTATION.md: appeal is also "takes a political position"
    doc, _ = run(nlp, body("Der Gemeinderat möge beschließen:\n" + request_))
    assert "appeal" in {a["type"] for a in doc._.actions}


BUNDESRAT_LETTER = (
    "Bundesrat                                   Drucksache 312/25\n\n"
    "Antrag\ndes Landes Rheinland-Pfalz\n\n"
    "Entschließung des Bundesrates zur Lohnfortzahlung ehrenamtlicher Einsatzkräfte\n\n"
    "Der Ministerpräsident                       Mainz, 3. Juli 2025\n"
    "des Landes Rheinland-Pfalz\n\nAn die\nPräsidentin des Bundesrates\n\n"
    "Sehr geehrte Frau Präsidentin,\n\n"
    "die Landesregierung Rheinland-Pfalz hat beschlossen, dem Bundesrat die als Anlage "
    "beigefügte Entschließung zuzuleiten.\n\n"
    "Ich bitte, die Vorlage auf die Tagesordnung der nächsten Sitzung zu setzen.\n\n"
    "Mit freundlichen Grüßen\nThomas Brenner\n\n"
    "Entschließung des Bundesrates zur Lohnfortzahlung ehrenamtlicher Einsatzkräfte\n\n"
    "Der Bundesrat möge folgende Entschließung fassen:\n\n"
    "1. Der Bundesrat bittet die Bundesregierung zu prüfen, ob Selbstständige eine "
    "Verdienstausfallentschädigung erhalten können.\n"
)


def test_a_bundesrat_resolution_after_its_cover_letter():
    # "möge folgende Entschließung fassen" opens the Bundesrat's motion as "möge beschließen"
    # does a council's: the cover letter before it asks for nothing
    from pipeline.analyze import Analyzer

    rec = Analyzer(model_dir=None, extraction_dir=None).analyze(
        Motion(id="br", text=BUNDESRAT_LETTER, body="Bundesrat")
    )
    types = [a["type"] for a in rec["actions"]]
    assert types == ["review"], rec["actions"]


@pytest.mark.parametrize(
    ("request_", "types"),
    [
        # a lead-in over requests of other types is no request to act by itself
        (
            "Die Verwaltung wird gebeten,\n\n1. dem Ausschuss halbjährlich über die Leerstände in "
            "der Innenstadt zu berichten;\n\n2. zu prüfen, ob ein Zwischennutzungsprogramm "
            "aufgelegt werden kann.",
            ["report", "review"],
        ),
        # ... but an item it frames without a trigger of its own is
        (
            "Die Verwaltung wird beauftragt,\n1. zehn Bänke am Rheinufer aufzustellen;\n"
            "2. über die Kosten zu berichten.",
            ["implement", "report"],
        ),
    ],
)
def test_a_lead_in_over_a_list(nlp, request_, types):
    doc, _ = run(nlp, body("Der Gemeinderat möge beschließen:\n" + request_))
    assert sorted({a["type"] for a in doc._.actions}) == sorted(types)


def test_a_numbered_antragsbuch_keeps_its_budget_position_and_amount(nlp):
    from tests.test_preprocess import ANTRAGSBUCH

    doc, _ = run(nlp, ANTRAGSBUCH)
    lines = [(f["name"], f["amount_eur"]) for f in doc._.funding if f["kind"] == "budget_line"]
    assert lines == [("Einzelplan 16, Kapitel 16 03, Titelgruppe 71", 25_000_000)]


@pytest.mark.parametrize(
    ("request_text", "giver"),
    [
        # the Freistaat (Bayern, Sachsen, Thüringen) gives grants as a Land does
        (
            "Die Stadt erweitert die Kita am Park um zwei Gruppen. Die Investition wird zu 60 "
            "Prozent mit Mitteln des Freistaates Thüringen finanziert.",
            "Freistaat Thüringen",
        ),
        (
            "Die Stadt errichtet eine Radstation am Bahnhof, die vom Freistaat Sachsen zu 75 "
            "Prozent gefördert wird.",
            "Freistaat Sachsen",
        ),
    ],
)
def test_grants_of_a_freistaat(nlp, request_text, giver):
    doc, _ = run(nlp, body(request_text))
    assert [f["name"] for f in doc._.funding if f["kind"] == "external_grant"] == [giver]


@pytest.mark.parametrize(
    "request_text",
    [
        # a programme the motion wants set up is its subject, not money from outside
        "Die Verwaltung wird beauftragt zu prüfen, ob und in welcher Form ein eigenständiges "
        "Förderprogramm für bauliche Starkregenvorsorge aufgelegt werden kann.",
        "Die Stadt legt ein kommunales Förderprogramm für Balkonkraftwerke auf.",
    ],
)
def test_a_programme_to_be_set_up_is_no_grant(nlp, request_text):
    doc, _ = run(nlp, body(request_text))
    assert "external_grant" not in {f["kind"] for f in doc._.funding}


def test_money_from_a_programme_is_a_grant(nlp):
    # hard negative: money asked from a programme stays a grant
    doc, _ = run(
        nlp, body("Die Verwaltung beantragt für den Umbau Mittel aus einem Förderprogramm.")
    )
    assert [f["kind"] for f in doc._.funding] == ["external_grant"]


def test_a_review_whose_question_is_in_the_subjunctive(nlp):
    # "könnten" belongs to what is to be examined, not to the request
    doc, _ = run(
        nlp,
        body(
            "Die Verwaltung wird gebeten zu prüfen, ob gegebenenfalls bis zum Frühjahr zwei "
            "Trinkbrunnen am Marktplatz aufgestellt werden könnten."
        ),
    )
    assert {a["type"] for a in doc._.actions} == {"review"}


@pytest.mark.parametrize(
    "request_",
    [
        "Der Ortschaftsrat regt bei der Stadtverwaltung an, zu untersuchen, ob im ehemaligen "
        "Raiffeisenlager ein Dorfladen eingerichtet werden könnte.",
        "Die Verwaltung wird gebeten zu klären, ob an der Grundschule ein Zebrastreifen "
        "angelegt werden könnte.",
    ],
)
def test_a_subjunctive_inside_a_review_is_its_object(nlp, request_):
    # "untersuchen" and "klären", like "prüfen", ask to examine what "könnte" be done
    doc, _ = run(nlp, body(request_))
    assert {a["type"] for a in doc._.actions} == {"review"}


def test_a_subjunctive_without_a_request_asks_nothing(nlp):
    # hard negative: a sentence in the subjunctive that asks for no examination
    doc, _ = run(nlp, body("Am Marktplatz könnten im Sommer zwei Trinkbrunnen stehen."))
    assert doc._.actions == []


def test_a_chapter_with_a_long_dashed_name_before_its_title_is_one_budget_line(nlp):
    # the layout of Berlin's budget: "Kapitel 1150 – <administration> – Titel 684 06 – <purpose> –"
    doc, _ = run(
        nlp,
        body(
            "Die Mittel sind im Haushaltsplan 2027 bei Kapitel 1150 – Senatsverwaltung für "
            "Arbeit, Soziales, Gleichstellung, Integration, Vielfalt und Antidiskriminierung – "
            "Soziales – Titel 684 06 – Zuschüsse an soziale Einrichtungen – zu veranschlagen."
        ),
    )
    assert [f["name"] for f in doc._.funding if f["kind"] == "budget_line"] == [
        "Kapitel 1150 Titel 684 06"
    ]


@pytest.mark.parametrize(
    ("request_", "amount"),
    [
        # the change row of a table whose head gives thousands
        (
            "Im Teilhaushalt 4, Produkt 2110-300, wird der Ansatz wie folgt erhöht:\n\n"
            "   Teilergebnishaushalt THH 4 / Produkt 2110-300 (in T€)\n"
            "                                    2027        2028\n"
            "   Ansatz Entwurf                  1.942       1.981\n"
            "   Veränderung lt. Antrag          + 180       + 180\n"
            "   Ansatz neu                      2.122       2.161\n",
            180_000,
        ),
        # a Landtag's amendment: the change column under "– in TEUR –"
        (
            "Im Einzelplan 11 wird folgender Ansatz erhöht:\n\n"
            "Kap.     Titel    Zweckbestimmung          Ansatz 2027   Veränderung   neuer Ansatz\n"
            "                                                  – in TEUR –\n"
            "11 070   684 30   Zuschüsse an Träger         8.750,0      + 6.000,0      14.750,0\n",
            6_000_000,
        ),
        # years in the head are no change
        (
            "Für den Zuschuss an den Verein werden folgende Mittel bereitgestellt:\n\n"
            "   Zuschuss (in T€)   2026 – 2028\n   Ansatz neu          120     + 30     150\n",
            30_000,
        ),
        # the unit in the row's label: the first year's figure
        (
            "Hierfür sind im Einzelplan 06, Kapitel 06 02, Titel 893 21 folgende Mittel zur "
            "Verfügung zu stellen:\n\n   Haushaltsjahr          2027      2028\n"
            "   Ansatz (T€)            3.000     3.000\n",
            3_000_000,
        ),
    ],
)
def test_a_budget_table_in_thousands_gives_the_amount(nlp, request_, amount):
    doc, _ = run(nlp, body(request_))
    assert amount in [f["amount_eur"] for f in doc._.funding]


def test_a_chapter_with_its_office_in_brackets_before_its_title_is_one_budget_line(nlp):
    # a Berlin district's budget: "Kapitel 3810 (<office>), Titel 52101"
    doc, _ = run(
        nlp,
        body(
            "Die erforderlichen Mittel in Höhe von 145.000 € sind im Bezirkshaushalt 2026/2027 "
            "bei Kapitel 3810 (Straßen- und Grünflächenamt), Titel 52101 bereitzustellen."
        ),
    )
    assert "Kapitel 3810 Titel 52101" in [
        f["name"] for f in doc._.funding if f["kind"] == "budget_line"
    ]


def test_the_land_in_a_funds_name_is_no_second_source(nlp):
    # "des Landes" belongs to the fund's name: one named fund, no grant of the Land beside it
    doc, _ = run(
        nlp,
        body(
            "Die Verwaltung wird gebeten zu prüfen, ob barrierefreie Strandzugänge eingerichtet "
            "werden können. Eventuell können hierfür Mittel aus dem Strategiefonds des Landes "
            "Mecklenburg-Vorpommern eingesetzt werden."
        ),
    )
    assert [(f["kind"], f["name"]) for f in doc._.funding] == [
        ("named_fund", "Strategiefonds des Landes Mecklenburg-Vorpommern")
    ]


INQUIRY = (
    "ANFRAGE AN DEN LANDESVORSTAND\n\nSozialsprechstunden in den Kreisverbänden\n\n"
    "Wir fragen den Landesvorstand:\n\n1. In wie vielen Kreisverbänden gibt es regelmäßige "
    "Sozialsprechstunden?\n2. Wie viele Menschen haben sie im Jahr 2026 besucht?\n\n{extra}"
    "Begründung:\nDie Sprechstunden sind unser Kontakt zu den Menschen vor Ort.\n"
)


@pytest.mark.parametrize(
    ("extra", "types"),
    [
        # an inquiry that also asks for a review
        (
            "Darüber hinaus möge der Landesvorstand untersuchen, ob die Sprechstunden durch eine "
            "landesweite Koordinierung gestärkt werden können.\n\n",
            {"inquiry", "review"},
        ),
        (
            "Darüber hinaus ersuchen wir den Landesvorstand, bis zum Landesparteitag ein Konzept "
            "für Sprechstunden in allen Kreisverbänden vorzulegen.\n\n",
            {"inquiry", "concept"},
        ),
        # hard negative: a call quoted from an earlier decision is no request of the inquiry
        (
            "Der Landesparteitag hat im Mai 2024 beschlossen: „Die SPD-Mitglieder des Senats "
            "werden aufgefordert, in zehn Bücherhallen die Sonntagsöffnung zu erproben.“\n\n",
            {"inquiry"},
        ),
        # hard negatives: asking for the answers is no further request
        (
            "Wir bitten um schriftliche Beantwortung bis zum Landesparteitag.\n\n",
            {"inquiry"},
        ),
        (
            "Der Landesvorstand wird gebeten, die Fragen bis zum Landesparteitag schriftlich zu "
            "beantworten.\n\n",
            {"inquiry"},
        ),
    ],
)
def test_an_inquirys_other_requests(nlp, extra, types):
    doc, _ = run(nlp, INQUIRY.format(extra=extra), paper_type=None)
    assert {a["type"] for a in doc._.actions} == types


def test_a_council_resolution_after_its_cover_letter_is_the_request(nlp):
    # the cover letter asks to put the resolution on the agenda and to send it on: no request
    # of the motion; "Der Rat … verabschiedet folgende Resolution:" opens the request
    text = (
        "SPD-Fraktion im Rat der Stadt Oldenburg\nCDU-Fraktion im Rat der Stadt Oldenburg\n\n"
        "Herrn Oberbürgermeister\nMarkt 1\n26122 Oldenburg              Oldenburg, 11.02.2027\n\n"
        "Antrag zur Sitzung des Rates am 29.03.2027\n\nResolution: Kommunen bei der "
        "Unterbringung Geflüchteter nicht allein lassen\n\nSehr geehrter Herr "
        "Oberbürgermeister,\n\ndie Fraktionen von SPD und CDU beantragen, die nachstehende "
        "Resolution auf\ndie Tagesordnung der nächsten Ratssitzung zu setzen. Wir bitten Sie, "
        "die\nResolution nach der Beschlussfassung der Landesregierung zuzuleiten.\n\n"
        "Der Rat der Stadt Oldenburg verabschiedet folgende Resolution:\n\n1. Der Rat fordert "
        "die Niedersächsische Landesregierung auf, den Kommunen die Kosten der Unterbringung\n"
        "   vollständig zu erstatten.\n\n2. Der Rat appelliert an die Bundesregierung, sich "
        "dauerhaft an\n   den Kosten der Kommunen zu beteiligen.\n\nBegründung:\nDie Kosten "
        "steigen seit Jahren.\n"
    )
    doc, _ = run(nlp, text)
    acts = doc._.actions
    assert {a["type"] for a in acts} == {"appeal"}
    assert not any("Tagesordnung" in a["evidence"] or "zuzuleiten" in a["evidence"] for a in acts)
