"""The extraction components' contracts: declared dependencies that spaCy's pipe analysis
checks, and rule data that travels with the component (to_disk/from_disk, to_bytes/from_bytes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from pipeline.extract import COMPONENTS, add_extractors
from pipeline.extract import patterns as patterns_module
from pipeline.extract.funding import MotionFunding
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp
from pipeline.record import Motion

MOTIONS = [
    Motion(
        id="t:1",
        title="Sanierung der Turnhalle der Waldschule",
        paper_type="Antrag",
        text=(
            "ANTRAG\n\nSPD-Gemeinderatsfraktion\n\nVorlage Nr.: 2031/0101\n\n"
            "Die Stadtverwaltung prüft, ob die Turnhalle der Waldschule 2032 saniert werden kann. "
            "Die Kosten von 450.000 Euro werden aus dem Schulbaufonds finanziert.\n"
            "Eventuell können dafür auch Fördermittel des Landes genutzt werden.\n\n"
            "Begründung:\nDas Dach ist seit Jahren undicht.\n"
        ),
    ),
    Motion(
        id="t:2",
        title="Anfrage: Bänke im Schlossgarten",
        paper_type="Anfrage",
        text=(
            "ANFRAGE\n\nCDU-Gemeinderatsfraktion\n\n"
            "1. Wie viele Bänke stehen im Schlossgarten?\n"
            "2. Wann werden die defekten Bänke ersetzt?\n"
        ),
    ),
]


def _results(nlp) -> list[tuple]:
    docs = nlp.pipe([make_motion_doc(nlp, m) for m in MOTIONS])
    return [
        (d._.actions, d._.funding, d._.topic, d._.topic_keywords, d._.groups, d._.hedged)
        for d in docs
    ]


def test_the_shipped_pipeline_has_no_unmet_requirements():
    nlp = add_extractors(make_nlp(lemmatizer=None))
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    # the contract is declared, not only met: funding, topic and hedging read the sections,
    # funding the body's level
    assert analysis["summary"]["motion_actions"]["assigns"] == [
        "doc._.sections",
        "doc._.actions",
        "doc._.level",
    ]
    for name in ("motion_funding", "motion_topic", "motion_hedging"):
        assert "doc._.sections" in analysis["summary"][name]["requires"]
    assert "doc._.level" in analysis["summary"]["motion_funding"]["requires"]


def test_a_pipeline_without_the_actions_component_is_reported():
    nlp = make_nlp(lemmatizer=None)
    for name in COMPONENTS:
        if name != "motion_actions":
            nlp.add_pipe(name)
    problems = nlp.analyze_pipes()["problems"]
    assert set(problems["motion_funding"]) == {"doc._.sections", "doc._.level", "doc._.actions"}
    assert set(problems["motion_topic"]) == {"doc._.actions", "doc._.sections"}
    assert "doc._.actions" in problems["motion_hedging"]
    assert problems["motion_groups"] == []


def test_a_saved_pipeline_gives_the_same_results_without_the_patterns_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    nlp = add_extractors(make_nlp(lemmatizer=None))
    expected = _results(nlp)
    assert any(funding for _, funding, *_ in expected)  # the examples find something
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "motion_funding" / "patterns.json").is_file()
    # No rule data where the components would read it: they must use what was saved.
    empty = tmp_path / "no-patterns"
    empty.mkdir()
    monkeypatch.setattr(patterns_module, "PATTERNS_DIR", empty)
    patterns_module.load_patterns.cache_clear()
    try:
        loaded = spacy.load(tmp_path / "pipeline")
        assert loaded.pipe_names == nlp.pipe_names
        assert _results(loaded) == expected
    finally:
        patterns_module.load_patterns.cache_clear()


def test_rule_data_round_trips_through_bytes_and_changed_data_changes_results():
    nlp = add_extractors(make_nlp(lemmatizer=None))
    funding = nlp.get_pipe("motion_funding")
    assert isinstance(funding, MotionFunding)
    other = MotionFunding().from_bytes(funding.to_bytes())
    assert other.data == funding.data
    assert "named_fund" in [f["kind"] for f in _results(nlp)[0][1]]
    # The component uses the data it carries: without the fund nouns no fund is named.
    data = json.loads(funding.to_bytes())
    data["patterns"]["fund_noun"] = []
    funding.from_bytes(json.dumps(data).encode())
    kinds = [f["kind"] for f in _results(nlp)[0][1]]
    assert "named_fund" not in kinds


def test_a_saved_pipeline_carries_the_learned_models(tmp_path: Path):
    """The clause model and the topic ranker travel with the pipeline like the rule data:
    the saved pipeline loads and gives the same results when their folder is gone."""
    import shutil

    from pipeline.paths import DEFAULT_EXTRACTION_DIR

    if not (DEFAULT_EXTRACTION_DIR / "topic.npz").is_file():
        pytest.skip("no shipped extraction model")
    models = tmp_path / "models"
    shutil.copytree(DEFAULT_EXTRACTION_DIR, models)
    nlp = add_extractors(make_nlp(lemmatizer=None), extraction_model=models)
    assert {"motion_learned", "motion_topic_learned"} <= set(nlp.pipe_names)
    expected = _results(nlp)
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "motion_learned" / "clauses.npz").is_file()
    assert (tmp_path / "pipeline" / "motion_topic_learned" / "topic.npz").is_file()
    shutil.rmtree(models)
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    assert _results(loaded) == expected
