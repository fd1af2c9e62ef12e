"""The learned clause model: which clauses request which action types, state which funding
kinds, and belong to the request; and the spaCy component that applies it over the rules.

The model is a set of logistic heads over the hashed clause features of ``clauses.py``, trained
on hand-annotated motions (``antragsradar train --component extraction``). It is stored as a
numpy archive (``clauses.npz``, loaded with ``allow_pickle=False``: loading runs no code) with a
model card whose sha256 of the archive is checked before it is read.

A second stage decides the action types per motion (``MotionStage``): per type a logistic
regression over every head's best-clause score and the rules' findings, so that "inquiry" at
0.9 can lower "review" and the rules' appeal can raise "implement"; the funding kinds are
decided on their best clause's score. A motion has an action type (a funding kind) when its
score reaches the head's threshold (``keep`` where the rules found that type: their actions or
mentions are kept, with evidence, trigger, addressee and amounts; ``add`` where they did not:
an action or mention is made from the model's best clause; a staged type has one threshold).
Stage and thresholds are fitted on out-of-fold clause scores of the annotations; rule outputs
of types the model rejects are dropped. A model without the stage (format 1) decides every
head on the best clause's score; a stage of format 2 does not know the body's level.

Format 3 adds the level of the motion's body (``local``, ``state``, ``federal``, ``party``: what
the action rules set as ``doc._.level``) to the stage's inputs, one indicator per level seen in
training. How often a motion appeals, reports or amends depends on the kind of body far more
than on its wording; without the level, the stage's priors are those of whichever kind of body
dominates the training data (docs/experiments-extraction.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.digest import sha256_file
from pipeline.errors import ModelError
from pipeline.extract.amounts import find_amounts
from pipeline.extract.clauses import Clause, Featurizer, candidate_clauses
from pipeline.extract.evidence import doc_text, evidence, trim_span

ACTION_TYPES = ("review", "report", "concept", "implement", "budget", "appeal", "inquiry", "amend")
FUNDING_KINDS = ("named_fund", "budget_line", "external_grant", "offset", "general_budget")
# the rules' amend cue of a party's motion book ("Von Zeile 32 bis 34", "Nach Zeile 41 einfügen")
LINE_EDIT = re.compile(r"(?:[Vv]on|[Ii]n|[Nn]ach|[Vv]or|[Aa]b)?\s*Zeilen?\s+\d+")
# an amendment that says so ("Der Leitantrag … wird wie folgt geändert:"), kept as the line
# edits are; not a law changed as a motion asks ("Das Gesetz … wird wie folgt geändert" is
# a request to act)
AMEND_SAYS_SO = re.compile(
    r"\b(?:\w*[Aa]ntrag\w*|\w*[Vv]orlage|Beschluss\w*|Resolution|\w*[Pp]rogramm\w*)\b[^.;]{0,160}?"
    r"\b(?:wie folgt|folgendermaßen)\s+(?:geändert|ergänzt|gefasst|neu gefasst)\b"
)
HEADS = (*ACTION_TYPES, *("f_" + k for k in FUNDING_KINDS), "request")
WEIGHTS_FILE = "clauses.npz"
CARD_FILE = "model_card.json"
FORMAT = "antragsradar-clauses-3"
# 1: no motion stage; 2: a stage without the body's level
FORMATS = ("antragsradar-clauses-1", "antragsradar-clauses-2", FORMAT)


def logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(q / (1 - q))


def stage_design(S: np.ndarray, R: np.ndarray, j: int, Z: np.ndarray | None = None) -> np.ndarray:
    """The second stage's inputs for head ``j``: its own best-clause score (as a logit), the
    rules' finding and their product, then every head's score and every rules' finding, then
    the body-level indicators ``Z`` (``level_indicators``) if any."""
    return _design(logit(S.astype(np.float64)), R.astype(np.float64), j, Z)


def _design(L: np.ndarray, r: np.ndarray, j: int, Z: np.ndarray | None = None) -> np.ndarray:
    """``stage_design`` from the scores as logits ``L`` and the findings ``r`` (float64)."""
    own = [L[:, j : j + 1], r[:, j : j + 1], L[:, j : j + 1] * r[:, j : j + 1], L, r]
    return np.hstack(own if Z is None else [*own, Z])


def level_indicators(levels: Sequence[str] | None, known: Sequence[str], n: int) -> np.ndarray:
    """Motions x ``known``: 1 where the motion's body has that level. A level the stage never
    saw (or none given) gets no indicator: the stage's average over the levels it knows."""
    if levels is None:
        return np.zeros((n, len(known)))
    return np.array([[lv == k for k in known] for lv in levels], dtype=np.float64).reshape(
        n, len(known)
    )


