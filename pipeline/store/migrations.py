"""Every table of an Antragsradar store, as migrations keyed by schema version.

The store (``pipeline.store.Store``) is the only owner of tables: it applies the migrations a
file lacks when it opens it for writing, and records the version reached in
``meta.schema_version``. The fetch state (``pipeline.fetch.state``), the download cache index
(``pipeline.fetch.cache``) and the report's term index (``pipeline.report.terms``) only read and
write rows of tables made here. A change of the schema is a new migration at the end of
``MIGRATIONS``, never an edit of an old one: stores made by every earlier version must open.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int  # the schema version a store has once this migration ran
    what: str
    sql: str


# Version 1: what `analyze` writes. One row per motion id; child rows are replaced as a whole
# when a motion is analysed again, inside the same transaction, so a crash never leaves half a
# result.
_CORE = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    run_id           INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    status           TEXT NOT NULL,            -- running | completed | failed
    pipeline_version TEXT NOT NULL,
    model_version    TEXT,
    inputs           TEXT NOT NULL,            -- JSON list of input paths
    n_read           INTEGER NOT NULL DEFAULT 0,
    n_new            INTEGER NOT NULL DEFAULT 0,
    n_changed        INTEGER NOT NULL DEFAULT 0,
    n_unchanged      INTEGER NOT NULL DEFAULT 0,
    n_failed         INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS motions (
    id           TEXT PRIMARY KEY,
    title        TEXT,
    date         TEXT,                          -- ISO date
    year         INTEGER,
    paper_type   TEXT,
    body         TEXT,
    source_file  TEXT,
    text         TEXT NOT NULL,
    text_sha1    TEXT NOT NULL,
    meta         TEXT,                          -- JSON
    status       TEXT NOT NULL,                 -- analysed | failed
    fingerprint  TEXT NOT NULL,                 -- text hash + analysis version of the stored result
    first_run    INTEGER REFERENCES runs(run_id),
    last_run     INTEGER REFERENCES runs(run_id),
    analysed_at  TEXT
);
CREATE INDEX IF NOT EXISTS motions_date ON motions(date);
CREATE TABLE IF NOT EXISTS results (
    motion_id  TEXT PRIMARY KEY REFERENCES motions(id) ON DELETE CASCADE,
    result     TEXT NOT NULL,                   -- the JSON record `tag` prints
    topic      TEXT,
    hedged     INTEGER
);
CREATE TABLE IF NOT EXISTS motion_groups (
    motion_id  TEXT NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
    grp        TEXT NOT NULL,
    PRIMARY KEY (motion_id, grp)
);
CREATE INDEX IF NOT EXISTS motion_groups_grp ON motion_groups(grp);
CREATE TABLE IF NOT EXISTS motion_themes (
    motion_id  TEXT NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
    rank       INTEGER NOT NULL,                -- 1 = most central
    theme      TEXT NOT NULL,
    label      TEXT,
    score      REAL,
    PRIMARY KEY (motion_id, theme)
);
CREATE INDEX IF NOT EXISTS motion_themes_theme ON motion_themes(theme);
CREATE TABLE IF NOT EXISTS actions (
    motion_id  TEXT NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    trigger    TEXT,
    addressee  TEXT,
    object     TEXT,
    hedged     INTEGER,
    evidence   TEXT,
    start      INTEGER,
    end        INTEGER,
    PRIMARY KEY (motion_id, idx)
);
CREATE TABLE IF NOT EXISTS funding (
    motion_id   TEXT NOT NULL REFERENCES motions(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    name        TEXT,
    amount_eur  REAL,
    budget_line TEXT,
    hedged      INTEGER,
    evidence    TEXT,
    start       INTEGER,
    end         INTEGER,
    PRIMARY KEY (motion_id, idx)
);
-- One row per distinct problem; a later run that meets it again updates last_run.
CREATE TABLE IF NOT EXISTS failures (
    source_file TEXT NOT NULL,
    motion_id   TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL,
    first_run   INTEGER REFERENCES runs(run_id),
    last_run    INTEGER REFERENCES runs(run_id),
    PRIMARY KEY (source_file, motion_id, reason)
);
"""

