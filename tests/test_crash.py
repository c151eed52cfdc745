"""Crash safety: `ratsinfo ingest` killed with SIGKILL in the middle of a batch, on SQLite
and on Postgres. The next run completes the batch: every paper once, none half-written
(the records equal those of a run that was never interrupted)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import DEV_DOCS
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures

RATSINFO = Path(sys.executable).with_name("ratsinfo")
COPIES = 2

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict]]:
    """A folder of the dev papers, each twice with a different last line (so twice the
    documents), and their records from an uninterrupted run."""
    folder = tmp_path_factory.mktemp("batch")
    for path in sorted(DEV_DOCS.iterdir()):
        for copy in range(COPIES):
            text = path.read_bytes() + f"\nAusfertigung {copy + 1}\n".encode()
            (folder / f"{path.stem}-{copy + 1}{path.suffix}").write_bytes(text)
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'reference.sqlite'}"
    assert CliRunner().invoke(main, ["ingest", str(folder), "--db", url]).exit_code == 0
    return folder, export(url)


def export(url: str) -> list[dict]:
    result = subprocess.run(
        [str(RATSINFO), "export", "--db", url], capture_output=True, text=True, check=True
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


def counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    queries = {
        "sources": "select count(*) from sources",
        "distinct contents": "select count(distinct sha256) from sources",
        "distinct paths": "select count(distinct path) from sources",
        "papers": "select count(*) from papers",
        "readable sources": "select count(*) from sources where status <> 'failed'",
        "search rows": "select count(*) from papers_fts",
    }
    try:
        with engine.connect() as conn:
            return {name: conn.execute(sa.text(sql)).scalar_one() for name, sql in queries.items()}
    except sa.exc.SQLAlchemyError:
        return {}  # the schema is not there yet
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'crash.sqlite'}"
    return str(request.getfixturevalue("postgres_url"))


def test_sigkill_mid_batch_then_the_next_run_completes_it(
    batch: tuple[Path, list[dict]], url: str
) -> None:
    folder, reference = batch
    total = COPIES * len(list(DEV_DOCS.iterdir()))  # files; the copies of a paper are one
    papers = len(reference)
    run = subprocess.Popen(
        [str(RATSINFO), "ingest", str(folder), "--db", url, "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill as soon as the first documents are stored: the rest are being read and stored.
    deadline = time.monotonic() + 120
    while counts(url).get("sources", 0) == 0 and run.poll() is None:
        assert time.monotonic() < deadline, "nothing was stored"
        time.sleep(0.05)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    stored = counts(url)["sources"]
    assert 0 < stored < total, "the kill was not in the middle of the batch"

    again = subprocess.run(
        [str(RATSINFO), "ingest", str(folder), "--db", url, "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert f"{total} documents: {total - stored} new, {stored} unchanged" in again.stdout
    assert counts(url) == {
        "sources": total,
        "distinct contents": total,
        "distinct paths": total,
        "papers": papers,
        "readable sources": total,
        "search rows": papers,
    }
    # No half-written paper: every record, with all its parts, as an uninterrupted run has it.
    assert export(url) == reference
