"""`ratsinfo ingest --dask`: the per-document stages on a Dask cluster (a LocalCluster on
127.0.0.1 here), stored by the workers; and no Dask at all without the flag."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a two-worker local cluster (one thread each, as on a real cluster)."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        yield cluster.scheduler_address


def ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["ingest", *args])
    return result.exit_code, result.output


def export(url: str) -> str:
    return CliRunner().invoke(main, ["export", "--db", url]).output


def test_dask_stores_the_same_records_as_local_workers(
    scheduler: str, raw_dir: Path, tmp_path: Path
) -> None:
    local, dask = (f"sqlite:///{tmp_path / name}" for name in ("local.sqlite", "dask.sqlite"))
    assert ingest(str(raw_dir), "--db", local, "--workers", "1")[0] == 0
    code, output = ingest(str(raw_dir), "--db", dask, "--dask", scheduler)
    assert code == 0, output
    assert "3 new" in output
    records = export(dask)
    assert records == export(local)
    assert '"reference": "113/21"' in records  # the Kreis Unna paper, extracted on a worker
    # The client planned the run: a second one finds everything unchanged.
    code, output = ingest(str(raw_dir), "--db", dask, "--dask", scheduler)
    assert code == 0 and "3 unchanged" in output and "0 new" in output


def test_dask_reports_a_failed_document_and_goes_on(
    scheduler: str, raw_dir: Path, tmp_path: Path
) -> None:
    (raw_dir / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj garbage")
    url = f"sqlite:///{tmp_path / 'dask.sqlite'}"
    code, output = ingest(str(raw_dir), "--db", url, "--dask", scheduler)
    assert code == 2
    assert "3 new" in output and "1 failed" in output
    status = CliRunner().invoke(main, ["status", "--db", url]).output
    assert status.startswith("4 documents: 3 ok, 0 partial, 1 failed")


@pytest.mark.postgres
def test_dask_workers_load_a_shared_postgres(
    scheduler: str,
    raw_dir: Path,
    tmp_path: Path,
    postgres_url: str,  # noqa: F811 - fixture
) -> None:
    local = f"sqlite:///{tmp_path / 'local.sqlite'}"
    assert ingest(str(raw_dir), "--db", local, "--workers", "1")[0] == 0
    code, output = ingest(str(raw_dir), "--db", postgres_url, "--dask", scheduler)
    assert code == 0, output
    assert export(postgres_url) == export(local)


def test_an_unreachable_scheduler_is_a_clear_error(raw_dir: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dask.sqlite'}"
    # Port 9 (discard) on the loopback: nothing listens, the connection is refused at once.
    code, output = ingest(str(raw_dir), "--db", url, "--dask", "tcp://127.0.0.1:9")
    assert code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in output


def test_without_the_flag_nothing_of_dask_is_imported(raw_dir: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from click.testing import CliRunner; from pipeline.cli import main;"
        f"r = CliRunner().invoke(main, ['ingest', {str(raw_dir)!r}, '--db',"
        f" 'sqlite:///{tmp_path / 'x.sqlite'}', '--workers', '2']);"
        "assert r.exit_code == 0, r.output;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_workers_get_the_database_by_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker's working directory is not the client's: a relative SQLite path is made
    absolute; an in-memory database cannot be shared at all."""
    from pipeline.db import store
    from pipeline.errors import ClusterError
    from pipeline.run import distributed as ours

    monkeypatch.chdir(tmp_path)
    engine = store.connect("sqlite:///data/ratsinfo.sqlite")
    assert ours._shared_url(engine) == f"sqlite:///{tmp_path / 'data' / 'ratsinfo.sqlite'}"
    with pytest.raises(ClusterError, match="not in-memory"):
        ours._shared_url(store.connect("sqlite://"))
