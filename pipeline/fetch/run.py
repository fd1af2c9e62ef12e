"""``fetch_into_store``: follow an OParl endpoint and analyse its new and changed papers.

One page of the paper list at a time: its papers' texts are fetched, analysed and committed,
and only then does the resume cursor move to the next page. A run that stops halfway (an error
that outlasts the retries, a dropped connection, Ctrl-C) loses nothing: the next run starts at
the cursor, and re-reading a page that was already stored adds no duplicates (motions are keyed
by the Paper id and unchanged texts are skipped).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import FetchError
from pipeline.fetch import oparl_walk as walk
from pipeline.fetch.cache import FileCache
from pipeline.fetch.http import HttpClient, HttpConfig, HttpError, check_url, with_params
from pipeline.fetch.state import FetchState, iso, now_utc, parse_time
from pipeline.ingest.validate import BadDocument, checked
from pipeline.paths import DEFAULT_MODEL_DIR
from pipeline.record import Failure, Motion, failure_kind
from pipeline.store import Store, fingerprint

if TYPE_CHECKING:
    from pipeline.analyze import Analyzer

OnResult = Callable[[dict[str, Any], str], None]
Log = Callable[[str], None]

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


def parse_since(value: str | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    dt = parse_time(value)
    if dt is None:
        raise FetchError(f"--since {value}: not a date; give one like 2024-01-31")
    return dt


def cache_folder(db: str | Path) -> Path:
    return Path(str(db) + ".cache")


class _PageWriter:
    """Analyse and commit the motions of one page inside the fetch's run."""

    def __init__(
        self,
        store: Store,
        analyzer: Analyzer,
        run_id: int,
        summary: FetchSummary,
        on_result: OnResult | None,
    ) -> None:
        self.store = store
        self.analyzer = analyzer
        self.run_id = run_id
        self.summary = summary
        self.on_result = on_result
        self.fps = store.fingerprints()

    def write(
        self, items: Iterable[tuple[Mapping[str, Any], Motion | Failure, list[walk.FileProblem]]]
    ) -> tuple[list[str], list[tuple[Mapping[str, Any], str]]]:
        """Store one page; returns the paper ids settled and the papers to try again later."""
        c = self.summary.counts
        version = self.analyzer.version
        todo: list[Motion] = []
        fp_of: dict[str, tuple[str, str]] = {}
        failed: list[tuple[Motion | None, Failure, str | None]] = []
        unchanged: list[str] = []
        settled: list[str] = []
        retry: list[tuple[Mapping[str, Any], str]] = []
        seen: set[str] = set()
        for paper, m, problems in items:
            c["read"] += 1
            if isinstance(m, Failure):  # a paper that cannot be read: recorded, settled
                failed.append((None, m, None))
                settled.append(str(paper.get("id")))
                c["failed"] += 1
                continue
            if m.id in seen:
                c["duplicate_in_input"] += 1
                continue
            seen.add(m.id)
            transient = [p for p in problems if p.transient]
            if transient:
                # A file that may hold the motion could not be had: keep the stored result,
                # note the failure, and try the paper again on the next run.
                reason = f"{transient[0].reason} (tried again on the next run)"
                failed.append((None, Failure(m.source_file, reason, m.id), None))
                retry.append((paper, reason))
                c["failed"] += 1
                continue
            if not m.text.strip() and problems:
                failed.append((m, Failure(m.source_file, problems[0].reason, m.id), ""))
                settled.append(m.id)
                c["failed"] += 1
                continue
            fp = fingerprint(m, version)
            old = self.fps.get(m.id)
            settled.append(m.id)
            if old == fp:
                unchanged.append(m.id)
                c["unchanged"] += 1
                continue
            fp_of[m.id] = (fp, "changed" if old is not None else "new")
            todo.append(m)
        analysed: list[tuple[Motion, dict[str, Any], str]] = []
        fresh: list[tuple[dict[str, Any], str]] = []
        for m, res in self.analyzer.analyze_many(todo):
            fp, status = fp_of[m.id]
            if isinstance(res, Failure):
                failed.append((m, res, fp))
                c["failed"] += 1
            else:
                analysed.append((m, res, fp))
                fresh.append((res, status))
                c[status] += 1
        if analysed or failed:
            self.store.write_batch(self.run_id, analysed, failed)
        if unchanged:
            self.store.touch(self.run_id, unchanged)
        for _, f, _ in failed:
            self.summary.failure_reasons[failure_kind(f.reason)] += 1
        for m, _, fp in analysed:
            self.fps[m.id] = fp
        for failed_motion, _, _ in failed:
            if failed_motion is not None:
                self.fps.pop(failed_motion.id, None)
        if self.on_result:
            for res, status in fresh:
                self.on_result(res, status)
        return settled, retry


