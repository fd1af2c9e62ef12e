"""Train a theme model: build the training set, fit the Pipeline, score it by cross-validation
and on the dev gold, write the model folder with its card.

How ``DEFAULT_CONFIG`` was chosen (the settings chosen with dev scores, every variant and data
mix measured) is recorded outside the product: docs/experiments-themes.md and
bench/eval_themes.py.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.classify.model import ThemeModel, as_input, library_versions
from pipeline.classify.taxonomy import Taxonomy, load_taxonomy
from pipeline.errors import InputError
from pipeline.training import check_writable
from pipeline.training.themes import data as D

# The default configuration: what `antragsradar train` fits unless told otherwise (why these
# values: docs/experiments-themes.md).
DEFAULT_CONFIG: dict[str, Any] = {
    # The lemma block reads the first 1500 characters (the request first, the reasoning after).
    "lemmas": {"max_chars": 1500, "ngram_range": (1, 2), "min_df": 3, "max_features": 30000},
    "chars": None,  # character n-grams: a supported part, off by default
    "extra": {"ngram_range": (1, 1), "min_df": 2, "max_features": 5000},
    "seeds": True,
    # Seed matches nested in another theme's longer match are counted.
    "seed_drop_nested": False,
    # "micro" selection picks the threshold scale and relative floor by cross-validation on
    # the training data.
    "classifier": {"C": 0.5, "loss": "hinge", "cv": 3, "max_themes": 3, "selection": "micro"},
    # Training examples have no extraction output; their title stands in for the topic.
    "train_extra": "title",
    # The selection rule (threshold scale, relative floor) is fitted on the out-of-fold
    # probabilities of the hand-annotated council motions when they are in the training set.
    "select_on": ("karlsruhe-annotated", *D.ANNOTATED_SOURCES),
}


# Where the model card points for the settings chosen with dev scores and the variants measured.
EXPERIMENTS = "docs/experiments-themes.md"


def build_pipeline(taxonomy: Taxonomy, config: dict[str, Any] | None = None):
    """The unfitted scikit-learn Pipeline for ``config`` (missing parts as DEFAULT_CONFIG;
    a part set to None or False is left out)."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import Pipeline

    from pipeline.training.themes.estimators import ThemeClassifier
    from pipeline.training.themes.features import LemmaText, SeedHits, Truncate

    cfg = {**DEFAULT_CONFIG, **(config or {})}
    common = {"sublinear_tf": True, "dtype": __import__("numpy").float32}
    parts = []
    if cfg.get("lemmas"):
        c = dict(cfg["lemmas"])
        parts.append(
            (
                "lemmas",
                Pipeline(
                    [
                        ("lemmatize", LemmaText(max_chars=c.pop("max_chars"))),
                        (
                            "tfidf",
                            TfidfVectorizer(token_pattern=r"\S+", lowercase=False, **c, **common),
                        ),
                    ]
                ),
                0,
            )
        )
    if cfg.get("chars"):
        c = dict(cfg["chars"])
        parts.append(
            (
                "chars",
                Pipeline(
                    [
                        ("truncate", Truncate(max_chars=c.pop("max_chars"))),
                        ("tfidf", TfidfVectorizer(analyzer="char_wb", **c, **common)),
                    ]
                ),
                0,
            )
        )
    if cfg.get("seeds"):
        parts.append(
            (
                "seeds",
                SeedHits(
                    seed_terms={t.id: list(t.seed_terms) for t in taxonomy.themes},
                    drop_nested=bool(cfg.get("seed_drop_nested", False)),
                ),
                0,
            )
        )
    if cfg.get("extra"):
        c = dict(cfg["extra"])
        parts.append(
            (
                "extra",
                Pipeline(
                    [
                        ("lemmatize", LemmaText(max_chars=500)),
                        (
                            "tfidf",
                            TfidfVectorizer(token_pattern=r"\S+", lowercase=False, **c, **common),
                        ),
                    ]
                ),
                1,
            )
        )
    if not parts:
        raise InputError("the model configuration has no feature part")
    return Pipeline(
        [
            ("features", ColumnTransformer(parts, sparse_threshold=1.0)),
            ("classify", ThemeClassifier(**cfg["classifier"])),
        ]
    )


