"""Analyse motions: clean, run the German pipeline with the extractors, classify themes.

``Analyzer`` loads everything once; ``results`` streams motions through ``nlp.pipe`` and
yields one result record (the JSONL contract of ``antragsradar tag``) or a Failure per motion.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, cast

from spacy.tokens import Doc

from pipeline import __version__
from pipeline.classify.model import extra_column
from pipeline.extract import add_extractors
from pipeline.extract.actions import one_per_type
from pipeline.extract.body import body_from_text
from pipeline.extract.learned import MotionLearned
from pipeline.paths import DEFAULT_EXTRACTION_DIR, DEFAULT_MODEL_DIR, PATTERNS_DIR
from pipeline.preprocess import clean_text, make_motion_doc, make_nlp
from pipeline.preprocess.nlp import SENTENCE_FLAGS
from pipeline.record import Failure, Motion, Result, Theme
from pipeline.workers import chunked

# The longest text analysed (characters). spaCy's default max_length (1,000,000) guards its
# parser and NER, which this pipeline does not run; the tokenizer and the rule components stay
# linear, so motions with long attachments are analysed whole up to this cap.
MAX_TEXT_CHARS = 5_000_000

# Keys of the result record in the order they are printed; later keys are added by newer
# versions, never renamed (outside scripts rely on them).
RESULT_KEYS = (
    "id",
    "title",
    "date",
    "paper_type",
    "body",
    "level",
    "groups",
    "source_file",
    "themes",
    "actions",
    "funding",
    "topic",
    "topic_keywords",
    "hedged",
    "notes",
)
# Problems found in the input that the result should carry (absent when there are none).
_NOTE_KEYS = ("date_problem", "language_note", "encoding")


def _rules_hash() -> str:
    """Hash of the rule data and of the code that turns text into results, so that a changed
    rule or component (not only a new release) makes a re-run analyse motions again."""
    h = hashlib.sha1()
    package = Path(__file__).resolve().parent
    files = [
        *sorted(PATTERNS_DIR.glob("*.json")),
        *sorted((package / "preprocess").glob("*.py")),
        *sorted((package / "extract").glob("*.py")),
        package / "analyze.py",
    ]
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:10]


class Analyzer:
    """Everything needed to analyse motions, loaded once per process."""

    def __init__(
        self,
        model_dir: str | Path | None = DEFAULT_MODEL_DIR,
        batch_size: int = 32,
        extraction_dir: str | Path | None = DEFAULT_EXTRACTION_DIR,
    ) -> None:
        # No token lemmas: no extractor reads them (they match the text; the topic lemmatises
        # its few words itself) and the theme model lemmatises its own input.
        self.nlp = add_extractors(make_nlp(lemmatizer=None), extraction_dir)
        # Of the lexical attributes that spaCy works out for each new word, only the sentence
        # segmenter's flags are read (the extractors read the text by offsets); the others
        # (lower case, norm, shape, stop word, like_num, ...) cost a fifth of the tokenizer.
        vocab: Any = self.nlp.vocab  # (compiled Cython: its stub lacks the getters)
        getters = vocab.lex_attr_getters
        vocab.lex_attr_getters = {a: f for a, f in getters.items() if a in SENTENCE_FLAGS}
        self.nlp.max_length = MAX_TEXT_CHARS + 1
        self.extraction_version = "rules only"
        if extraction_dir is not None:
            learned = cast(MotionLearned, self.nlp.get_pipe("motion_learned"))
            card = learned.clause_model.card
            self.extraction_version = str(card.get("weights", {}).get("sha256", "?"))[:12]
        self.themes = None
        if model_dir is not None:
            from pipeline.classify.model import ThemeModel

            self.themes = ThemeModel.load(model_dir)
        self.batch_size = batch_size
        self._version: str | None = None

    @property
    def model_version(self) -> str | None:
        if self.themes is None:
            return None
        card = self.themes.card
        return (
            str(card.get("name", "themes"))
            + "@"
            + str(card.get("model_hash", card.get("trained_at", "?")))
        )

    @property
    def version(self) -> str:
        """Identifies what produced a result: code, rule data and model. Changes trigger re-analysis."""
        if self._version is None:  # the rule data is read once per Analyzer
            self._version = (
                f"antragsradar {__version__}; rules {_rules_hash()}; "
                f"extraction {self.extraction_version}; model {self.model_version}"
            )
        return self._version

    def results(self, motions: Iterable[Motion]) -> Iterator[tuple[Motion, Result | Failure]]:
        """Results in input order; a motion that cannot be analysed yields a Failure.

        Motions go through ``analyze_chunk`` in batches, as in worker processes, so that the
        results (failures included) do not depend on the worker count."""
        for chunk in chunked(motions, self.batch_size):
            yield from zip(chunk, self.analyze_chunk(chunk), strict=True)

    def analyze_chunk(self, motions: list[Motion]) -> list[Result | Failure]:
        """One result per motion of ``motions``, in order, whatever goes wrong: an error while
        cleaning, analysing or classifying one motion becomes that motion's Failure."""
        out: list[Analysis | Failure | None] = [None] * len(motions)
        docs: list[tuple[int, Doc]] = []
        for i, m in enumerate(motions):
            prepared = _guard(m, partial(self._prepare, m))
            if isinstance(prepared, Failure):
                out[i] = prepared
            else:
                docs.append((i, prepared))
        for (i, _), doc in zip(docs, self._pipe([d for _, d in docs]), strict=True):
            m = motions[i]
            out[i] = (
                _failure(m, doc)
                if isinstance(doc, Exception)
                else _guard(m, partial(self._record, m, doc))
            )
        self._add_themes(motions, out)
        return [r.result() if isinstance(r, Analysis) else cast(Failure, r) for r in out]

    def _prepare(self, m: Motion) -> Doc | Failure:
        if not m.text.strip():
            why = m.meta.get("file_selection") or "empty text"
            return Failure(m.source_file, f"no usable text ({why})", m.id)
        if len(m.text) > MAX_TEXT_CHARS:
            return Failure(
                m.source_file,
                f"text of {len(m.text):,} characters, more than the {MAX_TEXT_CHARS:,} analysed; "
                "split the document",
                m.id,
            )
        return make_motion_doc(self.nlp, m, clean_text(m.text))

    def _pipe(self, docs: list[Doc]) -> list[Doc | Exception]:
        """The processed docs; when a batch fails, each doc alone (an exception for those that
        fail)."""
        try:
            return list(self.nlp.pipe(docs))
        except Exception:  # noqa: BLE001  one bad document must not take the batch down
            out: list[Doc | Exception] = []
            for d in docs:
                try:
                    out.append(self.nlp(d))
                except Exception as exc:  # noqa: BLE001
                    out.append(exc)
            return out

    def _add_themes(self, motions: list[Motion], out: list[Analysis | Failure | None]) -> None:
        ok = [i for i, r in enumerate(out) if isinstance(r, Analysis)]
        if self.themes is None or not ok:
            return
        try:
            self._predict([cast(Analysis, out[i]) for i in ok])
        except Exception:  # noqa: BLE001  retried motion by motion below
            for i in ok:
                out[i] = _guard(motions[i], partial(self._predict, [cast(Analysis, out[i])]))

    def _predict(self, analyses: list[Analysis]) -> Analysis:
        """Sets the themes of ``analyses``; returns the first (for one motion at a time)."""
        assert self.themes is not None
        texts = [a.theme_text for a in analyses]
        extras = [a.theme_extra for a in analyses]
        for a, themes in zip(analyses, self.themes.predict(texts, extras), strict=True):
            a.themes = cast("list[Theme]", themes)
        return analyses[0]

    def _record(self, m: Motion, doc: Doc) -> Analysis:
        return Analysis(
            _result_of(m, doc),
            # The cleaned text is the doc's text; Doc.text would rebuild it token by token.
            theme_text=f"{m.title}\n{doc._.clean.text if doc._.clean is not None else doc.text}",
            theme_extra=extra_column(
                self.themes.card if self.themes is not None else {},
                m.title,
                doc._.topic or "",
                [f["name"] or "" for f in doc._.funding],
            ),
        )

    def analyze(self, motion: Motion) -> Result | Failure:
        return next(iter(self.results([motion])))[1]


