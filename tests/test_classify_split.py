"""Prediction is apart from training: what ``tag`` loads (the theme model's inference modules,
the analyzer with its models) imports no module of ``pipeline.training`` and no scikit-learn."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.test_import_graph import import_graph

INFERENCE = [
    "pipeline.classify.model",
    "pipeline.classify.compact",
    "pipeline.classify.taxonomy",
    "pipeline.classify.text",
]

SCRIPT = """
import json, sys
for name in {modules!r}:
    __import__(name)
from pipeline.analyze import Analyzer
from pipeline.record import Motion
result = Analyzer().analyze_chunk([Motion(id="m", text="Der Gemeinderat möge beschließen: "
    "Die Verwaltung prüft, wie Radwege an Schulen sicherer werden.")])
assert result[0]["themes"], result
print(json.dumps(sorted(sys.modules)))
"""


def test_tag_imports_no_training_module():
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(modules=INFERENCE)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(INFERENCE) <= set(loaded)
    training = [m for m in loaded if m == "pipeline.training" or m.startswith("pipeline.training.")]
    assert not training, f"prediction imported training code: {training}"
    assert not [m for m in loaded if m == "sklearn" or m.startswith("sklearn.")]


def test_inference_modules_do_not_import_training_anywhere():
    """Also imports inside functions (ast): none of the inference modules names training."""
    graph = import_graph()
    for name in INFERENCE:
        bad = [t for t in graph[name] if t.startswith("pipeline.training")]
        assert not bad, f"{name} imports {bad}"
