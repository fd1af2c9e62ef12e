"""Every reader on realistic inputs, and the dispatcher's error handling."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest import Columns, read_inputs
from pipeline.ingest.oparl import select_file
from pipeline.record import Failure, Motion
from tests.pdfgen import write_pdf

P = "https://schema.oparl.org/1.1/Paper"
F = "https://schema.oparl.org/1.1/File"

MOTION_TEXT = (
    "STADT MUSTERHAUSEN\nDer Oberbürgermeister\n\nANTRAG\n\nSPD-Gemeinderatsfraktion\n\n"
    "Sichere Schulwege in der Weststadt\n\nDie Verwaltung wird beauftragt zu prüfen, ob an der "
    "Kreuzung Moltkestraße/Blücherstraße eine Querungshilfe eingerichtet werden kann.\n"
)
REPLY_TEXT = "STADT MUSTERHAUSEN\nDer Oberbürgermeister\n\nSTELLUNGNAHME zum Antrag\n\nDie Verwaltung teilt mit …"


def paper(pid: int, files: list[dict], main: dict | None = None, **extra) -> dict:
    p = {
        "id": f"https://oparl.example.org/bodies/1/papers/{pid}",
        "type": P,
        "name": "Sichere Schulwege in der Weststadt",
        "reference": f"2024/{pid:04d}",
        "date": "2024-03-05",
        "paperType": "Antrag",
        "body": "https://oparl.example.org/bodies/1",
        "auxiliaryFile": files,
        **extra,
    }
    if main:
        p["mainFile"] = main
    return p


def file(name: str, text: str | None) -> dict:
    f = {
        "id": f"https://oparl.example.org/files/{abs(hash(name)) % 10000}",
        "type": F,
        "name": name,
    }
    if text is not None:
        f["text"] = text
    return f


def motions(items) -> list[Motion]:
    out = list(items)
    assert all(isinstance(m, Motion) for m in out), out
    return out


class TestOParlFileSelection:
    def test_main_file_wins(self):
        p = paper(1, [file("Stellungnahme TOP 3", REPLY_TEXT)], main=file("Antrag", MOTION_TEXT))
        f, why = select_file(p)
        assert f["name"] == "Antrag" and why == "mainFile"

    def test_reply_listed_first_is_skipped(self):
        p = paper(2, [file("Stellungnahme TOP 3", REPLY_TEXT), file("SPD-Schulwege", MOTION_TEXT)])
        f, why = select_file(p)
        assert f["name"] == "SPD-Schulwege"
        assert "motion" in why

    @pytest.mark.parametrize("name", ["Protokoll TOP 7", "Beschlussauszug GR", "Anlage 1 Lageplan"])
    def test_minutes_extracts_and_attachments_lose(self, name):
        p = paper(
            3, [file(name, "Niederschrift über die Sitzung …"), file("Antrag CDU", MOTION_TEXT)]
        )
        assert select_file(p)[0]["name"] == "Antrag CDU"

    def test_paper_without_text_has_reason(self):
        f, why = select_file(paper(4, [file("Antrag", None)]))
        assert f is None and why == "no file has extracted text"
        f, why = select_file(paper(5, []))
        assert f is None and why == "paper has no files"


class TestOParlShapes:
    @pytest.fixture
    def papers(self) -> list[dict]:
        return [
            paper(10, [file("GRÜNE-Antrag", MOTION_TEXT)]),
            paper(11, [file("Stellungnahme", REPLY_TEXT), file("Anfrage FDP", MOTION_TEXT)]),
        ]

    def test_single_object(self, tmp_path, papers):
        path = tmp_path / "p.json"
        path.write_text(json.dumps(papers[0]), encoding="utf-8")
        [m] = motions(read_inputs([str(path)]))
        assert m.id == papers[0]["id"]
        assert m.title == "Sichere Schulwege in der Weststadt"
        assert m.date == "2024-03-05" and m.paper_type == "Antrag"
        assert m.meta["reference"] == "2024/0010"
        assert m.meta["file_name"] == "GRÜNE-Antrag"
        assert "Querungshilfe" in m.text

    def test_list_jsonl_and_gz(self, tmp_path, papers):
        (tmp_path / "list.json").write_text(json.dumps(papers), encoding="utf-8")
        lines = "\n".join(json.dumps(p) for p in papers) + "\n"
        (tmp_path / "p.jsonl").write_text(lines, encoding="utf-8")
        with gzip.open(tmp_path / "p.jsonl.gz", "wt", encoding="utf-8") as fh:
            fh.write(lines)
        with gzip.open(tmp_path / "list.json.gz", "wt", encoding="utf-8") as fh:
            json.dump(papers, fh)
        for name in ("list.json", "p.jsonl", "p.jsonl.gz", "list.json.gz"):
            got = motions(read_inputs([str(tmp_path / name)]))
            assert [m.id for m in got] == [p["id"] for p in papers], name
            assert got[1].meta["file_name"] == "Anfrage FDP"

    def test_oparl_list_page(self, tmp_path, papers):
        page = {"data": papers, "links": {"next": None}, "pagination": {"totalElements": 2}}
        (tmp_path / "page.json").write_text(json.dumps(page), encoding="utf-8")
        assert len(motions(read_inputs([str(tmp_path / "page.json")]))) == 2

    def test_factions_from_organizations(self, tmp_path):
        org_id = "https://oparl.example.org/organizations/7"
        orgs = [
            {
                "id": org_id,
                "type": "https://schema.oparl.org/1.1/Organization",
                "name": "Fraktion BÜNDNIS 90/DIE GRÜNEN",
                "shortName": "GRÜNE",
                "organizationType": "Fraktion",
            },
            {
                "id": "https://oparl.example.org/organizations/8",
                "name": "Bauausschuss",
                "organizationType": "Gremium",
            },
        ]
        (tmp_path / "orgs.json").write_text(json.dumps(orgs), encoding="utf-8")
        p = paper(
            12,
            [file("Antrag", MOTION_TEXT)],
            originatorOrganization=[org_id, "https://oparl.example.org/organizations/8"],
        )
        (tmp_path / "p.json").write_text(json.dumps(p), encoding="utf-8")
        [m] = motions(
            read_inputs([str(tmp_path / "p.json")], organizations=str(tmp_path / "orgs.json"))
        )
        assert m.groups == ["GRÜNE"]


class TestRecords:
    def test_jsonl_records_with_configured_columns(self, tmp_path):
        rows = [
            {
                "nr": "A-1",
                "betreff": "Radweg Südstadt",
                "inhalt": "Wir beantragen einen Radweg.",
                "fraktion": "SPD, GRÜNE",
            },
            {
                "nr": "A-2",
                "betreff": "Kita-Gebühren",
                "inhalt": "Die Gebühren sollen sinken.",
                "fraktion": "Die Linke",
            },
        ]
        path = tmp_path / "r.jsonl"
        path.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8"
        )
        cols = Columns.with_overrides(text="inhalt", id="nr", title="betreff", group="fraktion")
        got = motions(read_inputs([str(path)], columns=cols))
        assert [(m.id, m.title, m.groups) for m in got] == [
            ("A-1", "Radweg Südstadt", ["SPD", "GRÜNE"]),
            ("A-2", "Kita-Gebühren", ["Die Linke"]),
        ]

    @pytest.mark.parametrize("delim,ext", [(",", "csv"), ("\t", "tsv")])
    def test_csv_and_tsv(self, tmp_path, delim, ext):
        text = '"Die Verwaltung prüft, ob ""Tempo 30"" vor Schulen gilt."'
        if delim == "\t":
            text = 'Die Verwaltung prüft, ob "Tempo 30" vor Schulen gilt.'
        content = (
            delim.join(["id", "title", "date", "text"])
            + "\n"
            + delim.join(["7", "Tempo 30", "2023-01-17", text])
            + "\n"
        )
        path = tmp_path / f"m.{ext}"
        path.write_text(content, encoding="utf-8")
        [m] = motions(read_inputs([str(path)]))
        assert m.id == "7" and m.date == "2023-01-17"
        assert m.text == 'Die Verwaltung prüft, ob "Tempo 30" vor Schulen gilt.'

    def test_semicolon_csv_as_german_spreadsheets_write_it(self, tmp_path):
        # Excel and LibreOffice with German settings separate fields by ";" (commas stand in
        # the texts and amounts); a comma inside quotes in the header decides nothing
        content = (
            'Nummer;Betreff;Datum;"Fraktion, Gruppe";Antragstext\n'
            '2025/001;Mehr Bänke am Rheinufer;03.02.2025;SPD, GRÜNE;"Die Verwaltung stellt '
            'zwanzig Bänke auf; die Kosten von 30.000,00 Euro trägt der Teilhaushalt 6."\n'
        )
        path = tmp_path / "antraege.csv"
        path.write_text(content, encoding="utf-8")
        cols = Columns.with_overrides(
            text="Antragstext", id="Nummer", title="Betreff", date="Datum", group="Fraktion, Gruppe"
        )
        [m] = motions(read_inputs([str(path)], columns=cols))
        assert (m.id, m.title, m.date, m.groups) == (
            "2025/001",
            "Mehr Bänke am Rheinufer",
            "2025-02-03",
            ["SPD", "GRÜNE"],
        )
        assert m.text.endswith("trägt der Teilhaushalt 6.")

    def test_german_headers_need_no_column_options(self, tmp_path):
        # a spreadsheet's header capitalises its nouns: "Nummer", "Betreff", "Datum", "Fraktion",
        # "Antragstext" are read as id, title, date, groups and text without options
        content = (
            "Nummer;Betreff;Datum;Fraktion;Antragstext\n"
            "2025/002;Bericht zur Wohnungsnot;10.02.2025;CDU-Fraktion;Die Verwaltung berichtet "
            "dem Ausschuss über die Zahl der wohnungslosen Menschen.\n"
        )
        path = tmp_path / "antraege.csv"
        path.write_text(content, encoding="utf-8")
        [m] = motions(read_inputs([str(path)]))
        assert (m.id, m.title, m.date, m.groups) == (
            "2025/002",
            "Bericht zur Wohnungsnot",
            "2025-02-10",
            ["CDU-Fraktion"],
        )
        assert "Betreff" not in m.meta and "Nummer" not in m.meta

    def test_a_council_systems_number_column_is_the_id(self, tmp_path):
        # exports of council information systems name the id "Vorlagen-Nr." or "Drucksache"
        path = tmp_path / "ratsinfo.csv"
        path.write_text(
            "Vorlagen-Nr.;Betreff;Text\nAN/0012/2025;Mehr Bänke;Die Verwaltung stellt zehn "
            "Bänke auf.\n",
            encoding="utf-8",
        )
        [m] = motions(read_inputs([str(path)]))
        assert m.id == "AN/0012/2025"

    def test_a_text_column_named_but_missing_says_which(self, tmp_path):
        path = tmp_path / "a.csv"
        path.write_text("Nummer;Text\n1;Die Verwaltung prüft.\n", encoding="utf-8")
        [f] = list(read_inputs([str(path)], columns=Columns.with_overrides(text="Volltext")))
        assert isinstance(f, Failure)
        assert f.reason == "no column 'Volltext' among Nummer, Text; check --text-column"

    @pytest.mark.parametrize("name", ["a.csv", "a.tsv", "a.jsonl"])
    def test_an_empty_file_is_one_failure(self, tmp_path, name):
        # an empty export in a batch is reported, not passed over in silence
        path = tmp_path / name
        path.write_text("\n" if name.endswith("jsonl") else "", encoding="utf-8")
        [f] = list(read_inputs([str(path)]))
        assert isinstance(f, Failure) and f.reason.startswith("empty file")

    def test_an_empty_text_field_says_so(self, tmp_path):
        # the column is there and named: the reason is the empty field, not the column's name
        path = tmp_path / "a.csv"
        path.write_text("Nummer;Antragstext\n1;Die Verwaltung prüft.\n2;\n", encoding="utf-8")
        got = list(read_inputs([str(path)]))
        assert isinstance(got[0], Motion)
        assert isinstance(got[1], Failure)
        assert got[1].reason == (
            "record 2 has an empty text field (Antragstext); fill it or drop the record"
        )

    def test_records_without_metadata_get_it_from_their_text(self, tmp_path):
        # a CSV of ids and texts is read like the same texts as files: title, date and paper
        # type from the head; a record with a title gets nothing from its text, and a given but
        # impossible date stays null
        text = (
            "LANDTAG NORDRHEIN-WESTFALEN\n18. Wahlperiode    Drucksache 18/9876\n14.05.2024\n\n"
            "Antrag\nder Fraktion der SPD\n\nSchulsozialarbeit dauerhaft absichern\n\n"
            "Der Landtag beschließt:\nDie Landesregierung wird beauftragt, bis zum 30. Juni 2025 "
            "über den Stand der Schulsozialarbeit zu berichten.\n"
        )
        rows = [
            {"id": "a", "text": text},
            {"id": "b", "text": text, "title": "Schulsozialarbeit"},
            {"id": "c", "text": text, "date": "2024-02-30"},
        ]
        path = tmp_path / "r.jsonl"
        path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
        a, b, c = motions(read_inputs([str(path)]))
        assert (a.title, a.date, a.paper_type) == (
            "Schulsozialarbeit dauerhaft absichern",
            "2024-05-14",
            "Antrag",
        )
        assert a.meta["metadata_from"] == "text: paper_type, title, date"
        # a record with a title carries the motion's body: its dates are no letterhead's
        assert (b.title, b.date, b.paper_type) == ("Schulsozialarbeit", None, None)
        assert "metadata_from" not in b.meta
        assert c.date is None and "date_problem" in c.meta

    def test_csv_without_text_column_is_one_failure(self, tmp_path):
        path = tmp_path / "m.csv"
        path.write_text("id,betreff\n1,Radweg\n", encoding="utf-8")
        [f] = list(read_inputs([str(path)]))
        assert isinstance(f, Failure) and "--text-column" in f.reason

    def test_invalid_json_line_is_recorded_and_reading_goes_on(self, tmp_path):
        path = tmp_path / "r.jsonl"
        path.write_text(
            '{"id": "1", "text": "Antrag eins."}\n{"id": "2", "text": \n{"id": "3", "text": "Antrag drei."}\n'
        )
        got = list(read_inputs([str(path)]))
        assert [type(x).__name__ for x in got] == ["Motion", "Failure", "Motion"]
        assert got[1].reason == (
            "line 2: invalid JSON (Expecting value at character 20); fix or remove that line"
        )


class TestFiles:
    def test_text_and_markdown(self, tmp_path):
        (tmp_path / "a.txt").write_text(
            "Antrag: Mehr Bänke am Rheinufer\n\nDer Rat möge beschließen …", encoding="utf-8"
        )
        (tmp_path / "b.md").write_text(
            "# Anfrage zur Kita-Versorgung\n\n1. Wie viele Plätze fehlen?", encoding="utf-8"
        )
        got = motions(read_inputs([str(tmp_path)]))
        assert [(m.id, m.title) for m in got] == [
            ("a", "Mehr Bänke am Rheinufer"),
            ("b", "Anfrage zur Kita-Versorgung"),
        ]

    def test_windows_1252_text(self, tmp_path):
        (tmp_path / "alt.txt").write_bytes("Zuschuss für Bürgerhäuser".encode("cp1252"))
        [m] = motions(read_inputs([str(tmp_path / "alt.txt")]))
        assert m.text == "Zuschuss für Bürgerhäuser"

    def test_pdf(self, tmp_path):
        write_pdf(
            tmp_path / "antrag.pdf",
            [
                [
                    "Antrag der CDU-Fraktion",
                    "Die Verwaltung wird gebeten, die Straßenbeleuchtung",
                    "am Schlossplatz zu erneuern.",
                ],
                ["Seite 2", "Begründung: Die Lampen sind über 40 Jahre alt."],
            ],
        )
        [m] = motions(read_inputs([str(tmp_path / "antrag.pdf")]))
        assert m.title == ""  # no title line: neither the submitter line nor the request
        assert "Straßenbeleuchtung" in m.text and "über 40 Jahre" in m.text
        assert "\f" in m.text  # page break kept for the cleaner

    def test_corrupt_pdf_is_a_failure(self, tmp_path):
        (tmp_path / "kaputt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
        [f] = list(read_inputs([str(tmp_path / "kaputt.pdf")]))
        assert isinstance(f, Failure) and "not a readable PDF" in f.reason

    def test_stdin(self, monkeypatch):
        monkeypatch.setattr(
            "sys.stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "Antrag."}\n'))
        )
        [m] = motions(read_inputs(["-"]))
        assert m.id == "s1"

    def test_missing_path_and_unknown_format_raise_before_reading(self, tmp_path):
        with pytest.raises(InputError, match="no such file"):
            list(read_inputs([str(tmp_path / "fehlt.jsonl")]))
        (tmp_path / "antrag.docx").write_bytes(b"PK")
        with pytest.raises(InputError, match="unknown format"):
            list(read_inputs([str(tmp_path / "antrag.docx")]))

    def test_directory_walk_skips_hidden_and_unknown(self, tmp_path):
        (tmp_path / ".git").mkdir()
        (tmp_path / ".git" / "x.txt").write_text("intern")
        (tmp_path / "bild.png").write_bytes(b"\x89PNG")
        (tmp_path / "sub").mkdir()
        (tmp_path / "sub" / "c.txt").write_text("Antrag C")
        assert [m.id for m in motions(read_inputs([str(tmp_path)]))] == [
            "sub/c"
        ]  # the path below the folder named: unique


def test_karlsruhe_papers_all_read(karlsruhe_papers: Path):
    got = list(read_inputs([str(karlsruhe_papers)]))
    assert len(got) == 4572
    assert all(isinstance(m, Motion) for m in got)
    with_text = [m for m in got if m.text.strip()]
    assert len(with_text) > 4450
    replies = [
        m
        for m in with_text
        if m.text.lstrip()[:300].upper().count("STELLUNGNAHME")
        and "fallback" not in m.meta["file_selection"]
    ]
    assert len(replies) < 20


def test_organizations_beside_papers_are_used_and_not_read_as_motions(tmp_path):
    org_id = "https://oparl.example.org/organizations/9"
    orgs = [
        {
            "id": org_id,
            "type": "https://schema.oparl.org/1.1/Organization",
            "name": "FDP-Fraktion im Rat",
            "shortName": "FDP",
            "organizationType": "Fraktion",
        }
    ]
    (tmp_path / "organizations.json").write_text(json.dumps(orgs), encoding="utf-8")
    p = paper(20, [file("Antrag", MOTION_TEXT)], originatorOrganization=[org_id])
    (tmp_path / "papers.json").write_text(json.dumps([p]), encoding="utf-8")
    got = list(read_inputs([str(tmp_path)]))
    assert len(got) == 1 and got[0].groups == ["FDP"]


def test_a_named_pipe_is_read_once_even_with_progress(tmp_path):
    # A pipe can be read only once: the progress total must not consume it first.
    import os
    import threading

    from pipeline.ingest import count_motions

    fifo = tmp_path / "papers.jsonl"
    os.mkfifo(fifo)
    assert count_motions([str(fifo)], "jsonl") is None

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write('{"id": "a", "text": "Die Verwaltung wird beauftragt zu prüfen."}\n')

    t = threading.Thread(target=write)
    t.start()
    got = list(read_inputs([str(fifo)], "jsonl"))
    t.join(timeout=10)
    assert [m.id for m in got] == ["a"]
