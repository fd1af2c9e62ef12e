"""``fetch_into_store``: follow an OParl endpoint and analyse its new and changed papers.

One page of the paper list at a time: its papers' texts are fetched, analysed and committed,
and only then does the resume cursor move to the next page. A run that stops halfway (an error
that outlasts the retries, a dropped connection, Ctrl-C) loses nothing: the next run starts at
the cursor, and re-reading a page that was already stored adds no duplicates (motions are keyed
by the Paper id and unchanged texts are skipped).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import FetchError
from pipeline.fetch import oparl_walk as walk
from pipeline.fetch.cache import FileCache
from pipeline.fetch.http import HttpClient, HttpConfig, HttpError, check_url, with_params
from pipeline.fetch.state import EndpointState, FetchState, iso, now_utc, parse_time
from pipeline.ingest.validate import BadDocument, checked
from pipeline.ingest_loop import IngestLoop, Item, OnResult, Rejected
from pipeline.parallel import DEFAULT_CHUNK_SIZE, make_backend
from pipeline.paths import DEFAULT_MODEL_DIR
from pipeline.record import Failure, Motion
from pipeline.store import Store
from pipeline.workers import Backend

if TYPE_CHECKING:
    from pipeline.analyze import Analyzer

Log = Callable[[str], None]
Progress = Callable[[int, int | None], None]
Paper = Mapping[str, Any]

DEFAULT_OVERLAP = timedelta(hours=1)
DEFAULT_CACHE_MB = 500.0
MAX_PENDING_ATTEMPTS = 10
DEFAULT_MAX_PAGES = 10_000  # list pages per run; a longer walk continues in the next run


@dataclass
class FetchSummary:
    """What a fetch did, per body and in total."""

    endpoint: str
    db: str
    run_id: int = 0
    bodies: list[dict[str, Any]] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    failure_reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "db": self.db,
            "run_id": self.run_id,
            "bodies": self.bodies,
            "counts": dict(self.counts),
            "failure_reasons": dict(self.failure_reasons.most_common()),
            "seconds": round(self.seconds, 2),
        }


@dataclass
class FetchOptions:
    """What a fetch reads and how: the settings of ``antragsradar fetch``.

    ``since``: the first run's papers modified since then (later runs ask for what changed
    since the last successful one, less ``overlap`` for clock differences); ``full``: forget
    that and walk everything again; ``max_pages``: list pages read per run (the next run
    continues); ``cache_mb``: the download cache in ``<db>.cache/`` (0: none); ``workers`` /
    ``scheduler``: where the analysis runs, as for ``analyze`` (``pipeline.parallel``)."""

    body: str | None = None
    since: str | datetime | None = None
    full: bool = False
    model_dir: str | Path | None = DEFAULT_MODEL_DIR
    http_config: HttpConfig | None = None
    cache_mb: float = DEFAULT_CACHE_MB
    overlap: timedelta = DEFAULT_OVERLAP
    max_pages: int = DEFAULT_MAX_PAGES
    workers: int = 1
    scheduler: str | None = None
    chunk_size: int = DEFAULT_CHUNK_SIZE


def parse_since(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    dt = parse_time(value)
    if dt is None:
        raise FetchError(f"--since {value}: not a date; give one like 2024-01-31")
    return dt


def cache_folder(db: str | Path) -> Path:
    return Path(str(db) + ".cache")


def fetch_into_store(
    url: str,
    db: str | Path = "antragsradar.db",
    options: FetchOptions | None = None,
    *,
    analyzer: Analyzer | None = None,
    backend: Backend | None = None,
    http: HttpClient | None = None,
    on_result: OnResult | None = None,
    log: Log | None = None,
    progress: Progress | None = None,
) -> FetchSummary:
    """Fetch the papers of an OParl endpoint into the store at ``db`` and analyse them.

    ``url`` is a System or Body URL; ``options`` says which papers and how (``FetchOptions``).
    The analysis runs on ``backend`` when given (the caller closes it), else on one made from
    the options (``analyzer`` serves an in-process one), made only once the endpoint answered
    as OParl. ``on_result(record, "new" | "changed")`` is called for each motion analysed,
    after its page is committed. ``progress(done, total)`` is called after each list page with
    the body's list objects walked so far and their total where the server gives it. Raises
    FetchError when the endpoint is not OParl or a request fails for good; what was stored
    until then stays, and the next run resumes.

    Only the endpoint's host is fetched from, and hosts named in the HTTP config's
    ``allow_hosts`` (see ``HttpConfig``).
    """
    t0 = time.perf_counter()
    opts = options or FetchOptions()
    log = log or (lambda _msg: None)
    url = check_url(url.strip())
    since_dt = parse_since(opts.since)
    http = http or HttpClient(opts.http_config, log=log)
    if http.config.endpoint is None:
        http.config.endpoint = url
    summary = FetchSummary(endpoint=url, db=str(db))
    store = Store(db)
    try:
        state = FetchState(store)
        cache_bytes = int(opts.cache_mb * 1_000_000) if opts.cache_mb > 0 else 0
        cache = FileCache(store, cache_folder(db), cache_bytes)
        entry = walk.get_entry(http, url)
        selected = walk.bodies(http, entry, opts.body, limit=opts.max_pages)
        if opts.full:
            state.reset(url)
        own = backend is None
        if backend is None:
            backend = make_backend(
                opts.model_dir,
                workers=opts.workers,
                scheduler=opts.scheduler,
                analyzer=analyzer,
                chunk_size=opts.chunk_size,
            )
        try:
            run = _Run(store, state, http, walk.FileFetcher(http, cache), summary, log, progress)
            run.walk(url, selected, backend, since_dt, opts, on_result)
        finally:
            summary.seconds = time.perf_counter() - t0
            if own:
                backend.close()
    finally:
        store.close()
    return summary


@dataclass
class _Run:
    """One fetch run: its store, state, HTTP client and file fetcher, and what it counts."""

    store: Store
    state: FetchState
    http: HttpClient
    files: walk.FileFetcher
    summary: FetchSummary
    log: Log
    progress: Progress | None

    def walk(
        self,
        endpoint: str,
        selected: list[dict[str, Any]],
        backend: Backend,
        since: datetime | None,
        opts: FetchOptions,
        on_result: OnResult | None,
    ) -> None:
        """Walk the ``selected`` bodies inside one run of the store's run table."""
        summary = self.summary
        run_id = self.store.begin_run([endpoint], backend.version, backend.model_version)
        summary.run_id = run_id
        # One transaction per list page: the resume cursor moves only past committed papers.
        loop = IngestLoop(
            self.store,
            run_id,
            backend,
            summary.counts,
            summary.failure_reasons,
            commit_every=sys.maxsize,
            on_result=on_result,
        )
        status = "failed"
        try:
            for b in selected:
                pages_left = opts.max_pages - summary.counts["pages"]
                if pages_left <= 0:
                    self.log(
                        f"stopped after {opts.max_pages} pages (--max-pages); the next run continues"
                    )
                    break
                _BodyWalk(self, loop, endpoint, b, pages_left).run(since, opts.overlap)
            status = "completed"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            summary.counts["downloads"] = self.files.downloads
            summary.counts["cache_hits"] = self.files.cache.hits if self.files.cache else 0
            summary.counts["requests"] = self.http.requests
            summary.counts["retries"] = self.http.retried
            self.store.finish_run(run_id, summary.counts, status)


