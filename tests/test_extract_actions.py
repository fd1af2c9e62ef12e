"""Action typing rules added in round 2, on German examples written for these tests."""

from __future__ import annotations

import pytest

from pipeline.extract import add_extractors
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp())


def types(nlp, request: str, title: str = "Bänke am Seeufer", paper_type: str = "Antrag") -> set:
    text = (
        "ANTRAG\n\nFraktion Beispiel\n\nDer Gemeinderat möge beschließen:\n\n"
        f"{request}\n\nBegründung:\n\nAm Seeufer fehlen seit Jahren Sitzgelegenheiten.\n"
    )
    motion = Motion(id="test:a", text=text, title=title, paper_type=paper_type)
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    return {a["type"] for a in doc._.actions}


def test_amendment_without_amend_cue_is_typed_by_its_requests(nlp):
    got = types(
        nlp,
        "Die Stadtverwaltung prüft, ob am Seeufer weitere Bänke aufgestellt werden können.",
        title="Ergänzungsantrag: Bänke am Seeufer",
        paper_type="Änderungs-/Ergänzungsantrag",
    )
    assert got == {"review"}


def test_amendment_with_amend_cue(nlp):
    got = types(
        nlp,
        "Der Beschlussantrag der Verwaltung wird wie folgt ergänzt: Am Seeufer werden zehn "
        "Bänke aufgestellt.",
        title="Änderungsantrag zur Neugestaltung des Seeufers",
        paper_type="Änderungs-/Ergänzungsantrag",
    )
    assert "amend" in got


def test_amendment_of_a_named_document_by_title(nlp):
    got = types(
        nlp,
        "1. Die Gebühr für Bootsliegeplätze bleibt unverändert.",
        title="Satzung über die Benutzung der Bootsstege",
        paper_type="Änderungs-/Ergänzungsantrag",
    )
    assert "amend" in got


@pytest.mark.parametrize(
    "text",
    [
        "Ergänzend zur Beschlussvorlage der Verwaltung beschließt der Gemeinderat: Am Seeufer "
        "werden zehn Bänke aufgestellt.",
        "Die Beschlussvorlage wird dahingehend abgeändert, dass die Bänke aus Holz sind.",
        "Abweichend von der Verwaltungsvorlage wird die Gebühr auf einen Euro festgesetzt.",
        "§ 4 Abs. 3 Satz 2 wird gestrichen.",
        "Der Gemeinderat beschließt, den Antrag um den folgenden Punkt zu ergänzen: 4. Die "
        "Bänke werden jährlich gestrichen.",
        # a party convention's amendment by line (Antragsgrün), and a Bundesrat committee's
        "Von Zeile 45 bis 52:\nErsetze „zehn Bänke“ durch „zwanzig Bänke aus heimischem Holz“.",
        "In Zeile 12 nach „Seeufer“ einfügen: „und am Bootssteg“.",
        # an export that prints the amended lines' new wording under their numbers
        "Von Zeile 34 bis 36:\n\nAm Seeufer stellen wir zwanzig Bänke aus heimischem Holz "
        "auf und pflegen sie jährlich.",
        "Nach Nummer 2 ist folgende Nummer 2a einzufügen: „2a. Am Bootssteg werden Bänke "
        "aufgestellt.“",
        "Nummer 3 ist wie folgt zu fassen: „3. Die Bänke sind barrierefrei.“",
    ],
    ids=[
        "ergaenzend-zur-vorlage",
        "dahingehend-abgeaendert",
        "abweichend",
        "paragraph",
        "punkt",
        "zeilen-ersetze",
        "zeile-einfuegen",
        "zeilen-neue-fassung",
        "einzufuegen",
        "zu-fassen",
    ],
)
def test_amendment_wording_that_names_the_amended_text(nlp, text):
    got = types(
        nlp, text, title="Neugestaltung des Seeufers", paper_type="Änderungs-/Ergänzungsantrag"
    )
    assert "amend" in got


def test_amendment_adding_a_request_of_its_own_is_not_amend(nlp):
    # "zusätzlich" alone does not refer to the other text's wording or items
    got = types(
        nlp,
        "Die Stadtverwaltung stellt zusätzlich zwei Abfallbehälter am Seeufer auf.",
        title="Neugestaltung des Seeufers",
        paper_type="Änderungs-/Ergänzungsantrag",
    )
    assert "amend" not in got


def test_one_sentence_two_requests(nlp):
    got = types(
        nlp,
        "Die Verwaltung stellt sicher, dass die Bänke bis zum Frühjahr stehen, insbesondere "
        "durch die Bereitstellung der notwendigen Haushaltsmittel.",
    )
    assert {"implement", "budget"} <= got


