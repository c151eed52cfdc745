"""The header form of a council paper read as (field, value) entries.

Council papers open with a small form: "Vorlage Nr.: 2020/1189", "Federführung: Amt 61",
"Datum: 27.11.2025". Text extraction lays it out in one of three ways, all read here:

- on one line: "Label: value" (several per line too) or "Label<TAB>value";
- as a row of labels over a row of values, cells separated by tabs
  ("Federführendes Amt<TAB>Nr." over "Amt für Planung<TAB>037/2025");
- de-interleaved (pdftotext of a two-column form): a run of bare labels ("Termin:",
  "Vorlage Nr.:", "TOP:") followed by their values further down ("24.09.2013", "2013/0001",
  "3"). Each value goes to the first waiting label whose kind of value it fits, so a missing
  value does not shift the others; status words ("öffentlich") printed without a label are
  passed over.

Labels and the kind of value each takes are data (extractors/data/form_labels.tsv).
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors import scan, values, vocab

# The head of a paper, where its form, letterhead and heading stand: every extractor that
# reads the form reads these lines, so one reading serves them all (see read).
HEAD_LINES = 80

# A Vorlagen-/Drucksachen-Nr. as printed. Councils number their papers in many ways: a
# running number and the year ("113/21", "2020/1189", "0463/2026"), with a type code or an
# office in front ("ANT-BSV/25/61750-1", "BV AH 80/21-26", "DS 7/2023", "Fin/12/2022",
# "T 02/325/26", "V1682/12", "VIII-0153"), inside ("2023/BV/4410", "26-32 / V 01121") or a
# part behind ("22-1940.01", "2020/1189/1"). So: up to three prefix words of at most six
# letters, then number groups joined by "/", "-", "." or a space, a prefix word allowed
# between two of them. A date fits the grammar and is ruled out by `fits`.
# A word of a reference, perhaps with a bracketed letter: Offenbach's "DS-I(A)" (a
# Drucksache of the first kind, an Antrag).
_REF_WORD = r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,5}(?:\([A-Z]{1,2}\))?"
_REF_JOIN = r"(?:[ ]?[/-][ ]?|\.|[ ])"
REFERENCE = re.compile(
    rf"(?:{_REF_WORD}(?:[ /-]{_REF_WORD}){{0,2}}[ /-]?)?\d{{1,6}}"
    rf"(?:{_REF_JOIN}(?:{_REF_WORD}(?:[/-]{_REF_WORD})?(?:{_REF_JOIN}|(?<=\))|(?<=[A-Z])))?\d{{1,6}})*"
    # A Wahlperiode in Roman numerals closes the number: "1536/V", "0305/III" (Berlin's
    # Bezirksverordnetenversammlungen), "705/IX." (Kleve: the ordinal's dot, where the
    # value or a heading's " - " ends there).
    r"(?:[ ]?/[IVX]{1,5}(?:\.(?=[ \t]+[-–][ \t]|$))?(?![\w/]))?"
    r"[a-z]?"
)
# The longest reference taken: a longer run of numbers and words is a table row.
_MAX_REFERENCE = 32
# A page's running head or foot, a line of its own: "Seite: 1/3", "- Seite 2 von 3 -",
# "1 von 4", "- 2 -", "-- 1 of 12 --".
PAGE_MARKER = re.compile(
    r"(?:[-–][ \t]*)?"
    r"(?:Seite:?[ \t]*\d{1,3}(?:[ \t]*(?:/|von)[ \t]*\d{1,3})?|\d{1,3}[ \t]+von[ \t]+\d{1,3}"
    r"|\d{1,3}(?=[ \t]*[-–])|-- \d+ of \d+ --)"
    r"(?:[ \t]*[-–])?",
    re.I,
)
# A running head or foot that names the paper beside its page: "Seite 2 von 5 - Vorlage
# 2024/017", "Vorlage 2024/017 | Seite 2". Only with "Seite" or "von", as "2 - ..." may be
# an item.
_PAGE_WORDS = (
    r"(?:Seite:?[ \t]*\d{1,3}(?:[ \t]*(?:/|von)[ \t]*\d{1,3})?|\d{1,3}[ \t]+von[ \t]+\d{1,3})"
)
RUNNING_LINE = re.compile(
    rf"^[ \t\f]*(?:{_PAGE_WORDS}[ \t]*[-–|·][ \t]*(?P<after>\S[^\n]{{0,80}}?)"
    rf"|(?P<before>\S[^\n]{{0,80}}?)[ \t]*[-–|·][ \t]*{_PAGE_WORDS})[ \t]*$",
    re.I | re.M,
)
# Words a form prints in a cell of its own without a label (public/non-public, a ticked box).
# "öffentlich", also set off by dashes or brackets ("- öffentlich -", "(nichtöffentlich)").
STATUS = re.compile(
    r"(?:[-–(][ \t]*)?(?:nicht[\s-]?)?öffentlich(?:[ \t]*[-–)])?|ö|nö|n|x|☒|⊠"
    # "Beratung in öffentlicher Sitzung" (Nordstemmen)
    r"|(?:Beratung|Behandlung)[ \t]+in[ \t]+(?:nicht[\s-]?)?öffentlicher[ \t]+Sitzung",
    re.I,
)
# At most this many lines continue a value wrapped in its cell.
_MAX_WRAPPED = 2
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
# A letterhead line naming the council ("STADT KARLSRUHE"), which is no form value.
LETTERHEAD = re.compile(
    r"(?:Stadt|Kreis|Landkreis|Gemeinde|Markt"
    r"|Der Oberbürgermeister|Der Bürgermeister|Der Landrat)\b.*",
    re.I,
)


class Kind(enum.StrEnum):
    REF = "ref"
    DATE = "date"
    NUMBER = "number"
    TEXT = "text"
    TITLE = "title"


@dataclass(frozen=True, slots=True)
class Label:
    field: str  # "reference", "department", ...
    kind: Kind
    text: str  # the label as printed


@dataclass(frozen=True, slots=True)
class Entry:
    field: str
    label: str
    value: str
    line: int  # index of the line the value starts on


@dataclass(slots=True)
class Form:
    """The entries of a paper's form, and which lines the form took up."""

    entries: list[Entry] = field(default_factory=list)
    lines: set[int] = field(default_factory=set)  # indexes of label, value and status lines

    def first(self, field_name: str) -> Entry | None:
        return next((e for e in self.entries if e.field == field_name), None)

    def values(self, field_name: str) -> list[str]:
        return [e.value for e in self.entries if e.field == field_name]

    def before(self, line: int) -> Form:
        """The entries and form lines above line index `line`."""
        return Form([e for e in self.entries if e.line < line], {i for i in self.lines if i < line})


