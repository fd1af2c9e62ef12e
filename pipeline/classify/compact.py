"""Numpy-only prediction for a fitted theme Pipeline: the "inference" artefact of a model folder.

Loading the scikit-learn Pipeline (``model.joblib``) imports scikit-learn and SciPy (about a
second) and unpickles code. At the end of training, ``export`` copies what prediction needs out
of the fitted Pipeline into plain arrays: per tf-idf part its vocabulary, idf and settings, the
seed terms of the seed-hit part, the weights and intercepts (one linear layer per theme, or a
network's hidden and output layers: format /2), the sigmoid calibrators, the thresholds and the
selection rule (a network's hidden layer as int8 with one scale per feature: format /3).
``CompactModel`` rebuilds the same features and probabilities from those arrays
with numpy and the standard library only. The file is a numpy ``.npz`` archive (compressed
unless it holds a network) read with ``allow_pickle=False``: loading it runs no code.

``export`` returns None for a Pipeline with a part it does not know (e.g. character n-grams);
such a model is then loaded from ``model.joblib`` as before.
"""

from __future__ import annotations

import io
import json
import math
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.classify.text import lemma_tokens, request_part

FORMAT = "antragsradar-themes-compact/1"
# /2: a hidden layer (ThemeNetwork) between the features and the labels, float16
FORMAT_NETWORK = "antragsradar-themes-compact/2"
# /3: the hidden layer as int8 times one float32 scale per feature (half of /2's archive; on
# the 11,588 annotated motions probabilities move by at most 0.005 against float16)
FORMAT_NETWORK_Q8 = "antragsradar-themes-compact/3"
READABLE_FORMATS = (FORMAT, FORMAT_NETWORK, FORMAT_NETWORK_Q8)
INFERENCE_FILE = "inference.npz"
# A row's lemma tokens per (column, until, max_chars, min_len), shared by its feature parts.
Lemmas = dict[tuple[int, str | None, int | None, int], list[str]]


def select_themes(
    proba: np.ndarray,
    thresholds: np.ndarray,
    max_themes: int = 3,
    relative: float = 0.0,
) -> list[list[int]]:
    """Per row, the label indices to output, best first: the best label always, then every other
    label whose probability reaches its threshold and ``relative`` times the best label's
    probability, at most ``max_themes`` in all."""
    out = []
    order = np.argsort(-proba, axis=1, kind="stable")[:, : max_themes * 4]
    for row, o in zip(proba, order, strict=True):
        chosen = [int(o[0])]
        floor = relative * row[o[0]]
        for j in o[1:]:
            if len(chosen) >= max_themes:
                break
            if row[j] >= thresholds[j] and row[j] >= floor:
                chosen.append(int(j))
        out.append(chosen)
    return out


# --- export (training side; the Pipeline's classes are inspected, not imported) ------------------


def _tfidf_part(name: str, pipe: Any, column: int, offset: int) -> tuple[dict, dict] | None:
    steps = getattr(pipe, "named_steps", None)
    if not steps or len(steps) != 2 or "tfidf" not in steps:
        return None
    lem, vec = steps[next(iter(steps))], steps["tfidf"]
    kind = {"LemmaText": "lemma_tfidf", "CompoundParts": "compound_tfidf"}.get(type(lem).__name__)
    if kind is None or type(vec).__name__ != "TfidfVectorizer":
        return None
    ok = (
        vec.analyzer == "word"
        and vec.token_pattern == r"\S+"
        and not vec.lowercase
        and vec.preprocessor is None
        and vec.tokenizer is None
        and vec.stop_words is None
        and vec.strip_accents is None
        and vec.use_idf
        and vec.norm in ("l2", None)
        and not vec.binary
    )
    if not ok:
        return None
    vocab = vec.vocabulary_
    terms = [""] * len(vocab)
    for term, j in vocab.items():
        terms[j] = term
    if any("\n" in t for t in terms):
        return None
    meta = {
        "name": name,
        "kind": kind,
        "column": int(column),
        "offset": offset,
        "size": len(terms),
        "max_chars": lem.max_chars,
        "min_len": lem.min_len,
        "until": getattr(lem, "until", None),
        "ngram_range": list(vec.ngram_range),
        "sublinear_tf": bool(vec.sublinear_tf),
        "norm": vec.norm,
    }
    arrays = {
        f"{name}.vocab": np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8),
        f"{name}.idf": np.asarray(vec.idf_, dtype=np.float64),
    }
    if kind == "compound_tfidf":  # the splitter's known words and their counts
        words = list(lem.counts_)
        if any("\n" in w for w in words):
            return None
        arrays[f"{name}.words"] = np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)
        arrays[f"{name}.counts"] = np.asarray([lem.counts_[w] for w in words], dtype=np.int64)
    return meta, arrays


