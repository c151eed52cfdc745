"""Amounts that say what they are (issue 23): each amount's label as printed, year and
kind, on real lines of dev-corpus papers (values read off the papers), and the totals the
database states from them."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from extractors import finance, values, vocab
from pipeline.db import store
from pipeline.model import Amount, PaperType, Parsed, Record
from pipeline.read.discover import discover
from pipeline.run.document import process
from tests.conftest import DEV_DOCS
from tests.test_store import rows

KITA = "karlsruhe_620603_bv2020-1189_kita_richtlinie.txt"
KOHI = "karlsruhe_673853_dhh2025-4139_haushaltsantrag_kohi.txt"
BRUCHWEG = "karlsruhe_14171_bv2011_erschliessung_bruchwegaecker.txt"


def amounts_of(name: str) -> dict[tuple[float, int | None], Amount]:
    [source] = discover([DEV_DOCS / name])
    record = process(source, use_ocr=False).record
    assert record is not None
    return {(a.value, a.year): a for a in record.finance.amounts}


def described(text: str) -> list[Amount]:
    record = Record(source="x.txt", paper_type=PaperType.BESCHLUSSVORLAGE)
    return finance.extract(Parsed("x.txt", text, [text]), record)["finance"].amounts


def test_the_kita_paper_states_its_yearly_totals_and_their_parts() -> None:
    # "Aufwendungen (maximal) 2020 2021" over "für Einrichtungen in freier Trägerschaft
    # 3.010.000 Euro 3.100.000 Euro", "... kommunaler Trägerschaft 400.000 ...", "Gesamt ...".
    found = amounts_of(KITA)
    assert found[(3410000.0, 2020)].kind == "total"
    assert found[(3520000.0, 2021)].kind == "total"
    free = found[(3010000.0, 2020)]
    assert (free.label, free.kind) == ("für Einrichtungen in freier Trägerschaft", "cost part")
    assert found[(3100000.0, 2021)].kind == "cost part"
    assert found[(400000.0, 2020)].label == "für Einrichtungen in kommunaler Trägerschaft"


def test_a_budget_row_has_an_amount_per_year_and_prose_names_its_years() -> None:
    found = amounts_of(KOHI)
    # "Art 2026 2027 2028 2029 2030" / "Transferaufwendungen" / "7.220 7.220".
    assert found[(7220.0, 2026)].label == "Transferaufwendungen"
    assert found[(7220.0, 2027)].kind == "cost"
    # "die institutionelle Förderung von 25.550 € im Jahr 2026 und 25.920 im Jahr 2027".
    assert found[(25550.0, 2026)].label == "institutionelle Förderung"
    assert found[(25920.0, 2027)].kind == "grant"


def test_insgesamt_is_a_total_and_the_rows_above_it_its_parts() -> None:
    found = amounts_of(BRUCHWEG)
    assert (found[(580000.0, None)].label, found[(580000.0, None)].kind) == ("Insgesamt", "total")
    assert (found[(120000.0, None)].label, found[(120000.0, None)].kind) == (
        "Straßenbeleuchtung",
        "part",
    )


@pytest.mark.parametrize(("kind", "word"), vocab.rows("amount_words"))
def test_each_amount_word_names_an_amount(kind: str, word: str) -> None:
    [amount] = described(f"Die Vorlage nennt {word} von 12.500 € für das Vorhaben.\n")
    assert amount.label is not None and amount.label.casefold().endswith(word.casefold())
    if kind in ("cost", "income", "grant", "total", "part"):
        assert kind in (amount.kind or "").split()
    else:
        assert amount.kind is None


def test_nine_in_ten_amounts_of_the_dev_corpus_have_a_label() -> None:
    labelled = total = 0
    for source in discover([DEV_DOCS]):
        record = process(source, use_ocr=False).record
        amounts = record.finance.amounts if record is not None else []
        labelled += sum(1 for a in amounts if a.label)
        total += len(amounts)
    assert total >= 40
    assert labelled / total >= 0.9


@pytest.fixture
def engine(tmp_path: Path) -> sa.Engine:
    engine = store.connect(f"sqlite:///{tmp_path / 'amounts.sqlite'}")
    yield engine
    engine.dispose()


def test_the_overview_states_the_papers_total_and_sums_per_year(engine: sa.Engine) -> None:
    for name in (KITA, "kreis-unna-drucksache-113-21.txt"):
        [source] = discover([DEV_DOCS / name])
        store.save(engine, process(source, use_ocr=False))
    totals = dict(rows(engine, "select reference, stated_total from paper_overview"))
    # Kita: "Gesamt 3.410.000 Euro 3.520.000 Euro" for 2020 and 2021; Unna: its one amount.
    assert totals == {"2020/1189": 6930000.0, "113/21": 300000.0}
    by_year = rows(
        engine,
        "select year, amount_eur from amounts_by_year where reference = '2020/1189' order by year",
    )
    assert by_year == [(2020, 3410000.0), (2021, 3520000.0)]
    assert rows(engine, "select label, kind from amounts where value = 300000") == [
        ("entstehende Aufwand", "cost")
    ]


def test_an_amount_whose_currency_wrapped_to_the_next_line() -> None:
    # Ahnsen's minutes and Karlsruhe's papers: a justified paragraph broke the line between
    # the number and its currency.
    text = (
        "Aufwendungen in Höhe von 1.029.800\n€ festgesetzt. i. H. v. 56.000,00 \nEuro  mit "
        "Kosten bei rund 820,00\nEUR pro Kind"
    )
    assert [value for _, value in values.find_amounts(text)] == [1029800.0, 56000.0, 820.0]
    # A year or a bare number ending the line above is no amount of the currency below.
    assert [value for _, value in values.find_amounts("Jahr 2025\nEUR 300 und 12\n€ 5")] == [
        300.0,
        5.0,
    ]
