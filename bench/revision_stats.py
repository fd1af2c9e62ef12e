"""Agreement of a revision (``corpus/annotations/revision-*.jsonl``) with itself and with the
labels it replaces.

    .venv/bin/python bench/revision_stats.py corpus/annotations/revision-spd-berlin-implement-appeal.jsonl \\
        corpus/annotations/motions-spd-berlin.jsonl --type implement appeal

Per revised action type or funding kind (``--type``, names as in the revision file): the papers judged twice (agreement and Cohen's kappa of the two
judgements), and the first judgement of every paper against the first annotation record of the
paper as it stood before the revision was applied (run it on the annotation file before
``bench/annotate.py revise``, or on a copy from git: after it, the two agree by construction).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

from annotate import read_jsonl


def kappa(pairs: list[tuple[bool, bool]]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of two binary judgements per item."""
    n = len(pairs)
    if n == 0:
        return float("nan"), float("nan")
    po = sum(a == b for a, b in pairs) / n
    p1 = sum(a for a, _ in pairs) / n
    p2 = sum(b for _, b in pairs) / n
    pe = p1 * p2 + (1 - p1) * (1 - p2)
    return po, (po - pe) / (1 - pe) if pe < 1 else 1.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("revision")
    ap.add_argument("annotations")
    ap.add_argument("--type", nargs="+", default=["amend"])
    args = ap.parse_args()
    judged: dict[str, list[dict]] = defaultdict(list)
    for r in read_jsonl(args.revision):
        judged[r["id"]].append(r)
    before: dict[str, set[str]] = {}
    for rec in read_jsonl(args.annotations):
        labels = {a["type"] for a in rec["actions"]} | {f["kind"] for f in rec["funding"]}
        before.setdefault(rec["id"], labels)
    twice = [v[:2] for v in judged.values() if len(v) >= 2]
    print(f"{len(judged)} papers judged, {len(twice)} of them twice")
    for t in args.type:
        po, k = kappa([(a[t], b[t]) for a, b in twice])
        first = [(t in before[i], v[0][t]) for i, v in judged.items() if i in before]
        moves = Counter(first)
        bo, bk = kappa(first)
        print(
            f"{t}: twice agreement {po:.3f}, kappa {k:.3f} | first judgement against the old "
            f"labels ({len(first)}): agreement {bo:.3f}, kappa {bk:.3f}; old -> new: "
            f"kept {moves[(True, True)]}, lost {moves[(True, False)]}, "
            f"gained {moves[(False, True)]}, absent {moves[(False, False)]}; "
            f"now {sum(v[0][t] for v in judged.values())} of {len(judged)}"
        )


if __name__ == "__main__":
    main()
