"""segment: section headings found on real council-paper lines; every sections.tsv entry tested."""

from __future__ import annotations

import pytest

from extractors import vocab
from pipeline.model import Parsed
from pipeline.segment import HEADER, LABELS, find_headings, segment
from tests.conftest import DEV_DOCS


def labels(text: str) -> list[str]:
    return [label for label, *_ in find_headings(text)]


def parsed(name: str) -> Parsed:
    text = (DEV_DOCS / name).read_text(encoding="utf-8")
    return Parsed(source=name, text=text, pages=[text], sections=segment(text))


@pytest.mark.parametrize(("label", "phrase"), vocab.rows("sections"))
def test_every_heading_phrase_is_found_alone_and_before_a_colon(label: str, phrase: str) -> None:
    assert label in LABELS
    assert labels(f"Vorlage 037/2025\n\n{phrase}\nText der Vorlage.\n") == [label]
    assert labels(f"Vorlage 037/2025\n{phrase}: Text der Vorlage.\n") == [label]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        # Karlsruhe forms flatten their check boxes onto the heading line.
        ("Finanzielle Auswirkungen                     nein         ja  ", "finanzen"),
        ("Finanzielle Auswirkungen:\t\t⊠ ja\t\tnein", "finanzen"),
        # A Haushaltsantrag form: Word's symbol-font bullet before the field name.
        ("\uf075 Sachverhalt | Begründung ", "begruendung"),
        ("Antrag an den Gemeinderat / Ausschuss  ", "beschlussvorschlag"),
        ("Beschluss: ", "beschluss"),
        ("Abstimmungsergebnis:", "abstimmung"),
    ],
)
def test_real_heading_lines(line: str, label: str) -> None:
    assert labels(f"Text\n{line}\nmehr Text\n") == [label]


@pytest.mark.parametrize(
    "text",
    [
        # karlsruhe_620603: "... gemäß der beigefügten Anlage." wraps before its last word.
        "die neu gefasste Richtlinie gemäß der beigefügten\nAnlage. \n",
        "Beschlussvorschlag für die Sitzung des Rates wird nachgereicht\n",
        "Beschlussart: einstimmig\n",
    ],
)
def test_prose_is_no_heading(text: str) -> None:
    assert labels(text) == []


def test_sections_of_a_karlsruhe_vorlage() -> None:
    doc = parsed("karlsruhe_620603_bv2020-1189_kita_richtlinie.txt")
    assert doc.sections[0].label == HEADER
    proposal = doc.section("beschlussvorschlag")
    assert proposal is not None and proposal.heading == "Beschlussantrag"
    assert proposal.text.strip().startswith("Der Gemeinderat beschließt nach Vorberatung")
    assert proposal.text.rstrip().endswith("zu be-\nschließen.")
    assert [s.label for s in doc.sections_labelled("beschluss")] == ["beschluss"]


def test_section_offsets_index_the_text() -> None:
    doc = parsed("karlsruhe_679851_niederschrift_hfa_20260714_top9.txt")
    decision = doc.section("beschluss")
    assert decision is not None
    assert doc.text[decision.end - len(decision.text) : decision.end] == decision.text
    assert decision.text.strip() == "Kenntnisnahme im Rahmen der Vorberatung für den Gemeinderat"


def test_padded_form_heading_is_measured_without_its_padding() -> None:
    # karlsruhe-2015-0620 (Karlsruhe corpus): the check boxes sit far right of the label.
    line = "Finanzielle Auswirkungen                       nein          ja  "
    assert labels(f"Der Gemeinderat beschließt die Aufstellung der Stele. \n \n{line}\n") == [
        "finanzen"
    ]
