"""The common motion record every reader yields, and the failure record of a bad document."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any


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
