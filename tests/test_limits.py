"""The worker pool under limits: loading is not counted against a document's time."""

from __future__ import annotations

import time
from pathlib import Path

from pipeline.limits import Limits, run_limited
from pipeline.model import Outcome, SourceFile, Status


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
