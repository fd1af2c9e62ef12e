"""Hedging: explicitly tentative wording ("eventuell", "ggf.", "sollte geprüft werden")."""

from __future__ import annotations

import re
from typing import Any

from pipeline.extract.patterns import FoldedPattern, load_patterns


class HedgeDetector:
    """The hedges of ``hedging.json`` (or of the data given to ``from_data``)."""

    def __init__(self, patterns_file: str = "hedging.json") -> None:
        self.pattern = _compile(load_patterns(patterns_file))

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> HedgeDetector:
        detector = cls.__new__(cls)
        detector.pattern = _compile(data)
        return detector

    def __call__(self, text: str) -> bool:
        """True if ``text`` (a sentence or clause) is worded tentatively."""
        return bool(self.pattern.search(text))


def _compile(data: dict[str, Any]) -> FoldedPattern:
    return FoldedPattern(data["hedges"], re.IGNORECASE)
