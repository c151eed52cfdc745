"""Line breaks for a text that lost them: a paper whose whole text is one line.

Some text extractors (pypdf with its white space collapsed, a copy out of a web page) give a
paper as one line: "Ausdruck vom: 28.11.2023 Seite: 1/3 Amt für Controlling und Finanzen
Datum: 28.11.2023 Vorlagen-Nr.: 23/0907 Status: öffentlich Unterrichtung des Rates ...".
The readers of the header form, the sections and the Beratungsfolge work line by line, so
the lines are put back where the paper itself shows them: before each form label and
section heading that ends in a colon, after a page marker and a status word, and after each
session date of a Beratungsfolge. Only lines far longer than any line of a laid-out page
are touched; every break is a logged correction (a space becomes a line feed).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from extractors import vocab
from pipeline.model import Correction

# A line longer than this is no line of a page: a page's widest lines hold ~150 characters.
LONG_LINE = 400
_DATE = r"\d{1,2}\.\d{1,2}\.\d{2,4}"
# "Seite: 1/3", "Seite 2 von 5": a page marker, after which the page's own text goes on.
_PAGE_MARKER = re.compile(r"\bSeite:?[ ]*\d{1,3}[ ]*(?:/|von)[ ]*\d{1,3}(?= )")
# "Status: öffentlich Unterrichtung des Rates": the status word ends its cell.
_STATUS = re.compile(
    r"\b(?:Status|Kennung|Sitzungsart|Öffentlichkeitsstatus):[ ]*(?:nicht[ ]?)?öffentlich(?= )",
    re.I,
)
_BERATUNGSFOLGE = re.compile(r"\bBeratungsfolge\b[^:]{0,20}:")
_LEADING_DATE = re.compile(rf"{_DATE}(?= [A-ZÄÖÜ])")
_BARE_STATUS = re.compile(r"(?<=\d )(?:nicht[ ]?)?öffentlich(?= [A-ZÄÖÜ])")
_ITEM = re.compile(r"\b(?:TOP|Termin|Gremium|Datum|Sitzungstermin|Sitzungsdatum):(?= )")
_SESSION_DATE = re.compile(rf"(?<= ){_DATE}(?= )")
# "Stadt Kamen Niederschrift HFA über die 4. Sitzung ...": the minutes' heading starts a line.
_MINUTES_HEADING = re.compile(r"(?<= )(?:Niederschrift|Protokoll)(?= (?:\S+ )?über die )")
_LETTERHEAD_CHARS = 120
_FLATTENED_LABELS = 2


@functools.cache
def _labels() -> re.Pattern[str]:
    """A form label or section heading with its colon, as printed with a capital."""
    phrases = {row[2] for row in vocab.rows("form_labels")}
    phrases |= {row[1] for row in vocab.rows("sections")}
    printed = {p for p in phrases if p[:1].isupper()}
    return re.compile(rf"(?<= )(?:{_alternation(printed)})[ ]*:")


@functools.cache
def _headings() -> re.Pattern[str]:
    """A section heading with its colon: where a flattened Beratungsfolge ends."""
    printed = {row[1] for row in vocab.rows("sections")} - {"Beratungsfolge"}
    # Or any other word with a colon that is none of the table's own column headings
    # ("Sitzungstermin:", "Zuständigkeit:").
    columns = sorted(w for w in vocab.words("column_headings") if w.isalpha() and len(w) > 2)
    other = rf"(?!(?i:{'|'.join(columns)})[ ]*:)[A-ZÄÖÜ][a-zäöüß]{{4,}}"
    return re.compile(rf"(?<= )(?:{_alternation(printed)}|{other})[ ]*:")


def _alternation(phrases: Iterable[str]) -> str:
    """Phrases as printed (extractors.vocab.phrase_pattern), longest first."""
    return "|".join(vocab.phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True))


def line_breaks(text: str) -> Iterator[Correction]:
    """A line feed for the space before each place a flattened line breaks."""
    start = 0
    for line in text.split("\n"):
        if len(line) > LONG_LINE:
            for at in sorted(set(_breaks(line))):
                yield Correction(start + at, " ", "\n", "line-break")
        start += len(line) + 1


def _breaks(line: str) -> Iterator[int]:
    """Offsets in `line` of the spaces to break at."""
    labels = list(_labels().finditer(line))
    # One label in a long line is a paragraph's word ("(offizielle Bezeichnung: ...)" in a
    # web page's prose, a paragraph a line); a flattened form has its labels one after another.
    if len(labels) >= _FLATTENED_LABELS:
        for m in labels:
            yield m.start() - 1
    # Only under the letterhead: "Genehmigung der Niederschrift über die Sitzung vom ..."
    # further on is an item of the agenda.
    for m in _MINUTES_HEADING.finditer(line, 0, _LETTERHEAD_CHARS):
        yield m.start() - 1
    for pattern in (_PAGE_MARKER, _STATUS):
        for m in pattern.finditer(line):
            yield m.end()
            if m.start() > 0 and line[m.start() - 1] == " ":
                yield m.start() - 1
    # "Seite: 1/1 15.02.2018 Amt für ...": the paper's date opens the page's first line.
    for m in _PAGE_MARKER.finditer(line):
        date = _LEADING_DATE.match(line, m.end() + 1)
        if date:
            yield date.end()
    # "Vorlagen-Nr: 18/0163 öffentlich Umschuldung von ...": a status word as a cell.
    for m in _BARE_STATUS.finditer(line):
        yield m.start() - 1
        yield m.end()
    # A flattened Beratungsfolge: "Ausschuss für Finanzen 06.12.2023 Rat 18.12.2023 Anlass:",
    # "Verwaltungsausschuss am: 12.03.2018 Zu TOP: Rat am: ...": a row ends after its date
    # and after its item number's label; the table ends at the next section heading.
    for m in _BERATUNGSFOLGE.finditer(line):
        end = next((n.start() for n in _headings().finditer(line, m.end())), len(line))
        for date in _SESSION_DATE.finditer(line, m.end(), end):
            if date.end() < end - 1:
                yield date.end()
        for item in _ITEM.finditer(line, m.end(), end):
            yield item.end()