@functools.cache
def labels() -> tuple[Label, ...]:
    """The label vocabulary, longest label first so that "Vorlage Nr." wins over "Vorlage"."""
    rows = [Label(f, Kind(k), t) for f, k, t in vocab.rows("form_labels")]
    return tuple(sorted(rows, key=lambda label: -len(label.text)))


@functools.cache
def _label_pattern() -> re.Pattern[str]:
    parts = []
    for i, label in enumerate(labels()):
        parts.append(f"(?P<l{i}>{vocab.phrase_pattern(label.text)})")
    return re.compile(r"(?:" + "|".join(parts) + r")(?![\w/])", re.I)


@functools.cache
def _first_words() -> tuple[tuple[str, ...], int, bool]:
    """The first word of every label in lower case, the longest one's length, and whether a
    label starts with a number."""
    words = tuple({label.text.split()[0].lower() for label in labels()})
    return words, max(map(len, words)), "<n>" in words


def _may_start_label(text: str, pos: int) -> bool:
    """False only where no label starts at `pos`: the text there does not begin with a label's
    first word. Most lines of a paper start with no label, and the pattern of all labels is
    tried at every word of a label line; this test is far cheaper. Where re.IGNORECASE and
    str.lower disagree (scan.FOLDS_APART) the pattern decides."""
    words, reach, numbers = _first_words()
    head = text[pos : pos + reach]
    return (
        head.lower().startswith(words)
        or (numbers and head[:1].isdecimal())
        or not _FOLDS_APART.isdisjoint(head)
    )


