"""Counts to scores, shared by every field's scoring."""

from __future__ import annotations


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 (rounded to 4 places) with the support (tp + fn)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": tp + fn}
