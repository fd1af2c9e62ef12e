"""Pictures of reports (PNG or SVG by the file's suffix): theme shares by group as a heat map,
trend lines over periods, action and funding mixes, and the distinctive themes and terms of a
comparison. matplotlib is imported here only, with the Agg backend."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.report.query import ALL_GROUPS, ReportError
from pipeline.report.result import Report

SUFFIXES = (".png", ".svg")
# Colours people associate with German parties; others cycle through a neutral palette.
GROUP_COLOURS = {
    "GRÜNE": "#1AA037",
    "SPD": "#E3000F",
    "CDU": "#2D2D2D",
    "FDP": "#E8C300",
    "Die Linke": "#BE3075",
    "AfD": "#009EE0",
    "FW": "#F28C00",
    "KAL": "#7A5195",
    "Volt": "#562883",
    "Die PARTEI": "#B5152B",
    ALL_GROUPS: "#555555",
}
OTHER_COLOURS = ["#4C72B0", "#DD8452", "#55A868", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C"]


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _colour(name: str, i: int) -> str:
    return GROUP_COLOURS.get(name, OTHER_COLOURS[i % len(OTHER_COLOURS)])


def plot(report: Report, path: str | Path) -> Path:
    """Write the report's picture to ``path`` (.png or .svg) and return the path."""
    p = Path(path)
    if p.suffix.lower() not in SUFFIXES:
        raise ReportError(f"{p}: write the picture as .png or .svg")
    if p.parent and not p.parent.exists():
        raise ReportError(f"{p.parent}: folder does not exist")
    draw = {"themes": _themes, "trends": _trends, "actions": _actions, "compare": _compare}.get(
        report.kind
    )
    if draw is None:
        raise ReportError(f"the {report.kind} report has no picture; use --format instead")
    if not report.rows:
        raise ReportError("nothing to draw: the report has no rows")
    plt = _plt()
    fig = draw(plt, report)
    fig.savefig(
        p, dpi=100, bbox_inches="tight", metadata=None if p.suffix == ".png" else {"Date": None}
    )
    plt.close(fig)
    return p


def _heatmap(ax: Any, report: Report, rows: list[dict], row_key: str, title: str) -> Any:
    cols = list(dict.fromkeys(r["group"] for r in rows))
    keys = list(dict.fromkeys(r[row_key] for r in rows))
    cell = {(r[row_key], r["group"]): r for r in rows}
    import numpy as np

    data = np.array(
        [[(cell[k, c]["share"] or 0.0) if (k, c) in cell else np.nan for c in cols] for k in keys]
    )
    im = ax.imshow(data, cmap="Blues", aspect="auto", vmin=0, vmax=max(0.01, np.nanmax(data)))
    n_of = {c: next(r["n"] for r in rows if r["group"] == c) for c in cols}
    ax.set_xticks(range(len(cols)), [f"{c}\nn={n_of[c]}" for c in cols], fontsize=8)
    labels = {r[row_key]: r.get("label", r[row_key]) for r in rows}
    ax.set_yticks(range(len(keys)), [str(labels[k]) for k in keys], fontsize=8)
    ax.tick_params(axis="x", top=True, bottom=False, labeltop=True, labelbottom=False)
    vmax = np.nanmax(data) if np.isfinite(np.nanmax(data)) else 1
    for i, k in enumerate(keys):
        for j, c in enumerate(cols):
            r = cell.get((k, c))
            if r is None or r["share"] is None:
                continue
            small = r["small"]
            txt = f"{r['share'] * 100:.0f}" + ("*" if small else "")
            dark = r["share"] > 0.6 * vmax
            ax.text(
                j,
                i,
                txt,
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else ("#999999" if small else "black"),
            )
    if ALL_GROUPS in cols:
        ax.axvline(cols.index(ALL_GROUPS) - 0.5, color="black", lw=1)
    ax.set_title(title, fontsize=10, loc="left")
    return im


def _themes(plt: Any, report: Report) -> Any:
    keys = list(dict.fromkeys(r["theme"] for r in report.rows))
    cols = list(dict.fromkeys(r["group"] for r in report.rows))
    fig, ax = plt.subplots(figsize=(2.6 + 0.62 * len(cols), 1.4 + 0.33 * len(keys)))
    _heatmap(ax, report, report.rows, "theme", "")
    fig.suptitle(
        f"{report.title}: % of each group's motions (* n < {report.min_n})\n"
        "A motion of several groups counts for each; a motion can have several themes.",
        fontsize=9,
        x=0.02,
        ha="left",
    )
    fig.tight_layout()
    return fig


def _actions(plt: Any, report: Report) -> Any:
    dims = list(dict.fromkeys(r["dimension"] for r in report.rows))
    cols = list(dict.fromkeys(r["group"] for r in report.rows))
    heights = [len({r["category"] for r in report.rows if r["dimension"] == d}) for d in dims]
    fig, axes = plt.subplots(
        len(dims),
        1,
        figsize=(1.8 + 0.62 * len(cols), 1.6 + 0.36 * sum(heights)),
        gridspec_kw={"height_ratios": heights},
        squeeze=False,
    )
    for ax, d in zip(axes[:, 0], dims, strict=True):
        rows = [r for r in report.rows if r["dimension"] == d]
        _heatmap(ax, report, rows, "category", "requested actions" if d == "action" else "funding")
    fig.suptitle(
        f"% of each group's motions with the action type / funding kind (* n < {report.min_n})",
        fontsize=10,
        x=0.02,
        ha="left",
    )
    fig.tight_layout()
    return fig


