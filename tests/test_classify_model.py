"""A tiny theme model trained at test time: sklearn contract, 1-3 themes best first, save/load
with version and taxonomy checks; score_themes on hand-made records."""

from __future__ import annotations

import json

import numpy as np
import pytest

from pipeline.classify.model import CARD_FILE, TAXONOMY_FILE, ThemeModel, as_input
from pipeline.classify.taxonomy import parse_taxonomy
from pipeline.errors import ModelError
from pipeline.evaluate.themes import score_themes
from pipeline.training.themes.train import build_pipeline, train_model

TAXONOMY = {
    "name": "mini",
    "themes": [
        {
            "id": "verkehr",
            "label": "Verkehr",
            "seed_terms": ["radweg", "*verkehr", "=bus", "ampel"],
        },
        {"id": "schule", "label": "Schule", "seed_terms": ["*schule", "lehrer", "unterricht"]},
        {"id": "umwelt", "label": "Umwelt", "seed_terms": ["=baum", "bäume", "klima", "*grün"]},
    ],
}
# Our own sentences, in the style of council motions.
SENTENCES = [
    ("Neue Radwege an der Hauptstraße und eine sichere Ampel für den Radverkehr.", ["verkehr"]),
    (
        "Der Busverkehr soll im Takt verdichtet werden, die Buslinie 12 fährt zu selten.",
        ["verkehr"],
    ),
    ("Tempo 30 vor der Kreuzung und bessere Radwege für Pendler.", ["verkehr"]),
    ("Die Ampelschaltung am Bahnhof benachteiligt den Fußverkehr.", ["verkehr"]),
    ("Die Grundschule braucht mehr Lehrer und kleinere Klassen im Unterricht.", ["schule"]),
    ("Sanierung der Gesamtschule und ein neuer Schulhof mit Mensa.", ["schule"]),
    ("Ganztagsbetreuung an der Realschule ausbauen, Unterricht am Nachmittag.", ["schule"]),
    ("Digitale Tafeln für alle Klassenzimmer der Schule am Park.", ["schule"]),
    ("Mehr Bäume in der Innenstadt pflanzen, um das Klima zu verbessern.", ["umwelt"]),
    ("Grünflächen schützen und Bäume bei Bauvorhaben erhalten.", ["umwelt"]),
    ("Ein Klimaschutzkonzept mit Solaranlagen auf städtischen Dächern.", ["umwelt"]),
    ("Begrünung der Schulhöfe mit Bäumen gegen Hitze im Sommer.", ["umwelt", "schule"]),
    ("Ein sicherer Schulweg mit Radweg und Ampel vor der Grundschule.", ["verkehr", "schule"]),
    (
        "Weniger Autoverkehr und mehr Grün in den Straßen für ein besseres Klima.",
        ["umwelt", "verkehr"],
    ),
] * 3
# Too few sentences for compound parts (none reaches min_df): the pipelines built directly
# leave the block out; train_model leaves it out by itself (see the trained fixture).
SMALL = {
    "lemmas": {"max_chars": 2000, "ngram_range": (1, 1), "min_df": 1, "max_features": 500},
    "extra": {"ngram_range": (1, 1), "min_df": 1, "max_features": 100},
    "classifier": {"C": 1.0, "cv": 2, "max_themes": 3},
}


