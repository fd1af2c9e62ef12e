"""The learned topic ranker: which words of the title and the request an annotator would put in
the topic, and the candidate phrase that best covers them.

The rules (``topic.py``) propose one topic. The ranker looks at every content word of the
cleaned title (split at ":" and " - " into its parts), of the objects of the requested actions
and of the opening of the operative part, and gives each word the probability that an
annotator's topic contains it (a logistic model over hashed features: the word, its endings,
where it stands, whether the request repeats it, whether the rules kept it, the kind of paper).
The candidates are the rules' topic and the word spans of the title parts and of the objects;
the one with the highest expected token F1 against the annotator's topic wins:
``2 * sum(p of its words) / (its word count + sum(p of all words) + unseen)``, where ``unseen``
is the mean number of an annotator's topic words that appear nowhere in the candidates' sources.

Stored beside the clause model (``topic.npz``; its sha256 in the clause model's card under
``topic``), loaded without pickle; trained by ``antragsradar train --component extraction``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.digest import sha256_file
from pipeline.errors import ModelError
from pipeline.extract.clauses import paper_kind
from pipeline.extract.evidence import doc_text
from pipeline.extract.topic import QUOTES, SEPARATORS, TopicRules
from pipeline.extract.topic_tokens import TOKEN, content_tokens, is_content, lemma_key

WEIGHTS_FILE = "topic.npz"
CARD_KEY = "topic"
FORMAT = "antragsradar-topic-1"
N_FEATURES = 1 << 17
MAX_SPAN_WORDS = 12
OPERATIVE_HEAD = 300  # characters of the operative part whose words are candidates' evidence
UNKNOWN_P = 0.05  # a candidate word the model has no row for (a rules' inflection)
GENITIVE_ENDINGS = ("s", "es")


@dataclass
class TopicSources:
    """What the ranker reads of one motion."""

    title_parts: list[str]
    objects: list[str]
    operative_head: str
    operative: str  # lower-cased operative part (or the whole text without sections)
    rule_topic: str | None
    kind: str


def topic_sources(doc: Doc, rules: TopicRules) -> TopicSources:
    # the title as the rules read it: no paper-type prefix, remark in brackets, own place or
    # leading action noun ("Einrichtung eines ...")
    title, _alias = rules.object_text(doc._.title or "")
    sec = doc._.sections
    text = doc_text(doc)
    operative = " ".join(text[a:b] for a, b in sec.operative) if sec is not None else text
    return TopicSources(
        title_parts=[p for p in SEPARATORS.split(title or "") if p and p.strip()],
        objects=[o for o in ((a.get("object") or "") for a in (doc._.actions or [])[:3]) if o],
        operative_head=operative[:OPERATIVE_HEAD],
        operative=operative.lower(),
        rule_topic=doc._.topic,
        kind=paper_kind(doc._.paper_type, doc._.title or ""),
    )


class TopicFeatures:
    """Per content word (lemma key) of a motion's sources, its hashed feature indices."""

    def __init__(self, rules: TopicRules, n_features: int = N_FEATURES) -> None:
        self.rules = rules
        self.mask = n_features - 1
        self._cache: dict[str, int] = {}
        # per word: the hashes of its own features (w:, s4:, s6:, p5:) and its flags
        self._words: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {}
        # per context feature, paper kind and whether the rules kept the word: its hashes
        self._contexts: dict[tuple[str, str, bool], tuple[int, ...]] = {}

    def _h(self, feature: str) -> int:
        h = self._cache.get(feature)
        if h is None:
            h = zlib.crc32(feature.encode("utf-8")) & self.mask
            if len(self._cache) < 500_000:
                self._cache[feature] = h
        return h

    def rows(self, src: TopicSources) -> list[tuple[str, list[int]]]:
        feats: dict[str, set[str]] = {}

        def add(key: str, f: str) -> None:
            feats.setdefault(key, set()).add(f)

        n_parts = min(len(src.title_parts), 3)
        for pi, part in enumerate(src.title_parts):
            _title_part_features(part, pi, len(src.title_parts), n_parts, add)
        for obj in src.objects:
            for w in TOKEN.findall(obj):
                if is_content(w):
                    add(lemma_key(w), "obj")
        for w in TOKEN.findall(src.operative_head):
            if is_content(w):
                add(lemma_key(w), "req")
                if w[:1].isupper():
                    add(lemma_key(w), "reqcap")
        rule_keys = set(content_tokens(src.rule_topic))
        return [
            (key, sorted(self._word_hashes(key, fs, src, rule_keys))) for key, fs in feats.items()
        ]

    def _word(self, key: str) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """The hashes of the features a word has in every motion, and its flags."""
        got = self._words.get(key)
        if got is None:
            own = ("w:" + key, "s4:" + key[-4:], "s6:" + key[-6:], "p5:" + key[:5])
            flags = []
            if key in self.rules.generic_words:
                flags.append("generic")
            if self.rules.adjective_suffix.search(key):
                flags.append("adj")
            if any(ch.isdigit() for ch in key):
                flags.append("digit")
            got = (tuple(self._h(f) for f in own), tuple(flags))
            if len(self._words) < 200_000:
                self._words[key] = got
        return got

    def _word_hashes(
        self, key: str, fs: set[str], src: TopicSources, rule_keys: set[str]
    ) -> set[int]:
        """The hashed features of word ``key`` in this motion: its own (``_word``), and its
        context ``fs``, how often the request repeats its stem (opc), its flags and whether the
        rules kept it (rule), each also with the paper's kind (but its neighbour, prev:), and
        with rule& the title place, object, request and repeat features of a word the rules
        kept."""
        own, flags = self._word(key)
        count = src.operative.count(key[:5]) if len(key) >= 4 else 0
        rule = key in rule_keys
        ctx = {*fs, f"opc:{min(count, 4)}", *flags, *(("rule",) if rule else ())}
        contexts, kind = self._contexts, src.kind
        out = set(own)
        for f in ctx:
            out.update(contexts.get((f, kind, rule)) or self._context(f, kind, rule))
        return out

    def _context(self, f: str, kind: str, rule: bool) -> tuple[int, ...]:
        """The hashes of context feature ``f``: itself, with the paper's kind (but a
        neighbour, prev:), and for a word the rules kept its rule& form (title place, object,
        request and repeat features)."""
        h = self._h
        hashes = [h(f)]
        if not f.startswith("prev:"):
            hashes.append(h(kind + "|" + f))
        if rule and f.startswith(("tp:", "obj", "req", "opc")):
            hashes.append(h("rule&" + f))
        if len(self._contexts) < 500_000:
            self._contexts[(f, kind, rule)] = tuple(hashes)
        return tuple(hashes)


