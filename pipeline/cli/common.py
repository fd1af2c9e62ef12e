"""Shared CLI plumbing: library errors become one line on stderr and exit code 1."""

from __future__ import annotations

import errno
import functools
import json
import os
import shutil
import sqlite3
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


def print_run_summary(
    summary: Any, line: str, *, as_json: bool, quiet: bool, log: Callable[[str], None]
) -> None:
    """A run's summary (``analyze``, ``fetch``): its ``to_dict()`` as JSON on stdout with
    --json; unless --quiet, ``line`` and the most common failure reasons through ``log``."""
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), ensure_ascii=False))
    if not quiet:
        log(line)
        for reason, n in summary.failure_reasons.most_common(8):
            log(f"  failed ×{n}: {reason}")


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
        except (sqlite3.DatabaseError, OSError) as exc:
            if _disk_full(exc):
                raise fail(
                    f"disk full ({exc}); free space and run again: it continues where this run "
                    "stopped"
                ) from None
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(
                exc, sqlite3.OperationalError
            ):
                # a store damaged where its opening check could not see (deep in a table)
                raise fail(f"the store cannot be read ({exc}); restore it from a backup") from None
            raise

    return wrapper  # type: ignore[return-value]


def _disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError):
        return exc.errno == errno.ENOSPC
    return "disk is full" in str(exc) or "disk full" in str(exc)
