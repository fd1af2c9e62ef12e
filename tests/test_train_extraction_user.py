"""A user adapts the clause model to their own council: their corpus, their annotations (with
evidence quotes, as the dev gold writes them), `train --component extraction --only-annotations`,
then `tag --extraction-model`. Motions invented for the test."""

from __future__ import annotations

import json

import numpy as np
from typer.testing import CliRunner

from pipeline.cli import app

OBJECTS = [
    "Radweg",
    "Spielplatz",
    "Sporthalle",
    "Bücherei",
    "Ampel",
    "Brunnen",
    "Friedhof",
    "Busspur",
    "Kita",
    "Schwimmbad",
    "Marktplatz",
    "Jugendhaus",
]
REQUESTS = {
    "review": "Die Bürgermeisterin wird gebeten zu prüfen, ob {o} saniert werden kann.",
    "report": "Die Bürgermeisterin wird gebeten, im Ausschuss über {o} zu berichten.",
    "inquiry": "Wir fragen die Bürgermeisterin: Wann wird {o} saniert?",
}


def _corpus(tmp_path):
    papers, gold = [], []
    for i, o in enumerate(OBJECTS * 2):
        kind = list(REQUESTS)[i % 3]
        req = REQUESTS[kind].format(o=f"der {o} Nord {i}")
        text = (
            f"Stadt Beispielheim\nRat der Stadt\nAntrag der Fraktion Volt\n{o}\n\n{req}\n\n"
            f"Begründung: Über den Zustand wurde im Jahr 2019 bereits berichtet.\n"
        )
        papers.append({"id": f"bh-{i}", "title": o, "text": text, "paper_type": "Antrag"})
        gold.append(
            {
                "id": f"bh-{i}",
                "themes": ["culture_sport"],
                "topic": o,
                "hedged": False,
                "groups": ["Volt"],
                "funding": [],
                "actions": [{"type": kind, "evidence": req[:40]}],
            }
        )
    (tmp_path / "papers.jsonl").write_text(
        "\n".join(json.dumps(p, ensure_ascii=False) for p in papers), encoding="utf-8"
    )
    (tmp_path / "gold.jsonl").write_text(
        "\n".join(json.dumps(g, ensure_ascii=False) for g in gold), encoding="utf-8"
    )


def _train_on_own_annotations(tmp_path, component: str, out):
    args = ["train", "--component", component, "--only-annotations", "--quiet"]
    args += [
        "--annotations",
        str(tmp_path / "gold.jsonl"),
        "--corpus",
        str(tmp_path / "papers.jsonl"),
    ]
    return CliRunner().invoke(app, [*args, "--out", str(out)])


def test_user_trains_and_uses_their_own_clause_model(tmp_path):
    _corpus(tmp_path)
    out = tmp_path / "my-extraction"
    res = _train_on_own_annotations(tmp_path, "extraction", out)
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert summary["training_motions"] == {"user": 24}
    assert summary["within_source_5fold"]["user"]["actions_micro_f1"] > 0.5
    card = json.loads((out / "model_card.json").read_text())
    # one council, one kind of body: the motion stage gets no level input (format 2)
    assert card["weights"]["sha256"] and card["format"] == "antragsradar-clauses-2"
    assert (out / "README.md").read_text(encoding="utf-8").startswith("# Clause model")
    (tmp_path / "neu.txt").write_text(
        "Antrag der Fraktion Volt\nTrinkbrunnen\n\nDie Bürgermeisterin wird gebeten zu prüfen, "
        "ob der Trinkbrunnen am Rathaus saniert werden kann.\n",
        encoding="utf-8",
    )
    tag = CliRunner().invoke(
        app, ["tag", str(tmp_path / "neu.txt"), "--no-themes", "--extraction-model", str(out)]
    )
    assert tag.exit_code == 0, tag.output
    assert {a["type"] for a in json.loads(tag.stdout)["actions"]} == {"review"}
    assert "user" in summary["topic_token_f1"]["within_source_5fold"]
    assert card["topic"]["weights"]["sha256"] and (out / "topic.npz").is_file()

    # the topic ranker alone, into the same folder: the clause model stays as it was
    clauses = (out / "clauses.npz").read_bytes()
    again = _train_on_own_annotations(tmp_path, "topic", out)
    assert again.exit_code == 0, again.output
    assert (out / "clauses.npz").read_bytes() == clauses
    new_card = json.loads((out / "model_card.json").read_text())
    assert new_card["weights"] == card["weights"]
    assert new_card["topic"]["trained_at"] >= card["topic"]["trained_at"]
    assert "## Topic ranker" in (out / "README.md").read_text(encoding="utf-8")


