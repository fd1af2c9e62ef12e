"""Reports as text: a terminal table, CSV, JSON or Markdown.

CSV and JSON carry the long rows (one row per cell, with count, n, share and small) so that
they read back easily; the table and Markdown show a cross table where the report has one.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Iterable
from typing import Any

from pipeline.report.numbers import de_number, de_pct
from pipeline.report.query import ReportError
from pipeline.report.result import Report

FORMATS = ("table", "csv", "json", "md")


def render(report: Report, fmt: str = "table", width: int | None = None, wide: bool = False) -> str:
    """The report in ``fmt`` (table, csv, json, md) as one string. Table and Markdown are for
    people (German labels and numbers); CSV and JSON for programs (ids, plain numbers)."""
    if fmt == "csv":
        return to_csv(report)
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return to_markdown(report)
    if fmt == "table":
        return to_table(report, width, wide)
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


# ---------------------------------------------------------------------------- cross tables


def _order(values: Iterable[Any]) -> list[Any]:
    return list(dict.fromkeys(values))


def _theme_name(report: Report, key: str, value: Any) -> str:
    """The German label where the value is a theme id and the report knows its label."""
    if key == "theme":
        for r in report.rows:
            if r.get("theme") == value and r.get("label"):
                return str(r["label"])
    return str(value)


def cross_tables(
    report: Report, header_break: str = " "
) -> list[tuple[str | None, list[str], list[list[str]]]]:
    """(section, header, body) for each section of a report that has a ``wide`` view.

    A cell reads "12,3 % (45)" when the column has one n (shown in the header) or
    "12,3 % (4/30)" otherwise; "*" marks a share with n < min_n. Theme ids are shown as
    their labels; ``header_break`` goes between a column's name and its n.
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
        header = [w.row] + [
            _theme_name(report, w.col, c)
            + (f"{header_break}(n={de_number(n)})" if (n := col_n[c]) is not None else "")
            for c in cols
        ]
        body = []
        for k in keys:
            line = [_theme_name(report, w.row, k)]
            for c in cols:
                r = cell.get((k, c))
                if r is None:
                    line.append("")
                    continue
                cnt = (
                    de_number(r["count"])
                    if col_n[c] is not None
                    else f"{de_number(r['count'])}/{de_number(r['n'])}"
                )
                line.append(f"{de_pct(r['share'])} ({cnt}){'*' if r['small'] else ''}")
            body.append(line)
        out.append(
            (str(_theme_name(report, "theme", sec)) if sec is not None else None, header, body)
        )
    return out


def _human(report: Report, column: str, value: Any) -> str:
    if value is None:
        return ""
    if column.startswith("share"):
        return de_pct(value)
    if column == "themes" and isinstance(value, str):
        labels = report.meta.get("theme_labels") or {}
        return ", ".join(labels.get(t, t) for t in value.split(", ") if t)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return de_number(value, 2)
    if isinstance(value, int):
        return de_number(value)
    return str(value)


