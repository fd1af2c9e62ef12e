"""Where the project's data lives: shipped data inside the installed package (a wheel) or beside
it (a source checkout), third-party data in shared/."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

PACKAGE_DIR = Path(str(files("pipeline")))
PROJECT_ROOT = PACKAGE_DIR.parent
# A wheel carries corpus/ and models/ as pipeline/_data (see setup.py); a checkout has them
# beside the package, where they are edited.
_PACKAGED = PACKAGE_DIR / "_data"
INSTALLED = (_PACKAGED / "corpus").is_dir()
DATA_ROOT = _PACKAGED if INSTALLED else PROJECT_ROOT
CORPUS_DIR = Path(os.environ.get("ANTRAGSRADAR_CORPUS", DATA_ROOT / "corpus"))
PATTERNS_DIR = CORPUS_DIR / "patterns"
TAXONOMY_DIR = CORPUS_DIR / "taxonomy"
DEMO_DIR = CORPUS_DIR / "demo"
MODELS_DIR = DATA_ROOT / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "themes-default"
DEFAULT_EXTRACTION_DIR = MODELS_DIR / "extraction-default"
DEFAULT_TITLE_DIR = MODELS_DIR / "title-default"


def shared_dir(path: str | os.PathLike | None = None) -> Path:
    """The third-party data folder: an explicit path, else $ANTRAGSRADAR_SHARED, else ../shared
    (beside the checkout; for an installed package, beside the current folder)."""
    if path is not None:
        return Path(path)
    env = os.environ.get("ANTRAGSRADAR_SHARED")
    if env:
        return Path(env)
    if INSTALLED:
        return Path.cwd().parent / "shared"
    return PROJECT_ROOT.parent / "shared"
