"""The SQLite store of motions, analysis results and runs: the one owner of every table
(``migrations.py``) and of the schema version."""

from pipeline.store.db import Store, fingerprint
from pipeline.store.migrations import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store", "fingerprint"]