def test_addressee_with_verb_and_no_trigger_is_implement(nlp):
    assert types(nlp, "1. Die Stadt pflanzt am Seeufer zwanzig Linden.") == {"implement"}


def test_numbered_passive_request_is_implement(nlp):
    got = types(nlp, "1. Die Parkgebühr am Seeufer wird zum Saisonbeginn auf einen Euro gesenkt.")
    assert got == {"implement"}


def test_compound_plan_is_a_concept_not_a_report(nlp):
    got = types(nlp, "Die Verwaltung legt bis zum Sommer einen Uferpflegeplan vor.")
    assert got == {"concept"}


def test_seeking_grants_is_funding_not_an_action(nlp):
    got = types(
        nlp,
        "1. Die Verwaltung erarbeitet ein Konzept für die Gestaltung des Seeufers.\n"
        "2. Hierfür sind Fördermittel des Landes zu beantragen.",
    )
    assert got == {"concept"}


def test_opinion_with_sollte_is_not_a_request(nlp):
    got = types(
        nlp,
        "Die Verwaltung berichtet im Umweltausschuss über den Zustand des Seeufers. "
        "Dabei sollte die Schaffung neuer Liegewiesen kein Tabu sein.",
    )
    assert got == {"report"}


def test_mentioning_a_concept_is_not_a_concept_request(nlp):
    got = types(
        nlp,
        "Die Verwaltung prüft, wie das bestehende Freiraumkonzept der Stadt am Seeufer "
        "angewendet werden kann.",
    )
    assert got == {"review"}


def test_commissioned_bodies_with_zu_infinitive_in_ln(nlp):
    # "werden beauftragt" and "zu entwickeln" (-ln) make the sentence a request.
    got = types(
        nlp,
        "Das Gartenbauamt und der Seeverein werden beauftragt, Konzepte zu entwickeln, damit "
        "die Uferwege bzw. Stege auch im Winter nutzbar bleiben.",
    )
    assert got == {"concept"}


def test_passive_request_followed_by_subordinate_clause(nlp):
    got = types(
        nlp,
        "Im kommenden Jahr wird ein Konzept erarbeitet, wie das Seeufer besser erreichbar "
        "werden kann.",
    )
    assert got == {"concept"}


def test_passive_consideration_with_ob_is_not_a_budget_request(nlp):
    got = types(
        nlp,
        "1. Die Verwaltung prüft, wo am Seeufer Bänke aufgestellt werden können. Dabei wird "
        "auch berücksichtigt, ob und in welcher Höhe Mittel für die Pflege erforderlich sind.",
    )
    assert got == {"review"}


def test_presenting_proposals_is_a_concept(nlp):
    got = types(
        nlp, "Die Verwaltung legt bis zum Herbst konkrete Vorschläge für neue Sitzplätze vor."
    )
    assert got == {"concept"}


def test_presenting_results_in_committee_is_a_report(nlp):
    got = types(nlp, "2. Die Ergebnisse werden im Umweltausschuss vorgestellt.")
    assert got == {"report"}


@pytest.mark.parametrize(
    "request_text, expected",
    [
        (
            "Die Stadt erstellt ein Konzept für die Beschilderung am Seeufer und errichtet "
            "Hinweistafeln an den Zugängen.",
            {"concept", "implement"},
        ),
        (
            "2. Die Verwaltung prüft und initiiert die Gründung eines Seebeirats.",
            {"review", "implement"},
        ),
        (
            "Die Verwaltung stellt im Ausschuss Vorschläge für neue Bänke vor und nennt den "
            "Zeitpunkt der Aufstellung.",
            {"concept", "report"},
        ),
        # 'und' before a noun phrase is no clause boundary.
        ("Die Verwaltung prüft den Zustand der Bänke und Stege am Seeufer.", {"review"}),
    ],
)
def test_second_request_after_und(nlp, request_text, expected):
    assert types(nlp, request_text) == expected


@pytest.mark.parametrize(
    "request_text, expected",
    [
        (
            "Die unterzeichnenden Fraktionen beantragen, den Seeausschuss um zwei sachkundige "
            "Einwohnerinnen zu erweitern.",
            {"implement"},
        ),
        (
            "Der Gemeinderat möge beschließen, die Uferwiesen nur noch nach einer Kontrolle auf "
            "brütende Vögel zu mähen",
            {"implement"},
        ),
        (
            "Wir beantragen, die Pflege der Uferwiesen nur noch mit Handgeräten durchzuführen.",
            {"implement"},
        ),
        ("Hierzu soll eine Änderung der Seesatzung vorbereitet werden.", {"implement"}),
        # A zu-infinitive that a trigger already types stays that type.
        ("Wir beantragen, den Zustand der Stege am Seeufer zu prüfen.", {"review"}),
    ],
)
def test_request_verb_framing_a_zu_infinitive(nlp, request_text, expected):
    assert types(nlp, request_text) == expected


