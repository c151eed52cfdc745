"""The extractors, in the order they run.

Each extractor is a plain function `(Parsed, Record) -> dict` returning the record fields it
fills, and under "evidence" how sure it is of each (extractors/evidence.py), which adds to
what earlier extractors said. Later extractors see what earlier ones found (the paper type
decides whether a paper has a resolution at all), so the order matters and is kept here,
in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from extractors import (
    consultations,
    finance,
    header,
    originator,
    paper_type,
    products,
    reporters,
    resolution,
)
from pipeline.model import PaperType, Parsed, Record

Extractor = Callable[[Parsed, Record], dict[str, Any]]

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("paper_type", paper_type.extract),
    ("header", header.extract),
    ("originator", originator.extract),
    ("reporters", reporters.extract),
    ("consultations", consultations.extract),
    ("resolution", resolution.extract),
    ("finance", finance.extract),
    ("products", products.extract),
)


def extract(doc: Parsed, paper_type: PaperType | None = None) -> tuple[Record, list[str]]:
    """Run every extractor; one that raises is reported and the others still run. A
    `paper_type` known from elsewhere (a RIS page's own field) is taken, not guessed, so the
    other readers read the paper as the kind it is."""
    record = Record(source=doc.source, text=doc.text)
    errors: list[str] = []
    for name, extractor in EXTRACTORS:
        if name == "paper_type" and paper_type is not None:
            record = replace(record, paper_type=paper_type)
            continue
        try:
            found = extractor(doc, record)
            if "evidence" in found:
                found["evidence"] = {**record.evidence, **found["evidence"]}
            record = replace(record, **found)
        except Exception as e:
            errors.append(f"extractor {name}: {type(e).__name__}: {e}")
    return record, errors
