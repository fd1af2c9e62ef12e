"""Taxonomy files: loading, validation errors, hashing, seed-term matching."""

from __future__ import annotations

import json

import pytest

from pipeline.classify.taxonomy import DEFAULT_TAXONOMY, load_taxonomy, parse_taxonomy
from pipeline.errors import InputError


def _doc(**over):
    themes = [
        {"id": "verkehr", "label": "Verkehr", "seed_terms": ["radweg", "*verkehr", "=bus"]},
        {"id": "schule", "label": "Schule", "seed_terms": ["schule", "*schule", "ganztag"]},
    ]
    doc = {"name": "mini", "themes": themes}
    doc.update(over)
    return doc


def test_default_taxonomy_has_sixteen_themes_with_seeds():
    tax = load_taxonomy()
    assert len(tax.ids) == 16
    assert tax.ids[0] == "integration"
    assert all(t.seed_terms and t.description for t in tax.themes)
    assert tax.labels["mobility"] == "Verkehr & Mobilität"
    assert len(tax.sha256) == 64


def test_hash_ignores_formatting(tmp_path):
    data = json.loads(DEFAULT_TAXONOMY.read_text(encoding="utf-8"))
    p = tmp_path / "t.json"
    p.write_text(json.dumps(data, ensure_ascii=True, indent=None), encoding="utf-8")
    assert load_taxonomy(p).sha256 == load_taxonomy().sha256
    data["themes"][0]["seed_terms"].append("neuzugewandert")
    p.write_text(json.dumps(data), encoding="utf-8")
    assert load_taxonomy(p).sha256 != load_taxonomy().sha256


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"themes": "x"}, "not a taxonomy"),
        (_doc(themes=[{"id": "a", "label": "A", "seed_terms": ["x"]}]), "2 to 64 themes"),
        (_doc(themes=[{"id": "a", "label": "A"}, {"id": "a", "label": "B"}]), "occurs twice"),
        (_doc(themes=[{"id": "Bad Id", "label": "A"}, {"id": "b", "label": "B"}]), "has id"),
        (_doc(themes=[{"id": "a", "label": ""}, {"id": "b", "label": "B"}]), "no label"),
        (
            _doc(
                themes=[
                    {"id": "a", "label": "A", "seed_terms": ["Radweg"]},
                    {"id": "b", "label": "B"},
                ]
            ),
            "lower-case",
        ),
        (
            _doc(
                themes=[
                    {"id": "a", "label": "A", "seed_terms": "radweg"},
                    {"id": "b", "label": "B"},
                ]
            ),
            "list of",
        ),
        (
            _doc(themes=[{"id": "a", "label": "A"}, {"id": "b", "label": "B"}]),
            "no theme has seed_terms",
        ),
    ],
)
def test_invalid_taxonomies_raise_one_line(doc, message):
    with pytest.raises(InputError) as err:
        parse_taxonomy(doc, "my.json")
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(InputError, match="no such taxonomy file"):
        load_taxonomy(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="invalid JSON"):
        load_taxonomy(bad)


def test_seed_term_kinds():
    tax = parse_taxonomy(_doc())
    hits = tax.seed_hits("Der Radwegeausbau, mehr Radverkehr und ein Bus; Busse zählen nicht.")
    assert hits == {"verkehr": 3}
    assert tax.seed_hits("Die Ganztagsgrundschule und die Schulen") == {"schule": 2}
    assert tax.seed_hits("Transport") == {}


def test_seed_matcher_term_kinds_and_phrases():
    from pipeline.classify.taxonomy import SeedMatcher

    m = SeedMatcher(
        {"a": ("rad", "*bahn", "=bus", "=e-akte"), "b": ("tempo 30", "=open data", "*ab c")}
    )
    text = "Radweg S-Bahn bus-spur Busse e-akte e-akte-x tempo  30 open data openness xab c"
    assert m.hits(text) == {"a": 4, "b": 3}
    assert m.hits("tempo 300 open datas") == {"b": 1}
