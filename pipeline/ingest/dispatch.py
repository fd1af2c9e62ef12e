"""Find the reader for each input (file, directory, ``-`` for stdin) and stream its motions."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from pipeline.errors import InputError
from pipeline.ingest import oparl
from pipeline.ingest.pdf import pdf_text
from pipeline.ingest.tabular import Columns, read_delimited, record_to_motion
from pipeline.ingest.textfile import motion_from_text
from pipeline.record import Failure, Motion

FORMATS = ("json", "jsonl", "csv", "tsv", "txt", "pdf")
_EXT = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".txt": "txt",
    ".md": "txt",
    ".pdf": "pdf",
}
Item = Motion | Failure
ORGANIZATIONS_FILE = "organizations.json"
# Files a folder of motions often holds beside them that are not motions.
_NOT_MOTION_FILE = re.compile(
    r"^(?:README|LICEN[CS]E|CHANGELOG|organizations\.json)", re.IGNORECASE
)


def _format_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _EXT.get(suffixes[-1]) if suffixes else None


def resolve_inputs(
    inputs: Iterable[str], input_format: str | None = None
) -> list[tuple[str, str | None]]:
    """Expand directories and check every input exists, before any work starts.

    Returns (path or "-", format or None for "sniff"). Raises InputError for a missing path or an
    explicitly named file of unknown format.
    """
    if input_format is not None and input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r}; use one of {', '.join(FORMATS)}")
    out: list[tuple[str, str | None]] = []
    for raw in inputs:
        if raw == "-":
            out.append(("-", input_format))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not _NOT_MOTION_FILE.match(p.name)
                and (input_format or _format_of(p))
            )
            out.extend((str(p), input_format or _format_of(p)) for p in found)
            continue
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory; check the path")
        fmt = input_format or _format_of(path)
        if fmt is None:
            raise InputError(
                f"{raw}: unknown format; use a file ending in {', '.join(sorted(_EXT))} (optionally .gz) "
                "or pass --input-format"
            )
        out.append((str(path), fmt))
    return out


def _open_bytes(source: str) -> BinaryIO:
    if source == "-":
        return io.BufferedReader(io.BytesIO(sys.stdin.buffer.read()))  # peekable for sniffing
    fh: BinaryIO = open(source, "rb")  # noqa: SIM115 (closed by the caller's context)
    if source.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    return fh


def _sniff(head: bytes) -> str:
    stripped = head.lstrip()
    if stripped.startswith(b"%PDF"):
        return "pdf"
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        first_line = stripped.split(b"\n", 1)[0].strip()
        return "jsonl" if first_line.endswith(b"}") and b"\n{" in stripped else "json"
    return "txt"


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # older council exports are Windows-1252


def _from_object(
    obj: Any, source: str, pos: int, cols: Columns, factions: dict[str, str]
) -> Item | None:
    if not isinstance(obj, dict):
        return Failure(source, f"record {pos} is {type(obj).__name__}, not a JSON object")
    if "oparl.org" in str(obj.get("type", "")) and not oparl.is_paper(obj):
        return None  # Organizations, Meetings, … travel alongside papers; they are not motions
    if oparl.is_paper(obj):
        return oparl.paper_to_motion(obj, source, factions)
    return record_to_motion(obj, source, pos, cols)


def _read_jsonl(
    fh: BinaryIO, source: str, cols: Columns, factions: dict[str, str]
) -> Iterator[Item]:
    for lineno, raw in enumerate(fh, start=1):
        line = raw.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
            yield Failure(source, f"line {lineno}: invalid JSON ({msg}); fix or remove that line")
            continue
        for i, paper in enumerate(oparl.iter_papers([obj])):
            yield _from_object(
                paper, source, lineno if i == 0 else lineno * 10000 + i, cols, factions
            )


def _read_json(data: bytes, source: str, cols: Columns, factions: dict[str, str]) -> Iterator[Item]:
    try:
        obj = json.loads(data)
    except json.JSONDecodeError as exc:
        # A .json file that is really JSON Lines is common; read it as such when it parses so.
        if b"\n" in data.strip() and data.lstrip().startswith(b"{"):
            yield from _read_jsonl(io.BytesIO(data), source, cols, factions)
            return
        yield Failure(source, f"invalid JSON at line {exc.lineno} ({exc.msg}); fix the file")
        return
    for pos, obj_ in enumerate(oparl.iter_papers([obj]), start=1):
        item = _from_object(obj_, source, pos, cols, factions)
        if item is not None:
            yield item


def read_source(
    source: str,
    fmt: str | None,
    cols: Columns | None = None,
    factions: dict[str, str] | None = None,
) -> Iterator[Item]:
    """Stream the motions of one input; unreadable documents become Failures, never exceptions."""
    cols = cols or Columns()
    factions = factions or {}
    try:
        with _open_bytes(source) as fh:
            if fmt is None:
                head = fh.peek(64) if hasattr(fh, "peek") else b""
                fmt = _sniff(head)
            if fmt == "jsonl":
                yield from _read_jsonl(fh, source, cols, factions)
                return
            data = fh.read()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Failure(source, f"cannot read file ({exc}); check that it is complete")
        return
    if fmt == "json":
        yield from _read_json(data, source, cols, factions)
    elif fmt in ("csv", "tsv"):
        yield from read_delimited(
            _decode(data, source), source, "\t" if fmt == "tsv" else ",", cols
        )
    elif fmt == "pdf":
        try:
            text = pdf_text(data, source)
        except InputError as exc:
            yield Failure(source, str(exc).removeprefix(f"{source}: "))
            return
        yield motion_from_text(text, source)
    else:
        yield motion_from_text(_decode(data, source), source)


def load_factions(path: str | None) -> dict[str, str]:
    """Faction names by Organization id from an OParl organizations file (JSON list or list page)."""
    if not path:
        return {}
    try:
        with _open_bytes(path) as fh:
            obj = json.load(fh)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such organizations file; check the path") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a JSON list of OParl Organizations ({exc})") from exc
    return oparl.organization_names(oparl.iter_papers([obj]))


def read_inputs(
    inputs: Iterable[str],
    input_format: str | None = None,
    columns: Columns | None = None,
    organizations: str | None = None,
) -> Iterator[Item]:
    """All motions of all inputs in order. Raises InputError only for problems found up front."""
    resolved = resolve_inputs(inputs, input_format)
    factions = load_factions(organizations)
    if organizations is None:
        # An OParl export usually ships its organizations beside the papers: use them.
        siblings = {Path(src).parent / ORGANIZATIONS_FILE for src, _ in resolved if src != "-"}
        for path in sorted(siblings):
            if path.is_file():
                factions.update(load_factions(str(path)))
    for source, fmt in resolved:
        yield from read_source(source, fmt, columns, factions)


def count_motions(
    inputs: Iterable[str], input_format: str | None = None, columns: Columns | None = None
) -> int | None:
    """How many items ``read_inputs`` will yield, for a progress total; None for standard
    input, which can be read only once. A PDF or text file counts as one without being read."""
    total = 0
    for source, fmt in resolve_inputs(inputs, input_format):
        if source == "-":
            return None
        if fmt in ("pdf", "txt"):
            total += 1
        else:
            total += sum(1 for _ in read_source(source, fmt, columns))
    return total
