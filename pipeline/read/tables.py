"""tables: a ruled Beratungsfolge table read by its drawn borders (pdfplumber).

Councils print the Beratungsfolge as a ruled table, often with the cells' text centred
vertically: a committee's name wrapped over three lines has its date and role beside its
second line. The text layer, and the layout reader's cells (pipeline.read.layout), then put
the first line of the name on a row of its own and the rest beside the date, so that
"Ausschuss für Umwelt, Klima, / Energie und nachhaltige Mobilität" loses its first line to
the row above. The drawn borders say which lines are one cell: pdfplumber finds the table
by its ruling lines and gives each cell's whole text, and this module puts the table's rows
in place of the lines the text layer made of it, one line per row, cells joined by a TAB.

Speed: pdfplumber parses a page again with pdfminer, at about a hundred times pypdfium2's
cost (../shared/MEASURED.md). Only a page whose text names a Beratungsfolge-like table and
whose drawing (read with pypdfium2, which has the page open) holds the horizontal and
vertical rules of a grid is read by it; the document is opened by pdfplumber once, and
only where such a page exists.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium

from pipeline.read import geometry, layout

# The headings of a table the consultations reader takes (extractors/consultation_table.py:
# "Beratungsfolge", "Beratungsverlauf", "Gremienweg"...): a page naming one is looked at.
_TABLE_HEADING = re.compile(r"Beratungs(?:folge|verlauf|weg|reihenfolge)|Gremien(?:weg|folge)")
# A ruling line: at most this thick, at least this long (points).
_RULE_THICKNESS, _RULE_LENGTH = 2.0, 30.0
# A grid has at least this many horizontal and vertical rules (a header row and one row of
# two columns has three and three).
_GRID_RULES = 3
_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


@dataclass(frozen=True, slots=True)
class Table:
    """A ruled table: its extent on the page (PDF space, from the bottom) and its rows as
    lines, each with its cells' text and horizontal extent."""

    top: float
    bottom: float
    left: float
    right: float
    rows: list[layout.Line]


def wanted(page: pdfium.PdfPage, text: str) -> bool:
    """Whether the page names a Beratungsfolge table and draws the rules of a grid."""
    if _TABLE_HEADING.search(text) is None:
        return False
    across = down = 0
    for left, bottom, right, top in geometry.paths(page):
        width, height = right - left, top - bottom
        if height <= _RULE_THICKNESS and width >= _RULE_LENGTH:
            across += 1
        elif width <= _RULE_THICKNESS and height >= _RULE_LENGTH:
            down += 1
        elif width >= _RULE_LENGTH and height >= _RULE_LENGTH:
            across += 2  # a cell drawn as a rectangle: its borders
            down += 2
        if across >= _GRID_RULES and down >= _GRID_RULES:
            return True
    return False


def read(data: bytes, indexes: list[int]) -> dict[int, list[Table]]:
    """The ruled Beratungsfolge tables of the pages at `indexes` (0-based) of the PDF `data`."""
    import pdfplumber  # only where a page has such a table

    found: dict[int, list[Table]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index in indexes:
            page = pdf.pages[index]
            tables = [_table(t, page.height) for t in page.find_tables(_SETTINGS)]
            found[index] = [t for t in tables if t is not None]
            page.close()
    return found


def _table(table: Any, height: float) -> Table | None:
    """The table as lines, if its text names a Beratungsfolge-like table and it has rows of
    more than one cell."""
    texts = table.extract()
    if not any(_TABLE_HEADING.search(cell or "") for row in texts[:2] for cell in row):
        return None
    rows: list[layout.Line] = []
    for cells, row in zip(texts, table.rows, strict=True):
        placed = [
            (_cell_text(text), box[0], box[2])
            for text, box in zip(cells, row.cells, strict=True)
            if text and box is not None and _cell_text(text)
        ]
        if placed:
            # The row's baseline: its bottom border, in PDF space.
            rows.append(layout.row(placed, baseline=height - row.bbox[3]))
    if not any(len(line.cells) > 1 for line in rows):
        return None
    x0, top, x1, bottom = table.bbox
    return Table(top=height - top, bottom=height - bottom, left=x0, right=x1, rows=rows)


_HYPHENATED = re.compile(r"(?<=[a-zäöüß])-\n(?=[a-zäöüß])")


def _cell_text(text: str) -> str:
    """A cell's wrapped lines as one: "Umwelt-" / "ausschuss" joined, other lines by a space."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(_HYPHENATED.sub("", text).split())


def replace(lines: list[layout.Line], tables: list[Table]) -> list[layout.Line]:
    """`lines` with the lines inside each table put back as the table's rows."""
    if not tables:
        return lines
    result: list[layout.Line] = []
    placed: set[int] = set()
    for line in lines:
        inside = next((i for i, t in enumerate(tables) if _within(line, t)), None)
        if inside is None:
            result.append(line)
        elif inside not in placed:
            placed.add(inside)
            size = line.size
            result.extend(layout.Line(row.baseline, size, row.cells) for row in tables[inside].rows)
    return result


def _within(line: layout.Line, table: Table) -> bool:
    if not line.cells or line.baseline != line.baseline:  # NaN: position unknown
        return False
    return (
        table.bottom - 1.0 <= line.baseline <= table.top + 1.0
        and line.left >= table.left - 1.0
        and line.right <= table.right + 1.0
    )
