"""products: budget product numbers and names on real lines, and the dev-corpus gold."""

from __future__ import annotations

import pytest

from extractors import products
from pipeline.clean.cleaner import clean
from pipeline.model import Parsed, Record
from tests.conftest import DEV_DOCS, DEV_GOLD, gold


def extract(text: str) -> list[tuple[str, str | None]]:
    doc = Parsed(source="test", text=text, pages=[text])
    return [(p.number, p.name) for p in products.extract(doc, Record(source="test"))["products"]]


@pytest.mark.parametrize("name", sorted(p.stem + ".txt" for p in DEV_GOLD.glob("*.json")))
def test_products_match_gold(name: str) -> None:
    record = gold(name)
    text = record.get("clean_text") or clean((DEV_DOCS / name).read_text(encoding="utf-8")).text
    assert extract(text) == [(p["number"], p["name"]) for p in record["products"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # kreis-unna-drucksache-113-21: the form's three product levels
        ("Budget\t01\tZentrale Verwaltung\n", [("01", "Zentrale Verwaltung")]),
        (
            "Produkt\t01.05.04\tDigitalisierung und Organisationsentwicklung\n",
            [("01.05.04", "Digitalisierung und Organisationsentwicklung")],
        ),
        # kreis-warendorf-vorlage-037-2025
        (
            "Produkt\tNr.\t090110\tBez.\tRäumliche Planung und Entwicklung\n",
            [("090110", "Räumliche Planung und Entwicklung")],
        ),
        # karlsruhe_673853: label row over its value, a symbol glyph before it
        (
            "Ergebnishaushalt: Produktbereich | Produktgruppe | Schlüsselposition \n"
            "\uf03d 2810-410 \n",
            [("2810-410", None)],
        ),
        # Karlsruhe corpus, karlsruhe-2024-0526 and karlsruhe-2024-0422: in prose
        (
            "(Produktbereich 31 Soziale Hilfen, Produktgruppe 3140-500, Seite 298) aufgenommen",
            [("31", "Soziale Hilfen"), ("3140-500", None)],
        ),
        (
            "Die Mittel stehen im THH 6600 Ergebnishaushalt 2024 auf dem Produkt 1.660.54.10 zur "
            "Verfügung.",
            [("1.660.54.10", None)],
        ),
    ],
)
def test_product_layouts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert extract(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # karlsruhe_11596 / _14171 / _601001: other budget objects are no products
        "Kontierungsobjekt: Projekt  7.661004                 Kontenart: 78720000 \n",
        "PSP-Element 7.661004.700.114 -Gemeindestraßen, Erschließung Bruchwegäcker-\n",
        "KST.Stelle/PSP-ElemenU \nSP \nPlankonto \nBetrag€ \n7.882011.700 \n",
        "Seite im HH-Plan Teilhaushalt \n 222  4100 \n",
        # Karlsruhe corpus: a bidder's "Produkt 1" in a tender table
        "4. Bieter C – Produkt 1 2.029.664 Euro 38,58 Euro 52.609 \n",
    ],
)
def test_no_product(text: str) -> None:
    assert extract(text) == []