_FOLDS_APART = frozenset(scan.FOLDS_APART)


def label_at(text: str, pos: int = 0) -> tuple[Label, re.Match[str]] | None:
    if not _may_start_label(text, pos):
        return None
    m = _label_pattern().match(text, pos)
    if not m:
        return None
    # The one group that took part: each label is a group of its own, with none inside.
    index = int(str(m.lastgroup)[1:])
    return labels()[index], m


def fits(kind: Kind, value: str) -> bool:
    """Whether `value` (one line, stripped) is the kind of value a label of `kind` takes."""
    if kind is Kind.REF:
        return (
            len(value) <= _MAX_REFERENCE
            and bool(REFERENCE.fullmatch(value))
            and not values.find_dates(value)
        )
    if kind is Kind.DATE:
        found = values.find_dates(value)
        return bool(found) and len(value) <= 20
    if kind is Kind.NUMBER:
        return bool(_NUMBER.fullmatch(value))
    # Text: words, and not a bare date, number or reference, nor the council's letterhead.
    return (
        bool(_WORD.search(value))
        and not fits(Kind.DATE, value)
        and not LETTERHEAD.fullmatch(value)
        and label_line(value) is None
    )


def label_line(text: str) -> list[tuple[Label, str]] | None:
    """ "Label: value Label2: value2" or "Label<TAB>value" on one line; None if not a label line.

    A bare label gives [(label, "")].
    """
    found = label_at(text)
    if not found:
        return None
    label, m = found
    rest = text[m.end() :]
    sep = re.match(r"[ \t]*:[ \t]*|\t+[ \t]*", rest)
    if not sep:
        stripped = rest.strip()
        if not stripped:
            return [(label, "")]
        # "Datum 03.06.2024", "Betreff Sanierung der Sporthalle": the colon lost in a copy;
        # only a whole date, or a capitalised subject after "Betreff".
        if label.kind is Kind.DATE and rest[:1] in " \t" and _WHOLE_DATE.fullmatch(stripped):
            return [(label, stripped)]
        if label.text == "Betreff" and rest[:1] in " \t" and stripped[:1].isupper():
            return [(label, stripped)]
        # "Drucksache 113/21", "Vorlage - VO/2023/0456" (an ALLRIS page's heading): a
        # reference needs no colon, but must have its slash or dash.
        stripped = re.sub(r"^[-–][ \t]+", "", stripped).rstrip(":").rstrip()
        if label.kind is Kind.REF:
            return _reference_and_date(label, stripped)
        return None
    rest = rest[sep.end() :]
    # Further "Label:" pairs on the same line ("Vorlage Nr.: 2026/0133 Verantwortlich: Dez. 4").
    pairs: list[tuple[Label, str]] = []
    current = label
    start = 0
    for m2 in _WORD_START.finditer(rest):
        hit = label_at(rest, m2.start())
        colon = re.match(r"[ \t]*:[ \t]*", rest[hit[1].end() :]) if hit else None
        if hit and colon:
            pairs.append((current, rest[start : m2.start()].strip()))
            current = hit[0]
            start = hit[1].end() + len(colon.group(0))
    pairs.append((current, rest[start:].strip()))
    if current.kind is Kind.REF and " vom " in pairs[-1][1]:
        split = _reference_and_date(current, pairs[-1][1])
        if split:
            pairs[-1:] = split
    return pairs


