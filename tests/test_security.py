"""Security under hostile input: SQL is parameterised (search input and file names
included), ingest writes nowhere but the database, and reaches no network."""

from __future__ import annotations

import ast
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.db import search, store
from pipeline.errors import DatabaseError
from pipeline.run import runner
from pipeline.run.limits import Limits
from tests.conftest import DEV_DOCS, FIXTURES
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures
from tests.test_store import UNNA, WARENDORF, outcome

PACKAGES = [Path(__file__).parent.parent / name for name in ("pipeline", "extractors")]

INJECTIONS = [
    "'; DROP TABLE papers; --",
    "x' OR '1'='1",
    '" OR 1=1 --',
    "Stadt); DELETE FROM sources; --",
    "name:* OR text:*",  # FTS5 column filters
    "NEAR(a b, 1)",
    "\\'; select pg_sleep(5); --",
]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'security.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = store.connect(url)
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF)])
    yield engine
    engine.dispose()


def counts(engine: sa.Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return (
            conn.execute(sa.text("select count(*) from papers")).scalar_one(),
            conn.execute(sa.text("select count(*) from sources")).scalar_one(),
        )


@pytest.mark.parametrize("query", INJECTIONS)
def test_search_input_is_data_never_sql(engine: sa.Engine, query: str) -> None:
    try:
        hits = search.search(engine, query)
    except DatabaseError:
        hits = []  # refused with a reason: also fine
    assert all(hit.reference in ("113/21", "037/2025") for hit in hits)
    assert counts(engine) == (2, 2)


def test_file_names_with_quotes_are_stored_as_written(engine: sa.Engine, tmp_path: Path) -> None:
    name = "x'); DROP TABLE papers; --.txt"
    path = tmp_path / name
    path.write_bytes((DEV_DOCS / UNNA).read_bytes() + b"\n")
    saved = outcome(UNNA, path=path, sha="f" * 64)
    store.save(engine, saved)
    # Kreis Unna's paper once more, from a third file: one paper more file.
    assert counts(engine) == (2, 3)
    with engine.connect() as conn:
        stored = conn.execute(
            sa.text("select name from sources where sha256 = :s"), {"s": "f" * 64}
        )
        assert stored.scalar_one() == name


def _interpolated_sql() -> Iterator[str]:
    """Every SQL statement in the code built from a string with values put in (an f-string,
    % or .format), as "file:line: the names put in"."""
    for package in PACKAGES:
        for path in package.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                func = node.func
                called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if called not in ("text", "execute", "exec_driver_sql", "executemany"):
                    continue
                sql = node.args[0]
                if isinstance(sql, ast.JoinedStr) or (
                    isinstance(sql, ast.BinOp) and isinstance(sql.op, ast.Mod)
                ):
                    names = sorted(n.id for n in ast.walk(sql) if isinstance(n, ast.Name))
                    yield f"{path.name}:{node.lineno}: {', '.join(names)}"


def test_sql_takes_values_only_as_parameters() -> None:
    # The one statement built from a string names a table from the schema, never a value.
    assert [
        line.split(":", 1)[0] + ": " + line.rsplit(": ", 1)[1] for line in _interpolated_sql()
    ] == ["store.py: table"]


def test_ingest_writes_only_the_database_and_reaches_no_network(tmp_path: Path) -> None:
    """Everything a document goes through (read, OCR, clean, extract, store), in-process,
    watched by an audit hook: no socket is opened, no file is written but the database's."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in (UNNA, WARENDORF):
        shutil.copy(DEV_DOCS / name, folder / name)
    shutil.copy(FIXTURES / "nordstemmen-verkehrsschau-scan-rotated.pdf", folder / "scan.pdf")
    database = tmp_path / "db" / "ratsinfo.sqlite"
    engine = store.connect(f"sqlite:///{database}")
    events: list[tuple[str, str]] = []
    watching = True

    def audit(event: str, args: tuple) -> None:
        if not watching:
            return
        if event == "socket.connect" or event.startswith(("urllib.", "http.")):
            events.append((event, repr(args)))
        elif event == "open" and isinstance(args[0], (str, Path)) and _writes(args[1], args[2]):
            events.append((event, str(args[0])))

    sys.addaudithook(audit)  # hooks cannot be removed: `watching` ends this one
    try:
        summary = runner.ingest(
            [folder], engine, workers=1, limits=Limits(seconds=None, memory_mb=None)
        )
    finally:
        watching = False
        engine.dispose()
    assert summary.failed == 0 and summary.new == 3
    assert not [e for e in events if e[0] != "open"], "network reached"
    written = {path for _, path in events} - {os.devnull}  # Tesseract's stderr goes there
    assert {Path(path).name for path in written} <= {
        database.name,
        f"{database.name}-wal",
        f"{database.name}-shm",
    }, written


def _writes(mode: str | None, flags: int) -> bool:
    if mode is not None:
        return any(c in mode for c in "wax+")
    return bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
