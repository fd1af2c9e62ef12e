"""The same words at different levels (ANNOTATION.md, "Other bodies"): a call on the motion's
own government is its ordinary request, a call on another level an appeal; money of the
motion's own level is its own budget, money of another level an external grant. The rules
alone (no clause model), on motions written for these tests."""

from __future__ import annotations

import pytest

from pipeline.extract import add_extractors
from pipeline.extract.levels import WordClasses
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp(lemmatizer=None))


def run(nlp, text: str, body: str | None = None, title: str = "", paper_type: str = "Antrag"):
    motion = Motion(id="test:l", text=text, title=title, paper_type=paper_type, body=body)
    return next(nlp.pipe([make_motion_doc(nlp, motion)]))


LANDTAG = """Landtag Nordrhein-Westfalen
18. Wahlperiode
Drucksache 18/4411

Antrag
der Fraktion der SPD

Kommunale Wärmeplanung wirksam unterstützen

Der Landtag beschließt, die Landesregierung zu ersuchen,
1. dem Ausschuss für Heimat und Kommunales bis zum 30. Juni 2025 über den Stand der
kommunalen Wärmeplanung zu berichten,
2. kleine Gemeinden aus Mitteln des Landes mit 25 Mio. Euro bei der Wärmeplanung zu unterstützen.

Begründung
Viele Gemeinden können eine Wärmeplanung nicht selbst erstellen.
"""

BUNDESTAG = """Deutscher Bundestag
21. Wahlperiode
Drucksache 21/1234

Antrag
der Abgeordneten Anna Beispiel und der Fraktion BÜNDNIS 90/DIE GRÜNEN

Barrierefreiheit im Bahnverkehr

Der Bundestag wolle beschließen:
Der Deutsche Bundestag fordert die Bundesregierung auf,
1. einen Gesetzentwurf zur Barrierefreiheit aller Bahnhöfe bis 2030 vorzulegen;
2. den Ländern dafür Fördermittel des Bundes in Höhe von 100 Mio. Euro anzubieten.

Berlin, den 3. Juni 2025
"""

COUNCIL = """Fraktion im Gemeinderat der Stadt Beispielstadt

Antrag: Kommunale Wärmeplanung

Der Gemeinderat möge beschließen:
1. Der Gemeinderat fordert die Landesregierung auf, die Kommunen bei der Wärmeplanung
dauerhaft zu unterstützen.
2. Die Verwaltung beantragt dafür Fördermittel des Landes.

Begründung:
Die Wärmeplanung ist eine Pflichtaufgabe.
"""


def test_levels_of_bodies_and_executives():
    wc = WordClasses()
    assert wc.level("Landtag Nordrhein-Westfalen") == "state"
    # the body named first is the motion's own: a council motion that calls on the Landtag
    assert wc.level(None, "", "Gemeinderat Beispielstadt\nAntrag an den Landtag") == "local"
    assert wc.word_level("landesregierung") == "state"
    assert wc.word_level("bundestag") == "federal"
    assert wc.word_level("haushalt") is None


@pytest.mark.parametrize(
    ("body", "level"),
    [
        # a party's conventions and assemblies under their many names
        ("BÜNDNIS 90/DIE GRÜNEN Sachsen Landesdelegiertenkonferenz", "party"),
        ("GRÜNE JUGEND Bayern Landesmitgliederversammlung", "party"),
        ("Junge Union Niedersachsen, Landestag", "party"),
        ("CSU-Kreisverband Dachau, Kreisvertreterversammlung", "party"),
        ("Jusos Unterbezirk Ortenau, Unterbezirkskonferenz", "party"),
        ("FREIE WÄHLER Bayern, Landesversammlung", "party"),
        # a Hanseatic city's Bürgerschaft is its council; Hamburg's is a Landtag
        ("Bürgerschaft der Hansestadt Lübeck", "local"),
        ("Bürgerschaft der Hanse- und Universitätsstadt Rostock", "local"),
        ("Bürgerschaft der Freien und Hansestadt Hamburg", "state"),
        ("Hamburgische Bürgerschaft", "state"),
        ("Gemeindevertretung Sylt", "local"),
        ("Bezirksversammlung Hamburg-Mitte", "local"),
    ],
)
def test_levels_of_bodies_by_name(body, level):
    # the body decides before a Landtag or Senat the motion's text names
    assert WordClasses().level(body, "", "Wir fordern den Senat und die Bürgerschaft auf") == level


