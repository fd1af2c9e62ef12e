"""Funding kinds with and without the clause model's one-kind-per-mention rule, per source.

    .venv/bin/python bench/eval_funding_one_kind.py

The rule (``MotionLearned._other_kind_there``): the model adds no funding kind on a sentence
where a kept mention of the rules has another kind that the model scores at least as high
there. Out-of-fold clause probabilities (5-fold over motions, and leave-one-source-out), the
shipped model's thresholds, micro-F1 of the per-motion sets of funding kinds (tp, fp, fn).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.clauses import Featurizer, candidate_clauses  # noqa: E402
from pipeline.extract.learned import FUNDING_KINDS, HEADS, ClauseModel  # noqa: E402
from pipeline.preprocess.doc import make_motion_doc  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.extraction import N_FEATURES, _folds, doc_rows, fit_heads  # noqa: E402

KINDS = ["f_" + k for k in FUNDING_KINDS]
COL = {h: i for i, h in enumerate(HEADS)}


def decide(d, P, rule_clauses, thr, one_kind: bool) -> set[str]:
    if not len(P):
        return set()
    kept = {k for k in KINDS if d.rule[COL[k]] and P[:, COL[k]].max() >= thr[k]["keep"]}
    out = set(kept)
    for k in KINDS:
        j = COL[k]
        if d.rule[j]:
            continue
        c = int(np.argmax(P[:, j]))
        if P[c, j] < thr[k]["add"]:
            continue
        if one_kind and any(
            c in rule_clauses.get(k2, ()) and P[c, COL[k2]] >= P[c, j] for k2 in kept
        ):
            continue
        out.add(k)
    return out


def micro_f1(rows, docs, probs, rule_clauses, thr, one_kind):
    tp = fp = fn = 0
    for i in rows:
        pred = decide(docs[i], probs[i], rule_clauses[i], thr, one_kind)
        gold = {k for k in KINDS if docs[i].gold[COL[k]]}
        tp, fp, fn = tp + len(pred & gold), fp + len(pred - gold), fn + len(gold - pred)
    return round(2 * tp / max(1, 2 * tp + fp + fn), 4), tp, fp, fn


def main() -> None:
    annotated = load_annotated(default_files(), exclude=dev_keys())
    nlp = add_extractors(make_nlp(lemmatizer=None))
    feat = Featurizer(N_FEATURES)
    docs, rule_clauses = [], []
    for ann, doc in zip(
        annotated, nlp.pipe(make_motion_doc(nlp, a.motion) for a in annotated), strict=True
    ):
        docs.append(doc_rows(doc, ann, feat))
        clauses = candidate_clauses(doc)
        rc: dict[str, set[int]] = {}
        for f in doc._.funding or []:
            for i, c in enumerate(clauses):
                if f["start"] < c.orig_end and f["end"] > c.orig_start:
                    rc.setdefault("f_" + f["kind"], set()).add(i)
        rule_clauses.append(rc)
    card = json.loads((ROOT / "models/extraction-default/model_card.json").read_text())
    thr, C = card["thresholds"], card.get("C", 0.3)
    sources = sorted({d.source for d in docs})

    def report(name, probs):
        for src in sources:
            rows = [i for i, d in enumerate(docs) if d.source == src]
            base = micro_f1(rows, docs, probs, rule_clauses, thr, False)
            one = micro_f1(rows, docs, probs, rule_clauses, thr, True)
            print(f"{name} {src}: without {base}  one kind per mention {one}")

    probs: list = [None] * len(docs)
    for test in _folds(docs, 5):
        held = set(test.tolist())
        W, b = fit_heads([d for i, d in enumerate(docs) if i not in held], C, N_FEATURES)
        model = ClauseModel(W, b, HEADS, {}, N_FEATURES)
        for i in test:
            probs[i] = model.proba(docs[i].indices, docs[i].indptr)
    report("5-fold", probs)
    for src in sources:
        W, b = fit_heads([d for d in docs if d.source != src], C, N_FEATURES)
        model = ClauseModel(W, b, HEADS, {}, N_FEATURES)
        for i, d in enumerate(docs):
            if d.source == src:
                probs[i] = model.proba(d.indices, d.indptr)
    report("other sources", probs)


if __name__ == "__main__":
    main()
