"""Walk an OParl 1.0/1.1 endpoint: System → Bodies → paginated lists → Papers and their Files."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.errors import FetchError, InputError
from pipeline.fetch.cache import FileCache, cache_key
from pipeline.fetch.http import HttpClient, HttpError, NotJson, TooLarge
from pipeline.ingest import oparl
from pipeline.ingest.pdf import pdf_text
from pipeline.ingest.validate import BadDocument, decode
from pipeline.record import Motion

MAX_PAGES = 1_000_000  # a bound on any list walk, far above real lists
EXAMPLE = "https://ratsinfo.example.de/oparl/v1/system"


class NotOParl(FetchError):
    """The URL answers, but not as an OParl System or Body."""


def kind(obj: Any) -> str:
    """The OParl type's last part ("System", "Body", "Paper" …) or ""."""
    if not isinstance(obj, Mapping):
        return ""
    t = str(obj.get("type") or "")
    if "oparl.org" not in t and not t.startswith("http"):
        return ""
    return t.rstrip("/").rsplit("/", 1)[-1]


def get_entry(http: HttpClient, url: str) -> dict[str, Any]:
    """The System or Body object at ``url``; NotOParl with what to do for anything else."""
    hint = f"give the System URL, e.g. {EXAMPLE}"
    try:
        obj = http.get_json(url)
    except HttpError as exc:
        if not exc.transient:
            raise
        raise FetchError(
            f"{url}: no answer ({exc.what}); check the URL and the network, or try again later"
        ) from None
    except NotJson as exc:
        raise NotOParl(
            f"{url} is not an OParl System or Body (answer is not JSON: "
            f"{exc.content_type or 'no content type'}); {hint}"
        ) from None
    k = kind(obj)
    if k in ("System", "Body"):
        return obj
    if k:
        raise NotOParl(f"{url} is an OParl {k}, not a System or Body; {hint}")
    raise NotOParl(f"{url} is not an OParl System or Body (no OParl type); {hint}")


def iter_list(http: HttpClient, url: str, *, limit: int = MAX_PAGES) -> Iterator[dict[str, Any]]:
    """Every object of a paginated OParl list (``data`` + ``links.next``)."""
    for _, page, _ in iter_pages(http, url, limit=limit):
        yield from page


def read_page(http: HttpClient, url: str) -> tuple[list[dict[str, Any]], str | None]:
    """The objects of one list page and the URL of the next page (None on the last)."""
    objs, nxt, _ = read_list_page(http, url)
    return objs, nxt


def read_list_page(
    http: HttpClient, url: str
) -> tuple[list[dict[str, Any]], str | None, int | None]:
    """``read_page`` and the list's total number of objects where the page says it
    (``pagination.totalElements``)."""
    page = http.get_json(url)
    if isinstance(page, list):  # some servers answer a bare list
        return [o for o in page if isinstance(o, dict)], None, None
    if not isinstance(page, Mapping) or not isinstance(page.get("data"), list):
        raise FetchError(f"{url}: not an OParl list page (no 'data' list); check the endpoint")
    links = page.get("links") or {}
    nxt = links.get("next") if isinstance(links, Mapping) else None
    pagination = page.get("pagination")
    total = pagination.get("totalElements") if isinstance(pagination, Mapping) else None
    objs = [o for o in page["data"] if isinstance(o, dict)]
    return objs, (str(nxt) if nxt else None), (total if isinstance(total, int) else None)


def iter_pages(
    http: HttpClient, url: str | None, *, limit: int = MAX_PAGES
) -> Iterator[tuple[str, list[dict[str, Any]], str | None]]:
    """(page URL, objects, next page URL) per page; stops at the end, a loop, or ``limit`` pages."""
    seen: set[str] = set()
    while url and len(seen) < limit:
        seen.add(url)
        objs, nxt = read_page(http, url)
        if nxt in seen or (nxt and http.why_not(nxt)):  # a loop, or a host not allowed
            nxt = None
        yield url, objs, nxt
        url = nxt


