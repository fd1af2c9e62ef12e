"""The SQLite store of motions, analysis results and runs."""

from pipeline.store.db import Store, fingerprint

__all__ = ["Store", "fingerprint"]
