"""Where the project's data lives: shipped data next to the package, third-party data in shared/."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = Path(os.environ.get("ANTRAGSRADAR_CORPUS", PROJECT_ROOT / "corpus"))
PATTERNS_DIR = CORPUS_DIR / "patterns"
TAXONOMY_DIR = CORPUS_DIR / "taxonomy"
DEMO_DIR = CORPUS_DIR / "demo"
MODELS_DIR = PROJECT_ROOT / "models"
DEFAULT_MODEL_DIR = MODELS_DIR / "themes-default"


def shared_dir(path: str | os.PathLike | None = None) -> Path:
    """The third-party data folder: an explicit path, else $ANTRAGSRADAR_SHARED, else ../shared."""
    if path is not None:
        return Path(path)
    env = os.environ.get("ANTRAGSRADAR_SHARED")
    if env:
        return Path(env)
    return PROJECT_ROOT.parent / "shared"
