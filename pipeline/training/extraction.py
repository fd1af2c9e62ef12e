"""Train the clause model (``pipeline/extract/learned.py``) from annotated motions.

Each candidate clause of an annotated motion is a row; a head's label is 1 where an annotated
evidence span of that type (kind) overlaps the clause. Annotators list each type once with its
shortest evidence, so a second clause that requests the same type is not a negative: for a
motion that has type T, clauses inside the annotated request that are not T's evidence are left
out of T's training rows (for funding kinds, all other clauses of such a motion). The request
head learns the annotated request passages.

The motion stage of the action types (``MotionStage``) is fitted on the out-of-fold
best-clause scores of the motions (``doc_scores``: one funding kind per mention, as the
component decides) and the rules' findings. Thresholds, per head the ones that maximise the
document-level F1: for a staged type on the stage's own out-of-fold probabilities (a second
split over motions), for a funding kind (keep/add) on the out-of-fold best-clause scores.
``cross_validate`` reports leave-one-source-out scores (clause model, stage and thresholds
fitted on the other sources).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pipeline.extract.clauses import Clause, Featurizer, candidate_clauses
from pipeline.extract.learned import (
    ACTION_TYPES,
    FUNDING_KINDS,
    HEADS,
    ClauseModel,
    MotionStage,
    kind_matrix,
    level_indicators,
    motion_scores,
    rule_vector,
    stage_design,
)
from pipeline.extract.topic_ranker import TopicFeatures, TopicRanker, topic_sources
from pipeline.training import check_writable
from pipeline.training.annotations import Annotated, annotated_for_training
from pipeline.training.extraction_card import render_card
from pipeline.training.folds import group_folds
from pipeline.training.topic import TopicDoc, fit_and_card

N_FEATURES = 1 << 16
# thresholds that reproduce the rules' decisions (for scoring the rules the same way)
_RULES = {h: {"keep": 0.5, "add": 1.01} for h in HEADS}
REQUEST_OVERLAP = 0.5
_COL = {h: i for i, h in enumerate(HEADS)}
_KIND_COLS = [j for j, h in enumerate(HEADS) if h.startswith("f_")]


@dataclass
class DocRows:
    """The clause rows of one annotated motion."""

    key: str
    source: str
    indices: np.ndarray
    indptr: np.ndarray
    Y: np.ndarray  # clauses x heads, 0/1
    M: np.ndarray  # clauses x heads, 1 = row used for that head
    gold: np.ndarray  # heads: the motion has it (request: has a request)
    rule: np.ndarray  # heads: the rules found it
    mentions: np.ndarray  # clauses x heads: a funding mention of the rules of that kind there
    level: str = ""  # the level of the motion's body (``doc._.level``)


@dataclass
class Dataset:
    docs: list[DocRows] = field(default_factory=list)
    topics: list[TopicDoc] = field(default_factory=list)

    def sources(self) -> list[str]:
        return sorted({d.source for d in self.docs})


def _overlaps(c: Clause, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < c.orig_end and b > c.orig_start for a, b in spans)


def _covered(c: Clause, spans: Sequence[tuple[int, int]]) -> float:
    n = max(1, c.orig_end - c.orig_start)
    return sum(max(0, min(b, c.orig_end) - max(a, c.orig_start)) for a, b in spans) / n


def rule_heads(doc: Any) -> np.ndarray:
    """Per head whether the rules found that action type (funding kind) in the motion."""
    return rule_vector(doc._.actions or [], doc._.funding or [], HEADS)


def doc_rows(doc: Any, ann: Annotated, featurizer: Featurizer) -> DocRows:
    clauses = candidate_clauses(doc)
    indices, indptr = featurizer.rows(doc, clauses)
    H = len(HEADS)
    Y = np.zeros((len(clauses), H), dtype=np.int8)
    M = np.ones((len(clauses), H), dtype=np.int8)
    gold = np.zeros(H, dtype=np.int8)
    by_type: dict[str, list[tuple[int, int]]] = {}
    for t, span in ann.actions:
        by_type.setdefault(t, []).append(span)
    for f in ann.funding:
        by_type.setdefault("f_" + f["kind"], []).append((f["span"][0], f["span"][1]))
    for j, head in enumerate(HEADS):
        if head == "request":
            gold[j] = bool(ann.request)
            for i, c in enumerate(clauses):
                Y[i, j] = _covered(c, ann.request) >= REQUEST_OVERLAP
            continue
        spans = by_type.get(head)
        if not spans:
            continue
        gold[j] = 1
        for i, c in enumerate(clauses):
            if _overlaps(c, spans):
                Y[i, j] = 1
            elif head.startswith("f_") or _overlaps(c, ann.request):
                M[i, j] = 0
    mentions = kind_matrix(clauses, doc._.funding or [], _COL)
    return DocRows(
        ann.key,
        ann.source,
        indices,
        indptr,
        Y,
        M,
        gold,
        rule_heads(doc),
        mentions,
        featurizer.doc_level(doc),
    )


def build_dataset(
    annotated: list[Annotated],
    nlp: Any,
    featurizer: Featurizer,
    progress: Callable | None = None,
    topic_features: TopicFeatures | None = None,
) -> Dataset:
    """Run the rule pipeline over the annotated motions and collect their clause rows (and,
    with ``topic_features``, the topic ranker's word rows)."""
    from pipeline.preprocess.doc import make_motion_doc

    data = Dataset()
    docs = (make_motion_doc(nlp, a.motion) for a in annotated)
    for ann, doc in zip(annotated, nlp.pipe(docs, batch_size=32), strict=True):
        data.docs.append(doc_rows(doc, ann, featurizer))
        if topic_features is not None:
            src = topic_sources(doc, topic_features.rules)
            rows = topic_features.rows(src)
            data.topics.append(TopicDoc(ann.key, ann.source, ann.topic or "", src, rows))
        if progress:
            progress(1)
    return data


def _stack(docs: Sequence[DocRows], n_features: int):
    from scipy.sparse import csr_matrix

    indices = np.concatenate([d.indices for d in docs])
    offsets = np.cumsum([0] + [len(d.indices) for d in docs[:-1]])
    indptr = np.concatenate(
        [d.indptr[:-1] + o for d, o in zip(docs, offsets, strict=True)] + [[len(indices)]]
    )
    data = np.ones(len(indices), dtype=np.float64)
    X = csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, n_features))
    Y = np.concatenate([d.Y for d in docs])
    M = np.concatenate([d.M for d in docs])
    return X, Y, M


