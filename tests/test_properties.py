"""Property tests: the value parsers (dates, amounts, product numbers, references) read what
they are given in every printed form, and the text stages survive random and mutated real
texts: no exception, no extractor error, and cleaning changes no word beyond its log."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import form, header, products, registry, values
from pipeline.clean.cleaner import apply, clean
from pipeline.model import Correction, Parsed
from pipeline.segment import segment
from tests.conftest import DEV_DOCS, MONTH_NAMES

# Real papers to mutate: a Beschlussvorlage, an Antrag, a Niederschrift and an OCR'd paper.
REAL = [
    (DEV_DOCS / name).read_text(encoding="utf-8")
    for name in (
        "kreis-unna-drucksache-113-21.txt",
        "augsburg_ANT_25_61798.txt",
        "karlsruhe_679851_niederschrift_hfa_20260714_top9.txt",
        "karlsruhe_589228_ocr_stellungnahme2015-0545_klinikum.txt",
    )
]

dates = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2069, 12, 31))


@given(dates, st.sampled_from(["%d.%m.%Y", "%-d.%-m.%Y", "%d.%m.%y", "%d. %m. %Y"]))
def test_numeric_dates_in_every_printed_form(date: dt.date, fmt: str) -> None:
    assert values.parse_date(f"Sitzung am {date.strftime(fmt)} im Rathaus") == date


@settings(max_examples=40, deadline=None)
@given(dates)
def test_dates_with_the_month_written_out(date: dt.date) -> None:
    written = f"{date.day}. {MONTH_NAMES[date.month - 1]} {date.year}"
    assert values.parse_date(f"Karlsruhe, {written}") == date


@given(st.text())
def test_date_parsers_never_raise(text: str) -> None:
    for offset, date in values.find_dates(text):
        assert 0 <= offset < len(text) and isinstance(date, dt.date)


@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(["Mio.", "Tsd.", "T"]))
def test_amounts_with_a_scale(whole: int, scale: str) -> None:
    factor = {"Mio.": 10**6, "Tsd.": 10**3, "T": 10**3}[scale]
    number = values.format_number(whole)
    assert [v for _, v in values.find_amounts(f"rund {number} {scale} €")] == [whole * factor]


# Product numbers as budget plans print them: "01.05.04", "1.11.01.40", "2810-410", "090110".
product_numbers = st.one_of(
    st.lists(st.integers(0, 99).map("{:02d}".format), min_size=2, max_size=4).map(".".join),
    st.tuples(st.integers(1000, 9999), st.integers(100, 999)).map("{0[0]}-{0[1]}".format),
    st.integers(0, 999_999).map("{:06d}".format),
)
product_names = st.sampled_from(
    ["Räumliche Planung und Entwicklung", "Digitalisierung", "Schulen", "Soziale Hilfen"]
)


@given(product_numbers, product_names)
def test_product_line_gives_number_and_name(number: str, name: str) -> None:
    doc = Parsed(source="x", text=f"Produkt {number} {name}\n", pages=[])
    found = products.extract(doc, None)["products"]  # type: ignore[arg-type]
    assert [(p.number, p.name) for p in found] == [(number, name)]


references = st.builds(
    "{}/{}/{}{}".format,
    st.text("ABDFINTVS", min_size=2, max_size=5),
    st.integers(10, 9999),
    st.integers(100, 999_999),
    st.sampled_from(["", "-1", "/2"]),
)


@given(references)
def test_code_reference_alone_on_a_line_is_the_reference(reference: str) -> None:
    lines = ["Stadt Augsburg", "", reference, "", "Betreff: Antrag der Fraktion"]
    assert header.reference(lines, form.read(lines)) == reference


# --- fuzzing the text stages --------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real paper cut to a window, with a few characters replaced, deleted or inserted."""
    text = draw(st.sampled_from(REAL))
    start = draw(st.integers(0, len(text) - 1))
    text = text[start : start + draw(st.integers(1, 3000))]
    noise = st.text(st.characters(codec="utf-8"), max_size=3) | st.sampled_from(
        ["-\n", "\xad", "\f", "\t", ",,", "*", "€", "ä", "\u0308", "\r", "\x00"]
    )
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + draw(noise) + text[at + cut :]
    return text


def words(text: str) -> int:
    return len(text.split())


def word_changes(raw: str, text: str, corrections: list[Correction]) -> list[tuple[int, int]]:
    """(change in the number of words, joins logged) for each stretch of the raw text that
    corrections touch, widened to whitespace on both sides so words are counted whole.
    Outside these stretches the cleaned text is the raw text, so the changes add up."""
    groups: list[list[int]] = []  # [raw start, raw end, text start, text end, joins]
    shift = 0
    for c in corrections:
        start, end = c.offset, c.offset + len(c.original)
        while start > 0 and not raw[start - 1].isspace():
            start -= 1
        while end < len(raw) and not raw[end].isspace():
            end += 1
        growth = len(c.replacement) - len(c.original)
        joins = int("hyphen" in c.rule)
        if groups and start <= groups[-1][1]:
            group = groups[-1]
            group[1], group[3], group[4] = end, end + shift + growth, group[4] + joins
        else:
            groups.append([start, end, start + shift, end + shift + growth, joins])
        shift += growth
    return [(words(text[t0:t1]) - words(raw[r0:r1]), joins) for r0, r1, t0, t1, joins in groups]


def check_text_stages(text: str) -> None:
    result = clean(text)
    assert apply(result.raw, result.corrections) == result.text
    # The word count changes only where a logged correction joins a hyphenated word.
    changes = word_changes(result.raw, result.text, result.corrections)
    assert words(result.text) - words(result.raw) == sum(change for change, _ in changes)
    assert all(-joins <= change <= 0 for change, joins in changes)
    sections = segment(result.text)
    # Sections cover the text in order, each its heading and then its body.
    assert [s.start for s in sections[1:]] == [s.end for s in sections[:-1]]
    assert sections[0].start == 0 and sections[-1].end == len(result.text)
    assert all(result.text[s.start : s.end].endswith(s.text) for s in sections)
    doc = Parsed(source="x", text=result.text, pages=result.text.split("\f"), sections=sections)
    _, errors = registry.extract(doc)
    assert errors == []  # no extractor raised


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_text_stages_on_mutated_real_papers(text: str) -> None:
    check_text_stages(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_text_stages_on_random_text(text: str) -> None:
    check_text_stages(text)
