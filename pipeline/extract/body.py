"""The body a motion is put to, as its letterhead names it ("Deutscher Bundestag", "Rat der Stadt
Köln"), for inputs whose metadata names none. Patterns in ``corpus/patterns/bodies.json``."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from pipeline.extract.patterns import load_patterns


@lru_cache(maxsize=4)
def _compiled(patterns_file: str) -> tuple[int, tuple[tuple[re.Pattern[str], str], ...]]:
    d = load_patterns(patterns_file)
    pats = tuple((re.compile(p["pattern"], re.MULTILINE), p["format"]) for p in d["patterns"])
    return int(d.get("head_chars", 1500)), pats


@lru_cache(maxsize=4)
def _parties(patterns_file: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    d = load_patterns(patterns_file)
    return tuple((re.compile(p["pattern"]), p["name"]) for p in d.get("parties", []))


def _party(head: str, patterns_file: str) -> str:
    """The party the head names first ("" where it names none)."""
    hits = [(m.start(), name) for p, name in _parties(patterns_file) if (m := p.search(head))]
    return min(hits)[1] if hits else ""


_SMALL_WORDS = frozenset({"der", "die", "das", "des", "dem", "den", "von", "am", "an", "im", "in"})


_CAPS_RUN = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜß\-.]+(?:[ \t]+[A-ZÄÖÜ][A-ZÄÖÜß\-.]*)+")


def _title_case_words(words: str) -> str:
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w.title()
        for i, w in enumerate(words.split(" "))
    )


def _title_case_line(line: str) -> str:
    """A letterhead set in capitals as it is written elsewhere ("LANDTAG
    NORDRHEIN-WESTFALEN" -> "Landtag Nordrhein-Westfalen", "RAT DER STADT KÖLN" -> "Rat der
    Stadt Köln"): a line in capitals, or a run of two or more words in capitals beside other
    text ("BREMISCHE BÜRGERSCHAFT   Drucksache 21/512")."""
    if line.isupper():
        return _title_case_words(line)
    return _CAPS_RUN.sub(lambda m: _title_case_words(m.group(0)), line)


# The actions' level and the result both read the body of a text without metadata: once.
@lru_cache(maxsize=16)
def body_from_text(text: str, patterns_file: str = "bodies.json") -> str | None:
    """The body named in the head of ``text`` (its lines in capitals read as title case), or
    None."""
    head_chars, patterns = _compiled(patterns_file)
    head = text[:head_chars]
    heads = [head]
    if _CAPS_RUN.search(head) or any(line.isupper() for line in head.splitlines()):
        heads.append("\n".join(_title_case_line(line) for line in head.splitlines()))
    for candidate in heads:
        # the name that comes first: the letterhead, not a body the motion calls on
        hits = [
            (m.start(), i, m) for i, (p, _) in enumerate(patterns) if (m := p.search(candidate))
        ]
        if hits:
            _, i, m = min(hits, key=lambda h: (h[0], h[1]))
            parts = {k: v.title() if v.isupper() else v for k, v in m.groupdict().items() if v}
            if "{party}" in patterns[i][1]:
                # a party's convention is named with its party, as its letterhead gives it
                parts["party"] = _party(head, patterns_file)
            return " ".join(patterns[i][1].format_map(defaultdict(str, parts)).split())
    return None
