"""Funding statements: named funds, budget lines, external grants, offsets, general budget money.

``MotionFunding`` finds them in steps, each a small function of the motion's text: named funds,
the other kinds by their phrases, a budget form's position and figures, then euro amounts in
funding sentences, which attach to the mention of their sentence or stand alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.amounts import changed_totals, find_amounts, form_row_amounts, table_amount
from pipeline.extract.evidence import doc_text, evidence, sentence_spans, trim_span
from pipeline.extract.hedging import HedgeDetector
from pipeline.extract.operative import Sections
from pipeline.extract.patterns import FoldedPattern, compile_any
from pipeline.extract.ruledata import RuleComponent, RuleData
from pipeline.record import FundingMention

# The kinds found by their phrases, in the order they are searched.
PHRASE_KINDS = ("external_grant", "offset", "general_budget", "budget_line")


class FundingRules:
    """The compiled funding vocabulary of ``funding.json`` and the hedging words."""

    def __init__(self, d: dict, hedging: dict | None = None) -> None:
        self.fund = compile_any(d["fund_noun"])
        self.fund_exclude = re.compile(d["fund_exclude"])
        self.named_by_quote = frozenset(d.get("named_by_quote", ()))
        self.fund_tail = re.compile(d["fund_name_tail"])
        self.name_fallback = re.compile(d["fund_name_fallback"], re.IGNORECASE)
        self.name_fallback_exclude = re.compile(d["fund_name_fallback_exclude"])
        self.fund_words = int(d.get("fund_name_max_words", 10))
        self.source_cue = re.compile(d["source_cue"])
        self.subject_cue = re.compile(d["subject_cue"])
        self.programme_subject = re.compile(d["programme_subject"])
        self.programme_subject_before = re.compile(d["programme_subject_before"])
        self.programme_subject_after = re.compile(d["programme_subject_after"])
        self.kinds = {
            "external_grant": FoldedPattern(d["grant"]),
            "offset": FoldedPattern(d["offset"]),
            "general_budget": FoldedPattern(d["general"]),
            "budget_line": FoldedPattern(d["budget_line"]),
        }
        self.money_context = re.compile(d["money_context"])
        self.form_label_max = int(d.get("form_label_max", 0))
        self.budget_doc = re.compile(d["budget_doc"])
        # (?i) patterns searched through the whole motion: matched on the lower-cased text
        self.form_thh = FoldedPattern([d["form_thh"]])
        self.form_thh_list = re.compile(d["form_thh_list"])
        self.form_product = FoldedPattern([d["form_product"]])
        self.product_id = re.compile(d["product_id"])
        self.paper_thh = re.compile(d["paper_type_thh"])
        self.strong_fund = re.compile(d["strong_fund"])
        self.fund_hint = FoldedPattern(d["fund_hint"])
        self.programme = re.compile(d["programme_head"])
        givers = "|".join(d["grant_givers"])
        self.grant_source = re.compile(
            "|".join(p.replace("{givers}", givers) for p in d["grant_source"])
        )
        self.name_trailing = re.compile(rf"\s+(?:{'|'.join(d['name_trailing_words'])})$")
        self.row_thh = re.compile(d["fund_row_thh"])
        self.row_product = re.compile(d["fund_row_product"])
        self.windows: dict[str, int] = {k: int(v) for k, v in d["windows"].items()}
        self.form_label_spaces = int(d["form_label_max_spaces"])
        self.row_stem = int(d["fund_row_stem"])
        self.form_head_chars = int(d["form_head_chars"])
        self.hedges = HedgeDetector.from_data(hedging) if hedging is not None else HedgeDetector()
        self.giver_levels = [(lv, re.compile(p)) for lv, p in d["giver_levels"].items()]

    @classmethod
    def from_data(cls, data: RuleData) -> FundingRules:
        return cls(data["patterns"], data["hedging"])

    def own_giver(self, giver: str, level: str) -> bool:
        """Whether a grant's giver is of the motion's own level (its own money)."""
        g = giver.strip()
        return any(lv == level and p.search(g) for lv, p in self.giver_levels)


@dataclass
class Mention:
    """A funding mention while it is being found: its record and where the phrase starts in
    the cleaned text (mentions are ordered, and amounts attached, by that position)."""

    record: FundingMention
    at: int


@dataclass
class MotionText:
    """What the steps read of one motion: its cleaned text, sections and sentences."""

    doc: Doc
    text: str
    low: str  # text.lower(), for the folded patterns
    sec: Sections | None
    end: int  # the motion's own text ends here
    budget_doc: bool
    lines: dict[str, str]  # THH, page and product stated for the motion
    title: str
    level: str  # the level of the motion's body (``doc._.level``, levels.py)
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)

    @property
    def is_form(self) -> bool:
        return self.sec is not None and self.sec.is_form

    def sentence(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.starts, pos) - 1)
        return (self.starts[i], self.ends[i]) if self.starts else (0, len(self.text))


@Language.factory(
    "motion_funding",
    assigns=["doc._.funding"],
    requires=["doc._.sections", "doc._.level", "doc._.actions"],
    default_config={"patterns_file": "funding.json", "hedging_file": "hedging.json"},
)
def make_motion_funding(
    nlp: Language, name: str, patterns_file: str, hedging_file: str
) -> MotionFunding:
    return MotionFunding(name, patterns_file, hedging_file)


class MotionFunding(RuleComponent[FundingRules]):
    """Sets ``doc._.funding``. Reads ``doc._.sections`` (set by ``motion_actions``)."""

    def __init__(
        self,
        name: str = "motion_funding",
        patterns_file: str = "funding.json",
        hedging_file: str = "hedging.json",
    ) -> None:
        files = {"patterns": patterns_file, "hedging": hedging_file}
        super().__init__(name, files, FundingRules.from_data)

    def __call__(self, doc: Doc) -> Doc:
        m = self._motion(doc)
        mentions, fund_spans = self._named_funds(m)
        mentions += self._phrases(m, fund_spans)
        if m.sec is not None and m.sec.is_form:
            self._form(m, m.sec, mentions)
        self._amounts(m, mentions)
        if not m.is_form:
            _table_amounts(m, mentions)
        mentions = _without_restated_lines(mentions)
        mentions.sort(key=lambda x: x.at)
        mentions = _one_position(m, mentions)
        mentions = _without_offset_headings(m, mentions)
        mentions = _offset_positions(m, mentions)
        if any(a["type"] == "inquiry" for a in doc._.actions or ()):
            mentions = _without_questions(m, mentions)
        doc._.funding = _dedupe([x.record for x in mentions])
        return doc

    def _motion(self, doc: Doc) -> MotionText:
        text = doc_text(doc)
        low = text.lower()
        sec = doc._.sections
        spans = sentence_spans(doc)
        ptype = doc._.paper_type or ""
        return MotionText(
            doc,
            text,
            low,
            sec,
            sec.end if sec is not None else len(text),
            bool(self.rules.budget_doc.search(ptype)) or bool(sec and sec.is_form),
            self._budget_lines(doc, text, low, sec.end if sec is not None else len(text)),
            doc._.title or "",
            doc._.level or "",  # unknown: no giver is of its level
            [a for a, _ in spans],
            [b for _, b in spans],
        )

    def _mention(
        self,
        m: MotionText,
        kind: str,
        name: str,
        s: int,
        e: int,
        amount: float | None = None,
        line: str = "",
    ) -> Mention:
        """The mention of ``kind`` found at [s, e) of the cleaned text, with its evidence."""
        w = self.rules.windows
        text = m.text
        ss, se = m.sentence(s)
        a = min(s, max(ss, s - w["evidence_before"]))
        b = max(e, min(se, e + w["evidence_after"]))
        es, ee = trim_span(text, a, b, anchor=s)
        ev, oa, ob = evidence(m.doc, es, ee)
        record = FundingMention(
            kind=kind,
            name=" ".join(name.split()),
            amount_eur=amount,
            budget_line=line,
            hedged=self.rules.hedges(text[ss:se]),
            evidence=ev,
            start=oa,
            end=ob,
        )
        return Mention(record, s)

    def _named_funds(self, m: MotionText) -> tuple[list[Mention], list[tuple[int, int]]]:
        """Named funds (and programmes of a giver), with the spans of their names."""
        text = m.text
        out: list[Mention] = []
        spans: list[tuple[int, int]] = []
        for fm in self._fund_matches(text, m.end, m.low):
            head = fm.group(0)
            if self._excluded(head):
                continue
            name, name_end = self._fund_name(text, fm)
            kind = self._fund_kind(m, fm, name_end)
            if kind is None or (
                kind == "named_fund" and any(a <= fm.start() < b for a, b in spans)
            ):
                continue
            spans.append((fm.start(), name_end))
            line = self._line_for(text, head, m.lines) if kind == "named_fund" else ""
            out.append(self._mention(m, kind, name, fm.start(), name_end, line=line))
        return out, spans

    def _excluded(self, head: str) -> bool:
        """Whether a fund pattern's match names no money source ("Ferienprogramm"); a quoted
        name keeps the head's verdict ("Landesprogramm „plusKITA“" counts as "Landesprogramm"
        does), but makes a bare "Programm" a name ("Programm „Soziale Stadt“")."""
        word = _QUOTE_START.split(head, 1)[0]
        if word != head and word.lower() in self.rules.named_by_quote:
            return False
        return bool(self.rules.fund_exclude.match(word))

    def _fund_name(self, text: str, fm: re.Match[str]) -> tuple[str, int]:
        """The fund's name (its head and how it continues, at most ``fund_words`` words) and
        where it ends."""
        # a quoted name ends the name but for an abbreviation in brackets after it
        quoted = fm.group(0)[-1:] in _QUOTE_END
        tail = (_BRACKET if quoted else self.rules.fund_tail).match(text, fm.end())
        name_end = tail.end() if tail else fm.end()
        name = text[fm.start() : name_end]
        words = name.split()
        if len(words) > self.rules.fund_words:
            name = " ".join(words[: self.rules.fund_words])
            name_end = fm.start() + len(name)
        return self.rules.name_trailing.sub("", name.strip()), name_end

    def _fund_kind(self, m: MotionText, fm: re.Match[str], name_end: int) -> str | None:
        """``named_fund``, ``external_grant`` (a programme of the Land or Bund), or None when
        the fund is no money source of the motion (its subject, or named without money)."""
        r, text, head = self.rules, m.text, fm.group(0)
        w = r.windows
        before = text[max(0, fm.start() - w["cue_before_fund"]) : fm.start()]
        ss, se = m.sentence(fm.start())
        sent = text[ss:se]
        source = bool(r.source_cue.search(before))
        subject = bool(r.subject_cue.search(before))
        in_title = head.lower() in m.title.lower()
        money = bool(r.money_context.search(sent)) or bool(find_amounts(sent))
        if r.programme.search(head) and not r.strong_fund.search(head):
            # A programme of the Land/Bund is an external grant, one of the city's a fund.
            giver = text[fm.start() : name_end + w["giver_after_programme"]]
            given = r.grant_source.search(giver)
            if source and given:
                return "named_fund" if r.own_giver(given.group(0), m.level) else "external_grant"
            if not source:
                return None
        if subject and not (m.budget_doc and in_title):
            return None
        if not (source or (m.budget_doc and in_title) or (r.strong_fund.search(head) and money)):
            return None
        return "named_fund"

    def _phrases(self, m: MotionText, fund_spans: list[tuple[int, int]]) -> list[Mention]:
        """Grants, offsets, general budget money and budget lines named by their phrases."""
        r, text, low = self.rules, m.text, m.low
        w = r.windows
        out: list[Mention] = []
        for kind in PHRASE_KINDS:
            if m.is_form and kind == "general_budget":
                continue  # the form itself states the budget position
            for pm in r.kinds[kind].finditer(text, 0, m.end, low=low):
                if any(a <= pm.start() < b for a, b in fund_spans):
                    continue
                if kind == "external_grant" and any(a < pm.end() <= b for a, b in fund_spans):
                    continue  # its giver is part of a fund's name ("Strategiefonds des Landes")
                if kind != "budget_line" and self._form_label(text, pm.start()):
                    continue
                if kind == "budget_line" and m.is_form and m.sec is not None:
                    if pm.start() < m.sec.header_end + r.form_head_chars:
                        continue
                name = text[pm.start() : pm.end()]
                found = kind
                if kind == "external_grant" and self._programme_is_subject(m, pm):
                    continue
                if kind == "external_grant":
                    a = max(0, pm.start() - w["giver_before_grant"])
                    g = r.grant_source.search(
                        text, a, min(m.end, pm.end() + w["giver_after_grant"])
                    )
                    name = g.group(0) if g else name
                    if r.own_giver(name, m.level):
                        found = "general_budget"  # money of the motion's own level
                    name = _giver_name(name)
                if kind == "budget_line":
                    name = _chapter_and_title(name)
                if found == "general_budget" and kind == "general_budget":
                    ss, se = m.sentence(pm.start())
                    name = _budget_name(text[ss:se]) or (name if _BUDGET_WORD.search(name) else "")
                line = name if kind == "budget_line" else ""
                out.append(self._mention(m, found, name, pm.start(), pm.end(), line=line))
        return out

    def _programme_is_subject(self, m: MotionText, pm: re.Match[str]) -> bool:
        """Whether a grant phrase that is a programme's bare word ("Förderprogramm") names the
        programme a council's motion wants set up ("ein eigenes Förderprogramm", "…
        Förderprogramm für Balkonkraftwerke aufgelegt werden kann"), not money from outside. A
        parliament's programme for others ("ein Förderprogramm für Sportstätten aufzulegen")
        is money to other levels, which our annotators gave as a grant."""
        r, text = self.rules, m.text
        if m.level != "local" or not r.programme_subject.fullmatch(text, pm.start(), pm.end()):
            return False
        before = text[max(0, pm.start() - 40) : pm.start()]
        return bool(
            r.programme_subject_before.search(before)
            or r.programme_subject_after.match(text, pm.end(), min(len(text), pm.end() + 120))
        )

    def fund_name_in(self, text: str, start: int, end: int, motion_end: int | None = None) -> str:
        """The name of the first fund that ``text[start:end]`` names, as the rules would write
        it, else (with ``motion_end``) of the first the motion names before ``motion_end``; ""
        when there is none. For a named fund that the clause model finds where the rules' money
        cues found none ("Mittel aus dem Startchancen-Programm")."""
        spans = ((start, end), (0, motion_end or 0))
        for a, b in spans:
            for fm in self._fund_matches(text, b, start=a):
                if not self._excluded(fm.group(0)):
                    return self._fund_name(text, fm)[0]
        # heads that name funds only where a fund is known to be named
        r = self.rules
        for a, b in spans:
            for fm in r.name_fallback.finditer(text, a, b):
                if not r.name_fallback_exclude.match(fm.group(0)):
                    return self._fund_name(text, fm)[0]
        return ""

    def _fund_matches(
        self, text: str, end: int, low: str | None = None, start: int = 0
    ) -> Iterator[re.Match[str]]:
        """Fund-pattern matches in ``text[start:end]``, tried only at words holding a fund hint
        (fast on long texts); ``low`` is ``text.lower()`` when the caller has it."""
        fund = self.rules.fund
        last = -1
        for h in self.rules.fund_hint.finditer(text, start, end, low=low):
            ws = h.start()
            while ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] in "-‐"):
                ws -= 1
            if ws <= last:
                continue
            m = fund.match(text, ws, end) or fund.match(text, h.start(), end)
            if m:
                last = m.end()
                yield m

    def _form_label(self, text: str, pos: int) -> bool:
        """A short line without sentence punctuation: a template's field or check box label."""
        a = text.rfind("\n", 0, pos) + 1
        b = text.find("\n", pos)
        line = text[a : b if b != -1 else len(text)].strip()
        return (
            len(line) <= self.rules.form_label_max
            and not re.search(r"[.!?:]$", line)
            and line.count(" ") < self.rules.form_label_spaces
        )

    def _budget_lines(self, doc: Doc, text: str, low: str, end: int) -> dict[str, str]:
        """THH, page and product identifiers of the motion, as far as stated."""
        r = self.rules
        out: dict[str, str] = {}
        m = r.form_thh.search(text, 0, end, low=low)
        pt = r.paper_thh.search(doc._.paper_type or "")
        parsed = self._form_thh(_group(text, m, "label"), _group(text, m, "row")) if m else None
        page, num = parsed or ("", "")
        if page:
            out["page"] = page
        if num:
            out["thh"] = num
        elif pt:
            out["thh"] = pt.group(1)
        p = r.form_product.search(text, 0, end, low=low)
        if p:
            ids = r.product_id.findall(_group(text, p, "line"))
            if ids:
                out["product"] = "; ".join(" ".join(i.split()) for i in ids)
        return out

    def _form_thh(self, label: str, row: str) -> tuple[str, str] | None:
        """(page, THH) from the value row under the form's label row, read in the label's
        column order ("Seite im HH-Plan Teilhaushalt" -> page first)."""
        page_first = label.lower().startswith("seite")
        has_thh = "teilhaushalt" in label.lower()
        if self.rules.form_thh_list.match(row):  # only Teilhaushalte, the page column is empty
            first = re.match(r"\s*(\d+)", row)
            assert first is not None  # form_thh_list matched: the row starts with digits
            return "", first.group(1)
        nums = re.findall(r"\d+", row)
        if not nums:
            return None
        if not has_thh:
            return nums[0], ""
        if len(nums) == 1:
            num = nums[0]
            if len(num) <= 4:
                return "", num
            # "1643200": page 164 and THH 3200 printed without a gap
            return (num[:-4], num[-4:]) if page_first else (num[4:], num[:4])
        return (nums[0], nums[-1]) if page_first else (nums[-1], nums[0])

    def _line_for(self, text: str, head: str, lines: dict[str, str]) -> str:
        """The budget line printed in a table row that names the fund, else the motion's."""
        r = self.rules
        stem = head[: r.row_stem]
        for row in text.split("\n"):
            if stem in row and ("/" in row or "Produkt" in row):
                thh = r.row_thh.search(row)
                prod = r.row_product.search(row)
                parts = ([f"THH {thh.group(1)}"] if thh else []) + (
                    [f"Produkt {prod.group(1)}"] if prod else []
                )
                if parts:
                    return "; ".join(parts)
        return _line_str(lines)

    def _form(self, m: MotionText, sec: Sections, mentions: list[Mention]) -> None:
        """A budget form's position and per-year figures: the fund its title names, else its
        Teilhaushalt, with one mention per figure."""
        text, lines = m.text, m.lines
        line = _line_str(lines)
        fund = next(
            (
                x.record
                for x in mentions
                if x.record["kind"] == "named_fund"
                and x.record["name"].split()[0].lower() in m.title.lower()
            ),
            None,
        )
        rows = form_row_amounts(text, *sec.form_rows) if sec.form_rows else []
        kind, name = (
            ("named_fund", fund["name"])
            if fund
            else ("budget_line", f"Teilhaushalt {lines['thh']}" if lines.get("thh") else "")
        )
        if fund:
            fund["budget_line"] = fund["budget_line"] or line
        anchor = self.rules.form_thh.search(text, low=m.low)
        a = anchor.start() if anchor else sec.header_end
        if not rows:
            if fund is None and line:
                mentions.append(self._mention(m, kind, name, a, a + 40, None, line))
            return
        for amt in rows:
            if fund is not None and fund["amount_eur"] is None:
                fund["amount_eur"] = amt.value
                continue
            mentions.append(self._mention(m, kind, name, amt.start, amt.end, amt.value, line))

    def _amounts(self, m: MotionText, mentions: list[Mention]) -> None:
        """Euro amounts: the amount of the nearest funding mention in its sentence (a further
        mention of its kind when it has one); in a sentence without one, where money words
        make it a funding statement, general budget money of the request (any amount of a
        budget motion)."""
        sec, text = m.sec, m.text
        rows = sec.form_rows if sec is not None else None
        amounts = find_amounts(text, 0, m.end)
        totals = changed_totals(text, amounts)
        for amt in amounts:
            if rows and rows[0] <= amt.start < rows[1]:
                continue
            if amt in totals:
                continue
            ss, se = m.sentence(amt.start)
            near = [x for x in mentions if ss <= x.at < se]
            if not near and not self.rules.money_context.search(text[ss:se]):
                continue
            if near:
                x = min(near, key=lambda x: abs(x.at - amt.start)).record
                if x["kind"] == "general_budget":
                    # "Mittel in Höhe von 1.450.000 Euro … im Teilhaushalt 40": the position
                    # the money is in has the amount too (it stays where the plain budget
                    # money is not kept)
                    for y in near:
                        if y.record["kind"] in _POSITIONS and y.record["amount_eur"] is None:
                            y.record["amount_eur"] = amt.value
                if x["amount_eur"] is None:
                    x["amount_eur"] = amt.value
                else:
                    mentions.append(
                        self._mention(
                            m,
                            x["kind"],
                            x["name"],
                            amt.start,
                            amt.end,
                            amt.value,
                            x["budget_line"],
                        )
                    )
                continue
            if m.budget_doc:
                kind = "budget_line" if m.is_form else "general_budget"
                mentions.append(self._mention(m, kind, "", amt.start, amt.end, amt.value))
            elif sec is None or sec.in_operative(amt.start):
                mentions.append(
                    self._mention(m, "general_budget", "", amt.start, amt.end, amt.value)
                )


