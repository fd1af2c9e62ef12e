"""Held-out scores of the theme model are computed on hand annotations only (a user's own
file when training has one), leave-one-source-out drops a whole body, and compound parts are
features that the numpy-only archive reproduces. Motions and taxonomy invented for the tests."""

from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.classify.compact import CompactModel, export
from pipeline.classify.compounds import CompoundSplitter, count_lemmas
from pipeline.classify.model import as_input
from pipeline.classify.taxonomy import parse_taxonomy
from pipeline.classify.text import lemma_tokens
from pipeline.training.themes import data as D
from pipeline.training.themes import heldout as H
from pipeline.training.themes.train import build_pipeline, prune, render_readme, train_model

TAXONOMY = {
    "name": "drei-themen",
    "themes": [
        {"id": "verkehr", "label": "Verkehr", "seed_terms": ["radweg", "*verkehr", "=bus"]},
        {"id": "schule", "label": "Schule", "seed_terms": ["*schule", "unterricht"]},
        {"id": "umwelt", "label": "Umwelt", "seed_terms": ["=baum", "bäume", "klima"]},
    ],
}
# Texts the seed terms label (a weak source): the model's seed features see the same terms,
# so scoring against these labels is circular.
WEAK = [
    "Radweg an der Hauptstraße\nDer Radweg soll verbreitert werden, der Radverkehr wächst.",
    "Busverkehr verdichten\nDer Bus der Linie 5 fährt im Busverkehr zu selten.",
    "Grundschule sanieren\nDie Grundschule braucht neue Räume für den Unterricht.",
    "Unterricht am Nachmittag\nGanztagsschule mit Unterricht und Mensa an der Realschule.",
    "Bäume pflanzen\nIn der Innenstadt sollen Bäume gepflanzt werden, gut für das Klima.",
    "Klima schützen\nJeder gefällte Baum wird ersetzt, das Klima der Stadt leidet.",
] * 4
# Our invented annotations: themes given by reading, including ones the seed terms miss.
ANNOTATED = [
    (
        "Sichere Schulwege",
        "Querungshilfen und Tempo 30 vor der Grundschule.",
        ["verkehr", "schule"],
    ),
    (
        "Schulhof entsiegeln",
        "Der Schulhof wird begrünt, Bäume spenden Schatten.",
        ["schule", "umwelt"],
    ),
    ("Radverkehrskonzept fortschreiben", "Das Konzept für Radfahrende wird erneuert.", ["verkehr"]),
    ("Parkraumbewirtschaftung", "Gebühren für das Parken in der Innenstadt anheben.", ["verkehr"]),
    ("Lehrkräfte gewinnen", "Die Stadt wirbt Lehrkräfte für ihre Schulen an.", ["schule"]),
    ("Stadtklima verbessern", "Entsiegelung und Fassadengrün gegen Hitze im Sommer.", ["umwelt"]),
    ("Baumschutzsatzung", "Eine Satzung schützt alte Bäume auf privaten Grundstücken.", ["umwelt"]),
    (
        "Schulbus für Ortsteile",
        "Ein Bus bringt Kinder aus den Ortsteilen zur Schule.",
        ["schule", "verkehr"],
    ),
] * 3
SMALL = {
    "lemmas": {"max_chars": 2000, "ngram_range": (1, 1), "min_df": 1, "max_features": 500},
    "extra": {"ngram_range": (1, 1), "min_df": 1, "max_features": 100},
    "compounds": {"max_chars": 2000, "min_df": 1, "max_features": 200, "min_count": 1},
    "classifier": {"C": 1.0, "cv": 2, "max_themes": 3, "selection": "micro"},
}


@pytest.fixture()
def setup(tmp_path, monkeypatch):
    tax_file = tmp_path / "drei.json"
    tax_file.write_text(json.dumps(TAXONOMY, ensure_ascii=False), encoding="utf-8")
    tax = parse_taxonomy(TAXONOMY)

    def weak(taxonomy, shared=None, exclude=()):
        ex = [
            D.Example(f"w{i}", t, D.weak_labels(tax, *t.split("\n", 1)), "", "karlsruhe-weak")
            for i, t in enumerate(WEAK)
        ]
        return [e for e in ex if e.themes], D.Source("karlsruhe-weak", size=len(ex))

    monkeypatch.setattr(D, "karlsruhe_weak_examples", weak)
    user = tmp_path / "unsere-antraege.jsonl"
    user.write_text(
        "\n".join(
            json.dumps({"id": f"a{i}", "title": t, "text": b, "themes": th}, ensure_ascii=False)
            for i, (t, b, th) in enumerate(ANNOTATED)
        ),
        encoding="utf-8",
    )
    return tax_file, user


