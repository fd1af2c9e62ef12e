"""Cleaning of PDF-extracted text (on the real shapes of council PDFs) and the German pipeline."""

from __future__ import annotations

import re

import pytest

from pipeline.preprocess import clean_text, get_nlp

# The shape of a council motion as PDF extraction returns it: trailing blanks, letterhead,
# form rows, hyphenated line ends, a page footer with a rule in mid-sentence, signatures.
PDF_MOTION = (
    "\n\nSTADT KARLSRUHE \nDer Oberbürgermeister \n \nANTRAG \n \nGRÜNE-Gemeinderatsfraktion \n \n"
    "vom 14.03.2023 \nGremium: \n \nTermin: \nVorlage Nr.: \nTOP: \nGemeinderat \n \n28.03.2023 \n"
    "2023/0311 \n7 \nöffentlich \n \nMehr Bäume für die Innenstadt \n \n \n"
    "Die Stadtverwaltung wird beauftragt, ein Konzept für zusätzliche Straßen-\n"
    "bäume in der Kaiserstraße zu erarbeiten und dem Planungsausschuss vorzule-\ngen.  \n \n"
    "Begründung: \n \nIn heißen Sommern heizen sich versiegelte Flächen stark auf. Bäume spenden \n"
    "Schatten und verbessern das Mikroklima in der dicht bebauten Innenstadt  \n\n"
    "                Seite 2  \n"
    "__________________________________________________________________________________________   \n"
    "erheblich. Bitte aus Liste auswählen \n \nunterzeichnet von: \nMaria Beispiel \nJonas Muster \n \n \n "
)


@pytest.fixture(scope="module")
def cleaned():
    return clean_text(PDF_MOTION)


def test_letterhead_page_footer_and_form_noise_removed(cleaned):
    t = cleaned.text
    assert "STADT KARLSRUHE" not in t and "Der Oberbürgermeister" not in t
    assert "Seite 2" not in t and "_____" not in t
    assert "Bitte aus Liste auswählen" not in t
    assert t.startswith("ANTRAG")


def test_hyphenation_undone_and_wrapped_lines_joined(cleaned):
    t = cleaned.text
    assert "Straßenbäume in der Kaiserstraße" in t
    assert "vorzulegen." in t
    # the page break fell inside a sentence: it is joined again
    assert "Innenstadt erheblich." in t


def test_structure_lines_kept(cleaned):
    lines = cleaned.text.split("\n")
    assert "Begründung:" in lines
    assert "Maria Beispiel" in lines and "Jonas Muster" in lines


def test_offsets_point_into_original(cleaned):
    for phrase in ("Straßenbäume", "vorzulegen", "Konzept für zusätzliche", "erheblich"):
        i = cleaned.text.index(phrase)
        a, b = cleaned.to_original(i, i + len(phrase))
        original = cleaned.original[a:b]
        assert re.sub(r"-\s*\n\s*", "", original) == phrase, (phrase, original)


def test_windows_line_ends_read_as_single_breaks(cleaned):
    # A council system's export with CRLF line ends: each one is a line break, not a blank line
    # (that would end every paragraph at the PDF's wrap and cut amounts off their sentence).
    crlf = clean_text(PDF_MOTION.replace("\n", "\r\n"))
    assert crlf.text == cleaned.text
    i = crlf.text.index("Straßenbäume in der Kaiserstraße")
    a, b = crlf.to_original(i, i + len("Straßenbäume in der Kaiserstraße"))
    assert crlf.original[a:b] == "Straßen-\r\nbäume in der Kaiserstraße"
    # a lone CR (old Mac files) is a break as well
    assert clean_text(PDF_MOTION.replace("\n", "\r")).text == cleaned.text