def _seed_part(name: str, step: Any, column: int, offset: int) -> tuple[dict, dict] | None:
    if type(step).__name__ != "SeedHits":
        return None
    terms = {k: list(v) for k, v in (step.seed_terms or {}).items()}
    meta = {
        "name": name,
        "kind": "seed_hits",
        "column": int(column),
        "offset": offset,
        "size": len(step.ids_),
        "ids": list(step.ids_),
        "seed_terms": terms,
        "title_weight": float(step.title_weight),
        "max_chars": step.max_chars,
        "drop_nested": bool(getattr(step, "drop_nested", False)),
    }
    return meta, {}


def export(pipeline: Any) -> dict[str, np.ndarray] | None:
    """The arrays of a fitted Pipeline (features ColumnTransformer + ThemeClassifier or
    ThemeNetwork), or None when a part is not supported."""
    features, clf = pipeline.named_steps["features"], pipeline.named_steps["classify"]
    parts, arrays, offset = [], {}, 0
    for name, step, cols in features.transformers_:
        if step == "drop":
            continue
        if isinstance(cols, (list, tuple)) or step == "passthrough":
            return None
        got = _tfidf_part(name, step, cols, offset) or _seed_part(name, step, cols, offset)
        if got is None:
            return None
        meta, arr = got
        parts.append(meta)
        arrays.update(arr)
        offset += meta["size"]
    k = len(clf.classes_)
    meta = {
        "format": FORMAT,
        "parts": parts,
        "n_features": offset,
        "n_labels": k,
        "max_themes": int(clf.max_themes),
        "relative": float(getattr(clf, "relative_", 0.0)),
    }
    net = getattr(clf, "network_", None)
    layers = _linear_layer(clf, offset, k) if net is None else _network_layers(clf, offset, meta)
    if layers is None:
        return None
    arrays.update(layers)
    arrays.update(
        {
            "meta": np.frombuffer(json.dumps(meta, ensure_ascii=False).encode(), dtype=np.uint8),
            "calibrators": np.asarray(clf.calibrators_, dtype=np.float64).reshape(k, 2),
            "thresholds": np.asarray(clf.thresholds_, dtype=np.float64),
        }
    )
    return arrays


def _linear_layer(clf: Any, offset: int, k: int) -> dict[str, np.ndarray] | None:
    """ThemeClassifier: one weight column per label (features x labels)."""
    coef = np.zeros((offset, k), dtype=np.float32)
    intercept = np.zeros(k)
    const = np.full(k, np.nan)
    for j, est in enumerate(clf.estimators_):
        if isinstance(est, float):
            const[j] = est
            continue
        w = np.asarray(est.coef_, dtype=np.float64).ravel()
        if w.shape[0] != offset:
            return None
        coef[:, j] = w
        intercept[j] = float(np.ravel(est.intercept_)[0])
    return {"coef": coef, "intercept": intercept, "const": const}


def quantize_rows(W: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``W`` (features x units) as int8 ``q`` and one float32 scale per row, ``W ≈ q * s``: a
    feature's weights share its scale, so a rare term's large weights keep their precision."""
    W = np.asarray(W, dtype=np.float32)
    s = (np.abs(W).max(axis=1) / np.float32(127.0)).astype(np.float32)
    s[s == 0] = 1.0
    q = np.clip(np.rint(W / s[:, None]), -127, 127).astype(np.int8)
    return q, s


def _network_layers(clf: Any, offset: int, meta: dict) -> dict[str, np.ndarray] | None:
    """ThemeNetwork: the hidden layer's weights (features x units, int8 with a scale per
    feature: the training rounds them so, and they are most of the archive) and the output
    layer's (units x labels)."""
    net = clf.network_
    if len(net.coefs_) != 2 or net.activation != "relu" or net.coefs_[0].shape[0] != offset:
        return None
    meta["format"] = FORMAT_NETWORK_Q8
    meta["hidden"] = int(net.coefs_[0].shape[1])
    q, scale = quantize_rows(net.coefs_[0])
    return {
        "coef": q,
        "coef_scale": scale,
        "intercept": np.asarray(net.intercepts_[0], dtype=np.float64),
        "out_coef": np.asarray(net.coefs_[1], dtype=np.float64),
        "out_intercept": np.asarray(net.intercepts_[1], dtype=np.float64),
        "const": np.asarray(clf.constant_, dtype=np.float64),
    }


def archive_format(arrays: dict[str, np.ndarray]) -> str:
    """The format ``export`` wrote into the arrays' description."""
    return str(json.loads(arrays["meta"].tobytes().decode("utf-8"))["format"])


