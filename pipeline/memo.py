"""``Memo``: the remembered results of a pure function of one key, as a dict.

A known key is a plain dict look-up, so ``map(memo.__getitem__, keys)`` runs no Python code for
the keys met before; only a new key calls the function (``__missing__``). The analysis maps
every word of a motion through such memos (lemmas, feature hashes, compound parts, terms), and
most words of a corpus recur.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V], Generic[K, V]):
    """key -> ``make(key)``, worked out on first use and remembered; emptied when it holds
    ``limit`` keys (``None``: never), so that its memory stays bounded on any corpus."""

    def __init__(self, make: Callable[[K], V], limit: int | None = None) -> None:
        super().__init__()
        self.make = make
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        value = self[key] = self.make(key)
        return value
