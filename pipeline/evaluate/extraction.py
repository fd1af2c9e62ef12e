"""Scores for the extraction fields (actions, funding, topic, groups, hedging) against gold.

Gold records are dicts as in ``gold/dev.jsonl``; predicted records are dicts with the keys
``actions``, ``funding``, ``topic``, ``groups`` and ``hedged``. Every function is pure.

Conventions, fixed here so that scores stay comparable:

- actions and funding are judged per document as the SET of types (kinds): a document with
  two ``review`` actions and one predicted ``review`` is a full match for that type.
- amounts: a gold amount counts as found when any predicted funding amount of the same
  document lies within 0.5 EUR of it.
- named funds: a gold ``named_fund`` name is found when a predicted ``named_fund`` name of the
  document shares enough tokens: Dice overlap ``2|G∩P| / (|G|+|P|) >= 0.5`` over the
  lower-cased content tokens of both names.
- misses: every scorer returns all its misses, worst first (``worst``); ``evaluate`` keeps
  as many per field as it is asked for.
- topic: token F1 between gold and predicted topic over lower-cased lemmas without stop
  words, averaged over documents (a missing topic scores 0 unless gold has no tokens either).
  Beside it the figure as the issue tracker's independent scorer defines it (words of five or
  more letters, compared on their first six), so that our figures can be set beside the
  independent sets': it forgives inflections the lemmatiser does not know
  ("Bernhardusplatzes") and ignores short words.
- groups: compared as sets of normalised faction names (order of mention is not judged).
  Joint lists are split into their members: "KAL/Die PARTEI" is {"KAL", "Die PARTEI"},
  which is how the Karlsruhe silver attribution records them too. Spellings are mapped to
  the faction names of ``corpus/patterns/factions.json`` on both sides ("FÜR Karlsruhe" and
  "FÜR", "Bündnis 90/Die Grünen" and "GRÜNE" are one faction).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pipeline.evaluate.metrics import prf
from pipeline.extract.topic_tokens import content_tokens

ACTION_TYPES = ("review", "report", "concept", "implement", "budget", "appeal", "inquiry", "amend")
FUNDING_KINDS = ("named_fund", "budget_line", "external_grant", "offset", "general_budget")
AMOUNT_TOLERANCE = 0.5
NAME_OVERLAP = 0.5
WORST = 15  # misses per field that ``evaluate`` reports unless told otherwise

Record = Mapping[str, Any]


def _set_f1(
    pairs: Sequence[tuple[str, set[str], set[str]]], labels: Sequence[str], field: str
) -> dict[str, Any]:
    """Micro and macro F1 over per-document label sets, with per-label scores and misses."""
    counts: dict[str, Counter[str]] = {lab: Counter() for lab in labels}
    misses: list[dict[str, Any]] = []
    for doc_id, gold, pred in pairs:
        for lab in set(labels) | gold | pred:
            c = counts.setdefault(lab, Counter())
            c["tp"] += lab in gold and lab in pred
            c["fp"] += lab not in gold and lab in pred
            c["fn"] += lab in gold and lab not in pred
        if gold != pred:
            misses.append(
                {
                    "id": doc_id,
                    "field": field,
                    "gold": sorted(gold),
                    "predicted": sorted(pred),
                    "errors": len(gold ^ pred),
                }
            )
    per_label = {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()}
    tot: Counter[str] = Counter()
    for c in counts.values():
        tot.update(c)
    supported = [v["f1"] for v in per_label.values() if v["support"]]
    misses.sort(key=lambda m: -m["errors"])
    return {
        "micro": prf(tot["tp"], tot["fp"], tot["fn"]),
        "macro_f1": round(sum(supported) / len(supported), 4) if supported else 0.0,
        "per_label": per_label,
        "docs": len(pairs),
        "worst": misses,
    }


def _by_id(records: Iterable[Record]) -> dict[str, Record]:
    return {str(r["id"]): r for r in records}


def _pairs(gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record]):
    pred = predicted if isinstance(predicted, Mapping) else _by_id(predicted)
    for g in gold:
        yield str(g["id"]), g, pred.get(str(g["id"])) or {}


def score_actions(
    gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record]
) -> dict[str, Any]:
    """Micro/macro F1 of the per-document sets of action types."""
    pairs = [
        (
            i,
            {a["type"] for a in g.get("actions") or []},
            {a["type"] for a in p.get("actions") or []},
        )
        for i, g, p in _pairs(gold, predicted)
    ]
    return _set_f1(pairs, ACTION_TYPES, "actions")


def score_funding_kinds(
    gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record]
) -> dict[str, Any]:
    """Micro/macro F1 of the per-document sets of funding kinds, plus funding presence F1."""
    pairs = [
        (
            i,
            {f["kind"] for f in g.get("funding") or []},
            {f["kind"] for f in p.get("funding") or []},
        )
        for i, g, p in _pairs(gold, predicted)
    ]
    out = _set_f1(pairs, FUNDING_KINDS, "funding")
    presence: Counter[str] = Counter()
    for _, g, p in pairs:
        presence["tp"] += bool(g) and bool(p)
        presence["fp"] += not g and bool(p)
        presence["fn"] += bool(g) and not p
    out["presence"] = prf(presence["tp"], presence["fp"], presence["fn"])
    return out


def amounts_of(rec: Record) -> list[float]:
    """The euro amounts of a record's funding mentions."""
    return [
        float(f["amount_eur"]) for f in rec.get("funding") or [] if f.get("amount_eur") is not None
    ]


