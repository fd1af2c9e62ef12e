"""Per-motion term counts for ``compare``, cached in the store.

Terms are lower-cased simplemma lemmas of the title and text, without the curated stop words
of ``corpus/patterns/stopwords_de.txt``, numbers, words shorter than three letters, and
without the letterhead's councillor lines and signature blocks (names are no theme). They are
kept per motion in ``report_terms`` (with ``report_vocab`` and ``report_term_docs``, created here), and worked out again only for motions
whose analysis fingerprint changed, so a ``compare`` after the first one reads counts only.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from array import array
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from pipeline.errors import StoreError
from pipeline.paths import PATTERNS_DIR
from pipeline.record import Failure, Motion
from pipeline.workers import Result, chunked

TERMS_VERSION = "1"
STOPWORDS_FILE = PATTERNS_DIR / "stopwords_de.txt"

# Words, hyphenated compounds and gender forms ("Bürger*innen", "Lehrer:in") as one token.
WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:[*:_][Ii]n(?:nen)?)?(?:-[A-Za-zÄÖÜäöüß]+)*")
# "ent-\nsprechend" → "entsprechend"; "Fuß-\nVerkehr" keeps its parts.
LINE_HYPHEN = re.compile(r"([a-zäöüß])-[ \t]*\r?\n[ \t]*([a-zäöüß])")
COUNCILLOR_LINE = re.compile(
    r"^\s*(?:(?:die\s+|der\s+)?stadtr(?:at|ätin|äte|ätinnen)\b|gez\.|gezeichnet\b)", re.I
)
SIGNATURE_START = re.compile(
    r"^\s*(?:(?:unterzeichnet|unterschrieben)\s+von\b|stellvertretend\s+für\b|mit freundlichen)",
    re.I,
)
# Words that name the submitter, not the subject: "FDP-Gemeinderatsfraktion", "interfraktionell".
SUBMITTER_WORD = re.compile(r"fraktion", re.I)
# A line found in this share of all motions (and at least BOILERPLATE_MIN of them) is part of a
# letterhead or form ("Gremium Termin TOP ö nö", "Bitte aus Liste auswählen") and is skipped.
BOILERPLATE_SHARE = 0.01
BOILERPLATE_MIN = 10
SECTION_START = re.compile(r"sachverhalt|begründung|antrag\b|anlage", re.I)

SCHEMA = """
CREATE TABLE IF NOT EXISTS report_term_docs (
    doc         INTEGER PRIMARY KEY,
    motion_id   TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL                  -- motions.fingerprint + ':' + term version
);
CREATE TABLE IF NOT EXISTS report_vocab (
    term_id INTEGER PRIMARY KEY,
    term    TEXT NOT NULL UNIQUE
);
-- Words of councillor lines and signature blocks: names, left out of the terms compared.
CREATE TABLE IF NOT EXISTS report_names (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_terms (
    doc     INTEGER NOT NULL,
    term_id INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (doc, term_id)
) WITHOUT ROWID;
"""


def load_stopwords(path: Path | None = None) -> frozenset[str]:
    """Stop words, one a line; '#' starts a comment."""
    p = path or STOPWORDS_FILE
    words = set()
    for line in p.read_text(encoding="utf-8").splitlines():
        w = line.split("#", 1)[0].strip().casefold()
        if w:
            words.add(w)
    return frozenset(words)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return load_stopwords()


def _version() -> str:
    digest = hashlib.sha1(STOPWORDS_FILE.read_bytes()).hexdigest()[:10]
    return f"{TERMS_VERSION}:{digest}"


# word -> its lemma; filled on use, or ahead with lemmas that analysis workers worked out
# (``add_lemmas``), so that indexing needs no lemmatizer dictionary in this process.
_LEMMAS: dict[str, str] = {}
_LEMMA_CACHE_SIZE = 1_000_000


def _lemma(token: str) -> str:
    lemma = _LEMMAS.get(token)
    if lemma is None:
        if len(_LEMMAS) >= _LEMMA_CACHE_SIZE:
            _LEMMAS.clear()
        lemma = _LEMMAS[token] = _lemmatize(token)
    return lemma


def warm_up() -> None:
    """Load the lemmatizer's dictionary now (before worker processes fork from this one)."""
    from pipeline.lemmas import preload

    preload()
    _lemma("Anträge")


def _lemmatize(token: str) -> str:
    from pipeline.lemmas import lemmatize

    if "-" in token:  # a compound with hyphen: lemmatise its head
        head, _, last = token.rpartition("-")
        return f"{head}-{lemmatize(last)}".casefold()
    return lemmatize(token).casefold()


def lemmas_for_index(title: str | None, text: str | None, skip: set[str]) -> dict[str, str]:
    """Lemmas of the words that indexing this motion's terms will look up (``terms_of``, and
    the names of its letterhead), but those in ``skip``, which this adds them to. Words joined
    across a dropped line may still be missing; they are lemmatised when indexing."""
    stop = _stopwords()
    body = text or ""
    words = set(WORD.findall(f"{title or ''}\n{body}"))
    words.update(WORD.findall(LINE_HYPHEN.sub(r"\1\2", body)))
    new = {w for w in words - skip if len(w) >= 3 and w.casefold() not in stop}
    skip |= new
    return {w: _lemma(w) for w in new}


def add_lemmas(lemmas: dict[str, str]) -> None:
    """Remember lemmas worked out elsewhere (``lemmas_for_index`` in a worker process)."""
    if len(_LEMMAS) + len(lemmas) > _LEMMA_CACHE_SIZE:
        _LEMMAS.clear()
    _LEMMAS.update(lemmas)


# Words whose lemmas this worker has sent already (emptied when large: then sent again).
_LEMMAS_SENT: set[str] = set()


class IndexLemmas:
    """The term index's share of a run with analysis workers (a ``pipeline.workers.ChunkHook``):
    each worker works out the lemmas that indexing the analysed motions will look up (after
    the run, in the main process), where the lemmatizer's dictionary is loaded anyway; the main
    process remembers them and then need not load it itself."""

    def warm_up(self) -> None:
        warm_up()

    def in_worker(self, motions: list[Motion], results: list[Result]) -> dict[str, str]:
        if len(_LEMMAS_SENT) >= 1_000_000:
            _LEMMAS_SENT.clear()
        lemmas: dict[str, str] = {}
        for m, r in zip(motions, results, strict=True):
            if not isinstance(r, Failure):
                lemmas.update(lemmas_for_index(m.title, m.text, _LEMMAS_SENT))
        return lemmas

    def in_main(self, payload: dict[str, str]) -> None:
        add_lemmas(payload)


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


def boilerplate_lines(texts: Iterable[str]) -> frozenset[str]:
    """Lines (normalised) that recur in many motions: letterhead and form lines."""
    seen: Counter[str] = Counter()
    n = 0
    for text in texts:
        n += 1
        seen.update({k for k in _line_keys(text or "") if k})
    limit = max(BOILERPLATE_MIN, BOILERPLATE_SHARE * n)
    return frozenset(k for k, c in seen.items() if c >= limit)


NAME_LINE_WORD = re.compile(r"^(?:[A-ZÄÖÜ][\w.'-]*|und|von|van|de|zu|,)$")


def _is_name_line(line: str) -> bool:
    """A line of a signature block: names, comma- or 'und'-separated ("Dr. Ute Leidig, Max Braun")."""
    words = line.replace(",", " , ").split()
    return 0 < len(words) <= 16 and all(NAME_LINE_WORD.match(w) for w in words)


def strip_letterhead(
    text: str, boilerplate: frozenset[str] = frozenset(), names: set[str] | None = None
) -> str:
    """The text without councillor lines ("Stadträtin …"), signature blocks ("unterzeichnet
    von:" and the name lines that follow) and recurring ``boilerplate`` lines. The words of
    the removed name lines are added to ``names`` when given."""
    out: list[str] = []
    in_signature = False
    lines = text.splitlines()
    keys = _line_keys(text) if boilerplate else lines
    for line, key in zip(lines, keys, strict=True):
        if not line.strip():
            if not in_signature:
                out.append(line)
            continue
        if SIGNATURE_START.match(line):
            in_signature = True
            continue
        if in_signature:
            if _is_name_line(line) and not SECTION_START.search(line):
                if names is not None:
                    names.update(WORD.findall(line))
                continue
            in_signature = False
        if boilerplate and key in boilerplate:
            continue
        if COUNCILLOR_LINE.match(line):
            if names is not None and len(line.split()) <= 10:
                names.update(w for w in WORD.findall(line) if w[0].isupper())
            continue
        out.append(line)
    return "\n".join(out)


def terms_of(
    title: str | None,
    text: str | None,
    stopwords: Iterable[str] | None = None,
    boilerplate: frozenset[str] = frozenset(),
    names: set[str] | None = None,
) -> Counter[str]:
    """Term counts of one motion (title and text); see ``strip_letterhead`` for ``names``."""
    body = LINE_HYPHEN.sub(r"\1\2", strip_letterhead(text or "", boilerplate, names))
    words = WORD.findall(f"{title or ''}\n{body}")
    if stopwords is None:  # the usual case: one dict look-up per word
        memo = _TERMS
        if len(memo) >= _TERM_CACHE_SIZE:
            memo.clear()
        stop = _stopwords()
        terms = [memo[w] if w in memo else memo.setdefault(w, _term(w, stop)) for w in words]
    else:
        stop = frozenset(stopwords)
        terms = [_term(w, stop) for w in words]
    return Counter(t for t in terms if t is not None)


def _counts(
    rows: Iterable[tuple[str, str, str, str]],
    boiler: frozenset[str],
    names: set[str],
    workers: int,
    total: int,
) -> Iterator[tuple[str, str, Iterable[tuple[str, int]]]]:
    """(motion id, fingerprint, term counts) of each row, in row order; in forked worker
    processes when there are enough rows (they inherit the lemmas worked out so far)."""
    import multiprocessing as mp

    if workers <= 1 or total < PARALLEL_MIN or "fork" not in mp.get_all_start_methods():
        for mid, title, text, fp in rows:
            yield mid, fp, terms_of(title, text, None, boiler, names).items()
        return
    # The rows come from a SQLite cursor, which only this thread may read: chunks are
    # submitted from here (Pool.imap would read them in its feeder thread), a few ahead.
    with mp.get_context("fork").Pool(workers, _init_worker, (boiler,)) as pool:
        pending: deque = deque()
        chunks = chunked(rows, _CHUNK)
        while True:
            for chunk in chunks:
                pending.append(pool.apply_async(_count_chunk, (chunk,)))
                if len(pending) > 2 * workers:
                    break
            if not pending:
                return
            out, chunk_names = pending.popleft().get()
            names |= chunk_names
            yield from out


# word -> its term (None: not a term) under the default stop words; emptied when this large.
_TERMS: dict[str, str | None] = {}
_TERM_CACHE_SIZE = 500_000


def _term(tok: str, stop: frozenset[str]) -> str | None:
    """The term that a word of the text counts for, or None."""
    low = tok.casefold()
    if len(tok) < 3 or low in stop or SUBMITTER_WORD.search(tok):
        return None
    if "-" in low and any(part in stop for part in low.split("-")):
        return None
    lemma = _lemma(tok)
    if len(lemma) < 3 or lemma in stop:
        return None
    return lemma


# Below this many motions to index, worker processes cost more than they save (each loads
# the lemmatizer dictionary for the few words analysis did not lemmatise): measured with
# bench/bench_pipeline.py, 2 workers: 4,692 motions 1.58x serial vs 1.40x pooled; 18,768
# motions 1.61x serial vs 1.73x pooled.
PARALLEL_MIN = 10_000
_CHUNK = 200
_BOILER: frozenset[str] = frozenset()


def _init_worker(boiler: frozenset[str]) -> None:
    global _BOILER
    _BOILER = boiler


def _count_chunk(rows: list[tuple[str, str, str, str]]) -> tuple[list, set[str]]:
    """Term counts of a chunk of motions (in a worker process): [(id, fingerprint, [(term,
    n), …]), …] and the name words of their letterheads."""
    names: set[str] = set()
    out = [
        (mid, fp, list(terms_of(title, text, None, _BOILER, names).items()))
        for mid, title, text, fp in rows
    ]
    return out, names


_STALE_WHERE = (
    "FROM motions m LEFT JOIN report_term_docs d ON d.motion_id = m.id "
    "WHERE m.status = 'analysed' AND (d.fingerprint IS NULL OR d.fingerprint != m.fingerprint || ?)"
)


def _index_current(con: sqlite3.Connection) -> bool:
    """Whether the term index exists and covers exactly the analysed motions (reads only)."""
    tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"report_term_docs", "report_vocab", "report_names", "report_terms"} <= tables:
        return False
    if con.execute(f"SELECT 1 {_STALE_WHERE} LIMIT 1", (":" + _version(),)).fetchone():
        return False
    return not con.execute(
        "SELECT 1 FROM report_term_docs d LEFT JOIN motions m ON m.id = d.motion_id "
        "AND m.status = 'analysed' WHERE m.id IS NULL LIMIT 1"
    ).fetchone()