def fetch_into_store(
    url: str,
    db: str | Path = "antragsradar.db",
    *,
    body: str | None = None,
    since: str | datetime | None = None,
    full: bool = False,
    model_dir: str | Path | None = DEFAULT_MODEL_DIR,
    analyzer: Analyzer | None = None,
    http: HttpClient | None = None,
    http_config: HttpConfig | None = None,
    cache_mb: float = DEFAULT_CACHE_MB,
    overlap: timedelta = DEFAULT_OVERLAP,
    on_result: OnResult | None = None,
    log: Log | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
    progress: Callable[[int, int | None], None] | None = None,
) -> FetchSummary:
    """Fetch the papers of an OParl endpoint into the store at ``db`` and analyse them.

    ``url`` is a System or Body URL. The first run walks every paper (or those modified since
    ``since``); later runs ask only for papers modified since the last successful walk (less
    ``overlap`` for clock differences). ``full`` forgets that and walks everything again.
    ``on_result(record, "new" | "changed")`` is called for each motion analysed, after its
    page is committed. ``progress(done, total)`` is called after each list page with the
    body's list objects walked so far and their total where the server gives it. Raises FetchError when the endpoint is not OParl or a request fails
    for good; what was stored until then stays, and the next run resumes.

    Only the endpoint's host is fetched from, and hosts named in the HTTP config's
    ``allow_hosts`` (see ``HttpConfig``); at most ``max_pages`` list pages are read per run
    (the next run continues where this one stopped).
    """
    t0 = time.perf_counter()
    log = log or (lambda _msg: None)
    url = check_url(url.strip())
    endpoint = url
    since_dt = parse_since(since)
    http = http or HttpClient(http_config, log=log)
    if http.config.endpoint is None:
        http.config.endpoint = url
    summary = FetchSummary(endpoint=endpoint, db=str(db))

    store = Store(db)
    try:
        state = FetchState(store.conn)
        cache = FileCache(
            store.conn, cache_folder(db), int(cache_mb * 1_000_000) if cache_mb > 0 else 0
        )
        entry = walk.get_entry(http, url)
        selected = walk.bodies(http, entry, body, limit=max_pages)
        if full:
            state.reset(endpoint)
        if analyzer is None:
            from pipeline.analyze import Analyzer

            analyzer = Analyzer(model_dir)
        run_id = store.begin_run([url], analyzer.version, analyzer.model_version)
        summary.run_id = run_id
        writer = _PageWriter(store, analyzer, run_id, summary, on_result)
        files = walk.FileFetcher(http, cache)
        status = "failed"
        try:
            for b in selected:
                pages_left = max_pages - summary.counts["pages"]
                if pages_left <= 0:
                    log(f"stopped after {max_pages} pages (--max-pages); the next run continues")
                    break
                walk_ = _Walk(
                    http, state, writer, files, endpoint, summary, log, pages_left, progress
                )
                walk_.body(b, since_dt, overlap)
            status = "completed"
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            summary.counts["downloads"] = files.downloads
            summary.counts["cache_hits"] = cache.hits
            summary.counts["requests"] = http.requests
            summary.counts["retries"] = http.retried
            summary.seconds = time.perf_counter() - t0
            store.finish_run(run_id, summary.counts, status)
    finally:
        store.close()
    return summary


@dataclass
class _Walk:
    """The walk of one Body's paper list within a run."""

    http: HttpClient
    state: FetchState
    writer: _PageWriter
    files: walk.FileFetcher
    endpoint: str
    summary: FetchSummary
    log: Log
    max_pages: int
    progress: Callable[[int, int | None], None] | None = None

    def body(self, body: Mapping[str, Any], since_arg: datetime | None, overlap: timedelta) -> None:
        _walk_body(self, body, since_arg, overlap)


def _paper_motion(
    w: _Walk, paper: Mapping[str, Any], orgs: walk.Organizations, body: Mapping[str, Any]
) -> tuple[Motion | Failure, list[walk.FileProblem]]:
    """The paper's motion, checked; a Failure when the paper cannot be read (wrong field types
    or anything else): one odd paper must not stop the walk."""
    source = str(paper.get("id") or "")
    pid = paper.get("id") if isinstance(paper.get("id"), str) else None
    try:
        m, problems = walk.paper_motion(paper, w.files, orgs, body)
    except BadDocument as exc:
        return Failure(source, str(exc), pid), []
    except Exception as exc:  # noqa: BLE001
        return Failure(source, f"cannot read the paper ({type(exc).__name__}: {exc})", pid), []
    return checked(m), problems