# The budget a general_budget phrase draws on, as its name ("im Doppelhaushalt 2026/2027 Mittel
# in Höhe von 30.000 Euro" -> "Doppelhaushalt 2026/2027"); the phrase itself ("Mittel in Höhe
# von", "bereitzustellen … Mittel") names nothing.
_BUDGET_NAME = re.compile(
    r"\b(?:(?:Doppel|Landes|Bundes|Kreis|Regions|Bezirks|Nachtrags|Gesamt)?[Hh]aushalt"
    r"(?:splan(?:entwurf)?|sentwurf|sjahr)?(?:\s+\d{4}(?:\s*/\s*\d{2,4})?)?"
    r"|Haushaltsmitteln?|Eigenmitteln?|Landesmitteln?|Bundesmitteln?|Steuermitteln?"
    r"|(?:städtische|kommunale)[nr]? (?:Mittel|Haushaltsmittel)n?)\b"
)


_BUDGET_WORD = re.compile(r"(?i)budget|etat")
_QUOTE_START = re.compile(r"\s+[„\"»]")
_QUOTE_END = '“"«'
_BRACKET = re.compile(r"\s*\([^)]{2,60}\)")


_GIVER_CASE = re.compile(r"^(?:des|vom|von|durch das|durch den|der|dem)\s+")
_GENITIVE = {
    "Landes": "Land",
    "Bundes": "Bund",
    "Freistaates": "Freistaat",
    "Freistaats": "Freistaat",
}
# A step of the grant's procedure names no money ("Förderquote", "Förderbescheid").
_NO_SOURCE = re.compile(r"(?i)^Förder(?:quote|antrag|anträge|zusage|bescheid|satz)$")


