"""Fault suite, fast part: bad input, broken stores and hostile servers end in a recorded
failure or one error line, never in a traceback, a hang, a silent loss or a silently wrong
output. Inputs are generated (``tests.faultgen``); servers run on 127.0.0.1 only and stop by
themselves (``tests.faultserve``). The slow part is ``test_faults_slow.py``."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import pipeline.analyze as analyze_module
import pipeline.tagging as tagging_module
from pipeline.analyze import Analyzer
from pipeline.batch import analyze_into_store
from pipeline.cli import app
from pipeline.fetch.http import HostRules, HttpClient, HttpConfig, HttpError
from pipeline.ingest import read_inputs
from pipeline.ingest.validate import parse_date
from pipeline.paths import DEFAULT_EXTRACTION_DIR
from pipeline.record import Failure
from pipeline.store import Store
from tests.faultgen import DATES, bomb_pdf, cases, motion_text
from tests.faultrun import check_case
from tests.faultserve import HostileOParl
from tests.test_fetch_oparl import MOTION, _pdf_bytes, cfg, fetch, populate, rows

runner = CliRunner()
_ANALYZERS: dict[tuple[str, int], Analyzer] = {}
_REAL_ANALYZER = Analyzer


def _cached_analyzer(
    model_dir: Any = None, batch_size: int = 32, extraction_dir: Any = DEFAULT_EXTRACTION_DIR
) -> Analyzer:
    key = (str(model_dir), batch_size, str(extraction_dir))
    if key not in _ANALYZERS:
        _ANALYZERS[key] = _REAL_ANALYZER(model_dir, batch_size, extraction_dir=extraction_dir)
    return _ANALYZERS[key]


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """``invoke(args)`` of the CLI in this process, loading each model only once."""
    monkeypatch.setattr(analyze_module, "Analyzer", _cached_analyzer)
    monkeypatch.setattr(tagging_module, "Analyzer", _cached_analyzer)
    return lambda args, **kw: runner.invoke(app, args, **kw)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return _cached_analyzer(None)


def one_error_line(r: Any) -> str:
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.exit_code == 1 and len(lines) == 1 and lines[0].startswith("error: "), r.stderr
    assert r.exception is None or isinstance(r.exception, SystemExit)
    return lines[0]


def digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


# --- generated inputs -------------------------------------------------------------------------
@pytest.mark.parametrize("case", cases(seed=0, slow=False), ids=lambda c: c.name)
def test_generated_bad_input(case, tmp_path: Path, cli) -> None:
    assert check_case(case, tmp_path, cli) == []


@pytest.mark.parametrize(("raw", "iso"), DATES)
def test_dates_parse_to_iso_or_a_reason(raw: str, iso: str | None) -> None:
    got, why = parse_date(raw)
    assert got == iso
    assert (why is None) == (iso is not None or raw == "")


def test_stdin_gets_a_content_id(tmp_path: Path, cli) -> None:
    a, b = motion_text(__import__("random").Random(1)), motion_text(__import__("random").Random(2))
    ids = [json.loads(cli(["tag", "-", "--no-themes"], input=t).stdout)["id"] for t in (a, b, a)]
    assert ids[0].startswith("stdin-") and ids[0] != ids[1] and ids[0] == ids[2]
    db = tmp_path / "s.db"
    for t in (a, b):
        assert cli(["analyze", "-", "--db", str(db), "-q", "--no-themes"], input=t).exit_code == 0
    assert rows(db, "SELECT COUNT(*) FROM motions")[0][0] == 2
    for t in (a, b):  # records without id from standard input
        record = json.dumps({"text": t}) + "\n"
        args = ["analyze", "-", "--db", str(db), "-q", "--no-themes", "--input-format", "jsonl"]
        assert cli(args, input=record).exit_code == 0
    assert rows(db, "SELECT COUNT(*) FROM motions")[0][0] == 4


# --- analysis isolation -----------------------------------------------------------------------
def _folder(tmp_path: Path, n: int, bad: str = "") -> Path:
    rng = __import__("random").Random(3)
    d = tmp_path / "in"
    d.mkdir()
    for i in range(n):
        (d / f"m{i}.txt").write_text(motion_text(rng) + (bad if i == 2 else ""), encoding="utf-8")
    return d


def test_an_analysis_error_is_that_motions_failure_and_a_rerun_retries_it(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db = _folder(tmp_path, 6, bad="\nKAPUTT"), tmp_path / "s.db"
    record = Analyzer._record

    def broken(self: Analyzer, m: Any, doc: Any) -> Any:
        if "KAPUTT" in m.text:
            raise RuntimeError("component broke")
        return record(self, m, doc)

    monkeypatch.setattr(Analyzer, "_record", broken)
    s = analyze_into_store([str(folder)], db, analyzer=analyzer)
    assert (s.counts["new"], s.counts["failed"]) == (5, 1)
    assert "RuntimeError: component broke" in rows(db, "SELECT reason FROM failures")[0][0]
    monkeypatch.setattr(Analyzer, "_record", record)
    s = analyze_into_store([str(folder)], db, analyzer=analyzer)
    assert (s.counts["new"], s.counts["unchanged"], s.counts["failed"]) == (1, 5, 0)


def test_a_text_over_the_tokenizer_limit_fails_alone(tmp_path: Path, analyzer: Analyzer) -> None:
    items = [m for m in read_inputs([str(_folder(tmp_path, 4))]) if not isinstance(m, Failure)]
    items[1].text = items[1].text * 50
    saved = analyzer.nlp.max_length
    analyzer.nlp.max_length = len(items[1].text) - 1  # spaCy's E088, as with its default limit
    try:
        out = [r for _, r in analyzer.results(items)]
    finally:
        analyzer.nlp.max_length = saved
    assert [isinstance(r, Failure) for r in out] == [False, True, False, False]
    assert "analysis failed: ValueError" in out[1].reason


def test_a_text_over_the_cap_is_a_failure_with_the_cap(
    tmp_path: Path, analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(analyze_module, "MAX_TEXT_CHARS", 400)
    items = [m for m in read_inputs([str(_folder(tmp_path, 2))]) if not isinstance(m, Failure)]
    items[0].text = "Der Rat möge beschließen. " * 20
    out = [r for _, r in analyzer.results(items)]
    assert isinstance(out[0], Failure) and "more than the 400 analysed" in out[0].reason
    assert isinstance(out[1], dict)


def test_a_theme_model_error_fails_only_its_motion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = _cached_analyzer(analyze_module.DEFAULT_MODEL_DIR)
    predict = type(a.themes).predict

    def broken(self: Any, texts: list[str], extras: Any = None) -> Any:
        if any("KAPUTT" in t for t in texts):
            raise ValueError("model broke")
        return predict(self, texts, extras)

    monkeypatch.setattr(type(a.themes), "predict", broken)
    items = [m for m in read_inputs([str(_folder(tmp_path, 4, bad=" KAPUTT"))])]
    items[2].title = "KAPUTT"
    out = [r for _, r in a.results(items)]
    assert [isinstance(r, Failure) for r in out] == [False, False, True, False]
    assert all(r["themes"] is not None for r in out if isinstance(r, dict))


def test_pdf_page_bomb_is_refused_quickly(tmp_path: Path) -> None:
    (tmp_path / "bomb.pdf").write_bytes(bomb_pdf(6))
    t0 = time.monotonic()
    [item] = read_inputs([str(tmp_path / "bomb.pdf")])
    assert isinstance(item, Failure) and "1,000,000 pages" in item.reason
    assert time.monotonic() - t0 < 5


# --- stores -----------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path: Path, cli) -> Path:
    return make_store(tmp_path, cli)


def make_store(tmp_path: Path, cli: Any) -> Path:
    """A store of six analysed motions (and their folder, ``tmp_path/in``)."""
    db = tmp_path / "s.db"
    r = cli(["analyze", str(_folder(tmp_path, 6)), "--db", str(db), "-q", "--no-themes"])
    assert r.exit_code == 0, r.stderr
    return db


@pytest.mark.parametrize("command", [["report", "themes"], ["analyze", "IN"], ["report", "drill"]])
def test_an_unrelated_sqlite_file_is_refused_and_left_unchanged(
    tmp_path: Path, cli, command: list[str]
) -> None:
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE notes(x)")
    con.execute("INSERT INTO notes VALUES ('mine')")
    con.commit()
    con.close()
    before = digest(db)
    args = [str(_folder(tmp_path, 1)) if a == "IN" else a for a in command]
    line = one_error_line(cli([*args, "--db", str(db)]))
    assert "not an Antragsradar store" in line
    assert digest(db) == before and not Path(f"{db}-wal").exists()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path, cli) -> None:
    db = tmp_path / "x.db"
    db.write_bytes(b"hello, not a database" * 100)
    assert "not an Antragsradar store" in one_error_line(cli(["report", "themes", "--db", str(db)]))


@pytest.mark.parametrize("cut", ["half", "header"])
@pytest.mark.parametrize("command", [["report", "themes"], ["analyze", "IN"]])
def test_a_corrupt_store_file_is_one_line(store: Path, cli, cut: str, command: list[str]) -> None:
    con = sqlite3.connect(store)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(store.read_bytes())
    if cut == "half":
        data = data[: len(data) // 2]
    else:
        data[100:4000] = b"\xff" * 3900
    store.write_bytes(bytes(data))
    args = [str(store.parent / "in") if a == "IN" else a for a in command]
    line = one_error_line(cli([*args, "--db", str(store)]))
    assert "damaged" in line or "cannot be read" in line or "not an Antragsradar" in line


@pytest.mark.parametrize("table", ["results", "motion_themes", "failures", "meta"])
def test_a_damaged_store_is_refused_in_one_line(store: Path, cli, table: str) -> None:
    con = sqlite3.connect(store)
    con.execute(f"DROP TABLE {table}")
    con.commit()
    con.close()
    for args in (["report", "themes", "--db", str(store)], ["analyze", "x", "--db", str(store)]):
        if args[0] == "analyze":
            args[1] = str(store.parent / "in")
        line = one_error_line(cli(args))
        assert "damaged" in line and table in line


def test_report_does_not_write_the_store(store: Path, cli) -> None:
    files = [store, Path(f"{store}-wal")]
    con = sqlite3.connect(store)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    assert cli(["report", "themes", "--db", str(store)]).exit_code == 0
    before = digest(*files)
    for args in (["report", "trends"], ["report", "actions"], ["report", "drill"]):
        r = cli([*args, "--db", str(store)])
        assert r.exit_code == 0, r.stderr
    assert digest(*files) == before


def test_read_only_store_is_read_without_wal(store: Path, tmp_path: Path) -> None:
    ro = Store(store, readonly=True)
    try:
        assert ro.conn.execute("SELECT COUNT(*) FROM motions").fetchone()[0] == 6
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            ro.conn.execute("DELETE FROM motions")
    finally:
        ro.close()


def test_read_only_media_fall_back_to_an_immutable_read(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    connect = sqlite3.connect
    uris: list[str] = []

    def no_shm(target: Any, *args: Any, **kw: Any) -> Any:
        uris.append(str(target))
        if "mode=ro" in str(target):  # what read-only media answer: no -shm file can be made
            raise sqlite3.OperationalError("unable to open database file")
        return connect(target, *args, **kw)

    monkeypatch.setattr(sqlite3, "connect", no_shm)
    ro = Store(store, readonly=True)
    try:
        assert ro.conn.execute("SELECT COUNT(*) FROM motions").fetchone()[0] == 6
    finally:
        ro.close()
    assert any(u.endswith("?immutable=1") for u in uris)


def test_disk_full_is_one_line_and_the_rerun_completes(
    tmp_path: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db = _folder(tmp_path, 30), tmp_path / "s.db"
    opened = Store._open

    def small_disk(self: Store, readonly: bool) -> None:
        opened(self, readonly)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count={pages + 12}")

    monkeypatch.setattr(Store, "_open", small_disk)
    args = ["analyze", str(folder), "--db", str(db), "-q", "--no-themes", "--commit-every", "2"]
    assert "disk full" in one_error_line(cli(args))
    monkeypatch.setattr(Store, "_open", opened)
    r = cli([*args, "--json"])
    assert r.exit_code == 0, r.stderr
    assert rows(db, "SELECT COUNT(*) FROM motions WHERE status='analysed'")[0][0] == 30
    assert rows(db, "SELECT status FROM runs ORDER BY run_id")[-1] == ("completed",)


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "2025-13-45", "gestern", "2024-00"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_report_rejects_impossible_dates(store: Path, cli, option: str, value: str) -> None:
    line = one_error_line(cli(["report", "trends", "--db", str(store), option, value]))
    assert value in line


def test_an_empty_report_says_so(store: Path, cli) -> None:
    r = cli(["report", "themes", "--db", str(store), "--since", "2099"])
    assert r.exit_code == 0 and "no motions match" in r.stderr


# --- fetch ------------------------------------------------------------------------------------
@pytest.fixture
def hostile():
    servers: list[HostileOParl] = []

    def make() -> HostileOParl:
        servers.append(HostileOParl())
        return servers[-1]

    yield make
    for s in servers:
        s.stop()


def _reasons(db: Path) -> str:
    return " | ".join(r for (r,) in rows(db, "SELECT reason FROM failures"))


def test_files_on_other_hosts_are_refused_unless_allowed(hostile, tmp_path: Path, analyzer):
    srv, other = hostile(), hostile()
    populate(srv, 2)
    other.files["x.pdf"] = _pdf_bytes(MOTION.format(g="SPD", n=1).split("\n"))
    elsewhere = other.base.replace("127.0.0.1", "localhost") + "/files/x.pdf"
    srv.with_file_url(10, elsewhere)
    srv.with_file_url(11, "http://169.254.169.254/latest/meta-data/iam/")
    srv.with_file_url(12, "ftp://127.0.0.1/x.pdf")
    srv.with_file_url(13, "file:///etc/passwd")
    s = fetch(srv.system_url, tmp_path / "a.db", analyzer)
    assert s.counts["new"] == 2 and s.counts["failed"] == 4
    assert _reasons(tmp_path / "a.db").count("refused") == 4
    assert other.log == []
    host = elsewhere.split("/")[2]
    # named, but at a loopback address: still refused without --allow-private
    s = fetch(srv.system_url, tmp_path / "b.db", analyzer, http_config=cfg(allow_hosts=(host,)))
    assert "loopback" in _reasons(tmp_path / "b.db") and other.log == []
    conf = cfg(allow_hosts=(host,), allow_private=True)
    s = fetch(srv.system_url, tmp_path / "c.db", analyzer, http_config=conf)
    assert other.log == ["/files/x.pdf"] and s.counts["new"] == 3


def test_redirects_follow_the_same_rules(hostile, tmp_path: Path, analyzer) -> None:
    srv, other = hostile(), hostile()
    populate(srv, 1)
    srv.redirect("/files/r1.pdf", other.base.replace("127.0.0.1", "localhost") + "/files/x.pdf")
    srv.redirect("/files/r2.pdf", "ftp://127.0.0.1/x.pdf")
    srv.redirect("/files/r3.pdf", "http://169.254.169.254/latest/meta-data/")
    for n, name in enumerate(("r1", "r2", "r3"), start=20):
        srv.with_file_url(n, f"{srv.base}/files/{name}.pdf")
    s = fetch(srv.system_url, tmp_path / "s.db", analyzer)
    assert s.counts["failed"] == 3 and s.counts["new"] == 1
    assert _reasons(tmp_path / "s.db").count("refused (redirect to") == 3 and other.log == []


def test_next_links_to_other_hosts_are_not_followed(hostile, tmp_path: Path, analyzer) -> None:
    srv, other = hostile(), hostile()
    srv.endless_papers(next_base=other.base.replace("127.0.0.1", "localhost") + "/papers")
    s = fetch(srv.system_url, tmp_path / "s.db", analyzer)
    assert s.counts["pages"] == 1 and s.counts["refused_links"] == 1 and other.log == []


def test_endless_pages_stop_at_max_pages_and_the_next_run_continues(
    hostile, tmp_path: Path, analyzer
) -> None:
    srv = hostile()
    srv.endless_papers()
    db = tmp_path / "s.db"
    assert fetch(srv.system_url, db, analyzer, max_pages=4).counts["pages"] == 4
    assert fetch(srv.system_url, db, analyzer, max_pages=3).counts["pages"] == 3
    assert rows(db, "SELECT COUNT(*) FROM motions")[0][0] == 7


def test_a_dripping_server_is_cut_at_the_deadline(hostile) -> None:
    srv = hostile()
    srv.drip("/slow")
    client = HttpClient(cfg(max_seconds=1.0, retries=2))
    t0 = time.monotonic()
    with pytest.raises(HttpError, match="no complete answer within 1 s"):
        client.get(f"{srv.base}/slow")
    assert time.monotonic() - t0 < 4 and client.requests == 1


def test_the_cli_deadline_follows_timeout(hostile, tmp_path: Path, cli) -> None:
    srv = hostile()
    srv.drip("/oparl/v1/system", every=0.05)
    t0 = time.monotonic()
    args = ["fetch", srv.system_url, "--db", str(tmp_path / "s.db"), "--timeout", "0.1"]
    line = one_error_line(cli([*args, "--retries", "0", "--no-themes", "-q"]))
    assert "no complete answer within 2 s" in line and time.monotonic() - t0 < 6


def test_an_oversized_page_names_the_option_for_pages(hostile, tmp_path: Path, cli) -> None:
    srv = hostile()
    populate(srv, 6)
    args = ["fetch", srv.system_url, "--db", str(tmp_path / "s.db"), "--max-page-mb", "0.001"]
    line = one_error_line(cli([*args, "--rate", "0", "--no-themes", "-q"]))
    assert "raise --max-page-mb" in line and "--max-file-mb" not in line


def test_papers_of_the_wrong_shape_do_not_block_the_walk(hostile, tmp_path: Path, analyzer):
    srv = hostile()
    ids = populate(srv, 8)
    srv.papers[ids["1"]]["consultation"] = 7
    srv.papers[ids["2"]]["paperType"] = ["Antrag"]
    srv.papers[ids["4"]]["auxiliaryFile"][0]["text"] = 12345
    srv.papers[ids["5"]]["date"] = "2024-13-45"
    db = tmp_path / "s.db"
    s = fetch(srv.system_url, db, analyzer)
    assert (s.counts["new"], s.counts["failed"]) == (5, 3)
    (meta,) = rows(db, "SELECT meta FROM motions WHERE id=?", ids["5"])[0]
    assert "does not exist" in json.loads(meta)["date_problem"]
    s = fetch(srv.system_url, db, analyzer, full=True)  # every paper again: nothing blocks
    assert (s.counts["unchanged"], s.counts["failed"]) == (5, 3)
    assert s.bodies[0]["complete"]


def test_host_rules() -> None:
    rules = HostRules(
        HttpConfig(endpoint="http://council.example:8080/oparl", allow_hosts=("files.example",))
    )
    assert rules.why_not("http://council.example:8080/x") is None
    assert rules.why_not("https://files.example/a.pdf") is None
    assert "not the endpoint's" in str(rules.why_not("http://council.example:9090/x"))
    assert "not an http(s) URL" in str(rules.why_not("ftp://council.example/x"))
    rules.check_address("council.example", 8080, "127.0.0.1")  # the endpoint: any address
    rules.check_address("files.example", None, "93.184.216.34")
    for ip in (
        "169.254.169.254",
        "10.0.0.1",
        "127.0.0.2",
        "::1",
        "fe80::1",
        "::ffff:169.254.169.254",
    ):
        with pytest.raises(OSError, match="address"):
            rules.check_address("files.example", None, ip)
