"""Train the topic ranker (``pipeline/extract/topic_ranker.py``) from annotated motions.

A row is a content word of a motion's sources (title parts, objects, the opening of the
operative part); its label is whether the annotator's topic has that word (as lemma). One L2
logistic regression over the hashed word features; the decoder's ``unseen`` constant is the
mean number of topic words that occur in none of the sources. Scored as ``antragsradar
evaluate`` scores the topic: mean token F1 of the chosen phrase against the annotator's topic,
per source, leave-one-source-out and 5-fold over motions, beside the rules' topic.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from pipeline.extract.topic_ranker import N_FEATURES, TopicRanker, TopicSources
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
        gold = set(content_tokens(self.gold))
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


def topic_f1s(ranker: TopicRanker | None, docs: Sequence[TopicDoc]) -> list[float]:
    """Per motion the token F1 of the ranker's topic (the rules' topic without a ranker)."""
    from pipeline.evaluate.extraction import topic_f1

    out = []
    for d in docs:
        if ranker is None or not d.rows:
            topic = d.src.rule_topic
        else:
            topic = ranker.choose(d.src, ranker.word_probs(d.rows))
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
    out: dict[str, Any] = {"C": C, "leave_one_source_out": {}, "within_source_5fold": {}}
    if len(sources) > 1:
        for s in sources:
            test = [d for d in docs if d.source == s]
            ranker = fit_ranker([d for d in docs if d.source != s], C, n_features)
            out["leave_one_source_out"][s] = {
                "n": len(test),
                "topic": _mean(topic_f1s(ranker, test)),
                "rules": _mean(topic_f1s(None, test)),
            }
            log(f"  topic LOSO {s}: {out['leave_one_source_out'][s]['topic']}")
    scores = np.zeros(len(docs))
    for fold in group_folds([d.key for d in docs], 5):
        held = set(fold.tolist())
        ranker = fit_ranker([d for i, d in enumerate(docs) if i not in held], C, n_features)
        scores[fold] = topic_f1s(ranker, [docs[i] for i in fold])
    rules = np.asarray(topic_f1s(None, docs))
    for s in sources:
        rows = np.array([d.source == s for d in docs])
        out["within_source_5fold"][s] = {
            "n": int(rows.sum()),
            "topic": _mean(scores[rows].tolist()),
            "rules": _mean(rules[rows].tolist()),
        }
    return out
