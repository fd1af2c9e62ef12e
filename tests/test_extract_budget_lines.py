"""Budget lines in the layouts of other councils and of state and federal budgets."""

from __future__ import annotations

import pytest

from pipeline.extract import add_extractors
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp(lemmatizer=None))


def analysed(nlp, text: str, title: str, paper_type: str | None = "Haushaltsantrag"):
    """The Doc of a motion of ``text`` with ``title`` through the rules."""
    return nlp(make_motion_doc(nlp, Motion(id="x", text=text, title=title, paper_type=paper_type)))


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Die Mittel im Teilplan 1.36.02 werden um 50.000 Euro erhöht.", "Teilplan 1.36.02"),
        ("Der Ansatz im Produkt 1.51.01 Stadtplanung wird erhöht.", "Produkt 1.51.01"),
        (
            "Einzelplan 12, Kapitel 1201, Titel 891 01 wird um 2 Mio. Euro erhöht.",
            "Einzelplan 12, Kapitel 1201, Titel 891 01",
        ),
        ("Die Mittel (Haushaltstitel 3004/685 14) werden gekürzt.", "Haushaltstitel 3004/685 14"),
        ("Die Kosten werden auf Kostenstelle 4711.100 gebucht.", "Kostenstelle 4711.100"),
        ("Im Teilhaushalt 5 wird der Ansatz für Jugendarbeit erhöht.", "Teilhaushalt 5"),
        ("Der Zuschuss in der Produktgruppe 52.11 wird erhöht.", "Produktgruppe 52.11"),
        ("Der Ansatz im Produkt 36.02 Jugendarbeit wird erhöht.", "Produkt 36.02"),
        ("Beim Produkt 111.30 werden zwei Stellen geschaffen.", "Produkt 111.30"),
        ("Die Mittel der HHSt. 1.5700.9450 werden erhöht.", "HHSt. 1.5700.9450"),
        # Landtag budgets: chapters of two groups, abbreviations, a chapter's name in between
        (
            "Im Einzelplan 05, Kapitel 05 300, Titel 684 10 wird der Ansatz um 30 Millionen Euro "
            "erhöht.",
            "Einzelplan 05, Kapitel 05 300, Titel 684 10",
        ),
        (
            "Der Ansatz bei Kap. 05 04 Tit. 633 01 wird um 2 Mio. Euro erhöht.",
            "Kap. 05 04 Tit. 633 01",
        ),
        (
            "In Kapitel 0436 – Schulsozialarbeit – wird der Ansatz bei Titel 633 01 um 5.000.000 "
            "Euro erhöht.",
            "Kapitel 0436 Titel 633 01",
        ),
        # Dortmund's products in pairs of digits, three-digit product groups (Rhineland),
        # Dresden's five-part products
        ("Der Ansatz im Produkt 08 01 03 Bäder wird um 200.000 Euro erhöht.", "Produkt 08 01 03"),
        ("In der Produktgruppe 031 werden 5.000 Euro bereitgestellt.", "Produktgruppe 031"),
        ("Im Produkt 100.36.3.6.01 werden 30.000 Euro bereitgestellt.", "Produkt 100.36.3.6.01"),
        # title groups of state budgets (Bavaria, Saxony-Anhalt), alone or before a title
        (
            "Im Kapitel 1502, Titelgruppe 61 werden bis zu 1,5 Mio. Euro zusätzlich bereitgestellt.",
            "Kapitel 1502, Titelgruppe 61",
        ),
        (
            "Einzelplan 16, Kapitel 16 03, Titelgruppe 71, Titel 883 71 wird um 25 Mio. Euro erhöht.",
            "Einzelplan 16, Kapitel 16 03, Titelgruppe 71, Titel 883 71",
        ),
        # a state budget amendment's chapter and title on lines of their own (Rhineland-Palatinate)
        (
            "Kapitel 09 03 – Schulen\nTitel 428 01 – Entgelte der Lehrkräfte\n\nDer Ansatz wird "
            "um 15.000.000 Euro erhöht.",
            "Kapitel 09 03 Titel 428 01",
        ),
        (
            "Die Mittel werden im PSP-Element 1.100.36.3.0.01 bereitgestellt.",
            "PSP-Element 1.100.36.3.0.01",
        ),
        # Hamburg's sub-plans, Bremen's product plans, Freiburg's pages, Bochum's and
        # Freiburg's accounts
        ("Im Einzelplan 8.1 wird der Ansatz um 250.000 Euro erhöht.", "Einzelplan 8.1"),
        ("Im Produktplan 41 werden 80.000 Euro zusätzlich bereitgestellt.", "Produktplan 41"),
        (
            "Der Ansatz auf Seite 1.214 des Haushaltsplans wird um 30.000 Euro erhöht.",
            "Seite 1.214 des Haushaltsplans",
        ),
        (
            "Bei der Finanzstelle 5.100.0010 werden 20.000 Euro eingestellt.",
            "Finanzstelle 5.100.0010",
        ),
        (
            "Für den Investitionsauftrag 7.420001 werden 95.000 Euro bereitgestellt.",
            "Investitionsauftrag 7.420001",
        ),
    ],
)
def test_budget_line_shapes(nlp, text, line):
    doc = analysed(nlp, "Haushaltsantrag\n" + text, "Haushaltsantrag")
    lines = [f for f in doc._.funding if f["kind"] == "budget_line"]
    assert lines and lines[0]["name"] == line