def ensure_terms(
    con: sqlite3.Connection,
    progress: Callable[[int, int], None] | None = None,
    workers: int = 1,
) -> int:
    """Bring ``report_terms`` up to date with the analysed motions; returns how many motions
    were (re)indexed. ``progress(done, total)`` is called now and then while indexing.
    ``workers`` > 1 counts the terms in that many forked processes (same index).

    On a read-only connection (reports) a current index is only read; an out-of-date one is
    written through a second, writable connection, or is a StoreError on read-only media."""
    from pipeline.store.db import ReadOnlyConnection, Store

    if not isinstance(con, ReadOnlyConnection):
        return _ensure_terms(con, progress, workers)
    if _index_current(con):
        return 0
    path = con.execute("PRAGMA database_list").fetchone()[2]
    try:
        store = Store(path)
    except StoreError as exc:
        raise StoreError(
            f"the store's term index is out of date and cannot be written ({exc}); "
            "run the report on a writable copy"
        ) from None
    with store:
        return _ensure_terms(store.conn, progress, workers)


def _ensure_terms(
    con: sqlite3.Connection,
    progress: Callable[[int, int], None] | None,
    workers: int,
) -> int:
    try:
        con.executescript(SCHEMA)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot create the term index in the store ({exc})") from exc
    version = _version()
    stale_where = _STALE_WHERE
    total = con.execute(f"SELECT COUNT(*) {stale_where}", (":" + version,)).fetchone()[0]
    gone = con.execute(
        "SELECT d.motion_id FROM report_term_docs d LEFT JOIN motions m ON m.id = d.motion_id "
        "AND m.status = 'analysed' WHERE m.id IS NULL"
    ).fetchall()
    if not total and not gone:
        return 0
    boiler = boilerplate_lines(
        t for (t,) in con.execute("SELECT text FROM motions WHERE status = 'analysed'")
    )
    # Texts are streamed, and the counts kept as (term number, count) pairs in an array per
    # motion: a few bytes per term instead of a Counter, as the whole store may be indexed.
    numbers: dict[str, int] = {}
    counted: list[tuple[str, str, array[int]]] = []
    names: set[str] = set()
    rows = con.execute(
        f"SELECT m.id, m.title, m.text, m.fingerprint {stale_where}", (":" + version,)
    )
    for i, (mid, fp, items) in enumerate(_counts(rows, boiler, names, workers, total)):
        pairs = array("q")
        for term, n in items:
            pairs.append(numbers.setdefault(term, len(numbers)))
            pairs.append(n)
        counted.append((mid, f"{fp}:{version}", pairs))
        if progress and i % 200 == 0:
            progress(i, total)
    try:
        con.execute("BEGIN IMMEDIATE")
        vocab = dict(con.execute("SELECT term, term_id FROM report_vocab"))
        new_terms = sorted(numbers.keys() - vocab.keys())
        con.executemany("INSERT INTO report_vocab(term) VALUES (?)", [(t,) for t in new_terms])
        if new_terms:
            vocab = dict(con.execute("SELECT term, term_id FROM report_vocab"))
        stale = [(m,) for m, _, _ in counted] + list(gone)
        con.executemany(
            "DELETE FROM report_terms WHERE doc = (SELECT doc FROM report_term_docs WHERE motion_id = ?)",
            stale,
        )
        con.executemany("DELETE FROM report_term_docs WHERE motion_id = ?", stale)
        stop = _stopwords()
        con.executemany(
            "INSERT OR IGNORE INTO report_names(term) VALUES (?)",
            sorted({(_lemma(w),) for w in names if len(w) >= 3 and w.casefold() not in stop}),
        )
        docs = [
            con.execute(
                "INSERT INTO report_term_docs(motion_id, fingerprint) VALUES (?, ?)", (mid, fp)
            ).lastrowid
            for mid, fp, _ in counted
        ]
        term_ids = [vocab[t] for t in numbers]  # term number -> term_id
        con.executemany(
            "INSERT INTO report_terms(doc, term_id, n) VALUES (?,?,?)",
            (
                (doc, term_ids[pairs[k]], pairs[k + 1])
                for doc, (_, _, pairs) in zip(docs, counted, strict=True)
                for k in range(0, len(pairs), 2)
            ),
        )
        con.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise StoreError(f"cannot write the term index into the store ({exc})") from exc
    if progress:
        progress(len(counted), len(counted))
    return len(counted)
