"""What the analysis backends (``pipeline.parallel``) and the work they carry for others agree
on, in a module that imports neither side: the chunking of a motion stream, the result type,
the ``Backend`` protocol that the ingest loop drives, the ``ChunkHook`` protocol through which
another layer (the report's term index, ``pipeline.report.terms.IndexLemmas``) has worker
processes do its share of the work beside the analysis, and the ``ChunkMapper`` protocol through
which such a layer has worker processes do work of its own (the term index's counting,
``pipeline.report.term_index``), without the backends importing it or it the backends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TypeVar

from pipeline import record
from pipeline.record import Failure, Motion

T = TypeVar("T")
C = TypeVar("C")
R = TypeVar("R")

# What analysing one motion gives: its result record, or the Failure that says why not.
Result = record.Result | Failure


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), read lazily."""
    chunk: list[T] = []
    for m in items:
        chunk.append(m)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Backend(Protocol):
    """Where the analysis runs (``InProcess``, ``ProcessPool``, ``DaskCluster``)."""

    @property
    def version(self) -> str:
        """The analysis version every result was made with."""
        ...

    @property
    def model_version(self) -> str | None: ...

    @property
    def workers(self) -> int: ...

    def results(self, motions: Iterable[Motion]) -> Iterator[tuple[Motion, Result]]:
        """``(motion, result or Failure)`` for each motion, in input order."""
        ...

    def close(self) -> None: ...


class ChunkHook(Protocol):
    """Work that a worker process does beside the analysis of each chunk of motions, for the
    main process to use after the run (a backend runs it where it has worker processes).

    A hook is pickled to the workers: define its class at module level."""

    def warm_up(self) -> None:
        """Load what ``in_worker`` needs, once, before the workers start (or in each)."""
        ...

    def in_worker(self, motions: list[Motion], results: list[Result]) -> Any:
        """In a worker, after ``motions`` were analysed: a picklable payload."""
        ...

    def in_main(self, payload: Any) -> None:
        """In the main process, with what ``in_worker`` returned, in input order."""
        ...


class ChunkMapper(Protocol):
    """Worker processes for another layer's own work (``pipeline.parallel.ForkMapper``)."""

    workers: int

    def map(
        self, fn: Callable[[C, list[T]], R], context: C, chunks: Iterable[list[T]]
    ) -> Iterator[R]:
        """``fn(context, chunk)`` of each chunk, in worker processes, in input order.

        ``fn`` is a module-level function; ``context`` reaches each worker once. ``chunks`` is
        read in the calling thread only (it may be a SQLite cursor), a few chunks ahead."""
        ...