def _long_cells(report: Report) -> tuple[list[str], list[list[str]]]:
    cols = [c for c in report.columns if c not in ("small",)]
    if "label" in cols and "item" in cols:  # a theme is shown by its label alone
        cols.remove("item")
    body = []
    for r in report.rows:
        line = [_human(report, c, r.get(c)) for c in cols]
        if "small" in report.columns and r.get("small"):
            line[0] += "*"
        body.append(line)
    if report.kind == "compare":
        a, b = report.meta.get("group_a", "a"), report.meta.get("group_b", "b")
        rename = {
            "label": "theme",
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


def sections(
    report: Report, header_break: str = " "
) -> list[tuple[str | None, list[str], list[list[str]]]]:
    return cross_tables(report, header_break) if report.wide else _sections_long(report)


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


# ---------------------------------------------------------------------------- terminal tables

# A URL or path in a text column folds at this width; words never split.
_MAX_LINK_WIDTH = 20
# What the box of a rich table adds: "│ " before each column and " " after it, a final "│".
_PER_COLUMN, _EDGE = 3, 1


# An amount and its unit stay on one line: "260.000 €", "12,5 %".
_UNIT_SPACE = re.compile(r"(?<=\d) (?=[€%])")
_KEEP = "\x01"


def _protect(text: str) -> str:
    return _UNIT_SPACE.sub(_KEEP, text)


def _words(text: str) -> list[str]:
    return [w for line in _protect(text).split("\n") for w in line.split()]


def _wrap(cell: str, width: int) -> str:
    """A text cell wrapped at spaces to ``width`` (a longer word or link folds)."""
    lines = textwrap.wrap(_protect(cell), width, break_on_hyphens=False) or [""]
    return "\n".join(lines).replace(_KEEP, " ")


def _is_text(cells: list[str]) -> bool:
    """A column of words (titles, labels) or links wraps; one of numbers and codes does not."""
    return any(
        (" " in c and not c[:1].isdigit()) or ("/" in c and len(c) > _MAX_LINK_WIDTH) for c in cells
    )


def _token_width(word: str) -> int:
    return min(len(word), _MAX_LINK_WIDTH) if "/" in word else len(word)


def _min_width(header: str, cells: list[str]) -> int:
    """The narrowest a column can get without splitting a word: a text column wraps its header
    and cells at spaces; a column of numbers wraps nothing (its header only at line breaks)."""
    if _is_text(cells):
        words = [*_words(header), *(w for c in cells for w in _words(c))]
        return max((_token_width(w) for w in words), default=1)
    lines = [*header.split("\n"), *cells]
    return max((len(x) for x in lines), default=1)


def fit_columns(header: list[str], body: list[list[str]], width: int) -> int:
    """How many leading columns fit ``width`` with no word split (at least the first)."""
    used = _EDGE
    for i, h in enumerate(header):
        used += _min_width(h, [row[i] for row in body]) + _PER_COLUMN
        if used > width:
            return max(1, i)
    return len(header)


def table_text(
    header: list[str],
    body: list[list[str]],
    width: int,
    *,
    title: str | None = None,
    wide: bool = False,
    keep_last: bool = False,
) -> tuple[str, list[str]]:
    """A rich table as text that fits ``width`` without splitting a word: text columns wrap at
    spaces, and columns that do not fit are left out (``keep_last`` keeps the last one, a
    total). Returns the text and the names of the columns left out. ``wide``: every column,
    however wide the table gets."""
    from rich.console import Console
    from rich.table import Table

    keep = list(range(len(header)))
    if not wide and fit_columns(header, body, width) < len(header):
        # first stack the words of number columns' headers ("n Die Linke" on three lines)
        header = [
            h if i == 0 or _is_text([row[i] for row in body]) else h.replace(" ", "\n")
            for i, h in enumerate(header)
        ]
        order = [0, len(header) - 1, *range(1, len(header) - 1)] if keep_last else keep
        reordered_h = [header[i] for i in order]
        reordered_b = [[row[i] for i in order] for row in body]
        n = fit_columns(reordered_h, reordered_b, width)
        keep = sorted(order[:n])
    dropped = [header[i].replace("\n", " ") for i in range(len(header)) if i not in keep]
    columns = [(header[i], [row[i] for row in body]) for i in keep]
    widths = _widths(columns, None if wide else width)
    table = Table(title=title, title_justify="left", show_lines=False)
    for j, ((head, cells), w) in enumerate(zip(columns, widths, strict=True)):
        text = _is_text(cells)
        table.add_column(
            head,
            justify="left" if j == 0 or text else "right",
            width=w,
            no_wrap=not text,
            overflow="fold",
        )
    wrap = [_is_text(cells) for _, cells in columns]
    for row in body:
        table.add_row(
            *(_wrap(row[i], w) if t else row[i] for i, w, t in zip(keep, widths, wrap, strict=True))
        )
    buf = io.StringIO()
    total = _EDGE + sum(w + _PER_COLUMN for w in widths)
    console = Console(file=buf, width=total, force_terminal=False, color_system=None)
    console.print(table)
    return buf.getvalue(), dropped


def _widths(columns: list[tuple[str, list[str]]], width: int | None) -> list[int]:
    """Column widths: each column's natural width where ``width`` is None or everything fits;
    else every column at its narrowest and the room left shared by the text columns, in
    proportion to what they lack."""
    natural = [
        max(len(x) for x in [*head.split("\n"), *(line for c in cells for line in c.split("\n"))])
        for head, cells in columns
    ]
    if width is None or _EDGE + sum(n + _PER_COLUMN for n in natural) <= width:
        return natural
    widths = [_min_width(head, cells) for head, cells in columns]
    room = width - _EDGE - sum(w + _PER_COLUMN for w in widths)
    lack = [
        n - w if _is_text(cells) else 0
        for n, w, (_, cells) in zip(natural, widths, columns, strict=True)
    ]
    total_lack = sum(lack)
    if room > 0 and total_lack:
        share = [room * x // total_lack for x in lack]
        widths = [w + min(s, x) for w, s, x in zip(widths, share, lack, strict=True)]
    return widths


def to_table(report: Report, width: int | None = None, wide: bool = False) -> str:
    """The terminal table: German labels and numbers, at most ``width`` columns wide (no word
    split; groups that do not fit are named in a note) unless ``wide``."""
    width = width or 200
    parts = [report.title + "\n"]
    dropped: list[str] = []
    for sec, header, body in sections(report, header_break="\n"):
        text, left_out = table_text(
            header,
            body,
            width,
            title=sec,
            wide=wide,
            keep_last=bool(report.wide) and str(header[-1]).startswith("(all)"),
        )
        parts.append(text)
        dropped += [d for d in left_out if d not in dropped]
    notes = list(report.notes)
    if dropped:
        notes.append(
            f"{len(dropped)} more columns do not fit {width} characters: "
            f"{', '.join(dropped)}; --wide shows all (or pick with --group/--theme)."
        )
    if wide:
        parts += [f"· {n}\n" for n in notes]
    else:
        parts += [
            textwrap.fill(n, width, initial_indent="· ", subsequent_indent="  ") + "\n"
            for n in notes
        ]
    return "".join(parts)
