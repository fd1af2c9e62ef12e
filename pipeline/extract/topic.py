"""Topic: the policy object of the motion as a short noun phrase, plus a few keywords."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.evidence import doc_text
from pipeline.extract.patterns import load_patterns
from pipeline.extract.ruledata import RuleComponent, RuleData
from pipeline.lemmas import lemmatize

SEPARATORS = re.compile(r"\s*(?::|\s[-–—]\s|\s[-–—](?=[A-ZÄÖÜ„\"])|!|\?)\s*")
QUOTES = re.compile(r"[„“”\"»«]")
NOUN = re.compile(r"\b[A-ZÄÖÜ][\wäöüß\-]{2,}")
ABBREVIATION = re.compile(r"\s*\(([A-ZÄÖÜ]{2,6})\)")
ALIAS = re.compile(r"\s*\(([A-ZÄÖÜ][\wäöüß\-]{7,})\)\s*$")
# "Nutzerinnen und Nutzer", "Fußgänger/Fußgängerinnen": one form is enough for a topic.
GENDER_PAIR = re.compile(r"\b(\w+?)innen(?: und |/)\1(n?)\b|\b(\w+?)(n?)/\3innen\b")
# An inflected adjective: stem + ending (the stem may end in -er: "sicheren", "besseren").
ADJECTIVE = re.compile(r"([a-zäöüß][a-zäöüß\-]{2,}?)(?:en|er|em|es|e)")
# "Bürger*innenbeteiligung", "Inhaber:innen": the gender mark goes ("Bürgerbeteiligung").
GENDER_MARK = re.compile(r"(?<=er|or|nt|st|ur)[*:_]innen\b|(?<=[a-zäöüß])[*:_]innen(?=[a-zäöüß])")
# Bracketed remarks left after aliases and abbreviations ("(u. a. Heizstrahler)").
REMARK = re.compile(r"\s*\([^()]*\)")
INFINITIVE = re.compile(r"[a-zäöüß]{3,}(?:en|ern|eln)")
# A dash inside a name is no separator: house numbers "3 - 5", routes "Sophienstraße - Herrenstraße".
STREET = r"(?:straße|str\.|weg|platz|allee|gasse|ring|damm)"
NUMBER_RANGE = re.compile(r"(\d)\s+[-–]\s+(?=\d)")
STREET_CHAIN = re.compile(rf"({STREET})\s+[-–]\s+(?=[A-ZÄÖÜ][\wäöüß-]*{STREET}(?!\w))")


def _nominative(word: str, keep_s: tuple[str, ...] = ()) -> str:
    """A noun in the genitive singular ("Mietsystems", "Gesamtkonzeptes") in its base form."""
    if not word[:1].isupper() or not word.endswith("s") or word.lower().endswith(("ss", *keep_s)):
        return word
    lemma = lemmatize(word)
    if lemma != word:
        return lemma[:1].upper() + lemma[1:]
    return word[:-2] if word.endswith("es") and len(word) > 6 else word[:-1]


def _short_forms(title: str) -> str:
    """Replace a long name followed by its abbreviation by the abbreviation
    ("Bundesamtes für Migration und Flüchtlinge (BAMF)" -> "BAMF"; a name of one or two words
    stays: "Technologiepark Karlsruhe (TPK)"); an abbreviation whose name is not spelled out
    stays, without brackets ("Freihandelsabkommen TTIP")."""
    out: list[str] = []
    pos = 0
    for m in ABBREVIATION.finditer(title):
        words = title[pos : m.start()].split()
        abbr = m.group(1)
        for i in range(len(words) - 1, max(-1, len(words) - 7), -1):
            letters = iter("".join(words[i:]).lower())
            if words[i][:1] == abbr[0] and all(ch in letters for ch in abbr.lower()):
                # a long name gives way to its abbreviation; a short one stays as it is
                if len(words) - i >= 3:
                    words = [*words[:i], abbr]
                break
        else:
            words.append(abbr)
        out.extend(words)
        pos = m.end()
    out.extend(title[pos:].split())
    return " ".join(out)


def _one_gender(text: str) -> str:
    text = GENDER_MARK.sub("", text)
    return GENDER_PAIR.sub(
        lambda m: (m.group(1) or m.group(3)) + (m.group(2) or m.group(4) or ""), text
    )


class TopicRules:
    """The compiled topic rules of ``topic.json``: title clean-up, German noun-phrase
    morphology, and the weights that score title parts against the request."""

    def __init__(self, patterns_file: str = "topic.json") -> None:
        self._setup(load_patterns(patterns_file))

    @classmethod
    def from_data(cls, d: dict[str, Any]) -> TopicRules:
        rules = cls.__new__(cls)
        rules._setup(d)
        return rules

    def _setup(self, d: dict[str, Any]) -> None:
        self.prefix = [re.compile(p) for p in d["title_prefix"]]
        self.suffix = [re.compile(p) for p in d["title_suffix"]]
        self.generic = re.compile(d["generic_title"])
        self.lead = re.compile(d["lead_words"])
        self.trailing = re.compile(d["trailing_verbs"])
        self.max_words = int(d.get("max_words", 6))
        self.stop = frozenset(d["stop_words"])
        self.keyword_stop = self.stop | frozenset(d.get("keyword_stop_words", []))
        self.generic_words = frozenset(d.get("generic_words", []))
        self.place = re.compile(d["place_phrase"]) if d.get("place_phrase") else None
        self.trailing_clause = (
            re.compile(d["trailing_clause"]) if d.get("trailing_clause") else None
        )
        self.articles = frozenset(d.get("articles", []))
        self.slogan = re.compile(d["slogan"]) if d.get("slogan") else re.compile(r"(?!)")
        self.neuter_suffixes = tuple(d.get("neuter_suffixes", []))
        self.keep_s = tuple(d.get("nominative_s_endings", []))
        self.prepositions = frozenset(d.get("prepositions", []))
        self.question = re.compile(d.get("question_words") or r"(?!)")
        self.function_words = self.articles | self.prepositions
        grant = d.get("grant") or {}
        self.budget_paper = re.compile(grant.get("budget_paper") or r"(?!)")
        self.money_words = re.compile(grant.get("money_words") or r"(?!)")
        self.grant_prefixes = [(w, re.compile(p)) for w, p in (grant.get("prefixes") or {}).items()]
        morph = d["morphology"]
        self.genitive_articles = frozenset(morph["genitive_articles"])
        self.contracted = frozenset(morph["contracted"])
        self.conjunctions = frozenset(morph["conjunctions"])
        self.genitive_singular = frozenset(morph["genitive_singular_articles"])
        self.strong_endings: dict[str, str] = dict(morph["strong_endings"])
        # Capitalised adjectives opening a phrase ("Institutionelle Förderung") are no object.
        self.adjective_suffix = re.compile(
            f"(?:{'|'.join(morph['adjective_suffixes'])})(?:{'|'.join(morph['adjective_endings'])})$"
        )
        self.weights: dict[str, float] = dict(d["weights"])

    def clean_title(self, title: str) -> str:
        t = " ".join(title.split())
        for _ in range(2):
            for p in self.prefix:
                t = p.sub("", t, count=1)
        for p in self.suffix:
            t = p.sub("", t)
        return t.strip(" -–:")

    def shorten(self, phrase: str) -> str:
        """Drop quotes, closing verbs and generic words; keep at most ``max_words`` content words."""
        p = QUOTES.sub("", phrase).strip(" .,;:-–")
        p = _one_gender(p)
        p = self.trailing.sub("", p)
        p = self.trailing.sub("", p)
        words = self._drop_closing_verbs(p.split())
        words = self._drop_generic(words)
        out: list[str] = []
        n = 0
        for w in words:
            out.append(w)
            n += self._key(w) not in self.stop
            if n >= self.max_words:
                break
        text = " ".join(self._strip_function_words(out)).strip(" ,;:-–")
        # A closing full stop goes unless it ends an abbreviation ("e. V.").
        return text if re.search(r"\b[A-Za-z]\.$", text) else text.rstrip(".")

    @staticmethod
    def _key(word: str) -> str:
        return word.lower().strip(",.()")

    def _drop_closing_verbs(self, words: list[str]) -> list[str]:
        """A title that ends in infinitives ("... vorbereiten und ausweisen") names the object
        before them; nouns are capitalised, so lower-case closing words in -en are verbs. A
        verb after a noun and before "und" ends the first demand ("Umbau der Kaiserstraße
        verschieben und Planung ... überarbeiten"); the object is the part before it."""
        for i in range(1, len(words) - 1):
            if (
                self._is_verb(words[i])
                and words[i - 1][:1].isupper()
                and words[i + 1] in ("und", "sowie")
            ):
                words = words[:i]
                break
        words = list(words)
        while len(words) > 1 and self._is_verb(words[-1]):
            words.pop()
            if len(words) > 2 and words[-1] in self.conjunctions and self._is_verb(words[-2]):
                words.pop()
        # What is left after the verbs is lower case only when it is an adverb or a
        # predicative adjective ("Kunstkommission straffer", "... zukunftssicher und
        # bürgerfreundlich"): a noun phrase ends in a noun.
        tail = len(words)
        while tail > 1 and (
            words[tail - 1] in self.conjunctions
            or (words[tail - 1].islower() and self._key(words[tail - 1]) not in self.stop)
        ):
            tail -= 1
        if tail < len(words) and self._names_object(" ".join(words[:tail])):
            words = words[:tail]
        return words

    def _is_verb(self, word: str) -> bool:
        return bool(INFINITIVE.fullmatch(word)) and self._key(word) not in self.stop

    def _drop_generic(self, words: list[str]) -> list[str]:
        """Drop generic words with the adjectives and articles that belong to them
        ("im Bereich der Schule" -> "Schule", "sachdienliche Informationen zu" -> "zu")."""
        out: list[str] = []
        skip_article = False
        opening_article = None
        for i, w in enumerate(words):
            key = self._key(w)
            if skip_article and key in self.genitive_articles:
                skip_article = False
                if not out:
                    opening_article = key
                continue
            skip_article = False
            if key not in self.generic_words:
                out.append(w)
                continue
            while (
                out
                and self._key(out[-1]) not in self.stop
                and (
                    out[-1][:1].islower() or (len(out) == 1 and ADJECTIVE.fullmatch(out[0].lower()))
                )
            ):
                out.pop()
            if out and self._key(out[-1]) in self.articles:
                out.pop()
            if out and self._key(out[-1]) in self.contracted:
                out.pop()
            if (
                out
                and self._key(out[-1]) in self.conjunctions
                and out[-1] == words[i - 1]
                and self._names_object(" ".join(words[i + 1 : i + 2]))
            ):
                # a generic conjunct: "Projekte und Maßnahmen Durlach" -> "Projekte Durlach"
                # (but "Hortentwicklung und Aufnahme weiterer Hortprojekte" keeps its "und")
                out.pop()
            if not out:
                opening_article = opening_article or ""
            skip_article = True
        # An article left in front of another function word has lost its noun.
        tidy: list[str] = []
        for w in out:
            key = self._key(w)
            if tidy and self._key(tidy[-1]) in self.articles and key in self.function_words:
                tidy.pop()
            if tidy and self._key(tidy[-1]) in self.contracted and key in self.articles:
                continue
            if tidy and self._key(tidy[-1]) in self.prepositions and key in self.prepositions:
                tidy.pop()
            tidy.append(w)
        while tidy and self._key(tidy[0]) in self.conjunctions:
            tidy.pop(0)
        if opening_article is not None:
            # "Stand der Entwicklung eines gesamtstädtischen Inklusionskonzepts": what is
            # left opened with a genitive; its noun phrase is put in the nominative.
            tidy = self.nominative_phrase(tidy, opening_article)
        return tidy

    def _strip_function_words(self, words: list[str]) -> list[str]:
        out = list(words)
        while out and (self._key(out[-1]) in self.stop or not out[-1][:1].isalnum()):
            out.pop()
        dropped = ""
        while out and self._key(out[0]) in self.stop:
            dropped = self._key(out.pop(0))
        if dropped in self.articles or dropped in self.contracted:
            # "zum sicheren Hafen" -> "Sicherer Hafen"
            out = self.nominative_phrase(out, dropped)
        return out

    def object_text(self, title: str) -> tuple[str | None, bool]:
        """The title without its paper-type prefixes, remarks in brackets, the body's own
        place, a leading action noun ("Einrichtung eines ...") and a trailing clause: the text
        the topic is taken from (None for a generic title); and whether that text is the
        one-word alias the title names ("... (Queer-Diversity-Fonds)"), a topic as it is."""
        t = self.clean_title(title)
        if not t or self.generic.match(t) or not re.search(r"[A-Za-zÄÖÜäöüß]{3}", t):
            return None, False
        alias = ALIAS.search(t)
        if alias and self._is_alias(alias.group(1), t[: alias.start()]):
            return alias.group(1), True
        t = REMARK.sub("", _short_forms(t)).strip()
        t = STREET_CHAIN.sub(r"\1–", NUMBER_RANGE.sub(r"\1-", t))
        if t.endswith("?"):
            t = self.question.sub("", t.rstrip("?")).strip()
        if self.place is not None:
            t = self.place.sub(" ", t)
        t = self._drop_lead(t)
        if self.trailing_clause is not None:
            cut = self.trailing_clause.sub("", t)
            t = cut if self._names_object(cut) else t
        return t, False

    def from_title(self, title: str, context: str = "") -> str | None:
        t, is_alias = self.object_text(title)
        if t is None or is_alias:
            return t
        # Slogan and object are often split by ":" or " - "; the object may be either side.
        # The side that the request itself talks about wins; without a clear winner both
        # are kept and generic words removed.
        parts = [s for s in SEPARATORS.split(t) if s and NOUN.search(s)]
        # A part made of generic words only ("Institutionelle Förderung") is no candidate.
        parts = [p for p in parts if self._names_object(p)] or parts
        if len(parts) > 1 and context:
            scored = sorted(
                ((self._overlap(p, context), -i, p) for i, p in enumerate(parts)), reverse=True
            )
            if scored[0][0] > scored[1][0]:
                parts = [scored[0][2]]
        if len(parts) > 1:
            parts = [self.trailing.sub("", p) for p in parts]
        topic = self.shorten(" ".join(parts) if parts else t) or None
        if topic:
            topic = self._trim(topic)
        return topic

    def _names_object(self, text: str) -> bool:
        """Whether ``text`` has a noun that is neither generic nor a stop word."""
        return any(
            w.lower() not in self.generic_words
            and w.lower() not in self.stop
            and not self.adjective_suffix.search(w.lower())
            for w in NOUN.findall(text)
        )

    def _is_alias(self, alias: str, name: str) -> bool:
        """A one-word name in brackets after a long name ("Fonds zur Förderung ...
        (Queer-Diversity-Fonds)") is its short form when they share a word stem."""
        words = [w for w in NOUN.findall(name) if w.lower() not in self.stop]
        low = alias.lower()
        n, stem = int(self.weights["alias_min_name_words"]), int(self.weights["alias_stem_chars"])
        return len(words) >= n and any(w.lower()[:stem] in low for w in words)

    def _drop_lead(self, t: str) -> str:
        """Drop leading action nouns ("Einrichtung eines ..."); the phrase left in the
        genitive is put in the nominative ("eines Jugendbeirats" -> "Jugendbeirat")."""
        m = self.lead.match(t)
        if not m:
            return t
        cut = t[m.end() :]
        if not NOUN.search(cut):
            return t
        last = m.group(0).split()[-1].lower()
        article = last if last in self.articles or last in self.contracted else ""
        words = self.nominative_phrase(cut.split(), article)
        return " ".join(words)

    def nominative_phrase(self, words: list[str], article: str) -> list[str]:
        """The noun phrase opening ``words`` in the nominative, given the article it followed
        in the title (now dropped): adjectives take the strong ending, a genitive head its base
        form ("des gesamtstädtischen Inklusionskonzepts" -> "Gesamtstädtisches Inklusionskonzept",
        "der interkulturellen Kompetenz" -> "Interkulturelle Kompetenz")."""
        words = list(words)
        head = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
        if head is None or head > 3:
            return words
        adjectives = [i for i in range(head) if ADJECTIVE.fullmatch(words[i])]
        if len(adjectives) != head:
            return words
        if article in self.genitive_singular:
            words[head] = _nominative(words[head], self.keep_s)
        ending = self._strong_ending(article, words[head])
        if not article:
            # no article: only a strong genitive plural or feminine ("kostenfreier
            # Hygieneprodukte") needs a change; "kostenfreies WLAN" is nominative already
            adjectives = [i for i in adjectives if words[i].endswith("er")]
            ending = "e"
        if ending is not None:
            for i in adjectives:
                adj = ADJECTIVE.fullmatch(words[i])
                assert adj is not None  # the adjectives were chosen by this pattern
                words[i] = adj.group(1) + ending
        return words

    def _strong_ending(self, article: str, noun: str) -> str | None:
        """The nominative ending of an adjective before ``noun`` with no article: fixed after a
        genitive feminine or plural article ("der": -e) or an accusative masculine one ("einen":
        -er), after a masculine or neuter one by the noun's gender."""
        ending = self.strong_endings.get(article)
        if ending == "neuter_or_masculine":
            return "es" if noun.lower().endswith(self.neuter_suffixes) else "er"
        return ending

    def _trim(self, topic: str) -> str:
        """Cut what follows the object ('... in Zusammenarbeit mit ...'), keeping the topic
        unless nothing nominal is left."""
        if self.trailing_clause is not None:
            cut = self.trailing_clause.sub("", topic).strip(" ,")
            if self._names_object(cut):
                topic = cut
        return topic

    def _overlap(self, part: str, context: str) -> float:
        """Share of the part's content words whose stem occurs in ``context``; a slogan
        (closing with a verb: "... stärken", with a finite verb: "Kultur braucht Raum", or a
        purpose: "für echte Beteiligung") counts less."""
        words = [w for w in NOUN.findall(part) if w.lower() not in self.stop]
        if not words:
            return 0.0
        w = self.weights
        ctx = context.lower()
        stem = int(w["context_stem_chars"])
        hits = sum(word.lower()[:stem] in ctx for word in words)
        score = hits / len(words) + w["per_hit_bonus"] * hits
        if self.trailing.search(part):
            score -= w["closing_verb_penalty"]
        if self.slogan.search(part):
            score -= w["slogan_penalty"]
        return score

    def drop_unmentioned_modifiers(self, topic: str, operative: str) -> str:
        """Drop lower-case words (adjectives: "Kostenlose", "dezentrale") of the topic that the
        request never mentions; the object nouns stay."""
        stem = int(self.weights["modifier_stem_chars"])
        words = topic.split()
        keep = [
            w
            for i, w in enumerate(words)
            if not (
                w[:1].islower()
                and w.lower() not in self.stop
                and w.strip(",.()").lower()[:stem] not in operative
            )
        ]
        while keep and keep[-1].lower().strip(",.()") in self.stop:
            keep.pop()
        while keep and keep[0].lower().strip(",.()") in self.stop:
            keep.pop(0)
        return " ".join(keep) if any(NOUN.match(w) for w in keep) else topic

    def from_object(self, obj: str) -> str | None:
        nouns = [w for w in NOUN.findall(obj) if w.lower() not in self.stop]
        return nouns[0] if nouns else None

    def topic(
        self,
        title: str,
        objects: list[str],
        evidence: list[str],
        operative: str | None,
        paper_type: str = "",
    ) -> str | None:
        """The topic from the title, checked against the request; else the request's object.

        ``operative`` is the text of the operative part, None when the doc has no sections."""
        context = " ".join(evidence[:3]) + " " + " ".join(objects[:3])
        topic = self.from_title(title, context)
        if topic and operative is not None:
            topic = self.drop_unmentioned_modifiers(topic, operative.lower())
        if topic is None and objects:
            topic = self.from_object(objects[0])
        if topic and topic[:1].islower():
            topic = topic[:1].upper() + topic[1:]
        if topic and self.budget_paper.search(f"{paper_type} {title}"):
            topic = self.grant_topic(topic, title, operative or "")
        return topic

    def grant_topic(self, topic: str, title: str, operative: str) -> str:
        """A budget motion for one organisation or project names the grant:
        "Kulturverein Tempel e. V." -> "Zuschuss Kulturverein Tempel e. V." when the title or
        the request speaks of a Zuschuss. Topics that already name money stay."""
        words = topic.split()
        is_name = len(words) <= 5 and all(w[:1].isupper() or w in ("e.", "V", "V.") for w in words)
        if not is_name or self.money_words.search(topic):
            return topic
        for source in (title, operative):
            found = [(m.start(), w) for w, p in self.grant_prefixes if (m := p.search(source))]
            if found:
                return f"{min(found)[1]} {topic}"
        return topic

    def keywords(self, title: str, objects: list[str]) -> list[str]:
        """The nouns of the title and the requested objects most often named (a title's
        count more)."""
        title_weight = int(self.weights["keyword_title_weight"])
        object_weight = int(self.weights["keyword_object_weight"])
        c: Counter[str] = Counter()
        for i, src in enumerate([title, *objects]):
            for w in NOUN.findall(src):
                if w.lower() not in self.keyword_stop:
                    c[w] += title_weight if i == 0 else object_weight
        return [w for w, _ in c.most_common(int(self.weights["keywords"]))]


@Language.factory(
    "motion_topic",
    assigns=["doc._.topic", "doc._.topic_keywords"],
    requires=["doc._.actions", "doc._.sections"],
    default_config={"patterns_file": "topic.json"},
)
def make_motion_topic(nlp: Language, name: str, patterns_file: str) -> MotionTopic:
    return MotionTopic(name, patterns_file)


class MotionTopic(RuleComponent[TopicRules]):
    """Sets ``doc._.topic`` (from the title, else the main request's object) and
    ``doc._.topic_keywords``. Reads ``doc._.actions`` and ``doc._.sections``."""

    def __init__(self, name: str = "motion_topic", patterns_file: str = "topic.json") -> None:
        super().__init__(name, {"patterns": patterns_file}, _topic_rules)

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules
        acts = doc._.actions or []
        sec = doc._.sections
        operative = None
        if sec is not None:
            text = doc_text(doc)
            operative = " ".join(text[a:b] for a, b in sec.operative)
        title = doc._.title or ""
        objects = [a.get("object") or "" for a in acts]
        evidence = [a.get("evidence") or "" for a in acts]
        doc._.topic = rules.topic(
            title, objects, evidence, operative, paper_type=doc._.paper_type or ""
        )
        doc._.topic_keywords = rules.keywords(title, objects)
        return doc


def _topic_rules(data: RuleData) -> TopicRules:
    return TopicRules.from_data(data["patterns"])
