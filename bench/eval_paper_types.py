"""How well the paper type read from a motion's text matches the type its metadata gives.

    .venv/bin/python bench/eval_paper_types.py

For inputs without metadata (plain text, PDF, records without a type column) the paper type
comes from the head of the text (``pipeline.ingest.textmeta.guess_paper_type``); it decides
whether a motion is read as an inquiry, an amendment or a budget motion. The corpora name types
in many ways ("Haushalt THH 4100", "Kleine Anfrage zur schriftlichen Beantwortung"), so both
sides are compared by class: inquiry, amendment, budget motion, other motion. Per corpus: the
share of motions whose guessed class is the metadata's, no guess, another class, and the most
frequent confusions (metadata, guess).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.ingest.dispatch import read_inputs  # noqa: E402
from pipeline.ingest.textmeta import guess_paper_type  # noqa: E402
from pipeline.ingest.title_rules import document_types  # noqa: E402
from pipeline.paths import shared_dir  # noqa: E402
from pipeline.record import Motion  # noqa: E402


def paper_class(paper_type: str | None) -> str | None:
    if paper_type is None:
        return None
    t = paper_type.lower()
    if re.search(r"anfrage|interpellation|fragestunde|auskunftsersuchen", t):
        return "inquiry"
    if re.search(r"änderung|ergänzung|zusatz|ersetzung", t) and "satzung" not in t:
        return "amendment"
    if re.search(r"haushalt|etat|budget|finanzantrag", t) and "begleit" not in t:
        return "budget"
    return "motion"


def main() -> None:
    shared = shared_dir()
    corpora = {
        "karlsruhe": shared / "corpus" / "karlsruhe" / "papers.jsonl.gz",
        "bundestag": shared / "corpus" / "bundestag" / "papers.jsonl.gz",
        "written": ROOT / "corpus" / "written" / "motions.jsonl.gz",
    }
    head_chars = document_types()["head_chars"]
    print("| corpus | motions | same class | no type | other class | most frequent confusions |")
    print("|---|---:|---:|---:|---:|---|")
    for name, path in corpora.items():
        n = same = none = 0
        confusions: Counter[tuple[str, str]] = Counter()
        for item in read_inputs([str(path)]):
            if not isinstance(item, Motion) or not item.paper_type:
                continue
            gold = paper_class(item.paper_type)
            guess = paper_class(guess_paper_type(item.text[:head_chars]))
            n += 1
            if guess is None:
                none += 1
            elif guess == gold:
                same += 1
            else:
                confusions[(gold or "", guess)] += 1
        top = ", ".join(f"{g}→{p} {c}" for (g, p), c in confusions.most_common(3))
        other = n - same - none
        print(f"| {name} | {n} | {same / n:.3f} | {none / n:.3f} | {other / n:.3f} | {top} |")


if __name__ == "__main__":
    main()
