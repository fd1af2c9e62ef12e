"""``antragsradar fetch`` and ``watch``: follow a live OParl endpoint into the store."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pipeline.cli import options
from pipeline.cli.common import guarded, print_run_summary
from pipeline.cli.progress import Reporter
from pipeline.errors import FetchError

if TYPE_CHECKING:
    from pipeline.fetch import FetchOptions, HttpConfig
    from pipeline.record import Result

URL = typer.Argument(
    ...,
    help="OParl System URL (…/oparl/v1/system) or the URL of one Body.",
    show_default=False,
)
DB = typer.Option(Path("antragsradar.db"), "--db", help="SQLite store to write.")
BODY = typer.Option(
    None, "--body", help="Only this Body of the System: its id, last id segment or name."
)
SINCE = typer.Option(
    None,
    "--since",
    help="First run only: papers modified since this date (2024-01-31). Later runs fetch what "
    "changed since the last successful one.",
)
FULL = typer.Option(
    False, "--full", help="Forget the last run's date and cursor; walk every paper again."
)
RATE = typer.Option(1.0, "--rate", help="Requests per second at most (0: no limit).", min=0)
TIMEOUT = typer.Option(30.0, "--timeout", help="Seconds to wait for an answer.", min=0.1)
RETRIES = typer.Option(
    3, "--retries", help="Retries on server errors and timeouts, with backoff.", min=0
)
MAX_FILE_MB = typer.Option(
    50.0, "--max-file-mb", help="Skip (and record as failed) files larger than this.", min=0.001
)
CACHE_MB = typer.Option(
    500.0, "--cache-mb", help="Size of the download cache in <db>.cache/ (0: no cache).", min=0
)
MAX_PAGE_MB = typer.Option(
    64.0, "--max-page-mb", help="Largest OParl list page or object read, in MB.", min=0.001
)
DEADLINE = typer.Option(
    None,
    "--deadline",
    help="Seconds one request may take in all, however slowly the bytes come "
    "(default: 20 × --timeout, at most 600).",
    min=0.1,
)
MAX_PAGES = typer.Option(
    10_000, "--max-pages", help="List pages read per run; the next run continues.", min=1
)
ALLOW_HOST = typer.Option(
    None,
    "--allow-host",
    help="Also fetch from this host (HOST or HOST:PORT; repeatable), e.g. where a council "
    "keeps its files. Without it only the endpoint's host is used.",
)
ALLOW_PRIVATE = typer.Option(
    False,
    "--allow-private",
    help="Let hosts named with --allow-host be at private, loopback or link-local addresses.",
)
AS_JSON = typer.Option(False, "--json", help="Print the run summary as JSON on stdout.")

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(text: str) -> float:
    """Seconds of an interval like "30m", "1h", "1h30m", "1d" or a bare number of seconds."""
    t = text.strip().lower().replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", t):
        seconds = float(t)
    else:
        parts = re.findall(r"(\d+(?:\.\d+)?)([smhd])", t)
        if not parts or "".join(n + u for n, u in parts) != t:
            raise FetchError(f"--every {text}: not an interval; give one like 30m, 1h or 1d")
        seconds = sum(float(n) * _UNITS[u] for n, u in parts)
    if seconds <= 0:
        raise FetchError(f"--every {text}: must be longer than zero")
    return seconds


def _http_config(
    *,
    rate: float,
    timeout: float,
    retries: int,
    max_file_mb: float,
    max_page_mb: float,
    deadline: float | None,
    allow_host: list[str] | None,
    allow_private: bool,
) -> HttpConfig:
    from pipeline.fetch import HttpConfig

    return HttpConfig(
        timeout=timeout,
        retries=retries,
        rate=rate,
        max_file_bytes=int(max_file_mb * 1_000_000),
        max_page_bytes=int(max_page_mb * 1_000_000),
        max_seconds=deadline or min(600.0, 20 * timeout),
        allow_hosts=tuple(allow_host or ()),
        allow_private=allow_private,
    )


def _fetch_options(given: dict[str, Any]) -> FetchOptions:
    """The ``FetchOptions`` of the options that ``fetch`` and ``watch`` share, from the
    command's parameters (``locals()``); ``watch`` has no --full."""
    from pipeline.fetch import FetchOptions

    return FetchOptions(
        body=given["body"],
        since=given["since"],
        full=given.get("full", False),
        model_dir=options.model_dir(given["model"], given["no_themes"]),
        http_config=_http_config(
            rate=given["rate"],
            timeout=given["timeout"],
            retries=given["retries"],
            max_file_mb=given["max_file_mb"],
            max_page_mb=given["max_page_mb"],
            deadline=given["deadline"],
            allow_host=given["allow_host"],
            allow_private=given["allow_private"],
        ),
        cache_mb=given["cache_mb"],
        max_pages=given["max_pages"],
        workers=given["workers"],
        scheduler=given["scheduler"],
    )


