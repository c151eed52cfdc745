"""geometry: what a PDF page's drawing says and its text layer loses.

Two things the text layer alone gets wrong, read from the positions of the page's
characters and drawn objects (pypdfium2, which has the page open already):

- **Check boxes.** A form prints "Finanzielle Auswirkungen: [box] ja [box] nein" with the
  boxes drawn as small squares and the tick as two crossing lines (none of which is text),
  or as an "✘" that the form filler drew last, so that it ends up at the end of the text.
  Dingbat fonts give their box glyphs as private-use characters (Wingdings "\uf0fe").
  Where a page's text shows a sign of such boxes (a box glyph, a private-use character,
  or a label the finance reader reads from boxes, with both answers), `box_edits` finds
  each drawn box, decides whether it is ticked, and writes "[X]" or "[ ]" into the text
  where the box is; a dingbat glyph becomes the ☒/☐ it shows.
- **Running heads and feet.** Lines at the top or bottom margin that repeat on most pages
  (the council's name, "Vorlage Nr. 2023/0042", "Seite 2 von 5") cut the running prose at
  every page break. `running_lines` finds them by position and repetition, with numbers
  masked, never by their words.

Speed: the sign of boxes is a few regular expressions over the page's text; only a page
that shows one has its drawn objects looked at, and only a page with drawn boxes has its
characters' boxes asked for. pdfplumber could read the same objects, but it parses the page
again with pdfminer at about a hundred times pypdfium2's cost, and it gives ZapfDingbats
glyphs by their codes ("4" for ✔) where pdfium gives the characters. It is used where only
it serves: a ruled table's cells by their borders (pipeline.read.tables), whose pages are
found by `paths` here.
"""

from __future__ import annotations

import bisect
import ctypes
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from pipeline.read.layout import Line, unchecked

# The marks written into the text for a drawn box; the finance reader reads them
# (extractors/finance.py: "[X] ja [ ] nein").
TICKED, EMPTY = "[X]", "[ ]"
# Glyphs that are a box or a tick mark.
_BOX_GLYPHS = "☐☑☒⊠□▢❏❐❑❒"
_TICKED_GLYPHS = "☑☒⊠"
_TICK_GLYPHS = "✓✔✗✘xX"
# A page is looked at for boxes when its text holds a box or tick glyph or a private-use
# character (a dingbat font's glyph)...
_GLYPHS = re.compile(r"[☐☑☒⊠□▢❏❐❑❒✓✔✗✘]")
_LOWEST_GLYPH = min("☐☑☒⊠□▢❏❐❑❒✓✔✗✘\ue000")
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
# ...or a label whose value the finance reader takes from boxes (extractors/finance.py:
# "Auswirkung", "veranschlagt", "vorgesehen"), on a page that also prints both answers.
# Case-sensitive patterns: re.IGNORECASE makes the search of every page several times slower.
_ANSWERS = (re.compile(r"\b(?:ja|Ja|JA)\b"), re.compile(r"\b(?:nein|Nein|NEIN)\b"))
# A drawn box: a near-square path this many points on a side (a check box is 6-14 pt; the
# lower bound keeps out bullets and dots, the upper one table cells).
_BOX_MIN, _BOX_MAX = 5.0, 20.0
# Side lengths may differ by this share of the longer side (a box drawn 9.2 x 9.5 pt).
_SQUARE = 0.2
# Two boxes whose edges are this close (points, or share of the side) are one box drawn
# twice; a tick drawn into a box stays further inside.
_SAME_BOX, _SAME_BOX_SHARE = 0.8, 0.08
# A tick drawn inside a box spans at least this share of the box's side.
_TICK_SPAN = 0.35
# A box's label starts within this many box widths to its right (or ends to its left).
_LABEL_REACH = 6.0

# Dingbat fonts' box and tick glyphs by their code (a private-use character's low byte;
# pdfium gives symbolic fonts' codes as U+F000 + code). Wingdings' 0x6F and 0xA8 are the
# empty boxes Word's forms print, 0xFD and 0xFE the ticked ones; ZapfDingbats pdfium maps
# itself.
_DINGBATS = {
    "wingdings2": {0xA3: "☐", 0x52: "☒", 0x53: "☒", 0x54: "☒", 0x4F: "✗", 0x50: "✓"},
    "wingdings": {
        0x6F: "☐",
        0x71: "☐",
        0x72: "☐",
        0xA8: "☐",
        0x78: "☒",
        0xFD: "☒",
        0xFE: "☒",
        0xFB: "✗",
        0xFC: "✓",
    },
}

