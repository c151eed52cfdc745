"""products: Haushalts-Produkte and their groups and areas, number as printed, with names.

Three layouts: a form line ("Produkt 01.05.04 Digitalisierung ...", "Produkt Nr. 090110 Bez.
Räumliche Planung"), a label row over its value ("Produktbereich | Produktgruppe |
Schlüsselposition" / "2810-410"), and prose ("Produktgruppe 3140-500"). Numbers of other
budget objects (Kostenstelle, Sachkonto, PSP-Element, Plankonto, Teilhaushalt, Projekt) are
never taken: only a Produkt/Budget label introduces a number.
"""

from __future__ import annotations

import re
from typing import Any

from extractors import scan
from pipeline.model import Parsed, Product, Record

# "01", "01.05.04", "1.11.01.40", "2810-410", "36501" (Hannover), "090110", "51160061"
_NUMBER = r"\d{1,4}(?:[.\-]\d{1,4}){0,4}|\d{5,8}"
_LABEL = r"(?:Produkt(?:gruppe|bereich)?|Budget|Teilbudget)"
_PRODUCT_LINE = re.compile(
    rf"^[ \t]*{_LABEL}(?:[ \t]+Nr\.?)?\s*:?[ \t]+(?P<number>{_NUMBER})"
    # The name is the rest of the line; a line going on in prose is left to _IN_PROSE.
    r"(?:[ \t]+(?:Bez\.?[ \t]+)?(?P<name>[^\n\t,;()]+?))?[ \t]*$",
    re.M,
)
# A label row naming only product levels (and a Schlüsselposition), its value on the next line.
_LABEL_ROW = re.compile(
    rf"^[^\n]*?\b{_LABEL}(?:[ \t]*[|/][ \t]*(?:{_LABEL}|Schlüsselposition))+[ \t]*\n"
    # Word forms may set a symbol-font glyph (private use area) before the value.
    rf"[ \t]*(?:[\ue000-\uf8ff][ \t]*)?(?P<number>{_NUMBER})[ \t]*$",
    re.M,
)
# In prose: "(Produktbereich 31 Soziale Hilfen, Produktgruppe 3140-500, Seite 298)". A bare
# "Produkt" needs a structured number: "Produkt 1" of a bidder is no budget product.
_IN_PROSE = re.compile(
    r"\b(?:Produkt(?:gruppe|bereich)[ \t]+(?P<group>\d{2,4}(?:[.\-]\d{1,4}){0,4}|\d{6,8})"
    r"|Produkt[ \t]+(?:Nr\.[ \t]*)?(?P<product>\d{1,4}(?:[.\-]\d{1,4}){1,4}|\d{5,8}))"
    r"(?![\d.\-]?\d)(?:[ \t]+(?P<name>[A-ZÄÖÜ][\w\- ]{2,60}?)(?=[,;)]))?",
)


# Every match holds a label word: a line pattern starts at the start of a line with one,
# the prose pattern at a "Produkt".
_LABEL_WORDS = ("Produkt", "Budget", "Teilbudget")


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    found: list[Product] = []
    label_lines = scan.line_starts(doc.text, *_LABEL_WORDS)
    for pattern, starts in (
        (_PRODUCT_LINE, label_lines),
        (_LABEL_ROW, label_lines),
        (_IN_PROSE, list(scan.occurrences(doc.text, "Produkt"))),
    ):
        for m in scan.finditer_at(pattern, doc.text, starts):
            groups = m.groupdict()
            number = groups.get("number") or groups.get("group") or groups.get("product")
            if not number or any(p.number == number for p in found):
                continue
            name = (groups.get("name") or "").strip() or None
            found.append(Product(number=number, name=name))
    return {"products": found}
