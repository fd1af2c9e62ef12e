"""How well the date read from a motion's text matches the date its metadata gives.

    .venv/bin/python bench/eval_dates.py [--limit N] [--show 10]

For inputs without metadata (plain text, PDF) the date comes from the head of the text
(``pipeline.ingest.textmeta.guess_date``); reports by period rest on it. Corpora that carry a
date beside the text tell how close that comes: per corpus, the share of guesses on the
metadata's day, within a fortnight of it (a paper is often dated a few days before or after the
motion it carries), no date at all, and a date further off (a deadline, a meeting, a law's date).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_titles import corpora  # noqa: E402  (the corpora that carry metadata beside the text)

from pipeline.ingest.dispatch import read_inputs  # noqa: E402
from pipeline.ingest.textmeta import date_tail, guess_date  # noqa: E402
from pipeline.ingest.title_rules import document_types  # noqa: E402
from pipeline.record import Motion  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="motions per corpus (0: all)")
    ap.add_argument(
        "--show", type=int, default=0, help="print this many far-off guesses per corpus"
    )
    args = ap.parse_args()
    head_chars = document_types()["head_chars"]
    print("| corpus | motions | same day | within 14 days | no date | further off |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, inputs in corpora().items():
        n = same = near = none = far = 0
        misses = []
        for item in read_inputs(inputs):
            if not isinstance(item, Motion) or not item.date or not item.text.strip():
                continue
            gold = date.fromisoformat(item.date[:10])
            guess = guess_date(item.text[:head_chars], date_tail(item.text, head_chars))
            n += 1
            if guess is None:
                none += 1
            elif (days := abs((date.fromisoformat(guess) - gold).days)) == 0:
                same += 1
            elif days <= 14:
                near += 1
            else:
                far += 1
                if len(misses) < args.show:
                    misses.append((item.id, item.date[:10], guess))
            if args.limit and n >= args.limit:
                break
        print(
            f"| {name} | {n} | {same / n:.3f} | {near / n:.3f} | {none / n:.3f} | {far / n:.3f} |"
        )
        for mid, gold_date, guess in misses:
            print(f"    {mid} {gold_date} <- {guess}", file=sys.stderr)


if __name__ == "__main__":
    main()