@pytest.mark.parametrize(
    "body",
    [
        "Landschaftsversammlung Rheinland",
        "Bezirkstag Schwaben",
        "Verbandsversammlung Zweckverband Verkehrsverbund Oberlausitz-Niederschlesien",
        "Städteregionstag Aachen",
        "Jugendgemeinderat Esslingen am Neckar",
    ],
)
def test_municipal_associations_are_local_whatever_they_call_on(body):
    """A Landschaftsverband's or Bezirk's resolution calls on the Bundestag: its body stays
    local, so the call is an appeal to another level."""
    head = "Die Versammlung fordert die Bundesregierung und den Deutschen Bundestag auf, …"
    assert WordClasses().level(body, "Resolution zur Eingliederungshilfe", head) == "local"


def test_landtag_asking_its_government_is_no_appeal(nlp):
    doc = run(nlp, LANDTAG, body="Landtag Nordrhein-Westfalen")
    types = {a["type"] for a in doc._.actions}
    assert "appeal" not in types
    assert "report" in types


def test_bundestag_asking_the_federal_government_is_no_appeal(nlp):
    doc = run(nlp, BUNDESTAG, body="Deutscher Bundestag")
    types = {a["type"] for a in doc._.actions}
    assert "appeal" not in types
    assert "implement" in types


def test_council_calling_on_the_land_stays_an_appeal(nlp):
    doc = run(nlp, COUNCIL, body="Gemeinderat Beispielstadt")
    assert "appeal" in {a["type"] for a in doc._.actions}


def test_money_of_the_own_level_is_its_own_budget(nlp):
    doc = run(nlp, LANDTAG, body="Landtag Nordrhein-Westfalen")
    kinds = {f["kind"] for f in doc._.funding}
    assert "external_grant" not in kinds
    assert "general_budget" in kinds
    doc = run(nlp, BUNDESTAG, body="Deutscher Bundestag")
    assert "external_grant" not in {f["kind"] for f in doc._.funding}


def test_money_of_another_level_is_an_external_grant(nlp):
    doc = run(nlp, COUNCIL, body="Gemeinderat Beispielstadt")
    grants = [f for f in doc._.funding if f["kind"] == "external_grant"]
    assert grants and grants[0]["name"] == "Land"  # the giver, in the nominative


PARTY = "Landesparteitag der SPD Berlin"
PASSIVE_CALLS = [
    # (body, the request, the type the rules give it)
    (
        PARTY,
        "Der Senat wird aufgefordert, die psychosoziale Versorgung von Kindern und Jugendlichen "
        "in allen Bezirken auszubauen.",
        "appeal",
    ),
    (
        PARTY,
        "Der Berliner Senat wird aufgefordert, zu prüfen, wie die Wartezeiten auf einen "
        "Therapieplatz verkürzt werden können.",
        "appeal",
    ),
    (
        PARTY,
        "Die sozialdemokratischen Mitglieder des Senats werden aufgefordert, die psychosoziale "
        "Versorgung von Kindern und Jugendlichen in allen Bezirken auszubauen.",
        "implement",
    ),
    (
        PARTY,
        "Die SPD-Mitglieder des Abgeordnetenhauses werden aufgefordert, ein Landesprogramm "
        "für Schulpsychologie einzurichten.",
        "implement",
    ),
    (
        "Gemeinderat Beispielstadt",
        "Die Landesregierung wird gebeten, den Kommunen die Kosten der Schulsozialarbeit "
        "vollständig zu erstatten.",
        "appeal",
    ),
    (
        "Gemeinderat Beispielstadt",
        "Die Verwaltung wird aufgefordert, an allen Grundschulen Trinkwasserbrunnen aufzustellen.",
        "implement",
    ),
    (
        "Landtag Nordrhein-Westfalen",
        "Die Landesregierung wird aufgefordert, den Kommunen die Kosten der Schulsozialarbeit "
        "vollständig zu erstatten.",
        "implement",
    ),
]


@pytest.mark.parametrize(("body", "request_", "expected"), PASSIVE_CALLS)
def test_a_passive_call_on_another_level_is_an_appeal(nlp, body, request_, expected):
    """ "Der Senat wird aufgefordert" from a party convention calls on another level (an
    appeal, like the active "fordert den Senat auf"); the party's own members in the Senate, a
    council's own administration and a Landtag's own government are asked to act."""
    text = f"{body}\n\nAntrag: Versorgung verbessern\n\nBeschluss:\n{request_}\n\nBegründung:\n" + (
        "Die Lage hat sich in den letzten Jahren deutlich verschlechtert.\n"
    )
    doc = run(nlp, text, body=body)
    types = [a["type"] for a in doc._.actions]
    assert types == [expected]


