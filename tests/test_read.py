"""read: PDFs through their text layer, text files with their encoding detected."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.clean.cleaner import clean
from pipeline.errors import EncryptedDocument, UnreadableDocument
from pipeline.read.discover import discover
from pipeline.read.reader import MIN_TEXT_CHARS, _has_visible, read, read_pdf, read_text
from tests.badinputs import BAD_INPUTS, small_pdf
from tests.conftest import FIXTURES

GERMAN = "Beschlussvorschlag: Der Kreistag beschließt die Förderung für Städte. 2.000,00 €\n"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("cp1252", "cp1252"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16"),  # no BOM: recognised by its NUL bytes
    ],
)
def test_text_encodings_are_detected_and_decoded(encoding: str, expected: str) -> None:
    result = read_text(GERMAN.encode(encoding))
    assert result.text == GERMAN
    assert result.encoding == expected


def test_latin1_bytes_that_cp1252_lacks_still_decode() -> None:
    # 0x81 is undefined in CP1252; Latin-1 maps every byte.
    result = read_text("Gemäß Beschluss\n".encode("latin-1") + b"\x81\n")
    assert result.text.startswith("Gemäß Beschluss")
    assert result.encoding == "latin-1"


def test_mixed_encodings_are_decoded_line_by_line_and_reported() -> None:
    data = "Straße in UTF-8\n".encode() + "Gebühren in CP1252\n".encode("cp1252")
    result = read_text(data)
    assert result.text == "Straße in UTF-8\nGebühren in CP1252\n"
    assert result.encoding == "mixed (cp1252, utf-8)"


def test_form_feeds_split_pages() -> None:
    result = read_text(b"Seite eins\fSeite zwei")
    assert [p.text for p in result.pages] == ["Seite eins", "Seite zwei"]


def test_born_digital_pdf_keeps_umlauts_euro_and_table_cells() -> None:
    source = next(discover([FIXTURES / "kreis-warendorf-vorlage-037-2025.pdf"]))
    result = read(source)
    assert result.kind == "pdf" and not result.ocr_used
    assert len(result.pages) == 3
    text = result.text
    assert "Amt für Planung und Naturschutz" in text
    assert "20.000 EUR" in text
    # Table cells are kept apart by TAB (pipeline.read.layout), as in the corpus text files.
    assert "Produkt\tNr.\t090110\tBez.\tRäumliche Planung und Entwicklung" in text
    assert "⊠ ja" in text


@pytest.mark.parametrize(("last_page", "judged_clean"), [(30, True), (1, False)])
def test_a_pdf_is_judged_clean_when_every_page_was(
    tmp_path: Path, last_page: int, judged_clean: bool
) -> None:
    """Pages are judged for OCR garbage as they are read; a page with too few words to
    judge (an Anlagen list) leaves the document to be judged as a whole."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "paper.pdf"
    pdf = canvas.Canvas(str(path))
    for lines in (30, last_page):
        for line in range(lines):
            pdf.drawString(72, 760 - 20 * line, "Die Stadt berichtet dem Rat über die Schulen.")
        pdf.showPage()
    pdf.save()
    result = read(next(discover([path])))
    assert len(result.pages) == 2
    assert result.judged_clean is judged_clean


@pytest.mark.parametrize("name", [n for n in BAD_INPUTS if n.endswith(".pdf")])
def test_bad_pdfs_raise_a_one_line_reason(name: str, tmp_path: Path) -> None:
    data, reason = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableDocument) as caught:
        read(next(discover([path])))
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_encrypted_pdf_is_reported_as_encrypted() -> None:
    with pytest.raises(EncryptedDocument, match="password"):
        read_pdf(small_pdf(encrypt="secret"))


def test_pdf_with_only_an_owner_password_is_readable() -> None:
    result = read_pdf(small_pdf(encrypt=""))
    assert "Drucksache 12/21" in result.text


@given(
    st.text(alphabet=st.sampled_from([" ", "\n", "\t", "\u00a0", "\u2009", "a", "ü", "1", "."])),
    st.sampled_from([1, MIN_TEXT_CHARS]),
)
def test_a_page_is_usable_by_its_visible_characters_wherever_they_are(
    text: str, count: int
) -> None:
    """The check looks at a page's first characters first; what it says must be what
    counting every non-space character of the page says (a page that starts with a long
    run of white space, say)."""
    visible = sum(not ch.isspace() for ch in text)
    assert _has_visible(text, count) == (visible >= count)
    padded = " " * 1000 + text
    assert _has_visible(padded, count) == (visible >= count)


def test_a_line_ending_in_a_hyphen_before_a_capital_keeps_its_break(tmp_path: Path) -> None:
    """pdfium runs a line that ends in "-" into the next; before a small letter that is a
    word's syllable break (joined), before a capital a hyphen of the word itself."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "letter.pdf"
    pdf = canvas.Canvas(str(path))
    lines = ["Gemeinde Nordstemmen", "-Bürgermeister-", "Anfrage der Fraktion im Rat", "Stadtent-"]
    lines += ["wicklung und Verkehr", "Die Stadt berichtet dem Rat."]
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 14 * i, line)
    pdf.showPage()
    pdf.save()
    text = read(next(discover([path]))).text
    assert "-Bürgermeister-\nAnfrage der Fraktion im Rat" in text
    assert "Stadtentwicklung und Verkehr" in clean(text).text