# A page with more drawn and written objects than this is a plan or a chart, not a form: its
# drawing is not looked at (a plan's 6,000 paths take 55 ms to go through).
MAX_OBJECTS = 3000
# Character boxes through the C call without ctypes' argument checks (see layout.unchecked).
_LOOSE_CHAR_BOX = unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)

# Running lines sit this share of the page's height from its top or bottom edge or closer.
MARGIN = 0.12
# ...and repeat, numbers masked, at the same height (within this many points) on more
# than half the pages.
SAME_PLACE = 3.0
_DIGITS = re.compile(r"\d+")
_WHITE = re.compile(r"\s+")


def _shows_boxes(text: str, high: bool) -> bool:
    """A box or tick glyph (only where the text has a character as `high`), or a box label
    with both answers."""
    if high and _GLYPHS.search(text):
        return True
    labelled = "Auswirkung" in text or "veranschlagt" in text or "vorgesehen" in text
    return labelled and all(answer.search(text) for answer in _ANSWERS)


@dataclass(frozen=True, slots=True)
class _Box:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def holds(self, x: float, y: float, slack: float = 0.0) -> bool:
        return (
            self.left - slack <= x <= self.right + slack
            and self.bottom - slack <= y <= self.top + slack
        )

    def same(self, other: _Box) -> bool:
        """Whether the two are one box drawn twice (a frame and its fill)."""
        tolerance = max(_SAME_BOX, _SAME_BOX_SHARE * max(self.width, self.height))
        return all(
            abs(a - b) <= tolerance
            for a, b in zip(
                (self.left, self.bottom, self.right, self.top),
                (other.left, other.bottom, other.right, other.top),
                strict=True,
            )
        )


def box_edits(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, text: str
) -> dict[int, str] | None:
    """Character replacements (by index into the text page's characters, for
    layout.page_lines) that write the page's check boxes into its text: "[X] " or "[ ] "
    before the label right of each drawn box, a tick glyph drawn into a box removed (the box
    says it), a dingbat font's box glyph as ☐/☒. Empty when the page has no box; None when
    its text (`text`, the text page's whole text) shows no sign of one, so that its drawing
    was not looked at."""
    # Every glyph looked for is U+22A0 or above, and a German page's text rarely holds any
    # such character (pdfium's soft hyphen, U+FFFE, the caller has replaced): max() settles
    # it at C speed, where a regular expression takes 50 µs.
    high = bool(text) and max(text) >= _LOWEST_GLYPH
    private = high and _PRIVATE_USE.search(text) is not None
    if not private and not _shows_boxes(text, high):
        return None
    edits = _dingbat_edits(textpage, text) if private else {}
    if not edits and not _shows_boxes(text, high):
        return edits  # private-use characters that are no boxes: bullets of a Symbol font
    if pdfium_c.FPDFPage_CountObjects(page.raw) > MAX_OBJECTS:
        return edits
    boxes, marks = _drawn(page)
    if not boxes:
        return edits
    chars = _CharBoxes(textpage, text)
    for box in boxes:
        ticked = any(_inside(mark, box) for mark in marks if not mark.same(box))
        inner = chars.inside(box)
        if any(text[i] not in _TICK_GLYPHS + _TICKED_GLYPHS for i in inner):
            continue  # a square around a letter or digit: a table cell, not a box
        for i in inner:
            ticked = True
            edits[i] = ""
        _write(edits, text, chars, box, TICKED if ticked else EMPTY)
    # A box glyph with a tick drawn over it.
    for i, ch in enumerate(text):
        glyph = chars.boxes.get(i) if ch in _BOX_GLYPHS else None
        if glyph is not None and any(_inside(mark, glyph, slack=2.0) for mark in marks):
            edits[i] = "☒"
    return edits


def _write(edits: dict[int, str], text: str, chars: _CharBoxes, box: _Box, mark: str) -> None:
    """Put `mark` before the first character right of `box` on its line, or else after the
    last one left of it."""
    right = chars.nearest(box, to_right=True)
    if right is not None:
        edits[right] = f"{mark} {edits.get(right, text[right])}"
        return
    left = chars.nearest(box, to_right=False)
    if left is not None:
        edits[left] = f"{edits.get(left, text[left])} {mark}"


