"""Topic: the policy object of the motion as a short noun phrase, plus a few keywords."""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.evidence import doc_text
from pipeline.extract.patterns import load_patterns

SEPARATORS = re.compile(r"\s*(?::|\s[-–—]\s|\s[-–—](?=[A-ZÄÖÜ„\"])|!|\?)\s*")
QUOTES = re.compile(r"[„“”\"»«]")
NOUN = re.compile(r"\b[A-ZÄÖÜ][\wäöüß\-]{2,}")


def _nominative(word: str) -> str:
    """A noun in the genitive singular ("Mietsystems", "Gesamtkonzeptes") in its base form."""
    if not word[:1].isupper() or not word.endswith("s") or word.endswith("ss"):
        return word
    try:
        import simplemma

        lemma = simplemma.lemmatize(word, lang="de")
    except Exception:  # noqa: BLE001  lemmatizer missing: keep the word
        return word
    if lemma != word:
        return lemma[:1].upper() + lemma[1:]
    return word[:-2] if word.endswith("es") and len(word) > 6 else word[:-1]


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
        self.generic = re.compile(d["generic_title"])
        self.generic_words = frozenset(d.get("generic_words", []))
        self.place = re.compile(d["place_phrase"]) if d.get("place_phrase") else None
        self.trailing_clause = (
            re.compile(d["trailing_clause"]) if d.get("trailing_clause") else None
        )

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
        p = self.trailing.sub("", p)
        p = self.trailing.sub("", p)
        words = [w for w in p.split() if w.lower().strip(",.()") not in self.generic_words]
        out: list[str] = []
        n = 0
        for w in words:
            out.append(w)
            n += w.lower().strip(",.()") not in self.stop
            if n >= self.max_words:
                break
        while out and (out[-1].lower().strip(",.()") in self.stop or not out[-1][:1].isalnum()):
            out.pop()
        while out and out[0].lower().strip(",.()") in self.stop:
            out.pop(0)
        return " ".join(out).strip(" ,.;:-–")

    def from_title(self, title: str, context: str = "") -> str | None:
        t = self.clean_title(title)
        if not t or self.generic.match(t) or not re.search(r"[a-zäöüß]{3}", t):
            return None
        if self.place is not None:
            t = self.place.sub(" ", t)
        t = self._drop_lead(t)
        # Slogan and object are often split by ":" or " - "; the object may be either side.
        # The side that the request itself talks about wins; without a clear winner both
        # are kept and generic words removed.
        parts = [s for s in SEPARATORS.split(t) if s and NOUN.search(s)]
        if len(parts) > 1 and context:
            scored = sorted(
                ((self._overlap(p, context), -i, p) for i, p in enumerate(parts)), reverse=True
            )
            if scored[0][0] > scored[1][0]:
                parts = [scored[0][2]]
        topic = self.shorten(" ".join(parts) if parts else t) or None
        if topic:
            topic = self._trim(topic)
        return topic

    def _drop_lead(self, t: str) -> str:
        """Drop leading action nouns ("Einrichtung eines ..."); a noun left in the genitive
        after "des/eines" is put in its base form ("Jugendbeirats" -> "Jugendbeirat")."""
        m = self.lead.match(t)
        if not m:
            return t
        cut = t[m.end() :]
        if not NOUN.search(cut):
            return t
        if re.search(r"\b(?:des|eines)\s+$", m.group(0)):
            first, _, rest = cut.partition(" ")
            cut = " ".join(x for x in (_nominative(first), rest) if x)
        return cut

    def _trim(self, topic: str) -> str:
        """Cut what follows the object ('... in Zusammenarbeit mit ...'), keeping the topic
        unless nothing nominal is left."""
        if self.trailing_clause is not None:
            cut = self.trailing_clause.sub("", topic).strip(" ,")
            if NOUN.search(cut):
                topic = cut
        return topic

    def _overlap(self, part: str, context: str) -> float:
        """Share of the part's content words whose stem occurs in ``context``; a slogan
        closing with a verb ("... stärken") counts less."""
        words = [w for w in NOUN.findall(part) if w.lower() not in self.stop]
        if not words:
            return 0.0
        ctx = context.lower()
        hits = sum(w.lower()[:6] in ctx for w in words)
        score = hits / len(words) + 0.1 * hits
        if self.trailing.search(part):
            score -= 0.5
        return score

    def drop_unmentioned_modifiers(self, topic: str, operative: str) -> str:
        """Drop lower-case words (adjectives: "Kostenlose", "dezentrale") of the topic that the
        request never mentions; the object nouns stay."""
        words = topic.split()
        keep = [
            w
            for i, w in enumerate(words)
            if not (
                w[:1].islower()
                and w.lower() not in self.stop
                and w.strip(",.()").lower()[:5] not in operative
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
        acts = doc._.actions or []
        objects = [a.get("object") or "" for a in acts]
        context = " ".join(a.get("evidence") or "" for a in acts[:3]) + " " + " ".join(objects[:3])
        topic = self.rules.from_title(title, context)
        sec = doc._.sections
        if topic and sec is not None:
            text = doc_text(doc)
            operative = " ".join(text[a:b] for a, b in sec.operative).lower()
            topic = self.rules.drop_unmentioned_modifiers(topic, operative)
        if topic is None and objects:
            topic = self.rules.from_object(objects[0])
        doc._.topic = topic
        doc._.topic_keywords = self.rules.keywords(title, objects)
        return doc