def test_user_taxonomy_cross_validation_is_on_the_user_annotations_only(setup):
    tax_file, user = setup
    res = train_model(
        taxonomy=tax_file, sources=["karlsruhe-weak", str(user)], dev=False, config=SMALL
    )
    cv = res.card["cross_validation"]
    assert cv["rows"] == "user annotations"
    assert set(cv) == {"rows", "all", user.name}  # no score on the seed-term labels
    assert cv["all"]["examples"] == cv[user.name]["examples"] == len(ANNOTATED)
    # one body of annotations: nothing to leave out and still train on it
    loso = res.card["leave_one_source_out"]
    assert loso["rows"] == "user annotations" and set(loso["bodies"]) == {user.name}
    assert loso["bodies"][user.name]["left_out_sources"] == [user.name]
    readme = render_readme({**res.card, "model_file_bytes": 0})
    assert "user annotations" in readme and "| karlsruhe-weak |" not in readme.split("## Held")[1]


def test_seed_term_labels_alone_give_no_cross_validation(setup):
    tax_file, _ = setup
    res = train_model(taxonomy=tax_file, sources=["karlsruhe-weak"], dev=False, config=SMALL)
    assert res.card["cross_validation"] == {"rows": "none"}
    assert "no held-out score" in render_readme({**res.card, "model_file_bytes": 0})


def test_leave_one_source_out_drops_the_whole_body():
    sources = ["spd-berlin"] * 4 + ["annotated-spd-berlin"] * 3 + ["annotated-written"] * 3
    examples = [D.Example(str(i), "t", ["x"], "", s) for i, s in enumerate(sources)]
    Y = np.array([[i % 2 == 0, i % 2 == 1] for i in range(len(examples))])
    trained_on = {}

    class Fitted:
        named_steps = {
            "classify": type(
                "C", (), {"thresholds_": np.array([0.5, 0.5]), "max_themes": 3, "relative_": 0.0}
            )()
        }

        def predict_proba(self, X):
            return np.tile([0.9, 0.1], (len(X), 1))

    def fit(rows):
        trained_on[len(trained_on)] = {examples[i].source for i in np.flatnonzero(rows)}
        return Fitted()

    out = H.leave_one_source_out(examples, np.zeros((10, 1)), Y, fit)
    assert set(out["bodies"]) == {"spd-berlin", "written"}
    assert trained_on[0] == {"annotated-written"}  # the party's own labels left out too
    assert trained_on[1] == {"spd-berlin", "annotated-spd-berlin"}
    assert out["bodies"]["spd-berlin"]["left_out_sources"] == ["annotated-spd-berlin", "spd-berlin"]
    assert out["bodies"]["spd-berlin"]["examples"] == 3  # scored on the annotated rows only


def test_compound_parts_from_a_vocabulary_of_the_training_texts():
    texts = [
        "Der Verkehr in der Innenstadt und der Rad-Anteil: mehr Rad, weniger Verkehr.",
        "Ein Konzept für die Schule, ein Konzept für den Weg zur Schule.",
        "Rad und Verkehr, Konzept und Plan, Schule und Weg, Klima und Schutz.",
    ] * 2
    counts = count_lemmas((lemma_tokens(t, None) for t in texts), min_count=2)
    s = CompoundSplitter(counts)
    assert s.parts("radverkehrskonzept") == ("rad", "verkehr", "konzept")  # linking s
    assert s.parts("schulweg") == ("schule", "weg")  # dropped final e
    assert s.parts("klimaschutzkonzept") == ("klima", "schutz", "konzept")
    assert s.parts("verkehr") == () and s.parts("innenstadt") == ()  # "innen" is no known word
    assert s.split_tokens(["radweg", "schulwegplan"]) == ["rad", "weg", "schule", "weg", "plan"]


def test_compound_block_is_reproduced_by_the_numpy_archive():
    tax = parse_taxonomy(TAXONOMY)
    cfg = {
        **SMALL,
        "compounds": {"max_chars": 2000, "min_df": 1, "max_features": 200, "min_count": 2},
    }
    words = "Konzept\nEin Konzept für Rad und Verkehr, die Straße und den Weg zur Schule."
    texts = [f"{t}\n{b}" for t, b, _ in ANNOTATED] + [words] * 2 + WEAK
    Y = np.array(
        [[tid in th for tid in tax.ids] for _, _, th in ANNOTATED]
        + [[True, True, False]] * 2
        + [[tid in D.weak_labels(tax, *t.split("\n", 1)) for tid in tax.ids] for t in WEAK]
    )
    X = as_input(texts, [t.split("\n", 1)[0] for t in texts])
    pipe = build_pipeline(tax, cfg).fit(X, Y)
    parts = pipe.named_steps["features"].named_transformers_["compounds"]
    vocab = parts.named_steps["tfidf"].vocabulary_
    assert {"rad", "verkehr", "konzept"} <= set(vocab)  # from "Radverkehrskonzept"
    compact = CompactModel(export(pipe))
    new = ["Fahrradstraßenkonzept\nEin Konzept für Fahrradstraßen am Schulzentrum."]
    got = compact.predict_proba(new, ["Konzept"])
    assert np.allclose(got, pipe.predict_proba(as_input(new, ["Konzept"])), atol=1e-5)


