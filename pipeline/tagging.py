"""Analyse motions without a store: what ``antragsradar tag`` prints."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.analyze import Analyzer
from pipeline.ingest import Columns, count_motions, read_inputs, resolve_inputs, with_body
from pipeline.paths import DEFAULT_EXTRACTION_DIR, DEFAULT_MODEL_DIR
from pipeline.record import Failure, Motion, Result


def tag_motions(
    inputs: list[str],
    *,
    model_dir: str | Path | None = DEFAULT_MODEL_DIR,
    input_format: str | None = None,
    columns: Columns | None = None,
    organizations: str | None = None,
    analyzer: Analyzer | None = None,
    body: str | None = None,
    skip_non_german: bool = False,
    extraction_dir: str | Path | None = DEFAULT_EXTRACTION_DIR,
    progress: Callable[[int, int | None], None] | None = None,
) -> Iterator[Result | Failure]:
    """Result records in input order, or a Failure for each document that could not be used.
    ``body`` names the body of motions whose metadata names none; ``progress(done, total)`` is
    called after each item (``total`` is None for standard input).
    """
    resolve_inputs(inputs, input_format)  # a missing path fails before the model loads
    total = count_motions(inputs, input_format, columns) if progress else None
    analyzer = analyzer or Analyzer(model_dir, extraction_dir=extraction_dir)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    def motions() -> Iterator[Motion]:
        for item in with_body(
            read_inputs(inputs, input_format, columns, organizations, skip_non_german), body
        ):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                yield item

    failures: list[Failure] = []
    for _, res in analyzer.results(motions()):
        while failures:
            step()
            yield failures.pop(0)
        step()
        yield res
    for f in failures:
        step()
        yield f
