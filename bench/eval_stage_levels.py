"""The motion stage with and without the body's level, judged on sources left out.

    .venv/bin/python bench/eval_stage_levels.py [--cache /tmp/clause-rows.pkl]

For each source: the clause model trained on the other sources (``train_model``, C as shipped,
3 folds for the stage's out-of-fold scores), then the motion stage fitted twice on the same
clause scores: without the level of the motion's body (format 2) and with one input per level
(format 3, shipped). Micro-F1 of the action types of the held-out source, and F1 per type.
The clause rows of all annotated motions are built once (about 4 min) and can be cached.

``--stage-funding`` also stages the funding kinds (patched into ``training.extraction.STAGED``;
the shipped stage decides action types only) and prints the funding kinds' micro-F1 with the
level, against the shipped decision by each kind's best sentence.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline.training.extraction as training  # noqa: E402
from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.clauses import Featurizer  # noqa: E402
from pipeline.preprocess.doc import make_motion_doc  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.extraction import (  # noqa: E402
    ACTION_TYPES,
    FUNDING_KINDS,
    HEADS,
    N_FEATURES,
    Dataset,
    doc_rows,
    doc_scores,
    set_f1,
    train_model,
)

C = 0.3  # the shipped clause model's C (models/extraction-default/model_card.json)


def rows(cache: str | None, files: list[Path] | None = None) -> Dataset:
    """The clause rows of the annotation ``files`` (default: ours), from ``cache`` if it
    exists, else built (about 4 min) and written there."""
    if cache and Path(cache).is_file():
        return pickle.loads(Path(cache).read_bytes())
    annotated = load_annotated(files or default_files(), exclude=dev_keys())
    nlp = add_extractors(make_nlp(lemmatizer=None), title_funding=False)
    feat = Featurizer(N_FEATURES)
    data = Dataset()
    docs = (make_motion_doc(nlp, a.motion) for a in annotated)
    for ann, doc in zip(annotated, nlp.pipe(docs, batch_size=32), strict=True):
        data.docs.append(doc_rows(doc, ann, feat))
    if cache:
        Path(cache).write_bytes(pickle.dumps(data))
    return data


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None, help="pickle of the clause rows (made if missing)")
    ap.add_argument("--stage-funding", action="store_true", help="stage the funding kinds too")
    args = ap.parse_args()
    t0 = time.time()
    data = rows(args.cache)
    print(f"{len(data.docs)} motions ({time.time() - t0:.0f} s)", file=sys.stderr)
    if args.stage_funding:
        stage_funding(data)
        return
    print("| source | without level | with level | per type (without → with) |")
    print("|---|---|---|---|")
    for src in data.sources():
        test = [d for d in data.docs if d.source == src]
        G = np.stack([d.gold for d in test])
        R = np.stack([d.rule for d in test])
        out = []
        for with_level in (False, True):
            train = [d for d in data.docs if d.source != src]
            if not with_level:  # no level known: the stage gets no level input (format 2)
                train = [replace(d, level="") for d in train]
            model, _ = train_model(train, C, 3, N_FEATURES)
            levels = [d.level for d in test] if with_level else None
            S = model.decision_scores(doc_scores(model, test), R, levels)
            out.append(set_f1(S, G, R, model.thresholds, ACTION_TYPES))
        per = ", ".join(
            f"{t} {out[0]['per_type'][t]['f1']:.2f} → {out[1]['per_type'][t]['f1']:.2f}"
            for t in ACTION_TYPES
        )
        print(
            f"| {src} | {out[0]['micro_f1']:.3f} | {out[1]['micro_f1']:.3f} | {per} |", flush=True
        )


def stage_funding(data: Dataset) -> None:
    kinds = ["f_" + k for k in FUNDING_KINDS]
    print("| source | funding kinds: best sentence (shipped) | staged, with level |")
    print("|---|---|---|")
    for src in data.sources():
        test = [d for d in data.docs if d.source == src]
        train = [d for d in data.docs if d.source != src]
        G = np.stack([d.gold for d in test])
        R = np.stack([d.rule for d in test])
        levels = [d.level for d in test]
        out = []
        for staged in (training.STAGED, frozenset(h for h in HEADS if h != "request")):
            training.STAGED = staged
            model, _ = train_model(train, C, 3, N_FEATURES)
            S = model.decision_scores(doc_scores(model, test), R, levels)
            out.append(set_f1(S, G, R, model.thresholds, kinds)["micro_f1"])
        training.STAGED = frozenset(ACTION_TYPES)
        print(f"| {src} | {out[0]:.3f} | {out[1]:.3f} |", flush=True)


if __name__ == "__main__":
    main()
