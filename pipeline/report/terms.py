"""The terms of a motion for ``compare``: lemmas of its title and text, without its letterhead.

Terms are lower-cased simplemma lemmas of the title and text, without the curated stop words
of ``corpus/patterns/stopwords_de.txt``, numbers, short words, and without the letterhead's
councillor lines and signature blocks (names are no theme); what counts as letterhead, form or
submitter is rule data in ``corpus/patterns/report/terms.json``. ``pipeline.report.term_index`` keeps
the counts per motion in the store.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from pipeline.memo import Memo
from pipeline.paths import PATTERNS_DIR
from pipeline.record import Failure, Motion
from pipeline.workers import Result

STOPWORDS_FILE = PATTERNS_DIR / "stopwords_de.txt"
# In a folder of its own: the analysis version hashes the rule files of corpus/patterns/
# itself, and the term index is versioned on its own (``index_version``).
RULES_FILE = PATTERNS_DIR / "report" / "terms.json"

# Words, hyphenated compounds and gender forms ("Bürger*innen", "Lehrer:in") as one token.
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:[*:_][Ii]n(?:nen)?)?(?:-[A-Za-zÄÖÜäöüß]+)*")
# "ent-\nsprechend" → "entsprechend"; "Fuß-\nVerkehr" keeps its parts.
LINE_HYPHEN = re.compile(r"([a-zäöüß])-[ \t]*\r?\n[ \t]*([a-zäöüß])")


@dataclass(frozen=True)
class TermRules:
    """The rule data of ``corpus/patterns/report/terms.json`` (its ``_doc`` says what each does)."""

    version: str
    councillor_line: re.Pattern[str]
    signature_start: re.Pattern[str]
    section_start: re.Pattern[str]
    name_line_word: re.Pattern[str]
    submitter_word: re.Pattern[str]
    boilerplate_share: float
    boilerplate_min: int
    min_term_length: int

    @classmethod
    def load(cls, path: Path) -> TermRules:
        d: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        small = "|".join(re.escape(w) for w in d["name_line_words"])
        return cls(
            version=str(d["version"]),
            councillor_line=re.compile(d["councillor_line"]),
            signature_start=re.compile(d["signature_start"]),
            section_start=re.compile(d["section_start"]),
            # a capitalised word (a name, "Dr.") or one of the small words of a name line
            name_line_word=re.compile(rf"^(?:[A-ZÄÖÜ][\w.'-]*|{small}|,)$"),
            submitter_word=re.compile(d["submitter_word"]),
            boilerplate_share=float(d["boilerplate_share"]),
            boilerplate_min=int(d["boilerplate_min"]),
            min_term_length=int(d["min_term_length"]),
        )


def load_stopwords(path: Path | None = None) -> frozenset[str]:
    """Stop words, one a line; '#' starts a comment."""
    p = path or STOPWORDS_FILE
    words = set()
    for line in p.read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].strip().casefold()
        if w:
            words.add(w)
    return frozenset(words)


class Terms:
    """Turns motions into terms under one set of rules and stop words, and owns the caches
    that make that fast: each word's lemma (filled on use, or ahead with lemmas that analysis
    workers worked out, ``add_lemmas``, so that indexing needs no lemmatizer dictionary in this
    process) and each word's term. ``shared_terms()`` is this process's one under the shipped
    rule data, which the term index and ``IndexLemmas`` share."""

    LEMMA_CACHE_SIZE = 1_000_000  # entries; a cache this large is emptied
    TERM_CACHE_SIZE = 500_000

    def __init__(self, rules: TermRules, stopwords: frozenset[str], version: str) -> None:
        self.rules = rules
        self.stopwords = stopwords
        # What the index of a motion's terms was made with (stored with every indexed motion).
        self.version = version
        self._lemmas: dict[str, str] = {}
        self._terms: Memo[str, str | None] = Memo(self._term, self.TERM_CACHE_SIZE)

    @classmethod
    def load(cls, rules_file: Path | None = None, stopwords_file: Path | None = None) -> Terms:
        """The rules of ``rules_file`` and the stop words of ``stopwords_file`` (default: the
        shipped ones); the version is the rules' version and a hash of the stop-word file."""
        rules = TermRules.load(rules_file or RULES_FILE)
        stop_path = stopwords_file or STOPWORDS_FILE
        digest = hashlib.sha1(stop_path.read_bytes()).hexdigest()[:10]
        return cls(rules, load_stopwords(stop_path), f"{rules.version}:{digest}")

    # lemmas ---------------------------------------------------------------------------------

    def lemma(self, token: str) -> str:
        lemma = self._lemmas.get(token)
        if lemma is None:
            if len(self._lemmas) >= self.LEMMA_CACHE_SIZE:
                self._lemmas.clear()
            lemma = self._lemmas[token] = _lemmatize(token)
        return lemma

    def warm_up(self) -> None:
        """Load the lemmatizer's dictionary now (before worker processes fork from this one)."""
        from pipeline.lemmas import preload

        preload()
        self.lemma("Anträge")

    def lemmas_for_index(
        self, title: str | None, text: str | None, skip: set[str]
    ) -> dict[str, str]:
        """Lemmas of the words that indexing this motion's terms will look up (``terms_of``,
        and the names of its letterhead), but those in ``skip``, which this adds them to. Words
        joined across a dropped line may still be missing; they are lemmatised when indexing."""
        stop = self.stopwords
        shortest = self.rules.min_term_length
        body = text or ""
        words = set(WORD.findall(f"{title or ''}\n{body}"))
        words.update(WORD.findall(LINE_HYPHEN.sub(r"\1\2", body)))
        new = {w for w in words - skip if len(w) >= shortest and w.casefold() not in stop}
        skip |= new
        return {w: self.lemma(w) for w in new}

    def add_lemmas(self, lemmas: dict[str, str]) -> None:
        """Remember lemmas worked out elsewhere (``lemmas_for_index`` in a worker process)."""
        if len(self._lemmas) + len(lemmas) > self.LEMMA_CACHE_SIZE:
            self._lemmas.clear()
        self._lemmas.update(lemmas)

    # letterhead -----------------------------------------------------------------------------

    def boilerplate_lines(self, texts: Iterable[str]) -> frozenset[str]:
        """Lines (normalised) that recur in many motions: letterhead and form lines."""
        seen: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            seen.update({k for k in _line_keys(text or "") if k})
        limit = max(self.rules.boilerplate_min, self.rules.boilerplate_share * n)
        return frozenset(k for k, c in seen.items() if c >= limit)

    def strip_letterhead(
        self, text: str, boilerplate: frozenset[str] = frozenset(), names: set[str] | None = None
    ) -> str:
        """The text without councillor lines ("Stadträtin …"), signature blocks ("unterzeichnet
        von:" and the name lines that follow) and recurring ``boilerplate`` lines. The words of
        the removed name lines are added to ``names`` when given."""
        r = self.rules
        out: list[str] = []
        in_signature = False
        lines = text.splitlines()
        keys = _line_keys(text) if boilerplate else lines
        for line, key in zip(lines, keys, strict=True):
            if not line.strip():
                if not in_signature:
                    out.append(line)
                continue
            if r.signature_start.match(line):
                in_signature = True
                continue
            if in_signature:
                if _is_name_line(line, r.name_line_word) and not r.section_start.search(line):
                    if names is not None:
                        names.update(WORD.findall(line))
                    continue
                in_signature = False
            if boilerplate and key in boilerplate:
                continue
            if r.councillor_line.match(line):
                if names is not None and len(line.split()) <= 10:
                    names.update(w for w in WORD.findall(line) if w[0].isupper())
                continue
            out.append(line)
        return "\n".join(out)

    # terms ----------------------------------------------------------------------------------

    def terms_of(
        self,
        title: str | None,
        text: str | None,
        boilerplate: frozenset[str] = frozenset(),
        names: set[str] | None = None,
    ) -> Counter[str]:
        """Term counts of one motion (title and text); see ``strip_letterhead`` for ``names``."""
        body = LINE_HYPHEN.sub(r"\1\2", self.strip_letterhead(text or "", boilerplate, names))
        words = WORD.findall(f"{title or ''}\n{body}")
        # mapped over the memo: a word met before runs no Python code
        counts = Counter(map(self._terms.__getitem__, words))
        counts.pop(None, None)  # the words that count for no term
        return cast("Counter[str]", counts)

    def _term(self, tok: str) -> str | None:
        """The term that a word of the text counts for, or None."""
        r, stop = self.rules, self.stopwords
        low = tok.casefold()
        if len(tok) < r.min_term_length or low in stop or r.submitter_word.search(tok):
            return None
        if "-" in low and any(part in stop for part in low.split("-")):
            return None
        lemma = self.lemma(tok)
        if len(lemma) < r.min_term_length or lemma in stop:
            return None
        return lemma

    def name_terms(self, names: Iterable[str]) -> list[tuple[str]]:
        """The lemmas of the words of letterhead name lines that can be terms, sorted (as rows)."""
        stop = self.stopwords
        shortest = self.rules.min_term_length
        return sorted(
            {(self.lemma(w),) for w in names if len(w) >= shortest and w.casefold() not in stop}
        )