def motion_weights(
    docs: Sequence[DocRows], weights: Mapping[str, float] | None
) -> list[float] | None:
    """Each motion's sample weight, by its key in ``weights`` (default 1); None when every
    weight is 1."""
    if not weights or all(w == 1.0 for w in weights.values()):
        return None
    return [float(weights.get(d.key, 1.0)) for d in docs]


def fit_heads(
    docs: Sequence[DocRows],
    C: float = 1.0,
    n_features: int = N_FEATURES,
    weights: Sequence[float] | None = None,
    only: Sequence[int] | None = None,
):
    """(W, b): one L2 logistic regression per head on its usable rows; ``weights`` (one per
    motion, None: all 1) weigh each motion's clauses; ``only``: fit these heads (columns), the
    others never fire (for experiments on some heads)."""
    from joblib import Parallel, delayed
    from sklearn.linear_model import LogisticRegression

    X, Y, M = _stack(docs, n_features)
    sw = None
    if weights is not None:
        sw = np.repeat(np.asarray(weights, dtype=np.float64), [len(d.Y) for d in docs])
    H = Y.shape[1]
    W = np.zeros((n_features, H), dtype=np.float32)
    b = np.full(H, -8.0, dtype=np.float32)  # a head never seen positive never fires
    heads = list(range(H)) if only is None else list(only)

    def fit(j: int):
        rows = M[:, j] == 1
        y = Y[rows, j]
        if y.sum() == 0 or y.sum() == len(y):
            return None
        clf = LogisticRegression(C=C, solver="liblinear", max_iter=200)
        clf.fit(X[rows], y, sample_weight=None if sw is None else sw[rows])
        return clf.coef_[0], clf.intercept_[0]

    # threads: liblinear releases the GIL, and X is shared without copying
    for j, res in zip(
        heads, Parallel(n_jobs=2, prefer="threads")(delayed(fit)(j) for j in heads), strict=True
    ):
        if res is not None:
            W[:, j], b[j] = res
    return W, b


