"""Training and validation sets for the theme classifier, built from the shared data.

Sources (each an ``Example`` list; ``text`` is title + newline + cleaned body, as the analyzer
passes it; ``extra`` is the optional extraction field: topic and funding names):

- ``spd-berlin``: SPD Berlin convention motions labelled by the party's own topic section,
  mapped to theme ids by ``section_themes.json`` (null sections are skipped).
- ``karlsruhe-weak``: Karlsruhe council papers labelled by the taxonomy's seed terms
  (title hits weigh more than body hits); papers of the dev gold are always excluded.
- ``karlsruhe-annotated``: Karlsruhe papers whose themes we annotated by hand per
  ANNOTATION.md (``corpus/annotations/karlsruhe-themes.jsonl``: ids and theme ids only, no
  text; a random sample, dev papers excluded); they weigh ``ANNOTATED_WEIGHT`` times a weak
  label and replace the weak labels of the same papers.
- ``dev``: the 180 gold Karlsruhe motions; for validation and threshold tuning only.
- a path: the user's own JSON Lines, one ``{"text", "themes", "title"?, "extra"?, "id"?}`` a line.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from pipeline.classify.taxonomy import Taxonomy
from pipeline.digest import sha256_file
from pipeline.errors import InputError
from pipeline.paths import CORPUS_DIR, shared_dir
from pipeline.training.annotations import dev_keys

SPD_MOTIONS = "corpus/spd-berlin/motions.jsonl.gz"
SPD_SECTIONS = "corpus/spd-berlin/section_themes.json"
KARLSRUHE_PAPERS = "corpus/karlsruhe/papers.jsonl.gz"
DEV_GOLD = "gold/dev.jsonl"
ANNOTATIONS = CORPUS_DIR / "annotations" / "karlsruhe-themes.jsonl"
BUILTIN_SOURCES = ("spd-berlin", "karlsruhe-weak", "karlsruhe-annotated", "annotated")
# Full annotations (corpus/annotations/motions-*.jsonl) give examples of these sources.
ANNOTATED_SOURCES = (
    "annotated-karlsruhe",
    "annotated-bundestag",
    "annotated-spd-berlin",
    "annotated-written",
)
# A hand-annotated example counts this many weak-labelled ones (sample weight).
ANNOTATED_WEIGHT = 5.0
# Give every annotated source the same total weight (a source of 309 motions then counts as
# much as one of 4,194); measured by bench/themes_heldout.py --variant balanced-sources.
BALANCE_ANNOTATED_SOURCES = False

# Weak labelling: a title hit counts this much more than a hit in the body; the body is read
# up to BODY_CHARS (the motion itself comes first, the long reasoning after).
TITLE_WEIGHT = 3
BODY_CHARS = 3000
BODY_HIT_CAP = 6
MIN_TOP_SCORE = 3
# Secondary weak labels reach this share of the top seed score (gold motions carry 1.7 themes
# on average); the values of this and SPD_SECONDARY_RATIO: docs/experiments-themes.md.
SECONDARY_RATIO = 0.4
# SPD motions: seed-term themes added after the section's (None: the section's themes only).
SPD_SECONDARY_RATIO: float | None = 0.5
MAX_THEMES = 3


@dataclass
class Example:
    id: str
    text: str
    themes: list[str]
    extra: str = ""
    source: str = ""
    weight: float = 1.0


@dataclass
class Source:
    """A training source as the model card lists it."""

    name: str
    files: dict[str, str] = field(default_factory=dict)  # path -> sha256
    size: int = 0
    note: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "examples": self.size, "files": self.files, "note": self.note}


def join_text(title: str, body: str) -> str:
    title, body = (title or "").strip(), (body or "").strip()
    return f"{title}\n{body}" if title and body else title or body


def _read_jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, start=1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(
                            f"{path}: line {lineno}: invalid JSON ({exc.msg})"
                        ) from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file; check --shared or the path") from exc


# --- SPD Berlin --------------------------------------------------------------------------------


def spd_examples(
    taxonomy: Taxonomy, shared: str | Path | None = None
) -> tuple[list[Example], Source]:
    root = shared_dir(shared)
    sections_path, motions_path = root / SPD_SECTIONS, root / SPD_MOTIONS
    try:
        sections = json.loads(sections_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{sections_path}: no such file; check --shared") from exc
    known = set(taxonomy.ids)
    out = []
    for rec in _read_jsonl(motions_path):
        themes = sections.get(rec.get("topic_section") or "")
        themes = [t for t in themes or [] if t in known]
        title, body = rec.get("title") or "", rec.get("motion_text") or ""
        text = join_text(title, body)
        if themes and text:
            themes = with_secondary(taxonomy, themes, title, body, SPD_SECONDARY_RATIO)
            out.append(Example(str(rec.get("id")), text, themes, "", "spd-berlin"))
    src = Source(
        "spd-berlin",
        {SPD_MOTIONS: sha256_file(motions_path), SPD_SECTIONS: sha256_file(sections_path)},
        len(out),
        "party-assigned topic_section mapped by section_themes.json; null sections skipped"
        + (
            f"; seed-term themes reaching {SPD_SECONDARY_RATIO} of the top seed score added "
            "after the section's"
            if SPD_SECONDARY_RATIO
            else ""
        ),
    )
    return out, src


# --- Karlsruhe ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Paper:
    key: str  # karlsruhe:N
    title: str
    text: str  # cleaned body
    paper_type: str


def paper_key(motion_id: str) -> str:
    return "karlsruhe:" + motion_id.rstrip("/").rsplit("/", 1)[-1]


@lru_cache(maxsize=2)
def karlsruhe_papers(shared: str | None = None) -> tuple[Paper, ...]:
    """Every Karlsruhe paper with extracted text, cleaned (cached per process)."""
    from pipeline.ingest import read_inputs
    from pipeline.preprocess.clean import clean_text
    from pipeline.record import Motion

    path = shared_dir(shared) / KARLSRUHE_PAPERS
    if not path.exists():
        raise InputError(f"{path}: no such file; check --shared")
    out = []
    for m in read_inputs([str(path)]):
        if isinstance(m, Motion) and m.text.strip():
            out.append(Paper(paper_key(m.id), m.title, clean_text(m.text).text, m.paper_type or ""))
    return tuple(out)


def seed_scores(taxonomy: Taxonomy, title: str, body: str) -> dict[str, float]:
    """Seed-term score per theme: title hits weigh TITLE_WEIGHT, body hits (first BODY_CHARS)
    count once each, at most BODY_HIT_CAP per theme."""
    score: dict[str, float] = {}
    for tid, n in taxonomy.seed_hits(title).items():
        score[tid] = score.get(tid, 0) + TITLE_WEIGHT * n
    for tid, n in taxonomy.seed_hits(body[:BODY_CHARS]).items():
        score[tid] = score.get(tid, 0) + min(n, BODY_HIT_CAP)
    return score


def weak_labels(taxonomy: Taxonomy, title: str, body: str) -> list[str]:
    """Themes from seed-term hits, strongest first; [] when no theme stands out."""
    score = seed_scores(taxonomy, title, body)
    if not score:
        return []
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], taxonomy.ids.index(kv[0])))
    top = ranked[0][1]
    if top < MIN_TOP_SCORE:
        return []
    floor = max(MIN_TOP_SCORE, SECONDARY_RATIO * top)
    return [t for t, s in ranked[:MAX_THEMES] if s >= floor]


def with_secondary(
    taxonomy: Taxonomy, themes: list[str], title: str, body: str, ratio: float | None
) -> list[str]:
    """``themes`` (a source's own labels, kept first) plus seed-term themes that reach
    ``ratio`` of the strongest seed score (and MIN_TOP_SCORE), at most MAX_THEMES in all.

    Party sections give one theme per motion, but motions carry 1.7 on average: without
    secondary labels the model learns that a second theme is rare."""
    if not ratio or len(themes) >= MAX_THEMES:
        return list(themes)
    score = seed_scores(taxonomy, title, body)
    if not score:
        return list(themes)
    top = max(score.values())
    ranked = sorted(score.items(), key=lambda kv: (-kv[1], taxonomy.ids.index(kv[0])))
    out = list(themes)
    for t, s in ranked:
        if len(out) >= MAX_THEMES:
            break
        if t not in out and s >= max(MIN_TOP_SCORE, ratio * top):
            out.append(t)
    return out


def karlsruhe_weak_examples(
    taxonomy: Taxonomy,
    shared: str | Path | None = None,
    exclude: Iterable[str] = (),
) -> tuple[list[Example], Source]:
    excluded = set(exclude) | dev_keys(shared)
    papers = karlsruhe_papers(str(shared) if shared is not None else None)
    out, skipped_dev, unlabelled = [], 0, 0
    for p in papers:
        if p.key in excluded:
            skipped_dev += 1
            continue
        themes = weak_labels(taxonomy, p.title, p.text)
        if not themes:
            unlabelled += 1
            continue
        out.append(Example(p.key, join_text(p.title, p.text), themes, "", "karlsruhe-weak"))
    src = Source(
        "karlsruhe-weak",
        {KARLSRUHE_PAPERS: sha256_file(shared_dir(shared) / KARLSRUHE_PAPERS)},
        len(out),
        f"seed-term weak labels; {skipped_dev} dev/excluded papers and {unlabelled} papers "
        "without a clear seed-term theme left out",
    )
    return out, src


def annotated_keys(path: str | Path = ANNOTATIONS) -> set[str]:
    path = Path(path)
    return {r["id"] for r in _read_jsonl(path)} if path.exists() else set()


def karlsruhe_annotated_examples(
    taxonomy: Taxonomy,
    shared: str | Path | None = None,
    path: str | Path = ANNOTATIONS,
    weight: float | None = None,
) -> tuple[list[Example], Source]:
    """The hand-annotated Karlsruhe papers with their texts from the shared corpus.

    Themes outside ``taxonomy`` are dropped (the annotations use the default taxonomy)."""
    weight = ANNOTATED_WEIGHT if weight is None else weight
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such annotation file")
    papers = {p.key: p for p in karlsruhe_papers(str(shared) if shared is not None else None)}
    dev = dev_keys(shared)
    known = set(taxonomy.ids)
    out, missing = [], 0
    for rec in _read_jsonl(path):
        if rec["id"] in dev:
            raise InputError(f"{path}: {rec['id']} is a dev gold paper; annotations must not be")
        p = papers.get(rec["id"])
        themes = [t for t in rec.get("themes") or [] if t in known]
        if p is None or not themes:
            missing += 1
            continue
        text = join_text(p.title, p.text)
        out.append(Example(p.key, text, themes, "", "karlsruhe-annotated", weight))
    src = Source(
        "karlsruhe-annotated",
        {
            str(path.relative_to(CORPUS_DIR.parent))
            if path.is_relative_to(CORPUS_DIR.parent)
            else str(path): sha256_file(path),
            KARLSRUHE_PAPERS: sha256_file(shared_dir(shared) / KARLSRUHE_PAPERS),
        },
        len(out),
        f"themes annotated by hand per ANNOTATION.md on a random sample of non-dev papers "
        f"(sample weight {weight:g}); {missing} without text or taxonomy theme left out",
    )
    return out, src


def annotated_examples(
    taxonomy: Taxonomy, shared: str | Path | None = None, weight: float | None = None
) -> tuple[list[Example], Source]:
    """The fully annotated motions of every shared source (``motions-*.jsonl``), with their
    cleaned texts; the source of each example is ``annotated-<source>``."""
    weight = ANNOTATED_WEIGHT if weight is None else weight
    from pipeline.preprocess.clean import clean_text
    from pipeline.training.annotations import default_files, load_annotated

    files = default_files()
    dev = dev_keys(shared)
    known = set(taxonomy.ids)
    out, missing = [], 0
    for a in load_annotated(files, shared=shared):
        if a.key in dev:
            raise InputError(f"{a.key} is a dev gold paper; annotations must not be")
        themes = [t for t in a.themes if t in known]
        if not themes:
            missing += 1
            continue
        text = join_text(a.motion.title, clean_text(a.motion.text).text)
        out.append(Example(a.key, text, themes, "", f"annotated-{a.source}", weight))
    if BALANCE_ANNOTATED_SOURCES and out:
        counts = Counter(e.source for e in out)
        scale = {s: len(out) / (len(counts) * n) for s, n in counts.items()}
        out = [replace(e, weight=e.weight * scale[e.source]) for e in out]
    src = Source(
        "annotated",
        {
            str(f.relative_to(CORPUS_DIR.parent))
            if f.is_relative_to(CORPUS_DIR.parent)
            else str(f): sha256_file(f)
            for f in files
        },
        len(out),
        f"motions of Karlsruhe, the Bundestag/Bundesrat, SPD Berlin and of other bodies (written by "
        f"us) annotated by hand per "
        f"ANNOTATION.md (sample weight {weight:g}); {missing} without a taxonomy theme left out",
    )
    return out, src


def full_annotation_keys() -> set[str]:
    from pipeline.training.annotations import default_files, read_records

    return {r["id"] for r in read_records(default_files())}


def dev_examples(
    taxonomy: Taxonomy, shared: str | Path | None = None
) -> tuple[list[Example], list[dict]]:
    """Dev gold joined with the cleaned Karlsruhe texts; ``extra`` = gold topic + funding names.

    Returns the examples and the gold records (themes restricted to the taxonomy).
    """
    root = shared_dir(shared)
    gold = list(_read_jsonl(root / DEV_GOLD))
    papers = {p.key: p for p in karlsruhe_papers(str(shared) if shared is not None else None)}
    known = set(taxonomy.ids)
    examples, records = [], []
    for g in gold:
        p = papers.get(g["id"])
        themes = [t for t in g.get("themes") or [] if t in known]
        if p is None or not themes:
            continue
        extra = " ".join(
            [g.get("topic") or ""] + [f.get("name") or "" for f in g.get("funding") or []]
        )
        examples.append(Example(g["id"], join_text(p.title, p.text), themes, extra.strip(), "dev"))
        records.append({**g, "themes": themes})
    return examples, records


# --- user files --------------------------------------------------------------------------------


def file_examples(path: str | Path, taxonomy: Taxonomy) -> tuple[list[Example], Source]:
    p = Path(path)
    known = set(taxonomy.ids)
    out = []
    for i, rec in enumerate(_read_jsonl(p), start=1):
        if not isinstance(rec, dict) or not isinstance(rec.get("themes"), list):
            raise InputError(
                f'{p}: record {i} has no "themes" list; see `antragsradar train --help`'
            )
        unknown = [t for t in rec["themes"] if t not in known]
        if unknown:
            raise InputError(f"{p}: record {i} has theme {unknown[0]!r}, not in the taxonomy")
        text = join_text(rec.get("title") or "", rec.get("text") or "")
        if text and rec["themes"]:
            out.append(
                Example(
                    str(rec.get("id", f"{p.name}:{i}")),
                    text,
                    rec["themes"],
                    str(rec.get("extra") or ""),
                    p.name,
                )
            )
    if not out:
        raise InputError(f"{p}: no labelled records with text")
    return out, Source(p.name, {str(p): sha256_file(p)}, len(out), "user-supplied labelled file")


def build_training_set(
    taxonomy: Taxonomy, sources: Iterable[str], shared: str | Path | None = None
) -> tuple[list[Example], list[Source]]:
    """Concatenate the named sources (built-in names or JSON Lines paths)."""
    examples: list[Example] = []
    used: list[Source] = []
    sources = list(sources)
    # Hand labels replace the weak labels of the same papers.
    annotated = annotated_keys() if "karlsruhe-annotated" in sources else set()
    full = full_annotation_keys() if "annotated" in sources else set()
    for name in sources:
        if name == "spd-berlin":
            ex, src = spd_examples(taxonomy, shared)
            ex = [e for e in ex if e.id not in full]
        elif name == "annotated":
            ex, src = annotated_examples(taxonomy, shared)
        elif name == "karlsruhe-weak":
            ex, src = karlsruhe_weak_examples(taxonomy, shared, exclude=annotated | full)
        elif name == "karlsruhe-annotated":
            ex, src = karlsruhe_annotated_examples(taxonomy, shared)
            ex = [e for e in ex if e.id not in full]
        elif Path(name).exists():
            ex, src = file_examples(name, taxonomy)
        else:
            raise InputError(
                f"unknown training source {name!r}; use {', '.join(BUILTIN_SOURCES)} or a JSON Lines file"
            )
        examples.extend(ex)
        used.append(src)
    if not examples:
        raise InputError("the training sources hold no labelled example for this taxonomy")
    return examples, used
