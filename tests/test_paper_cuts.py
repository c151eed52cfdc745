"""Paper cuts of issue 23: `--db` takes a plain path, `-o -` writes to stdout, product
numbers reach CSV as quoted text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_db_takes_a_plain_path(
    raw_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("ingest", str(raw_dir), "--db", "data/x.sqlite", "--workers", "1")
    assert code == 0, output
    assert (tmp_path / "data" / "x.sqlite").is_file()
    code, output = run("status", "--db", str(tmp_path / "data" / "x.sqlite"))
    assert (code, output.splitlines()[0]) == (0, "3 documents: 3 ok, 0 partial, 0 failed")


@pytest.fixture
def db(raw_dir: Path, sqlite_url: str) -> str:
    code, output = run("ingest", str(raw_dir), "--db", sqlite_url, "--workers", "1")
    assert code == 0, output
    return sqlite_url


def test_dash_writes_to_stdout(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("export", "--db", db, "-o", "-")
    assert code == 0
    assert [json.loads(line)["reference"] for line in output.splitlines()] == [
        "ANT/25/61798",
        "113/21",
        "037/2025",
    ]
    assert not (tmp_path / "-").exists()
    code, output = run("export", "--db", db, "--format", "oparl", "-o", "-")
    assert code == 0 and json.loads(output)["pagination"]["totalElements"] > 3
    code, output = run("export", "--db", db, "--format", "csv", "-o", "-")
    assert code == 2
    assert "csv, --split and --corrected-only write a folder of files: give it with -o" in output


def test_product_numbers_reach_csv_as_quoted_text(db: str, tmp_path: Path) -> None:
    code, output = run("export", "--db", db, "--format", "csv", "-o", str(tmp_path))
    assert code == 0, output
    raw = (tmp_path / "products.csv").read_text(encoding="utf-8-sig")
    assert '"01.05.04"' in raw
    with (tmp_path / "products.csv").open(encoding="utf-8-sig", newline="") as fh:
        numbers = [row["number"] for row in csv.DictReader(fh)]
    assert "01.05.04" in numbers
    # Numbers stay numbers: an amount's value is written bare.
    assert ',300000.0,"EUR",' in (tmp_path / "amounts.csv").read_text(encoding="utf-8-sig")


def test_ingest_of_a_missing_path_makes_no_database(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "no-such"), "--db", str(path)])
    assert result.exit_code == 1
    assert f"no such file or folder: {tmp_path / 'no-such'}" in result.output
    assert not path.exists()


def test_verbose_may_follow_the_subcommand(tmp_path: Path) -> None:
    missing = str(tmp_path / "none.sqlite")
    # Without -v: one line; with -v before or after the subcommand: the traceback.
    quiet = CliRunner().invoke(main, ["status", "--db", missing])
    assert quiet.exit_code == 1 and "run `ratsinfo ingest` first" in quiet.output
    for args in (["-v", "status", "--db", missing], ["status", "--db", missing, "-v"]):
        loud = CliRunner().invoke(main, args)
        assert loud.exception is not None and "run `ratsinfo ingest` first" in str(loud.exception)
