"""How well the title read from a motion's text matches the title its metadata gives.

    .venv/bin/python bench/eval_titles.py [--limit N] [--show 10] [--model DIR]

For inputs without metadata (plain text, PDF) the title comes from the head of the text
(``pipeline/ingest/textmeta.py``): the skip rules alone, or the title model. Corpora that carry a
title beside the text tell how close that comes: per corpus and reader, the share of exact
matches (case and spacing ignored), the mean token F1 (words of the metadata title against words
of the guess) and the share of guesses that are no title at all (empty, or a line of the
justification or the request). The shipped model was trained on these corpora: its figures here
are in-sample; its card (``models/title-default/README.md``) has the held-out ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest.dispatch import read_inputs  # noqa: E402
from pipeline.ingest.textmeta import guess_title  # noqa: E402
from pipeline.ingest.title_lines import DEFAULT_TITLE_DIR, TitleModel  # noqa: E402
from pipeline.paths import shared_dir  # noqa: E402
from pipeline.record import Motion  # noqa: E402

WORD = re.compile(r"\w+")
NOT_A_TITLE = re.compile(r"(?i)^(?:begründung|sachverhalt|erläuterung)|möge\b.*beschließen")


def corpora() -> dict[str, list[str]]:
    shared = shared_dir()
    return {
        "karlsruhe": [str(shared / "corpus" / "karlsruhe" / "papers.jsonl.gz")],
        "bundestag": [str(shared / "corpus" / "bundestag" / "papers.jsonl.gz")],
        "written": [str(ROOT / "corpus" / "written" / "motions.jsonl.gz")],
    }


def words(s: str) -> list[str]:
    return WORD.findall(s.lower())


def token_f1(gold: str, guess: str) -> float:
    g, p = words(gold), words(guess)
    if not g or not p:
        return float(g == p)
    common = sum(min(g.count(w), p.count(w)) for w in set(p))
    return 2 * common / (len(g) + len(p))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="motions per corpus (0: all)")
    ap.add_argument("--show", type=int, default=0, help="print this many misses per corpus")
    ap.add_argument("--model", type=Path, default=DEFAULT_TITLE_DIR, help="title model folder")
    args = ap.parse_args()
    readers = {"rules": None, "model": TitleModel.load(args.model)}
    print("| corpus | reader | motions | exact | token F1 | no title / not a title |")
    print("|---|---|---:|---:|---:|---:|")
    for (name, inputs), reader in ((c, r) for c in corpora().items() for r in readers):
        n = exact = bad = 0
        f1 = 0.0
        misses = []
        for item in read_inputs(inputs):
            if not isinstance(item, Motion) or not item.title or not item.text.strip():
                continue
            guess = guess_title(item.text, None, model=readers[reader])
            n += 1
            same = " ".join(words(guess)) == " ".join(words(item.title))
            exact += same
            f1 += token_f1(item.title, guess)
            bad += not guess or bool(NOT_A_TITLE.search(guess))
            if not same and len(misses) < args.show:
                misses.append((item.title, guess))
            if args.limit and n >= args.limit:
                break
        print(f"| {name} | {reader} | {n} | {exact / n:.3f} | {f1 / n:.3f} | {bad / n:.3f} |")
        for gold, guess in misses:
            print(f"    {gold[:70]!r} <- {guess[:70]!r}", file=sys.stderr)


if __name__ == "__main__":
    main()
