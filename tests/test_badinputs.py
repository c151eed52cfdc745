"""The bad-input corpus through `ratsinfo ingest`: every file ends failed with its one-line
reason, or ok where it is readable; nothing crashes or hangs, and the batch goes on.
And the per-document limits: a document over its time or memory is stopped alone."""

from __future__ import annotations

import json
import os
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model import SourceFile, Status
from pipeline.read.discover import discover
from pipeline.run import limits
from pipeline.run.document import process
from tests.badinputs import CORPUS, BadInput, text_bomb, write_corpus
from tests.conftest import DEV_DOCS

GOOD = ["kreis-unna-drucksache-113-21.txt", "augsburg_ANT_25_61798.txt"]


def stored(url: str) -> dict[str, tuple[str, str | None, str | None]]:
    """file name -> (status, error, encoding) of every stored document."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("select name, status, error, encoding from sources"))
        result = {name: (status, error, encoding) for name, status, error, encoding in rows}
    engine.dispose()
    return result


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str, int]:
    """The whole corpus and two real papers, ingested once with two workers under the
    default limits: (database URL, output, exit code)."""
    folder = tmp_path_factory.mktemp("bad")
    write_corpus(folder)
    for name in GOOD:
        (folder / name).write_bytes((DEV_DOCS / name).read_bytes())
    url = f"sqlite:///{folder / 'bad.sqlite'}"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", url, "--workers", "2"])
    assert time.monotonic() - started < 120, "the corpus took too long: is a limit missing?"
    return url, result.output, result.exit_code


def test_corpus_covers_every_kind_of_the_issue() -> None:
    kinds = Counter(bad.kind for bad in CORPUS)
    assert len(kinds) == 11 and min(kinds.values()) >= 1
    assert len({bad.name for bad in CORPUS}) == len(CORPUS)


def test_corpus_batch_goes_on_and_ends_with_exit_code_2(corpus_run: tuple[str, str, int]) -> None:
    url, output, exit_code = corpus_run
    assert exit_code == 2
    failed = sum(bad.status == "failed" for bad in CORPUS)
    assert f"{len(CORPUS) + len(GOOD)} documents: {len(CORPUS) + len(GOOD) - failed} new" in output
    assert f"{failed} failed" in output
    documents = stored(url)
    assert all(documents[name][0] == "ok" for name in GOOD)


@pytest.mark.parametrize("bad", CORPUS, ids=lambda bad: bad.name)
def test_bad_input_yields_its_status_and_one_line_reason(
    bad: BadInput, corpus_run: tuple[str, str, int]
) -> None:
    status, error, _ = stored(corpus_run[0])[bad.name]
    if bad.status == "failed":
        assert status == "failed"
    else:
        assert status in ("ok", "partial")
    first = (error or "").split("\n")[0]
    assert bad.reason in first
    assert bad.status == "ok" or "\n" not in error  # a failure has one reason, on one line


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf-16-le-bom.txt", "utf-16"),
        ("utf-16-be-bom.txt", "utf-16"),
        ("utf-16-no-bom.txt", "utf-16"),
        ("utf-32.txt", "utf-32"),
        ("cp1252.txt", "cp1252"),
        ("latin-1.txt", "latin-1"),
        ("mixed-utf-8-cp1252.txt", "mixed (cp1252, utf-8)"),
    ],
)
def test_text_in_any_encoding_reads_as_the_paper(
    name: str, encoding: str, corpus_run: tuple[str, str, int]
) -> None:
    url = corpus_run[0]
    assert stored(url)[name][2] == encoding
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        # What this file read (its paper, Kreis Unna's, is one with the other encodings').
        reading = conn.execute(
            sa.text(
                "select f.reading from paper_files f join sources s on s.id = f.source_id"
                " where s.name = :name"
            ),
            {"name": name},
        ).scalar_one()
        papers = conn.execute(
            sa.text("select count(*) from papers where reference = '113/21'")
        ).scalar_one()
    engine.dispose()
    record = json.loads(reading)["record"]
    reference, text = record["reference"], record["text"]
    assert papers == 1
    # Kreis Unna, Drucksache 113/21, with its umlauts intact.
    assert reference == "113/21"
    assert "schriftlichen Absichtserklärung" in text and "Städte" in text


def ingest(folder: Path, tmp_path: Path, *options: str) -> tuple[dict, str, int]:
    url = f"sqlite:///{tmp_path / 'limits.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", url, *options])
    return stored(url), result.output, result.exit_code


@pytest.fixture
def bomb_folder(tmp_path: Path) -> Path:
    """A 21 KB PDF whose page inflates to 6.5 million characters (about 12 s and 1.6 GB to
    read), named to come first, and two real papers after it."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a-bomb.pdf").write_bytes(text_bomb(10))
    for name in GOOD:
        (folder / name).write_bytes((DEV_DOCS / name).read_bytes())
    return folder


