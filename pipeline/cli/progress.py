"""Progress of long commands on stderr: a bar on a terminal, a line now and then in a log.

Library functions report ``(done, total)`` through a callback and know nothing about the
display; ``Reporter`` is that callback. On a terminal it draws a rich bar with the total, the
rate and the time left; otherwise (a log, a pipe) it writes a plain line every ``every``
seconds; with ``quiet`` it writes nothing. Nothing appears before ``delay`` seconds, so that a
command that finishes at once stays silent. Data never goes through it: stdout stays data.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import IO, Any

# Seconds before anything is shown, and between two lines of a log.
DELAY = 1.0
EVERY = 10.0


def duration(seconds: float) -> str:
    """A short duration for a log line: "45 s", "3 min 05 s", "1 h 12 min"."""
    s = max(0, int(round(seconds)))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


def status_line(label: str, done: int, total: int | None, unit: str, elapsed: float) -> str:
    """The plain progress line of a log: count, share, rate and the time left where known."""
    rate = done / elapsed if elapsed > 0 else 0.0
    line = f"{label}: {done}"
    if total:
        line += f"/{total} {unit} ({done / total * 100:.0f} %)"
    else:
        line += f" {unit}"
    line += f", {rate:.1f}/s, {duration(elapsed)} elapsed"
    if total and rate > 0 and done < total:
        line += f", about {duration((total - done) / rate)} left"
    return line


class Reporter:
    """Shows ``(done, total)`` progress on stderr; call it as the library's progress callback.

    Use as a context manager so that a bar is removed at the end, also after an error.
    """

    def __init__(
        self,
        label: str,
        *,
        unit: str = "motions",
        quiet: bool = False,
        every: float | None = None,
        delay: float | None = None,
        stream: IO[str] | None = None,
        terminal: bool | None = None,
    ) -> None:
        self.label = label
        self.unit = unit
        self.quiet = quiet
        self.every = EVERY if every is None else every
        self.delay = DELAY if delay is None else delay
        self.stream = stream or sys.stderr
        self.terminal = _isatty(self.stream) if terminal is None else terminal
        self._t0 = time.monotonic()
        self._last_line = self._t0
        self._bar: Any = None
        self._task: Any = None
        self._done = 0
        self._total: int | None = None
        self._wrote_line = False

    def __enter__(self) -> Reporter:
        self._t0 = self._last_line = time.monotonic()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        elif self._wrote_line and exc_type is None and not self.quiet:
            # a log that had progress lines gets the final count too
            self._line()

    def __call__(self, done: int, total: int | None = None) -> None:
        self._done = done
        if total is not None:
            self._total = total
        if self.quiet or (self._total is not None and self._total <= 1):
            return  # one document needs no progress
        now = time.monotonic()
        if now - self._t0 < self.delay:
            return
        if self.terminal:
            self._draw()
        elif now - self._last_line >= self.every or not self._wrote_line:
            self._line()
            self._last_line = now

    def elapsed(self) -> str:
        return duration(time.monotonic() - self._t0)

    def message(self, text: str, always: bool = False) -> None:
        """A line of its own (a phase of a run, an error), above the bar where one is drawn;
        ``always``: also with ``quiet``."""
        if self.quiet and not always:
            return
        if self._bar is not None:
            self._bar.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream, flush=True)

    def _line(self) -> None:
        elapsed = time.monotonic() - self._t0
        line = status_line(self.label, self._done, self._total, self.unit, elapsed)
        print(line, file=self.stream, flush=True)
        self._wrote_line = True

    def _draw(self) -> None:
        if self._bar is None:
            self._start_bar()
        elapsed = time.monotonic() - self._t0
        rate = f"{self._done / elapsed:.1f}/s" if elapsed > 0 else ""
        self._bar.update(self._task, completed=self._done, total=self._total, rate=rate)

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self.stream, force_terminal=True)
        self._bar = Progress(
            TextColumn(self.label),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn(self.unit),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("elapsed"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=console,
            transient=True,
            # Data written to stdout while the bar is drawn would garble it when both are the
            # same terminal; there rich prints it above the bar. Redirected stdout is left alone.
            redirect_stdout=_isatty(sys.stdout),
            redirect_stderr=False,
        )
        self._task = self._bar.add_task(self.label, total=self._total, rate="")
        self._bar.start()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
