"""Readers for every input format behind one dispatcher: ``read_inputs`` yields Motions and Failures."""

from pipeline.ingest.dispatch import FORMATS, count_motions, read_inputs, resolve_inputs
from pipeline.ingest.tabular import Columns

__all__ = ["FORMATS", "Columns", "count_motions", "read_inputs", "resolve_inputs"]
