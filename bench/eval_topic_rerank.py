"""A second stage for the topic ranker, measured leave-one-source-out (tried, not shipped).

    .venv/bin/python bench/eval_topic_rerank.py [--top 20]

The shipped decoder picks the candidate with the highest expected token F1 under the word
model. Here a model learns which candidate scores best, from 30 features per candidate (the
decoder's expected F1, its rank and its gap to the best, word counts, the mean, minimum,
maximum and sum of the word probabilities, origin, whether it opens or closes its title part,
its overlap with the rules' topic, how many sources repeat it, the paper's kind). For each source
left out, the reranker's training rows get word probabilities from word models trained without
their own source too (nested leave-one-source-out), so they are as uncertain as on a new source.
Printed per source: the decoder, a gradient-boosted regression on each candidate's F1 (weighted
per motion), a linear pairwise ranker, and the oracles over all candidates and over the top ones.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.evaluate.extraction import topic_f1  # noqa: E402
from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.topic import TopicRules  # noqa: E402
from pipeline.extract.topic_ranker import (  # noqa: E402
    UNKNOWN_P,
    TopicFeatures,
    _display,
    _spans,
    topic_sources,
)
from pipeline.extract.topic_tokens import content_tokens  # noqa: E402
from pipeline.preprocess.doc import make_motion_doc  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.topic import TopicDoc, fit_ranker  # noqa: E402

RULES = TopicRules()


def candidate_rows(d: TopicDoc, probs: dict[str, float], unseen: float, kinds: list[str]):
    """Per candidate of one motion: its features and its token F1 against the annotator."""
    total = sum(probs.values()) + unseen
    rule_keys = frozenset(content_tokens(d.src.rule_topic))
    cands: list[tuple[str, str | None, frozenset[str], object]] = []
    if rule_keys:
        cands.append(("rule", d.src.rule_topic, rule_keys, None))
    cands += [(p.origin, None, keys, (p, i, j)) for p, i, j, keys in _spans(d.src)]
    if not cands:
        return [], []
    ef1 = np.array(
        [2 * sum(probs.get(k, UNKNOWN_P) for k in c[2]) / (len(c[2]) + total) for c in cands]
    )
    rank = np.empty(len(cands))
    rank[np.argsort(-ef1, kind="stable")] = np.arange(len(cands))
    repeats: dict[frozenset[str], int] = {}
    for c in cands:
        repeats[c[2]] = repeats.get(c[2], 0) + 1
    feats, labels = [], []
    for n, (origin, phrase, keys, where) in enumerate(cands):
        ps = [probs.get(k, UNKNOWN_P) for k in keys]
        if where is not None:
            p, i, j = where  # type: ignore[misc]
            phrase = _display(p, i, j, RULES)
            edges = [k for k, e in enumerate(p.edge) if e]
            opens, closes = i == edges[0], j - 1 == edges[-1]
            n_words, n_phrase = j - i, len(p.words)
            cover = len(keys) / max(1, len({k for ks in p.keys for k in ks}))
        else:
            opens = closes = True
            n_words = n_phrase = len((phrase or "").split())
            cover = 1.0
        union = keys | rule_keys
        feats.append(
            [
                ef1[n], ef1[n] / ef1.max() if ef1.max() > 0 else 0.0, ef1[n] - ef1.max(),
                min(rank[n], 20), rank[n] == 0, len(keys), n_words, n_phrase,
                np.mean(ps), min(ps), max(ps), sum(ps), total,
                origin == "rule", origin == "title", origin == "object",
                opens, closes, opens and closes, cover,
                len(keys & rule_keys) / len(union) if union else 0.0,
                repeats[keys], len(d.src.title_parts),
                any(ch.isdigit() for ch in phrase or ""), len(d.rows),
                *(d.src.kind == k for k in kinds),
            ]
        )  # fmt: skip
        labels.append(topic_f1(d.gold, phrase))
    return feats, labels


def table(docs: list[TopicDoc], ranker, kinds: list[str]):
    X, y, g = [], [], []
    for n, d in enumerate(docs):
        if d.rows:
            f, lab = candidate_rows(d, ranker.word_probs(d.rows), ranker.unseen, kinds)
            X += f
            y += lab
            g += [n] * len(f)
    return np.array(X, float), np.array(y), np.array(g)


def chosen(scores: np.ndarray, y: np.ndarray, g: np.ndarray) -> np.ndarray:
    """Per motion the F1 of its highest-scoring candidate (the first on ties)."""
    order = np.lexsort((np.arange(len(g)), -scores, g))
    first = np.r_[True, g[order][1:] != g[order][:-1]]
    return y[order][first]


def pairs(X: np.ndarray, y: np.ndarray, g: np.ndarray, rng: np.random.Generator):
    """Difference rows: each motion's best candidate against up to ten clearly worse ones."""
    D, L = [], []
    order = np.argsort(g, kind="stable")
    bounds = np.flatnonzero(np.r_[True, g[order][1:] != g[order][:-1], True])
    for a, b in zip(bounds[:-1], bounds[1:], strict=False):
        ii = order[a:b]
        best = ii[np.argmax(y[ii])]
        worse = ii[y[ii] < y[ii].max() - 0.05]
        for w in rng.choice(worse, min(10, len(worse)), replace=False):
            sign = 1 if rng.random() < 0.5 else -1
            D.append(sign * (X[best] - X[w]))
            L.append(int(sign > 0))
    return np.array(D), np.array(L)


