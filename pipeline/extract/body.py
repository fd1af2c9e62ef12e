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


_SMALL_WORDS = frozenset({"der", "die", "das", "des", "dem", "den", "von", "am", "an", "im", "in"})


def _title_case_line(line: str) -> str:
    """A letterhead line set in capitals as it is written elsewhere ("LANDTAG
    NORDRHEIN-WESTFALEN" -> "Landtag Nordrhein-Westfalen", "RAT DER STADT KÖLN" -> "Rat der
    Stadt Köln"); other lines unchanged."""
    if not line.isupper():
        return line
    words = line.split(" ")
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w.title() for i, w in enumerate(words)
    )


def body_from_text(text: str, patterns_file: str = "bodies.json") -> str | None:
    """The body named in the head of ``text`` (its lines in capitals read as title case), or
    None."""
    head_chars, patterns = _compiled(patterns_file)
    head = text[:head_chars]
    heads = [head]
    if any(line.isupper() for line in head.splitlines()):
        heads.append("\n".join(_title_case_line(line) for line in head.splitlines()))
    for candidate in heads:
        for pattern, fmt in patterns:
            m = pattern.search(candidate)
            if m:
                parts = {k: v for k, v in m.groupdict().items() if v}
                parts = {k: v.title() if v.isupper() else v for k, v in parts.items()}
                return fmt.format(**parts)
    return None
