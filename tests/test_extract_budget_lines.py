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
    ],
)
def test_budget_line_shapes(nlp, text, line):
    m = Motion(
        id="x",
        text="Haushaltsantrag\n" + text,
        title="Haushaltsantrag",
        paper_type="Haushaltsantrag",
    )
    doc = nlp(make_motion_doc(nlp, m))
    lines = [f for f in doc._.funding if f["kind"] == "budget_line"]
    assert lines and lines[0]["name"] == line


def test_a_percentage_is_no_amount(nlp):
    m = Motion(
        id="x",
        text="Antrag\nDer Zuschuss an den Verein wird um 20 % erhöht.\n",
        title="Zuschuss",
        paper_type="Antrag",
    )
    doc = nlp(make_motion_doc(nlp, m))
    assert all(f["amount_eur"] in (None,) for f in doc._.funding)
