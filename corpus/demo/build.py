"""Build the Musterstadt demo corpus: 36 invented council motions as OParl 1.1 JSON plus an answer key.

The motions, people and places are invented for this project (CC0). Source of truth is this file:
``motions.py`` holds the texts and the annotations; this script writes

- ``papers.json``        a JSON list of OParl ``Paper`` objects (text in ``mainFile.text`` or in
                         ``auxiliaryFile[i].text`` next to a "Stellungnahme der Verwaltung")
- ``organizations.json`` the factions (organizationType "Fraktion") and committees ("Gremium")
- ``expected.jsonl``     one annotation per paper in the format of ANNOTATION.md, plus ``groups``
- ``README.md``          what it is, with counts per faction, year and theme

and then validates everything (``--check`` validates the files on disk without writing).

    .venv/bin/python corpus/demo/build.py          # write and validate
    .venv/bin/python corpus/demo/build.py --check  # validate only
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

from motions import COMMITTEES, FACTIONS, MOTIONS  # noqa: E402

BASE = "https://example.org/oparl/musterstadt"
BODY = f"{BASE}/body/1"
PAPER = "https://schema.oparl.org/1.1/Paper"
FILE = "https://schema.oparl.org/1.1/File"
ORGANIZATION = "https://schema.oparl.org/1.1/Organization"
CONSULTATION = "https://schema.oparl.org/1.1/Consultation"

THEMES = (
    "integration diversity climate_environment mobility housing_urban education_childcare "
    "youth_family social_welfare health economy_labor budget_finance digital_admin safety_order "
    "culture_sport participation_democracy international"
).split()
ACTIONS = ("review", "report", "concept", "implement", "budget", "appeal", "inquiry", "amend")
FUNDING = ("named_fund", "budget_line", "external_grant", "offset", "general_budget")


def org_id(key: str) -> str:
    return f"{BASE}/organization/{key}"


def _stamp(day: date, hour: int) -> str:
    offset = "+02:00" if 4 <= day.month <= 10 else "+01:00"  # CEST roughly April to October
    return f"{day.isoformat()}T{hour:02d}:{(day.day * 7) % 60:02d}:00{offset}"


def organizations() -> list[dict]:
    out = []
    for key, (name, short) in FACTIONS.items():
        out.append(
            {
                "id": org_id(key),
                "type": ORGANIZATION,
                "body": BODY,
                "name": name,
                "shortName": short,
                "organizationType": "Fraktion",
                "classification": "Fraktion",
                "startDate": "2014-07-01",
                "created": "2016-01-04T10:00:00+01:00",
                "modified": "2025-07-01T10:00:00+02:00",
            }
        )
    for key, (name, short, classification) in COMMITTEES.items():
        out.append(
            {
                "id": org_id(key),
                "type": ORGANIZATION,
                "body": BODY,
                "name": name,
                "shortName": short,
                "organizationType": "Gremium",
                "classification": classification,
                "startDate": "2014-07-01",
                "created": "2016-01-04T10:00:00+01:00",
                "modified": "2025-07-01T10:00:00+02:00",
            }
        )
    return out


def _file(n: int, k: int, name: str, file_name: str, text: str, day: date) -> dict:
    fid = f"{BASE}/file/{n}{k:02d}"
    return {
        "id": fid,
        "type": FILE,
        "name": name,
        "fileName": file_name,
        "mimeType": "application/pdf",
        "date": day.isoformat(),
        "accessUrl": f"{fid}/access",
        "downloadUrl": f"{fid}/download/{file_name}",
        "text": text,
        "created": _stamp(day, 9),
        "modified": _stamp(day + timedelta(days=1), 8),
    }


def motion_text(m: dict) -> str:
    """The text of the motion's own document (what the answer key's evidence points into)."""
    return m["text"]


def paper(m: dict) -> dict:
    n = m["n"]
    day = date.fromisoformat(m["date"])
    year = day.year
    stem = f"{year}-{n:04d}"
    p: dict = {
        "id": f"{BASE}/paper/{n}",
        "type": PAPER,
        "body": BODY,
        "name": m["title"],
        "reference": m.get("reference") or f"{year}/{n:04d}",
        "date": m["date"],
        "paperType": m["paperType"],
        "originatorOrganization": [org_id(k) for k in m["factions"]],
    }
    motion_name = (
        m.get("file_name") or f"{m['paperType']} {' '.join(FACTIONS[k][1] for k in m['factions'])}"
    )
    main = _file(n, 1, motion_name, f"{stem}_{m['paperType'].split()[0]}.pdf", m["text"], day)
    aux = []
    for k, (name, text) in enumerate(m.get("extra_files", []), start=2):
        aux.append(_file(n, k, name, f"{stem}_anlage{k}.pdf", text, day + timedelta(days=20)))
    if m.get("layout") == "auxiliary":
        # No mainFile: motion and reply side by side, in the order the motion record gives.
        order = m.get("aux_order", "motion_first")
        p["auxiliaryFile"] = [main, *aux] if order == "motion_first" else [*aux, main]
    else:
        p["mainFile"] = main
        if aux:
            p["auxiliaryFile"] = aux
    p["consultation"] = [
        {
            "id": f"{BASE}/consultation/{n}{i}",
            "type": CONSULTATION,
            "paper": p["id"],
            "organization": [org_id(c)],
            "role": role,
            "authoritative": role == "Entscheidung",
        }
        for i, (c, role) in enumerate(m["consultation"], start=1)
    ]
    p["created"] = _stamp(day, 11)
    p["modified"] = _stamp(day + timedelta(days=30), 7)
    return p


def _position(text: str, evidence: str) -> int:
    return text.find(evidence)


def expected(m: dict) -> dict:
    text = motion_text(m)
    a = m["ann"]
    actions = sorted(
        ({"type": t, "evidence": ev} for t, ev in a["actions"]),
        key=lambda x: _position(text, x["evidence"]),
    )
    funding = sorted(
        (
            {"kind": k, "name": name, "amount_eur": amount, "budget_line": line, "evidence": ev}
            for k, name, amount, line, ev in a.get("funding", [])
        ),
        key=lambda x: _position(text, x["evidence"]),
    )
    return {
        "id": f"{BASE}/paper/{m['n']}",
        "themes": a["themes"],
        "actions": actions,
        "funding": funding,
        "topic": a["topic"],
        "hedged": a.get("hedged", False),
        "confidence": a.get("confidence", "high"),
        "groups": [FACTIONS[k][1] for k in m["factions"]],
    }


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def table(counter: Counter, keys: list[str], head: tuple[str, str]) -> str:
    lines = [f"| {head[0]} | {head[1]} |", "| --- | ---: |"]
    lines += [f"| {k} | {counter[k]} |" for k in keys]
    return "\n".join(lines)


def readme(papers: list[dict], keys: list[dict]) -> str:
    by_group = Counter(g for k in keys for g in k["groups"])
    by_year = Counter(p["date"][:4] for p in papers)
    by_theme = Counter(t for k in keys for t in k["themes"])
    by_type = Counter(p["paperType"] for p in papers)
    by_action = Counter(a["type"] for k in keys for a in k["actions"])
    by_funding = Counter(f["kind"] for k in keys for f in k["funding"])
    joint = sum(1 for k in keys if len(k["groups"]) > 1)
    aux = sum(1 for p in papers if "mainFile" not in p)
    theme_year = Counter(
        (p["date"][:4], t) for p, k in zip(papers, keys, strict=True) for t in k["themes"]
    )
    years = sorted(by_year)
    trend = ["| theme | " + " | ".join(years) + " |", "| --- |" + " ---: |" * len(years)]
    for t in ("integration", "climate_environment"):
        trend.append(f"| {t} | " + " | ".join(str(theme_year[(y, t)]) for y in years) + " |")
    group_order = [v[1] for v in FACTIONS.values()]
    return f"""# Musterstadt demo corpus

