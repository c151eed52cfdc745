"""Readers grounded in how German council papers are built, each rule on a real paper's lines.

The lines are copied from papers of councils the readers were not first written for
(tests/fixtures/councils, sources in tests/fixtures/SOURCES.tsv): Gemeinde Ahnsen (SD.NET
RIM), Stadt Oldenburg (ALLRIS, text with its line breaks lost), Landeshauptstadt Stuttgart
(KSD), Stadt Erlangen.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from extractors import consultation_table, consultations, finance, form, header, resolution
from pipeline.clean import cleaner as clean
from pipeline.clean import unflatten
from pipeline.model import Consultation, PaperType, Parsed, Record
from pipeline.segment import segment
from tests.conftest import FIXTURES

COUNCILS = FIXTURES / "councils"


def _text(name: str) -> str:
    return (COUNCILS / "docs" / name).read_text(encoding="utf-8")


def _gold(name: str) -> dict:
    return json.loads((COUNCILS / "gold" / name.rsplit(".", 1)[0]).with_suffix(".json").read_text())


def _header(text: str, paper_type: PaperType) -> dict:
    doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
    return header.extract(doc, Record(source="x.txt", paper_type=paper_type))


# Every reference the gold records of both corpora print: the grammar takes each whole.
@pytest.mark.parametrize(
    "reference",
    [
        "BV AH 80/21-26",  # Ahnsen: type code and office in front, a term of office behind
        "T 02/325/26",  # Wesel
        "K 2026/0725",  # Wolfsburg
        "26-32 / V 01121",  # München
        "22-1940.01",  # Hamburg-Harburg: an answer's part number
        "0463/2026",  # Kaiserslautern
        "INF-ANF/25/61471-1",  # Augsburg
        "V1682/12",
        "2023/BV/4410",
        "VIII-0153",
        "DS 7/2023",
        "Fin/12/2022",
        "WP 14-20 SV 61/003",
        "2026-31/DS-I(A)0080",  # Offenbach: a Drucksache of the first kind, an Antrag
        "2026-31/DS-I(A)0080/1",  # and its amendment
    ],
)
def test_reference_grammar_takes_every_councils_numbering(reference: str) -> None:
    assert form.fits(form.Kind.REF, reference)


@pytest.mark.parametrize("not_a_reference", ["25.05.2021", "öffentlich", "3. März 2024", "a" * 40])
def test_reference_grammar_refuses_dates_and_words(not_a_reference: str) -> None:
    assert not form.fits(form.Kind.REF, not_a_reference)


def test_several_label_value_cells_on_one_line() -> None:
    entries = form.read(["Vorlage: BV/0042/2024   Dezernat II   Datum: 03.06.2024"]).entries
    assert [(e.field, e.value) for e in entries] == [
        ("reference", "BV/0042/2024"),
        ("department", "Dezernat II"),
        ("date", "03.06.2024"),
    ]


@pytest.mark.parametrize(
    ("line", "pairs"),
    [
        # A letterhead row: the office on the left, the paper's number on the right.
        (
            "40-Schulverwaltungsamt                                   DS 7/2023",
            [("department", "40-Schulverwaltungsamt"), ("reference", "DS 7/2023")],
        ),
        (
            "Amt 61                 Fin/12/2022",
            [("department", "Amt 61"), ("reference", "Fin/12/2022")],
        ),
        # A number beside prose is no form row.
        ("Die Kosten trägt die Stadt.          DS 7/2023", []),
    ],
)
def test_an_office_and_a_paper_number_side_by_side_need_no_labels(
    line: str, pairs: list[tuple[str, str]]
) -> None:
    assert [(e.field, e.value) for e in form.read([line]).entries] == pairs


def test_ahnsen_form_a_label_wrapped_in_its_cell_with_its_value_beside_and_below() -> None:
    name = "ahnsen_bv-ah-80-21-26_bauturbo.txt"
    found = _header(_text(name), PaperType.BESCHLUSSVORLAGE)
    assert found["reference"] == "BV AH 80/21-26"
    assert found["department"] == "Fachbereich I - Zentrale Dienste / Personalwesen"
    assert found["date"] == dt.date(2026, 3, 17)
    assert found["name"] == "Zustimmung zu Erleichterungen nach dem „Bauturbo“"


def test_ahnsen_beratungsfolge_row() -> None:
    text = _text("ahnsen_bv-ah-80-21-26_bauturbo.txt")
    # The Beratungsaktion column's "beschließend" is the row's role (the gold's too).
    assert consultation_table.find(text) == [
        Consultation("Gemeinderat Ahnsen", dt.date(2026, 3, 26), "beschließend", None)
    ]


OLDENBURG = "oldenburg_23-0907_kreditunterrichtung-nov-2023.txt"


def test_a_text_that_lost_its_line_breaks_gets_them_back_where_the_paper_has_them() -> None:
    raw = _text(OLDENBURG)
    assert "\n" not in raw.strip()
    lines = clean.clean(raw).text.splitlines()
    assert lines[1:8] == [
        "Ausdruck vom: 28.11.2023",
        "Seite: 1/3",
        "Amt für Controlling und Finanzen",
        "Datum: 28.11.2023",
        "Vorlagen-Nr.: 23/0907",
        "Status: öffentlich",
        "Unterrichtung des Rates über Kreditaufnahmen, Derivatabschlüsse und Umschuldungen "
        "nach § 8 der Kreditrichtlinie",
    ]
    corrections = list(unflatten.line_breaks(raw))
    assert corrections and all(c.original == " " and c.replacement == "\n" for c in corrections)


def test_a_laid_out_page_is_left_as_it_is() -> None:
    text = _text("ahnsen_bv-ah-81-21-26_haushalt-2026.txt")
    assert list(unflatten.line_breaks(text)) == []


def test_oldenburg_paper_read_whole_after_its_lines_come_back() -> None:
    text = clean.clean(_text(OLDENBURG)).text
    doc = Parsed(source=OLDENBURG, text=text, pages=[text], sections=segment(text))
    record = Record(source=OLDENBURG, paper_type=PaperType.MITTEILUNGSVORLAGE)
    found = header.extract(doc, record)
    gold = _gold(OLDENBURG)
    assert found["reference"] == gold["reference"] == "23/0907"
    assert found["department"] == "Amt für Controlling und Finanzen"
    assert found["date"] == dt.date(2023, 11, 28)
    assert [(c.organization, c.date) for c in consultation_table.find(text)] == [
        ("Ausschuss für Finanzen und Beteiligungen", dt.date(2023, 12, 6)),
        ("Verwaltungsausschuss", dt.date(2023, 12, 18)),
        ("Rat", dt.date(2023, 12, 18)),
    ]


def test_old_oldenburg_form_date_first_and_rows_with_am_and_zu_top() -> None:
    name = "oldenburg_18-0163_umschuldung-kommunalkredite.txt"
    text = clean.clean(_text(name)).text
    found = _header(text, PaperType.MITTEILUNGSVORLAGE)
    assert (found["reference"], found["date"]) == ("18/0163", dt.date(2018, 2, 15))
    assert [c.organization for c in consultation_table.find(text)] == [
        "Ausschuss für Finanzen und Beteiligungen",
        "Verwaltungsausschuss",
        "Rat",
    ]


def test_stuttgart_answer_reference_in_its_heading_and_date_in_its_letterhead() -> None:
    lines = [
        "Seite 1",
        "Beantwortung zur Anfrage\t23/2018",
        "Landeshauptstadt Stuttgart Der Oberbürgermeister GZ: OB 7831 -10.00"
        "\tStuttgart, 22.06.2018",
        "Beantwortung zur Anfrage",
        "Stadträtinnen/Stadträte – Fraktionen",
        "AfD-Gemeinderatsfraktion",
        "Datum",
        "30.01.2018",
        "Betreff",
        "S-21 neuer Fertigstellungstermin - Auswirkungen für die Bürger",
        "Anlagen",
        "Text der Anfragen/ der Anträge",
    ]
    found = _header("\n".join(lines), PaperType.STELLUNGNAHME)
    assert found["reference"] == "23/2018"
    # The form's "Datum" is the Anfrage's; the answer is dated by its letterhead.
    assert found["date"] == dt.date(2018, 6, 22)
    assert found["name"] == "S-21 neuer Fertigstellungstermin - Auswirkungen für die Bürger"


@pytest.mark.parametrize(
    ("lines", "paper_type", "name", "date"),
    [
        (
            [
                "1 von 4",
                "ÖFFENTLICHE NIEDERSCHRIFT",
                "der 17. Sitzung des Gemeinderates Ahnsen",
                "am Donnerstag, 26.03.2026, 19:30 Uhr bis 20:00 Uhr",
                "Anwesenheiten",
            ],
            PaperType.NIEDERSCHRIFT,
            "ÖFFENTLICHE NIEDERSCHRIFT der 17. Sitzung des Gemeinderates Ahnsen",
            dt.date(2026, 3, 26),  # no signature in these lines: the session's day
        ),
        (
            [
                "Protokoll",
                "über die 6. Sitzung des Gemeinderates der Gemeinde Ahnsen am 02.03.2023 im",
                "Dorfgemeinschaftshaus Ahnsen",
                "Vorsitzender",
            ],
            PaperType.NIEDERSCHRIFT,
            "Protokoll über die 6. Sitzung des Gemeinderates der Gemeinde Ahnsen am 02.03.2023 "
            "im Dorfgemeinschaftshaus Ahnsen",
            dt.date(2023, 3, 2),  # no signature dates it: the session's date
        ),
        (
            [
                "1 von 1",
                "BEKANNTMACHUNG",
                "zur 18. Sitzung des Gemeinderates Ahnsen",
                "am Dienstag, 05.05.2026, 19:30 Uhr",
                "Tagesordnung",
                "Ahnsen, 27.04.2026",
            ],
            PaperType.EINLADUNG,
            "BEKANNTMACHUNG zur 18. Sitzung des Gemeinderates Ahnsen",
            dt.date(2026, 4, 27),
        ),
    ],
)
def test_minutes_and_invitations_named_by_their_heading(
    lines: list[str], paper_type: PaperType, name: str, date: dt.date | None
) -> None:
    found = _header("\n".join(lines), paper_type)
    assert found["name"] == name
    assert found["date"] == date


def test_a_motion_written_as_a_letter_named_by_its_heading_and_dated_in_the_letterhead() -> None:
    # Stadtteilbeirat Büchenbach to the Oberbürgermeister of Erlangen, 2019.
    lines = [
        "Stadtteilbeirat Büchenbach, z.H. Günter Winkelmann, Holzweg 7, 91056 Erlangen",
        "An Oberbürgermeister Dr. Florian Janik",
        "Rathausplatz 1",
        "91052 Erlangen\t20. April 2019",
        "Antrag zur Erweiterung der Sozialen Stadt Büchenbach Nord",
        "Sehr geehrter Herr Oberbürgermeister,",
    ]
    found = _header("\n".join(lines), PaperType.ANTRAG)
    assert found["name"] == "Antrag zur Erweiterung der Sozialen Stadt Büchenbach Nord"
    assert found["date"] == dt.date(2019, 4, 20)


@pytest.mark.parametrize(
    ("text", "impact"),
    [
        ("Finanzielle Auswirkungen:\n[X] ja   [ ] nein\n", True),  # boxes on the next line
        ("Finanzielle Auswirkungen:\n[ ] ja   [X] nein\n", False),
        ("Finanzielle Auswirkungen: (x) ja ( ) nein\n", True),
        ("Finanzielle Auswirkungen:  keine\n", False),  # a plain answer
        # Two boxes with no mark (Karlsruhe's flattened form): nothing is stated.
        ("Finanzielle Auswirkungen                     nein         ja  \n", None),
    ],
)
def test_finance_check_boxes_in_brackets_below_the_label_and_plain_answers(
    text: str, impact: bool | None
) -> None:
    assert finance.checkbox(finance._IMPACT, text, "finanzielle auswirkungen") is impact


@pytest.mark.parametrize(
    ("line", "organization", "date"),
    [
        ("zur Sitzung des Stadtrates am 27.02.2024", "Stadtrat", dt.date(2024, 2, 27)),
        ("zur Beratung im Bauausschuss am 3. März 2024", "Bauausschuss", dt.date(2024, 3, 3)),
        (
            "für die Sitzung des Hauptausschusses am 12.06.2025",
            "Hauptausschuss",
            dt.date(2025, 6, 12),
        ),
    ],
)
def test_a_motion_addressed_to_one_session_in_prose(
    line: str, organization: str, date: dt.date
) -> None:
    text = f"Antrag der SPD-Fraktion\n{line}\nBetreff: Sanierung der Sporthalle\n"
    assert consultations.prose_sessions(text) == [Consultation(organization, date)]


def test_a_beratungsfolge_in_one_sentence_gives_each_step_its_role() -> None:
    text = (
        "Anpassung der Abfallgebühren 2025\n\nDie Vorlage wird zur Vorberatung im Ausschuss für\n"
        "Umwelt am 12.11.2024 und zur Beschlussfassung im Kreistag am 03.12.2024 vorgelegt.\n"
    )
    assert consultations.prose_sessions(text) == [
        Consultation("Ausschuss für Umwelt", dt.date(2024, 11, 12), "Vorberatung"),
        Consultation("Kreistag", dt.date(2024, 12, 3), "Beschlussfassung"),
    ]


@pytest.mark.parametrize("printed", ["Vorlagen-Nr.", "Vorlagen Nr.", "Vorlagennr.", "Vorlagen-Nr"])
def test_a_label_is_read_however_a_council_prints_its_hyphen_and_dot(printed: str) -> None:
    # "Vorlagen-Nr: 18/0163" (Oldenburg 2018), "Vorlagen Nr." (Ahnsen's minutes).
    entries = form.read([f"{printed}: 18/0163"]).entries
    assert [(e.field, e.value) for e in entries] == [("reference", "18/0163")]


# --- RIS pages copied as text, and motions for one session -----------------------------------


def test_ris_page_as_text_labels_over_their_values_and_a_reference_after_a_dash() -> None:
    # The shape of a SessionNet vo0050 page copied from the browser: each label on a line of
    # its own over its value; "Art" ends the title's block. ALLRIS vo020 heads its page
    # "Vorlage - VO/2023/0456".
    lines = ["Vorlage", "2024/117", "Titel", "Neubau einer Kindertagesstätte", "Art"]
    lines += ["Beschlussvorlage", "Datum", "14.03.2024", "Federführend", "Fachbereich 5 - Jugend"]
    found = _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)
    assert (found["reference"], found["name"]) == ("2024/117", "Neubau einer Kindertagesstätte")
    assert (found["date"], found["department"]) == (dt.date(2024, 3, 14), "Fachbereich 5 - Jugend")
    allris = "Vorlage - VO/2023/0456\nBetreff:\tSanierung der Grundschule\n"
    assert _header(allris, PaperType.BESCHLUSSVORLAGE)["reference"] == "VO/2023/0456"


def test_a_status_cell_before_the_committee_says_public_or_not() -> None:
    # ALLRIS prints the status first: "Ö<TAB>Datum<TAB>Gremium<TAB>Beschluss".
    block = [
        "Beratungsfolge:",
        "Status\tDatum\tGremium\tBeschluss",
        "Ö\t12.09.2023\tSchulausschuss\tungeändert beschlossen",
        "N\t28.09.2023\tStadtrat\t",
    ]
    rows = consultation_table.parse(block)
    assert [(r.organization, r.public) for r in rows] == [
        ("Schulausschuss", True),
        ("Stadtrat", False),
    ]


def test_a_motion_headed_by_its_session_is_named_by_the_subject_below() -> None:
    lines = ["Musterburg, 12.02.2024", "", "Antrag zur Sitzung des Stadtrates am 27.02.2024"]
    lines += ["Einrichtung eines Jugendbeirates", "", "Sehr geehrter Herr Oberbürgermeister,"]
    assert _header("\n".join(lines), PaperType.ANTRAG)["name"] == "Einrichtung eines Jugendbeirates"
    # Where a salutation follows at once, the heading is all there is.
    lines = ["Antrag zur Sitzung des Stadtrates am 27.02.2024", "Sehr geehrter Herr Meier,"]
    assert _header("\n".join(lines), PaperType.ANTRAG)["name"] == lines[0]


@pytest.mark.parametrize(
    "letterhead",
    ["Bundesstadt Bonn", "Städteregion Aachen", "Ortsgemeinde Weisenheim", "Bezirksamt Pankow"],
)
def test_bodies_by_every_kind_of_council(letterhead: str) -> None:
    lines = [letterhead, "Beschlussvorlage", "Drucksache Nr.: 2024/117"]
    assert header.body(lines, form.read(lines), None) == letterhead


def test_a_course_of_consultations_with_each_date_before_its_committee() -> None:
    # A "Beratungsverlauf" list (Hannover's SIM): "date: committee: result" per line.
    text = (
        "Beratungsverlauf:\n04.05.2026: Stadtbezirksrat: Einstimmig\n"
        "22.06.2026: Jugendhilfeausschuss: Einstimmig\n"
        "13.08.2026: Verwaltungsausschuss: Einstimmig\n"
    )
    found = [(c.organization, c.date) for c in consultation_table.find(text)]
    assert found == [
        ("Stadtbezirksrat", dt.date(2026, 5, 4)),
        ("Jugendhilfeausschuss", dt.date(2026, 6, 22)),
        ("Verwaltungsausschuss", dt.date(2026, 8, 13)),
    ]


def test_a_heading_reference_before_a_colon_and_a_sign_off_date_after_a_slash() -> None:
    lines = ["Drucksache Nr. 0728/2026:", "Umstrukturierungen der Kita Gethsemane", "", "Antrag,"]
    lines += [
        "zu beschließen, die Gruppen umzustrukturieren.",
        "",
        "51.72",
        "Hannover / 14.04.2026",
    ]
    found = _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)
    assert found["reference"] == "0728/2026"
    assert found["name"] == "Umstrukturierungen der Kita Gethsemane"
    assert found["date"] == dt.date(2026, 4, 14)


def test_an_agenda_has_no_reference_of_its_own() -> None:
    # A number alone on an agenda's line is the paper of one item.
    lines = ["Tagesordnung", "5.1", "Neufassung der Entgeltordnung", "VIII/2026/02530", "Vorlage"]
    assert _header("\n".join(lines), PaperType.EINLADUNG)["reference"] is None
    assert _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)["reference"] == "VIII/2026/02530"


@pytest.mark.parametrize(
    ("lines", "paper_type", "name"),
    [
        # A group's letter: "Antrag: <subject>" names its subject after the colon.
        (
            ["An Herrn Bürgermeister Kleiner", "", "Antrag: Pestizidfreie Kommune"],
            "Antrag",
            "Pestizidfreie Kommune",
        ),
        # Stadtteilbeirat Büchenbach (Erlangen), 2022: a heading cut after "und".
        (
            [
                "Stadtteilbeirat Büchenbach\tErlangen, den 7.7.2022",
                'Stellungnahme zur Beschlussvorlage 6131/67/2022 "Umweltspur" Am Europakanal und',
                "fahrradfreundlicher Umbau der Kreuzung Dorfstraße",
                "Sehr geehrter Herr Oberbürgermeister,",
            ],
            "Stellungnahme",
            'Stellungnahme zur Beschlussvorlage 6131/67/2022 "Umweltspur" Am Europakanal und'
            " fahrradfreundlicher Umbau der Kreuzung Dorfstraße",
        ),
        # Minutes that print no more than their kind; an agenda's bare heading is no name.
        (
            ["Stadt Braunschweig", "Der Oberbürgermeister", "", "Protokoll", ""],
            "Niederschrift",
            "Protokoll",
        ),
        (["Stadtrat", "", "Tagesordnung", "1. Eröffnung"], "Einladung", None),
    ],
)
def test_names_of_letters_and_bare_headings(
    lines: list[str], paper_type: str, name: str | None
) -> None:
    assert _header("\n".join(lines), PaperType(paper_type))["name"] == name


@pytest.mark.parametrize(
    ("lines", "name", "date"),
    [
        # Stadt Osnabrück: the heading goes on with its part and its session.
        (
            ["1/24", "", "PROTOKOLL", "(öffentlicher Teil)", "Sitzung des Kulturausschusses (25)"],
            "PROTOKOLL (öffentlicher Teil) Sitzung des Kulturausschusses (25)",
            None,
        ),
        # Stadtteilbeirat Büchenbach (Erlangen), 2024: the heading beside the letterhead, the
        # session's day set off by symbol-font bullets, the date under the invitation.
        (
            [
                "Einladung Stadtteilbeirat Büchenbach\tStadt Erlangen",
                "1. Sitzung \uf09f Mittwoch, 24.04.2024 \uf09f 18:30 Uhr \uf09f Mönauschule, Aula",
                "Ich darf Sie hiermit zu dieser Sitzung einladen.",
                "Erlangen, den 10. April 2024",
            ],
            "Einladung Stadtteilbeirat Büchenbach 1. Sitzung",
            dt.date(2024, 4, 10),
        ),
        # Stadt Münster: the council and the minutes' date on one line, the session's above;
        # the committee over its day names the session, the bare kind word below does not.
        (
            [
                *(" Betriebsausschuss der Abfallwirtschaftsbetriebe", "07.07.2026", "öffentlich"),
                *("", "Stadt Münster 15.07.2026", "", "Niederschrift"),
            ],
            "Betriebsausschuss der Abfallwirtschaftsbetriebe 07.07.2026",
            dt.date(2026, 7, 15),
        ),
    ],
)
def test_minutes_and_invitations_of_more_councils(
    lines: list[str], name: str, date: dt.date | None
) -> None:
    found = _header("\n".join(lines), PaperType.NIEDERSCHRIFT)
    assert (found["name"], found["date"]) == (name, date)


def test_an_agenda_is_dated_by_its_session_day() -> None:
    lines = [
        "Ausschuss für Wirtschaft und Strategie (AWS)",
        "Donnerstag, 17. September 2026  , 16:00",
    ]
    lines += ["TOP 1\tEröffnung der Sitzung"]
    assert _header("\n".join(lines), PaperType.EINLADUNG)["date"] == dt.date(2026, 9, 17)
    # The day of a session is no letter's place: a Vorlage is not dated by it.
    assert _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)["date"] is None


def test_a_reference_printed_only_in_the_running_foot_and_kept_out_of_the_proposal() -> None:
    text = (
        "Stadt Kleinstadt\n\nBeschlussvorlage\n\nBetreff: Haushaltssatzung 2024\n\n"
        "Beschlussvorschlag:\nDer Rat beschließt die Haushaltssatzung 2024.\n\n"
        "\fSeite 2 von 2 - Vorlage 2024/017\nBegründung:\nDer Entwurf liegt vor.\n"
    )
    assert _header(text, PaperType.BESCHLUSSVORLAGE)["reference"] == "2024/017"
    doc = Parsed(source="x.txt", text=text, pages=text.split("\f"), sections=segment(text))
    record = Record(source="x.txt", paper_type=PaperType.BESCHLUSSVORLAGE)
    items = resolution.extract(doc, record)["resolution"]
    assert [item.text for item in items] == ["Der Rat beschließt die Haushaltssatzung 2024."]


def test_the_author_is_no_department_where_the_form_names_the_office() -> None:
    lines = ["Vorlage Nr. 2024/0456", "Amt/Dezernat: 61 - Amt für Stadtentwicklung"]
    lines += ["Verfasser: Herr Schmidt", "Datum: 14. Mai 2024"]
    assert _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)["department"] == (
        "61 - Amt für Stadtentwicklung"
    )
    lines = ["Vorlage Nr. 2024/0456", "Verfasser: Herr Schmidt", "Datum: 14. Mai 2024"]
    assert _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)["department"] is None


@pytest.mark.parametrize(
    ("text", "reference", "date", "department"),
    [
        # The shapes of ordinary forms, each on a line of its own or several on one.
        (
            "Verfasser: Amt 40 Az.: 40.1-123 Datum: 03.06.2024\n",
            None,
            dt.date(2024, 6, 3),
            "Amt 40",
        ),
        ("Stadt Musterstadt\nDS 7/2023\n\nBeschlussvorlage\n", "DS 7/2023", None, None),
        ("Fin/12/2022\nBeschlussvorlage\n", "Fin/12/2022", None, None),
        (
            "Beschlussvorlage\nNr. 2024/117\nDatum 03.06.2024\n",
            "2024/117",
            dt.date(2024, 6, 3),
            None,
        ),
        ("Sitzungsvorlage Nr. 117/2024 vom 03.06.2024\n", "117/2024", dt.date(2024, 6, 3), None),
        ("Vorlagen-Nr.: 117/2024 vom 03.06.2024\n", "117/2024", dt.date(2024, 6, 3), None),
        ("Beschlussvorlage 117/2024 vom 03.06.2024\n", "117/2024", dt.date(2024, 6, 3), None),
        # A page number is no reference.
        ("Seite 12/34\nBeschlussvorlage\n", None, None, None),
    ],
)
def test_references_dates_and_offices_in_ordinary_forms(
    text: str, reference: str | None, date: dt.date | None, department: str | None
) -> None:
    found = _header(f"{text}Betreff Sanierung der Sporthalle\n", PaperType.BESCHLUSSVORLAGE)
    assert (found["reference"], found["date"], found["department"]) == (reference, date, department)
    assert found["name"] == "Sanierung der Sporthalle"


@pytest.mark.parametrize(
    ("table", "rows"),
    [
        # A committee's cell wrapped after its comma, the date and role beside its first line.
        (
            "Beratungsfolge:\nAusschuss für Umwelt,\t12.03.2024\tVorberatung\nKlima und Verkehr\n"
            "Stadtverordnetenversammlung\t26.03.2024\tBeschluss\n",
            [
                ("Ausschuss für Umwelt, Klima und Verkehr", dt.date(2024, 3, 12), "Vorberatung"),
                ("Stadtverordnetenversammlung", dt.date(2024, 3, 26), "Beschluss"),
            ],
        ),
        # Councils of districts by number and by a double name.
        (
            "Beratungsfolge:\nOrtsbeirat 3 (Nordwest)\t14.05.2024\tAnhörung\n"
            "Bezirksausschuss 12\t16.05.2024\tAnhörung\n",
            [
                ("Ortsbeirat 3 (Nordwest)", dt.date(2024, 5, 14), "Anhörung"),
                ("Bezirksausschuss 12", dt.date(2024, 5, 16), "Anhörung"),
            ],
        ),
        (
            "Beratungsverlauf:\n04.05.2026: Stadtbezirksrat Vahrenwald-List: Einstimmig\n",
            [("Stadtbezirksrat Vahrenwald-List", dt.date(2026, 5, 4), None)],
        ),
    ],
)
def test_beratungsfolge_rows_of_more_councils(
    table: str, rows: list[tuple[str, dt.date, str | None]]
) -> None:
    found = consultation_table.find(table)
    assert [(c.organization, c.date, c.role) for c in found] == rows


def test_ocr_text_a_heading_with_a_blank_line_inside_and_a_letterhead_joined_into_one_line() -> (
    None
):
    # Ahnsen's Niederschrift and Stuttgart's answer, rendered to images and read by Tesseract,
    # which sets blocks apart with blank lines and joins a row's cells with single spaces.
    minutes = ["ÖFFENTLICHE NIEDERSCHRIFT", "", "der 17. Sitzung des Gemeinderates Ahnsen"]
    minutes += ["am Donnerstag, 26.03.2026, 19:30 Uhr bis 20:00 Uhr", "", "Anwesenheiten"]
    found = _header("\n".join(minutes), PaperType.NIEDERSCHRIFT)
    assert found["name"] == "ÖFFENTLICHE NIEDERSCHRIFT der 17. Sitzung des Gemeinderates Ahnsen"
    answer = [
        "Beantwortung zur Anfrage 23/2018",
        "",
        "Landeshauptstadt Stuttgart Stuttgart, 22.06.2018",
    ]
    answer += ["Der Oberbürgermeister", "", "Datum", "", "30.01.2018", "", "Betreff", "S-21"]
    assert _header("\n".join(answer), PaperType.STELLUNGNAHME)["date"] == dt.date(2018, 6, 22)


def test_an_extract_of_minutes_is_named_by_its_item_and_records_its_session() -> None:
    text = (
        "Stadt Gütersloh\nAuszug aus der Niederschrift\n"
        "über die 12. Sitzung des Ausschusses für Umwelt und Klimaschutz\nam 14.03.2024\n\n"
        "TOP 5\nKlimaschutzkonzept 2030\nVorlage: 0456/2024\n\nBeschluss:\n"
        "Der Ausschuss empfiehlt dem Rat, das Konzept zu beschließen.\n"
    )
    assert _header(text, PaperType.NIEDERSCHRIFT)["name"] == "Klimaschutzkonzept 2030"
    session = consultations.minutes_session(text)
    assert session is not None
    assert (session.organization, session.date) == (
        "Ausschuss für Umwelt und Klimaschutz",
        dt.date(2024, 3, 14),
    )
    # Whole minutes record no one consultation.
    whole = "ÖFFENTLICHE NIEDERSCHRIFT\nder 17. Sitzung des Gemeinderates Ahnsen\nam 26.03.2026\n"
    assert consultations.minutes_session(whole) is None


def test_a_paper_published_as_markdown_is_named_by_its_front_matter() -> None:
    # Fraktion Mensch und Umwelt (Kämpfelbach) publishes its letters on its website.
    lines = ["---", "title: 'Fragen der Fraktion MUM an Bürgermeister Kleiner' "]
    lines += ["pubDate: 'Dec 11 2020'", "---", "Sehr geehrter Herr Bürgermeister Kleiner,"]
    found = _header("\n".join(lines), PaperType.SONSTIGES)
    assert found["name"] == "Fragen der Fraktion MUM an Bürgermeister Kleiner"
    # Without the front matter's fences, "title:" is prose.
    assert _header("\n".join(lines[1:2]), PaperType.SONSTIGES)["name"] is None


@pytest.mark.parametrize(
    ("lines", "kind", "date"),
    [
        # eCICS (Ilsfeld): the session's heading, then its items.
        (
            [
                "Gemeinderat",
                "Sitzung am 22.09.2026 um 19:00 Uhr",
                "Sitzungsbericht",
                "Tagesordnung",
                "TOP 1",
                "Bekanntgabe nichtöffentlicher Beschlüsse",
                "TOP 2",
                "Zweckverband",
                "TOP 3",
                "Bausachen",
            ],
            PaperType.EINLADUNG,
            dt.date(2026, 9, 22),
        ),
        # meeting-mobile (Lichtenstein): a session's form; its items' papers are theirs.
        (
            [
                "Technischer Ausschuss",
                "Sitzungsname:\tTechnischer Ausschuss",
                "Geplanter Sitzungstermin:\t08.10.26 (Donnerstag)",
                "Sitzungsort:\tRathaus",
                "Beschlussvorlage BV 12/2026 Bauantrag",
            ],
            PaperType.EINLADUNG,
            dt.date(2026, 10, 8),
        ),
        # ris-portal (Welver): "Sitzung Rat am 03.09.2026" over its numbered items.
        (
            [
                "Sitzung Rat am 03.09.2026",
                "Öffentlicher Teil",
                "TOP 1 Einwohnerfragestunde",
                "TOP 2 Beteiligung",
                "TOP 3 Mitteilungen",
            ],
            PaperType.EINLADUNG,
            dt.date(2026, 9, 3),
        ),
    ],
)
def test_session_pages_of_small_ris_products(
    lines: list[str], kind: PaperType, date: dt.date
) -> None:
    from extractors import paper_type

    text = "\n".join(lines) + "\n"
    doc = Parsed(source="x.html", text=text, pages=[text], sections=segment(text))
    found = paper_type.extract(doc, Record(source="x.html"))["paper_type"]
    assert found is kind
    assert _header(text, found)["date"] == date


def test_an_agenda_and_whole_minutes_are_no_consultation_of_their_own_session() -> None:
    text = (
        "Tagesordnung\nGremium:\tStadtrat\nTermin:\t24.09.2026\nTOP 1\tEröffnung\nTOP 2\tHaushalt\n"
    )
    doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
    agenda = Record(source="x.txt", paper_type=PaperType.EINLADUNG)
    assert consultations.extract(doc, agenda)["consultations"] == []
    # The same form on a Vorlage names the session it is written for.
    vorlage = Record(source="x.txt", paper_type=PaperType.BESCHLUSSVORLAGE)
    found = consultations.extract(doc, vorlage)["consultations"]
    assert [(c.organization, c.date) for c in found] == [("Stadtrat", dt.date(2026, 9, 24))]


def test_a_row_named_by_its_session_is_the_body_in_the_nominative() -> None:
    from extractors import committees

    assert committees.clean("Sitzung des Stadtrates") == "Stadtrat"
    assert committees.clean("65. Plenarsitzung Gemeinderat") == "Gemeinderat"


def test_a_page_that_opens_with_its_session_is_an_agenda_named_by_it() -> None:
    # ris-portal (Gemeinde Welver): the session's line, then its numbered items.
    from extractors import paper_type

    text = "Sitzung Rat am 03.09.2026\nÖffentlicher Teil\n1. Einwohnerfragestunde\n2. Beteiligung\n"
    doc = Parsed(source="x.html", text=text, pages=[text], sections=segment(text))
    kind = paper_type.extract(doc, Record(source="x.html"))["paper_type"]
    assert kind is PaperType.EINLADUNG
    found = _header(text, kind)
    assert (found["name"], found["date"]) == ("Sitzung Rat am 03.09.2026", dt.date(2026, 9, 3))


# --- held-out councils of December 2026 (lines as the papers print them) ---------------------


def test_a_row_of_column_headings_gives_no_label_value_pairs() -> None:
    # Schwentinental's Vorlage page: its sessions table under "Zugehörige Sitzungen".
    lines = ["Datum", "21.09.26", "Zugehörige Sitzungen", "Datum\tBeginn\tTitel\tOrt\tGremien"]
    lines += ["26.10.26\t19:00\tHauptausschuss\tRathaus Schwentinental\tHauptausschuss\tInfo"]
    entries = [(e.field, e.value) for e in form.read(lines).entries]
    assert entries == [("date", "21.09.26")]
    # A form's own row of labels and values is still read (Kreis Warendorf).
    assert form.read(["Vorlage Nr.:\t037/2025\tDatum:\t14.05.2025"]).first("reference")


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        # Schiltach's agenda page (hitcom): the session's heading, then its form.
        (
            [
                "Öffentliche Gemeinderatssitzung 21.01.2026",
                "Sitzungstermin:",
                "Mi, 21.01.2026",
                "Sitzungsbeginn:",
                "19:00 Uhr",
                "Gremium:",
                "Gemeinderat",
            ],
            "Öffentliche Gemeinderatssitzung 21.01.2026",
        ),
        # Ilsfeld's agenda page (ecics): the body alone heads it, the day's line completes it.
        (
            [
                "Gemeinderat",
                "Sitzung am 22.09.2026 um 19:00 Uhr",
                "Sitzungsbericht",
                "Tagesordnung",
            ],
            "Gemeinderat Sitzung am 22.09.2026 um 19:00 Uhr",
        ),
        # Helmstedt's (cron.mm): the body with its short name, its day and hour below.
        (
            ["Finanzausschuss (FA)", "Dienstag, 29. September 2026  , 17:00 Uhr", "Rathaus"],
            "Finanzausschuss (FA) - Dienstag, 29. September 2026",
        ),
        # Zaberfeld's (eCICS): "Sitzung des ... Gemeinderats" as printed, its day further down.
        (
            [
                "Ratsinformationssystem Zaberfeld",
                "Sitzung des des Gemeinderats",
                "zurück zur Sitzungliste",
            ],
            "Sitzung des des Gemeinderats",
        ),
        # Beilstein's (ris-ng), under the RIS's name.
        (
            [
                "Ratsinformationssystem Beilstein",
                "Gemeinderat",
                "Sitzung am 27.01.2026 um 19:00 Uhr",
            ],
            "Gemeinderat Sitzung am 27.01.2026 um 19:00 Uhr",
        ),
        # Cleebronn's agenda page (ecics): the heading, then the line with its day, which
        # completes it (as Güglingen's and Pfaffenhofen's gold name theirs).
        (
            [
                "zurück zur Sitzungliste",
                "Gemeinderat-Sitzung",
                "Sitzung am 27.02.2026 um 19:00 Uhr",
                "Sitzungsbericht",
                "Tagesordnung:",
            ],
            "Gemeinderat-Sitzung Sitzung am 27.02.2026 um 19:00 Uhr",
        ),
    ],
)
def test_an_agenda_is_named_by_the_heading_that_names_its_session(
    lines: list[str], name: str
) -> None:
    assert _header("\n".join(lines), PaperType.EINLADUNG)["name"] == name


def test_whole_minutes_are_not_named_by_one_of_their_items() -> None:
    # Münster's Betriebsausschuss AWM: "Punkt n der Tagesordnung" over each item's title.
    lines = ["1", " Betriebsausschuss der Abfallwirtschaftsbetriebe", "07.07.2026", "öffentlich"]
    lines += ["", "Punkt 1 der Tagesordnung", "", "Festsetzung der Tagesordnung", ""]
    lines += ["Keine Wortmeldungen.", "", "Punkt 2 der Tagesordnung", "", "Anmerkungen zur"]
    name = _header("\n".join(lines), PaperType.NIEDERSCHRIFT)["name"]
    assert name == "Betriebsausschuss der Abfallwirtschaftsbetriebe 07.07.2026"  # its session
    # An extract of one item is named by it (Karlsruhe's "Punkt 9 der Tagesordnung:").
    one = "Niederschrift\n\nPunkt 9 der Tagesordnung: Sanierung der Europahalle\n\nBeschluss:\n"
    assert _header(one, PaperType.NIEDERSCHRIFT)["name"] == "Sanierung der Europahalle"


def test_minutes_are_dated_by_the_session_their_running_head_names() -> None:
    # Osnabrück's Kulturausschuss: no date on the first page; each further page's head names
    # the session, and an item names an earlier one.
    text = "\n".join(
        [
            "1/24",
            "",
            "PROTOKOLL",
            "(öffentlicher Teil)",
            "Sitzung des Kulturausschusses (25)",
            "",
            "Genehmigung des Protokolls (öffentlicher Teil) über die",
            "Sitzung vom 05.02.2026",
            "",
            "Der Ausschuss nimmt Kenntnis.",
            "Sitzung des Kulturausschusses (25) vom 18.06.2026 4/24",
            "Text",
            "",
            "Sitzung des Kulturausschusses (25) vom 18.06.2026 5/24",
            "Text",
        ]
    )
    assert _header(text, PaperType.NIEDERSCHRIFT)["date"] == dt.date(2026, 6, 18)


def test_minutes_that_open_with_settling_the_agenda_are_whole_minutes() -> None:
    # Frankfurt's Ortsbeirat 12 (PARLIS): one "Beschluss:", but the session's first item.
    text = (
        "Dokumentart:\tNiederschrift\nGremium:\tOrtsbeirat 12\nDatum:\t25.09.2026\n"
        "1. Feststellung der Tagesordnung\nBeschluss:\n"
        "a) Die Vorlage OF 55/12 wird unter Tagesordnungspunkt 24 in die Tagesordnung "
        "aufgenommen.\nAbstimmung:\nEinstimmige Annahme\n"
    )
    assert resolution.whole_minutes(text)


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        # Hannover's SIM page: the next field's heading under the title.
        (
            [
                "Drucksache Nr. 0728/2026:",
                "Umstrukturierungen des Betreuungsangebotes der Kita",
                "Informationen:",
                "verwandte Drucksachen:",
                "0728/2026 (Originalvorlage)",
            ],
            "Umstrukturierungen des Betreuungsangebotes der Kita",
        ),
        # Erlangen's Stadtteilbeirat minutes: the attendance table's headings under "Thema:".
        (
            [
                "Stadt Erlangen",
                "Niederschrift",
                "Besprechung am:\t22. Januar 2020",
                "Thema:\t1. Sitzung des Stadtteilbeirates Büchenbach",
                "Anwesende\tEntschuldigt\tVerteiler",
                "Stadtteilbeirat:",
            ],
            "1. Sitzung des Stadtteilbeirates Büchenbach",
        ),
    ],
)
def test_a_title_ends_at_the_next_fields_heading_or_a_tables_row(
    lines: list[str], name: str
) -> None:
    assert _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)["name"] == name


def test_whole_minutes_give_no_consultation_even_from_their_attendance_list() -> None:
    # Erlangen's Stadtteilbeirat Büchenbach, 19.11.2024: the attendance list's groups
    # ("Stadtrat/Betreuungsstadtrat:") and the chair opening the session.
    text = "\n".join(
        [
            "Niederschrift",
            "Besprechung am:\t19.11.2024\tBeginn:\t18:30 Uhr",
            "Thema:\t2. öffentliche Sitzung Stadtteilbeirat Büchenbach",
            "Anwesende\tEntschuldigt\tVerteiler",
            "Stadtrat/Betreuungsstadtrat:",
            "Hr. Dr. Dees",
            "Ergebnis:",
            "Begrüßung und Vorstellung des Stadtteilbeirates",
            "Herr Günter Winkelmann eröffnet die öffentliche Sitzung des Stadtteilbeirates "
            "Büchenbach um 18:30 Uhr",
            "TOP 1: Stadtteilhaus Büchenbach",
        ]
    )
    assert resolution.whole_minutes(text)
    doc = Parsed(source="x.pdf", text=text, pages=[text], sections=segment(text))
    record = Record(source="x.pdf", paper_type=PaperType.NIEDERSCHRIFT)
    assert consultations.extract(doc, record)["consultations"] == []
    # Münster: "eröffnete um 17:00 Uhr die 3. Sitzung des Betriebsausschusses".
    assert resolution.whole_minutes("Frau A. eröffnete um 17:00 Uhr die 3. Sitzung des Betriebs")


# An ALLRIS-style print: the status set off by dashes at the right, "Federführend:" and
# "Beteiligt:" with their offices on the line below, the title under the form.
_ALLRIS_PRINT = """\
Stadt Bergheim                                   Vorlage
                                                 - öffentlich -
                                                 Drucksache Nr. VO/2024/0456
