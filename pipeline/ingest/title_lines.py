"""The title of a motion that comes without metadata, read from the lines of its head.

Letterheads differ from body to body (a council's address block, a Drucksache header, a
committee table, a party's motion number), so no list of lines to skip covers them all. A
logistic model scores each line of the head as the title's first line from what the line looks
like (position, length, case, final character, the skip patterns of ``document_types.json`` it
matches, its first and last word, its neighbours) and a second one whether the next line goes
on with the title. Both are trained on corpora whose records carry a title beside the text
(``antragsradar train --component title``) and stored without pickle (``title.npz``, its sha256
in ``model_card.json``).
"""

from __future__ import annotations

import json
import os
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from pipeline.digest import sha256_file
from pipeline.errors import ModelError
from pipeline.hyphens import join_broken
from pipeline.ingest.title_rules import (
    OPEN_END,
    OPEN_WORD_END,
    join_title_lines,
    session_line,
    structural_pick,
    title_never,
    title_skips,
    typed_line_start,
)
from pipeline.paths import DEFAULT_TITLE_DIR

WEIGHTS_FILE = "title.npz"
CARD_FILE = "model_card.json"
FORMAT = "antragsradar-title-1"
N_FEATURES = 1 << 15
HEAD_LINES = 40  # non-empty lines of the head that may hold the title
# Starts tried, best first, before giving up on the model.
MAX_STARTS = 5
MAX_CONTINUATION = 3
MAX_TITLE_CHARS = 200

_WORD = re.compile(r"[A-Za-zÄÖÜäöüß0-9]+")
_DATE = re.compile(r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}")
# Where the head ends: the request or its justification begins.
_BODY_START = re.compile(
    r"(?i)\b(?:möge|mögen|wolle|wollen)\b[^\n.]{0,40}\bbeschließen|^(?:zur\s+)?(?:begründung|"
    r"sachverhalt|erläuterung(?:en)?)\b|^(?:wir\s+(?:beantragen|fragen|bitten)|beschlussvorschlag|"
    r"antragstext|beschlussantrag)\b"
)


@dataclass(frozen=True)
class Line:
    """A non-empty line of the head: stripped text, its place, and whether blank lines border it."""

    text: str
    index: int  # among the non-empty lines
    blank_before: bool
    blank_after: bool


def head_lines(text: str, limit: int = HEAD_LINES) -> list[Line]:
    """The non-empty lines of the head; a line that ends in a word broken at the line's end
    is one line with the next, which goes on in lower case (as cleaning joins them: "Klima-
    und" keeps its hyphen), so that a title's second half is never read as a line of its own."""
    raw = text.splitlines()
    out: list[Line] = []
    k = 0
    while k < len(raw):
        s = raw[k].strip().lstrip("#").strip()
        before = k == 0 or not raw[k - 1].strip()
        while k + 1 < len(raw) and (joined := join_broken(s, raw[k + 1].strip())):
            k += 1
            s = joined
        k += 1
        if not s:
            continue
        after = k >= len(raw) or not raw[k].strip()
        out.append(Line(s, len(out), before, after))
        if len(out) >= limit:
            break
    return out


@lru_cache(maxsize=1)
def _patterns() -> tuple[list[re.Pattern[str]], re.Pattern[str]]:
    return title_skips(), typed_line_start()


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


SHAPE_CHARS = 240  # a longer line is running text: its start tells what it is


