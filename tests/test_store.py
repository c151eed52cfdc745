"""The store on SQLite and on Postgres: replacing, atomicity, cascades, the analysts' views.

Each test runs on both databases (the Postgres ones are skipped, with the reason, when the
server is not reachable outside CI). The records are the hand-made gold records of real
dev-corpus papers with their documents' text, so the values are those an analyst sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.db import store
from pipeline.model import Outcome, Record, SourceFile, Status
from tests.conftest import DEV_DOCS, gold
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures

UNNA = "kreis-unna-drucksache-113-21.txt"
WARENDORF = "kreis-warendorf-vorlage-037-2025.txt"
KARLSRUHE_KITA = "karlsruhe_620603_bv2020-1189_kita_richtlinie.txt"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> sa.Engine:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = store.connect(url)
    yield engine
    engine.dispose()


def outcome(name: str, path: Path | None = None, sha: str | None = None) -> Outcome:
    """The outcome of a real dev-corpus paper: its gold record with its text."""
    doc = DEV_DOCS / name
    body = doc.read_text(encoding="utf-8")
    record = Record.from_json(gold(name))
    record.text = body
    return Outcome(
        source=SourceFile(path or doc, sha or f"{name:0>64}"[-64:], len(body)),
        status=Status.OK,
        record=record,
        pages=1,
        raw_text=body,
    )


def as_pdf(name: str, sha: str | None = None) -> Outcome:
    """The same paper as `outcome(name)`, from its PDF in data/raw/pdf (a second file of it)."""
    path = Path("/raw/pdf") / name.replace(".txt", ".pdf")
    pdf = outcome(name, path=path, sha=sha or f"{path.name:p>64}"[-64:])
    pdf.record.source = path.name
    return pdf


def rows(engine: sa.Engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def test_saved_record_reads_back_equal(engine: sa.Engine) -> None:
    saved = outcome(UNNA)
    store.save(engine, saved)
    [record] = store.records(engine)
    assert record.to_json() == saved.record.to_json()


def test_saving_again_replaces_and_never_duplicates(engine: sa.Engine) -> None:
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF)])
    changed = outcome(UNNA)
    changed.record.reference = "114/21"
    store.save(engine, changed)
    store.save(engine, changed)
    assert rows(engine, "select reference from papers order by reference") == [
        ("037/2025",),
        ("114/21",),
    ]
    # The old version's parts and index row went with it (ON DELETE CASCADE).
    assert rows(engine, "select count(*) from consultations") == [(2 + 3,)]
    assert rows(engine, "select count(*) from papers_fts") == [(2,)]


def test_a_document_that_cannot_be_stored_costs_only_itself(engine: sa.Engine) -> None:
    good = outcome(UNNA)
    bad = outcome(WARENDORF)
    bad.record.consultations[0].organization = None  # type: ignore[assignment] - NOT NULL
    stored = store.save_many(engine, [good, bad])
    # The refused document is on record as failed, with the database's reason, and nothing
    # of its record; the good one is whole.
    assert [o.status.value for o in stored] == ["ok", "failed"]
    assert stored[1].errors[0].startswith("cannot store this document: ")
    assert rows(engine, "select name, status from sources order by name") == [
        (UNNA, "ok"),
        (WARENDORF, "failed"),
    ]
    assert rows(engine, "select count(*) from papers") == [(1,)]
    assert rows(engine, "select count(*) from papers_fts") == [(1,)]
    assert rows(engine, "select count(*) from consultations") == [(2,)]


def test_same_content_under_a_new_path_replaces_the_old_row(engine: sa.Engine) -> None:
    store.save(engine, outcome(UNNA))
    store.save(engine, outcome(UNNA, path=Path("/elsewhere") / UNNA))
    assert rows(engine, "select path from sources") == [(f"/elsewhere/{UNNA}",)]


def test_paper_overview_has_sessions_committee_amount_and_products(engine: sa.Engine) -> None:
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF), outcome(KARLSRUHE_KITA)])
    overview = {
        r[0]: r[1:]
        for r in rows(
            engine,
            "select reference, first_session, final_session, deciding_committee,"
            " decision_date, total_amount, products from paper_overview",
        )
    }
    # Kreis Unna 113/21: Kreisausschuss (Empfehlungsbeschluss) 21.06.2021, then the
    # Kreistag decides (Entscheidung) on 22.06.2021; 300 T€; product area 01 down to 01.05.04.
    first, final, committee, decided, total, products = overview["113/21"]
    assert (str(first), str(final)) == ("2021-06-21", "2021-06-22")
    assert (committee, str(decided)) == ("Kreistag", "2021-06-22")
    assert total == gold(UNNA)["finance"]["amounts"][0]["value"]
    assert products == ", ".join(p["number"] for p in gold(UNNA)["products"])
    # Warendorf 037/2025: no roles printed, so the body the Beratungsfolge ends with decides.
    assert overview["037/2025"][2] == "Kreistag"
    # Karlsruhe: Jugendhilfeausschuss (Vorberatung), then the Gemeinderat.
    kita = gold(KARLSRUHE_KITA)
    assert overview[kita["reference"]][2] == "Gemeinderat"
    assert overview[kita["reference"]][4] == pytest.approx(
        sum(a["value"] for a in kita["finance"]["amounts"])
    )


def test_consultation_overview_names_the_paper(engine: sa.Engine) -> None:
    store.save(engine, outcome(UNNA))
    assert rows(
        engine,
        "select position, organization, role, reference, name from consultation_overview"
        " order by position",
    ) == [
        (0, "Kreisausschuss", "Empfehlungsbeschluss", "113/21", gold(UNNA)["name"]),
        (1, "Kreistag", "Entscheidung", "113/21", gold(UNNA)["name"]),
    ]


def test_runs_record_version_and_counts(engine: sa.Engine) -> None:
    run = store.start_run(engine, "9.9", "ingest x")
    store.save(engine, outcome(UNNA), run)
    store.finish_run(engine, run, {"new": 1, "unchanged": 0, "updated": 0, "failed": 0})
    assert rows(engine, "select version, new, finished_at is not null from runs") == [
        ("9.9", 1, True)
    ]
    assert rows(engine, "select count(*) from sources where run_id is not null") == [(1,)]


def test_failed_document_is_stored_with_its_reason(engine: sa.Engine) -> None:
    failed = replace(outcome(UNNA), status=Status.FAILED, record=None, errors=["encrypted PDF"])
    store.save(engine, failed)
    assert store.problems(engine) == [("failed", UNNA, "encrypted PDF", str(DEV_DOCS.resolve()))]
    assert store.status_counts(engine) == {"failed": 1}
    assert rows(engine, "select count(*) from papers") == [(0,)]


def test_dates_are_dates(engine: sa.Engine) -> None:
    store.save(engine, outcome(UNNA))
    [record] = store.records(engine)
    assert record.date == dt.date(2021, 5, 25)


def test_saving_nothing_is_a_no_op(engine: sa.Engine) -> None:
    store.save_many(engine, [])
    assert rows(engine, "select count(*) from sources") == [(0,)]


def test_is_new_tells_a_missing_sqlite_file(tmp_path: Path) -> None:
    """ingest starts its workers before making a new database: every document is new."""
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    assert store.is_new(url)
    store.connect(url).dispose()
    assert not store.is_new(url)
    assert not store.is_new("sqlite://")  # in memory
    assert not store.is_new("postgresql://user@localhost/ratsinfo")
    assert not store.is_new("not a url")


def _raw(tmp_path: Path, count: int) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in sorted(p.name for p in DEV_DOCS.glob("*.txt"))[:count]:
        (raw / name).write_bytes((DEV_DOCS / name).read_bytes())
    return raw


def test_a_database_that_fails_mid_batch_stops_the_ingest_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The batches are written by a thread: its error reaches the caller, the thread ends,
    and what was stored before stays."""
    import threading

    from pipeline.errors import DatabaseError
    from pipeline.run import runner
    from pipeline.run.limits import Limits

    raw = _raw(tmp_path, 6)
    engine = store.connect(f"sqlite:///{tmp_path / 'fails.sqlite'}")
    save_many, calls = store.save_many, []

    def failing(engine: sa.Engine, outcomes: list[Outcome], run_id: int | None = None) -> list:
        calls.append(len(outcomes))
        if len(calls) > 1:
            raise DatabaseError("cannot store x.txt: disk I/O error")
        return save_many(engine, outcomes, run_id)

    monkeypatch.setattr(store, "save_many", failing)
    # Batches of two, and never by time (the first document loads spaCy: over a second).
    monkeypatch.setattr(runner._Batch.__init__, "__defaults__", (2, 3600.0))
    in_process = Limits(seconds=None, memory_mb=None)
    with pytest.raises(DatabaseError, match="disk I/O error"):
        runner.ingest([raw], engine, workers=1, limits=in_process)
    assert not [t for t in threading.enumerate() if t.name == "ratsinfo-writer"]
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from papers")).scalar_one() == 2
    engine.dispose()


def test_the_runner_goes_on_while_a_batch_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow database write does not hold up taking the next outcomes: all of them are
    taken before the first batch is stored, and every one is stored in the end."""
    import time

    from pipeline.run import runner
    from pipeline.run.limits import Limits

    raw = _raw(tmp_path, 6)
    engine = store.connect(f"sqlite:///{tmp_path / 'slow.sqlite'}")
    save_many, events = store.save_many, []

    def slow(engine: sa.Engine, outcomes: list[Outcome], run_id: int | None = None) -> list:
        time.sleep(1.0)
        events.append("stored")
        return save_many(engine, outcomes, run_id)

    def taken(done: int, total: int) -> None:
        events.append("taken")

    monkeypatch.setattr(store, "save_many", slow)
    monkeypatch.setattr(runner._Batch.__init__, "__defaults__", (2, 3600.0))
    in_process = Limits(seconds=None, memory_mb=None)
    summary = runner.ingest([raw], engine, workers=1, limits=in_process, progress=taken)
    assert summary.new == 6
    # Three batches of two; the first write took longer than processing the rest.
    assert events.count("stored") == 3 and events.index("stored") > 2
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from papers")).scalar_one() == 6
    engine.dispose()
