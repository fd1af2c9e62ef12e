"""Where the analysis runs: in this process, in local worker processes, or on a Dask cluster.

Every backend takes a stream of motions and yields ``(motion, result or Failure)`` in input
order, with a bounded number of chunks in flight, so that memory stays flat however long the
stream is and the store written from the results is the same for any backend and worker count.
The caller (``pipeline.batch``) stays the only writer to the store.

- ``InProcess``: the ``Analyzer`` of this process (``--workers 1``).
- ``ProcessPool``: ``--workers N`` local processes, each loading the models once (a
  ``concurrent.futures`` pool started with forkserver, or spawn where there is no forkserver).
- ``DaskCluster``: ``--scheduler ADDRESS``, tasks on an existing Dask distributed cluster; each
  worker process loads the models once and keeps them. Dask is the optional extra
  ``antragsradar[dask]``; every worker needs this package and the model folder at the same path.

Each is a ``pipeline.workers.Backend``. Work of other layers that worker processes do beside the
analysis (the lemmas of the report's term index) comes in as ``pipeline.workers.ChunkHook``
objects, so that this module imports none of those layers. Work of their own (the term index's
counting) runs on a ``ForkMapper``, a ``pipeline.workers.ChunkMapper``.
"""

from __future__ import annotations

import base64
import json
import multiprocessing
import os
import pickle
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import AntragsradarError
from pipeline.record import Motion
from pipeline.workers import ChunkHook, ChunkMapper, Result, chunked

if TYPE_CHECKING:  # spaCy loads only where a process analyses
    from pipeline.analyze import Analyzer

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "BackendError",
    "DaskCluster",
    "ForkMapper",
    "InProcess",
    "ProcessPool",
    "Result",
    "chunked",
    "fork_mapper",
    "make_backend",
]

DEFAULT_CHUNK_SIZE = 64  # motions per task: large enough to amortise the transfer, small
# enough to keep two workers evenly busy on a few thousand motions


class BackendError(AntragsradarError):
    """The worker processes or the Dask cluster cannot run the analysis."""


def _ordered_results(
    chunks: Iterable[list[Motion]],
    submit: Any,
    collect: Any,
    max_pending: int,
    version: str,
) -> Iterator[tuple[Motion, Result]]:
    """Submit chunks, at most ``max_pending`` at a time, and yield their results in order."""
    pending: deque[tuple[list[Motion], Any]] = deque()

    def drain_one() -> Iterator[tuple[Motion, Result]]:
        chunk, fut = pending.popleft()
        got_version, results = collect(fut)
        if got_version != version:
            raise BackendError(
                f"a worker runs another analysis version ({got_version!r}, expected {version!r}); "
                "install the same code and model on every worker"
            )
        yield from zip(chunk, results, strict=True)

    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= max_pending:
            yield from drain_one()
    while pending:
        yield from drain_one()


# ---------------------------------------------------------------------------------------------
# one Analyzer per worker process

_ANALYZERS: dict[tuple[str | None, int], Analyzer] = {}
_ANALYZER_LOCK = threading.Lock()  # a Dask worker may run tasks in several threads


def _analyzer(model_dir: str | None, batch_size: int) -> Analyzer:
    key = (model_dir, batch_size)
    a = _ANALYZERS.get(key)
    if a is None:
        from pipeline.analyze import Analyzer

        a = Analyzer(model_dir, batch_size=batch_size)
        # The version hashes rule and code files: take it now, with the models, so that every
        # worker forked from this process reports the same one even if a file changes later.
        _ = a.version
        _ANALYZERS[key] = a
    return a


def _versions(model_dir: str | None, batch_size: int) -> tuple[str, str | None]:
    with _ANALYZER_LOCK:
        a = _analyzer(model_dir, batch_size)
        return a.version, a.model_version


def _analyze_chunk(
    model_dir: str | None, batch_size: int, motions: list[Motion]
) -> tuple[str, list[Result]]:
    with _ANALYZER_LOCK:
        a = _analyzer(model_dir, batch_size)
        return a.version, a.analyze_chunk(motions)


# ---------------------------------------------------------------------------------------------


class InProcess:
    """The analysis in this process."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.version: str = analyzer.version
        self.model_version: str | None = analyzer.model_version
        self.workers = 1

    def results(self, motions: Iterable[Motion]) -> Iterator[tuple[Motion, Result]]:
        return self.analyzer.results(motions)

    def close(self) -> None:
        pass


# Set in each pool worker by the initializer.
_POOL_CONFIG: tuple[str | None, int] | None = None
_POOL_HOOKS: tuple[ChunkHook, ...] = ()
_POOL_INIT_ERROR: BaseException | None = None


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    try:  # killed but not yet reaped by its parent
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(") ", 1)[-1][:1] in ("Z", "X")
    except OSError:
        return False


def _watch_parent(main: int, parent: int) -> None:
    """End this worker when the run that started it is gone (``kill -9`` of a run): the pool's
    own pipes do not tell, since every worker (and the fork server) holds their other ends."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent or _gone(main):
            os._exit(1)