{len(papers)} council motions of the invented city **Musterstadt**, written for Antragsradar's demo and
tests. Every text, person, address, association and programme name is made up; any likeness to a real
council is accidental. No text was copied from a real council information system.

Licence: **CC0 1.0** (public domain dedication). Use them for anything.

## Files

| file | what |
| --- | --- |
| `papers.json` | a JSON list of OParl 1.1 `Paper` objects; the motion's text is in `mainFile.text`, as a PDF text extraction would give it (letterhead, form fields, "Seite 2" footers, line-break hyphenation) |
| `organizations.json` | OParl `Organization` objects: the 7 factions (`organizationType: "Fraktion"`, `shortName` = the group's short name) and {len(COMMITTEES)} committees (`"Gremium"`) |
| `expected.jsonl` | the answer key: one annotation per paper in the format of `shared/spec/ANNOTATION.md`, plus `groups` (short names of the submitting factions) |
| `motions.py` | the source: texts and annotations |
| `build.py` | writes the three JSON files and this README from `motions.py` and validates them (`--check`: validate only) |

{aux} papers have no `mainFile` but an `auxiliaryFile` list with the motion next to a "Stellungnahme der
Verwaltung" (in some the reply comes first), to exercise file selection; one more has a `mainFile` and a
Stellungnahme as `auxiliaryFile`. The answer key always annotates the motion only.

Conventions of the answer key: each action type appears at most once per paper (the clearest evidence;
actions and funding sorted by where their evidence stands); every `evidence` is an exact substring of
the motion's own file text; `amount_eur` is the first year's figure of a per-year table.

Read it with the project:

```python
from pipeline.ingest import read_inputs
motions = list(read_inputs(["corpus/demo/papers.json"], organizations="corpus/demo/organizations.json"))
```

Pass the files, not the folder: reading `corpus/demo/` as a directory would also read this README,
`expected.jsonl` and `organizations.json` as inputs.

## Counts

{len(papers)} papers, {joint} of them joint motions of two factions. Paper types: {", ".join(f"{k} {v}" for k, v in sorted(by_type.items()))}.

{table(by_group, group_order, ("faction", "papers"))}

{table(by_year, years, ("year", "papers"))}

{table(by_theme, THEMES, ("theme", "papers"))}

Trend built in (papers per year with the theme):

{chr(10).join(trend)}

Actions in the key: {", ".join(f"{a} {by_action[a]}" for a in ACTIONS)}.
Funding in the key: {", ".join(f"{f} {by_funding[f]}" for f in FUNDING)}.
Hedged main request: {sum(1 for k in keys if k["hedged"])} papers.
"""


def validate(papers: list[dict], orgs: list[dict], keys: list[dict]) -> list[str]:
    errors: list[str] = []
    by_id = {m["n"]: m for m in MOTIONS}
    if len(papers) != 36 or len(keys) != 36:
        errors.append(f"expected 36 papers and 36 keys, got {len(papers)} and {len(keys)}")
    if len({p["id"] for p in papers}) != len(papers):
        errors.append("duplicate paper ids")
    org_ids = {o["id"] for o in orgs}
    for p, k in zip(papers, keys, strict=True):
        pid = p["id"]
        if p["id"] != k["id"]:
            errors.append(f"{pid}: key id {k['id']} out of order")
        for o in p["originatorOrganization"]:
            if o not in org_ids:
                errors.append(f"{pid}: unknown organization {o}")
        files = ([p["mainFile"]] if "mainFile" in p else []) + p.get("auxiliaryFile", [])
        motion = by_id[int(pid.rsplit("/", 1)[1])]
        text = motion_text(motion)
        if not any(f["text"] == text for f in files):
            errors.append(f"{pid}: motion text not among the files")
        n_words = words(text)
        if not 120 <= n_words <= 400:
            errors.append(f"{pid}: {n_words} words (want 120-400)")
        if not 1 <= len(k["themes"]) <= 3 or any(t not in THEMES for t in k["themes"]):
            errors.append(f"{pid}: bad themes {k['themes']}")
        if not k["actions"]:
            errors.append(f"{pid}: no action")
        seen = set()
        for a in k["actions"]:
            if a["type"] not in ACTIONS:
                errors.append(f"{pid}: bad action type {a['type']}")
            if a["type"] in seen:
                errors.append(f"{pid}: action type {a['type']} twice")
            seen.add(a["type"])
            if a["evidence"] not in text:
                errors.append(f"{pid}: action evidence not in text: {a['evidence']!r}")
        for f in k["funding"]:
            if f["kind"] not in FUNDING:
                errors.append(f"{pid}: bad funding kind {f['kind']}")
            if f["evidence"] not in text:
                errors.append(f"{pid}: funding evidence not in text: {f['evidence']!r}")
            if f["amount_eur"] is not None and not isinstance(f["amount_eur"], (int, float)):
                errors.append(f"{pid}: amount_eur must be a number or null")
    themes = {t for k in keys for t in k["themes"]}
    if missing := set(THEMES) - themes:
        errors.append(f"themes never used: {sorted(missing)}")
    if missing := set(ACTIONS) - {a["type"] for k in keys for a in k["actions"]}:
        errors.append(f"action types never used: {sorted(missing)}")
    if missing := set(FUNDING) - {f["kind"] for k in keys for f in k["funding"]}:
        errors.append(f"funding kinds never used: {sorted(missing)}")
    per_group = Counter(g for k in keys for g in k["groups"])
    for _, short in FACTIONS.values():
        if not 3 <= per_group[short] <= 8:
            errors.append(f"{short}: {per_group[short]} papers (want 3-8)")
    return errors


def validate_with_pipeline(papers_path: Path, orgs_path: Path, keys: list[dict]) -> list[str]:
    """Read the files with the project's own reader and check text, file choice and groups."""
    from pipeline.ingest import read_inputs
    from pipeline.record import Motion

    errors: list[str] = []
    items = list(read_inputs([str(papers_path)], organizations=str(orgs_path)))
    motions = [i for i in items if isinstance(i, Motion)]
    if len(motions) != 36 or len(items) != 36:
        errors.append(f"read_inputs gave {len(motions)} motions of {len(items)} items")
    by_n = {m["n"]: m for m in MOTIONS}
    for mo, k in zip(motions, keys, strict=False):
        n = int(mo.id.rsplit("/", 1)[1])
        if mo.text != motion_text(by_n[n]):
            errors.append(f"{mo.id}: wrong file chosen ({mo.meta.get('file_selection')})")
        if not mo.meta.get("file_selection"):
            errors.append(f"{mo.id}: no meta['file_selection']")
        if mo.groups != k["groups"]:
            errors.append(f"{mo.id}: groups {mo.groups} != {k['groups']}")
        for ev in [a["evidence"] for a in k["actions"]] + [f["evidence"] for f in k["funding"]]:
            if ev not in mo.text:
                errors.append(f"{mo.id}: evidence not in chosen text: {ev!r}")
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--check", action="store_true", help="validate the files on disk, write nothing"
    )
    ap.add_argument("--no-pipeline", action="store_true", help="skip the read_inputs check")
    args = ap.parse_args(argv)
    papers_path, orgs_path = HERE / "papers.json", HERE / "organizations.json"
    keys_path, readme_path = HERE / "expected.jsonl", HERE / "README.md"
    if args.check:
        papers = json.loads(papers_path.read_text(encoding="utf-8"))
        orgs = json.loads(orgs_path.read_text(encoding="utf-8"))
        keys = [json.loads(line) for line in keys_path.read_text(encoding="utf-8").splitlines()]
        fresh = [paper(m) for m in MOTIONS]
        if papers != fresh:
            print("papers.json differs from motions.py: run build.py", file=sys.stderr)
            return 1
    else:
        papers = [paper(m) for m in MOTIONS]
        orgs = organizations()
        keys = [expected(m) for m in MOTIONS]
    errors = validate(papers, orgs, keys)
    if not args.check and not errors:
        papers_path.write_text(
            json.dumps(papers, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        orgs_path.write_text(
            json.dumps(orgs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        keys_path.write_text(
            "".join(json.dumps(k, ensure_ascii=False) + "\n" for k in keys), encoding="utf-8"
        )
        readme_path.write_text(readme(papers, keys), encoding="utf-8")
    if not errors and not args.no_pipeline:
        errors += validate_with_pipeline(papers_path, orgs_path, keys)
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if errors:
        return 1
    n_words = [words(motion_text(m)) for m in MOTIONS]
    print(
        f"ok: {len(papers)} papers, {len(orgs)} organizations, {len(keys)} keys; "
        f"words per motion {min(n_words)}-{max(n_words)} (median {sorted(n_words)[len(n_words) // 2]})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
