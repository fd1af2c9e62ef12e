"""How well scores are calibrated: a reliability table and the expected calibration error.

A theme score is read as the probability that an annotator gives the motion that theme; over
all (motion, theme) pairs, the pairs scored around p should carry the theme in a share p of
cases. ECE is the pair-weighted mean gap between score and share over equal-width bins.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def reliability(proba: np.ndarray, truth: np.ndarray, bins: int = 10) -> dict[str, Any]:
    """Per score bin the pairs, mean score and observed share; and the ECE over all pairs."""
    p = np.asarray(proba, dtype=float).ravel()
    y = np.asarray(truth, dtype=bool).ravel()
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(p, edges[1:-1]), 0, bins - 1)
    rows, ece = [], 0.0
    for b in range(bins):
        sel = which == b
        n = int(sel.sum())
        if not n:
            continue
        mean_p, share = float(p[sel].mean()), float(y[sel].mean())
        ece += n / len(p) * abs(mean_p - share)
        rows.append(
            {
                "bin": f"{edges[b]:.1f}-{edges[b + 1]:.1f}",
                "pairs": n,
                "mean_score": round(mean_p, 3),
                "share_true": round(share, 3),
            }
        )
    return {"ece": round(ece, 4), "pairs": int(len(p)), "table": rows}
