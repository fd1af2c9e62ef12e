"""Checks every reader applies to one document: encoding, binary content, dates, language, ids.

A problem with one document becomes a ``BadDocument`` (turned into a recorded Failure by the
reader) or a note in the motion's ``meta``; it never stops the run.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections import Counter
from datetime import date
from typing import Any

from pipeline.errors import InputError
from pipeline.record import Failure, Motion

# Texts in control characters beyond this share are not text (tabs, newlines, form feeds are fine).
MAX_CONTROL_SHARE = 0.01
FALLBACK_ENCODING = "cp1252"  # older council exports are Windows-1252
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MONTHS = (
    "januar februar märz april mai juni juli august september oktober november dezember".split()
)
_MONTH_ALIASES = {"jänner": 1, "maerz": 3, "marz": 3, "sept": 9}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_GERMAN_NUMERIC = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})")
_GERMAN_WRITTEN = re.compile(r"(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\.?\s+(\d{4})")
_WORD = re.compile(r"[a-zäöüßéèàç]+")
# The commonest function words; a German motion has far more of the first than of the others.
_FUNCTION_WORDS = {
    "de": set(
        "der die das und ist nicht zu den mit von wird für auf dem des eine ein sich im "
        "werden wir soll durch".split()
    ),
    "en": set("the and of to is in that for with be are this it on as by from we should".split()),
    "fr": set("le la les et des est que pour dans une du pas sur au aux nous sont il".split()),
}
MIN_FUNCTION_WORDS = 8
MIN_YEAR, MAX_YEAR = (
    1900,
    2100,
)  # dates outside are typos, not motions  # fewer than this: too short to tell


class BadDocument(InputError):
    """One document cannot be used; the reason names what is wrong with it."""


def content_id(prefix: str, data: bytes | str) -> str:
    """A stable id from content, for documents that bring none."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    return f"{prefix}-{hashlib.sha256(raw).hexdigest()[:16]}"


def json_id(prefix: str, obj: Any) -> str:
    return content_id(prefix, json.dumps(obj, sort_keys=True, ensure_ascii=False, default=str))


def printable(name: str) -> str:
    """A file name as text that can be printed and stored (undecodable bytes as \\xNN)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: every other byte of Latin text is NUL."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, meta: dict[str, Any] | None = None) -> str:
    """Text of ``data``: a BOM's encoding, UTF-16 without BOM, strict UTF-8; then, noted in
    ``meta["encoding"]``, UTF-8 with its few invalid bytes replaced when the rest is UTF-8,
    else Windows-1252. Binary data raises BadDocument.
    """
    sniff_binary(data)
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    encoding = encoding or _utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BadDocument(
                f"not valid {encoding} text ({exc.reason} at byte {exc.start})"
            ) from None
        if meta is not None and encoding != "utf-8-sig":
            meta["encoding"] = encoding
        return check_text(text)
    try:
        return check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(1 for ch in text if ord(ch) > 127) - bad >= bad:
        # Mostly UTF-8 with a few broken bytes: decoding it all as cp1252 would garble every
        # umlaut ("mÃ¶ge"), so only the broken bytes are replaced.
        if meta is not None:
            meta["encoding"] = f"utf-8 ({bad} invalid byte(s) replaced by U+FFFD)"
        return check_text(text)
    if meta is not None:
        meta["encoding"] = f"{FALLBACK_ENCODING} (fallback: not valid UTF-8)"
    return check_text(data.decode(FALLBACK_ENCODING, errors="replace"))


def sniff_binary(data: bytes) -> None:
    """BadDocument for bytes that are a PDF or another binary format, not text."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF"):
        raise BadDocument("PDF bytes in a text file; rename it to .pdf")
    for magic, what in ((b"PK\x03\x04", "a ZIP/Office file"), (b"\x1f\x8b", "gzip data")):
        if head.startswith(magic):
            raise BadDocument(f"binary data ({what}) in a text file; not analysed")


def check_text(text: str) -> str:
    """``text`` unless it is mostly control characters (binary data read as text)."""
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise BadDocument("binary data, not text (control characters); not analysed")
    return text


def parse_date(value: Any) -> tuple[str | None, str | None]:
    """An ISO date from "2024-03-12", "2024-03-12T10:00:00+01:00", "12.03.2024", "12. März 2024";
    (None, reason) for anything else; (None, None) for no value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if not isinstance(value, str):
        return None, f"date {value!r} is not text"
    v = value.strip()
    parts = _date_parts(v)
    if parts is None:
        return None, f"date {v[:40]!r} is not a date (use 2024-03-12 or 12.03.2024)"
    y, m, d = parts
    try:
        iso = date(y, m, d).isoformat()
    except ValueError:
        return None, f"date {v[:40]!r} does not exist"
    if not MIN_YEAR <= y <= MAX_YEAR:  # a typo such as 0204 or 2204 would skew every trend
        return None, f"date {v[:40]!r} is outside {MIN_YEAR}–{MAX_YEAR}"
    return iso, None


def _date_parts(v: str) -> tuple[int, int, int] | None:
    if m := _ISO.fullmatch(v):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _GERMAN_NUMERIC.fullmatch(v):
        year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
        return year, int(m[2]), int(m[1])
    if m := _GERMAN_WRITTEN.fullmatch(v):
        name = m[2].lower()
        month = _MONTHS.index(name) + 1 if name in _MONTHS else _MONTH_ALIASES.get(name)
        if month is None:
            month = next((i + 1 for i, n in enumerate(_MONTHS) if n[:3] == name[:3]), None)
        return (int(m[3]), month, int(m[1])) if month else None
    return None


def language_of(text: str) -> str | None:
    """ "de", "en" or "fr" by function words, None when the text is too short to tell."""
    # Counted once per distinct word, then looked up per function word (a few dozen).
    seen = Counter(_WORD.findall(text[:20000].lower()))
    counts = {
        lang: sum(seen[w] for w in words if w in seen) for lang, words in _FUNCTION_WORDS.items()
    }
    if sum(counts.values()) < MIN_FUNCTION_WORDS:
        return None
    return max(counts, key=counts.__getitem__)


def set_date(m: Motion, value: Any) -> None:
    """The motion's date, normalised; an impossible one is stored as null with the reason."""
    m.date, problem = parse_date(value)
    if problem:
        m.meta["date_problem"] = f"{problem}; stored without a date"


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _no_surrogates(value: Any) -> Any:
    """``value`` with lone surrogates (from JSON escapes like \\ud800) replaced by "?", one
    character for one, so offsets hold; they cannot be printed or stored."""
    if isinstance(value, str):
        return _SURROGATE.sub("?", value) if _SURROGATE.search(value) else value
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in value.items()}
    return value


def _sanitise(m: Motion) -> None:
    for name in ("id", "text", "title", "date", "paper_type", "body", "source_file"):
        setattr(m, name, _no_surrogates(getattr(m, name)))
    m.groups = _no_surrogates(m.groups)
    m.meta = _no_surrogates(m.meta)


def checked(m: Motion, skip_non_german: bool = False) -> Motion | Failure:
    """``m`` after the checks every motion gets; a Failure when it cannot be used."""
    _sanitise(m)
    try:
        check_text(m.text)
    except BadDocument as exc:
        return Failure(m.source_file, str(exc), m.id)
    lang = language_of(m.text)
    if lang and lang != "de":
        if skip_non_german:
            return Failure(
                m.source_file, f"text looks {lang}, not German; skipped (--skip-non-german)", m.id
            )
        m.meta["language"] = lang
        m.meta["language_note"] = f"text looks {lang}, not German: the analysis expects German"
    return m
