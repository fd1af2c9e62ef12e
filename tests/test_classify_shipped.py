"""The shipped default theme model loads and puts an obvious motion in the right theme."""

from __future__ import annotations

import pytest

from pipeline.classify.model import ThemeModel
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
    assert (DEFAULT_MODEL_DIR / "model.joblib").stat().st_size < 8_000_000


def test_integration_motion_first_among_integration(model):
    themes = model.predict([INTEGRATION_MOTION], ["Integrationslotsen für Geflüchtete"])[0]
    assert themes[0]["id"] == "integration"
    assert themes[0]["label"] == "Integration & Migration"
    assert 0.5 < themes[0]["score"] <= 1.0
    assert model.predict([INTEGRATION_MOTION])[0][0]["id"] == "integration"