def test_the_years_of_a_tables_header_are_no_cost_centre(nlp):
    text = (
        "Haushaltsantrag\nIm Teilhaushalt des Sportamts wird folgender Ansatz eingestellt:\n\n"
        "Produkt / Kostenstelle                          2028       2029       2030\n"
        "                                                TEUR       TEUR       TEUR\n"
        "Kst. 524010 Schwimmförderung                    320        320        320\n"
    )
    doc = analysed(nlp, text, "Schwimmkurse für Grundschulkinder")
    names = [f["name"] for f in doc._.funding if f["kind"] == "budget_line"]
    assert "Kst. 524010" in names
    assert not any("2028" in n for n in names)


def test_a_percentage_is_no_amount(nlp):
    text = "Antrag\nDer Zuschuss an den Verein wird um 20 % erhöht.\n"
    doc = analysed(nlp, text, "Zuschuss", paper_type="Antrag")
    assert all(f["amount_eur"] in (None,) for f in doc._.funding)


# --- budget positions named in the title (``extract/title_funding.py``) --------------------------

REQUEST = (
    "Der Rat der Stadt möge beschließen:\n"
    "Die Mittel für die Schulsozialarbeit an Grundschulen werden ab 2027 um 150.000 Euro "
    "jährlich erhöht.\n\nBegründung:\nDer Bedarf ist seit der Pandemie stark gestiegen.\n"
)


def _title_lines(nlp, title, text=REQUEST):
    doc = analysed(nlp, text, title)
    return [f for f in doc._.funding if f["kind"] == "budget_line"], doc


def test_a_budget_position_only_in_the_title_is_a_budget_line(nlp):
    lines, doc = _title_lines(
        nlp, "Haushaltsantrag Teilhaushalt 4, Produkt 2.1.01 – Schulsozialarbeit ausbauen"
    )
    assert len(lines) == 1
    f = lines[0]
    assert f["budget_line"] == "Teilhaushalt 4; Produkt 2.1.01"
    assert f["evidence"] == "Teilhaushalt 4, Produkt 2.1.01"
    assert f["start"] is None and f["end"] is None  # not in the text
    assert doc._.funding[-1] is f  # the text's own mentions come first, in text order
    assert any(x["kind"] == "general_budget" and x["amount_eur"] == 150000 for x in doc._.funding)


