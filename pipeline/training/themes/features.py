"""Featurisation steps of the theme model: scikit-learn transformers over raw text.

The model's input is a 2-column object array ``[text, extra]`` (see ``model.as_input``); a
``ColumnTransformer`` routes each column through these steps, so a saved model needs nothing
but the text. Imported only when a model is built or loaded (it imports scikit-learn).
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from pipeline.classify.text import (  # noqa: F401
    REASONING,
    STOP_WORDS,
    TOKEN,
    lemma,
    lemma_tokens,
    request_part,
)


class _TextTransformer(TransformerMixin, BaseEstimator):
    """A transformer of a sequence of texts (one column of the model's input), not of a
    numeric matrix: its tags say so (scikit-learn's common checks, which feed numbers, then
    leave it to tests/test_estimator_checks.py)."""

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.string = True
        tags.requires_fit = False
        return tags


class _FittedTextTransformer(_TextTransformer):
    """A text transformer that learns state in ``fit`` (the common checks test it unfitted)."""

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.requires_fit = True
        return tags


class LemmaText(_TextTransformer):
    """Texts to space-joined lower-cased lemmas, stop words and short tokens dropped.

    ``max_chars`` cuts each text first: motions put the request first and the reasoning after.
    ``until`` (a regular expression, e.g. ``text.REASONING``) cuts it at the reasoning's
    heading: the request part alone. Stateless; ``fit`` learns nothing.
    """

    def __init__(self, max_chars: int = 4000, min_len: int = 2, until: str | None = None):
        self.max_chars = max_chars
        self.min_len = min_len
        self.until = until

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        until = getattr(self, "until", None)  # pipelines pickled before it existed lack it
        return [
            " ".join(
                lemma_tokens(request_part(str(text or ""), until), self.max_chars, self.min_len)
            )
            for text in X
        ]


class CompoundParts(_FittedTextTransformer):
    """Texts to the space-joined parts of their compound lemmas ("Radverkehrskonzept" ->
    radverkehr rad verkehr konzept; classify/compounds.py). ``fit`` learns the known words:
    lemmas seen at least ``min_count`` times in the training texts (``counts_``).
    """

    def __init__(self, max_chars: int = 1500, min_len: int = 2, min_count: int = 5):
        self.max_chars = max_chars
        self.min_len = min_len
        self.min_count = min_count

    def fit(self, X, y=None):
        from pipeline.classify.compounds import count_lemmas

        self.counts_ = count_lemmas(
            (lemma_tokens(text, self.max_chars, self.min_len) for text in X), self.min_count
        )
        return self

    def transform(self, X):
        from pipeline.classify.compounds import CompoundSplitter

        check_is_fitted(self, "counts_")
        splitter = CompoundSplitter(self.counts_)
        return [
            " ".join(splitter.split_tokens(lemma_tokens(text, self.max_chars, self.min_len)))
            for text in X
        ]


class Truncate(_TextTransformer):
    """Texts cut to their first ``max_chars`` characters (stateless)."""

    def __init__(self, max_chars: int = 4000):
        self.max_chars = max_chars

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        return [str(t or "")[: self.max_chars] for t in X]


class SeedHits(_FittedTextTransformer):
    """Per-theme seed-term hit counts (log-scaled), title line weighted, from a taxonomy's terms.

    ``seed_terms`` maps theme id to its terms; ``fit`` compiles the matcher into ``matcher_``.
    """

    def __init__(
        self,
        seed_terms: dict | None = None,
        title_weight: float = 3.0,
        max_chars: int = 3000,
        drop_nested: bool = False,
    ):
        self.seed_terms = seed_terms
        self.title_weight = title_weight
        self.max_chars = max_chars
        self.drop_nested = drop_nested

    def fit(self, X, y=None):
        from pipeline.classify.taxonomy import SeedMatcher

        terms = {k: tuple(v) for k, v in (self.seed_terms or {}).items()}
        self.ids_ = list(terms)
        self.matcher_ = SeedMatcher(terms, self.drop_nested)
        return self

    def transform(self, X):
        check_is_fitted(self, "matcher_")
        index = {tid: j for j, tid in enumerate(self.ids_)}
        out = np.zeros((len(X), len(self.ids_)), dtype=np.float32)
        for i, text in enumerate(X):
            title, _, body = str(text or "").partition("\n")
            for tid, n in self.matcher_.hits(title).items():
                out[i, index[tid]] += self.title_weight * n
            for tid, n in self.matcher_.hits(body[: self.max_chars]).items():
                out[i, index[tid]] += n
        return np.log1p(out)

    def get_feature_names_out(self, input_features=None):
        return np.array([f"seed_{t}" for t in self.ids_], dtype=object)


class Latent(TransformerMixin, BaseEstimator):
    """A tf-idf block with its latent semantic analysis appended: the projection on its first
    ``n_components`` right singular vectors (TruncatedSVD), times ``weight``.

    Words that share contexts share those columns, so a body's own wording for a theme still
    moves the score. The block is linear in the tf-idf: ``train.prune`` folds it into the
    term weights before the model is saved. A training set with fewer terms or rows than
    ``n_components`` gets as many as it can hold; with none the tf-idf passes alone.
    """

    def __init__(self, n_components: int = 200, weight: float = 1.0, random_state: int = 0):
        self.n_components = n_components
        self.weight = weight
        self.random_state = random_state

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.sparse = True  # a tf-idf block
        return tags

    def fit(self, X, y=None):
        from sklearn.decomposition import TruncatedSVD
        from sklearn.utils.validation import validate_data

        X = validate_data(self, X, accept_sparse="csr")
        k = min(self.n_components, X.shape[1] - 1, X.shape[0] - 1)
        self.svd_ = (
            TruncatedSVD(n_components=k, random_state=self.random_state).fit(X) if k > 0 else None
        )
        return self

    def transform(self, X):
        import scipy.sparse as sp
        from sklearn.utils.validation import validate_data

        check_is_fitted(self, "svd_")
        X = validate_data(self, X, accept_sparse="csr", reset=False)
        if self.svd_ is None:
            return X
        latent = self.svd_.transform(X) * self.weight
        if not sp.issparse(X):
            return np.hstack([X, latent])
        return sp.hstack([X, sp.csr_matrix(latent)], format="csr")
