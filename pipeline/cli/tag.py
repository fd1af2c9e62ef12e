"""``antragsradar tag``: analyse motions and print one result per motion."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from pipeline.cli import options
from pipeline.cli.common import guarded, output_width
from pipeline.cli.progress import Reporter
from pipeline.record import Failure, FundingMention, Result


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _funding_cell(f: FundingMention) -> str:
    from pipeline.report.numbers import de_eur

    amount = f.get("amount_eur")
    return f["kind"] + (f" {de_eur(amount)}" if amount is not None else "")


def table_rows(results: list[Result]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the human table: theme labels, German numbers."""
    from pipeline.report.numbers import de_number

    header = ["id", "groups", "themes", "actions", "funding", "topic", "hedged"]
    rows = [
        [
            str(r["id"]).rsplit("/", 1)[-1],
            ", ".join(r.get("groups") or []),
            ", ".join(
                f"{t.get('label') or t['id']} {de_number(t['score'], 2)}"
                for t in r.get("themes") or []
            ),
            ", ".join(a["type"] for a in r.get("actions") or []),
            ", ".join(_funding_cell(f) for f in r.get("funding") or []),
            r.get("topic") or "",
            "" if r.get("hedged") is None else ("yes" if r["hedged"] else "no"),
        ]
        for r in results
    ]
    return header, rows


def _table(results: list[Result], wide: bool) -> None:
    from pipeline.report.render import table_text

    width = output_width()
    header, rows = table_rows(results)
    text, dropped = table_text(header, rows, width, wide=wide)
    sys.stdout.write(text)
    if dropped:
        sys.stdout.write(
            f"· {len(dropped)} more columns do not fit {width} characters: "
            f"{', '.join(dropped)}; --wide shows all.\n"
        )


@guarded
def tag(
    inputs: list[str] = options.INPUTS,
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format."),
    model: Path = options.MODEL,
    extraction_model: Path = options.EXTRACTION_MODEL,
    rules_only: bool = options.RULES_ONLY,
    no_themes: bool = options.NO_THEMES,
    input_format: str | None = options.INPUT_FORMAT,
    text_column: str | None = options.TEXT_COLUMN,
    id_column: str | None = options.ID_COLUMN,
    title_column: str | None = options.TITLE_COLUMN,
    date_column: str | None = options.DATE_COLUMN,
    group_column: str | None = options.GROUP_COLUMN,
    organizations: str | None = options.ORGANIZATIONS,
    body: str | None = options.BODY,
    skip_non_german: bool = options.SKIP_NON_GERMAN,
    quiet: bool = options.QUIET,
    wide: bool = typer.Option(
        False, "--wide", help="With -f table: every column, however wide the table gets."
    ),
) -> None:
    """Analyse motions and print one result per motion (JSONL by default) on stdout.

    A document that cannot be read or analysed gets one error line on stderr; the others are
    still printed, and the exit code is 1.
    """
    from pipeline.tagging import tag_motions  # spaCy loads here, not when the CLI starts

    cols = options.columns(text_column, id_column, title_column, date_column, group_column)
    results: list[Result] = []
    n_failed = 0
    with Reporter("tagging", quiet=quiet) as progress:
        for item in tag_motions(
            inputs,
            model_dir=options.model_dir(model, no_themes),
            input_format=input_format,
            columns=cols,
            organizations=organizations,
            body=body,
            skip_non_german=skip_non_german,
            extraction_dir=options.extraction_dir(extraction_model, rules_only),
            progress=None if quiet else progress,
        ):
            if isinstance(item, Failure):
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
        _table(results, wide)
    if n_failed:
        raise typer.Exit(1)
