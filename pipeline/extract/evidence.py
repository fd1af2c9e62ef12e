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


def doc_text(doc: Doc) -> str:
    """The Doc's text without rebuilding it from tokens (``doc.text`` does, on every access)."""
    text = doc.user_data.get("_text")
    if text is None:
        clean = doc._.clean
        n = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        text = clean.text if clean is not None and len(clean.text) == n else doc.text
        doc.user_data["_text"] = text
    return text


def evidence(doc: Doc, start: int, end: int) -> tuple[str, int, int]:
    """(original substring, original start, original end) for the cleaned span [start, end)."""
    clean = doc._.clean
    if clean is None:
        return doc_text(doc)[start:end], start, end
    a, b = clean.to_original(start, end)
    return clean.original[a:b], a, b


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences, computed once per Doc from the
    sentence-start flags (iterating ``doc.sents`` builds Span objects and is slow)."""
    cached = doc.user_data.get("_sentence_spans")
    if cached is not None:
        return cached
    if len(doc) == 0:
        spans: list[tuple[int, int]] = []
    else:
        arr = doc.to_array(["SENT_START", "IDX"])
        starts = arr[arr[:, 0] == 1, 1].tolist() or [0]
        if starts[0] != 0:
            starts.insert(0, 0)
        ends = starts[1:] + [len(doc_text(doc))]
        spans = list(zip(starts, ends, strict=True))
    doc.user_data["_sentence_spans"] = spans
    return spans