def _title_part_features(part: str, index: int, n: int, n_parts: int, add: Any) -> None:
    """Where a title word stands: which part, its place in the part, its neighbour."""
    words = TOKEN.findall(part)
    tag = "first" if index == 0 else "last" if index == n - 1 else "mid"
    content = [(i, w) for i, w in enumerate(words) if is_content(w)]
    for ci, (i, w) in enumerate(content):
        key = lemma_key(w)
        add(key, f"tp:{tag}/{n_parts}")
        add(key, f"tpos:{min(ci, 5)}")
        add(key, f"trel:{int(4 * ci / len(content))}")
        if ci == len(content) - 1:
            add(key, "tlast")
        add(key, f"tlen:{min(len(content), 8)}")
        add(key, "cap" if w[:1].isupper() else "lower")
        add(key, "prev:" + (words[i - 1].lower() if i else "^"))


@dataclass(frozen=True)
class Candidate:
    """A topic candidate: where it comes from, the phrase shown, and the content words its
    score is computed from (those of the words as they stand in the source)."""

    origin: str
    phrase: str
    keys: frozenset[str]


@dataclass(frozen=True)
class _Phrase:
    """A source phrase's words, each word's content keys, and which words may open or close
    a span (content words)."""

    origin: str
    words: list[str]
    keys: list[list[str]]
    edge: list[bool]


def _phrases(src: TopicSources) -> list[_Phrase]:
    out = []
    for origin, phrases in (("title", src.title_parts), ("object", src.objects)):
        for phrase in phrases:
            words = QUOTES.sub("", phrase).split()
            keys = [content_tokens(w) for w in words]
            edge = [is_content(w.strip(",.;:()")) for w in words]
            out.append(_Phrase(origin, words, keys, edge))
    return out


