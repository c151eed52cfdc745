"""Rules learnt from the held-out corpus's fifth batch, each on a real paper's lines.

Eleven documents of eight councils none of the readers had seen (tests/fixtures/heldout,
SOURCES.tsv): Dresden's papers as its RIS scraper extracted them from the PDFs (pdftotext
without layout, so a table comes column after column), and saved pages of TI-Generator
(Gartz (Oder), Kolkwitz, Nauen), ris-portal (Welver, Merzhausen), rio-sys (Bad Boll) and RIS
Web on Domino (Unterreichenbach). Scored before any of these rules was written: fields
micro-F1 0.775, resolution 0.412.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import committees, consultation_table, consultations, header, paper_type
from pipeline.model import Consultation, PaperType, Record, Status
from pipeline.read.discover import discover
from pipeline.run.document import process
from pipeline.segment import find_headings
from tests.conftest import FIXTURES

HELDOUT = FIXTURES / "heldout" / "docs"


def _record(name: str) -> Record:
    outcome = process(next(iter(discover([HELDOUT / name]))))
    # An agenda page that prints neither its council nor its day is partial, and says so.
    assert outcome.status is Status.OK or outcome.errors == ["few fields found: no body, date"]
    assert outcome.record is not None
    return outcome.record


# --- Dresden: a paper's text as pdftotext gives it ---------------------------------------------


def test_a_beratungsfolge_given_column_after_column_is_read_row_by_row() -> None:
    # V1645/12: the names, then their statuses, then their roles, each a run of lines.
    lines = [
        "Dienstberatung der Oberbürgermeisterin",
        "Ausschuss für Finanzen und Liegenschaften",
        "",
        "nicht öffentlich",
        "öffentlich",
        "",
        "zur Information",
        "beschließend",
        "",
        "Zuständig: GB Ordnung und Sicherheit",
    ]
    assert consultation_table.column_runs(lines) == [
        Consultation("Dienstberatung der Oberbürgermeisterin", None, "zur Information", False),
        Consultation("Ausschuss für Finanzen und Liegenschaften", None, "beschließend", True),
    ]
    # Runs of another length than the names' are no columns of theirs.
    assert consultation_table.column_runs([*lines[:3], "öffentlich"]) == [
        Consultation("Dienstberatung der Oberbürgermeisterin"),
        Consultation("Ausschuss für Finanzen und Liegenschaften"),
    ]
    assert consultation_table.column_runs(lines[:1] + lines[3:5]) == []


def test_a_dresden_vorlage_gets_its_office_and_its_beratungsfolge() -> None:
    record = _record("dresden_v1645-12_gebaeudeversicherung-elementarschaden.txt")
    assert record.paper_type is PaperType.BESCHLUSSVORLAGE
    assert (record.reference, record.date) == ("V1645/12", dt.date(2012, 6, 1))
    assert record.department == "GB Ordnung und Sicherheit"  # "Zuständig:"
    assert [(c.organization, c.role, c.public) for c in record.consultations] == [
        ("Dienstberatung der Oberbürgermeisterin", "zur Information", False),
        ("Ausschuss für Finanzen und Liegenschaften", "beschließend", True),
    ]
    # "2/4" / "bereits gefasste Beschlüsse:" ends the proposal.
    assert [item.text for item in record.resolution] == [
        "Dem beigefügten Vorschlag zur Ergänzung des Rahmenvertrages zur Gebäudeversicherung "
        "der Landeshauptstadt Dresden um den Einschluss der Deckung von "
        "Elementarschadensereignissen wird zugestimmt."
    ]


def test_a_beschlussausfertigung_is_the_record_of_one_decision() -> None:
    record = _record("dresden_v1713-12_beschlussausfertigung-stundung.txt")
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert (record.reference, record.date) == ("V1713/12", dt.date(2012, 5, 31))
    assert record.name == "Stundungsvereinbarung mit der BG ESCD mbH"
    assert [(c.organization, c.date) for c in record.consultations] == [
        ("Betriebsausschuss für Sportstätten und Bäder", dt.date(2012, 5, 31))
    ]
    assert record.resolution[0].text.startswith(
        "Der Betriebsausschuss für Sportstätten und Bäder beauftragt die Oberbürgermeisterin"
    )
    assert [a.value for a in record.finance.amounts] == [72774.09]


def test_beschluss_zu_is_the_references_label_not_a_heading() -> None:
    labels = [label for label, *_ in find_headings("Beschluss zu:\n\nV1713/12\n\nBeschluss:\nDer")]
    assert labels == ["beschluss"]


def test_an_invitations_name_goes_on_with_the_rest_of_its_committees_name() -> None:
    record = _record("dresden_isf-025-2012_einladung-betriebsausschuss.txt")
    assert record.paper_type is PaperType.EINLADUNG
    assert record.name == (
        "EINLADUNG zur 25. Sitzung des Betriebsausschusses für IT-Dienstleistungen, "
        "Stadtentwässerung und Friedhofswesen (ISF/025/2012)"
    )
    # "Zuständig: GB Finanzen u. Liegenschaften", "Einreicher: Bündnis 90/Die Grünen" are
    # the agenda items' offices and filers, not the invitation's.
    assert record.department is None


def test_a_dienstberatung_is_a_body_of_the_beratungsfolge() -> None:
    names = committees.find("Dienstberatung der Oberbürgermeisterin")
    assert [committees.clean(n.text) for n in names] == ["Dienstberatung der Oberbürgermeisterin"]


# --- TI-Generator, ris-portal -----------------------------------------------------------------


def test_a_beratungsfolge_listed_a_step_a_line() -> None:
    text = (
        "geplante Beratungsfolge\n"
        "1.) Ortsbeirat Gartz (Oder): öffentliche Beratung am 15.09.2026\n"
        "Beratung im aktuellen Gremium\n"
        "2.) Stadtverordnetenversammlung: öffentliche Beratung am 17.09.2026\n"
    )
    assert consultations.listed_sessions(text) == [
        Consultation("Ortsbeirat Gartz (Oder)", dt.date(2026, 9, 15), "Beratung", True),
        Consultation("Stadtverordnetenversammlung", dt.date(2026, 9, 17), "Beratung", True),
    ]
    assert consultations.listed_sessions("Hinweis: Beratung am 15.09.2026") == []


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Ortsbeirat Gartz (Oder)", "Ortsbeirat Gartz (Oder)"),
        ("Stadtrat Halle (Saale)", "Stadtrat Halle (Saale)"),
        # A step's note in brackets is no part of the name.
        ("Gemeinderat Ahnsen (Entscheidung)", "Gemeinderat Ahnsen"),
        ("Gemeinderat Ahnsen (Kenntnis)", "Gemeinderat Ahnsen"),
        ("Kreistag Unna (Info)", "Kreistag Unna"),
    ],
)
def test_a_places_river_in_brackets_is_part_of_a_committees_name(line: str, name: str) -> None:
    assert [committees.clean(n.text) for n in committees.find(line)] == [name]


def test_a_ti_generator_paper_page() -> None:
    record = _record("gartz_g-61-26_entgeltordnung-sitzungssaal.html")
    assert (record.paper_type, record.reference) == (PaperType.BESCHLUSSVORLAGE, "G/61/26")
    assert record.department == "SG 1 Verwaltung"  # "Sachgebiet:", not "Zuständig: Frau ..."
    assert [c.organization for c in record.consultations] == [
        "Ortsbeirat Gartz (Oder)",
        "Stadtverordnetenversammlung",
    ]


@pytest.mark.parametrize(
    "name",
    ["kolkwitz_einladungen-gv-2026_liste.html", "nauen_svv-20260916_beschluesse-liste.html"],
)
def test_a_list_of_several_papers_is_none_of_them(name: str) -> None:
    record = _record(name)
    assert record.paper_type is PaperType.SONSTIGES
    assert (record.reference, record.date, record.name) == (None, None, None)
    assert record.body in ("Gemeinde Kolkwitz", "Stadt Nauen")


def test_lists_of_papers_are_told_from_one_paper() -> None:
    assert header.lists_papers("Akte 1 - 2026 ( 1 )\nBeschluss 206/2026\nAkte 2 - 2026 ( 2 )\n")
    assert header.lists_papers("Einladung Nr.: 0008/26\nx\nEinladung Nr.: 0007/26\n")
    # One file, or one invitation named twice, is one paper.
    assert not header.lists_papers("1 Akte aus dem Jahr 2026\nAkte 1 - 2026 ( 1 )\n")
    assert not header.lists_papers("Einladung Nr.: 0008/26\nEinladung Nr.: 0008/26\n")


def test_an_agenda_part_over_numbered_items_is_an_agenda_named_by_its_body() -> None:
    record = _record("merzhausen_gr-192529_sitzung-tagesordnung.html")
    assert (record.paper_type, record.name) == (PaperType.EINLADUNG, "Gemeinderat")
    assert paper_type._agenda_part("Öffentlicher Teil\n1. Fragen\n2. Bekanntgaben\n3. Wald\n")
    assert not paper_type._agenda_part("Öffentlicher Teil\n1. Fragen\n3. Wald\n4. Bau\n")


# --- the sixth batch: more of Dresden's papers ---------------------------------------------------


def test_a_column_table_with_wrapped_names_and_cells_of_date_and_status() -> None:
    # A0064/09: a name cut after its comma, date and status in one cell.
    lines = [
        "Ältestenrat",
        "Dienstberatung der Oberbürgermeisterin",
        "Ausschuss für Allgemeine Verwaltung,",
        "Ordnung und Sicherheit",
        "",
        "21.09.2009 nicht öffentlich",
        "13.10.2009 nicht öffentlich",
        "nicht öffentlich",
        "",
        "beratend",
        "beratend",
        "beratend",
    ]
    assert consultation_table.column_runs(lines) == [
        Consultation("Ältestenrat", dt.date(2009, 9, 21), "beratend", False),
        Consultation(
            "Dienstberatung der Oberbürgermeisterin", dt.date(2009, 10, 13), "beratend", False
        ),
        Consultation(
            "Ausschuss für Allgemeine Verwaltung, Ordnung und Sicherheit", None, "beratend", False
        ),
    ]


def test_a_column_tables_bracketed_notes_belong_to_the_cell_above() -> None:
    # A0112/15: "(Eigenbetrieb Stadtentwässerung)" under its committee, "(federführend)"
    # under its role.
    lines = [
        "Ältestenrat",
        "Ausschuss für Finanzen und Liegenschaften",
        "(Eigenbetrieb Stadtentwässerung)",
        "Stadtrat",
        "",
        "nicht öffentlich",
        "nicht öffentlich",
        "öffentlich",
        "",
        "beratend",
        "beratend",
        "(federführend)",
        "beschließend",
    ]
    assert consultation_table.column_runs(lines) == [
        Consultation("Ältestenrat", None, "beratend", False),
        Consultation(
            "Ausschuss für Finanzen und Liegenschaften (Eigenbetrieb Stadtentwässerung)",
            None,
            "beratend (federführend)",
            False,
        ),
        Consultation("Stadtrat", None, "beschließend", True),
    ]


def test_a_dresden_vorlage_of_six_bodies_keeps_each_bodys_status() -> None:
    record = _record("dresden_v0531-15_hort-freie-alternativschule.txt")
    assert [c.public for c in record.consultations] == [False, False, True, False, False]


def test_a_letter_answering_an_anfrage_is_its_answer_numbered_by_it() -> None:
    record = _record("dresden_af2009-13_antwort-hofewiese-langebrueck.txt")
    assert record.paper_type is PaperType.STELLUNGNAHME  # "auf Ihre Anfrage antworte ich"
    assert record.reference == "AF2009/13"  # alone on its line above the salutation


def test_a_line_that_is_one_committees_name_and_nothing_else() -> None:
    assert committees.alone("Gemeinderat")
    assert committees.alone("Ausschuss für Finanzen und Liegenschaften,")
    assert not committees.alone("Gemeinderat 12.03.2024")
    assert not committees.alone("Sitzung des Gemeinderates")
