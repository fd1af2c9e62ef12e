"""Batch runs into the store: stream inputs, skip what is unchanged, analyse the rest, and
commit in transactional batches so that an interrupted run loses at most one open batch.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.ingest import Columns, count_motions, read_inputs, resolve_inputs, with_body
from pipeline.ingest_loop import IngestLoop
from pipeline.parallel import DEFAULT_CHUNK_SIZE, fork_mapper, make_backend
from pipeline.paths import DEFAULT_MODEL_DIR
from pipeline.record import Failure, Motion
from pipeline.report.term_index import ensure_terms
from pipeline.report.terms import IndexLemmas
from pipeline.store import Store
from pipeline.workers import Backend

if TYPE_CHECKING:  # spaCy loads only where this process analyses (not for --workers N)
    from pipeline.analyze import Analyzer

# progress(done, total): input items handled so far (analysed, unchanged or failed) and how
# many there are (None where unknown)
Progress = Callable[[int, int | None], None]


@dataclass
class RunSummary:
    """What a run did: counts, the failure reasons, where it stored them, how long it took."""

    run_id: int
    db: str
    counts: Counter = field(default_factory=Counter)
    failure_reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "db": self.db,
            "counts": dict(self.counts),
            "failure_reasons": dict(self.failure_reasons.most_common()),
            "seconds": round(self.seconds, 2),
        }


def unique_ids(
    items: Iterable[Motion | Failure], counts: Counter[str]
) -> Iterator[Motion | Failure]:
    """``items`` with every motion whose id came before turned into a Failure: two documents
    with one id are reported, and the second is never stored over the first."""
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Motion):
            if item.id in seen:
                counts["duplicate_in_input"] += 1
                reason = f"duplicate id {item.id} (first read from {seen[item.id]}); not stored"
                yield Failure(item.source_file, reason, item.id)
                continue
            seen[item.id] = item.source_file
        yield item


def analyze_into_store(
    inputs: list[str],
    db: str | Path = "antragsradar.db",
    *,
    model_dir: str | Path | None = DEFAULT_MODEL_DIR,
    input_format: str | None = None,
    columns: Columns | None = None,
    organizations: str | None = None,
    commit_every: int = 200,
    progress: Progress | None = None,
    analyzer: Analyzer | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    body: str | None = None,
    skip_non_german: bool = False,
    index_terms: bool = False,
) -> RunSummary:
    """Analyse every motion of ``inputs`` into the store at ``db``; idempotent.

    Unchanged motions (same text, same analysis version) are skipped; changed ones are analysed
    again and replace their old result. Bad documents are recorded in ``failures`` and the run
    goes on. Raises InputError/ModelError/StoreError before any work when the setup is wrong.
    ``workers`` > 1 analyses in that many local processes, ``scheduler`` (a Dask scheduler
    address) on a Dask cluster; the store is the same either way. ``index_terms`` brings the
    report's term index up to date after a run that analysed new or changed motions, so that
    ``report compare`` stays fast (``update_term_index``).
    """
    resolve_inputs(inputs, input_format)  # fail early on a missing path
    # Counting reads the inputs once more (about 1 s for 4,500 OParl papers), but only when
    # someone watches the progress.
    total = count_motions(inputs, input_format, columns) if progress else None
    summary = analyze_motions_into_store(
        lambda: with_body(
            read_inputs(inputs, input_format, columns, organizations, skip_non_german), body
        ),
        db,
        run_inputs=list(inputs),
        model_dir=model_dir,
        commit_every=commit_every,
        progress=progress,
        total=total,
        analyzer=analyzer,
        workers=workers,
        scheduler=scheduler,
        chunk_size=chunk_size,
    )
    if index_terms and (summary.counts["new"] or summary.counts["changed"]):
        update_term_index(db, workers=workers if scheduler is None else 1)
    return summary


def analyze_motions_into_store(
    items: Callable[[], Iterable[Motion | Failure]],
    db: str | Path = "antragsradar.db",
    *,
    run_inputs: list[str] | None = None,
    model_dir: str | Path | None = DEFAULT_MODEL_DIR,
    commit_every: int = 200,
    progress: Progress | None = None,
    total: int | None = None,
    analyzer: Analyzer | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> RunSummary:
    """Analyse the motions that ``items()`` streams into the store at ``db``; idempotent.

    ``items`` is called once, after the store is open, so that a reader can start streaming
    only when the run has begun. ``run_inputs`` is what the run table records as its inputs.
    ``analyzer`` serves an in-process run (``workers=1``, no ``scheduler``); worker processes
    load their own from ``model_dir``. This process reads, skips unchanged motions and is the
    only writer to the store, in input order and in transactions of ``commit_every`` motions, so
    that a killed run loses at most one open transaction and a re-run completes it.
    ``progress(done, total)`` is called after each result; ``total`` is what it passes on.
    """
    t0 = time.perf_counter()
    if commit_every < 1:
        raise ValueError("commit_every must be at least 1")
    backend = make_backend(
        model_dir,
        workers=workers,
        scheduler=scheduler,
        analyzer=analyzer,
        chunk_size=chunk_size,
        # The report's term index is brought up to date after a run: worker processes work out
        # its lemmas beside the analysis, with the lemmatizer they have loaded anyway.
        hooks=(IndexLemmas(),),
    )
    try:
        report = (lambda done: progress(done, total)) if progress else None
        return _run(items, db, run_inputs, backend, commit_every, report, t0)
    finally:
        backend.close()


def _run(
    items: Callable[[], Iterable[Motion | Failure]],
    db: str | Path,
    run_inputs: list[str] | None,
    backend: Backend,
    commit_every: int,
    progress: Callable[[int], None] | None,
    t0: float,
) -> RunSummary:
    store = Store(db)
    try:
        run_id = store.begin_run(run_inputs or [], backend.version, backend.model_version)
    except BaseException:
        store.close()
        raise
    summary = RunSummary(run_id=run_id, db=str(db))
    status = "failed"
    try:
        loop = IngestLoop(
            store,
            run_id,
            backend,
            summary.counts,
            summary.failure_reasons,
            commit_every=commit_every,
            progress=progress,
        )
        loop.run(unique_ids(items(), summary.counts))
        if progress:
            progress(summary.counts["read"])
        status = "completed"
    finally:
        summary.seconds = time.perf_counter() - t0
        try:
            store.finish_run(run_id, summary.counts, status)
        finally:
            store.close()
    return summary


def update_term_index(db: str | Path, *, workers: int = 1) -> int:
    """Bring the store's term index up to date (``report compare`` then reads counts only);
    ``workers`` > 1 counts in that many local processes. Returns how many motions it indexed."""
    with Store(db) as store:
        return ensure_terms(store.conn, mapper=fork_mapper(workers))