def doc_scores(model: ClauseModel, docs: Sequence[DocRows]) -> np.ndarray:
    """Per motion and head the best clause's probability, as ``MotionLearned`` decides: a
    funding kind the rules did not find scores 0 where its best clause holds a mention of the
    rules with another kind that the model scores at least as high (one kind per mention)."""
    out = np.zeros((len(docs), len(model.heads)), dtype=np.float32)
    for i, d in enumerate(docs):
        P = model.proba(d.indices, d.indptr)
        if len(P):
            out[i] = motion_scores(P, d.mentions, d.rule, _KIND_COLS)
    return out


STAGE_C = 1.0
# The heads the motion stage decides: the action types. The funding kinds keep their keep/add
# thresholds on the best clause's score: staged, they lost on three of four sources left out
# (docs/experiments-extraction.md); the request head is clause-level.
STAGED = frozenset(ACTION_TYPES)
# Body levels the stage reads as unknown (the average over the levels it knows).
UNSTAGED_LEVELS = frozenset({"party"})


def fit_stage(
    S: np.ndarray,
    R: np.ndarray,
    G: np.ndarray,
    C: float = STAGE_C,
    levels: Sequence[str] | None = None,
) -> MotionStage:
    """The motion stage on best-clause scores ``S``, the rules' findings ``R`` and the gold
    ``G`` (motions x heads); with ``levels`` (each motion's body level) an input per level."""
    from sklearn.linear_model import LogisticRegression

    H = len(HEADS)
    # one input per level; none where the training motions come from one kind of body. The
    # party level gets none: its motions come from one convention and a few written ones, and
    # an input fitted on them cost conventions left out 0.03 (docs/experiments-extraction.md)
    known = tuple(sorted(set(levels or ()) - {"", *UNSTAGED_LEVELS}))
    known = known if len(known) > 1 else ()
    Z = level_indicators(levels, known, len(S))
    W = np.zeros((H, stage_design(S[:1], R[:1], 0, Z[:1]).shape[1]), dtype=np.float32)
    b = np.full(H, -8.0, dtype=np.float32)  # a head never seen positive never fires
    stacked = np.array([h in STAGED for h in HEADS])
    for j in np.flatnonzero(stacked):
        y = G[:, j]
        if y.sum() == 0 or y.sum() == len(y):
            b[j] = -8.0 if y.sum() == 0 else 8.0
            continue
        clf = LogisticRegression(C=C, max_iter=2000)
        clf.fit(stage_design(S, R, int(j), Z), y)
        W[j], b[j] = clf.coef_[0], clf.intercept_[0]
    return MotionStage(W, b, stacked, known)


def stage_thresholds(Q: np.ndarray, G: np.ndarray, R: np.ndarray) -> dict[str, dict[str, float]]:
    """Per head the thresholds with the best document-level F1 on out-of-fold decision scores
    ``Q``: one for a staged head (the rules' finding is the stage's input), keep/add on the
    best clause's score for the others."""
    split = R * np.array([h not in STAGED for h in HEADS], dtype=R.dtype)
    return best_thresholds(Q, G, HEADS, split)


def stage_oof(
    S: np.ndarray,
    R: np.ndarray,
    G: np.ndarray,
    keys: Sequence[str],
    k: int = 5,
    levels: Sequence[str] | None = None,
):
    """Out-of-fold probabilities of the motion stage (folds over motions)."""
    Q = np.zeros(S.shape, dtype=np.float32)
    lv = np.array(levels, dtype=object) if levels is not None else None
    for fold in group_folds(keys, k, seed=1):
        train = np.ones(len(S), dtype=bool)
        train[fold] = False
        stage = fit_stage(
            S[train], R[train], G[train], levels=None if lv is None else list(lv[train])
        )
        Q[fold] = stage.proba(S[fold], R[fold], None if lv is None else list(lv[fold]))
    return Q


