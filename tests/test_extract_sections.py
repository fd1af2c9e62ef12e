"""Where a motion's request stands when a cover letter comes first (texts written for these
tests): the letter's greeting and signature close the letter, not the motion."""

from __future__ import annotations

import pytest

from pipeline.extract import add_extractors
from pipeline.extract.operative import SectionFinder
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion

BUNDESRAT = """Bundesrat Drucksache 999/26

12.03.26

Antrag
des Landes Beispielland

Entschließung des Bundesrates zur Stärkung der Tafeln
Die Ministerpräsidentin                 Beispielstadt, 10. März 2026
des Landes Beispielland
An den
Präsidenten des Bundesrates

Sehr geehrter Herr Präsident,
die Landesregierung hat beschlossen, dem Bundesrat den beigefügten Antrag zuzuleiten.
Ich bitte, die Vorlage in die Tagesordnung der nächsten Sitzung aufzunehmen.
Mit freundlichen Grüßen
Erika Beispiel

Entschließung des Bundesrates zur Stärkung der Tafeln

Der Bundesrat möge beschließen:

1. Der Bundesrat bittet die Bundesregierung zu prüfen, wie die Tafeln von Abgaben auf
gespendete Lebensmittel befreit werden können.
2. Der Bundesrat bittet die Bundesregierung, dem Bundesrat bis Ende 2026 über die Lage der
Tafeln zu berichten.

Begründung:
Die Zahl der Menschen, die Tafeln nutzen, ist stark gestiegen.
"""

COUNCIL = """Fraktion im Gemeinderat Beispielstadt

Antrag: Trinkwasserbrunnen in der Innenstadt

Wir beantragen: Die Verwaltung stellt fünf Trinkwasserbrunnen in der Innenstadt auf.

Mit freundlichen Grüßen
Max Beispiel

Stellungnahme der Verwaltung
Beschlussvorschlag: Der Gemeinderat möge beschließen, den Antrag abzulehnen.
"""


def test_the_motion_after_a_cover_letter_is_read():
    text = BUNDESRAT
    sec = SectionFinder().find(text)
    assert text.index("Der Bundesrat möge beschließen") >= sec.header_end
    assert sec.end == len(text)
    first = text[sec.operative[0][0] : sec.operative[0][1]]
    assert "zu prüfen" in first


GREAT_INQUIRY = """CDU-Fraktion im Landtag Brandenburg

An die
Präsidentin des Landtages Brandenburg                         Potsdam, 05.05.2026

Große Anfrage „Zukunft der Krankenhausstandorte im ländlichen Raum“

Sehr geehrte Frau Präsidentin,
namens der CDU-Fraktion übersende ich Ihnen die nachstehende Große Anfrage mit der
Bitte um Weiterleitung an die Landesregierung.
Mit freundlichen Grüßen
Dr. Henrik Lorenzen

Landtag Brandenburg                                           Drucksache 8/2210

Große Anfrage Nr. 7
der CDU-Fraktion

Vorbemerkung der Fragesteller:
Mit der Krankenhausreform werden Mindestvorgaben eingeführt, die kleine Häuser unter Druck setzen.

Wir fragen die Landesregierung:

1. An welchen Standorten erfüllen die Häuser die Mindestvorgaben nicht?
2. Wie lang sind die Fahrzeiten zur nächsten Notaufnahme in der Prignitz?
"""


@pytest.mark.parametrize("ask", ["Wir fragen die Landesregierung:", "Daher fragen wir den Senat:"])
def test_an_inquiry_after_a_cover_letter_is_read(ask):
    # the letter's greeting ends the letter, not the inquiry that follows it
    text = GREAT_INQUIRY.replace("Wir fragen die Landesregierung:", ask)
    sec = SectionFinder().find(text)
    assert sec.end == len(text)
    assert sec.header_end > text.index("Mit freundlichen Grüßen")


HAMBURG = """BÜRGERSCHAFT
DER FREIEN UND HANSESTADT HAMBURG                          Drucksache 23/2104

Antrag
der Abgeordneten Malte Ohlsen (SPD) und Fraktion

Betr.:  Sanierungsoffensive für bezirkliche Kunstrasenplätze

Seit 2011 hat die Stadt über 40 Mio. Euro in den Bau neuer Kunstrasenplätze investiert.
Bei der Sanierung sollen zudem mikroplastikfreie Füllstoffe zum Einsatz kommen.

Die Bürgerschaft möge beschließen:

Der Senat wird ersucht,

1.  bis Ende 2028 mindestens zwölf bezirkliche Kunstrasenplätze zu sanieren,

2.  der Bürgerschaft bis zum 30. Juni 2027 über den Fortschritt zu berichten.
"""


def test_a_lead_in_ending_in_a_comma_keeps_its_list_in_the_request(nlp):
    # Hamburg's petitum: "Der Senat wird ersucht," over a blank line, then the items; the
    # lead text above the cue is no request
    sec = SectionFinder().find(HAMBURG)
    a, b = sec.operative[0]
    assert "2.  der Bürgerschaft" in HAMBURG[a:b]
    motion = Motion(id="t:hh", text=HAMBURG, body="Hamburgische Bürgerschaft", paper_type="Antrag")
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    assert "report" in {a["type"] for a in doc._.actions}
    assert all(a["start"] > HAMBURG.index("möge beschließen") for a in doc._.actions)


def test_a_signed_motion_still_ends_at_its_signature():
    sec = SectionFinder().find(COUNCIL)
    assert sec.end == COUNCIL.index("Mit freundlichen Grüßen")


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp(lemmatizer=None))


def test_requests_after_a_cover_letter_are_found(nlp):
    motion = Motion(id="t:br", text=BUNDESRAT, body="Bundesrat", paper_type="Antrag")
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    types = {a["type"] for a in doc._.actions}
    assert {"review", "report"} <= types
    # the letter's own request ("Ich bitte, die Vorlage ... aufzunehmen") is none
    assert all("Tagesordnung" not in a["evidence"] for a in doc._.actions)
