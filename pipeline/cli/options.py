"""Options shared by the commands that read motions."""

from __future__ import annotations

from pathlib import Path

import typer

from pipeline.ingest import FORMATS, Columns
from pipeline.paths import DEFAULT_EXTRACTION_DIR, DEFAULT_MODEL_DIR

INPUTS = typer.Argument(
    ...,
    help="Files or folders of motions: OParl JSON/JSONL (also .gz), JSONL/CSV/TSV records with a "
    "text column, .txt/.md, PDF; '-' reads standard input.",
    show_default=False,
)
INPUT_FORMAT = typer.Option(
    None, "--input-format", help=f"Read every input as this format: {', '.join(FORMATS)}."
)
TEXT_COLUMN = typer.Option(None, "--text-column", help="Record field that holds the text.")
ID_COLUMN = typer.Option(None, "--id-column", help="Record field that holds the id.")
TITLE_COLUMN = typer.Option(None, "--title-column", help="Record field that holds the title.")
DATE_COLUMN = typer.Option(None, "--date-column", help="Record field that holds the date.")
GROUP_COLUMN = typer.Option(
    None, "--group-column", help="Record field that holds the submitting groups."
)
ORGANIZATIONS = typer.Option(
    None,
    "--organizations",
    help="OParl organizations file that names the factions of originatorOrganization.",
)
MODEL = typer.Option(
    DEFAULT_MODEL_DIR,
    "--model",
    help="Theme model folder (joblib files run code when loaded: only name folders you trust).",
)
BODY = typer.Option(
    None,
    "--body",
    help="The body the motions were put to (e.g. 'Rat der Stadt Köln'), for inputs whose "
    "metadata names none; else it is read from the letterhead where it names one.",
)
EXTRACTION_MODEL = typer.Option(
    DEFAULT_EXTRACTION_DIR,
    "--extraction-model",
    help="Clause model folder that decides action types and funding kinds (see `train "
    "--component extraction`).",
)
RULES_ONLY = typer.Option(
    False, "--rules-only", help="Action types and funding kinds from the rules alone."
)
NO_THEMES = typer.Option(False, "--no-themes", help="Skip the theme classifier.")
SKIP_NON_GERMAN = typer.Option(
    False,
    "--skip-non-german",
    help="Record texts that read as another language (English, French) as failures instead of "
    "analysing them with a note in their meta.",
)
WORKERS = typer.Option(
    1,
    "--workers",
    "-w",
    min=1,
    help="Analyse in this many local processes (each loads the models once); "
    "the store is the same for any number.",
)
SCHEDULER = typer.Option(
    None,
    "--scheduler",
    help="Run the analysis on the Dask cluster at this scheduler address "
    "(e.g. tcp://10.0.0.5:8786); needs pip install 'antragsradar[dask]', and this package "
    "and the model folder on every worker.",
)
QUIET = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr.")


def columns(
    text: str | None, id_: str | None, title: str | None, date: str | None, group: str | None
) -> Columns:
    return Columns.with_overrides(text=text, id=id_, title=title, date=date, group=group)


def model_dir(model: Path, no_themes: bool) -> Path | None:
    return None if no_themes else model


def extraction_dir(extraction_model: Path, rules_only: bool) -> Path | None:
    return None if rules_only else extraction_model
