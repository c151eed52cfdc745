"""values: the money-amount parser, property-tested, and its reading of real amount phrases."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import values
from tests.conftest import MONTH_NAMES

cents = st.integers(min_value=1, max_value=10**13).map(lambda c: c / 100)


@given(cents)
def test_parse_inverts_format(value: float) -> None:
    assert values.parse_number(values.format_number(value)) == value


@given(cents, st.sampled_from(["€", "EUR", "Euro"]), st.sampled_from([" ", "", " \t"]))
def test_a_formatted_amount_is_found_with_its_value(value: float, currency: str, gap: str) -> None:
    text = f"Die Kosten betragen {values.format_number(value)}{gap}{currency} pro Jahr."
    assert [v for _, v in values.find_amounts(text)] == [value]


@given(st.text())
def test_parsers_never_raise(text: str) -> None:
    values.parse_number(text)
    values.find_amounts(text)
    values.amount_value(text, None)


@pytest.mark.parametrize("text", ["", "2.00.000", "1,5,5", "zwanzig", "12.3456", "€"])
def test_unreadable_numbers_are_none(text: str) -> None:
    assert values.parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Real phrases from the dev corpus papers.
        (
            "Der Mitgliedsbeitrag beträgt für Städte bis 100.000 Einwohner 2.000,00 € pro Jahr.",
            [2000],
        ),
        ("Es fallen Kosten in Höhe von 20.000 EUR an.", [20000]),
        ("2020: \nmax. 3.410.000 Euro", [3410000]),
        ("ein Budget von 300 T€ bereitgestellt", [300000]),
        ("Fördermittel in Höhe von 3,5 Mio. Euro", [3500000]),
        ("135 Tsd. € im Jahr", [135000]),
        ("einem Jahr \t109.740.000 \t€ \t(Vorjahr \t0 \t€ \t).", [109740000]),
        # karlsruhe_673853: the second amount's currency is understood from the first.
        (
            "Zudem wird die institutionelle Förderung von 25.550 € im Jahr 2026 und 25.920 im Jahr "
            "2027 um weitere \n5.000 € erhöht.",
            [25550, 25920, 5000],
        ),
        # Karlsruhe corpus (karlsruhe-2015-0688, -2016-0344): ranges share the unit.
        ("Überschuss zwischen 2 und 3 Mio. Euro jährlich", [2000000, 3000000]),
        ("liegt zwischen 20.000 und 500.000 Euro.", [20000, 500000]),
        # karlsruhe-2019-1143: a year before "bzw." is no amount.
        ("auf 3,6 Mio. € in 2019 bzw. 1,6 Mio. € in 2020", [3600000, 1600000]),
        ("Kosten von 5.000 € für 2.000 Teilnehmer und 3.000 Besucher", [5000]),
        ("Seite 3 und 2.000 €", [2000]),
        ("Der Anteil steigt um 8,7% auf 20 %.", []),
    ],
)
def test_amounts_in_real_phrases(text: str, expected: list[float]) -> None:
    assert [v for _, v in values.find_amounts(text)] == expected


def test_date_functions_still_read_dates() -> None:
    assert values.parse_date("Sitzung am 05.12.2019") == dt.date(2019, 12, 5)
    assert values.parse_date("Produkt 1.11.01.40") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sitzung vom 28. März 2025", dt.date(2025, 3, 28)),
        ("Sitzung vom 28. Maerz 2025", dt.date(2025, 3, 28)),  # typed without umlauts
        ("am 3. MAERZ 2024", dt.date(2024, 3, 3)),
        ("Wien, 1. Jänner 2020", dt.date(2020, 1, 1)),
        ("bis 31. Dezember 2023 und ab 1. Januar 2024", dt.date(2023, 12, 31)),
    ],
)
def test_dates_with_the_month_name(text: str, expected: dt.date) -> None:
    assert values.parse_date(text) == expected


@pytest.mark.parametrize("name", values.MONTHS.split("|"))
def test_every_month_name_the_date_pattern_knows_has_its_number(name: str) -> None:
    number = {"jänner": 1, "maerz": 3}.get(name.lower()) or MONTH_NAMES.index(name) + 1
    assert values.parse_date(f"am 15. {name} 2024") == dt.date(2024, number, 15)
    assert values.parse_date(f"am 15. {name.upper()} 2024") == dt.date(2024, number, 15)


@pytest.mark.parametrize(
    "text", ["am 31. April 2025", "am 29. Februar 2023", "am 0. Mai 2024", "am 32. Mai 2024"]
)
def test_a_day_the_month_does_not_have_is_no_date(text: str) -> None:
    assert values.parse_date(text) is None


def test_a_leap_day_is_a_date() -> None:
    assert values.parse_date("am 29. Februar 2024") == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Datum 2012-01-24", dt.date(2012, 1, 24)),
        ("Sitzung am 2024-11-05 um 18 Uhr", dt.date(2024, 11, 5)),
    ],
)
def test_iso_dates_as_a_ris_database_prints_them(text: str, expected: dt.date) -> None:
    assert values.parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Vorlage 2023-0878",  # Karlsruhe's reference: year and serial
        "Tel. 2012-13-24",  # no month 13
        "Az. 2012-01-24-3",  # part of a longer number
        "Az. 10-2012-01-24",
    ],
)
def test_numbers_that_only_look_like_iso_dates_are_none(text: str) -> None:
    assert values.parse_date(text) is None
