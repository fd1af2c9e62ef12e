"""A small synthetic store for the report tests (no tests here; imported by test_report_*)."""

from __future__ import annotations

from pathlib import Path

from pipeline.record import Failure, Motion
from pipeline.store import Store

THEME_LABELS = {
    "integration": "Integration & Migration",
    "mobility": "Verkehr & Mobilität",
    "social_welfare": "Soziales & Armut",
    "digital_admin": "Digitalisierung & Verwaltung",
    "climate_environment": "Klima, Umwelt, Energie & Tierschutz",
}

# (groups, themes, actions, funding, words) per motion kind; repeated over dates below.
KINDS = [
    (
        ["GRÜNE"],
        ["climate_environment", "mobility"],
        ["review"],
        [],
        "Radweg Baumpflanzung Klimaschutz",
    ),
    (["SPD"], ["integration"], ["implement"], ["named_fund"], "Sprachkurs Integrationsbeirat"),
    (["CDU"], ["mobility"], ["implement"], ["budget_line"], "Parkplatz Straßensanierung"),
    (
        ["FDP"],
        ["digital_admin"],
        ["review", "report"],
        [],
        "Digitalisierung Onlinedienst Bürgerservice",
    ),
    (["Die Linke"], ["social_welfare"], ["implement"], ["offset"], "Sozialticket Mietpreisbremse"),
    (["AfD"], ["integration"], ["report"], [], "Kostenaufstellung Unterbringung"),
    (
        ["GRÜNE", "SPD"],
        ["integration", "social_welfare"],
        ["concept"],
        ["external_grant"],
        "Sprachkurs Sozialticket",
    ),
]
# Two years, one date a month, but none in 2020-Q2 (a gap the trends must still show).
DATES = [
    f"{y}-{m:02d}-{5 + m:02d}"
    for y in (2019, 2020)
    for m in range(1, 13)
    if (y, m) not in {(2020, 4), (2020, 5), (2020, 6)}
]


DISTRICTS = [
    "Durlach",
    "Mühlburg",
    "Oststadt",
    "Weststadt",
    "Südstadt",
    "Neureut",
    "Knielingen",
    "Daxlanden",
    "Rüppurr",
    "Grötzingen",
    "Waldstadt",
]


def motion_text(words: str, groups: list[str], i: int = 0) -> str:
    return (
        "Stadt Karlsruhe\nDer Oberbürgermeister\nANTRAG\n"
        f"{'/'.join(groups)}-Gemeinderatsfraktion\n\n"
        f"Die Verwaltung wird gebeten: {words}. Wir beantragen {words} in {DISTRICTS[i % 11]}.\n\n"
        "Unterzeichnet von:\nErika Mustermann\nMax Beispielmann\n"
    )


def build_store(path: Path) -> Path:
    """Motions of six groups, 2019–2020, plus an undated one, a FDP-only term and a failure."""
    store = Store(path)
    run = store.begin_run(["synthetic"], "test", None)
    batch = []
    i = 0
    for d_i, date in enumerate(DATES):
        for k_i, (groups, themes, actions, funding, words) in enumerate(KINDS):
            # thin out: not every kind in every period, so periods differ in volume
            if (d_i + k_i) % 4 == 3:
                continue
            i += 1
            m = Motion(
                id=f"m{i:03d}",
                text=motion_text(words, groups, i),
                title=f"{words.split()[0]} {i}",
                date=date,
                paper_type="Anfrage" if k_i == 5 else "Antrag",
                body="Gemeinderat" if d_i % 2 == 0 else "Ortschaftsrat",
                groups=list(groups),
            )
            result = {
                "groups": groups,
                "themes": [
                    {"id": t, "label": THEME_LABELS[t], "score": 0.9 - 0.1 * r}
                    for r, t in enumerate(themes)
                ],
                "actions": [{"type": a, "evidence": a} for a in actions],
                "funding": [
                    {"kind": f, "name": "", "amount_eur": 1000.0 * (j + 1)}
                    for j, f in enumerate(funding)
                ],
                "topic": words.split()[0],
                "hedged": False,
            }
            batch.append((m, result, f"fp{i}"))
    # undated FDP motion, and one that failed analysis (must never count)
    batch.append(
        (
            Motion(
                id="m900", text=motion_text("Glasfaser", ["FDP"]), title="Glasfaser", groups=["FDP"]
            ),
            {
                "groups": ["FDP"],
                "themes": [
                    {"id": "digital_admin", "label": THEME_LABELS["digital_admin"], "score": 0.8}
                ],
                "actions": [],
                "funding": [],
            },
            "fp900",
        )
    )
    failed = Motion(id="m999", text="kaputt", title="kaputt", date="2019-03-01", groups=["CDU"])
    store.write_batch(run, batch, [(failed, Failure("x", "unreadable", "m999"), None)])
    store.finish_run(run, {"read": len(batch) + 1})
    store.close()
    return path
