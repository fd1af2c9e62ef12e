"""A bounded download cache: bodies in ``<db>.cache/``, the index in the store's ``http_cache``
table (made by the store's migrations, ``pipeline.store.migrations``).

An entry is valid for a URL as long as the File's ``sha1Checksum`` (else its ``modified`` date)
is what it was when the body was downloaded. The least recently used entries go first when the
folder grows past its limit.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipeline.fetch.state import iso, now_utc
from pipeline.store import Store


def cache_key(sha1: str | None, modified: str | None) -> str | None:
    """What decides whether a cached body still matches the File; None: do not cache."""
    if sha1:
        return f"sha1:{sha1.lower()}"
    if modified:
        return f"modified:{modified}"
    return None


class FileCache:
    def __init__(self, store: Store, folder: Path, max_bytes: int) -> None:
        self.conn = store.conn
        self.folder = folder
        self.max_bytes = max_bytes
        self.hits = 0

    @staticmethod
    def _name(url: str) -> str:
        return hashlib.sha1(url.encode()).hexdigest() + ".bin"

    def get(self, url: str, key: str | None) -> bytes | None:
        if key is None or self.max_bytes <= 0:
            return None
        row = self.conn.execute(
            "SELECT file, size FROM http_cache WHERE url=? AND key=?", (url, key)
        ).fetchone()
        if row is None:
            return None
        try:
            data = (self.folder / row[0]).read_bytes()
        except OSError:
            data = None
        if data is None or len(data) != row[1]:
            self.conn.execute("DELETE FROM http_cache WHERE url=?", (url,))
            return None
        self.conn.execute("UPDATE http_cache SET used_at=? WHERE url=?", (iso(now_utc()), url))
        self.hits += 1
        return data

    def put(self, url: str, key: str | None, data: bytes) -> None:
        if key is None or self.max_bytes <= 0 or len(data) > self.max_bytes:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        name = self._name(url)
        tmp = self.folder / (name + ".part")
        tmp.write_bytes(data)
        os.replace(tmp, self.folder / name)
        now = iso(now_utc())
        self.conn.execute(
            "INSERT INTO http_cache(url, key, file, size, fetched_at, used_at) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(url) DO UPDATE SET key=excluded.key, file=excluded.file, "
            "size=excluded.size, fetched_at=excluded.fetched_at, used_at=excluded.used_at",
            (url, key, name, len(data), now, now),
        )
        self._evict()

    def size(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(SUM(size), 0) FROM http_cache").fetchone()[0])

    def _evict(self) -> None:
        total = self.size()
        if total <= self.max_bytes:
            return
        for url, name, size in self.conn.execute(
            "SELECT url, file, size FROM http_cache ORDER BY used_at, fetched_at"
        ).fetchall():
            if total <= self.max_bytes:
                break
            try:
                (self.folder / name).unlink()
            except FileNotFoundError:
                pass
            self.conn.execute("DELETE FROM http_cache WHERE url=?", (url,))
            total -= size
