"""The ``antragsradar`` command line: thin typer wrappers over library functions."""

from __future__ import annotations

import typer

from pipeline import __version__
from pipeline.cli import analyze as _analyze
from pipeline.cli import evaluate as _evaluate
from pipeline.cli import fetch as _fetch
from pipeline.cli import report as _report
from pipeline.cli import tag as _tag
from pipeline.cli import train as _train

app = typer.Typer(
    name="antragsradar",
    help="Analyse German council and parliament motions: requested actions, funding sources, "
    "policy topics, submitting factions and themes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"antragsradar {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Analyse German council and parliament motions."""


app.command("tag")(_tag.tag)
app.command("analyze")(_analyze.analyze)
app.add_typer(_report.app)
app.command("fetch")(_fetch.fetch)
app.command("watch")(_fetch.watch)
app.command("evaluate")(_evaluate.evaluate)
app.command("train")(_train.train)


def main() -> None:
    app()
