"""Theme taxonomies: load and validate a taxonomy file, hash it, match its seed terms.

A taxonomy file is JSON: ``{"name", "version", "themes": [{"id", "label", "description",
"seed_terms": [...], ...}]}``. Extra keys (CAP mapping, notes) are kept and ignored here.
Seed terms are lower-case and matched against lower-cased text: ``term`` at the start of a
word (a prefix), ``*term`` anywhere inside a word, ``=term`` as a whole word; a space matches
any run of whitespace.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.paths import TAXONOMY_DIR

DEFAULT_TAXONOMY = TAXONOMY_DIR / "themes.json"
THEME_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
MAX_THEMES = 64


@dataclass(frozen=True)
class Theme:
    id: str
    label: str
    description: str
    seed_terms: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Taxonomy:
    name: str
    themes: tuple[Theme, ...]
    sha256: str
    source: str = ""

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.themes]

    @property
    def labels(self) -> dict[str, str]:
        return {t.id: t.label for t in self.themes}

    @cached_property
    def cap(self) -> dict[str, list[int]]:
        """CAP major topic codes per theme (``cap_major_topics`` in the taxonomy file; [] where
        a taxonomy has none)."""
        out = {}
        for t in self.themes:
            codes = t.extra.get("cap_major_topics") or []
            out[t.id] = [int(c) for c in codes if isinstance(c, int | str) and str(c).isdigit()]
        return out

    @cached_property
    def _matcher(self) -> SeedMatcher:
        return SeedMatcher({t.id: t.seed_terms for t in self.themes})

    def seed_hits(self, text: str) -> dict[str, int]:
        """Seed-term hits per theme in ``text``: words with a match, plus multi-word matches."""
        return self._matcher.hits(text)


WORD = re.compile(r"\w[\w-]*")


class SeedMatcher:
    """Matches seed terms word by word, with a cache per distinct word (fast over big corpora)."""

    def __init__(self, terms: dict[str, tuple[str, ...]], drop_nested: bool = False) -> None:
        # drop_nested: a theme's match that lies inside a longer match of another theme in the
        # same word does not count ("zweitwohnungssteuer" is a tax, not a "*wohnung").
        self.drop_nested = drop_nested
        self.prefix: dict[str, set[str]] = {}
        self.infix: dict[str, set[str]] = {}
        self.exact: dict[str, set[str]] = {}
        phrases: dict[str, list[str]] = {}
        firsts: dict[str, list[str]] = {}
        for tid, ts in terms.items():
            for term in ts:
                kind, body = (
                    ("exact", term[1:])
                    if term.startswith("=")
                    else (("infix", term[1:]) if term.startswith("*") else ("prefix", term))
                )
                if " " in body.strip():
                    phrases.setdefault(tid, []).append(_phrase_regex(kind, body))
                    # A phrase matches only where its first word occurs: a cheap pre-check.
                    firsts.setdefault(tid, []).append(body.split()[0])
                else:
                    getattr(self, kind).setdefault(body.strip(), set()).add(tid)
        self.phrases = {tid: re.compile("|".join(ps)) for tid, ps in phrases.items()}
        self.phrase_firsts = {tid: tuple(ws) for tid, ws in firsts.items()}
        self.infix_lengths = sorted({len(k) for k in self.infix})
        self._cache: dict[str, frozenset[str]] = {}

    def __getstate__(self) -> dict:
        # The word cache and the compiled patterns are rebuilt, never pickled.
        state = {**self.__dict__, "_cache": {}}
        state.pop("_theme_rx", None)
        state.pop("_any_rx", None)
        return state

    def _word_patterns(self) -> list[tuple[str, re.Pattern]]:
        """Per theme one compiled pattern of its single-word terms (a trie as a regex): searched
        in a word, it matches exactly when one of the theme's terms matches the word."""
        rx = self.__dict__.get("_theme_rx")
        if rx is not None:
            return rx
        order: list[str] = []
        by_theme: dict[str, dict[str, list[str]]] = {}
        for kind in ("prefix", "infix", "exact"):
            for term, tids in getattr(self, kind).items():
                for tid in sorted(tids):
                    if tid not in by_theme:
                        order.append(tid)
                    by_theme.setdefault(tid, {}).setdefault(kind, []).append(term)
        rx = []
        for tid in order:
            kinds = by_theme[tid]
            pattern = _terms_regex(
                kinds.get("prefix", []), kinds.get("infix", []), kinds.get("exact", [])
            )
            if pattern:
                rx.append((tid, re.compile(pattern)))
        self._theme_rx = rx
        return rx

    def _any_word_pattern(self) -> re.Pattern:
        """One pattern of every theme's single-word terms: most words match none, and this
        tells so in one search instead of one per theme."""
        rx = self.__dict__.get("_any_rx")
        if rx is None:
            rx = self._any_rx = re.compile(
                _terms_regex(list(self.prefix), list(self.infix), list(self.exact)) or r"(?!x)x"
            )
        return rx

    def word_themes(self, word: str) -> frozenset[str]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        if not getattr(self, "drop_nested", False):
            if self._any_word_pattern().search(word):
                hit = frozenset(tid for tid, pat in self._word_patterns() if pat.search(word))
            else:
                hit = frozenset()
            if len(self._cache) < 500_000:
                self._cache[word] = hit
            return hit
        spans: list[tuple[int, int, str]] = []  # (start, end, theme) of each matching term
        for i in range(1, len(word) + 1):
            spans.extend((0, i, t) for t in self.prefix.get(word[:i], ()))
        head = word.split("-", 1)[0]
        spans.extend((0, len(word), t) for t in self.exact.get(word, ()))
        spans.extend((0, len(head), t) for t in self.exact.get(head, ()))
        for s in range(len(word)):
            for n in self.infix_lengths:
                if s + n > len(word):
                    break
                spans.extend((s, s + n, t) for t in self.infix.get(word[s : s + n], ()))
        if getattr(self, "drop_nested", False) and len({t for _, _, t in spans}) > 1:
            spans = [
                (a, b, t)
                for a, b, t in spans
                if not any(u != t and c <= a and b <= d and d - c > b - a for c, d, u in spans)
            ]
        hit = frozenset(t for _, _, t in spans)
        if len(self._cache) < 500_000:
            self._cache[word] = hit
        return hit

    def hits(self, text: str) -> dict[str, int]:
        low = text.lower()
        counts: dict[str, int] = {}
        cache, word_themes = self._cache, self.word_themes
        # Each distinct word once, in the order of first occurrence (so the themes' order too).
        for word, n in Counter(WORD.findall(low)).items():
            found = cache.get(word)
            if found is None:
                found = word_themes(word)
            for tid in found:
                counts[tid] = counts.get(tid, 0) + n
        firsts = getattr(self, "phrase_firsts", None)  # absent in matchers pickled before it
        for tid, pat in self.phrases.items():
            if firsts is not None and not any(w in low for w in firsts.get(tid, ())):
                continue
            n = len(pat.findall(low))  # the patterns have no groups: one string per match
            if n:
                counts[tid] = counts.get(tid, 0) + n
        return counts