def save(arrays: dict[str, np.ndarray], path: str | Path) -> Path:
    buf = io.BytesIO()
    if archive_format(arrays) in (FORMAT_NETWORK, FORMAT_NETWORK_Q8):
        # A network's weights hardly compress (int8: by 4 %); inflating them at every cold
        # start would cost more than reading them (about 45 ms against 5 ms for 9 MB).
        np.savez(buf, **arrays)  # type: ignore[arg-type]  # numpy's stub types **kwds as the allow_pickle flag
    else:
        np.savez_compressed(buf, **arrays)  # type: ignore[arg-type]
    p = Path(path)
    p.write_bytes(buf.getvalue())
    return p


# --- prediction (numpy only) ---------------------------------------------------------------------


class _LemmaTfidf:
    def __init__(self, meta: dict, vocab: np.ndarray, idf: np.ndarray) -> None:
        terms = vocab.tobytes().decode("utf-8").split("\n") if vocab.size else []
        if len(terms) != meta["size"] or idf.shape[0] != meta["size"]:
            raise ValueError(f"part {meta['name']}: vocabulary and idf sizes differ")
        self.index = {t: j for j, t in enumerate(terms)}
        self.idf = idf
        self.offset = meta["offset"]
        self.column = meta["column"]
        self.max_chars, self.min_len = meta["max_chars"], meta["min_len"]
        self.until = meta.get("until")
        self.min_n, self.max_n = meta["ngram_range"]
        self.sublinear, self.norm = meta["sublinear_tf"], meta["norm"]

    def lemmas(self, text: str, seen: Lemmas) -> list[str]:
        """``lemma_tokens`` of the part's share of ``text``; parts that read the same share
        (the word and the compound tf-idf) take them from ``seen``, the row's lemmas so far."""
        key = (self.column, self.until, self.max_chars, self.min_len)
        toks = seen.get(key)
        if toks is None:
            part = request_part(text, self.until)
            toks = seen[key] = lemma_tokens(part, self.max_chars, self.min_len)
        return toks

    def tokens(self, text: str, seen: Lemmas) -> list[str]:
        return self.lemmas(text, seen)

    def features(self, text: str, seen: Lemmas) -> tuple[np.ndarray, np.ndarray]:
        # As LemmaText + TfidfVectorizer(token_pattern=r"\S+", lowercase=False); str.split
        # splits where \S+ does, without the regex.
        toks = " ".join(self.tokens(text, seen)).split()
        get = self.index.get
        # the terms' counts in order of first occurrence, unigrams first (as the loop over n
        # did: the same feature order, so the same sums); None counts the unknown terms
        counts: Counter[int | None] = Counter()
        for n in range(self.min_n, min(self.max_n, len(toks)) + 1):
            if n == 1:
                grams = toks
            elif n == 2:
                grams = [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]
            else:
                grams = [" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)]
            counts.update(map(get, grams))
        counts.pop(None, None)
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear:
            tf = np.log(tf) + 1.0
        val = tf * self.idf[idx]
        if self.norm == "l2":
            val /= math.sqrt(float(val @ val)) or 1.0
        return idx + self.offset, val


class _CompoundTfidf(_LemmaTfidf):
    """As CompoundParts + TfidfVectorizer: the tf-idf of the parts of compound lemmas."""

    def __init__(self, meta: dict, vocab: np.ndarray, idf: np.ndarray, words, counts) -> None:
        from pipeline.classify.compounds import CompoundSplitter

        super().__init__(meta, vocab, idf)
        known = words.tobytes().decode("utf-8").split("\n") if words.size else []
        if len(known) != counts.shape[0]:
            raise ValueError(f"part {meta['name']}: known words and counts differ")
        self.splitter = CompoundSplitter(dict(zip(known, counts.tolist(), strict=True)))
        self.until = None  # CompoundParts reads the whole text, whatever the archive says

    def tokens(self, text: str, seen: Lemmas) -> list[str]:
        return self.splitter.split_tokens(self.lemmas(text, seen))


class _SeedHits:
    def __init__(self, meta: dict) -> None:
        from pipeline.classify.taxonomy import SeedMatcher

        self.ids = meta["ids"]
        self.matcher = SeedMatcher(
            {k: tuple(v) for k, v in meta["seed_terms"].items()}, meta.get("drop_nested", False)
        )
        self.title_weight, self.max_chars = meta["title_weight"], meta["max_chars"]
        self.offset, self.column = meta["offset"], meta["column"]
        self.index = {t: j for j, t in enumerate(self.ids)}

    def features(self, text: str, seen: Lemmas) -> tuple[np.ndarray, np.ndarray]:
        # As SeedHits.transform.
        title, _, body = str(text or "").partition("\n")
        out = np.zeros(len(self.ids), dtype=np.float32)
        for tid, n in self.matcher.hits(title).items():
            out[self.index[tid]] += self.title_weight * n
        for tid, n in self.matcher.hits(body[: self.max_chars]).items():
            out[self.index[tid]] += n
        nz = np.flatnonzero(out)
        return nz + self.offset, np.log1p(out[nz]).astype(np.float64)


class CompactModel:
    """Prediction from an exported archive: ``predict_proba`` and ``predict_ranked`` over texts
    (and extras), equal to the Pipeline's up to float32 rounding of the weights."""

    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        meta = json.loads(arrays["meta"].tobytes().decode("utf-8"))
        if meta.get("format") not in READABLE_FORMATS:
            raise ValueError(f"format {meta.get('format')!r}, expected one of {READABLE_FORMATS}")
        self.meta = meta
        self.parts: list[Any] = []
        for p in meta["parts"]:
            if p["kind"] == "lemma_tfidf":
                name = p["name"]
                self.parts.append(_LemmaTfidf(p, arrays[f"{name}.vocab"], arrays[f"{name}.idf"]))
            elif p["kind"] == "compound_tfidf":
                name = p["name"]
                self.parts.append(
                    _CompoundTfidf(
                        p,
                        arrays[f"{name}.vocab"],
                        arrays[f"{name}.idf"],
                        arrays[f"{name}.words"],
                        arrays[f"{name}.counts"],
                    )
                )
            elif p["kind"] == "seed_hits":
                self.parts.append(_SeedHits(p))
            else:
                raise ValueError(f"unknown feature part kind {p['kind']!r}")
        self.coef = np.asarray(arrays["coef"])
        # format /3: int8 weights, a float32 scale per feature (row)
        self.coef_scale = np.asarray(arrays["coef_scale"]) if "coef_scale" in arrays else None
        self.intercept = np.asarray(arrays["intercept"])
        self.const = np.asarray(arrays["const"])
        self.calibrators = np.asarray(arrays["calibrators"])
        self.thresholds = np.asarray(arrays["thresholds"])
        k = int(meta["n_labels"])
        self.hidden = meta.get("hidden")
        self.out_coef = self.out_intercept = None
        width = k
        if self.hidden is not None:
            width = int(self.hidden)
            self.out_coef = np.asarray(arrays["out_coef"])
            self.out_intercept = np.asarray(arrays["out_intercept"])
            if self.out_coef.shape != (width, k) or self.out_intercept.shape != (k,):
                raise ValueError("output layer shapes do not match the archive's description")
        n = int(meta["n_features"])
        if self.coef.shape != (n, width) or self.thresholds.shape != (k,):
            raise ValueError("weight shapes do not match the archive's description")
        if self.coef_scale is not None and self.coef_scale.shape != (n,):
            raise ValueError("weight scales do not match the archive's description")
        if (meta["format"] == FORMAT_NETWORK_Q8) != (self.coef_scale is not None):
            raise ValueError(f"format {meta['format']!r} and the archive's weight scales differ")
        self.max_themes = int(meta["max_themes"])
        self.relative = float(meta["relative"])
        self.classes_ = np.arange(k)

    @classmethod
    def load(cls, path: str | Path) -> CompactModel:
        with np.load(path, allow_pickle=False) as z:
            return cls({k: z[k] for k in z.files})

    def decision_function(self, texts: list[str], extras: list[str] | None = None) -> np.ndarray:
        extras = extras if extras is not None else [""] * len(texts)
        out = np.empty((len(texts), self.coef.shape[1]))
        for i, row in enumerate(zip(texts, extras, strict=True)):
            idx, val = [], []
            seen: Lemmas = {}
            for part in self.parts:
                a, b = part.features(row[part.column] or "", seen)
                idx.append(a)
                val.append(b)
            ix, vx = np.concatenate(idx), np.concatenate(val)
            if self.coef_scale is not None:
                vx = vx * self.coef_scale[ix]
            out[i] = vx @ self.coef[ix].astype(np.float64) if ix.size else 0.0
        out += self.intercept
        if self.out_coef is None:
            return out
        np.maximum(out, 0.0, out=out)  # the hidden layer's ReLU
        return out @ self.out_coef + self.out_intercept

    def predict_proba(self, texts: list[str], extras: list[str] | None = None) -> np.ndarray:
        dec = self.decision_function(texts, extras)
        a, b = self.calibrators[:, 0], self.calibrators[:, 1]
        proba = 1.0 / (1.0 + np.exp(-np.clip(a * dec + b, -50, 50)))
        fixed = ~np.isnan(self.const)
        proba[:, fixed] = self.const[fixed]
        return proba

    def predict_ranked(
        self, texts: list[str], extras: list[str] | None = None
    ) -> list[list[tuple[int, float]]]:
        """Per text, (label index, probability) pairs, best first, 1..max_themes of them (the
        selection rule of ``estimators.select_themes``)."""
        proba = self.predict_proba(texts, extras)
        chosen = select_themes(proba, self.thresholds, self.max_themes, self.relative)
        return [[(j, float(p[j])) for j in row] for row, p in zip(chosen, proba, strict=True)]
