"""Variants of the topic ranker, each trained without the source it is scored on.

    .venv/bin/python bench/eval_topic_variants.py [--cache DOCS.pkl] [--variant NAME ...]

Scored as ``antragsradar evaluate`` scores the topic (mean token F1 over lemmas) and by the
independent scorer's definition (``topic_prefix_f1``: words of five or more letters compared
on their first six). Variants:

- ``shipped``: the ranker as trained by ``antragsradar train --component extraction``;
- ``stem-keys``: the ranker's words keyed by the Snowball stem of their lemma (labels, rows and
  the decoder alike), so that inflections the lemmatiser does not know ("queeren",
  "Mobilitätsgesetzes") count as the annotator's word; needs ``pip install snowballstemmer``;
- ``prep``, ``next``, ``prep+next``: more context per title word: the preposition it stands
  after and how deep in prepositional phrases (``pp:``, ``ppd:``), its right neighbour
  (``next:``);
- ``subset``: the decoder may drop a span's least likely words (the best top-k of each span's
  words by probability) instead of taking whole spans;
- ``network``: the word model is a network with one hidden layer (scikit-learn's
  ``MLPClassifier``, 32 ReLU units, 10 passes, batches of 512) over the same hashed features
  instead of the logistic regression, so that a word's features combine (its form with its
  position in the title); the decoder is the shipped one.

The rules run once over the annotated motions (about 75 s; ``--cache`` keeps their rows).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pipeline.extract.topic_ranker as tr  # noqa: E402
import pipeline.extract.topic_tokens as tt  # noqa: E402
from pipeline.evaluate.extraction import bag_f1, topic_prefix_f1  # noqa: E402
from pipeline.extract import add_extractors  # noqa: E402
from pipeline.extract.topic import TopicRules  # noqa: E402
from pipeline.preprocess.nlp import make_nlp  # noqa: E402
from pipeline.training.annotations import default_files, dev_keys, load_annotated  # noqa: E402
from pipeline.training.topic import TopicDoc, fit_ranker, topic_docs  # noqa: E402

VARIANTS = ("shipped", "stem-keys", "prep", "next", "prep+next", "subset", "network")
PREPS = frozenset(
    """in im am an auf für fuer von vom zur zum zu mit bei beim nach über durch gegen ohne aus
    unter vor zwischen bis ab um statt wegen trotz seit entlang gegenüber""".split()
)
COORD = frozenset({"und", "oder", "sowie", "bzw"})
LEMMA_KEY = tt.lemma_key
TITLE_FEATURES = tr._title_part_features


def lemma_f1(gold: str, keys: Counter) -> float:
    """Token F1 of the gold topic against a bag of lemma keys (``topic_f1``'s arithmetic)."""
    return bag_f1(phrase_keys(gold), keys)


def phrase_keys(phrase: str | None) -> Counter:
    return Counter(LEMMA_KEY(w) for w in tt.TOKEN.findall(phrase or "") if tt.is_content(w))


def stem_key() -> Callable[[str], str]:
    import snowballstemmer  # only this variant needs it

    stem = snowballstemmer.stemmer("german").stemWord
    memo: dict[str, str] = {}

    def key(word: str) -> str:
        k = memo.get(word)
        if k is None:
            k = memo[word] = stem(LEMMA_KEY(word))
        return k

    return key


def context_features(flags: set[str]) -> Callable[..., None]:
    def features(part: str, index: int, n: int, n_parts: int, add: Callable) -> None:
        TITLE_FEATURES(part, index, n, n_parts, add)
        words = tt.TOKEN.findall(part)
        low = [w.lower() for w in words]
        prep, depth = "^", 0
        for i, w in enumerate(words):
            if low[i] in PREPS:
                prep, depth = low[i], depth + 1
            elif low[i] not in COORD and tt.is_content(w):
                key = tt.lemma_key(w)
                if "prep" in flags:
                    add(key, "pp:" + prep)
                    add(key, f"ppd:{min(depth, 3)}")
                if "next" in flags:
                    add(key, "next:" + (low[i + 1] if i + 1 < len(words) else "$"))

    return features


@contextmanager
def patched(variant: str) -> Iterator[None]:
    """The ranker's modules as the variant has them, restored afterwards."""
    try:
        if variant == "stem-keys":
            tt.lemma_key = tr.lemma_key = stem_key()
        elif variant in ("prep", "next", "prep+next"):
            tr._title_part_features = context_features(set(variant.split("+")))
        yield
    finally:
        tt.lemma_key = tr.lemma_key = LEMMA_KEY
        tr._title_part_features = TITLE_FEATURES


def subset_choice(ranker: tr.TopicRanker, d: TopicDoc) -> str:
    """The best top-k words of any span (or the rules' topic), as the words of the span in
    their order: the decoder allowed to drop a span's least likely words."""
    probs = ranker.word_probs(d.rows)
    total = sum(probs.values()) + ranker.unseen

    def score(keys: list[str]) -> float:
        return 2 * sum(probs.get(k, tr.UNKNOWN_P) for k in keys) / (len(keys) + total)

    best, best_score = list(phrase_keys(d.src.rule_topic)), -1.0
    if best:
        best_score = score(best)
    for _p, _i, _j, keys in tr._spans(d.src):
        order = sorted(keys, key=lambda k: -probs.get(k, tr.UNKNOWN_P))
        for k in range(1, len(order) + 1):
            s = score(order[:k])
            if s > best_score + 1e-9:
                best, best_score = order[:k], s
    return " ".join(best)


class NetworkWords:
    """The fitted ranker with its word probabilities from a one-hidden-layer network."""

    def __init__(self, ranker: tr.TopicRanker, docs: list[TopicDoc]) -> None:
        import warnings

        from sklearn.exceptions import ConvergenceWarning
        from sklearn.neural_network import MLPClassifier

        from pipeline.training.topic import _matrix

        X, y = _matrix(docs, tr.N_FEATURES)
        self.ranker = ranker
        self.net = MLPClassifier(
            hidden_layer_sizes=(32,), max_iter=10, batch_size=512, random_state=0
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.net.fit(X.astype(np.float32), y)

    def word_probs(self, rows: list[tuple[str, list[int]]]) -> dict[str, float]:
        from scipy.sparse import csr_matrix

        indptr, indices = [0], []
        for _key, idx in rows:
            indices.extend(idx)
            indptr.append(len(indices))
        X = csr_matrix(
            (np.ones(len(indices), np.float32), indices, indptr), shape=(len(rows), tr.N_FEATURES)
        )
        p = self.net.predict_proba(X)[:, 1]
        return {key: float(v) for (key, _idx), v in zip(rows, p, strict=True)}

    def choose(self, *args, **kwargs):
        return self.ranker.choose(*args, **kwargs)


def run(docs: list[TopicDoc], variant: str) -> dict[str, tuple[float, float]]:
    rules = TopicRules()
    with patched(variant):
        feats = tr.TopicFeatures(rules)
        rows = [TopicDoc(d.key, d.source, d.gold, d.src, feats.rows(d.src)) for d in docs]
        out = {}
        for s in sorted({d.source for d in rows}):
            train = [d for d in rows if d.source != s]
            ranker = fit_ranker(train)
            if variant == "network":
                ranker = NetworkWords(ranker, train)
            scores = []
            for d in (d for d in rows if d.source == s):
                if variant == "subset" and d.rows:
                    words = subset_choice(ranker, d)
                    # the subset is scored on its keys; shown as its words
                    scores.append((lemma_f1(d.gold, Counter(words.split())), float("nan")))
                    continue
                topic = (
                    ranker.choose(d.src, ranker.word_probs(d.rows), rules)
                    if d.rows
                    else (d.src.rule_topic)
                )
                scores.append(
                    (lemma_f1(d.gold, phrase_keys(topic)), topic_prefix_f1(d.gold, topic))
                )
            out[s] = tuple(float(np.mean(c)) for c in zip(*scores, strict=True))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=None, help="pickle of the rules' rows (written if missing)")
    ap.add_argument("--variant", action="append", choices=VARIANTS)
    args = ap.parse_args()
    t0 = time.time()
    cache = Path(args.cache) if args.cache else None
    if cache and cache.exists():
        docs = pickle.loads(cache.read_bytes())
    else:
        annotated = load_annotated(default_files(), exclude=dev_keys())
        nlp = add_extractors(make_nlp(lemmatizer=None))
        docs = topic_docs(annotated, nlp, tr.TopicFeatures(TopicRules()))
        if cache:
            cache.write_bytes(pickle.dumps(docs))
    print(f"{len(docs)} motions ({time.time() - t0:.0f} s)", file=sys.stderr)
    print("| variant | " + " | ".join(sorted({d.source for d in docs})) + " | mean |")
    for variant in args.variant or VARIANTS:
        res = run(docs, variant)
        cells = [f"{a:.3f} / {_fmt(b)}" for a, b in res.values()]
        mean = np.mean([list(v) for v in res.values()], axis=0)
        print(
            f"| {variant} | " + " | ".join(cells) + f" | {mean[0]:.3f} / {_fmt(mean[1])} |",
            flush=True,
        )


def _fmt(x: float) -> str:
    return "–" if np.isnan(x) else f"{x:.3f}"


if __name__ == "__main__":
    main()
