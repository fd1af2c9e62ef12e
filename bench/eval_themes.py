"""Dev-set evaluation of theme models trained on different data mixes and configurations.

    .venv/bin/python bench/eval_themes.py [--mix NAME ...] [--json OUT]

Prints micro/macro F1 and top-1 on the 180 dev gold motions (with the gold topic/funding names as
the extra field, and text only) and on the 36 invented demo motions (corpus/demo, the second
check) for each mix. Dev is never trained on. A mix may override parameters of
``pipeline.training.themes.data`` ("data") or patch in a variant the product does not have
("patch": a name of ``PATCHES``, defined here).

    .venv/bin/python bench/eval_themes.py --tried

prints the table of every variant and data mix measured for issue #4 (self-training, pseudo
labels, uncertain negatives, submitter themes, extended seed terms, feature blocks, C, loss), with
dev end-to-end micro/macro/top-1 and CV scores, from docs/experiments-themes.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.classify import taxonomy as TX  # noqa: E402
from pipeline.evaluate.themes import score_themes  # noqa: E402
from pipeline.training.themes import data as D  # noqa: E402
from pipeline.training.themes.train import DEFAULT_CONFIG, train_model  # noqa: E402

EXPERIMENTS = Path(__file__).resolve().parent.parent / "docs" / "experiments-themes.md"


def _weak_labels_title_always(taxonomy: TX.Taxonomy, title: str, body: str) -> list[str]:
    """``data.weak_labels``, but every theme with a seed hit in the title is a label (after
    ranking) whatever the body says."""
    score = D.seed_scores(taxonomy, title, body)
    if not score:
        return []
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], taxonomy.ids.index(kv[0])))
    top = ranked[0][1]
    if top < D.MIN_TOP_SCORE:
        return []
    floor = max(D.MIN_TOP_SCORE, D.SECONDARY_RATIO * top)
    in_title = set(taxonomy.seed_hits(title))
    return [t for t, s in ranked if s >= floor or t in in_title][: D.MAX_THEMES]


def _nested_dropping_matcher(self: TX.Taxonomy) -> TX.SeedMatcher:
    """``Taxonomy._matcher`` that drops a theme's match nested in another's longer match."""
    cache = self.__dict__.setdefault("_bench_matcher", {})
    if "m" not in cache:
        cache["m"] = TX.SeedMatcher({t.id: t.seed_terms for t in self.themes}, True)
    return cache["m"]


# Variants of the weak labelling that the product does not have: (object, attribute, value).
PATCHES = {
    "title-themes-always": (D, "weak_labels", _weak_labels_title_always),
    "seed-drop-nested": (TX.Taxonomy, "_matcher", property(_nested_dropping_matcher)),
}

# The linear model per theme these dev-scored variants were measured with (2026-11-24).
MICRO = {
    "model": "linear",
    "C": 0.5,
    "loss": "hinge",
    "cv": 3,
    "max_themes": 3,
    "selection": "micro",
}

MIXES = {
    "spd-only": {"sources": ["spd-berlin"]},
    "karlsruhe-weak-only": {"sources": ["karlsruhe-weak"]},
    "both": {"sources": ["spd-berlin", "karlsruhe-weak"]},
    "both-no-extra-field": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"extra": None, "train_extra": "none"},
    },
    "both-no-seed-features": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"seeds": False},
    },
    "both-with-chars": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {
            "chars": {"max_chars": 1500, "ngram_range": (3, 5), "min_df": 5, "max_features": 20000}
        },
    },
    "both-spd-section-only": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "data": {"SPD_SECONDARY_RATIO": None},
    },
    "both-spd-secondary-0.3": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "data": {"SPD_SECONDARY_RATIO": 0.3},
    },
    "both-per-label-thresholds": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"classifier": {**MICRO, "selection": "per-label"}},
    },
    "both-C0.25": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"classifier": {**MICRO, "C": 0.25}},
    },
    "both-C0.1": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"classifier": {**MICRO, "C": 0.1}},
    },
    "both-lemmas-4000": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"lemmas": {**DEFAULT_CONFIG["lemmas"], "max_chars": 4000}},
    },
    "both-lemmas-8000": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"lemmas": {**DEFAULT_CONFIG["lemmas"], "max_chars": 8000}},
    },
    "both-C1": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"classifier": {**MICRO, "C": 1.0}},
    },
    "both-logistic-C4": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"classifier": {**MICRO, "C": 4.0, "loss": "logistic"}},
    },
    "both-no-class-weight": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "config": {"classifier": {**MICRO, "class_weight": None}},
    },
    "both-karlsruhe-secondary-0.3": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "data": {"SECONDARY_RATIO": 0.3},
    },
    "both-title-themes-always": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "patch": ["title-themes-always"],
    },
    "both-seed-drop-nested": {
        "sources": ["spd-berlin", "karlsruhe-weak"],
        "patch": ["seed-drop-nested"],
        "config": {"seed_drop_nested": True},
    },
    "spd-only-lemmas-lr (naive)": {
        "sources": ["spd-berlin"],
        "config": {"chars": None, "seeds": False, "extra": None, "train_extra": "none"},
    },
}


def demo_set() -> tuple[list, list]:
    """The demo motions (cleaned like the analyzer does) and their answer-key records; the
    extra field is the key's topic and funding names."""
    import json

    from pipeline.ingest import read_inputs
    from pipeline.preprocess.clean import clean_text
    from pipeline.record import Motion

    root = Path(__file__).resolve().parent.parent / "corpus" / "demo"
    gold = {}
    for line in (root / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold[g["id"]] = g
    ex, rec = [], []
    for m in read_inputs([str(root / "papers.json")]):
        if isinstance(m, Motion) and m.id in gold:
            g = gold[m.id]
            extra = " ".join(
                [g.get("topic") or ""] + [f.get("name") or "" for f in g.get("funding") or []]
            )
            text = D.join_text(m.title, clean_text(m.text).text)
            ex.append(D.Example(m.id, text, g["themes"], extra.strip(), "demo"))
            rec.append(g)
    return ex, rec


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mix", action="append", choices=sorted(MIXES))
    ap.add_argument("--json")
    ap.add_argument("--tried", action="store_true", help="print the measured variants and exit")
    args = ap.parse_args()
    if args.tried:
        text = EXPERIMENTS.read_text(encoding="utf-8")
        start = text.index("<!-- table:")
        print(text[text.index("\n", start) + 1 : text.index("<!-- end table -->")], end="")
        return
    rows = []
    demo = demo_set()
    for name in args.mix or list(MIXES):
        spec = MIXES[name]
        t = time.perf_counter()
        changes = [(D, k, v) for k, v in spec.get("data", {}).items()]
        changes += [PATCHES[name] for name in spec.get("patch", [])]
        saved = {(m, k): m.__dict__[k] for m, k, _ in changes}
        for m, k, v in changes:
            setattr(m, k, v)
        try:
            res = train_model(
                sources=spec["sources"],
                config=spec.get("config"),
                dev=True,
                held_out=False,  # the within-source CV only: one fit per mix
                progress=lambda m: print("  " + m, file=sys.stderr),
            )
        finally:
            for (m, k), v in saved.items():
                setattr(m, k, v)
        card = res.card
        ex, rec = demo
        pick = ("micro_f1", "macro_f1", "top1", "mean_predicted")
        demo_x = score_themes(rec, res.model.predict([e.text for e in ex], [e.extra for e in ex]))
        demo_t = score_themes(rec, res.model.predict([e.text for e in ex]))
        row = {
            "mix": name,
            "examples": card["training_examples"],
            "fit_s": round(time.perf_counter() - t, 1),
            "cv": card["cross_validation"].get("all") or {},  # on our annotations
            "selection": card["selection"],
            **card["dev"],
            "demo": {
                "with_gold_extras": {k: demo_x[k] for k in pick},
                "without_extras": {k: demo_t[k] for k in pick},
            },
        }
        rows.append(row)
        w, wo = card["dev"]["with_gold_extras"], card["dev"]["without_extras"]
        dx, dt = row["demo"]["with_gold_extras"], row["demo"]["without_extras"]
        print(
            f"{name:32s} n={row['examples']:5d}  dev+extra micro {w['micro_f1']:.3f} macro {w['macro_f1']:.3f} "
            f"top1 {w['top1']:.3f} | text-only micro {wo['micro_f1']:.3f} macro {wo['macro_f1']:.3f} "
            f"top1 {wo['top1']:.3f} | demo micro {dx['micro_f1']:.3f}/{dt['micro_f1']:.3f} "
            f"| cv micro {row['cv'].get('micro_f1', 0):.3f}  ({row['fit_s']} s)",
            flush=True,
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