# how far after its sentence a budget table may open to give a mention its amount
TABLE_AFTER = 300


def _table_amounts(m: MotionText, mentions: list[Mention]) -> None:
    """A budget position or budget money without an amount takes that of the table in
    thousands that opens right below its sentence ("… wird der Ansatz wie folgt erhöht:" over
    "(in T€)" and "Veränderung  + 180"); of several such mentions, the one nearest the table."""
    found: dict[int, list[tuple[Mention, float]]] = {}
    for x in mentions:
        r = x.record
        if r["amount_eur"] is not None or r["kind"] not in _TABLE_KINDS:
            continue
        _, se = m.sentence(x.at)
        amt = table_amount(m.text, x.at, min(m.end, se + TABLE_AFTER))
        if amt is not None and amt.start < m.end:
            found.setdefault(amt.start, []).append((x, amt.value))
    for candidates in found.values():
        near = max(candidates, key=lambda c: c[0].at)[0].record
        for x, value in candidates:  # the nearest, and the same position named again
            if (x.record["kind"], x.record["name"]) == (near["kind"], near["name"]):
                x.record["amount_eur"] = value


def _giver_name(name: str) -> str:
    """A grant's name as our annotators write it: its giver in the nominative ("des Landes
    Hessen" -> "Land Hessen", "vom Bund" -> "Bund"); "" for a step of the procedure."""
    if _NO_SOURCE.match(name):
        return ""
    name = re.sub(r"mitteln\b", "mittel", _GIVER_CASE.sub("", name))  # "aus Landesmitteln"
    head, _, rest = name.partition(" ")
    return " ".join(filter(None, (_GENITIVE.get(head, head), rest)))


