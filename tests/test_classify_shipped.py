"""The shipped default theme model loads and puts an obvious motion in the right theme."""

from __future__ import annotations

import pytest

from pipeline.classify.model import ThemeModel, extra_column
from pipeline.classify.taxonomy import load_taxonomy
from pipeline.paths import DEFAULT_MODEL_DIR

# Our own text.
INTEGRATION_MOTION = (
    "Antrag: Sprachkurse und Integrationslotsen für Geflüchtete\n"
    "Der Gemeinderat möge beschließen: Die Stadtverwaltung legt gemeinsam mit dem "
    "Migrationsbeirat ein Konzept vor, wie geflüchtete Familien in den Gemeinschaftsunterkünften "
    "schneller Deutschkurse, Beratung zum Aufenthaltsrecht und Integrationslotsen erhalten."
)


@pytest.fixture(scope="module")
def model():
    return ThemeModel.load(DEFAULT_MODEL_DIR)


def test_shipped_model_matches_shipped_taxonomy(model):
    assert model.taxonomy.sha256 == load_taxonomy().sha256
    assert model.card["taxonomy"]["sha256"] == load_taxonomy().sha256
    for key in ("library_versions", "training_sources", "cross_validation", "dev", "command"):
        assert model.card[key]
    # The hidden layer (about 38,000 features x 128 units, float16) is most of the archive.
    # The model is saved with --no-pickle: the archive is all that predicts, so the folder
    # ships no pickle beside it.
    assert (DEFAULT_MODEL_DIR / "inference.npz").stat().st_size < 14_000_000
    assert not (DEFAULT_MODEL_DIR / "model.joblib").exists() and "pickle" not in model.card
    assert "--no-pickle" in model.card["command"]
    # Every setting says how it was chosen, none by dev; the held-out scores are on our
    # annotations, per source and leaving each source out.
    chosen = model.card["settings_chosen_by"]
    assert "compounds" in chosen and not any("chosen with dev:" in v for v in chosen.values())
    assert model.card["cross_validation"]["rows"] == "our annotations"
    bodies = model.card["leave_one_source_out"]["bodies"]
    assert set(bodies) == {"karlsruhe", "bundestag", "spd-berlin", "written"}
    assert model.card["leave_one_source_out"]["calibration"]["ece"] <= 0.05


def test_shipped_model_predicts_without_scikit_learn(model):
    # The numpy-only archive serves prediction. Training compared its probabilities with the
    # Pipeline's on training and dev motions before saving (the card's inference_check).
    assert model.compact is not None and model._pipeline is None
    assert model.card["inference_check"]["max_abs_proba_diff_vs_pipeline"] < 1e-4
    texts = [INTEGRATION_MOTION, "Radweg an der Hauptstraße\nDie Stadt baut einen Radweg."]
    assert [t[0]["id"] for t in model.predict(texts)] == ["integration", "mobility"]


def test_integration_motion_first_among_integration(model):
    themes = model.predict([INTEGRATION_MOTION], ["Integrationslotsen für Geflüchtete"])[0]
    assert themes[0]["id"] == "integration"
    assert themes[0]["label"] == "Integration & Migration"
    assert 0.5 < themes[0]["score"] <= 1.0
    assert model.predict([INTEGRATION_MOTION])[0][0]["id"] == "integration"


def test_themes_carry_their_cap_major_topics(model):
    themes = model.predict([INTEGRATION_MOTION], ["Integrationslotsen für Geflüchtete"])[0]
    assert themes[0]["id"] == "integration" and themes[0]["cap"] == [9, 2]
    assert all(isinstance(c, int) for t in themes for c in t["cap"])


def test_the_extra_column_is_what_the_model_was_trained_on(model, monkeypatch):
    """The shipped model learned its extra column from the motions' titles: prediction passes the
    title there too, not the extraction's topic and funding names (which put budget_finance on
    motions that only cost money). A model trained on extras gets them."""
    from pipeline.analyze import Analyzer
    from pipeline.record import Motion

    assert model.card["config"]["train_extra"] == "title"
    assert extra_column(model.card, "Radweg an der Hauptstraße", "Radweg", ["Haushaltsmittel"]) == (
        "Radweg an der Hauptstraße"
    )
    monkeypatch.setitem(model.card["config"], "train_extra", "extraction")
    assert extra_column(model.card, "Radweg an der Hauptstraße", "Radweg", ["Haushaltsmittel"]) == (
        "Radweg Haushaltsmittel"
    )
    # a card whose config is no mapping (a hand-edited folder) reads the default, the title
    assert extra_column({"config": "title"}, "Radweg", "", []) == "Radweg"
    monkeypatch.setitem(model.card["config"], "train_extra", "none")
    assert (
        extra_column(model.card, "Radweg an der Hauptstraße", "Radweg", ["Haushaltsmittel"]) == ""
    )

    analyzer = Analyzer()
    motion = Motion(
        id="t:1",
        title="Radweg an der Hauptstraße",
        text="Der Gemeinderat möge beschließen: Die Stadt baut an der Hauptstraße einen Radweg. "
        "Für den Bau werden im Haushalt 2027 Mittel in Höhe von 80.000 Euro bereitgestellt.",
    )
    seen: dict = {}
    predict = analyzer.themes.predict

    def spy(texts, extras=None):
        seen["extras"] = extras
        return predict(texts, extras)

    monkeypatch.setattr(analyzer.themes, "predict", spy)
    analyzer.analyze(motion)
    assert seen["extras"] == ["Radweg an der Hauptstraße"]