# Where a further label may start on a label line: after white space, or glued to the value
# before it where a web page's cells were copied without a gap ("Status:öffentlichAktenzeichen:
# 898/V", ALLRIS as a crawler saves it); the label must still have its colon.
_WORD_START = re.compile(r"(?<=\s)(?=\S)|(?<=[a-zäöüß0-9)])(?=[A-ZÄÖÜ])")
# A whole date as a value: "03.06.2024", "14. Mai 2024".
_WHOLE_DATE = re.compile(rf"{values.DATE_TEXT}")
# "117/2024 vom 03.06.2024": a paper's number and its date in one value.
_REFERENCE_OF = re.compile(rf"(?P<ref>.+?)[ \t]+vom[ \t]+(?P<date>{values.DATE_TEXT})")


# A number's slash or dash: "113/21", "23-1862", "1536/V" (a Wahlperiode in Roman numerals).
NUMBER_JOINED = re.compile(r"\d[/-](?:\d|[IVX]{1,5}\b)")


def _reference_and_date(label: Label, value: str) -> list[tuple[Label, str]] | None:
    """A reference printed without a colon after its label ("Drucksache 113/21"), which then
    needs its slash or dash; with its date after "vom" as a second pair."""
    m = _REFERENCE_OF.fullmatch(value)
    ref = m.group("ref") if m else value
    if not (fits(Kind.REF, ref) and NUMBER_JOINED.search(ref)):
        return None
    return [(label, ref), (_DATED, m.group("date"))] if m else [(label, ref)]


def _label_row(text: str) -> list[Label] | None:
    """The labels of a tab-separated row made of labels only ("Federführendes Amt<TAB>Nr.")."""
    if "\t" not in text:
        return None  # one cell
    cells = [c.strip().rstrip(":").strip() for c in text.split("\t")]
    if len(cells) < 2:
        return None
    row = []
    for cell in cells:
        hit = label_at(cell)
        if hit and hit[1].end() == len(cell):
            row.append(hit[0])
        elif _HEADING_CELL.fullmatch(cell):
            row.append(_OTHER)  # "Kosten der Drucksachen-Gruppe" (Bonn): no record's field
        else:
            return None
    # Only beside a number's label that heads the row: "Drucksachen-Nr." over "1210003".
    return row if (row[0] is not _OTHER and row[0].kind is Kind.REF) or _OTHER not in row else None


_SPACED_ROW_CHARS = 80
# A cell of a row of labels that names a field no record has: a few words, no digits.
_HEADING_CELL = re.compile(r"[A-ZÄÖÜ][^\d\t:]{2,40}")


def _spaced_label_row(text: str) -> list[Label] | None:
    """The labels of a row of labels only that plain text extraction ran together with one
    space ("Federführendes Amt Nr."): two labels or more, one after the other."""
    row: list[Label] = []
    pos = len(text) - len(text.lstrip())
    while pos < len(text):
        hit = label_at(text, pos)
        if hit is None:
            return None
        row.append(hit[0])
        pos = hit[1].end()
        while pos < len(text) and text[pos] in " \t:":
            pos += 1
    return row if len(row) >= 2 else None


def _values_by_shape(line: str, row: list[Label]) -> list[str] | None:
    """The values of `row` in a value row run together like it ("Amt für Planung und
    Naturschutz 037/2025" under "Federführendes Amt Nr."): from the right, each label after
    the first takes the last words that have its value's shape (a number, a date); the
    first takes the rest. None where a label takes no value so."""
    words = line.split()
    found: list[str] = []
    for label in reversed(row[1:]):
        if label.kind not in (Kind.REF, Kind.DATE, Kind.NUMBER):
            return None
        for size in (1, 2, 3):
            tail = " ".join(words[-size:])
            if size < len(words) and fits(label.kind, tail):
                found.append(tail)
                words = words[:-size]
                break
        else:
            return None
    first = " ".join(words)
    return [first, *reversed(found)] if fits(row[0].kind, first) else None