def prune(pipeline) -> None:
    """Drop what a fitted Pipeline does not need to predict (sklearn keeps the pruned
    vocabulary in ``stop_words_``, often bigger than the vocabulary itself)."""
    for _, step, _ in pipeline.named_steps["features"].transformers_:
        for sub in getattr(step, "named_steps", {}).values():
            if hasattr(sub, "stop_words_"):
                sub.stop_words_ = None
    clf = pipeline.named_steps["classify"]
    if hasattr(clf, "oof_proba_"):
        del clf.oof_proba_  # the cross-validated probabilities are for the card, not prediction


def _cv_on_source(pipe, examples: list[D.Example], Y, source: str) -> dict | None:
    """Out-of-fold scores on the examples of one source: for the hand-annotated Karlsruhe
    papers, an estimate of council-motion quality that does not touch the dev gold."""
    from pipeline.classify.compact import select_themes
    from pipeline.training.themes.estimators import set_scores

    clf = pipe.named_steps["classify"]
    rows = [i for i, e in enumerate(examples) if e.source == source]
    if not rows or not hasattr(clf, "oof_proba_"):
        return None
    chosen = select_themes(clf.oof_proba_[rows], clf.thresholds_, clf.max_themes, clf.relative_)
    return {**set_scores(chosen, Y[rows]), "examples": len(rows)}


def _calibration(pipe, examples: list[D.Example], Y, sources: tuple[str, ...]) -> dict | None:
    """Reliability of the out-of-fold theme scores against the hand-annotated labels."""
    from pipeline.evaluate.calibration import reliability

    clf = pipe.named_steps["classify"]
    rows = [i for i, e in enumerate(examples) if e.source in sources]
    if not rows or not hasattr(clf, "oof_proba_"):
        return None
    return reliability(clf.oof_proba_[rows], Y[rows])


def indicator(examples: list[D.Example], ids: list[str]):
    import numpy as np

    index = {t: j for j, t in enumerate(ids)}
    Y = np.zeros((len(examples), len(ids)), dtype=bool)
    for i, e in enumerate(examples):
        for t in e.themes:
            Y[i, index[t]] = True
    return Y


def training_input(examples: list[D.Example], train_extra: str = "title"):
    """Model input for training examples; without an extra, the title stands in (train_extra)."""
    extras = []
    for e in examples:
        extra = e.extra
        if not extra and train_extra == "title":
            extra = e.text.split("\n", 1)[0]
        extras.append(extra if train_extra != "none" else "")
    return as_input([e.text for e in examples], extras)


@dataclass
class TrainResult:
    model: ThemeModel
    card: dict[str, Any]
    out: Path | None = None
    dev_scores: dict[str, Any] | None = None
    timings: dict[str, float] = field(default_factory=dict)


def _model_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def evaluate_on(
    model: ThemeModel, examples: list[D.Example], records: list[dict], use_extra: bool = True
) -> dict:
    from pipeline.evaluate.themes import score_themes

    extras = [e.extra for e in examples] if use_extra else None
    predicted = model.predict([e.text for e in examples], extras)
    return score_themes(records, predicted)


