"""Train the topic ranker (``pipeline/extract/topic_ranker.py``) from annotated motions.

A row is a content word of a motion's sources (title parts, objects, the opening of the
operative part); its label is whether the annotator's topic has that word (as lemma). One L2
logistic regression over the hashed word features; the decoder's ``unseen`` constant is the
mean number of topic words that occur in none of the sources. Scored as ``antragsradar
evaluate`` scores the topic: mean token F1 of the chosen phrase against the annotator's topic,
per source, leave-one-source-out and 5-fold over motions, beside the rules' topic.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.extract.topic import TopicRules
from pipeline.extract.topic_ranker import GENITIVE_ENDINGS, N_FEATURES, TopicRanker, TopicSources
from pipeline.extract.topic_tokens import content_tokens
from pipeline.training.folds import group_folds

C_DEFAULT = 0.5


@dataclass
class TopicDoc:
    """One annotated motion as the ranker sees it."""

    key: str
    source: str
    gold: str
    src: TopicSources
    rows: list[tuple[str, list[int]]]

    def labels(self) -> list[int]:
        # a word in the genitive stands for the topic word in the nominative
        # ("Blumenschmuckwettbewerbs" for "Blumenschmuckwettbewerb")
        gold = set(content_tokens(self.gold))
        gold |= {g + e for g in gold for e in GENITIVE_ENDINGS}
        return [int(k in gold) for k, _idx in self.rows]

    def unseen(self) -> int:
        seen = {k for k, _idx in self.rows}
        return len(set(content_tokens(self.gold)) - seen)


def _matrix(docs: Sequence[TopicDoc], n_features: int):
    from scipy.sparse import csr_matrix

    indices: list[int] = []
    indptr = [0]
    y: list[int] = []
    for d in docs:
        for _key, idx in d.rows:
            indices.extend(idx)
            indptr.append(len(indices))
        y.extend(d.labels())
    data = np.ones(len(indices), dtype=np.float64)
    X = csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, n_features))
    return X, np.asarray(y)


def fit_ranker(
    docs: Sequence[TopicDoc], C: float = C_DEFAULT, n_features: int = N_FEATURES
) -> TopicRanker:
    from sklearn.linear_model import LogisticRegression

    X, y = _matrix(docs, n_features)
    unseen = float(np.mean([d.unseen() for d in docs])) if docs else 1.0
    if len(set(y.tolist())) < 2:  # nothing to learn: every word in (or out of) every topic
        return TopicRanker(np.zeros(n_features, np.float32), 0.0, unseen, n_features)
    clf = LogisticRegression(C=C, max_iter=2000, solver="liblinear").fit(X, y)
    return TopicRanker(
        clf.coef_[0].astype(np.float32), float(clf.intercept_[0]), unseen, n_features
    )


def topic_f1s(
    ranker: TopicRanker | None, docs: Sequence[TopicDoc], rules: TopicRules | None = None
) -> list[float]:
    """Per motion the token F1 of the ranker's topic (the rules' topic without a ranker)."""
    from pipeline.evaluate.extraction import topic_f1

    rules = rules or TopicRules()
    out = []
    for d in docs:
        if ranker is None or not d.rows:
            topic = d.src.rule_topic
        else:
            topic = ranker.choose(d.src, ranker.word_probs(d.rows), rules)
        out.append(topic_f1(d.gold, topic))
    return out


def _mean(xs: Sequence[float]) -> float:
    return round(float(np.mean(xs)), 4) if len(xs) else 0.0


def cross_validate_topic(
    docs: Sequence[TopicDoc],
    C: float = C_DEFAULT,
    n_features: int = N_FEATURES,
    log: Callable[[str], None] = lambda _m: None,
) -> dict[str, Any]:
    """Mean topic token F1 per source: leave-one-source-out (with more than one source) and
    5-fold over motions, with the rules' topic on the same motions."""
    sources = sorted({d.source for d in docs})
    rules = TopicRules()
    out: dict[str, Any] = {"C": C, "leave_one_source_out": {}, "within_source_5fold": {}}
    if len(sources) > 1:
        for s in sources:
            test = [d for d in docs if d.source == s]
            ranker = fit_ranker([d for d in docs if d.source != s], C, n_features)
            out["leave_one_source_out"][s] = {
                "n": len(test),
                "topic": _mean(topic_f1s(ranker, test, rules)),
                "rules": _mean(topic_f1s(None, test, rules)),
            }
            log(f"  topic LOSO {s}: {out['leave_one_source_out'][s]['topic']}")
    scores = np.zeros(len(docs))
    for fold in group_folds([d.key for d in docs], 5):
        held = set(fold.tolist())
        ranker = fit_ranker([d for i, d in enumerate(docs) if i not in held], C, n_features)
        scores[fold] = topic_f1s(ranker, [docs[i] for i in fold], rules)
    rule_scores = np.asarray(topic_f1s(None, docs, rules))
    for s in sources:
        rows = np.array([d.source == s for d in docs])
        out["within_source_5fold"][s] = {
            "n": int(rows.sum()),
            "topic": _mean(scores[rows].tolist()),
            "rules": _mean(rule_scores[rows].tolist()),
        }
    return out


