"""Analyse motions: clean, run the German pipeline with the extractors, classify themes.

``Analyzer`` loads everything once; ``analyze_many`` streams motions through ``nlp.pipe`` and
yields one result record (the JSONL contract of ``antragsradar tag``) or a Failure per motion.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.extract.body import body_from_text
from pipeline.paths import DEFAULT_EXTRACTION_DIR, DEFAULT_MODEL_DIR, PATTERNS_DIR
from pipeline.preprocess import clean_text, make_motion_doc, make_nlp
from pipeline.record import Failure, Motion

# Keys of the result record in the order they are printed; later keys are added by newer
# versions, never renamed (outside scripts rely on them).
RESULT_KEYS = (
    "id",
    "title",
    "date",
    "paper_type",
    "body",
    "groups",
    "source_file",
    "themes",
    "actions",
    "funding",
    "topic",
    "topic_keywords",
    "hedged",
)


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
        from pipeline.extract import add_extractors

        # No token lemmas: no extractor reads them (they match the text; the topic lemmatises
        # its few words itself) and the theme model lemmatises its own input.
        self.nlp = add_extractors(make_nlp(lemmatizer=None), extraction_dir)
        self.extracting = True
        self.extraction_version = "rules only"
        if extraction_dir is not None:
            card = self.nlp.get_pipe("motion_learned").model.card
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

    def analyze_many(
        self, motions: Iterable[Motion]
    ) -> Iterator[tuple[Motion, dict[str, Any] | Failure]]:
        """Results in input order; a motion that cannot be analysed yields a Failure."""
        pending: list[tuple[Motion, Any]] = []
        for m in motions:
            if not m.text.strip():
                why = m.meta.get("file_selection") or "empty text"
                yield m, Failure(m.source_file, f"no usable text ({why})", m.id)
                continue
            pending.append((m, None))
            if len(pending) >= self.batch_size:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(
        self, batch: list[tuple[Motion, Any]]
    ) -> Iterator[tuple[Motion, dict[str, Any] | Failure]]:
        docs = []
        for m, _ in batch:
            docs.append(make_motion_doc(self.nlp, m, clean_text(m.text)))
        try:
            processed = list(self.nlp.pipe(docs))
        except Exception:  # noqa: BLE001  one bad document must not take the batch down
            processed = []
            for d in docs:
                try:
                    processed.append(self.nlp(d))
                except Exception as exc:  # noqa: BLE001
                    processed.append(exc)
        results: list[dict[str, Any] | Failure] = []
        for (m, _), doc in zip(batch, processed, strict=True):
            if isinstance(doc, Exception):
                results.append(
                    Failure(m.source_file, f"analysis failed: {type(doc).__name__}: {doc}", m.id)
                )
            else:
                results.append(self._record(m, doc))
        if self.themes is not None:
            ok = [r for r in results if isinstance(r, dict)]
            texts = [(r.pop("_text")) for r in ok]
            extras = [r.pop("_extra") for r in ok]
            for r, themes in zip(ok, self.themes.predict(texts, extras), strict=True):
                r["themes"] = themes
        for r in results:
            if isinstance(r, dict):
                r.pop("_text", None)
                r.pop("_extra", None)
        for (m, _), r in zip(batch, results, strict=True):
            yield m, (_ordered(r) if isinstance(r, dict) else r)

    def _record(self, m: Motion, doc: Any) -> dict[str, Any]:
        r: dict[str, Any] = {
            "id": m.id,
            "title": m.title,
            "date": m.date,
            "paper_type": m.paper_type,
            # the body the metadata names, else the one the letterhead names
            "body": m.body or body_from_text(m.text),
            "groups": list(m.groups),
            "source_file": m.source_file,
        }
        extra = ""
        if self.extracting:
            r["groups"] = list(doc._.groups or m.groups)
            r["actions"] = list(doc._.actions)
            r["funding"] = list(doc._.funding)
            r["topic"] = doc._.topic
            r["topic_keywords"] = list(doc._.topic_keywords)
            r["hedged"] = doc._.hedged
            extra = " ".join([doc._.topic or "", *(f.get("name") or "" for f in doc._.funding)])
        # The cleaned text is the doc's text; Doc.text would rebuild it token by token.
        clean = doc._.clean
        r["_text"] = f"{m.title}\n{clean.text if clean is not None else doc.text}"
        r["_extra"] = extra
        return r

    def analyze_chunk(self, motions: list[Motion]) -> list[dict[str, Any] | Failure]:
        """One result per motion of ``motions``, in order, whatever goes wrong.

        What worker processes run: an error that takes a whole batch down (in a component or
        the theme model) is retried motion by motion, so only the motions that cause it fail.
        """
        try:
            # analyze_many yields a motion without text at once, ahead of the batch before it.
            got = {id(m): r for m, r in self.analyze_many(motions)}
            return [got[id(m)] for m in motions]
        except Exception:  # noqa: BLE001
            out: list[dict[str, Any] | Failure] = []
            for m in motions:
                try:
                    out.append(self.analyze(m))
                except Exception as exc:  # noqa: BLE001
                    out.append(
                        Failure(
                            m.source_file, f"analysis failed: {type(exc).__name__}: {exc}", m.id
                        )
                    )
            return out

    def analyze(self, motion: Motion) -> dict[str, Any] | Failure:
        return next(iter(self.analyze_many([motion])))[1]


def _ordered(r: dict[str, Any]) -> dict[str, Any]:
    return {k: r[k] for k in RESULT_KEYS if k in r}
