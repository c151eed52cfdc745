"""paper_type on the real first lines of council papers and of non-papers."""

from __future__ import annotations

import pytest

from extractors import paper_type, vocab
from pipeline.model import PaperType, Parsed, Record
from pipeline.segment import segment
from tests.conftest import DEV_DOCS, gold


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (
            "BESCHLUSSVORLAGE \n \nSTADT KARLSRUHE \nDer Oberbürgermeister",
            PaperType.BESCHLUSSVORLAGE,
        ),
        (" Stadt Karlsruhe \n Der Oberbürgermeister \nINTERFRAKTIONELLER ANTRAG", PaperType.ANTRAG),
        (
            "Stellungnahme zum Antrag \nGedruckt auf 100 Prozent Recyclingpapier",
            PaperType.STELLUNGNAHME,
        ),
        ("25.05.2021\nDrucksache 113/21", PaperType.BESCHLUSSVORLAGE),
        # Prose naming a kind is no self-description: "auf Einladung der Spitzenverbände".
        (
            "## Pressemitteilung\n\nFührungskräfte besuchten auf Einladung der Verbände die Tagung",
            PaperType.SONSTIGES,
        ),
        (
            "Stadt Karlsruhe \nAn \nStadtkämmerei \nAntrag \nauf \nGenehmigung \nvon:",
            PaperType.SONSTIGES,
        ),
    ],
)
def test_classify_real_heads(head: str, kind: PaperType) -> None:
    assert paper_type.classify(head) is kind


@pytest.mark.parametrize(("kind", "phrase"), vocab.rows("paper_types"), ids=lambda v: str(v))
def test_every_phrase_names_its_kind(kind: str, phrase: str) -> None:
    assert paper_type.classify(f"\n{phrase.upper()} \nVorlage Nr.: 2020/1189") is PaperType(kind)


@pytest.mark.parametrize(
    "name",
    [
        "augsburg_INF-ANF_25_61471-1.txt",  # Informationsvorlage answering an Anfrage
        "augsburg_ANT-BSV_25_61750-1.txt",
        "pressemitteilung-ikz-jahrestagung-2023.txt",
        "karlsruhe_601001_ocr_apl_antrag2017-0812_schulsporthalle.txt",
        "karlsruhe_620539_infovorlage2020-1254_suchtpraevention.txt",
    ],
)
def test_dev_papers(name: str) -> None:
    text = (DEV_DOCS / name).read_text(encoding="utf-8")
    found = paper_type.extract(Parsed(source=name, text=text, pages=[text]), Record(source=name))
    assert found["paper_type"] == PaperType(gold(name)["paper_type"])


def test_a_paper_naming_no_kind_but_proposing_a_resolution_is_a_beschlussvorlage() -> None:
    # Stadt Heinsberg's scanned paper lost its letterhead; its "Beschlussvorschlag:" remains.
    text = (
        ' Beitritt der Stadt Heinsberg zum "Netzwerk Innenstadt NRW"\n\n'
        "Kurze sachliche Darstellung und Begründung:\n\nDas Netzwerk Innenstadt NRW ist ...\n\n"
        "Beschlussvorschlag:\n\nHaupt- und Finanzausschuss:\n"
        "Der Beitritt der Stadt Heinsberg zum „Netzwerk Innenstadt NRW“ wird beschlossen.\n"
    )
    doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
    assert (
        paper_type.extract(doc, Record(source="x.txt"))["paper_type"] is PaperType.BESCHLUSSVORLAGE
    )
    # The same text without the proposal names no kind at all.
    prose = text.split("Beschlussvorschlag")[0]
    doc = Parsed(source="x.txt", text=prose, pages=[prose], sections=segment(prose))
    assert paper_type.extract(doc, Record(source="x.txt"))["paper_type"] is PaperType.SONSTIGES