Federführend:                                    Datum: 12.02.2024
Fachbereich Planung
Beteiligt:
Amt für Finanzen

Bebauungsplan Nr. 12 "Westfeld" - Offenlage

Beratungsfolge:
Datum          Gremium                               Zuständigkeit
04.03.2024     Bauausschuss                          Vorberatung
"""
# The Beratungsfolge inside the form, its rows without brackets, the title below it.
_TABLE_IN_FORM = """\
Beschlussvorlage
Vorlage-Nr:        VO/2024/0457
Bearbeiter/-in:    Müller, Hans
Beratungsfolge:
Sozialausschuss                          Vorberatung
04.03.2024

Zuschuss an den Tafel e.V.

Sachverhalt:
Die Tafel bittet um einen Zuschuss.
"""


@pytest.mark.parametrize(
    ("text", "name", "department"),
    [
        (_ALLRIS_PRINT, 'Bebauungsplan Nr. 12 "Westfeld" - Offenlage', "Fachbereich Planung"),
        (_TABLE_IN_FORM, "Zuschuss an den Tafel e.V.", None),
    ],
)
def test_the_title_under_a_form_is_no_status_office_or_table_row(
    text: str, name: str, department: str | None
) -> None:
    found = _header(text, PaperType.BESCHLUSSVORLAGE)
    assert (found["name"], found["department"]) == (name, department)


def test_an_agenda_is_dated_by_its_session_not_by_an_items_number_or_wrapped_date() -> None:
    # Vorharz's Bekanntmachung: the session in a sentence, an item wrapped before its date.
    lines = [
        "Verbandsgemeinderat",
        "Öffentliche Bekanntmachung",
        "Am 28.09.2026, 18.30 Uhr, findet eine Sitzung mit öffentlichen Punkten statt.",
        "Tagesordnung",
        "04. Abstimmung über die Niederschrift der öffentlichen Sitzung vom",
        "29.06.2026",
        # Schiffweiler's agenda: an item names another paper's number and date.
        "1 Annahme der Niederschrift HA/034/2026 vom 24.08.2026",
    ]
    assert _header("\n".join(lines), PaperType.EINLADUNG)["date"] == dt.date(2026, 9, 28)


# Offenbach's PIO: an extract of the minutes, the item's subject over the Antrag it decided,
# the Antrag's number at the end of its line, two decisions, the chair's sign-off.
_OFFENBACH_EXTRACT = """\
Auszug aus der Niederschrift über die Sitzung
der Stadtverordnetenversammlung am 24. September 2026
TOP 9
Katzenschutzverordnung
Antrag Stadtverordnete Dr. Annette Schaper-Herget (Ofa) vom 12.08.2026,
2026-31/DS-I(A)0080
Änderungsantrag Stadtverordnete Dr. Schaper-Herget (Ofa) vom 24.09.2026, 2026-31/DS-I(A)0080/1
Beschlusslage:
2026-31/DS-I(A)0080/1
Die Stadtverordnetenversammlung lehnt mit Stimmenmehrheit wie folgt ab:
Der Magistrat wird beauftragt, einen Entwurf vorzulegen.
Beschlusslage:
2026-31/DS-I(A)0080
Die Stadtverordnetenversammlung lehnt mit Stimmenmehrheit wie folgt ab:
1. Der Magistrat wird beauftragt, eine Katzenschutzverordnung zu erarbeiten.
2. Die Katzenschutzverordnung soll folgende Regelungen enthalten:
·  Freigängerkatzen müssen gekennzeichnet sein.
Offenbach a. M., den 01.10.2026
Der Vorsteher der Stv.-Versammlung
"""


def test_an_extract_is_named_and_numbered_by_its_item_and_resolved_by_its_decisions() -> None:
    found = _header(_OFFENBACH_EXTRACT, PaperType.NIEDERSCHRIFT)
    assert (found["name"], found["reference"]) == ("Katzenschutzverordnung", "2026-31/DS-I(A)0080")
    text = _OFFENBACH_EXTRACT
    doc = Parsed(source="x.html", text=text, pages=[text], sections=segment(text))
    record = Record(source="x.html", paper_type=PaperType.NIEDERSCHRIFT)
    items = [item.text for item in resolution.extract(doc, record)["resolution"]]
    assert items == [
        "Die Stadtverordnetenversammlung lehnt mit Stimmenmehrheit wie folgt ab: Der Magistrat"
        " wird beauftragt, einen Entwurf vorzulegen.",
        "Die Stadtverordnetenversammlung lehnt mit Stimmenmehrheit wie folgt ab:",
        "Der Magistrat wird beauftragt, eine Katzenschutzverordnung zu erarbeiten.",
        "Die Katzenschutzverordnung soll folgende Regelungen enthalten: Freigängerkatzen müssen"
        " gekennzeichnet sein.",
    ]


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        (
            "# Gemeinsamer Antrag\n\n### Quartiersparkhaus am Schulzentrum\n",
            "Quartiersparkhaus am Schulzentrum",
        ),
        ("Antrag\nSanierung der Sporthalle Nord\n", "Sanierung der Sporthalle Nord"),
        # A letter's salutation under the kind is no subject.
        ("Antrag\n\nSehr geehrter Herr Bürgermeister,\n", None),
    ],
)
def test_a_motions_bare_kind_heading_is_named_by_the_subject_below(heading: str, name: str) -> None:
    text = f"SPD-Fraktion\n\n{heading}\nDer Rat möge beschließen:\n"
    assert header.motion_heading(header._without_markdown(text).splitlines()) == name


def test_a_markdown_motion_is_read_below_its_front_matter() -> None:
    # A group's website publishes its Antrag as Markdown (Leichlingen).
    text = (
        "---\ntitle: Gemeinsamer Antrag Quartiersparkhaus\ndate: 2026-07-20\nstatus: eingereicht\n"
        "---\n\n# Gemeinsamer Antrag\n\nSehr geehrter Herr Bürgermeister,\n\ndie Fraktionen"
        " beantragen:\n\n## Beschlussvorschlag\n\nDer Rat beschließt, ein Quartiersparkhaus zu"
        " errichten.\n\n## Begründung\n\nFlächen werden gespart.\n"
    )
    found = _header(text, PaperType.ANTRAG)
    assert (found["name"], found["date"]) == (
        "Gemeinsamer Antrag Quartiersparkhaus",
        dt.date(2026, 7, 20),
    )
    doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
    items = resolution.extract(doc, Record(source="x.txt", paper_type=PaperType.ANTRAG))
    assert [item.text for item in items["resolution"]] == [
        "Der Rat beschließt, ein Quartiersparkhaus zu errichten."
    ]


def test_a_paper_cited_in_a_paragraph_does_not_date_the_paper() -> None:
    # Hamburg-Mitte's Antrag: its Sachverhalt, one long line of the page, cites an older one.
    lines = [
        "Bezirksversammlung Hamburg-Mitte",
        "Drucksache - 23-1862",
        "Betreff:\tRattenplage im Wilhelmsburger Bahnhofsviertel beenden",
        "Sachverhalt:",
        "Im Bahnhofsviertel gibt es seit mindestens 12 Jahren immer wieder offensichtliche"
        " Rattenbefälle. Bereits 2018 hat sich der Regionalausschuss mit diesem Thema beschäftigt"
        " (s. Drs. 21-4266.2 vom 27.08.2018).",
    ]
    assert _header("\n".join(lines), PaperType.ANTRAG)["date"] is None
    # A heading's number and date still date the paper.
    lines[1] = "Beschlussvorlage 117/2024 vom 03.06.2024"
    assert _header("\n".join(lines), PaperType.BESCHLUSSVORLAGE)["date"] == dt.date(2024, 6, 3)