def _failure(m: Motion, exc: BaseException) -> Failure:
    return Failure(m.source_file, f"analysis failed: {type(exc).__name__}: {exc}", m.id)


def _guard(m: Motion, step: Callable[[], Any]) -> Any:
    """``step()``, or the motion's Failure when it raises."""
    try:
        return step()
    except Exception as exc:  # noqa: BLE001  one bad document must not stop the others
        return _failure(m, exc)


def _result_of(m: Motion, doc: Doc) -> Result:
    """The result record of motion ``m`` from its processed Doc (without themes)."""
    r = Result(
        id=m.id,
        title=m.title,
        date=m.date,
        paper_type=m.paper_type,
        # the body the metadata names, else the one the letterhead names
        body=m.body or body_from_text(m.text),
        # local (councils, counties), state, federal or party: whose executive is its own
        level=doc._.level or None,
        groups=list(doc._.groups or m.groups),
        source_file=m.source_file,
        actions=one_per_type(list(doc._.actions)),
        funding=list(doc._.funding),
        topic=doc._.topic,
        topic_keywords=list(doc._.topic_keywords),
        hedged=doc._.hedged,
    )
    notes = [f"{k}: {m.meta[k]}" for k in _NOTE_KEYS if m.meta.get(k)]
    if notes:
        r["notes"] = notes
    return r


@dataclass
class Analysis:
    """A motion's result on its way out of ``Analyzer.analyze_chunk``, with the theme model's
    input: the title and cleaned text, and the extracted topic and fund names as its extra."""

    fields: Result
    theme_text: str
    theme_extra: str
    themes: list[Theme] | None = None

    def result(self) -> Result:
        """The result record, its keys in ``RESULT_KEYS`` order."""
        r: dict[str, Any] = dict(self.fields)
        if self.themes is not None:
            r["themes"] = self.themes
        return cast(Result, {k: r[k] for k in RESULT_KEYS if k in r})
