"""Readers for every input format behind one dispatcher: ``read_inputs`` yields Motions and Failures."""

from pipeline.ingest.dispatch import FORMATS, read_inputs, resolve_inputs
from pipeline.ingest.tabular import Columns

__all__ = ["FORMATS", "Columns", "read_inputs", "resolve_inputs"]