def _budget_name(sentence: str) -> str:
    m = _BUDGET_NAME.search(sentence)
    return m.group(0) if m else ""


def _line_str(lines: dict[str, str]) -> str:
    parts = []
    if lines.get("page"):
        parts.append(f"Seite {lines['page']}")
    if lines.get("thh"):
        parts.append(f"THH {lines['thh']}")
    if lines.get("product"):
        parts.append(lines["product"])
    return "; ".join(parts)


def _without_restated_lines(mentions: list[Mention]) -> list[Mention]:
    """Without budget lines that only restate the position of a named fund (that fund's line)."""
    fund_lines = " ".join(
        x.record["budget_line"] for x in mentions if x.record["kind"] == "named_fund"
    )
    return [
        x
        for x in mentions
        if not (
            x.record["kind"] == "budget_line"
            and x.record["amount_eur"] is None
            and x.record["name"]
            and x.record["name"] in fund_lines
        )
    ]


# Mentions that name where money is (an amount beside plain budget money is theirs too).
_POSITIONS = frozenset({"budget_line", "named_fund"})
_TABLE_KINDS = frozenset({"budget_line", "general_budget", "offset", "named_fund"})
# What may stand between the parts of one budget position ("Teilhaushalt 40 – Schulen,
# Produkt 21.01"): the first part's label, commas and dashes, no amount and no sentence end.
_POSITION_GAP = re.compile(r"[^.;:!?\n\d€]{0,60}")


