"""finance: financial impact, budget coverage and every money amount."""

from __future__ import annotations

import re
from typing import Any

from extractors import values
from pipeline.model import Amount, Finance, PaperType, Parsed, Record

_IMPACT = re.compile(r"Finanzielle Auswirkungen\s*:?\s*(?P<marks>[^\n]*)", re.I)
_IN_BUDGET = re.compile(r"(?:Haushalt(?:splan)?\s+(?:vorgesehen|veranschlagt))\s*:?\s*(?P<marks>[^\n]*)", re.I)
_CHECKED = "⊠☒✓✔xX"


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    if record.paper_type == PaperType.SONSTIGES:
        return {"finance": Finance()}
    amounts: list[Amount] = []
    for _, value in values.find_amounts(doc.text):
        if all(a.value != value for a in amounts):
            amounts.append(Amount(value=value))
    return {
        "finance": Finance(
            impact=checkbox(_IMPACT, doc.text),
            in_budget=checkbox(_IN_BUDGET, doc.text),
            amounts=amounts,
        )
    }


def checkbox(label: re.Pattern[str], text: str) -> bool | None:
    """ "⊠ ja ☐ nein" -> True; "☐ ja ⊠ nein" -> False; unreadable -> None."""
    m = label.search(text)
    if not m:
        return None
    marks = m.group("marks")
    yes = re.search(rf"[{_CHECKED}]\s*ja\b", marks, re.I)
    no = re.search(rf"[{_CHECKED}]\s*nein\b", marks, re.I)
    if yes and not no:
        return True
    if no and not yes:
        return False
    return None
