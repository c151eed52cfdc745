"""layout: a PDF page's text with table cells kept apart, from pypdfium2's character boxes.

Plain text-layer extraction joins the cells of a table row with a single space and puts a
wrapped cell's second line on a line of its own, so "Kreisausschuss | 21.03.2025" and its
wrapped "Berichterstattung: ..." interleave. This module reads the same text but:

- splits a line into cells where the gap between two words is wider than a word space
  (the cells are joined by a TAB, as in the corpus text files);
- puts a cell drawn out of order (a PDF may draw a table column by column) back on the
  visual line it sits on;
- merges the continuation lines of wrapped cells into their row, each into its column.

Speed: the text comes from one `get_text_range` call; character boxes are asked only for
the characters around spaces and at line ends, not for every character, through C calls
without ctypes' argument checks, which keeps a page within about 0.2 ms on top of plain
text extraction.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A gap wider than this many font sizes between two words is a cell boundary: a word space
# is about 0.25-0.33 em and even justified text rarely stretches one beyond 0.6 em.
CELL_GAP_EM = 0.8
# A font size below this many points is no size the text is printed in but the font's own
# before the text matrix scales it; a loose character box is about this many ems high.
MIN_FONT_SIZE = 3.0
LOOSE_BOX_EM = 1.2
# Lines further apart than this many font sizes are not the same table row's wrapped cell.
ROW_LEADING_EM = 1.6
# Baselines closer than this many font sizes are the same visual line.
SAME_LINE_EM = 0.3
# How many lines back a cell drawn out of order may be put back on its line.
REORDER_WINDOW = 8
# Words after a cell-final hyphen that mean the hyphen is a real one ("Haupt- und ...").
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie", "als", "bis"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r" {2,}")
# pdfium reports a soft hyphen as U+FFFE; the clean stage knows it as U+00AD.
_PDFIUM_SOFT_HYPHEN = "\ufffe"


def soft_hyphens(text: str) -> str:
    """`text` with pdfium's soft hyphen (U+FFFE, no character of any text) as U+00AD, the one
    the clean stage knows; the length is kept."""
    return text.replace(_PDFIUM_SOFT_HYPHEN, "\u00ad")


@dataclass(slots=True)
class _Cell:
    text: str
    left: float
    right: float


@dataclass(slots=True)
class Line:
    """One visual line of a page: its cells left to right, where it sits and how large."""

    baseline: float  # bottom of the line's loose character boxes; NaN where unknown
    size: float  # font size in points
    cells: list[_Cell] = field(default_factory=list)
    # The baseline of the last line folded into this row (a wrapped cell's), where any.
    last_baseline: float | None = None

    @property
    def left(self) -> float:
        return self.cells[0].left

    @property
    def right(self) -> float:
        return self.cells[-1].right

    @property
    def text(self) -> str:
        """The line as text, its cells separated by a TAB."""
        cells = self.cells
        return cells[0].text if len(cells) == 1 else "\t".join(c.text for c in cells)


def row(cells: list[tuple[str, float, float]], *, baseline: float, size: float = 0.0) -> Line:
    """A line made of (text, left, right) cells, as a table read by its borders gives them
    (pipeline.read.tables)."""
    return Line(baseline, size, [_Cell(text, left, right) for text, left, right in cells])


def unchecked(function: Any, restype: Any) -> Callable[..., Any]:
    """`function` (a pypdfium2 raw binding) through a prototype without argument types and
    without releasing the GIL: about 0.16 µs a call instead of 0.47 µs, most of which is the
    per-argument `from_param` checks. ctypes then passes a Python int as a C int and a
    ctypes object as it is, so the caller must pass exactly what the C function takes (the
    raw text page pointer, a character index, a `byref` to a struct). pdfium is not
    thread-safe, so holding the GIL for the call costs nothing."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None
    # A cdecl prototype takes more arguments than its (here no) argument types.
    return ctypes.PYFUNCTYPE(restype)(address)


# Loose boxes span a glyph's advance and the font's ascent to descent, so words set with a
# plain space are ~0.3 em apart and all characters of a line share one bottom.
_LOOSE_CHAR_BOX = unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
_FONT_SIZE = unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)


class _Boxes:
    """Character boxes of one text page through the C call, into one struct reused (the
    Python wrapper allocates four doubles per call, which would double the cost of a page).
    The fields are public so the line loop can bind them to locals."""

    __slots__ = ("raw", "rect", "ref")

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.rect = pdfium_c.FS_RECTF()
        self.ref = ctypes.byref(self.rect)


# A gap between two lines wider than this many times the page's usual line spacing sets a
# paragraph or block apart: the text gets a blank line there, as a text file has one.
PARAGRAPH_GAP = 1.4


