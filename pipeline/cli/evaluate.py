"""``antragsradar evaluate``: per-field scores against annotated motions."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from pipeline.cli import options
from pipeline.cli.common import guarded, output_width
from pipeline.cli.progress import Reporter


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


def _print(report: dict[str, Any], worst: int) -> None:
    from rich.console import Console

    out = Console(width=output_width(160))
    out.print(
        f"[bold]{report['n_scored']}[/] of {report['n_gold']} gold motions scored "
        f"({report['analysis_version']})"
    )
    if report["missing_in_corpus"]:
        out.print(f"not in the corpus: {', '.join(report['missing_in_corpus'][:10])}")
    out.print(_summary_table(report))
    if report.get("by_source"):
        out.print(_by_source_table(report["by_source"]))
    scores = report["scores"]
    for name, block in (
        ("action types", scores.get("extraction", {}).get("actions")),
        ("funding kinds", scores.get("extraction", {}).get("funding")),
        ("themes", scores.get("themes")),
    ):
        if block and "per_label" in block:
            out.print(_per_label_table(name, block["per_label"]))
    misses: list[dict[str, Any]] = []
    for field_scores in [*scores.get("extraction", {}).values(), scores.get("themes") or {}]:
        if isinstance(field_scores, dict):
            misses.extend(field_scores.get("worst") or [])
    if misses and worst:
        out.print(_misses_table(misses, worst))


def _summary_table(report: dict[str, Any]):
    from rich.table import Table

    t = Table(title="scores")
    t.add_column("field")
    t.add_column("score", justify="right")
    t.add_column("target", justify="right")
    for key, value in report["summary"].items():
        target = report["targets"].get(key)
        mark = "" if target is None else (" ✓" if value >= target else " ✗")
        t.add_row(key, f"{value:.3f}{mark}", "" if target is None else f"{target:.2f}")
    return t


def _by_source_table(by_source: dict[str, dict[str, Any]]):
    from rich.table import Table

    keys = sorted({k for row in by_source.values() for k in row if k != "n"})
    t = Table(title="scores per source")
    for col in ("source", "n", *keys):
        t.add_column(col, justify="left" if col == "source" else "right")
    for src, row in by_source.items():
        t.add_row(src, str(row["n"]), *(f"{row[k]:.3f}" if k in row else "" for k in keys))
    return t


def _per_label_table(name: str, per_label: dict[str, dict[str, Any]]):
    from rich.table import Table

    t = Table(title=f"{name}: per label")
    for col in ("label", "precision", "recall", "f1", "support"):
        t.add_column(col, justify="left" if col == "label" else "right")
    for label, s in sorted(per_label.items(), key=lambda kv: -kv[1]["support"]):
        t.add_row(
            label,
            f"{s['precision']:.2f}",
            f"{s['recall']:.2f}",
            f"{s['f1']:.2f}",
            str(s["support"]),
        )
    return t


def _misses_table(misses: list[dict[str, Any]], worst: int):
    from rich.table import Table

    t = Table(title=f"worst misses (up to {worst} per field)")
    for col in ("id", "field", "gold", "predicted"):
        t.add_column(col, overflow="fold")
    per_field: dict[str, int] = {}
    for m in misses:
        f = str(m.get("field"))
        if per_field.get(f, 0) >= worst:
            continue
        per_field[f] = per_field.get(f, 0) + 1
        t.add_row(
            str(m.get("id")),
            f,
            json.dumps(m.get("gold"), ensure_ascii=False),
            json.dumps(m.get("predicted"), ensure_ascii=False),
        )
    return t


@guarded
def evaluate(
    gold: Path = typer.Argument(..., help="JSONL of annotated motions (spec/ANNOTATION.md)."),
    corpus: list[str] = typer.Option(..., "--corpus", help="The papers the gold ids refer to."),
    model: Path = options.MODEL,
    extraction_model: Path = options.EXTRACTION_MODEL,
    rules_only: bool = options.RULES_ONLY,
    no_themes: bool = options.NO_THEMES,
    silver: Path | None = typer.Option(
        None,
        "--silver",
        help="Also score the groups of the whole corpus against this submitters.json.",
    ),
    fmt: EvalFormat = typer.Option(EvalFormat.table, "--format", "-f", help="Output format."),
    worst: int | None = typer.Option(
        None,
        "--worst",
        min=0,
        help="Misses to list per field, worst first [default: 5 in the table, 15 in JSON].",
    ),
    quiet: bool = options.QUIET,
) -> None:
    """Score the analysis against annotated motions: action types (micro/macro F1), funding
    presence and kinds, amount recall, named-fund recall, topic token F1, hedging, groups, and
    themes (micro/macro F1, top-1), each with a per-label breakdown and the worst misses."""
    from pipeline.evaluate.gold import evaluate as run_evaluation

    if worst is None:
        worst = 15 if fmt is EvalFormat.json else 5
    with Reporter("evaluating", quiet=quiet) as progress:
        report = run_evaluation(
            gold,
            corpus,
            model_dir=options.model_dir(model, no_themes),
            silver=silver,
            extraction_dir=options.extraction_dir(extraction_model, rules_only),
            progress=progress,
            worst=worst,
        )
    if fmt is EvalFormat.json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        _print(report, worst)