def amount_in(amount: float, amounts: Iterable[float]) -> bool:
    """Whether ``amount`` is among ``amounts`` (within ``AMOUNT_TOLERANCE``)."""
    return any(abs(amount - x) <= AMOUNT_TOLERANCE for x in amounts)


def name_in(name: str, names: Iterable[str]) -> bool:
    """Whether a fund's ``name`` matches one of ``names`` (``name_overlap`` >= NAME_OVERLAP)."""
    return any(name_overlap(name, n) >= NAME_OVERLAP for n in names)


def score_amounts(
    gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record]
) -> dict[str, Any]:
    """Recall of gold amounts among the predicted amounts of the same document."""
    found = total = 0
    misses = []
    for i, g, p in _pairs(gold, predicted):
        pa = amounts_of(p)
        for a in amounts_of(g):
            total += 1
            if amount_in(a, pa):
                found += 1
            else:
                misses.append({"id": i, "field": "amount_eur", "gold": a, "predicted": pa})
    return {
        "recall": round(found / total, 4) if total else 0.0,
        "support": total,
        "worst": misses,
    }


def name_overlap(gold_name: str, pred_name: str) -> float:
    """Dice overlap of the content tokens of two names."""
    g, p = set(content_tokens(gold_name)), set(content_tokens(pred_name))
    if not g or not p:
        return 0.0
    return 2 * len(g & p) / (len(g) + len(p))


def score_named_funds(
    gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record]
) -> dict[str, Any]:
    """Recall of gold named_fund names among predicted named_fund names (overlap >= 0.5)."""
    found = total = 0
    misses = []
    for i, g, p in _pairs(gold, predicted):
        names = [
            f.get("name") or "" for f in p.get("funding") or [] if f.get("kind") == "named_fund"
        ]
        for f in g.get("funding") or []:
            if f.get("kind") != "named_fund":
                continue
            total += 1
            if name_in(f.get("name") or "", names):
                found += 1
            else:
                misses.append(
                    {"id": i, "field": "named_fund", "gold": f.get("name"), "predicted": names}
                )
    return {
        "recall": round(found / total, 4) if total else 0.0,
        "support": total,
        "worst": misses,
    }


def bag_f1(gold: Counter[str], pred: Counter[str]) -> float:
    """F1 of two bags of tokens (1 when both are empty)."""
    if not gold and not pred:
        return 1.0
    common = sum((gold & pred).values())
    if not common:
        return 0.0
    prec, rec = common / sum(pred.values()), common / sum(gold.values())
    return 2 * prec * rec / (prec + rec)


