"""Evidence spans: cleaned-text offsets mapped back to the original text."""

from __future__ import annotations

import re

from spacy.tokens import Doc

MAX_EVIDENCE = 150

# Computed once per Doc by the functions below and read by every component: the Doc's text
# (str) and its sentences' (start, end) character offsets.
for _name in ("plain_text", "sentence_offsets"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _inside_word(text: str, pos: int) -> bool:
    """True if ``pos`` falls between two letters or digits of one word."""
    return 0 < pos < len(text) and text[pos - 1].isalnum() and text[pos].isalnum()


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isalnum():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    n = len(text)
    while pos < n and text[pos].isalnum():
        pos += 1
    return pos


# A letter's salutation, which the sentence segmenter joins to the sentence it opens ("Sehr
# geehrter Herr Oberbürgermeister,\n\nwir beantragen, ..."): no part of the evidence.
_SALUTATION = re.compile(r"(?:Sehr geehrte[rn]?|Liebe[rn]?)\b[^\n,]{0,120},\s+")


def trim_span(
    text: str, start: int, end: int, anchor: int | None = None, limit: int = MAX_EVIDENCE
) -> tuple[int, int]:
    """Shrink [start, end) to at most ``limit`` characters around ``anchor``, at word bounds,
    without leading/trailing white space or punctuation or a letter's salutation. Never cuts a
    word: an edge inside a word moves to the word's bound (inwards where that keeps the anchor,
    else outwards)."""
    anchor = end if anchor is None else anchor
    if (sal := _SALUTATION.match(text, start, end)) and sal.end() <= anchor:
        start = sal.end()
    if end - start > limit:
        start = max(start, anchor - limit // 2 if end - anchor > limit // 2 else end - limit)
        end = min(end, start + limit)
    if _inside_word(text, start):
        nxt = _word_end(text, start)
        start = nxt if nxt <= anchor else _word_start(text, start)
    if _inside_word(text, end):
        prev = _word_start(text, end)
        end = prev if prev > anchor else _word_end(text, end)
    while start < end and (text[start].isspace() or text[start] in ",;:-–•·▪*"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def doc_text(doc: Doc) -> str:
    """The Doc's text without rebuilding it from tokens (``doc.text`` does, on every access)."""
    text = doc._.plain_text
    if text is None:
        clean = doc._.clean
        n = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        text = clean.text if clean is not None and len(clean.text) == n else doc.text
        doc._.plain_text = text
    return text


def evidence(doc: Doc, start: int, end: int) -> tuple[str, int, int]:
    """(original substring, original start, original end) for the cleaned span [start, end)."""
    clean = doc._.clean
    if clean is None:
        return doc_text(doc)[start:end], start, end
    a, b = clean.to_original(start, end)
    orig = clean.original
    # Cleaning joins words hyphenated at line ends: keep whole words of the original.
    if _inside_word(orig, a):
        a = _word_start(orig, a)
    if _inside_word(orig, b):
        b = _word_end(orig, b)
    return orig[a:b], a, b


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences, computed once per Doc from the
    sentence-start flags (iterating ``doc.sents`` builds Span objects and is slow)."""
    cached = doc._.sentence_offsets
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
    doc._.sentence_offsets = spans
    return spans


# --- quotes: where an annotator's or a title's words stand in a text ------------------------------

_WS = re.compile(r"\s+")
# A line-end hyphenation in the squeezed text ("Verwal- tung"), which a quote may have joined.
_BREAK_HYPHEN = re.compile(r"(?<=\w)- (?=\w)")


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Whitespace runs as one space, with each kept character's offset in the original."""
    out, where = [], []
    for m in re.finditer(r"\s+|\S", text):
        out.append(" " if m.group().isspace() else m.group())
        where.append(m.start())
    return "".join(out), where


def _find_squeezed(hay: str, where: list[int], needle: str) -> tuple[int, int] | None:
    for h, n in ((hay, needle), (hay.lower(), needle.lower())):
        i = h.find(n)
        if i >= 0:
            return where[i], where[i + len(n) - 1] + 1
    return None


def find_span(text: str, quote: str) -> tuple[int, int] | None:
    """Offsets of an evidence quote in ``text``: exact, else with runs of white space (line
    breaks of a PDF text) matched as one space, case-insensitively if need be, else across a
    line-end hyphenation the quote joined."""
    quote = quote.strip()
    if not quote:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    squeezed, where = _squeeze(text)
    q = _WS.sub(" ", quote)
    span = _find_squeezed(squeezed, where, q)
    if span is None and "- " in squeezed:
        keep = [k for k in range(len(squeezed)) if not _in_break(squeezed, k)]
        span = _find_squeezed("".join(squeezed[k] for k in keep), [where[k] for k in keep], q)
    return span


def _in_break(squeezed: str, k: int) -> bool:
    """Whether position k is the hyphen or the space of a line-end hyphenation."""
    m = _BREAK_HYPHEN.match(squeezed, k) or (k > 0 and _BREAK_HYPHEN.match(squeezed, k - 1))
    return bool(m)