def _walk_body(
    w: _Walk,
    body: Mapping[str, Any],
    since_arg: datetime | None,
    overlap: timedelta,
) -> None:
    http, state, writer, endpoint, summary, log = (
        w.http,
        w.state,
        w.writer,
        w.endpoint,
        w.summary,
        w.log,
    )
    body_id = str(body.get("id") or body.get("paper"))
    body_name = str(body.get("name") or body.get("shortName") or body_id)
    s = state.get(endpoint, body_id)
    info: dict[str, Any] = {"id": body_id, "name": body_name, "pages": 0, "papers": 0}
    summary.bodies.append(info)
    if s.in_progress:
        info["resumed"] = True
        log(f"{body_name}: resuming the walk begun {s.walk_start} at page {s.pages_done + 1}")
    else:
        last = parse_time(s.last_success)
        since = (last - overlap) if last else since_arg
        if last and since_arg:
            log(f"{body_name}: --since is for the first run; use --full to walk again from it")
        s.body_name = body_name
        s.walk_start = iso(now_utc())
        s.walk_since = iso(since) if since else None
        s.start_url = with_params(str(body["paper"]), modified_since=s.walk_since)
        s.cursor = s.start_url
        state.start_walk(s)
        log(
            f"{body_name}: papers modified since {s.walk_since}"
            if s.walk_since
            else f"{body_name}: all papers"
        )
    info["since"] = s.walk_since
    since_dt = parse_time(s.walk_since)
    orgs = walk.organizations(http, body, limit=w.max_pages)

    def motions(papers: Iterable[Mapping[str, Any]]) -> Iterable[tuple[Any, Any, list[Any]]]:
        for paper in papers:
            m, problems = _paper_motion(w, paper, orgs, body)
            yield paper, m, problems

    def settle(settled: list[str], retry: list[tuple[Mapping[str, Any], str]]) -> None:
        state.drop_pending(endpoint, body_id, settled)
        for paper, reason in retry:
            state.add_pending(endpoint, body_id, dict(paper), reason)
        summary.counts["pending"] += len(retry)

    # Papers whose files failed last time, before the list (they may not be in it again).
    pending = state.pending(endpoint, body_id)
    if pending:
        log(f"{body_name}: trying {len(pending)} papers again that failed last time")
        give_up = [str(p.get("id")) for p, n in pending if n >= MAX_PENDING_ATTEMPTS]
        if give_up:
            log(
                f"{body_name}: giving up on {len(give_up)} papers after {MAX_PENDING_ATTEMPTS} tries"
            )
            state.drop_pending(endpoint, body_id, give_up)
        settle(*writer.write(motions(p for p, n in pending if n < MAX_PENDING_ATTEMPTS)))

    seen: set[str] = set()
    url = s.cursor
    walked = 0
    while url:
        if len(seen) >= w.max_pages:
            log(
                f"{body_name}: stopped after {w.max_pages} pages (--max-pages); the next run continues"
            )
            return
        seen.add(url)
        try:
            objs, nxt, total = walk.read_list_page(http, url)
        except HttpError as exc:
            if exc.transient or url == s.start_url or exc.status not in (400, 404, 410):
                raise
            log(f"{body_name}: the saved page {url} is gone ({exc.status}); walking from the start")
            url = s.start_url
            continue
        papers = []
        for p in objs:
            if walk.kind(p) != "Paper":
                summary.counts["skipped_not_paper"] += 1
                continue
            if p.get("deleted") is True:  # OParl 1.1 lists deletions; the store keeps the motion
                summary.counts["deleted_upstream"] += 1
                continue
            modified = parse_time(p.get("modified"))
            if since_dt and modified and modified < since_dt:
                summary.counts["skipped_unmodified"] += 1
                continue
            papers.append(p)
        settle(*writer.write(motions(papers)))
        walked += len(objs)
        if w.progress:
            w.progress(walked, total)
        info["pages"] += 1
        info["papers"] += len(papers)
        summary.counts["pages"] += 1
        summary.counts["papers"] += len(papers)
        if nxt in seen:
            nxt = None
        why = http.why_not(nxt) if nxt else None
        if why:
            log(f"{body_name}: links.next not followed ({why}); the walk ends at this page")
            summary.counts["refused_links"] += 1
            nxt = None
        state.advance(s, nxt)
        url = nxt
    state.finish_walk(s)
    info["complete"] = True
    # last_success is read back from the state table: an unreadable value (a store edited by
    # hand or by another version) gives no next_since instead of a TypeError on None - overlap.
    last_success = parse_time(s.last_success)
    info["next_since"] = iso(last_success - overlap) if last_success else None
