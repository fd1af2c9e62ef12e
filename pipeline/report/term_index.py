"""The store's term index for ``compare``: term counts per analysed motion, kept current.

Counts live in the store's tables ``report_term_docs``, ``report_vocab``, ``report_names`` and
``report_terms`` (made by the store's migrations, ``pipeline.store.migrations``) and are worked
out again only for motions whose analysis fingerprint (or the term rules' version) changed, so a
``compare`` after the first one reads counts only. Counting many motions can run in worker
processes, through a ``pipeline.workers.ChunkMapper`` the caller passes in.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pipeline.errors import StoreError
from pipeline.report.terms import Terms, shared_terms
from pipeline.workers import ChunkMapper, chunked

Progress = Callable[[int, int], None]
Row = tuple[str, str, str, str]  # motion id, title, text, fingerprint

# Below this many motions to index, worker processes cost more than they save (each loads
# the lemmatizer dictionary for the few words analysis did not lemmatise): measured with
# bench/bench_pipeline.py, 2 workers: 4,692 motions 1.58x serial vs 1.40x pooled; 18,768
# motions 1.61x serial vs 1.73x pooled.
PARALLEL_MIN = 10_000
CHUNK = 200

_STALE_WHERE = (
    "FROM motions m LEFT JOIN report_term_docs d ON d.motion_id = m.id "
    "WHERE m.status = 'analysed' AND (d.fingerprint IS NULL OR d.fingerprint != m.fingerprint || ?)"
)
_GONE = (
    "SELECT d.motion_id FROM report_term_docs d LEFT JOIN motions m ON m.id = d.motion_id "
    "AND m.status = 'analysed' WHERE m.id IS NULL"
)
TABLES = ("report_term_docs", "report_vocab", "report_names", "report_terms")


@dataclass
class _Counted:
    """Counts of the motions (re)indexed, as (term number, count) pairs in an array per motion:
    a few bytes per term instead of a Counter, as the whole store may be indexed."""

    numbers: dict[str, int] = field(default_factory=dict)  # term -> term number
    docs: list[tuple[str, str, array[int]]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)

    def add(self, mid: str, fp: str, items: Iterable[tuple[str, int]]) -> None:
        pairs = array("q")
        for term, n in items:
            pairs.append(self.numbers.setdefault(term, len(self.numbers)))
            pairs.append(n)
        self.docs.append((mid, fp, pairs))


def _count_chunk(context: tuple[Terms, frozenset[str]], rows: list[Row]) -> tuple[list, set[str]]:
    """Term counts of a chunk of motions (in a worker process forked with ``context``, the
    terms and boilerplate lines): [(id, fingerprint, [(term, n), …]), …] and the name words
    of their letterheads."""
    terms, boiler = context
    names: set[str] = set()
    out = [
        (mid, fp, list(terms.terms_of(title, text, boiler, names).items()))
        for mid, title, text, fp in rows
    ]
    return out, names


def _counts(
    rows: Iterable[Row],
    terms: Terms,
    boiler: frozenset[str],
    names: set[str],
    mapper: ChunkMapper | None,
    total: int,
) -> Iterator[tuple[str, str, Iterable[tuple[str, int]]]]:
    """(motion id, fingerprint, term counts) of each row, in row order; on ``mapper``'s worker
    processes when there are enough rows."""
    if mapper is None or total < PARALLEL_MIN:
        for mid, title, text, fp in rows:
            yield mid, fp, terms.terms_of(title, text, boiler, names).items()
        return
    for out, chunk_names in mapper.map(_count_chunk, (terms, boiler), chunked(rows, CHUNK)):
        names |= chunk_names
        yield from out


def _index_current(con: sqlite3.Connection, version: str) -> bool:
    """Whether the term index exists and covers exactly the analysed motions (reads only): a
    store of schema version 1 opened read-only may not have its tables yet."""
    tables = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not set(TABLES) <= tables:
        return False
    if con.execute(f"SELECT 1 {_STALE_WHERE} LIMIT 1", (":" + version,)).fetchone():
        return False
    return not con.execute(f"{_GONE} LIMIT 1").fetchone()


def ensure_terms(
    con: sqlite3.Connection,
    progress: Progress | None = None,
    mapper: ChunkMapper | None = None,
    terms: Terms | None = None,
) -> int:
    """Bring ``report_terms`` up to date with the analysed motions; returns how many motions
    were (re)indexed. ``progress(done, total)`` is called now and then while indexing.
    ``mapper`` counts the terms in its worker processes (same index). ``terms`` makes the
    terms (default: ``shared_terms()``, with the lemmas that analysis workers sent).

    ``con`` is a connection of a ``pipeline.store.Store``. On a read-only one (reports) a
    current index is only read; an out-of-date one is written through the store opened for
    writing (which brings an older store to the current schema), or is a StoreError on
    read-only media."""
    from pipeline.store.db import ReadOnlyConnection, Store

    terms = terms or shared_terms()
    if not isinstance(con, ReadOnlyConnection):
        return _update(con, progress, mapper, terms)
    if _index_current(con, terms.version):
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
        return _update(store.conn, progress, mapper, terms)


def _update(
    con: sqlite3.Connection, progress: Progress | None, mapper: ChunkMapper | None, terms: Terms
) -> int:
    version = terms.version
    total = con.execute(f"SELECT COUNT(*) {_STALE_WHERE}", (":" + version,)).fetchone()[0]
    gone = con.execute(_GONE).fetchall()
    if not total and not gone:
        return 0
    boiler = terms.boilerplate_lines(
        t for (t,) in con.execute("SELECT text FROM motions WHERE status = 'analysed'")
    )
    counted = _Counted()
    rows = con.execute(
        f"SELECT m.id, m.title, m.text, m.fingerprint {_STALE_WHERE}", (":" + version,)
    )
    for i, (mid, fp, items) in enumerate(
        _counts(rows, terms, boiler, counted.names, mapper, total)
    ):
        counted.add(mid, f"{fp}:{version}", items)
        if progress and i % 200 == 0:
            progress(i, total)
    try:
        con.execute("BEGIN IMMEDIATE")
        _write(con, counted, gone, terms.name_terms(counted.names))
        con.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise StoreError(f"cannot write the term index into the store ({exc})") from exc
    if progress:
        progress(len(counted.docs), len(counted.docs))
    return len(counted.docs)


def _write(
    con: sqlite3.Connection, counted: _Counted, gone: list[tuple[str]], names: list[tuple[str]]
) -> None:
    """Replace the index rows of the counted motions and drop those of motions ``gone``; add
    the letterhead ``names`` (rows of one term)."""
    vocab = dict(con.execute("SELECT term, term_id FROM report_vocab"))
    new_terms = sorted(counted.numbers.keys() - vocab.keys())
    con.executemany("INSERT INTO report_vocab(term) VALUES (?)", [(t,) for t in new_terms])
    if new_terms:
        vocab = dict(con.execute("SELECT term, term_id FROM report_vocab"))
    stale = [(m,) for m, _, _ in counted.docs] + list(gone)
    con.executemany(
        "DELETE FROM report_terms WHERE doc = (SELECT doc FROM report_term_docs WHERE motion_id = ?)",
        stale,
    )
    con.executemany("DELETE FROM report_term_docs WHERE motion_id = ?", stale)
    con.executemany("INSERT OR IGNORE INTO report_names(term) VALUES (?)", names)
    docs = [
        con.execute(
            "INSERT INTO report_term_docs(motion_id, fingerprint) VALUES (?, ?)", (mid, fp)
        ).lastrowid
        for mid, fp, _ in counted.docs
    ]
    term_ids = [vocab[t] for t in counted.numbers]  # term number -> term_id
    con.executemany(
        "INSERT INTO report_terms(doc, term_id, n) VALUES (?,?,?)",
        (
            (doc, term_ids[pairs[k]], pairs[k + 1])
            for doc, (_, _, pairs) in zip(docs, counted.docs, strict=True)
            for k in range(0, len(pairs), 2)
        ),
    )