def column_headings(line: str) -> bool:
    """Whether `line` is a table's row of column headings: three cells or more, each a
    heading word or a bare label, at least one of them no label ("Beginn", "Ort"). Its
    labels head columns and take no value beside them ("Titel" over the sessions' titles,
    not "Ort")."""
    cells = [cell for _, cell in split_cells(line)]
    if len(cells) < _HEADING_CELLS:
        return False
    headings = vocab.word_set("column_headings")
    bare_headings = 0
    for cell in cells:
        key = cell.lower().rstrip(":").strip()
        hit = label_at(cell)
        labelled = hit is not None and hit[1].end() >= len(cell.rstrip(":").rstrip())
        if not labelled and key not in headings:
            return False
        bare_headings += not labelled
    return bare_headings > 0


_HEADING_CELLS = 3


def _continuation(lines: Sequence[str], start: int) -> list[int]:
    """Lines that carry on a value wrapped in its cell ("Dienststelle: Schul- und" / "Sportamt").

    Only a short run of short lines closed by a blank line: a run that runs into the next
    block is the paper's title printed right under the form.
    """
    run: list[int] = []
    for j in range(start, min(len(lines), start + _MAX_WRAPPED + 1)):
        line = lines[j].strip()
        if not line:
            return run
        if len(line) > 30 or len(line.split()) > 3 or label_line(line) is not None:
            return []
        run.append(j)
    return []


# Cells of a form row: text extraction puts a TAB between them, a layout text
# (pdftotext -layout, a saved page) two spaces or more; Word documents set a bullet between
# them ("1. Sitzung  Mittwoch, 24.04.2024  18:30 Uhr", the bullet from a symbol font
# in the private-use area).
_BULLETS = "\uf09f\uf0b7\uf0a7\u2022"
_CELL_GAP = re.compile(rf"\t+[ \t]*| {{2,}}\t*|[ \t]+[{_BULLETS}][ \t]+")


@functools.lru_cache(maxsize=4096)
def split_cells(line: str) -> tuple[tuple[int, str], ...]:
    """(offset, text) of each cell of `line`, left to right; blank cells dropped. Asked of
    the same head lines by several readers: kept for the paper in hand."""
    if "\t" not in line and "  " not in line and not any(b in line for b in _BULLETS):
        stripped = line.strip()
        return ((len(line) - len(line.lstrip()), stripped),) if stripped else ()
    found, start = [], 0
    for gap in _CELL_GAP.finditer(line):
        if line[start : gap.start()].strip():
            found.append((start, line[start : gap.start()].strip()))
        start = gap.end()
    if line[start:].strip():
        found.append((start, line[start:].strip()))
    return tuple(found)


# A code-style Vorlagen-Nr. that needs no label: "ANF/25/61796", "INF-ANF/25/61471-1", or a
# short prefix word with the number and year: "DS 7/2023", "Fin/12/2022".
CODE_REFERENCE = (
    r"[A-Z]{2,5}(?:-[A-Z]{2,5})?/\d{2,4}/\d{3,6}(?:[/-]\d{1,3})?"
    r"|(?!Seite\b|Nr\b)[A-Z][A-Za-z]{1,4}[ /]\d{1,4}/(?:19|20)?\d{2}"
)
_CODE_REFERENCE_CELL = re.compile(CODE_REFERENCE)