@pytest.mark.slow
def test_a_document_over_its_time_is_stopped_and_the_batch_goes_on(
    bomb_folder: Path, tmp_path: Path
) -> None:
    started = time.monotonic()
    documents, _, code = ingest(bomb_folder, tmp_path, "--workers", "1", "--timeout", "2")
    assert time.monotonic() - started < 10
    assert code == 2
    assert documents["a-bomb.pdf"][:2] == ("failed", "over the time limit of 2 s")
    # The one worker was replaced and read the papers after the bomb.
    assert [documents[name][0] for name in GOOD] == ["ok", "ok"]


@pytest.mark.slow
def test_a_document_over_its_memory_is_stopped_and_the_batch_goes_on(
    bomb_folder: Path, tmp_path: Path
) -> None:
    documents, _, code = ingest(
        bomb_folder, tmp_path, "--workers", "1", "--max-memory", "1024", "--timeout", "60"
    )
    assert code == 2
    status, error, _ = documents["a-bomb.pdf"]
    assert status == "failed"
    # Python's MemoryError, or pdfium aborting when it cannot allocate.
    assert "out of memory" in error or "over the memory limit of 1024 MB" in error
    assert [documents[name][0] for name in GOOD] == ["ok", "ok"]


def test_max_pages_is_configurable(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    write_corpus_subset(folder, "three-thousand-pages.pdf")
    documents, _, code = ingest(folder, tmp_path, "--max-pages", "100")
    assert code == 2
    assert documents["three-thousand-pages.pdf"][1] == (
        "PDF has 3000 pages, over the limit of 100 (--max-pages)"
    )


def test_max_memory_below_what_the_pipeline_needs_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--max-memory", "100"])
    assert result.exit_code == 2
    assert "--max-memory" in result.output and "at least 1024 MB" in result.output


def write_corpus_subset(folder: Path, *names: str) -> None:
    folder.mkdir()
    for bad in CORPUS:
        if bad.name in names:
            (folder / bad.name).write_bytes(bad.make())


def crash_on_segv_in_name(source: SourceFile) -> object:
    """A task whose worker dies of SIGSEGV on a file named so, as a native crash would."""
    if "segv" in source.name:
        os.kill(os.getpid(), signal.SIGSEGV)
    return process(source)


def test_a_worker_that_dies_fails_its_document_alone(tmp_path: Path) -> None:
    for name in ["a-segv.txt", *GOOD]:
        (tmp_path / name).write_bytes((DEV_DOCS / GOOD[0]).read_bytes() + name.encode())
    sources = list(discover([tmp_path]))
    outcomes = {
        o.source.name: o
        for o in limits.run_limited(sources, crash_on_segv_in_name, 1, limits.Limits())  # type: ignore[arg-type]
    }
    assert outcomes["a-segv.txt"].status is Status.FAILED
    assert outcomes["a-segv.txt"].errors == [
        "worker process died while reading this document"
        " (SIGSEGV, perhaps over the memory limit of 4096 MB)"
    ]
    assert [outcomes[name].status for name in GOOD] == [Status.OK, Status.OK]