def topic_f1(gold_topic: str | None, pred_topic: str | None) -> float:
    """Token F1 of two topics (lemmas without stop words, bag of tokens)."""
    return bag_f1(Counter(content_tokens(gold_topic)), Counter(content_tokens(pred_topic)))


PREFIX_WORD = re.compile(r"\w{5,}")


def topic_prefix_f1(gold_topic: str | None, pred_topic: str | None) -> float:
    """Token F1 of two topics over their words of five or more letters, each compared on its
    first six (lower-cased): the independent scorer's definition."""
    g, p = (
        Counter(w.lower()[:6] for w in PREFIX_WORD.findall(t or ""))
        for t in (gold_topic, pred_topic)
    )
    return bag_f1(g, p)


def score_topic(
    gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record]
) -> dict[str, Any]:
    """Mean token F1 of the topic over documents (and the same by the independent scorer's
    definition, ``topic_prefix_f1``)."""
    scores, prefix, misses = [], [], []
    for i, g, p in _pairs(gold, predicted):
        s = topic_f1(g.get("topic"), p.get("topic"))
        scores.append(s)
        prefix.append(topic_prefix_f1(g.get("topic"), p.get("topic")))
        if s < 1.0:
            misses.append(
                {
                    "id": i,
                    "field": "topic",
                    "gold": g.get("topic"),
                    "predicted": p.get("topic"),
                    "f1": round(s, 3),
                }
            )
    misses.sort(key=lambda m: m["f1"])
    return {
        "mean_f1": round(sum(scores) / len(scores), 4) if scores else 0.0,
        "mean_prefix_f1": round(sum(prefix) / len(prefix), 4) if prefix else 0.0,
        "docs": len(scores),
        "worst": misses,
    }


def score_hedged(
    gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record]
) -> dict[str, Any]:
    """Accuracy of the hedged flag (a missing prediction counts as False), with per-class F1."""
    c: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    for i, g, p in _pairs(gold, predicted):
        gv, pv = bool(g.get("hedged")), bool(p.get("hedged"))
        c["n"] += 1
        c["ok"] += gv == pv
        c["tp"] += gv and pv
        c["fp"] += pv and not gv
        c["fn"] += gv and not pv
        if gv != pv:
            misses.append({"id": i, "field": "hedged", "gold": gv, "predicted": pv})
    return {
        "accuracy": round(c["ok"] / c["n"], 4) if c["n"] else 0.0,
        "per_label": {"hedged": prf(c["tp"], c["fp"], c["fn"])},
        "docs": c["n"],
        "worst": misses,
    }


@functools.cache
def faction_aliases() -> dict[str, str]:
    """Lower-cased spellings of the factions of ``factions.json`` -> their normalised names
    (the table the groups component reads them with)."""
    from pipeline.extract.groups import FactionMatcher
    from pipeline.extract.patterns import load_patterns

    return FactionMatcher.from_data(load_patterns("factions.json")).by_alias


def normalise_groups(
    groups: Iterable[str] | None, aliases: Mapping[str, str] | None = None
) -> set[str]:
    """A set of faction names; joint entries ("KAL/Die PARTEI", "FDP/FW") are split into members.

    ``aliases`` maps lower-cased spellings or silver slugs to the normalised name.
    """
    out: set[str] = set()
    for g in groups or []:
        parts = (
            [g] if (aliases and g.lower() in aliases) else re.split(r"\s*[/,&|+]\s*|\s+und\s+", g)
        )
        for part in parts:
            part = " ".join(part.split())
            if part:
                out.add(aliases.get(part.lower(), part) if aliases else part)
    return out


def _group_scores(pairs: Sequence[tuple[str, set[str], set[str]]]) -> dict[str, Any]:
    c: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {}
    misses: list[dict[str, Any]] = []
    for doc_id, gold, pred in pairs:
        c["n"] += 1
        c["exact"] += gold == pred
        for lab in gold | pred:
            per.setdefault(lab, Counter())
            per[lab]["tp"] += lab in gold and lab in pred
            per[lab]["fp"] += lab in pred and lab not in gold
            per[lab]["fn"] += lab in gold and lab not in pred
        if gold != pred:
            misses.append(
                {"id": doc_id, "field": "groups", "gold": sorted(gold), "predicted": sorted(pred)}
            )
    return {
        "exact_match": round(c["exact"] / c["n"], 4) if c["n"] else 0.0,
        "docs": c["n"],
        "per_label": {k: prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(per.items())},
        "worst": misses,
    }