def test_topic_ranker_needs_a_clause_model_folder(tmp_path):
    res = CliRunner().invoke(
        app, ["train", "--component", "topic", "--out", str(tmp_path / "leer"), "--quiet"]
    )
    assert res.exit_code == 1
    assert "not a clause model folder" in res.output and "--component extraction" in res.output


def test_only_annotations_without_a_file_is_one_error_line(tmp_path):
    res = CliRunner().invoke(
        app,
        ["train", "--component", "extraction", "--only-annotations", "--out", str(tmp_path / "m")],
    )
    assert res.exit_code == 1 and "--only-annotations needs" in res.output


def test_evidence_quotes_are_found_across_pdf_line_breaks():
    from pipeline.training.annotations import find_span

    text = "Die Verwal-\ntung wird beauftragt,   zu prüfen"
    assert (
        text[slice(*find_span(text, "Verwaltung wird beauftragt"))]
        == "Verwal-\ntung wird beauftragt"
    )
    assert find_span(text, "beauftragt, zu PRÜFEN") == (22, 45)
    assert find_span(text, "nicht im Text") is None


def test_an_unwritable_out_fails_before_training(tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    res = CliRunner().invoke(
        app, ["train", "--component", "extraction", "--out", str(tmp_path / "a-file" / "m")]
    )
    assert res.exit_code == 1 and "cannot write the model" in res.output


def _rows(key: str, source: str, feature: int, report: int):
    """One motion of one clause whose only feature is ``feature``, labelled report or not."""
    from pipeline.extract.learned import HEADS
    from pipeline.training.extraction import DocRows

    H = len(HEADS)
    Y = np.zeros((1, H), dtype=np.int8)
    Y[0, HEADS.index("report")] = report
    gold = np.zeros(H, dtype=np.int8)
    gold[HEADS.index("report")] = report
    return DocRows(
        key=key,
        source=source,
        indices=np.array([feature, 7], dtype=np.int32),
        indptr=np.array([0, 2], dtype=np.int32),
        Y=Y,
        M=np.ones((1, H), dtype=np.int8),
        gold=gold,
        rule=np.zeros(H, dtype=np.int8),
        mentions=np.zeros((1, H), dtype=np.int8),
    )


def test_a_users_motions_outweigh_ours_where_conventions_differ():
    """Ours call a clause with feature 3 a report 30 times; the user's own body, in 10 motions,
    never does. At weight 1 ours win; at the CLI's default weight (4) the user's convention."""
    from pipeline.extract.learned import HEADS
    from pipeline.training.extraction import motion_weights, train_model

    ours = [_rows(f"ours:{i}", "karlsruhe", 3, 1) for i in range(30)]
    ours += [_rows(f"ours:n{i}", "karlsruhe", 5, 0) for i in range(40)]
    mine = [_rows(f"mine:{i}", "user", 3, 0) for i in range(10)]
    mine += [_rows(f"mine:p{i}", "user", 9, 1) for i in range(10)]
    docs = ours + mine
    weights = {d.key: 4.0 for d in mine}
    assert motion_weights(docs, {k: 1.0 for k in weights}) is None
    assert motion_weights(docs, weights) == [1.0] * 70 + [4.0] * 20
    j = HEADS.index("report")
    clause = (np.array([3, 7], dtype=np.int32), np.array([0, 2], dtype=np.int32))
    plain, _ = train_model(docs, C=10.0, k=3, n_features=16)
    weighted, _ = train_model(docs, C=10.0, k=3, n_features=16, weights=weights)
    assert plain.proba(*clause)[0, j] > 0.5 > weighted.proba(*clause)[0, j]


def test_train_weighs_the_users_motions_and_says_so_in_the_card(tmp_path, monkeypatch):
    """`train --annotations` weighs the user's motions 4 times ours by default (--weight
    changes it); ours are cut to 30 written motions here so that the run takes seconds."""
    from pipeline.paths import CORPUS_DIR
    from pipeline.training import annotations

    _corpus(tmp_path)
    lines = (CORPUS_DIR / "annotations" / "motions-written.jsonl").read_text(encoding="utf-8")
    ours = tmp_path / "motions-ours.jsonl"
    ours.write_text("\n".join(lines.splitlines()[:30]) + "\n", encoding="utf-8")
    monkeypatch.setattr(annotations, "default_files", lambda: [ours])
    args = ["train", "--component", "extraction", "--quiet", "--annotations"]
    args += [str(tmp_path / "gold.jsonl"), "--corpus", str(tmp_path / "papers.jsonl")]
    for extra, expected in (([], {"n": 24, "weights": [4.0]}), (["--weight", "1"], None)):
        out = tmp_path / f"m{len(extra)}"
        res = CliRunner().invoke(app, [*args, *extra, "--out", str(out)])
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout)["training_motions"] == {"user": 24, "written": 30}
        card = json.loads((out / "model_card.json").read_text())
        assert card.get("weighted_motions") == expected
