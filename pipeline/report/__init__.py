"""Reports over the store: themes by group, trends, actions and funding by group, comparisons
of groups, and the motions behind any cell. Functions return plain data (``Report``); the
``antragsradar report`` commands render them as tables, CSV, JSON, Markdown or pictures."""

from pipeline.report.cap import cap_by_group
from pipeline.report.compare import compare, log_odds
from pipeline.report.drilldown import drill
from pipeline.report.profiles import actions_by_group, themes_by_group
from pipeline.report.query import Filters, ReportError, open_store, period_key
from pipeline.report.render import render
from pipeline.report.result import Report
from pipeline.report.trends import trends

__all__ = [
    "Filters",
    "Report",
    "ReportError",
    "actions_by_group",
    "cap_by_group",
    "compare",
    "drill",
    "log_odds",
    "open_store",
    "period_key",
    "render",
    "themes_by_group",
    "trends",
]
