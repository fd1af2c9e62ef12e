"""Does a revision of funding labels carry? Train on the old or the revised labels, score the
revised ones, per source left out and within it.

    .venv/bin/python bench/eval_funding_revision.py corpus/annotations/revision-named-programmes.jsonl \\
        [--cache-old /tmp/rows-old.pkl] [--cache-new /tmp/rows-revised.pkl]

The revision (single funding entries judged again, ``bench/annotate.py revise-entries``) is
applied to copies of ``corpus/annotations/motions-*.jsonl`` in a temporary folder; the clause
rows are built from both label sets with the same rules (about 4 min each; cacheable). Then,
for the funding heads only (as ``bench/eval_funding_thresholds.py``, thresholds chosen on
out-of-fold scores of the training motions, "motions"):

  old labels      the funding heads fitted on the labels as they are (the shipped training);
  revised labels  fitted on the revised labels;

each scored on the revised labels: micro-F1 of the per-motion sets of funding kinds of each
source left out (trained on the others), and of each source's motions within 5-fold
cross-validation over all motions. The first lines give the revision's agreement: entries
judged twice, and the first judgement against the old kind.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_funding_thresholds as eft  # noqa: E402
import eval_thresholds_by_source as by_source  # noqa: E402
from annotate import read_jsonl, revise_entries  # noqa: E402
from eval_stage_levels import rows  # noqa: E402

from pipeline.training.annotations import default_files  # noqa: E402
from pipeline.training.extraction import Dataset, _folds, set_f1  # noqa: E402

KINDS = eft.KINDS


def agreement(revision: list[dict], files: list[Path]) -> None:
    """Entries judged twice (agreement, Cohen's kappa over the judged kinds) and the first
    judgement against the entry's old kind."""
    by_entry: dict[tuple, list[str]] = {}
    for r in revision:
        by_entry.setdefault((r["id"], r["of"], tuple(r["span"])), []).append(r["kind"])
    pairs = [v[:2] for v in by_entry.values() if len(v) >= 2]
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    print(
        f"{len(by_entry)} entries judged, {n} twice: agreement {po:.3f}, kappa {(po - pe) / (1 - pe):.3f}"
    )
    old: dict[tuple, str] = {}
    for path in files:
        for rec in read_jsonl(path):
            for f in rec["funding"]:
                if f.get("span"):
                    old[(rec["id"], rec["annotator"], tuple(f["span"]))] = f["kind"]
    moves = Counter((old[k], v[0]) for k, v in by_entry.items() if k in old)
    print(
        "old kind -> first judgement: "
        + ", ".join(f"{a} -> {b} {c}" for (a, b), c in sorted(moves.items()))
    )


def scores(train_rows: Dataset, test_rows: Dataset) -> dict[str, dict[str, float]]:
    """Funding kinds micro-F1 on ``test_rows``' labels of heads fitted on ``train_rows``' labels
    (the same motions in the same order): per source left out, and within (5-fold)."""
    A, B = train_rows.docs, test_rows.docs
    assert [d.key for d in A] == [d.key for d in B], "the two row sets hold other motions"
    out: dict[str, dict[str, float]] = {"left out": {}, "within": {}}
    for src in train_rows.sources():
        train = [d for d in A if d.source != src]
        test = [d for d in B if d.source == src]
        S = eft.scores_from(train, test)
        thr = by_source.thresholds(train, eft.oof(train, _folds(train, 3)), None, "motions")
        G = np.stack([d.gold for d in test])
        R = np.stack([d.rule for d in test])
        out["left out"][src] = set_f1(S, G, R, thr, KINDS)["micro_f1"]
        print(f"  left out {src}: {out['left out'][src]:.4f}", file=sys.stderr, flush=True)
    S5 = np.zeros((len(A), len(eft.HEADS)), dtype=np.float32)
    for test_i in _folds(A, 5):
        held = set(test_i.tolist())
        S5[test_i] = eft.scores_from(
            [d for i, d in enumerate(A) if i not in held], [B[i] for i in test_i]
        )
    thr = by_source.thresholds(A, S5, None, "motions")
    for src in sorted({d.source for d in B}):
        i = [k for k, d in enumerate(B) if d.source == src]
        G = np.stack([B[k].gold for k in i])
        R = np.stack([B[k].rule for k in i])
        out["within"][src] = set_f1(S5[i], G, R, thr, KINDS)["micro_f1"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("revision")
    ap.add_argument("--cache-old", default=None)
    ap.add_argument("--cache-new", default=None)
    args = ap.parse_args()
    t0 = time.time()
    files = default_files()
    revision = read_jsonl(Path(args.revision))
    agreement(revision, files)
    with tempfile.TemporaryDirectory() as tmp:
        revised = []
        for path in files:
            lines = path.read_text(encoding="utf-8").split("\n")
            out, changed, _ = revise_entries(lines, revision)
            (Path(tmp) / path.name).write_text("\n".join(out) + "\n", encoding="utf-8")
            revised.append(Path(tmp) / path.name)
            print(f"{path.name}: {changed} records revised", file=sys.stderr)
        old_rows = rows(args.cache_old, files)
        new_rows = rows(args.cache_new, revised)
    print(f"rows built ({time.time() - t0:.0f} s)", file=sys.stderr)
    table = {"old labels": scores(old_rows, new_rows), "revised labels": scores(new_rows, new_rows)}
    srcs = new_rows.sources()
    print("\nfunding kinds micro-F1 on the revised labels, left out / within (5-fold):")
    print("| trained on | " + " | ".join(srcs) + " |")
    print("|---|" + "---|" * len(srcs))
    for name, t in table.items():
        cells = [f"{t['left out'][s]:.3f} / {t['within'][s]:.3f}" for s in srcs]
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"({time.time() - t0:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
