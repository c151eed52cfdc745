"""paper_type: the kind of paper, recognised from the paper's own wording in its header."""

from __future__ import annotations

import re
from typing import Any

from extractors import vocab
from pipeline.model import PaperType, Parsed, Record

# How far into the document the self-description is looked for.
_HEAD_CHARS = 1500


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    return {"paper_type": classify(doc.text)}


def classify(text: str) -> PaperType:
    head = text[:_HEAD_CHARS]
    best: tuple[int, PaperType] | None = None
    for type_name, phrase in vocab.rows("paper_types"):
        m = re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", head, re.IGNORECASE)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), PaperType(type_name))
    return best[1] if best else PaperType.SONSTIGES
