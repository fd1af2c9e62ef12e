"""Literal strings that every match of a regex contains.

Python's ``re`` tries a pattern that opens with ``\\b`` or a group at every position of a text;
a text that contains none of a pattern's required literals cannot match, and ``in`` finds that
out many times faster than the scan. The literals are read from the parsed pattern (the
standard library's own parser), so that they follow the rule data as it changes.
"""

from __future__ import annotations

from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Literals shorter than this are found in nearly every text: no use as a test.
MIN_LITERAL = 3


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Strings of which every match of ``pattern`` contains at least one, or None where no
    such set of literals of at least ``MIN_LITERAL`` characters is known (or the pattern
    matches case-insensitively, where ``in`` would not do)."""
    parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
        return None
    found = _required(parsed.data)
    return tuple(sorted(found)) if found else None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two candidate sets: the one whose shortest literal is longer,
    else the one of fewer literals."""
    if not b or min(map(len, b)) < MIN_LITERAL:
        return a
    if not a or (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)):
        return b
    return a


def _required(items: list[tuple[Any, Any]]) -> set[str] | None:
    """A set of literals one of which every match of the sequence ``items`` contains."""
    best: set[str] | None = None
    run: list[str] = []  # consecutive literal characters: they match one string
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        best = _better(best, {"".join(run)} if run else None)
        run = []
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & sre.SRE_FLAG_IGNORECASE:
                best = _better(best, _required(sub.data))
        elif op is sre.BRANCH:
            union: set[str] | None = set()
            for branch in av[1]:
                found = _required(branch.data)
                union = union | found if union is not None and found else None
            best = _better(best, union)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            best = _better(best, _required(av[2].data))
        # Anything else (a character set, a look-around, an optional part, a back reference)
        # requires no literal of its own and ends the run of literal characters.
    return _better(best, {"".join(run)} if run else None)