def decide(S: np.ndarray, R: np.ndarray, thr: dict[str, Any], heads: Sequence[str]) -> np.ndarray:
    """Documents x heads decisions: a type the rules found is kept at ``keep``, one they did not
    find is added at ``add``."""
    out = np.zeros(S.shape, dtype=bool)
    for j, h in enumerate(heads):
        t = thr[h]
        out[:, j] = np.where(R[:, j] == 1, S[:, j] >= t["keep"], S[:, j] >= t["add"])
    return out


def _grid(values: np.ndarray) -> np.ndarray:
    if len(values) == 0:
        return np.array([0.5])
    g = np.unique(np.round(np.quantile(values, np.linspace(0, 1, 61)), 4))
    return np.concatenate([g, [1.01]])  # 1.01: never


# Funding kinds the rules read precisely enough that the model never drops them: a budget
# position ("Teilhaushalt 6", "Kapitel 0436 Titel 633 01"). bench/eval_funding_thresholds.py,
# funding kinds trained on the other sources, Bundestag / Karlsruhe / SPD Berlin / written:
# 0.510 / 0.615 / 0.317 / 0.602 -> 0.528 / 0.615 / 0.317 / 0.641; within (5-fold) 0.549 /
# 0.697 / 0.532 / 0.789 -> 0.569 / 0.696 / 0.532 / 0.789. Named funds kept as well lost 0.006
# within on the written motions.
ALWAYS_KEPT = ("f_budget_line",)


def best_thresholds(
    S: np.ndarray, G: np.ndarray, heads: Sequence[str], R: np.ndarray | None = None
) -> dict[str, dict[str, float]]:
    """Per head the (keep, add) thresholds with the best document-level F1; the rules' finding
    ``R`` splits the documents (without ``R``, one threshold serves both). A kind of
    ``ALWAYS_KEPT`` the rules found is kept (keep 0); its add threshold is chosen as before."""
    R = np.zeros_like(G) if R is None else R
    out = {}
    for j, h in enumerate(heads):
        s, g, r = S[:, j], G[:, j] == 1, R[:, j] == 1
        # counts of each side for every threshold, then the best pair
        sides = []
        for mask in (r, ~r):
            grid = _grid(s[mask])
            p = s[mask][None, :] >= grid[:, None]
            tp = (p & g[mask][None, :]).sum(1)
            fp = (p & ~g[mask][None, :]).sum(1)
            fn = (~p & g[mask][None, :]).sum(1)
            sides.append((grid, tp, fp, fn))
        (gk, tpk, fpk, fnk), (ga, tpa, fpa, fna) = sides
        tp = tpk[:, None] + tpa[None, :]
        f1 = (
            2
            * tp
            / np.maximum(1, 2 * tp + fpk[:, None] + fpa[None, :] + fnk[:, None] + fna[None, :])
        )
        if not g.any():  # never seen: never predicted
            out[h] = {"keep": 1.01, "add": 1.01}
            continue
        # ties go to the higher thresholds (fewer predictions): search the flipped grid
        i, k = np.unravel_index(int(np.argmax(f1[::-1, ::-1])), f1.shape)
        out[h] = {"keep": float(gk[len(gk) - 1 - i]), "add": float(ga[len(ga) - 1 - k])}
        if h in ALWAYS_KEPT and R.any():
            out[h]["keep"] = 0.0
    return out


def _folds(docs: Sequence[DocRows], k: int, seed: int = 0) -> list[np.ndarray]:
    return group_folds([d.key for d in docs], k, seed)


def oof_scores(
    docs: Sequence[DocRows],
    C: float,
    k: int = 5,
    n_features: int = N_FEATURES,
    weights: Mapping[str, float] | None = None,
) -> np.ndarray:
    """Out-of-fold document scores (folds over motions)."""
    S = np.zeros((len(docs), len(HEADS)), dtype=np.float32)
    for test in _folds(docs, k):
        test_set = set(test.tolist())
        train = [d for i, d in enumerate(docs) if i not in test_set]
        W, b = fit_heads(train, C, n_features, motion_weights(train, weights))
        m = ClauseModel(W, b, HEADS, {}, n_features)
        S[test] = doc_scores(m, [docs[i] for i in test])
    return S


