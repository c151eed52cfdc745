"""The paper page finds each extracted value again in the paper's text (pipeline.serve.marks)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.serve import marks
from tests.conftest import DEV_DOCS

UNNA = (DEV_DOCS / "kreis-unna-drucksache-113-21.txt").read_text(encoding="utf-8")


def test_a_reference_is_found_whole_not_inside_a_longer_number() -> None:
    assert marks.find("Nr. 2113/21 und 113/21", "113/21") == (16, 22)


def test_a_name_wrapped_over_two_lines_is_found() -> None:
    text = "Betreff: Interkommunale\nZusammenarbeit Smart Region"
    start, end = marks.find(text, "Interkommunale Zusammenarbeit") or (0, 0)
    assert text[start:end] == "Interkommunale\nZusammenarbeit"


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        ("25.05.2021", dt.date(2021, 5, 25)),
        ("5.3.2024", dt.date(2024, 3, 5)),
        ("25. Mai 2021", dt.date(2021, 5, 25)),
    ],
)
def test_a_date_is_found_as_papers_print_it(printed: str, date: dt.date) -> None:
    assert marks.find_any(f"Datum: {printed}", marks.date_forms(date)) == (7, 7 + len(printed))


@pytest.mark.parametrize(
    ("printed", "value"),
    [("20.000,00 €", 20000.0), ("Kosten von 1.250.000 Euro", 1250000.0), ("300 T€", 300000.0)],
)
def test_an_amount_is_found_in_german_digits(printed: str, value: float) -> None:
    assert marks.find_any(printed, marks.amount_forms(value)) is not None


def test_a_value_inside_an_earlier_mark_is_marked_where_it_stands_alone() -> None:
    text = "Smart Region Kreis Unna\nKreis Unna"
    found = marks.spans(text, [("name", ["Smart Region Kreis Unna"]), ("body", ["Kreis Unna"])])
    assert [(s.field, text[s.start : s.end], s.start) for s in found] == [
        ("name", "Smart Region Kreis Unna", 0),
        ("body", "Kreis Unna", 24),
    ]


def test_the_marked_text_is_escaped_html() -> None:
    html = marks.marked("<b>113/21</b>", marks.spans("<b>113/21</b>", [("reference", ["113/21"])]))
    assert html == (
        '&lt;b&gt;<mark data-field="reference" id="mark-reference" title="reference">113/21'
        "</mark>&lt;/b&gt;"
    )


def test_the_unna_paper_has_its_reference_and_date_marked() -> None:
    found = marks.spans(
        UNNA, [("reference", ["113/21"]), ("date", marks.date_forms(dt.date(2021, 5, 25)))]
    )
    assert [UNNA[s.start : s.end] for s in found] == ["25.05.2021", "113/21"]
