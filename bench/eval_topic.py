"""Cross-validate the topic ranker on the hand annotations, per source, against the rules.

    .venv/bin/python bench/eval_topic.py [--C 0.5 ...] [--files F ...] [--json out.json]

Leave-one-source-out and 5-fold over motions, mean topic token F1 as ``antragsradar evaluate``
scores it, the rules' topic on the same motions beside it. The rules run once; each C refits.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.topic import TopicRules  # noqa: E402
from pipeline.extract.topic_ranker import TopicFeatures, topic_sources  # noqa: E402
from pipeline.preprocess.doc import make_motion_doc  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.topic import TopicDoc, cross_validate_topic  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", nargs="*", default=None)
    ap.add_argument("--C", nargs="*", type=float, default=[0.5])
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    t0 = time.time()
    annotated = load_annotated(args.files or default_files(), exclude=dev_keys())
    nlp = add_extractors(make_nlp(lemmatizer=None))
    feats = TopicFeatures(TopicRules())
    docs = []
    for ann, doc in zip(
        annotated, nlp.pipe(make_motion_doc(nlp, a.motion) for a in annotated), strict=True
    ):
        src = topic_sources(doc, feats.rules)
        docs.append(TopicDoc(ann.key, ann.source, ann.topic or "", src, feats.rows(src)))
    print(f"{len(docs)} motions ({time.time() - t0:.0f} s)", file=sys.stderr)
    report = {}
    for C in args.C:
        cv = cross_validate_topic(docs, C)
        report[str(C)] = cv
        for s, v in cv["within_source_5fold"].items():
            o = cv["leave_one_source_out"].get(s, {})
            print(f"C={C} {s}: 5-fold {v['topic']} LOSO {o.get('topic')} rules {v['rules']}")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
