"""Bad-input and fault campaign: generated cases through the CLI, totals by outcome.

    PYTHONPATH=. .venv/bin/python bench/fault_campaign.py --seeds 3

runs every generated input case of ``tests/faultgen.py`` (``--seeds`` rounds, 79 cases each,
with texts over 1,000,000 characters) through ``tag`` and ``analyze`` twice, then the store,
report, stdin and fetch scenarios of ``tests/test_faults.py`` (foreign and damaged stores,
disk full, impossible dates, hostile servers on 127.0.0.1), and prints the totals of
tracebacks, hangs (a case over ``--case-timeout`` seconds), silent losses (a document neither
analysed nor reported) and wrong outputs (counts, exit codes, error lines, checks of the
results), with the cases that went wrong. Exit code 1 when any case went wrong.
"""

from __future__ import annotations

import argparse
import inspect
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import pipeline.analyze as analyze_module
import pipeline.tagging as tagging_module
from pipeline.cli import app
from tests import test_faults as suite
from tests.faultgen import DATES, cases
from tests.faultrun import check_case

KINDS = ("traceback", "hang", "silent_loss", "wrong_output")


class Hang(Exception):
    """A case ran past its time."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise Hang()


class Recorder:
    """``invoke(args)`` of the CLI in this process that notes every traceback."""

    def __init__(self) -> None:
        self.runner = CliRunner()
        self.tracebacks: list[str] = []

    def __call__(self, args: list[str], **kw: Any) -> Any:
        r = self.runner.invoke(app, args, **kw)
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            self.tracebacks.append(
                f"{' '.join(args[:2])}: {type(r.exception).__name__}: {r.exception}"
            )
        return r


def _scenarios() -> list[tuple[str, Callable[..., Any], dict[str, Any]]]:
    """The store, report, stdin and fetch tests of the suite, one entry per parameter set."""
    s = suite
    out: list[tuple[str, Callable[..., Any], dict[str, Any]]] = []
    for cmd in (
        ["report", "themes"],
        ["report", "trends"],
        ["report", "actions"],
        ["analyze", "IN"],
        ["report", "drill"],
    ):
        out.append(
            (
                f"foreign-sqlite-{'-'.join(cmd)}",
                s.test_an_unrelated_sqlite_file_is_refused_and_left_unchanged,
                {"command": cmd},
            )
        )
    out.append(("not-sqlite", s.test_a_file_that_is_not_sqlite_is_refused, {}))
    for table in (
        "meta",
        "runs",
        "motions",
        "results",
        "motion_groups",
        "motion_themes",
        "actions",
        "funding",
        "failures",
    ):
        out.append(
            (f"dropped-{table}", s.test_a_damaged_store_is_refused_in_one_line, {"table": table})
        )
    for cut in ("half", "header"):
        for cmd in (["report", "themes"], ["analyze", "IN"]):
            name = f"corrupt-store-{cut}-{cmd[0]}"
            out.append(
                (name, s.test_a_corrupt_store_file_is_one_line, {"cut": cut, "command": cmd})
            )
    out.append(("report-writes-nothing", s.test_report_does_not_write_the_store, {}))
    out.append(("read-only-store", s.test_read_only_store_is_read_without_wal, {}))
    out.append(("read-only-media", s.test_read_only_media_fall_back_to_an_immutable_read, {}))
    out.append(("disk-full", s.test_disk_full_is_one_line_and_the_rerun_completes, {}))
    for value in ("2024-13", "2024-02-30", "2025-13-45", "gestern", "2024-00", "13.13.2024"):
        for option in ("--since", "--until"):
            out.append(
                (
                    f"report{option}={value}",
                    s.test_report_rejects_impossible_dates,
                    {"option": option, "value": value},
                )
            )
    out.append(("empty-report", s.test_an_empty_report_says_so, {}))
    out.append(("stdin-ids", s.test_stdin_gets_a_content_id, {}))
    for raw, iso in DATES:
        out.append(
            (
                f"date-{raw or 'empty'}",
                s.test_dates_parse_to_iso_or_a_reason,
                {"raw": raw, "iso": iso},
            )
        )
    out.append(
        (
            "analysis-error-rerun",
            s.test_an_analysis_error_is_that_motions_failure_and_a_rerun_retries_it,
            {},
        )
    )
    out.append(("tokenizer-limit", s.test_a_text_over_the_tokenizer_limit_fails_alone, {}))
    out.append(("text-cap", s.test_a_text_over_the_cap_is_a_failure_with_the_cap, {}))
    out.append(("theme-model-error", s.test_a_theme_model_error_fails_only_its_motion, {}))
    out.append(("pdf-bomb", s.test_pdf_page_bomb_is_refused_quickly, {}))
    out.append(("fetch-other-hosts", s.test_files_on_other_hosts_are_refused_unless_allowed, {}))
    out.append(("fetch-redirects", s.test_redirects_follow_the_same_rules, {}))
    out.append(("fetch-next-other-host", s.test_next_links_to_other_hosts_are_not_followed, {}))
    out.append(
        (
            "fetch-endless-pages",
            s.test_endless_pages_stop_at_max_pages_and_the_next_run_continues,
            {},
        )
    )
    out.append(("fetch-drip", s.test_a_dripping_server_is_cut_at_the_deadline, {}))
    out.append(("fetch-drip-cli", s.test_the_cli_deadline_follows_timeout, {}))
    out.append(("fetch-oversized-page", s.test_an_oversized_page_names_the_option_for_pages, {}))
    out.append(("fetch-wrong-shapes", s.test_papers_of_the_wrong_shape_do_not_block_the_walk, {}))
    out.append(("host-rules", s.test_host_rules, {}))
    return out


def _run_scenario(
    fn: Callable[..., Any], params: dict[str, Any], work: Path, cli: Recorder
) -> list[tuple[str, str]]:
    servers: list[Any] = []

    def hostile() -> Any:
        servers.append(suite.HostileOParl())
        return servers[-1]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(analyze_module, "Analyzer", suite._cached_analyzer)
        mp.setattr(tagging_module, "Analyzer", suite._cached_analyzer)
        fixtures: dict[str, Any] = {
            "tmp_path": work,
            "cli": cli,
            "monkeypatch": mp,
            "analyzer": suite._cached_analyzer(None),
            "hostile": hostile,
        }
        names = inspect.signature(fn).parameters
        if "store" in names:
            fixtures["store"] = suite.make_store(work, cli)
        try:
            fn(**{n: params.get(n, fixtures.get(n)) for n in names})
        except AssertionError as exc:
            return [("wrong_output", str(exc).splitlines()[0][:200] if str(exc) else "assertion")]
        finally:
            for srv in servers:
                srv.stop()
    return []


def run_one(
    name: str, body: Callable[[Path, Recorder], list[tuple[str, str]]], timeout: float
) -> list[tuple[str, str]]:
    cli = Recorder()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(int(timeout))
    try:
        with tempfile.TemporaryDirectory() as d:
            problems = body(Path(d), cli)
    except Hang:
        problems = [("hang", f"over {timeout:g} s")]
    except Exception as exc:  # noqa: BLE001  the campaign counts it
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        problems = [("traceback", tb)]
    finally:
        signal.alarm(0)
    problems += [("traceback", t) for t in cli.tracebacks]
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", type=int, default=3, help="rounds of generated input cases")
    ap.add_argument("--first-seed", type=int, default=100)
    ap.add_argument("--case-timeout", type=float, default=120.0)
    ap.add_argument("--no-scenarios", action="store_true", help="generated input cases only")
    args = ap.parse_args(argv)
    jobs: list[tuple[str, Callable[[Path, Recorder], list[tuple[str, str]]]]] = []
    for seed in range(args.first_seed, args.first_seed + args.seeds):
        for c in cases(seed):
            jobs.append((f"seed{seed}/{c.name}", lambda w, cli, c=c: check_case(c, w, cli)))
    if not args.no_scenarios:
        for name, fn, params in _scenarios():
            jobs.append((name, lambda w, cli, fn=fn, p=params: _run_scenario(fn, p, w, cli)))
    totals: Counter[str] = Counter()
    bad: list[str] = []
    t0 = time.monotonic()
    for name, body in jobs:
        problems = run_one(name, body, args.case_timeout)
        kinds = {k for k, _ in problems}
        for k in kinds:
            totals[k] += 1
        if problems:
            bad.append(f"{name}: {problems[0][0]}: {problems[0][1]}")
        else:
            totals["ok"] += 1
    print(f"{len(jobs)} cases in {time.monotonic() - t0:.0f} s")
    print("  " + ", ".join(f"{k} {totals[k]}" for k in (*KINDS, "ok")))
    for line in bad:
        print(f"  {line}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