def _inside(mark: _Box, box: _Box, slack: float = 1.5) -> bool:
    """A drawn mark within the box that spans a good part of it: a tick or a cross."""
    if not (box.holds(mark.left, mark.bottom, slack) and box.holds(mark.right, mark.top, slack)):
        return False
    return max(mark.width / box.width, mark.height / box.height) >= _TICK_SPAN


def _drawn(page: pdfium.PdfPage) -> tuple[list[_Box], list[_Box]]:
    """The page's drawn boxes (small near-square paths, one per place) and every small
    path (the candidates for ticks), form XObjects included."""
    boxes: list[_Box] = []
    marks: list[_Box] = []
    for obj in paths(page):
        left, bottom, right, top = obj
        width, height = right - left, top - bottom
        if max(width, height) > _BOX_MAX:
            continue
        found = _Box(left, bottom, right, top)
        marks.append(found)
        square = abs(width - height) <= _SQUARE * max(width, height)
        if square and min(width, height) >= _BOX_MIN and not any(b.same(found) for b in boxes):
            boxes.append(found)
    # A box inside a larger box is the tick of a box drawn twice (a frame and its fill).
    boxes = [b for b in boxes if not any(o is not b and _encloses(o, b) for o in boxes)]
    return boxes, marks


def _encloses(outer: _Box, inner: _Box) -> bool:
    return (
        outer.width > inner.width + 1.0
        and outer.holds(inner.left, inner.bottom)
        and outer.holds(inner.right, inner.top)
    )


def paths(page: pdfium.PdfPage) -> Iterator[tuple[float, float, float, float]]:
    """Bounds (left, bottom, right, top in page space) of the page's path objects, those in
    form XObjects mapped through their forms' matrices. Raw pdfium calls: a page with a
    drawing holds thousands of paths, and pypdfium2 would make an object of each."""
    handle = page.raw
    objects = (
        pdfium_c.FPDFPage_GetObject(handle, i)
        for i in range(pdfium_c.FPDFPage_CountObjects(handle))
    )
    yield from _paths_in(objects, _IDENTITY)


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# How deep forms inside forms are followed.
_FORM_DEPTH = 3


def _paths_in(
    objects: Iterator[Any], matrix: tuple[float, ...], depth: int = 0
) -> Iterator[tuple[float, float, float, float]]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            if pdfium_c.FPDFPageObj_GetBounds(
                obj,
                ctypes.byref(left),
                ctypes.byref(bottom),
                ctypes.byref(right),
                ctypes.byref(top),
            ):
                yield _transformed(matrix, left.value, bottom.value, right.value, top.value)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _FORM_DEPTH:
            own = pdfium_c.FS_MATRIX()
            if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(own)):
                continue
            inner = _multiply((own.a, own.b, own.c, own.d, own.e, own.f), matrix)
            children = (
                pdfium_c.FPDFFormObj_GetObject(obj, i)
                for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))
            )
            yield from _paths_in(children, inner, depth + 1)


def _multiply(a: Sequence[float], b: Sequence[float]) -> tuple[float, ...]:
    """The PDF matrix a x b (a applied first)."""
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


def _transformed(
    m: Sequence[float], left: float, bottom: float, right: float, top: float
) -> tuple[float, float, float, float]:
    if m == _IDENTITY:
        return left, bottom, right, top
    xs, ys = [], []
    for x, y in ((left, bottom), (left, top), (right, bottom), (right, top)):
        xs.append(m[0] * x + m[2] * y + m[4])
        ys.append(m[1] * x + m[3] * y + m[5])
    return min(xs), min(ys), max(xs), max(ys)


