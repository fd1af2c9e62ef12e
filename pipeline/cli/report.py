"""``antragsradar report …``: themes, trends, actions, compare and drill over the store.

Thin wrappers: the numbers come from ``pipeline.report``; data goes to stdout, messages to
stderr. A motion of several groups counts for each of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from pipeline.cli.common import guarded, output_width

app = typer.Typer(
    name="report",
    help="Reports over the store that `analyze` builds: themes by group, trends, actions and "
    "funding by group, comparisons of groups, and the motions behind any cell. A motion "
    "submitted by several groups counts for each of them.",
    no_args_is_help=True,
)

DB = typer.Option(Path("antragsradar.db"), "--db", help="SQLite store built by `analyze`.")
FORMAT = typer.Option(
    "table", "--format", "-f", help="Output: table (terminal), csv, json or md (Markdown)."
)
PLOT = typer.Option(None, "--plot", help="Also write a picture of the report (.png or .svg).")
THEME = typer.Option(None, "--theme", "-t", help="Theme id or label; repeat for several.")
GROUP = typer.Option(
    None, "--group", "-g", help="Group (faction) as stored, any letter case; repeat for several."
)
BODY = typer.Option(None, "--body", help="Only motions of this body; repeatable.")
PAPER_TYPE = typer.Option(None, "--paper-type", help="Only this paper type; repeatable.")
SINCE = typer.Option(None, "--since", help="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")
UNTIL = typer.Option(
    None, "--until", help="Up to this date (inclusive): YYYY, YYYY-MM, YYYY-MM-DD."
)
MIN_N = typer.Option(
    5, "--min-n", min=1, help="Mark shares resting on fewer motions than this with '*'."
)
WIDE = typer.Option(
    False, "--wide", help="Table: every column, however wide (default: what fits the terminal)."
)
PRIMARY = typer.Option(
    False, "--primary-only", help="Count only each motion's first (most central) theme."
)


def _filters(
    theme: list[str] | None,
    group: list[str] | None,
    body: list[str] | None,
    paper_type: list[str] | None,
    since: str | None,
    until: str | None,
):  # noqa: ANN202 (Filters is imported lazily)
    from pipeline.report import Filters
    from pipeline.report.query import normalise_date

    normalise_date(since)  # a wrong date is one error line before the store is opened
    normalise_date(until, end=True)
    return Filters(
        themes=list(theme or []),
        groups=list(group or []),
        bodies=list(body or []),
        paper_types=list(paper_type or []),
        since=since,
        until=until,
    )


def _emit(report, fmt: str, plot: Path | None, wide: bool = False) -> None:  # noqa: ANN001
    from pipeline.report.render import render

    if not report.rows:
        typer.echo("no motions match these filters; the report is empty", err=True)
    text = render(report, fmt, width=output_width(), wide=wide)
    if plot is not None:  # write the picture first: a bad path fails before any output
        from pipeline.report.plot import plot as draw

        draw(report, plot)
    sys.stdout.write(text)
    sys.stdout.flush()
    if plot is not None:
        typer.echo(f"wrote {plot}", err=True)


def _check_format(fmt: str) -> None:
    from pipeline.report.query import ReportError
    from pipeline.report.render import FORMATS

    if fmt not in FORMATS:
        raise ReportError(f"{fmt!r}: unknown format; use one of {', '.join(FORMATS)}")


@app.command("themes")
@guarded
def themes(
    db: Path = DB,
    theme: list[str] | None = THEME,
    group: list[str] | None = GROUP,
    body: list[str] | None = BODY,
    paper_type: list[str] | None = PAPER_TYPE,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    primary_only: bool = PRIMARY,
    min_n: int = MIN_N,
    fmt: str = FORMAT,
    plot: Path | None = PLOT,
    wide: bool = WIDE,
) -> None:
    """Count and share of motions per theme per group, with a total column.

    Shares are normalised by each group's number of motions (n). A motion of several groups
    counts for each of them; a motion with several themes counts for each theme, so shares
    can add up to more than 100 %. --theme/--group pick the rows/columns shown.
    """
    from pipeline.report import open_store, themes_by_group

    _check_format(fmt)
    f = _filters(theme, group, body, paper_type, since, until)
    with open_store(db) as con:
        rep = themes_by_group(con, f, min_n=min_n, primary_only=primary_only)
    _emit(rep, fmt, plot, wide)


@app.command("trends")
@guarded
def trends(
    db: Path = DB,
    period: str = typer.Option("year", "--period", "-p", help="year, half, quarter or month."),
    by_group: bool = typer.Option(
        False, "--by-group", help="One line per group (implied by --group)."
    ),
    theme: list[str] | None = THEME,
    group: list[str] | None = GROUP,
    body: list[str] | None = BODY,
    paper_type: list[str] | None = PAPER_TYPE,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    primary_only: bool = PRIMARY,
    min_n: int = MIN_N,
    fmt: str = FORMAT,
    plot: Path | None = PLOT,
    wide: bool = WIDE,
) -> None:
    """Theme shares per period, overall or per group.

    A share is normalised by the volume of its period: motions with the theme / all motions of
    the period (of the group). A motion of several groups counts for each of them. Motions
    without a date are left out.

    Example: report trends --theme integration -g GRÜNE -g SPD -g CDU -g AfD --since 2015
    --until 2025 --plot trend.png
    """
    from pipeline.report import open_store
    from pipeline.report import trends as run

    _check_format(fmt)
    f = _filters(theme, group, body, paper_type, since, until)
    with open_store(db) as con:
        rep = run(con, f, period=period, by_group=by_group, min_n=min_n, primary_only=primary_only)
    _emit(rep, fmt, plot, wide)


@app.command("actions")
@guarded
def actions(
    db: Path = DB,
    theme: list[str] | None = THEME,
    group: list[str] | None = GROUP,
    body: list[str] | None = BODY,
    paper_type: list[str] | None = PAPER_TYPE,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    min_n: int = MIN_N,
    fmt: str = FORMAT,
    plot: Path | None = PLOT,
    wide: bool = WIDE,
) -> None:
    """Mix of requested-action types and funding kinds per group.

    Share = motions of the group with at least one action of the type (funding statement of
    the kind) / all its motions. A motion of several groups counts for each of them. --theme
    restricts the motions to those on the theme; --group picks the columns.
    """
    from pipeline.report import actions_by_group, open_store

    _check_format(fmt)
    f = _filters(theme, group, body, paper_type, since, until)
    with open_store(db) as con:
        rep = actions_by_group(con, f, min_n=min_n)
    _emit(rep, fmt, plot, wide)


@app.command("cap")
@guarded
def cap(
    db: Path = DB,
    group: list[str] | None = GROUP,
    body: list[str] | None = BODY,
    paper_type: list[str] | None = PAPER_TYPE,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    min_n: int = MIN_N,
    fmt: str = FORMAT,
    plot: Path | None = PLOT,
    all_codes: bool = typer.Option(
        False, "--all-codes", help="Count every CAP code a theme maps to, not only its main one."
    ),
) -> None:
    """Motions per Comparative Agendas Project major topic and group (via each theme's main CAP
    code), for comparisons with CAP-coded research data."""
    from pipeline.report import cap_by_group, open_store

    _check_format(fmt)
    f = _filters(None, group, body, paper_type, since, until)
    with open_store(db) as con:
        rep = cap_by_group(con, f, min_n=min_n, all_codes=all_codes)
    _emit(rep, fmt, plot)


@app.command("compare")
@guarded
def compare(
    group_a: str = typer.Argument(..., help="Group A."),
    group_b: str | None = typer.Argument(None, help="Group B; left out: all other groups."),
    db: Path = DB,
    top: int = typer.Option(15, "--top", min=1, help="Terms listed for each side."),
    unit: str = typer.Option(
        "motions", "--unit", help="Count terms per motion using them (motions) or per token."
    ),
    prior: float = typer.Option(
        0.1, "--prior", min=0.0001, help="Prior size α0 as a share of the two groups' counts."
    ),
    no_terms: bool = typer.Option(False, "--no-terms", help="Compare themes only."),
    theme: list[str] | None = THEME,
    body: list[str] | None = BODY,
    paper_type: list[str] | None = PAPER_TYPE,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    min_n: int = MIN_N,
    fmt: str = FORMAT,
    plot: Path | None = PLOT,
    wide: bool = WIDE,
) -> None:
    """Distinctive themes and terms of group A against group B (or all other groups).

    Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008):
    z > 0 favours A, z < 0 B. A motion of several groups counts for each of them. The first
    compare on a store indexes the terms of all motions once (some seconds).
    """
    from pipeline.report import compare as run
    from pipeline.report import open_store

    _check_format(fmt)
    f = _filters(theme, None, body, paper_type, since, until)
    with open_store(db) as con:
        rep = run(
            con,
            f,
            group_a,
            group_b,
            top=top,
            prior_scale=prior,
            unit=unit,
            min_n=min_n,
            terms=not no_terms,
        )
    _emit(rep, fmt, plot, wide)


@app.command("drill")
@guarded
def drill(
    db: Path = DB,
    theme: list[str] | None = THEME,
    group: list[str] | None = GROUP,
    period: str | None = typer.Option(
        None,
        "--period",
        "-p",
        help="A period as the trends show it: 2019, 2019-H2, 2019-Q3, 2019-08.",
    ),
    action: str | None = typer.Option(None, "--action", help="Requested-action type, e.g. review."),
    funding: str | None = typer.Option(None, "--funding", help="Funding kind, e.g. named_fund."),
    term: str | None = typer.Option(None, "--term", help="A term as `compare` lists it."),
    body: list[str] | None = BODY,
    paper_type: list[str] | None = PAPER_TYPE,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    primary_only: bool = PRIMARY,
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many motions."),
    fmt: str = FORMAT,
    wide: bool = WIDE,
) -> None:
    """The motions behind a cell: id, date, title, groups, themes; newest first.

    Example: report drill -g SPD -t integration -p 2019-H2
    """
    from pipeline.report import drill as run
    from pipeline.report import open_store

    _check_format(fmt)
    f = _filters(theme, group, body, paper_type, since, until)
    with open_store(db) as con:
        rep = run(
            con,
            f,
            period=period,
            action=action,
            funding=funding,
            term=term,
            primary_only=primary_only,
            limit=limit,
        )
    _emit(rep, fmt, None, wide)