def train_model(
    docs: Sequence[DocRows],
    C: float = 1.0,
    k: int = 5,
    n_features: int = N_FEATURES,
    S: np.ndarray | None = None,
    weights: Mapping[str, float] | None = None,
) -> tuple[ClauseModel, np.ndarray]:
    """The model on all ``docs`` with thresholds from out-of-fold scores (``S`` when given),
    and those scores; ``weights`` (by motion key) weigh the clause model's motions."""
    if S is None:
        S = oof_scores(docs, C, k, n_features, weights)
    G = np.stack([d.gold for d in docs])
    R = np.stack([d.rule for d in docs])
    levels = [d.level for d in docs]
    thr = stage_thresholds(stage_oof(S, R, G, [d.key for d in docs], levels=levels), G, R)
    thr["request"] = {"keep": 0.5, "add": 0.5}  # clause-level: the passages of the request
    W, b = fit_heads(docs, C, n_features, motion_weights(docs, weights))
    stage = fit_stage(S, R, G, levels=levels)
    return ClauseModel(W, b, HEADS, thr, n_features, stage=stage), S


def set_f1(
    S: np.ndarray, G: np.ndarray, R: np.ndarray, thr: dict[str, Any], heads: Sequence[str]
) -> dict:
    """Micro-F1 of the type sets of the given heads, and per-head F1."""
    cols = [HEADS.index(h) for h in heads]
    D = decide(S, R, thr, HEADS)
    tp = fp = fn = 0
    per = {}
    for j in cols:
        p = D[:, j]
        g = G[:, j] == 1
        a, b_, c = int((p & g).sum()), int((p & ~g).sum()), int((~p & g).sum())
        tp, fp, fn = tp + a, fp + b_, fn + c
        per[HEADS[j]] = {"f1": round(2 * a / max(1, 2 * a + b_ + c), 3), "support": int(g.sum())}
    return {"micro_f1": round(2 * tp / max(1, 2 * tp + fp + fn), 4), "per_type": per}


