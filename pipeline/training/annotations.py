"""Hand annotations (``corpus/annotations/motions-*.jsonl``) with the texts they point into.

An annotation record holds ids, labels and character offsets into ``Motion.text`` of the paper
as the project's readers give it (``text_sha1`` pins that text); the texts themselves stay in the
shared corpus. See ``corpus/annotations/README.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.ingest import read_inputs
from pipeline.ingest.tabular import Columns
from pipeline.paths import CORPUS_DIR, shared_dir
from pipeline.record import Motion

ANNOTATIONS_DIR = CORPUS_DIR / "annotations"
SOURCES = {
    "karlsruhe": "corpus/karlsruhe/papers.jsonl.gz",
    "bundestag": "corpus/bundestag/papers.jsonl.gz",
    "spd-berlin": "corpus/spd-berlin/motions.jsonl.gz",
}
PREFIXES = {
    "karlsruhe": "karlsruhe",
    "bundestag-dip-digest": "bundestag",
    "spd-berlin": "spd-berlin",
}

Span = tuple[int, int]


@dataclass
class Annotated:
    """One annotated motion: the Motion (with its text) and the labels."""

    motion: Motion
    key: str
    source: str
    annotator: str
    themes: list[str]
    actions: list[tuple[str, Span]]
    funding: list[dict[str, Any]]
    topic: str
    hedged: bool
    groups: list[str]
    request: list[Span]
    extra: dict[str, Any] = field(default_factory=dict)

    def as_gold(self) -> dict[str, Any]:
        """The record as ``gold/dev.jsonl`` writes it (evidence as text), for the scorers."""
        text = self.motion.text
        return {
            "id": self.key,
            "themes": self.themes,
            "actions": [{"type": t, "evidence": text[a:b]} for t, (a, b) in self.actions],
            "funding": [
                {**{k: v for k, v in f.items() if k != "span"}, "evidence": text[slice(*f["span"])]}
                for f in self.funding
            ],
            "topic": self.topic,
            "hedged": self.hedged,
            "factions": self.groups,
            "groups": self.groups,
        }


def source_of(key: str) -> str:
    return PREFIXES.get(key.split(":", 1)[0], key.split(":", 1)[0])


def annotation_key(motion: Motion, source: str) -> str:
    if source == "karlsruhe":
        return "karlsruhe:" + motion.id.rstrip("/").rsplit("/", 1)[-1]
    return motion.id


def load_source_motions(source: str, shared: str | Path | None = None) -> dict[str, Motion]:
    """The motions with text of one shared corpus, by annotation key."""
    if source not in SOURCES:
        raise InputError(f"unknown source {source!r}; known: {', '.join(SOURCES)}")
    path = shared_dir(shared) / SOURCES[source]
    if not path.is_file():
        raise InputError(f"{path}: not found; point --shared (or ANTRAGSRADAR_SHARED) at the data")
    cols = Columns.with_overrides(text="motion_text") if source == "spd-berlin" else None
    out = {}
    for item in read_inputs([str(path)], columns=cols):
        if isinstance(item, Motion) and item.text.strip():
            out[annotation_key(item, source)] = item
    return out


def read_records(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    recs = []
    for path in paths:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{p}: no such annotation file")
        for lineno, line in enumerate(p.read_text(encoding="utf-8").split("\n"), start=1):
            if not line.strip():
                continue
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}: line {lineno} is not valid JSON ({exc.msg})") from None
    return recs


def default_files() -> list[Path]:
    return sorted(ANNOTATIONS_DIR.glob("motions-*.jsonl"))


def load_annotated(
    paths: Iterable[str | Path] | None = None,
    shared: str | Path | None = None,
    first_only: bool = True,
    exclude: set[str] | None = None,
) -> list[Annotated]:
    """Annotated motions with their texts. ``first_only``: one record per paper (the first
    annotator's; the second annotation of a doubly annotated paper serves agreement only)."""
    recs = read_records(paths if paths is not None else default_files())
    motions: dict[str, dict[str, Motion]] = {}
    out: list[Annotated] = []
    seen: set[str] = set()
    for r in recs:
        key = r["id"]
        if (first_only and key in seen) or (exclude and key in exclude):
            continue
        src = r.get("source") or source_of(key)
        if src not in motions:
            motions[src] = load_source_motions(src, shared)
        m = motions[src].get(key)
        if m is None or hashlib.sha1(m.text.encode("utf-8")).hexdigest() != r["text_sha1"]:
            continue  # withdrawn from the corpus, or its text changed: offsets no longer hold
        seen.add(key)
        out.append(
            Annotated(
                motion=m,
                key=key,
                source=src,
                annotator=r.get("annotator", ""),
                themes=list(r["themes"]),
                actions=[(a["type"], (a["span"][0], a["span"][1])) for a in r["actions"]],
                funding=list(r["funding"]),
                topic=r["topic"],
                hedged=bool(r["hedged"]),
                groups=list(r.get("groups") or []),
                request=[(a, b) for a, b in r.get("request") or []],
                extra={"confidence": r.get("confidence")},
            )
        )
    return out