@dataclass
class MotionStage:
    """Per head a logistic regression over ``stage_design``: ``W`` (heads x inputs), ``b``;
    heads not in ``stacked`` (the clause-level request head) keep their best-clause score."""

    W: np.ndarray
    b: np.ndarray
    stacked: np.ndarray  # heads, bool
    levels: tuple[str, ...] = ()  # the body levels with an input each (format 3)

    def proba(
        self, S: np.ndarray, R: np.ndarray, levels: Sequence[str] | None = None
    ) -> np.ndarray:
        """Motions x heads: the probability that the motion has each type (kind); ``levels``:
        each motion's body level (``doc._.level``)."""
        out = S.astype(np.float32).copy()
        L, r = logit(S.astype(np.float64)), R.astype(np.float64)  # shared by the heads
        Z = level_indicators(levels, self.levels, len(S))
        for j in np.flatnonzero(self.stacked):
            z = _design(L, r, int(j), Z) @ self.W[j].astype(np.float64) + float(self.b[j])
            out[:, j] = 1.0 / (1.0 + np.exp(-z))
        return out


def rule_vector(actions: list[dict], funding: list[dict], heads: tuple[str, ...]) -> np.ndarray:
    """Per head whether the rules found that action type (funding kind ``f_<kind>``)."""
    found = {a["type"] for a in actions} | {"f_" + f["kind"] for f in funding}
    return np.array([h in found for h in heads], dtype=np.int8)


def motion_scores(
    P: np.ndarray, mentions: np.ndarray, rule: np.ndarray, kind_cols: list[int]
) -> np.ndarray:
    """Per head the motion's best clause score (clauses x heads ``P``): a funding kind the
    rules did not find scores 0 where its best clause holds a mention of the rules
    (``mentions``, ``kind_matrix``) of another kind the model scores at least as high there
    (one kind per mention)."""
    s = P.max(axis=0) if len(P) else np.zeros(P.shape[1], dtype=np.float32)
    if len(P) and mentions.any():
        for j in kind_cols:
            c = int(np.argmax(P[:, j]))
            if not rule[j] and one_kind_blocked(P[c : c + 1], mentions[c : c + 1], j, kind_cols)[0]:
                s[j] = 0.0
    return s


