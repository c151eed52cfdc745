"""Issue 25: a maintainer's corrections win over every automatic reading and outlast
`ingest --force`, a changed file and the export, on SQLite and Postgres alike."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.db import corrections, store
from pipeline.model import Record
from tests.conftest import DEV_DOCS
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures

UNNA = "kreis-unna-drucksache-113-21.txt"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    if request.param == "sqlite":
        return sqlite_url
    return str(request.getfixturevalue("postgres_url"))


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def ingest(raw: Path, url: str, *more: str) -> None:
    run("ingest", str(raw), "--db", url, "--workers", "1", *more)


def stored(url: str, reference: str = "113/21") -> list[Record]:
    engine = store.connect(url, create=False)
    try:
        return [r for r in store.records(engine) if r.reference == reference]
    finally:
        engine.dispose()


def test_a_correction_lasts_through_ingest_force_and_reaches_every_output(
    raw_dir: Path, url: str, tmp_path: Path
) -> None:
    ingest(raw_dir, url)
    said = run("correct", "113/21", "name", "Smart Region Kreis Unna", "--db", url, "--by", "anna")
    assert "corrected name of Kreis Unna 113/21" in said
    run("correct", "113/21", "date", "26.05.2021", "--db", url, "--by", "anna")
    run("correct", "113/21", "resolution", "Der Kreistag stimmt zu.", "--db", url, "--by", "bo")
    ingest(raw_dir, url, "--force")
    (unna,) = stored(url)
    assert unna.name == "Smart Region Kreis Unna"
    assert unna.date.isoformat() == "2021-05-26"  # type: ignore[union-attr]
    assert [r.text for r in unna.resolution] == ["Der Kreistag stimmt zu."]
    # The search index holds the corrected name, not the old stems.
    assert "Smart Region Kreis Unna" in run("search", "Smart Region", "--db", url)
    exported = run("export", "--db", url)
    line = next(json.loads(x) for x in exported.splitlines() if '"113/21"' in x)
    assert line["name"] == "Smart Region Kreis Unna"
    # The table keeps the automatic reading, who and when.
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("select field, old_value, new_value, corrected_by from field_corrections")
        ).all()
    engine.dispose()
    assert ("name", "Interkommunale Zusammenarbeit (IKZ) Smart Region Kreis Unna") in {
        (f, old) for f, old, _, _ in rows
    }
    assert {by for *_, by in rows} == {"anna", "bo"}


def test_corrected_only_export_is_gold_that_eval_reads(
    raw_dir: Path, sqlite_url: str, tmp_path: Path
) -> None:
    ingest(raw_dir, sqlite_url)
    run("correct", "113/21", "department", "Stabsstelle Digitales", "--db", sqlite_url)
    gold = tmp_path / "gold"
    run("export", "--format", "jsonl", "--corrected-only", "-o", str(gold), "--db", sqlite_url)
    (written,) = gold.glob("*.json")
    record = json.loads(written.read_text(encoding="utf-8"))
    assert written.name == "kreis-unna-drucksache-113-21.json"
    assert record["fields"] == ["department"]
    assert record["department"] == "Stabsstelle Digitales"
    assert "text" not in record
    assert "department" in run("eval", "--gold", str(gold), "--db", sqlite_url)


def test_a_changed_file_keeps_its_correction(raw_dir: Path, sqlite_url: str) -> None:
    ingest(raw_dir, sqlite_url)
    run("correct", "113/21", "paper_type", "Mitteilungsvorlage", "--db", sqlite_url)
    paper = raw_dir / UNNA
    paper.write_text(paper.read_text(encoding="utf-8") + "\nNachtrag.\n", encoding="utf-8")
    ingest(raw_dir, sqlite_url)
    (unna,) = stored(sqlite_url)
    assert str(unna.paper_type) == "Mitteilungsvorlage"
    assert "Nachtrag." in unna.text


def test_a_corrected_reference_is_found_again_after_ingest(raw_dir: Path, sqlite_url: str) -> None:
    ingest(raw_dir, sqlite_url)
    run("correct", "113/21", "reference", "113/2021", "--db", sqlite_url)
    # The paper is now known by its corrected reference, and keeps its key.
    run("correct", "113/2021", "name", "Smart Region", "--db", sqlite_url)
    ingest(raw_dir, sqlite_url, "--force")
    (unna,) = stored(sqlite_url, "113/2021")
    assert unna.name == "Smart Region"
    assert stored(sqlite_url) == []


def test_the_paper_of_two_files_is_corrected_once(tmp_path: Path, sqlite_url: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DEV_DOCS / UNNA, raw / UNNA)
    shutil.copy(Path("data/raw/pdf/kreis-unna-drucksache-113-21.pdf"), raw)
    ingest(raw, sqlite_url)
    run("correct", "113/21", "name", "Smart Region", "--db", sqlite_url)
    ingest(raw, sqlite_url, "--force")
    # The text and the PDF are one paper (issue 23): corrected once, still after --force.
    assert [r.name for r in stored(sqlite_url)] == ["Smart Region"]


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("colour", "blue", "no field 'colour'"),
        ("date", "gestern", "no date"),
        ("paper_type", "Brief", "no paper type"),
        ("consultations", "Kreistag", "not JSON"),
        ("finance_impact", "vielleicht", "neither ja nor nein"),
    ],
)
def test_a_wrong_correction_is_refused_in_one_line(
    raw_dir: Path, sqlite_url: str, field: str, value: str, reason: str
) -> None:
    ingest(raw_dir, sqlite_url)
    result = CliRunner().invoke(main, ["correct", "113/21", field, value, "--db", sqlite_url])
    assert result.exit_code == 1
    assert reason in result.output
    assert stored(sqlite_url)[0].name != value


def test_an_unknown_paper_is_named(raw_dir: Path, sqlite_url: str) -> None:
    ingest(raw_dir, sqlite_url)
    result = CliRunner().invoke(main, ["correct", "999/99", "name", "x", "--db", sqlite_url])
    assert result.exit_code == 1
    assert "no paper with reference or file name '999/99'" in result.output


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("consultations", '[{"organization": "Kreistag", "date": "2021-06-01"}]'),
        ("amounts", '[20000, {"value": 5.5, "currency": "EUR"}]'),
        ("products", '["01.05.04", {"number": "02", "name": "Sicherheit"}]'),
        ("reporters", "Anna Beispiel; Bo Muster"),
        ("finance_in_budget", "ja"),
        ("resolution", '["Erstens.", {"organization": "Kreistag", "text": "Zweitens."}]'),
    ],
)
def test_every_value_kind_is_kept_as_it_reads_back(field: str, value: str) -> None:
    record = Record(source="x.txt")
    once = corrections.corrected(record, field, value)
    kept = corrections.shown(corrections.FIELDS[field].get(once))
    twice = corrections.corrected(record, field, kept)
    assert corrections.FIELDS[field].get(twice) == corrections.FIELDS[field].get(once)


def test_a_correction_wins_over_the_councils_oparl_metadata(raw_dir: Path, sqlite_url: str) -> None:
    from tests.test_ingest_races import sidecar

    (raw_dir / "kreis-unna-drucksache-113-21.oparl.json").write_text(
        sidecar("Smart Region (OParl)"), encoding="utf-8"
    )
    ingest(raw_dir, sqlite_url)
    assert stored(sqlite_url)[0].name == "Smart Region (OParl)"
    run("correct", "113/21", "name", "Smart Region (korrigiert)", "--db", sqlite_url)
    ingest(raw_dir, sqlite_url, "--force")
    assert stored(sqlite_url)[0].name == "Smart Region (korrigiert)"
