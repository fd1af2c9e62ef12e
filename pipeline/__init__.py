"""Antragsradar: analyse German council and parliament motions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("antragsradar")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+src"
