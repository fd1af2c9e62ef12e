"""Follow live OParl endpoints: walk papers, fetch their files, analyse into the store."""

from pipeline.fetch.http import HttpClient, HttpConfig
from pipeline.fetch.run import FetchOptions, FetchSummary, fetch_into_store

__all__ = ["FetchOptions", "FetchSummary", "HttpClient", "HttpConfig", "fetch_into_store"]
