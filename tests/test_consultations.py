"""consultations: the Beratungsfolge of papers from several councils, as gold gives it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors import committees, consultation_table, consultations, vocab
from pipeline.model import Consultation, PaperType, Record
from pipeline.read.discover import discover
from pipeline.run.document import process
from tests.conftest import DEV_DOCS, FIXTURES, gold

KARLSRUHE = FIXTURES / "karlsruhe"


def _record(path: Path) -> list[dict]:
    outcome = process(next(discover([path])), use_ocr=False)
    assert outcome.record is not None, outcome.errors
    return outcome.record.to_json()["consultations"]


def _rows(path: Path) -> list[tuple[str, dt.date | None, str | None, bool | None]]:
    found = _record(path)
    return [
        (c["organization"], c["date"] and dt.date.fromisoformat(c["date"]), c["role"], c["public"])
        for c in found
    ]


DEV_WITH_CONSULTATIONS = sorted(
    p.name for p in DEV_DOCS.iterdir() if p.suffix == ".txt" and gold(p.name)["consultations"]
)


@pytest.mark.parametrize("name", DEV_WITH_CONSULTATIONS)
def test_dev_papers_give_the_gold_beratungsfolge(name: str) -> None:
    # Covers: TAB tables (Kreis Unna), "Berichterstattung:" inside the committee cell (Kreis
    # Warendorf), ALLRIS blocks with the date first (Augsburg), de-interleaved forms and
    # tables (Karlsruhe), minutes (Niederschrift), a proposal split by committee (Heinsberg).
    assert _record(DEV_DOCS / name) == gold(name)["consultations"]


@pytest.mark.parametrize(
    "name",
    ["bericht-zukunftsmesse-kleinstaedte-2021.txt", "augsburg_INF-ANF_25_61471-1.txt"],
)
def test_papers_without_beratungsfolge_give_none(name: str) -> None:
    # "Für diese Vorlage erfolgt keine Beratung in Sitzungen der Gremien", and a report.
    assert _record(DEV_DOCS / name) == []


@pytest.mark.parametrize(
    "pdf",
    [*sorted((FIXTURES / "pdf").glob("*.pdf")), FIXTURES / "kreis-warendorf-vorlage-037-2025.pdf"],
    ids=lambda p: p.stem,
)
def test_pdf_and_text_of_a_paper_give_the_same_consultations(pdf: Path) -> None:
    from_pdf = _record(pdf)
    assert from_pdf == _record(DEV_DOCS / f"{pdf.stem}.txt")
    assert from_pdf  # every one of these papers has a Beratungsfolge


def test_wrapped_committee_name_over_de_interleaved_cells() -> None:
    # "Ausschuss für Umwelt und" / "Gesundheit" / "07.05.2015" / "10" / "vorberaten"
    assert [r[:2] for r in _rows(KARLSRUHE / "karlsruhe-2015-0083.txt")] == [
        ("Ausschuss für Umwelt und Gesundheit", dt.date(2015, 5, 7)),
        ("Hauptausschuss", dt.date(2015, 6, 16)),
        ("Gemeinderat", dt.date(2015, 6, 30)),
    ]


def test_marks_in_the_oe_noe_columns_say_public_or_not() -> None:
    # "Hauptausschuss 12.07.2022 25  x vorberaten" (nö), "Gemeinderat 26.07.2022 29 x" (ö)
    assert [(r[0], r[3]) for r in _rows(KARLSRUHE / "karlsruhe-2022-0630.txt")] == [
        ("Hauptausschuss", False),
        ("Gemeinderat", True),
    ]


def test_oe_n_letters_and_zustaendigkeit_roles() -> None:
    assert _rows(KARLSRUHE / "karlsruhe-2025-0147.txt") == [
        ("Haupt- und Finanzausschuss", dt.date(2025, 3, 11), "Vorberatung", False),
        ("Gemeinderat", dt.date(2025, 3, 25), "Entscheidung", True),
    ]


def test_header_form_of_an_antrag_names_its_session() -> None:
    # "Gremium:" ... "53. Plenarsitzung Gemeinderat" ... "24.09.2013" ... "öffentlich"
    assert _rows(KARLSRUHE / "karlsruhe-2013-0012.txt") == [
        ("Gemeinderat", dt.date(2013, 9, 24), None, True)
    ]


def test_table_ends_before_the_proposal_that_names_the_council() -> None:
    # The row after the table is "Antrag an den Gemeinderat / Ausschuss": no fourth row.
    assert [r[:3] for r in _rows(KARLSRUHE / "karlsruhe-2013-0240.txt")] == [
        ("Ausschuss für Umwelt und Gesundheit", dt.date(2013, 11, 29), "Vorberatung"),
        ("Hauptausschuss", dt.date(2013, 12, 10), "Vorberatung"),
        ("Gemeinderat", dt.date(2013, 12, 17), None),
    ]


def test_bare_column_header_starts_a_table() -> None:
    # "Gremium Termin TOP" / "ö" / "nö" / "Gemeinderat 17.11.2020 23 x"
    assert _rows(KARLSRUHE / "karlsruhe-2020-1074.txt") == [
        ("Gemeinderat", dt.date(2020, 11, 17), None, True)
    ]


def test_berichterstattung_is_not_part_of_the_committee() -> None:
    line = "Kreisausschuss Berichterstattung: Dezernent für Bauen, Planung und Umwelt\t21.03.2025"
    assert [n.text for n in committees.find(line)] == ["Kreisausschuss"]


def test_session_numbers_are_not_part_of_the_name() -> None:
    assert committees.clean("65. Plenarsitzung Gemeinderat") == "Gemeinderat"
    assert committees.clean("7. Sitzung Hauptausschuss") == "Hauptausschuss"


def test_a_proposal_split_by_committee_names_the_bodies() -> None:
    found = consultations.extract(
        _parsed(
            "Beschlussvorschlag:\n\nHaupt- und Finanzausschuss:\nDer Beitritt wird beschlossen."
            "\n\nRat:\nDer Technische Beigeordnete wird als Ansprechpartner bestimmt.\n"
        ),
        Record(source="x.txt", paper_type=PaperType.BESCHLUSSVORLAGE),
    )["consultations"]
    assert found == [Consultation("Haupt- und Finanzausschuss"), Consultation("Rat")]


def _parsed(text: str):  # type: ignore[no-untyped-def]
    from pipeline.model import Parsed
    from pipeline.segment import segment

    return Parsed(source="t.txt", text=text, pages=[text], sections=segment(text))


# --- vocabularies: every entry under a test ---------------------------------------------------

# A real name for every committee ending (committee_words.txt).
COMMITTEE_EXAMPLES = {
    "ausschuss": "Jugendhilfeausschuss",
    "rat": "Ortschaftsrat Grötzingen",
    "kreistag": "Kreistag",
    "landtag": "Landtag",
    "bezirkstag": "Bezirkstag",
    "vertretung": "Bezirksvertretung Mitte",
    "kommission": "Strukturkommission",
    "versammlung": "Stadtverordnetenversammlung",
    "konferenz": "Bürgermeisterkonferenz",
    "senat": "Senat",
    "städtetag": "Städtetag",  # the council of the StädteRegion Aachen
    "dienstberatung": "Dienstberatung der Oberbürgermeisterin",  # Dresden V1645/12
}


def test_every_committee_ending_has_an_example() -> None:
    assert set(COMMITTEE_EXAMPLES) == set(vocab.words("committee_words"))


@pytest.mark.parametrize(("ending", "name"), sorted(COMMITTEE_EXAMPLES.items()))
def test_committee_endings_make_a_committee(ending: str, name: str) -> None:
    row = f"{name}\t21.06.2021\töffentlich"
    assert [n.text for n in committees.find(row)] == [name]


@pytest.mark.parametrize("word", vocab.words("not_committees"))
def test_ordinary_words_with_a_committee_ending_are_none(word: str) -> None:
    assert committees.find(f"{word} 2 21.06.2021") == []


@pytest.mark.parametrize("role", vocab.words("consultation_roles"))
def test_roles_are_read_as_printed(role: str) -> None:
    table = (
        "Gremium\tSitzungsdatum\tBeschlussstatus\tBeratungsstatus\n"
        f"Kreistag\t22.06.2021\t{role}\töffentlich\n"
    )
    assert consultation_table.find(table) == [
        Consultation("Kreistag", dt.date(2021, 6, 22), role, True)
    ]


def test_committee_cell_wrapped_after_a_comma() -> None:
    # "OR Durlach - Ausschuss für Planung," / "Bauwesen und Umwelt" / "17.06.2024 2 N Vorberatung"
    assert _rows(KARLSRUHE / "karlsruhe-2024-0153.txt")[0] == (
        "Ausschuss für Planung, Bauwesen und Umwelt",
        dt.date(2024, 6, 17),
        "Vorberatung",
        False,
    )


def test_public_status_and_role_as_words() -> None:
    # "08.11.2023 nicht öffentlich Vorberatung" / "Gemeinderat 28.11.2023 öffentlich Entscheidung"
    rows = _rows(KARLSRUHE / "karlsruhe-2023-0878.txt")
    assert [(r[1], r[2], r[3]) for r in rows] == [
        (dt.date(2023, 11, 8), "Vorberatung", False),
        (dt.date(2023, 11, 28), "Entscheidung", True),
    ]
    assert rows[1][0] == "Gemeinderat"


def test_table_goes_on_past_a_wrapped_first_cell_that_is_no_committee() -> None:
    # 'AG „Regionale Schulentwicklung Stadt' / 'Karlsruhe“' / '02.06.2025 1 N Vorberatung'
    assert [(r[0], r[2]) for r in _rows(KARLSRUHE / "karlsruhe-2025-0344.txt")] == [
        ("Schulausschuss", "Vorberatung"),
        ("Ortschaftsrat Neureut", "Anhörung"),
        ("Haupt- und Finanzausschuss", "Vorberatung"),
        ("Gemeinderat", "Entscheidung"),
    ]


def test_joint_session_of_two_committees_shares_its_date() -> None:
    assert [r[:2] for r in _rows(KARLSRUHE / "karlsruhe-2023-0886.txt")] == [
        ("Kulturausschuss", dt.date(2023, 10, 19)),
        ("Integrationsausschuss", dt.date(2023, 10, 19)),
        ("Gemeinderat", dt.date(2023, 10, 24)),
    ]


def test_name_cut_after_und_goes_on_and_mark_column_follows_indentation() -> None:
    # "Ausschuss für Umwelt und" / "Gesundheit/Naturschutzbeirat" / "26.11.2019 4" / " x"
    # and "Gemeinderat 10.12.2019 17.1" / "x  ": indented mark = nö, mark at the start = ö.
    assert [(r[0], r[3]) for r in _rows(KARLSRUHE / "karlsruhe-2019-1148.txt")] == [
        ("Ausschuss für Umwelt und Gesundheit/Naturschutzbeirat", False),
        ("Gemeinderat", True),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Bau-, Planungs- und Umweltausschuss",
        "Haupt-, Finanz- und Personalausschuss",
        "Kultur-, Sport- und Sozialausschuss",
    ],
)
def test_a_name_of_three_coordinated_parts_keeps_them_all(name: str) -> None:
    assert [n.text for n in committees.find(f"{name}\t16.04.2024\töffentlich")] == [name]
    # A lower-case word with a comma before is no part ("im Bau-, Planungs- ...").
    assert [n.text for n in committees.find(f"Beratung im {name} am 16.04.2024")] == [name]
