"""German money amounts: "1.000", "50.000 €", "1,5 Mio. Euro", "-89.400", "T€" — and not dates."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.patterns import load_patterns

# A number in German notation; the look-arounds keep dates ("12.11.2024"), ranges of years
# ("2024/2025"), paragraph numbers and phone numbers from being read in parts.
NUMBER = r"(?<![\d.,/:\-–])(?P<sign>[-–−]\s?)?(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d{1,2}|-))?(?![\d/]|\.\d|,\d)"
SCALE = r"(?P<scale>Mio\.?|Millionen|Million|Mrd\.?|Milliarden|Milliarde|Tsd\.?|Tausend|T€|TEUR|k€)"
CURRENCY = r"(?P<cur>€|EUR\b|Euro\b)"
# Beside a currency or scale word, thousands may also be set off by a space, as the Bundestag
# and many budget tables print them ("65 000 Euro", "30 000 T€"); not in table rows, whose
# columns a single space may separate.
SPACED_NUMBER = NUMBER.replace(r"(?P<int>", r"(?P<int>\d{1,3}(?:[ \u00a0\u202f]\d{3})+|", 1)
MONEY = re.compile(rf"{SPACED_NUMBER}\s?(?:{SCALE}\s?)?{CURRENCY}")
# "36 Millionen" without a currency: taken as money unless a unit of something else follows.
MONEY_SCALE = re.compile(
    rf"{SPACED_NUMBER}\s?{SCALE}(?!\.?\s?(?:€|EUR|Euro|Einwohner|Menschen|Personen|Fahrg|Besucher|Tonnen|km|Kilometer|m²|qm|Quadratmeter|Liter|kWh|Stunden|Jahre))"
)
# "€ 1.500", "EUR -300"; "TEUR 180" in thousands
CURRENCY_FIRST = re.compile(
    r"(?P<cur>T€|TEUR|€|EUR|Euro)\s?(?P<sign>[-–−])?(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d{1,2}|-))?(?![\d])"
)
ROW_NUMBER = re.compile(rf"{NUMBER}\s?(?:€|EUR|Euro|T€)?")
MONEY_WORD = re.compile(r"€|EUR|Euro|Mio|Million|Mrd|Milliarde|Tsd|Tausend|T€|TEUR|k€")
SCALES = {
    "mio": 1e6,
    "million": 1e6,
    "millionen": 1e6,
    "mrd": 1e9,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "tsd": 1e3,
    "tausend": 1e3,
    "t€": 1e3,
    "teur": 1e3,
    "k€": 1e3,
}


@dataclass(frozen=True)
class Amount:
    value: float
    start: int
    end: int


def _value(m: re.Match[str]) -> float:
    digits = re.sub(r"[.\s]", "", m.group("int"))
    frac = m.group("frac")
    v = float(digits + ("." + frac if frac and frac != "-" else ""))
    scale = (m.groupdict().get("scale") or "").lower().rstrip(".")
    if not scale and (m.groupdict().get("cur") or "").startswith("T"):
        scale = "t€"
    v *= SCALES.get(scale, 1.0)
    if m.group("sign"):
        v = -v
    return round(v, 2)


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[Amount]:
    """Money amounts with a currency or a scale word ("1,5 Mio.") in ``text[start:end]``."""
    end = len(text) if end is None else end
    out = []
    # Only the neighbourhood of a currency or scale word can hold an amount.
    windows: list[tuple[int, int]] = []
    for k in MONEY_WORD.finditer(text, start, end):
        a, b = max(start, k.start() - 30), min(end, k.end() + 30)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    for pat in (MONEY, MONEY_SCALE, CURRENCY_FIRST):
        for a, b in windows:
            for m in pat.finditer(text, a, b):
                try:
                    out.append(Amount(_value(m), m.start(), m.end()))
                except (ValueError, IndexError):
                    continue
    out.sort(key=lambda a: a.start)
    # of overlapping matches the first; a match after a dropped one is compared with the one
    # kept ("200 € 300 €": "€ 300" goes, "300 €" stays)
    kept: list[Amount] = []
    for amount in out:
        if not kept or amount.start >= kept[-1].end:
            kept.append(amount)
    return [_range_start(text, a, start) for a in kept]


# The first figure of a range whose currency follows only its second ("zwischen 40.000 und
# 60.000 €", "15.000 bis 20.000 €", "40 – 60 Mio. €"): the amount is the figure stated first,
# as for a per-year table's first year (ANNOTATION.md).
_RANGE_START = re.compile(
    rf"(?:(?P<between>zwischen)\s+|\bvon\s+)?{SPACED_NUMBER}\s?(?:{SCALE}\s?)?"
    r"(?P<link>bis(?!\s+zu\b)|und|[-–])\s*$"
)


# "40 – 60 Mio. €": the dash links a range, no minus sign of the second figure.
_DASH_AFTER_NUMBER = re.compile(r"\d\s*$")


def _range_start(text: str, amount: Amount, start: int) -> Amount:
    at = amount.start
    if amount.value < 0 and text[at] in "-–−" and _DASH_AFTER_NUMBER.search(text, start, at):
        upper_value = -amount.value
        m = _RANGE_START.search(text, max(start, at - 40), at + 1)
    else:
        upper_value = amount.value
        m = _RANGE_START.search(text, max(start, at - 40), at)
    if not m or (m.group("link") == "und" and not m.group("between")) or m.group("sign"):
        return amount
    if YEAR.match(m.group("int")) and not m.group("frac") and not m.group("scale"):
        return amount  # "2026 bis 50.000 €": a year, not the range's start
    upper = next((u for pat in (MONEY, MONEY_SCALE) if (u := pat.match(text, at))), None)
    try:
        value = _value(m)
    except (ValueError, IndexError):
        return amount
    if not m.group("scale") and upper is not None and upper.groupdict().get("scale"):
        value = round(value * SCALES.get(upper.group("scale").lower().rstrip("."), 1.0), 2)
    elif not m.group("scale") and upper is not None and (upper.group("cur") or "")[:1] == "T":
        value *= 1e3
    if not 0 < value < upper_value:
        return amount
    return Amount(value, m.start("int"), amount.end)


_FROM = re.compile(r"\bvon\s*$")
_BY = re.compile(r"\s+um\s+")
_STEP = re.compile(r"\bum\s*$")
_TO = re.compile(r"\s+auf\s+")
# an amendment's "„1.200,00 €“ durch „2.000,00 €“ ersetzt" (also "durch die Angabe „…“")
_REPLACED_BY = re.compile(r"[“\"«]?\s*durch\s+(?:(?:die|den|das)\s+\w+\s+)?[„\"»]?")
_REPLACING = re.compile(r"[“\"«]?\s*ersetzt\b")


def changed_totals(text: str, amounts: list[Amount]) -> set[Amount]:
    """The figures of a change that are not its amount: the old and new totals around a step
    ("von 40 TEUR um 25 TEUR auf 65 TEUR": 40 and 65; "um 150 TEUR auf 400 TEUR": 400), the old
    total of a change without one ("von 310 T€ auf 160 T€": 310) and an amendment's replaced
    figure ("„1.200 €“ durch „2.000 €“ ersetzt": 1.200). The step, else the new total, is the
    amount the motion asks for, as our annotators give it."""
    out: set[Amount] = set()
    for i, a in enumerate(amounts[:-1]):
        b = amounts[i + 1]
        if _REPLACED_BY.fullmatch(text, a.end, b.start) and _REPLACING.match(text, b.end):
            out.add(a)
            continue
        if _STEP.search(text, max(0, a.start - 8), a.start) and _TO.fullmatch(text, a.end, b.start):
            out.add(b)  # "um 150 TEUR auf 400 TEUR": the new total after the step
            continue
        if not _FROM.search(text, max(0, a.start - 8), a.start):
            continue
        c = amounts[i + 2] if i + 2 < len(amounts) else None
        if _BY.fullmatch(text, a.end, b.start):
            if c is not None and _TO.fullmatch(text, b.end, c.start):
                out |= {a, c}
        elif _TO.fullmatch(text, a.end, b.start):
            out.add(a)
    return out


def parse_number(token: str) -> float | None:
    """A single German number token ("10.560", "-9.610", "13.500€", "0") or None."""
    m = ROW_NUMBER.fullmatch(token.strip())
    if not m:
        return None
    try:
        return _value(m)
    except ValueError:
        return None


YEAR = re.compile(r"^(?:19|20)\d\d$")
NOT_MONEY_LINE = re.compile(load_patterns("amounts.json")["not_money_line"])
ROW_TOKEN = re.compile(r"(?:[-–−]\s?)?\d[\d.,]*\s?(?:€|EUR|Euro|T€)?|[^\d\s-][^\s]*")


def form_row_amounts(text: str, start: int, end: int) -> list[Amount]:
    """First non-zero figure of each row of a budget form's per-year table.

    A row is a run of numbers with nothing but white space between them; years of the table
    head, decimal figures below 100 (positions, "9,00" Stellen) and lines of positions or pay
    grades ("1,0 Stelle E 13 / A 14") are not amounts.
    """
    rows: list[list[Amount]] = [[]]
    skip: list[tuple[int, int]] = []
    for lm in NOT_MONEY_LINE.finditer(text, start, end):
        a = text.rfind("\n", start, lm.start()) + 1
        b = text.find("\n", lm.end(), end)
        skip.append((max(a, start), b if b != -1 else end))
    for m in ROW_TOKEN.finditer(text, start, end):
        if skip and any(a <= m.start() < b for a, b in skip):
            if rows[-1]:
                rows.append([])
            continue
        tok = m.group(0).strip()
        if not tok[:1].isdigit() and tok[:1] not in "-–−":
            if rows[-1]:
                rows.append([])
            continue
        if YEAR.match(tok):
            continue
        v = parse_number(tok)
        if v is None:
            if rows[-1]:
                rows.append([])
            continue
        if "," in tok and abs(v) < 100:
            continue
        rows[-1].append(Amount(v, m.start(), m.start() + len(m.group(0).rstrip())))
    out = []
    for row in rows:
        nonzero = [a for a in row if a.value]
        if nonzero:
            out.append(nonzero[0])
    return out


# A budget table whose figures are in thousands, the unit in its head or in a row's label
# ("(in T€)", "– in Tsd. EUR –", "Ansatz (T€)  3.000  3.000").
_THOUSANDS = re.compile(
    r"\((?:in\s+)?(?:T€|TEUR|Tsd\.?\s*(?:€|EUR|Euro))\)|[–-]\s*in\s+(?:T€|TEUR|Tsd\.?\s*(?:€|EUR|Euro))\s*[–-]"
)
_SIGNED = re.compile(r"(?<![\w.,])([+–−-])[ \t]?(\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?)(?![\d.,])")
_PLAIN = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?)(?![\d.,/])")
_TABLE_LINES = re.compile(r"(?:[^\n]*\n){1,10}|[^\n]+")  # the unit's line and the nine below


def table_amount(text: str, start: int, end: int) -> Amount | None:
    """The amount of a budget table in thousands that opens in ``text[start:end]``: its first
    signed figure (the change: "Veränderung  + 180", "+ 5.000,0"), else the first figure after
    the unit on the unit's own row ("Ansatz (T€)  3.000  3.000": the first year's), in euros;
    None where no such table opens there."""
    unit = _THOUSANDS.search(text, start, end)
    if unit is None:
        return None
    table = _TABLE_LINES.match(text, text.rfind("\n", 0, unit.start()) + 1)
    figure = _SIGNED.search(text, unit.end(), table.end() if table else len(text))
    if figure is None:  # no change column: the first year's figure on the unit's own row
        row_end = text.find("\n", unit.end())
        plain = _PLAIN.finditer(text, unit.end(), row_end if row_end != -1 else len(text))
        figure = next((p for p in plain if not YEAR.match(p.group(1))), None)
    if figure is None:
        return None
    value = parse_number(figure.group(figure.lastindex or 0))
    return Amount(round(value * 1000, 2), figure.start(), figure.end()) if value else None
