"""``antragsradar tag``: analyse motions and print one result per motion."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from pipeline.cli import options
from pipeline.cli.common import guarded
from pipeline.cli.progress import Reporter


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _table(results: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "groups", "themes", "actions", "funding", "topic", "hedged"):
        table.add_column(col, overflow="fold")
    for r in results:
        table.add_row(
            str(r["id"]).rsplit("/", 1)[-1],
            ", ".join(r.get("groups") or []),
            ", ".join(f"{t['id']} {t['score']:.2f}" for t in r.get("themes") or []),
            ", ".join(a["type"] for a in r.get("actions") or []),
            ", ".join(
                f["kind"]
                + (f" {f['amount_eur']:,.0f} €" if f.get("amount_eur") is not None else "")
                for f in r.get("funding") or []
            ),
            r.get("topic") or "",
            "" if r.get("hedged") is None else ("yes" if r["hedged"] else "no"),
        )
    Console(width=200).print(table)


@guarded
def tag(
    inputs: list[str] = options.INPUTS,
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format."),
    model: Path = options.MODEL,
    no_themes: bool = options.NO_THEMES,
    input_format: str | None = options.INPUT_FORMAT,
    text_column: str | None = options.TEXT_COLUMN,
    id_column: str | None = options.ID_COLUMN,
    title_column: str | None = options.TITLE_COLUMN,
    date_column: str | None = options.DATE_COLUMN,
    group_column: str | None = options.GROUP_COLUMN,
    organizations: str | None = options.ORGANIZATIONS,
    quiet: bool = options.QUIET,
) -> None:
    """Analyse motions and print one result per motion (JSONL by default) on stdout.

    A document that cannot be read or analysed gets one error line on stderr; the others are
    still printed, and the exit code is 1.
    """
    from pipeline.tagging import tag_motions  # spaCy loads here, not when the CLI starts

    cols = options.columns(text_column, id_column, title_column, date_column, group_column)
    results: list[dict[str, Any]] = []
    n_failed = 0
    with Reporter("tagging", quiet=quiet) as progress:
        for item in tag_motions(
            inputs,
            model_dir=options.model_dir(model, no_themes),
            input_format=input_format,
            columns=cols,
            organizations=organizations,
            progress=None if quiet else progress,
        ):
            if not isinstance(item, dict):
                n_failed += 1
                where = item.source_file + (f" [{item.id}]" if item.id else "")
                progress.message(f"error: {where}: {item.reason}", always=True)
                continue
            if fmt is OutputFormat.jsonl:
                sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                results.append(item)
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    elif fmt is OutputFormat.table:
        _table(results)
    if n_failed:
        raise typer.Exit(1)