def _cell_pairs(line: str) -> list[tuple[Label, str]] | None:
    """The label/value pairs of a row of several cells ("Vorlage: BV/0042/2024   Dezernat II
    Datum: 03.06.2024", "Vorlagennummer:<TAB>BV AH 80/21-26"): each cell that starts with a
    label gives its pairs, a bare label takes the next cell as its value, and a cell naming
    an office ("Dezernat II", "Amt 61") is the department; None where no cell is a label."""
    row = split_cells(line)
    if len(row) < 2:
        return None
    pairs: list[tuple[Label, str]] = []
    k = 0
    while k < len(row):
        text = row[k][1]
        found = label_line(text)
        if found is None:
            office = office_label(text)
            if office is not None:
                pairs.append((office, text))
            elif _CODE_REFERENCE_CELL.fullmatch(text):
                # "40-Schulverwaltungsamt      DS 7/2023": a paper's number needs no label.
                pairs.append((_CODED, text))
            k += 1
            continue
        label, value = found[-1]
        if not value and k + 1 < len(row) and label_line(row[k + 1][1]) is None:
            found[-1] = (label, row[k + 1][1])
            k += 1
        pairs.extend(found)
        k += 1
    # An office's name, or a number, beside nothing but prose is no form row; the two
    # side by side are.
    printed = {label for label, _ in pairs}
    unlabelled = {_OFFICE_LABEL, _CODED}
    return pairs if printed - unlabelled or printed == unlabelled else None


# The words an office's name starts with.
_OFFICE_WORDS = (
    "Dezernat|Referat|Amt|Fachbereich|FB|Fachdienst|FD|Geschäftsbereich|Abteilung"
    "|Stabsstelle|Dienststelle"
)
_OFFICE_WORD = re.compile(rf"\b(?:{_OFFICE_WORDS})\b")
# An office printed as a department without a label: "Dezernat II", "Amt 61",
# "Fachbereich 3 - Bauen", "40-Schulverwaltungsamt", "Stadtplanungsamt".
_OFFICE = re.compile(
    rf"(?:(?:{_OFFICE_WORDS})\b(?![ \t]*:)[ \t]*\S.{{0,70}}"
    r"|\d{1,3}(?:\.\d{1,2})?[ \t]*[-–]?[ \t]*[A-ZÄÖÜ][\wäöüß-]*amt\b.{0,50}"
    r"|[A-ZÄÖÜ][a-zäöüß]{3,}amt)"
)


def office_label(text: str) -> Label | None:
    """The department label an office's own name stands for, if `text` is one."""
    if not _OFFICE.fullmatch(text.strip()) or fits(Kind.DATE, text):
        return None
    # "Dezernat 4 o Dezernat 5 o Dezernat 6": the boxes of a form to tick, not one office.
    if len(_OFFICE_WORD.findall(text)) > 1:
        return None
    return _OFFICE_LABEL


# What a paper's date printed after its number is entered under ("117/2024 vom ...").
_DATED = Label("date", Kind.DATE, "vom")
# A heading in a row of labels that names no field of a record (see _label_row).
_OTHER = Label("other", Kind.TEXT, "")
# What a code-style number in a form row is entered under: no label was printed.
_CODED = Label("reference", Kind.REF, "")
# What an office's own name is entered under: no label was printed.
_OFFICE_LABEL = Label("department", Kind.TEXT, "")
# How far a wrapped label's value may run on below it, and how far off its column a
# continuation may start (layout text aligns by spaces).
_MAX_WRAPPED_VALUE = 4
_COLUMN_SLACK = 2


def _wrapped_label(lines: Sequence[str], i: int) -> tuple[list[tuple[Label, str]], int] | None:
    """A label wrapped in its cell, its value in the cell beside it and below:
    "Federführende      Fachbereich I -" / "Organisation:      Zentrale Dienste /" /
    "                   Personalwesen". Returns the pair and the value's last line."""
    if i + 1 >= len(lines):
        return None
    first = split_cells(lines[i])
    if not first or not _may_start_label(first[0][1], 0):
        return None
    second = split_cells(lines[i + 1])
    if not second or abs(first[0][0] - second[0][0]) > _COLUMN_SLACK:
        return None
    found = label_line(f"{first[0][1]} {second[0][1]}")
    if not found or len(found) != 1 or found[0][1]:
        return None
    rest = [*first[1:], *second[1:]]
    if not rest:
        return None
    column = rest[0][0]
    parts = [text for _, text in rest]
    last = i + 1
    for j in range(i + 2, min(len(lines), i + 2 + _MAX_WRAPPED_VALUE)):
        row = split_cells(lines[j])
        if len(row) != 1 or abs(row[0][0] - column) > _COLUMN_SLACK:
            break
        parts.append(row[0][1])
        last = j
    return [(found[0][0], " ".join(parts))], last


