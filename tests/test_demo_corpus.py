"""The Musterstadt demo corpus (corpus/demo): it parses, factions resolve, the answer key fits."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.ingest import read_inputs
from pipeline.paths import DEMO_DIR
from pipeline.record import Motion

PAPERS = DEMO_DIR / "papers.json"
ORGS = DEMO_DIR / "organizations.json"
KEY = DEMO_DIR / "expected.jsonl"

THEMES = {
    "integration",
    "diversity",
    "climate_environment",
    "mobility",
    "housing_urban",
    "education_childcare",
    "youth_family",
    "social_welfare",
    "health",
    "economy_labor",
    "budget_finance",
    "digital_admin",
    "safety_order",
    "culture_sport",
    "participation_democracy",
    "international",
}
ACTIONS = {"review", "report", "concept", "implement", "budget", "appeal", "inquiry", "amend"}
FUNDING = {"named_fund", "budget_line", "external_grant", "offset", "general_budget"}
FACTIONS = {"GRÜNE", "SPD", "CDU", "FDP", "Die Linke", "AfD", "FW"}


@pytest.fixture(scope="module")
def motions() -> list[Motion]:
    items = list(read_inputs([str(PAPERS)], organizations=str(ORGS)))
    assert all(isinstance(i, Motion) for i in items), [
        i for i in items if not isinstance(i, Motion)
    ]
    return items  # type: ignore[return-value]


@pytest.fixture(scope="module")
def key() -> dict[str, dict]:
    rows = [json.loads(line) for line in KEY.read_text(encoding="utf-8").splitlines() if line]
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def papers() -> list[dict]:
    return json.loads(PAPERS.read_text(encoding="utf-8"))


def test_files_are_valid_oparl(papers: list[dict]) -> None:
    orgs = json.loads(ORGS.read_text(encoding="utf-8"))
    assert len(papers) == 36
    assert all(p["type"] == "https://schema.oparl.org/1.1/Paper" for p in papers)
    org_ids = {o["id"] for o in orgs}
    factions = [o for o in orgs if o["organizationType"] == "Fraktion"]
    assert {o["shortName"] for o in factions} == FACTIONS
    assert any(o["organizationType"] == "Gremium" for o in orgs)
    for p in papers:
        assert set(p["originatorOrganization"]) <= org_ids
        files = ([p["mainFile"]] if "mainFile" in p else []) + p.get("auxiliaryFile", [])
        assert files and all(f["mimeType"] == "application/pdf" and f["accessUrl"] for f in files)


def test_parses_into_36_motions(motions: list[Motion]) -> None:
    assert len(motions) == 36
    assert len({m.id for m in motions}) == 36
    for m in motions:
        assert m.text.strip() and m.title and m.date and m.paper_type
        assert m.meta["file_selection"]
    years = Counter(m.date[:4] for m in motions)
    assert sorted(years) == [str(y) for y in range(2016, 2026)]


def test_factions_resolve_via_organizations_file(motions: list[Motion], key: dict) -> None:
    for m in motions:
        assert m.groups == key[m.id]["groups"], m.id
    per_group = Counter(g for m in motions for g in m.groups)
    assert set(per_group) == FACTIONS
    assert all(3 <= n <= 8 for n in per_group.values()), per_group
    assert sum(len(m.groups) == 2 for m in motions) >= 3


def test_without_orgs_file_no_group_is_invented(tmp_path: Path) -> None:
    # Away from its organizations.json the paper only names Organization ids: no names to give.
    copy = tmp_path / "papers.json"
    copy.write_text(PAPERS.read_text(encoding="utf-8"), encoding="utf-8")
    motions = [m for m in read_inputs([str(copy)]) if isinstance(m, Motion)]
    assert len(motions) == 36
    assert all(m.groups == [] for m in motions)


def test_file_selection_picks_the_motion_not_the_reply(
    motions: list[Motion], papers: list[dict]
) -> None:
    by_id = {p["id"]: p for p in papers}
    without_main = [m for m in motions if "mainFile" not in by_id[m.id]]
    assert len(without_main) >= 3
    for m in without_main:
        assert m.meta["file_selection"].startswith("auxiliaryFile"), m.meta
        assert "Stellungnahme" not in (m.meta.get("file_name") or "")
        assert "STELLUNGNAHME" not in m.text[:400] and "Stellungnahme der Verwaltung" not in m.text
    # A Stellungnahme listed first must not win.
    assert any(
        "stellungnahme" in by_id[m.id]["auxiliaryFile"][0]["text"][:200].lower()
        for m in without_main
    )
    # mainFile wins even when a reply is attached.
    with_reply = [
        m for m in motions if "mainFile" in by_id[m.id] and by_id[m.id].get("auxiliaryFile")
    ]
    assert with_reply and all(m.meta["file_selection"] == "mainFile" for m in with_reply)


def test_answer_key_matches_the_chosen_text(motions: list[Motion], key: dict) -> None:
    assert set(key) == {m.id for m in motions}
    for m in motions:
        k = key[m.id]
        assert 1 <= len(k["themes"]) <= 3 and set(k["themes"]) <= THEMES, m.id
        assert k["actions"], m.id
        assert isinstance(k["hedged"], bool) and k["topic"]
        for a in k["actions"]:
            assert a["type"] in ACTIONS
            assert a["evidence"] in m.text, (m.id, a["evidence"])
        for f in k["funding"]:
            assert f["kind"] in FUNDING
            assert f["evidence"] in m.text, (m.id, f["evidence"])
            assert f["amount_eur"] is None or isinstance(f["amount_eur"], (int, float))


def test_answer_key_covers_every_label(key: dict) -> None:
    rows = list(key.values())
    assert {t for r in rows for t in r["themes"]} == THEMES
    assert {a["type"] for r in rows for a in r["actions"]} == ACTIONS
    assert {f["kind"] for r in rows for f in r["funding"]} == FUNDING
    assert any(r["hedged"] for r in rows)


def test_pdf_artefacts_present(motions: list[Motion]) -> None:
    texts = [m.text for m in motions]
    assert sum("Bitte aus Liste auswählen" in t for t in texts) >= 2
    assert sum("\nSeite 2\n" in t for t in texts) >= 2
    assert any("Stadt-\nteil" in t for t in texts)


def test_builder_is_in_sync() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, str(DEMO_DIR / "build.py"), "--check", "--no-pipeline"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
