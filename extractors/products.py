"""products: Haushalts-Produkte and their groups and areas, number as printed, with names."""

from __future__ import annotations

import re
from typing import Any

from pipeline.model import Parsed, Product, Record

_PRODUCT_LINE = re.compile(
    r"^[ \t]*(?:Produkt(?:gruppe|bereich)?|Budget|Teilbudget)(?:[ \t]+Nr\.?)?\s*:?[ \t]+"
    r"(?P<number>\d{1,3}(?:[.\-]\d{1,4}){0,4}|\d{6,8})(?:[ \t]+(?:Bez\.?[ \t]+)?(?P<name>[^\n\t]+?))?[ \t]*$",
    re.M,
)
_LABELLED_NUMBER = re.compile(
    r"^[ \t]*Produkt\s+Nr\.?\s+(?P<number>\d{1,3}(?:[.\-]\d{1,4}){0,4}|\d{6,8})\s+Bez\.?\s+(?P<name>[^\n\t]+?)[ \t]*$",
    re.M,
)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    found: list[Product] = []
    for pattern in (_LABELLED_NUMBER, _PRODUCT_LINE):
        for m in pattern.finditer(doc.text):
            number = m.group("number")
            if any(p.number == number for p in found):
                continue
            name = (m.group("name") or "").strip() or None
            found.append(Product(number=number, name=name))
    return {"products": found}
