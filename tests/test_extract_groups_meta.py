"""Group evidence from a paper's other files: recorded by the OParl ingest, used by groups."""

from __future__ import annotations

import json

import pytest

from pipeline.extract import add_extractors
from pipeline.ingest.oparl import paper_to_motion
from pipeline.preprocess.doc import make_motion_doc
from pipeline.preprocess.nlp import make_nlp

MOTION = (
    "ANTRAG\n\nStadträtin Erika Beispiel (FDP)\n\nvom 02.03.2031\n\n"
    "Mehr Bänke am Seeufer\n\nDie Stadtverwaltung stellt am Seeufer zehn Bänke auf.\n"
)
REPLY = (
    "Gemeinde Beispielhausen\nDer Bürgermeister\n\nSTELLUNGNAHME zum Antrag\n\n"
    "SPD-Gemeinderatsfraktion\n\nvom 02.03.2031\n\n" + "Die Verwaltung begrüßt den Antrag. " * 60
)


def paper(**extra) -> dict:
    p = {
        "id": "https://example.org/oparl/beispiel/paper/7",
        "type": "https://schema.oparl.org/1.1/Paper",
        "name": "Mehr Bänke am Seeufer",
        "paperType": "Antrag",
        "auxiliaryFile": [
            {"id": "f1", "name": "Antrag FDP", "text": MOTION},
            {"id": "f2", "name": "Stellungnahme", "text": REPLY},
            {"id": "f3", "name": "Plan", "text": "   "},
        ],
    }
    p.update(extra)
    return p


@pytest.fixture(scope="module")
def nlp():
    return add_extractors(make_nlp())


def analyse(nlp, motion):
    doc = make_motion_doc(nlp, motion)
    doc._.motion_meta = motion.meta
    return next(nlp.pipe([doc]))


def test_ingest_records_small_heads_of_the_other_files():
    m = paper_to_motion(paper())
    assert m.meta["file_id"] == "f1"
    heads = m.meta["other_files_heads"]
    assert len(heads) == 1  # the motion itself and the file without text are left out
    assert "SPD-Gemeinderatsfraktion" in heads[0]
    assert "STELLUNGNAHME zum Antrag" in heads[0]
    assert len(json.dumps(m.meta, ensure_ascii=False)) < 1500


def test_no_other_files_no_key():
    p = paper()
    p["auxiliaryFile"] = p["auxiliaryFile"][:1]
    assert "other_files_heads" not in paper_to_motion(p).meta


def test_groups_add_factions_of_other_files_after_the_own(nlp):
    # the paper's groups: a faction named on another file's letterhead co-submitted it
    doc = analyse(nlp, paper_to_motion(paper()))
    assert doc._.groups == ["FDP", "SPD"]


def test_other_files_name_the_groups_when_the_motion_names_none(nlp):
    p = paper()
    p["auxiliaryFile"][0]["text"] = MOTION.replace("Stadträtin Erika Beispiel (FDP)", "")
    doc = analyse(nlp, paper_to_motion(p))
    assert doc._.groups == ["SPD"]


def test_metadata_groups_win_over_other_files(nlp):
    motion = paper_to_motion(paper())
    motion.groups = ["Die Linke"]
    doc = analyse(nlp, motion)
    assert doc._.groups == ["Die Linke"]


def test_without_other_files_heads_only_the_own_text_counts(nlp):
    motion = paper_to_motion(paper())
    del motion.meta["other_files_heads"]
    doc = next(nlp.pipe([make_motion_doc(nlp, motion)]))
    assert doc._.groups == ["FDP"]
