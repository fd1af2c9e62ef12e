"""Tooling for the hand-annotation campaign (ANNOTATION.md): sample, show, check, merge.

Annotators read each motion and write their labels; this script never writes a label. It
draws the sample, shows texts, checks an annotator's file (schema, allowed values, that every
evidence quote occurs in the text) and turns checked files into the project's annotation files,
which keep ids, labels and character offsets only (no third-party text).

    python bench/annotate.py sample --out corpus/annotations/sample.json
    python bench/annotate.py round --sample corpus/annotations/sample.json --name round4 --karlsruhe 900
    python bench/annotate.py queue --sample corpus/annotations/sample.json --name k1 --ids IDS --out DIR
    python bench/annotate.py show DIR/k1.queue.jsonl --from 0 --count 5
    python bench/annotate.py check DIR/k1.queue.jsonl DIR/k1.annotations.jsonl
    python bench/annotate.py merge DIR/*.annotations.jsonl --queues DIR --out corpus/annotations/full
    python bench/annotate.py revise REVISION corpus/annotations/motions-karlsruhe.jsonl --type amend
    python bench/annotate.py revise-entries REVISION corpus/annotations/motions-written.jsonl

Texts are the ``Motion.text`` the project's own readers give (for OParl papers the selected
file's text), so offsets point where ``antragsradar tag`` offsets point.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.classify.taxonomy import load_taxonomy  # noqa: E402
from pipeline.extract.learned import ACTION_TYPES, FUNDING_KINDS  # noqa: E402
from pipeline.paths import shared_dir  # noqa: E402
from pipeline.record import Motion  # noqa: E402
from pipeline.training.annotations import (  # noqa: E402
    dev_keys,
    find_span,
    load_source_motions,
    source_of,
)

THEMES = set(load_taxonomy().ids)
ACTIONS = set(ACTION_TYPES)
FUNDING = set(FUNDING_KINDS)
CONFIDENCE = {"high", "medium", "low"}
KEYS = {"id", "themes", "actions", "funding", "topic", "hedged", "groups", "request", "confidence"}
OPTIONAL_KEYS = {"note"}


def load_source(source: str, shared: Path) -> dict[str, Motion]:
    return load_source_motions(source, shared)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --- sample -------------------------------------------------------------------------------


def stratum(source: str, m: Motion) -> str:
    pt = m.paper_type or ""
    if source == "karlsruhe":
        return "Haushalt" if pt.startswith("Haushalt") else pt
    if source == "spd-berlin":
        return "all"
    return pt


def stratified(keys_by_stratum: dict[str, list[str]], n: int, rng: random.Random) -> list[str]:
    """n keys, allotted to strata in proportion (largest remainder), then shuffled together."""
    total = sum(len(v) for v in keys_by_stratum.values())
    n = min(n, total)
    quotas = {s: n * len(v) / total for s, v in keys_by_stratum.items()}
    alloc = {s: int(q) for s, q in quotas.items()}
    for s in sorted(quotas, key=lambda s: quotas[s] - alloc[s], reverse=True)[
        : n - sum(alloc.values())
    ]:
        alloc[s] += 1
    picked = []
    for s in sorted(keys_by_stratum):
        pool = sorted(keys_by_stratum[s])
        picked += rng.sample(pool, alloc[s])
    rng.shuffle(picked)
    return picked


def cmd_sample(args: argparse.Namespace) -> None:
    shared = shared_dir(args.shared)
    dev = dev_keys(shared)
    root = Path(__file__).resolve().parent.parent / "corpus/annotations"
    earlier = set()
    for name in ("karlsruhe-themes.jsonl", "karlsruhe-topics.jsonl"):
        earlier |= {json.loads(x)["id"] for x in (root / name).open(encoding="utf-8")}
    sizes = {"karlsruhe": args.karlsruhe, "bundestag": args.bundestag, "spd-berlin": args.spd}
    sample: dict[str, list[str]] = {}
    for source, n in sizes.items():
        rng = random.Random(f"{args.seed}:{source}")
        strata: dict[str, list[str]] = defaultdict(list)
        for key, m in load_source(source, shared).items():
            if key in dev or key in earlier:
                continue
            strata[stratum(source, m)].append(key)
        sample[source] = stratified(strata, n, rng)
        print(source, len(sample[source]), {s: len(v) for s, v in strata.items()}, file=sys.stderr)
    Path(args.out).write_text(json.dumps({"seed": args.seed, "sample": sample}, indent=1) + "\n")


def cmd_round(args: argparse.Namespace) -> None:
    """Draw a further round from the papers no earlier draw took and append it to the sample file."""
    shared = shared_dir(args.shared)
    path = Path(args.sample)
    data = json.loads(path.read_text())
    if args.name in data:
        raise SystemExit(f"{path} already has a draw named {args.name!r}: choose another name")
    taken = {
        k
        for key, draw in data.items()
        if isinstance(draw, dict)
        for ks in draw.values()
        for k in ks
    }
    root = Path(__file__).resolve().parent.parent / "corpus/annotations"
    for name in ("karlsruhe-themes.jsonl", "karlsruhe-topics.jsonl"):
        taken |= {json.loads(x)["id"] for x in (root / name).open(encoding="utf-8")}
    dev = dev_keys(shared)
    draw: dict[str, list[str]] = {}
    for source, n in (("karlsruhe", args.karlsruhe), ("spd-berlin", args.spd)):
        if not n:
            continue
        rng = random.Random(f"{data['seed']}:{args.name}:{source}")
        strata: dict[str, list[str]] = defaultdict(list)
        for key, m in load_source(source, shared).items():
            if key not in dev and key not in taken and m.text.strip():
                strata[stratum(source, m)].append(key)
        draw[source] = stratified(strata, n, rng)
        print(source, len(draw[source]), "of", sum(map(len, strata.values())), file=sys.stderr)
    data[args.name] = draw
    path.write_text(json.dumps(data, indent=1) + "\n")


# --- queue and show ------------------------------------------------------------------------


def cmd_queue(args: argparse.Namespace) -> None:
    """Write a queue file (outside the project: it holds third-party text) for one annotator."""
    shared = shared_dir(args.shared)
    ids = [x for x in args.ids.split(",") if x] if args.ids else []
    if args.ids_file:
        ids += [x.strip() for x in Path(args.ids_file).read_text().splitlines() if x.strip()]
    by_source: dict[str, dict[str, Motion]] = {}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / f"{args.name}.queue.jsonl").open("w", encoding="utf-8") as fh:
        for i, key in enumerate(ids):
            src = source_of(key)
            if src not in by_source:
                by_source[src] = load_source(src, shared)
            m = by_source[src][key]
            rec = {
                "n": i,
                "id": key,
                "title": m.title,
                "paper_type": m.paper_type,
                "date": m.date,
                "groups_meta": m.groups,
                "body": m.body,
                "text_sha1": sha1(m.text),
                "file_id": m.meta.get("file_id"),
                "text": m.text,
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(ids)} motions -> {out / (args.name + '.queue.jsonl')}", file=sys.stderr)


def read_jsonl(path: str | Path) -> list[dict]:
    # split on "\n" only: texts hold characters (U+2028, \x1c) that str.splitlines breaks at
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    return [json.loads(x) for x in lines if x.strip()]


def shown_text(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head, tail = int(limit * 0.75), int(limit * 0.25)
    cut = len(text) - head - tail
    return (
        text[:head]
        + f"\n\n[... {cut} characters not shown: the middle of a long document ...]\n\n"
        + text[-tail:]
    )


def cmd_show(args: argparse.Namespace) -> None:
    queue = read_jsonl(args.queue)
    for rec in queue[args.start : args.start + args.count]:
        if args.only and rec["id"] not in args.only.split(","):
            continue
        print("=" * 100)
        print(f"#{rec['n']}  id: {rec['id']}")
        print(f"title: {rec['title']}")
        print(
            f"paper_type: {rec['paper_type']}   date: {rec['date']}   body: {rec['body']}"
            f"   groups (metadata): {rec['groups_meta']}   length: {len(rec['text'])} chars"
        )
        print("-" * 100)
        print(shown_text(rec["text"], args.limit))
    print("=" * 100)


# --- check ---------------------------------------------------------------------------------


def check_record(rec: dict, queued: dict | None) -> list[str]:
    errs = []
    missing = KEYS - set(rec)
    extra = set(rec) - KEYS - OPTIONAL_KEYS
    if missing:
        errs.append(f"missing keys {sorted(missing)}")
    if extra:
        errs.append(f"unknown keys {sorted(extra)}")
    if queued is None:
        return errs + ["id is not in the queue"]
    text = queued["text"]
    themes = rec.get("themes") or []
    if (
        not (1 <= len(themes) <= 3)
        or any(t not in THEMES for t in themes)
        or len(set(themes)) != len(themes)
    ):
        errs.append(f"themes must be 1-3 distinct ids of ANNOTATION.md, got {themes}")
    for a in rec.get("actions") or []:
        if not isinstance(a, dict) or a.get("type") not in ACTIONS:
            errs.append(f"action type must be one of {sorted(ACTIONS)}: {a}")
            continue
        if find_span(text, a.get("evidence") or "") is None:
            errs.append(f"action evidence not found in the text: {a.get('evidence')!r}")
    for f in rec.get("funding") or []:
        if not isinstance(f, dict) or f.get("kind") not in FUNDING:
            errs.append(f"funding kind must be one of {sorted(FUNDING)}: {f}")
            continue
        amt = f.get("amount_eur")
        if amt is not None and not isinstance(amt, (int, float)):
            errs.append(f"amount_eur must be a number or null: {amt!r}")
        for k in ("name", "budget_line"):
            if not isinstance(f.get(k, ""), str):
                errs.append(f"funding {k} must be a string")
        if find_span(text, f.get("evidence") or "") is None:
            errs.append(f"funding evidence not found in the text: {f.get('evidence')!r}")
    if not isinstance(rec.get("topic"), str) or not rec.get("topic", "").strip():
        errs.append("topic must be a non-empty string")
    elif len(rec["topic"].split()) > 10:
        errs.append("topic is longer than 10 words; shorten it (ANNOTATION.md: max ~6)")
    if not isinstance(rec.get("hedged"), bool):
        errs.append("hedged must be true or false")
    if not isinstance(rec.get("groups"), list) or not all(
        isinstance(g, str) for g in rec.get("groups", [])
    ):
        errs.append("groups must be a list of strings")
    req = rec.get("request")
    if not isinstance(req, list) or not all(isinstance(q, dict) for q in req):
        errs.append('request must be a list of {"first": "...", "last": "..."} quotes')
    else:
        for q in req:
            s, e = find_span(text, q.get("first") or ""), find_span(text, q.get("last") or "")
            if s is None:
                errs.append(f"request first words not found: {q.get('first')!r}")
            if e is None:
                errs.append(f"request last words not found: {q.get('last')!r}")
            if s and e and e[1] <= s[0]:
                errs.append(f"request last words come before its first words: {q}")
    if rec.get("confidence") not in CONFIDENCE:
        errs.append(f"confidence must be one of {sorted(CONFIDENCE)}")
    return errs


def cmd_check(args: argparse.Namespace) -> int:
    queue = {r["id"]: r for r in read_jsonl(args.queue)}
    recs = read_jsonl(args.annotations)
    seen: Counter[str] = Counter()
    bad = 0
    for lineno, rec in enumerate(recs, start=1):
        seen[rec.get("id")] += 1
        errs = check_record(rec, queue.get(rec.get("id")))
        if seen[rec.get("id")] > 1:
            errs.append("id annotated twice in this file (keep one line per id)")
        for e in errs:
            print(f"line {lineno} {rec.get('id')}: {e}")
        bad += bool(errs)
    print(
        f"{len(recs)} records, {bad} with problems, {len(queue) - len(seen)} of the queue not yet done"
    )
    return 1 if bad else 0


def written_queue(texts_path: str | Path) -> dict[str, dict]:
    """Queue records for texts we wrote ourselves (``written:`` ids)."""
    out = {}
    for i, r in enumerate(read_jsonl(texts_path)):
        out[r["id"]] = {
            "n": i,
            "id": r["id"],
            "title": r.get("title", ""),
            "paper_type": r.get("paper_type"),
            "date": r.get("date"),
            "groups_meta": r.get("groups", []),
            "body": r.get("body"),
            "text_sha1": sha1(r["text"]),
            "file_id": None,
            "text": r["text"],
        }
    return out


def cmd_written_queue(args: argparse.Namespace) -> None:
    """A queue file for a writer's texts, so that ``merge`` treats them like the others."""
    with open(args.out, "w", encoding="utf-8") as fh:
        for rec in written_queue(args.texts).values():
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def cmd_written_check(args: argparse.Namespace) -> int:
    """Check a writer's texts (keys, unique ids) and their annotations."""
    need = {"id", "body", "level", "paper_type", "title", "date", "groups", "text"}
    bad = 0
    ids: Counter[str] = Counter()
    for lineno, r in enumerate(read_jsonl(args.texts), start=1):
        ids[r.get("id")] += 1
        errs = [f"missing keys {sorted(need - set(r))}"] if need - set(r) else []
        if not str(r.get("id", "")).startswith("written:"):
            errs.append("id must start with written:")
        if ids[r.get("id")] > 1:
            errs.append("duplicate id")
        if len(str(r.get("text", ""))) < 200:
            errs.append("text shorter than 200 characters")
        for e in errs:
            print(f"texts line {lineno} {r.get('id')}: {e}")
        bad += bool(errs)
    queue = written_queue(args.texts)
    recs = read_jsonl(args.annotations)
    for lineno, rec in enumerate(recs, start=1):
        errs = check_record(rec, queue.get(rec.get("id")))
        for e in errs:
            print(f"annotations line {lineno} {rec.get('id')}: {e}")
        bad += bool(errs)
    missing = set(queue) - {r.get("id") for r in recs}
    print(
        f"{len(queue)} texts, {len(recs)} annotations, {bad} with problems, {len(missing)} texts not annotated"
    )
    return 1 if bad else 0


