"""Inter-annotator agreement per field: the doubly annotated motions of our annotation files,
and our blind annotation of the dev papers against the dev gold.

    .venv/bin/python bench/agreement.py [--dir corpus/annotations] [--json out.json]

Each pair is scored with the evaluation's own scorers (one side as gold, the other as
prediction): action-type and funding-kind set F1, topic token F1, hedged accuracy, groups exact
match, themes micro-F1 and top-1. Set F1 is symmetric; top-1 is read with the first annotator
as gold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.evaluate.extraction import score_extraction, summary  # noqa: E402
from pipeline.evaluate.themes import score_themes  # noqa: E402
from pipeline.paths import CORPUS_DIR, shared_dir  # noqa: E402
from pipeline.training.annotations import load_annotated, read_records  # noqa: E402


def field_scores(gold: list[dict], pred: list[dict]) -> dict[str, float]:
    s = summary(score_extraction(gold, {p["id"]: p for p in pred}, groups_key="factions"))
    th = score_themes(gold, [p["themes"] for p in pred])
    keep = (
        "action_types_micro_f1",
        "funding_kinds_micro_f1",
        "topic_token_f1",
        "topic_prefix6_f1",
        "hedged_accuracy",
        "groups_exact_match",
    )
    out = {k: round(v, 3) for k, v in s.items() if k in keep}
    out["themes_micro_f1"] = round(th["micro"]["f1"], 3)
    out["themes_top1"] = round(th["top1"], 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=str(CORPUS_DIR / "annotations"))
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    d = Path(args.dir)
    report: dict = {"double": {}, "dev_blind_vs_gold": None}
    files = sorted(d.glob("motions-*.jsonl"))
    anns = load_annotated(files, first_only=False)
    by_id = defaultdict(list)
    for a in anns:
        by_id[a.key].append(a)
    per_source = defaultdict(lambda: ([], []))
    for pair in by_id.values():
        if len(pair) >= 2 and pair[0].annotator != pair[1].annotator:
            g, p = per_source[pair[0].source]
            g.append(pair[0].as_gold())
            p.append(pair[1].as_gold())
    for src, (g, p) in sorted(per_source.items()):
        report["double"][src] = {"pairs": len(g), **field_scores(g, p)}
    blind = d / "dev-blind.jsonl"
    if blind.is_file():
        gold = {
            json.loads(x)["id"]: json.loads(x) for x in (shared_dir() / "gold/dev.jsonl").open()
        }
        ours = [a.as_gold() for a in load_annotated([blind])]
        g = [gold[o["id"]] for o in ours if o["id"] in gold]
        report["dev_blind_vs_gold"] = {"n": len(g), **field_scores(g, ours)}
        report["dev_blind_records"] = len(read_records([blind]))
    print(json.dumps(report, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
