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
