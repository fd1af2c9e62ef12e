"""Cross-validation folds over motions: every row of one motion (one key) in the same fold."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def group_folds(keys: Sequence[str], k: int, seed: int = 0) -> list[np.ndarray]:
    """``k`` folds of row indices; the motions (distinct keys, in order of first appearance)
    are shuffled with ``seed`` and dealt round-robin. With distinct keys this is a plain
    shuffled k-fold split."""
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    members = list(groups.values())
    order = np.random.default_rng(seed).permutation(len(members))
    return [
        np.asarray(sorted(i for g in order[f::k] for i in members[g]), dtype=np.intp)
        for f in range(k)
    ]
