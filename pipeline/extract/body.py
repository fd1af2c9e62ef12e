"""The body a motion is put to, as its letterhead names it ("Deutscher Bundestag", "Rat der Stadt
Köln"), for inputs whose metadata names none. Patterns in ``corpus/patterns/bodies.json``."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from pipeline.extract.patterns import load_patterns


@lru_cache(maxsize=4)
def _compiled(patterns_file: str) -> tuple[int, tuple[tuple[re.Pattern[str], str], ...]]:
    d = load_patterns(patterns_file)
    # "{not_place}": the words after an organ that are no place ("Stadtrat Drucksache",
    # "Stadtverordnetenversammlung Beantwortung"), one list for every pattern
    not_place = d.get("not_place", "")
    pats = tuple(
        (re.compile(p["pattern"].replace("{not_place}", not_place), re.MULTILINE), p["format"])
        for p in d["patterns"]
    )
    return int(d.get("head_chars", 1500)), pats


@lru_cache(maxsize=4)
def _parties(patterns_file: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    d = load_patterns(patterns_file)
    return tuple((re.compile(p["pattern"]), p["name"]) for p in d.get("parties", []))


def _party(head: str, patterns_file: str) -> str:
    """The party the head names first ("" where it names none)."""
    hits = [(m.start(), name) for p, name in _parties(patterns_file) if (m := p.search(head))]
    return min(hits)[1] if hits else ""


_SMALL_WORDS = frozenset("der die das des dem den von am an im in und zu zum zur für".split())


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


_COLUMN_GAP = re.compile(r"[ \t]{3,}(?=\S)")


def _letterhead_joined(head: str) -> str | None:
    """The head with a letterhead in capitals set over two lines, each beside a right-hand
    column, read as one line ("LANDTAG      Drucksache 18/16420" / "NORDRHEIN-WESTFALEN
    24.11.2026" -> "Landtag Nordrhein-Westfalen"), or None where no such lines follow."""
    lines: list[str] = []
    joined = False
    was_caps = False
    for line in head.splitlines():
        left = _COLUMN_GAP.split(line.strip(), maxsplit=1)[0]
        caps = left.isupper() and bool(_COLUMN_GAP.search(line.strip()))
        if caps and was_caps:
            lines[-1] += " " + left
            joined = True
        else:
            lines.append(left if caps else line)
        was_caps = caps
    return "\n".join(_title_case_line(line) for line in lines) if joined else None


class _PlaceRules(NamedTuple):
    """What names an organ's place (``bodies.json``): the organs searched where no pattern
    matches, the territorial unit that places each, a party's letterhead, the council organs a
    party's motion only speaks of, and how a convention's region is named."""

    organs: re.Pattern[str]
    units: dict[str, re.Pattern[str]]  # organ -> its unit of place
    party_head: re.Pattern[str]
    council: re.Pattern[str]
    party_regions: dict[str, re.Pattern[str]]  # start of a convention's name -> its region


@lru_cache(maxsize=4)
def _place_rules(patterns_file: str) -> _PlaceRules:
    d = load_patterns(patterns_file)
    units = {kind: re.compile(p) for kind, p in d["place_units"].items()}
    return _PlaceRules(
        organs=re.compile(d["organs"]),
        units={organ: units[kind] for organ, kind in d["organ_units"].items()},
        party_head=re.compile(d["party_head"]),
        council=re.compile(d["council_organs"]),
        party_regions={k: re.compile(p) for k, p in d.get("party_regions", {}).items()},
    )


def _party_head(head: str, patterns_file: str) -> bool:
    """Whether the first lines of ``head`` are a party's letterhead (a Kreisverband's, a
    Parteitag's), whose motion speaks of councils rather than being put to one."""
    first = "\n".join(head.strip().splitlines()[:3])
    if re.search(r"(?i)fraktion", first):  # a faction in the council: the council is its body
        return False
    return bool(
        _place_rules(patterns_file).party_head.search(first) and _party(first, patterns_file)
    )


def _place(m: re.Match[str]) -> str:
    """The place a territorial unit names ("Stadt Pforzheim", "Rhein-Sieg-Kreis")."""
    return m.groupdict().get("place") or m.groupdict().get("county") or ""


def _with_place(name: str, at: int, head: str, named: list[str], patterns_file: str) -> str:
    """``name``, an organ alone ("Bezirkstag", "Gemeinderat") at ``at``, with its place: the
    first territorial unit of the head up to the organ's line ("Stadt Pforzheim", "Verband
    Region Stuttgart"), else a later mention of the organ that names it (``named``: the head's
    bodies in text order), else any territorial unit of the head; ``name`` itself where none is
    found."""
    rules = _place_rules(patterns_file)
    if " " in name or not rules.organs.fullmatch(name):
        return name
    places = rules.units.get(name)
    line_end = head.find("\n", at)
    if places and (m := places.search(head, 0, line_end if line_end >= 0 else len(head))):
        return f"{name} {_place(m)}"
    for full in named:
        if full.split()[0] == name and " " in full:
            return full
    if places and (m := places.search(head)):
        return f"{name} {_place(m)}"
    return name


def _party_region(organ: str, head: str, patterns_file: str) -> str:
    """The Land of a Land's convention, the place of a county's or district's, as the head's
    first lines name them ("" for a federal one or where they name none)."""
    first = "\n".join(head.strip().splitlines()[:8])
    regions = _place_rules(patterns_file).party_regions
    pattern = next((p for start, p in regions.items() if organ.startswith(start)), None)
    m = pattern.search(first) if pattern else None
    if not m:
        return ""
    place = m.group("place")
    if place == "NRW":
        return "Nordrhein-Westfalen"
    return place.title() if place.isupper() and len(place) > 3 else place


def _formatted(m: re.Match[str], fmt: str, head: str, patterns_file: str) -> str:
    parts = {k: v.title() if v.isupper() else v for k, v in m.groupdict().items() if v}
    if "{party}" in fmt:
        # a party's convention is named with its party, as its letterhead gives it, and with
        # its Land or district
        parts["party"] = _party(head, patterns_file)
        if region := _party_region(parts.get("organ", ""), head, patterns_file):
            return " ".join([*fmt.format_map(defaultdict(str, parts)).split(), region])
    return " ".join(fmt.format_map(defaultdict(str, parts)).split())


# The actions' level and the result both read the body of a text without metadata: once.
@lru_cache(maxsize=16)
def body_from_text(text: str, patterns_file: str = "bodies.json") -> str | None:
    """The body named in the head of ``text`` (its lines in capitals read as title case), or
    None. An organ named without its place takes the place the head gives elsewhere."""
    head_chars, patterns = _compiled(patterns_file)
    head = text[:head_chars]
    heads = [head]
    if _CAPS_RUN.search(head) or any(line.isupper() for line in head.splitlines()):
        heads.append("\n".join(_title_case_line(line) for line in head.splitlines()))
        if joined := _letterhead_joined(head):
            heads.append(joined)
    found: list[str] = []
    for candidate in heads:
        # the name that comes first: the letterhead, not a body the motion calls on
        hits = sorted(
            (m.start(), i, m, fmt)
            for i, (p, fmt) in enumerate(patterns)
            if (m := p.search(candidate))
        )
        if hits:
            # each match named once, in text order (at one position, the earlier pattern)
            named = [_formatted(m, fmt, head, patterns_file) for _, _, m, fmt in hits]
            at, name = hits[0][0], named[0]
            if _place_rules(patterns_file).council.match(name) and _party_head(head, patterns_file):
                return None
            # a part of the city named on the organ's own line ("Ortsbeirat Wiesbaden-Biebrich"
            # under "Landeshauptstadt Wiesbaden")
            name = next((full for full in named if full.startswith(name + "-")), name)
            found.append(_with_place(name, at, candidate, named, patterns_file))
    if found:
        # an organ alone in the text as written, with its place in the letterhead in capitals
        # ("Der Ortsbeirat möge …" below "ORTSBEIRAT WIESBADEN-BIEBRICH")
        fuller = [f for f in found[1:] if f.split()[0] == found[0] and " " in f]
        return fuller[0] if " " not in found[0] and fuller else found[0]
    # no pattern: an organ of the head and the place its letterhead gives
    organs = _place_rules(patterns_file).organs
    if _party_head(head, patterns_file):
        return None
    for candidate in heads:
        if m := organs.search(candidate):
            name = _with_place(m.group("organ"), m.start(), candidate, [], patterns_file)
            if " " in name:
                return name
    return None