def train_model(
    *,
    taxonomy: str | Path | None = None,
    sources: Iterable[str] = D.BUILTIN_SOURCES,
    out: str | Path | None = None,
    shared: str | Path | None = None,
    dev: bool = True,
    config: dict[str, Any] | None = None,
    name: str | None = None,
    command: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> TrainResult:
    """Build the training set from ``sources``, fit, score, and (with ``out``) save the model.

    ``dev`` scores the model on the shared dev gold (never trained on: dev papers are also
    excluded from the weak-labelled Karlsruhe set). Returns the model, its card and timings.
    """
    say = progress or (lambda msg: None)
    t0 = time.perf_counter()
    if out is not None:
        check_writable(out)  # before the training, not after it
    tax = load_taxonomy(taxonomy)
    sources = list(sources)
    say(f"taxonomy {tax.name}: {len(tax.ids)} themes ({tax.sha256[:12]})")
    examples, used = D.build_training_set(tax, sources, shared)
    dev_ids = D.dev_keys(shared) if dev else set()
    leaked = [e.id for e in examples if e.id in dev_ids]
    if leaked:
        raise InputError(f"training data contains dev papers ({leaked[0]}, …); remove them")
    for s in used:
        say(f"source {s.name}: {s.size} examples")
    t_data = time.perf_counter()

    cfg = {**DEFAULT_CONFIG, **(config or {})}
    pipe = build_pipeline(tax, cfg)
    X = training_input(examples, cfg.get("train_extra", "title"))
    Y = indicator(examples, tax.ids)
    say(f"fitting on {len(examples)} examples …")
    fit_params: dict[str, Any] = {}
    weights = [e.weight for e in examples]
    if any(w != 1.0 for w in weights):
        fit_params["classify__sample_weight"] = weights
    select_on = cfg.get("select_on") or ()
    select_on = (select_on,) if isinstance(select_on, str) else tuple(select_on)
    if select_on and any(e.source in select_on for e in examples):
        fit_params["classify__selection_rows"] = [e.source in select_on for e in examples]
    pipe.fit(X, Y, **fit_params)
    cv_annotated = _cv_on_source(pipe, examples, Y, "karlsruhe-annotated")
    cv_by_source = {
        name: _cv_on_source(pipe, examples, Y, name)
        for name in D.ANNOTATED_SOURCES
        if any(e.source == name for e in examples)
    }
    calibration = _calibration(pipe, examples, Y, select_on)
    prune(pipe)
    t_fit = time.perf_counter()
    clf = pipe.named_steps["classify"]
    compact, compact_diff = _compact_of(pipe, X[:300])
    model = ThemeModel(pipe, tax, compact=compact)

    dev_scores = None
    dev_no_extra = None
    if dev:
        dev_ex, dev_rec = D.dev_examples(tax, shared)
        if dev_ex:
            say(f"scoring on {len(dev_ex)} dev motions …")
            dev_scores = evaluate_on(model, dev_ex, dev_rec, use_extra=True)
            dev_no_extra = evaluate_on(model, dev_ex, dev_rec, use_extra=False)
        if compact is not None:  # the archive must predict what the Pipeline predicts
            X_dev = as_input([e.text for e in dev_ex], [e.extra for e in dev_ex])
            compact_diff = max(compact_diff, _compact_of(pipe, X_dev, compact)[1])
    t_end = time.perf_counter()

    name = name or (Path(out).name if out else "themes")
    card: dict[str, Any] = {
        "name": name,
        "task": "multi-label theme classification of German council motions (1-3 themes, best first)",
        "trained_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "command": command or f"antragsradar train --out {out or 'models/' + name}",
        "library_versions": library_versions(),
        "taxonomy": {"name": tax.name, "sha256": tax.sha256, "themes": tax.ids},
        "training_sources": [s.to_dict() for s in used],
        "training_examples": len(examples),
        "label_counts": {t: int(Y[:, j].sum()) for j, t in enumerate(tax.ids)},
        "config": _jsonable(cfg),
        "pipeline_steps": [n for n, _, _ in pipe.named_steps["features"].transformers_]
        + ["classify"],
        "n_features": int(
            next(e.coef_.shape[1] for e in clf.estimators_ if not isinstance(e, float))
        ),
        "thresholds": {t: float(v) for t, v in zip(tax.ids, clf.thresholds_, strict=True)},
        "selection": {
            "rule": clf.selection,
            "threshold_scale": float(getattr(clf, "threshold_scale_", 1.0)),
            "relative_to_best": float(getattr(clf, "relative_", 0.0)),
        },
        "cross_validation": clf.cv_scores_,
        "cross_validation_annotated": cv_annotated,
        "cross_validation_by_source": cv_by_source,
        "calibration_annotated": calibration,
        "inference_check": None
        if compact is None
        else {"max_abs_proba_diff_vs_pipeline": float(f"{compact_diff:.3g}")},
        "dev": _summary(dev_scores, dev_no_extra),
        "timings_s": {
            "data": round(t_data - t0, 1),
            "fit": round(t_fit - t_data, 1),
            "evaluate": round(t_end - t_fit, 1),
        },
        "dev_policy": "dev gold (shared/gold/dev.jsonl) is never trained on; its papers are "
        "excluded from the weak-labelled Karlsruhe set; thresholds, the selection rule and C "
        "come from cross-validation on the training data",
        "choices_using_dev": [f"listed in {EXPERIMENTS} of the Antragsradar repository"],
        "variants_measured": f"{EXPERIMENTS} of the Antragsradar repository, bench/eval_themes.py",
    }
    model.card = card
    result = TrainResult(model, card, None, dev_scores, card["timings_s"])
    if out is not None:
        d = model.save(out)
        card["model_file_bytes"] = (d / "model.joblib").stat().st_size
        card["model_hash"] = _model_hash(d / "model.joblib")[:16]
        model.save(out, readme=render_readme(card))
        result.out = d
        say(f"saved {d} ({card['model_file_bytes'] / 1e6:.1f} MB)")
    return result


def _compact_of(pipe, X, compact=None, tolerance: float = 1e-4):
    """The numpy-only model of ``pipe`` (None when it cannot be exported) and the largest
    probability difference to the Pipeline on ``X``; more than ``tolerance`` is a bug."""
    from pipeline.classify.compact import CompactModel, export

    if compact is None:
        arrays = export(pipe)
        if arrays is None:
            return None, 0.0
        compact = CompactModel(arrays)
    if len(X) == 0:
        return compact, 0.0
    diff = float(
        abs(pipe.predict_proba(X) - compact.predict_proba(list(X[:, 0]), list(X[:, 1]))).max()
    )
    if diff > tolerance:
        raise RuntimeError(
            f"the numpy-only model differs from the Pipeline by {diff:.2g}; please report"
        )
    return compact, diff


def _summary(with_extra: dict | None, without: dict | None) -> dict | None:
    if with_extra is None:
        return None
    pick = ("micro_f1", "macro_f1", "top1", "exact_match", "mean_predicted")
    return {
        "docs": with_extra["docs"],
        "with_gold_extras": {k: with_extra[k] for k in pick},
        "without_extras": {k: without[k] for k in pick} if without else None,
        "per_label_f1": {k: v["f1"] for k, v in with_extra["per_label"].items()},
    }


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    return obj


def render_readme(card: dict[str, Any]) -> str:
    dev = card.get("dev") or {}
    lines = [
        f"# Theme model `{card['name']}`",
        "",
        card["task"] + ".",
        "",
        f"- Trained: {card['trained_at']}",
        f"- Reproduce: `{card['command']}`",
        f"- Taxonomy: {card['taxonomy']['name']} ({len(card['taxonomy']['themes'])} themes), "
        f"sha256 `{card['taxonomy']['sha256']}`",
        "- Libraries: " + ", ".join(f"{k} {v}" for k, v in card["library_versions"].items()),
        f"- Pipeline: {' → '.join(card['pipeline_steps'])} (one-vs-rest linear models, "
        "sigmoid-calibrated on cross-validated decisions; per-theme thresholds from the same cross-validation)",
        f"- Model file: {card.get('model_file_bytes', 0) / 1e6:.1f} MB (scikit-learn Pipeline)"
        + (
            f"; prediction reads `{card['inference']['file']}` "
            f"({card['inference']['bytes'] / 1e6:.1f} MB, numpy only, sha256 "
            f"`{card['inference']['sha256'][:16]}…`)"
            if card.get("inference")
            else ""
        ),
        "- Selection: the best theme, then others reaching their threshold"
        + (
            f" × {card['selection']['threshold_scale']:g} and "
            f"{card['selection']['relative_to_best']:g} × the best theme's probability "
            "(both chosen by cross-validation on the training data)"
            if card.get("selection", {}).get("rule") == "micro"
            else ""
        )
        + "; at most 3",
        "",
        "## Training sources",
        "",
        "| source | examples | files (sha256) | note |",
        "|---|---:|---|---|",
    ]
    for s in card["training_sources"]:
        files = "<br>".join(f"`{p}` `{h[:16]}…`" for p, h in s["files"].items())
        lines.append(f"| {s['name']} | {s['examples']} | {files} | {s['note']} |")
    cv = card.get("cross_validation") or {}
    lines += [
        "",
        "## Scores",
        "",
        "| set | micro-F1 | macro-F1 | top-1 |",
        "|---|---:|---:|---:|",
        f"| cross-validation on training labels | {cv.get('micro_f1', 0):.3f} | "
        f"{cv.get('macro_f1', 0):.3f} | {cv.get('top1', 0):.3f} |",
    ]
    cva = card.get("cross_validation_annotated")
    if cva:
        lines.append(
            f"| cross-validation, the {cva['examples']} hand-annotated Karlsruhe papers only "
            f"(selection rule fitted on them) | {cva['micro_f1']:.3f} | {cva['macro_f1']:.3f} "
            f"| {cva['top1']:.3f} |"
        )
    for name, c in (card.get("cross_validation_by_source") or {}).items():
        if c:
            lines.append(
                f"| cross-validation, our full annotations of {name.replace('annotated-', '')} "
                f"({c['examples']} motions) | {c['micro_f1']:.3f} | {c['macro_f1']:.3f} "
                f"| {c['top1']:.3f} |"
            )
    for key, label in (
        ("with_gold_extras", "dev, gold topic/funding as extras"),
        ("without_extras", "dev, text only"),
    ):
        s = dev.get(key)
        if s:
            lines.append(
                f"| {label} | {s['micro_f1']:.3f} | {s['macro_f1']:.3f} | {s['top1']:.3f} |"
            )
    cal = card.get("calibration_annotated")
    if cal:
        lines += [
            "",
            "## Calibration",
            "",
            f"Out-of-fold theme scores against the hand-annotated labels ({cal['pairs']} motion-theme "
            f"pairs; the calibrators are fitted on these rows): expected calibration error "
            f"{cal['ece']:.3f}.",
            "",
            "| score | pairs | mean score | share with the theme |",
            "|---|---:|---:|---:|",
            *(
                f"| {r['bin']} | {r['pairs']} | {r['mean_score']:.3f} | {r['share_true']:.3f} |"
                for r in cal["table"]
            ),
        ]
    lines += [
        "",
        "Dev = 180 gold Karlsruhe motions (shared/gold/dev.jsonl); never trained on, and excluded "
        "from the weak-labelled Karlsruhe training set. Targets: micro-F1 ≥ 0.75, macro-F1 ≥ 0.65, "
        "top-1 ≥ 0.85.",
        "",
        "Settings chosen with dev scores: "
        + "; ".join(card.get("choices_using_dev") or ["none"])
        + ". Everything else (thresholds, selection rule, C) comes from cross-validation on the "
        "training data. A second check: the 36 invented motions of corpus/demo "
        "(`antragsradar evaluate corpus/demo/expected.jsonl --corpus corpus/demo/papers.json`).",
        "",
        "## Variants and data mixes measured on dev",
        "",
        f"The variants and data mixes measured with their dev and cross-validated scores: "
        f"`{EXPERIMENTS}` in the Antragsradar repository (`bench/eval_themes.py` reruns them).",
        "",
        "Loading checks the taxonomy hash, and the sha256, format and numpy version of the "
        "numpy-only archive, against this card; the scikit-learn Pipeline (model.joblib, for "
        "inspection) is loaded only when asked for, after checking the scikit-learn and joblib "
        "versions. joblib runs code on load: load models only from folders you trust.",
        "",
    ]
    return "\n".join(lines)
