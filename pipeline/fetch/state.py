"""What the store remembers about OParl endpoints: the last successful walk, the resume cursor
and papers to try again, in the store's tables ``oparl_endpoints`` and ``oparl_pending`` (made by
the store's migrations, ``pipeline.store.migrations``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from pipeline.store import Store


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def iso(dt: datetime) -> str:
    return dt.astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_time(value: Any) -> datetime | None:
    """An OParl date or date-time as an aware datetime (naive ones count as UTC); None if unreadable."""
    if not value:
        return None
    text = str(value).strip().replace("Z", "+00:00").replace("z", "+00:00")
    if len(text) == 10:
        text += "T00:00:00"
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


@dataclass
class EndpointState:
    endpoint: str
    body_id: str
    body_name: str | None = None
    last_success: str | None = None
    walk_start: str | None = None
    walk_since: str | None = None
    start_url: str | None = None
    cursor: str | None = None
    pages_done: int = 0

    @property
    def in_progress(self) -> bool:
        return self.cursor is not None


class FetchState:
    """Endpoint state in a store opened for writing; every change is its own small transaction."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn

    def _tx(self, sql: str, args: tuple[Any, ...]) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.execute(sql, args)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def get(self, endpoint: str, body_id: str) -> EndpointState:
        row = self.conn.execute(
            "SELECT body_name, last_success, walk_start, walk_since, start_url, cursor, pages_done "
            "FROM oparl_endpoints WHERE endpoint=? AND body_id=?",
            (endpoint, body_id),
        ).fetchone()
        if row is None:
            return EndpointState(endpoint, body_id)
        return EndpointState(endpoint, body_id, *row)

    def start_walk(self, s: EndpointState) -> None:
        self._tx(
            "INSERT INTO oparl_endpoints(endpoint, body_id, body_name, last_success, walk_start, "
            "walk_since, start_url, cursor, pages_done, updated_at) VALUES (?,?,?,?,?,?,?,?,0,?) "
            "ON CONFLICT(endpoint, body_id) DO UPDATE SET body_name=excluded.body_name, "
            "walk_start=excluded.walk_start, walk_since=excluded.walk_since, "
            "start_url=excluded.start_url, cursor=excluded.cursor, pages_done=0, "
            "updated_at=excluded.updated_at",
            (
                s.endpoint,
                s.body_id,
                s.body_name,
                s.last_success,
                s.walk_start,
                s.walk_since,
                s.start_url,
                s.cursor,
                iso(now_utc()),
            ),
        )

    def advance(self, s: EndpointState, next_url: str | None) -> None:
        """The papers of the current page are committed: move the cursor to ``next_url``."""
        s.cursor = next_url
        s.pages_done += 1
        self._tx(
            "UPDATE oparl_endpoints SET cursor=?, pages_done=?, updated_at=? "
            "WHERE endpoint=? AND body_id=?",
            (next_url, s.pages_done, iso(now_utc()), s.endpoint, s.body_id),
        )

    def finish_walk(self, s: EndpointState) -> None:
        """The walk reached the last page: the next one asks for changes since it started."""
        s.last_success, s.cursor = s.walk_start, None
        self._tx(
            "UPDATE oparl_endpoints SET last_success=walk_start, cursor=NULL, updated_at=? "
            "WHERE endpoint=? AND body_id=?",
            (iso(now_utc()), s.endpoint, s.body_id),
        )

    def reset(self, endpoint: str) -> None:
        """Forget the endpoint's walks (``fetch --full``); pending papers stay."""
        self._tx("DELETE FROM oparl_endpoints WHERE endpoint=?", (endpoint,))

    # papers to try again -----------------------------------------------------------------------
    def pending(self, endpoint: str, body_id: str) -> list[tuple[dict[str, Any], int]]:
        rows = self.conn.execute(
            "SELECT paper, attempts FROM oparl_pending WHERE endpoint=? AND body_id=? "
            "ORDER BY paper_id",
            (endpoint, body_id),
        ).fetchall()
        return [(json.loads(p), n) for p, n in rows]

    def add_pending(self, endpoint: str, body_id: str, paper: dict[str, Any], reason: str) -> None:
        self._tx(
            "INSERT INTO oparl_pending(endpoint, body_id, paper_id, paper, reason) "
            "VALUES (?,?,?,?,?) ON CONFLICT(endpoint, body_id, paper_id) DO UPDATE SET "
            "paper=excluded.paper, reason=excluded.reason, attempts=attempts+1",
            (
                endpoint,
                body_id,
                str(paper.get("id")),
                json.dumps(paper, ensure_ascii=False),
                reason,
            ),
        )

    def drop_pending(self, endpoint: str, body_id: str, paper_ids: list[str]) -> None:
        if not paper_ids:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self.conn.executemany(
                "DELETE FROM oparl_pending WHERE endpoint=? AND body_id=? AND paper_id=?",
                [(endpoint, body_id, p) for p in paper_ids],
            )
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def endpoints(self) -> list[EndpointState]:
        rows = self.conn.execute(
            "SELECT endpoint, body_id, body_name, last_success, walk_start, walk_since, start_url, "
            "cursor, pages_done FROM oparl_endpoints ORDER BY endpoint, body_id"
        ).fetchall()
        return [EndpointState(*r) for r in rows]
