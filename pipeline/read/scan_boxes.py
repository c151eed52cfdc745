"""scan_boxes: the check boxes of a scanned form ("⊠ ja  ☐ nein"), read from the page image.

OCR reads a printed box as nothing, as a letter glued to its answer ("Onein") or as noise
("IX]"), so a scan's "Finanzielle Auswirkungen: ja nein" says neither. Beside every answer
word ("ja", "nein") of an OCR'd page this module looks at the image for a square box: two
upright strokes about as far apart as they are long, joined at top and bottom. A box with
ink inside (a cross, a tick, filled) is ticked. The word is then written as a born-digital
page's text layer writes it ("☒ ja", "☐ nein"), where pipeline.read.geometry puts the state
of a drawn box, so the finance reader reads both alike. A word without a box beside it is
left as it is: "ja" in prose has none.
"""

from __future__ import annotations

import re

import numpy as np
from PIL import Image

from pipeline.read.layout import Word

# An answer word, perhaps with the box read as one to three characters glued before it.
_ANSWER = re.compile(r"(?P<noise>[^\w]?[\w\[\](){}|©®@*]{0,2}?)(?P<answer>ja|nein)[.:,;]?", re.I)
# A dark pixel, on 0 (black) to 255 (white).
_DARK = 128
# A box's side is between these shares of the word's height (ascender to descender).
_MIN_SIDE, _MAX_SIDE = 0.4, 1.3
# Its sides differ by at most this share, and each edge is inked over this share of it.
_SQUARE, _EDGE = 0.35, 0.7
# Ink inside a box (away from its edges) over this share of its inside is a tick or cross.
_TICKED = 0.1


def mark(image: Image.Image, rows: list[list[Word]]) -> list[list[Word]]:
    """`rows` with each answer word that has a box beside it written "☒ ja" or "☐ nein",
    and a word that was only the box dropped."""
    pixels: np.ndarray | None = None
    marked = []
    for words in rows:
        if not any(_ANSWER.fullmatch(w.text) for w in words):
            marked.append(words)
            continue
        if pixels is None:
            pixels = np.asarray(image.convert("L"))
        marked.append(_marked(pixels, words))
    return marked


def _marked(pixels: np.ndarray, words: list[Word]) -> list[Word]:
    out: list[Word] = []
    for word in words:
        answer = _ANSWER.fullmatch(word.text)
        if answer is None:
            out.append(word)
            continue
        height = word.bottom - word.top
        # The box stands just left of the word, or inside the word's box where OCR took it
        # in (read as nothing, or as a letter glued on: "Onein").
        reach_left = word.left - 1.6 * height
        reach_right = word.left + 1.4 * height
        ticked = _box_state(
            pixels,
            reach_left,
            word.top - 0.25 * height,
            reach_right,
            word.bottom + 0.25 * height,
            height,
        )
        if ticked is None:
            out.append(word)
            continue
        # A word OCR made of the box alone ("X", "[]") before the answer goes.
        while out and out[-1].right > reach_left and len(out[-1].text) <= 3:
            out.pop()
        glyph = "☒" if ticked else "☐"
        out.append(
            Word(f"{glyph} {answer.group('answer')}", reach_left, word.top, word.right, word.bottom)
        )
    return out


def _box_state(
    pixels: np.ndarray, left: float, top: float, right: float, bottom: float, height: float
) -> bool | None:
    """Whether the square box in the region is ticked; None where there is no box."""
    x0, y0 = max(0, int(left)), max(0, int(top))
    x1, y1 = min(pixels.shape[1], int(right)), min(pixels.shape[0], int(bottom))
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    dark = pixels[y0:y1, x0:x1] < _DARK
    columns = [_longest_run(dark[:, x]) for x in range(dark.shape[1])]
    shortest, longest = _MIN_SIDE * height, _MAX_SIDE * height
    uprights = [x for x, (length, _, _) in enumerate(columns) if length >= shortest]
    for a in uprights:
        for b in reversed(uprights):
            side = b - a
            if side < shortest or side > longest:
                continue
            starts = (columns[a][1], columns[b][1])
            ends = (columns[a][2], columns[b][2])
            box_top, box_bottom = min(starts), max(ends)
            tall = box_bottom - box_top
            if abs(tall - side) > _SQUARE * side:
                continue
            if not (_edge(dark, box_top, a, b) and _edge(dark, box_bottom - 1, a, b)):
                continue
            margin = max(2, round(0.18 * side))
            inside = dark[box_top + margin : box_bottom - margin, a + margin : b - margin + 1]
            return bool(inside.size) and float(inside.mean()) > _TICKED
    return None


def _edge(dark: np.ndarray, row: int, left: int, right: int) -> bool:
    """A horizontal edge at `row` (or the rows next to it) inked across the box."""
    band = dark[max(0, row - 2) : row + 3, left : right + 1]
    return bool(band.size) and float(band.any(axis=0).mean()) >= _EDGE


def _longest_run(column: np.ndarray) -> tuple[int, int, int]:
    """(length, start, end) of the longest run of dark pixels in a column."""
    best = (0, 0, 0)
    start = None
    for y, is_dark in enumerate(column.tolist()):
        if is_dark and start is None:
            start = y
        elif not is_dark and start is not None:
            if y - start > best[0]:
                best = (y - start, start, y)
            start = None
    if start is not None and len(column) - start > best[0]:
        best = (len(column) - start, start, len(column))
    return best
