"""marks: where in a paper's text each extracted value was read, for the paper page.

The extractors keep no offsets, so a value is found again in the stored text: as written,
then with any run of white space between its words (a name wrapped over two lines, a
resolution item whose lines were joined), then ignoring case. A date is looked for as the
papers print it (25.05.2021, 25.5.2021, 25. Mai 2021), an amount in German digits
(20.000 / 20.000,00 / 20000). What is not found is simply not marked: the page says so.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    field: str


def date_forms(value: dt.date) -> list[str]:
    """The ways German papers print a date, the most usual first."""
    month = _MONTHS[value.month - 1]
    return [
        f"{value:%d.%m.%Y}",
        f"{value.day}.{value.month}.{value.year}",
        f"{value:%d.%m.%y}",
        f"{value.day}. {month} {value.year}",
        f"{value:%d}. {month} {value.year}",
        value.isoformat(),
    ]


def amount_forms(value: float) -> list[str]:
    """The ways German papers print an amount of money."""
    whole = f"{value:,.0f}".replace(",", ".")
    cents = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    forms = [cents, whole, f"{value:.0f}", f"{value:.2f}".replace(".", ",")]
    if value >= 1000 and value % 1000 == 0:
        forms.append(f"{value / 1000:,.0f}".replace(",", ".") + " T")
    if value >= 100_000:
        millions = f"{value / 1_000_000:.2f}".rstrip("0").rstrip(".").replace(".", ",")
        forms.append(f"{millions} Mio")
    if value % 1 == 0:
        return forms
    return [cents, f"{value:.2f}".replace(".", ",")]


def _pattern(value: str) -> re.Pattern[str] | None:
    """`value` as a pattern: its words with any white space between them, and, where it
    starts and ends with a letter or digit, whole ("113/21" is not found in "2113/21")."""
    words = value.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    if value.strip()[0].isalnum() and value.strip()[-1].isalnum():
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body)


def find(text: str, value: str, after: int = 0) -> tuple[int, int] | None:
    """Where `value` first occurs in `text` (from `after`): as written, across line breaks,
    then ignoring case; None if not at all."""
    pattern = _pattern(value)
    if pattern is None:
        return None
    for flags in (0, re.IGNORECASE):
        found = re.compile(pattern.pattern, flags).search(text, after)
        if found:
            return found.start(), found.end()
    return None


def find_any(text: str, forms: Iterable[str], after: int = 0) -> tuple[int, int] | None:
    """The earliest place from `after` where any of `forms` occurs."""
    places = [p for form in forms if (p := find(text, form, after)) is not None]
    return min(places) if places else None


# How many later occurrences of a value are tried when the first lies inside another mark
# (the council's name inside the paper's title).
_TRIES = 20


def spans(text: str, wanted: Iterable[tuple[str, list[str]]]) -> list[Span]:
    """For each (field, forms of its value) the first place one of the forms is found
    outside the marks of the fields listed before it, in text order."""
    taken: list[Span] = []
    for field, forms in wanted:
        after = 0
        for _ in range(_TRIES):
            place = find_any(text, forms, after)
            if place is None:
                break
            start, end = place
            clash = next((s for s in taken if start < s.end and s.start < end), None)
            if clash is None:
                taken.append(Span(start, end, field))
                break
            after = max(clash.end, start + 1)
    return sorted(taken, key=lambda s: s.start)


def marked(text: str, found: list[Span]) -> str:
    """`text` as HTML (escaped) with each span in a <mark> naming its field."""
    return "".join(_pieces(text, found))


def _pieces(text: str, found: list[Span]) -> Iterator[str]:
    at = 0
    for span in found:
        yield html.escape(text[at : span.start])
        field = html.escape(span.field, quote=True)
        yield (
            f'<mark data-field="{field}" id="mark-{field}" title="{field}">'
            f"{html.escape(text[span.start : span.end])}</mark>"
        )
        at = span.end
    yield html.escape(text[at:])
