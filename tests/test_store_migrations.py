"""The store owns every table through one list of migrations and one schema version: a store
made by the code before (schema version 1, its term index tables made on first use) opens and
migrates without loss; reading it read-only changes nothing; a newer store is refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from pipeline.errors import StoreError
from pipeline.fetch.cache import FileCache
from pipeline.fetch.state import EndpointState, FetchState
from pipeline.report import Filters, themes_by_group
from pipeline.report.query import open_store
from pipeline.report.term_index import ensure_terms
from pipeline.store import SCHEMA_VERSION, Store
from pipeline.store.db import APPLICATION_ID
from pipeline.store.migrations import MIGRATIONS, expected_columns

V1_SQL = Path(__file__).parent / "data" / "store_schema_v1.sql"
TEXT = (
    "Antrag der SPD-Fraktion: Sprachkurse für Geflüchtete\n\n"
    "Der Gemeinderat möge beschließen: Die Stadtverwaltung wird beauftragt, bis zum Sommer "
    "ein Konzept für zusätzliche Sprachkurse vorzulegen. Die Kosten von 50.000 Euro werden aus "
    "dem Integrationsfonds gedeckt."
)
RESULT = {
    "id": "ka-2019-17",
    "topic": "Sprachkurse",
    "groups": ["SPD"],
    "themes": [{"id": "integration", "label": "Integration & Migration", "score": 0.91}],
    "actions": [{"type": "concept", "trigger": "Konzept", "start": 94, "end": 101}],
    "funding": [{"kind": "named_fund", "name": "Integrationsfonds", "amount_eur": 50000.0}],
}


def old_store(path: Path) -> Path:
    """A store as the code of schema version 1 left it: its DDL, one analysed motion with its
    child rows, one failure, one run, and a term index row."""
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript(V1_SQL.read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
    con.execute(f"PRAGMA application_id={APPLICATION_ID}")
    con.execute(
        "INSERT INTO runs(started_at, finished_at, status, pipeline_version, inputs, n_read, n_new) "
        "VALUES ('2024-03-01T10:00:00+00:00', '2024-03-01T10:01:00+00:00', 'completed', 'v1', "
        "'[\"papers.jsonl\"]', 2, 1)"
    )
    con.execute(
        "INSERT INTO motions(id, title, date, year, paper_type, body, source_file, text, "
        "text_sha1, meta, status, fingerprint, first_run, last_run, analysed_at) VALUES "
        "('ka-2019-17', 'Sprachkurse für Geflüchtete', '2019-05-14', 2019, 'Antrag', "
        "'Gemeinderat Karlsruhe', 'papers.jsonl', ?, ?, '{}', 'analysed', 'fp1', 1, 1, "
        "'2024-03-01T10:00:30+00:00')",
        (TEXT, hashlib.sha1(TEXT.encode()).hexdigest()),
    )
    con.execute(
        "INSERT INTO results(motion_id, result, topic, hedged) VALUES ('ka-2019-17', ?, "
        "'Sprachkurse', 0)",
        (json.dumps(RESULT, ensure_ascii=False),),
    )
    con.execute("INSERT INTO motion_groups VALUES ('ka-2019-17', 'SPD')")
    con.execute(
        "INSERT INTO motion_themes VALUES ('ka-2019-17', 1, 'integration', "
        "'Integration & Migration', 0.91)"
    )
    con.execute(
        "INSERT INTO actions(motion_id, idx, type, trigger, start, end) "
        "VALUES ('ka-2019-17', 0, 'concept', 'Konzept', 94, 101)"
    )
    con.execute(
        "INSERT INTO funding(motion_id, idx, kind, name, amount_eur) "
        "VALUES ('ka-2019-17', 0, 'named_fund', 'Integrationsfonds', 50000.0)"
    )
    con.execute("INSERT INTO failures VALUES ('papers.jsonl', 'ka-2019-18', 'empty text', 1, 1)")
    con.execute("INSERT INTO report_term_docs VALUES (1, 'ka-2019-17', 'fp1:1:abc')")
    con.execute("INSERT INTO report_vocab VALUES (1, 'sprachkurs')")
    con.execute("INSERT INTO report_terms VALUES (1, 1, 2)")
    con.close()
    return path


def dump(path: Path) -> dict[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        names = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr)
            for n in names
            if not n.startswith("sqlite_")
        }
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()


def test_the_frozen_v1_schema_is_what_migration_1_and_the_old_term_tables_make() -> None:
    mem = sqlite3.connect(":memory:")
    mem.executescript(V1_SQL.read_text(encoding="utf-8"))
    from pipeline.store.migrations import columns

    old = columns(mem)
    assert expected_columns(1).items() <= old.items()
    # every table of version 2 the old code made on first use has the same columns now
    assert {t: c for t, c in expected_columns(2).items() if t in old} == old


def test_an_old_store_migrates_without_loss(tmp_path: Path) -> None:
    db = old_store(tmp_path / "old.db")
    before = dump(db)
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == MIGRATIONS[-1].version
    after = dump(db)
    assert after.pop("meta") == [("schema_version", str(SCHEMA_VERSION))]
    assert before.pop("meta") == [("schema_version", "1")]
    for table, rows in before.items():
        assert after.pop(table) == rows, table
    # what is left are the new tables, empty
    assert set(after) == {"oparl_endpoints", "oparl_pending", "http_cache"}
    assert not any(after.values())
    with Store(db) as store:  # opening again migrates nothing
        assert store.schema_version == SCHEMA_VERSION
    assert dump(db)["motions"] == before["motions"]


def test_fetch_state_and_cache_use_the_tables_of_a_migrated_store(tmp_path: Path) -> None:
    db = old_store(tmp_path / "old.db")
    with Store(db) as store:
        state = FetchState(store)
        s = EndpointState("https://ratsinfo.karlsruhe.de/oparl/system", "body-1", "Karlsruhe")
        s.walk_start = "2024-03-02T08:00:00+00:00"
        s.cursor = s.start_url = "https://ratsinfo.karlsruhe.de/oparl/body-1/papers"
        state.start_walk(s)
        state.finish_walk(s)
        cache = FileCache(store, tmp_path / "cache", max_bytes=1000)
        cache.put("https://ratsinfo.karlsruhe.de/files/1.pdf", "sha1:ab", b"%PDF-1.4 Antrag")
    with Store(db) as store:
        got = FetchState(store).get(s.endpoint, s.body_id)
        assert got.last_success == "2024-03-02T08:00:00+00:00" and not got.in_progress
        cache = FileCache(store, tmp_path / "cache", max_bytes=1000)
        assert cache.get("https://ratsinfo.karlsruhe.de/files/1.pdf", "sha1:ab") == (
            b"%PDF-1.4 Antrag"
        )


def test_an_old_store_is_read_read_only_without_a_write(tmp_path: Path) -> None:
    db = old_store(tmp_path / "old.db")
    before = digest(db)
    with open_store(db) as con:
        rows = themes_by_group(con, Filters(), min_n=1).rows
    assert any(r["theme"] == "integration" and r["count"] == 1 for r in rows)
    assert digest(db) == before


def test_the_term_index_of_an_old_store_without_its_tables_is_built_through_the_store(
    tmp_path: Path,
) -> None:
    db = old_store(tmp_path / "old.db")
    con = sqlite3.connect(db)
    for t in ("report_terms", "report_vocab", "report_term_docs", "report_names"):
        con.execute(f"DROP TABLE {t}")  # a v1 store on which compare never ran
    con.commit()
    con.close()
    with open_store(db) as ro:  # read-only: the index is written through the store
        assert ensure_terms(ro) == 1
    terms = {t for (t,) in sqlite3.connect(db).execute("SELECT term FROM report_vocab")}
    assert {"sprachkurs", "integrationsfonds", "konzept"} <= terms
    with Store(db, readonly=True) as store:
        assert store.schema_version == SCHEMA_VERSION


def test_a_store_of_a_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    db = old_store(tmp_path / "new.db")
    con = sqlite3.connect(db)
    con.execute(
        "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),)
    )
    con.commit()
    con.close()
    before = digest(db)
    for readonly in (False, True):
        with pytest.raises(StoreError, match=f"store schema {SCHEMA_VERSION + 1}, this version"):
            Store(db, readonly=readonly)
    assert digest(db) == before


def test_a_v1_store_that_lost_a_table_is_damaged_not_migrated(tmp_path: Path) -> None:
    db = old_store(tmp_path / "old.db")
    con = sqlite3.connect(db)
    con.execute("DROP TABLE funding")
    con.commit()
    con.close()
    before = digest(db)
    with pytest.raises(StoreError, match="damaged Antragsradar store, missing table funding"):
        Store(db)
    assert digest(db) == before


def test_a_new_store_has_every_table_of_the_current_version(tmp_path: Path) -> None:
    with Store(tmp_path / "new.db") as store:
        from pipeline.store.migrations import columns

        assert columns(store.conn) == expected_columns()
        assert store.schema_version == SCHEMA_VERSION
