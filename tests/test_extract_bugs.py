"""Regression tests for bugs found on the demo corpus, on German examples written for them."""

from __future__ import annotations

import pytest

from pipeline.extract import add_extractors
from pipeline.extract.operative import SectionFinder
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp())


def run(nlp, text: str, title: str = "", paper_type: str | None = "Antrag"):
    motion = Motion(id="test:bug", text=text, title=title, paper_type=paper_type)
    return next(nlp.pipe([make_motion_doc(nlp, motion)])), motion


SHORT_MOTION = (
    "Fraktion DIE LINKE im Rat der Gemeinde Beispielhausen\n"
    "Lindenallee 4 · 54321 Beispielhausen\n\n"
    "Beispielhausen, 3. März 2030\n\nANTRAG\n\n"
    "Trinkbrunnen im Kurpark\n\n"
    "Der Gemeinderat möge beschließen:\n\n"
    "Die Verwaltung wird beauftragt zu prüfen, an welchen Stellen im Kurpark Trinkbrunnen "
    "aufgestellt werden können. Die Verwaltung berichtet dem Umweltausschuss bis zum Herbst "
    "über das Ergebnis.\n\n"
    "Begründung:\n\nIm letzten Sommer war es an vielen Tagen sehr heiß.\n\n"
    "Für die Fraktion DIE LINKE\nErika Beispiel\nFDP-Fraktion\n"
)


def test_signature_lines_do_not_make_the_motion_letterhead():
    sec = SectionFinder().find(SHORT_MOTION, "Trinkbrunnen im Kurpark")
    assert sec.header_end < SHORT_MOTION.index("Der Gemeinderat möge")
    op = SHORT_MOTION[sec.operative[0][0] : sec.operative[0][1]]
    assert "Trinkbrunnen" in op


def test_short_motion_with_signature_has_actions(nlp):
    doc, _ = run(nlp, SHORT_MOTION, title="Trinkbrunnen im Kurpark")
    assert {a["type"] for a in doc._.actions} == {"review", "report"}


def budget_form(row: str, positions: str = "") -> str:
    return (
        "SPD-Fraktion im Rat der Gemeinde Beispielhausen\n\n12.01.2031\n\n"
        "HAUSHALTSANTRAG\n\nMehr Geld für den Heimatverein\n\n"
        "Zuordnung im Haushaltsplan\n"
        f"{row}\n"
        "Ergebnishaushalt: Produktbereich | Produktgruppe | Schlüsselposition\n 28.10-410\n\n"
        "Änderungen und neue Mittelanmeldungen\nArt 2031 2032 2033\n"
        f"Stellenschaffung/-reduzierung\n{positions}\n"
        "Erhöhung/Reduzierung Erträge, Aufwendungen, Ein- oder Auszahlungen\n"
        "Transferaufwendungen 7.500 7.500 7.500\n\n"
        "Sonstige Änderungen\n\nSachverhalt | Begründung\n"
        "Der Zuschuss an den Heimatverein wird um 7.500 Euro erhöht, damit das Museum "
        "wieder sonntags öffnen kann.\n"
    )


@pytest.mark.parametrize(
    ("row", "page", "thh"),
    [
        ("Seite im HH-Plan Teilhaushalt\n 287  4100", "287", "4100"),
        ("Seite im HH-Plan Teilhaushalt\n287\n4100", "287", "4100"),
        ("Teilhaushalt Seite im HH-Plan\n 4100  287", "287", "4100"),
        ("Seite im HH-Plan Teilhaushalt\n 4100", "", "4100"),
        ("Seite im HH-Plan Teilhaushalt\n 4100 und 5200", "", "4100"),
    ],
)
def test_budget_form_columns_follow_the_label(nlp, row, page, thh):
    doc, _ = run(nlp, budget_form(row), paper_type="Haushaltsantrag")
    lines = [f for f in doc._.funding if f["kind"] == "budget_line"]
    assert lines and lines[0]["name"] == f"Teilhaushalt {thh}"
    assert f"THH {thh}" in lines[0]["budget_line"]
    assert (f"Seite {page}" in lines[0]["budget_line"]) == bool(page)
    assert 7500 in [f["amount_eur"] for f in lines]


def test_pay_grades_and_positions_are_not_amounts(nlp):
    text = budget_form("Seite im HH-Plan Teilhaushalt\n 287  4100", "1,0 Stelle E 13 / A 14")
    doc, _ = run(nlp, text, paper_type="Haushaltsantrag")
    amounts = {f["amount_eur"] for f in doc._.funding if f["amount_eur"] is not None}
    assert amounts == {7500}


def test_evidence_and_objects_keep_whole_words(nlp):
    text = (
        "ANTRAG\n\nGRÜNE-Fraktion\n\nDer Gemeinderat möge beschließen:\n\n"
        "Die Verwaltung wird beauftragt, für die Sanierung der Sporthalle am Schulzentrum "
        "Nord im Haushalt 2032 zusätzliche Mittel in Höhe von 125.000 Euro bereitzustellen "
        "und die Arbeiten an der Lüftungsanlage und den Umkleidekabinen noch vor den Sommer-\n"
        "ferien auszuschreiben.\n\nBegründung:\n\nDie Halle ist seit Jahren in schlechtem "
        "Zustand.\n"
    )
    doc, motion = run(nlp, text)
    t = motion.text
    assert doc._.actions
    for x in doc._.actions + doc._.funding:
        a, b = x["start"], x["end"]
        assert t[a:b] == x["evidence"]
        assert not (a > 0 and t[a - 1].isalnum() and t[a].isalnum())
        assert not (b < len(t) and t[b - 1].isalnum() and t[b].isalnum())
    clean = doc._.clean.text  # objects quote the cleaned text (hyphenation joined)
    for act in doc._.actions:
        assert act["object"] in clean
    assert any("125.000" in a["object"] for a in doc._.actions)


def test_folded_pattern_matches_like_ignorecase():
    import re

    from pipeline.extract.patterns import FoldedPattern, compile_any

    pats = [r"\bHaushaltsmittel\b", r"\bBeschluss(?:vorschlag|antrag)\b[^.;]{0,20}?\bgeändert"]
    folded, exact = FoldedPattern(pats), compile_any(pats, re.IGNORECASE)
    text = "Die HAUSHALTSMITTEL werden bereitgestellt. Der Beschlussantrag wird Geändert."
    assert [m.span() for m in folded.finditer(text)] == [m.span() for m in exact.finditer(text)]
    with pytest.raises(ValueError):
        FoldedPattern([r"\W+"])