def _trends(plt: Any, report: Report) -> Any:
    meta = report.meta
    periods = list(dict.fromkeys(r["period"] for r in report.rows))
    themes = meta.get("themes") or list(dict.fromkeys(r["theme"] for r in report.rows))
    series = meta.get("series") or [ALL_GROUPS]
    labels = {r["theme"]: r["label"] for r in report.rows}
    if len(series) > 1 and len(themes) > 1:
        panels = [(t, [(g, t) for g in series]) for t in themes[:6]]
    elif len(series) > 1:
        panels = [(themes[0], [(g, themes[0]) for g in series])]
    else:
        panels = [(None, [(series[0], t) for t in themes[:8]])]
    ncols = 1 if len(panels) == 1 else 2
    nrows = (len(panels) + ncols - 1) // ncols
    fig, axes = plt.subplots(
        nrows, ncols, figsize=(8 if ncols == 1 else 11, 3.6 * nrows), squeeze=False, sharex=True
    )
    cell = {(r["group"], r["theme"], r["period"]): r for r in report.rows}
    step = max(1, len(periods) // 12)
    for ax, (panel, lines) in zip(axes.flat, panels, strict=False):
        for i, (g, t) in enumerate(lines):
            name = g if len(series) > 1 else str(labels.get(t, t))
            colour = _colour(g, i) if len(series) > 1 else OTHER_COLOURS[i % len(OTHER_COLOURS)]
            xs: list[int] = []
            ys: list[float] = []
            small_x: list[int] = []
            small_y: list[float] = []
            for x, p in enumerate(periods):
                r = cell.get((g, t, p))
                if r is None or r["share"] is None:
                    continue
                (small_x if r["small"] else xs).append(x)
                (small_y if r["small"] else ys).append(r["share"] * 100)
            allx = sorted(xs + small_x)
            ally = [cell[(g, t, periods[x])]["share"] * 100 for x in allx]
            ax.plot(allx, ally, color=colour, lw=1.8, label=name)
            ax.plot(xs, ys, "o", color=colour, ms=3.5)
            ax.plot(small_x, small_y, "o", mfc="white", mec=colour, ms=4.5)
        ax.set_xticks(range(0, len(periods), step), periods[::step], fontsize=8, rotation=45)
        ax.set_ylabel("% of motions", fontsize=8)
        ax.tick_params(axis="y", labelsize=8)
        ax.grid(alpha=0.3)
        ax.set_ylim(bottom=0)
        if panel is not None:
            ax.set_title(str(labels.get(panel, panel)), fontsize=9, loc="left")
        ax.legend(fontsize=7, frameon=False, ncol=2 if len(lines) > 4 else 1)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    per = meta.get("period", "period")
    fig.suptitle(
        f"Share of motions per {per}"
        + (" and group" if len(series) > 1 else "")
        + f" (hollow: fewer than {report.min_n} motions in the {per})",
        fontsize=10,
        x=0.02,
        ha="left",
    )
    fig.tight_layout()
    return fig


def _compare(plt: Any, report: Report) -> Any:
    a, b = report.meta["group_a"], report.meta["group_b"]
    dims = [d for d in ("theme", "term") if any(r["dimension"] == d for r in report.rows)]
    sizes = [sum(r["dimension"] == d for r in report.rows) for d in dims]
    fig, axes = plt.subplots(
        1, len(dims), figsize=(5.2 * len(dims), 1.4 + 0.24 * max(sizes)), squeeze=False
    )
    ca, cb = _colour(a, 0), _colour(b, 1)
    if ca == cb or b == "(others)":
        cb = "#888888"
    for ax, d in zip(axes[0], dims, strict=True):
        rows = [r for r in report.rows if r["dimension"] == d]
        rows = sorted(rows, key=lambda r: r["z"])
        ys = range(len(rows))
        ax.barh(ys, [r["z"] for r in rows], color=[ca if r["z"] > 0 else cb for r in rows])
        ax.set_yticks(
            ys,
            [
                f"{r['label'] if d == 'theme' else r['item']} ({r['count_a']}:{r['count_b']})"
                for r in rows
            ],
            fontsize=7,
        )
        ax.axvline(0, color="black", lw=0.8)
        for z in (-1.96, 1.96):
            ax.axvline(z, color="#999999", lw=0.6, ls=":")
        ax.set_xlabel(f"z  (← {b}   |   {a} →)", fontsize=8)
        ax.tick_params(axis="x", labelsize=8)
        ax.set_title(f"{d}s (counts {a}:{b})", fontsize=9, loc="left")
    fig.suptitle(
        f"{a} vs {b}: weighted log-odds z-scores, informative Dirichlet prior "
        f"({a} n={report.meta['n_a']}, {b} n={report.meta['n_b']} motions)",
        fontsize=10,
        x=0.02,
        ha="left",
    )
    fig.tight_layout()
    return fig
