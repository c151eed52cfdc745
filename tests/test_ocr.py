"""OCR of scanned pages with Tesseract, on two real pages of a scanned council attachment.

The fixture holds pages 2 and 5 of the Nordstemmen Verkehrsschau attachment: page 2 is
scanned turned by 90 degrees. Both pages have no text layer at all.
"""

from __future__ import annotations

import pytest

from pipeline.errors import OcrUnavailable
from pipeline.read import ocr
from pipeline.read.quality import assess
from pipeline.read.reader import read_pdf
from tests.conftest import FIXTURES
from tests.needs import needs_lexicon, needs_tesseract

SCAN = FIXTURES / "nordstemmen-verkehrsschau-scan-rotated.pdf"

pytestmark = [needs_tesseract, needs_lexicon]


@pytest.fixture(scope="module")
def scanned():  # type: ignore[no-untyped-def]
    return read_pdf(SCAN.read_bytes())


def test_every_page_is_ocred(scanned) -> None:  # type: ignore[no-untyped-def]
    assert [p.ocr for p in scanned.pages] == [True, True]
    assert scanned.warnings == []


def test_the_page_turned_sideways_is_read_upright(scanned) -> None:  # type: ignore[no-untyped-def]
    page = scanned.pages[0].text
    assert "Verkehrsbehördliche Sammel-Anordnung des Landkreises Hildesheim" in page
    assert "Parkverbot" in page
    assert assess(page).lexicon > 0.8


def test_german_model_keeps_umlauts_and_eszett(scanned) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(p.text for p in scanned.pages)
    assert "Straße" in text and "Rössing" in text


def test_no_ocr_gives_a_clear_reason() -> None:
    with pytest.raises(OcrUnavailable, match="OCR switched off"):
        read_pdf(SCAN.read_bytes(), use_ocr=False)


def test_missing_tesseract_gives_a_clear_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _: None)
    ocr.tesseract.cache_clear()
    try:
        with pytest.raises(OcrUnavailable, match="tesseract is not installed"):
            read_pdf(SCAN.read_bytes())
    finally:
        ocr.tesseract.cache_clear()


def _with_text_pages(scan_pages: list[int], tmp_path) -> bytes:  # type: ignore[no-untyped-def]
    """The scan's `scan_pages`, then a page with a page number only and a born-digital page."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    text_pdf = tmp_path / "text.pdf"
    pdf = canvas.Canvas(str(text_pdf))
    pdf.drawString(300, 40, "– 3 –")
    pdf.showPage()
    for line in range(30):
        pdf.drawString(72, 760 - 20 * line, "Die Stadt berichtet dem Rat über die Schulen.")
    pdf.showPage()
    pdf.save()
    merged = pdfium.PdfDocument.new()
    merged.import_pages(pdfium.PdfDocument(SCAN), scan_pages)
    merged.import_pages(pdfium.PdfDocument(text_pdf))
    out = tmp_path / "merged.pdf"
    merged.save(out)
    return out.read_bytes()


@needs_tesseract
def test_a_scanned_page_before_text_pages_is_ocred(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The pages waiting for OCR are read even when the document ends in text pages; a
    page with nothing but a page number is not sent to OCR (nothing there to read)."""
    sent: list[int] = []
    recognise = ocr.ocr_images

    def counting(images, workers=None):  # type: ignore[no-untyped-def]
        sent.append(len(images))
        return recognise(images, workers)

    monkeypatch.setattr(ocr, "ocr_images", counting)
    result = read_pdf(_with_text_pages([1], tmp_path))
    assert [p.ocr for p in result.pages] == [True, False, False]
    assert sent == [1]
    assert "Straßenverkehrsbehörden" in result.pages[0].text
    assert result.pages[1].text.strip() == "– 3 –"
    assert result.warnings == []
