"""Extraction components: requested actions, funding, topic, submitting groups and hedging.

``add_extractors(nlp)`` adds them to a pipeline made by ``make_nlp()``; after ``nlp.pipe`` each
Doc carries ``doc._.actions``, ``doc._.funding``, ``doc._.topic``, ``doc._.topic_keywords``,
``doc._.groups`` and ``doc._.hedged`` (offsets in actions and funding point into the ORIGINAL
text of the motion).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc

# Importing the modules registers the factories.
from pipeline.extract import actions as _actions  # noqa: F401
from pipeline.extract import funding as _funding  # noqa: F401
from pipeline.extract import groups as _groups  # noqa: F401
from pipeline.extract import learned as _learned  # noqa: F401
from pipeline.extract import title_funding as _title_funding  # noqa: F401
from pipeline.extract import topic as _topic  # noqa: F401
from pipeline.extract import topic_ranker as _topic_ranker  # noqa: F401
from pipeline.extract.learned import MotionLearned
from pipeline.extract.ruledata import RuleComponent
from pipeline.extract.topic_ranker import MotionTopicLearned, has_topic_ranker
from pipeline.preprocess import doc as _doc  # noqa: F401  (registers clean/title/... inputs)

COMPONENTS = ("motion_actions", "motion_funding", "motion_topic", "motion_groups", "motion_hedging")

_EXTENSIONS = {
    "sections": None,
    "actions": None,
    "funding": None,
    "topic": None,
    "topic_keywords": None,
    "groups": None,
    "hedged": None,
    # The level of the motion's body (levels.py: local, state, federal, party), set with the
    # sections by motion_actions and read by the funding rules and the clause features.
    "level": None,
    # Original-text spans of the request passages (the learned model's), or None.
    "request": None,
    # The Motion's meta dict (set by whoever makes the Doc); groups read "other_files_heads".
    "motion_meta": None,
}


def register_extensions() -> None:
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()


@Language.factory(
    "motion_hedging",
    assigns=["doc._.hedged"],
    requires=["doc._.actions", "doc._.funding", "doc._.sections"],
)
def make_motion_hedging(nlp: Language, name: str) -> MotionHedging:
    return MotionHedging()


class MotionHedging:
    """Sets ``doc._.hedged``: the main (first) request is tentative, or money for it is offered
    tentatively ("Eventuell können dafür Mittel ... genutzt werden").
    False when the motion requests nothing (nothing requested, nothing hedged).

    It combines the ``hedged`` flags of the actions and funding mentions: whether a clause is
    tentative is decided where the clause is known, by the components that find them (their
    ``hedging_file``, ``hedging.json`` by default)."""

    def __call__(self, doc: Doc) -> Doc:
        acts = doc._.actions or []
        if not acts:
            doc._.hedged = False
            return doc
        hedged = bool(acts[0]["hedged"])
        sec = doc._.sections
        if not hedged and sec is not None and doc._.clean is not None:
            hedged = any(f["hedged"] for f in doc._.funding or [])
        doc._.hedged = hedged
        return doc


def add_extractors(
    nlp: Language, extraction_model: str | Path | None = None, title_funding: bool = True
) -> Language:
    """Add the extraction components (after the lemmatizer) and register the Doc extensions.

    With ``extraction_model`` (a clause-model folder) the learned component decides the action
    types and funding kinds after the rules have proposed theirs, and the folder's topic ranker
    (where it has one) picks the topic among the rules' and the title's phrases; without it the
    rules alone. ``title_funding`` adds, last, the budget line that a title names where the text
    gave none (``title_funding.py``); the clause model's training leaves it out, since the model
    reads the text only and runs before it.
    """
    register_extensions()
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            pipe = nlp.add_pipe(name)
            if isinstance(pipe, RuleComponent):
                pipe.initialize()  # read the rule data now: a broken file fails here, once
        if extraction_model is None:
            continue
        config = {"model_dir": str(extraction_model)}
        # the models are read now: a bad folder fails here, once, in one line
        if name == "motion_funding" and "motion_learned" not in nlp.pipe_names:
            _ = cast(MotionLearned, nlp.add_pipe("motion_learned", config=config)).clause_model
        if (
            name == "motion_topic"
            and "motion_topic_learned" not in nlp.pipe_names
            and has_topic_ranker(extraction_model)
        ):
            topic = cast(MotionTopicLearned, nlp.add_pipe("motion_topic_learned", config=config))
            _ = topic.ranker
    if title_funding and "motion_title_funding" not in nlp.pipe_names:
        cast(RuleComponent, nlp.add_pipe("motion_title_funding")).initialize()
    return nlp


__all__ = ["COMPONENTS", "add_extractors", "register_extensions"]
