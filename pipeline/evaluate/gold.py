"""Evaluate the whole analysis against annotated motions: run the Analyzer over the gold
papers of a corpus and score every field (extraction and themes), optionally the groups of a
whole corpus against a silver attribution.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline.analyze import Analyzer
from pipeline.errors import InputError
from pipeline.evaluate.extraction import WORST
from pipeline.ingest import count_motions, read_inputs
from pipeline.paths import DEFAULT_EXTRACTION_DIR, DEFAULT_MODEL_DIR
from pipeline.record import Failure, Motion

Progress = Callable[[int, int | None], None]

# The bars the issue tracker sets on dev (the extraction and theme issues of 2026-12-05; amount
# and named-fund recall and the silver groups from the first brief); printed beside the scores.
TARGETS = {
    "action_types_micro_f1": 0.90,
    "funding_kinds_micro_f1": 0.85,
    "amount_recall": 0.80,
    "named_fund_recall": 0.80,
    "topic_token_f1": 0.75,
    "groups_exact_match": 0.95,
    "groups_silver_exact_match": 0.90,
    "themes_micro_f1": 0.85,
    "themes_macro_f1": 0.80,
    "themes_top1": 0.95,
}


def paper_key(motion_id: str) -> str:
    """The short key of a paper id: the last path segment of an OParl id URL."""
    return motion_id.rstrip("/").rsplit("/", 1)[-1]


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gold file; give a JSONL file of annotated motions")
    gold = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}: line {lineno} is not valid JSON ({exc.msg})") from exc
        if "id" not in rec:
            raise InputError(f"{path}: line {lineno} has no id")
        if "groups" in rec and "factions" not in rec:  # our annotation files say groups
            rec["factions"] = rec["groups"]
        gold.append(rec)
    return gold


def load_silver(path: str | Path) -> dict[str, Any]:
    """A silver attribution (``submitters.json``: {"factions": {...}, "papers": {...}})."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such silver file; give the corpus's submitters.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{path}: not a JSON file ({exc}); give the corpus's submitters.json"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("papers"), dict):
        raise InputError(f'{path}: has no "papers" mapping; give the corpus\'s submitters.json')
    return data


def _gold_motions(gold: list[dict[str, Any]], corpus: list[str]) -> Iterator[tuple[str, Motion]]:
    """The corpus motions that gold records refer to, as (gold id, motion).

    A gold id matches a motion id exactly, or as ``prefix:KEY`` where KEY is the last path
    segment of the motion's OParl id and the prefix names its source
    (``karlsruhe:114`` → ``https://web1.karlsruhe.de/…/papers/ag/114``, not ``…/musterstadt/paper/114``).
    """
    by_exact = {g["id"]: g["id"] for g in gold}
    by_key: dict[str, list[tuple[str, str]]] = {}
    for g in gold:
        prefix, _, key = str(g["id"]).rpartition(":")
        by_key.setdefault(key, []).append((prefix.lower(), g["id"]))
    for item in read_inputs(corpus):
        if not isinstance(item, Motion):
            continue
        gid = by_exact.get(item.id)
        if gid is None:
            lowered = item.id.lower()
            gid = next(
                (g for prefix, g in by_key.get(paper_key(item.id), []) if prefix in lowered), None
            )
        if gid is not None:
            yield gid, item


def _corpus_groups(
    analyzer: Analyzer, corpus: list[str], done: int, progress: Progress | None
) -> dict[str, list[str]]:
    """The groups of every motion of the corpus (for the silver attribution); ``done``
    motions were counted before."""
    groups: dict[str, list[str]] = {}
    total = done + (count_motions(corpus) or 0) if progress else None
    motions = (m for m in read_inputs(corpus) if isinstance(m, Motion))
    for i, (m, res) in enumerate(analyzer.results(motions), start=done + 1):
        if not isinstance(res, Failure):
            groups[paper_key(m.id)] = list(res.get("groups") or [])
        if progress:
            progress(i, total)
    return groups


def predict(
    analyzer: Analyzer,
    motions: Iterable[tuple[str, Motion]],
    progress: Progress | None = None,
) -> dict[str, dict[str, Any]]:
    ids: dict[int, str] = {}
    pending: list[Motion] = []
    for gid, m in motions:
        ids[id(m)] = gid
        pending.append(m)
    out: dict[str, dict[str, Any]] = {}
    for i, (m, res) in enumerate(analyzer.results(pending), start=1):
        if isinstance(res, Failure):
            out[ids[id(m)]] = {"id": m.id, "failure": res.reason}
        else:
            out[ids[id(m)]] = dict(res)
        if progress:
            progress(i, len(pending))
    return out


