"""A paper is a paper, whatever files carry it (issue 23): the same council and reference
from a text and a PDF is one row in `papers` with both files in `paper_files`, its fields
the best of both, and it keeps its id when its files are stored again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.db import migrate, papers, store
from pipeline.model import Evidence, Outcome, Record
from tests.conftest import DEV_DOCS, DEV_GOLD
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures
from tests.test_store import UNNA, WARENDORF, as_pdf, outcome, rows

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)
ROOT = Path(__file__).resolve().parent.parent


def rows_at(url: str, sql: str) -> list[tuple]:
    engine = sa.create_engine(url)
    try:
        return rows(engine, sql)
    finally:
        engine.dispose()


UNNA_PDF = Path("/raw/pdf/kreis-unna-drucksache-113-21.pdf")  # as tests.test_store.as_pdf


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> sa.Engine:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'identity.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = store.connect(url)
    yield engine
    engine.dispose()


def unna_pdf(sha: str = "p" * 64) -> Outcome:
    """The Kreis Unna paper as its PDF reads: its name under the label, but no department."""
    pdf = as_pdf(UNNA, sha=sha)
    pdf.record.department = None
    pdf.record.name = "Smart Region Kreis Unna (as the PDF prints it)"
    pdf.record.evidence = {"name": Evidence(0.9, "label 'Betreff'")}
    return pdf


def test_a_text_and_a_pdf_of_one_paper_are_one_paper_with_two_files(engine: sa.Engine) -> None:
    store.save_many(engine, [outcome(UNNA), unna_pdf()])
    assert rows(engine, "select count(*) from papers where reference = '113/21'") == [(1,)]
    assert rows(engine, "select kind, chosen from paper_files order by kind") == [
        ("pdf", True),
        ("text", False),
    ]
    [record] = store.records(engine)
    # Field by field: the PDF's labelled name, the text's department the PDF lacks.
    assert record.source == UNNA_PDF.name
    assert record.name == "Smart Region Kreis Unna (as the PDF prints it)"
    assert record.department == "Digitalisierung"
    assert rows(engine, "select count(*) from papers_fts") == [(1,)]
    assert rows(engine, "select count(*) from paper_overview where reference = '113/21'") == [(1,)]


def test_a_paper_keeps_its_id_when_its_files_are_stored_again(engine: sa.Engine) -> None:
    store.save_many(engine, [outcome(WARENDORF), outcome(UNNA)])
    [(paper_id,)] = rows(engine, "select id from papers where reference = '113/21'")
    store.save(engine, unna_pdf())
    store.save(engine, outcome(UNNA))  # ingest --force
    store.save(engine, unna_pdf(sha="q" * 64))  # the PDF changed
    assert rows(engine, "select id from papers where reference = '113/21'") == [(paper_id,)]
    assert rows(engine, "select count(*) from paper_files") == [(3,)]
    assert rows(engine, "select count(*) from sources") == [(3,)]


def test_a_council_that_numbers_anew_each_year_has_two_papers(engine: sa.Engine) -> None:
    later = outcome(UNNA, path=Path("/raw/unna-2022.txt"), sha="n" * 64)
    later.record.date = dt.date(2022, 5, 3)
    store.save_many(engine, [outcome(UNNA), later])
    dates = [str(d) for (d,) in rows(engine, "select date from papers order by date")]
    assert dates == ["2021-05-25", "2022-05-03"]


def test_papers_without_a_reference_stay_one_per_file(engine: sa.Engine) -> None:
    first = outcome(UNNA)
    second = outcome(UNNA, path=Path("/raw/copy.txt"), sha="c" * 64)
    for o in (first, second):
        o.record.reference = None
    store.save_many(engine, [first, second])
    assert rows(engine, "select count(*) from papers") == [(2,)]


def test_a_file_forgotten_leaves_the_paper_with_its_other_file(engine: sa.Engine) -> None:
    store.save_many(engine, [outcome(UNNA), unna_pdf()])
    [(paper_id,)] = rows(engine, "select id from papers")
    store.forget(engine, [UNNA_PDF])
    assert rows(engine, "select id, source, department from papers") == [
        (paper_id, UNNA, "Digitalisierung")
    ]
    assert rows(engine, "select kind, chosen from paper_files") == [("text", True)]


def test_a_database_with_a_paper_stored_twice_migrates_to_one(engine: sa.Engine) -> None:
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF)])
    with engine.begin() as conn:
        command.downgrade(migrate._config(conn), "0006")
    # As ratsinfo stored the PDF before 0007: a paper of its own.
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "insert into sources (id, sha256, path, name, size, kind, pages, ocr_used,"
                " status, ingested_at) values (99, :sha, :path, :name, 1, 'pdf', 1, false,"
                " 'ok', :now)"
            ),
            {
                "sha": "p" * 64,
                "path": str(UNNA_PDF),
                "name": UNNA_PDF.name,
                "now": dt.datetime.now(),
            },
        )
        conn.execute(
            sa.text(
                "insert into papers (id, source_id, source, paper_type, body, reference, date,"
                " text) select 99, 99, :name, paper_type, body, reference, date, text"
                " from papers where reference = '113/21'"
            ),
            {"name": UNNA_PDF.name},
        )
    assert rows(engine, "select count(*) from papers") == [(3,)]
    engine.dispose()
    engine = store.connect(engine.url.render_as_string(hide_password=False))
    assert rows(engine, "select count(*) from papers where reference = '113/21'") == [(1,)]
    assert rows(
        engine,
        "select f.kind, f.chosen, p.id from paper_files f join papers p on p.id = f.paper_id"
        " where p.reference = '113/21' order by f.kind",
    ) == [("pdf", True, 99), ("text", False, 99)]
    # The next store of the text merges it with the paper that stayed, keeping its id.
    store.save(engine, outcome(UNNA))
    assert rows(engine, "select id, department from papers where reference = '113/21'") == [
        (99, "Digitalisierung")
    ]
    engine.dispose()


def test_the_best_reading_of_each_field_wins() -> None:
    text = Record(
        source="a.txt", body="Kreis Unna", reference="113/21", date=dt.date(2021, 5, 25), name="t"
    )
    pdf = Record(source="a.pdf", body="Kreis  unna", reference="113 / 21", department="Amt")
    given = dataclasses.replace(text, name="from OParl", evidence={"name": Evidence(1.0, "OParl")})
    readings = [
        papers.Reading(1, "a.txt", "a", "text", text),
        papers.Reading(2, "a.pdf", "b", "pdf", pdf),
        papers.Reading(3, "b.txt", "c", "text", given),
    ]
    [members] = papers.group(readings)
    merged = papers.merge(members)
    assert (merged.record.name, merged.record.department) == ("from OParl", "Amt")
    assert merged.chosen.kind == "pdf"


def test_a_reference_printed_with_spaces_finds_the_stored_paper(engine: sa.Engine) -> None:
    store.save(engine, outcome(UNNA))
    spaced = unna_pdf()
    spaced.record.reference = "113 / 21"
    store.save(engine, spaced)
    assert rows(engine, "select count(*) from papers") == [(1,)]
    assert rows(engine, "select count(*) from paper_files") == [(2,)]


def test_eval_pairs_gold_with_a_paper_by_any_of_its_files(tmp_path: Path, sqlite_url: str) -> None:
    folder, gold_dir = tmp_path / "raw", tmp_path / "gold"
    folder.mkdir()
    gold_dir.mkdir()
    shutil.copy(DEV_DOCS / UNNA, folder / UNNA)
    shutil.copy(ROOT / "data" / "raw" / "pdf" / UNNA_PDF.name, folder / UNNA_PDF.name)
    shutil.copy(DEV_GOLD / UNNA.replace(".txt", ".json"), gold_dir)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", sqlite_url, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert rows_at(sqlite_url, "select count(*) from papers") == [(1,)]
    scored = CliRunner().invoke(main, ["eval", "--gold", str(gold_dir), "--db", sqlite_url])
    assert scored.exit_code == 0, scored.output
    assert "no record for" not in scored.output
    assert "summary: documents 1 " in scored.output
