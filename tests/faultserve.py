"""Hostile OParl servers on 127.0.0.1 for the fault suite and ``bench/fault_campaign.py``:
redirects to other hosts and schemes, a server that drips its answer, endless list pages.
Every server stops by itself (``SERVER_LIFETIME``) and every loop is bounded."""

from __future__ import annotations

import time
import urllib.parse
from collections.abc import Callable
from typing import Any

from tests.test_fetch_oparl import MOTION, FakeOParl

DRIP_BYTES = 200  # a dripping answer ends after this many bytes at the latest
ENDLESS_PAGES = 100_000


class HostileOParl(FakeOParl):
    """FakeOParl with extra routes (path → handler) that take precedence."""

    def __init__(self, page_size: int = 5) -> None:
        self.routes: dict[str, Callable[[Any], None]] = {}
        super().__init__(page_size)

    def _handle(self, h: Any) -> None:
        path = urllib.parse.urlsplit(h.path).path.rstrip("/")
        route = self.routes.get(path)
        if route is None:
            return super()._handle(h)
        with self._lock:
            self.log.append(h.path)
        try:
            route(h)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client gave up

    # routes ----------------------------------------------------------------------------------
    def redirect(self, path: str, location: str) -> None:
        def send(h: Any) -> None:
            h.send_response(302)
            h.send_header("Location", location)
            h.send_header("Content-Length", "0")
            h.end_headers()

        self.routes[path] = send

    def drip(self, path: str, every: float = 0.2) -> None:
        """An answer that sends one byte every ``every`` seconds."""

        def send(h: Any) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "text/plain")
            h.send_header("Content-Length", str(DRIP_BYTES))
            h.end_headers()
            for _ in range(DRIP_BYTES):
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(every)

        self.routes[path] = send

    def endless_papers(self, next_base: str | None = None) -> None:
        """A paper list whose every page links to a new next page (to ``next_base`` if given)."""
        path = "/oparl/v1/bodies/1/papers"

        def send(h: Any) -> None:
            q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(h.path).query))
            page = int(q.get("page", "1"))
            paper = {
                "id": f"{self.body_url}/papers/e{page}",
                "type": "https://schema.oparl.org/1.1/Paper",
                "name": f"Antrag {page}",
                "mainFile": {"text": MOTION.format(g="SPD", n=page)},
            }
            base = next_base or f"{self.base}{path}"
            links = {"next": f"{base}?page={page + 1}"} if page < ENDLESS_PAGES else {}
            self._json(h, {"data": [paper], "links": links})

        self.routes[path] = send

    def with_file_url(self, n: int, url: str) -> str:
        """A paper whose only file is at ``url`` (no text in the list)."""
        pid = self.add_paper(n, None)
        self.papers[pid]["auxiliaryFile"][0]["accessUrl"] = url
        return pid
