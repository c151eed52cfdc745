"""ingest never stores half a truth: copies with other metadata, copies of a failed file, a
file rewritten while it is read, a failure after extraction, a broken or deep sidecar, NULs
in a council's metadata, links out of the folder, and a database that cannot be written.
Each case on the real CLI (in-process: --timeout 0 --max-memory 0) with the database
checked afterwards: integrity, and no paper without an ok or partial source."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.db import store
from pipeline.errors import DatabaseError
from pipeline.read import reader
from pipeline.run import document
from tests.conftest import DEV_DOCS
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures
from tests.test_store import UNNA, WARENDORF, outcome

IN_PROCESS = ["--workers", "1", "--timeout", "0", "--max-memory", "0"]


def ingest(folder: Path, url: str, *more: str) -> Result:
    return CliRunner().invoke(main, ["ingest", str(folder), "--db", url, *IN_PROCESS, *more])


def rows(url: str, sql: str) -> list[tuple]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sa.text(sql))]
    finally:
        engine.dispose()


def consistent(url: str) -> None:
    """No paper whose source failed; and SQLite's own integrity check passes."""
    assert rows(
        url,
        "select count(*) from papers p join sources s on s.id = p.source_id"
        " where s.status not in ('ok', 'partial')",
    ) == [(0,)]
    if url.startswith("sqlite"):
        assert rows(url, "pragma integrity_check") == [("ok",)]