def bodies(
    http: HttpClient, entry: dict[str, Any], select: str | None, limit: int = MAX_PAGES
) -> list[dict[str, Any]]:
    """The Bodies to walk: the entry itself, or the System's bodies (all, or the one selected)."""
    if kind(entry) == "Body":
        found = [entry]
    else:
        ref = entry.get("body")
        if isinstance(ref, list):
            found = [b for b in ref if isinstance(b, dict)]
        elif ref:
            found = [
                b
                for b in iter_list(http, str(ref), limit=limit)
                if kind(b) == "Body" or "paper" in b
            ]
        else:
            found = []
        if not found:
            raise FetchError(f"{entry.get('id')}: the OParl System lists no Body; nothing to fetch")
    if select:
        s = select.strip().lower()
        chosen = [
            b
            for b in found
            if s
            in {
                str(b.get("id", "")).lower(),
                str(b.get("id", "")).rstrip("/").rsplit("/", 1)[-1].lower(),
                str(b.get("shortName", "")).lower(),
                str(b.get("name", "")).lower(),
            }
        ]
        if not chosen:
            names = "; ".join(
                f"{str(b.get('id', '')).rstrip('/').rsplit('/', 1)[-1]} ({b.get('name')})"
                for b in found
            )
            raise FetchError(f"no Body matches --body {select}; this System has: {names}")
        found = chosen
    for b in found:
        if not b.get("paper"):
            raise FetchError(f"{b.get('id')}: the Body has no paper list; nothing to fetch")
    return found


@dataclass
class Organizations:
    """Names of a Body's organizations: factions (for groups) and all (for consultations)."""

    factions: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def organizations(
    http: HttpClient, body: Mapping[str, Any], limit: int = MAX_PAGES
) -> Organizations:
    url = body.get("organization")
    if not url:
        return Organizations()
    objs = list(iter_list(http, str(url), limit=limit))
    names = {
        str(o["id"]): str(o.get("name") or o.get("shortName") or "") for o in objs if o.get("id")
    }
    return Organizations(factions=oparl.organization_names(objs), names=names)