# --- merge ---------------------------------------------------------------------------------


def to_offsets(rec: dict, queued: dict, annotator: str) -> dict:
    text = queued["text"]

    def span(quote: str) -> list[int]:
        s = find_span(text, quote)
        assert s is not None
        return [s[0], s[1]]

    request = []
    for q in rec["request"]:
        request.append([span(q["first"])[0], span(q["last"])[1]])
    return {
        "id": rec["id"],
        "source": source_of(rec["id"]),
        "annotator": annotator,
        "text_sha1": queued["text_sha1"],
        "file_id": queued.get("file_id"),
        "themes": rec["themes"],
        "actions": [{"type": a["type"], "span": span(a["evidence"])} for a in rec["actions"]],
        "funding": [
            {
                "kind": f["kind"],
                "name": f.get("name") or "",
                "amount_eur": f.get("amount_eur"),
                "budget_line": f.get("budget_line") or "",
                "span": span(f["evidence"]),
            }
            for f in rec["funding"]
        ],
        "topic": rec["topic"].strip(),
        "hedged": rec["hedged"],
        "groups": rec["groups"],
        "request": request,
        "confidence": rec["confidence"],
    }


def read_complete_lines(path: str | Path) -> list[dict]:
    """The lines of a file an annotator may be appending to: a torn last line is left out."""
    recs = []
    for line in Path(path).read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError:
            print(f"{path}: an incomplete or invalid line left out", file=sys.stderr)
    return recs


