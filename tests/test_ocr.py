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


# --- a scanned form read by its words' places ------------------------------------------------


@pytest.fixture(scope="module")
def scanned_form(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The first page of Kreis Warendorf's Vorlage 037/2025 as a scan: rendered at 200 dpi,
    turned by half a degree, saved as a JPEG in an image-only PDF."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image

    pdf = pdfium.PdfDocument(FIXTURES / "kreis-warendorf-vorlage-037-2025.pdf")
    try:
        image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()
    image = image.rotate(0.5, resample=Image.Resampling.BICUBIC, fillcolor=255)
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=60)
    out = tmp_path_factory.mktemp("scan") / "warendorf-scan.pdf"
    Image.open(io.BytesIO(jpeg.getvalue())).save(out, resolution=200)
    return out.read_bytes()


def test_a_scanned_forms_label_and_value_are_cells_of_one_line(scanned_form: bytes) -> None:
    # Tesseract's text joins the cells of a row with one space ("Federführendes Amt Nr.");
    # its word boxes show the gap, as a text layer's character boxes do.
    lines = read_pdf(scanned_form).pages[0].text.splitlines()
    assert "Federführendes Amt\tNr." in lines
    assert "Amt für Planung und Naturschutz\t037/2025" in lines


def test_a_scanned_tables_wrapped_cells_are_folded_into_their_row(scanned_form: bytes) -> None:
    text = read_pdf(scanned_form).pages[0].text
    assert (
        "Kreisausschuss Berichterstattung: Dezernent für Bauen, Planung und Umwelt Michael "
        "Ottmann\t21.03.2025"
    ) in text


def test_a_scanned_paper_gets_its_forms_fields(scanned_form: bytes, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.model import Status
    from pipeline.read.discover import discover
    from pipeline.run.document import process

    path = tmp_path / "warendorf-scan.pdf"
    path.write_bytes(scanned_form)
    outcome = process(next(iter(discover([path]))))
    assert outcome.status is Status.OK, outcome.errors
    record = outcome.record
    assert record is not None
    assert (record.reference, record.department) == ("037/2025", "Amt für Planung und Naturschutz")
    # "⊠ ja" / "⊠ ja ☐ nein": the boxes OCR reads as nothing, read from the image.
    assert (record.finance.impact, record.finance.in_budget) == (True, True)
    assert [
        (c.organization, c.date.isoformat() if c.date else None) for c in record.consultations
    ] == [
        ("Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung", "2025-03-07"),
        ("Kreisausschuss", "2025-03-21"),
        ("Kreistag", "2025-03-28"),
    ]


def test_tesseracts_report_is_read_as_lines_of_words() -> None:
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "1\t1\t0\t0\t0\t0\t0\t0\t2482\t3509\t-1\t\n"
        "4\t1\t2\t1\t1\t0\t238\t418\t1059\t33\t-1\t\n"
        "5\t1\t2\t1\t1\t1\t238\t418\t308\t33\t92.1\tFederführendes\n"
        "5\t1\t2\t1\t1\t2\t560\t420\t80\t30\t96.2\tAmt\n"
        "5\t1\t2\t1\t1\t3\t1245\t420\t52\t30\t96.6\tNr.\n"
        "5\t1\t2\t1\t2\t1\t236\t474\t79\t30\t96.6\tAmt\n"
        "5\t1\t2\t1\t2\t2\t330\t474\t20\t30\t10.0\t \n"
    )
    rows = ocr.words(tsv)
    assert [[w.text for w in row] for row in rows] == [["Federführendes", "Amt", "Nr."], ["Amt"]]
    assert (rows[0][2].left, rows[0][2].right, rows[0][2].bottom) == (1245.0, 1297.0, 450.0)
