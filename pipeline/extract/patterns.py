"""Load the rule data of the extractors from ``corpus/patterns/*.json``, once per process."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.paths import PATTERNS_DIR


@lru_cache(maxsize=32)
def load_patterns(name: str, folder: str | None = None) -> dict[str, Any]:
    """The parsed JSON file ``name`` (e.g. "actions.json") of the patterns folder."""
    path = Path(folder) if folder else PATTERNS_DIR
    return json.loads((path / name).read_text(encoding="utf-8"))


def alternation(patterns: list[str]) -> str:
    """One regex alternation of ``patterns``, each wrapped in a non-capturing group."""
    return "|".join(f"(?:{p})" for p in patterns)


def compile_any(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """A compiled alternation; an empty list compiles to a pattern that never matches."""
    return re.compile(alternation(patterns) if patterns else r"(?!x)x", flags)