def _one_position(m: MotionText, mentions: list[Mention]) -> list[Mention]:
    """Budget lines named one after another in a sentence ("im Teilhaushalt 40 – Schulen,
    Produkt 21.01, Kostenstelle 4711") are the parts of one position: one mention, named by
    all of them (ANNOTATION.md: "THH 4100; 28/2810-410"), with the amount either part has."""
    out: list[Mention] = []
    for y in mentions:
        x = out[-1] if out else None
        if (
            x is not None
            and x.record["kind"] == y.record["kind"] == "budget_line"
            and x.record["name"]
            and y.record["name"]
            and y.record["name"] not in x.record["name"]
            and m.sentence(x.at) == m.sentence(y.at)
            and (
                None in (x.record["amount_eur"], y.record["amount_eur"])
                or x.record["amount_eur"] == y.record["amount_eur"]
            )
            and _POSITION_GAP.fullmatch(m.text, x.at + len(x.record["name"]), y.at)
        ):
            r, add = x.record, y.record
            r["name"] = f"{r['name']}, {add['name']}"
            r["budget_line"] = "; ".join(filter(None, (r["budget_line"], add["budget_line"])))
            if r["amount_eur"] is None:
                r["amount_eur"] = add["amount_eur"]
            a, b = r["start"], add["end"]
            clean = m.doc._.clean
            if clean is not None and a is not None and b is not None and a < b <= a + 200:
                r["end"], r["evidence"] = b, clean.original[a:b]
            continue
        out.append(y)
    return out


