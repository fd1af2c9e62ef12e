"""The body a motion is put to, as its letterhead names it ("Deutscher Bundestag", "Rat der Stadt
Köln"), for inputs whose metadata names none. Patterns in ``corpus/patterns/bodies.json``."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.patterns import load_patterns


@lru_cache(maxsize=4)
def _compiled(patterns_file: str) -> tuple[int, tuple[tuple[re.Pattern[str], str], ...]]:
    d = load_patterns(patterns_file)
    pats = tuple((re.compile(p["pattern"], re.MULTILINE), p["format"]) for p in d["patterns"])
    return int(d.get("head_chars", 1500)), pats


def body_from_text(text: str, patterns_file: str = "bodies.json") -> str | None:
    """The body named in the head of ``text``, or None."""
    head_chars, patterns = _compiled(patterns_file)
    head = text[:head_chars]
    for pattern, fmt in patterns:
        m = pattern.search(head)
        if m:
            parts = {k: v for k, v in m.groupdict().items() if v}
            parts = {k: v.title() if v.isupper() else v for k, v in parts.items()}
            return fmt.format(**parts)
    return None
