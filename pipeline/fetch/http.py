"""A small, polite HTTP client on the standard library.

Timeouts on every request, retries with exponential backoff and jitter on server errors (5xx,
429, 408), timeouts and dropped connections (never on other 4xx), a request rate limit, a size
cap that stops a download as soon as it is exceeded, and a User-Agent that names the tool.
"""

from __future__ import annotations

import functools
import http.client
import ipaddress
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
    """A download is larger than the size cap; ``option`` is the one that sets that cap."""

    def __init__(self, url: str, limit: int, option: str = "--max-file-mb", what: str = "file"):
        super().__init__(f"{what} larger than {_mb(limit)} MB ({url}); raise {option} to fetch it")
        self.url = url
        self.limit = limit


class Refused(HttpError):
    """A URL the host rules do not allow (another host, another scheme, a private address)."""

    def __init__(self, url: str, why: str):
        super().__init__(f"GET {url}: refused ({why})", url=url, transient=False, what=why)


class _AddressRefused(OSError):
    """Raised inside a connection (urllib wraps it in URLError)."""


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
    max_page_bytes: int = JSON_MAX_BYTES
    user_agent: str = USER_AGENT
    # Host rules (active once ``endpoint`` is set): the endpoint's host, whatever its address;
    # other hosts only when named in ``allow_hosts`` ("host" or "host:port"), and then only on
    # public addresses unless ``allow_private``.
    endpoint: str | None = None
    allow_hosts: tuple[str, ...] = ()
    allow_private: bool = False


class _Transient(Exception):
    """Internal: one try failed in a way worth retrying (``retry``: in this run too)."""

    def __init__(
        self,
        what: str,
        status: int | None = None,
        retry_after: float | None = None,
        retry: bool = True,
    ):
        super().__init__(what)
        self.what = what
        self.status = status
        self.retry_after = retry_after
        self.retry = retry


def _origin(url: str) -> tuple[str, int | None]:
    parts = urllib.parse.urlsplit(url)
    return (parts.hostname or "").lower(), parts.port


_DEFAULT_PORTS = {None, 80, 443}


def _blocked_address(ip: str) -> str | None:
    """Why ``ip`` is no address to fetch from a public endpoint's links, or None."""
    addr = ipaddress.ip_address(ip.split("%")[0])
    mapped = getattr(addr, "ipv4_mapped", None)  # IPv6 only
    if mapped:
        addr = mapped
    for what in ("link_local", "loopback", "private", "reserved", "multicast", "unspecified"):
        if getattr(addr, f"is_{what}"):
            return f"{what.replace('_', '-')} address {addr}"
    return None


class HostRules:
    """Which URLs and addresses a fetch may use (see HttpConfig)."""

    def __init__(self, config: HttpConfig) -> None:
        self.config = config

    def _is_endpoint(self, host: str, port: int | None) -> bool:
        if not self.config.endpoint:
            return True
        e_host, e_port = _origin(self.config.endpoint)
        return host == e_host and (port == e_port or {port, e_port} <= _DEFAULT_PORTS)

    def _is_allowed(self, host: str, port: int | None) -> bool:
        for a in self.config.allow_hosts:
            a_host, _, a_port = a.strip().lower().rpartition(":")
            if not a_host or not a_port.isdigit():  # "host" alone: any port
                a_host, a_port = a.strip().lower(), ""
            if host == a_host.strip("[]") and (not a_port or int(a_port) == port):
                return True
        return False

    def why_not(self, url: str) -> str | None:
        """Why ``url`` may not be fetched, or None."""
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return f"not an http(s) URL: {url[:80]}"
        host, port = _origin(url)
        if self._is_endpoint(host, port) or self._is_allowed(host, port):
            return None
        return f"host {parts.netloc} is not the endpoint's; allow it with --allow-host {host}"

    def check_address(self, host: str, port: int | None, ip: str) -> None:
        if self._is_endpoint(host.lower(), port) or self.config.allow_private:
            return
        why = _blocked_address(ip)
        if why:
            raise _AddressRefused(f"{host} is at a {why}; allow it with --allow-private")


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


