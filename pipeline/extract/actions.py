"""Requested actions: sentences of the operative part, typed by trigger patterns."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.alternatives import AlternativeSearch
from pipeline.extract.amounts import form_row_amounts
from pipeline.extract.body import body_from_text
from pipeline.extract.evidence import doc_text, evidence, sentence_spans, trim_span
from pipeline.extract.hedging import HedgeDetector
from pipeline.extract.levels import WordClasses
from pipeline.extract.operative import LIST_ITEM, SectionFinder, Sections
from pipeline.extract.patterns import (
    FoldedPattern,
    load_patterns,
    named_group,
    word_start_alternation,
)
from pipeline.extract.ruledata import RuleComponent, RuleData
from pipeline.record import Action

NUMBER_DOT = re.compile(r"(?<=\d)\.(?=\d)")
OBJECT_WORD = re.compile(r"\S+")
# what may stand between a call and its object ("fordert die Bundesregierung auf,")
CALL_PARTICLE = re.compile(
    r"(?i)\b(?:auf|dazu|hin|wird|werden|gebeten|aufgefordert|der|die|den|dem|des|das|sich"
    r"|dafür|darauf|einzusetzen|einsetzen|hinzuwirken|hinwirken|dass|ob)\b"
)
CALL_WORD = re.compile(r"[^\W\d_]{2,}")
# the first non-empty line of a text
FIRST_LINE = re.compile(r"\S(?:[^\n]*\S)?")
LEVEL_WORD = re.compile(r"[a-zäöüß]+")
OPENING_WORDS = {"der", "die", "das", "den", "i", "ii", "iii", "iv", "a", "b", "c"}


# An inquiry's sentence that calls on its addressee for more than answers ("möge … untersuchen",
# "wird beauftragt"), and one that only asks for the answers ("um Beantwortung der Fragen").
_CALL = re.compile(
    r"\bmöge[n]?\b|\b(?:wird|werden)\s+(?:\w+\s+){0,3}?beauftragt\b"
    r"|\b(?:ersuchen|bitten|beauftragen|fordern)\s+wir\b|\b[Ww]ir\s+(?:ersuchen|bitten|beauftragen)\b"
)
_ABOUT_QUESTIONS = re.compile(r"(?i)\bFrage|\bbeantwort|\bAnfrage|\bAuskunft")
# a call quoted from an earlier decision ("hat … beschlossen: „Die Mitglieder werden aufgefordert")
_QUOTED = re.compile(r"[„“\"»«]")


@dataclass
class Trigger:
    type: str
    start: int
    end: int
    text: str


class ActionRules:
    """Compiled trigger patterns of ``actions.json``."""

    def __init__(self, patterns_file: str = "actions.json") -> None:
        self._setup(load_patterns(patterns_file))

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> ActionRules:
        rules = cls.__new__(cls)
        rules._setup(d)
        return rules

    def _setup(self, d: dict[str, Any]) -> None:
        flags = re.IGNORECASE | re.MULTILINE
        self.order: list[str] = d["type_order"]
        self._trigger_data = d["triggers"]
        self._flags = flags
        self._implement = AlternativeSearch([d["triggers"]["implement"]], flags)
        self._specific: dict[frozenset[str] | None, tuple[AlternativeSearch, list[str]] | None] = {}
        self.directive = FoldedPattern(d["directive"], flags)
        self.not_request = FoldedPattern(d["not_request"], flags)
        self.not_money = re.compile(d["not_money_amount"], flags)
        # One pattern, one named group per addressee in name order: its leftmost match is the
        # earliest addressee, ties to the first name (what min over (start, name) picks).
        named = sorted(d["addressees"], key=lambda x: x[0])
        self._addressee_names = [name for name, _ in named]
        groups = [named_group(f"a{i}", [p]) for i, (_, p) in enumerate(named)]
        self._addressee = re.compile(word_start_alternation(groups) if groups else r"(?!x)x")
        self.object_lead = re.compile(d["object_lead"])
        self.amend_cue = FoldedPattern(d["amend_cue"], flags)
        self.subject_verb = re.compile(d["subject_verb"])
        self.framing = re.compile(d["framing_verbs"], re.IGNORECASE)
        self.with_implement = set(d["implement_before"])
        self.light = re.compile(d["light_verbs"])
        self.passive = re.compile(d["passive_request"])
        self.infinitive = re.compile(d["infinitive_request"])
        self.amend_title = re.compile(d["amend_title"])
        # A clause boundary where a second request starts ("... prüft X und legt Y vor").
        self.clause_split = re.compile(
            r";|\s+sowie\s+|,?\s+und\s+(?=(?:\w+\s+){0,3}?(?:"
            + "|".join(d["clause_verbs"])
            + r")\b)"
        )
        types = d["document_types"]
        self.inquiry_type = re.compile(types["inquiry_paper_type"])
        self.inquiry_heading = re.compile(types["inquiry_heading"], re.MULTILINE)
        self.amend_type = re.compile(types["amendment_paper_type"])
        self.amend_heading = re.compile(types["amendment_heading"])
        self.budget_type = re.compile(types["budget_paper_type"])
        self.evidence_after = int(d["evidence_after"])
        self.call_on = re.compile(d["call_on"])
        self.passive_call = re.compile(d["passive_call"])
        self.laws = re.compile(d["laws_laid_before"])

    def find(
        self,
        clause: str,
        allowed: set[str] | None = None,
        low: str | None = None,
        skip: Callable[[Trigger], bool] | None = None,
    ) -> Trigger | None:
        """The earliest trigger of a specific type in ``clause`` that ``skip`` does not reject;
        ``implement`` only if none."""
        low = clause.lower() if low is None else low
        best: Trigger | None = None
        specific = self._specific_triggers(allowed)
        if specific is not None:
            pattern, types = specific
            pos = 0
            while found := pattern.search(clause, pos, low=low):
                m, t = found[0], types[found[1]]
                best = Trigger(t, m.start(), m.end(), clause[m.start() : m.end()])
                if (skip is None or not skip(best)) and not self._not_money(clause, best):
                    break
                best, pos = None, m.end()
        if best is None and (allowed is None or "implement" in allowed):
            found = self._implement.search(clause, low=low)
            if found:
                m = found[0]
                best = Trigger("implement", m.start(), m.end(), clause[m.start() : m.end()])
        return best

    def _specific_triggers(
        self, allowed: set[str] | None
    ) -> tuple[AlternativeSearch, list[str]] | None:
        """One search for the specific (not ``implement``) types that ``allowed`` permits, one
        group per type in ``type_order``, and those types. Its leftmost match is the earliest
        trigger, and at that position the first type in order that matches there: what
        searching type by type and keeping the earliest start (ties to the first) finds."""
        key = None if allowed is None else frozenset(allowed)
        if key not in self._specific:
            types = [t for t in self.order if t != "implement" and (key is None or t in key)]
            groups = [self._trigger_data[t] for t in types]
            self._specific[key] = (AlternativeSearch(groups, self._flags), types) if types else None
        return self._specific[key]

    def _not_money(self, clause: str, t: Trigger) -> bool:
        """Whether ``t`` is a euro amount that is no money of the budget: a fine, a tax
        threshold, a price, fee, wage or benefit ("Bußgeld bis 50.000 Euro", "die Freigrenze
        auf 65 000 Euro"; ANNOTATION.md's budget is money provided, cut or shifted)."""
        return (
            t.type == "budget"
            and t.text[:1].isdigit()
            and bool(self.not_money.search(clause, max(0, t.start - 60), t.start))
        )

    def lead_in(self, part: str, trigs: list[Trigger]) -> bool:
        """Whether ``part`` only opens a list of requests: its one trigger frames ("Die
        Verwaltung wird gebeten,", "Der Rat beauftragt die Verwaltung:") and nothing follows
        it but the addressee; the list's items are the requests."""
        if len(trigs) != 1 or trigs[0].type != "implement":
            return False
        t = trigs[0]
        rest = part[t.end :].strip()
        return (
            bool(self.framing.match(t.text))
            and part.rstrip()[-1:] in (",", ":")
            and len(rest.split()) <= 4
        )

    def find_all(
        self,
        clause: str,
        allowed: set[str] | None = None,
        skip: Callable[[Trigger], bool] | None = None,
    ) -> list[Trigger]:
        """The clause's trigger (``find``, past those ``skip`` rejects), plus a concrete
        ``implement`` verb that comes before a specific trigger ("stellt sicher, insbesondere
        durch die Bereitstellung von Mitteln"; "prüft und initiiert"); a clause with no trigger
        whose subject is the addressee and whose verb follows it ("Die Stadt richtet ... ein")
        is ``implement``."""
        impl_ok = allowed is None or "implement" in allowed
        low = clause.lower()
        trig = self.find(clause, allowed, low, skip)
        if (
            trig is not None
            and trig.type == "report"
            and (allowed is None or "implement" in allowed)
            and self.laws.search(clause, 0, trig.start)
        ):
            trig = Trigger("implement", trig.start, trig.end, trig.text)  # a bill laid before
        if trig is None:
            m = self.subject_verb.match(clause) if impl_ok else None
            if m is None or self.light.match(m.group("verb")):
                m = self.passive.match(clause) if impl_ok else None
            if m is None:
                m = self.infinitive.search(clause) if impl_ok else None
            if m:
                return [Trigger("implement", m.start("verb"), m.end("verb"), m.group("verb"))]
            return []
        out = [trig]
        if impl_ok and trig.type in self.with_implement:
            found = self._implement.search(clause, 0, trig.start, low=low)
            im = found[0] if found else None
            if im and not self.framing.match(clause[im.start() : im.end()]):
                text = clause[im.start() : im.end()]
                out.insert(0, Trigger("implement", im.start(), im.end(), text))
            elif im is None:
                m = self.subject_verb.match(clause)
                if m and m.end("verb") < trig.start and not self.light.match(m.group("verb")):
                    out.insert(
                        0, Trigger("implement", m.start("verb"), m.end("verb"), m.group("verb"))
                    )
        return out

    def addressed(self, sent: str) -> bool:
        """Whether ``sent`` opens with the addressee and a verb that requests something ("1. Die
        Verwaltung erarbeitet einen Vorschlag, wo ... könnten"): a past or subjunctive verb
        later in it (what ``not_request`` rejects) belongs to a subordinate clause."""
        m = self.subject_verb.match(sent)
        return m is not None and not self.light.match(m.group("verb"))

    def addressee(self, clause: str) -> str | None:
        m = self._addressee.search(clause)
        return self._addressee_names[int(m.lastgroup[1:])] if m else None  # type: ignore[index]

    def object(
        self, clause: str, trig: Trigger, original: str | None = None, following: str = ""
    ) -> str:
        """The requested object: what follows the trigger, at most 25 words, as an exact
        substring of ``original`` (the clause's text before numbers were normalised for
        matching; same length as ``clause``). When little follows, the first line of
        ``following`` (the operative text after the clause) where the clause does not end its
        sentence ("fordert die Bundesregierung auf:" and a list), else what precedes the
        trigger ("Die Einrichtung eines Radwegs wird geprüft.")."""
        src = clause if original is None else original
        rest_at = trig.end
        lead = self.object_lead.match(clause, trig.end)
        if lead:
            a, b = lead.start(), len(clause)
        else:
            a, b = rest_at, len(clause)
            rest = clause[a:b]
            line = FIRST_LINE.search(following) if following else None
            while line and _marker_only(line.group(0)):  # "•" on a line of its own
                line = FIRST_LINE.search(following, line.end())
            if (
                line
                and not clause.rstrip().endswith((".", "!", "?"))
                and not CALL_WORD.findall(CALL_PARTICLE.sub(" ", self._addressee.sub(" ", rest)))
            ):
                # the line without its list marker ("1.", "a)", "-")
                mark = LIST_ITEM.match(line.group(0))
                src, a, b = following, line.start() + (mark.end() if mark else 0), line.end()
            elif len(rest.split()) < 3:
                a, b = 0, trig.start
        obj = src[a:b]
        words = list(OBJECT_WORD.finditer(obj))
        if len(words) > 25:
            obj = obj[: words[24].end()]
        return obj.strip(" ,.;:\n\t–-")


def _marker_only(line: str) -> bool:
    """Whether ``line`` is a list marker and nothing else ("•", "1.")."""
    mark = LIST_ITEM.match(line + " ")
    return mark is not None and mark.end() > len(line)


@dataclass
class ActionKit:
    """What the actions component works with: its trigger rules, the section finder (the
    operative part it finds is ``doc._.sections``), the hedging words and the levels of bodies
    and executives."""

    rules: ActionRules
    sections: SectionFinder
    hedges: HedgeDetector
    levels: WordClasses

    @classmethod
    def from_data(cls, data: RuleData) -> ActionKit:
        return cls(
            ActionRules.from_data(data["patterns"]),
            SectionFinder.from_data(data["sections"]),
            HedgeDetector.from_data(data["hedging"]),
            WordClasses.from_data(data["levels"]),
        )

    def own_level_call(self, part: str, trigs: list[Trigger], level: str) -> bool:
        """Whether the clause's appeal only asks the motion's own executive to act: it calls on
        somebody (``call_on``: "fordert ... auf", "zu ersuchen"), names an executive of the
        motion's level and nothing of another level, and no executive is its subject unless it is
        asked in the passive ("Der Landtag beschließt, die Landesregierung zu ersuchen"; "Die
        Landesregierung wird aufgefordert"; not "Der Gemeinderat fordert die Landesregierung
        auf", nor "Die Stadtverwaltung fordert die Behörden auf")."""
        if not any(t.type == "appeal" for t in trigs) or not self.rules.call_on.search(part):
            return False
        words = LEVEL_WORD.findall(part.lower())
        if level == "party" and self.levels.party_members.search(part):
            return True  # the party's own office holders, at whatever level they sit
        named = {self.levels.word_level(w) for w in words}
        named.discard(None)
        if named != {level} or not any(self.levels.executive_level(w) == level for w in words):
            return False
        if self.rules.passive_call.search(part):
            return True  # "Die Landesregierung wird aufgefordert": its executive is the addressee
        opening = [w for w in words[:4] if w not in OPENING_WORDS][:2]
        return not any(self.levels.executive_level(w) not in (None, "BODY") for w in opening)

    def own_level_name(self, level: str) -> Callable[[Trigger], bool]:
        """Whether a trigger is an appeal that only names a body or executive of the motion's
        own level: "Der Landtag möge beschließen", "Die Landesregierung wird beauftragt" in a
        Landtag's motion name its own parliament and government, where a council naming them
        calls on another level (ANNOTATION.md, "Other bodies"); the clause is typed by its next
        trigger."""

        def own(t: Trigger) -> bool:
            return (
                t.type == "appeal"
                and " " not in t.text
                and self.levels.word_level(t.text.lower()) == level
            )

        return own

    def other_level_call(self, part: str, level: str) -> re.Match[str] | None:
        """The clause's call in the passive on an executive of another level than the
        motion's ("Der Senat wird aufgefordert" at a party convention, "Die Landesregierung wird
        gebeten" in a council): an appeal, as the active "fordert die Landesregierung auf" is.
        Not when the words before the call name the motion's own executive or, at a party
        convention, the party's own members ("Die sozialdemokratischen Mitglieder des Senats");
        else None."""
        m = self.rules.passive_call.search(part)
        if m is None:
            return None
        subject = part[: m.start()]
        if level == "party" and self.levels.party_members.search(subject):
            return None
        named = {self.levels.executive_level(w) for w in LEVEL_WORD.findall(subject.lower())}
        named -= {None, "BODY"}
        return m if named and level not in named else None


@Language.factory(
    "motion_actions",
    assigns=["doc._.sections", "doc._.actions", "doc._.level"],
    default_config={
        "patterns_file": "actions.json",
        "sections_file": "sections.json",
        "hedging_file": "hedging.json",
        "levels_file": "clauses.json",
        "max_actions": 12,
    },
)
def make_motion_actions(
    nlp: Language,
    name: str,
    patterns_file: str,
    sections_file: str,
    hedging_file: str,
    levels_file: str,
    max_actions: int,
) -> MotionActions:
    return MotionActions(name, patterns_file, sections_file, hedging_file, levels_file, max_actions)


class MotionActions(RuleComponent[ActionKit]):
    """Sets ``doc._.sections`` and ``doc._.actions``: one dict per requested action, in text order.

    Sentences of the operative part are split into clauses at coordinations that start a new
    request; each clause gets the type of its earliest specific trigger, or ``implement`` when
    it is a directive without one. Justification sentences are used only when the operative
    part yields nothing. Anfragen are inquiries.
    """

    def __init__(
        self,
        name: str = "motion_actions",
        patterns_file: str = "actions.json",
        sections_file: str = "sections.json",
        hedging_file: str = "hedging.json",
        levels_file: str = "clauses.json",
        max_actions: int = 12,
    ) -> None:
        files = {
            "patterns": patterns_file,
            "sections": sections_file,
            "hedging": hedging_file,
            "levels": levels_file,
        }
        super().__init__(name, files, ActionKit.from_data)
        self.max_actions = max_actions

    def __call__(self, doc: Doc) -> Doc:
        kit = self.rules
        text = doc_text(doc)
        sec = kit.sections.find(text, doc._.title or "")
        doc._.sections = sec
        ptype = doc._.paper_type or ""
        head = text[: sec.header_end + 1]
        inquiry_doc = bool(kit.rules.inquiry_type.search(ptype)) or bool(
            kit.rules.inquiry_heading.search(head)
        )
        # the body the reader knows, else the one the letterhead names (as the result shows it)
        clean = doc._.clean
        body = doc._.body or body_from_text(clean.original if clean is not None else text)
        level = doc._.level = kit.levels.level(body, doc._.title, text[:1500])
        actions = self._requests(doc, sec, inquiry_doc, level)
        amend_doc = kit.rules.amend_type.search(ptype) or kit.rules.amend_heading.search(head)
        if amend_doc and not any(a["type"] == "amend" for a in actions):
            actions += self._amendment(doc, text, sec)
        budget_doc = kit.rules.budget_type.search(ptype) or sec.is_form
        if budget_doc and sec.form_rows and not any(a["type"] == "budget" for a in actions):
            # A budget form with figures in its per-year rows asks for money.
            if form_row_amounts(text, *sec.form_rows):
                actions.append(_fixed(doc, "budget", *trim_span(text, *sec.form_rows)))
        actions.sort(key=lambda x: x["start"])
        doc._.actions = actions[: self.max_actions]
        return doc

    def _requests(self, doc: Doc, sec: Sections, inquiry_doc: bool, level: str) -> list[Action]:
        """The requests of the operative part; else of the text before the justification, else
        of the whole motion; an inquiry's questions anywhere when it has none."""
        allowed = {"inquiry"} if inquiry_doc else None
        sents = sentence_spans(doc)
        actions = self._collect(doc, sents, sec.operative, allowed, not inquiry_doc, level)
        if not actions:
            just = sec.justification[0][0] if sec.justification else sec.end
            actions = self._collect(doc, sents, [(sec.header_end, just)], allowed, True, level)
        if not actions:
            actions = self._collect(doc, sents, [(sec.header_end, sec.end)], allowed, True, level)
        if inquiry_doc and not actions:
            actions = self._collect(doc, sents, [(0, sec.end)], {"inquiry"}, False, level)
        if inquiry_doc:
            actions += self._beside_questions(doc, sents, sec, level)
        return actions

    def _beside_questions(
        self, doc: Doc, sents: list[tuple[int, int]], sec: Sections, level: str
    ) -> list[Action]:
        """An inquiry's other requests ("Darüber hinaus möge der Landesvorstand untersuchen,
        ob …"; ANNOTATION.md: "other types only if something else is requested"): sentences
        outside the justification that call on someone and ask no question."""
        rules = self.rules.rules
        text = doc_text(doc)
        calls = [
            (s, e)
            for s, e in sents
            if sec.header_end <= s < sec.end
            and not sec.in_justification(s)
            and "?" not in text[s:e]
            and not text[s:e].rstrip().endswith(":")
            and not _ABOUT_QUESTIONS.search(text[s:e])
            and not _QUOTED.search(text[s:e])
            and (rules.passive_call.search(text[s:e]) or _CALL.search(text[s:e]))
        ]
        others = set(rules.order) - {"inquiry"}
        return self._collect(doc, sents, calls, others, False, level) if calls else []

    def _amendment(self, doc: Doc, text: str, sec: Sections) -> list[Action]:
        """An amendment changes another proposal's text: typed amend where it says so, or
        where its title names the document it amends; the cue (else heading) is evidence."""
        rules = self.rules.rules
        cue = rules.amend_cue.search(text, 0, sec.end)
        if cue:
            return [_fixed(doc, "amend", *trim_span(text, *cue.span()))]
        if rules.amend_title.search(doc._.title or ""):
            m = rules.amend_heading.search(text)
            a, b = (m.start(), m.end()) if m else (0, min(len(text), 40))
            return [_fixed(doc, "amend", a, b)]
        return []

    def _action(self, doc: Doc, text: str, cs: int, part: str, trig: Trigger, obj: str) -> Action:
        kit = self.rules
        ts, te = cs + trig.start, cs + trig.end
        after = min(cs + len(part), te + kit.rules.evidence_after)
        es, ee = trim_span(text, cs, max(te, after), anchor=ts)
        ev, oa, ob = evidence(doc, es, ee)
        return Action(
            type=trig.type,
            trigger=text[ts:te].strip(),  # the text's own, not the dot-masked sentence's
            addressee=kit.rules.addressee(part),
            object=obj,
            hedged=kit.hedges(text[cs : cs + len(part)]),
            evidence=ev,
            start=oa,
            end=ob,
        )

    def _collect(
        self,
        doc: Doc,
        sents: list[tuple[int, int]],
        spans: list[tuple[int, int]],
        allowed: set[str] | None,
        strict: bool,
        level: str,
    ) -> list[Action]:
        """The actions of the sentences in ``spans`` (one per type and object)."""
        kit = self.rules
        rules = kit.rules
        no_appeal = (set(rules.order) if allowed is None else allowed) - {"appeal"}
        appeal_ok = allowed is None or "appeal" in allowed
        text = doc_text(doc)
        out: list[Action] = []
        seen: set[tuple[str, str]] = set()
        own_name = kit.own_level_name(level)
        lead = False  # a lead-in's request to act waits for the list items it frames
        for a, b in spans:
            for s, e in sents:
                if e <= a or s >= b:
                    continue
                s, e = max(s, a), min(e, b)
                # Dots inside numbers ("20.000") must not end the [^.;] windows of the patterns.
                sent = NUMBER_DOT.sub(",", text[s:e])
                low = sent.lower()
                if len(sent.split()) < 3:
                    continue
                if rules.not_request.search(sent, low=low) and not rules.addressed(sent):
                    continue
                directive = bool(rules.directive.search(sent, low=low))
                if strict and not directive and "?" not in sent:
                    continue
                pos = 0
                for part in rules.clause_split.split(sent):
                    cs = s + sent.find(part, pos)
                    pos = cs - s + len(part)
                    trigs = rules.find_all(part, allowed, own_name)
                    call = kit.other_level_call(part, level) if appeal_ok else None
                    if call is not None:
                        # a call on another level: an appeal, whatever it asks for (as the
                        # earliest trigger, "fordert ... auf", types the active form)
                        trigs = [Trigger("appeal", call.start(), call.end(), call.group(0))]
                    elif kit.own_level_call(part, trigs, level):
                        # the ordinary request to its own addressee: typed by the other
                        # triggers, else a request to act
                        call = rules.call_on.search(part)
                        trigs = rules.find_all(part, no_appeal) or (
                            [Trigger("implement", call.start(), call.end(), call.group(0))]
                            if call and "implement" in no_appeal
                            else []
                        )
                    if rules.lead_in(part, trigs):
                        # "Die Verwaltung wird gebeten," over a list: its items are the
                        # requests, an item without a trigger one to act
                        lead = True
                        continue
                    lead = lead and bool(LIST_ITEM.match(part.lstrip()))  # the list goes on
                    if lead and not trigs:
                        trigs = [Trigger("implement", 0, len(part.split("\n")[0]), part[:40])]
                    for trig in trigs:
                        if strict and not directive and trig.type != "inquiry":
                            continue
                        # the operative text after the sentence, for a request whose
                        # object follows it (its last clause only)
                        last = not sent[cs - s + len(part) :].strip()
                        after = text[e:b] if last else ""
                        obj = rules.object(part, trig, text[cs : cs + len(part)], after)
                        key = (trig.type, obj[:40].lower())
                        if key in seen:
                            continue
                        seen.add(key)
                        out.append(self._action(doc, text, cs, part, trig, obj))
        return out


def _fixed(doc: Doc, kind: str, a: int, b: int) -> Action:
    """An action of ``kind`` that the document type implies, with [a, b) as its evidence."""
    ev, oa, ob = evidence(doc, a, b)
    return Action(
        type=kind,
        trigger=doc_text(doc)[a:b],
        addressee=None,
        object="",
        hedged=False,
        evidence=ev,
        start=oa,
        end=ob,
    )


def one_per_type(actions: list[Action]) -> list[Action]:
    """The actions with each type once, its first request's entry (ANNOTATION.md: "list each
    distinct one once"; an inquiry's questions are "one entry"), so that a paper of twelve
    questions or of three amended points counts one of each in the reports. The extractors keep
    one per request: the topic reads the first requests' objects, and the clause model was
    trained on them."""
    seen: set[str] = set()
    out: list[Action] = []
    for a in actions:
        if a["type"] not in seen:
            seen.add(a["type"])
            out.append(a)
    return out
