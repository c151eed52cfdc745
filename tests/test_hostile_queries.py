"""search, serve and export under hostile or clumsy input: a query of 20,000 words, one that
is not UTF-8, `-n 1e20`, the Datasette search with 8,000 words, `export -o` where nothing
can be written, and CSV cells a spreadsheet would run as formulas. Each ends fast with one
line and its exit code, and leaves no half-written file."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.db import store
from pipeline.export import _cell
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures
from tests.test_store import UNNA, WARENDORF, outcome


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'ratsinfo.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = store.connect(url)
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF)])
    store.close(engine)
    return url


def one_line(result: Result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1, result.stderr
    return result.stderr


def search(db: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["search", *args, "--db", db])


def test_a_query_of_20000_words_is_refused_at_once(db: str) -> None:
    started = time.monotonic()
    err = one_line(search(db, " ".join(["Kreis"] * 20_000)), 2)
    assert time.monotonic() - started < 2
    assert "the query has 20000 words; at most 50 are searched for" in err


def test_a_query_over_1000_characters_is_refused(db: str) -> None:
    err = one_line(search(db, "Kreis" + "x" * 2000), 2)
    assert "the query has 2005 characters; at most 1000" in err


def test_fifty_words_are_searched(db: str) -> None:
    result = search(db, " ".join(["Kreis"] * 50))
    assert result.exit_code == 0, result.output
    assert "113/21" in result.stdout


def test_a_query_that_is_not_utf8_is_one_line(db: str) -> None:
    # How Python hands on a command line of Latin-1 bytes: "Straße" as b"Stra\xdfe".
    err = one_line(search(db, b"Stra\xdfe".decode("utf-8", "surrogateescape")), 2)
    assert "the query is not valid UTF-8 text" in err


@pytest.mark.parametrize("limit", ["1e20", "100000000000000000000", "0", "-3", "10001"])
def test_the_number_of_matches_is_a_small_positive_number(db: str, limit: str) -> None:
    result = search(db, "Kreis", "-n", limit)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "Invalid value for '-n' / '--limit'" in result.stderr


def test_the_datasette_search_with_8000_words_stays_within_its_time_limit(tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    from datasette.app import Datasette

    from pipeline.serve import browse

    database = tmp_path / "ratsinfo.sqlite"
    engine = store.connect(f"sqlite:///{database}")
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF)])
    store.close(engine)
    app = Datasette([str(database)], metadata=browse.metadata("ratsinfo"))

    async def ask(query: str) -> tuple[int, object]:
        response = await app.client.get(
            "/ratsinfo/search.json", params={"q": query, "_shape": "array"}
        )
        return response.status_code, response.json()

    started = time.monotonic()
    status, hits = asyncio.run(ask(" ".join(["Kreis"] * 8_000)))
    assert time.monotonic() - started < 1.0
    assert (status, hits) == (200, [])
    status, hits = asyncio.run(ask("Kreis Unna"))
    assert status == 200 and [h["reference"] for h in hits][:1] == ["113/21"]  # type: ignore[index]


# --- export -o where nothing can be written ---------------------------------------------------


def export(db: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["export", "--db", db, *args])


def no_part_files(folder: Path) -> None:
    assert [p for p in folder.rglob("*") if p.name.endswith(".part")] == []


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["-o", "{tmp}"], "Is a directory"),
        (["-o", "{tmp}/no/such/records.jsonl"], "no such folder"),
        (["--format", "csv", "-o", "{tmp}/file.txt"], "a file, not a folder"),
        (["--format", "oparl", "--split", "-o", "{tmp}/file.txt"], "a file, not a folder"),
        (["--format", "oparl", "-o", "/dev/full"], "No space left on device"),
        (["-o", "/dev/full"], "No space left on device"),
    ],
)
def test_export_errors_are_one_line(db: str, tmp_path: Path, args: list[str], said: str) -> None:
    (tmp_path / "file.txt").write_text("mine", "utf-8")
    err = one_line(export(db, *[a.format(tmp=tmp_path) for a in args]), 1)
    assert err.startswith("Error: cannot write ") and said in err, err
    assert (tmp_path / "file.txt").read_text("utf-8") == "mine"
    no_part_files(tmp_path)


@contextlib.contextmanager
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "ro"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_to_a_read_only_file_system_is_one_line(db: str, tmp_path: Path, fmt: str) -> None:
    with read_only_folder(tmp_path) as folder:
        target = folder / ("out.jsonl" if fmt == "jsonl" else "csv")
        err = one_line(export(db, "--format", fmt, "-o", str(target)), 1)
    assert "Read-only file system" in err


def test_a_full_disk_leaves_the_old_export_whole(db: str, tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    target.write_text("the export of yesterday\n", "utf-8")
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        (mount / "records.jsonl").write_text("the export of yesterday\n", "utf-8")
        err = one_line(export(db, "-o", str(mount / "records.jsonl")), 1)
        assert "No space left on device" in err
        assert (mount / "records.jsonl").read_text("utf-8") == "the export of yesterday\n"
        assert sorted(p.name for p in mount.iterdir()) == ["records.jsonl"]
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_good_export_keeps_the_files_mode(db: str, tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    target.write_text("", "utf-8")
    target.chmod(0o640)
    assert export(db, "-o", str(target)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o640
    assert target.read_text("utf-8").count("\n") == 2


# --- CSV cells a spreadsheet would run ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+49 231",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        '\n=HYPERLINK("http://x")',
        "\x00=1",
        " =1",
        "\u00a0=1",  # no-break space
        "\u200b=1",  # zero-width space
        "\ufeff=1",  # byte order mark
        "\u2007\u200b +1",
    ],
)
def test_csv_neutralises_every_formula_start(text: str) -> None:
    assert _cell(text, False) == "'" + text


@pytest.mark.parametrize("text", ["Kreis Unna", "113/21", " Kreis", "\u00a0Stadt", "1-2"])
def test_csv_leaves_plain_text_alone(text: str) -> None:
    assert _cell(text, False) == text


def test_sql_of_the_fixture_database_is_whole(db: str) -> None:
    engine = sa.create_engine(db)
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from papers")).scalar_one() == 2
    engine.dispose()
