"""The content words of a topic, as the topic score and the learned topic ranker see them:
lower-cased lemmas without stop words. One definition, so that what the ranker learns to pick
is what ``antragsradar evaluate`` scores."""

from __future__ import annotations

import re
from functools import lru_cache

STOP_WORDS = frozenset(
    """aber als am an auf aus bei beim bis dem den der des die das dass durch ein eine einem
    einen einer eines für fuer im in ins ist mit nach oder sowie über um und vom von vor zu zum
    zur zwischen e v ev sich sie es wir ihr""".split()
)
TOKEN = re.compile(r"[0-9A-Za-zÄÖÜäöüß]+")


@lru_cache(maxsize=50_000)
def lemma_key(word: str) -> str:
    """A word's lower-cased lemma (the word itself where the lemmatizer is missing)."""
    try:
        from pipeline.lemmas import lemmatize

        return lemmatize(word).lower()
    except Exception:  # noqa: BLE001  simplemma missing: fall back to the word itself
        return word.lower()


def is_content(word: str) -> bool:
    return len(word) > 1 and word.lower() not in STOP_WORDS


def content_tokens(text: str | None) -> list[str]:
    """Lower-cased lemmas of ``text`` without stop words."""
    if not text:
        return []
    return [lemma_key(w) for w in TOKEN.findall(text) if is_content(w)]
