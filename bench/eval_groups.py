"""Which groups the Karlsruhe papers get from their texts, against our read annotations and
against the council's own submitter attribution.

    .venv/bin/python bench/eval_groups.py

The Karlsruhe papers carry no submitters in their metadata: the groups come from the motion's
title, letterhead and signature (``pipeline.extract.groups``), and the known factions on the
letterheads of the paper's other files are added. Exact match of the group sets, for the shipped rule
and two others: the other files' factions only where the motion names none, and the own text
alone. The shipped rule counts the paper's submitters, as the council attributes them and as the
dev gold and the unseen Karlsruhe motions of issue #13 do; our annotators read the motion's own
file only. Then the written motions of other bodies, their groups read from the text alone
(as for a text or PDF input) against their metadata. Annotations: every read record of
``corpus/annotations/motions-karlsruhe.jsonl`` (a motion read twice counts twice); silver:
``../shared/corpus/karlsruhe/submitters.json``.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.evaluate.extraction import faction_aliases, normalise_groups  # noqa: E402
from pipeline.extract.groups import FactionMatcher  # noqa: E402
from pipeline.extract.patterns import load_patterns  # noqa: E402
from pipeline.ingest.dispatch import read_inputs  # noqa: E402
from pipeline.paths import shared_dir  # noqa: E402
from pipeline.record import Motion  # noqa: E402


def main() -> None:
    shared = shared_dir() / "corpus" / "karlsruhe"
    rules = FactionMatcher.from_data(load_patterns("factions.json"))
    aliases = faction_aliases()
    annotated: dict[str, list[set[str]]] = {}
    with open(ROOT / "corpus" / "annotations" / "motions-karlsruhe.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("groups") is not None:
                key = rec["id"].rsplit(":", 1)[-1]
                annotated.setdefault(key, []).append(normalise_groups(rec["groups"], aliases))
    silver = json.loads((shared / "submitters.json").read_text(encoding="utf-8"))
    names = silver["factions"]
    rule_names = (
        "shipped: the other files' factions added",
        "other files only where the motion names none",
        "own text only",
    )
    hits = {"annotations": [0, 0, 0], "silver": [0, 0, 0]}
    counts = {"annotations": 0, "silver": 0}
    for m in read_inputs([str(shared / "papers.jsonl.gz")]):
        if not isinstance(m, Motion):
            continue
        key = m.id.rsplit("/", 1)[-1]
        heads = m.meta.get("other_files_heads") or []
        own, cited = rules.letterhead_groups(m.text)
        base = rules.from_title(m.title) + own + rules.from_signature(m.text) or cited
        others = [g for h in heads for g in rules.from_header(h)]
        found = [
            normalise_groups(rules.groups(m.title, m.text, None, heads), aliases),
            normalise_groups(list(dict.fromkeys(base or others)), aliases),
            normalise_groups(list(dict.fromkeys(base)), aliases),
        ]
        golds = {"annotations": annotated.get(key, [])}
        if key in silver["papers"]:
            golds["silver"] = [normalise_groups([names[g] for g in silver["papers"][key]], aliases)]
        for what, sets in golds.items():
            for gold in sets:
                counts[what] += 1
                for i, pred in enumerate(found):
                    hits[what][i] += pred == gold
    print("| rule | read annotations | council's attribution |")
    print("|---|---:|---:|")
    for i, name in enumerate(rule_names):
        a = hits["annotations"][i] / counts["annotations"]
        s = hits["silver"][i] / counts["silver"]
        print(f"| {name} | {a:.3f} | {s:.3f} |")
    print(f"({counts['annotations']} annotation records, {counts['silver']} attributed papers)")
    written(rules, aliases)


def written(rules: FactionMatcher, aliases: dict) -> None:
    """The written motions of other bodies read from their text alone (as a text or PDF
    input without metadata), against the submitters their metadata names."""
    path = ROOT / "corpus" / "written" / "motions.jsonl.gz"
    n = hits = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            found = normalise_groups(rules.groups(r["title"], r["text"], None, []), aliases)
            hits += set(found) == set(normalise_groups(r["groups"], aliases))
            n += 1
    print(
        f"\nwritten motions, groups from the text alone against their metadata: {hits / n:.3f} ({n})"
    )


if __name__ == "__main__":
    main()