def main() -> None:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    ap = argparse.ArgumentParser()
    ap.add_argument("--top", type=int, default=20, help="candidates the reranker sees per motion")
    args = ap.parse_args()
    annotated = load_annotated(default_files(), exclude=dev_keys())
    nlp = add_extractors(make_nlp(lemmatizer=None))
    feats = TopicFeatures(RULES)
    docs = []
    for ann, doc in zip(
        annotated, nlp.pipe(make_motion_doc(nlp, a.motion) for a in annotated), strict=True
    ):
        src = topic_sources(doc, feats.rules)
        docs.append(TopicDoc(ann.key, ann.source, ann.topic or "", src, feats.rows(src)))
    kinds = sorted({d.src.kind for d in docs})
    sources = sorted({d.source for d in docs})
    print("| source | decoder | boosted | pairwise | oracle | oracle top |")
    print("|---|---:|---:|---:|---:|---:|")
    for s in sources:
        test = [d for d in docs if d.source == s]
        rest = [d for d in docs if d.source != s]
        parts = [
            table(
                [d for d in rest if d.source == t],
                fit_ranker([d for d in rest if d.source != t]),
                kinds,
            )
            for t in sources
            if t != s
        ]
        X = np.vstack([p[0] for p in parts])
        y = np.concatenate([p[1] for p in parts])
        g = np.concatenate([p[2] + 100_000 * k for k, p in enumerate(parts)])
        Xt, yt, gt = table(test, fit_ranker(rest), kinds)
        # motions without candidates keep what the decoder gives them (the rules' topic)
        have = set(gt.tolist())
        rest_f1 = sum(
            topic_f1(d.gold, d.src.rule_topic) for i, d in enumerate(test) if i not in have
        )

        def mean(per_motion: np.ndarray, rest_f1: float = rest_f1, n: int = len(test)) -> float:
            return round((per_motion.sum() + rest_f1) / n, 4)

        top, topt = X[:, 3] < args.top, Xt[:, 3] < args.top
        _, inv, cnt = np.unique(g[top], return_inverse=True, return_counts=True)
        boosted = HistGradientBoostingRegressor(
            max_iter=300, learning_rate=0.05, min_samples_leaf=50
        ).fit(X[top], y[top], sample_weight=1.0 / cnt[inv])
        scaler = StandardScaler().fit(X[top])
        D, L = pairs(scaler.transform(X[top]), y[top], g[top], np.random.default_rng(0))
        linear = LogisticRegression(max_iter=2000).fit(D, L)
        row = [
            mean(chosen(Xt[:, 0], yt, gt)),
            mean(chosen(boosted.predict(Xt[topt]), yt[topt], gt[topt])),
            mean(chosen(scaler.transform(Xt[topt]) @ linear.coef_[0], yt[topt], gt[topt])),
            mean(chosen(yt, yt, gt)),
            mean(chosen(yt[topt], yt[topt], gt[topt])),
        ]
        print(f"| {s} | " + " | ".join(f"{v:.3f}" for v in row) + " |", flush=True)


if __name__ == "__main__":
    main()