def _offset_positions(m: MotionText, mentions: list[Mention]) -> list[Mention]:
    """A budget position named after an offset's cue in its sentence ("Die Deckung erfolgt
    durch Minderaufwendungen bei der Haushaltsstelle 1.0200.6500") is where the offset's money
    comes from: the offset's name and budget line, not a budget line of its own (as our
    annotators write it: an offset with the position); below a "Deckungsvorschlag:" heading,
    the first position of the statement it heads."""
    drop: set[int] = set()
    for x in mentions:
        if x.record["kind"] != "offset":
            continue
        ss, se = m.sentence(x.at)
        if _heading(m, x.at):  # the statement below it
            se = max(se, x.at + HEADING_REACH)
        for i, y in enumerate(mentions):
            r = y.record
            if r["kind"] == "budget_line" and i not in drop and x.at < y.at < se:
                x.record["name"] = r["name"]
                x.record["budget_line"] = r["budget_line"] or r["name"]
                if x.record["amount_eur"] is None:
                    x.record["amount_eur"] = r["amount_eur"]
                drop.add(i)
                break
    return [y for i, y in enumerate(mentions) if i not in drop]


def _without_questions(m: MotionText, mentions: list[Mention]) -> list[Mention]:
    """An inquiry's questions about money ("Welche Fördermittel des Landes wurden …
    abgerufen?") state no funding of the motion's own."""
    return [x for x in mentions if "?" not in m.text[slice(*m.sentence(x.at))]]