def source_of(key: str) -> str:
    """The source of a gold id: its prefix ("karlsruhe", "bundestag-dip-digest", ...)."""
    return key.split(":", 1)[0] if ":" in key else "other"


def by_source(
    gold: list[dict[str, Any]], predicted: dict[str, dict[str, Any]], analyzer: Analyzer
) -> dict[str, dict[str, float]]:
    """The headline scores per source of the gold ids (only where there are several)."""
    from pipeline.evaluate.extraction import score_extraction, summary

    sources = sorted({source_of(g["id"]) for g in gold})
    if len(sources) < 2:
        return {}
    out = {}
    for src in sources:
        part = [g for g in gold if source_of(g["id"]) == src]
        row: dict[str, float] = {"n": len(part)}
        row.update(summary(score_extraction(part, predicted)))
        if analyzer.themes is not None and any("themes" in g for g in part):
            from pipeline.evaluate.themes import score_themes

            t = score_themes(part, [predicted[g["id"]] for g in part])
            row.update({"themes_micro_f1": t["micro_f1"], "themes_top1": t["top1"]})
        out[src] = row
    return out


def evaluate(
    gold_path: str | Path,
    corpus: list[str],
    *,
    model_dir: str | Path | None = DEFAULT_MODEL_DIR,
    silver: str | Path | None = None,
    analyzer: Analyzer | None = None,
    extraction_dir: str | Path | None = DEFAULT_EXTRACTION_DIR,
    progress: Progress | None = None,
    worst: int = WORST,
) -> dict[str, Any]:
    """Per-field scores of the analysis against the gold file, with per-label breakdowns and the
    ``worst`` misses per field (worst first); with ``silver`` (a submitters.json) also the
    groups of the whole corpus.
    ``progress(done, total)`` counts the motions analysed: the gold ones, then (with
    ``silver``) the corpus's, when the total grows by their number."""
    from pipeline.evaluate.extraction import score_extraction, score_groups_silver, summary

    gold = load_gold(gold_path)
    silver_data = load_silver(silver) if silver is not None else None  # before the long run
    analyzer = analyzer or Analyzer(model_dir, extraction_dir=extraction_dir)
    predicted = predict(analyzer, _gold_motions(gold, corpus), progress)
    missing = [g["id"] for g in gold if g["id"] not in predicted]
    found = [g for g in gold if g["id"] in predicted]
    if not found:
        raise InputError(
            f"none of the {len(gold)} gold ids is in {', '.join(corpus)}; check --corpus"
        )
    report: dict[str, Any] = {
        "gold": str(gold_path),
        "corpus": corpus,
        "n_gold": len(gold),
        "n_scored": len(found),
        "missing_in_corpus": missing,
        "analysis_version": analyzer.version,
    }
    scores: dict[str, Any] = {}
    headline: dict[str, float] = {}
    scores["extraction"] = score_extraction(found, predicted)
    headline.update(summary(scores["extraction"]))
    if analyzer.themes is not None and any("themes" in g for g in found):
        from pipeline.evaluate.themes import score_themes

        scores["themes"] = t = score_themes(found, [predicted[g["id"]] for g in found])
        headline.update(
            themes_micro_f1=t["micro_f1"], themes_macro_f1=t["macro_f1"], themes_top1=t["top1"]
        )
    if silver_data is not None:
        groups = _corpus_groups(analyzer, corpus, len(predicted), progress)
        scores["groups_silver"] = score_groups_silver(groups, silver_data)
        headline["groups_silver_exact_match"] = scores["groups_silver"]["exact_match"]
    for field in [
        *scores["extraction"].values(),
        scores.get("themes"),
        scores.get("groups_silver"),
    ]:
        if isinstance(field, dict) and "worst" in field:
            field["worst"] = field["worst"][: max(worst, 0)]
    report["summary"] = headline
    report["by_source"] = by_source(found, predicted, analyzer)
    report["targets"] = {k: v for k, v in TARGETS.items() if k in headline}
    report["scores"] = scores
    return report