@lru_cache(maxsize=65_536)
def _shape(line: str) -> tuple[str, ...]:
    """What one line looks like, independent of its neighbours."""
    skip, typed = _patterns()
    s = line[:SHAPE_CHARS]
    words = _WORD.findall(line)
    letters = [c for c in s if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / max(1, len(letters))
    digits = sum(c.isdigit() for c in s) / max(1, len(s))
    last = line[-1]
    end = last if last in ":.?!-–)(\"“”„'" else ("d" if last.isdigit() else "a")
    first = s[0]
    start = "U" if first.isupper() else "l" if first.islower() else "d" if first.isdigit() else "p"
    f = [
        f"w={_bucket(len(words), (1, 2, 3, 5, 8, 12, 18, 25))}",
        f"end={end}",
        f"start={start}",
        f"caps={'all' if upper > 0.8 else 'many' if upper > 0.4 else 'few'}",
        f"digits={'many' if digits > 0.25 else 'some' if digits > 0.05 else 'none'}",
    ]
    f += [f"skip{k}" for k, p in enumerate(skip) if p.search(s)]
    if typed.search(s):
        f.append("typed")
    if _DATE.search(s):
        f.append("date")
    if ":" in s[:-1]:
        f.append("colon_inside")
    if _BODY_START.search(s):
        f.append("body_start")
    if words:
        f += [f"first={words[0].lower()}", f"last={words[-1].lower()}"]
    return tuple(f)


def _prefixed(line: str, prefix: str) -> list[str]:
    return [prefix + x for x in _shape(line)]


def line_features(lines: list[Line], i: int, body_from: int, rule_pick: int | None) -> list[str]:
    """Features of line ``i`` as the title's first line; ``rule_pick``: the line the skip
    rules alone would take (``title_rules.structural_pick``)."""
    ln = lines[i]
    f = list(_shape(ln.text))
    if rule_pick is not None:
        f.append(
            "rule_pick"
            if i == rule_pick
            else "before_rule_pick"
            if i < rule_pick
            else "after_rule_pick"
        )
    f.append(f"pos={_bucket(i, (0, 1, 2, 3, 5, 8, 12, 20, 30))}")
    f.append("after_body" if i >= body_from else "before_body")
    f.append(f"blank={int(ln.blank_before)}{int(ln.blank_after)}")
    f += _prefixed(lines[i - 1].text, "p:") if i > 0 else ["p:none"]
    f += _prefixed(lines[i + 1].text, "n:") if i + 1 < len(lines) else ["n:none"]
    return f


def continuation_features(lines: list[Line], i: int) -> list[str]:
    """Features of line ``i + 1`` going on with a title whose last line so far is ``i``."""
    cur, nxt = lines[i], lines[i + 1]
    f = _prefixed(cur.text, "c:") + _prefixed(nxt.text, "n:")
    f.append(f"gap={int(cur.blank_after)}")
    f.append(f"len={_bucket(len(cur.text), (20, 40, 60, 80, 100))}")
    return f


def hashed(features: list[str], n_features: int = N_FEATURES) -> np.ndarray:
    mask = n_features - 1
    return np.array(
        sorted({zlib.crc32(x.encode("utf-8")) & mask for x in features}), dtype=np.int64
    )


def body_start(lines: list[Line]) -> int:
    return next((ln.index for ln in lines if _BODY_START.search(ln.text)), len(lines))


def all_line_features(lines: list[Line]) -> list[list[str]]:
    """``line_features`` of every line of the head."""
    body = body_start(lines)
    pick = structural_pick([ln.text for ln in lines[:30]])[0]
    return [line_features(lines, i, body, pick) for i in range(len(lines))]


CLOSING_WORDS = 3


# "Schuldner- / und Insolvenzberatung": a hyphen before these is no line-end hyphenation
def _unfinished(lines: list[Line], i: int) -> bool:
    """Whether title line ``i`` cannot end the title (an open word or a hyphen at its end, or
    a short lower-case line below it) and line ``i + 1`` follows it without a blank line."""
    return not lines[i].blank_after and bool(
        OPEN_END.search(lines[i].text) or _closing_words(lines[i + 1].text)
    )


def _closing_words(line: str) -> bool:
    """A short lower-case line right below a title line: the verb or words that close it
    ("Schwimmbäder sichern – Bundesprogramm für kommunale Bäder" / "auflegen")."""
    return line[:1].islower() and len(line.split()) <= CLOSING_WORDS


@dataclass
class TitleModel:
    """Two logistic models over hashed line features: title start and title continuation."""

    w_start: np.ndarray
    b_start: float
    w_cont: np.ndarray
    b_cont: float
    threshold: float  # the best line's probability below which the skip rules decide
    n_features: int = N_FEATURES
    card: dict[str, Any] = field(default_factory=dict)

    def _p(self, w: np.ndarray, b: float, feats: list[str]) -> float:
        z = float(w[hashed(feats, self.n_features)].sum()) + b
        return 1.0 / (1.0 + np.exp(-z))

    def start_probs(self, lines: list[Line]) -> list[float]:
        return [self._p(self.w_start, self.b_start, f) for f in all_line_features(lines)]

    def title(self, text: str) -> str:
        """The title read from the head of ``text``, or "" where no line is likely enough (the
        skip rules of ``textmeta`` decide then)."""
        lines = head_lines(text)
        if not lines:
            return ""
        probs = self.start_probs(lines)
        never = title_never()
        probs = [
            0.0 if any(n.search(ln.text) for n in never) else p
            for ln, p in zip(lines, probs, strict=True)
        ]
        # The best start whose title, continuation lines joined, is no letterhead either: a
        # faction's letterhead over two lines ("FWG-Fraktion und Bündnis 90/Die Grünen" / "im
        # Verbandsgemeinderat Rhein-Selz") is only seen whole.
        for best in np.argsort(-np.asarray(probs), kind="stable")[:MAX_STARTS]:
            if probs[best] < self.threshold:
                break
            title = self._joined(lines, int(best))
            if not any(n.search(title) for n in never):
                return title
        return ""

    def _joined(self, lines: list[Line], best: int) -> str:
        """The title starting at line ``best``, with the lines that continue it (never a line
        that names the session it is put to: "zur Sitzung des Kreistages am 01.12.2026")."""
        parts = [lines[best].text]
        i = best
        while (
            i + 1 < len(lines)
            and not session_line().search(lines[i + 1].text)
            and len(parts) <= MAX_CONTINUATION
            and sum(len(p) for p in parts) < MAX_TITLE_CHARS
            and (
                _unfinished(lines, i)
                or self._p(self.w_cont, self.b_cont, continuation_features(lines, i)) >= 0.5
            )
        ):
            i += 1
            parts.append(lines[i].text)
            if _closing_words(lines[i].text) and not OPEN_WORD_END.search(lines[i].text):
                break  # the words that close a title end it
        title = parts[0]
        for part in parts[1:]:
            title = join_title_lines(title, part)
        return title[:MAX_TITLE_CHARS]

    # --- persistence -------------------------------------------------------------------------

    def save(self, directory: str | Path) -> dict[str, Any]:
        """Write ``title.npz`` and ``model_card.json`` (with the weights' sha256)."""
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        path = d / WEIGHTS_FILE
        np.savez_compressed(
            path,
            w_start=self.w_start.astype(np.float32),
            w_cont=self.w_cont.astype(np.float32),
            b=np.array([self.b_start, self.b_cont, self.threshold], dtype=np.float64),
        )
        card = dict(self.card)
        card.update(
            {
                "format": FORMAT,
                "n_features": self.n_features,
                "threshold": self.threshold,
                "weights": {"file": WEIGHTS_FILE, "sha256": sha256_file(path)},
            }
        )
        (d / CARD_FILE).write_text(
            json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        self.card = card
        return card

    @classmethod
    def load(cls, directory: str | Path = DEFAULT_TITLE_DIR) -> TitleModel:
        where = str(directory)
        retrain = "retrain it with `antragsradar train --component title`"
        card_path = Path(directory) / CARD_FILE
        try:
            card = json.loads(card_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{where}: no readable {CARD_FILE} ({exc}); {retrain}") from None
        if not isinstance(card, dict) or card.get("format") != FORMAT:
            got = card.get("format") if isinstance(card, dict) else None
            raise ModelError(
                f"{where}: title model format {got!r}, this version reads {FORMAT!r}; {retrain}"
            )
        path = Path(directory) / WEIGHTS_FILE
        if not path.is_file():
            raise ModelError(f"{where}: {WEIGHTS_FILE} is missing; {retrain}")
        if (card.get("weights") or {}).get("sha256") != sha256_file(path):
            raise ModelError(f"{where}: {WEIGHTS_FILE} does not match the card's sha256; {retrain}")
        try:
            with np.load(path, allow_pickle=False) as z:
                w_start, w_cont, b = z["w_start"], z["w_cont"], z["b"]
        except Exception as exc:  # noqa: BLE001  any decoding failure means the same to a user
            raise ModelError(f"{where}: {WEIGHTS_FILE} cannot be read ({exc}); {retrain}") from None
        n = int(card.get("n_features") or 0)
        if w_start.shape != (n,) or w_cont.shape != (n,) or b.shape != (3,):
            raise ModelError(f"{where}: {WEIGHTS_FILE} does not fit the card; {retrain}")
        return cls(w_start, float(b[0]), w_cont, float(b[1]), float(b[2]), n, card)


@lru_cache(maxsize=1)
def default_model() -> TitleModel | None:
    """The title model of ``$ANTRAGSRADAR_TITLE_MODEL`` (a folder written by ``antragsradar
    train --component title``), else the shipped one; None where none is shipped (the rules
    decide then)."""
    chosen = os.environ.get("ANTRAGSRADAR_TITLE_MODEL")
    if chosen:
        if not (Path(chosen) / CARD_FILE).is_file():
            raise ModelError(
                f"ANTRAGSRADAR_TITLE_MODEL={chosen}: no title model there; set it to a folder "
                "written by `antragsradar train --component title`, or unset it"
            )
        return TitleModel.load(chosen)
    if not (DEFAULT_TITLE_DIR / CARD_FILE).is_file():
        return None
    return TitleModel.load(DEFAULT_TITLE_DIR)
