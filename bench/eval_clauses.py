"""Cross-validate the clause model on the hand annotations, per source, against the rules.

    .venv/bin/python bench/eval_clauses.py [--files F ...] [--C 1.0 ...] [--json out.json]

Leave-one-source-out: train on the other sources, score the held-out one; within-source:
5-fold over motions. The rules' scores on the same motions are printed beside (document-level
sets of action types and funding kinds, as ``antragsradar evaluate`` scores them).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.evaluate.extraction import score_actions, score_funding_kinds  # noqa: E402
from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.clauses import Featurizer  # noqa: E402
from pipeline.preprocess.doc import make_motion_doc  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.extraction import N_FEATURES, Dataset, cross_validate, doc_rows  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", nargs="*", default=None)
    ap.add_argument("--C", nargs="*", type=float, default=[1.0])
    ap.add_argument("--n-features", type=int, default=N_FEATURES)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    dev = dev_keys()
    t0 = time.time()
    annotated = load_annotated(args.files or default_files(), exclude=dev)
    print(f"{len(annotated)} annotated motions ({time.time() - t0:.1f} s)", file=sys.stderr)
    nlp = add_extractors(make_nlp(lemmatizer=None), title_funding=False)
    feat = Featurizer(args.n_features)
    data = Dataset()
    rules_pred: dict[str, dict] = {}
    docs = (make_motion_doc(nlp, a.motion) for a in annotated)
    for ann, doc in zip(annotated, nlp.pipe(docs, batch_size=32), strict=True):
        rules_pred[ann.key] = {"actions": doc._.actions, "funding": doc._.funding}
        data.docs.append(doc_rows(doc, ann, feat))
    print(f"features built ({time.time() - t0:.1f} s)", file=sys.stderr)
    report = {"rules": {}, "model": {}}
    for src in data.sources():
        gold = [a.as_gold() for a in annotated if a.source == src]
        report["rules"][src] = {
            "n": len(gold),
            "actions": score_actions(gold, rules_pred)["micro"]["f1"],
            "funding": score_funding_kinds(gold, rules_pred)["micro"]["f1"],
        }
        print(f"rules {src}: {report['rules'][src]}", file=sys.stderr)
    for C in args.C:
        t1 = time.time()
        res = cross_validate(data, C, args.n_features, log=lambda m: print(m, file=sys.stderr))
        res.pop("oof_scores", None)
        report["model"][str(C)] = res
        print(f"C={C} ({time.time() - t1:.0f} s)", file=sys.stderr)
        for src, r in res["within_source_5fold"].items():
            print(
                f"  5-fold {src}: actions {r['actions']['micro_f1']}, funding {r['funding']['micro_f1']}",
                file=sys.stderr,
            )
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