def cmd_merge(args: argparse.Namespace) -> None:
    out: dict[str, list[dict]] = defaultdict(list)
    for path in args.annotations:
        name = Path(path).name.split(".")[0]
        queue = {r["id"]: r for r in read_jsonl(Path(args.queues) / f"{name}.queue.jsonl")}
        kept = skipped = 0
        for rec in read_complete_lines(path):
            q = queue.get(rec.get("id"))
            if check_record(rec, q):
                skipped += 1
                continue
            out[source_of(rec["id"])].append(to_offsets(rec, q, name))
            kept += 1
        print(f"{path}: {kept} kept, {skipped} skipped (failed the check)", file=sys.stderr)
    # Dev papers annotated blind measure agreement with the gold only: a file of their own.
    dev = dev_keys(args.shared)
    files: dict[str, list[dict]] = defaultdict(list)
    for source, recs in out.items():
        for r in recs:
            files["dev-blind" if r["id"] in dev else f"motions-{source}"].append(r)
    dest = Path(args.out)
    dest.mkdir(parents=True, exist_ok=True)
    for name, recs in files.items():
        recs.sort(key=lambda r: (r["id"], r["annotator"]))
        with (dest / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{name}: {len(recs)} annotations -> {dest / (name + '.jsonl')}", file=sys.stderr)


def _revised(items: list[dict], field: str, kind: str, r: dict, entry: dict) -> list[dict]:
    """``items`` (a record's actions or funding) with the entries of ``kind`` (by ``field``)
    replaced by the revision's: ``entry`` where ``r[kind]`` holds, none where it does not."""
    at = next((i for i, a in enumerate(items) if a[field] == kind), len(items))
    out = [a for a in items if a[field] != kind]
    if r[kind]:
        out.insert(min(at, len(out)), entry)
    return out


def cmd_revise(args: argparse.Namespace) -> int:
    """Apply a revision (``revision-<source>-<fields>.jsonl``: action types or funding kinds of
    a paper re-judged by reading, with evidence offsets) to every record of the paper in an
    annotation file: per revised type (kind) its old entries go, the revision's entry (if it
    holds) takes the place of the first. A revision record gives per field ``<name>``
    (true/false) and its evidence ``<name>_span`` (``span`` in a revision of one action type),
    for a funding kind also ``<name>_amount_eur``. The first judgement of a paper wins; a record
    whose text changed is left, and so is one that no action would remain in."""
    rev: dict[str, dict] = {}
    for r in read_jsonl(Path(args.revision)):
        rev.setdefault(r["id"], r)
    path = Path(args.annotations)
    out, changed, stale, emptied = [], 0, [], []
    for line in path.read_text(encoding="utf-8").split("\n"):  # as read_jsonl
        if not line.strip():
            continue
        rec = json.loads(line)
        r = rev.get(rec["id"])
        if r is None:
            out.append(line)
            continue
        if r["text_sha1"] != rec.get("text_sha1"):
            stale.append(rec["id"])
            out.append(line)
            continue
        acts, funding = rec["actions"], rec["funding"]
        for t in args.type:
            span = r[f"{t}_span"] if f"{t}_span" in r else r.get("span")
            acts = _revised(acts, "type", t, r, {"type": t, "span": span})
        for k in args.kind:
            entry = {
                "kind": k,
                "name": "",
                "amount_eur": r.get(f"{k}_amount_eur"),
                "budget_line": "",
                "span": r[f"{k}_span"],
            }
            funding = _revised(funding, "kind", k, r, entry)
        if not acts:
            emptied.append(f"{rec['id']} ({rec['annotator']})")
            out.append(line)
            continue
        if acts != rec["actions"] or funding != rec["funding"]:
            changed += 1
            rec["actions"], rec["funding"] = acts, funding
            line = json.dumps(rec, ensure_ascii=False)
        out.append(line)
    if emptied:
        # e.g. a text that holds only the administration's answer to the amendment
        print(
            f"left unchanged, no action would remain (read them and type their requests): "
            f"{', '.join(emptied)}",
            file=sys.stderr,
        )
    return _write_revised(path, out, changed, stale, args.revision)


def _write_revised(
    path: Path, out: list[str], changed: int, stale: list[str], revision: str
) -> int:
    """Write a revised annotation file and say what changed; 1 where a record's text changed
    since the revision (left as it was)."""
    if stale:
        print(
            f"left unchanged, text changed since the revision: {', '.join(stale)}", file=sys.stderr
        )
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{path}: {changed} records changed by {revision}", file=sys.stderr)
    return 1 if stale else 0


def revise_entries(lines: list[str], revision: list[dict]) -> tuple[list[str], int, list[str]]:
    """``lines`` of an annotation file with an entry revision applied (see
    ``cmd_revise_entries``), the number of records changed and the ids left because their
    text changed."""
    rev: dict[tuple[str, str, tuple[int, ...]], dict] = {}
    for r in revision:
        rev.setdefault((r["id"], r["of"], tuple(r["span"])), r)
    out, changed, stale = [], 0, []
    for line in lines:
        if not line.strip():
            continue
        rec = json.loads(line)
        judged = [
            (i, r)
            for i, f in enumerate(rec["funding"])
            if (r := rev.get((rec["id"], rec["annotator"], tuple(f.get("span") or ()))))
            and r["kind"] != "neither"
        ]
        if judged and judged[0][1]["text_sha1"] != rec.get("text_sha1"):
            stale.append(rec["id"])
            judged = []
        funding = list(rec["funding"])
        for i, r in judged:
            funding[i] = dict(funding[i], kind=r["kind"])
            if r["kind"] == "named_fund" or r.get("name"):
                funding[i]["name"] = r["name"]
        if funding != rec["funding"]:
            changed += 1
            rec["funding"] = funding
            line = json.dumps(rec, ensure_ascii=False)
        out.append(line)
    return out, changed, stale


def cmd_revise_entries(args: argparse.Namespace) -> int:
    """Apply an entry revision (``revision-named-programmes.jsonl``: single funding entries
    re-judged by reading) to an annotation file. A revision record names the annotation record
    (``id``, ``of``: its annotator) and the entry by its evidence ``span``, and gives the
    entry's new ``kind`` and, for a named fund, its ``name``; ``neither`` leaves the entry as
    it is. The first judgement of an entry wins; a record whose text changed is left."""
    path = Path(args.annotations)
    lines = path.read_text(encoding="utf-8").split("\n")  # as read_jsonl
    out, changed, stale = revise_entries(lines, read_jsonl(Path(args.revision)))
    return _write_revised(path, out, changed, stale, args.revision)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", default=None)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", required=True)
    s.add_argument("--seed", default="antragsradar-2026-12")
    s.add_argument("--karlsruhe", type=int, default=1200)
    s.add_argument("--bundestag", type=int, default=250)
    s.add_argument("--spd", type=int, default=200)
    r = sub.add_parser("round")
    r.add_argument("--sample", required=True)
    r.add_argument("--name", required=True)
    r.add_argument("--karlsruhe", type=int, default=0)
    r.add_argument("--spd", type=int, default=0)
    q = sub.add_parser("queue")
    q.add_argument("--name", required=True)
    q.add_argument("--ids", default="")
    q.add_argument("--ids-file", default="")
    q.add_argument("--out", required=True)
    sh = sub.add_parser("show")
    sh.add_argument("queue")
    sh.add_argument("--from", dest="start", type=int, default=0)
    sh.add_argument("--count", type=int, default=5)
    sh.add_argument("--only", default="")
    sh.add_argument("--limit", type=int, default=24000)
    c = sub.add_parser("check")
    c.add_argument("queue")
    c.add_argument("annotations")
    wq = sub.add_parser("written-queue")
    wq.add_argument("texts")
    wq.add_argument("--out", required=True)
    wc = sub.add_parser("written-check")
    wc.add_argument("texts")
    wc.add_argument("annotations")
    mg = sub.add_parser("merge")
    mg.add_argument("annotations", nargs="+")
    mg.add_argument("--queues", required=True)
    mg.add_argument("--out", required=True)
    rv = sub.add_parser("revise")
    rv.add_argument("revision")
    rv.add_argument("annotations")
    rv.add_argument(
        "--type",
        nargs="*",
        default=["amend"],
        choices=list(ACTION_TYPES),
        help="the action types the revision judged (default: amend; none: --type alone)",
    )
    rv.add_argument(
        "--kind",
        nargs="*",
        default=[],
        choices=list(FUNDING_KINDS),
        help="the funding kinds the revision judged",
    )
    re_ = sub.add_parser("revise-entries")
    re_.add_argument("revision")
    re_.add_argument("annotations")
    args = ap.parse_args()
    if args.cmd == "sample":
        cmd_sample(args)
    elif args.cmd == "round":
        cmd_round(args)
    elif args.cmd == "queue":
        cmd_queue(args)
    elif args.cmd == "show":
        cmd_show(args)
    elif args.cmd == "check":
        return cmd_check(args)
    elif args.cmd == "written-queue":
        cmd_written_queue(args)
    elif args.cmd == "written-check":
        return cmd_written_check(args)
    elif args.cmd == "merge":
        cmd_merge(args)
    elif args.cmd == "revise":
        return cmd_revise(args)
    elif args.cmd == "revise-entries":
        return cmd_revise_entries(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