def test_a_title_position_repeated_in_the_text_points_into_the_original_text():
    from pipeline.extract.title_funding import MotionTitleFunding

    # a hyphenated line end before the position: the cleaned text is shorter than the original
    text = "Haushalts-\nantrag der Fraktion\n\nProdukt 1.36.02 Jugendarbeit\n\n" + REQUEST.replace(
        "Schulsozialarbeit", "Jugendarbeit"
    )
    m = Motion(id="x", text=text, title="Jugendarbeit stärken (Produkt 1.36.02)")
    nlp = add_extractors(make_nlp(lemmatizer=None), title_funding=False)
    doc = nlp(make_motion_doc(nlp, m))
    doc._.funding = []  # as where the clause model kept no budget line of the rules
    doc = MotionTitleFunding()(doc)
    (f,) = doc._.funding
    assert f["budget_line"] == "Produkt 1.36.02"
    assert f["start"] is not None and text[f["start"] : f["end"]] == f["evidence"]
    assert f["evidence"] == "Produkt 1.36.02"


@pytest.mark.parametrize(
    "title",
    [
        "Schulsozialarbeit an Grundschulen ausbauen",  # no position
        "Antrag zur Drucksache 18/2024 – Schulsozialarbeit",  # a paper number, no position
        "Schulsozialarbeit: 20 % mehr Stellen bis 2027",  # percentage and year
    ],
)
def test_titles_without_a_budget_position_add_nothing(nlp, title):
    lines, _ = _title_lines(nlp, title)
    assert lines == []


def test_the_clause_model_training_pipeline_leaves_the_title_out():
    nlp = add_extractors(make_nlp(lemmatizer=None), title_funding=False)
    assert "motion_title_funding" not in nlp.pipe_names
    m = Motion(id="x", text=REQUEST, title="Teilhaushalt 4 – Schulsozialarbeit")
    doc = nlp(make_motion_doc(nlp, m))
    assert all(f["kind"] != "budget_line" for f in doc._.funding)


def test_a_trigger_keeps_the_dots_of_its_amount(nlp):
    # the rules read sentences with the dots of numbers masked; the trigger is the text's own
    text = "Haushaltsantrag\nFür die Musikschule werden 40.000 Euro bereitgestellt.\n"
    doc = analysed(nlp, text, "Musikschule")
    assert [a["trigger"] for a in doc._.actions if a["type"] == "budget"] == ["40.000 Euro"]


@pytest.mark.parametrize(
    ("text", "line", "amount"),
    [
        (
            "Der Zuschuss wird um 15.000 € erhöht. Die Deckung erfolgt durch eine Reduzierung des "
            "Ansatzes bei der Haushaltsstelle 1.0200.6500 um 15.000 €.",
            "Haushaltsstelle 1.0200.6500",
            15_000,
        ),
        (
            "Der Ansatz wird um 6,5 Mio. Euro erhöht. Zur Deckung sind Minderausgaben bei Kapitel "
            "0920, Titel 67101 heranzuziehen.",
            "Kapitel 0920, Titel 67101",
            None,
        ),
        # an abbreviated position does not end the sentence: the amount after it is the offset's
        (
            "Der Zuschuss wird erhöht. Die Mehrausgaben werden gedeckt durch eine Reduzierung des "
            "Ansatzes für Gutachten im Finanzreferat (Kst. 200100) um jeweils 320 TEUR.",
            "Kst. 200100",
            320_000,
        ),
    ],
)
def test_the_position_an_offset_draws_on_is_the_offsets(nlp, text, line, amount):
    doc = analysed(nlp, text, "Kältehilfe ganzjährig sichern")
    offsets = [f for f in doc._.funding if f["kind"] == "offset"]
    assert [(f["budget_line"], f["amount_eur"]) for f in offsets] == [(line, amount)]
    # not a budget line of its own
    assert line not in [f["budget_line"] for f in doc._.funding if f["kind"] == "budget_line"]


