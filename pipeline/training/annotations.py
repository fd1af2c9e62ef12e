"""Hand annotations (``corpus/annotations/motions-*.jsonl``) with the texts they point into.

An annotation record holds ids, labels and character offsets into ``Motion.text`` of the paper
as the project's readers give it (``text_sha1`` pins that text); the texts themselves stay in the
shared corpus. See ``corpus/annotations/README.md``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.extract.evidence import find_span
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
# Motions we wrote ourselves (other councils, counties, Landtage, party conventions) live in
# the project, not in the shared folder.
WRITTEN = "written"
WRITTEN_FILE = CORPUS_DIR / "written" / "motions.jsonl.gz"
PREFIXES = {
    "karlsruhe": "karlsruhe",
    "bundestag-dip-digest": "bundestag",
    "spd-berlin": "spd-berlin",
    "written": WRITTEN,
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
    """The motions with text of one corpus (shared, or our own written one), by annotation key."""
    if source == WRITTEN:
        path = WRITTEN_FILE
    elif source not in SOURCES:
        raise InputError(f"unknown source {source!r}; known: {', '.join([*SOURCES, WRITTEN])}")
    else:
        path = shared_dir(shared) / SOURCES[source]
    if not path.is_file():
        raise InputError(f"{path}: not found; point --shared (or ANTRAGSRADAR_SHARED) at the data")
    cols = Columns.with_overrides(text="motion_text") if source == "spd-berlin" else None
    out = {}
    for item in read_inputs([str(path)], columns=cols):
        if isinstance(item, Motion) and item.text.strip():
            out[annotation_key(item, source)] = item
    return out


def dev_keys(shared: str | Path | None = None) -> set[str]:
    """The ids of the dev gold (``gold/dev.jsonl``), which no training may use; empty when the
    shared folder has none."""
    path = shared_dir(shared) / "gold" / "dev.jsonl"
    return {str(r["id"]) for r in read_records([path])} if path.is_file() else set()


def read_records(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    recs = []
    for path in paths:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{p}: no such annotation file; check the path")
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


def corpus_motions(corpus: Iterable[str]) -> dict[str, Motion]:
    """Motions of the user's own corpus files by id, and by the last path segment of an OParl
    id (what gold files of OParl papers name)."""
    out: dict[str, Motion] = {}
    for item in read_inputs(list(corpus)):
        if isinstance(item, Motion) and item.text.strip():
            out.setdefault(item.id, item)
            out.setdefault(item.id.rstrip("/").rsplit("/", 1)[-1], item)
    return out


def _spans(rec: dict[str, Any], key: str, text: str) -> list[tuple[dict[str, Any], Span]]:
    """(entry, span) of each action or funding entry: its ``span``, or its ``evidence`` found in
    the text (entries whose evidence is not found are left out)."""
    out = []
    for e in rec.get(key) or []:
        if "span" in e:
            out.append((e, (int(e["span"][0]), int(e["span"][1]))))
        else:
            span = find_span(text, str(e.get("evidence") or ""))
            if span is not None:
                out.append((e, span))
    return out


def load_annotated(
    paths: Iterable[str | Path] | None = None,
    shared: str | Path | None = None,
    first_only: bool = True,
    exclude: set[str] | None = None,
    corpus: Iterable[str] | None = None,
) -> list[Annotated]:
    """Annotated motions with their texts. ``first_only``: one record per paper (the first
    annotator's; the second annotation of a doubly annotated paper serves agreement only).

    Our files point into the shared corpora (offsets, pinned by ``text_sha1``). A user's own
    file may instead name papers of ``corpus`` (any input the tool reads) and give evidence as
    quotes, as ``gold/dev.jsonl`` does; its motions get the source ``user``.
    """
    recs = read_records(paths if paths is not None else default_files())
    motions: dict[str, dict[str, Motion]] = {}
    own = corpus_motions(corpus) if corpus else {}
    out: list[Annotated] = []
    seen: set[str] = set()
    for r in recs:
        key = str(r["id"])
        if (first_only and key in seen) or (exclude and key in exclude):
            continue
        mine = own.get(key) or (own.get(key.split(":", 1)[1]) if ":" in key else None)
        if mine is not None and source_of(key) not in PREFIXES.values():
            m, src = mine, str(r.get("source") or "user")
        else:
            src = r.get("source") or source_of(key)
            if src not in PREFIXES.values():
                continue  # a paper of no corpus we can read
            if src not in motions:
                motions[src] = load_source_motions(src, shared)
            found = motions[src].get(key)
            if found is None:
                continue  # withdrawn from the corpus
            m = found
        sha = r.get("text_sha1")
        if sha and hashlib.sha1(m.text.encode("utf-8")).hexdigest() != sha:
            continue  # its text changed: the offsets no longer hold
        seen.add(key)
        funding = [{**f, "span": [a, b]} for f, (a, b) in _spans(r, "funding", m.text)]
        out.append(
            Annotated(
                motion=m,
                key=key,
                source=src,
                annotator=r.get("annotator", ""),
                themes=list(r.get("themes") or []),
                actions=[(a["type"], span) for a, span in _spans(r, "actions", m.text)],
                funding=funding,
                topic=str(r.get("topic") or ""),
                hedged=bool(r.get("hedged")),
                groups=list(r.get("groups") or r.get("factions") or []),
                request=[(a, b) for a, b in r.get("request") or []],
                extra={"confidence": r.get("confidence")},
            )
        )
    return out


def annotated_for_training(
    files: Sequence[Any] | None,
    shared: Any = None,
    corpus: Sequence[str] | None = None,
    exclude: set[str] | None = None,
    component: str = "the clause model",
) -> tuple[list[Any], list[Annotated]]:
    """The annotation files (default: ours) and their motions, never a dev gold motion (the
    dev gold is for reporting only, whoever calls); at least 20 or one line that says so."""
    paths = [Path(f) for f in (files or default_files())]
    exclude = dev_keys(shared) | (exclude or set())
    annotated = load_annotated(paths, shared=shared, exclude=exclude, corpus=corpus)
    if len(annotated) < 20:
        raise InputError(
            f"only {len(annotated)} annotated motions with matching texts in "
            f"{', '.join(map(str, paths))}; {component} needs at least 20"
        )
    return paths, annotated
