"""reporters: persons under Berichterstattung, name only."""

from __future__ import annotations

import pytest

from extractors import reporters, vocab


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


@pytest.mark.parametrize("word", vocab.words("person_titles"))
def test_every_title_is_dropped(word: str) -> None:
    assert reporters.person_name(f"{word} Martin Terwey") == "Martin Terwey"
