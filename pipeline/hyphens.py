"""Hyphens at a line's end, as PDFs print them: a word broken over two lines ("Schulsozial-" /
"arbeit") or a shared word part that a conjunction follows ("Klima-" / "und Transformations-
fonds"). Cleaning and the reading of titles join such lines the same way."""

from __future__ import annotations

import re

# a conjunction after a hyphen at the line's end: the hyphen stands for a word's shared part,
# no word was split
SUSPENDED = re.compile(r"(?:und|oder|bzw\.|sowie|beziehungsweise|als auch|bis)\b")
# a line that ends in a letter and a hyphen
BROKEN_AT_END = re.compile(r"[a-zäöüßA-ZÄÖÜ]-$")


def join_broken(line: str, nxt: str) -> str | None:
    """``line`` and the next line ``nxt`` (both stripped) as one line where ``line`` ends in a
    word that ``nxt`` continues in lower case ("Schulsozial-" + "arbeit an …" ->
    "Schulsozialarbeit an …"; "Klima-" + "und …" -> "Klima- und …"); None where they are two."""
    if not (BROKEN_AT_END.search(line) and nxt[:1].islower()):
        return None
    return f"{line} {nxt}" if SUSPENDED.match(nxt) else line[:-1] + nxt