HEADING_REACH = 300  # characters from an offset's heading to the statement under it


def _heading(m: MotionText, at: int) -> bool:
    """Whether the sentence at ``at`` is a heading ("Deckungsvorschlag:")."""
    ss, se = m.sentence(at)
    return m.text[ss:se].rstrip().endswith(":")


def _without_offset_headings(m: MotionText, mentions: list[Mention]) -> list[Mention]:
    """An offset that only names its heading ("Deckungsvorschlag:", no amount, no position)
    where the statement it heads is an offset of its own ("Die Mehraufwendungen werden durch
    … gedeckt"): one offset, not two."""
    out: list[Mention] = []
    for i, x in enumerate(mentions):
        r = x.record
        if r["kind"] == "offset" and _heading(m, x.at) and r["amount_eur"] is None:
            nxt = next((y for y in mentions[i + 1 :] if y.record["kind"] == "offset"), None)
            if nxt is not None and nxt.at - x.at <= HEADING_REACH:
                continue
        out.append(x)
    return out


def _dedupe(mentions: list[FundingMention]) -> list[FundingMention]:
    """The first of each mention of the same kind, name and amount; and of two mentions of one
    kind whose evidence overlaps, where one name begins the other ('Landesprogramm' and
    'Landesprogramm "Klimaresilienz in Kommunen"'), the one with the longer name."""
    out: list[FundingMention] = []
    seen: set[tuple[str, str, float | None]] = set()
    for m in mentions:
        key = (m["kind"], m["name"].lower(), m["amount_eur"])
        if key not in seen:
            seen.add(key)
            out.append(m)
    return [m for m in out if not any(_longer_same(n, m) for n in out)]


