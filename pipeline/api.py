"""The public Python API: analyse texts or files into result records, build a store, read reports.

    from pipeline import api

    records = api.analyze_texts(["Die Verwaltung wird beauftragt zu prüfen, ..."])
    records[0]["actions"][0]["type"]                      # 'review'

    summary = api.analyze_files(["papers.jsonl.gz"], db="motions.db")
    with api.open_store("motions.db") as store:
        rows = store.themes(groups=["SPD", "CDU"]).rows     # plain dicts, one per cell
        trend = store.trends(themes=["integration"], since="2015").rows

Records are the dicts that ``antragsradar tag`` prints (the JSON contract of the README); a
document that cannot be analysed comes back as a ``Failure`` with its reason, never an
exception. Errors of the setup (a missing file, a model that does not fit) raise the library's
own exceptions (``pipeline.errors.AntragsradarError`` and its subclasses).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.analyze import Analyzer
from pipeline.batch import RunSummary, analyze_into_store
from pipeline.errors import AntragsradarError, InputError, ModelError, StoreError
from pipeline.ingest.textfile import motion_from_text
from pipeline.paths import DEFAULT_MODEL_DIR
from pipeline.record import Failure, Motion, Result
from pipeline.report import (
    Filters,
    Report,
    actions_by_group,
    compare,
    drill,
    themes_by_group,
    trends,
)
from pipeline.report import open_store as _open_store
from pipeline.tagging import tag_motions

__all__ = [
    "AntragsradarError",
    "Failure",
    "InputError",
    "ModelError",
    "Motion",
    "Report",
    "StoreError",
    "StoreReports",
    "analyze_files",
    "analyze_motions",
    "analyze_texts",
    "open_store",
    "tag_files",
]

_ANALYZERS: dict[str, Analyzer] = {}


def _analyzer(model_dir: str | Path | None) -> Analyzer:
    """One Analyzer per model folder and process: loading takes a second or two."""
    key = str(model_dir)
    if key not in _ANALYZERS:
        _ANALYZERS[key] = Analyzer(model_dir)
    return _ANALYZERS[key]


def analyze_motions(
    motions: Iterable[Motion], *, model_dir: str | Path | None = DEFAULT_MODEL_DIR
) -> list[Result | Failure]:
    """Result records (or Failures) of ``Motion`` objects, in order."""
    return [r for _, r in _analyzer(model_dir).results(motions)]


def analyze_texts(
    texts: Iterable[str],
    *,
    ids: Iterable[str] | None = None,
    titles: Iterable[str] | None = None,
    model_dir: str | Path | None = DEFAULT_MODEL_DIR,
) -> list[Result | Failure]:
    """Result records of plain motion texts (title, date and type are read from the text where
    it has them, as for a ``.txt`` file); ``model_dir=None`` skips the themes."""
    texts = list(texts)
    id_list = list(ids) if ids is not None else [f"text-{i + 1}" for i in range(len(texts))]
    title_list = list(titles) if titles is not None else [None] * len(texts)
    if len(id_list) != len(texts) or len(title_list) != len(texts):
        raise InputError("ids and titles must have one entry per text")
    motions = []
    for text, mid, title in zip(texts, id_list, title_list, strict=True):
        m = motion_from_text(text, "<text>", mid)
        if title:
            m.title = title
        motions.append(m)
    return analyze_motions(motions, model_dir=model_dir)


def tag_files(
    inputs: Iterable[str | Path], *, model_dir: str | Path | None = DEFAULT_MODEL_DIR, **read: Any
) -> Iterator[Result | Failure]:
    """Result records of files or folders of any supported format (what ``tag`` prints)."""
    yield from tag_motions(
        [str(p) for p in inputs], model_dir=model_dir, analyzer=_analyzer(model_dir), **read
    )


def analyze_files(
    inputs: Iterable[str | Path],
    db: str | Path,
    *,
    model_dir: str | Path | None = DEFAULT_MODEL_DIR,
    workers: int = 1,
    **read: Any,
) -> RunSummary:
    """Analyse files or folders into the store ``db`` (idempotent, like ``analyze``)."""
    return analyze_into_store(
        [str(p) for p in inputs], db, model_dir=model_dir, workers=workers, **read
    )


@dataclass
class StoreReports:
    """The reports of one store; each method returns a ``Report`` (``.rows``: plain dicts)."""

    con: sqlite3.Connection

    @staticmethod
    def _filters(**kw: Any) -> Filters:
        args: dict[str, Any] = {
            k: list(v) if isinstance(v, (list, tuple)) else v for k, v in kw.items()
        }
        return Filters(**args)

    def themes(self, *, min_n: int = 5, **filters: Any) -> Report:
        return themes_by_group(self.con, self._filters(**filters), min_n=min_n)

    def trends(self, *, period: str = "year", min_n: int = 5, **filters: Any) -> Report:
        return trends(self.con, self._filters(**filters), period=period, min_n=min_n)

    def actions(self, *, min_n: int = 5, **filters: Any) -> Report:
        return actions_by_group(self.con, self._filters(**filters), min_n=min_n)

    def compare(self, group_a: str, group_b: str | None = None, **filters: Any) -> Report:
        return compare(self.con, self._filters(**filters), group_a, group_b)

    def drill(
        self, *, period: str | None = None, limit: int | None = None, **filters: Any
    ) -> Report:
        return drill(self.con, self._filters(**filters), period=period, limit=limit)


@contextmanager
def open_store(path: str | Path) -> Iterator[StoreReports]:
    """The reports of an existing store (``Filters`` fields as keyword arguments: ``themes``,
    ``groups``, ``bodies``, ``paper_types``, ``since``, ``until``)."""
    with _open_store(path) as con:
        yield StoreReports(con)
