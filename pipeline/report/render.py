"""Reports as text: a terminal table, CSV, JSON or Markdown.

CSV and JSON carry the long rows (one row per cell, with count, n, share and small) so that
they read back easily; the table and Markdown show a cross table where the report has one.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from pipeline.report.query import ReportError
from pipeline.report.result import Report

FORMATS = ("table", "csv", "json", "md")


def render(report: Report, fmt: str = "table", width: int | None = None) -> str:
    """The report in ``fmt`` (table, csv, json, md) as one string."""
    if fmt == "csv":
        return to_csv(report)
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return to_markdown(report)
    if fmt == "table":
        return to_table(report, width)
    raise ReportError(f"{fmt!r}: unknown format; use one of {', '.join(FORMATS)}")


def _plain(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return ""
    return v


def to_csv(report: Report) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(report.columns)
    for r in report.rows:
        w.writerow([_plain(r.get(c)) for c in report.columns])
    return buf.getvalue()


def pct(share: float | None) -> str:
    return "–" if share is None else f"{share * 100:.1f}%"


# ---------------------------------------------------------------------------- cross tables


def _order(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def cross_tables(report: Report) -> list[tuple[str | None, list[str], list[list[str]]]]:
    """(section, header, body) for each section of a report that has a ``wide`` view.

    A cell reads "12.3% (45)" when the column has one n (shown in the header) or
    "12.3% (4/30)" otherwise; "*" marks a share with n < min_n.
    """
    w = report.wide
    assert w is not None
    sections = _order(r[w.section] for r in report.rows) if w.section else [None]
    out = []
    for sec in sections:
        rows = [r for r in report.rows if not w.section or r[w.section] == sec]
        cols = _order(r[w.col] for r in rows)
        keys = _order(r[w.row] for r in rows)
        col_n = {
            c: ns.pop() if len(ns := {r["n"] for r in rows if r[w.col] == c}) == 1 else None
            for c in cols
        }
        cell = {(r[w.row], r[w.col]): r for r in rows}
        header = [w.row] + [f"{c} (n={col_n[c]})" if col_n[c] is not None else str(c) for c in cols]
        body = []
        for k in keys:
            line = [str(k)]
            for c in cols:
                r = cell.get((k, c))
                if r is None:
                    line.append("")
                    continue
                cnt = f"{r['count']}" if col_n[c] is not None else f"{r['count']}/{r['n']}"
                line.append(f"{pct(r['share'])} ({cnt}){'*' if r['small'] else ''}")
            body.append(line)
        out.append((sec, header, body))
    return out


def _long_cells(report: Report) -> tuple[list[str], list[list[str]]]:
    cols = [c for c in report.columns if c not in ("small",)]
    body = []
    for r in report.rows:
        line = []
        for c in cols:
            v = r.get(c)
            if c.startswith("share"):
                line.append(pct(v))
            elif isinstance(v, float):
                line.append(f"{v:.2f}")
            else:
                line.append("" if v is None else str(v))
        if "small" in report.columns and r.get("small"):
            line[0] += "*"
        body.append(line)
    if report.kind == "compare":
        a, b = report.meta.get("group_a", "a"), report.meta.get("group_b", "b")
        rename = {
            "count_a": f"n {a}",
            "count_b": f"n {b}",
            "share_a": f"% {a}",
            "share_b": f"% {b}",
        }
        cols = [rename.get(c, c) for c in cols]
    return cols, body


def _sections_long(report: Report) -> list[tuple[str | None, list[str], list[list[str]]]]:
    if report.kind != "compare":
        header, body = _long_cells(report)
        return [(None, header, body)]
    out: list[tuple[str | None, list[str], list[list[str]]]] = []
    for dim in ("theme", "term"):
        sub = Report(
            kind=report.kind,
            title=report.title,
            columns=[
                c
                for c in report.columns
                if c != "dimension" and not (dim == "term" and c == "label")
            ],
            rows=[r for r in report.rows if r["dimension"] == dim],
            meta=report.meta,
        )
        if sub.rows:
            header, body = _long_cells(sub)
            out.append((f"{dim}s", header, body))
    return out


def sections(report: Report) -> list[tuple[str | None, list[str], list[list[str]]]]:
    return cross_tables(report) if report.wide else _sections_long(report)


def to_markdown(report: Report) -> str:
    lines = [f"**{report.title}**", ""]
    for sec, header, body in sections(report):
        if sec:
            lines += [f"*{sec}*", ""]
        esc = [[c.replace("|", "\\|") for c in row] for row in [header, *body]]
        lines.append("| " + " | ".join(esc[0]) + " |")
        lines.append("|" + "|".join("---" for _ in header) + "|")
        lines += ["| " + " | ".join(row) + " |" for row in esc[1:]]
        lines.append("")
    lines += [f"- {n}" for n in report.notes]
    return "\n".join(lines) + "\n"


def to_table(report: Report, width: int | None = None) -> str:
    from rich.console import Console
    from rich.table import Table

    buf = io.StringIO()
    console = Console(file=buf, width=width or 200, force_terminal=False, color_system=None)
    console.print(report.title, style="bold")
    for sec, header, body in sections(report):
        table = Table(title=sec, title_justify="left", show_lines=False)
        for i, h in enumerate(header):
            table.add_column(h, justify="left" if i == 0 else "right", overflow="fold")
        for row in body:
            table.add_row(*row)
        console.print(table)
    for n in report.notes:
        console.print(f"· {n}", highlight=False)
    return buf.getvalue()