# Version 2: the tables that fetch, the download cache and the report's term index used to
# create on first use, each in its own module. A version-1 store may have any of them already
# (hence IF NOT EXISTS); their columns are the ones those modules made.
_FETCH_CACHE_TERMS = """
-- What the store remembers about OParl endpoints (pipeline.fetch.state): the last successful
-- walk, the resume cursor and papers to try again.
CREATE TABLE IF NOT EXISTS oparl_endpoints (
    endpoint      TEXT NOT NULL,     -- the URL given to fetch
    body_id       TEXT NOT NULL,     -- the OParl Body id (a URL)
    body_name     TEXT,
    last_success  TEXT,              -- start time (UTC) of the last walk that reached the end
    walk_start    TEXT,              -- start time of the walk in progress
    walk_since    TEXT,              -- modified_since of the walk in progress (NULL: everything)
    start_url     TEXT,              -- first page of the walk in progress
    cursor        TEXT,              -- next page to fetch; NULL when no walk is in progress
    pages_done    INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT,
    PRIMARY KEY (endpoint, body_id)
);
CREATE TABLE IF NOT EXISTS oparl_pending (
    endpoint   TEXT NOT NULL,
    body_id    TEXT NOT NULL,
    paper_id   TEXT NOT NULL,
    paper      TEXT NOT NULL,        -- the Paper object as JSON, to try again without a walk
    reason     TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (endpoint, body_id, paper_id)
);
-- The index of the download cache (pipeline.fetch.cache); the bodies are files in <db>.cache/.
CREATE TABLE IF NOT EXISTS http_cache (
    url        TEXT PRIMARY KEY,
    key        TEXT NOT NULL,        -- "sha1:<checksum>" or "modified:<date>" of the File
    file       TEXT NOT NULL,        -- name inside <db>.cache/
    size       INTEGER NOT NULL,
    fetched_at TEXT NOT NULL,
    used_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS http_cache_used ON http_cache(used_at);
-- The report's term index (pipeline.report.terms): term counts per analysed motion.
CREATE TABLE IF NOT EXISTS report_term_docs (
    doc         INTEGER PRIMARY KEY,
    motion_id   TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL                  -- motions.fingerprint + ':' + term version
);
CREATE TABLE IF NOT EXISTS report_vocab (
    term_id INTEGER PRIMARY KEY,
    term    TEXT NOT NULL UNIQUE
);
-- Words of councillor lines and signature blocks: names, left out of the terms compared.
CREATE TABLE IF NOT EXISTS report_names (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_terms (
    doc     INTEGER NOT NULL,
    term_id INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (doc, term_id)
) WITHOUT ROWID;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "motions, results, themes, actions, funding, failures, runs", _CORE),
    Migration(2, "fetch state, download cache index, report term index", _FETCH_CACHE_TERMS),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def pending(version: int) -> list[Migration]:
    """The migrations a store at schema ``version`` (0: an empty file) still needs."""
    return [m for m in MIGRATIONS if m.version > version]


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Bring a store at schema ``version`` to ``SCHEMA_VERSION`` in one transaction: a
    migration that fails leaves the store as it was."""
    todo = pending(version)
    if not todo:
        return
    script = "\n".join(m.sql for m in todo)
    try:
        conn.executescript(
            f"BEGIN IMMEDIATE;\n{script}\n"
            "INSERT INTO meta(key, value) VALUES ('schema_version', "
            f"'{SCHEMA_VERSION}') ON CONFLICT(key) DO UPDATE SET value=excluded.value;\nCOMMIT;"
        )
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """The columns of every table of the database behind ``conn``."""
    names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {
        n: {row[1] for row in conn.execute(f'PRAGMA table_info("{n}")')}
        for n in names
        if not n.startswith("sqlite_")
    }


def expected_columns(version: int = SCHEMA_VERSION) -> dict[str, set[str]]:
    """The columns of every table a store at schema ``version`` has, from an empty in-memory
    database migrated that far."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for m in MIGRATIONS:
            if m.version <= version:
                mem.executescript(m.sql)
        return columns(mem)
    finally:
        mem.close()
