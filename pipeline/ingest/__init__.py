"""Readers for every input format behind one dispatcher: ``read_inputs`` yields Motions and Failures."""

from collections.abc import Iterable, Iterator

from pipeline.ingest.dispatch import FORMATS, count_motions, read_inputs, resolve_inputs
from pipeline.ingest.tabular import Columns
from pipeline.record import Failure, Motion

__all__ = ["FORMATS", "Columns", "count_motions", "read_inputs", "resolve_inputs", "with_body"]


def with_body(items: Iterable[Motion | Failure], body: str | None) -> Iterator[Motion | Failure]:
    """The items, each Motion whose metadata names no body given ``body`` (when not None)."""
    for item in items:
        if body and isinstance(item, Motion) and not item.body:
            item.body = body
        yield item