def joined(lines: list[Line]) -> str:
    """The lines as text, a blank line where a wider gap than the page's usual line spacing
    sets a block apart (a PDF's text layer has no empty lines: the readers of titles, forms
    and tables look for the blank line that ends a block)."""
    # Each gap in ems of the larger of its two lines' type: a heading set large has wider
    # lines, not a paragraph after each.
    spacing = [_spacing(above, below) for above, below in itertools.pairwise(lines)]
    usual_gaps = sorted(g for g in spacing if 0 < g < 3)
    if len(usual_gaps) < 3:
        return "\n".join(line.text for line in lines)
    usual = usual_gaps[len(usual_gaps) // 2]
    out = [lines[0].text]
    for below, gap in zip(lines[1:], spacing, strict=True):
        if gap > PARAGRAPH_GAP * usual:
            out.append("")
        out.append(below.text)
    return "\n".join(out)


def _spacing(above: Line, below: Line) -> float:
    """The distance from one line's baseline to the next one's, in ems; NaN where either
    has no known place (then no blank line is set)."""
    bottom = above.baseline if above.last_baseline is None else above.last_baseline
    return (bottom - below.baseline) / max(above.size, below.size, 1.0)


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's text, one visual line per line, cells of a table row separated by TAB.

    Falls back to the plain text when the text does not map one character to one box
    (characters outside the Basic Multilingual Plane), so nothing is ever lost.
    """
    return "\n".join(line.text for line in page_lines(textpage))


def page_lines(
    textpage: pdfium.PdfTextPage, text: str | None = None, edits: dict[int, str] | None = None
) -> list[Line]:
    """The page's visual lines (see page_text). `text` is the text page's whole text where
    the caller has asked for it already. `edits` replaces single characters, by their index
    in the text page, with other text (pipeline.read.geometry writes a check box's state
    where the box is drawn); the characters' boxes still place the line."""
    count = textpage.count_chars()
    if text is None:
        text = textpage.get_text_range()
    text = soft_hyphens(text)
    if len(text) != count:
        return [
            Line(math.nan, 10.0, [_Cell(part, math.nan, math.nan)])
            for part in _LINE_BREAK.split(text)
        ]
    boxes = _Boxes(textpage)
    breaks = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(text)]
    if "\u00ad" in text:
        # pdfium runs a line ending in a hyphen into the next one; before a capital the
        # hyphen is a word's own ("-Bürgermeister-" / "Anfrage der Fraktion ..."), no
        # syllable break: the hyphen stays and so does the line break.
        kept = [m.start() for m in _HYPHEN_BEFORE_CAPITAL.finditer(text)]
        if kept:
            chars = list(text)
            for at in kept:
                chars[at] = "-"
            text = "".join(chars)
            breaks = sorted(breaks + [(at + 1, at + 1) for at in kept])
    lines: list[Line] = []
    position = 0
    for start, stop in [*breaks, (len(text), len(text))]:
        line = _read_line(text, position, start, boxes, edits)
        if line is not None:
            _place(line, lines)
        position = stop
    return _merge_wrapped(lines)


_HYPHEN_BEFORE_CAPITAL = re.compile("\u00ad(?=[A-ZÄÖÜ])")


def _read_line(
    text: str, start: int, end: int, boxes: _Boxes, edits: dict[int, str] | None = None
) -> Line | None:
    """One pdfium text line, split into cells at wide gaps.

    Boxes are asked only for the first and last character and the two characters around
    each run of spaces; this loop is most of a page's cost, so the C call and the struct
    are locals.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    get_box, raw, rect, ref = _LOOSE_CHAR_BOX, boxes.raw, boxes.rect, boxes.ref
    get_box(raw, start, ref)
    size = _FONT_SIZE(raw, start) or 10.0
    if size < MIN_FONT_SIZE:
        # A font set at size 1 and scaled by the text matrix (pdfium reports the 1): the
        # loose box's height, about an em and a fifth, says how large the text is drawn.
        size = (rect.top - rect.bottom) / LOOSE_BOX_EM or 10.0
    line = Line(baseline=rect.bottom, size=size)
    cells = line.cells
    gap = CELL_GAP_EM * size
    cell_start, cell_left = start, rect.left
    space = text.find(" ", start, end)
    while space >= 0:
        next_word = space + 1
        while text[next_word] == " ":  # stops: the line ends in a non-space
            next_word += 1
        get_box(raw, space - 1, ref)
        prev_right = rect.right
        get_box(raw, next_word, ref)
        next_left = rect.left
        if next_left - prev_right > gap:
            cells.append(_Cell(text[cell_start:space], cell_left, prev_right))
            cell_start, cell_left = next_word, next_left
        space = text.find(" ", next_word, end)
    get_box(raw, end - 1, ref)
    cells.append(_Cell(text[cell_start:end], cell_left, rect.right))
    if rect.bottom < line.baseline - size / 2:
        # pdfium ran lines broken at a hyphen into one ("Dampfkraft-" / "werk"): the
        # line ends lower down than it starts.
        line.last_baseline = rect.bottom
    if edits:
        return _edited(line, text, start, end, edits)
    return line


def _edited(line: Line, text: str, start: int, end: int, edits: dict[int, str]) -> Line | None:
    """`line` (text[start:end]) with the characters in `edits` replaced; a cell left empty
    (a tick mark moved to its box) goes, and so does a line left empty."""
    if not any(start <= index < end for index in edits):
        return line
    position = start
    kept = []
    for cell in line.cells:
        begin = text.index(cell.text, position)
        position = begin + len(cell.text)
        edited = "".join(edits.get(i, text[i]) for i in range(begin, position))
        cell.text = _SPACES.sub(" ", edited).strip()
        if cell.text:
            kept.append(cell)
    line.cells = kept
    return line if kept else None


@dataclass(frozen=True, slots=True)
class Word:
    """One word as an OCR engine places it: its box, y growing downwards, in any unit."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