def score_groups(
    gold: Iterable[Record], predicted: Mapping[str, Record] | Iterable[Record], key: str = "groups"
) -> dict[str, Any]:
    """Exact match of the group sets; gold groups are read from ``key`` (dev.jsonl: "factions")."""
    pairs = [
        (
            i,
            normalise_groups(g.get(key) or g.get("groups") or [], faction_aliases()),
            normalise_groups(p.get("groups") or [], faction_aliases()),
        )
        for i, g, p in _pairs(gold, predicted)
    ]
    return _group_scores(pairs)


def score_groups_silver(
    predictions_by_key: Mapping[str, Iterable[str]], submitters_json: Mapping[str, Any]
) -> dict[str, Any]:
    """Exact match of predicted groups against the silver attribution of ``submitters.json``.

    ``predictions_by_key`` maps paper keys (the last segment of the OParl id, as used in
    ``submitters_json["papers"]``) to predicted group names. Only papers with a non-empty silver
    entry are judged; a paper without prediction counts as predicted empty.
    """
    names = {k.lower(): v for k, v in (submitters_json.get("factions") or {}).items()}
    aliases = {**names, **{v.lower(): v for v in names.values()}}
    pairs = []
    for key, slugs in (submitters_json.get("papers") or {}).items():
        if not slugs:
            continue
        gold = {names.get(s.lower(), s) for s in slugs}
        pred = normalise_groups(predictions_by_key.get(str(key)) or [], aliases)
        pairs.append((str(key), gold, pred))
    return _group_scores(pairs)


def score_extraction(
    gold: Sequence[Record],
    predicted: Mapping[str, Record] | Iterable[Record],
    groups_key: str = "factions",
) -> dict[str, Any]:
    """All per-field scores of the extraction against gold records."""
    pred = predicted if isinstance(predicted, Mapping) else _by_id(predicted)
    # A field is scored only when the gold file annotates it (a file of topics alone scores
    # topics; a missing key is not an empty annotation).
    annotated = {k for g in gold for k in g}
    scorers = {
        "actions": ("actions", lambda: score_actions(gold, pred)),
        "funding": ("funding", lambda: score_funding_kinds(gold, pred)),
        "amounts": ("funding", lambda: score_amounts(gold, pred)),
        "named_funds": ("funding", lambda: score_named_funds(gold, pred)),
        "topic": ("topic", lambda: score_topic(gold, pred)),
        "hedged": ("hedged", lambda: score_hedged(gold, pred)),
        "groups": (groups_key, lambda: score_groups(gold, pred, key=groups_key)),
    }
    return {field: score() for field, (key, score) in scorers.items() if key in annotated}


def summary(scores: Mapping[str, Any]) -> dict[str, float]:
    """The headline number of each scored field."""
    heads = {
        "action_types_micro_f1": ("actions", lambda s: s["micro"]["f1"]),
        "action_types_macro_f1": ("actions", lambda s: s["macro_f1"]),
        "funding_kinds_micro_f1": ("funding", lambda s: s["micro"]["f1"]),
        "funding_presence_f1": ("funding", lambda s: s["presence"]["f1"]),
        "amount_recall": ("amounts", lambda s: s["recall"]),
        "named_fund_recall": ("named_funds", lambda s: s["recall"]),
        "topic_token_f1": ("topic", lambda s: s["mean_f1"]),
        "topic_prefix6_f1": ("topic", lambda s: s["mean_prefix_f1"]),
        "hedged_accuracy": ("hedged", lambda s: s["accuracy"]),
        "groups_exact_match": ("groups", lambda s: s["exact_match"]),
    }
    return {name: get(scores[field]) for name, (field, get) in heads.items() if field in scores}
