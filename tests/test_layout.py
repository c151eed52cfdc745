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


def _line(text: str, baseline: float, size: float = 10.0) -> layout.Line:
    return layout.row([(text, 72.0, 300.0)], baseline=baseline, size=size)


def test_a_wider_gap_than_the_pages_line_spacing_is_a_blank_line() -> None:
    # A PDF's text layer has no empty lines; the readers look for the blank line that ends
    # a block (a title under its form, a Beratungsfolge table).
    lines = [
        _line("Haushaltsrede", 800, size=16),  # a heading set large: wider lines, no gap
        _line("zum Haushaltsplan 2024", 781, size=16),
        _line("Beratungsfolge", 750),
        _line("Hauptausschuss 12.03.2024 Vorberatung", 738),
        _line("Gemeinderat 26.03.2024 Entscheidung", 726),
        _line("Antrag Fraktion Bürgerliche Mitte: Verhandlungen mit Bahn bzgl.", 700),
        _line("Bahnhofsvorplatz Ost", 688),
    ]
    assert layout.joined(lines).split("\n") == [
        "Haushaltsrede",
        "zum Haushaltsplan 2024",
        "",
        "Beratungsfolge",
        "Hauptausschuss 12.03.2024 Vorberatung",
        "Gemeinderat 26.03.2024 Entscheidung",
        "",
        "Antrag Fraktion Bürgerliche Mitte: Verhandlungen mit Bahn bzgl.",
        "Bahnhofsvorplatz Ost",
    ]
    # Lines without a known place (text that did not map to boxes) get no blank lines.
    unplaced = [_line("a", float("nan")), _line("b", float("nan")), _line("c", float("nan"))]
    assert layout.joined(unplaced) == "a\nb\nc"


def test_a_pdfs_blocks_are_set_apart_as_in_its_text_file() -> None:
    from pipeline.read.discover import discover
    from pipeline.run.document import process

    def name(file: str) -> str | None:
        record = process(next(iter(discover([FIXTURES / "pdf" / file])))).record
        assert record is not None
        return record.name

    # The title under the Beratungsfolge, a blank line's height below its last row.
    assert name("augsburg_ANT_25_61798.pdf") == (
        "Antrag Fraktion Bürgerliche Mitte: Verhandlungen mit Bahn bzgl. Bahnhofsvorplatz Ost"
    )
    # pdfium runs three lines broken at hyphens into one: its gap is measured from the last.
    assert (name("karlsruhe_679851_niederschrift_hfa_20260714_top9.pdf") or "").endswith(
        "Ermächtigung zum Abschluss des Durchführungsvertrages und des Generalvertrages"
    )


# --- lines from an OCR engine's words -----------------------------------------------------------


def _word(text: str, left: float, top: float, width: float | None = None) -> layout.Word:
    return layout.Word(text, left, top, left + (width or 12 * len(text)), top + 40)


def test_ocr_words_far_apart_are_cells_and_a_row_in_two_blocks_is_one_line() -> None:
    rows = [
        [_word("Federführendes", 238, 418), _word("Amt", 420, 418), _word("Nr.", 1245, 418)],
        # Tesseract put the number in a block of its own, after the label's block.
        [_word("Amt", 238, 474), _word("für", 290, 474), _word("Planung", 340, 474)],
        [_word("037/2025", 1244, 476)],
    ]
    lines = layout.word_lines(rows)
    assert [line.text for line in lines] == [
        "Federführendes Amt\tNr.",
        "Amt für Planung\t037/2025",
    ]


def test_ocr_words_of_a_wrapped_cell_are_folded_into_their_row() -> None:
    rows = [
        [_word("Kreisausschuss", 238, 1000), _word("21.03.2025", 1800, 1000)],
        [_word("Bauen,", 238, 1045), _word("Planung", 320, 1045)],
        [_word("Beschlussvorschlag:", 238, 1200)],
    ]
    lines = layout.word_lines(rows)
    assert [line.text for line in lines] == [
        "Kreisausschuss Bauen, Planung\t21.03.2025",
        "Beschlussvorschlag:",
    ]


def test_no_ocr_words_make_no_lines() -> None:
    assert layout.word_lines([]) == []
