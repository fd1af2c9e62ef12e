"""``fetch`` and ``watch`` against a real OParl server on 127.0.0.1, built by the test.

The server serves a System, a Body, organizations (with factions), paginated paper lists that
honour ``modified_since``, Files with and without ``text`` (small PDFs written by the test),
and injects faults on request: 500s, slow answers, oversized files.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
import threading
import time
import urllib.parse
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline.analyze import Analyzer
from pipeline.cli import app
from pipeline.errors import FetchError
from pipeline.fetch import FetchOptions, HttpConfig, fetch_into_store
from pipeline.fetch.state import parse_time
from tests.pdfgen import write_pdf

OPARL = "https://schema.oparl.org/1.1/"
OLD = "2024-03-01T10:00:00+01:00"
SERVER_LIFETIME = 120.0  # seconds; the server stops by itself after this at the latest


class Fault:
    def __init__(self, match: str, status: int = 500, times: int | None = 1, delay: float = 0.0):
        self.match, self.status, self.times, self.delay = match, status, times, delay

    def take(self, path: str) -> bool:
        if self.match not in path or self.times == 0:
            return False
        if self.times is not None:
            self.times -= 1
        return True


class FakeOParl:
    """A threaded OParl server on 127.0.0.1 with papers, organizations, files and faults."""

    def __init__(self, page_size: int = 5) -> None:
        self.page_size = page_size
        self.papers: dict[str, dict[str, Any]] = {}
        self.orgs: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.no_length: set[str] = set()
        self.faults: list[Fault] = []
        self.log: list[str] = []
        self.agents: set[str] = set()
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                outer._handle(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.system_url = f"{self.base}/oparl/v1/system"
        self.body_url = f"{self.base}/oparl/v1/bodies/1"
        self._thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()
        self._timer = threading.Timer(SERVER_LIFETIME, self.stop)
        self._timer.daemon = True
        self._timer.start()

    def stop(self) -> None:
        self._timer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()

    # content ------------------------------------------------------------------------------------
    def add_org(self, oid: str, name: str, org_type: str | None = None) -> str:
        url = f"{self.body_url}/organizations/{oid}"
        org = {"id": url, "type": OPARL + "Organization", "name": name, "shortName": name}
        if org_type:
            org["organizationType"] = org_type
        self.orgs.append(org)
        return url

    def add_paper(
        self,
        n: int,
        text: str | None,
        *,
        pdf_lines: list[str] | None = None,
        file_bytes: bytes | None = None,
        groups: list[str] | None = None,
        consulted: list[tuple[str, bool]] | None = None,
        modified: str = OLD,
        paper_type: str = "Antrag",
    ) -> str:
        pid = f"{self.body_url}/papers/{n}"
        f: dict[str, Any] = {
            "id": f"{self.body_url}/files/{n}",
            "type": OPARL + "File",
            "name": f"Antrag {n}",
            "fileName": f"antrag-{n}.pdf",
            "mimeType": "application/pdf",
            "modified": modified,
            "accessUrl": f"{self.base}/files/antrag-{n}.pdf",
        }
        if text is not None:
            f["text"] = text
        if pdf_lines is not None:
            self.files[f"antrag-{n}.pdf"] = _pdf_bytes(pdf_lines)
        if file_bytes is not None:
            self.files[f"antrag-{n}.pdf"] = file_bytes
        paper = {
            "id": pid,
            "type": OPARL + "Paper",
            "body": self.body_url,
            "name": f"Antrag Nummer {n}",
            "reference": f"2024/{n:04d}",
            "date": "2024-02-20",
            "paperType": paper_type,
            "modified": modified,
            "auxiliaryFile": [f],
        }
        if groups:
            paper["originatorOrganization"] = groups
        if consulted:
            paper["consultation"] = [
                {
                    "id": f"{pid}/consultation/{i}",
                    "type": OPARL + "Consultation",
                    "organization": [org],
                    "authoritative": auth,
                    "role": "Entscheidung" if auth else "Vorberatung",
                }
                for i, (org, auth) in enumerate(consulted)
            ]
        with self._lock:
            self.papers[pid] = paper
        return pid

    def touch(self, pid: str, text: str) -> None:
        """Change a paper's text and mark it modified now."""
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        with self._lock:
            p = self.papers[pid]
            p["modified"] = now
            p["auxiliaryFile"][0]["text"] = text
            p["auxiliaryFile"][0]["modified"] = now

    # serving ------------------------------------------------------------------------------------
    def requests_to(self, part: str) -> list[str]:
        return [p for p in self.log if part in p]

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        with self._lock:
            self.log.append(path)
            self.agents.add(h.headers.get("User-Agent", ""))
            fault = next((f for f in self.faults if f.take(path)), None)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status == -1:  # the connection drops halfway through the answer
                h.send_response(200)
                h.send_header("Content-Type", "application/json")
                h.send_header("Content-Length", "5000")
                h.end_headers()
                h.wfile.write(b'{"data": [')
                h.close_connection = True
                return None
            if fault.status:
                return self._send(h, fault.status, b'{"error": "injected"}', "application/json")
        url = urllib.parse.urlsplit(path)
        q = dict(urllib.parse.parse_qsl(url.query))
        p = url.path.rstrip("/")
        if p == "/oparl/v1/system":
            return self._json(
                h,
                {
                    "id": self.system_url,
                    "type": OPARL + "System",
                    "oparlVersion": "https://schema.oparl.org/1.1/",
                    "name": "Testhausen Ratsinformation",
                    "body": f"{self.base}/oparl/v1/bodies",
                },
            )
        if p == "/oparl/v1/bodies":
            return self._json(h, {"data": [self._body()], "links": {}, "pagination": {}})
        if p == "/oparl/v1/bodies/1":
            return self._json(h, self._body())
        if p == "/oparl/v1/bodies/1/organizations":
            return self._list(h, p, q, self.orgs)
        if p == "/oparl/v1/bodies/1/papers":
            with self._lock:
                papers = [self.papers[k] for k in sorted(self.papers, key=_num)]
            since = parse_time(q.get("modified_since"))
            if since:
                papers = [x for x in papers if parse_time(x["modified"]) >= since]
            return self._list(h, p, q, json.loads(json.dumps(papers)))
        if p.startswith("/files/") and p[7:] in self.files:
            name = p[7:]
            return self._send(
                h, 200, self.files[name], "application/pdf", name not in self.no_length
            )
        if p in ("", "/"):
            return self._send(h, 200, b"<html><body>Ratsinfo</body></html>", "text/html")
        if p == "/not-oparl.json":
            return self._json(h, {"hello": "world"})
        return self._send(h, 404, b"not found", "text/plain")

    def _body(self) -> dict[str, Any]:
        return {
            "id": self.body_url,
            "type": OPARL + "Body",
            "name": "Stadt Testhausen",
            "shortName": "Testhausen",
            "system": self.system_url,
            "paper": f"{self.body_url}/papers",
            "organization": f"{self.body_url}/organizations",
        }

    def _list(self, h: Any, path: str, q: dict[str, str], objs: list[dict[str, Any]]) -> None:
        page = int(q.get("page", "1"))
        n = self.page_size
        chunk = objs[(page - 1) * n : page * n]
        links: dict[str, str] = {}
        if page * n < len(objs):
            links["next"] = f"{self.base}{path}?" + urllib.parse.urlencode({**q, "page": page + 1})
        total_pages = max(1, -(-len(objs) // n))
        body = {
            "data": chunk,
            "pagination": {
                "totalElements": len(objs),
                "elementsPerPage": n,
                "currentPage": page,
                "totalPages": total_pages,
            },
            "links": links,
        }
        self._json(h, body)

    def _json(self, h: Any, obj: Any) -> None:
        self._send(h, 200, json.dumps(obj).encode(), "application/json")

    @staticmethod
    def _send(h: Any, status: int, body: bytes, ctype: str, length: bool = True) -> None:
        try:
            h.send_response(status)
            h.send_header("Content-Type", ctype)
            if length:
                h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass


def _num(pid: str) -> tuple[int, str]:
    tail = pid.rsplit("/", 1)[-1]
    return (int(tail), "") if tail.isdigit() else (10**9, tail)


def _pdf_bytes(lines: list[str]) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        return write_pdf(Path(d) / "x.pdf", [lines]).read_bytes()


MOTION = (
    "Antrag der Fraktion {g}\n\nDer Gemeinderat möge beschließen:\n"
    "Die Verwaltung wird beauftragt, an der Schule Nummer {n} einen sicheren Radweg zu bauen. "
    "Dafür werden {n}0.000 Euro im Haushalt 2025 bereitgestellt.\n\nBegründung: Viele Kinder "
    "fahren mit dem Rad zur Schule."
)


def populate(srv: FakeOParl, n: int = 12) -> dict[str, str]:
    """``n`` generated papers: most with File.text, two PDF-only, factions and consultations."""
    gruene = srv.add_org("10", "GRÜNE", "Fraktion")
    spd = srv.add_org("11", "SPD", "Fraktion")
    rat = srv.add_org("20", "Gemeinderat", "Gremium")
    ausschuss = srv.add_org("21", "Planungsausschuss", "Gremium")
    ids = {}
    for i in range(1, n + 1):
        g = [gruene] if i % 2 else [spd]
        if i in (3, 7):
            ids[f"pdf{i}"] = srv.add_paper(
                i, None, pdf_lines=MOTION.format(g="SPD", n=i).split("\n"), groups=g
            )
        else:
            ids[str(i)] = srv.add_paper(
                i,
                MOTION.format(g="GRÜNE" if i % 2 else "SPD", n=i),
                groups=g,
                consulted=[(ausschuss, False), (rat, True)],
            )
    return ids


def cfg(**kw: Any) -> HttpConfig:
    base = {"timeout": 0.5, "retries": 2, "backoff": 0.01, "max_backoff": 0.05, "rate": 0.0}
    base.update(kw)
    return HttpConfig(**base)


@pytest.fixture
def srv():
    s = FakeOParl()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(None)


def rows(db: Path, sql: str, *args: Any) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def fetch(srv_url: str, db: Path, analyzer: Analyzer | None, **kw: Any):
    """fetch_into_store with the test server's HTTP settings; ``kw``: FetchOptions fields and
    the call's own keywords (on_result, progress, log, backend)."""
    call = {k: kw.pop(k) for k in ("on_result", "progress", "log", "backend") if k in kw}
    kw.setdefault("http_config", cfg())
    return fetch_into_store(srv_url, db, FetchOptions(**kw), analyzer=analyzer, **call)


# --------------------------------------------------------------------------------------------
def test_fetch_on_worker_processes_stores_the_same(
    srv: FakeOParl, tmp_path: Path, analyzer, monkeypatch
):
    """fetch runs the shared ingest loop, so --workers works as for analyze: the same store."""
    from pipeline import parallel

    pools: list[int] = []
    real_init = parallel.ProcessPool.__init__

    def init(self, model_dir, workers, **kw):  # noqa: ANN001, ANN003
        pools.append(workers)
        real_init(self, model_dir, workers, **kw)

    monkeypatch.setattr(parallel.ProcessPool, "__init__", init)
    populate(srv)
    one = fetch(srv.system_url, tmp_path / "one.db", analyzer)
    assert pools == []
    two = fetch(srv.system_url, tmp_path / "two.db", None, model_dir=None, workers=2)
    assert pools == [2]
    assert two.counts["new"] == one.counts["new"] == 12
    for sql in (
        "SELECT id, status, fingerprint, text, meta FROM motions ORDER BY id",
        "SELECT motion_id, result FROM results ORDER BY motion_id",
        "SELECT * FROM failures ORDER BY 1, 2, 3",
    ):
        assert rows(tmp_path / "two.db", sql) == rows(tmp_path / "one.db", sql), sql
    again = fetch(srv.system_url, tmp_path / "two.db", None, model_dir=None, workers=2)
    assert again.counts["new"] == 0 and again.counts["changed"] == 0


def test_full_crawl_stores_every_paper(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    ids = populate(srv)
    db = tmp_path / "s.db"
    s = fetch(srv.system_url, db, analyzer)
    assert s.counts["pages"] == 3 and s.counts["papers"] == 12
    assert s.counts["new"] == 12 and s.counts["failed"] == 0
    assert s.counts["downloads"] == 2  # only the two papers without File.text
    stored = dict(rows(db, "SELECT id, status FROM motions"))
    assert set(stored) == set(ids.values()) and set(stored.values()) == {"analysed"}
    # PDF text extracted from the download
    (text,) = rows(db, "SELECT text FROM motions WHERE id=?", ids["pdf3"])[0]
    assert "Radweg" in text and "Nummer 3" in text
    # factions from Organizations of type Fraktion; the body from the deciding consultation
    body, meta = rows(db, "SELECT body, meta FROM motions WHERE id=?", ids["1"])[0]
    assert body == "Gemeinderat"
    assert json.loads(meta)["consultation_bodies"] == ["Planungsausschuss", "Gemeinderat"]
    (res,) = rows(db, "SELECT result FROM results WHERE motion_id=?", ids["1"])[0]
    assert "GRÜNE" in json.loads(res)["groups"]
    # no consultation: the Body's name
    assert rows(db, "SELECT body FROM motions WHERE id=?", ids["pdf3"])[0][0] == "Stadt Testhausen"
    # endpoint state: walk finished, no cursor left
    (cursor, last) = rows(db, "SELECT cursor, last_success FROM oparl_endpoints")[0]
    assert cursor is None and last
    (run,) = rows(db, "SELECT status FROM runs")
    assert run == ("completed",)


def test_body_url_and_body_selection(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    populate(srv, 3)
    s = fetch(srv.body_url, tmp_path / "a.db", analyzer)
    assert s.counts["new"] == 3
    s = fetch(srv.system_url, tmp_path / "b.db", analyzer, body="1")
    assert s.counts["new"] == 3
    with pytest.raises(FetchError, match="no Body matches --body nowhere; this System has: 1"):
        fetch(srv.system_url, tmp_path / "c.db", analyzer, body="nowhere")


def test_incremental_fetches_only_modified(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    ids = populate(srv)
    db = tmp_path / "s.db"
    fetch(srv.system_url, db, analyzer)
    srv.log.clear()
    srv.touch(ids["2"], MOTION.format(g="SPD", n=2) + "\nNeu: auch für Lastenräder.")
    srv.touch(ids["5"], MOTION.format(g="GRÜNE", n=5) + "\nNeu: mit Beleuchtung.")
    s = fetch(srv.system_url, db, analyzer)
    assert s.counts["papers"] == 2 and s.counts["changed"] == 2 and s.counts["new"] == 0
    assert s.counts["downloads"] == 0
    lists = srv.requests_to("/papers")
    assert lists and all("modified_since=" in u for u in lists)
    (text,) = rows(db, "SELECT text FROM motions WHERE id=?", ids["2"])[0]
    assert "Lastenräder" in text
    assert rows(db, "SELECT COUNT(*) FROM motions")[0][0] == 12
    # nothing changed since: nothing analysed (the two papers of the last hour come again as
    # the overlap for clock differences, and are skipped as unchanged)
    s = fetch(srv.system_url, db, analyzer)
    assert s.counts["papers"] == 2 and s.counts["unchanged"] == 2
    assert s.counts["new"] + s.counts["changed"] == 0
    # --full walks everything again; unchanged texts are not analysed again, PDFs come from cache
    s = fetch(srv.system_url, db, analyzer, full=True)
    assert s.counts["papers"] == 12 and s.counts["unchanged"] == 12
    assert s.counts["downloads"] == 0 and s.counts["cache_hits"] == 2


def test_first_run_since(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    populate(srv, 4)
    srv.add_paper(50, MOTION.format(g="SPD", n=50), modified="2025-06-01T08:00:00+02:00")
    s = fetch(srv.system_url, tmp_path / "s.db", analyzer, since="2025-01-01")
    assert s.counts["papers"] == 1 and s.counts["new"] == 1


def test_500_midway_then_success_on_retry(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    populate(srv)
    srv.faults.append(Fault("/papers?page=2", 500, times=2))
    db = tmp_path / "s.db"
    s = fetch(srv.system_url, db, analyzer)
    assert s.counts["retries"] == 2 and s.counts["new"] == 12
    assert len(srv.requests_to("/papers?page=2")) == 3


def test_persistent_500_stops_and_next_run_resumes(
    srv: FakeOParl, tmp_path: Path, analyzer: Analyzer
):
    ids = populate(srv)
    fault = Fault("/papers?page=2", 503, times=None)
    srv.faults.append(fault)
    db = tmp_path / "s.db"
    with pytest.raises(FetchError) as err:
        fetch(srv.system_url, db, analyzer)
    msg = str(err.value)
    assert "HTTP 503" in msg and "after 3 tries" in msg and "resumes" in msg and "\n" not in msg
    # the first page is stored, the cursor points at the second
    assert rows(db, "SELECT COUNT(*) FROM motions")[0][0] == 5
    (cursor,) = rows(db, "SELECT cursor FROM oparl_endpoints")[0]
    assert "page=2" in cursor
    assert rows(db, "SELECT status FROM runs") == [("failed",)]
    # the server recovers; the next run starts at page 2 and ends with every paper once
    fault.times = 0
    srv.log.clear()
    s = fetch(srv.system_url, db, analyzer)
    assert "/oparl/v1/bodies/1/papers" not in srv.log  # the first page is not read again
    assert srv.requests_to("/papers?page=2")
    assert s.counts["new"] == 7 and s.bodies[0]["resumed"]
    stored = [r[0] for r in rows(db, "SELECT id FROM motions")]
    assert sorted(stored) == sorted(ids.values())
    (cursor,) = rows(db, "SELECT cursor FROM oparl_endpoints")[0]
    assert cursor is None


def test_resumed_walk_with_an_unreadable_start_time_finishes(
    srv: FakeOParl, tmp_path: Path, analyzer: Analyzer
):
    """A walk start time the state table cannot give back as a time (a store edited by hand or
    by another version) ends the resumed walk without a next_since, not with a TypeError."""
    populate(srv)
    fault = Fault("/papers?page=2", 503, times=None)
    srv.faults.append(fault)
    db = tmp_path / "s.db"
    with pytest.raises(FetchError):
        fetch(srv.system_url, db, analyzer)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE oparl_endpoints SET walk_start='gestern'")
    fault.times = 0
    s = fetch(srv.system_url, db, analyzer)
    assert s.bodies[0]["resumed"] and s.bodies[0]["complete"]
    assert s.bodies[0]["next_since"] is None
    assert rows(db, "SELECT COUNT(*) FROM motions")[0][0] == 12


def test_dropped_connection_is_retried(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    populate(srv)
    srv.faults.append(Fault("/papers?page=3", status=-1, times=1))
    s = fetch(srv.system_url, tmp_path / "s.db", analyzer)
    assert s.counts["retries"] == 1 and s.counts["new"] == 12


def test_run_killed_halfway_loses_nothing(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    ids = populate(srv)
    db = tmp_path / "s.db"
    seen: list[str] = []

    def stop_in_page_two(record: dict[str, Any], status: str) -> None:
        seen.append(record["id"])
        if len(seen) == 7:  # page 2 is committed, its cursor not yet moved
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch(srv.system_url, db, analyzer, on_result=stop_in_page_two)
    assert rows(db, "SELECT status FROM runs") == [("interrupted",)]
    assert rows(db, "SELECT COUNT(*) FROM motions") == [(10,)]
    s = fetch(srv.system_url, db, analyzer)
    assert s.bodies[0]["resumed"] and s.counts["unchanged"] == 5 and s.counts["new"] == 2
    assert sorted(r[0] for r in rows(db, "SELECT id FROM motions")) == sorted(ids.values())


def test_slow_endpoint_times_out_and_retries(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    populate(srv, 6)
    srv.faults.append(Fault("/papers?page=2", status=0, times=1, delay=1.0))
    t0 = time.monotonic()
    s = fetch(srv.system_url, tmp_path / "s.db", analyzer, http_config=cfg(timeout=0.3))
    assert s.counts["retries"] == 1 and s.counts["new"] == 6
    assert time.monotonic() - t0 < 10


def test_oversized_file_is_a_failure_and_the_run_goes_on(
    srv: FakeOParl, tmp_path: Path, analyzer: Analyzer
):
    ids = populate(srv, 4)
    big = srv.add_paper(30, None, file_bytes=b"%PDF-1.4\n" + b"0" * 300_000)
    streamed = srv.add_paper(31, None, file_bytes=b"%PDF-1.4\n" + b"1" * 300_000)
    srv.no_length.add("antrag-31.pdf")  # no Content-Length: the cap stops the stream
    db = tmp_path / "s.db"
    s = fetch(srv.system_url, db, analyzer, http_config=cfg(max_file_bytes=100_000))
    assert s.counts["new"] == 4 and s.counts["failed"] == 2
    assert s.failure_reasons == {"file larger than 0.1 MB": 2}
    fails = dict(rows(db, "SELECT motion_id, reason FROM failures"))
    assert set(fails) == {big, streamed}
    assert fails[big].startswith("file larger than 0.1 MB")
    assert rows(db, "SELECT status FROM motions WHERE id=?", big) == [("failed",)]
    assert {r[0] for r in rows(db, "SELECT id FROM motions WHERE status='analysed'")} == set(
        ids.values()
    )


def test_file_that_keeps_failing_is_tried_again_next_run(
    srv: FakeOParl, tmp_path: Path, analyzer: Analyzer
):
    ids = populate(srv, 8)
    fault = Fault("/files/antrag-7.pdf", 500, times=None)
    srv.faults.append(fault)
    db = tmp_path / "s.db"
    s = fetch(srv.system_url, db, analyzer)
    assert s.counts["new"] == 7 and s.counts["pending"] == 1
    assert "tried again on the next run" in rows(db, "SELECT reason FROM failures")[0][0]
    fault.times = 0
    s = fetch(
        srv.system_url, db, analyzer
    )  # the list has nothing new; the pending paper comes back
    assert s.counts["new"] == 1 and s.counts["pending"] == 0
    assert rows(db, "SELECT status FROM motions WHERE id=?", ids["pdf7"]) == [("analysed",)]
    assert rows(db, "SELECT COUNT(*) FROM oparl_pending") == [(0,)]
    assert rows(db, "SELECT COUNT(*) FROM failures") == [(0,)]


def test_not_found_is_not_retried(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(f"{srv.base}/oparl/v1/nothing", tmp_path / "s.db", analyzer)
    assert len(srv.requests_to("/nothing")) == 1


def test_rate_limit_spaces_requests(srv: FakeOParl, tmp_path: Path, analyzer: Analyzer):
    populate(srv, 3)  # system, bodies, organizations, papers: 4 requests
    t0 = time.monotonic()
    fetch(srv.system_url, tmp_path / "s.db", analyzer, http_config=cfg(rate=20))
    assert time.monotonic() - t0 >= 3 / 20


# CLI ---------------------------------------------------------------------------------------
runner = CliRunner()


@pytest.mark.parametrize(
    ("path", "why"),
    [("/", "answer is not JSON: text/html"), ("/not-oparl.json", "no OParl type")],
)
def test_non_oparl_url_is_one_clear_error(srv: FakeOParl, tmp_path: Path, path: str, why: str):
    r = runner.invoke(
        app, ["fetch", srv.base + path, "--db", str(tmp_path / "s.db"), "--no-themes"]
    )
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ") and "is not an OParl System or Body" in lines[0]
    assert why in lines[0] and "give the System URL" in lines[0]


def test_cli_fetch_json_summary(srv: FakeOParl, tmp_path: Path):
    populate(srv, 3)
    db = tmp_path / "s.db"
    args = ["fetch", srv.system_url, "--db", str(db), "--no-themes", "--rate", "0", "--json"]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    summary = json.loads(r.stdout)
    assert summary["counts"]["new"] == 3 and summary["bodies"][0]["complete"]
    assert "run 1 →" in r.stderr


def test_watch_prints_each_new_motion_once(srv: FakeOParl, tmp_path: Path, monkeypatch):
    ids = populate(srv, 4)
    sleeps: list[float] = []

    def fake_sleep(seconds: float) -> None:  # between runs: a new paper appears
        sleeps.append(seconds)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        srv.add_paper(99, MOTION.format(g="SPD", n=99), modified=now)

    monkeypatch.setattr("pipeline.cli.fetch._sleep", fake_sleep)
    db = tmp_path / "s.db"
    args = ["watch", srv.system_url, "--every", "1h", "--max-runs", "2", "--db", str(db)]
    r = runner.invoke(app, [*args, "--no-themes", "--rate", "0"])
    assert r.exit_code == 0, r.output
    printed = [json.loads(line)["id"] for line in r.stdout.splitlines()]
    assert sorted(printed) == sorted([*ids.values(), f"{srv.body_url}/papers/99"])
    assert sleeps == [3600.0]
    assert "next run in 1h" in r.stderr


def test_watch_rejects_bad_interval(srv: FakeOParl, tmp_path: Path):
    r = runner.invoke(app, ["watch", srv.system_url, "--every", "soon", "--no-themes"])
    assert r.exit_code == 1 and "--every soon: not an interval" in r.stderr


def test_parse_every():
    from pipeline.cli.fetch import parse_every

    assert parse_every("30m") == 1800
    assert parse_every("1h") == 3600
    assert parse_every("1d") == 86400
    assert parse_every("1h30m") == 5400
    assert parse_every("90") == 90


# Karlsruhe papers ----------------------------------------------------------------------------
KA = "https://web1.karlsruhe.de/oparl/bodies/0001"


def test_full_and_incremental_crawl_of_karlsruhe_papers(
    srv: FakeOParl, karlsruhe_papers: Path, tmp_path: Path, analyzer: Analyzer
):
    """Real OParl Papers (Karlsruhe) served from 127.0.0.1, every URL rewritten to it."""
    orgs_file = karlsruhe_papers.parent / "organizations.json"
    picked: list[dict[str, Any]] = []
    with gzip.open(karlsruhe_papers, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):  # a spread over the years
            if len(picked) >= 30:
                break
            if i % 97:
                continue
            paper = json.loads(line.replace(KA, srv.body_url))
            if "https://" in json.dumps(paper).replace(OPARL, ""):  # anything left outside
                continue
            files = paper.get("auxiliaryFile") or []
            if files and all((f.get("text") or "").strip() for f in files):
                paper["modified"] = OLD
                picked.append(paper)
    for p in picked:
        srv.papers[p["id"]] = p
    srv.orgs.extend(json.loads(orgs_file.read_text(encoding="utf-8").replace(KA, srv.body_url)))
    srv.page_size = 7
    db = tmp_path / "ka.db"
    s = fetch(srv.system_url, db, analyzer)
    assert s.counts["papers"] == len(picked) == 30
    assert s.counts["new"] + s.counts["failed"] == 30 and s.counts["downloads"] == 0
    assert rows(db, "SELECT COUNT(*) FROM motions")[0][0] == 30
    with_consult = next(p for p in picked if p.get("consultation"))
    body, meta = rows(db, "SELECT body, meta FROM motions WHERE id=?", with_consult["id"])[0]
    assert body and not body.startswith("http")
    assert body in json.loads(meta)["consultation_bodies"]
    assert json.loads(meta)["file_selection"]
    # two papers change upstream: only those are fetched again
    for p in picked[3:5]:
        with srv._lock:
            p["modified"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
            p["auxiliaryFile"][0]["text"] += "\nErgänzung: Der Antrag wird geändert."
    s = fetch(srv.system_url, db, analyzer)
    assert s.counts["papers"] == 2
    assert s.counts["changed"] + s.counts["unchanged"] + s.counts["failed"] == 2


def test_progress_counts_papers_against_the_lists_total(
    srv: FakeOParl, tmp_path: Path, analyzer: Analyzer
):
    populate(srv, 12)
    seen: list[tuple[int, int | None]] = []
    fetch(srv.system_url, tmp_path / "p.db", analyzer, progress=lambda *a: seen.append(a))
    assert seen[-1] == (12, 12)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and len(seen) > 1
