"""export --format csv and --format oparl, on papers ingested from real council documents."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.oparl_schemas import BY_TYPE, PAPER


@pytest.fixture
def db(raw_dir: Path, sqlite_url: str) -> str:
    result = CliRunner().invoke(
        main, ["ingest", str(raw_dir), "--db", sqlite_url, "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    return sqlite_url


def export(*args: str) -> str:
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.output


def read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def test_csv_has_one_file_per_table_that_spreadsheets_read(db: str, tmp_path: Path) -> None:
    export("--db", db, "--format", "csv", "-o", str(tmp_path))
    names = {p.stem for p in tmp_path.glob("*.csv")}
    assert {"papers", "consultations", "amounts", "paper_overview", "disagreements"} <= names
    papers = {r["reference"]: r for r in read_csv(tmp_path / "papers.csv")}
    assert papers["113/21"]["body"] == "Kreis Unna"
    assert papers["113/21"]["name"].startswith("Interkommunale Zusammenarbeit")
    assert papers["113/21"]["date"] == "2021-05-25"
    assert b"\r\n" in (tmp_path / "papers.csv").read_bytes()
    committees = [r["organization"] for r in read_csv(tmp_path / "consultation_overview.csv")]
    assert "Kreisausschuss" in committees


def test_semicolon_csv_has_decimal_commas(db: str, tmp_path: Path) -> None:
    export("--db", db, "--format", "csv", "--semicolon", "-o", str(tmp_path))
    amounts = read_csv(tmp_path / "amounts.csv", delimiter=";")
    values = {r["value"] for r in amounts}
    assert "300000,0" in values  # "300 T€" in Kreis Unna's 113/21
    assert not any("." in v for v in values)


def test_csv_cells_cannot_run_as_formulas_and_fit_a_spreadsheet_cell() -> None:
    from pipeline.export import EXCEL_CELL_LIMIT, _cell

    assert _cell('=HYPERLINK("http://x")', False) == '\'=HYPERLINK("http://x")'
    assert _cell("- Vorberatung", False) == "'- Vorberatung"
    long = _cell("a" * 40_000, False)
    assert len(long) == EXCEL_CELL_LIMIT and long.endswith("[cut: 40000 characters in all]")
    assert _cell(True, False) == 1 and _cell(None, False) == ""


def test_oparl_export_is_valid_oparl_11(db: str, tmp_path: Path) -> None:
    target = tmp_path / "papers.json"
    export("--db", db, "--format", "oparl", "-o", str(target))
    listing = json.loads(target.read_text("utf-8"))
    objects = listing["data"]
    assert listing["pagination"]["totalElements"] == len(objects)
    for obj in objects:
        jsonschema.validate(obj, BY_TYPE[obj["type"]])
    papers = {o["reference"]: o for o in objects if o["type"].endswith("/Paper")}
    unna = papers["113/21"]
    assert unna["paperType"] == "Beschlussvorlage" and unna["date"] == "2021-05-25"
    assert "Smart Region" in unna["mainFile"]["text"]  # File.text: the cleaned text
    ids = {o["id"]: o for o in objects}
    first = unna["consultation"][0]
    assert ids[first["organization"][0]]["name"] == "Kreisausschuss"
    meeting = ids[first["meeting"]]
    assert meeting["start"].startswith("2021-06-")
    assert any(i["consultation"] == first["id"] for i in meeting["agendaItem"])


def links(obj: object, key: str = "") -> list[tuple[str, str]]:
    """(property, URL) of every link in `obj` and the objects embedded in it."""
    found: list[tuple[str, str]] = []
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k != "id":
                found += links(v, k)
    elif isinstance(obj, list):
        for v in obj:
            found += links(v, key)
    elif isinstance(obj, str) and obj.startswith("https://") and key not in ("accessUrl",):
        found.append((key, obj))
    return found


def test_every_link_of_the_oparl_export_leads_into_it(db: str, tmp_path: Path) -> None:
    target = tmp_path / "papers.json"
    export("--db", db, "--format", "oparl", "-o", str(target))
    objects = json.loads(target.read_text("utf-8"))["data"]
    ids = set()
    for obj in objects:
        ids |= {
            o["id"] for o in [obj, *obj.get("consultation", []), obj.get("mainFile") or {}] if o
        }
        ids |= {i["id"] for i in obj.get("agendaItem", [])}
    # A link to a list is base/<type>: the objects of that type (none for Person here).
    types = {o["type"].rsplit("/", 1)[1].lower() for o in objects} | {"person"}
    base = "https://ratsinfo.invalid/oparl"
    unresolved = [
        (key, url)
        for obj in objects
        for key, url in links(obj)
        if url not in ids
        and not (url.rsplit("/", 1)[0] == base and url.rsplit("/", 1)[1] in types)
        and not url.startswith("https://schema.oparl.org/")
    ]
    assert unresolved == []
    [system] = [o for o in objects if o["type"].endswith("/System")]
    bodies = {o["name"] for o in objects if o["type"].endswith("/Body")}
    assert bodies == {"Kreis Unna", "Kreis Warendorf", "Stadt Augsburg"}
    assert system["body"] == f"{base}/body"
    # Who filed the Augsburg Antrag, as an Organization of the export.
    [antrag] = [o for o in objects if o.get("reference") == "ANT/25/61798"]
    by_id = {o["id"]: o for o in objects}
    [filer] = antrag["originatorOrganization"]
    assert by_id[filer]["name"] == "Fraktion Bürgerliche Mitte Freie Wähler, FDP, Pro Augsburg"


def test_oparl_export_one_object_per_file(db: str, tmp_path: Path) -> None:
    export("--db", db, "--format", "oparl", "--split", "-o", str(tmp_path))
    papers = sorted((tmp_path / "paper").glob("*.json"))
    assert len(papers) == 3
    for path in papers:
        jsonschema.validate(json.loads(path.read_text("utf-8")), PAPER)
    assert (tmp_path / "organization").is_dir() and (tmp_path / "file").is_dir()


def test_the_schema_check_catches_a_wrong_field_name() -> None:
    paper = {"id": "https://x.invalid/paper/1", "type": "https://schema.oparl.org/1.1/Paper"}
    jsonschema.validate(paper, PAPER)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**paper, "paper_type": "Antrag"}, PAPER)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**paper, "date": "25.05.2021"}, PAPER)


def test_csv_needs_a_folder(db: str) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "csv"])
    assert result.exit_code == 2 and "give the folder" in result.output
