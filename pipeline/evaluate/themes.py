"""Theme scores: micro/macro F1 over theme sets, top-1 accuracy, per-theme P/R/F and the
confusions of the first theme. Pure functions over records; no model is loaded here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from pipeline.evaluate.metrics import prf


def theme_ids(item: Any) -> list[str]:
    """The predicted theme ids, best first, of a result record (``{"themes": [...]}``), a list
    of theme dicts (``{"id", ...}``) or a list of ids."""
    if isinstance(item, Mapping):
        item = item.get("themes") or []
    out = []
    for t in item or []:
        tid = t.get("id") if isinstance(t, Mapping) else t
        if tid and tid not in out:
            out.append(str(tid))
    return out


def score_themes(
    gold_records: Sequence[Mapping[str, Any]], predicted: Sequence[Any]
) -> dict[str, Any]:
    """Score predicted themes against gold records (each with ``themes``, best first).

    ``predicted[i]`` belongs to ``gold_records[i]`` (see ``theme_ids`` for accepted shapes).
    Macro F1 averages the themes that occur in the gold; top-1 is the share of records whose
    first predicted theme is among the gold themes; ``confusions`` counts (gold first theme,
    predicted first theme) pairs where the predicted first theme is not a gold theme.
    """
    if len(gold_records) != len(predicted):
        raise ValueError(f"{len(gold_records)} gold records but {len(predicted)} predictions")
    counts: dict[str, Counter] = {}
    confusions: Counter = Counter()
    top1 = 0
    exact = 0
    n_pred = 0
    misses: list[dict[str, Any]] = []
    for g, p in zip(gold_records, predicted, strict=True):
        gold = theme_ids(g.get("themes"))
        pred = theme_ids(p)
        gs, ps = set(gold), set(pred)
        n_pred += len(pred)
        for lab in gs | ps:
            c = counts.setdefault(lab, Counter())
            c["tp"] += lab in gs and lab in ps
            c["fp"] += lab in ps and lab not in gs
            c["fn"] += lab in gs and lab not in ps
        if pred and pred[0] in gs:
            top1 += 1
        elif gold:
            confusions[(gold[0], pred[0] if pred else None)] += 1
        exact += gs == ps
        if gs != ps:
            misses.append(
                {
                    "id": g.get("id"),
                    "field": "themes",
                    "gold": gold,
                    "predicted": pred,
                    "errors": len(gs ^ ps) + (0 if pred and pred[0] in gs else 1),
                }
            )
    per_label = {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in sorted(counts.items())}
    tot: Counter = Counter()
    for c in counts.values():
        tot.update(c)
    micro = prf(tot["tp"], tot["fp"], tot["fn"])
    supported = [v["f1"] for v in per_label.values() if v["support"]]
    n = len(gold_records)
    misses.sort(key=lambda m: -m["errors"])
    return {
        "docs": n,
        "micro": micro,
        "micro_f1": micro["f1"],
        "macro_f1": round(sum(supported) / len(supported), 4) if supported else 0.0,
        "top1": round(top1 / n, 4) if n else 0.0,
        "exact_match": round(exact / n, 4) if n else 0.0,
        "mean_predicted": round(n_pred / n, 3) if n else 0.0,
        "per_label": per_label,
        "confusions": [
            {"gold_first": gf, "predicted_first": pf, "count": k}
            for (gf, pf), k in confusions.most_common()
        ],
        "worst": misses,
    }
