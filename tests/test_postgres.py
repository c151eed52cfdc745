"""Two loads into one Postgres database at once: no duplicates, no deadlock.

A team shares one Postgres database, so two `ratsinfo ingest` runs (or Dask workers) may
store the same documents at the same moment, even into a database neither has set up yet.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.db import store
from tests.conftest import DEV_DOCS
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures
from tests.test_store import KARLSRUHE_KITA, UNNA, WARENDORF, outcome

pytestmark = pytest.mark.postgres

RATSINFO = Path(sys.executable).with_name("ratsinfo")


@pytest.fixture
def url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue("postgres_url"))


def counts(url: str) -> dict[str, int]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        result = {
            table: conn.execute(sa.text(f"select count(*) from {table}")).scalar_one()
            for table in ("sources", "papers", "papers_fts", "consultations")
        }
        result["distinct sha256"] = conn.execute(
            sa.text("select count(distinct sha256) from sources")
        ).scalar_one()
    engine.dispose()
    return result


def test_two_loaders_saving_the_same_papers_in_opposite_order(url: str) -> None:
    # Opposite orders are what deadlocks loaders that lock documents one by one.
    papers = [outcome(UNNA), outcome(WARENDORF), outcome(KARLSRUHE_KITA)]
    engine = store.connect(url)
    errors: list[Exception] = []

    def load(batch: list) -> None:
        try:
            for _ in range(15):
                store.save_many(engine, batch)
                for paper in batch:
                    store.save(engine, paper)
        except Exception as e:  # reported by the assertion below
            errors.append(e)

    threads = [
        threading.Thread(target=load, args=(papers,)),
        threading.Thread(target=load, args=(papers[::-1],)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    engine.dispose()
    assert not any(t.is_alive() for t in threads), "a loader hangs"
    assert errors == []
    assert counts(url) == {
        "sources": 3,
        "papers": 3,
        "papers_fts": 3,
        "consultations": 2 + 3 + 2,
        "distinct sha256": 3,
    }


def test_two_ingests_at_once_into_a_new_database(url: str, tmp_path: Path) -> None:
    folder = tmp_path / "raw"
    folder.mkdir()
    names = sorted(p.name for p in DEV_DOCS.iterdir() if p.name.startswith("kreis"))
    names += sorted(p.name for p in DEV_DOCS.iterdir() if p.name.startswith("augsburg"))
    for name in names:
        shutil.copy(DEV_DOCS / name, folder / name)
    command = [str(RATSINFO), "ingest", str(folder), "--db", url, "--workers", "1"]
    # Both start on an empty database, so both also try to create the schema.
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=240)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    found = counts(url)
    assert found["sources"] == found["distinct sha256"] == found["papers"] == len(names)
    assert found["papers_fts"] == len(names)
