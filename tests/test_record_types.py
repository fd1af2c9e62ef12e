"""The TypedDicts of pipeline/record.py describe what the analysis really yields: every key of a
result, action, funding mention and theme is declared, and the declared order is the order of
``RESULT_KEYS`` (the JSON contract of ``antragsradar tag``)."""

from __future__ import annotations

import typing

import pytest

from pipeline.analyze import RESULT_KEYS, Analyzer
from pipeline.record import Action, Failure, FundingMention, Motion, Result, Theme

MOTION = Motion(
    id="ka-2024-117",
    title="Sichere Radwege an der Kaiserallee",
    date="2024-03-12",
    text=(
        "Antrag der Fraktion GRÜNE\n\n"
        "Der Gemeinderat möge beschließen:\n"
        "1. Die Verwaltung wird beauftragt, ein Konzept für geschützte Radfahrstreifen an der "
        "Kaiserallee zu erarbeiten und dem Planungsausschuss bis Ende 2024 vorzulegen.\n"
        "2. Die Kosten von rund 250.000 Euro werden aus dem Förderprogramm Stadt und Land "
        "des Bundes gedeckt.\n\n"
        "Begründung:\nAuf der Kaiserallee kam es 2023 zu zwölf Unfällen mit Radfahrenden."
    ),
    groups=["GRÜNE"],
    source_file="test",
)


def _keys(td: type) -> list[str]:
    return list(typing.get_type_hints(td))


def test_result_keys_are_the_typed_dicts_keys_in_order() -> None:
    assert _keys(Result) == list(RESULT_KEYS)


@pytest.fixture(scope="module")
def result() -> Result:
    ((motion, res),) = Analyzer().results([MOTION])
    assert motion is MOTION
    assert not isinstance(res, Failure), res
    return res


def test_a_result_has_only_declared_keys(result: Result) -> None:
    assert set(result) <= set(_keys(Result))
    assert set(_keys(Result)) - set(result) <= {"notes"}  # notes only for inputs with problems
    assert result["actions"], "the motion asks for a concept"
    for a in result["actions"]:
        assert list(a) == _keys(Action)
    assert result["funding"], "the motion names a funding programme"
    for f in result["funding"]:
        assert list(f) == _keys(FundingMention)
    assert result["themes"]
    for t in result["themes"]:
        assert list(t) == _keys(Theme)


def test_results_in_a_batch_are_the_records_of_one_at_a_time(result: Result) -> None:
    ((_, res),) = Analyzer().results([MOTION])
    assert res == result
