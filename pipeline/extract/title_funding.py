"""Budget positions named in a motion's title.

Budget motions of many councils carry their budget position in the title ("Teilhaushalt 5,
Produkt 1.36.02 – Jugendarbeit stärken"), often only there: the paper's metadata names it and
the PDF's form does not repeat it. The funding rules and the clause model read the text, so this
component runs after them: where they report no budget line and the title names one, it adds a
``budget_line`` mention. Its evidence is where the position stands in the text when the text
repeats it (offsets as usual), else the title's words, with ``start`` and ``end`` None (the
evidence is not in the document's text).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.evidence import doc_text, find_span
from pipeline.extract.patterns import FoldedPattern
from pipeline.extract.ruledata import RuleComponent, RuleData
from pipeline.record import FundingMention

EVIDENCE_CHARS = 150  # ANNOTATION.md: short evidence, at most about 150 characters


class TitleLineRules:
    """The budget-line shapes of ``funding.json`` (the same the funding rules search)."""

    def __init__(self, d: dict) -> None:
        self.budget_line = FoldedPattern(d["budget_line"])

    @classmethod
    def from_data(cls, data: RuleData) -> TitleLineRules:
        return cls(data["patterns"])


@Language.factory(
    "motion_title_funding",
    assigns=["doc._.funding"],
    requires=["doc._.funding"],
    default_config={"patterns_file": "funding.json"},
)
def make_motion_title_funding(nlp: Language, name: str, patterns_file: str) -> MotionTitleFunding:
    return MotionTitleFunding(name, patterns_file)


class MotionTitleFunding(RuleComponent[TitleLineRules]):
    """Adds the budget line that ``doc._.title`` names where ``doc._.funding`` has none."""

    def __init__(
        self, name: str = "motion_title_funding", patterns_file: str = "funding.json"
    ) -> None:
        super().__init__(name, {"patterns": patterns_file}, TitleLineRules.from_data)

    def __call__(self, doc: Doc) -> Doc:
        funding = list(doc._.funding or [])
        title = " ".join((doc._.title or "").split())
        if not title or any(f["kind"] == "budget_line" for f in funding):
            return doc
        found = list(self.rules.budget_line.finditer(title))
        if not found:
            return doc
        line = "; ".join(dict.fromkeys(title[m.start() : m.end()] for m in found))
        funding.append(self._mention(doc, title, found[0].start(), found[-1].end(), line))
        # text order, as the other components give it; evidence from the title last
        doc._.funding = sorted(funding, key=lambda f: (f["start"] is None, f["start"] or 0))
        return doc

    def _mention(self, doc: Doc, title: str, a: int, b: int, line: str) -> FundingMention:
        clean = doc._.clean
        original = clean.original if clean is not None else doc_text(doc)
        at = find_span(original, line.split("; ")[0])
        s: int | None
        e: int | None
        if at is not None:  # where the text repeats the first position
            s, e = at
            quote = original[s:e]
        else:  # the title's positions as written
            quote, s, e = title[a : min(b, a + EVIDENCE_CHARS)], None, None
        return FundingMention(
            kind="budget_line",
            name=line,
            amount_eur=None,
            budget_line=line,
            hedged=False,
            evidence=quote,
            start=s,
            end=e,
        )
