"""``watch``: fetch an endpoint again and again, one backend for all runs.

A run that fails for a reason of the server (down, a request that outlasts its retries) is
reported and the next one resumes where it stopped; an endpoint that is not OParl ends the
watch. The analysis backend is made on the first run that reaches the analysis, so that a
wrong URL fails before the models load, and kept for the later runs.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.errors import FetchError
from pipeline.fetch.oparl_walk import NotOParl
from pipeline.fetch.run import FetchOptions, FetchSummary, Log, fetch_into_store
from pipeline.ingest_loop import OnResult
from pipeline.parallel import make_backend
from pipeline.record import Motion
from pipeline.workers import Backend, Result


class _LazyBackend:
    """A ``Backend`` made from ``options`` on first use and kept until ``close``."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self._real: Backend | None = None

    def _backend(self) -> Backend:
        if self._real is None:
            o = self.options
            self._real = make_backend(
                o.model_dir, workers=o.workers, scheduler=o.scheduler, chunk_size=o.chunk_size
            )
        return self._real

    @property
    def version(self) -> str:
        return self._backend().version

    @property
    def model_version(self) -> str | None:
        return self._backend().model_version

    @property
    def workers(self) -> int:
        return self._backend().workers

    def results(self, motions: Iterable[Motion]) -> Iterator[tuple[Motion, Result]]:
        return self._backend().results(motions)

    def close(self) -> None:
        if self._real is not None:
            self._real.close()
            self._real = None


@dataclass
class WatchPlan:
    """How often to fetch: every ``every`` seconds (``label`` says it in the log), at most
    ``max_runs`` runs (0: until interrupted)."""

    every: float
    label: str
    max_runs: int = 0


def watch(
    url: str,
    db: str | Path,
    options: FetchOptions,
    plan: WatchPlan,
    *,
    on_result: OnResult | None = None,
    on_error: Callable[[FetchError], None] | None = None,
    log: Log | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Fetch ``url`` into ``db`` every ``plan.every`` seconds (never with ``full``): each
    motion analysed goes to ``on_result``, a run that fails to ``on_error``. Returns whether
    the last run failed. NotOParl (and Ctrl-C) end the watch."""
    log = log or (lambda _msg: None)
    options = replace(options, full=False)
    backend = _LazyBackend(options)
    n = 0
    try:
        while True:
            n += 1
            failed = False
            try:
                summary = fetch_into_store(
                    url, db, options, backend=backend, on_result=on_result, log=log
                )
                log(summary_line(summary))
            except NotOParl:
                raise
            except FetchError as exc:  # server trouble: report, the next run resumes
                failed = True
                if on_error:
                    on_error(exc)
            if plan.max_runs and n >= plan.max_runs:
                return failed
            log(f"next run in {plan.label}")
            sleep(plan.every)
    finally:
        backend.close()


def summary_line(summary: FetchSummary) -> str:
    """One line of what a fetch run did."""
    c = summary.counts
    line = (
        f"run {summary.run_id} → {summary.db}: {c['pages']} pages, {c['papers']} papers: "
        f"new {c['new']}, changed {c['changed']}, unchanged {c['unchanged']}, "
        f"failed {c['failed']}"
    )
    if c["pending"]:
        line += f" ({c['pending']} tried again next run)"
    line += (
        f"; {c['requests']} requests, {c['downloads']} downloads, {c['cache_hits']} cached, "
        f"{summary.seconds:.1f} s"
    )
    return line