ANTRAGSBUCH = """Antrag W 4
Antragsteller*in: SPD-Unterbezirk Regensburg-Land

Azubiwohnheime für junge Fachkräfte

 1   Der Landesparteitag möge beschließen:
 2
 3   Die SPD-Landtagsfraktion wird aufgefordert, in den Beratungen zum Doppelhaushalt
 4   einen Änderungsantrag einzubringen, mit dem die Ansätze im Einzelplan 16, Kapitel
 5   16 03, Titelgruppe 71 (Förderung von Wohnraum für Auszubildende) um 25 Mio. Euro
 6   jährlich erhöht werden. Der Kreisverband richtet dafür einen Kampagnen-
 7   fonds ein.

Antragsbuch Landesparteitag 2025                                    Seite 37
 8
 9   Begründung:
10   In Regensburg liegen die Mieten für ein WG-Zimmer deutlich über 500 Euro.
"""


def test_margin_line_numbers_are_no_part_of_the_text():
    # An Antragsbuch numbers every line, across the page footer: the numbers go, so that
    # "Kapitel 16 03" and hyphenated words read across the lines as printed.
    c = clean_text(ANTRAGSBUCH)
    assert not re.search(r"(?m)^\s*\d+\s", c.text)
    assert "Einzelplan 16, Kapitel 16 03, Titelgruppe 71" in c.text
    assert "Kampagnenfonds" in c.text
    i = c.text.index("um 25 Mio. Euro jährlich")
    a, b = c.to_original(i, i + len("um 25 Mio. Euro jährlich"))
    assert c.original[a:b] == "um 25 Mio. Euro\n 6   jährlich"
    # a numbering that prints every fifth line
    fifth = "\n".join(
        (f"{k:>3}  " if k % 5 == 0 else "     ") + f"Zeile {k} des Antrags mit etwas Text darin"
        for k in range(1, 31)
    )
    assert not re.search(r"(?m)^\s*\d+\s", clean_text(fifth).text)


@pytest.mark.parametrize(
    "text",
    [
        # hard negatives: a table of years and a numbered table keep their numbers
        "Ansätze der Finanzplanung:\n2025 Zuschuss 10.000 Euro\n2026 Zuschuss 12.000 Euro\n"
        "2027 Zuschuss 14.000 Euro\n2028 Zuschuss 16.000 Euro\n2029 Zuschuss 18.000 Euro\n",
        "Nr. Maßnahme\n1 Erhöhung der Projektförderung\n  für die freie Kulturszene\n"
        "2 Schallschutz im Probenraum\n  der Musikschule\n3 Ausbau der Onleihe\n"
        "  und der E-Medien\n4 Sanierung der Tribüne\n  im Stadion\n5 Neue Entgelte\n",
    ],
)
def test_numbers_that_start_lines_of_a_table_stay(text):
    assert clean_text(text).text.count("\n") >= 5
    assert re.search(r"(?m)^2025 Zuschuss|^1 Erhöhung", clean_text(text).text)


def test_compound_hyphen_at_line_end_is_kept():
    c = clean_text(
        "Die Verbindung zwischen der Stadt und dem Rhein-\nNeckar-Kreis ist schlecht und muss besser werden."
    )
    assert "Rhein-Neckar-Kreis" in c.text


def test_shared_word_part_at_line_end_keeps_its_hyphen():
    text = (
        "Die Mittel werden aus dem Klima-\nund Transformationsfonds des Bundes bereitgestellt, "
        "die Kinder-\noder Jugendhilfe bleibt unberührt, vom Aufstellungs-\nbis zum "
        "Satzungsbeschluss."
    )
    c = clean_text(text)
    assert "Klima- und Transformationsfonds" in c.text
    assert "Kinder- oder Jugendhilfe" in c.text
    assert "Aufstellungs- bis zum Satzungsbeschluss" in c.text
    start = c.text.index("Klima- und")
    assert c.original_span_text(start, start + len("Klima- und")) == "Klima-\nund"


def test_tables_keep_their_rows():
    form = "Art 2024 2025 2026\nSachaufwendungen\t10.000\t10.000\t10.000\nPersonalaufwendungen\t5.000\t5.000\t5.000\n"
    assert clean_text(form).text.count("\n") == 2


@pytest.fixture(scope="module")
def nlp():
    return get_nlp()


