"""Shared CLI plumbing: library errors become one line on stderr and exit code 1."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from pipeline.errors import AntragsradarError

F = TypeVar("F", bound=Callable[..., Any])


def output_width(default: int = 200) -> int:
    """Columns for a human table on stdout: the terminal's width, or $COLUMNS where set; a
    file or pipe gets ``default``."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return shutil.get_terminal_size((default, 24)).columns
    return default


def fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(1)


def guarded(fn: F) -> F:
    """Turn the library's own exceptions (and a broken stdout pipe) into one line and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AntragsradarError as exc:
            raise fail(str(exc)) from None
        except BrokenPipeError:  # `antragsradar tag … | head`: stop quietly
            sys.stderr.close()
            raise typer.Exit(0) from None
        except KeyboardInterrupt:
            raise fail("interrupted; a re-run continues where this one stopped") from None

    return wrapper  # type: ignore[return-value]
