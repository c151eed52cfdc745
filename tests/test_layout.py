"""layout: PDF table rows read as TAB-separated cells, wrapped cells folded into their row."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from pipeline.read import layout
from tests.conftest import DEV_DOCS, FIXTURES


def _first_page(name: str) -> str:
    pdf = pdfium.PdfDocument(FIXTURES / name)
    try:
        textpage = pdf[0].get_textpage()
        return layout.page_text(textpage)
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def warendorf() -> list[str]:
    return _first_page("kreis-warendorf-vorlage-037-2025.pdf").splitlines()


def test_wrapped_committee_cell_is_one_row_with_its_date(warendorf: list[str]) -> None:
    # In the PDF the committee cell wraps over three lines beside one date; plain text
    # extraction gives "Ausschuss für Umwelt, Klimaschutz, Mobilität 07.03.2025" and
    # "und Planung Berichterstattung: KLD Martin" on separate lines.
    assert (
        "Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung Berichterstattung: "
        "KLD Martin Terwey\t07.03.2025"
    ) in warendorf


def test_beratungsfolge_rows_match_the_text_file(warendorf: list[str]) -> None:
    text = (DEV_DOCS / "kreis-warendorf-vorlage-037-2025.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith(("Kreisausschuss", "Kreistag"))]
    assert len(rows) == 2
    for row in rows:
        assert row in warendorf


def test_form_label_wrapped_beside_check_boxes(warendorf: list[str]) -> None:
    assert "Falls ja: Im Haushaltsplan vorgesehen:\t⊠ ja\t☐ nein" in warendorf


def test_prose_lines_stay_single_cells(warendorf: list[str]) -> None:
    prose = next(line for line in warendorf if line.startswith("- 1. Die gemeinsam"))
    assert "\t" not in prose
    assert "Beschlussvorschlag:" in warendorf  # a heading under a table is not folded into it


def test_unchecked_calls_give_the_checked_bindings_boxes_and_sizes() -> None:
    # page_text calls pdfium without ctypes' argument checks, for speed; the boxes and font
    # sizes must be the ones pypdfium2's own bindings give, for every character of a page.
    pdf = pdfium.PdfDocument(FIXTURES / "kreis-warendorf-vorlage-037-2025.pdf")
    try:
        textpage = pdf[0].get_textpage()
        boxes = layout._Boxes(textpage)
        checked = pdfium_c.FS_RECTF()
        for index in range(textpage.count_chars()):
            pdfium_c.FPDFText_GetLooseCharBox(textpage.raw, index, ctypes.byref(checked))
            assert layout._LOOSE_CHAR_BOX(boxes.raw, index, boxes.ref) == 1
            got, want = boxes.rect, checked
            assert (got.left, got.right, got.bottom, got.top) == (
                want.left,
                want.right,
                want.bottom,
                want.top,
            )
            assert layout._FONT_SIZE(boxes.raw, index) == pdfium_c.FPDFText_GetFontSize(
                textpage.raw, index
            )
    finally:
        pdf.close()