def _pool_init(
    model_dir: str | None, batch_size: int, main: int, hooks: tuple[ChunkHook, ...] = ()
) -> None:
    global _POOL_CONFIG, _POOL_HOOKS, _POOL_INIT_ERROR
    threading.Thread(target=_watch_parent, args=(main, os.getppid()), daemon=True).start()
    _POOL_CONFIG = (model_dir, batch_size)
    _POOL_HOOKS = hooks
    try:
        _analyzer(model_dir, batch_size)
    except BaseException as exc:  # noqa: BLE001  reported by the first task, not lost in stderr
        _POOL_INIT_ERROR = exc


def _pool_versions() -> tuple[str, str | None]:
    if _POOL_INIT_ERROR is not None:
        raise _POOL_INIT_ERROR
    assert _POOL_CONFIG is not None
    return _versions(*_POOL_CONFIG)


def _pool_analyze(motions: list[Motion]) -> tuple[str, list[Result], list[Any]]:
    if _POOL_INIT_ERROR is not None:
        raise _POOL_INIT_ERROR
    assert _POOL_CONFIG is not None
    version, results = _analyze_chunk(*_POOL_CONFIG, motions)
    return version, results, [h.in_worker(motions, results) for h in _POOL_HOOKS]


def _encode_hooks(hooks: Sequence[ChunkHook]) -> str:
    return base64.b64encode(pickle.dumps(tuple(hooks))).decode("ascii")


def _decode_hooks(text: str) -> tuple[ChunkHook, ...]:
    """The hooks this process put into the fork server's environment (``ProcessPool``)."""
    return tuple(pickle.loads(base64.b64decode(text))) if text else ()


# The fork server builds (and warms) the Analyzer named here once, when it imports this module;
# every worker forked from it starts with the models loaded, sharing their memory pages.
_PRELOAD_ENV = "ANTRAGSRADAR_POOL_PRELOAD"


def _preload_from_env() -> None:
    spec = os.environ.get(_PRELOAD_ENV)
    if not spec or multiprocessing.parent_process() is not None:
        return  # not a fork server (a spawned worker builds its own in the initializer)
    try:
        from pipeline.record import Motion

        cfg = json.loads(spec)
        a = _analyzer(cfg["model_dir"], cfg["batch_size"])
        # One small motion loads what loads lazily; the hooks load what they need (the term
        # index's lemmas: the lemmatizer's dictionary, with or without the theme model).
        a.analyze_chunk([Motion(id="warm-up", text="Der Gemeinderat möge beschließen.")])
        for hook in _decode_hooks(cfg.get("hooks", "")):
            hook.warm_up()
    except BaseException:  # noqa: BLE001  the workers load again and report what is wrong
        _ANALYZERS.clear()


def _mp_context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.parallel"])
        return ctx
    return multiprocessing.get_context("spawn")


