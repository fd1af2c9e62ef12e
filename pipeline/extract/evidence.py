"""Evidence spans: cleaned-text offsets mapped back to the original text."""

from __future__ import annotations

from spacy.tokens import Doc

MAX_EVIDENCE = 150


def trim_span(
    text: str, start: int, end: int, anchor: int | None = None, limit: int = MAX_EVIDENCE
) -> tuple[int, int]:
    """Shrink [start, end) to at most ``limit`` characters around ``anchor``, at word bounds,
    without leading/trailing white space or punctuation."""
    if end - start > limit:
        anchor = end if anchor is None else anchor
        start = max(start, anchor - limit // 2 if end - anchor > limit // 2 else end - limit)
        end = min(end, start + limit)
        if start > 0 and not text[start - 1].isspace():
            sp = text.find(" ", start, end)
            start = sp + 1 if sp != -1 and sp < anchor else start
        if end < len(text) and not text[end].isspace():
            sp = text.rfind(" ", start, end)
            end = sp if sp > anchor else end
    while start < end and (text[start].isspace() or text[start] in ",;:-–•·▪*"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def evidence(doc: Doc, start: int, end: int) -> tuple[str, int, int]:
    """(original substring, original start, original end) for the cleaned span [start, end)."""
    clean = doc._.clean
    if clean is None:
        return doc.text[start:end], start, end
    a, b = clean.to_original(start, end)
    return clean.original[a:b], a, b
