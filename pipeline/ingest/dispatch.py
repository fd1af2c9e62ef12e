"""Find the reader for each input (file, directory, ``-`` for stdin) and stream its motions."""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from pipeline.errors import InputError
from pipeline.ingest import oparl
from pipeline.ingest.pdf import pdf_text
from pipeline.ingest.tabular import Columns, csv_delimiter, read_delimited, record_to_motion
from pipeline.ingest.textfile import motion_from_text
from pipeline.ingest.validate import BadDocument, checked, content_id, decode, printable
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
# Formats with one motion per file, whose id comes from the file's path.
_ONE_PER_FILE = ("txt", "pdf", None)
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


class Source(NamedTuple):
    """One input file: its path, its format (None: sniff) and the id of its motion when the file
    holds one (its path below the folder named, without suffix; ``clash``: another input has the
    same id, so a content hash is added)."""

    path: str
    fmt: str | None
    doc_id: str = ""
    clash: bool = False


def _doc_id(path: Path, root: Path | None) -> str:
    rel = path.relative_to(root) if root is not None else Path(path.name)
    name = rel.name[: -len(".gz")] if rel.name.lower().endswith(".gz") else rel.name
    stem = Path(name).stem if Path(name).suffix else name
    return printable((rel.parent / stem).as_posix().removeprefix("./"))


def _mark_clashes(found: list[Source]) -> list[Source]:
    ids = Counter(s.doc_id for s in found if s.path != "-" and s.fmt in _ONE_PER_FILE)
    seen: set[str] = set()
    out = []
    for s in found:
        clash = s.doc_id in seen and ids[s.doc_id] > 1 and s.fmt in _ONE_PER_FILE
        seen.add(s.doc_id)
        out.append(s._replace(clash=clash))
    return out


def resolve_inputs(inputs: Iterable[str], input_format: str | None = None) -> list[Source]:
    """Expand directories and check every input exists, before any work starts.

    Returns Sources (path or "-", format or None for "sniff", motion id). Raises InputError for
    a missing path or an explicitly named file of unknown format.
    """
    if input_format is not None and input_format not in FORMATS:
        raise InputError(f"unknown input format {input_format!r}; use one of {', '.join(FORMATS)}")
    out: list[Source] = []
    for raw in inputs:
        if raw == "-":
            out.append(Source("-", input_format))
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
            out.extend(
                Source(str(p), input_format or _format_of(p), _doc_id(p, path)) for p in found
            )
            continue
        if not path.exists():
            raise InputError(f"{printable(raw)}: no such file or directory; check the path")
        fmt = input_format or _format_of(path)
        if fmt is None:
            raise InputError(
                f"{printable(raw)}: unknown format; use a file ending in "
                f"{', '.join(sorted(_EXT))} (optionally .gz) or pass --input-format"
            )
        out.append(Source(str(path), fmt, _doc_id(path, None)))
    return _mark_clashes(out)


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


def _from_object(
    obj: Any, source: str, pos: int, cols: Columns, factions: dict[str, str]
) -> Item | None:
    if not isinstance(obj, dict):
        return Failure(source, f"record {pos} is {type(obj).__name__}, not a JSON object")
    try:
        if "oparl.org" in str(obj.get("type", "")) and not oparl.is_paper(obj):
            return None  # Organizations, Meetings, … travel alongside papers; they are not motions
        if oparl.is_paper(obj):
            return oparl.paper_to_motion(obj, source, factions)
        return record_to_motion(obj, source, pos, cols)
    except BadDocument as exc:
        return Failure(source, f"record {pos}: {exc}", _object_id(obj))
    except Exception as exc:  # noqa: BLE001  one odd record must not stop the file
        return Failure(source, f"record {pos}: cannot read ({type(exc).__name__}: {exc})")


def _object_id(obj: dict[str, Any]) -> str | None:
    rid = obj.get("id")
    return rid if isinstance(rid, str) and rid else None


def _loads(data: bytes | str) -> Any:
    """JSON of ``data``; BadDocument for text that is not JSON text or nests too deeply."""
    try:
        text = data if isinstance(data, str) else decode(data)
        return json.loads(text)
    except RecursionError:
        raise BadDocument("JSON nested too deeply; not read") from None
    except UnicodeDecodeError:
        raise BadDocument("not UTF-8 text") from None


def _read_jsonl(
    fh: BinaryIO, source: str, cols: Columns, factions: dict[str, str]
) -> Iterator[Item]:
    seen = False
    for lineno, raw in enumerate(fh, start=1):
        line = raw.strip()
        if not line:
            continue
        seen = True
        try:
            obj = json.loads(line.decode("utf-8-sig") if lineno == 1 else line.decode("utf-8"))
            papers = list(oparl.iter_papers([obj]))
        except json.JSONDecodeError as exc:
            yield Failure(
                source,
                f"line {lineno}: invalid JSON ({_where(exc)}); fix or remove that line",
            )
            continue
        except UnicodeDecodeError:
            yield Failure(
                source, f"line {lineno}: invalid JSON (not UTF-8); fix or remove that line"
            )
            continue
        except RecursionError:
            yield Failure(source, f"line {lineno}: JSON nested too deeply; not read")
            continue
        for i, paper in enumerate(papers):
            item = _from_object(
                paper, source, lineno if i == 0 else lineno * 10000 + i, cols, factions
            )
            if item is not None:
                yield item
    if not seen:
        yield Failure(source, "empty file: no records; check that it is complete")