@pytest.mark.parametrize(
    "request_text",
    [
        "Die Verwaltung erstellt eine Planung für einen Fußweg entlang des Seeufers.",
        "2. die Planung zur Umgestaltung des Seeufers zu überarbeiten.",
    ],
)
def test_drawing_up_or_revising_a_planning_is_a_concept(nlp, request_text):
    assert "concept" in types(nlp, request_text)


def test_numbered_list_before_a_restating_cue_is_operative(nlp):
    # No "möge beschließen" above the list; the cue comes only in the running text after it.
    text = (
        "ANTRAG\n\nFraktion Beispiel\n\nBänke am Seeufer\n\n"
        "1. Die Stadtverwaltung prüft, ob zehn weitere Bänke entlang des Seeufers aufgestellt werden.\n\n"
        "2. Die Stadtverwaltung berichtet über das Ergebnis dieser Prüfung im zuständigen Ausschuss.\n\n"
        "Am Seeufer fehlen seit Jahren Sitzgelegenheiten für ältere Menschen und Familien. "
        "Daher beantragen wir die Prüfung zusätzlicher Bänke.\n"
    )
    motion = Motion(id="test:b", text=text, title="Bänke am Seeufer", paper_type="Antrag")
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    assert {a["type"] for a in doc._.actions} == {"review", "report"}


def test_addressee_request_with_subjunctive_in_subordinate_clause(nlp):
    got = types(
        nlp,
        "1. Die Stadtverwaltung erarbeitet einen Vorschlag, an welchen Stellen des Seeufers "
        "Trinkbrunnen aufgestellt werden könnten.",
    )
    assert got == {"concept"}


def test_subjunctive_opinion_without_addressee_verb_is_still_no_request(nlp):
    got = types(
        nlp,
        "Die Verwaltung berichtet über den Zustand der Stege. "
        "Neue Bänke würden das Seeufer deutlich aufwerten.",
    )
    assert got == {"report"}


def test_submitting_proposals_is_a_concept(nlp):
    got = types(
        nlp, "Die Verwaltung unterbreitet dem Ausschuss Vorschläge, wo Bänke stehen könnten."
    )
    assert got == {"concept"}


def objects(nlp, request: str, title: str = "Ampeln für Fußgänger") -> list[str]:
    text = (
        "ANTRAG\n\nFraktion Beispiel\n\nDer Gemeinderat möge beschließen:\n\n"
        f"{request}\n\nBegründung:\n\nÄltere Menschen schaffen die Straße nicht.\n"
    )
    motion = Motion(id="test:o", text=text, title=title, paper_type="Antrag")
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    return [a["object"] for a in doc._.actions]


@pytest.mark.parametrize(
    ("request_text", "expected"),
    [
        # a call whose object is the list after it
        (
            "Der Gemeinderat fordert die Landesregierung auf,\n"
            "1. die Grünphasen der Fußgängerampeln an Landesstraßen zu verlängern;\n"
            "2. die Bußgelder für Rotlichtverstöße zu erhöhen.",
            "die Grünphasen der Fußgängerampeln an Landesstraßen zu verlängern;",
        ),
        (
            "Die Verwaltung wird aufgefordert, sich dafür einzusetzen, dass\n"
            "- die Grünphasen der Fußgängerampeln verlängert werden.",
            "die Grünphasen der Fußgängerampeln verlängert werden",
        ),
    ],
)
def test_the_object_of_a_call_is_what_follows_it(nlp, request_text, expected):
    assert expected.rstrip(";.") in [o.rstrip(";.") for o in objects(nlp, request_text)]


def test_a_finished_sentence_keeps_its_object_before_the_trigger(nlp):
    # hard negative: the request ends its sentence; the next one is another request
    got = objects(
        nlp,
        "Die Einrichtung einer Fußgängerampel am Markt wird geprüft.\n"
        "Die Verwaltung legt dem Gemeinderat einen Bericht über Unfälle vor.",
    )
    assert any("Einrichtung einer Fußgängerampel" in o for o in got), got
    assert not any(o.startswith("Die Verwaltung legt") for o in got), got