class _CharBoxes:
    """The loose boxes of a text page's visible characters, asked for once each and kept in
    the order of their middle's height, so that a box's line is found by bisection."""

    def __init__(self, textpage: pdfium.PdfTextPage, text: str) -> None:
        raw, rect = textpage.raw, pdfium_c.FS_RECTF()
        ref, get_box = ctypes.byref(rect), _LOOSE_CHAR_BOX
        found = []
        for index, ch in enumerate(text):
            if not ch.isspace() and get_box(raw, index, ref) and rect.right > rect.left:
                middle = (rect.bottom + rect.top) / 2
                found.append((middle, index, _Box(rect.left, rect.bottom, rect.right, rect.top)))
        found.sort(key=lambda item: item[0])
        self.middles = [middle for middle, _, _ in found]
        self.chars = [(index, box) for _, index, box in found]
        self.boxes = {index: box for index, box in self.chars}
        self.tallest = max((box.height for _, box in self.chars), default=0.0)

    def _between(self, low: float, high: float) -> list[tuple[int, _Box]]:
        """The characters whose middle's height is between `low` and `high`."""
        return self.chars[
            bisect.bisect_left(self.middles, low) : bisect.bisect_right(self.middles, high)
        ]

    def inside(self, box: _Box) -> list[int]:
        """The characters whose centre lies inside `box`."""
        return [
            index
            for index, c in self._between(box.bottom, box.top)
            if box.left <= (c.left + c.right) / 2 <= box.right
        ]

    def nearest(self, box: _Box, *, to_right: bool) -> int | None:
        """The character on the box's line nearest to it on one side, within reach."""
        middle = (box.bottom + box.top) / 2
        best, best_gap = None, _LABEL_REACH * box.width
        reach = self.tallest / 2
        for index, c in self._between(middle - reach, middle + reach):
            if not c.bottom <= middle <= c.top:
                continue
            gap = c.left - box.right if to_right else box.left - c.right
            if -0.5 <= gap < best_gap:
                best, best_gap = index, gap
        return best


def _dingbat_edits(textpage: pdfium.PdfTextPage, text: str) -> dict[int, str]:
    """Private-use characters of a dingbat font that show a box or a tick, as the Unicode
    character they show (see dingbat)."""
    edits: dict[int, str] = {}
    buffer = ctypes.create_string_buffer(128)
    for match in _PRIVATE_USE.finditer(text):
        index, ch = match.start(), match.group()
        size = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, len(buffer), None)
        shown = dingbat(buffer.value.decode("latin-1", "replace") if size else "", ch)
        if shown is not None:
            edits[index] = shown
    return edits


def dingbat(font: str, ch: str) -> str | None:
    """The box or tick that `ch` of the font named `font` shows ("Wingdings", U+F0FE ->
    "☒"), or None for any other glyph or font. Font names come with a subset prefix
    ("ABCDEF+Wingdings-Regular"), a space perhaps written "#20" ("Wingdings#202")."""
    font = font.lower().replace("#20", "").replace(" ", "")
    for name, table in _DINGBATS.items():
        if name in font:
            return table.get(ord(ch) & 0xFF) if "\ue000" <= ch <= "\uf8ff" else None
    return None


def running_lines(
    pages: Sequence[Sequence[Line] | None], heights: Sequence[float]
) -> list[set[int]]:
    """For each page, the indices of its running lines: lines in the top or bottom margin
    whose text, numbers masked, stands in the same place on more than half the pages (and
    on two at least). A page without lines (OCR'd) is None and has none."""
    count = len(pages)
    found: list[set[int]] = [set() for _ in pages]
    if count < 2:
        return found
    places: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
    for number, (lines, height) in enumerate(zip(pages, heights, strict=True)):
        for index, key, baseline in _margin_lines(lines or (), height):
            places[key].append((number, index, baseline))
    needed = max(2, count // 2 + 1)
    for where in places.values():
        if len({number for number, _, _ in where}) < needed:
            continue
        # The same place on each page: a line that only reads alike (a label that happens
        # to start two pages) stands elsewhere on some.
        middle = statistics.median(baseline for _, _, baseline in where)
        near = [(n, i) for n, i, baseline in where if abs(baseline - middle) <= SAME_PLACE]
        if len({number for number, _ in near}) >= needed:
            for number, index in near:
                found[number].add(index)
    return found


def _margin_lines(
    lines: Sequence[Line], height: float
) -> Iterator[tuple[int, tuple[str, str], float]]:
    """(index, (margin, masked text), baseline) of the lines in the page's top or bottom
    margin."""
    if not height > 0:
        return
    for index, line in enumerate(lines):
        baseline = line.baseline
        if math.isnan(baseline):
            continue
        if baseline >= height * (1 - MARGIN):
            margin = "top"
        elif baseline <= height * MARGIN:
            margin = "bottom"
        else:
            continue
        masked = _WHITE.sub(" ", _DIGITS.sub("0", line.text)).strip()
        if masked:
            yield index, (margin, masked), baseline