def word_lines(rows: list[list[Word]]) -> list[Line]:
    """Visual lines from an OCR engine's lines of words, read as the text layer's lines are:
    split into cells where the gap between two words is wider than a word space (a form's
    label and value, a table's columns), a line the engine put in a block of its own put
    back on the row it sits on, and a wrapped cell folded into its row.

    A line's size is the height of its box (ascender to descender, about an em); a line
    without descenders or capitals is given the page's usual height, so that its gaps are
    measured as the others' are."""
    heights = sorted(max(w.bottom for w in ws) - min(w.top for w in ws) for ws in rows if ws)
    if not heights:
        return []
    usual = heights[len(heights) // 2]
    lines: list[Line] = []
    for words in rows:
        if not words:
            continue
        bottom = max(w.bottom for w in words)
        size = max(bottom - min(w.top for w in words), usual) or 1.0
        line = Line(baseline=-bottom, size=size)
        gap = CELL_GAP_EM * size
        first = 0
        for k in range(1, len(words) + 1):
            if k == len(words) or words[k].left - words[k - 1].right > gap:
                cell = words[first:k]
                text = " ".join(w.text for w in cell)
                line.cells.append(_Cell(text, cell[0].left, cell[-1].right))
                first = k
        _place(line, lines)
    return _merge_wrapped(lines)


def _place(line: Line, lines: list[Line]) -> None:
    """Append `line`, or add its cells to an earlier line on the same baseline to their left."""
    tolerance = SAME_LINE_EM * line.size
    for earlier in reversed(lines[-REORDER_WINDOW:]):
        if abs(earlier.baseline - line.baseline) <= tolerance and line.left > earlier.right:
            earlier.cells.extend(line.cells)
            return
    lines.append(line)


def fold_wrapped(lines: list[Line], may_continue: Callable[[Line], bool]) -> list[Line]:
    """`lines` with the continuation lines of wrapped table cells folded into their row
    (see _merge_wrapped), for lines read otherwise than from a PDF's character boxes, whose
    spacing says less: only a line `may_continue` admits is folded."""
    return _merge_wrapped(lines, may_continue)


def _merge_wrapped(
    lines: list[Line], may_continue: Callable[[Line], bool] | None = None
) -> list[Line]:
    """Fold the continuation lines of wrapped table cells into their row.

    A line continues the row above it when the row has two or more cells, the line is at
    most one line-spacing below, has fewer cells than the row, and every cell of it fits
    inside one of the row's columns (starts at or after the column and ends before the next).
    """
    merged: list[Line] = []
    row: Line | None = None
    previous: Line | None = None
    for line in lines:
        if (
            row is not None
            and previous is not None
            and _continues(row, previous, line)
            and (may_continue is None or may_continue(line))
        ):
            for cell in line.cells:
                column = row.cells[_column_of(row, cell)]
                column.text = _join(column.text, cell.text)
                column.right = max(column.right, cell.right)
            row.last_baseline = line.baseline
            previous = line
            continue
        merged.append(line)
        row = line if len(line.cells) >= 2 else None
        previous = line
    return merged


def _continues(row: Line, previous: Line, line: Line) -> bool:
    if len(line.cells) >= len(row.cells):
        return False
    if not 0 < previous.baseline - line.baseline <= ROW_LEADING_EM * row.size:
        return False
    columns = [_column_of(row, cell) for cell in line.cells]
    if any(c < 0 for c in columns) or len(set(columns)) != len(columns):
        return False
    return all(
        k + 1 >= len(row.cells) or cell.right < row.cells[k + 1].left
        for k, cell in zip(columns, line.cells, strict=True)
    )


def _column_of(row: Line, cell: _Cell) -> int:
    """The index of the row's column that `cell` starts in, or -1 if it starts left of all."""
    tolerance = 0.5 * row.size
    found = -1
    for index, column in enumerate(row.cells):
        if cell.left >= column.left - tolerance:
            found = index
    return found


def _join(head: str, tail: str) -> str:
    """Two lines of one cell: a hyphen at a line end joins a lower-case word fragment."""
    if head.endswith("-") and tail[:1].islower() and tail.split()[0] not in _CONJUNCTIONS:
        return head[:-1] + tail
    return f"{head} {tail}"
