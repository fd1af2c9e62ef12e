"""Topic: the policy object of the motion as a short noun phrase, plus a few keywords."""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.patterns import compile_any, load_patterns

SEPARATORS = re.compile(r"\s*(?::|\s[-–—]\s|\s[-–—](?=[A-ZÄÖÜ„\"])|!|\?)\s*")
QUOTES = re.compile(r"[„“”\"»«]")
NOUN = re.compile(r"\b[A-ZÄÖÜ][\wäöüß\-]{2,}")


class TopicRules:
    def __init__(self, patterns_file: str = "topic.json") -> None:
        d = load_patterns(patterns_file)
        self.prefix = [re.compile(p) for p in d["title_prefix"]]
        self.suffix = [re.compile(p) for p in d["title_suffix"]]
        self.generic = re.compile(d["generic_title"])
        self.lead = re.compile(d["lead_words"])
        self.trailing = re.compile(d["trailing_verbs"])
        self.max_words = int(d.get("max_words", 6))
        self.stop = frozenset(d["stop_words"])
        self.any_prefix = compile_any(d["title_prefix"])

    def clean_title(self, title: str) -> str:
        t = " ".join(title.split())
        for _ in range(2):
            for p in self.prefix:
                t = p.sub("", t, count=1)
        for p in self.suffix:
            t = p.sub("", t)
        return t.strip(" -–:")

    def shorten(self, phrase: str) -> str:
        p = QUOTES.sub("", phrase).strip(" .,;:-–")
        p = self.trailing.sub("", p)
        p = self.trailing.sub("", p)
        shorter = self.lead.sub("", p)
        if len(shorter.split()) >= 1 and NOUN.search(shorter):
            p = shorter
        words = p.split()
        if len(words) > self.max_words:
            words = words[: self.max_words]
            while words and (words[-1].lower() in self.stop or not words[-1][:1].isupper()):
                words.pop()
        return " ".join(words).strip(" ,.;:-–")

    def from_title(self, title: str) -> str | None:
        t = self.clean_title(title)
        if not t or self.generic.match(t) or not re.search(r"[a-zäöüß]{3}", t):
            return None
        parts = [s for s in SEPARATORS.split(t) if s and NOUN.search(s)]
        if not parts:
            return None
        # The segment with the fewest words that still names a noun tends to be the object
        # ("Werderplatz: Aktiv für einen lebenswerten Platz ..." -> the first one).
        best = parts[0]
        if len(parts) > 1:
            cands = [self.shorten(p) for p in parts]
            best = min(cands, key=lambda c: len(c.split()) if len(c.split()) >= 1 else 99)
            return best or None
        return self.shorten(best) or None

    def from_object(self, obj: str) -> str | None:
        nouns = [w for w in NOUN.findall(obj) if w.lower() not in self.stop]
        return nouns[0] if nouns else None

    def keywords(self, title: str, objects: list[str], k: int = 5) -> list[str]:
        c: Counter[str] = Counter()
        for i, src in enumerate([title, *objects]):
            for w in NOUN.findall(src):
                if w.lower() not in self.stop:
                    c[w] += 2 if i == 0 else 1
        return [w for w, _ in c.most_common(k)]


@Language.factory("motion_topic", default_config={"patterns_file": "topic.json"})
def make_motion_topic(nlp: Language, name: str, patterns_file: str) -> MotionTopic:
    return MotionTopic(TopicRules(patterns_file))


class MotionTopic:
    """Sets ``doc._.topic`` (from the title, else the main request's object) and
    ``doc._.topic_keywords``. Reads ``doc._.actions``."""

    def __init__(self, rules: TopicRules) -> None:
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        title = doc._.title or ""
        objects = [a.get("object") or "" for a in (doc._.actions or [])]
        topic = self.rules.from_title(title)
        if topic is None and objects:
            topic = self.rules.from_object(objects[0])
        doc._.topic = topic
        doc._.topic_keywords = self.rules.keywords(title, objects)
        return doc
