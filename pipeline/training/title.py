"""Train the title model (``pipeline/ingest/title_lines.py``) on records that carry a title.

Any corpus whose records hold the motion's text and its title beside it teaches where a head's
title stands: the first line whose words are (nearly all) words of the title, with the lines
that go on with it, is the title; every other line of the head is not. Records whose head has
no such line (the title is not printed, or differs from the text) are left out of training and
kept for the scores. Scores: token F1 of the read title against the record's title (words,
lower-cased), the share of exact matches and of heads read as having no title, per source,
trained on the other sources (leave one source out) and 5-fold within; the thresholds come from
out-of-fold probabilities of the training sources.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.errors import InputError
from pipeline.ingest.title_lines import (
    N_FEATURES,
    Line,
    TitleModel,
    all_line_features,
    continuation_features,
    hashed,
    head_lines,
)
from pipeline.ingest.title_rules import typed_title
from pipeline.training.folds import group_folds

_WORD = re.compile(r"\w+")
IN_TITLE = 0.8  # share of a line's words that must be title words
RUN_COVER = 0.5  # share of the title's words the first run of title lines must cover
THRESHOLDS = np.round(np.arange(0.0, 0.61, 0.05), 2)
UNSURE_SHARE = 0.01


def words(s: str) -> list[str]:
    return _WORD.findall(s.lower())


def token_f1(gold: str, guess: str) -> float:
    g, p = Counter(words(gold)), Counter(words(guess))
    if not g or not p:
        return float(not g and not p)
    common = sum((g & p).values())
    return 2 * common / (sum(g.values()) + sum(p.values()))


@dataclass
class TitleDoc:
    key: str
    source: str
    title: str
    text: str
    lines: list[Line]
    start: int | None  # the title's first line, None where the head does not print it
    run: int = 0  # how many lines the title spans from ``start``
    start_rows: list[np.ndarray] = field(default_factory=list)
    cont_rows: list[tuple[np.ndarray, int]] = field(default_factory=list)
    rule_f1: float = 0.0  # token F1 of the skip rules' title (they need no training)


def label_title(lines: Sequence[Line], title: str) -> tuple[int | None, int]:
    """(first line, line count) of the title in the head, or (None, 0)."""
    t = Counter(words(title))
    n_t = sum(t.values())
    if not n_t:
        return None, 0

    def in_title(ln: Line) -> bool:
        w = Counter(words(ln.text))
        n = sum(w.values())
        return n > 0 and sum((w & t).values()) / n >= IN_TITLE and (n >= 3 or n >= n_t / 2)

    for i, ln in enumerate(lines):
        if not in_title(ln):
            continue
        covered: Counter[str] = Counter()
        j = i
        while j < len(lines) and in_title(lines[j]):
            before = sum((covered & t).values())
            covered.update(words(lines[j].text))
            if sum((covered & t).values()) == before:
                break  # the line repeats words already seen: the title ended
            j += 1
        if sum((covered & t).values()) / n_t >= RUN_COVER:
            return i, j - i
    return None, 0


def title_doc(key: str, source: str, title: str, text: str, n_features: int) -> TitleDoc:
    lines = head_lines(text)
    start, run = label_title(lines, title)
    from pipeline.ingest.textmeta import guess_title

    doc = TitleDoc(key, source, title, text, lines, start, run)
    doc.rule_f1 = token_f1(title, guess_title(text, None, model=None))
    if start is not None:
        doc.start_rows = [hashed(f, n_features) for f in all_line_features(lines)]
        for k in range(start, min(start + run, len(lines) - 1)):
            doc.cont_rows.append(
                (hashed(continuation_features(lines, k), n_features), int(k < start + run - 1))
            )
    return doc


def read_docs(inputs: Iterable[tuple[str, str]], n_features: int = N_FEATURES) -> list[TitleDoc]:
    """``inputs``: (source name, input path) pairs read with the ingest readers."""
    from pipeline.ingest.dispatch import read_inputs
    from pipeline.ingest.textmeta import title_from_text
    from pipeline.record import Motion

    docs = []
    for source, path in inputs:
        for item in read_inputs([path]):
            if not isinstance(item, Motion) or not item.text.strip():
                continue
            # only titles the records give: one read from the text would teach the model itself
            if item.title.strip() and not title_from_text(item):
                docs.append(title_doc(item.id, source, item.title, item.text, n_features))
    return docs


def _matrix(rows: list[np.ndarray], n_features: int):
    from scipy.sparse import csr_matrix

    indptr = np.cumsum([0] + [len(r) for r in rows])
    indices = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), n_features))


def _logistic(
    rows: list[np.ndarray], y: list[int], w: list[float], C: float, n_features: int
) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        return np.zeros(n_features, dtype=np.float32), (8.0 if y and y[0] else -8.0)
    clf = LogisticRegression(C=C, solver="liblinear", max_iter=500)
    clf.fit(_matrix(rows, n_features), np.array(y), sample_weight=np.array(w))
    return clf.coef_[0].astype(np.float32), float(clf.intercept_[0])


def fit(
    docs: Sequence[TitleDoc], C: float = 1.0, threshold: float = 0.0, n_features: int = N_FEATURES
) -> TitleModel:
    """Both models on the records whose head prints the title; each source weighs as much as
    any other (one council's template would otherwise teach the model its letterhead)."""
    labelled = [d for d in docs if d.start is not None]
    per_source = Counter(d.source for d in labelled)
    s_rows, s_y, s_w, c_rows, c_y, c_w = [], [], [], [], [], []
    for d in labelled:
        weight = len(labelled) / (len(per_source) * per_source[d.source])
        s_rows += d.start_rows
        s_y += [int(i == d.start) for i in range(len(d.start_rows))]
        s_w += [weight] * len(d.start_rows)
        for r, y in d.cont_rows:
            c_rows.append(r)
            c_y.append(y)
            c_w.append(weight)
    ws, bs = _logistic(s_rows, s_y, s_w, C, n_features)
    wc, bc = _logistic(c_rows, c_y, c_w, C, n_features)
    return TitleModel(ws, bs, wc, bc, threshold, n_features)


def read_title(model: TitleModel, text: str) -> str:
    from pipeline.ingest.textmeta import guess_title

    return guess_title(text, None, model=model)


def scores(model: TitleModel, docs: Sequence[TitleDoc]) -> dict[str, Any]:
    got = [read_title(model, d.text) for d in docs]
    n = max(1, len(docs))
    return {
        "motions": len(docs),
        "token_f1": round(sum(token_f1(d.title, g) for d, g in zip(docs, got, strict=True)) / n, 4),
        "exact": round(
            sum(words(d.title) == words(g) for d, g in zip(docs, got, strict=True)) / n, 4
        ),
        "no_title": round(sum(not g for g in got) / n, 4),
    }


def best_threshold(
    model_f1: Sequence[float], rule_f1: Sequence[float], probs: Sequence[float]
) -> float:
    """The threshold on the best line's probability below which the skip rules' line serves
    better (best mean token F1; ties: the lower threshold). The records all carry a title, so
    "no title" cannot be learned from them: below the threshold the rules decide."""
    best_t, best_f = 0.0, -1.0
    for t in THRESHOLDS:
        f = float(
            np.mean([m if p >= t else r for m, r, p in zip(model_f1, rule_f1, probs, strict=True)])
        )
        if f > best_f + 1e-9:
            best_t, best_f = float(t), f
    return best_t


def _oof_threshold(docs: Sequence[TitleDoc], C: float, n_features: int, k: int = 3) -> float:
    """A threshold from out-of-fold probabilities of ``docs`` (folds over records): the best
    one, but at least what all but ``UNSURE_SHARE`` of the heads that print their title reach
    (a head whose best line scores lower looks like none of them: most likely it has no title
    line, which the records, all titled, cannot teach)."""

    model_f1, rule_f1, probs, printed = [], [], [], []
    for test in group_folds([d.key for d in docs], k):
        held = set(test.tolist())
        m = fit([d for i, d in enumerate(docs) if i not in held], C, 0.0, n_features)
        for i in test:
            d = docs[i]
            model_f1.append(token_f1(d.title, read_title(m, d.text)))
            rule_f1.append(d.rule_f1)
            # a "<Typ>: <Titel>" line is read before the model: no threshold applies
            p = m.start_probs(d.lines)
            probs.append(1.0 if typed_title(d.text) else max(p, default=0.0))
            if d.start is not None:
                printed.append(probs[-1])
    floor = float(np.quantile(printed, UNSURE_SHARE)) if printed else 0.0
    return max(best_threshold(model_f1, rule_f1, probs), round(floor, 4))


def cross_validate(
    docs: Sequence[TitleDoc], C: float, n_features: int, log: Callable[[str], None]
) -> dict[str, Any]:

    sources = sorted({d.source for d in docs})
    out: dict[str, Any] = {"leave_one_source_out": {}, "within_source_5fold": {}, "rules": {}}
    for src in sources:
        test = [d for d in docs if d.source == src]
        n = max(1, len(test))
        out["rules"][src] = round(sum(d.rule_f1 for d in test) / n, 4)
        if len(sources) > 1:
            train = [d for d in docs if d.source != src]
            m = fit(train, C, _oof_threshold(train, C, n_features), n_features)
            out["leave_one_source_out"][src] = scores(m, test)
            log(
                f"  title LOSO {src}: {out['leave_one_source_out'][src]['token_f1']} (rules {out['rules'][src]})"
            )
    models: list[tuple[TitleModel, np.ndarray]] = []
    for fold in group_folds([d.key for d in docs], 5):
        held = set(fold.tolist())
        rest = [d for i, d in enumerate(docs) if i not in held]
        models.append((fit(rest, C, _oof_threshold(rest, C, n_features), n_features), fold))
    for src in sources:
        parts = [scores(m, [docs[i] for i in fold if docs[i].source == src]) for m, fold in models]
        n = sum(p["motions"] for p in parts)
        out["within_source_5fold"][src] = {
            "motions": n,
            **{
                k: round(sum(p[k] * p["motions"] for p in parts) / max(1, n), 4)
                for k in ("token_f1", "exact", "no_title")
            },
        }
    return out


def default_inputs(shared: Any = None) -> list[tuple[str, str]]:
    from pipeline.paths import DATA_ROOT, shared_dir

    root = shared_dir(shared)
    return [
        ("karlsruhe", str(root / "corpus" / "karlsruhe" / "papers.jsonl.gz")),
        ("bundestag", str(root / "corpus" / "bundestag" / "papers.jsonl.gz")),
        ("written", str(DATA_ROOT / "corpus" / "written" / "motions.jsonl.gz")),
    ]


def train_title(
    inputs: Sequence[tuple[str, str]] | None = None,
    out: Any = None,
    shared: Any = None,
    C: float = 1.0,
    n_features: int = N_FEATURES,
    command: str = "",
    progress: Callable[[str], None] = lambda _msg: None,
) -> TitleModel:
    """Train the title model on ``inputs`` ((source, path) pairs; default: the shared corpora
    with titles and our written motions), cross-validate it per source and write it to ``out``."""
    from datetime import datetime, timezone

    from pipeline import __version__
    from pipeline.digest import sha256_file
    from pipeline.training import check_writable

    t0 = time.time()
    if out is not None:
        check_writable(out)
    inputs = list(inputs or default_inputs(shared))
    progress(f"reading {len(inputs)} inputs")
    docs = read_docs(inputs, n_features)
    labelled = Counter(d.source for d in docs if d.start is not None)
    if not labelled:
        raise InputError(
            f"no record of {', '.join(p for _, p in inputs)} has a title that its text prints "
            "in its first lines; the title model learns from records with a title beside their "
            "text (a title field or --title-column)"
        )
    progress(f"{len(docs)} records with a title, {sum(labelled.values())} with it in the head")
    cv = cross_validate(docs, C, n_features, progress)
    model = fit(docs, C, _oof_threshold(docs, C, n_features), n_features)
    model.card = {
        "name": Path(out).name if out else "title",
        "task": "title of a motion without metadata, read from the lines of its head",
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "antragsradar": __version__,
        "C": C,
        "training_inputs": {
            src: {"file": Path(p).name, "sha256": sha256_file(p)} for src, p in inputs
        },
        "records": dict(Counter(d.source for d in docs)),
        "records_with_title_in_head": dict(labelled),
        "cross_validation": cv,
        "timings_s": {"total": round(time.time() - t0, 1)},
    }
    if out is not None:
        model.save(out)
        (Path(out) / "README.md").write_text(render_card(model.card), encoding="utf-8")
    return model


def render_card(card: dict[str, Any]) -> str:
    """The model card (README.md) of a title model, from its model_card.json."""
    cv = card.get("cross_validation") or {}
    loso, within, rules = (
        cv.get("leave_one_source_out") or {},
        cv.get("within_source_5fold") or {},
        cv.get("rules") or {},
    )

    def cell(scores: dict[str, Any] | None) -> str:
        return f"{scores['token_f1']:.3f} ({scores['exact']:.3f})" if scores else "–"

    lines = [
        f"# Title model `{card.get('name', 'title')}`",
        "",
        f"{card.get('task', '')}. Trained {card.get('trained_at', '?')} with "
        f"`{card.get('command') or 'antragsradar train --component title'}` "
        f"(antragsradar {card.get('antragsradar', '?')}).",
        "",
        "- Used for inputs without metadata (plain text, Markdown, PDF): after a "
        '"<Typ>: <Titel>" line, which is read first, the line of the head this model scores '
        "best is the title's first line, with the lines it predicts to go on with it. Below the "
        f"threshold {card.get('threshold')} the skip rules of `document_types.json` decide.",
        "- Input: the first 40 non-empty lines, as hashed features (`pipeline/ingest/title_lines.py`): "
        "position, length, case, final character, the skip patterns a line matches, its first "
        "and last word, the rules' own pick, the same of the lines around it.",
        f"- Model: two L2 logistic regressions (C={card.get('C')}), {card.get('n_features')} "
        f"hashed features, in `{(card.get('weights') or {}).get('file', 'title.npz')}` (numpy "
        "archive, loaded without pickle; its sha256 is in `model_card.json` and checked before "
        "loading). Each source weighs as much as any other.",
        "- Labels: the record's own title (metadata) beside its text; the first line whose "
        "words are nearly all title words, with the lines that go on with it. Records whose head "
        "does not print the title are not trained on, and are scored.",
        "",
        "## Held-out scores",
        "",
        "Token F1 of the read title against the record's title (exact matches in brackets), "
        "trained on the other sources / 5-fold within the sources, and the skip rules alone:",
        "",
        "| source | records | other sources | 5-fold | rules alone |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {s} | {n} | {cell(loso.get(s))} | {cell(within.get(s))} | {rules.get(s, 0):.3f} |"
            for s, n in (card.get("records") or {}).items()
        ),
        "",
    ]
    return "\n".join(lines)
