"""Reading PDF pages by their geometry (pipeline/read/geometry.py): drawn check boxes and
running heads and feet, each on a PDF (sources in tests/fixtures/SOURCES.tsv).

Real: a building application form from Gemeinde Ahnsen's Sitzungspaket (drawn boxes, the
filler's "✘" drawn last), Ahnsen's Niederschriften and the Albstadt Fraktion's speech
(running heads). Made up, as no public council PDF with a drawn finance box form was found
(scripts/make_geometry_fixtures.py): a Beschlussvorlage with drawn finance boxes, and one
whose reference stands only in its running foot.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extractors import finance
from pipeline.model import Record, SourceFile, Status
from pipeline.read import geometry
from pipeline.read.discover import sha256_of
from pipeline.read.reader import ReadResult, read_pdf
from pipeline.run.document import process
from tests.conftest import FIXTURES

GEOMETRY = FIXTURES / "geometry"
COUNCIL_DOCS = FIXTURES / "councils" / "docs"
FINANCE_FORM = GEOMETRY / "musterhausen_bv-2023-0042_finanzkreuze.pdf"
RUNNING_FOOT = GEOMETRY / "musterhausen_bv-2023-0043_fusszeile.pdf"
BUILDING_FORM = GEOMETRY / "ahnsen_antrag-abweichung-bauturbo_formular.pdf"


def _read(path: Path) -> ReadResult:
    return read_pdf(path.read_bytes())


def _record(path: Path) -> Record:
    source = SourceFile(path=path, sha256=sha256_of(path), size=path.stat().st_size)
    outcome = process(source, use_ocr=False)
    assert outcome.status is Status.OK, outcome.errors
    assert outcome.record is not None
    return outcome.record


def _lines(result: ReadResult) -> list[str]:
    """Every line of the pages, cells joined by one space."""
    return [" ".join(line.split()) for page in result.pages for line in page.text.splitlines()]


# --- check boxes --------------------------------------------------------------------------


def test_drawn_finance_boxes_give_the_finance_flags() -> None:
    # The text layer alone reads "Finanzielle Auswirkungen: ja nein" (no answer) and puts
    # the filler's "✔" at the end of the Beschlussvorschlag.
    record = _record(FINANCE_FORM)
    assert record.finance.impact is True  # crossed by two drawn lines
    assert record.finance.in_budget is False  # an "✔" glyph drawn into the "nein" box
    assert [item.text for item in record.resolution] == [
        "Der Rat der Stadt beschließt, die Straßenbeleuchtung in der Lindenallee auf"
        " LED-Leuchten umzurüsten. Die Kosten betragen 85.000 EUR."
    ]


def test_finance_form_boxes_stand_where_they_are_drawn() -> None:
    lines = _lines(_read(FINANCE_FORM))
    assert "Finanzielle Auswirkungen: [X] ja [ ] nein" in lines
    assert "Im Haushalt veranschlagt: [ ] ja [X] nein" in lines
    assert not any("✔" in line for line in lines)


def test_real_form_tick_drawn_last_goes_to_its_box() -> None:
    # Ahnsen's building application: 17 drawn boxes on page 2; the filler's "✘" came at
    # the end of the page's text, after the filled-in values.
    result = _read(BUILDING_FORM)
    lines = _lines(result)
    assert "[X] Nr. 3 Entwurfsverfasser(in), eingetragen in Liste der Ingenieurkammer Nr." in lines
    assert (
        "[ ] Nr. 1 Architektin / Architekt, eingetragen in Liste der Architektenkammer Nr." in lines
    )
    assert sum(line.startswith("[ ]") for line in lines) == 16
    assert not any("✘" in line for line in lines)
    assert (result.geometry_pages, result.boxed_pages) == (1, 1)


def test_pages_without_a_sign_of_boxes_are_not_looked_at() -> None:
    # The Niederschrift has no box glyph and no finance label: no page pays for geometry.
    result = _read(COUNCIL_DOCS / "ahnsen_niederschrift-gr-17-20260326_bauturbo.pdf")
    assert result.geometry_pages == 0
    # Nor is a page that speaks of "finanzielle Auswirkungen" without the answers of a form.
    result = _read(RUNNING_FOOT)
    assert result.geometry_pages == 0


@pytest.mark.parametrize(
    ("font", "char", "shown"),
    [
        ("ABCDEF+Wingdings-Regular", "\uf0a8", "☐"),  # Word's empty box
        ("Wingdings", "\uf06f", "☐"),
        ("Wingdings", "\uf071", "☐"),
        ("Wingdings", "\uf072", "☐"),
        ("Wingdings", "\uf078", "☒"),
        ("Wingdings", "\uf0fd", "☒"),
        ("Wingdings", "\uf0fe", "☒"),  # Word's ticked box
        ("Wingdings", "\uf0fb", "✗"),
        ("Wingdings", "\uf0fc", "✓"),
        ("Wingdings 2", "\uf0a3", "☐"),
        ("Wingdings#202", "\uf052", "☒"),
        ("Wingdings2", "\uf053", "☒"),
        ("Wingdings2", "\uf054", "☒"),
        ("Wingdings2", "\uf04f", "✗"),
        ("Wingdings2", "\uf050", "✓"),
        ("Wingdings", "\uf0b7", None),  # a bullet
        ("Symbol", "\uf0fe", None),  # another font's glyph at the same code
        ("Wingdings", "o", None),  # a letter is a letter
    ],
)
def test_dingbat_glyphs_are_read_as_the_box_they_show(
    font: str, char: str, shown: str | None
) -> None:
    assert geometry.dingbat(font, char) == shown


# --- running heads and feet ---------------------------------------------------------------


def test_running_foot_leaves_the_resolution_but_its_reference_is_found() -> None:
    # The Beschlussvorschlag runs over the page break, where head and foot stood in it.
    record = _record(RUNNING_FOOT)
    assert record.reference == "2023/0043"  # printed only in the running foot
    texts = [item.text for item in record.resolution]
    assert len(texts) == 50
    assert not any(re.search(r"Ratsinformationssystem|Seite \d|2023/0043", t) for t in texts)
    # Item 34, the first on page 2, is an item of its own (the preamble is texts[0]).
    assert texts[34] == "Die Gebühr für eine Grabstätte der Gruppe 33 beträgt 1530,00 EUR je Jahr."


def test_running_lines_are_kept_as_evidence() -> None:
    result = _read(RUNNING_FOOT)
    assert (2, "Beschlussvorlage 2023/0043\tSeite 2 von 3") in result.running_lines
    assert (3, "Stadt Musterhausen - Ratsinformationssystem") in result.running_lines
    # The first page keeps its own at its top, where the header readers look.
    assert result.pages[0].text.splitlines()[:2] == [
        "Stadt Musterhausen - Ratsinformationssystem",
        "Beschlussvorlage 2023/0043\tSeite 1 von 3",
    ]
    assert "Ratsinformationssystem" not in result.pages[1].text


def test_real_running_head_of_a_niederschrift_goes() -> None:
    result = _read(COUNCIL_DOCS / "ahnsen_niederschrift-gr-18-20260505_haushalt2026.pdf")
    head = "Öffentliche Niederschrift der 18. Sitzung des Gemeinderates Ahnsen"
    assert not any(head in page.text for page in result.pages)
    assert [n for n, line in result.running_lines if line.startswith(head)] == [2, 3, 4]
    # "Beratungsergebnis:" tops pages 2 and 4 at the same height: two pages of four are
    # not more than half, so it is body text and stays.
    assert result.pages[1].text.startswith("Beratungsergebnis:")


def test_real_letterhead_on_every_page_stays_once() -> None:
    result = _read(COUNCIL_DOCS / "albstadt_haushaltsrede-2024_spd-fraktion.pdf")
    text = "\n".join(page.text for page in result.pages)
    assert text.count("Sozialdemokratische Partei Deutschlands") == 1
    assert not re.search(r"^-\d-$", text, re.M)  # the page numbers "-1-" ... "-8-"
    # six lines on pages 2-9 (the address's two lines are one row of cells), four on page 1
    assert len(result.running_lines) == 8 * 6 + 4


def test_a_single_page_has_no_running_lines() -> None:
    assert _read(FINANCE_FORM).running_lines == []


@pytest.mark.parametrize(
    ("line", "impact"),
    [
        ("Finanzielle Auswirkungen: ☑ ja ☐ nein", True),  # Word's ticked box (Wingdings)
        ("Finanzielle Auswirkungen: ☐ ja ✘ nein", False),  # the filler's "✘" beside a box
        ("Finanzielle Auswirkungen: ✗ ja ☐ nein", True),
    ],
)
def test_finance_reads_the_glyphs_geometry_gives(line: str, impact: bool) -> None:
    assert finance.checkbox(finance._IMPACT, line, "finanzielle auswirkungen") is impact


def test_a_font_scaled_by_the_text_matrix_keeps_its_words_in_one_cell() -> None:
    # Albstadt's speech sets its fonts at size 1 and scales them by the text matrix, so
    # pdfium reports 1 pt: the word spaces were taken for cell gaps, a TAB between words.
    result = _read(COUNCIL_DOCS / "albstadt_haushaltsrede-2024_spd-fraktion.pdf")
    lines = result.pages[0].text.splitlines()
    assert "zum Haushaltsplan 2024" in lines
    assert "Marianne Roth\tTelefon: 07432 51822" in lines  # a real cell gap stays
