"""read: bytes to pages of text.

Born-digital PDFs are read through pypdfium2's text layer (fast); pages without a usable
text layer go to OCR (pipeline.read.ocr). Text files are decoded with their encoding detected,
and the encoding is reported, never guessed silently.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import math
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from pipeline.errors import (
    DocumentError,
    DocumentTooLarge,
    EncryptedDocument,
    FileChanged,
    OcrUnavailable,
    UnreadableDocument,
)
from pipeline.model import Page, SourceFile
from pipeline.read import aligned, geometry, layout, ocr, ris_text, tables
from pipeline.read.quality import assess, judge

# A page whose text layer has fewer visible characters than this is treated as image-only.
MIN_TEXT_CHARS = 20
# Pages rendered before they are OCR'd together, in parallel.
OCR_BATCH = 8
# Limits at the source, checked before the work they guard is done. A page image larger
# than this is not decoded for OCR (100 megapixels: an A3 scan at 600 dpi is 70; a
# 20000x20000 image would take 1.2 GB to decode).
MAX_IMAGE_PIXELS = 100_000_000
# A page is rendered for OCR at ocr.DPI unless that gives more pixels than this (an A4 page
# at 600 dpi); a larger page (a plan in A0) is rendered at the resolution that fits.
MAX_RENDER_PIXELS = 35_000_000
# More characters than any printed page holds (a dense A4 page has ~6,000): what a
# decompressed content stream of millions of text operators would give.
MAX_PAGE_CHARS = 200_000
# A text file with a few NUL bytes (a transfer glitch) is read without them; more than this
# share of NULs is a binary file. The same for other control characters.
MAX_NUL_SHARE = 0.01
MAX_CONTROL_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_BOMS_WITH_NUL = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8-sig")
# Control characters that no text file holds (tab, line and page breaks are text).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(slots=True)
class ReadResult:
    pages: list[Page]
    kind: str  # "pdf", "text" or "html"
    encoding: str | None = None  # text files and web pages: the encoding used
    warnings: list[str] = field(default_factory=list)  # problems that did not stop reading
    # Every page's text layer was judged to be no OCR garbage (pipeline.read.quality), so the
    # document as a whole is none either.
    judged_clean: bool = False
    # A saved RIS page's labelled fields (pipeline.read.ris_pages.PageFields), which go into the
    # record beside what is extracted from its text (pipeline.run.page_merge).
    fields: Any = None
    # A PDF's running heads and feet (pipeline.read.geometry), (page number, line) in page
    # order. They are out of the pages' text but the first page's, where they stand at the
    # top, so that a reference or date printed only there is still found.
    running_lines: list[tuple[int, str]] = field(default_factory=list)
    # Pages whose drawing was looked at for check boxes, and of those the pages where boxes
    # were found and written into the text (pipeline.read.geometry).
    geometry_pages: int = 0
    boxed_pages: int = 0
    # Pages read again by pdfplumber for a ruled Beratungsfolge table (pipeline.read.tables).
    ruled_pages: int = 0

    @property
    def ocr_used(self) -> bool:
        return any(p.ocr for p in self.pages)

    @property
    def text(self) -> str:
        return "\n\f".join(p.text for p in self.pages)


def read(
    source: SourceFile,
    *,
    use_ocr: bool = True,
    max_pages: int | None = None,
    ocr_processes: int | None = None,
) -> ReadResult:
    """Read one document into pages. Raises DocumentError subclasses with a one-line reason;
    DocumentTooLarge for a PDF of more than `max_pages` pages. Pages are OCR'd by up to
    `ocr_processes` Tesseract processes at once (default: one per core)."""
    try:
        data = source.path.read_bytes()
    except OSError as e:
        raise UnreadableDocument(f"cannot read file: {e.strerror or e}") from e
    # What is read must be what was hashed, or the stored hash would vouch for a text it is
    # not the text of (a file rewritten while ingest ran).
    if hashlib.sha256(data).hexdigest() != source.sha256:
        raise FileChanged(
            "the file changed while it was read (it is read again by the next ingest)"
        )
    if not data.strip():
        raise UnreadableDocument("empty file")
    suffix = source.path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(data, use_ocr=use_ocr, max_pages=max_pages, ocr_processes=ocr_processes)
    if suffix in (".html", ".htm", ".xhtml"):
        from pipeline.read.ris_pages import read_page  # selectolax only where there are pages

        return read_page(data)
    return read_text(data)


def read_pdf(
    data: bytes,
    *,
    use_ocr: bool = True,
    max_pages: int | None = None,
    ocr_processes: int | None = None,
) -> ReadResult:
    if b"%PDF-" not in data[:1024]:
        raise UnreadableDocument(f"not a PDF (starts with {_describe_start(data)})")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        message = str(e)
        if "password" in message.lower():
            raise EncryptedDocument("encrypted PDF: a password is needed to open it") from e
        raise UnreadableDocument(f"damaged PDF: {message}") from e
    try:
        if max_pages is not None and len(pdf) > max_pages:
            raise DocumentTooLarge(
                f"PDF has {len(pdf)} pages, over the limit of {max_pages} (--max-pages)"
            )
        return _pdf_pages(pdf, data, use_ocr=use_ocr, ocr_processes=ocr_processes)
    finally:
        pdf.close()


def _pdf_pages(
    pdf: pdfium.PdfDocument, data: bytes, *, use_ocr: bool, ocr_processes: int | None = None
) -> ReadResult:
    pages: list[Page] = []
    warnings: list[str] = []
    if len(pdf) == 0:
        raise UnreadableDocument("PDF has no pages")
    to_ocr: dict[int, Image.Image] = {}  # page index -> rendered image
    clean_pages = 0  # pages judged to be no garbage
    laid: list[list[layout.Line] | None] = []  # each page's lines, for its running lines
    heights: list[float] = []
    geometry_pages = boxed_pages = 0
    ruled: list[int] = []  # pages with a ruled Beratungsfolge table (pipeline.read.tables)
    for index in range(len(pdf)):
        number = index + 1
        try:
            page = pdf[index]
            textpage = page.get_textpage()
            glyphs = textpage.count_chars()
            if glyphs > MAX_PAGE_CHARS:
                raise DocumentTooLarge(
                    f"page {number} holds {glyphs} characters, over the limit of {MAX_PAGE_CHARS}"
                )
            # pdfium's soft hyphen (U+FFFE) as the clean stage knows it, length kept: the
            # geometry reader looks for characters of U+22A0 and above.
            raw = layout.soft_hyphens(textpage.get_text_range())
            # Only a page whose text shows a sign of check boxes has its drawing looked at.
            edits = geometry.box_edits(page, textpage, raw)
            if edits is not None:  # the page showed a sign of boxes: its drawing was read
                geometry_pages += 1
                boxed_pages += bool(edits)
            lines = layout.page_lines(textpage, raw, edits)
            if tables.wanted(page, raw):
                ruled.append(index)
            heights.append(page.get_height())
            textpage.close()
        except pdfium.PdfiumError as e:
            raise UnreadableDocument(f"damaged PDF: page {number}: {e}") from e
        laid.append(lines)
        # PDF strings may hold NUL, which no database text column takes.
        text = _joined(lines)
        pages.append(Page(number, text))
        usable = _has_visible(text, MIN_TEXT_CHARS)
        # A text layer of garbage (an old OCR of a page scanned sideways) is read again.
        verdict = judge(text) if usable else None
        garbage = verdict is True
        if usable and not garbage:
            clean_pages += verdict is False
            page.close()
            continue
        if not usable and glyphs < MIN_TEXT_CHARS and _text_only(page):
            # A blank page, or one with a page number: no image or drawing that OCR could
            # read, and no more glyphs than its text layer shows.
            page.close()
            continue
        if not use_ocr:
            problem = "garbage text layer" if garbage else "no text layer"
            warnings.append(f"page {number}: {problem}, OCR switched off (--no-ocr)")
        elif (too_large := _oversized_image(page)) is not None:
            warnings.append(f"page {number}: {too_large}")
        else:
            # pdfium is not thread-safe: render here, recognise in parallel in batches
            # (a 300-dpi page image is ~9 MB, so a long scan is not held whole).
            to_ocr[index] = ocr.render(page, dpi=_render_dpi(page))
        page.close()
        if len(to_ocr) >= OCR_BATCH:
            warnings += _recognise(to_ocr, pages, ocr_processes)
            to_ocr = {}
    if to_ocr:
        warnings += _recognise(to_ocr, pages, ocr_processes)
    if ruled:
        warnings += _read_ruled_tables(data, ruled, pages, laid)
    if not any(_has_visible(p.text) for p in pages):
        reason = warnings[0].split(": ", 1)[1] if warnings else "no text found on any page"
        raise _no_text_error(reason)
    running = _without_running_lines(pages, laid, heights)
    return ReadResult(
        pages=pages,
        kind="pdf",
        warnings=warnings,
        judged_clean=clean_pages == len(pages),
        running_lines=running,
        geometry_pages=geometry_pages,
        boxed_pages=boxed_pages,
        ruled_pages=len(ruled),
    )


def _read_ruled_tables(
    data: bytes, indexes: list[int], pages: list[Page], laid: list[list[layout.Line] | None]
) -> list[str]:
    """Put each ruled Beratungsfolge table's rows, read by its borders, in place of the lines
    the text layer made of it (in `pages` and `laid`); warnings where it could not be read."""
    indexes = [i for i in indexes if not pages[i].ocr and laid[i] is not None]
    try:
        found = tables.read(data, indexes)
    except Exception as e:  # pdfminer's own errors for a page pdfium reads: keep the text
        return [f"ruled table not read by its borders: {type(e).__name__}: {e}"]
    for index, page_tables in found.items():
        lines = laid[index]
        if lines is None or not page_tables:
            continue
        laid[index] = lines = tables.replace(lines, page_tables)
        pages[index] = Page(index + 1, _joined(lines))
    return []


def _joined(lines: list[layout.Line]) -> str:
    return layout.joined(lines).replace("\x00", "")


def _without_running_lines(
    pages: list[Page], laid: list[list[layout.Line] | None], heights: list[float]
) -> list[tuple[int, str]]:
    """Take the running heads and feet out of the pages' text (in place), but the first
    page's, which go to its top; return them all, (page number, line)."""
    for index, page in enumerate(pages):
        if page.ocr:  # the lines laid out are the text layer's, which OCR replaced
            laid[index] = None
    found = geometry.running_lines(laid, heights)
    running: list[tuple[int, str]] = []
    for index, indices in enumerate(found):
        lines = laid[index]
        if not indices or lines is None:
            continue
        taken = [line for i, line in enumerate(lines) if i in indices]
        others = [line for i, line in enumerate(lines) if i not in indices]
        running += [(index + 1, line.text.replace("\x00", "")) for line in taken]
        if index == 0:
            # The first page's running lines go to its top, head above foot, a block of
            # their own: no gap between them means anything.
            heads = "\n".join(line.text for line in sorted(taken, key=lambda line: -line.baseline))
            text = f"{heads}\n{layout.joined(others)}".replace("\x00", "")
        else:
            text = _joined(others)
        pages[index] = Page(index + 1, text)
    return running


