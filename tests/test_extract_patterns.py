"""The pattern helpers: word-start factoring keeps matches and their order of preference."""

from __future__ import annotations

import re

from pipeline.extract.alternatives import AlternativeSearch
from pipeline.extract.literals import required_literals
from pipeline.extract.patterns import (
    FoldedPattern,
    compile_any,
    named_group,
    top_level_alternatives,
    word_start_alternation,
)


def test_top_level_alternatives_skip_groups_sets_and_escapes():
    assert top_level_alternatives(r"\ba|(?:b|c)|[|\]]x|\|y") == [
        r"\ba",
        "(?:b|c)",
        r"[|\]]x",
        r"\|y",
    ]
    assert top_level_alternatives(r"[]|]z|w") == ["[]|]z", "w"]
    assert top_level_alternatives("abc") == ["abc"]


def test_word_start_alternation_same_matches_in_same_order():
    patterns = [r"\bprüf(?:en|t)\b|\bgeprüft\b", r"[Bb]udget\w*", r"\bbericht\w*|\bber\b", r"\bx"]
    assert word_start_alternation(patterns).startswith(r"\b(?:")
    text = "Die Verwaltung prüft, berichtet ber Budgets xprüft prüfen geprüft x Teilbudget."
    old, new = compile_any(patterns), re.compile(word_start_alternation(patterns))
    assert [m.span() for m in old.finditer(text)] == [m.span() for m in new.finditer(text)]
    for pos in range(len(text)):
        a, b = old.match(text, pos), new.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_folded_pattern_keeps_named_groups():
    fp = FoldedPattern([r"\b(?P<t0>Antrag)", r"\b(?P<t1>Anfrage)"])
    m = fp.search("Die ANFRAGE der Fraktion")
    assert m is not None and m.lastgroup == "t1" and m.span() == (4, 11)


def test_required_literals_one_of_which_every_match_contains():
    assert required_literals(r"\b(?:förder|bundes)mittel\w*") == ("mittel",)
    assert required_literals(r"\bbundestag\b|\bbundesrat\b|\blandtag") == (
        "bundesrat",
        "bundestag",
        "landtag",
    )
    assert required_literals(r"\bwird\b[^.;]{0,80}?\b(?:ergänzt|geändert)\b") == (
        "ergänzt",
        "geändert",
    )
    # an optional part or a short alternative requires nothing
    assert required_literals(r"(?:haushalts)?etat|\beu\b") is None
    assert required_literals(r"\b(?:haushalts)?etat") == ("etat",)
    assert required_literals(r"(?i)bundestag") is None


def test_folded_pattern_skips_texts_without_its_literals():
    fp = FoldedPattern([r"\bDeutsche[rn]? Bundestag\b", r"\bBundesrat\b"])
    assert fp.needles == (" bundestag", "bundesrat")
    assert fp.search("Der Gemeinderat beschließt.") is None
    assert list(fp.finditer("Der Gemeinderat beschließt.")) == []
    m = fp.search("Antrag an den DEUTSCHEN BUNDESTAG")
    assert m is not None and m.span() == (14, 33)


def test_alternative_search_finds_what_the_alternation_finds():
    groups = [
        [r"\bwird\b[^.;]{0,40}?\bergänzt\b", r"\bPrüf\w*|\bprüft\b"],
        [r"\bberichte[tn]?\b", r"[Bb]udget\w*|\b\?\s*$"],
        [r"\bprüft\b[^.;]{0,30}\bob\b"],
    ]
    whole = FoldedPattern([named_group(f"t{i}", ps) for i, ps in enumerate(groups)])
    split = AlternativeSearch(groups)
    texts = [
        "Die Verwaltung prüft, ob das Budget reicht, und berichtet.",
        "Der Antrag wird wie folgt ergänzt: Prüfauftrag",
        "Wann wird berichtet?",
        "Teilbudget ohne Bericht",
        "nichts davon",
        "İstanbul prüft",  # lower-casing changes the length: the whole pattern decides
    ]
    for text in texts:
        for pos, endpos in ((0, None), (5, 30)):
            m = whole.search(text, pos, endpos)
            found = split.search(text, pos, endpos)
            assert (m and (m.span(), int(m.lastgroup[1:]))) == (
                found and (found[0].span(), found[1])
            ), text
