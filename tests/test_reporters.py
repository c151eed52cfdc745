"""reporters: persons under Berichterstattung, name only."""

from __future__ import annotations

import pytest

from extractors import reporters, vocab
from pipeline.model import Parsed, Record
from tests.conftest import DEV_DOCS, gold


def _reporters(text: str) -> list[str]:
    doc = Parsed(source="t.txt", text=text, pages=[text])
    return reporters.extract(doc, Record(source="t.txt", text=text))["reporters"]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("Kreisdirektor Mike-Sebastian Janke", "Mike-Sebastian Janke"),
        ("KLD Martin Terwey\t07.03.2025", "Martin Terwey"),
        ("Dezernent für Bauen, Planung und Umwelt Michael Ottmann\t21.03.2025", "Michael Ottmann"),
    ],
)
def test_person_name_drops_office(value: str, name: str) -> None:
    assert reporters.person_name(value) == name


@pytest.mark.parametrize(
    ("value", "name"),
    [
        # Particles belong to the surname; a title before the name keeps every given name.
        ("Frau Dr. Ursula von der Leyen", "Ursula von der Leyen"),
        ("Erster Beigeordneter Hans-Peter van der Berg 12.03.2024", "Hans-Peter van der Berg"),
        ("Bürgermeisterin Anna Maria Schmidt", "Anna Maria Schmidt"),
        # An office after the name, behind a comma.
        ("Michael Ottmann, Dezernent für Bauen", "Michael Ottmann"),
        # A surname alone after a title.
        ("Herrn Bürgermeister Schulze", "Schulze"),
    ],
)
def test_name_forms(value: str, name: str) -> None:
    assert reporters.person_name(value) == name


@pytest.mark.parametrize("value", ["Dezernat III", "Amt für Schule und Sport", "Kreisdirektor"])
def test_a_value_naming_no_person_gives_none(value: str) -> None:
    assert reporters.person_name(value) is None


@pytest.mark.parametrize("word", vocab.words("person_titles"))
def test_every_title_is_dropped(word: str) -> None:
    assert reporters.person_name(f"{word} Anna Maria Terwey") == "Anna Maria Terwey"


@pytest.mark.parametrize(
    "name", ["kreis-unna-drucksache-113-21.txt", "kreis-warendorf-vorlage-037-2025.txt"]
)
def test_dev_papers_give_the_gold_reporters(name: str) -> None:
    # "Berichterstattung<TAB>Kreisdirektor ..." and, inside the Beratungsfolge rows,
    # "Kreisausschuss Berichterstattung: Dezernent für ... Michael Ottmann<TAB>21.03.2025".
    text = (DEV_DOCS / name).read_text(encoding="utf-8")
    assert _reporters(text) == gold(name)["reporters"]


def test_referent_is_no_berichterstattung() -> None:
    # augsburg_INF-ANF_25_61471-1: the author of an answer, not a reporter in a session.
    assert _reporters("Referent/in: \nReiner Erben, berufsm. Stadtratsmitglied   \nDatum: \n") == []


@pytest.mark.parametrize(
    "line",
    [
        # karlsruhe-2024-1142: a title line of a report, no label.
        "Berichterstattung TechnologieRegion Karlsruhe \n",
        # karlsruhe-2020-0296: the word in prose.
        "die Berichterstattung gegenüber den politischen Gremien und der Öffentlichkeit. Die "
        "Bearbeitung \n",
        # karlsruhe-2024 Beteiligungsbericht: when and where, no person.
        "Berichterstattung erfolgte im Aufsichtsrat am 28. Juni 2024 \n",
    ],
)
def test_the_word_outside_a_form_label_names_no_reporter(line: str) -> None:
    assert _reporters(line) == []


def test_label_berichterstattung_durch() -> None:
    assert _reporters("Berichterstattung durch:\tKreisdirektor Mike-Sebastian Janke\n") == [
        "Mike-Sebastian Janke"
    ]


def test_label_with_its_value_on_the_next_line() -> None:
    # A form whose values pdftotext put under their labels.
    assert _reporters("Berichterstattung:\nKreisdirektor Mike-Sebastian Janke\n") == [
        "Mike-Sebastian Janke"
    ]