def _text_only(page: pdfium.PdfPage) -> bool:
    """Whether the page holds nothing but text objects (no image, drawing or form)."""
    return all(obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT for obj in page.get_objects(max_depth=1))


def _oversized_image(page: pdfium.PdfPage) -> str | None:
    """Why the page's images are too large to decode for OCR, if they are. Asks for each
    image's size in pixels, which pdfium reads from the image's dictionary: nothing is
    decoded."""
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        width, height = image.get_px_size()
        if width * height > MAX_IMAGE_PIXELS:
            return (
                f"image of {width}x{height} pixels is too large to OCR"
                f" (limit {MAX_IMAGE_PIXELS // 1_000_000} megapixels)"
            )
    return None


def _render_dpi(page: pdfium.PdfPage) -> int:
    """ocr.DPI, or less for a page so large that it would exceed MAX_RENDER_PIXELS."""
    width, height = page.get_size()  # in points, 1/72 inch
    pixels = width * height * (ocr.DPI / 72) ** 2
    if pixels <= MAX_RENDER_PIXELS:
        return ocr.DPI
    return int(ocr.DPI * math.sqrt(MAX_RENDER_PIXELS / pixels))


def _recognise(
    images: dict[int, Image.Image], pages: list[Page], processes: int | None = None
) -> list[str]:
    """OCR the rendered pages into `pages` where that reads better; the warnings."""
    try:
        texts = ocr.ocr_images(list(images.values()), processes)
    except OcrUnavailable as e:
        return [f"page {i + 1}: {e}" for i in images]
    for index, text in zip(images, texts, strict=True):
        if _better(text, pages[index].text):
            pages[index] = Page(index + 1, text, ocr=True)
    return []


