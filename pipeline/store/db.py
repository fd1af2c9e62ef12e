"""SQLite store: WAL mode, one transaction per batch, upserts keyed by motion id."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from pipeline.errors import StoreError
from pipeline.record import Action, Failure, FundingMention, Motion, Result
from pipeline.store.migrations import SCHEMA_VERSION, columns, expected_columns, migrate

# PRAGMA application_id of an Antragsradar store ("ARdb"); stores made before it carry only
# meta.schema_version, which is recognised as well.
APPLICATION_ID = 0x41526462


class ReadOnlyConnection(sqlite3.Connection):
    """A connection opened read-only (``Store(..., readonly=True)``)."""


def unreadable(path: str | Path, exc: sqlite3.DatabaseError) -> StoreError:
    """One line for a file SQLite cannot read: not a database, or a damaged one."""
    if "malformed" in str(exc) or "corrupt" in str(exc):
        return StoreError(
            f"{path}: damaged store ({exc}); restore it from a backup or use a new --db"
        )
    return StoreError(f"{path}: not an Antragsradar store ({exc}); choose another --db")


def store_error(path: str | Path, exc: sqlite3.Error) -> StoreError:
    """One line for a write that failed: a full disk, read-only media, a lock."""
    msg = str(exc)
    if "full" in msg:
        return StoreError(
            f"{path}: disk full ({msg}); free space and run again: it continues where this "
            "run stopped"
        )
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"{path}: cannot write the store ({msg}); choose a writable --db")
    return StoreError(f"{path}: the store cannot be written ({msg})")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def fingerprint(motion: Motion, analysis_version: str) -> str:
    """What decides whether a stored result is still current: the analysis version and every
    input the analysis reads (text, title, paper type, metadata groups, other files' heads)."""
    inputs = json.dumps(
        [motion.title, motion.paper_type, motion.groups, motion.meta.get("other_files_heads")],
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha1(f"{analysis_version}\0{inputs}\0{motion.text}".encode()).hexdigest()


def _version_number(value: str | None) -> int | None:
    """``meta.schema_version`` as a number; a store without one (its meta table lost) is
    checked against the current schema, which then names what is missing."""
    if value is None:
        return SCHEMA_VERSION
    return int(value) if value.isdigit() else None


def _year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


class Store:
    """The motions, results and runs of one SQLite file."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        """Open (or, unless ``readonly``, create) the store at ``path``.

        Nothing is written before the file is recognised as an Antragsradar store (or as an
        empty file); a foreign SQLite file, a newer schema or a store with missing tables or
        columns is a StoreError and stays untouched. ``readonly`` opens without writing at all
        (read-only media too)."""
        self.path = Path(path)
        if self.path.is_dir():
            raise StoreError(f"{path} is a directory; give a file path for --db")
        if not self.path.parent.exists():
            raise StoreError(
                f"{self.path.parent}: folder does not exist; create it or choose another --db"
            )
        try:
            self.conn = self._connect(readonly)
        except sqlite3.DatabaseError as exc:
            raise unreadable(path, exc) from None
        try:
            self._open(readonly)
        except BaseException:
            self.conn.close()
            raise

    def _connect(self, readonly: bool) -> sqlite3.Connection:
        if not readonly:
            return sqlite3.connect(self.path, timeout=30, isolation_level=None)
        uri = self.path.resolve().as_uri()
        try:
            conn = sqlite3.connect(
                f"{uri}?mode=ro", uri=True, isolation_level=None, factory=ReadOnlyConnection
            )
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            # Read-only media: no -shm file can be made beside the store; read it as it is.
            return sqlite3.connect(
                f"{uri}?immutable=1", uri=True, isolation_level=None, factory=ReadOnlyConnection
            )

    def _open(self, readonly: bool) -> None:
        try:
            version = self._recognise()
            if readonly:
                if version == 0:
                    raise StoreError(f"{self.path}: empty file, not a store; give the store's path")
                # An older store is read as it is: the tables of later versions are not needed
                # to read it (the term index, which is, opens the store for writing).
                return
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn, version)
            self.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        except sqlite3.OperationalError as exc:
            raise store_error(self.path, exc) from None
        except sqlite3.DatabaseError as exc:
            raise unreadable(self.path, exc) from None

    def _recognise(self) -> int:
        """The schema version of the file, 0 for an empty file (a new store); raises StoreError
        unless it is one of ours, of this or an earlier schema version, with every table and
        column of its version."""
        found = columns(self.conn)
        app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
        if not found and app_id == 0:
            return 0
        version = None
        if "meta" in found and "key" in found["meta"]:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = row[0] if row else None
        if app_id != APPLICATION_ID and version is None:
            tables = ", ".join(sorted(found)[:5]) or "none"
            raise StoreError(
                f"{self.path}: a SQLite file but not an Antragsradar store (tables: {tables}); "
                "left unchanged; choose another --db"
            )
        number = _version_number(version)
        if number is None or not 1 <= number <= SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {version}, this version needs {SCHEMA_VERSION}; "
                "use a new --db"
            )
        expected = expected_columns(number)
        damage = [f"table {t}" for t in expected if t not in found] + [
            f"{t}.{c}" for t in expected if t in found for c in sorted(expected[t] - found[t])
        ]
        if damage:
            raise StoreError(
                f"{self.path}: damaged Antragsradar store, missing {'; '.join(damage)}; left "
                "unchanged; restore it from a backup or analyse into a new --db"
            )
        return number

    @property
    def schema_version(self) -> int:
        """The schema version of the open store (``SCHEMA_VERSION`` once opened for writing;
        a read-only store of an earlier version stays at its own)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return _version_number(row[0] if row else None) or 0

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction; a write that fails (disk full, read-only) is one StoreError and
        leaves the store as it was before the transaction."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise store_error(self.path, exc) from None

    # runs -------------------------------------------------------------------------------------
    def begin_run(self, inputs: list[str], pipeline_version: str, model_version: str | None) -> int:
        with self.transaction() as c:
            # A run that never finished was killed; say so rather than leave it "running".
            c.execute("UPDATE runs SET status='interrupted' WHERE status='running'")
            cur = c.execute(
                "INSERT INTO runs(started_at, status, pipeline_version, model_version, inputs) "
                "VALUES (?, 'running', ?, ?, ?)",
                (_now(), pipeline_version, model_version, json.dumps(inputs, ensure_ascii=False)),
            )
            assert cur.lastrowid is not None  # set by every INSERT
            return int(cur.lastrowid)

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "completed") -> None:
        with self.transaction() as c:
            c.execute(
                "UPDATE runs SET finished_at=?, status=?, n_read=?, n_new=?, n_changed=?, "
                "n_unchanged=?, n_failed=? WHERE run_id=?",
                (
                    _now(),
                    status,
                    counts.get("read", 0),
                    counts.get("new", 0),
                    counts.get("changed", 0),
                    counts.get("unchanged", 0),
                    counts.get("failed", 0),
                    run_id,
                ),
            )

    # motions ----------------------------------------------------------------------------------
    def fingerprints(self) -> dict[str, str]:
        """Stored fingerprint of every analysed motion, to skip unchanged ones on a re-run."""
        return dict(
            self.conn.execute("SELECT id, fingerprint FROM motions WHERE status='analysed'")
        )

    def touch(self, run_id: int, ids: Iterable[str]) -> None:
        with self.transaction() as c:
            c.executemany("UPDATE motions SET last_run=? WHERE id=?", [(run_id, i) for i in ids])

    def write_batch(
        self,
        run_id: int,
        analysed: Iterable[tuple[Motion, Result, str]],
        failed: Iterable[tuple[Motion | None, Failure, str | None]],
    ) -> None:
        """Store analysed motions (motion, result, fingerprint) and failures in one transaction.

        A failed motion with an id is stored too (status 'failed'), so that every paper of the
        input is in the store; a failure without an id (an unreadable line) only in ``failures``.
        """
        now = _now()
        with self.transaction() as c:
            for motion, result, fp in analysed:
                self._put_motion(c, run_id, motion, "analysed", fp, now)
                self._put_result(c, motion.id, result)
                c.execute("DELETE FROM failures WHERE motion_id=?", (motion.id,))
            for failed_motion, failure, failed_fp in failed:
                if failed_motion is not None and failed_motion.id:
                    self._put_motion(c, run_id, failed_motion, "failed", failed_fp or "", None)
                    self._clear_children(c, failed_motion.id)
                c.execute(
                    "INSERT INTO failures(source_file, motion_id, reason, first_run, last_run) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(source_file, motion_id, reason) "
                    "DO UPDATE SET last_run=excluded.last_run",
                    (failure.source_file, failure.id or "", failure.reason, run_id, run_id),
                )

    def _put_motion(
        self, c: sqlite3.Connection, run_id: int, m: Motion, status: str, fp: str, at: str | None
    ) -> None:
        c.execute(
            "INSERT INTO motions(id, title, date, year, paper_type, body, source_file, text, text_sha1, "
            "meta, status, fingerprint, first_run, last_run, analysed_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
            "title=excluded.title, date=excluded.date, year=excluded.year, paper_type=excluded.paper_type, "
            "body=excluded.body, source_file=excluded.source_file, text=excluded.text, "
            "text_sha1=excluded.text_sha1, meta=excluded.meta, status=excluded.status, "
            "fingerprint=excluded.fingerprint, last_run=excluded.last_run, analysed_at=excluded.analysed_at",
            (
                m.id,
                m.title,
                m.date,
                _year(m.date),
                m.paper_type,
                m.body,
                m.source_file,
                m.text,
                hashlib.sha1(m.text.encode()).hexdigest(),
                json.dumps(m.meta, ensure_ascii=False, default=str),
                status,
                fp,
                run_id,
                run_id,
                at,
            ),
        )

    @staticmethod
    def _clear_children(c: sqlite3.Connection, motion_id: str) -> None:
        for table in ("results", "motion_groups", "motion_themes", "actions", "funding"):
            c.execute(f"DELETE FROM {table} WHERE motion_id=?", (motion_id,))

    def _put_result(self, c: sqlite3.Connection, motion_id: str, r: Result) -> None:
        self._clear_children(c, motion_id)
        c.execute(
            "INSERT INTO results(motion_id, result, topic, hedged) VALUES (?,?,?,?)",
            (
                motion_id,
                json.dumps(r, ensure_ascii=False),
                r.get("topic"),
                _flag(r.get("hedged")),
            ),
        )
        c.executemany(
            "INSERT OR IGNORE INTO motion_groups(motion_id, grp) VALUES (?,?)",
            [(motion_id, g) for g in r.get("groups") or []],
        )
        c.executemany(
            "INSERT OR IGNORE INTO motion_themes(motion_id, rank, theme, label, score) VALUES (?,?,?,?,?)",
            [
                (motion_id, i, t["id"], t.get("label"), t.get("score"))
                for i, t in enumerate(r.get("themes") or [], start=1)
            ],
        )
        c.executemany(
            "INSERT INTO actions(motion_id, idx, type, trigger, addressee, object, hedged, evidence, start, end) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [_action_row(motion_id, i, a) for i, a in enumerate(r.get("actions") or [])],
        )
        c.executemany(
            "INSERT INTO funding(motion_id, idx, kind, name, amount_eur, budget_line, hedged, evidence, start, end) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            [_funding_row(motion_id, i, f) for i, f in enumerate(r.get("funding") or [])],
        )

    # reading ----------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        row = self.conn.execute(
            "SELECT COUNT(*), SUM(status='analysed'), SUM(status='failed') FROM motions"
        ).fetchone()
        n_fail = self.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0]
        return {
            "motions": row[0] or 0,
            "analysed": row[1] or 0,
            "failed": row[2] or 0,
            "failures": n_fail,
        }

    def results(self) -> Iterator[Result]:
        for (r,) in self.conn.execute("SELECT result FROM results ORDER BY motion_id"):
            yield json.loads(r)


def _flag(value: object) -> int | None:
    """A yes/no for SQLite: 1 or 0, NULL where it is not known."""
    return None if value is None else int(bool(value))


def _action_row(motion_id: str, i: int, a: Action) -> tuple[object, ...]:
    return (
        motion_id,
        i,
        a["type"],
        a.get("trigger"),
        a.get("addressee"),
        a.get("object"),
        _flag(a.get("hedged")),
        a.get("evidence"),
        a.get("start"),
        a.get("end"),
    )


def _funding_row(motion_id: str, i: int, f: FundingMention) -> tuple[object, ...]:
    return (
        motion_id,
        i,
        f["kind"],
        f.get("name"),
        f.get("amount_eur"),
        f.get("budget_line"),
        _flag(f.get("hedged")),
        f.get("evidence"),
        f.get("start"),
        f.get("end"),
    )
