"""The HTTP client and the download cache on their own, against the test's 127.0.0.1 server."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from pipeline.analyze import Analyzer
from pipeline.errors import FetchError
from pipeline.fetch.cache import FileCache, cache_key
from pipeline.fetch.http import HttpClient, HttpError, TooLarge, with_params
from pipeline.store import Store
from tests.test_fetch_oparl import MOTION, OLD, FakeOParl, Fault, cfg, fetch, populate, rows


@pytest.fixture
def srv():
    s = FakeOParl()
    yield s
    s.stop()


def test_user_agent_names_the_tool(srv: FakeOParl):
    HttpClient(cfg()).get_json(srv.system_url)
    assert len(srv.agents) == 1 and next(iter(srv.agents)).startswith("antragsradar/")


def test_connection_refused_is_retried_then_one_clear_error():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    client = HttpClient(cfg(retries=2))
    with pytest.raises(HttpError) as err:
        client.get(f"http://127.0.0.1:{port}/oparl/v1/system")
    assert err.value.transient and client.requests == 3
    assert "cannot connect" in str(err.value) and "after 3 tries" in str(err.value)


def test_only_http_urls():
    with pytest.raises(FetchError, match="not an http\\(s\\) URL"):
        HttpClient(cfg()).get("file:///etc/hostname")


def test_server_errors_are_retried_client_errors_are_not(srv: FakeOParl):
    srv.faults.append(Fault("/oparl/v1/system", 502, times=1))
    client = HttpClient(cfg())
    assert client.get_json(srv.system_url)["type"].endswith("/System")
    assert client.retried == 1
    srv.faults.append(Fault("/oparl/v1/system", 403, times=1))
    with pytest.raises(HttpError, match="HTTP 403") as err:
        client.get_json(srv.system_url)
    assert not err.value.transient and client.retried == 1


def test_size_cap(srv: FakeOParl):
    srv.files["a.pdf"] = b"x" * 5000
    srv.files["b.pdf"] = b"x" * 5000
    srv.no_length.add("b.pdf")
    client = HttpClient(cfg(max_file_bytes=1000))
    for name in ("a.pdf", "b.pdf"):
        with pytest.raises(TooLarge, match="file larger than 0.001 MB"):
            client.get(f"{srv.base}/files/{name}")
    assert client.retried == 0
    assert client.get(f"{srv.base}/files/a.pdf", max_bytes=5000)[0] == b"x" * 5000


def test_with_params_replaces_and_keeps():
    assert (
        with_params("http://h/p?page=2&a=1", modified_since="2024-01-01T00:00:00+00:00")
        == "http://h/p?page=2&a=1&modified_since=2024-01-01T00%3A00%3A00%2B00%3A00"
    )
    assert with_params("http://h/p?modified_since=x&a=1", modified_since=None) == "http://h/p?a=1"


def test_cache_is_keyed_and_bounded(tmp_path: Path):
    with Store(tmp_path / "s.db") as store:
        _check_cache(FileCache(store, tmp_path / "c", max_bytes=250), tmp_path)


def _check_cache(cache: FileCache, tmp_path: Path) -> None:
    k = cache_key("ABC", None)
    assert k == "sha1:abc" and cache_key(None, OLD) == f"modified:{OLD}"
    assert cache_key(None, None) is None
    for i in range(3):
        cache.put(f"http://h/{i}", k, bytes([i]) * 100)
    assert cache.size() <= 250 and len(list((tmp_path / "c").iterdir())) == 2
    assert cache.get("http://h/0", k) is None  # least recently used went first
    assert cache.get("http://h/2", k) == b"\x02" * 100
    assert cache.get("http://h/2", "sha1:other") is None  # the File changed
    cache.put("http://h/none", None, b"z")  # nothing to key on: not cached
    assert cache.get("http://h/none", None) is None


def test_attachments_are_not_downloaded_when_the_motion_has_text(srv: FakeOParl, tmp_path: Path):
    pid = srv.add_paper(1, MOTION.format(g="SPD", n=1))
    srv.papers[pid]["auxiliaryFile"].append(
        {
            "id": f"{srv.body_url}/files/1b",
            "type": "https://schema.oparl.org/1.1/File",
            "name": "Stellungnahme der Verwaltung",
            "accessUrl": f"{srv.base}/files/stellungnahme.pdf",
        }
    )
    s = fetch(srv.system_url, tmp_path / "s.db", Analyzer(None))
    assert s.counts["new"] == 1 and s.counts["downloads"] == 0
    assert not srv.requests_to("/files/")


def test_deleted_papers_and_other_objects_are_skipped(srv: FakeOParl, tmp_path: Path):
    populate(srv, 3)
    gone = srv.add_paper(40, "weg")
    srv.papers[gone]["deleted"] = True
    srv.papers["zz"] = {"id": "zz", "type": "https://schema.oparl.org/1.1/Meeting"}
    s = fetch(srv.system_url, tmp_path / "s.db", Analyzer(None))
    assert s.counts["new"] == 3
    assert s.counts["deleted_upstream"] == 1 and s.counts["skipped_not_paper"] == 1
    assert rows(tmp_path / "s.db", "SELECT COUNT(*) FROM motions") == [(3,)]


def test_bad_since():
    with pytest.raises(FetchError, match="--since soon: not a date"):
        fetch("http://127.0.0.1:9/x", Path("/nonexistent/s.db"), None, since="soon")


def test_unreachable_endpoint_is_one_line_exit_1(tmp_path: Path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/oparl/v1/system"
    r = CliRunner().invoke(
        app, ["fetch", url, "--db", str(tmp_path / "s.db"), "--retries", "0", "--no-themes"]
    )
    assert r.exit_code == 1
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith(f"error: {url}: no answer (cannot connect (")
    assert line.endswith("after 1 try); check the URL and the network, or try again later")
