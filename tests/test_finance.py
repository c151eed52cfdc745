"""finance: impact, budget coverage and amounts on the real dev-corpus papers, against gold."""

from __future__ import annotations

import pytest

from extractors import finance
from pipeline.clean.cleaner import clean
from pipeline.model import PaperType, Parsed, Record
from pipeline.segment import segment
from tests.conftest import DEV_DOCS, DEV_GOLD, gold


def extract(text: str, paper_type: PaperType) -> dict:
    doc = Parsed(source="test", text=text, pages=[text], sections=segment(text))
    result = finance.extract(doc, Record(source="test", paper_type=paper_type))["finance"]
    return {
        "impact": result.impact,
        "in_budget": result.in_budget,
        # The values, as the corpus scorer compares them: 7.220 € in 2026 and in 2027 are
        # two amounts of the record, and one value.
        "amounts": sorted({a.value for a in result.amounts}),
    }


def paper(name: str) -> str:
    record = gold(name)
    return record.get("clean_text") or clean((DEV_DOCS / name).read_text(encoding="utf-8")).text


@pytest.mark.parametrize("name", sorted(p.stem + ".txt" for p in DEV_GOLD.glob("*.json")))
def test_finance_matches_gold(name: str) -> None:
    expected = gold(name)["finance"]
    found = extract(paper(name), PaperType(gold(name)["paper_type"]))
    assert found == {
        "impact": expected["impact"],
        "in_budget": expected["in_budget"],
        "amounts": sorted(float(a["value"]) for a in expected["amounts"]),
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Haushaltsmittel stehen in voller Höhe zur Verfügung  ", True),  # karlsruhe_11596
        ("Die Mittel stehen zur Verfügung. ", True),  # karlsruhe_14171
        ("Die Haushaltsmittel stehen nicht zur Verfügung.", False),
        ("Haushaltsmittel stehen nur teilweise zur Verfügung.", None),
        # karlsruhe_620603: a form option whose check box the text lost says nothing.
        (
            "Haushaltsmittel sind für das Haushaltsjahr 2020 im Budget vorhanden. \nJa      \nNein",
            None,
        ),
        ("Müller steht unter den Telefonnummern 599-4250 gerne zur Verfügung.", None),
    ],
)
def test_funds_available(line: str, expected: bool | None) -> None:
    assert finance.funds_available(line) is expected


def test_amount_column_of_a_form_attachment_counts_even_in_no_paper() -> None:
    # karlsruhe_601001: an APL/ÜPL application form; its amounts stand under "Betrag€".
    found = extract(
        paper("karlsruhe_601001_ocr_apl_antrag2017-0812_schulsporthalle.txt"), PaperType.SONSTIGES
    )
    assert found["amounts"] == [1000000, 1500000, 3000000, 5000000, 5500000, 8000000]


def test_report_figures_are_no_amounts() -> None:
    # karlsruhe_678804: annual accounts with "6.972.764 €" in their notes.
    text = paper("karlsruhe_678804_ocr_jahresabschluss_fussballstadion2025.txt")
    assert "6.972.764 €" in text
    assert extract(text, PaperType.SONSTIGES)["amounts"] == []


def test_budget_form_row() -> None:
    # karlsruhe_673853: a Haushaltsantrag's yearly values under their row label, no unit.
    text = (
        " Erhöhung/Reduzierung Erträge, Aufwendungen, Ein- oder Auszahlungen \n"
        "Transferaufwendungen \n7.220 7.220                   \nBitte aus Liste auswählen \n"
    )
    assert finance.budget_row_amounts(text) == [7220, 7220]
    assert finance.budget_row_amounts("Anzahl der Plätze \n7.220 7.220\n") == []


@pytest.mark.parametrize(
    ("text", "in_budget"),
    [
        # Nordstemmen DS 17/2023: the account's number inside the sentence.
        (
            "Die Mittel sind unter dem Konto 12600.44210080 in Höhe von\nmaximal 920,00 € für "
            "das Jahr 2023 (Besetzung ab April) bereitgestellt.",
            True,
        ),
        # Hildesheim 23/224.
        (
            "Die Mittel wurden für den Haushalt 2023 und 2024 in die Haushaltsplanung eingebracht.",
            True,
        ),
        # Karlsruhe 2022/0286, 2019/0131.
        ("Die Haushaltsmittel sind im Doppelhaushalt 2022/2023 eingeplant.", True),
        (
            "Die Haushaltsmittel sind nicht im Doppelhaushalt enthalten und werden daher "
            "außerplanmäßig zur Verfügung gestellt.",
            False,
        ),
        ("Die Mittel werden im nächsten Haushalt beantragt.", None),
    ],
)
def test_funds_made_available_in_a_sentence(text: str, in_budget: bool | None) -> None:
    assert finance.funds_available(text) is in_budget


@pytest.mark.parametrize(
    ("text", "impact", "in_budget"),
    [
        # Klütz's ALLRIS form (batch U): the tick alone on the line above its option.
        (
            "Finanzielle Auswirkungen:\n\nBeschreibung\n\n \n\nX\n\n"
            "Finanzierungsmittel im Haushalt vorhanden.\n\n \n\ndurch Haushaltsansatz\n",
            None,
            True,
        ),
        # Kall's form as Politik bei Uns ran it together (batch U): the tick before its option.
        (
            "Haushaltsmäßige Auswirkungen: X Vorlage berührt nicht den Haushalt. Mittel"
            " verfügbar bei HHSt. Euro über-/außerplanmäßige Ausgabe erforderlich bei HHSt.",
            False,
            None,
        ),
        # The options without a tick say nothing.
        ("Vorlage berührt nicht den Haushalt.\n☐ Mittel im Haushalt vorhanden\n", None, None),
    ],
)
def test_a_ticked_option_of_the_finance_form(
    text: str, impact: bool | None, in_budget: bool | None
) -> None:
    doc = Parsed("t", text, [text], segment(text))
    finance_ = finance.extract(doc, Record("t", paper_type=PaperType.BESCHLUSSVORLAGE))["finance"]
    assert (finance_.impact, finance_.in_budget) == (impact, in_budget)
