#!/usr/bin/env python3
"""Make born-digital PDFs from council-paper texts, for data/raw/ and the tests.

The texts are real council papers (see tests/fixtures/SOURCES.tsv); the PDFs lay them out
as a council's RIS would: A4, a text layer with umlauts and €, tab-separated rows (the
Beratungsfolge table, the header form) as aligned columns, long lines wrapped, and a new
page wherever the text has a page break (form feed or a "-- 1 of 4 --" marker).

    python scripts/make_sample_pdfs.py OUT_DIR TEXT_FILE [TEXT_FILE ...]
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # has ⊠ ☐ and all of Latin-1
)
PAGE_BREAK = re.compile(r"^\s*(?:\f|-- \d+ of \d+ --)\s*$")
MARGIN, LEADING, SIZE, WRAP = 56, 13, 9.5, 100


def font() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            pdfmetrics.registerFont(TTFont("Body", candidate))
            return "Body"
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    pdfmetrics.registerFont(TTFont("Body", str(vera)))
    return "Body"


def wrap_cell(text: str, font_name: str, width: float) -> list[str]:
    """Words of one table cell in lines no wider than `width` points."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and pdfmetrics.stringWidth(candidate, font_name, SIZE) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines or [""]


class _Full(Exception):
    """The page limit is reached: the rest of the text is left out."""


def text_to_pdf(text: str, out: Path, *, title: str = "", max_pages: int | None = None) -> int:
    """Lay `text` out as a PDF at `out`, on at most `max_pages` pages (the rest of the text
    is left out). Returns the number of pages."""
    name = font()
    pdf = canvas.Canvas(str(out), pagesize=A4, pageCompression=1, invariant=1)
    pdf.setTitle(title or out.stem)
    width, height = A4
    y = height - MARGIN
    pages = 1
    pdf.setFont(name, SIZE)

    def new_page() -> float:
        nonlocal pages
        if max_pages is not None and pages >= max_pages:
            raise _Full
        pdf.showPage()
        pdf.setFont(name, SIZE)
        pages += 1
        return height - MARGIN

    try:
        for line in text.replace("\f", "\n\f\n").splitlines():
            if PAGE_BREAK.match(line) or line == "\f":
                y = new_page()
                continue
            cells = line.split("\t")
            if len(cells) > 1:
                # A table row: each cell wraps inside its own column, as in a RIS form.
                column = (width - 2 * MARGIN) / len(cells)
                wrapped = [wrap_cell(cell, name, column - 8) for cell in cells]
                for row in range(max(len(w) for w in wrapped)):
                    if y < MARGIN:
                        y = new_page()
                    for i, cell_lines in enumerate(wrapped):
                        if row < len(cell_lines):
                            pdf.drawString(MARGIN + i * column, y, cell_lines[row])
                    y -= LEADING
                continue
            parts = textwrap.wrap(line, WRAP, break_long_words=False, break_on_hyphens=False)
            for part in parts or [""]:
                if y < MARGIN:
                    y = new_page()
                pdf.drawString(MARGIN, y, part)
                y -= LEADING
    except _Full:
        pass
    pdf.save()
    return pages


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in argv[1:]:
        source = Path(name)
        target = out_dir / (source.stem + ".pdf")
        pages = text_to_pdf(source.read_text(encoding="utf-8"), target, title=source.stem)
        print(f"{target}: {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
