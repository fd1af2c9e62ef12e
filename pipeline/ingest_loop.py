"""The one ingest loop of ``analyze`` (``pipeline.batch``) and ``fetch`` (``pipeline.fetch.run``).

It takes a stream of read items, skips motions whose stored result is current (same
fingerprint), has a ``Backend`` analyse the rest (in this process, local worker processes or a
Dask cluster: the store is the same for any) and writes results and failures into the store in
transactions. The loop is the only writer of motions and results; the callers only decide what
goes in (which documents, duplicates) and when a transaction ends (``commit_every``, a page).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from pipeline.record import Failure, Motion, Result, failure_kind
from pipeline.store import Store, fingerprint
from pipeline.workers import Backend

Status = Literal["new", "changed"]
# on_result(record, "new" | "changed"): a motion analysed, called once its transaction committed
OnResult = Callable[[Result, str], None]


@dataclass(frozen=True)
class Rejected:
    """A motion stored as failed without analysis (fetch: its files hold no text)."""

    motion: Motion
    failure: Failure


Item = Motion | Failure | Rejected


@dataclass(frozen=True)
class _Queued:
    """A motion handed to the backend: what its stored row gets, and how it counts."""

    fingerprint: str
    status: Status


class IngestLoop:
    """Skip, analyse and write the items of one run (``run_id``) into ``store``.

    ``counts`` and ``failure_reasons`` are the run summary's; the loop adds ``read``, ``new``,
    ``changed``, ``unchanged`` and ``failed``. ``progress(done)`` is called after each result
    with the items handled so far (the motions still in the backend are not done)."""

    def __init__(
        self,
        store: Store,
        run_id: int,
        backend: Backend,
        counts: Counter[str],
        failure_reasons: Counter[str],
        *,
        commit_every: int,
        on_result: OnResult | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        if commit_every < 1:
            raise ValueError("commit_every must be at least 1")
        self.store, self.run_id, self.backend = store, run_id, backend
        self.counts, self.failure_reasons = counts, failure_reasons
        self.commit_every = commit_every
        self.on_result, self.progress = on_result, progress
        self.fps = store.fingerprints()
        self._queued: dict[str, _Queued] = {}
        self._analysed: list[tuple[Motion, Result, str]] = []
        self._failed: list[tuple[Motion | None, Failure, str | None]] = []
        self._unchanged: list[str] = []
        self._fresh: list[tuple[Result, Status]] = []

    def run(self, items: Iterable[Item]) -> None:
        """Handle ``items`` and commit what is left at the end. An exception leaves the open
        transaction's rows unwritten (a re-run makes them)."""
        for m, res in self.backend.results(self._todo(items)):
            queued = self._queued.pop(m.id)
            if isinstance(res, Failure):
                self._failed.append((m, res, queued.fingerprint))
                self.counts["failed"] += 1
            else:
                self._analysed.append((m, res, queued.fingerprint))
                self._fresh.append((res, queued.status))
                self.counts[queued.status] += 1
            if self.progress:
                self.progress(self.counts["read"] - len(self._queued))
            if len(self._analysed) + len(self._failed) >= self.commit_every:
                self.flush()
        self.flush()

    def _todo(self, items: Iterable[Item]) -> Iterator[Motion]:
        """The motions that need analysis; tallies and queues the writes of the rest."""
        for item in items:
            self.counts["read"] += 1
            if isinstance(item, Failure):
                self._failed.append((None, item, None))
                self.counts["failed"] += 1
            elif isinstance(item, Rejected):
                self._failed.append((item.motion, item.failure, ""))
                self.counts["failed"] += 1
            else:
                fp = fingerprint(item, self.backend.version)
                old = self.fps.get(item.id)
                if old == fp:
                    self._unchanged.append(item.id)
                    self.counts["unchanged"] += 1
                    continue
                self._queued[item.id] = _Queued(fp, "changed" if old is not None else "new")
                yield item

    def flush(self) -> None:
        """Write what the loop holds in one transaction, then tell ``on_result``."""
        if self._analysed or self._failed:
            self.store.write_batch(self.run_id, self._analysed, self._failed)
        if self._unchanged:
            self.store.touch(self.run_id, self._unchanged)
        for _, f, _ in self._failed:
            self.failure_reasons[failure_kind(f.reason)] += 1
        # A motion met again later in the run (fetch: on a later page) compares with what
        # this transaction stored.
        for m, _, fp in self._analysed:
            self.fps[m.id] = fp
        for failed_motion, _, _ in self._failed:
            if failed_motion is not None:
                self.fps.pop(failed_motion.id, None)
        fresh = list(self._fresh)
        self._analysed.clear()
        self._failed.clear()
        self._unchanged.clear()
        self._fresh.clear()
        if self.on_result:
            for res, status in fresh:
                self.on_result(res, status)
