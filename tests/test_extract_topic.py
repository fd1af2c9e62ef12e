"""Topic rules on titles written for these tests."""

from __future__ import annotations

from pipeline.extract.topic import TopicRules


def test_slogan_side_loses_to_the_side_the_request_names():
    r = TopicRules()
    topic = r.from_title(
        "Grün statt Grau: Dachbegrünung auf Schulgebäuden",
        "Die Verwaltung prüft die Dachbegrünung der Schulgebäude.",
    )
    assert topic == "Dachbegrünung auf Schulgebäuden"


def test_long_title_is_cut_after_its_object():
    r = TopicRules()
    topic = r.from_title("Leihsystem für Lastenräder in Zusammenarbeit mit den Stadtwerken")
    assert topic == "Leihsystem für Lastenräder"


def test_leading_action_noun_is_dropped():
    r = TopicRules()
    assert r.from_title("Einrichtung eines Jugendbeirats") == "Jugendbeirat"


def test_modifiers_the_request_never_mentions_are_dropped():
    r = TopicRules()
    got = r.drop_unmentioned_modifiers(
        "Radwege mit beleuchteten Querungen", "die verwaltung baut radwege mit querungen."
    )
    assert got == "Radwege mit Querungen"
    assert r.drop_unmentioned_modifiers("Radwege", "nichts") == "Radwege"
