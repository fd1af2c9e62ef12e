"""Funding-kind thresholds chosen on motions or on sources, judged on sources left out.

    .venv/bin/python bench/eval_funding_thresholds.py [--cache /tmp/clause-rows.pkl]

The funding kinds are decided on their best sentence's score: ``keep`` where the rules found
the kind, ``add`` where they did not (``training.extraction.best_thresholds``). ``train`` picks
both on out-of-fold scores of folds over motions, where every motion is scored by a model that
saw its own source. For each source left out, the funding heads of the clause model are fitted
on the other sources and their thresholds chosen on:

  motions          3-fold out-of-fold scores over the training motions (what train does);
  sources          one fold per training source (each scored by a model of the others);
  both             the two score sets stacked;
  motions, no add  keep as ``motions``, the model adds no kind the rules did not find;
  sources, no add  keep as ``sources``, no add;
  motions, no drop add as ``motions``, every kind the rules found is kept;
  motions, budget lines kept   as ``motions``, but every budget line the rules found is kept
                   (and, in the next row, every named fund);
  rules alone      the rules' kinds, nothing kept out or added.

``--within``: the same choices for 5-fold scores over all motions (source folds: one per
source, scored by a model of the other sources), each source's motions scored.

Since 2026-12-06 ``train`` keeps every budget line the rules found (the row "motions, budget
lines kept" of that day's run, ``training.extraction.ALWAYS_KEPT``), so "motions" includes it.

Micro-F1 of the per-motion sets of funding kinds on the source left out, and per kind. Only the
funding heads are fitted (the action types are decided by the motion stage, untouched here).
The clause rows (``training.extraction.Dataset``, about 4 min to build) can be cached.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import eval_thresholds_by_source as by_source  # noqa: E402
from eval_stage_levels import rows  # noqa: E402

from pipeline.extract.learned import FUNDING_KINDS, HEADS  # noqa: E402
from pipeline.training.extraction import _folds, set_f1  # noqa: E402

KINDS = ["f_" + k for k in FUNDING_KINDS]
ONLY = [HEADS.index(k) for k in KINDS]
VARIANTS = (
    "motions",
    "sources",
    "both",
    "motions, no add",
    "sources, no add",
    "motions, no drop",
    "motions, budget lines kept",
    "motions, budget lines and named funds kept",
    "rules alone",
)
SHOWN = ("motions", "sources", "sources, no add")


def scores_from(train, test) -> np.ndarray:
    return by_source.scores_from(train, test, only=ONLY)


def oof(docs, folds) -> np.ndarray:
    return by_source.oof(docs, folds, only=ONLY)


def thresholds(train, S_m, S_s) -> dict[str, dict]:
    out = {v: by_source.thresholds(train, S_m, S_s, v) for v in ("motions", "sources", "both")}
    for base in ("motions", "sources"):
        out[f"{base}, no add"] = _fixed(out[base], add=1.01)
    out["motions, no drop"] = _fixed(out["motions"], keep=0.0)  # the model only adds
    # the rules' budget positions (and fund names), precise out of source, never dropped
    out["motions, budget lines kept"] = _fixed(out["motions"], ["f_budget_line"], keep=0.0)
    out["motions, budget lines and named funds kept"] = _fixed(
        out["motions"], ["f_budget_line", "f_named_fund"], keep=0.0
    )
    out["rules alone"] = _fixed(out["motions"], keep=0.0, add=1.01)
    return out


def _fixed(
    thr: dict[str, dict], kinds: list[str] | None = None, **values: float
) -> dict[str, dict]:
    """``thr`` with the thresholds of the funding kinds (or of ``kinds``) set to ``values``
    (keep 0: every such kind the rules found is kept; add 1.01: the model adds none)."""
    chosen = KINDS if kinds is None else kinds
    return {h: {**t, **values} if h in chosen else t for h, t in thr.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None, help="pickle of the clause rows (made if missing)")
    ap.add_argument(
        "--within", action="store_true", help="within-source 5-fold scores instead of LOSO"
    )
    args = ap.parse_args()
    t0 = time.time()
    data = rows(args.cache)
    print(f"{len(data.docs)} motions ({time.time() - t0:.0f} s)", file=sys.stderr)
    if args.within:
        within(data.docs)
        return
    table: dict[str, dict[str, dict]] = {v: {} for v in VARIANTS}
    for src in data.sources():
        train = [d for d in data.docs if d.source != src]
        test = [d for d in data.docs if d.source == src]
        S_test = scores_from(train, test)
        thr = thresholds(
            train, oof(train, _folds(train, 3)), oof(train, by_source.source_folds(train))
        )
        G = np.stack([d.gold for d in test])
        R = np.stack([d.rule for d in test])
        for v in VARIANTS:
            table[v][src] = set_f1(S_test, G, R, thr[v], KINDS)
        print(
            f"  {src} ({time.time() - t0:.0f} s): "
            + "; ".join(f"{v} {table[v][src]['micro_f1']:.3f}" for v in VARIANTS),
            file=sys.stderr,
            flush=True,
        )
    srcs = data.sources()
    print("| thresholds from | " + " | ".join(srcs) + " |")
    print("|---|" + "---|" * len(srcs))
    for v in VARIANTS:
        print(f"| {v} | " + " | ".join(f"{table[v][s]['micro_f1']:.3f}" for s in srcs) + " |")
    print("\nper kind (F1), motions -> sources -> sources, no add:")
    for s in srcs:
        per = ", ".join(
            f"{k[2:]} " + " -> ".join(f"{table[v][s]['per_type'][k]['f1']:.2f}" for v in SHOWN)
            for k in KINDS
        )
        print(f"  {s}: {per}")


def within(docs) -> None:
    """5-fold scores over all motions; thresholds from those scores (motions) or with the
    source-fold scores stacked (both); micro-F1 of each source's motions."""
    S5 = oof(docs, _folds(docs, 5))
    thr = thresholds(docs, S5, oof(docs, by_source.source_folds(docs)))
    srcs = sorted({d.source for d in docs})
    print("| thresholds from (5-fold) | " + " | ".join(srcs) + " |")
    print("|---|" + "---|" * len(srcs))
    for v in VARIANTS:
        cells = []
        for s in srcs:
            i = [k for k, d in enumerate(docs) if d.source == s]
            G = np.stack([docs[k].gold for k in i])
            R = np.stack([docs[k].rule for k in i])
            cells.append(f"{set_f1(S5[i], G, R, thr[v], KINDS)['micro_f1']:.3f}")
        print(f"| {v} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
