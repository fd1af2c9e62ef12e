"""``antragsradar train``: fit a theme model for a taxonomy and write it with its model card."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Any

import typer

from pipeline.cli.common import guarded
from pipeline.cli.progress import Reporter
from pipeline.errors import InputError


@guarded
def train(
    out: Path = typer.Option(..., "--out", help="Model folder to write, e.g. models/my-themes."),
    component: str = typer.Option(
        "themes",
        "--component",
        help="What to train: themes (the theme classifier), extraction (the clause model that "
        "decides action types and funding kinds, and the topic ranker, from annotation files), "
        "topic (the topic ranker alone, into the clause-model folder --out) or title (the "
        "reader of titles of texts without metadata, from --corpus files whose records carry "
        "a title beside the text; default models/title-default).",
    ),
    annotations: list[Path] = typer.Option(
        None,
        "--annotations",
        help="extraction: your annotation file(s), repeatable: JSON Lines as ../shared/gold/dev.jsonl "
        "(id, themes, actions/funding with evidence quotes, topic, hedged, groups) for papers of "
        "--corpus, or in the offset format of corpus/annotations. Trained together with ours "
        "unless --only-annotations.",
    ),
    corpus: list[str] = typer.Option(
        None,
        "--corpus",
        help="extraction: the papers your annotation ids name (any input format); title: "
        "records with a title beside their text, each file a source of its own.",
    ),
    weight: float = typer.Option(
        4.0,
        "--weight",
        min=0.0,
        help="extraction: how much each motion of your --annotations files counts against one "
        "of ours in the clause model (default 4: measured best for a few hundred motions of a "
        "new body, bench/eval_adaptation.py).",
    ),
    only_annotations: bool = typer.Option(
        False,
        "--only-annotations",
        help="extraction: train on your annotations alone; title: on your --corpus files alone.",
    ),
    taxonomy: Path = typer.Option(
        None,
        "--taxonomy",
        help="Taxonomy JSON file (default: corpus/taxonomy/themes.json); see that file for the format.",
    ),
    data: list[str] = typer.Option(
        None,
        "--data",
        help="Training source, repeatable: spd-berlin, karlsruhe-weak (seed-term weak labels from "
        "the taxonomy), karlsruhe-annotated (our hand labels of Karlsruhe papers), annotated (our "
        "full annotations, corpus/annotations/motions-*.jsonl), or a JSON Lines file of {text, "
        "themes, title?, extra?} records: your annotations; the model's held-out scores are then "
        "computed on them alone. Default: the four built-in ones.",
    ),
    shared: Path = typer.Option(
        None, "--shared", help="Shared data folder (default: $ANTRAGSRADAR_SHARED or ../shared)."
    ),
    no_dev: bool = typer.Option(
        False,
        "--no-dev",
        help="Skip scoring on the dev gold (needed for a custom taxonomy whose ids differ).",
    ),
    held_out: bool = typer.Option(
        True,
        "--held-out/--no-held-out",
        help="themes: also fit one model per annotated source without it (leave one source "
        "out) for the model card; --no-held-out trains once.",
    ),
    pickle: bool = typer.Option(
        True,
        "--pickle/--no-pickle",
        help="themes: also save the scikit-learn Pipeline (model.joblib, for inspection in "
        "Python); --no-pickle writes the numpy archive alone, which is all prediction reads: a "
        "folder to share that nothing unpickles (the shipped model is saved so).",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
) -> None:
    """Train a model and write it with its model card: the theme classifier (default), or with
    --component extraction the clause model from annotation files; print its scores as JSON."""

    command = "antragsradar train " + " ".join(shlex.quote(a) for a in sys.argv[2:])
    # Training reports phases, not counts (the fits give no count to show): each phase is a
    # line with the time since the start.
    with Reporter("training", quiet=quiet) as progress:

        def step(msg: str) -> None:
            progress.message(f"{msg} ({progress.elapsed()})")

        if component == "title":
            _train_title(out, corpus, only_annotations, shared, command.strip(), step)
            return
        if component in ("extraction", "topic"):
            _train_extraction(
                out,
                annotations,
                corpus,
                only_annotations,
                weight,
                shared,
                command.strip(),
                step,
                topic_only=component == "topic",
            )
            return
        if component != "themes":
            raise InputError(
                f"unknown --component {component!r}; use themes, extraction, topic or title"
            )
        from pipeline.training.themes.data import BUILTIN_SOURCES
        from pipeline.training.themes.train import train_model

        res = train_model(
            taxonomy=taxonomy,
            sources=data or list(BUILTIN_SOURCES),
            out=out,
            shared=shared,
            dev=not no_dev,
            command=command.strip(),
            progress=step,
            held_out=held_out,
            pickle=pickle,
        )
    typer.echo(json.dumps(_theme_summary(res.card, res.out), ensure_ascii=False, indent=2))


def _theme_summary(card: dict, out: Any) -> dict:
    """What `train` prints for a theme model: its held-out and dev scores, size, timings."""
    loso = card.get("leave_one_source_out") or {}
    return {
        "out": str(out),
        "training_examples": card["training_examples"],
        "cross_validation": card["cross_validation"],
        "leave_one_source_out": {
            body: {k: v[k] for k in ("micro_f1", "macro_f1", "top1", "ece", "examples")}
            for body, v in (loso.get("bodies") or {}).items()
        },
        "dev": card["dev"]
        and {k: card["dev"][k] for k in ("docs", "with_gold_extras", "without_extras")},
        "model_file_bytes": card.get("model_file_bytes"),
        "timings_s": card["timings_s"],
    }


def _train_extraction(
    out: Path,
    annotations,
    corpus,
    only_annotations: bool,
    weight: float,
    shared,
    command: str,
    progress,
    topic_only: bool = False,
) -> None:
    from pipeline.training.annotations import default_files, read_records
    from pipeline.training.extraction import train_extraction
    from pipeline.training.topic import train_topic_ranker

    if only_annotations and not annotations:
        raise InputError("--only-annotations needs --annotations FILE")
    files = [*(() if only_annotations else default_files()), *(annotations or ())]
    if topic_only:
        ranker = train_topic_ranker(
            files, out, shared=shared, corpus=corpus, command=command, progress=progress
        )
        typer.echo(json.dumps({"out": str(out), **_topic_summary(ranker.card)}, indent=2))
        return

    # the user's motions weigh more than ours: a few hundred of their own body teach its
    # conventions, which thousands of ours from other bodies outvote at weight 1
    weights = (
        {str(r["id"]): weight for r in read_records(annotations)}
        if annotations and not only_annotations and weight != 1.0
        else None
    )
    res = train_extraction(
        files,
        out=out,
        shared=shared,
        corpus=corpus,
        command=command,
        progress=progress,
        weights=weights,
    )
    cv = res.card["cross_validation"]
    summary = {
        "out": str(out),
        "training_motions": res.card["training_motions"],
        "leave_one_source_out": {
            s: {
                "actions_micro_f1": v["actions"]["micro_f1"],
                "funding_micro_f1": v["funding"]["micro_f1"],
            }
            for s, v in (cv.get("leave_one_source_out") or {}).items()
        },
        "within_source_5fold": {
            s: {
                "actions_micro_f1": v["actions"]["micro_f1"],
                "funding_micro_f1": v["funding"]["micro_f1"],
            }
            for s, v in (cv.get("within_source_5fold") or {}).items()
        },
        "timings_s": res.card["timings_s"],
        **_topic_summary(res.card.get("topic") or {}),
    }
    typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))


def _train_title(out: Path, corpus, only_corpus: bool, shared, command: str, progress) -> None:
    from pipeline.training.title import default_inputs, train_title

    if only_corpus and not corpus:
        raise InputError("--only-annotations with --component title needs --corpus FILE")
    # each file is a source of its own, named by its file name (with its folder where two
    # files share a name: karlsruhe/papers.jsonl.gz, bundestag/papers.jsonl.gz)
    names = [Path(c).name for c in corpus or ()]
    mine = [
        (f"{Path(c).parent.name}/{n}" if names.count(n) > 1 else n, c)
        for n, c in zip(names, corpus or (), strict=True)
    ]
    inputs = [*(() if only_corpus else default_inputs(shared)), *mine]
    model = train_title(inputs, out=out, shared=shared, command=command, progress=progress)
    cv = model.card["cross_validation"]
    summary = {
        "out": str(out),
        "records": model.card["records"],
        "threshold": model.threshold,
        "title_token_f1": {
            way: {s: v["token_f1"] for s, v in cv.get(way, {}).items()}
            for way in ("leave_one_source_out", "within_source_5fold")
        },
        "rules_token_f1": cv.get("rules"),
        "timings_s": model.card["timings_s"],
    }
    typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))


def _topic_summary(section: dict) -> dict:
    """The topic ranker's held-out mean topic token F1 per source, with the rules' beside."""
    cv = section.get("cross_validation") or {}
    return {
        "topic_token_f1": {
            way: {
                s: {"ranker": v["topic"], "rules": v["rules"]} for s, v in cv.get(way, {}).items()
            }
            for way in ("leave_one_source_out", "within_source_5fold")
        }
    }
