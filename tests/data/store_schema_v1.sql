-- Schema version 1 of the store, frozen as pipeline/store/schema.sql had it (commit 7524438),
-- for tests/test_store_migrations.py: a store made by that code must open and migrate.
-- Antragsradar store. One row per motion id; child rows are replaced as a whole when a motion is
-- analysed again, inside the same transaction, so a crash never leaves half a result.
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

-- Tables that pipeline/report/terms.py created on first use (compare, analyze) before v2.
CREATE TABLE IF NOT EXISTS report_term_docs (
    doc         INTEGER PRIMARY KEY,
    motion_id   TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_vocab (
    term_id INTEGER PRIMARY KEY,
    term    TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS report_names (
    term TEXT PRIMARY KEY
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS report_terms (
    doc     INTEGER NOT NULL,
    term_id INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    PRIMARY KEY (doc, term_id)
) WITHOUT ROWID;