@lru_cache(maxsize=1)
def shared_terms() -> Terms:
    """This process's ``Terms`` under the shipped rule data and stop words."""
    return Terms.load()


def _lemmatize(token: str) -> str:
    from pipeline.lemmas import lemmatize

    if "-" in token:  # a compound with hyphen: lemmatise its head
        head, _, last = token.rpartition("-")
        return f"{head}-{lemmatize(last)}".casefold()
    return lemmatize(token).casefold()


class IndexLemmas:
    """The term index's share of a run with analysis workers (a ``pipeline.workers.ChunkHook``):
    each worker works out the lemmas that indexing the analysed motions will look up (after
    the run, in the main process), where the lemmatizer's dictionary is loaded anyway; the main
    process remembers them (in ``shared_terms()``) and then need not load it itself."""

    SENT_LIMIT = 1_000_000

    def __init__(self) -> None:
        # Words whose lemmas this worker has sent already (emptied when large: then sent again).
        self._sent: set[str] = set()

    def warm_up(self) -> None:
        shared_terms().warm_up()

    def in_worker(self, motions: list[Motion], results: list[Result]) -> dict[str, str]:
        if len(self._sent) >= self.SENT_LIMIT:
            self._sent.clear()
        terms = shared_terms()
        lemmas: dict[str, str] = {}
        for m, r in zip(motions, results, strict=True):
            if not isinstance(r, Failure):
                lemmas.update(terms.lemmas_for_index(m.title, m.text, self._sent))
        return lemmas

    def in_main(self, payload: dict[str, str]) -> None:
        shared_terms().add_lemmas(payload)


def _digits_to_zero(s: str) -> str:
    # Nine str.replace calls are several times faster than str.translate on German text.
    for d in "123456789":
        if d in s:
            s = s.replace(d, "0")
    return s


def _line_keys(text: str) -> list[str]:
    """The key of each of ``text.splitlines()``: white space runs as one space, case-folded,
    digits as 0. Folding and digits are done once for the whole text (neither makes, removes
    nor moves line breaks or other white space)."""
    return [" ".join(line.split()) for line in _digits_to_zero(text.casefold()).splitlines()]


def _is_name_line(line: str, name_word: re.Pattern[str]) -> bool:
    """A line of a signature block: names, comma- or 'und'-separated ("Dr. Ute Leidig, Max Braun")."""
    words = line.replace(",", " , ").split()
    return 0 < len(words) <= 16 and all(name_word.match(w) for w in words)
