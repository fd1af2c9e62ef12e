"""Hedging: explicitly tentative wording ("eventuell", "ggf.", "sollte geprüft werden")."""

from __future__ import annotations

import re

from pipeline.extract.patterns import FoldedPattern, load_patterns


class HedgeDetector:
    def __init__(self, patterns_file: str = "hedging.json") -> None:
        self.pattern = FoldedPattern(load_patterns(patterns_file)["hedges"], re.IGNORECASE)

    def __call__(self, text: str) -> bool:
        """True if ``text`` (a sentence or clause) is worded tentatively."""
        return bool(self.pattern.search(text))
