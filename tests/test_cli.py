"""The command line, driven in-process: exit codes, what a user reads, and the database after."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from tests.badinputs import write_bad_inputs
from tests.conftest import DEV_DOCS

# Reports each process that imports the command line, from an audit hook every process of
# the run (runner, fork server, workers) installs as it starts.
_REPORT_CLI_IMPORTS = """
import os, sys
def _hook(event, args):
    if event == "import" and args[0] == "pipeline.cli":
        sys.stderr.write(f"imports pipeline.cli: {os.getpid()}\\n")
sys.addaudithook(_hook)
"""


def test_workers_find_the_command_line_loaded(raw_dir: Path, tmp_path: Path) -> None:
    # multiprocessing runs the `ratsinfo` script again in every worker: the fork server has
    # imported what it imports, so only the runner and the fork server import it.
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(_REPORT_CLI_IMPORTS)
    root = Path(__file__).resolve().parent.parent
    command = [str(Path(sys.executable).parent / "ratsinfo"), "ingest", str(raw_dir)]
    run = subprocess.run(
        [*command, "--workers", "2", "--db", f"sqlite:///{tmp_path / 'cli.sqlite'}"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), str(root)])},
    )
    assert "3 new" in run.stdout, run.stderr
    assert len(set(re.findall(r"imports pipeline.cli: (\d+)", run.stderr))) == 2, run.stderr


def rows(url: str, sql: str) -> list[tuple]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def ingest(*args: str) -> click.testing.Result:  # noqa: F821
    return CliRunner().invoke(main, ["ingest", "--workers", "1", *args])


def test_ingest_loads_papers_and_prints_a_summary(raw_dir: Path, sqlite_url: str) -> None:
    result = ingest(str(raw_dir), "--db", sqlite_url)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "ingested 3 documents: 3 new, 0 unchanged, 0 updated, 0 failed"
    assert rows(sqlite_url, "select reference from papers order by reference") == [
        ("037/2025",),
        ("113/21",),
        ("ANT/25/61798",),
    ]
    assert rows(sqlite_url, "select count(*), min(status), max(status) from sources") == [
        (3, "ok", "ok")
    ]
    assert rows(sqlite_url, "select new, failed from runs") == [(3, 0)]


def test_rerun_on_unchanged_files_does_no_work(raw_dir: Path, sqlite_url: str) -> None:
    ingest(str(raw_dir), "--db", sqlite_url)
    before = rows(sqlite_url, "select id, ingested_at from sources order by id")
    result = ingest(str(raw_dir), "--db", sqlite_url)
    assert result.output.strip() == "ingested 3 documents: 0 new, 3 unchanged, 0 updated, 0 failed"
    assert rows(sqlite_url, "select id, ingested_at from sources order by id") == before
    assert rows(sqlite_url, "select count(*) from papers") == [(3,)]


def test_changed_file_replaces_its_record(raw_dir: Path, sqlite_url: str) -> None:
    ingest(str(raw_dir), "--db", sqlite_url)
    paper = raw_dir / "kreis-unna-drucksache-113-21.txt"
    paper.write_text(
        paper.read_text(encoding="utf-8").replace("113/21", "114/21"), encoding="utf-8"
    )
    result = ingest(str(raw_dir), "--db", sqlite_url)
    assert "1 updated" in result.output and "2 unchanged" in result.output
    assert rows(sqlite_url, "select count(*) from papers") == [(3,)]
    assert ("114/21",) in rows(sqlite_url, "select reference from papers")
    assert ("113/21",) not in rows(sqlite_url, "select reference from papers")
    # the old version's parts went with it: still exactly the 2 consultations of the new one
    assert rows(
        sqlite_url,
        "select count(*) from consultations c join papers p on p.id = c.paper_id"
        " where p.reference = '114/21'",
    ) == [(2,)]
    assert rows(sqlite_url, "select count(*) from consultations") == rows(
        sqlite_url, "select count(*) from consultations c join papers p on p.id = c.paper_id"
    )


def test_renamed_file_is_the_same_document(raw_dir: Path, sqlite_url: str) -> None:
    ingest(str(raw_dir), "--db", sqlite_url)
    (raw_dir / "augsburg_ANT_25_61798.txt").rename(raw_dir / "antrag.txt")
    result = ingest(str(raw_dir), "--db", sqlite_url)
    assert "3 unchanged" in result.output
    assert ("antrag.txt",) in rows(sqlite_url, "select name from sources")
    assert rows(sqlite_url, "select count(*) from sources") == [(3,)]


def test_force_redoes_everything(raw_dir: Path, sqlite_url: str) -> None:
    ingest(str(raw_dir), "--db", sqlite_url)
    result = ingest(str(raw_dir), "--db", sqlite_url, "--force")
    assert "3 updated" in result.output
    assert rows(sqlite_url, "select count(*) from papers") == [(3,)]


def test_bad_inputs_fail_alone_with_reasons_and_exit_code_2(raw_dir: Path, sqlite_url: str) -> None:
    expected = write_bad_inputs(raw_dir / "bad")
    result = ingest(str(raw_dir), "--db", sqlite_url)
    assert result.exit_code == 2
    assert f"3 new, 0 unchanged, 0 updated, {len(expected)} failed" in result.output
    stored = dict(rows(sqlite_url, "select name, error from sources where status = 'failed'"))
    assert set(stored) == set(expected)
    for name, reason in expected.items():
        assert reason in stored[name]
        assert "\n" not in stored[name]
    assert rows(sqlite_url, "select count(*) from papers") == [(3,)]

    status = CliRunner().invoke(main, ["status", "--db", sqlite_url])
    assert status.exit_code == 0
    assert (
        status.output.splitlines()[0]
        == f"{3 + len(expected)} documents: 3 ok, 0 partial, {len(expected)} failed"
    )
    assert "failed: encrypted.pdf: encrypted PDF: a password is needed to open it" in status.output


def test_export_writes_the_corpus_record_format(
    raw_dir: Path, sqlite_url: str, tmp_path: Path
) -> None:
    ingest(str(raw_dir), "--db", sqlite_url)
    out = tmp_path / "records.jsonl"
    result = CliRunner().invoke(
        main, ["export", "--db", sqlite_url, "--format", "jsonl", "-o", str(out)]
    )
    assert result.exit_code == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in records] == [
        "augsburg_ANT_25_61798.txt",
        "kreis-unna-drucksache-113-21.txt",
        "kreis-warendorf-vorlage-037-2025.txt",
    ]
    keys = [
        "source",
        "paper_type",
        "body",
        "reference",
        "date",
        "name",
        "department",
        "originator",
        "reporters",
        "consultations",
        "resolution",
        "finance",
        "products",
        "text",
    ]
    assert all(list(r) == keys for r in records)
    unna = records[1]
    assert unna["consultations"][0] == {
        "organization": "Kreisausschuss",
        "date": "2021-06-21",
        "role": "Empfehlungsbeschluss",
        "public": True,
    }
    assert unna["finance"]["amounts"] == [
        {
            "value": 300000.0,
            "currency": "EUR",
            "label": "entstehende Aufwand",
            "year": None,
            "kind": "cost",
        }
    ]


def test_database_from_the_environment(raw_dir: Path, sqlite_url: str, monkeypatch) -> None:
    monkeypatch.setenv("RATSINFO_DB", sqlite_url)
    assert ingest(str(raw_dir)).exit_code == 0
    assert rows(sqlite_url, "select count(*) from papers") == [(3,)]


def test_bad_database_url_is_one_line_and_exit_code_1(raw_dir: Path) -> None:
    result = ingest(str(raw_dir), "--db", "nosuchdb://x")
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot use database URL 'nosuchdb://x'")


def test_missing_input_path_is_exit_code_1(tmp_path: Path, sqlite_url: str) -> None:
    result = ingest(str(tmp_path / "nope"), "--db", sqlite_url)
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def test_export_without_a_database_says_what_to_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", f"sqlite:///{tmp_path / 'none.sqlite'}"])
    assert result.exit_code == 1
    assert "run `ratsinfo ingest` first" in result.output


def test_two_workers_give_the_same_records_as_one(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(DEV_DOCS, folder)
    urls = {n: f"sqlite:///{tmp_path / f'w{n}.sqlite'}" for n in (1, 2)}
    for n, url in urls.items():
        assert (
            CliRunner()
            .invoke(main, ["ingest", str(folder), "--db", url, "--workers", str(n)])
            .exit_code
            == 0
        )
    exports = [CliRunner().invoke(main, ["export", "--db", urls[n]]).output for n in (1, 2)]
    assert exports[0] == exports[1]
    assert len(exports[0].splitlines()) == 27


def test_a_document_the_database_refuses_fails_alone(
    raw_dir: Path, sqlite_url: str, monkeypatch
) -> None:
    """A record the database cannot take (here a consultation without its committee, which
    the schema forbids) fails that document with the reason; the batch is stored."""
    from pipeline.run import document

    real = document.process

    def spoiled(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        outcome = real(source, *args, **kwargs)
        if source.name.startswith("kreis-unna"):
            outcome.record.consultations[0].organization = None
        return outcome

    monkeypatch.setattr(document, "process", spoiled)
    result = ingest(str(raw_dir), "--db", sqlite_url, "--timeout", "0", "--max-memory", "0")
    assert result.exit_code == 2
    assert "2 new, 0 unchanged, 0 updated, 1 failed" in result.output
    assert rows(
        sqlite_url,
        "select status, error like 'cannot store this document: %' from sources"
        " where name like 'kreis-unna%'",
    ) == [("failed", 1)]
    assert rows(sqlite_url, "select count(*) from papers") == [(2,)]


def test_ingest_leaves_the_whole_database_in_its_file(raw_dir: Path, sqlite_url: str) -> None:
    """The write-ahead log is moved into the database file at the end of a load, so the
    file alone holds the data and later readers need not read through the log."""
    assert ingest(str(raw_dir), "--db", sqlite_url).exit_code == 0
    wal = Path(sa.make_url(sqlite_url).database + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert rows(sqlite_url, "select count(*) from papers") == [(3,)]


def test_a_changed_file_is_found_by_its_time_and_a_touched_one_stays_unchanged(
    raw_dir: Path, sqlite_url: str
) -> None:
    import os

    assert ingest(str(raw_dir), "--db", sqlite_url).exit_code == 0
    paper = next(p for p in sorted(raw_dir.rglob("*.txt")))
    os.utime(paper, ns=(paper.stat().st_atime_ns, paper.stat().st_mtime_ns + 10**9))
    touched = ingest(str(raw_dir), "--db", sqlite_url)
    assert "0 new, 3 unchanged, 0 updated" in touched.output  # hashed again: same content
    paper.write_text(paper.read_text(encoding="utf-8") + "\nNachtrag.", encoding="utf-8")
    changed = ingest(str(raw_dir), "--db", sqlite_url)
    assert "0 new, 2 unchanged, 1 updated" in changed.output
    assert rows(sqlite_url, "select count(*) from sources where mtime_ns is not null") == [(3,)]


def test_the_command_line_module_loads_no_database_library() -> None:
    # Every worker process runs the main module (the `ratsinfo` script, which imports this
    # one) again as it starts: SQLAlchemy there cost each worker a quarter of a second.
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, pipeline.cli; print(sorted(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'pipeline.cli'" in loaded
    for heavy in ("sqlalchemy", "alembic", "pipeline.db.store", "pipeline.run.runner", "spacy"):
        assert f"'{heavy}'" not in loaded