@dataclass
class ClauseModel:
    """Logistic heads over hashed clause features: ``W`` (n_features x heads), ``b`` (heads)."""

    W: np.ndarray
    b: np.ndarray
    heads: tuple[str, ...]
    thresholds: dict[str, dict[str, float]]  # per head: keep (a rules' finding), add (a new one)
    n_features: int
    card: dict[str, Any] = field(default_factory=dict)
    stage: MotionStage | None = None

    def decision_scores(
        self, S: np.ndarray, R: np.ndarray, levels: Sequence[str] | None = None
    ) -> np.ndarray:
        """Motions x heads: what the thresholds apply to (the stage's probabilities, or the
        best clause's scores for a model without the stage)."""
        return self.stage.proba(S, R, levels) if self.stage is not None else S

    def proba(self, indices: np.ndarray, indptr: np.ndarray) -> np.ndarray:
        """Per clause row the probability of each head."""
        n = len(indptr) - 1
        if n == 0:
            return np.zeros((0, len(self.heads)), dtype=np.float32)
        counts = np.diff(indptr)
        sums = np.add.reduceat(self.W[indices], indptr[:-1].astype(np.intp), axis=0)
        sums[counts == 0] = 0.0
        z = sums + self.b
        return 1.0 / (1.0 + np.exp(-z))

    # --- persistence -------------------------------------------------------------------------

    def save(self, directory: str | Path) -> Path:
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        path = d / WEIGHTS_FILE
        # float16 weights: a quarter of the size, and scores change by less than 1e-3
        W, b = self.W.astype(np.float16), self.b.astype(np.float32)
        if self.stage is None:
            np.savez_compressed(path, W=W, b=b)
        else:
            np.savez_compressed(
                path,
                W=W,
                b=b,
                stage_W=self.stage.W.astype(np.float32),
                stage_b=self.stage.b.astype(np.float32),
                stage_heads=self.stage.stacked.astype(np.int8),
                # a unicode array: read back without pickle
                stage_levels=np.array(self.stage.levels, dtype=np.str_),
            )
        card = dict(self.card)
        card.update(
            {
                "format": _format(self.stage),
                "heads": list(self.heads),
                "thresholds": self.thresholds,
                "n_features": self.n_features,
                "weights": {"file": WEIGHTS_FILE, "sha256": sha256_file(path)},
            }
        )
        (d / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", "utf-8")
        self.card = card
        return d

    @classmethod
    def load(cls, directory: str | Path) -> ClauseModel:
        d = Path(directory)
        where = str(d)
        retrain = "retrain it with `antragsradar train --component extraction`"
        card = read_card(d)
        if card.get("format") not in FORMATS:
            raise ModelError(
                f"{where}: format {card.get('format')!r}, this version reads {FORMAT!r}; {retrain}"
            )
        path = d / str((card.get("weights") or {}).get("file") or WEIGHTS_FILE)
        if not path.is_file():
            raise ModelError(f"{where}: {path.name} is missing; {retrain}")
        if (card.get("weights") or {}).get("sha256") != sha256_file(path):
            raise ModelError(f"{where}: {path.name} does not match the card's sha256; {retrain}")
        try:
            with np.load(path, allow_pickle=False) as z:
                W, b = z["W"].astype(np.float32), z["b"].astype(np.float32)
                stage = (
                    MotionStage(
                        z["stage_W"],
                        z["stage_b"],
                        z["stage_heads"].astype(bool),
                        tuple(str(x) for x in z["stage_levels"])
                        if "stage_levels" in z.files
                        else (),
                    )
                    if "stage_W" in z.files
                    else None
                )
        except Exception as exc:  # noqa: BLE001  any decoding failure means the same to a user
            raise ModelError(f"{where}: {path.name} cannot be read ({exc}); {retrain}") from None
        heads = tuple(card.get("heads") or ())
        n_features = int(card.get("n_features") or 0)
        if W.shape != (n_features, len(heads)) or b.shape != (len(heads),):
            raise ModelError(f"{where}: weights do not fit the card's heads; {retrain}")
        if card.get("format") != _format(stage) or (
            stage is not None
            and (
                stage.W.shape != (len(heads), 3 + 2 * len(heads) + len(stage.levels))
                or stage.b.shape != (len(heads),)
                or stage.stacked.shape != (len(heads),)
            )
        ):
            raise ModelError(f"{where}: the motion stage does not fit the card; {retrain}")
        raw = card.get("thresholds") or {}
        thresholds = {h: _thresholds(raw.get(h)) for h in heads}
        return cls(W, b, heads, thresholds, n_features, card, stage)


def _format(stage: MotionStage | None) -> str:
    if stage is None:
        return FORMATS[0]
    return FORMAT if stage.levels else FORMATS[1]


def read_card(directory: Path) -> dict[str, Any]:
    """The model card of a clause-model folder, or a ModelError that says what to do."""
    where = str(directory)
    try:
        card = json.loads((directory / CARD_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelError(
            f"{where}: no {CARD_FILE}; not a clause model folder: train one with "
            f"`antragsradar train --component extraction --out {where}`, or leave out "
            "--extraction-model for the shipped one"
        ) from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(
            f"{where}: {CARD_FILE} is unreadable ({exc}); retrain it with "
            "`antragsradar train --component extraction`"
        ) from None
    if not isinstance(card, dict):
        raise ModelError(f"{where}: {CARD_FILE} is not a model card")
    return card


def kind_matrix(
    clauses: list[Clause], mentions: list[dict], col: dict[str, int], prefix: str = "f_"
) -> np.ndarray:
    """Clauses x heads: 1 where a funding mention of that head's kind overlaps the clause."""
    M = np.zeros((len(clauses), len(col)), dtype=np.int8)
    for x in mentions:
        j = col.get(prefix + x["kind"])
        if j is None:
            continue
        for i, c in enumerate(clauses):
            if x["start"] < c.orig_end and x["end"] > c.orig_start:
                M[i, j] = 1
    return M


def one_kind_blocked(
    P: np.ndarray, mentions: np.ndarray, j: int, kind_cols: list[int]
) -> np.ndarray:
    """Per clause whether a mention there (``kind_matrix``) has a kind other than head ``j``'s
    that the model scores at least as high as ``j``: the model gives no clause a second kind.
    The training chooses the thresholds with the same rule (``training/extraction.py``)."""
    cols = [k for k in kind_cols if k != j]
    if not cols or not len(P):
        return np.zeros(len(P), dtype=bool)
    return ((mentions[:, cols] == 1) & (P[:, cols] >= P[:, [j]])).any(axis=1)


def _thresholds(raw: Any) -> dict[str, float]:
    """A head's keep/add thresholds from the card (0.5 where one is missing)."""
    return {k: float((raw or {}).get(k, 0.5)) for k in ("keep", "add")}


# a passage quoted in the justification: an earlier decision or the amended paper's wording
_QUOTE_OPEN, _QUOTE_CLOSE = "„", "“"
_QUOTE_SPAN = 2000


def _has_lower(text: str) -> bool:
    """Whether ``text`` has a lower-case letter: a line in capitals alone ("VOLT
    DEUTSCHLAND") is a letterhead or a heading, no request."""
    return any(ch.islower() for ch in text)


def _quoted_in_justification(doc: Doc, c: Clause) -> bool:
    """Whether clause ``c`` stands inside quotation marks in the justification ("hat der Rat
    folgenden Beschluss gefasst: „1. Die Verwaltung wird beauftragt, …“"): the requests of an
    earlier decision, not the motion's own."""
    sec = doc._.sections
    if sec is None or not sec.in_justification(c.start):
        return False
    text = doc_text(doc)
    opened = text.rfind(_QUOTE_OPEN, max(0, c.start - _QUOTE_SPAN), c.start + 1)
    if opened == -1 or text.find(_QUOTE_CLOSE, opened, c.start) != -1:
        return False
    return text.find(_QUOTE_CLOSE, c.start, c.start + _QUOTE_SPAN) != -1


# --- the component -----------------------------------------------------------------------------


@Language.factory(
    "motion_learned",
    assigns=["doc._.actions", "doc._.funding", "doc._.request"],
    requires=["doc._.actions", "doc._.funding", "doc._.sections"],
    default_config={"model_dir": None},
)
def make_motion_learned(nlp: Language, name: str, model_dir: str | None) -> MotionLearned:
    from pipeline.extract.actions import ActionRules
    from pipeline.extract.hedging import HedgeDetector
    from pipeline.paths import DEFAULT_EXTRACTION_DIR

    # the rules' funding component names the funds the model finds where the rules did not;
    # the action rules' levels pass over own-level names for a trigger ("Der Landtag ...")
    funding = nlp.get_pipe("motion_funding") if "motion_funding" in nlp.pipe_names else None
    actions = nlp.get_pipe("motion_actions") if "motion_actions" in nlp.pipe_names else None
    return MotionLearned(
        Path(model_dir or DEFAULT_EXTRACTION_DIR), ActionRules(), HedgeDetector(), funding, actions
    )


class MotionLearned:
    """Decides the action types and funding kinds of a motion from the clause model.

    The model is read from ``model_dir`` when first needed, unless ``from_disk`` (a pipeline
    saved with ``nlp.to_disk``, which writes the model beside the component) set it first."""

    def __init__(
        self, model_dir: Path, rules: Any, hedges: Any, funding: Any = None, actions: Any = None
    ) -> None:
        self.model_dir = model_dir
        self.rules = rules
        self.hedges = hedges
        self.funding = funding
        self.actions = actions
        self._model: ClauseModel | None = None

    # Not named ``model``: spaCy treats a component's ``model`` attribute as a thinc Model and
    # reads it while it builds a pipeline, before ``from_disk`` could set it.
    @property
    def clause_model(self) -> ClauseModel:
        if self._model is None:
            self.set_model(ClauseModel.load(self.model_dir))
        assert self._model is not None
        return self._model

    def set_model(self, model: ClauseModel) -> None:
        self._model = model
        self.featurizer = Featurizer(model.n_features)
        self.col = {h: i for i, h in enumerate(model.heads)}
        self.kind_cols = [self.col[h] for h in model.heads if h.startswith("f_")]

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        m = self.clause_model
        card = {k: v for k, v in m.card.items() if k != "topic"}  # the topic ranker saves itself
        ClauseModel(m.W, m.b, m.heads, m.thresholds, m.n_features, card, m.stage).save(path)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> MotionLearned:
        self.set_model(ClauseModel.load(path))
        return self

    def scores(self, doc: Doc) -> tuple[list[Clause], np.ndarray]:
        clauses = candidate_clauses(doc)
        indices, indptr = self.featurizer.rows(doc, clauses)
        return clauses, self.clause_model.proba(indices, indptr)

    def __call__(self, doc: Doc) -> Doc:
        clauses, P = self.scores(doc)
        if not clauses:
            doc._.request = []
            return doc
        thr = self.clause_model.thresholds
        req = self.col.get("request")
        if req is not None:
            doc._.request = [
                (c.orig_start, c.orig_end)
                for c, p in zip(clauses, P[:, req], strict=True)
                if p >= thr.get("request", {}).get("keep", 0.5)
            ]
        model = self.clause_model
        rule = rule_vector(doc._.actions or [], doc._.funding or [], model.heads)
        mentions = kind_matrix(clauses, doc._.funding or [], self.col)
        s = motion_scores(P, mentions, rule, self.kind_cols)
        q = model.decision_scores(s[None, :], rule[None, :], [self.featurizer.doc_level(doc)])[0]
        actions = self._decide(doc, clauses, P, q, ACTION_TYPES, doc._.actions or [], "type")
        funding = self._decide(
            doc, clauses, P, q, FUNDING_KINDS, doc._.funding or [], "kind", prefix="f_"
        )
        doc._.actions = sorted(actions, key=lambda a: a["start"])
        doc._.funding = sorted(funding, key=lambda f: f["start"])
        return doc

    def _decide(self, doc, clauses, P, q, types, rule_items, key, prefix="") -> list[dict]:
        thr = self.clause_model.thresholds
        keep: list[dict] = []
        new: list[tuple[str, int, int]] = []  # (type, head, best clause) the rules did not find
        for t in types:
            j = self.col.get(prefix + t)
            if j is None:  # a head the model lacks: the rules decide
                keep += [x for x in rule_items if x[key] == t]
                continue
            best = int(np.argmax(P[:, j]))
            found = [x for x in rule_items if x[key] == t]
            if q[j] < thr[prefix + t]["keep" if found else "add"]:
                # an amendment's line edit ("Von Zeile 32 bis 34:") is one whatever the score
                keep += [
                    x
                    for x in found
                    if t == "amend"
                    and (LINE_EDIT.match(x["trigger"]) or AMEND_SAYS_SO.search(x["evidence"]))
                ]
                continue
            if found:
                keep += found
            else:
                new.append((t, j, best))
        if key == "type":
            return keep + [
                self._action(doc, clauses[c], t)
                for t, _j, c in new
                if not (t == "appeal" and self._own_level_call(doc, clauses[c]))
                and not (t == "implement" and self._lead_in(doc, clauses[c]))
                and not _quoted_in_justification(doc, clauses[c])
                and _has_lower(doc_text(doc)[clauses[c].start : clauses[c].end])
            ]
        # one mention, one kind (ANNOTATION.md): no new kind on a best clause where a kept
        # mention of the rules has a kind the model scores at least as high there
        mentions = kind_matrix(clauses, keep, self.col, prefix)
        return keep + [
            self._funding(doc, clauses[c], t)
            for t, j, c in new
            if not one_kind_blocked(P[c : c + 1], mentions[c : c + 1], j, self.kind_cols)[0]
        ]

    def _triggers(self, doc: Doc, c: Clause) -> tuple[str, list]:
        """Clause ``c``'s text and the rules' triggers in it (passing over the name of the
        motion's own level: "Der Landtag ..." is no trigger)."""
        part = doc_text(doc)[c.start : c.end]
        level = doc._.level
        skip = self.actions.rules.own_level_name(level) if self.actions and level else None
        return part, self.rules.find_all(part, None, skip)

    def _lead_in(self, doc: Doc, c: Clause) -> bool:
        """Whether clause ``c`` only opens a list of requests by the rules' own test
        ("Die Verwaltung wird gebeten,"): the model's ``implement`` head scores such a line
        high, but the items of the list are the requests."""
        return bool(self.rules.lead_in(*self._triggers(doc, c)))

    def _own_level_call(self, doc: Doc, c: Clause) -> bool:
        """Whether clause ``c`` only calls on the motion's own executive ("Der Landtag fordert
        die Landesregierung auf" in a Landtag's motion): its ordinary request, no appeal
        (ANNOTATION.md, "Other bodies"), whatever the model's appeal head scores there."""
        level = doc._.level
        if self.actions is None or level not in ("state", "federal"):
            return False
        kit = self.actions.rules
        part = doc_text(doc)[c.start : c.end]
        trigs = kit.rules.find_all(part, None, kit.own_level_name(level))
        return kit.other_level_call(part, level) is None and kit.own_level_call(part, trigs, level)

    def _action(self, doc: Doc, c: Clause, kind: str) -> dict:
        text = doc_text(doc)
        part, trigs = self._triggers(doc, c)
        trig = next((t for t in trigs if t.type == kind), None)
        anchor = c.start + (trig.start if trig else 0)
        a, b = trim_span(text, c.start, c.end, anchor=anchor)
        ev, oa, ob = evidence(doc, a, b)
        return {
            "type": kind,
            "trigger": trig.text.strip() if trig else "",
            "addressee": self.rules.addressee(part),
            "object": self.rules.object(part, trig) if trig else "",
            "hedged": self.hedges(part),
            "evidence": ev,
            "start": oa,
            "end": ob,
        }

    def _funding(self, doc: Doc, c: Clause, kind: str) -> dict:
        text = doc_text(doc)
        a, b = trim_span(text, c.start, c.end, anchor=c.start)
        ev, oa, ob = evidence(doc, a, b)
        amounts = find_amounts(text, c.start, c.end)
        name = ""
        if kind == "named_fund" and self.funding is not None:
            sec = doc._.sections
            name = self.funding.fund_name_in(
                text, c.start, c.end, sec.end if sec is not None else len(text)
            )
        return {
            "kind": kind,
            "name": name,
            "amount_eur": amounts[0].value if amounts else None,
            "budget_line": "",
            "hedged": self.hedges(text[c.start : c.end]),
            "evidence": ev,
            "start": oa,
            "end": ob,
        }