@pytest.mark.parametrize(
    "text,token",
    [
        ("Siehe Drs. 12/2023 zur Sache.", "Drs."),
        ("Die Mittel werden ggf. aufgestockt.", "ggf."),
        ("Gemäß § 34 Abs. 1 GemO gilt das.", "Abs."),
        ("Dies gilt i.V.m. der Satzung.", "i.V.m."),
        ("Zuschuss i.H.v. 5.000 Euro.", "i.H.v."),
        ("Alle Bürger:innen sind eingeladen.", "Bürger:innen"),
        ("Die Lehrer*innen fordern das.", "Lehrer*innen"),
    ],
)
def test_council_abbreviations_and_gender_forms_are_one_token(nlp, text, token):
    doc = nlp(text)
    assert token in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_sentences_split_at_numbered_demands_and_missing_full_stops(nlp):
    text = clean_text(
        "Die CDU-Fraktion beantragt: \n \n1. Die Verwaltung prüft eine Tempo-30-Zone \n \n"
        "2. Die Verwaltung berichtet im Ausschuss \n \nBegründung \n \nDie Straße ist gefährlich."
    ).text
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents == [
        "Die CDU-Fraktion beantragt:",
        "1. Die Verwaltung prüft eine Tempo-30-Zone",
        "2. Die Verwaltung berichtet im Ausschuss",
        "Begründung",
        "Die Straße ist gefährlich.",
    ]


def test_lemmas_from_simplemma(nlp):
    doc = nlp("Die Fraktionen beantragten zusätzliche Zuschüsse aus dem Fonds.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Fraktionen"] == "Fraktion"
    assert lemmas["beantragten"] == "beantragen"
    assert lemmas["Zuschüsse"] == "Zuschuss"
    assert lemmas["Fonds"] == "Fonds"  # spaCy's lookup table gets this one wrong ("Fond")


def test_tokens_same_as_spacys_plain_tokenizer_with_our_rules(nlp):
    """Dropping the whitespace special cases and remembering the affix searches per chunk
    only make tokenizing faster: the tokens are those of the plain tokenizer."""
    import spacy
    from spacy.attrs import IDX, NORM, ORTH, SPACY
    from spacy.util import compile_infix_regex

    from pipeline.preprocess.nlp import GENDER_FORM, load_abbreviations

    ours = nlp.tokenizer
    assert not any(k in ours.rules for k in ("\n", "\t", " "))
    plain = spacy.blank("de").tokenizer
    for abbr in load_abbreviations():
        plain.add_special_case(abbr, [{"ORTH": abbr}])
    plain.infix_finditer = compile_infix_regex(spacy.blank("de").Defaults.infixes).finditer
    plain.token_match = GENDER_FORM.match
    text = (
        "Antrag der SPD-Fraktion\n\nDer Gemeinderat möge beschließen:\n"
        "1. Die Verwaltung prüft z.B. die Kosten  (ca. 5 Mio. €)\tbis Nr. 3.\n"
        "2.\tBürger:innen  werden \u00a0beteiligt (s. Drs. 12/2023), „Rhein-Neckar“-Kreis.\n \n"
    ) * 3
    attrs = [ORTH, SPACY, NORM, IDX]
    for t in (text, text.replace("\n", " \n "), text):  # the third time from the caches
        assert (ours(t).to_array(attrs) == plain(t).to_array(attrs)).all()


def test_analyzer_sentences_need_only_the_sentence_flags():
    from pipeline.analyze import Analyzer

    text = clean_text(
        "Antrag der Fraktion\n\n1. Die Verwaltung prüft „Tempo 30“ (neu) im Zentrum.\n"
        "2. SIE BERICHTET 2027 im Ausschuss?\n\nBegründung\n\nDie Straße ist gefährlich."
    ).text
    analyzer = Analyzer(model_dir=None, extraction_dir=None)
    lean = analyzer.nlp.get_pipe("council_sentences")(analyzer.nlp.make_doc(text))
    full = get_nlp(None)(text)
    assert [s.text for s in lean.sents] == [s.text for s in full.sents]