def _longer_same(n: FundingMention, m: FundingMention) -> bool:
    """Whether ``n`` names what ``m`` names, more fully, in overlapping evidence."""
    if n is m or n["kind"] != m["kind"] or not m["name"] or n["amount_eur"] != m["amount_eur"]:
        return False
    if len(n["name"]) <= len(m["name"]) or not n["name"].startswith(m["name"]):
        return False
    ns, ne, ms, me = n["start"], n["end"], m["start"], m["end"]
    if ns is None or ne is None or ms is None or me is None:
        return False  # a budget position named in the title only
    return ns < me and ms < ne


def _group(text: str, m: re.Match[str], name: str) -> str:
    """Group ``name`` of a FoldedPattern's match as ``text`` writes it (the match's own groups
    are lower-cased)."""
    return text[m.start(name) : m.end(name)]


# "Kapitel 0436 – Schulsozialarbeit – … bei Titel 633 01": the chapter's name and the words
# between are the evidence's, the budget position is chapter and title
_CHAPTER_TITLE = re.compile(
    r"(Kap(?:itel|\.)\s*\d{2}\s?\d{2,3})(.*?)"
    r"((?:Titelgruppe\s*\d{2,3}[,;]?\s*)?Tit(?:el|\.)\s*\d{3}\s?\d{2})$",
    re.DOTALL,
)


def _chapter_and_title(name: str) -> str:
    """A budget position of chapter and title without the words a text puts between them."""
    m = _CHAPTER_TITLE.search(name)
    if m is None or not re.search(r"[^\W\d_]", m.group(2)):
        return name
    return name[: m.start()] + f"{m.group(1)} {m.group(3)}"
