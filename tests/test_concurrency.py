"""Two `ratsinfo ingest` runs at once on one SQLite file: each waits for the other's writes
(or fails with a clear message), the file is never corrupted and no paper is stored twice.
(Postgres: tests/test_postgres.py, where both complete without duplicates.)"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DEV_DOCS

RATSINFO = Path(sys.executable).with_name("ratsinfo")

pytestmark = pytest.mark.slow


def test_two_ingests_at_once_on_one_sqlite_file(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(DEV_DOCS, folder)
    database = tmp_path / "shared.sqlite"
    command = [str(RATSINFO), "ingest", str(folder), "--db", f"sqlite:///{database}"]
    # Both start on a file that does not exist yet, so both also create the schema.
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        # Waiting is the rule (SQLite's busy timeout); failing is allowed, with one clear line.
        assert run.returncode == 0 or (
            run.returncode == 1 and err.startswith("Error: ") and "Traceback" not in err
        ), err
    assert 0 in [run.returncode for run in runs]

    with sqlite3.connect(database) as conn:
        assert conn.execute("pragma integrity_check").fetchall() == [("ok",)]
        assert conn.execute("pragma foreign_key_check").fetchall() == []
        count = len(list(DEV_DOCS.iterdir()))
        assert conn.execute(
            "select count(*), count(distinct sha256), count(distinct path) from sources"
        ).fetchone() == (count, count, count)
        assert conn.execute("select count(*) from papers").fetchone() == (count,)
        assert conn.execute("select count(*) from papers_fts").fetchone() == (count,)
