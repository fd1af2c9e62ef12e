"""``antragsradar train``: fit a theme model for a taxonomy and write it with its model card."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import typer

from pipeline.cli.common import guarded
from pipeline.cli.progress import Reporter


@guarded
def train(
    out: Path = typer.Option(..., "--out", help="Model folder to write, e.g. models/my-themes."),
    taxonomy: Path = typer.Option(
        None,
        "--taxonomy",
        help="Taxonomy JSON file (default: corpus/taxonomy/themes.json); see that file for the format.",
    ),
    data: list[str] = typer.Option(
        None,
        "--data",
        help="Training source, repeatable: spd-berlin, karlsruhe-weak (seed-term weak labels from "
        "the taxonomy), karlsruhe-annotated (our hand labels, corpus/annotations), or a JSON "
        "Lines file of {text, themes, title?, extra?} records. Default: all three built-in ones.",
    ),
    shared: Path = typer.Option(
        None, "--shared", help="Shared data folder (default: $ANTRAGSRADAR_SHARED or ../shared)."
    ),
    no_dev: bool = typer.Option(
        False,
        "--no-dev",
        help="Skip scoring on the dev gold (needed for a custom taxonomy whose ids differ).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
) -> None:
    """Train a theme classifier and write it with model_card.json and README.md; print the card's
    scores as JSON on stdout."""
    from pipeline.classify.data import BUILTIN_SOURCES
    from pipeline.classify.train import train_model

    command = "antragsradar train " + " ".join(shlex.quote(a) for a in sys.argv[2:])
    # Training reports phases, not counts (the fits give no count to show): each phase is a
    # line with the time since the start.
    with Reporter("training", quiet=quiet) as progress:

        def step(msg: str) -> None:
            progress.message(f"{msg} ({progress.elapsed()})")

        res = train_model(
            taxonomy=taxonomy,
            sources=data or list(BUILTIN_SOURCES),
            out=out,
            shared=shared,
            dev=not no_dev,
            command=command.strip(),
            progress=step,
        )
    card = res.card
    summary = {
        "out": str(res.out),
        "training_examples": card["training_examples"],
        "cross_validation": card["cross_validation"],
        "dev": card["dev"]
        and {k: card["dev"][k] for k in ("docs", "with_gold_extras", "without_extras")},
        "model_file_bytes": card.get("model_file_bytes"),
        "timings_s": card["timings_s"],
    }
    typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