# A bare label line ("Tel.Nr.:") of a field no record has, in a stack of labels.
_UNKNOWN_LABEL = re.compile(r"[A-ZÄÖÜ][\w./ -]{1,24}:")
# So many labels stacked, at least, before their values (two are a label and its value's
# own label far more often).
_STACKED_LABELS = 3


def _stacked_labels(
    lines: tuple[str, ...] | list[str], i: int, first: Label
) -> tuple[list[tuple[Label, str, int]], int] | None:
    """Labels each alone on a line from line `i` (whose label is `first`) on, then as many
    values in the same order: the pairs whose value fits its label's kind and the last
    value's line; None where the lines are no such stack (or a value is itself a label)."""
    stack: list[Label | None] = [first]
    j = i + 1
    while j < len(lines) and len(stack) < _MAX_STACK:
        line = lines[j].strip()
        pairs = label_line(line) if line else None
        if pairs is not None and len(pairs) == 1 and not pairs[0][1]:
            stack.append(pairs[0][0])
        elif line and _UNKNOWN_LABEL.fullmatch(line):
            stack.append(None)
        else:
            break
        j += 1
    colons = sum(lines[k].strip().endswith(":") for k in range(i, j))
    if len(stack) < _STACKED_LABELS or colons < len(stack) - 1 or stack.count(None) > 1:
        return None  # "TOP" / "Thema" / "Drucksache" / "Vorlage": a table's column headings
    # "öffentlich" among the values is the paper's status, which no label of the stack names.
    values = [
        k
        for k in range(j, min(len(lines), j + 2 * len(stack) + 1))
        if lines[k].strip() and not STATUS.fullmatch(lines[k].strip())
    ]
    values = values[: len(stack)]
    if len(values) < len(stack):
        return None
    found = []
    for label, k in zip(stack, values, strict=True):
        value = lines[k].strip()
        if label_line(value) is not None or _UNKNOWN_LABEL.fullmatch(value):
            return None
        if label is not None:
            if not fits(label.kind, value):
                return None  # the values are in another order, or some are missing
            found.append((label, value, k))
    return found, values[-1]


_MAX_STACK = 8


def read(lines: list[str]) -> Form:
    """The form entries found in `lines` (the paper's first lines), in order.

    Several extractors read the same head of a paper; the last few readings are kept, and
    each caller gets its own copy to change."""
    found = _read(tuple(lines))
    return Form(list(found.entries), set(found.lines))