OWN_NAMES = [
    # (body, the operative part, the types the rules give it)
    (
        "Landtag Nordrhein-Westfalen",
        "Der Landtag möge beschließen:\nDer Landtag beauftragt die Landesregierung, ein Konzept "
        "zur Digitalisierung der Schulen vorzulegen.",
        ["concept"],
    ),
    (
        "Landtag Nordrhein-Westfalen",
        "Der Landtag möge beschließen:\nDie Landesregierung wird beauftragt, zu prüfen, wie die "
        "Schulen besser ausgestattet werden können.",
        ["review"],
    ),
    (
        "Bayerischer Landtag",
        "Der Landtag möge beschließen:\nDer Landtag ersucht die Staatsregierung, über den Stand "
        "der Schulsanierung zu berichten.",
        ["report"],
    ),
    (
        "Landtag Brandenburg",
        "Der Landtag möge beschließen:\nDer Landtag fordert die Bundesregierung auf, den "
        "Digitalpakt Schule fortzusetzen.",
        ["appeal"],
    ),
    (
        "Gemeinderat Beispielstadt",
        "Der Gemeinderat möge beschließen:\nDer Gemeinderat fordert den Landtag auf, die "
        "Schulsozialarbeit dauerhaft zu finanzieren.",
        ["appeal"],
    ),
    (
        "Deutscher Bundestag",
        "Der Bundestag wolle beschließen:\nI. Der Deutsche Bundestag stellt fest:\nAn vielen "
        "Schulen fehlt die Schulsozialarbeit.\nII. Der Deutsche Bundestag fordert die "
        "Bundesregierung auf, ein Förderprogramm für Schulsozialarbeit aufzulegen.",
        ["appeal", "implement"],
    ),
    (
        "Gemeinderat Beispielstadt",
        "Der Gemeinderat begrüßt die Initiative des Landes für mehr Schulsozialarbeit.",
        ["appeal"],
    ),
    # a party convention's "Wir fordern ... auf": its own members are asked, the Senat is called on
    (
        "Landesparteitag der SPD Berlin",
        "Der Landesparteitag möge beschließen:\nWir fordern die sozialdemokratischen Mitglieder "
        "des Senats auf, an allen Schulen Schulsozialarbeit einzurichten.",
        ["implement"],
    ),
    (
        "Landesparteitag der SPD Berlin",
        "Der Landesparteitag möge beschließen:\nWir fordern den Senat auf, an allen Schulen "
        "Schulsozialarbeit einzurichten.",
        ["appeal"],
    ),
    # the party's own members seated in a parliament are asked; "Wir bitten" a council's call
    (
        "Parteitag der CSU",
        "Der Parteitag möge beschließen:\nDie CSU-Fraktion im Bayerischen Landtag wird ersucht, "
        "die Schwimmkurse an allen Grundschulen dauerhaft zu sichern.",
        ["implement"],
    ),
    (
        "Landeskonferenz der Jusos NRW",
        "Die Landeskonferenz möge beschließen:\nWir bitten die SPD-Landtagsfraktion zu prüfen, "
        "ob an allen Berufsschulen Wohnheime für Auszubildende gebaut werden können.",
        ["review"],
    ),
    (
        "Gemeinderat Beispielstadt",
        "Der Gemeinderat möge beschließen:\nWir bitten die Landesregierung, die "
        "Schulsozialarbeit dauerhaft zu finanzieren.",
        ["appeal"],
    ),
]


@pytest.mark.parametrize(("body", "operative", "expected"), OWN_NAMES)
def test_the_own_parliament_and_government_named_are_no_appeal(nlp, body, operative, expected):
    """A Landtag naming itself or its government ("Der Landtag möge beschließen", "Die
    Landesregierung wird beauftragt") asks for what its clause asks; a council naming the Land
    or the Landtag, and a parliament calling on another level or stating its position, make an
    appeal (ANNOTATION.md, "Other bodies")."""
    text = f"{body}\n\nAntrag\n\nSchulen stärken\n\n{operative}\n\nBegründung:\n" + (
        "Die Schulen brauchen mehr Unterstützung.\n"
    )
    doc = run(nlp, text, body=body)
    assert [a["type"] for a in doc._.actions] == expected
