"""Scoring functions of pipeline.evaluate.extraction on small hand-made records."""

from __future__ import annotations

import pytest

from pipeline.evaluate.extraction import (
    name_overlap,
    normalise_groups,
    score_actions,
    score_amounts,
    score_extraction,
    score_funding_kinds,
    score_groups,
    score_groups_silver,
    score_hedged,
    score_named_funds,
    score_topic,
    summary,
    topic_f1,
    topic_prefix_f1,
)

GOLD = [
    {
        "id": "a",
        "actions": [{"type": "review"}, {"type": "report"}],
        "funding": [{"kind": "named_fund", "name": "Klimafonds der Stadt", "amount_eur": 5000}],
        "topic": "Beleuchtung Bushaltestelle",
        "hedged": True,
        "factions": ["SPD", "GRÜNE"],
    },
    {
        "id": "b",
        "actions": [{"type": "inquiry"}],
        "funding": [],
        "topic": "Spielplätze",
        "hedged": False,
        "factions": ["KAL", "Die PARTEI"],
    },
]
PRED = {
    "a": {
        "actions": [{"type": "review"}, {"type": "review"}, {"type": "budget"}],
        "funding": [{"kind": "named_fund", "name": "Klimafonds", "amount_eur": 5000.4}],
        "topic": "Beleuchtung der Bushaltestelle",
        "groups": ["GRÜNE", "SPD"],
        "hedged": True,
    },
    "b": {
        "actions": [{"type": "inquiry"}],
        "funding": [],
        "topic": None,
        "groups": ["KAL/Die PARTEI"],
        "hedged": None,
    },
}


def test_action_sets():
    s = score_actions(GOLD, PRED)
    # types per document: a: {review, report} vs {review, budget}; b: exact
    assert s["micro"]["precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["micro"]["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["per_label"]["report"]["recall"] == 0.0
    assert s["worst"][0]["id"] == "a"


def test_funding_amounts_and_funds():
    assert score_funding_kinds(GOLD, PRED)["micro"]["f1"] == 1.0
    assert score_amounts(GOLD, PRED)["recall"] == 1.0
    assert score_named_funds(GOLD, PRED)["recall"] == 1.0
    assert name_overlap("Regionsfonds für Vielfalt und Teilhabe", "Regionsfonds") >= 0.5
    assert name_overlap("Digitalpakt Schule", "Klimafonds") == 0.0


def test_topic_and_hedged():
    assert topic_f1("Beleuchtung Bushaltestelle", "Beleuchtung der Bushaltestelle") == 1.0
    assert topic_f1("Spielplätze", None) == 0.0
    assert score_topic(GOLD, PRED)["mean_f1"] == 0.5
    assert score_hedged(GOLD, PRED)["accuracy"] == 1.0


def test_topic_by_the_independent_scorers_definition():
    # an inflection the lemmatiser does not know: the prefix scorer forgives it, ours does not
    assert topic_f1("Gestaltung des Bernhardusplatzes", "Bernhardusplatz") == 0.0
    assert topic_prefix_f1("Gestaltung des Bernhardusplatzes", "Bernhardusplatz") == pytest.approx(
        2 / 3
    )
    # words under five letters are not compared; a wrong topic still scores 0
    assert topic_prefix_f1("Kita am Marktplatz", "Marktplätze") == 1.0
    assert topic_prefix_f1("Sanierung der Turnhalle", "Radverkehrskonzept") == 0.0
    s = score_topic(
        [{"id": "a", "topic": "Sanierung des Bernhardusplatzes"}, {"id": "b", "topic": "Kita"}],
        [{"id": "a", "topic": "Bernhardusplatz"}, {"id": "b", "topic": "Kita"}],
    )
    assert s["mean_f1"] == 0.5 and s["mean_prefix_f1"] == pytest.approx((2 / 3 + 1) / 2, abs=1e-4)


def test_groups_split_joint_lists():
    assert normalise_groups(["KAL/Die PARTEI"]) == {"KAL", "Die PARTEI"}
    assert normalise_groups(["KDV Mitte +  AfA LAK"]) == {"KDV Mitte", "AfA LAK"}


def test_groups_are_scored_on_one_spelling_per_faction():
    gold = [{"id": "k:1", "factions": ["FW|FÜR Karlsruhe"]}, {"id": "k:2", "factions": ["SPD"]}]
    pred = [
        {"id": "k:1", "groups": ["FW", "FÜR"]},
        {"id": "k:2", "groups": ["Bündnis 90/Die Grünen"]},
    ]
    s = score_groups(gold, pred, key="factions")
    assert s["exact_match"] == 0.5 and s["worst"][0]["id"] == "k:2"
    s = score_extraction(GOLD, PRED)
    assert s["groups"]["exact_match"] == 1.0
    assert set(summary(s)) >= {"action_types_micro_f1", "topic_token_f1", "groups_exact_match"}


def test_groups_silver():
    submitters = {
        "factions": {"kal": "KAL", "die-partei": "Die PARTEI", "spd": "SPD"},
        "papers": {"1": ["kal", "die-partei"], "2": ["spd"], "3": []},
    }
    s = score_groups_silver({"1": ["KAL/Die PARTEI"], "2": ["CDU"]}, submitters)
    assert s["docs"] == 2
    assert s["exact_match"] == 0.5
    assert s["worst"][0]["id"] == "2"


def test_only_annotated_fields_are_scored():
    gold = [{"id": "a", "topic": "Spielplatz Grünwettersbach"}]
    pred = {"a": {"topic": "Spielplatz in Grünwettersbach", "actions": [{"type": "review"}]}}
    scores = score_extraction(gold, pred)
    assert set(scores) == {"topic"}
    assert summary(scores) == {"topic_token_f1": 1.0, "topic_prefix6_f1": 1.0}
    # a record that annotates no action still counts as "no actions" once the file has the key
    gold2 = [*gold, {"id": "b", "actions": [{"type": "report"}]}]
    assert {"actions", "topic"} <= set(score_extraction(gold2, pred))
