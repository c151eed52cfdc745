"""The worker pool under limits: loading is not counted against a document's time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("cores", "workers", "share"), [(4, 2, 2), (2, 2, 1), (2, 4, 1), (8, 1, 8)]
)
def test_workers_share_the_cores_out_for_ocr(
    monkeypatch: pytest.MonkeyPatch, cores: int, workers: int, share: int
) -> None:
    """Each worker runs its share of Tesseract processes, so scans never run more OCR
    processes than cores (nor hold that many in memory)."""
    from pipeline import runner

    seen: dict[str, object] = {}

    def run_limited(sources, task, n, limits, warm_up):  # type: ignore[no-untyped-def]
        seen.update(task.keywords, workers=n)
        return iter([])

    monkeypatch.setattr(runner, "run_limited", run_limited)
    monkeypatch.setattr(runner, "default_workers", lambda: cores)
    source = SourceFile(Path("scan.pdf"), "0" * 64, 1)
    assert list(runner._outcomes([source], workers, True, Limits())) == []
    assert seen["ocr_processes"] == share and seen["workers"] == workers