class ProcessPool:
    """``workers`` local processes, each with its own Analyzer, fed chunks of motions; each
    of ``hooks`` does its work beside the analysis of every chunk (``ChunkHook``)."""

    def __init__(
        self,
        model_dir: str | Path | None,
        workers: int,
        *,
        batch_size: int = 32,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        max_pending: int | None = None,
        hooks: Sequence[ChunkHook] = (),
    ) -> None:
        self.workers = workers
        self.chunk_size = chunk_size
        self.max_pending = max_pending or 2 * workers
        self.hooks = tuple(hooks)
        model = None if model_dir is None else str(model_dir)
        self.pool = ProcessPoolExecutor(
            workers,
            mp_context=_mp_context(),
            initializer=_pool_init,
            initargs=(model, batch_size, os.getpid(), self.hooks),
        )
        saved = os.environ.get(_PRELOAD_ENV)
        os.environ[_PRELOAD_ENV] = json.dumps(
            {"model_dir": model, "batch_size": batch_size, "hooks": _encode_hooks(self.hooks)}
        )
        try:
            self.version, self.model_version = self.pool.submit(_pool_versions).result()
        except BrokenProcessPool as exc:
            self.close()
            raise BackendError(f"worker processes could not start ({exc})") from None
        except BaseException:
            self.close()
            raise
        finally:
            if saved is None:
                os.environ.pop(_PRELOAD_ENV, None)
            else:
                os.environ[_PRELOAD_ENV] = saved

    def results(self, motions: Iterable[Motion]) -> Iterator[tuple[Motion, Result]]:
        def collect(fut: Future) -> tuple[str, list[Result]]:
            try:
                version, results, payloads = fut.result()
            except BrokenProcessPool as exc:
                raise BackendError(
                    f"a worker process died ({exc}); run again to continue where this run stopped"
                ) from None
            for hook, payload in zip(self.hooks, payloads, strict=True):
                hook.in_main(payload)
            return version, results

        return _ordered_results(
            chunked(motions, self.chunk_size),
            lambda chunk: self.pool.submit(_pool_analyze, chunk),
            collect,
            self.max_pending,
            self.version,
        )

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError:
        raise BackendError(
            "--scheduler needs Dask; install the extra: pip install 'antragsradar[dask]'"
        ) from None
    try:
        return Client(address, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise BackendError(
            f"cannot reach the Dask scheduler at {address} ({exc}); check the address"
        ) from None


class DaskCluster:
    """Tasks on a Dask distributed cluster; each worker process keeps one Analyzer."""

    def __init__(
        self,
        address: str,
        model_dir: str | Path | None,
        *,
        batch_size: int = 32,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        max_pending: int | None = None,
    ) -> None:
        self.client = _dask_client(address)
        self.model_dir = None if model_dir is None else str(model_dir)
        self.batch_size = batch_size
        self.chunk_size = chunk_size
        try:
            threads = sum(self.client.nthreads().values())
            if not threads:
                raise BackendError(f"the Dask cluster at {address} has no workers")
            self.workers = threads
            self.max_pending = max_pending or 2 * threads
            self.version, self.model_version = self.client.submit(
                _versions, self.model_dir, batch_size, pure=False
            ).result()
        except BaseException:
            self.close()
            raise

    def results(self, motions: Iterable[Motion]) -> Iterator[tuple[Motion, Result]]:
        def submit(chunk: list[Motion]) -> Any:
            return self.client.submit(
                _analyze_chunk, self.model_dir, self.batch_size, chunk, pure=False
            )

        def collect(fut: Any) -> tuple[str, list[Result]]:
            try:
                return fut.result()
            finally:
                fut.release()

        return _ordered_results(
            chunked(motions, self.chunk_size), submit, collect, self.max_pending, self.version
        )

    def close(self) -> None:
        self.client.close()


def make_backend(
    model_dir: str | Path | None,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    analyzer: Analyzer | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    hooks: Sequence[ChunkHook] = (),
) -> InProcess | ProcessPool | DaskCluster:
    """The backend for ``--workers``/``--scheduler``; ``analyzer`` serves the in-process one.
    ``hooks`` run in local worker processes (``--workers N``); without worker processes the
    caller does that work itself where it needs it."""
    if workers < 1:
        raise BackendError(f"--workers must be at least 1, not {workers}")
    if scheduler:
        return DaskCluster(scheduler, model_dir, chunk_size=chunk_size)
    if workers > 1:
        return ProcessPool(model_dir, workers, chunk_size=chunk_size, hooks=hooks)
    if analyzer is None:
        from pipeline.analyze import Analyzer

        analyzer = Analyzer(model_dir)
    return InProcess(analyzer)


# ---------------------------------------------------------------------------------------------
# worker processes for other layers' own work (``pipeline.workers.ChunkMapper``)

_MAP_CONTEXT: Any = None  # set in each forked worker by ``_map_init``


def _map_init(context: Any) -> None:
    global _MAP_CONTEXT
    _MAP_CONTEXT = context


def _map_call(fn: Callable[[Any, list[Any]], Any], chunk: list[Any]) -> Any:
    return fn(_MAP_CONTEXT, chunk)


class ForkMapper:
    """``workers`` processes forked from this one for each ``map``: they inherit what this
    process has loaded and worked out so far (the term index's lemmas)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(
        self, fn: Callable[[Any, list[Any]], Any], context: Any, chunks: Iterable[list[Any]]
    ) -> Iterator[Any]:
        with multiprocessing.get_context("fork").Pool(self.workers, _map_init, (context,)) as pool:
            # Chunks are submitted from this thread (Pool.imap would read them in its feeder
            # thread, and a SQLite cursor may only be read by the thread that made it).
            pending: deque[Any] = deque()
            it = iter(chunks)
            while True:
                for chunk in it:
                    pending.append(pool.apply_async(_map_call, (fn, chunk)))
                    if len(pending) > 2 * self.workers:
                        break
                if not pending:
                    return
                yield pending.popleft().get()


def fork_mapper(workers: int) -> ChunkMapper | None:
    """A ``ForkMapper`` of ``workers`` processes; None for one worker or where this system
    cannot fork (the caller then does the work in this process)."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ForkMapper(workers)


_preload_from_env()