@pytest.mark.parametrize(
    ("text", "offsets"),
    [
        # the offset stated in the passive, under its heading: one offset, drawing on a position
        (
            "Der Ansatz für die Schuldnerberatung wird um 40.000 € erhöht.\n\nDeckungsvorschlag:"
            "\nDie Mehraufwendungen von 40.000 € werden durch eine entsprechende Redu-\nzierung "
            "des Ansatzes für Gutachten (Produkt 11.10.05, Kto. 4431) gedeckt.",
            [("Produkt 11.10.05", 40_000)],
        ),
        (
            "Die Erhöhung wird vollständig durch die Kürzung der Haushaltsstelle 1.6100.5400 "
            "gedeckt.",
            [("Haushaltsstelle 1.6100.5400", None)],
        ),
        # "wie folgt gedeckt" and the cuts listed below it
        (
            "Für die Jugendarbeit werden 30.000 € bereitgestellt. Die Mehraufwendungen werden "
            "wie folgt gedeckt:\n- Minderaufwand im Produkt 1601 „Allgemeine Finanzwirtschaft“, "
            "Sachkonto 5431: 30.000 €\n",
            [("Produkt 1601; Sachkonto 5431", 30_000)],
        ),
        # a cut under the heading, worded without a cue of its own
        (
            "Der Zuschuss an die Jugendkunstschule wird um 85.000 € erhöht.\n\n"
            "Deckungsvorschlag:\n\nIm Gegenzug wird der Ansatz für Öffentlichkeitsarbeit im "
            "Produkt 1114 in beiden Jahren um jeweils 85.000 € gekürzt.",
            [("Produkt 1114", 85_000)],
        ),
        # a need that services do not meet is no money taken from elsewhere
        (
            "Der Bedarf an Plätzen kann durch das bestehende Angebot nicht gedeckt werden. Die "
            "Verwaltung wird beauftragt, zwei weitere Gruppen einzurichten.",
            [],
        ),
    ],
)
def test_offsets_in_the_passive_and_under_their_heading(nlp, text, offsets):
    doc = analysed(nlp, text, "Schuldnerberatung stärken")
    found = [(f["budget_line"], f["amount_eur"]) for f in doc._.funding if f["kind"] == "offset"]
    assert found == offsets


def test_general_budget_money_is_named_by_its_budget(nlp):
    doc = analysed(
        nlp,
        "Der Ortschaftsrat beantragt beim Gemeinderat, im Doppelhaushalt 2026/2027 Mittel in "
        "Höhe von 30.000 Euro für zwei Anzeigetafeln bereitzustellen.",
        "Verkehrsberuhigung der Ortsdurchfahrt",
        paper_type="Antrag",
    )
    general = [f for f in doc._.funding if f["kind"] == "general_budget"]
    assert [(f["name"], f["amount_eur"]) for f in general] == [("Doppelhaushalt 2026/2027", 30_000)]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Für den Umbau sind Fördermittel des Landes zu beantragen.", "Land"),
        ("Der Umbau wird vom Bund mit 80 Prozent gefördert.", "Bund"),
    ],
)
def test_a_grant_is_named_by_its_giver_in_the_nominative(nlp, sentence, name):
    doc = analysed(
        nlp,
        "Die Gemeinde baut die Bushaltestellen barrierefrei um. " + sentence,
        "Barrierefreie Bushaltestellen",
        paper_type="Antrag",
    )
    assert name in [f["name"] for f in doc._.funding if f["kind"] == "external_grant"]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        # the step of a change, not the old and new totals around it
        (
            "Der Ansatz der Kostenstelle 4711.100 wird von 40.000 € um 25.000 € auf 65.000 € "
            "erhöht.",
            [25_000],
        ),
        (
            "Der Ansatz der Kostenstelle 4711.150 wird für 2027 um 150 TEUR auf 400 TEUR erhöht.",
            [150_000],
        ),
        # without the step, the new total
        (
            "Der Zuschuss der Kostenstelle 4711.200 wird von 10.850 Euro auf 17.500 Euro erhöht.",
            [17_500],
        ),
        # an amendment's replaced figure
        (
            "In Ziffer 1 wird der Betrag „1.200,00 €“ durch „2.000,00 €“ ersetzt; die Mittel "
            "kommen aus der Kostenstelle 4711.400.",
            [2_000],
        ),
        # "von" and "auf" that frame no change keep their amount
        (
            "Mittel in Höhe von 30.000 € werden auf der Kostenstelle 4711.300 bereitgestellt.",
            [30_000],
        ),
    ],
)
def test_a_change_gives_its_step_or_its_new_total(nlp, text, amounts):
    doc = analysed(nlp, text, "Zuschuss Stadtteilfest")
    assert (
        sorted({f["amount_eur"] for f in doc._.funding if f["amount_eur"] is not None}) == amounts
    )