def test_request_block_reads_the_request_only():
    from pipeline.classify.text import request_part
    from pipeline.training.themes.features import REASONING, LemmaText

    text = (
        "Tempo 30 vor Schulen\nDer Gemeinderat beschließt Tempo 30 vor allen Grundschulen.\n\n"
        "Begründung:\nEltern berichten von gefährlichen Situationen im Berufsverkehr."
    )
    assert request_part(text).endswith("Grundschulen.\n\n")
    assert request_part("Antrag\nNur ein Satz ohne Begründung am Zeilenanfang.") == (
        "Antrag\nNur ein Satz ohne Begründung am Zeilenanfang."
    )
    words = LemmaText(max_chars=1500, until=REASONING).transform([text])[0].split()
    assert "grundschule" in words and "eltern" not in words and "berufsverkehr" not in words
    tax = parse_taxonomy(TAXONOMY)
    cfg = {**SMALL, "request": {"max_chars": 1500, "min_df": 1, "max_features": 200}}
    texts = [f"{t}\n{b}\n\nBegründung:\nSiehe Klima." for t, b, _ in ANNOTATED]
    Y = np.array([[tid in th for tid in tax.ids] for _, _, th in ANNOTATED])
    X = as_input(texts, [t.split("\n", 1)[0] for t in texts])
    pipe = build_pipeline(tax, cfg).fit(X, Y)
    vocab = pipe.named_steps["features"].named_transformers_["request"].named_steps["tfidf"]
    assert "klima" not in vocab.vocabulary_ and "schulhof" in vocab.vocabulary_
    compact = CompactModel(export(pipe))
    assert np.allclose(
        compact.predict_proba([text], ["Tempo"]),
        pipe.predict_proba(as_input([text], ["Tempo"])),
        atol=1e-5,
    )


def test_latent_columns_are_folded_into_the_term_weights_before_saving():
    """The lemma block's latent columns (its tf-idf's SVD projection) are linear in the tf-idf:
    pruning folds them into the term weights and drops the SVD; the Pipeline and the numpy
    archive then predict what the unpruned Pipeline did."""
    tax = parse_taxonomy(TAXONOMY)
    latent = {"n_components": 4, "weight": 2.0}
    cfg = {**SMALL, "lemmas": {**SMALL["lemmas"], "latent": latent}}
    texts = [f"{t}\n{b}" for t, b, _ in ANNOTATED] + WEAK
    Y = np.array(
        [[tid in th for tid in tax.ids] for _, _, th in ANNOTATED]
        + [[tid in D.weak_labels(tax, *t.split("\n", 1)) for tid in tax.ids] for t in WEAK]
    )
    X = as_input(texts, [t.split("\n", 1)[0] for t in texts])
    pipe = build_pipeline(tax, cfg).fit(X, Y)
    lemmas = pipe.named_steps["features"].named_transformers_["lemmas"]
    n_terms = len(lemmas.named_steps["tfidf"].vocabulary_)
    assert lemmas.transform(X[:2, 0]).shape == (2, n_terms + 4)
    new = as_input(
        [
            "Radwege an Schulen\nDie Verwaltung wird gebeten, sichere Radwege zu allen "
            "Grundschulen zu planen und den Schulhof zu begrünen.",
            "Bäume am Schulhof\nDer Schulhof wird entsiegelt.",
        ],
        ["Radwege", ""],
    )
    before = pipe.predict_proba(new)
    prune(pipe)
    assert "latent" not in lemmas.named_steps
    assert lemmas.transform(X[:2, 0]).shape == (2, n_terms)
    assert np.allclose(pipe.predict_proba(new), before, atol=1e-9)
    compact = CompactModel(export(pipe))
    assert np.allclose(compact.predict_proba(list(new[:, 0]), list(new[:, 1])), before, atol=1e-5)
    # Fewer rows than components: as many components as the rows allow.
    few = build_pipeline(tax, {**cfg, "lemmas": {**cfg["lemmas"], "latent": {"n_components": 50}}})
    few.fit(X[:24], Y[:24])
    assert (
        few.named_steps["features"].named_transformers_["lemmas"]["latent"].svd_.n_components == 23
    )
