"""The records that travel through the pipeline: the motion every reader yields, the failure
record of a bad document, and the result of analysing a motion with its parts (actions,
funding mentions, themes).

The result and its parts are ``TypedDict``s: they are the JSON contract of ``antragsradar tag``
(and the rows the store writes), so they stay plain dicts with these keys in this order.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict


@dataclass
class Motion:
    """One motion as read from any source, before analysis.

    ``text`` is the original text of the motion's own document; every offset reported later
    points into it.
    """

    id: str
    text: str
    title: str = ""
    date: str | None = None  # ISO date, YYYY-MM-DD
    paper_type: str | None = None
    body: str | None = None
    groups: list[str] = field(
        default_factory=list
    )  # from metadata only; text evidence is added later
    source_file: str = ""
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Failure:
    """A document that could not be read or analysed, with the reason in one line."""

    source_file: str
    reason: str
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def failure_kind(reason: str) -> str:
    """A failure reason without its specifics (URLs, line and record numbers, details in
    parentheses, the advice after "; "), so that run summaries group alike failures."""
    reason = re.sub(r"https?://\S+", "<url>", reason).split(" (")[0].split("; ")[0]
    reason = re.sub(r"^line \d+: ", "", reason)
    return re.sub(r"\b(record|line) \d+", r"\1 N", reason)


class Action(TypedDict):
    """One requested action (``doc._.actions``); offsets point into the original text."""

    type: str  # review, report, concept, implement, budget, appeal, inquiry, amend
    trigger: str
    addressee: str | None
    object: str
    hedged: bool
    evidence: str
    start: int
    end: int


class FundingMention(TypedDict):
    """One statement of where money comes from (``doc._.funding``); offsets as in Action."""

    kind: str  # named_fund, budget_line, external_grant, offset, general_budget
    name: str
    amount_eur: float | None
    budget_line: str
    hedged: bool
    evidence: str
    # None where the evidence is the motion's title and the text does not contain it (a budget
    # position named only in the paper's metadata, ``extract/title_funding.py``)
    start: int | None
    end: int | None


class Theme(TypedDict):
    """One predicted theme: taxonomy id and label, calibrated score, CAP major topic codes."""

    id: str
    label: str
    score: float
    cap: list[int]


class _ResultHead(TypedDict):
    id: str
    title: str
    date: str | None
    paper_type: str | None
    body: str | None
    level: str | None  # of the body: local (councils, counties), state, federal, party
    groups: list[str]
    source_file: str


class Result(_ResultHead, total=False):
    """The result record of one motion, what ``antragsradar tag`` prints as one JSON line.

    The keys come in the order of ``pipeline.analyze.RESULT_KEYS``; ``themes`` is absent without
    a theme model and ``notes`` when the input had no problems."""

    themes: list[Theme]
    actions: list[Action]
    funding: list[FundingMention]
    topic: str | None
    topic_keywords: list[str]
    hedged: bool
    notes: list[str]