class _Deadline:
    """Shuts the request's sockets down when its time is up: a server that sends one byte a
    second keeps every read alive, and only this ends the request."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._socks.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                _shut(sock)

    def cancel(self) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


_ACTIVE = threading.local()  # the deadline and host rules of this thread's current request


def _guard(conn: http.client.HTTPConnection) -> None:
    rules: HostRules | None = getattr(_ACTIVE, "rules", None)
    deadline: _Deadline | None = getattr(_ACTIVE, "deadline", None)
    if conn.sock is None:
        return
    if deadline is not None:
        deadline.add(conn.sock)
    if rules is not None:
        try:
            ip = conn.sock.getpeername()[0]
        except OSError:
            return
        rules.check_address(conn.host, conn.port, ip)


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _guard(self)


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _guard(self)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> Any:
        return self.do_open(
            functools.partial(_HTTPSConnection, context=self._context),  # type: ignore[attr-defined]
            req,
        )


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    """Redirects obey the same host rules as the URLs they replace."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        rules: HostRules | None = getattr(_ACTIVE, "rules", None)
        why = rules.why_not(newurl) if rules is not None else None
        if why is None and urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            why = f"not an http(s) URL: {newurl[:80]}"
        if why:
            raise Refused(req.full_url, f"redirect to {newurl[:120]}: {why}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


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
        self.rules = HostRules(self.config)
        self._opener = urllib.request.build_opener(
            _HTTPHandler(), _HTTPSHandler(), _RedirectHandler()
        )

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
    def _try(
        self, url: str, accept: str, max_bytes: int, too_large: Callable[[], TooLarge]
    ) -> tuple[bytes, str]:
        deadline = _Deadline(self.config.max_seconds)
        _ACTIVE.deadline, _ACTIVE.rules = deadline, self.rules
        try:
            data, ctype = self._try_once(url, accept, max_bytes, too_large)
            if deadline.expired:
                raise _Transient("cut off")
            return data, ctype
        except (_Transient, TooLarge, HttpError):
            if deadline.expired:
                raise _Transient(
                    f"no complete answer within {self.config.max_seconds:g} s (--deadline)",
                    retry=False,
                ) from None
            raise
        finally:
            deadline.cancel()
            _ACTIVE.deadline = _ACTIVE.rules = None

    def _try_once(
        self, url: str, accept: str, max_bytes: int, too_large: Callable[[], TooLarge]
    ) -> tuple[bytes, str]:
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
                    raise too_large()
                chunks: list[bytes] = []
                total = 0
                while True:
                    chunk = resp.read1(CHUNK)
                    if not chunk:
                        break
                    total += len(chunk)
                    if total > max_bytes:
                        raise too_large()
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
            if isinstance(reason, _AddressRefused):
                raise Refused(url, str(reason)) from None
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise _Transient(f"no answer within {self.config.timeout:g} s") from None
            raise _Transient(f"cannot connect ({reason})") from None
        except TimeoutError:
            raise _Transient(f"no answer within {self.config.timeout:g} s") from None
        except (ConnectionError, http.client.HTTPException, OSError) as exc:
            raise _Transient(f"connection failed ({type(exc).__name__}: {exc})") from None

    # public ----------------------------------------------------------------------------------------
    def why_not(self, url: str) -> str | None:
        """Why the host rules forbid ``url``, or None."""
        return self.rules.why_not(url)

    def get(
        self,
        url: str,
        *,
        accept: str = "*/*",
        max_bytes: int | None = None,
        too_large: Callable[[], TooLarge] | None = None,
    ) -> tuple[bytes, str]:
        """The body and content type of ``url``; retries transient failures with backoff.

        Raises TooLarge past ``max_bytes`` (default: the configured file cap), Refused for a URL
        or redirect the host rules forbid, HttpError for a 4xx answer or when every try failed.
        """
        why = self.rules.why_not(url)
        if why:
            raise Refused(url, why)
        limit = self.config.max_file_bytes if max_bytes is None else max_bytes
        too_large = too_large or (lambda: TooLarge(url, limit))
        tries = self.config.retries + 1
        last: _Transient | None = None
        for attempt in range(tries):
            try:
                return self._try(url, accept, limit, too_large)
            except _Transient as exc:
                last = exc
                if not exc.retry:
                    tries = attempt + 1
                    break
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
        limit = self.config.max_page_bytes
        data, ctype = self.get(
            url,
            accept="application/json, */*;q=0.1",
            max_bytes=limit,
            too_large=lambda: TooLarge(url, limit, "--max-page-mb", "OParl object or page"),
        )
        try:
            return json.loads(data.decode("utf-8-sig"))
        except (ValueError, RecursionError):  # not UTF-8, not JSON, nested too deeply
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