def topic_docs(annotated: Sequence[Any], nlp: Any, features: Any) -> list[TopicDoc]:
    """Run the rule pipeline over annotated motions and collect the ranker's rows."""
    from pipeline.extract.topic_ranker import topic_sources
    from pipeline.preprocess.doc import make_motion_doc

    out = []
    docs = nlp.pipe((make_motion_doc(nlp, a.motion) for a in annotated), batch_size=32)
    for ann, doc in zip(annotated, docs, strict=True):
        src = topic_sources(doc, features.rules)
        out.append(TopicDoc(ann.key, ann.source, ann.topic or "", src, features.rows(src)))
    return out


def fit_and_card(
    docs: Sequence[TopicDoc], command: str, log: Callable[[str], None] = lambda _m: None
) -> TopicRanker:
    """Cross-validate, then fit on all ``docs``; the ranker carries its card section."""
    from datetime import datetime, timezone

    cv = cross_validate_topic(docs, log=log)
    ranker = fit_ranker(docs)
    ranker.card = {
        "C": cv["C"],
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "training_motions": {
            s: sum(d.source == s for d in docs) for s in sorted(cv["within_source_5fold"])
        },
        "cross_validation": cv,
    }
    return ranker


def train_topic_ranker(
    files: Sequence[Any] | None,
    out: Any,
    shared: Any = None,
    corpus: Sequence[str] | None = None,
    command: str = "",
    progress: Callable[[str], None] = lambda _msg: None,
) -> TopicRanker:
    """Train the topic ranker alone into an existing clause-model folder ``out`` (a minute,
    where the whole extraction training takes many): its ``topic.npz`` and the card's topic
    section are replaced, the clause model stays."""
    from pathlib import Path

    from pipeline.extract import add_extractors
    from pipeline.extract.learned import CARD_FILE, read_card
    from pipeline.extract.topic_ranker import CARD_KEY, TopicFeatures
    from pipeline.preprocess.nlp import make_nlp
    from pipeline.training.annotations import annotated_for_training
    from pipeline.training.extraction_card import render_card

    folder = Path(out)
    card = read_card(folder)  # a clause-model folder, or one line that says how to make one
    _paths, annotated = annotated_for_training(files, shared, corpus, component="the topic ranker")
    progress(f"{len(annotated)} annotated motions; running the rules over them")
    nlp = add_extractors(make_nlp(lemmatizer=None))
    docs = topic_docs(annotated, nlp, TopicFeatures(TopicRules()))
    progress("cross-validating and fitting the topic ranker")
    ranker = fit_and_card(docs, command, log=progress)
    card[CARD_KEY] = ranker.save(folder)
    (folder / CARD_FILE).write_text(
        json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (folder / "README.md").write_text(render_card(card), encoding="utf-8")
    return ranker