def _log(quiet: bool):
    return (lambda _m: None) if quiet else (lambda m: typer.echo(m, err=True))


@guarded
def fetch(
    url: str = URL,
    db: Path = DB,
    body: str | None = BODY,
    since: str | None = SINCE,
    full: bool = FULL,
    rate: float = RATE,
    timeout: float = TIMEOUT,
    retries: int = RETRIES,
    max_file_mb: float = MAX_FILE_MB,
    cache_mb: float = CACHE_MB,
    max_page_mb: float = MAX_PAGE_MB,
    deadline: float | None = DEADLINE,
    max_pages: int = MAX_PAGES,
    allow_host: list[str] | None = ALLOW_HOST,
    allow_private: bool = ALLOW_PRIVATE,
    model: Path = options.MODEL,
    no_themes: bool = options.NO_THEMES,
    workers: int = options.WORKERS,
    scheduler: str | None = options.SCHEDULER,
    as_json: bool = AS_JSON,
    quiet: bool = options.QUIET,
) -> None:
    """Fetch new and changed papers from an OParl endpoint, analyse them into the store.

    The first run walks every paper (or those modified since --since); each later run asks
    only for papers modified since the last successful one. A run that stops halfway keeps
    what it stored; the next run resumes at the page where it stopped.
    """
    from pipeline.fetch import fetch_into_store
    from pipeline.fetch.watch import summary_line

    opts = _fetch_options(locals())
    with Reporter("fetching", unit="papers", quiet=quiet) as progress:
        log = progress.message
        summary = fetch_into_store(url, db, opts, log=log, progress=progress)
    print_run_summary(summary, summary_line(summary), as_json=as_json, quiet=quiet, log=log)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


@guarded
def watch(
    url: str = URL,
    every: str = typer.Option("1h", "--every", help="Time between runs: 30m, 1h, 1d …"),
    max_runs: int = typer.Option(
        0, "--max-runs", help="Stop after this many runs (0: never).", min=0
    ),
    db: Path = DB,
    body: str | None = BODY,
    since: str | None = SINCE,
    rate: float = RATE,
    timeout: float = TIMEOUT,
    retries: int = RETRIES,
    max_file_mb: float = MAX_FILE_MB,
    cache_mb: float = CACHE_MB,
    max_page_mb: float = MAX_PAGE_MB,
    deadline: float | None = DEADLINE,
    max_pages: int = MAX_PAGES,
    allow_host: list[str] | None = ALLOW_HOST,
    allow_private: bool = ALLOW_PRIVATE,
    model: Path = options.MODEL,
    no_themes: bool = options.NO_THEMES,
    workers: int = options.WORKERS,
    scheduler: str | None = options.SCHEDULER,
    quiet: bool = options.QUIET,
) -> None:
    """Run fetch every --every and print each newly tagged motion as a JSON line on stdout.

    The lines are the records of `antragsradar tag`; messages go to stderr. A run that fails
    (server down) is reported and the next one resumes. Ctrl-C stops. Instead of a process
    that stays up, cron can run `antragsradar fetch` (see docs/fetch.md).
    """
    from pipeline.fetch.watch import WatchPlan
    from pipeline.fetch.watch import watch as watch_endpoint

    plan = WatchPlan(every=parse_every(every), label=every, max_runs=max_runs)
    opts = _fetch_options(locals())
    log = _log(quiet)

    def emit(record: Result, status: str) -> None:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def error(exc: FetchError) -> None:
        typer.echo(f"error: {exc}", err=True)

    try:
        failed = watch_endpoint(
            url, db, opts, plan, on_result=emit, on_error=error, log=log, sleep=_sleep
        )
    except KeyboardInterrupt:
        log("stopped")
        return
    if failed:
        raise typer.Exit(1)
