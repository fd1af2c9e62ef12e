"""The learned topic ranker: its candidates, its decoder, its storage and training, and the
shipped ranker on motions of five kinds of body (written by us)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.errors import ModelError
from pipeline.extract.topic import TopicRules
from pipeline.extract.topic_ranker import (
    N_FEATURES,
    TopicFeatures,
    TopicRanker,
    TopicSources,
    candidates,
    has_topic_ranker,
)
from pipeline.extract.topic_tokens import content_tokens
from pipeline.ingest.textfile import motion_from_text
from pipeline.paths import DEFAULT_EXTRACTION_DIR


def _sources(title_parts, rule_topic=None, objects=(), operative=""):
    return TopicSources(
        title_parts=list(title_parts),
        objects=list(objects),
        operative_head=operative[:300],
        operative=operative.lower(),
        rule_topic=rule_topic,
        kind="motion",
    )


def test_candidates_are_spans_that_neither_open_nor_close_with_a_stop_word():
    src = _sources(
        ["Sichere Schulwege für die Kinder in Rohrbach", "Tempo 30 jetzt"],
        rule_topic="Sichere Schulwege",
    )
    cands = candidates(src, TopicRules())
    assert (cands[0].origin, cands[0].phrase) == ("rule", "Sichere Schulwege")
    phrases = {c.phrase for c in cands}
    assert {"Schulwege", "Schulwege für die Kinder", "Kinder in Rohrbach", "Tempo 30"} <= phrases
    assert not any(p.split()[0].lower() in {"für", "die", "in"} for p in phrases)
    assert not any(p.split()[-1].lower() in {"für", "die", "in"} for p in phrases)


def test_no_candidate_ends_on_an_adjective_before_its_noun():
    src = _sources(["Stärkung der Wärmenetze in ländlichen Kommunen"])
    rules = TopicRules()
    phrases = {c.phrase for c in candidates(src, rules)}
    assert "Wärmenetze in ländlichen Kommunen" in phrases
    assert not any(p.endswith("ländlichen") for p in phrases)
    # the decoder never picks one either, however likely the adjective's word
    ranker = TopicRanker(np.zeros(8, np.float32), 0.0, unseen=0.5, n_features=8)
    probs = {k: 0.05 for k in content_tokens(src.title_parts[0])}
    probs.update({k: 0.95 for k in content_tokens("Wärmenetze ländlichen")})
    assert ranker.choose(src, probs, rules) == "Wärmenetze in ländlichen Kommunen"


def test_the_decoder_picks_the_span_with_the_best_expected_f1():
    src = _sources(
        ["Entschließung des Bundesrates zur Stärkung der Höhenwindenergie"],
        rule_topic="Entschließung des Bundesrates Höhenwindenergie",
    )
    ranker = TopicRanker(np.zeros(8, np.float32), 0.0, unseen=0.5, n_features=8)
    keys = {k: 0.05 for k in content_tokens(src.title_parts[0])}
    keys[content_tokens("Höhenwindenergie")[0]] = 0.95
    keys[content_tokens("Stärkung")[0]] = 0.3
    rules = TopicRules()
    assert ranker.choose(src, keys, rules) == "Höhenwindenergie"
    # where every word is as likely as the next, the longer span covers more of them
    flat = dict.fromkeys(keys, 0.5)
    assert len(ranker.choose(src, flat, rules).split()) >= 3


def test_a_span_cut_after_an_article_is_in_the_nominative():
    src = _sources(["Teilnahme des Blumenschmuckwettbewerbs"])
    rules = TopicRules()
    phrases = {c.phrase: c.keys for c in candidates(src, rules)}
    assert "Blumenschmuckwettbewerb" in phrases
    # scored by the word as it stands in the title (the model's row), shown in base form
    assert phrases["Blumenschmuckwettbewerb"] == frozenset(
        content_tokens("Blumenschmuckwettbewerbs")
    )


def test_word_features_see_title_request_and_rules():
    feats = TopicFeatures(TopicRules(), 1 << 12)
    src = _sources(
        ["Radverkehrskonzept für die Südstadt"],
        rule_topic="Radverkehrskonzept",
        operative="Die Verwaltung wird beauftragt, ein Radverkehrskonzept für die Südstadt "
        "vorzulegen.",
    )
    rows = dict(feats.rows(src))
    rad, sued = content_tokens("Radverkehrskonzept")[0], content_tokens("Südstadt")[0]
    assert set(rows) >= {rad, sued}
    assert all(0 <= i < 1 << 12 for idx in rows.values() for i in idx)
    # the rules' topic word carries features the other title word lacks
    assert set(rows[rad]) != set(rows[sued])
    assert feats.rows(src) == TopicFeatures(TopicRules(), 1 << 12).rows(src)  # stable hashes


def _ranker_folder(tmp_path, section_extra=None):
    d = tmp_path / "m"
    d.mkdir()
    ranker = TopicRanker(np.linspace(-1, 1, 64).astype(np.float32), -0.5, 0.8, 64)
    section = ranker.save(d)
    section.update(section_extra or {})
    (d / "model_card.json").write_text(json.dumps({"topic": section}), "utf-8")
    return d, section


def test_ranker_round_trip_and_checks(tmp_path):
    d, section = _ranker_folder(tmp_path)
    back = TopicRanker.from_card(d, section)
    assert back.unseen == pytest.approx(0.8) and back.w.shape == (64,)
    assert has_topic_ranker(d)
    (d / "topic.npz").write_bytes((d / "topic.npz").read_bytes() + b"x")
    with pytest.raises(ModelError, match="sha256"):
        TopicRanker.from_card(d, section)
    with pytest.raises(ModelError, match="format"):
        TopicRanker.from_card(d, {**section, "format": "antragsradar-topic-0"})
    assert not has_topic_ranker(tmp_path)  # no card at all: no ranker, no error


def test_a_clause_model_folder_without_a_ranker_keeps_the_rules_topic(tmp_path):
    from pipeline.extract import add_extractors
    from pipeline.preprocess.nlp import make_nlp

    if not (DEFAULT_EXTRACTION_DIR / "model_card.json").is_file():
        pytest.skip("no shipped extraction model")
    d = tmp_path / "old"
    d.mkdir()
    card = json.loads((DEFAULT_EXTRACTION_DIR / "model_card.json").read_text("utf-8"))
    card.pop("topic", None)
    (d / "model_card.json").write_text(json.dumps(card), "utf-8")
    (d / "clauses.npz").write_bytes((DEFAULT_EXTRACTION_DIR / "clauses.npz").read_bytes())
    nlp = add_extractors(make_nlp(lemmatizer=None), extraction_model=d)
    assert "motion_learned" in nlp.pipe_names and "motion_topic_learned" not in nlp.pipe_names


def test_training_learns_which_title_words_annotators_keep():
    from pipeline.training.topic import TopicDoc, cross_validate_topic, fit_ranker, topic_f1s

    feats = TopicFeatures(TopicRules(), 1 << 14)
    places = ["Rohrbach", "Südstadt", "Weststadt", "Neuenheim", "Bergheim", "Kirchheim"]
    objects = ["Schulwege", "Spielplätze", "Radwege", "Parkbänke", "Trinkbrunnen", "Bäume"]
    docs = []
    for i in range(36):
        place, obj = places[i % 6], objects[(i // 6) % 6]
        # the annotators' habit: the object and the place, never the slogan before the colon
        title = f"Endlich handeln: Mehr {obj} in {place}"
        src = _sources(
            TopicRules().clean_title(title).split(": "),
            rule_topic=f"Endlich handeln Mehr {obj}",
            operative=f"Die Verwaltung wird beauftragt, {obj} in {place} zu planen.",
        )
        docs.append(
            TopicDoc(f"k{i}", "a" if i % 2 else "b", f"{obj} in {place}", src, feats.rows(src))
        )
    ranker = fit_ranker(docs, C=5.0, n_features=1 << 14)
    assert np.mean(topic_f1s(ranker, docs)) > np.mean(topic_f1s(None, docs)) + 0.3
    cv = cross_validate_topic(docs, C=5.0, n_features=1 << 14)
    assert set(cv["leave_one_source_out"]) == {"a", "b"}
    assert cv["within_source_5fold"]["a"]["topic"] > cv["within_source_5fold"]["a"]["rules"]


# --- the shipped ranker on five kinds of body ------------------------------------------------

BODIES = {
    # (text, words the topic must have, words it must not have)
    "city council": (
        "Stadt Heidelberg\nGemeinderat\nANTRAG\nFraktion Bündnis 90/Die Grünen\n"
        "Endlich handeln: Sichere Schulwege in Rohrbach\n\nDer Gemeinderat möge beschließen:\n"
        "Die Verwaltung wird beauftragt, ein Konzept für sichere Schulwege in Rohrbach "
        "vorzulegen.\n",
        {"schulweg"},
        {"heidelberg", "fraktion", "handeln"},
    ),
    "county council": (
        "Kreistag des Rhein-Sieg-Kreises\nCDU-Kreistagsfraktion\nAnfrage\n"
        "Busverbindungen im ländlichen Raum\n\nWir bitten den Landrat um Beantwortung folgender "
        "Fragen:\n1. Wie viele Haltestellen werden werktags seltener als stündlich bedient?\n",
        {"busverbindung"},
        {"kreistag", "anfrage"},
    ),
    "Landtag": (
        "Landtag Nordrhein-Westfalen\nDrucksache 18/4321\n18. Wahlperiode\nAntrag der Fraktion "
        "der FDP\nLehrkräftemangel entschlossen begegnen\n\nDer Landtag beauftragt die "
        "Landesregierung, zusätzliche Stellen für Seiteneinsteiger gegen den Lehrkräftemangel "
        "zu schaffen.\n",
        {"lehrkräftemangel"},
        {"drucksache", "wahlperiode", "landtag"},
    ),
    "Bundestag": (
        "Deutscher Bundestag Drucksache 21/9999\n21. Wahlperiode\nAntrag\nder Fraktion DIE LINKE"
        "\nMietpreisbremse in Großstädten verlängern\n\nDer Bundestag fordert die "
        "Bundesregierung auf, die Mietpreisbremse in Großstädten bis 2030 zu verlängern.\n",
        {"mietpreisbremse"},
        {"drucksache", "bundestag", "linke"},
    ),
    "party convention": (
        "Antrag 12/I/2026\nAntragsteller: Jusos Landesverband\nKostenloses Schulessen für "
        "alle!\nDer Landesparteitag möge beschließen:\nDie SPD-Mitglieder im Senat setzen sich "
        "für ein kostenloses Schulessen an allen Berliner Grundschulen ein.\n",
        {"schulessen"},
        {"antragsteller", "jusos"},
    ),
}


@pytest.fixture(scope="module")
def analyzer():
    if not has_topic_ranker(DEFAULT_EXTRACTION_DIR):
        pytest.skip("the shipped extraction model has no topic ranker")
    from pipeline.analyze import Analyzer

    return Analyzer(model_dir=None)


@pytest.mark.parametrize("body", sorted(BODIES))
def test_shipped_ranker_on_five_bodies(analyzer, body):
    text, must, must_not = BODIES[body]
    # as a .txt file is read: the title from the document's own structure
    topic = analyzer.analyze(motion_from_text(text, "<text>", body))["topic"] or ""
    words = set(content_tokens(topic))
    assert must <= words, (body, topic)
    assert not (must_not & words), (body, topic)


def test_default_feature_space_is_a_power_of_two():
    assert N_FEATURES & (N_FEATURES - 1) == 0