def _better(ocr_text: str, layer: str) -> bool:
    """Whether the OCR text should replace the page's own text layer."""
    if not _has_visible(layer, MIN_TEXT_CHARS):
        return True
    new, old = assess(ocr_text), assess(layer)
    return (new.lexicon or 0.0) > (old.lexicon or 0.0)


def _no_text_error(reason: str) -> DocumentError:
    if "OCR" in reason or "tesseract" in reason.lower():
        return OcrUnavailable(f"image-only PDF: {reason}")
    return UnreadableDocument(f"image-only PDF: {reason}")


def read_text(data: bytes) -> ReadResult:
    """Decode a text file: BOM, else UTF-8, else Windows-1252/Latin-1 line by line.

    German text in CP1252 or Latin-1 is not valid UTF-8 wherever it has an umlaut, so
    lines that fail UTF-8 are decoded as CP1252 (Latin-1 where CP1252 has a gap), and the
    result says which encoding, or "mixed", was used.
    """
    warnings = []
    nuls = data.count(0)
    if nuls and not data.startswith(_BOMS_WITH_NUL):
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return _text_result(guessed, "utf-16")
        if nuls > MAX_NUL_SHARE * len(data):
            raise UnreadableDocument("binary file: contains NUL bytes and is not UTF-16 text")
        data = data.replace(b"\x00", b"")
        warnings.append(f"removed {nuls} NUL byte(s) from the text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _text_result(data.decode(encoding), encoding.replace("-sig", ""), warnings)
            except UnicodeDecodeError as e:
                raise UnreadableDocument(f"invalid {encoding} text: {e.reason}") from e
    try:
        return _text_result(data.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError:
        pass
    # Not UTF-8 as a whole: lines that are valid UTF-8 stay so; the others are in a legacy
    # encoding, CP1252 unless some line has a byte CP1252 lacks, then Latin-1 for all of them.
    lines = data.splitlines(keepends=True)
    utf8: dict[int, str] = {}
    for index, line in enumerate(lines):
        with contextlib.suppress(UnicodeDecodeError):
            utf8[index] = line.decode("utf-8")
    legacy = [line for i, line in enumerate(lines) if i not in utf8]
    try:
        for line in legacy:
            line.decode("cp1252")
        legacy_encoding = "cp1252"
    except UnicodeDecodeError:
        legacy_encoding = "latin-1"
    text = "".join(utf8.get(i) or line.decode(legacy_encoding) for i, line in enumerate(lines))
    has_utf8 = any(not lines[i].isascii() for i in utf8)
    encoding = f"mixed ({legacy_encoding}, utf-8)" if has_utf8 else legacy_encoding
    return _text_result(text, encoding, warnings)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has NUL in every other byte of ASCII text."""
    even, odd = data[0::2], data[1::2]
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros and zeros.count(0) / len(zeros) > 0.8:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _text_result(text: str, encoding: str, warnings: list[str] | None = None) -> ReadResult:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    # A text pypdfium2 took from a PDF keeps pdfium's soft hyphen ("Branddi\ufffe" / "rektion").
    text = ris_text.page_text(layout.soft_hyphens(text))
    if not _has_visible(text):
        raise UnreadableDocument("empty file")
    controls = len(_CONTROLS.findall(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise UnreadableDocument(f"binary file: {controls} control characters, not text")
    # A PDF's text saved with its columns set apart by spaces is read as the PDF would be.
    pages = [
        Page(i + 1, aligned.relaid(chunk) if aligned.is_aligned(chunk) else chunk)
        for i, chunk in enumerate(text.split("\f"))
    ]
    # A RIS page saved as text is read by its product's layout as well.
    fields = ris_text.fields(text)
    return ReadResult(
        pages=pages, kind="text", encoding=encoding, warnings=warnings or [], fields=fields
    )


def _has_visible(text: str, count: int = 1) -> bool:
    """Whether `text` holds at least `count` characters that are not white space. Asked of
    every page: the page's first few hundred characters nearly always settle it, so the
    whole page is counted only when they do not."""
    # str.split() drops exactly the characters str.isspace() finds, at C speed.
    return any(len("".join(part.split())) >= count for part in (text[: 16 * count], text))


def _describe_start(data: bytes) -> str:
    head = data[:64].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "an HTML page"
    if head.startswith(b"pk\x03\x04"):
        return "a ZIP archive"
    sample = data[:8].decode("latin-1").encode("unicode_escape").decode("ascii")
    return f"'{sample}'"