def _spans(src: TopicSources) -> Iterator[tuple[_Phrase, int, int, frozenset[str]]]:
    """The word spans of the title parts and objects that neither open nor close with a stop
    word, nor with an adjective cut off from its noun ("Wärmenetze in ländlichen" of "…
    ländlichen Kommunen"), with their content keys (those of the words as they stand in the
    source)."""
    for p in _phrases(src):
        for i in (i for i, ok in enumerate(p.edge) if ok):
            keys: set[str] = set()
            for j in range(i + 1, min(len(p.words), i + MAX_SPAN_WORDS) + 1):
                keys.update(p.keys[j - 1])
                if p.edge[j - 1] and keys and not _before_its_noun(p.words, j):
                    yield p, i, j, frozenset(keys)


def _before_its_noun(words: list[str], j: int) -> bool:
    """Whether the span's last word ``words[j - 1]`` is a lower-case word that the next one, a
    capitalised word, follows within the phrase: an attribute whose noun the span leaves out."""
    last = words[j - 1]
    return j < len(words) and last[:1].islower() and last.isalpha() and words[j][:1].isupper()


def _display(p: _Phrase, i: int, j: int, rules: TopicRules) -> str:
    """The span as shown: in the nominative where it was cut out after an article
    ("des Blumenschmuckwettbewerbs" -> "Blumenschmuckwettbewerb")."""
    span = p.words[i:j]
    before = p.words[i - 1].lower() if i else ""
    if before in rules.articles or before in rules.contracted:
        span = rules.nominative_phrase(span, before)
    return " ".join(span).strip(" ,;:.-–()")


def candidates(src: TopicSources, rules: TopicRules) -> list[Candidate]:
    """The rules' topic, then the word spans of the title parts and objects that neither open
    nor close with a stop word (shown in the nominative where cut out after an article)."""
    out: list[Candidate] = []
    if src.rule_topic:
        out.append(Candidate("rule", src.rule_topic, frozenset(content_tokens(src.rule_topic))))
    for p, i, j, keys in _spans(src):
        text = _display(p, i, j, rules)
        if text:
            out.append(Candidate(p.origin, text, keys))
    return out


@dataclass
class TopicRanker:
    """Logistic word model (``w`` over hashed features, bias ``b``) and the decoder's constant."""

    w: np.ndarray
    b: float
    unseen: float
    n_features: int = N_FEATURES
    card: dict[str, Any] = field(default_factory=dict)

    def word_probs(self, rows: list[tuple[str, list[int]]]) -> dict[str, float]:
        z = np.array([self.w[idx].sum() for _key, idx in rows], dtype=np.float64) + self.b
        p = 1.0 / (1.0 + np.exp(-z))
        return {key: float(v) for (key, _idx), v in zip(rows, p, strict=True)}

    def choose(self, src: TopicSources, probs: dict[str, float], rules: TopicRules) -> str | None:
        """The candidate with the highest expected token F1 (the rules' topic on ties)."""
        total = sum(probs.values()) + self.unseen

        def score(keys: frozenset[str]) -> float:
            return 2 * sum(probs.get(k, UNKNOWN_P) for k in keys) / (len(keys) + total)

        best, best_score = src.rule_topic, -1.0
        rule_keys = frozenset(content_tokens(src.rule_topic))
        if rule_keys:
            best_score = score(rule_keys)
        # the spans of candidates(); only the winner's phrase is made
        for p, i, j, keys in _spans(src):
            s = score(keys)
            if s > best_score + 1e-9:
                best, best_score = _display(p, i, j, rules), s
        if best and best[:1].islower():
            best = best[:1].upper() + best[1:]
        return best

    # --- persistence -------------------------------------------------------------------------

    def save(self, directory: str | Path) -> dict[str, Any]:
        """Write ``topic.npz`` and return the card section that names it (with its sha256)."""
        path = Path(directory) / WEIGHTS_FILE
        np.savez_compressed(path, w=self.w.astype(np.float16), b=np.float32(self.b))
        section = dict(self.card)
        section.update(
            {
                "format": FORMAT,
                "n_features": self.n_features,
                "unseen": round(self.unseen, 4),
                "weights": {"file": WEIGHTS_FILE, "sha256": sha256_file(path)},
            }
        )
        self.card = section
        return section

    @classmethod
    def from_card(cls, directory: str | Path, section: dict[str, Any]) -> TopicRanker:
        where = str(directory)
        retrain = "retrain it with `antragsradar train --component extraction`"
        if section.get("format") != FORMAT:
            raise ModelError(
                f"{where}: topic ranker format {section.get('format')!r}, this version reads "
                f"{FORMAT!r}; {retrain}"
            )
        path = Path(directory) / WEIGHTS_FILE
        if not path.is_file():
            raise ModelError(f"{where}: {WEIGHTS_FILE} is missing; {retrain}")
        if (section.get("weights") or {}).get("sha256") != sha256_file(path):
            raise ModelError(f"{where}: {WEIGHTS_FILE} does not match the card's sha256; {retrain}")
        try:
            with np.load(path, allow_pickle=False) as z:
                w, b = z["w"].astype(np.float32), float(z["b"])
        except Exception as exc:  # noqa: BLE001  any decoding failure means the same to a user
            raise ModelError(f"{where}: {WEIGHTS_FILE} cannot be read ({exc}); {retrain}") from None
        n_features = int(section.get("n_features") or 0)
        if w.shape != (n_features,):
            raise ModelError(f"{where}: {WEIGHTS_FILE} does not fit the card; {retrain}")
        return cls(w, b, float(section.get("unseen", 1.0)), n_features, section)