def _terms_regex(prefix: list[str], infix: list[str], exact: list[str]) -> str:
    """A regex that, searched in a word, matches exactly when one of the terms matches it: a
    ``prefix`` term at its start, an ``infix`` one anywhere, an ``exact`` one as the whole word
    or, without a hyphen of its own, its part before the first hyphen ("" where none can)."""
    alts = []
    prefix = [t for t in prefix if t]  # "" never matches a prefix
    if prefix:
        alts.append("^" + _trie_regex(prefix))
    if infix:
        alts.append(_trie_regex(infix))
    whole = [t for t in exact if t and "-" in t]
    head = [t for t in exact if t and "-" not in t]
    if head:
        alts.append("^" + _trie_regex(head) + r"(?:-|\Z)")
    if whole:
        alts.append("^" + _trie_regex(whole) + r"\Z")
    return "|".join(alts)


def _trie_regex(terms: list[str]) -> str:
    """A regex matching each of ``terms`` (and nothing else at its start), factored as a trie so
    that the alternation is tried character by character."""
    root: dict[str, dict] = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[""] = {}

    def rx(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + rx(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return rx(root)


def _phrase_regex(kind: str, body: str) -> str:
    first, *rest = (re.escape(p) for p in body.split())
    # The word-start test stands after the first word, as a look-behind over it (the same
    # matches): a pattern that opens with a literal lets re jump to where that word occurs
    # instead of trying the look-behind at every position of the text.
    pre = "" if kind == "infix" else rf"(?<![\w-]{first})"
    post = r"(?!\w)" if kind == "exact" else ""
    return first + pre + "".join(r"\s+" + p for p in rest) + post


def canonical_hash(themes: list[dict[str, Any]]) -> str:
    """sha256 of the themes' canonical JSON: formatting and key order do not change it."""
    blob = json.dumps(themes, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def parse_taxonomy(data: Any, source: str = "<taxonomy>") -> Taxonomy:
    """Validate a decoded taxonomy document; raises InputError naming the first problem."""

    def fail(msg: str) -> InputError:
        return InputError(f"{source}: {msg}; see corpus/taxonomy/themes.json for the format")

    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise fail('not a taxonomy: expected a JSON object with a "themes" list')
    raw = data["themes"]
    if not 2 <= len(raw) <= MAX_THEMES:
        raise fail(f"a taxonomy needs 2 to {MAX_THEMES} themes, this one has {len(raw)}")
    themes: list[Theme] = []
    seen: set[str] = set()
    for i, t in enumerate(raw, start=1):
        if not isinstance(t, dict):
            raise fail(f"theme {i} is not a JSON object")
        tid = t.get("id")
        if not isinstance(tid, str) or not THEME_ID.match(tid):
            raise fail(f"theme {i} has id {tid!r}; ids are lower-case letters, digits and _")
        if tid in seen:
            raise fail(f"theme id {tid!r} occurs twice")
        seen.add(tid)
        label = t.get("label")
        if not isinstance(label, str) or not label.strip():
            raise fail(f"theme {tid!r} has no label")
        desc = t.get("description", "")
        if not isinstance(desc, str):
            raise fail(f"theme {tid!r}: description must be a string")
        terms = t.get("seed_terms", [])
        if not isinstance(terms, list) or not all(
            isinstance(s, str) and s.strip("*= ") for s in terms
        ):
            raise fail(f"theme {tid!r}: seed_terms must be a list of non-empty strings")
        bad = [s for s in terms if s != s.lower()]
        if bad:
            raise fail(f"theme {tid!r}: seed term {bad[0]!r} is not lower-case")
        extra = {
            k: v for k, v in t.items() if k not in {"id", "label", "description", "seed_terms"}
        }
        themes.append(Theme(tid, label.strip(), desc, tuple(terms), extra))
    if not any(t.seed_terms for t in themes):
        raise fail("no theme has seed_terms; weak labelling needs at least some")
    name = str(data.get("name") or Path(source).stem)
    return Taxonomy(name, tuple(themes), canonical_hash(raw), source)


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load the taxonomy file at ``path`` (default: the shipped corpus/taxonomy/themes.json)."""
    p = Path(path) if path is not None else DEFAULT_TAXONOMY
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such taxonomy file; check the path") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read taxonomy file ({exc})") from exc
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{p}: invalid JSON at line {exc.lineno} ({exc.msg}); fix the file"
        ) from exc
    return parse_taxonomy(data, str(p))
