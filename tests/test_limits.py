"""The worker pool under limits: loading is not counted against a document's time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.model import Outcome, SourceFile, Status
from pipeline.run.limits import Limits, run_limited


def slow_warm_up() -> None:
    time.sleep(1.5)  # like loading the lexicon and spaCy on a busy machine


def quick_task(source: SourceFile) -> Outcome:
    return Outcome(source=source, status=Status.OK)


def test_a_slow_start_is_not_charged_to_the_first_document(tmp_path: Path) -> None:
    sources = [SourceFile(tmp_path / f"{i}.txt", f"{i:064d}", 1) for i in range(3)]
    outcomes = list(
        run_limited(sources, quick_task, 2, Limits(seconds=1.0, memory_mb=None), slow_warm_up)
    )
    assert sorted(o.source.name for o in outcomes) == ["0.txt", "1.txt", "2.txt"]
    assert {o.status for o in outcomes} == {Status.OK}


def naming_task(source: SourceFile) -> Outcome:
    return Outcome(source=source, status=Status.OK, raw_text=source.path.name)


def test_each_outcome_comes_back_with_the_document_it_was_made_from(tmp_path: Path) -> None:
    """Workers send an outcome without its source, which the runner puts back from the
    documents it dealt: with two workers each holding several ahead, every outcome must
    still be paired with its own document."""
    sources = [SourceFile(tmp_path / f"{i}.txt", f"{i:064d}", 1) for i in range(40)]
    outcomes = list(run_limited(sources, naming_task, 2, Limits(memory_mb=None)))
    assert len(outcomes) == 40
    assert all(o.source.path.name == o.raw_text for o in outcomes)
    assert {o.source.sha256 for o in outcomes} == {s.sha256 for s in sources}


def timed_task(source: SourceFile) -> Outcome:
    """Sleeps for as many tenths of a second as the file's name says; "die" kills itself."""
    if source.path.stem == "die":
        import os
        import signal

        os.kill(os.getpid(), signal.SIGKILL)
    time.sleep(int(source.path.stem.split("-")[0]) / 10)
    return Outcome(source=source, status=Status.OK)


def test_documents_queued_behind_a_stopped_one_are_read_by_the_next_worker(
    tmp_path: Path,
) -> None:
    """A worker holds documents ahead of the one it reads; when it is stopped (over time,
    or dead), the one it read fails and those behind it are read by a fresh worker, each
    timed from its own start."""
    names = ["1-a", "30-slow", "2-b", "2-c", "die", "3-d", "2-e", "1-f"]
    sources = [SourceFile(tmp_path / f"{n}.txt", f"{i:064d}", 1) for i, n in enumerate(names)]
    started = time.monotonic()
    outcomes = {
        o.source.path.stem: o
        for o in run_limited(sources, timed_task, 1, Limits(seconds=1.0, memory_mb=None))
    }
    assert time.monotonic() - started < 8
    assert set(outcomes) == set(names)
    assert outcomes["30-slow"].errors == ["over the time limit of 1 s"]
    assert "died while reading" in outcomes["die"].errors[0]
    ok = {name for name, o in outcomes.items() if o.status is Status.OK}
    assert ok == {"1-a", "2-b", "2-c", "3-d", "2-e", "1-f"}


@pytest.mark.parametrize(
    ("cores", "workers", "share"), [(4, 2, 2), (2, 2, 1), (2, 4, 1), (8, 1, 8)]
)
def test_workers_share_the_cores_out_for_ocr(
    monkeypatch: pytest.MonkeyPatch, cores: int, workers: int, share: int
) -> None:
    """Each worker runs its share of Tesseract processes, so scans never run more OCR
    processes than cores (nor hold that many in memory)."""
    from pipeline.run import runner

    seen: dict[str, object] = {}

    def run_limited(sources, task, n, limits, warm_up):  # type: ignore[no-untyped-def]
        seen.update(task.keywords, workers=n)
        return iter([])

    monkeypatch.setattr(runner, "run_limited", run_limited)
    monkeypatch.setattr(runner, "default_workers", lambda: cores)
    source = SourceFile(Path("scan.pdf"), "0" * 64, 1)
    assert list(runner._outcomes([source], workers, True, Limits(), stem=True)) == []
    assert seen["ocr_processes"] == share and seen["workers"] == workers


class FakeWorker:
    def __init__(self) -> None:
        from collections import deque

        self.pending: deque[SourceFile] = deque()

    def give(self, source: SourceFile) -> None:
        self.pending.append(source)


@pytest.mark.parametrize(
    ("documents", "workers", "held"),
    [(5, 2, [3, 2]), (100, 2, [5, 5]), (1, 2, [1, 0]), (7, 3, [3, 2, 2])],
)
def test_documents_are_dealt_evenly_and_at_most_ahead(
    tmp_path: Path, documents: int, workers: int, held: list[int]
) -> None:
    """A few long scans are spread over the workers instead of queued behind one."""
    from collections import deque

    from pipeline.run import limits

    queue = deque(SourceFile(tmp_path / f"{i}.pdf", f"{i:064d}", 1) for i in range(documents))
    fakes = [FakeWorker() for _ in range(workers)]
    limits._deal(queue, fakes, workers)  # type: ignore[arg-type]
    assert [len(f.pending) for f in fakes] == held
    assert len(queue) == documents - sum(held)
