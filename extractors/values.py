"""Value parsers shared by the extractors: dates and money amounts.

Error policy: every parser returns None for text it cannot read with confidence; none raises.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from extractors import scan

MONTHS = (
    "Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|"
    "August|September|Oktober|November|Dezember"
)
# 05.12.2019, 5.12.19 (not part of a longer number such as a product "1.11.01.40")
NUMERIC_DATE = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2}|\d{2})(?![\d])(?!\.\d)"
)
# A date as printed, numeric or with the month's name, for building larger patterns
# ("Augsburg, den 26.11.2025", "vom 3. März 2024", "Datum: 2012-01-24").
DATE_TEXT = (
    rf"(?:\d{{1,2}}\.\s?(?:\d{{1,2}}\.\s?\d{{2,4}}|(?i:{MONTHS})\s+\d{{4}})"
    r"|(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d./-]))"
)
WEEKDAYS = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
# "Augsburg, den 26.11.2025", "Karlsruhe, 3. März 2024", "Hannover / 14.04.2026": the date
# of a letter, a line of its own; "Mittwoch, 24.04.2024" is a session's day, not a place.
LETTER_DATE = re.compile(
    rf"^[ \t]*(?!{WEEKDAYS}\b)"
    r"[A-ZÄÖÜ][\wäöüß. -]{1,40}?(?:,|[ \t]+/)[ \t]*(?:den[ \t]+)?"
    rf"(?P<date>{DATE_TEXT})[ \t]*$",
    re.M,
)
# 28. März 2025, 1. Januar 2011
WORD_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*({MONTHS})\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)

# "2026 Oct 21": a RIS page's date as its script wrote it (ALLRIS net 4's Beratungsfolge),
# the year first and the month's short English or German name.
YEAR_FIRST_DATE = re.compile(
    r"(?<![\d.])((?:19|20)\d\d)[ \t]+"
    r"(Jan|Feb|Mar|Mär|Apr|May|Mai|Jun|Jul|Aug|Sep|Sept|Oct|Okt|Nov|Dec|Dez)\.?[ \t]+"
    r"(\d{1,2})(?![\d.:])",
    re.IGNORECASE,
)

# "2012-01-24": ISO 8601, as a RIS's database or a website prints a date.
ISO_DATE = re.compile(
    r"(?<![\d./-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d./-])"
)


def numeric_date(day: str, month: str, year: str) -> dt.date | None:
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 70 else 1900
    return _date(y, int(month), int(day))


def _date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where the month has no such day ("31.04.", "29. Februar 2023")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


@functools.cache
def _month_numbers() -> dict[str, int]:
    """German month name (lower case) -> month number, from dateparser's German locale
    data, which also knows the Austrian forms ("Jänner", "Feber") and abbreviations.
    "Maerz", typed without the umlaut, dateparser does not know."""
    from dateparser.languages.loader import default_loader

    info = default_loader.get_locale("de").info
    numbers = {"maerz": 3}
    for number, month in enumerate(_ENGLISH_MONTHS, 1):
        numbers.update((name.lower(), number) for name in info[month])
        numbers.setdefault(month[:3], number)  # "Oct", "Dec": a RIS script's short names
        numbers.setdefault(month, number)  # "December": a website's front matter
    numbers.setdefault("sept", 9)
    return numbers


def _named_month_date(day: str, month: str, year: str) -> dt.date | None:
    """The date of a WORD_DATE match's parts ("28", "März", "2025"), or None.

    WORD_DATE has already taken the date apart, so only the month's number is looked up:
    dateparser's parser, asked the same, took 0.7 ms a call and 0.2 s of a run's start-up,
    to build its time-zone patterns."""
    number = _month_numbers().get(month.lower())
    return _date(int(year), number, int(day)) if number else None


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """(offset, date) for every numeric or written date in `text`, in order of appearance."""
    return list(_find_dates(text))


# Asked of the same lines and cells by several extractors (see committees._find).
@functools.lru_cache(maxsize=4096)
def _find_dates(text: str) -> tuple[tuple[int, dt.date], ...]:
    found = []
    for m in NUMERIC_DATE.finditer(text):
        value = numeric_date(*m.groups())
        if value:
            found.append((m.start(), value))
    for m in WORD_DATE.finditer(text):
        value = _named_month_date(*m.groups())
        if value:
            found.append((m.start(), value))
    for m in ISO_DATE.finditer(text):
        value = _date(*map(int, m.groups()))
        if value:
            found.append((m.start(), value))
    for m in YEAR_FIRST_DATE.finditer(text):
        year, month, day = m.groups()
        value = _named_month_date(day, month, year)
        if value:
            found.append((m.start(), value))
    return tuple(sorted(found, key=lambda item: item[0]))


# "Dec 11 2020", "December 11, 2020": a website's date (a Markdown file's front matter).
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9})\.?[ \t]+(\d{1,2}),?[ \t]+((?:19|20)\d\d)")


def english_date(text: str) -> dt.date | None:
    """The date of a "Dec 11 2020" / "December 11, 2020" at the start of `text`, or None."""
    m = _MONTH_DAY_YEAR.match(text.strip())
    return _named_month_date(m.group(2), m.group(1), m.group(3)) if m else None


def parse_date(text: str) -> dt.date | None:
    """The first date in `text`, if any."""
    found = find_dates(text)
    return found[0][1] if found else None


# --- money ---------------------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?"
# A number in thousands notation ("25.920", "1.500.000"): in a money context, an amount.
_GROUPED = r"\d{1,3}(?:\.\d{3})+(?:,\d{2})?"
_SCALE = r"(?P<scale>Mio\.?|Millionen|Million|Mrd\.?|Milliarden|Milliarde|Tsd\.?|Tausend|T)"
_CURRENCY = r"(?P<cur>€|EUR\b|Euro\b)"
# "725.000,- €", "1.500,-- EUR": a dash for the cents.
_NO_CENTS = r"(?:,[-–]{1,2})?"
# Number and currency may be set apart by spaces or a tab ("109.740.000 \t€").
AMOUNT = re.compile(
    rf"(?<![\d.,])(?P<num>{_NUMBER})(?![\d]){_NO_CENTS}[ \t]{{0,3}}(?:{_SCALE}[ \t]?)?{_CURRENCY}",
)
# A thousands-notation number or one with cents ending a line, its currency starting the
# next (a paragraph wrapped between them: "Aufwendungen in Höhe von 1.029.800" / "€
# festgesetzt", "bei rund 820,00" / "EUR pro Kind").
_WRAPPED_AMOUNT = re.compile(
    rf"(?<![\d.,])(?P<num>\d{{1,3}}(?:\.\d{{3}})+(?:,\d{{2}})?|\d{{1,3}},\d{{2}})[ \t]*\n[ \t]*"
    rf"(?:{_SCALE}[ \t]?)?{_CURRENCY}"
)
# The currency first ("EUR 5.000"), in the same cell: not "202.600 Euro<TAB>56-26" (an
# amount, then the paper's number in the next column), nor a number's first part ("56-26").
AMOUNT_PREFIX = re.compile(
    rf"(?:€|EUR|Euro) ?(?P<num>{_NUMBER})(?![\d.,]?\d)(?![-/]\d)(?:[ \t]?{_SCALE}\b)?"
)
# "zwischen 2.000 und 3.000 €", "3 bis 5 Mio. Euro": the first number shares the second's
# scale and currency. Not a year ("1,6 Mio. € in 2019 bzw. 1,6 Mio. €"), no dash
# ("im Jahr 2021 – 3.000 €").
_RANGE_START = re.compile(
    rf"(?<![\d.,])(?!(?:19|20)\d\d\b)(?P<first>{_NUMBER})(?![\d.,]?\d)"
    rf"[ \t]*(?:und|bis|oder|bzw\.)[ \t]*"
    rf"(?={AMOUNT.pattern})"
)
# "von 25.550 € im Jahr 2026 und 25.920 im Jahr 2027": a thousands-notation number joined by
# "und"/"bzw."/"oder" to an amount shortly before it, with no other number between but a year.
_COORDINATED = re.compile(
    rf"(?:€|EUR\b|Euro\b)(?:(?!(?<![\d.,])(?!(?:19|20)\d\d\b)\d)[^\n.;:€]){{0,30}}?"
    rf"\b(?:und|oder|bzw\.|sowie)[ \t]+(?P<num>{_GROUPED})(?![\d.,]?\d)(?![ \t]*(?:%|Prozent))"
)
_GROUPED_NUMBER = re.compile(_GROUPED)
_SCALES = {
    "mio": 1e6,
    "million": 1e6,
    "millionen": 1e6,
    "mrd": 1e9,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "tsd": 1e3,
    "tausend": 1e3,
    "t": 1e3,
}


def parse_number(text: str) -> float | None:
    """German number notation: "2.000,00" -> 2000.0, "3,5" -> 3.5; None if it is not one."""
    text = text.strip()
    if not re.fullmatch(_NUMBER, text):
        return None
    return float(text.replace(".", "").replace(",", "."))


def format_number(value: float) -> str:
    """German thousands notation with cents where there are any: 2000.5 -> "2.000,50"."""
    whole, cents = divmod(round(value * 100), 100)
    text = f"{whole:,}".replace(",", ".")
    return f"{text},{cents:02d}" if cents else text


def amount_value(number: str, scale: str | None) -> float | None:
    """The value of a printed amount in EUR: ("3,5", "Mio.") -> 3500000.0; None if unreadable."""
    value = parse_number(number)
    if value is None:
        return None
    if scale:
        value *= _SCALES[scale.rstrip(".").lower()]
    return round(value, 2)


# Every amount pattern above matches within one line (or a line and the currency starting
# the next) and names its currency; only the lines with a currency word are searched (most
# lines of a paper have none, and the patterns try every number).
_CURRENCY_WORDS = ("€", "EUR", "Euro")


def find_amounts(text: str) -> list[tuple[int, float]]:
    """(offset, value in EUR) for every money amount in `text`, in order of appearance."""
    found = []
    # Searched with pos/endpos in the whole text: offsets stay the text's, and the patterns'
    # look-behinds still see the line break before a line (at its end they see none, which
    # they treat alike).
    for start, end in scan.lines_with(text, *_CURRENCY_WORDS):
        if start > 0 and text[start:end].lstrip().startswith(_CURRENCY_WORDS):
            above = text.rfind("\n", 0, start - 1) + 1  # its number may end the line above
            for m in _WRAPPED_AMOUNT.finditer(text, above, end):
                found.append((m.start("num"), amount_value(m.group("num"), m.group("scale"))))
        for pattern in (AMOUNT, AMOUNT_PREFIX):
            for m in pattern.finditer(text, start, end):
                found.append((m.start("num"), amount_value(m.group("num"), m.group("scale"))))
        for m in _RANGE_START.finditer(text, start, end):
            # Without a scale only a thousands-notation number is taken ("Anlage 3 und 2.000 €").
            if m.group("scale") or _GROUPED_NUMBER.fullmatch(m.group("first")):
                found.append((m.start("first"), amount_value(m.group("first"), m.group("scale"))))
        for m in _COORDINATED.finditer(text, start, end):
            found.append((m.start("num"), amount_value(m.group("num"), None)))
    return sorted((offset, value) for offset, value in set(found) if value)
