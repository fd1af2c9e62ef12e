"""Run one generated bad-input case (``tests.faultgen``) through ``tag`` and ``analyze`` (twice)
on the command line, in process, and say what went wrong: a traceback, a silent loss (a
document neither in the output nor reported) or a wrong output (wrong counts, exit codes,
error lines, or a check of the results that fails)."""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.faultgen import Case

Invoke = Callable[[list[str]], Any]  # CliRunner.invoke(app, args) bound
Problem = tuple[str, str]  # (traceback | silent_loss | wrong_output, what)


def write_case(case: Case, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for rel, data in case.files.items():
        path = os.path.join(os.fsencode(folder), os.fsencode(rel))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)
    return folder


def _traceback(r: Any) -> str | None:
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        return f"{type(r.exception).__name__}: {r.exception}"
    if "Traceback" in (r.stderr or "") or "Traceback" in (r.stdout or ""):
        return "a traceback in the output"
    return None


# The plain progress lines a slow run writes to stderr in a log (every 10 s): not errors.
PROGRESS_LINE = re.compile(r"^(?:tagging|analysing|evaluating|fetching|training): ")


def _stderr_lines(r: Any) -> list[str]:
    return [
        ln for ln in (r.stderr or "").splitlines() if ln.strip() and not PROGRESS_LINE.match(ln)
    ]


def check_tag(case: Case, folder: Path, invoke: Invoke) -> list[Problem]:
    r = invoke(["tag", str(folder), *case.options])
    if tb := _traceback(r):
        return [("traceback", f"tag: {tb}")]
    results = [json.loads(ln) for ln in r.stdout.splitlines() if ln.strip()]
    errors = _stderr_lines(r)
    problems: list[Problem] = []
    other = [ln for ln in errors if not ln.startswith("error: ")]
    if other:
        problems.append(("wrong_output", f"tag: stderr line not 'error: …': {other[0][:100]}"))
    want_failed = case.failed if case.failed is not None else max(1, len(errors))
    if len(results) + len(errors) < case.ok + want_failed:
        problems.append(("silent_loss", f"tag: {len(results)} results + {len(errors)} errors"))
    elif len(results) != case.ok or len(errors) != want_failed:
        problems.append(
            (
                "wrong_output",
                f"tag: {len(results)} results, {len(errors)} errors; "
                f"expected {case.ok}, {want_failed}: {errors[:2]}",
            )
        )
    if r.exit_code != (1 if errors else 0):
        problems.append(("wrong_output", f"tag: exit code {r.exit_code}"))
    if case.check and not problems and (why := case.check(results)):
        problems.append(("wrong_output", f"tag: {why}"))
    return problems


def _store_counts(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        analysed = con.execute("SELECT COUNT(*) FROM motions WHERE status='analysed'").fetchone()
        failures = con.execute("SELECT COUNT(*) FROM failures").fetchone()
        return analysed[0], failures[0]
    finally:
        con.close()


def check_analyze(case: Case, folder: Path, db: Path, invoke: Invoke) -> list[Problem]:
    stored = case.ok if case.stored is None else case.stored
    want_failed = (case.failed or 0) + (case.ok - stored)
    problems: list[Problem] = []
    for run in (1, 2):
        r = invoke(["analyze", str(folder), "--db", str(db), "-q", "--json", *case.options])
        if tb := _traceback(r):
            return [("traceback", f"analyze run {run}: {tb}")]
        if r.exit_code != 0:
            return [("wrong_output", f"analyze run {run}: exit {r.exit_code}: {r.stderr[:200]}")]
        c = json.loads(r.stdout.splitlines()[-1])["counts"]
        got_new = c.get("new", 0) + c.get("changed", 0)
        fresh = stored if run == 1 else 0
        if got_new != fresh or c.get("unchanged", 0) != (0 if run == 1 else stored):
            problems.append(("wrong_output", f"analyze run {run}: counts {c}"))
        failed = c.get("failed", 0)
        if case.failed is None and failed < 1 or case.failed is not None and failed != want_failed:
            problems.append(("wrong_output", f"analyze run {run}: failed {failed}, counts {c}"))
    analysed, failures = _store_counts(db)
    if analysed < stored or failures < (1 if case.failed is None else want_failed):
        problems.append(("silent_loss", f"store: {analysed} analysed, {failures} failures"))
    elif analysed != stored:
        problems.append(("wrong_output", f"store: {analysed} analysed, expected {stored}"))
    return problems


def check_case(case: Case, work: Path, invoke: Invoke) -> list[Problem]:
    folder = write_case(case, work / "in")
    return check_tag(case, folder, invoke) + check_analyze(case, folder, work / "s.db", invoke)