# --- the component -----------------------------------------------------------------------------


@Language.factory(
    "motion_topic_learned",
    assigns=["doc._.topic"],
    requires=["doc._.topic", "doc._.actions", "doc._.sections"],
    default_config={"model_dir": None, "patterns_file": "topic.json"},
)
def make_motion_topic_learned(
    nlp: Language, name: str, model_dir: str | None, patterns_file: str
) -> MotionTopicLearned:
    from pipeline.paths import DEFAULT_EXTRACTION_DIR

    return MotionTopicLearned(Path(model_dir or DEFAULT_EXTRACTION_DIR), TopicRules(patterns_file))


class MotionTopicLearned:
    """Replaces the rules' ``doc._.topic`` by the ranker's choice (which may be the same).

    The ranker is read from the clause-model folder ``model_dir`` when first needed, unless
    ``from_disk`` (a pipeline saved with ``nlp.to_disk``) set it first."""

    def __init__(self, model_dir: Path, rules: TopicRules) -> None:
        self.model_dir = model_dir
        self.rules = rules
        self._ranker: TopicRanker | None = None

    @property
    def ranker(self) -> TopicRanker:
        if self._ranker is None:
            self.set_ranker(_load_ranker(self.model_dir))
        assert self._ranker is not None
        return self._ranker

    def set_ranker(self, ranker: TopicRanker) -> None:
        self._ranker = ranker
        self.features = TopicFeatures(self.rules, ranker.n_features)

    def __call__(self, doc: Doc) -> Doc:
        ranker = self.ranker
        src = topic_sources(doc, self.rules)
        rows = self.features.rows(src)
        if rows:
            doc._.topic = ranker.choose(src, ranker.word_probs(rows), self.rules)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        d = Path(path)
        d.mkdir(parents=True, exist_ok=True)
        section = self.ranker.save(d)
        (d / "model_card.json").write_text(
            json.dumps({CARD_KEY: section}, ensure_ascii=False, indent=2) + "\n", "utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> MotionTopicLearned:
        self.set_ranker(_load_ranker(Path(path)))
        return self


def _load_ranker(d: Path) -> TopicRanker:
    from pipeline.extract.learned import read_card

    section = read_card(d).get(CARD_KEY)
    if not section:
        raise ModelError(
            f"{d}: the clause model has no topic ranker; retrain it with "
            "`antragsradar train --component extraction`"
        )
    return TopicRanker.from_card(d, section)


def has_topic_ranker(model_dir: str | Path) -> bool:
    """Whether a clause-model folder carries a topic ranker (older ones do not)."""
    from pipeline.extract.learned import read_card

    try:
        return bool(read_card(Path(model_dir)).get(CARD_KEY))
    except ModelError:
        return False