@pytest.mark.parametrize("words", vocab.words("proceedings"))
def test_minutes_that_open_with_their_agenda_are_minutes(words: str) -> None:
    # Minutes print the agenda they followed first ("Tagesordnung" / "1. Festsetzung der
    # Tagesordnung"), then the course of the session.
    agenda = "Betriebsausschuss der Abfallwirtschaftsbetriebe\n07.07.2026\n\nTagesordnung\n\n"
    agenda += "1. Festsetzung der Tagesordnung\n2. Eröffnung der Sitzung\n\n"
    # The entry and one other word of proceedings: two are needed.
    other = (
        "Keine Wortmeldungen." if words == "Abstimmungsergebnis" else "Abstimmungsergebnis: 9 Ja"
    )
    minutes = f"{agenda}Punkt 1 der Tagesordnung\n{words}\n{other}\n"
    for text, kind in ((agenda, PaperType.EINLADUNG), (minutes, PaperType.NIEDERSCHRIFT)):
        doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
        assert paper_type.extract(doc, Record(source="x.txt"))["paper_type"] is kind


def test_a_session_page_with_each_items_minutes_is_minutes() -> None:
    # Zaberfeld's session page (ecics): the agenda, each item followed by its "Kurzprotokoll".
    agenda = "Sitzung des Gemeinderats\nSitzung am 03.03.2026 um 19:00 Uhr\nTagesordnung:\n"
    agenda += "Tagesordnungspunkt 1\nEinwohnerfragestunde\nTagesordnungspunkt 2\nWohnungsbau\n"
    minutes = agenda.replace("fragestunde\n", "fragestunde\nKurzprotokoll\nKeine Fragen.\n")
    minutes = minutes.replace("Wohnungsbau\n", "Wohnungsbau\nKurzprotokoll\nVertagt.\n")
    for text, kind in ((agenda, PaperType.EINLADUNG), (minutes, PaperType.NIEDERSCHRIFT)):
        doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
        assert paper_type.extract(doc, Record(source="x.txt"))["paper_type"] is kind


def test_a_paper_whose_kind_is_only_in_its_form_field() -> None:
    # An ALLRIS page copied as text: "Vorlage - VO/26/23343/D2" heads it, the kind is a field.
    text = "Vorlage - VO/26/23343/D2\nBetreff:\tKlimaanpassung\nStatus:\töffentlich\t"
    text += "Vorlage-Art:\tBeschlussvorlage\n"
    doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
    assert (
        paper_type.extract(doc, Record(source="x.txt"))["paper_type"] is PaperType.BESCHLUSSVORLAGE
    )


def test_an_agenda_that_names_no_kind_is_an_invitation() -> None:
    # Landkreis Helmstedt's session page: the committee, the day, the items.
    text = (
        "Ausschuss für Wirtschaft und Strategie (AWS)\nDonnerstag, 17. September 2026, 16:00 Uhr\n"
    )
    items = "TOP 1\tEröffnung der Sitzung\nTOP 5\tEinwohnerfragestunde\nTOP 13\tKennzahlen\n"
    for body, kind in ((text + items, PaperType.EINLADUNG), (text, PaperType.SONSTIGES)):
        doc = Parsed(source="x.txt", text=body, pages=[body], sections=segment(body))
        assert paper_type.extract(doc, Record(source="x.txt"))["paper_type"] is kind


@pytest.mark.parametrize(
    ("form_line", "kind"),
    [
        # Wandsbek's ALLRIS: "Drucksache" carries every paper, the field says which.
        ("Status:\töffentlich\tDrucksache-Art:\tAntrag", PaperType.ANTRAG),
        # A kind no class here has is that, not what the paper's parts suggest.
        ("Status:\töffentlich\tDrucksache-Art:\tEingabe", PaperType.SONSTIGES),
    ],
)
def test_under_a_carrier_word_the_forms_kind_field_decides(form_line: str, kind: PaperType) -> None:
    text = (
        f"Bezirksversammlung Wandsbek\nDrucksache - 22-3995\nBetreff:\tVermietungen\n{form_line}\n"
        "Beratungsfolge:\nHauptausschuss\n\nBeschlussvorschlag:\nKeine Vermietung mehr.\n"
    )
    doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
    assert paper_type.extract(doc, Record(source="x.txt"))["paper_type"] is kind