@functools.lru_cache(maxsize=8)
def _read(lines: tuple[str, ...]) -> Form:
    form = Form()
    waiting: list[Label] = []
    skip_to = -1
    for i, raw in enumerate(lines):
        if i <= skip_to:
            continue
        line = raw.strip()
        if not line:
            continue
        if PAGE_MARKER.fullmatch(line):
            form.lines.add(i)  # "Seite: 1/3": the page's running head, part of no title
            continue
        if column_headings(raw):
            continue  # "Datum<TAB>Beginn<TAB>Titel<TAB>Ort<TAB>Gremien": a table's heading
        row = _label_row(raw.strip("\n"))
        # A row of labels only is short and holds no value's digits.
        spaced = (
            None
            if row or len(line) > _SPACED_ROW_CHARS or any(c.isdigit() for c in line)
            else _spaced_label_row(line)
        )
        if spaced:
            # "Federführendes Amt Nr." over "Amt für Planung und Naturschutz 037/2025": the
            # row's cells run together, its values told apart by their shapes.
            j = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
            found = _values_by_shape(lines[j].strip(), spaced) if j is not None else None
            if j is not None and found is not None:
                pairs_ = zip(spaced, found, strict=True)
                form.entries.extend(Entry(lab.field, lab.text, v, j) for lab, v in pairs_ if v)
                form.lines.update((i, j))
                skip_to = j
                continue
        if row:
            # A row of labels over a row of values with as many cells.
            j = next((k for k in range(i + 1, len(lines)) if lines[k].strip()), None)
            if j is not None:
                cells = [c.strip() for c in lines[j].strip().split("\t")]
                if len(cells) == len(row):
                    pairs_ = zip(row, cells, strict=True)
                    form.entries.extend(
                        Entry(lab.field, lab.text, c, j)
                        for lab, c in pairs_
                        if c and lab is not _OTHER
                    )
                    form.lines.update((i, j))
                    skip_to = j
                    continue
        pairs = label_line(line)
        # Only a bare label may head a stack (most lines are none).
        bare = pairs is not None and len(pairs) == 1 and not pairs[0][1]
        stacked = _stacked_labels(lines, i, pairs[0][0]) if pairs and bare else None
        if stacked is not None:
            # "Dezernat/Amt:" / "Verantwortlich:" / "Tel.Nr.:" / "Datum" over their values in
            # the same order (a form's two columns taken one after the other, Freiburg).
            found_pairs, last = stacked
            form.entries.extend(Entry(lab.field, lab.text, v, k) for lab, v, k in found_pairs)
            form.lines.update(range(i, last + 1))
            skip_to = last
            continue
        if pairs is not None and len(split_cells(raw)) > 1:
            # "Vorlage: BV/0042/2024   Dezernat II   Datum: ...": the row is several cells.
            in_cells = _cell_pairs(raw)
            if in_cells and len(in_cells) >= len(pairs):
                pairs = in_cells
        elif pairs is None:
            wrapped = _wrapped_label(lines, i)
            if wrapped is not None:
                pairs, skip_to = wrapped
                form.lines.update(range(i, skip_to + 1))
                form.entries.extend(Entry(lab.field, lab.text, v, i) for lab, v in pairs)
                continue
            pairs = _cell_pairs(raw)
        if pairs is not None:
            form.lines.add(i)
            for label, value in pairs:
                if value and label.kind is Kind.TEXT and label is pairs[-1][0]:
                    more = _continuation(lines, i + 1)
                    value = " ".join([value, *(lines[j].strip() for j in more)])
                    form.lines.update(more)
                    skip_to = max(more, default=skip_to)
                if value:
                    form.entries.append(Entry(label.field, label.text, value, i))
                    # "Sitzungsvorlage" over "Nr. 2024/0815": the number's own label took it.
                    waiting = [w for w in waiting if w.field != label.field]
                elif label.kind is not Kind.TITLE:
                    waiting.append(label)
                else:
                    form.entries.append(Entry(label.field, label.text, "", i))
            continue
        if (
            not waiting
            and form.lines
            and office_label(line) is not None
            and i - max(form.lines) <= 2
        ):
            # "Amt für Controlling und Finanzen" over "Datum:": the office, printed bare
            # (under "Federführend:" / "Beteiligt:" it is that label's value).
            form.entries.append(Entry("department", "", line, i))
            form.lines.add(i)
            continue
        if not waiting:
            continue
        if STATUS.fullmatch(line):
            form.lines.add(i)
            continue
        if LETTERHEAD.fullmatch(line):
            continue  # the council's name printed beside the form
        taker = next((label for label in waiting if fits(label.kind, line)), None)
        if taker is None:
            waiting.clear()  # the form's values have ended; this line is the paper's own
            continue
        waiting.remove(taker)
        form.lines.add(i)
        # A list of names wraps after its comma: "Dirk Wurm," / "Sieglinde Wisniewski".
        j = i + 1
        while line.endswith(",") and j < len(lines) and lines[j].strip():
            if label_line(lines[j].strip()) is not None:
                break
            line = f"{line} {lines[j].strip()}"
            form.lines.add(j)
            skip_to = j
            j += 1
        form.entries.append(Entry(taker.field, taker.text, line, i))
    return form
