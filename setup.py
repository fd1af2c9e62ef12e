"""Build hook: the wheel carries the run-time data (rule patterns, taxonomy, annotations, demo
corpus, default model) as ``pipeline/_data``, copied from ``corpus/`` and ``models/``, which stay
the editable sources of truth. Editable installs read those folders directly."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# (source folder, destination under pipeline/_data, file patterns to leave out)
DATA = [
    ("corpus/patterns", "corpus/patterns", ()),
    ("corpus/taxonomy", "corpus/taxonomy", ()),
    ("corpus/annotations", "corpus/annotations", ()),
    ("corpus/written", "corpus/written", ()),
    ("corpus/demo", "corpus/demo", ("*.py", "__pycache__")),
    # a pickle (of a model trained without --no-pickle) stays out: the installed tool predicts
    # from the numpy archive only
    ("models/themes-default", "models/themes-default", ("model.joblib",)),
    ("models/extraction-default", "models/extraction-default", ()),
    ("models/title-default", "models/title-default", ()),
]


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):
            return
        dest_root = Path(self.build_lib) / "pipeline" / "_data"
        for src, dest, skip in DATA:
            target = dest_root / dest
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(ROOT / src, target, ignore=shutil.ignore_patterns(*skip))


setup(cmdclass={"build_py": BuildPyWithData})