@pytest.fixture(scope="module")
def taxonomy_file(tmp_path_factory):
    p = tmp_path_factory.mktemp("tax") / "mini.json"
    p.write_text(json.dumps(TAXONOMY, ensure_ascii=False), encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def trained(taxonomy_file, tmp_path_factory):
    data = tmp_path_factory.mktemp("data") / "train.jsonl"
    data.write_text(
        "\n".join(json.dumps({"text": t, "themes": th}, ensure_ascii=False) for t, th in SENTENCES),
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("models") / "mini"
    res = train_model(taxonomy=taxonomy_file, sources=[str(data)], out=out, dev=False, config=SMALL)
    # No compound part of these few sentences reaches min_df: the block is left out, the
    # training does not fail.
    assert "compounds" not in res.card["pipeline_steps"]
    return res, out


def test_fit_returns_self_and_params_are_stored_only():
    from sklearn.base import clone

    tax = parse_taxonomy(TAXONOMY)
    pipe = build_pipeline(tax, {**SMALL, "compounds": None})
    clone(pipe)  # every step follows the __init__ contract
    X = as_input([t for t, _ in SENTENCES], [t.split()[0] for t, _ in SENTENCES])
    Y = np.array([[tid in th for tid in tax.ids] for _, th in SENTENCES])
    assert pipe.fit(X, Y) is pipe
    clf = pipe.named_steps["classify"]
    assert clf.get_params()["C"] == 1.0
    assert hasattr(clf, "thresholds_") and hasattr(clf, "calibrators_")


def test_predict_one_to_three_best_first(trained):
    res, _ = trained
    out = res.model.predict(
        ["Ein neuer Radweg entlang der Bahnlinie und eine Ampel.", "Bäume und Klima.", ""],
        ["Radweg", "", ""],
    )
    assert len(out) == 3
    for themes in out:
        assert 1 <= len(themes) <= 3
        scores = [t["score"] for t in themes]
        assert scores == sorted(scores, reverse=True)
        assert set(themes[0]) == {"id", "label", "score", "cap"}
    assert out[0][0]["id"] == "verkehr"
    assert out[1][0]["id"] == "umwelt"
    assert res.model.predict([]) == []


def test_saved_model_loads_with_card(trained):
    res, out = trained
    model = ThemeModel.load(out)
    assert model.ids == ["verkehr", "schule", "umwelt"]
    card = model.card
    assert card["taxonomy"]["sha256"] == res.model.taxonomy.sha256
    assert card["library_versions"]["scikit-learn"]
    assert (out / "README.md").read_text(encoding="utf-8").startswith("# Theme model")
    assert model.predict(["Mehr Unterricht an der Schule"])[0][0]["id"] == "schule"


def _copy(src, dst):
    dst.mkdir()
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    return dst


def test_version_mismatch_is_one_line(trained, tmp_path):
    _, out = trained
    d = _copy(out, tmp_path / "m")
    card = json.loads((d / CARD_FILE).read_text(encoding="utf-8"))
    card["library_versions"]["scikit-learn"] = "0.24.2"
    (d / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError) as err:
        ThemeModel.load(d, compact=False, trust_pickle=True)
    msg = str(err.value)
    assert "scikit-learn 0.24.2" in msg and "retrain" in msg and "\n" not in msg
    # The numpy-only archive does not depend on scikit-learn: it still loads and predicts;
    # asking for the Pipeline fails the same way.
    model = ThemeModel.load(d, trust_pickle=True)
    assert model.predict(["Mehr Unterricht an der Schule"])[0][0]["id"] == "schule"
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        model.pipeline  # noqa: B018
    del card["inference"]  # a model without the archive checks the versions on load
    (d / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="scikit-learn 0.24.2"):
        ThemeModel.load(d, trust_pickle=True)


def test_pickle_is_never_loaded_untrusted_or_changed(trained, tmp_path):
    # A model folder is untrusted input: removing the archive's card entry must not make the
    # loader fall back to unpickling, and a trusted folder's pickle must match the card.
    _, out = trained
    d = _copy(out, tmp_path / "m")
    card = json.loads((d / CARD_FILE).read_text(encoding="utf-8"))
    assert len(card["pickle"]["sha256"]) == 64
    del card["inference"]
    (d / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="refused") as err:
        ThemeModel.load(d)
    assert "\n" not in str(err.value)
    with pytest.raises(ModelError, match="refused"):
        ThemeModel.load(out).pipeline  # noqa: B018
    raw = bytearray((d / "model.joblib").read_bytes())
    raw[-10] ^= 0xFF
    (d / "model.joblib").write_bytes(bytes(raw))
    with pytest.raises(ModelError, match="sha256"):
        ThemeModel.load(d, trust_pickle=True)
    del card["pickle"]
    (d / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="lists none"):
        ThemeModel.load(d, trust_pickle=True)
    (d / "model.joblib").unlink()
    with pytest.raises(ModelError, match="missing"):
        ThemeModel.load(d, trust_pickle=True)


def test_a_folder_saved_without_the_pickle_predicts_the_same(trained, tmp_path):
    # --no-pickle: the archive alone, which is all prediction reads; a pickle left in the
    # folder by an earlier training is removed, not kept beside a model it is not.
    res, out = trained
    d = _copy(out, tmp_path / "m")
    with_pickle = ThemeModel.load(out)
    ThemeModel.load(out, compact=False, trust_pickle=True).save(d, pickle=False)
    assert not (d / "model.joblib").exists()
    card = json.loads((d / CARD_FILE).read_text(encoding="utf-8"))
    assert "pickle" not in card and card["inference"]["sha256"]
    alone = ThemeModel.load(d, trust_pickle=True)
    texts = [t for t, _ in SENTENCES[:14]]
    assert alone.predict(texts) == with_pickle.predict(texts)
    with pytest.raises(ModelError, match="without model.joblib") as err:
        alone.pipeline  # noqa: B018
    assert "--no-pickle" in str(err.value) and "\n" not in str(err.value)


def test_a_model_without_archive_form_keeps_its_pickle(trained, tmp_path, monkeypatch):
    import pipeline.classify.compact as C

    full = ThemeModel.load(trained[1], compact=False, trust_pickle=True)
    monkeypatch.setattr(C, "export", lambda pipeline: None)  # a part the archive cannot hold
    with pytest.raises(ModelError, match="no numpy archive form") as err:
        full.save(tmp_path / "m", pickle=False)
    assert "without --no-pickle" in str(err.value) and not (tmp_path / "m").exists()


def test_train_no_pickle_writes_the_archive_alone(taxonomy_file, tmp_path):
    from pipeline.training.themes.train import render_readme

    data = tmp_path / "train.jsonl"
    data.write_text(
        "\n".join(json.dumps({"text": t, "themes": th}, ensure_ascii=False) for t, th in SENTENCES),
        encoding="utf-8",
    )
    out = tmp_path / "mini"
    res = train_model(
        taxonomy=taxonomy_file, sources=[str(data)], out=out, dev=False, config=SMALL, pickle=False
    )
    assert sorted(f.name for f in out.iterdir()) == [
        "README.md",
        "inference.npz",
        "model_card.json",
        "taxonomy.json",
    ]
    assert res.card["model_file_bytes"] == (out / "inference.npz").stat().st_size
    assert "no pickle (saved with `--no-pickle`)" in render_readme(res.card)
    assert "nothing is unpickled" in (out / "README.md").read_text(encoding="utf-8")
    assert ThemeModel.load(out).predict(["Mehr Unterricht an der Schule"])[0][0]["id"] == "schule"


def test_compact_model_predicts_as_the_pipeline(trained):
    res, out = trained
    texts = [t for t, _ in SENTENCES[:14]] + ["", "Radweg", "Bäume an der Schule\nund Ampeln"]
    extras = ["Radweg", "", "Klima"] + [""] * (len(texts) - 3)
    model = ThemeModel.load(out)
    assert model.compact is not None and model._pipeline is None
    full = ThemeModel.load(out, compact=False, trust_pickle=True)
    assert full.compact is None
    for ex in (extras, None):
        a, b = model.predict_proba(texts, ex), full.predict_proba(texts, ex)
        assert np.abs(a - b).max() < 1e-5
        assert model.predict(texts, ex) == full.predict(texts, ex)
    card = res.card
    assert card["inference"]["sha256"] and card["inference"]["format"]
    assert card["inference_check"]["max_abs_proba_diff_vs_pipeline"] < 1e-5


def test_compact_load_imports_no_sklearn(trained):
    import subprocess
    import sys

    _, out = trained
    code = (
        "import sys\n"
        "from pipeline.classify.model import ThemeModel\n"
        f"m = ThemeModel.load({str(out)!r})\n"
        "print(m.predict(['Mehr Unterricht an der Schule'])[0][0]['id'])\n"
        "bad = [k for k in ('sklearn', 'scipy', 'joblib') if k in sys.modules]\n"
        "assert not bad, bad\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "schule"


def test_compact_archive_checks_are_one_line(trained, tmp_path):
    from pipeline.classify.model import INFERENCE_FILE

    _, out = trained
    d = _copy(out, tmp_path / "m")
    raw = bytearray((d / INFERENCE_FILE).read_bytes())
    raw[-40] ^= 0xFF
    (d / INFERENCE_FILE).write_bytes(bytes(raw))
    with pytest.raises(ModelError) as err:
        ThemeModel.load(d)
    assert "sha256" in str(err.value) and "\n" not in str(err.value)
    d2 = _copy(out, tmp_path / "m2")
    card = json.loads((d2 / CARD_FILE).read_text(encoding="utf-8"))
    card["inference"]["numpy"] = "1.0.0"
    (d2 / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="numpy 1.0.0"):
        ThemeModel.load(d2)
    card["inference"]["numpy"] = card["library_versions"]["numpy"]
    card["library_versions"]["simplemma"] = "0.9.1"
    (d2 / CARD_FILE).write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="simplemma 0.9.1"):
        ThemeModel.load(d2)
    (d2 / INFERENCE_FILE).unlink()
    with pytest.raises(ModelError, match="missing"):
        ThemeModel.load(d2)


def test_selection_rule_relative_floor_and_cv_choice():
    from pipeline.training.themes.estimators import best_selection, select_themes

    proba = np.array([[0.9, 0.5, 0.1], [0.3, 0.25, 0.1], [0.1, 0.1, 0.8]])
    thr = np.array([0.3, 0.3, 0.3])
    assert select_themes(proba, thr) == [[0, 1], [0], [2]]
    assert select_themes(proba, thr * 0.5) == [[0, 1], [0, 1], [2]]
    assert select_themes(proba, thr * 0.5, relative=0.6) == [[0], [0, 1], [2]]
    assert select_themes(proba, thr * 0.5, max_themes=1) == [[0], [0], [2]]
    truth = np.array([[1, 1, 0], [1, 1, 0], [0, 0, 1]], dtype=bool)
    scale, rel, f1 = best_selection(proba, truth, thr)
    assert f1 == 1.0 and select_themes(proba, thr * scale, relative=rel) == [[0, 1], [0, 1], [2]]


def test_secondary_labels_from_seed_terms():
    from pipeline.training.themes.data import with_secondary

    tax = parse_taxonomy(TAXONOMY)
    title = "Sicherer Schulweg"
    body = "Ein Radweg mit Ampel vor der Grundschule, Radverkehr und Busverkehr."
    assert with_secondary(tax, ["schule"], title, body, None) == ["schule"]
    assert with_secondary(tax, ["schule"], title, body, 0.3) == ["schule", "verkehr"]
    assert with_secondary(tax, ["umwelt"], "Bäume", "Ein Baum.", 0.3) == ["umwelt"]


def test_taxonomy_mismatch_is_one_line(trained, tmp_path, taxonomy_file):
    _, out = trained
    d = _copy(out, tmp_path / "m")
    tax = json.loads((d / TAXONOMY_FILE).read_text(encoding="utf-8"))
    tax["themes"][0]["label"] = "Mobilität"
    (d / TAXONOMY_FILE).write_text(json.dumps(tax), encoding="utf-8")
    with pytest.raises(ModelError) as err:
        ThemeModel.load(d)
    assert "taxonomy hash" in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(ModelError, match="trained for taxonomy mini"):
        ThemeModel.load(out, taxonomy=tmp_path / "m" / TAXONOMY_FILE)
    assert ThemeModel.load(out, taxonomy=taxonomy_file).ids[0] == "verkehr"


def test_missing_model_folder(tmp_path):
    with pytest.raises(ModelError, match="no such model folder"):
        ThemeModel.load(tmp_path / "none")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="missing"):
        ThemeModel.load(tmp_path / "empty")


def test_score_themes():
    gold = [
        {"id": "a", "themes": ["verkehr", "umwelt"]},
        {"id": "b", "themes": ["schule"]},
        {"id": "c", "themes": ["umwelt"]},
    ]
    predicted = [
        {"themes": [{"id": "verkehr", "score": 0.9}]},
        [{"id": "schule"}, {"id": "umwelt"}],
        ["verkehr"],
    ]
    s = score_themes(gold, predicted)
    assert s["top1"] == pytest.approx(2 / 3, abs=1e-3)
    assert s["micro"]["precision"] == 0.5 and s["micro"]["recall"] == 0.5
    assert s["per_label"]["schule"]["f1"] == 1.0
    assert s["per_label"]["umwelt"]["recall"] == 0.0
    assert s["confusions"] == [{"gold_first": "umwelt", "predicted_first": "verkehr", "count": 1}]
    assert s["macro_f1"] == pytest.approx((0.6667 + 1.0 + 0.0) / 3, abs=1e-3)
    with pytest.raises(ValueError):
        score_themes(gold, predicted[:2])


def test_sample_weight_and_selection_rows_change_the_fit():
    from pipeline.training.themes.estimators import ThemeClassifier

    tax = parse_taxonomy(TAXONOMY)
    pipe = build_pipeline(tax, {**SMALL, "compounds": None})
    X = as_input([t for t, _ in SENTENCES], [t.split()[0] for t, _ in SENTENCES])
    Y = np.array([[tid in th for tid in tax.ids] for _, th in SENTENCES])
    feats = pipe.named_steps["features"].fit_transform(X)
    plain = ThemeClassifier(C=1.0, cv=2, selection="micro").fit(feats, Y)
    # weighting the two-theme motions pulls their second themes up
    w = np.where(Y.sum(axis=1) > 1, 20.0, 1.0)
    weighted = ThemeClassifier(C=1.0, cv=2, selection="micro").fit(feats, Y, sample_weight=w)
    assert not np.allclose(plain.decision_function(feats), weighted.decision_function(feats))
    # the selection rule can be fitted on a subset of rows: here the two-theme motions only,
    # which asks for lower thresholds or more themes than the whole set does
    rows = Y.sum(axis=1) > 1
    sub = ThemeClassifier(C=1.0, cv=2, selection="micro").fit(feats, Y, selection_rows=rows)
    n_sub = sum(len(r) for r in sub.predict_ranked(feats))
    n_all = sum(len(r) for r in plain.predict_ranked(feats))
    assert n_sub >= n_all


def test_annotation_file_names_known_themes_and_no_dev_paper():
    from pipeline.classify.taxonomy import load_taxonomy
    from pipeline.paths import shared_dir
    from pipeline.training.themes.data import ANNOTATIONS, annotated_keys

    ids = set(load_taxonomy().ids)
    recs = [json.loads(line) for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == len(annotated_keys()) >= 480  # one record per paper
    for r in recs:
        assert r["id"].startswith("karlsruhe:") and 1 <= len(r["themes"]) <= 3
        assert set(r["themes"]) <= ids and set(r) == {"id", "themes"}  # ids only, no text
    dev = shared_dir() / "gold/dev.jsonl"
    if not dev.exists():
        pytest.skip(f"{dev} not found: set ANTRAGSRADAR_SHARED to check the dev overlap")
    dev_ids = {json.loads(line)["id"] for line in dev.read_text(encoding="utf-8").splitlines()}
    assert not dev_ids & annotated_keys()