def cross_validate(
    data: Dataset,
    C: float = 1.0,
    n_features: int = N_FEATURES,
    log: Callable = print,
    weights: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Leave-one-source-out (train on the others, thresholds from their out-of-fold scores) and
    within-source 5-fold scores of the action types and funding kinds."""
    out: dict[str, Any] = {"C": C, "leave_one_source_out": {}, "within_source_5fold": {}}
    for src in data.sources():
        train = [d for d in data.docs if d.source != src]
        test = [d for d in data.docs if d.source == src]
        model, _ = train_model(train, C, 3, n_features, weights=weights)
        G = np.stack([d.gold for d in test])
        R = np.stack([d.rule for d in test])
        S = model.decision_scores(doc_scores(model, test), R, [d.level for d in test])
        out["leave_one_source_out"][src] = {
            "n": len(test),
            "actions": set_f1(S, G, R, model.thresholds, ACTION_TYPES),
            "funding": set_f1(S, G, R, model.thresholds, ["f_" + k for k in FUNDING_KINDS]),
            "rules": {
                "actions": set_f1(R * 1.0, G, R, _RULES, ACTION_TYPES)["micro_f1"],
                "funding": set_f1(R * 1.0, G, R, _RULES, ["f_" + k for k in FUNDING_KINDS])[
                    "micro_f1"
                ],
            },
        }
        log(
            f"  LOSO {src}: actions {out['leave_one_source_out'][src]['actions']['micro_f1']}, "
            f"funding {out['leave_one_source_out'][src]['funding']['micro_f1']}"
        )
    S = oof_scores(data.docs, C, 5, n_features, weights)
    out["oof_scores"] = S
    out["within_source_5fold"] = within_scores(data, S)
    return out


def within_scores(data: Dataset, S: np.ndarray) -> dict[str, Any]:
    """Per source the scores of out-of-fold clause scores ``S`` through the out-of-fold motion
    stage, with thresholds chosen on those probabilities."""
    G = np.stack([d.gold for d in data.docs])
    R = np.stack([d.rule for d in data.docs])
    Q = stage_oof(S, R, G, [d.key for d in data.docs], levels=[d.level for d in data.docs])
    thr = stage_thresholds(Q, G, R)
    out = {}
    for src in data.sources():
        rows = np.array([d.source == src for d in data.docs])
        out[src] = {
            "n": int(rows.sum()),
            "actions": set_f1(Q[rows], G[rows], R[rows], thr, ACTION_TYPES),
            "funding": set_f1(Q[rows], G[rows], R[rows], thr, ["f_" + k for k in FUNDING_KINDS]),
        }
    return out


def log_stderr(msg: str) -> None:
    print(msg, file=sys.stderr)


@dataclass
class ExtractionTrainResult:
    model: ClauseModel
    card: dict[str, Any]
    out: Any
    topic_ranker: TopicRanker | None = None


def cross_validate_any(
    data: Dataset,
    C: float,
    n_features: int,
    log: Callable[[str], None],
    weights: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """``cross_validate`` where there are several sources; 5-fold alone for one source."""
    if len(data.sources()) > 1:
        return cross_validate(data, C, n_features, log=log, weights=weights)
    S = oof_scores(data.docs, C, 5, n_features, weights)
    return {"oof_scores": S, "C": C, "within_source_5fold": within_scores(data, S)}


def train_extraction(
    files: Sequence[Any] | None = None,
    out: Any = None,
    shared: Any = None,
    C: float = 0.3,
    n_features: int = N_FEATURES,
    exclude: set[str] | None = None,
    corpus: Sequence[str] | None = None,
    command: str = "",
    progress: Callable[[str], None] = lambda _msg: None,
    weights: Mapping[str, float] | None = None,
) -> ExtractionTrainResult:
    """Train the clause model and the topic ranker on annotation files (default: ours,
    ``corpus/annotations``), cross-validate them per source, and write them to ``out`` with
    their card. ``weights`` (by motion key, default 1) weigh the clause model's motions: a
    user's own annotations above ours."""
    import time
    from pathlib import Path

    from pipeline.extract import add_extractors
    from pipeline.extract.topic import TopicRules
    from pipeline.preprocess.nlp import make_nlp

    t0 = time.time()
    if out is not None:
        check_writable(out)  # before the training, not after it
    paths, annotated = annotated_for_training(files, shared, corpus, exclude)
    progress(f"{len(annotated)} annotated motions; running the rules over them")
    nlp = add_extractors(make_nlp(lemmatizer=None), title_funding=False)
    data = build_dataset(
        annotated, nlp, Featurizer(n_features), topic_features=TopicFeatures(TopicRules())
    )
    t_feat = time.time() - t0
    progress(f"cross-validating ({len(data.sources())} sources)")
    cv = cross_validate_any(data, C, n_features, progress, weights)
    progress("fitting the final model")
    model, _ = train_model(
        data.docs, C, 5, n_features, S=cv.pop("oof_scores", None), weights=weights
    )
    progress("topic ranker: cross-validating and fitting")
    ranker = fit_and_card(data.topics, command, log=progress)
    model.card = _card(out, command, C, paths, data, cv)
    used = {d.key: w for d in data.docs if (w := (weights or {}).get(d.key, 1.0)) != 1.0}
    if used:  # the card says which motions weighed more, and how much
        model.card["weighted_motions"] = {"n": len(used), "weights": sorted(set(used.values()))}
    model.card["timings_s"] = {"features": round(t_feat, 1), "total": round(time.time() - t0, 1)}
    model.card["topic"] = ranker.card
    if out is not None:
        model.card["topic"] = ranker.save(out)  # beside the weights, before the card is written
        model.save(out)
        (Path(out) / "README.md").write_text(render_card(model.card), encoding="utf-8")
    return ExtractionTrainResult(model, model.card, out, ranker)


def _card(
    out: Any, command: str, C: float, paths: Sequence[Any], data: Dataset, cv: dict[str, Any]
) -> dict[str, Any]:
    from datetime import datetime, timezone
    from pathlib import Path

    from pipeline import __version__
    from pipeline.digest import sha256_file

    return {
        "name": Path(out).name if out else "extraction",
        "task": "clause model: action types, funding kinds and request passages of motions",
        "trained_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "antragsradar": __version__,
        "C": C,
        "training_files": {str(p.name): sha256_file(p) for p in paths},
        "training_motions": {s: sum(d.source == s for d in data.docs) for s in data.sources()},
        "cross_validation": cv,
    }