# Files ---------------------------------------------------------------------------------------------
class FileProblem(Exception):
    """A File's text could not be had; ``transient`` ones are tried again on the next run."""

    def __init__(self, reason: str, transient: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


@dataclass
class FileFetcher:
    http: HttpClient
    cache: FileCache | None = None
    downloads: int = 0
    # Encoding fallbacks of the texts just read (by text), noted in their motion's meta.
    encodings: dict[str, str] = field(default_factory=dict)

    def file_object(self, ref: Any) -> dict[str, Any] | None:
        """A File given inline, or by URL (fetched)."""
        if isinstance(ref, dict):
            return ref
        if isinstance(ref, str) and ref:
            obj = self.http.get_json(ref)
            return obj if isinstance(obj, dict) else None
        return None

    def text(self, f: Mapping[str, Any]) -> str:
        """The File's text: ``text`` where given, else its download (PDF or plain text)."""
        given = f.get("text")
        if isinstance(given, str) and given.strip():
            return given
        url = f.get("downloadUrl") or f.get("accessUrl")
        if not url:
            raise FileProblem(f"File {f.get('id')} has neither text nor a download URL", False)
        url = str(url)
        key = cache_key(f.get("sha1Checksum"), f.get("modified"))
        data = self.cache.get(url, key) if self.cache else None
        if data is None:
            try:
                data, ctype = self.http.get(url)
            except TooLarge as exc:
                raise FileProblem(str(exc).split(";")[0], False) from None
            except HttpError as exc:
                raise FileProblem(f"download failed: {exc}", exc.transient) from None
            except FetchError as exc:  # e.g. a download URL that is not http(s)
                raise FileProblem(f"download failed: {exc}", False) from None
            self.downloads += 1
            if self.cache:
                self.cache.put(url, key, data)
        else:
            ctype = ""
        mime = str(f.get("mimeType") or ctype or "").split(";")[0].strip().lower()
        if data[:5] == b"%PDF-" or mime == "application/pdf":
            try:
                return pdf_text(data, url)
            except InputError as exc:
                raise FileProblem(str(exc), False) from None
            except Exception as exc:  # noqa: BLE001  a broken PDF must not stop the walk
                raise FileProblem(f"{url}: PDF text extraction failed ({exc})", False) from None
        if mime.startswith("text/html"):
            raise FileProblem(f"{url}: unsupported file type {mime}", False)
        if mime.startswith("text/") or (
            mime in ("", "application/octet-stream") and b"\0" not in data[:4096]
        ):
            meta: dict[str, Any] = {}
            try:
                text = decode(data, meta)
            except BadDocument as exc:
                raise FileProblem(f"{url}: {exc}", False) from None
            if not mime.startswith("text/") and text.lstrip()[:1] == "<":
                raise FileProblem(f"{url}: unsupported file type (markup)", False)
            if meta:
                self.encodings[text] = meta["encoding"]
            return text
        raise FileProblem(f"{url}: unsupported file type {mime}; only PDF and text are read", False)


def _consultation_bodies(
    paper: Mapping[str, Any], org_names: Mapping[str, str]
) -> tuple[list[str], str | None]:
    """Names of the organizations that consult the paper, and the one that decides (if any)."""
    names: list[str] = []
    deciding: str | None = None
    for c in paper.get("consultation") or []:
        if not isinstance(c, Mapping):
            continue
        orgs = c.get("organization") or []
        if isinstance(orgs, (str, Mapping)):
            orgs = [orgs]
        here = []
        for o in orgs:
            oid = o.get("id") if isinstance(o, Mapping) else o
            name = (o.get("name") if isinstance(o, Mapping) else None) or org_names.get(str(oid))
            if name:
                here.append(str(name))
                if name not in names:
                    names.append(str(name))
        decides = c.get("authoritative") is True or "entscheid" in str(c.get("role") or "").lower()
        if here and decides and deciding is None:
            deciding = here[0]
    return names, deciding


def paper_motion(
    paper: Mapping[str, Any],
    files: FileFetcher,
    orgs: Organizations,
    body: Mapping[str, Any],
) -> tuple[Motion, list[FileProblem]]:
    """The Motion of a Paper, its Files' texts fetched where the list did not include them.

    The mainFile is read first; the auxiliary files only when it gives no text. Problems with
    single files are returned; the motion's text is empty when no file gave text.
    """
    p = dict(paper)
    problems: list[FileProblem] = []

    def fill(ref: Any) -> dict[str, Any] | None:
        try:
            f = files.file_object(ref)
        except HttpError as exc:
            problems.append(FileProblem(f"File {ref}: {exc}", exc.transient))
            return None
        except FetchError as exc:
            problems.append(FileProblem(f"File {ref}: {exc}", False))
            return None
        if f is None:
            return None
        f = dict(f)
        try:
            f["text"] = files.text(f)
        except FileProblem as exc:
            problems.append(exc)
            f["text"] = ""
        return f

    main = fill(p["mainFile"]) if p.get("mainFile") else None
    if main is not None:
        p["mainFile"] = main
    if main is None or not main["text"].strip():
        aux = [r for r in p.get("auxiliaryFile") or [] if r]
        given = [dict(r) for r in aux if isinstance(r, Mapping)]
        chosen, why = oparl.select_file({"auxiliaryFile": given})
        if chosen is not None and "fallback" not in why:
            # a file the list gave with text reads like the motion: no need for the others
            p["auxiliaryFile"] = given
        else:
            p["auxiliaryFile"] = [f for f in (fill(r) for r in aux) if f is not None]
    m = oparl.paper_to_motion(p, str(paper.get("id") or ""), orgs.factions)
    if m.text in files.encodings:
        m.meta["encoding"] = files.encodings[m.text]
    files.encodings.clear()
    consulted, deciding = _consultation_bodies(paper, orgs.names)
    m.body = deciding or (consulted[-1] if consulted else None) or body.get("name") or m.body
    m.meta["oparl_body"] = body.get("id")
    if consulted:
        m.meta["consultation_bodies"] = consulted
    if paper.get("web"):
        m.meta["web"] = paper.get("web")
    if problems:
        m.meta["file_problems"] = [pr.reason for pr in problems]
    return m, problems
