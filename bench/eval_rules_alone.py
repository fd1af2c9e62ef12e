"""The rules alone (no clause model) against our annotations, per source.

    .venv/bin/python bench/eval_rules_alone.py [--per-source 800] [--seed 0]

Micro-F1 of the per-motion sets of action types and funding kinds the rule components find
(``training.extraction.rule_heads``, what the clause model reads as the rules' findings), and the
F1 of a few heads, on up to ``--per-source`` motions drawn per source (all where a source has
fewer). Dev papers are excluded. Compare two commits by running it from each checkout
(``PYTHONPATH=<checkout>``).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.learned import ACTION_TYPES, FUNDING_KINDS, HEADS  # noqa: E402
from pipeline.preprocess.doc import make_motion_doc  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.extraction import rule_heads  # noqa: E402

SHOWN = ("report", "implement", "appeal", "f_named_fund", "f_external_grant", "f_general_budget")


def f1(R: np.ndarray, G: np.ndarray, cols: list[int]) -> float:
    r, g = R[:, cols] == 1, G[:, cols] == 1
    tp, fp, fn = int((r & g).sum()), int((r & ~g).sum()), int((~r & g).sum())
    return round(2 * tp / max(1, 2 * tp + fp + fn), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-source", type=int, default=800)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--heads", nargs="*", default=list(SHOWN), choices=HEADS, help="F1 per head")
    args = ap.parse_args()
    shown = args.heads
    by: dict[str, list] = {}
    for a in load_annotated(default_files(), exclude=dev_keys()):
        by.setdefault(a.source, []).append(a)
    nlp = add_extractors(make_nlp(lemmatizer=None))
    rng = random.Random(args.seed)
    print("| source | motions | actions | funding | " + " | ".join(shown) + " |")
    print("|---|---:|---:|---:|" + "---:|" * len(shown))
    for src in sorted(by):
        docs = by[src]
        rng.shuffle(docs)
        docs = docs[: args.per_source]
        R, G = [], []
        for a, doc in zip(
            docs,
            nlp.pipe((make_motion_doc(nlp, x.motion) for x in docs), batch_size=32),
            strict=True,
        ):
            R.append(rule_heads(doc))
            gold = {t for t, _ in a.actions} | {"f_" + f["kind"] for f in a.funding}
            G.append(np.array([h in gold for h in HEADS], dtype=np.int8))
        Rm, Gm = np.stack(R), np.stack(G)
        acts = f1(Rm, Gm, [HEADS.index(h) for h in ACTION_TYPES])
        funds = f1(Rm, Gm, [HEADS.index("f_" + k) for k in FUNDING_KINDS])
        heads = " | ".join(f"{f1(Rm, Gm, [HEADS.index(h)]):.2f}" for h in shown)
        print(f"| {src} | {len(docs)} | {acts:.3f} | {funds:.3f} | {heads} |", flush=True)


if __name__ == "__main__":
    main()
