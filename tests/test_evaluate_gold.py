"""Which corpus motions gold records refer to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.evaluate.gold import _gold_motions, load_gold, load_silver

P = "https://schema.oparl.org/1.1/Paper"


def _papers(tmp_path: Path) -> str:
    papers = [
        {
            "id": f"https://{host}/oparl/papers/114",
            "type": P,
            "name": "Antrag",
            "mainFile": {"id": "f", "text": f"Antrag aus {host}. Die Verwaltung prüft das."},
        }
        for host in ("ratsinfo.musterstadt.example", "web1.karlsruhe.de")
    ]
    path = tmp_path / "papers.json"
    path.write_text(json.dumps(papers), encoding="utf-8")
    return str(path)


def test_key_matches_only_the_source_the_prefix_names(tmp_path):
    gold = [{"id": "karlsruhe:114"}]
    got = [(gid, m.id) for gid, m in _gold_motions(gold, [_papers(tmp_path)])]
    assert got == [("karlsruhe:114", "https://web1.karlsruhe.de/oparl/papers/114")]


def test_exact_ids_match(tmp_path):
    gold = [{"id": "https://ratsinfo.musterstadt.example/oparl/papers/114"}]
    got = [gid for gid, _ in _gold_motions(gold, [_papers(tmp_path)])]
    assert got == [gold[0]["id"]]


def test_bad_gold_line_is_one_clear_error(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n{kaputt\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2 is not valid JSON"):
        load_gold(path)


def test_bad_silver_file_is_one_clear_error_before_any_analysis(tmp_path):
    with pytest.raises(InputError, match="no such silver file"):
        load_silver(tmp_path / "fehlt.json")
    broken = tmp_path / "submitters.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not a JSON file"):
        load_silver(broken)
    broken.write_text('{"factions": {"spd": "SPD"}}', encoding="utf-8")
    with pytest.raises(InputError, match='no "papers" mapping'):
        load_silver(broken)
    broken.write_text('{"factions": {"spd": "SPD"}, "papers": {"114": ["spd"]}}', "utf-8")
    assert load_silver(broken)["papers"] == {"114": ["spd"]}


def test_worst_misses_are_as_many_as_asked_in_json_too(tmp_path):
    """``--worst`` trims each field's misses in the JSON report as in the table (it used to be
    capped at the library's 15 whatever was asked)."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    papers = [
        {
            "id": f"https://ratsinfo.musterstadt.example/oparl/papers/{i}",
            "type": P,
            "name": f"Antrag Spielplatz {i}",
            "mainFile": {
                "id": f"f{i}",
                "text": f"Antrag\nDie Verwaltung wird beauftragt, den Spielplatz {i} zu sanieren.",
            },
        }
        for i in range(20)
    ]
    corpus = tmp_path / "papers.json"
    corpus.write_text(json.dumps(papers), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(
            json.dumps({"id": p["id"], "topic": f"Radweg Nummer {i}"}) + "\n"
            for i, p in enumerate(papers)
        ),
        encoding="utf-8",
    )
    run = CliRunner().invoke
    args = ["evaluate", str(gold), "--corpus", str(corpus), "--no-themes", "-f", "json", "-q"]
    for extra, n in (([], 15), (["--worst", "18"], 18), (["--worst", "0"], 0)):
        res = run(app, args + extra)
        assert res.exit_code == 0, res.output
        report = json.loads(res.stdout)
        assert len(report["scores"]["extraction"]["topic"]["worst"]) == n
    res = run(app, args + ["--worst", "-1"])
    assert res.exit_code == 2 and "--worst" in res.output
