"""Garbage text-layer detection, and what the runner makes of a garbage document."""

from __future__ import annotations

import pytest

from pipeline.model import PaperType, Status
from pipeline.read.discover import discover
from pipeline.read.quality import assess
from pipeline.run.document import process
from tests.conftest import DEV_DOCS
from tests.needs import needs_lexicon

pytestmark = needs_lexicon

GARBAGE = "karlsruhe_607393_ocr_garbage_2019.txt"


def test_ocr_of_a_rotated_scan_is_garbage() -> None:
    quality = assess((DEV_DOCS / GARBAGE).read_text(encoding="utf-8"))
    assert quality.garbage
    assert quality.lexicon is not None and quality.lexicon < 0.3


@pytest.mark.parametrize(
    "path",
    [p for p in sorted(DEV_DOCS.glob("*.txt")) if p.name != GARBAGE],
    ids=lambda p: p.name,
)
def test_real_papers_are_not_garbage(path) -> None:  # type: ignore[no-untyped-def]
    """Damaged ones included: the Klinikum letter and the APL form are OCR'd but readable."""
    assert not assess(path.read_text(encoding="utf-8")).garbage


def test_a_garbage_document_is_sonstiges_with_no_invented_fields(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / GARBAGE).write_bytes((DEV_DOCS / GARBAGE).read_bytes())
    (source,) = discover([tmp_path])
    outcome = process(source)
    assert outcome.status is Status.PARTIAL
    assert any("OCR garbage" in e for e in outcome.errors)
    record = outcome.record
    assert record is not None and record.paper_type is PaperType.SONSTIGES
    data = record.to_json()
    assert data["text"]  # the text is kept for a maintainer to see
    assert all(
        data[key] in (None, [])
        for key in data
        if key not in {"source", "paper_type", "text", "finance"}
    )
    assert data["finance"] == {"impact": None, "in_budget": None, "amounts": []}
