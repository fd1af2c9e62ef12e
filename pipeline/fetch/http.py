"""A small, polite HTTP client on the standard library.

Timeouts on every request, retries with exponential backoff and jitter on server errors (5xx,
429, 408), timeouts and dropped connections (never on other 4xx), a request rate limit, a size
cap that stops a download as soon as it is exceeded, and a User-Agent that names the tool.
"""

from __future__ import annotations

import http.client
import json
import random
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from pipeline import __version__
from pipeline.errors import FetchError

USER_AGENT = f"antragsradar/{__version__} (OParl motion analysis; Python urllib)"
CHUNK = 64 * 1024
JSON_MAX_BYTES = 64 * 1024 * 1024  # one OParl list page or object; far above any real one
RETRY_STATUS = {408, 429, 500, 502, 503, 504, 507, 509, 520, 521, 522, 523, 524}

Log = Callable[[str], None]


class HttpError(FetchError):
    """A request failed for good: a 4xx answer, or a transient problem that outlasted the retries."""

    def __init__(
        self,
        message: str,
        *,
        url: str,
        status: int | None = None,
        transient: bool,
        what: str = "",
    ):
        super().__init__(message)
        self.url = url
        self.status = status
        self.transient = transient
        self.what = what or message


class TooLarge(FetchError):
    """A download is larger than the size cap."""

    def __init__(self, url: str, limit: int):
        super().__init__(
            f"file larger than {_mb(limit)} MB ({url}); raise --max-file-mb to fetch it"
        )
        self.url = url
        self.limit = limit


class NotJson(FetchError):
    """An answer that is not JSON."""

    def __init__(self, url: str, content_type: str):
        super().__init__(f"{url}: answer is not JSON ({content_type or 'no content type'})")
        self.url = url
        self.content_type = content_type


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g}"


@dataclass
class HttpConfig:
    """How the client behaves; the CLI's --timeout, --retries, --rate and --max-file-mb."""

    timeout: float = 30.0  # seconds per connect and per read
    retries: int = 3  # retries after the first try
    backoff: float = 1.0  # first retry waits about this long, doubling each time
    max_backoff: float = 60.0
    rate: float = 1.0  # requests per second at most; 0 = no limit
    max_file_bytes: int = 50_000_000
    max_seconds: float = 600.0  # one request in all, however slowly the bytes trickle in
    user_agent: str = USER_AGENT


class _Transient(Exception):
    """Internal: one try failed in a way worth retrying."""

    def __init__(self, what: str, status: int | None = None, retry_after: float | None = None):
        super().__init__(what)
        self.what = what
        self.status = status
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(
            f"{url}: not an http(s) URL; give the OParl System URL, e.g. "
            "https://ratsinfo.example.de/oparl/v1/system"
        )
    return url


class HttpClient:
    """GET with timeouts, retries, rate limit and size cap. Thread-safe for the rate limit only."""

    def __init__(
        self,
        config: HttpConfig | None = None,
        *,
        log: Log | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config or HttpConfig()
        self.log = log or (lambda _msg: None)
        self.sleep = sleep
        self._lock = threading.Lock()
        self._next_at = 0.0
        self.requests = 0
        self.retried = 0
        self._opener = urllib.request.build_opener()

    # politeness ---------------------------------------------------------------------------------
    def _wait_turn(self) -> None:
        if self.config.rate <= 0:
            return
        with self._lock:
            now = time.monotonic()
            wait = self._next_at - now
            self._next_at = max(now, self._next_at) + 1.0 / self.config.rate
        if wait > 0:
            self.sleep(wait)

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        base = self.config.backoff * (2**attempt)
        delay = min(self.config.max_backoff, base + random.uniform(0, self.config.backoff))
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.config.max_backoff * 2))
        return delay

    # one try --------------------------------------------------------------------------------------
    def _try(self, url: str, accept: str, max_bytes: int) -> tuple[bytes, str]:
        req = urllib.request.Request(
            url, headers={"User-Agent": self.config.user_agent, "Accept": accept}
        )
        self._wait_turn()
        self.requests += 1
        try:
            with self._opener.open(req, timeout=self.config.timeout) as resp:
                ctype = resp.headers.get("Content-Type", "")
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise TooLarge(url, max_bytes)
                chunks: list[bytes] = []
                total = 0
                t0 = time.monotonic()
                while True:
                    chunk = resp.read(CHUNK)
                    if not chunk:
                        break
                    if time.monotonic() - t0 > self.config.max_seconds:
                        raise _Transient(f"download slower than {self.config.max_seconds:g} s")
                    total += len(chunk)
                    if total > max_bytes:
                        raise TooLarge(url, max_bytes)
                    chunks.append(chunk)
                if length and length.isdigit() and total < int(length):
                    raise _Transient(f"connection dropped after {total} of {length} bytes")
                return b"".join(chunks), ctype
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code in RETRY_STATUS:
                raise _Transient(
                    f"HTTP {exc.code} {exc.reason}",
                    exc.code,
                    _retry_after(exc.headers.get("Retry-After") if exc.headers else None),
                ) from None
            hint = "check the URL" if exc.code in (404, 410) else "the server refused the request"
            raise HttpError(
                f"GET {url}: HTTP {exc.code} {exc.reason}; {hint}",
                url=url,
                status=exc.code,
                transient=False,
            ) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise _Transient(f"no answer within {self.config.timeout:g} s") from None
            raise _Transient(f"cannot connect ({reason})") from None
        except TimeoutError:
            raise _Transient(f"no answer within {self.config.timeout:g} s") from None
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            raise _Transient(f"connection failed ({type(exc).__name__}: {exc})") from None

    # public ----------------------------------------------------------------------------------------
    def get(
        self, url: str, *, accept: str = "*/*", max_bytes: int | None = None
    ) -> tuple[bytes, str]:
        """The body and content type of ``url``; retries transient failures with backoff.

        Raises TooLarge past ``max_bytes`` (default: the configured file cap), HttpError for a
        4xx answer or when every try failed.
        """
        check_url(url)
        limit = self.config.max_file_bytes if max_bytes is None else max_bytes
        tries = self.config.retries + 1
        last: _Transient | None = None
        for attempt in range(tries):
            try:
                return self._try(url, accept, limit)
            except _Transient as exc:
                last = exc
                if attempt + 1 < tries:
                    delay = self._backoff(attempt, exc.retry_after)
                    self.retried += 1
                    self.log(
                        f"GET {url}: {exc.what}; retry {attempt + 1}/{tries - 1} in {delay:.1f} s"
                    )
                    self.sleep(delay)
        assert last is not None
        after = f"after {tries} {'try' if tries == 1 else 'tries'}"
        raise HttpError(
            f"GET {url}: {last.what} {after}; the server or the connection has "
            "trouble: run the same command again later, it resumes where it stopped",
            url=url,
            status=last.status,
            transient=True,
            what=f"{last.what} {after}",
        )

    def get_json(self, url: str) -> Any:
        data, ctype = self.get(url, accept="application/json, */*;q=0.1", max_bytes=JSON_MAX_BYTES)
        try:
            return json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise NotJson(url, ctype.split(";")[0].strip()) from None


def with_params(url: str, **params: str | None) -> str:
    """``url`` with query parameters set (replacing any of the same name); None removes one."""
    parts = urllib.parse.urlsplit(url)
    query = [
        (k, v)
        for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if k not in params
    ]
    query += [(k, v) for k, v in params.items() if v is not None]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))