def _where(exc: json.JSONDecodeError) -> str:
    """The parser's message with the character it stopped at ("Unterminated string starting at
    character 21"; the message alone ends in "at")."""
    return f"{exc.msg.removesuffix(' at')} at character {exc.colno}"


def _read_json(data: bytes, source: str, cols: Columns, factions: dict[str, str]) -> Iterator[Item]:
    try:
        obj = _loads(data)
        papers = list(oparl.iter_papers([obj]))
    except json.JSONDecodeError as exc:
        # A .json file that is really JSON Lines is common; read it as such when it parses so.
        if b"\n" in data.strip() and data.lstrip().startswith(b"{"):
            yield from _read_jsonl(io.BytesIO(data), source, cols, factions)
            return
        yield Failure(
            source,
            f"invalid JSON at line {exc.lineno} ({_where(exc)}); fix the file",
        )
        return
    except RecursionError:
        yield Failure(source, "JSON nested too deeply; not read")
        return
    except BadDocument as exc:
        yield Failure(source, str(exc))
        return
    for pos, obj_ in enumerate(papers, start=1):
        item = _from_object(obj_, source, pos, cols, factions)
        if item is not None:
            yield item


def read_source(
    source: str | Source,
    fmt: str | None = None,
    cols: Columns | None = None,
    factions: dict[str, str] | None = None,
) -> Iterator[Item]:
    """Stream the motions of one input; unreadable documents become Failures, never exceptions."""
    src = source if isinstance(source, Source) else Source(source, fmt, _doc_id(Path(source), None))
    name = printable(src.path)
    try:
        yield from _read_source(src, name, cols or Columns(), factions or {})
    except Exception as exc:  # noqa: BLE001  one unreadable document must not stop the run
        yield Failure(name, f"cannot read ({type(exc).__name__}: {exc})")


def _read_source(src: Source, name: str, cols: Columns, factions: dict[str, str]) -> Iterator[Item]:
    source, fmt = src.path, src.fmt
    try:
        with _open_bytes(source) as fh:
            if fmt is None:
                head = fh.peek(64) if hasattr(fh, "peek") else b""
                fmt = _sniff(head)
            if fmt == "jsonl":
                yield from _read_jsonl(fh, name, cols, factions)
                return
            data = fh.read()
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield Failure(name, f"cannot read file ({exc}); check that it is complete")
        return
    if fmt == "json":
        yield from _read_json(data, name, cols, factions)
        return
    meta: dict[str, Any] = {}
    try:
        text = pdf_text(data, name) if fmt == "pdf" else decode(data, meta)
    except InputError as exc:
        yield Failure(name, str(exc).removeprefix(f"{name}: "))
        return
    if fmt in ("csv", "tsv"):
        yield from read_delimited(
            text, name, "\t" if fmt == "tsv" else csv_delimiter(text), cols, meta
        )
        return
    doc_id = content_id("stdin", data) if source == "-" else src.doc_id
    if src.clash:
        doc_id = content_id(doc_id, data)
    m = motion_from_text(text, name, doc_id)
    m.meta.update(meta)
    yield m


def load_factions(path: str | None) -> dict[str, str]:
    """Faction names by Organization id from an OParl organizations file (JSON list or list page)."""
    if not path:
        return {}
    try:
        with _open_bytes(path) as fh:
            obj = json.load(fh)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such organizations file; check the path") from exc
    except (OSError, ValueError, RecursionError) as exc:
        raise InputError(f"{path}: not a JSON list of OParl Organizations ({exc})") from exc
    return oparl.organization_names(oparl.iter_papers([obj]))


def read_inputs(
    inputs: Iterable[str],
    input_format: str | None = None,
    columns: Columns | None = None,
    organizations: str | None = None,
    skip_non_german: bool = False,
) -> Iterator[Item]:
    """All motions of all inputs in order, each checked (``validate.checked``). Raises
    InputError only for problems found up front."""
    resolved = resolve_inputs(inputs, input_format)
    if any(s.fmt in ("pdf", "txt") for s in resolved):
        # a title model that cannot be loaded is a setup error, not one of every file
        from pipeline.ingest.title_lines import default_model

        default_model()
    factions = load_factions(organizations)
    if organizations is None:
        # An OParl export usually ships its organizations beside the papers: use them.
        siblings = {Path(s.path).parent / ORGANIZATIONS_FILE for s in resolved if s.path != "-"}
        for path in sorted(siblings):
            if path.is_file():
                factions.update(load_factions(str(path)))
    for source in resolved:
        for item in read_source(source, None, columns, factions):
            yield item if isinstance(item, Failure) else checked(item, skip_non_german)


def count_motions(
    inputs: Iterable[str], input_format: str | None = None, columns: Columns | None = None
) -> int | None:
    """How many items ``read_inputs`` will yield, for a progress total; None for standard
    input, which can be read only once. A PDF or text file counts as one without being read."""
    total = 0
    for source in resolve_inputs(inputs, input_format):
        if source.path == "-" or not Path(source.path).is_file():
            return None  # standard input, a pipe: can be read only once
        if source.fmt in ("pdf", "txt"):
            total += 1
        else:
            total += sum(1 for _ in read_source(source, None, columns))
    return total