class _BodyWalk:
    """The walk of one Body's paper list within a run: resume or begin, papers to try again,
    then the list pages, each analysed and committed before the cursor moves on."""

    def __init__(
        self, run: _Run, loop: IngestLoop, endpoint: str, body: Paper, max_pages: int
    ) -> None:
        self.run_, self.loop, self.endpoint, self.body = run, loop, endpoint, body
        self.max_pages = max_pages
        self.body_id = str(body.get("id") or body.get("paper"))
        self.name = str(body.get("name") or body.get("shortName") or self.body_id)
        self.info: dict[str, Any] = {"id": self.body_id, "name": self.name, "pages": 0, "papers": 0}
        self.orgs: walk.Organizations | None = None

    def run(self, since_arg: datetime | None, overlap: timedelta) -> None:
        run, s = self.run_, self.run_.state.get(self.endpoint, self.body_id)
        run.summary.bodies.append(self.info)
        self._begin(s, since_arg, overlap)
        self.info["since"] = s.walk_since
        self.orgs = walk.organizations(run.http, self.body, limit=self.max_pages)
        self._retry_pending()
        if not self._pages(s, parse_time(s.walk_since)):
            return
        run.state.finish_walk(s)
        self.info["complete"] = True
        # last_success is read back from the state table: an unreadable value (a store edited
        # by hand or by another version) gives no next_since instead of a TypeError on None -
        # overlap.
        last_success = parse_time(s.last_success)
        self.info["next_since"] = iso(last_success - overlap) if last_success else None

    def _begin(self, s: EndpointState, since_arg: datetime | None, overlap: timedelta) -> None:
        """Resume the walk in progress, or begin one from the last success (or ``since_arg``)."""
        log = self.run_.log
        if s.in_progress:
            self.info["resumed"] = True
            log(f"{self.name}: resuming the walk begun {s.walk_start} at page {s.pages_done + 1}")
            return
        last = parse_time(s.last_success)
        since = (last - overlap) if last else since_arg
        if last and since_arg:
            log(f"{self.name}: --since is for the first run; use --full to walk again from it")
        s.body_name = self.name
        s.walk_start = iso(now_utc())
        s.walk_since = iso(since) if since else None
        s.start_url = with_params(str(self.body["paper"]), modified_since=s.walk_since)
        s.cursor = s.start_url
        self.run_.state.start_walk(s)
        log(
            f"{self.name}: papers modified since {s.walk_since}"
            if s.walk_since
            else f"{self.name}: all papers"
        )

    def _retry_pending(self) -> None:
        """Papers whose files failed last time, before the list (they may not be in it again)."""
        state, log = self.run_.state, self.run_.log
        pending = state.pending(self.endpoint, self.body_id)
        if not pending:
            return
        log(f"{self.name}: trying {len(pending)} papers again that failed last time")
        give_up = [str(p.get("id")) for p, n in pending if n >= MAX_PENDING_ATTEMPTS]
        if give_up:
            log(
                f"{self.name}: giving up on {len(give_up)} papers after {MAX_PENDING_ATTEMPTS} tries"
            )
            state.drop_pending(self.endpoint, self.body_id, give_up)
        self._write([p for p, n in pending if n < MAX_PENDING_ATTEMPTS])

    def _pages(self, s: EndpointState, since: datetime | None) -> bool:
        """Walk the list from the cursor; False when stopped by the page limit."""
        run = self.run_
        seen: set[str] = set()
        url = s.cursor
        walked = 0
        while url:
            if len(seen) >= self.max_pages:
                run.log(
                    f"{self.name}: stopped after {self.max_pages} pages (--max-pages); the next "
                    "run continues"
                )
                return False
            seen.add(url)
            try:
                objs, nxt, total = walk.read_list_page(run.http, url)
            except HttpError as exc:
                if exc.transient or url == s.start_url or exc.status not in (400, 404, 410):
                    raise
                run.log(
                    f"{self.name}: the saved page {url} is gone ({exc.status}); walking from the "
                    "start"
                )
                url = s.start_url
                continue
            papers = self._papers(objs, since)
            self._write(papers)
            walked += len(objs)
            if run.progress:
                run.progress(walked, total)
            self._count_page(len(papers))
            nxt = self._next(None if nxt in seen else nxt)
            run.state.advance(s, nxt)
            url = nxt
        return True

    def _papers(self, objs: list[dict[str, Any]], since: datetime | None) -> list[dict[str, Any]]:
        """The Papers of a list page that are due (modified since the walk's date)."""
        counts = self.run_.summary.counts
        papers = []
        for p in objs:
            if walk.kind(p) != "Paper":
                counts["skipped_not_paper"] += 1
                continue
            if p.get("deleted") is True:  # OParl 1.1 lists deletions; the store keeps the motion
                counts["deleted_upstream"] += 1
                continue
            modified = parse_time(p.get("modified"))
            if since and modified and modified < since:
                counts["skipped_unmodified"] += 1
                continue
            papers.append(p)
        return papers

    def _count_page(self, n_papers: int) -> None:
        self.info["pages"] += 1
        self.info["papers"] += n_papers
        self.run_.summary.counts["pages"] += 1
        self.run_.summary.counts["papers"] += n_papers

    def _next(self, nxt: str | None) -> str | None:
        """The next page's URL, unless the HTTP rules refuse it (the walk then ends here)."""
        why = self.run_.http.why_not(nxt) if nxt else None
        if why:
            self.run_.log(
                f"{self.name}: links.next not followed ({why}); the walk ends at this page"
            )
            self.run_.summary.counts["refused_links"] += 1
            return None
        return nxt

    def _write(self, papers: Iterable[Paper]) -> None:
        """Analyse and commit the motions of ``papers`` (one transaction), then settle them:
        drop them from the papers to try again, or add those whose files may come later."""
        settled: list[str] = []
        retry: list[tuple[Paper, str]] = []
        self.loop.run(self._items(papers, settled, retry))
        state = self.run_.state
        state.drop_pending(self.endpoint, self.body_id, settled)
        for paper, reason in retry:
            state.add_pending(self.endpoint, self.body_id, dict(paper), reason)
        self.run_.summary.counts["pending"] += len(retry)

    def _items(
        self, papers: Iterable[Paper], settled: list[str], retry: list[tuple[Paper, str]]
    ) -> Iterator[Item]:
        """The ingest loop's items of ``papers``: a motion, a Failure for a paper that cannot
        be read or whose files failed for now, or a Rejected motion whose files hold no text."""
        counts = self.run_.summary.counts
        seen: set[str] = set()
        for paper in papers:
            m, problems = self._motion(paper)
            if isinstance(m, Failure):  # a paper that cannot be read: recorded, settled
                settled.append(str(paper.get("id")))
                yield m
                continue
            if m.id in seen:  # listed twice on one page: stored once
                counts["read"] += 1
                counts["duplicate_in_input"] += 1
                continue
            seen.add(m.id)
            transient = [p for p in problems if p.transient]
            if transient:
                # A file that may hold the motion could not be had: keep the stored result,
                # note the failure, and try the paper again on the next run.
                reason = f"{transient[0].reason} (tried again on the next run)"
                retry.append((paper, reason))
                yield Failure(m.source_file, reason, m.id)
                continue
            settled.append(m.id)
            if not m.text.strip() and problems:
                yield Rejected(m, Failure(m.source_file, problems[0].reason, m.id))
                continue
            yield m

    def _motion(self, paper: Paper) -> tuple[Motion | Failure, list[walk.FileProblem]]:
        """The paper's motion, checked; a Failure when the paper cannot be read (wrong field
        types or anything else): one odd paper must not stop the walk."""
        source = str(paper.get("id") or "")
        pid = paper.get("id") if isinstance(paper.get("id"), str) else None
        assert self.orgs is not None  # read before the first page
        try:
            m, problems = walk.paper_motion(paper, self.run_.files, self.orgs, self.body)
        except BadDocument as exc:
            return Failure(source, str(exc), pid), []
        except Exception as exc:  # noqa: BLE001
            return Failure(source, f"cannot read the paper ({type(exc).__name__}: {exc})", pid), []
        return checked(m), problems
