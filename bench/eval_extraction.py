"""Dev check of the extractors: read the dev gold papers, run the pipeline, print the scores.

    .venv/bin/python bench/eval_extraction.py [--worst] [--json out.json] [--silver] [--demo]

--silver also scores the groups of ALL Karlsruhe motions against submitters.json.
--demo scores the invented demo motions (corpus/demo) against their answer key instead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.evaluate.extraction import score_extraction, score_groups_silver, summary  # noqa: E402
from pipeline.extract import add_extractors  # noqa: E402
from pipeline.ingest import read_inputs  # noqa: E402
from pipeline.paths import shared_dir  # noqa: E402
from pipeline.preprocess.doc import make_motion_doc  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.record import Motion  # noqa: E402


def key_of(motion_id: str) -> str:
    return motion_id.rstrip("/").rsplit("/", 1)[-1]


def with_meta(doc, motion: Motion):
    doc._.motion_meta = motion.meta
    return doc


def predict(nlp, motions: list[Motion]) -> dict[str, dict]:
    docs = (with_meta(make_motion_doc(nlp, m), m) for m in motions)
    out = {}
    for m, doc in zip(motions, nlp.pipe(docs, batch_size=64), strict=True):
        out[key_of(m.id)] = {
            "actions": doc._.actions,
            "funding": doc._.funding,
            "topic": doc._.topic,
            "topic_keywords": doc._.topic_keywords,
            "groups": doc._.groups,
            "hedged": doc._.hedged,
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=None)
    ap.add_argument("--worst", action="store_true", help="print the worst misses per field")
    ap.add_argument("--json", default=None, help="write predictions and scores here")
    ap.add_argument("--silver", action="store_true", help="score groups over all Karlsruhe motions")
    ap.add_argument("--demo", action="store_true", help="score the demo corpus and its answer key")
    args = ap.parse_args()
    if args.demo:
        demo(args)
        return
    shared = shared_dir(args.shared)
    gold = [json.loads(line) for line in (shared / "gold/dev.jsonl").open(encoding="utf-8")]
    wanted = {g["id"].split(":", 1)[1] for g in gold}
    papers = shared / "corpus/karlsruhe/papers.jsonl.gz"
    motions = [m for m in read_inputs([str(papers)]) if isinstance(m, Motion)]
    nlp = add_extractors(make_nlp())
    dev = [m for m in motions if key_of(m.id) in wanted]
    t0 = time.perf_counter()
    pred = predict(nlp, dev)
    dt = time.perf_counter() - t0
    by_id = {f"karlsruhe:{k}": v for k, v in pred.items()}
    scores = score_extraction(gold, by_id)
    print(json.dumps(summary(scores), indent=1))
    print(f"{len(dev)} dev docs in {dt:.2f}s")
    for field in ("actions", "funding"):
        print(field, {k: v["f1"] for k, v in scores[field]["per_label"].items()})
    if args.worst:
        for s in scores.values():
            for miss in s.get("worst", []):
                print(json.dumps(miss, ensure_ascii=False))
    if args.silver:
        t0 = time.perf_counter()
        allpred = predict(nlp, motions)
        dt = time.perf_counter() - t0
        submitters = json.loads(
            (shared / "corpus/karlsruhe/submitters.json").read_text(encoding="utf-8")
        )
        silver = score_groups_silver({k: v["groups"] for k, v in allpred.items()}, submitters)
        print(
            f"silver groups exact match: {silver['exact_match']} over {silver['docs']} papers ({len(motions)} docs in {dt:.1f}s)"
        )
        if args.worst:
            for miss in silver["worst"]:
                print(json.dumps(miss, ensure_ascii=False))
    if args.json:
        with (
            gzip.open(args.json, "wt", encoding="utf-8")
            if args.json.endswith(".gz")
            else open(args.json, "w", encoding="utf-8") as f
        ):
            json.dump({"scores": scores, "predictions": by_id}, f, ensure_ascii=False, indent=1)


def demo(args) -> None:
    root = Path(__file__).resolve().parent.parent / "corpus/demo"
    gold = [json.loads(line) for line in (root / "expected.jsonl").open(encoding="utf-8")]
    motions = [m for m in read_inputs([str(root / "papers.json")]) if isinstance(m, Motion)]
    nlp = add_extractors(make_nlp())
    pred = predict(nlp, motions)
    by_id = {m.id: pred[key_of(m.id)] for m in motions}
    scores = score_extraction(gold, by_id, groups_key="groups")
    print(json.dumps(summary(scores), indent=1))
    for field in ("actions", "funding"):
        print(field, {k: v["f1"] for k, v in scores[field]["per_label"].items()})
    if args.worst:
        for s in scores.values():
            for miss in s.get("worst", []):
                print(json.dumps(miss, ensure_ascii=False))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"scores": scores, "predictions": by_id}, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
