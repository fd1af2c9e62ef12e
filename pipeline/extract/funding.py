"""Funding statements: named funds, budget lines, external grants, offsets, general budget money."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.amounts import find_amounts, form_row_amounts
from pipeline.extract.evidence import doc_text, evidence, sentence_spans, trim_span
from pipeline.extract.hedging import HedgeDetector
from pipeline.extract.patterns import FoldedPattern, compile_any, load_patterns

ICASE = re.IGNORECASE
STRONG_FUND = re.compile(r"(?i)fonds?\b|sondervermögen|digitalpakt|investitionspaket|KInvFG|GVFG")
FUND_HINT = FoldedPattern(
    [
        r"fonds?\b|programm|sondervermögen|digitalpakt|investitionspaket|KInvFG|GVFG|Stiftung|Initiative"
    ]
)
GRANT_SOURCE = re.compile(
    r"\b(?:des|vom|durch das|von) (?:Land(?:es)?(?: Baden-Württemberg)?|Bund(?:es)?|EU|Europäischen Union|Ministeriums? [^.,;]{3,60})|\bLandes\w*|\bBundes\w*|\b[A-ZÄÖÜ][\w\-]* Stiftung\b|\bStiftung [A-ZÄÖÜ][\w\-]*(?: [A-ZÄÖÜ][\w\-]*)?|\bSponsor\w*"
)


class FundingRules:
    def __init__(self, patterns_file: str = "funding.json") -> None:
        d = load_patterns(patterns_file)
        self.fund = compile_any(d["fund_noun"])
        self.fund_exclude = re.compile(d["fund_exclude"])
        self.fund_tail = re.compile(d["fund_name_tail"])
        self.fund_words = int(d.get("fund_name_max_words", 10))
        self.source_cue = re.compile(d["source_cue"])
        self.subject_cue = re.compile(d["subject_cue"])
        self.kinds = {
            "external_grant": FoldedPattern(d["grant"]),
            "offset": FoldedPattern(d["offset"]),
            "general_budget": FoldedPattern(d["general"]),
            "budget_line": FoldedPattern(d["budget_line"]),
        }
        self.money_context = re.compile(d["money_context"])
        self.form_label_max = int(d.get("form_label_max", 0))
        self.budget_doc = re.compile(d["budget_doc"])
        self.form_thh = re.compile(d["form_thh"])
        self.form_thh_list = re.compile(d["form_thh_list"])
        self.form_product = re.compile(d["form_product"])
        self.product_id = re.compile(d["product_id"])
        self.paper_thh = re.compile(d["paper_type_thh"])


@Language.factory("motion_funding", default_config={"patterns_file": "funding.json"})
def make_motion_funding(nlp: Language, name: str, patterns_file: str) -> MotionFunding:
    return MotionFunding(FundingRules(patterns_file), HedgeDetector())


class MotionFunding:
    """Sets ``doc._.funding``. Reads ``doc._.sections`` (set by ``motion_actions``)."""

    def __init__(self, rules: FundingRules, hedges: HedgeDetector) -> None:
        self.r = rules
        self.hedges = hedges

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        sec = doc._.sections
        end = sec.end if sec is not None else len(text)
        spans = sentence_spans(doc)
        sent_starts = [a for a, _ in spans]
        sent_ends = [b for _, b in spans]

        def sentence(pos: int) -> tuple[int, int]:
            i = max(0, bisect_right(sent_starts, pos) - 1)
            return (sent_starts[i], sent_ends[i]) if sent_starts else (0, len(text))

        ptype = doc._.paper_type or ""
        budget_doc = bool(self.r.budget_doc.search(ptype)) or bool(sec and sec.is_form)
        mentions: list[dict] = []

        def add(
            kind: str, name: str, s: int, e: int, amount: float | None = None, line: str = ""
        ) -> dict:
            ss, se = sentence(s)
            es, ee = trim_span(text, min(s, max(ss, s - 60)), max(e, min(se, e + 40)), anchor=s)
            ev, oa, ob = evidence(doc, es, ee)
            m = {
                "kind": kind,
                "name": " ".join(name.split()),
                "amount_eur": amount,
                "budget_line": line,
                "hedged": self.hedges(text[ss:se]),
                "evidence": ev,
                "start": oa,
                "end": ob,
                "_s": s,
                "_e": e,
            }
            mentions.append(m)
            return m

        lines = self._budget_lines(doc, text, end)
        title = doc._.title or ""
        low = text.lower()
        # Named funds.
        fund_spans: list[tuple[int, int]] = []
        for m in self._fund_matches(text, end, low):
            head = m.group(0)
            if self.r.fund_exclude.match(head):
                continue
            tail = self.r.fund_tail.match(text, m.end())
            name_end = tail.end() if tail else m.end()
            name = text[m.start() : name_end]
            words = name.split()
            if len(words) > self.r.fund_words:
                name = " ".join(words[: self.r.fund_words])
                name_end = m.start() + len(name)
            name = re.sub(
                r"\s+(?:und|der|des|die|für|von|im|in|zur|zum|den|dem)$", "", name.strip()
            )
            before = text[max(0, m.start() - 70) : m.start()]
            ss, se = sentence(m.start())
            sent = text[ss:se]
            source = bool(self.r.source_cue.search(before))
            subject = bool(self.r.subject_cue.search(before))
            in_title = head.lower() in title.lower()
            money = bool(self.r.money_context.search(sent)) or bool(find_amounts(sent))
            if re.search(r"(?i)programm", head) and not STRONG_FUND.search(head):
                # A programme of the Land/Bund is an external grant, one of the city's a fund.
                if source and GRANT_SOURCE.search(text[m.start() : name_end + 40]):
                    add("external_grant", name, m.start(), name_end)
                    fund_spans.append((m.start(), name_end))
                    continue
                if not source:
                    continue
            if subject and not (budget_doc and in_title):
                continue
            if not (source or (budget_doc and in_title) or (STRONG_FUND.search(head) and money)):
                continue
            if any(a <= m.start() < b for a, b in fund_spans):
                continue
            fund_spans.append((m.start(), name_end))
            add("named_fund", name, m.start(), name_end, line=self._line_for(text, head, lines))
        # Grants, offsets, general budget money, budget lines named in the text.
        is_form = sec is not None and sec.is_form
        for kind in ("external_grant", "offset", "general_budget", "budget_line"):
            if is_form and kind == "general_budget":
                continue  # the form itself states the budget position
            for m in self.r.kinds[kind].finditer(text, 0, end, low=low):
                if any(a <= m.start() < b for a, b in fund_spans):
                    continue
                if kind != "budget_line" and self._form_label(text, m.start()):
                    continue
                if (
                    kind == "budget_line"
                    and sec is not None
                    and sec.is_form
                    and m.start() < sec.header_end + 400
                ):
                    continue
                name = text[m.start() : m.end()]
                if kind == "external_grant":
                    g = GRANT_SOURCE.search(text, max(0, m.start() - 40), min(end, m.end() + 60))
                    name = g.group(0) if g else name
                add(kind, name, m.start(), m.end(), line=name if kind == "budget_line" else "")
        # Budget forms: the position and the per-year figures.
        if sec is not None and sec.is_form:
            self._form(doc, text, sec, lines, mentions, add, title)
        # Euro amounts in funding sentences.
        self._amounts(text, end, sec, mentions, sentence, add, budget_doc)
        # A budget line that only restates the position of a named fund is that fund's line.
        fund_lines = " ".join(m["budget_line"] for m in mentions if m["kind"] == "named_fund")
        mentions = [
            m
            for m in mentions
            if not (
                m["kind"] == "budget_line"
                and m["amount_eur"] is None
                and m["name"]
                and m["name"] in fund_lines
            )
        ]
        mentions.sort(key=lambda x: x["_s"])
        doc._.funding = self._dedupe(mentions)
        return doc

    def _fund_matches(self, text: str, end: int, low: str | None = None):
        """Fund-pattern matches, tried only at words holding a fund hint (fast on long texts);
        ``low`` is ``text.lower()`` when the caller has it."""
        last = -1
        for h in FUND_HINT.finditer(text, 0, end, low=low):
            ws = h.start()
            while ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] in "-‐"):
                ws -= 1
            if ws <= last:
                continue
            m = self.r.fund.match(text, ws, end) or self.r.fund.match(text, h.start(), end)
            if m:
                last = m.end()
                yield m

    def _form_label(self, text: str, pos: int) -> bool:
        """A short line without sentence punctuation: a template's field or check box label."""
        a = text.rfind("\n", 0, pos) + 1
        b = text.find("\n", pos)
        line = text[a : b if b != -1 else len(text)].strip()
        return (
            len(line) <= self.r.form_label_max
            and not re.search(r"[.!?:]$", line)
            and line.count(" ") < 8
        )

    def _dedupe(self, mentions: list[dict]) -> list[dict]:
        out, seen = [], set()
        for m in mentions:
            key = (m["kind"], m["name"].lower(), m["amount_eur"])
            if key in seen:
                continue
            seen.add(key)
            out.append({k: v for k, v in m.items() if not k.startswith("_")})
        return out

    def _budget_lines(self, doc: Doc, text: str, end: int) -> dict[str, str]:
        """THH, page and product identifiers of the motion, as far as stated."""
        out: dict[str, str] = {}
        m = self.r.form_thh.search(text, 0, end)
        pt = self.r.paper_thh.search(doc._.paper_type or "")
        parsed = self._form_thh(m) if m else None
        page, num = parsed or ("", "")
        if page:
            out["page"] = page
        if num:
            out["thh"] = num
        elif pt:
            out["thh"] = pt.group(1)
        p = self.r.form_product.search(text, 0, end)
        if p:
            ids = self.r.product_id.findall(p.group("line"))
            if ids:
                out["product"] = "; ".join(" ".join(i.split()) for i in ids)
        return out

    def _form_thh(self, m: re.Match[str]) -> tuple[str, str] | None:
        """(page, THH) from the value row under the form's label row, read in the label's
        column order ("Seite im HH-Plan Teilhaushalt" -> page first)."""
        label, row = m.group("label"), m.group("row")
        page_first = label.lower().startswith("seite")
        has_thh = "teilhaushalt" in label.lower()
        if self.r.form_thh_list.match(row):  # only Teilhaushalte, the page column is empty
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
        stem = head[:8]
        for row in text.split("\n"):
            if stem in row and ("/" in row or "Produkt" in row):
                thh = re.search(r"(?<![\d.])(\d{2,4})\s*/\s*[A-ZÄÖÜ]", row)
                prod = re.search(r"Produkt\s*(?:Nr\.?\s*)?(\d{4,8})", row)
                parts = ([f"THH {thh.group(1)}"] if thh else []) + (
                    [f"Produkt {prod.group(1)}"] if prod else []
                )
                if parts:
                    return "; ".join(parts)
        return self._line_str(lines)

    @staticmethod
    def _line_str(lines: dict[str, str]) -> str:
        parts = []
        if lines.get("page"):
            parts.append(f"Seite {lines['page']}")
        if lines.get("thh"):
            parts.append(f"THH {lines['thh']}")
        if lines.get("product"):
            parts.append(lines["product"])
        return "; ".join(parts)

    def _form(self, doc, text, sec, lines, mentions, add, title) -> None:
        line = self._line_str(lines)
        fund = next(
            (
                m
                for m in mentions
                if m["kind"] == "named_fund" and m["name"].split()[0].lower() in title.lower()
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
        anchor = self.r.form_thh.search(text)
        a = anchor.start() if anchor else sec.header_end
        if not rows:
            if fund is None and line:
                add(kind, name, a, a + 40, None, line)
            return
        for amt in rows:
            if fund is not None and fund["amount_eur"] is None:
                fund["amount_eur"] = amt.value
                continue
            add(kind, name, amt.start, amt.end, amt.value, line)

    def _amounts(self, text, end, sec, mentions, sentence, add, budget_doc) -> None:
        rows = sec.form_rows if sec is not None else None
        for amt in find_amounts(text, 0, end):
            if rows and rows[0] <= amt.start < rows[1]:
                continue
            ss, se = sentence(amt.start)
            sent = text[ss:se]
            if not self.r.money_context.search(sent):
                continue
            near = [m for m in mentions if ss <= m["_s"] < se]
            if near:
                m = min(near, key=lambda m: abs(m["_s"] - amt.start))
                if m["amount_eur"] is None:
                    m["amount_eur"] = amt.value
                else:
                    add(m["kind"], m["name"], amt.start, amt.end, amt.value, m["budget_line"])
                continue
            operative = sec is None or sec.in_operative(amt.start)
            if budget_doc:
                kind = "budget_line" if sec is not None and sec.is_form else "general_budget"
                add(kind, "", amt.start, amt.end, amt.value)
            elif operative:
                add("general_budget", "", amt.start, amt.end, amt.value)
