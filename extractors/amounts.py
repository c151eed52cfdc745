"""What an amount is: the words naming it as printed, its year, and its kind.

An amount is named by the nearest word of extractors/data/amount_words.tsv before it in
its sentence ("Die Gesamtkosten betragen 300.000 €" -> "Gesamtkosten"), with an adjective
printed right before that word ("institutionelle Förderung"); in a table, by its row's
label ("Straßenbeleuchtung  120.000 EUR", "Transferaufwendungen" over its yearly values);
a value alone in its cell by the label on the line above ("2021:" / "max. 3.520.000 Euro").

Its year is the one printed with it ("25.550 € im Jahr 2026", "2020: max. 3.410.000 Euro")
or over its column ("Aufwendungen 2020 2021" over a row of two amounts); none where none
is printed ("jährlich 2.220 €" has no year of its own).

Its kind is what the naming words say: cost, income or grant, and total ("Gesamtkosten",
"Insgesamt", "Summe") or part ("davon", "anteilige"). The amounts in the rows right above a
total, of the same year, are its parts.
"""

from __future__ import annotations

import functools
import re

from extractors import vocab
from pipeline.model import Amount

_WINDOW = 160  # characters before an amount searched for the words naming it
_ROW_WORDS = 8  # words of a table row's label kept
_PARTS_ABOVE = 6  # lines above a total whose amounts may be its parts
_AFTER = 60  # characters after an amount searched for the words naming it
_YEAR_LINES = 8  # lines above a row searched for the years heading its columns
_HEADING_LINES = 15  # lines above a value in a form's cell searched for its heading
# Words that end a sentence running into the amount, not a table row's label.
_RUNS_ON = frozenset(
    (
        *("mit", "von", "auf", "um", "über", "bis", "in", "zu", "zur", "zum", "für"),
        *("ca.", "rd.", "rund", "max.", "etwa", "knapp", "je", "jeweils", "pauschal"),
        *("jährlich", "insgesamt", "beträgt", "betragen", "betrug", "liegt", "liegen"),
    )
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "im Jahr 2026", "für 2021", "in 2019" right after the amount and its currency.
_YEAR_AFTER = re.compile(
    r"[ \t]*(?:€|EUR|Euro)?[ \t]*(?:im[ \t]+Jahr|für|in|\()[ \t]*((?:19|20)\d\d)\b"
)
# A sentence ends, or a paragraph: the naming words are looked for after it.
# Not after an abbreviation of one or two letters ("s. Haushaltsplan", "Nr. 5").
_BREAK = re.compile(r"(?<=\w\w\w)[.!?;](?=\s+[A-ZÄÖÜ])|\n[ \t]*\n|:\s*\n")
_WORD = re.compile(r"[\wÄÖÜäöüß][\w/-]*", re.U)
_AMOUNT_TEXT = re.compile(
    r"(?:max\.|ca\.|rd\.|rund|je|jeweils)?\s*\d[\d.,]*\s*(?:Mio\.?|Mrd\.?|Tsd\.?)?\s*(?:€|EUR|Euro)?",
)
_ENUMERATION = re.compile(r"^\s*(?:\d{1,2}\.|[a-z]\)|[-–•])\s+")


@functools.cache
def _words() -> dict[str, str]:
    return {word.casefold(): kind for kind, word in vocab.rows("amount_words")}


@functools.cache
def _naming() -> re.Pattern[str]:
    """A word of the vocabulary, whole or closing a compound, with an adjective before it."""
    ends = "|".join(re.escape(w) for w in sorted(_words(), key=len, reverse=True))
    # An adjective is lower case ("institutionelle Förderung"), never an article.
    adjective = rf"(?:\b(?!{_ARTICLES}\b)(?-i:[a-zäöü])\w*(?:e|en|er|es)[ \t]+)?"
    return re.compile(rf"{adjective}\b[\w-]*?(?:{ends})\b", re.I | re.U)


_ARTICLES = "(?:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines|keine|jede|diese)"


def describe(text: str, start: int, end: int, value: float, column: str | None = None) -> Amount:
    """The amount printed at text[start:end] (its number and currency), described;
    `column` names the column heading it stands under, where a table reader knows it."""
    label = (
        named_by(text, start, same_line=True)
        or row_label(text, start)
        or named_by(text, start)
        or named_after(text, end)
        or column
        or form_heading(text, start)
    )
    return Amount(
        value=value,
        currency="EUR",
        label=label,
        year=year_of(text, start, end),
        kind=kind_of(label, text, start),
    )


def named_by(text: str, start: int, same_line: bool = False) -> str | None:
    """The nearest naming words before `start` in its sentence (or on its line), as printed."""
    window = text[max(0, start - _WINDOW) : start]
    if same_line:
        window = window[window.rfind("\n") + 1 :]
    breaks = list(_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    cut = _last_naming_start(window)
    if cut is None:
        return None
    found = list(_naming().finditer(window, cut))
    return " ".join(found[-1].group().split()) if found else None


_TOKEN = re.compile(r"[\w-]+")
_ADJECTIVE_WORDS = 2  # words before the last naming word where its match may start


def _last_naming_start(window: str) -> int | None:
    """Where in `window` to look for the last naming words: two words before the last word
    that is, or closes with, a vocabulary word (None if no word does). The naming pattern
    tries its long alternation at every character; this test of each word's end is far
    cheaper, and most windows hold no naming word at all."""
    ends = _ends()
    tokens = list(_TOKEN.finditer(window))
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group().lower()
        pieces = [word[:k] for k, c in enumerate(word) if c == "-"]
        if any(p.endswith(ends) for p in (*pieces, word)):
            return tokens[max(0, i - _ADJECTIVE_WORDS)].start()
    return None


@functools.cache
def _ends() -> tuple[str, ...]:
    return tuple(_words())


def named_after(text: str, end: int) -> str | None:
    """Naming words right after the amount in its clause ("mit 14.640 Euro jährlich
    gefördert"), or the purpose it is for at a line's start ("660.000 € für den
    Kreisverkehr")."""
    clause = re.split(r"[.;:()\n]", text[end : end + _AFTER])[0]
    found = _naming().search(clause)
    if found:
        return " ".join(found.group().split())
    line_start = text.rfind("\n", 0, end) + 1
    purpose = re.match(r"[ \t]*(?:für|zur|zum)\b[^\n]*(?:\n[^\n]*)?", text[end : end + _AFTER])
    if purpose and not _AMOUNT_TEXT.sub("", text[line_start:end]).strip(" \t"):
        return " ".join(purpose.group().split()[:_ROW_WORDS]) or None
    return None


def row_label(text: str, start: int) -> str | None:
    """A table row's label: the words before the amount on its line ("Straßenbeleuchtung"),
    not a sentence running into it ("... mit 3,8 Mio. €")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = _ENUMERATION.sub("", text[line_start:start])
    before = _AMOUNT_TEXT.sub(" ", before).strip(" \t:")
    words = before.split()
    if not any(len(w) >= 3 and w[0].isalpha() for w in words) or len(words) > _ROW_WORDS:
        return None
    if words[-1].casefold() in _RUNS_ON:
        return None
    cells = re.split(r"\t| {2,}", before)
    label = next((c.strip(" :") for c in reversed(cells) if _WORD.search(c)), "")
    return " ".join(label.split()) or None


def form_heading(text: str, start: int) -> str | None:
    """A value alone in a form's cell under a row of column headings ("Gesamtkosten der
    Maßnahme", "Einzahlungen/Erträge", ... then "660.000 €"): the first heading, which is
    the first column's. Only short lines are read upward, at most _HEADING_LINES."""
    line_start = text.rfind("\n", 0, start) + 1
    if _AMOUNT_TEXT.sub("", text[line_start:start]).strip(" \t"):
        return None
    lines = text[:line_start].splitlines()[-_HEADING_LINES:]
    first = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if len(line.split()) > _ROW_WORDS:
            break
        if _naming().match(line) and not _AMOUNT_TEXT.fullmatch(line):
            first = i
    if first is None:
        return None
    heading = lines[first].strip()
    if heading.split()[-1] in ("der", "des", "für") and first + 1 < len(lines):
        heading += " " + lines[first + 1].strip()
    return " ".join(heading.split())


def year_of(text: str, start: int, end: int) -> int | None:
    """The year printed with the amount, or over its column; None where none is."""
    after = _YEAR_AFTER.match(text, end)
    if after:
        return int(after.group(1))
    line_start = text.rfind("\n", 0, start) + 1
    own = re.match(r"\s*((?:19|20)\d\d)\s*:", text[line_start:start])
    if own:
        return int(own.group(1))
    above = [line for line in text[:line_start].splitlines()[-3:] if line.strip()]
    heading = re.search(r"\b((?:19|20)\d\d)\s*:\s*$", above[-1]) if above else None
    if heading:  # "2020:" / "max. 3.410.000 Euro"
        return int(heading.group(1))
    return _column_year(text, line_start, start)


def _column_year(text: str, line_start: int, start: int) -> int | None:
    """The year heading the amount's column: the k-th amount of a row under a line that
    ends in k or more years ("Aufwendungen (maximal) 2020 2021")."""
    line_end = text.find("\n", start)
    row = text[line_start : line_end if line_end != -1 else len(text)]
    numbers = [m.start() for m in re.finditer(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+", row)]
    if start - line_start not in numbers:
        return None
    column = numbers.index(start - line_start)
    for line in reversed(text[:line_start].splitlines()[-_YEAR_LINES:]):
        years = re.findall(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])", line)
        if len(years) >= len(numbers) >= 1 and re.search(r"(?:19|20)\d\d\s*$", line):
            return int(years[column])  # columns are filled from the left
    return None


def kind_of(label: str | None, text: str, start: int) -> str | None:
    """ "cost", "income" or "grant", with " total" or " part" where the wording says; "total"
    or "part" alone where only that is said; None where the words say nothing. A row's
    label that says neither cost, income nor grant takes it from the words naming the
    table ("Aufwendungen (maximal) 2020 2021" over "für Einrichtungen ...")."""
    what, place = _what_and_place(label or "")
    if what is None and label:
        what, _ = _what_and_place(named_by(text, start) or "")
    line_start = text.rfind("\n", 0, start) + 1
    if re.search(r"\bdavon\b", text[line_start:start], re.I):
        place = "part"
    return " ".join(p for p in (what, place) if p) or None


def _what_and_place(words: str) -> tuple[str | None, str | None]:
    what, place = None, None
    for word in _WORD.findall(words):
        folded = word.casefold()
        # A word that neither is nor closes with a vocabulary word names nothing (the test
        # is one C call; most words fail it).
        for name, kind in _words().items() if folded.endswith(_ends()) else ():
            if folded == name or (folded.endswith(name) and kind in ("cost", "income", "grant")):
                if kind in ("total", "part"):
                    place = kind
                elif kind != "amount":
                    what = kind
        if folded.startswith(("gesamt", "teil")):
            place = "total" if folded.startswith("gesamt") else "part"
    return what, place


def mark_parts(amounts: list[tuple[int, Amount]], text: str) -> None:
    """The amounts in the rows right above a total (same year, not totals themselves) are
    its parts: "Straßenbeleuchtung 120.000 EUR" ... "Insgesamt: 580.000 EUR"."""
    for offset, total in amounts:
        if not (total.kind or "").endswith("total"):
            continue
        line_start = text.rfind("\n", 0, offset) + 1
        reach = line_start
        for _ in range(_PARTS_ABOVE):
            reach = text.rfind("\n", 0, max(reach - 1, 0)) + 1
            if reach == 0:
                break
        for other_offset, other in amounts:
            above_it = reach <= other_offset < line_start and other.year == total.year
            if above_it and not (other.kind or "").endswith(("total", "part")):
                other.kind = f"{other.kind} part" if other.kind else "part"
