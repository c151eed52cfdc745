"""The whole pipeline on the real dev-corpus papers, text and PDF, checked against gold values."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model import Record
from tests.conftest import DEV_DOCS, DEV_GOLD, FIXTURES, gold


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    folder = tmp_path_factory.mktemp("e2e")
    shutil.copytree(DEV_DOCS, folder / "docs")
    shutil.copy(FIXTURES / "kreis-warendorf-vorlage-037-2025.pdf", folder / "docs")
    url = f"sqlite:///{folder / 'e2e.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(folder / "docs"), "--db", url])
    assert result.exit_code == 0, result.output
    exported = CliRunner().invoke(main, ["export", "--db", url]).output
    papers = {r["source"]: r for r in map(json.loads, exported.splitlines())}
    # What each file read, where its paper is merged from two files (Warendorf's text and PDF).
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        files = conn.execute(sa.text("select path, reading from paper_files")).all()
    engine.dispose()
    return {**papers, **{Path(p).name: json.loads(r)["record"] for p, r in files}}


def test_every_corpus_document_has_a_record(records: dict[str, dict]) -> None:
    expected = {p.name for p in DEV_DOCS.iterdir()} | {"kreis-warendorf-vorlage-037-2025.pdf"}
    assert set(records) == expected


@pytest.mark.parametrize("name", sorted(p.name for p in DEV_DOCS.iterdir()))
def test_records_round_trip_through_the_typed_record(records: dict[str, dict], name: str) -> None:
    assert Record.from_json(records[name]).to_json() == records[name]


def test_kreis_unna_paper(records: dict[str, dict]) -> None:
    record = records["kreis-unna-drucksache-113-21.txt"]
    expected = gold("kreis-unna-drucksache-113-21")
    for field in ("paper_type", "reference", "date", "consultations", "resolution", "products"):
        assert record[field] == expected[field], field
    assert record["text"].startswith("\n\n25.05.2021\nDrucksache 113/21")


def test_pdf_and_text_of_one_paper_agree_on_the_header(records: dict[str, dict]) -> None:
    pdf = records["kreis-warendorf-vorlage-037-2025.pdf"]
    txt = records["kreis-warendorf-vorlage-037-2025.txt"]
    assert pdf["paper_type"] == txt["paper_type"] == "Beschlussvorlage"
    assert (
        pdf["finance"]["amounts"]
        == txt["finance"]["amounts"]
        == [{"value": 20000.0, "currency": "EUR", "label": "Betrag", "year": None, "kind": None}]
    )
    assert [r["text"][:40] for r in pdf["resolution"]] == [
        r["text"][:40] for r in txt["resolution"]
    ]


def test_gold_records_load_as_typed_records() -> None:
    for path in DEV_GOLD.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        record = Record.from_json(data)
        assert record.source == data["source"]
        assert len(record.consultations) == len(data["consultations"])
