"""The model card (README.md) of a clause-model folder: the clause model's and the topic
ranker's training data and held-out scores, from its model_card.json."""

from __future__ import annotations

from typing import Any

from pipeline.extract.learned import ACTION_TYPES


def render_card(card: dict[str, Any]) -> str:
    """The model card (README.md) of a clause model, from its model_card.json."""
    cv = card.get("cross_validation") or {}
    lines = [
        f"# Clause model `{card.get('name', 'extraction')}`",
        "",
        f"{card.get('task', '')}. Trained {card.get('trained_at', '?')} with "
        f"`{card.get('command') or 'antragsradar train --component extraction'}` "
        f"(antragsradar {card.get('antragsradar', '?')}).",
        "",
        "- Input: the candidate sentences of a motion (before its signature or the administration's "
        "answer), as hashed features (`pipeline/extract/clauses.py`): words, word pairs, word "
        "endings and beginnings, executives and bodies relative to the motion's level, the rules' "
        "findings in the sentence, its position and shape, the kind of paper.",
        f"- Model: one L2 logistic regression per head (C={card.get('C')}), "
        f"{card.get('n_features')} hashed features, weights as float16 in "
        f"`{(card.get('weights') or {}).get('file', 'clauses.npz')}` (numpy archive, loaded "
        "without pickle; its sha256 is in `model_card.json` and checked before loading).",
        "- Decision: action types by a second stage per motion, one logistic regression per type "
        "over every head's best-sentence score (as a logit), the rules' findings and the level of "
        "the motion's body (local, state, federal, party: one input each; C=1; weights in the "
        "same archive): the motion has the type when that probability reaches the type's "
        "threshold. Funding kinds by their best sentence's score: the `keep` threshold where the "
        "rules found that kind, the `add` threshold where they did not. All thresholds are chosen "
        "on out-of-fold scores (best document-level F1), but a budget line the rules found is "
        "always kept (`keep` 0: `bench/eval_funding_thresholds.py`). A type the rules found keeps their "
        "actions or mentions (with evidence, trigger, addressee, amounts); one they did not find "
        "is made from the best sentence (a named fund named as the rules' fund patterns read "
        "it there, else where the motion first names one). A funding kind the rules did not "
        "find scores 0 where its "
        "best sentence holds a mention of the rules with another kind that the model scores at "
        "least as high there (one kind per mention).",
        "",
        "## Training data",
        "",
        "| source | motions |",
        "|---|---:|",
        *(f"| {s} | {n} |" for s, n in (card.get("training_motions") or {}).items()),
        "",
        "Files (sha256): "
        + ", ".join(f"`{f}` `{h[:16]}…`" for f, h in (card.get("training_files") or {}).items()),
        "",
    ]
    lines += _score_lines(cv)
    lines += _topic_card_lines(card.get("topic") or {})
    lines += [
        "",
        "The dev gold (`../shared/gold/dev.jsonl`) is never trained on (its ids are excluded) and "
        "is not used to choose anything; `antragsradar evaluate` reports it.",
        "",
    ]
    return "\n".join(lines)


def _score_lines(cv: dict[str, Any]) -> list[str]:
    """The clause model's held-out scores per source, and per action type."""
    lines = [
        "## Held-out scores (micro-F1 of the per-motion sets of action types / funding kinds)",
        "",
        "| source | 5-fold within the source | trained on the other sources | rules alone |",
        "|---|---|---|---|",
    ]
    loso = cv.get("leave_one_source_out") or {}
    for src, v in (cv.get("within_source_5fold") or {}).items():
        o = loso.get(src) or {}
        r = o.get("rules") or {}
        lines.append(
            f"| {src} ({v['n']}) | {v['actions']['micro_f1']:.3f} / {v['funding']['micro_f1']:.3f} | "
            + (f"{o['actions']['micro_f1']:.3f} / {o['funding']['micro_f1']:.3f}" if o else "–")
            + " | "
            + (f"{r['actions']:.3f} / {r['funding']:.3f}" if r else "–")
            + " |"
        )
    lines += [
        "",
        "Per type, 5-fold within the source:",
        "",
        "| source | " + " | ".join(ACTION_TYPES) + " |",
        "|---|" + "---:|" * len(ACTION_TYPES),
    ]
    for src, v in (cv.get("within_source_5fold") or {}).items():
        per = v["actions"]["per_type"]
        lines.append(f"| {src} | " + " | ".join(f"{per[t]['f1']:.2f}" for t in ACTION_TYPES) + " |")
    return lines


def _topic_card_lines(section: dict[str, Any]) -> list[str]:
    """The topic ranker's part of the card: what it is and its held-out scores."""
    if not section:
        return []
    cv = section.get("cross_validation") or {}
    loso = cv.get("leave_one_source_out") or {}
    lines = [
        "",
        "## Topic ranker",
        "",
        "Gives each content word of the title parts, the requested actions' objects and the "
        "opening of the operative part the probability that an annotator's topic has it (L2 "
        f"logistic regression, C={section.get('C')}, {section.get('n_features')} hashed "
        f"features, `{(section.get('weights') or {}).get('file', 'topic.npz')}`, sha256 in the "
        "card); the topic is the candidate (the rules' topic, word spans of the title parts and "
        "objects) with the highest expected token F1. Held-out mean topic token F1 "
        "(as `antragsradar evaluate` scores it):",
        "",
        "| source | 5-fold within the source | trained on the other sources | rules alone |",
        "|---|---:|---:|---:|",
    ]
    for src, v in (cv.get("within_source_5fold") or {}).items():
        o = loso.get(src) or {}
        lines.append(
            f"| {src} ({v['n']}) | {v['topic']:.3f} | "
            + (f"{o['topic']:.3f}" if o else "–")
            + f" | {v['rules']:.3f} |"
        )
    return lines
