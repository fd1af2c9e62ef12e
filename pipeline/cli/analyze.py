"""``antragsradar analyze``: batch run into the SQLite store."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.cli import options
from pipeline.cli.common import guarded, print_run_summary
from pipeline.cli.progress import Reporter


@guarded
def analyze(
    inputs: list[str] = options.INPUTS,
    db: Path = typer.Option(Path("antragsradar.db"), "--db", help="SQLite store to write."),
    model: Path = options.MODEL,
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
    workers: int = options.WORKERS,
    scheduler: str | None = options.SCHEDULER,
    commit_every: int = typer.Option(
        200,
        "--commit-every",
        min=1,
        help="Motions per transaction; a killed run loses at most one open transaction.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the run summary as JSON on stdout."),
    quiet: bool = options.QUIET,
) -> None:
    """Analyse motions into a SQLite store (motions, results, runs, failures).

    Re-running on the same input adds and loses nothing: unchanged motions are skipped, motions
    whose text changed are analysed again. A bad document is recorded with its reason and the
    run goes on.
    """
    # the pipeline loads from here on, not at CLI start
    from pipeline.batch import analyze_into_store

    with Reporter("analysing", quiet=quiet) as progress:
        summary = analyze_into_store(
            inputs,
            db,
            model_dir=options.model_dir(model, no_themes),
            input_format=input_format,
            columns=options.columns(
                text_column, id_column, title_column, date_column, group_column
            ),
            organizations=organizations,
            body=body,
            skip_non_german=skip_non_german,
            commit_every=commit_every,
            progress=None if quiet else progress,
            workers=workers,
            scheduler=scheduler,
            # index the terms of new and changed motions now, so that `report compare` stays fast
            index_terms=True,
        )
    c = summary.counts
    line = (
        f"run {summary.run_id} → {summary.db}: read {c['read']}, new {c['new']}, "
        f"changed {c['changed']}, unchanged {c['unchanged']}, failed {c['failed']} "
        f"in {summary.seconds:.1f} s"
    )
    print_run_summary(
        summary, line, as_json=as_json, quiet=quiet, log=lambda m: typer.echo(m, err=True)
    )
