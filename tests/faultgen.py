"""Generated bad inputs for the fault suite and ``bench/fault_campaign.py``.

Every case is a set of files with what must come out: how many motions are analysed, how many
documents fail (each with a reason), and a check of the output for silently wrong results.
Generation is seeded, so a failing case can be produced again.
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

OPARL_PAPER = "https://schema.oparl.org/1.1/Paper"
PHRASES = [
    "Der Gemeinderat möge beschließen:",
    "Die Verwaltung wird beauftragt, ein Konzept für sichere Radwege an Schulen zu erarbeiten.",
    "Die Stadt prüft, ob die Beleuchtung im Stadtpark erweitert werden kann.",
    "Dafür werden 50.000 Euro im Haushalt 2025 bereitgestellt.",
    "Die Verwaltung berichtet dem Ausschuss über die Ergebnisse der Prüfung.",
    "Begründung: Viele Kinder fahren mit dem Rad zur Schule, und die Wege sind gefährlich.",
    "Die Mittel für die Förderung der Vereine werden um 10.000 Euro erhöht.",
    "Über die Umsetzung wird dem Gemeinderat jährlich berichtet.",
]
ENGLISH = (
    "The council should ask the administration to review the plan for the new cycle lanes and "
    "to report to the committee on the results of this review, with the costs for the city and "
    "a timetable that is agreed with the people who live in the area."
)
FRENCH = (
    "Le conseil municipal demande à l'administration de présenter un plan pour les pistes "
    "cyclables dans la ville et de rendre compte au comité des résultats pour les habitants "
    "qui sont dans le quartier et pour les écoles."
)


def motion_text(rng: random.Random, n: int = 5) -> str:
    head = f"Antrag der Fraktion {rng.choice(['SPD', 'GRÜNE', 'CDU', 'FDP'])}\n\n"
    return head + "\n".join(rng.choice(PHRASES) for _ in range(n))


@dataclass
class Case:
    """Files (relative path → bytes) and what reading and analysing them must give."""

    name: str
    files: dict[str, bytes]
    ok: int  # motions analysed
    failed: int | None  # documents failed; None: at least one
    check: Callable[[list[dict[str, Any]]], str | None] | None = None  # wrong output → why
    options: list[str] = field(default_factory=list)  # extra CLI options
    stored: int | None = None  # motions analysed into the store, when not ``ok`` (duplicates)
    slow: bool = False


def _paper(pid: str | None, text: Any, **fields: Any) -> dict[str, Any]:
    p: dict[str, Any] = {"type": OPARL_PAPER, "name": "Antrag", "mainFile": {"text": text}}
    if pid is not None:
        p["id"] = pid
    p.update(fields)
    return p


def _json(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode()


def _expect(key: str, value: Any, index: int = 0) -> Callable[[list[dict[str, Any]]], str | None]:
    def check(results: list[dict[str, Any]]) -> str | None:
        got = results[index].get(key) if len(results) > index else "(no result)"
        return None if got == value else f"{key} is {got!r}, expected {value!r}"

    return check


def _text_clean(results: list[dict[str, Any]]) -> str | None:
    for r in results:
        blob = json.dumps(r, ensure_ascii=False)
        if "\\u0000" in blob or "Ã" in blob:
            return f"garbled text in {r['id']}"
        if not r.get("actions"):
            return f"no actions found in {r['id']} (text not read as German?)"
    return None


def _distinct_ids(results: list[dict[str, Any]]) -> str | None:
    ids = [r["id"] for r in results]
    return None if len(set(ids)) == len(ids) else f"ids collide: {ids}"


def _has_note(word: str) -> Callable[[list[dict[str, Any]]], str | None]:
    def check(results: list[dict[str, Any]]) -> str | None:
        notes = " ".join(" ".join(r.get("notes") or []) for r in results)
        return None if word in notes else f"no note with {word!r} (notes: {notes!r})"

    return check


# --- generators, one family each --------------------------------------------------------------
def encodings(rng: random.Random) -> list[Case]:
    t = motion_text(rng)
    cases = [
        Case("utf8-bom", {"a.txt": codecs.BOM_UTF8 + t.encode()}, 1, 0, _text_clean),
        Case("utf16-bom", {"a.txt": t.encode("utf-16")}, 1, 0, _text_clean),
        Case(
            "utf16be-bom", {"a.txt": codecs.BOM_UTF16_BE + t.encode("utf-16-be")}, 1, 0, _text_clean
        ),
        Case("utf16le-nobom", {"a.txt": t.encode("utf-16-le")}, 1, 0, _text_clean),
        Case("utf16be-nobom", {"a.txt": t.encode("utf-16-be")}, 1, 0, _text_clean),
        Case("cp1252", {"a.txt": t.encode("cp1252")}, 1, 0, _text_clean),
        Case(
            "cp1252-csv",
            {"a.csv": ('id,text\n1,"' + t + '"\n').encode("cp1252")},
            1,
            0,
            _text_clean,
        ),
    ]
    raw = bytearray(t.encode())
    raw.insert(rng.randrange(len(raw) // 2, len(raw)), 0xFF)
    cases.append(Case("utf8-one-bad-byte", {"a.txt": bytes(raw)}, 1, 0, _has_note("invalid byte")))
    return cases


def binaries(rng: random.Random) -> list[Case]:
    noise = bytes(rng.randrange(256) for _ in range(rng.randrange(200, 5000)))
    pdfish = b"%PDF-1.7\n" + noise
    return [
        Case("random.txt", {"x.txt": noise}, 0, 1),
        Case("random.json", {"x.json": noise}, 0, 1),
        Case("random.md", {"x.md": noise}, 0, 1),
        Case("pdf-as-txt", {"x.txt": pdfish}, 0, 1),
        Case("pdf-as-json", {"x.json": pdfish}, 0, 1),
        Case("zip-as-txt", {"x.txt": b"PK\x03\x04" + noise}, 0, 1),
        Case("gzip-truncated", {"x.jsonl.gz": gzip.compress(_json(_paper("p", "x")))[:20]}, 0, 1),
        Case("nul-text", {"x.txt": motion_text(rng).encode().replace(b" ", b"\x00")}, 0, 1),
        Case("broken.pdf", {"x.pdf": pdfish[:300]}, 0, 1),
        Case("empty.txt", {"x.txt": b""}, 0, 1),
        Case("blank.txt", {"x.txt": b"  \n\n \t"}, 0, 1),
    ]


def languages(rng: random.Random) -> list[Case]:
    return [
        Case("english", {"en.txt": ENGLISH.encode()}, 1, 0, _has_note("not German")),
        Case("french", {"fr.txt": FRENCH.encode()}, 1, 0, _has_note("not German")),
        Case("english-skip", {"en.txt": ENGLISH.encode()}, 0, 1, options=["--skip-non-german"]),
        Case(
            "german-kept",
            {"de.txt": motion_text(rng).encode()},
            1,
            0,
            lambda rs: "German flagged" if rs and rs[0].get("notes") else None,
            options=["--skip-non-german"],
        ),
    ]


DATES = [
    ("2024-03-12", "2024-03-12"),
    ("12.03.2024", "2024-03-12"),
    ("12. März 2024", "2024-03-12"),
    ("2024-03-12T10:00:00+01:00", "2024-03-12"),
    ("1.3.2024", "2024-03-01"),
    ("2024-13-45", None),
    ("2024-02-30", None),
    ("gestern", None),
    ("31.04.2024", None),
    ("", None),
    ("2024", None),
    ("12. Foo 2024", None),
    ("0204-03-12", None),
    ("12.03.2424", None),
]


def dates(rng: random.Random) -> list[Case]:
    cases = []
    for i, (raw, iso) in enumerate(DATES):
        text = motion_text(rng)
        paper = _paper(f"p{i}", text, date=raw)
        cases.append(
            Case(
                f"oparl-date-{raw or 'empty'}",
                {"p.json": _json([paper])},
                1,
                0,
                _expect("date", iso),
            )
        )
        csv = f'id,date,text\nr{i},{raw},"{text}"\n'.encode()
        cases.append(Case(f"csv-date-{raw or 'empty'}", {"r.csv": csv}, 1, 0, _expect("date", iso)))
    bad_head = "Antrag vom 30.02.2024\n\n" + motion_text(rng)
    cases.append(
        Case("text-head-impossible-date", {"t.txt": bad_head.encode()}, 1, 0, _expect("date", None))
    )
    return cases


BAD_FIELDS: list[tuple[str, Any]] = [
    ("consultation", 7),
    ("consultation", [7]),
    ("paperType", ["Antrag"]),
    ("name", {"x": 1}),
    ("date", 20240312),
    ("originatorOrganization", "SPD"),
    ("auxiliaryFile", {"text": "x"}),
    ("mainFile", 5),
    ("reference", [1, 2]),
]


def oparl_types(rng: random.Random) -> list[Case]:
    cases = []
    for key, value in BAD_FIELDS:
        bad = _paper("bad", motion_text(rng), **{key: value})
        good = _paper("good", motion_text(rng))
        cases.append(Case(f"oparl-{key}={value!r}", {"p.json": _json([bad, good])}, 1, 1))
    text_number = _paper("n", 12345)
    text_number["mainFile"] = {"text": 12345}
    cases.append(
        Case(
            "oparl-text-number",
            {"p.json": _json([text_number, _paper("g", motion_text(rng))])},
            1,
            1,
        )
    )
    lines = b"\n".join(
        [
            _json(_paper("a", motion_text(rng))),
            b"{not json",
            _json(_paper("b", motion_text(rng), consultation=7)),
        ]
    )
    cases.append(Case("jsonl-mixed", {"p.jsonl": lines}, 1, 2))
    return cases


def structures(rng: random.Random) -> list[Case]:
    depth = rng.choice([5_000, 50_000, 200_000])
    nested = b"[" * depth + b"]" * depth
    deep_record = b'{"id": "d", "text": "x", "extra": ' + b"[" * depth + b"]" * depth + b"}"
    big = "x " * 70_000
    csv_big = f'id,text\n1,"{motion_text(rng)}"\n2,"{big}"\n3,"{motion_text(rng)}"\n'.encode()
    line = rng.choice(PHRASES).replace(",", "")
    csv_cr = f"id,text\n1,{line}\n2,Zeile eins\rZeile zwei\n3,{line}\n"
    return [
        Case("nested-json", {"n.json": nested}, 0, 1),
        Case(
            "nested-jsonl-line",
            {"n.jsonl": deep_record + b"\n" + _json({"id": "ok", "text": motion_text(rng)})},
            1,
            1,
        ),
        Case("nested-record-json", {"n.json": deep_record}, 0, 1),
        Case("csv-field-over-128k", {"c.csv": csv_big}, 2, 1),
        Case("csv-cr-in-unquoted", {"c.csv": csv_cr.encode()}, 2, 1),
        Case("json-scalar", {"s.json": b"42"}, 0, 1),
        Case("json-list-of-scalars", {"s.json": b'[1, "zwei", null]'}, 0, 3),
        Case("record-without-text", {"r.json": _json([{"id": "x", "title": "nur Titel"}])}, 0, 1),
    ]


def identities(rng: random.Random) -> list[Case]:
    t1, t2, t3 = (motion_text(rng) for _ in range(3))
    return [
        Case(
            "same-stem-two-folders",
            {"a/antrag.txt": t1.encode(), "b/antrag.txt": t2.encode()},
            2,
            0,
            _distinct_ids,
        ),
        Case(
            "same-stem-two-suffixes",
            {"antrag.txt": t1.encode(), "antrag.md": t2.encode()},
            2,
            0,
            _distinct_ids,
        ),
        Case(
            "papers-without-id",
            {"p.json": _json([_paper(None, t) for t in (t1, t2, t3)])},
            3,
            0,
            _distinct_ids,
        ),
        Case(
            "duplicate-ids",
            {"p.json": _json([_paper("same", t1), _paper("same", t2)])},
            2,
            0,
            stored=1,
        ),
        Case(
            "non-utf8-file-name",
            {b"antr\xe4g.txt".decode("utf-8", "surrogateescape"): t1.encode()},
            1,
            0,
        ),
    ]


def long_texts(rng: random.Random) -> list[Case]:
    n = rng.choice([1_050_000, 1_500_000])
    text = (motion_text(rng, 8) + "\n") * (n // 400)
    paper = _paper("long", text)
    return [
        Case("long-txt", {"long.txt": text.encode()}, 1, 0, slow=True),
        Case(
            "long-oparl",
            {"p.json": _json([paper, _paper("short", motion_text(rng))])},
            2,
            0,
            slow=True,
        ),
    ]


def bomb_pdf(levels: int = 6, fan: int = 10) -> bytes:
    """A PDF of a few hundred bytes whose page tree expands to fan**levels pages."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>"]
    for lvl in range(levels):
        kid = 3 + lvl
        kids = " ".join([f"{kid} 0 R"] * fan)
        objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {fan ** (levels - lvl)} >>")
    objs.append("<< /Type /Page /MediaBox [0 0 100 100] >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdfs(rng: random.Random) -> list[Case]:
    return [Case("pdf-page-bomb", {"bomb.pdf": bomb_pdf(rng.choice([6, 7]))}, 0, 1)]


FAMILIES = [
    encodings,
    binaries,
    languages,
    dates,
    oparl_types,
    structures,
    identities,
    pdfs,
    long_texts,
]


def cases(seed: int, slow: bool = True) -> list[Case]:
    """One round of every family, generated from ``seed``."""
    rng = random.Random(seed)
    out = [c for family in FAMILIES for c in family(rng)]
    return [c for c in out if slow or not c.slow]
