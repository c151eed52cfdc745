"""The records as they travel: an outcome crosses from its worker process to the runner (or
from a Dask worker to the store) pickled, and must arrive exactly as it was made."""

from __future__ import annotations

import pickle
from pathlib import Path

from pipeline.model import (
    Correction,
    Disagreement,
    FieldValue,
    Outcome,
    Record,
    SourceFile,
    Status,
    Stemmed,
)
from tests.conftest import DEV_DOCS, gold

NAME = "kreis-unna-drucksache-113-21.txt"


def _outcome() -> Outcome:
    record = Record.from_json(gold(NAME))
    record.text = (DEV_DOCS / NAME).read_text(encoding="utf-8")
    return Outcome(
        source=SourceFile(DEV_DOCS / NAME, "ab" * 32, 1234, "cd" * 32, 99),
        status=Status.PARTIAL,
        record=record,
        errors=["page 2: garbage text layer"],
        pages=3,
        raw_text=record.text.replace("ü", "u"),
        corrections=[Correction(10, "fur", "für", "ocr-umlaut")],
        seconds=0.25,
        origins=[FieldValue("reference", "oparl", "113/21", True)],
        disagreements=[Disagreement("date", "2021-03-01", "2021-03-02")],
        stemmed=Stemmed("nam", "beschluss", "text"),
    )


def test_an_outcome_arrives_from_its_worker_as_it_was_made() -> None:
    sent = _outcome()
    assert sent.record is not None and sent.record.consultations and sent.record.finance.amounts
    arrived = pickle.loads(pickle.dumps(sent, pickle.HIGHEST_PROTOCOL))
    assert arrived == sent
    assert arrived.record is not None
    assert arrived.record.to_json() == sent.record.to_json()
    assert arrived.source.path == Path(DEV_DOCS / NAME)
    # A source is a key of the runner's bookkeeping: still hashable, and the same key.
    assert {arrived.source: 1}[sent.source] == 1


def test_an_outcome_pickles_as_field_values_not_as_attribute_state() -> None:
    """Each object is rebuilt from its class and field values (see model._pickled_by_fields):
    the field names are not repeated in every object of the pickle."""
    data = pickle.dumps(_outcome(), pickle.HIGHEST_PROTOCOL)
    assert b"organization" not in data and b"replacement" not in data
