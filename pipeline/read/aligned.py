"""aligned: a text laid out with spaces read as the PDF reader lays out a page.

A PDF's text saved by a layout-keeping extractor (`pdftotext -layout`, and many RIS exports)
sets a table's or form's columns apart with runs of spaces and puts a wrapped cell's further
lines under its column: "Ausschuss für Umwelt, Klimaschutz, Mobilität      07.03.2025" /
"und Planung Berichterstattung: KLD Martin". The readers of forms and tables know a row by
its cells. Such a page is read here as pipeline.read.layout reads a PDF page: a run of three
spaces or more between words is a cell boundary (written as a TAB), a character's column is
its place, and a wrapped cell's lines are folded into their row (layout.fold_wrapped).
A text without such columns is left exactly as it is.
"""

from __future__ import annotations

import functools
import re

from extractors import vocab
from pipeline.read import layout

# A run of spaces this long between two words sets cells apart; a justified line's widest
# word space is two.
_CELL_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
# A page is laid out in columns when this many of its lines have a cell gap...
_MIN_ALIGNED_LINES = 3
# ... and they are at least this share of its lines with text.
_MIN_ALIGNED_SHARE = 0.05


def is_aligned(page: str) -> bool:
    """Whether the page sets columns apart with runs of spaces (and has no TABs)."""
    if "\t" in page:
        return False
    lines = [line for line in page.split("\n") if line.strip()]
    aligned = sum(
        1 for line in lines if (gaps := list(_CELL_GAP.finditer(line))) and not _justified(gaps)
    )
    return aligned >= _MIN_ALIGNED_LINES and aligned >= _MIN_ALIGNED_SHARE * len(lines)


def relaid(page: str) -> str:
    """The page with its rows' cells separated by TAB and wrapped cells folded into their
    row; blank lines stay where they are, and so does a line of one cell or with a mark
    ("  x ", "Hauptausschuss 14.11.2017 4 x   Zustimmung": the mark's column is in its spaces)
    unless a wrapped cell's line was folded into it."""
    out: list[str] = []
    block: list[tuple[layout.Line, str]] = []

    def flush() -> None:
        _unsplit_prose(block)
        originals = {id(line): text for line, text in block}
        for line in layout.fold_wrapped([line for line, _ in block], _may_continue):
            text = originals[id(line)]
            folded = line.last_baseline is not None
            kept = len(line.cells) == 1 or _MARK.search(text)
            out.append(text.rstrip() if kept and not folded else line.text)
        block.clear()

    for index, text in enumerate(page.split("\n")):
        if not text.strip():
            flush()
            out.append(text.strip())
            continue
        block.append((_line(text, index), text))
    flush()
    return "\n".join(out)


# A justified line of prose widens every word space alike: this many gaps or more...
_JUSTIFIED_GAPS = 3
# ... none of them wider than this, are no columns ("Bedingungen   ein   integriertes").
_JUSTIFIED_WIDTH = 4


def _justified(gaps: list[re.Match[str]]) -> bool:
    return len(gaps) >= _JUSTIFIED_GAPS and all(
        len(gap.group()) <= _JUSTIFIED_WIDTH for gap in gaps
    )


def _unsplit_prose(block: list[tuple[layout.Line, str]]) -> None:
    """A line of a justified paragraph whose few words are set wide apart ("952.000   €.
    Die   Einzahlungen"), a word a cell, between two lines of running text at its indent,
    is no row. A table's row of one-word cells has rows, not prose, about it."""
    for k in range(1, len(block) - 1):
        line, text = block[k]
        if len(line.cells) < _PROSE_CELLS or any(" " in cell.text for cell in line.cells):
            continue
        indent = len(text) - len(text.lstrip())
        if all(
            len(other.cells) == 1
            and len(other_text.split()) >= _PROSE_WORDS
            and len(other_text) - len(other_text.lstrip()) == indent
            for other, other_text in (block[k - 1], block[k + 1])
        ):
            # Its words are set apart by the measure, not by columns: one space each.
            block[k] = (_line(text, -line.baseline, split=False), " ".join(text.split()))


# A wide-set line of prose has this many one-word cells or more, its neighbours this many
# words.
_PROSE_CELLS, _PROSE_WORDS = 3, 6


# A mark in a table's status column, a word of its own: "x", "X".
_MARK = re.compile(r"(?<!\S)[xX](?!\S)")


# What starts a row, a part or a table of its own, and so no wrapped cell's further line:
# a session's date, a form's label ("Gremium:"), a section heading, column headings.
_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})\b")


@functools.cache
def _heading() -> re.Pattern[str]:
    """A section heading, or a form's label and its colon, at the start of a line."""
    headings = [phrase for _, phrase in vocab.rows("sections")]
    labels = [f"{row[-1]}:" for row in vocab.rows("form_labels")]
    phrases = sorted(headings + labels, key=len, reverse=True)
    words = (r"[ \t]*".join(re.escape(w) for w in p.split()) for p in phrases)
    return re.compile(rf"[ \t]*(?:{'|'.join(words)})(?!\w)", re.I)


def _may_continue(line: layout.Line) -> bool:
    """Whether a line under a row may be its wrapped cells' further line (see _DATE)."""
    text = " ".join(cell.text for cell in line.cells)
    if _DATE.search(text) or _heading().match(text):
        return False
    words = text.lower().split()
    return not all(w.rstrip(":") in vocab.word_set("column_headings") for w in words)


def _line(text: str, index: float, *, split: bool = True) -> layout.Line:
    """One text line as a layout line: its cells at their character columns, one line a
    unit of height (so only the next line may continue a row)."""
    cells = []
    start = len(text) - len(text.lstrip())
    gaps = list(_CELL_GAP.finditer(text)) if split else []
    if _justified(gaps):
        gaps = []
    for gap in [*gaps, None]:
        end = gap.start() if gap else len(text.rstrip())
        cells.append((text[start:end], float(start), float(end)))
        if gap:
            start = gap.end()
    return layout.row(cells, baseline=-float(index), size=1.0)
