import numpy as np

from pipeline.evaluate.calibration import reliability


def test_perfectly_calibrated_scores_have_zero_ece():
    rng = np.random.default_rng(0)
    p = rng.uniform(size=200_000)
    y = rng.uniform(size=p.size) < p
    r = reliability(p, y)
    assert r["ece"] < 0.01 and len(r["table"]) == 10


def test_overconfident_scores_are_found():
    p = np.full(1000, 0.99)
    y = np.arange(1000) < 500
    r = reliability(p, y)
    assert abs(r["ece"] - 0.49) < 1e-6
    assert r["table"] == [{"bin": "0.9-1.0", "pairs": 1000, "mean_score": 0.99, "share_true": 0.5}]
