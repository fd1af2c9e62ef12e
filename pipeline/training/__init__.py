"""Training of the learned components from hand annotations (never imported by ``tag``)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import InputError


def check_writable(out: str | Path) -> None:
    """Create the model folder ``out`` now, so that a folder that cannot be written fails
    before the training (one InputError line), not after it."""
    d = Path(out)
    try:
        d.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot write the model to {d} ({exc.strerror or exc}); choose a writable folder "
            "for --out"
        ) from None
