"""Plain text and Markdown files: one motion per file, title from the first non-empty line."""

from __future__ import annotations

from pathlib import Path

from pipeline.record import Motion


def motion_from_text(text: str, source: str, motion_id: str | None = None) -> Motion:
    first = next((ln.strip().lstrip("#").strip() for ln in text.splitlines() if ln.strip()), "")
    return Motion(
        id=motion_id or (Path(source).stem if source != "-" else "stdin"),
        text=text,
        title=first[:200],
        source_file=source,
    )
