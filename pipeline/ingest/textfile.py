"""Plain text, Markdown and PDF text: one motion per file, metadata guessed from its head."""

from __future__ import annotations

from pathlib import Path

from pipeline.ingest.textmeta import fill_from_text
from pipeline.ingest.validate import content_id
from pipeline.record import Motion


def motion_from_text(text: str, source: str, motion_id: str | None = None) -> Motion:
    """One motion from a text; without ``motion_id`` its id is the file's stem (a hash of the
    text for standard input)."""
    m = Motion(
        id=motion_id or (Path(source).stem if source != "-" else content_id("stdin", text)),
        text=text,
        title="",
        source_file=source,
    )
    fill_from_text(m)
    return m
