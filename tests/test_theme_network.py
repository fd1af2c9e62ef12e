"""The theme model with one hidden layer (ThemeNetwork): trained, pruned, exported to the numpy
archive and loaded again, it predicts what the scikit-learn Pipeline predicts."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from pipeline.classify.compact import FORMAT_NETWORK_Q8
from pipeline.classify.model import INFERENCE_FILE, ThemeModel, as_input
from pipeline.classify.taxonomy import parse_taxonomy
from pipeline.training.themes.train import build_pipeline, prune, train_model
from tests.test_classify_model import SENTENCES, TAXONOMY

NETWORK = {
    "lemmas": {"max_chars": 2000, "ngram_range": (1, 1), "min_df": 1, "max_features": 500},
    "extra": {"ngram_range": (1, 1), "min_df": 1, "max_features": 100},
    "classifier": {
        "model": "network",
        "hidden": 16,
        "epochs": 200,
        "batch_size": 16,
        "cv": 2,
        "min_examples": 0,
    },
}


def _inputs(tmp):
    """The mini taxonomy and the sentences as a user's labelled file."""
    tax = tmp / "mini.json"
    tax.write_text(json.dumps(TAXONOMY, ensure_ascii=False), encoding="utf-8")
    data = tmp / "train.jsonl"
    data.write_text(
        "\n".join(json.dumps({"text": t, "themes": th}, ensure_ascii=False) for t, th in SENTENCES),
        encoding="utf-8",
    )
    return tax, data


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("net")
    tax, data = _inputs(tmp)
    out = tmp / "mini-net"
    res = train_model(taxonomy=tax, sources=[str(data)], out=out, dev=False, config=NETWORK)
    return res, out


def test_network_model_is_saved_as_a_network_archive(network):
    res, out = network
    assert res.card["config"]["classifier"]["model"] == "network"
    assert res.card["classifier"].startswith("network: one hidden layer of 16 ReLU units")
    assert res.card["inference"]["format"] == FORMAT_NETWORK_Q8
    with np.load(out / INFERENCE_FILE, allow_pickle=False) as z:
        assert z["coef"].dtype == np.int8 and z["out_coef"].shape == (16, 3)
        assert z["coef_scale"].dtype == np.float32 and z["coef_scale"].shape == z["coef"].shape[:1]
    # stored, not deflated: the int8 weights hardly compress
    with zipfile.ZipFile(out / INFERENCE_FILE) as zf:
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}


def test_network_archive_predicts_as_the_pipeline(network):
    _, out = network
    texts = [t for t, _ in SENTENCES[:14]] + ["", "Radweg", "Bäume an der Schule\nund Ampeln"]
    model = ThemeModel.load(out)
    assert model.compact is not None
    full = ThemeModel.load(out, compact=False, trust_pickle=True)
    a, b = model.predict_proba(texts), full.predict_proba(texts)
    assert np.abs(a - b).max() < 1e-5
    assert model.predict(texts) == full.predict(texts)
    assert model.predict(["Ein neuer Radweg und eine Ampel an der Kreuzung."])[0][0]["id"] == (
        "verkehr"
    )
    assert model.predict(["Mehr Lehrer für den Unterricht an der Grundschule."])[0][0]["id"] == (
        "schule"
    )


def test_a_float16_archive_of_an_earlier_version_still_loads(network, tmp_path):
    # Models trained before the int8 archive (format /2: float16 weights, no scales) keep
    # working; an archive whose format and weight scales disagree is refused, not misread.
    import shutil

    from pipeline.classify.compact import FORMAT_NETWORK, CompactModel, save
    from pipeline.digest import sha256_file
    from pipeline.errors import ModelError

    _, out = network
    texts = [t for t, _ in SENTENCES[:14]]
    with np.load(out / INFERENCE_FILE, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    old = dict(arrays)
    old["coef"] = (arrays["coef"] * arrays["coef_scale"][:, None]).astype(np.float16)
    del old["coef_scale"]
    meta = json.loads(arrays["meta"].tobytes())
    old["meta"] = np.frombuffer(json.dumps({**meta, "format": FORMAT_NETWORK}).encode(), np.uint8)
    d = tmp_path / "old"
    shutil.copytree(out, d)
    save(old, d / INFERENCE_FILE)
    card = json.loads((d / "model_card.json").read_text())
    card["inference"]["format"] = FORMAT_NETWORK
    card["inference"]["sha256"] = sha256_file(d / INFERENCE_FILE)
    (d / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    new, prev = ThemeModel.load(out), ThemeModel.load(d)
    assert prev.compact is not None and prev.compact.coef.dtype == np.float16
    assert np.abs(prev.predict_proba(texts) - new.predict_proba(texts)).max() < 2e-3
    assert prev.predict(texts) == new.predict(texts)
    with pytest.raises(ValueError, match="weight scales"):
        CompactModel({**arrays, "meta": old["meta"]})
    bad = {k: v for k, v in arrays.items() if k != "coef_scale"}
    with pytest.raises(ValueError, match="weight scales"):
        CompactModel(bad)
    card["inference"]["format"] = "antragsradar-themes-compact/9"
    (d / "model_card.json").write_text(json.dumps(card), encoding="utf-8")
    with pytest.raises(ModelError, match="compact/9.*retrain"):
        ThemeModel.load(d)


def test_pruning_folds_the_latent_columns_into_the_hidden_layer():
    tax = parse_taxonomy(TAXONOMY)
    latent = {"n_components": 4, "weight": 2.0}
    # too few sentences for compound parts: the block is left out, as train_model does
    cfg = {**NETWORK, "compounds": None, "lemmas": {**NETWORK["lemmas"], "latent": latent}}
    texts = [t for t, _ in SENTENCES]
    X = as_input(texts, texts)  # the title (here the whole sentence) stands in for the extra
    Y = np.array([[t in th for t in tax.ids] for _, th in SENTENCES])
    pipe = build_pipeline(tax, cfg).fit(X, Y)
    before = pipe.predict_proba(X)
    width = pipe.named_steps["classify"].network_.coefs_[0].shape[0]
    prune(pipe)
    after = pipe.predict_proba(X)
    assert pipe.named_steps["classify"].network_.coefs_[0].shape[0] == width - 4
    # int8 input weights (a scale per feature): probabilities move by rounding only
    assert np.abs(before - after).max() < 5e-3
    assert (before.argmax(axis=1) == after.argmax(axis=1)).all()


def test_a_small_training_set_gets_the_linear_model(tmp_path):
    # A user's few dozen motions: far too few for the network (the default configuration
    # needs 4,000), so the linear model is trained and the card says why.
    tax, data = _inputs(tmp_path)
    small = {**NETWORK, "classifier": {**NETWORK["classifier"], "min_examples": 4000}}
    res = train_model(
        taxonomy=tax, sources=[str(data)], out=tmp_path / "m", dev=False, config=small
    )
    clf = res.model.pipeline.named_steps["classify"]
    assert type(clf).__name__ == "ThemeClassifier"
    assert res.card["classifier"].startswith("linear:")
    assert "needs 4000 training examples, this set has 42" in res.card["classifier"]
    assert res.card["inference"]["format"] != FORMAT_NETWORK_Q8
    assert res.model.predict(["Mehr Lehrer für den Unterricht an der Schule."])[0][0]["id"] == (
        "schule"
    )