def sidecar(name: str, reference: str = "113/21") -> str:
    return json.dumps(
        {
            "format": "ratsinfo-oparl/1",
            "body": {"id": "urn:body", "name": "Kreis Unna"},
            "paper": {"id": f"urn:paper:{name}", "name": name, "reference": reference},
            "organizations": {},
            "meetings": {},
        }
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


def test_the_same_bytes_with_two_sidecars_never_flip(folder: Path, sqlite_url: str) -> None:
    for name in ("a", "b"):
        shutil.copy(DEV_DOCS / UNNA, folder / f"{name}.txt")
        (folder / f"{name}.oparl.json").write_text(sidecar(f"Betreff {name}"), "utf-8")
    first = ingest(folder, sqlite_url)
    assert first.exit_code == 2, first.output
    assert "1 new, 0 unchanged, 0 updated, 1 failed" in first.output
    assert "failed: b.txt: the same bytes as a.txt with other OParl metadata" in first.stderr
    for _ in range(2):
        again = ingest(folder, sqlite_url)
        assert "0 new, 2 unchanged, 0 updated, 0 failed" in again.output
        assert rows(sqlite_url, "select name from papers") == [("Betreff a",)]
    status = CliRunner().invoke(main, ["status", "--db", sqlite_url]).output
    assert "failed: b.txt: the same bytes as a.txt with other OParl metadata" in status
    consistent(sqlite_url)


def test_every_copy_of_a_failed_file_is_listed_as_failed(folder: Path, sqlite_url: str) -> None:
    for i in range(4):
        (folder / f"leer-{i}.pdf").write_bytes(b"%PDF-1.4 broken")
    result = ingest(folder, sqlite_url)
    assert result.exit_code == 2
    assert "4 documents: 0 new, 0 unchanged, 0 updated, 4 failed" in result.output
    status = CliRunner().invoke(main, ["status", "--db", sqlite_url]).output
    assert status.startswith("4 documents: 0 ok, 0 partial, 4 failed")
    assert "failed: leer-3.pdf: the same bytes as leer-0.pdf, which failed: damaged PDF" in status
    again = ingest(folder, sqlite_url)
    assert "4 unchanged" in again.output
    # The original fixed: its copies stand by it again, and need no rows of their own.
    for i in range(4):
        shutil.copy(DEV_DOCS / UNNA, folder / f"leer-{i}.pdf")
        (folder / f"leer-{i}.pdf").rename(folder / f"leer-{i}.txt")
    (folder / "leer-0.pdf").unlink(missing_ok=True)
    fixed = ingest(folder, sqlite_url)
    assert "0 failed" in fixed.output, fixed.output
    consistent(sqlite_url)


def test_a_file_rewritten_while_it_is_read_fails_and_is_read_again_next_time(
    folder: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = folder / "vorlage.txt"
    shutil.copy(DEV_DOCS / UNNA, path)
    real_read = reader.read

    def read_while_rewritten(source, **kwargs):  # type: ignore[no-untyped-def]
        # Half the old text, then the other paper: what a reader sees mid-rewrite.
        old = path.read_bytes()
        path.write_bytes(old[: len(old) // 2] + (DEV_DOCS / WARENDORF).read_bytes())
        return real_read(source, **kwargs)

    monkeypatch.setattr(document, "read", read_while_rewritten)
    first = ingest(folder, sqlite_url)
    assert first.exit_code == 2
    assert "vorlage.txt: the file changed while it was read" in first.stderr
    monkeypatch.setattr(document, "read", real_read)
    second = ingest(folder, sqlite_url)
    assert second.exit_code == 0, second.output
    assert "1 updated" in second.output
    (sha, raw), *_ = rows(sqlite_url, "select sha256, raw_text from sources")
    assert sha == hashlib.sha256(path.read_bytes()).hexdigest()
    assert raw.startswith(path.read_text("utf-8")[:200])
    consistent(sqlite_url)


def test_a_failure_after_extraction_leaves_no_paper(
    folder: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(DEV_DOCS / UNNA, folder / "a.txt")

    def broken(_outcome):  # type: ignore[no-untyped-def]
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(document, "_merge_oparl", broken)
    result = ingest(folder, sqlite_url)
    assert result.exit_code == 2
    assert rows(sqlite_url, "select status from sources") == [("failed",)]
    assert rows(sqlite_url, "select count(*) from papers") == [(0,)]
    consistent(sqlite_url)


def test_a_sidecar_nested_100000_deep_is_a_warning_and_the_paper_is_kept(
    folder: Path, sqlite_url: str
) -> None:
    shutil.copy(DEV_DOCS / UNNA, folder / "a.txt")
    (folder / "a.oparl.json").write_text('{"paper": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = ingest(folder, sqlite_url)
    assert result.exit_code == 0, result.output
    ((state, error),) = rows(sqlite_url, "select status, error from sources")
    assert state == "partial" and "a.oparl.json is unreadable: JSON nested deeper than 64" in error
    assert rows(sqlite_url, "select reference from papers") == [("113/21",)]
    consistent(sqlite_url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    return sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")


def test_nul_and_control_characters_in_metadata_are_stored_alike(
    folder: Path, any_url: str
) -> None:
    shutil.copy(DEV_DOCS / UNNA, folder / "a.txt")
    (folder / "a.oparl.json").write_text(sidecar("Kreis\x00haus\x07 Sanierung\x1b[31m"), "utf-8")
    result = ingest(folder, any_url)
    assert result.exit_code == 0, result.output
    assert rows(any_url, "select name from papers") == [("Kreis haus Sanierung [31m",)]
    consistent(any_url)


def test_links_out_of_the_folder_are_not_followed(folder: Path, sqlite_url: str) -> None:
    outside = folder.parent / "secret.txt"
    shutil.copy(DEV_DOCS / WARENDORF, outside)
    shutil.copy(DEV_DOCS / UNNA, folder / "a.txt")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "same.txt").symlink_to(folder / "a.txt")  # a link inside the folder is fine
    result = ingest(folder, sqlite_url)
    assert result.exit_code == 0, result.output
    assert f"skipped: {folder / 'leak.txt'}: a link to {outside}, outside {folder}" in result.stderr
    assert rows(sqlite_url, "select name from sources") == [("a.txt",)]
    followed = ingest(folder, sqlite_url, "--follow-links")
    assert "1 new" in followed.output
    assert rows(sqlite_url, "select name from sources order by name") == [("a.txt",), ("leak.txt",)]


# --- a database that cannot be written -----------------------------------------------------


def one_line(result: Result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def test_a_read_only_sqlite_file_is_one_line(folder: Path, tmp_path: Path) -> None:
    shutil.copy(DEV_DOCS / UNNA, folder / "a.txt")
    database = tmp_path / "r.sqlite"
    store.close(store.connect(f"sqlite:///{database}"))
    url = f"sqlite:///file:{database}?mode=ro&uri=true"
    err = one_line(ingest(folder, url), 1)
    assert "readonly database" in err


@pytest.mark.postgres
def test_a_read_only_postgres_is_one_line(folder: Path, request: pytest.FixtureRequest) -> None:
    pg = request.getfixturevalue("postgres_url")
    shutil.copy(DEV_DOCS / UNNA, folder / "a.txt")
    store.close(store.connect(pg))
    url = pg + "?options=-c%20default_transaction_read_only%3Don"
    err = one_line(ingest(folder, url), 1)
    assert "read-only transaction" in err


@pytest.mark.postgres
def test_a_killed_postgres_backend_names_its_cause(request: pytest.FixtureRequest) -> None:
    pg = request.getfixturevalue("postgres_url")
    engine = store.connect(pg)
    admin = sa.create_engine(pg, isolation_level="AUTOCOMMIT")
    killed = threading.Event()

    @sa.event.listens_for(engine, "before_cursor_execute")
    def kill_mid_batch(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO papers") and not killed.is_set():
            killed.set()
            pid = conn.exec_driver_sql("select pg_backend_pid()").scalar_one()
            with admin.connect() as other:
                other.execute(sa.text("select pg_terminate_backend(:p)"), {"p": pid})

    try:
        with pytest.raises(DatabaseError) as caught:
            store.save_many(engine, [outcome(UNNA), outcome(WARENDORF)])
    finally:
        engine.dispose()
        admin.dispose()
    message = str(caught.value)
    assert "terminat" in message or "server closed the connection" in message, message
    assert "Can't reconnect" not in message
    assert rows(pg, "select count(*) from papers") == [(0,)]
