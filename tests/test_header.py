"""Header fields on real council-paper headers: form, reference, date, body, department, name."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import form, header, title, vocab
from pipeline import evaluate
from pipeline.model import PaperType
from tests.conftest import DEV_DOCS, gold

# pdftotext of a Karlsruhe Beschlussvorlage (karlsruhe-2013-0001): labels, then their values.
KARLSRUHE_DEINTERLEAVED = """BESCHLUSSVORLAGE
STADT KARLSRUHE
Der Oberbürgermeister
Gremium:
53. Plenarsitzung Gemeinderat
Termin:
Vorlage Nr.:
TOP:

Verantwortlich:
24.09.2013
2013/0001
3
öffentlich
Dez. 6
Bebauungsplan "Bulach-Mittelfeld, 3. Änderung", Karlsruhe-Bulach:
Satzungsbeschluss gemäß § 10 des Baugesetzbuches (BauGB)

Beratungsfolge dieser Vorlage am TOP ö nö Ergebnis
Gemeinderat 24.09.2013 3
"""

# Karlsruhe 2023 layout (karlsruhe-2024-0546): same-line labels, a Dienststelle wrapped in its cell.
KARLSRUHE_SAME_LINE = """Beschlussvorlage
Gedruckt auf 100 Prozent Recyclingpapier

Vorlage Nr.: 2024/0546
Verantwortlich: Dez. 3
Dienststelle:  Schul- und
Sportamt

Elisabeth-Selbert-Schule: Neueinrichtung des Beruflichen Gymnasiums mit dem Profil "Sozial-
und Gesundheitswissenschaftliches Gymnasium" zum Schuljahr 2025/26

Gremien Termin TOP Ö / N Zuständigkeit
Schulbeirat 03.07.2024 3 Ö Vorberatung
"""

# Karlsruhe 2026 layout without blank lines (karlsruhe-2026-0133): two labels on one line.
KARLSRUHE_NO_BLANKS = """Beschlussvorlage
Gedruckt auf 100 Prozent Recyclingpapier
Vorlage Nr.: 2026/0133 Verantwortlich: Dez. 4
Dienststelle: Stadtkämmerei
Stadtwerke Karlsruhe GmbH: Anteilserhöhung an der BES - Badische Energie-
Servicegesellschaft mbH
Gremien Termin TOP Ö / N Zuständigkeit
Haupt- und Finanzausschuss 14.04.2026 8 N Vorberatung
"""


def _doc(name: str) -> str:
    return (DEV_DOCS / name).read_text(encoding="utf-8")


def _form(text: str) -> form.Form:
    return form.read(text.splitlines())


def test_deinterleaved_values_go_to_their_labels_by_kind() -> None:
    entries = {e.field: e.value for e in _form(KARLSRUHE_DEINTERLEAVED).entries}
    assert entries == {
        "committee": "53. Plenarsitzung Gemeinderat",
        "session": "24.09.2013",
        "reference": "2013/0001",
        "item": "3",
        "department": "Dez. 6",
    }


def test_a_missing_value_does_not_shift_the_others() -> None:
    # karlsruhe_620539: the Vorlage Nr. field is empty, Dez. 3 still goes to Verantwortlich.
    lines = [
        "Vorlage Nr.:",
        "",
        "Verantwortlich:",
        "",
        "Dez. 3",
        "Weiterentwicklung der Suchtprävention",
    ]
    paper_form = form.read(lines)
    assert header.reference(lines, paper_form) is None
    assert header.department(paper_form) == "Dez. 3"


def test_tab_rows_of_labels_over_values() -> None:
    lines = ["Federführendes Amt\tNr.", "Amt für Planung und Naturschutz\t037/2025"]
    paper_form = form.read(lines)
    assert header.reference(lines, paper_form) == "037/2025"
    assert header.department(paper_form) == "Amt für Planung und Naturschutz"


def test_two_labels_on_one_line() -> None:
    lines = KARLSRUHE_NO_BLANKS.splitlines()
    paper_form = form.read(lines)
    assert header.reference(lines, paper_form) == "2026/0133"
    assert header.department(paper_form) == "Dez. 4"


def test_a_wrapped_cell_is_one_value_and_not_the_title() -> None:
    paper_form = _form(KARLSRUHE_SAME_LINE)
    assert paper_form.values("department") == ["Dez. 3", "Schul- und Sportamt"]
    assert title.find(KARLSRUHE_SAME_LINE, paper_form) == (
        "Elisabeth-Selbert-Schule: Neueinrichtung des Beruflichen Gymnasiums "
        'mit dem Profil "Sozial- '
        'und Gesundheitswissenschaftliches Gymnasium" zum Schuljahr 2025/26'
    )


def test_title_printed_straight_under_the_form() -> None:
    assert title.find(KARLSRUHE_DEINTERLEAVED) == (
        'Bebauungsplan "Bulach-Mittelfeld, 3. Änderung", Karlsruhe-Bulach: '
        "Satzungsbeschluss gemäß § 10 des Baugesetzbuches (BauGB)"
    )
    assert title.find(KARLSRUHE_NO_BLANKS) == (
        "Stadtwerke Karlsruhe GmbH: Anteilserhöhung an der BES - "
        "Badische Energie-Servicegesellschaft mbH"
    )


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["Rheinstetten-", "Forchheim"], "Rheinstetten-Forchheim"),
        (["die Ansied-", "lung des Fleischwerkes"], "die Ansiedlung des Fleischwerkes"),
        (
            ["Aufstellungs- Veröffentlichungs-", "und Auslegungsbeschluss"],
            "Aufstellungs- Veröffentlichungs- und Auslegungsbeschluss",
        ),
    ],
)
def test_title_lines_joined(parts: list[str], joined: str) -> None:
    assert title.join(parts) == joined


@pytest.mark.parametrize(
    "name",
    [
        "augsburg_ANF_25_61796.txt",
        "augsburg_ANT-BSV_25_61750-1.txt",
        "augsburg_INF-ANF_25_61471-1.txt",
        "karlsruhe_10117_bv2009_nachtragsvereinbarung_abwasser.txt",
        "karlsruhe_610555_bv2019-0639_ausschussbesetzung.txt",
        "karlsruhe_673853_dhh2025-4139_haushaltsantrag_kohi.txt",
        "karlsruhe_679851_niederschrift_hfa_20260714_top9.txt",
        "kreis-unna-drucksache-113-21.txt",
        "kreis-warendorf-vorlage-037-2025.txt",
    ],
)
def test_dev_papers_name_reference_department(name: str) -> None:
    text = _doc(name)
    lines = text.splitlines()[: header.HEAD_LINES]
    paper_form = form.read(lines)
    expected = gold(name)
    ref = header.reference(lines, paper_form)
    assert ref == expected["reference"]
    assert header.department(paper_form) == expected["department"]
    anchor = next((i for i, line in enumerate(lines) if ref and ref in line), None)
    found = title.find(text, paper_form, anchor)
    assert found is not None
    # Quotes and dashes compare as the scorer compares them.
    assert evaluate.norm(found) == evaluate.norm(expected["name"])


@pytest.mark.parametrize(
    ("name", "paper_type"),
    [
        ("augsburg_ANT_25_61792.txt", PaperType.ANTRAG),  # Datum: label
        (
            "kreis-unna-drucksache-113-21.txt",
            PaperType.BESCHLUSSVORLAGE,
        ),  # date alone over the form
        ("karlsruhe_10003_antrag2012_cdu_ortschaftsrat_carsharing.txt", PaperType.ANTRAG),  # "vom"
        ("karlsruhe_10117_bv2009_nachtragsvereinbarung_abwasser.txt", PaperType.BESCHLUSSVORLAGE),
        ("karlsruhe_678804_ocr_jahresabschluss_fussballstadion2025.txt", PaperType.SONSTIGES),
        ("karlsruhe_610555_bv2019-0639_ausschussbesetzung.txt", PaperType.BESCHLUSSVORLAGE),
        ("pressemitteilung-ikz-jahrestagung-2023.txt", PaperType.SONSTIGES),
    ],
)
def test_paper_date_is_never_a_session_date(name: str, paper_type: PaperType) -> None:
    text = _doc(name)
    lines = text.splitlines()[: header.HEAD_LINES]
    found = header.paper_date(text, lines, form.read(lines), paper_type)
    expected = gold(name)["date"]
    assert found == (dt.date.fromisoformat(expected) if expected else None)


@pytest.mark.parametrize(
    ("lines", "body"),
    [
        (["BESCHLUSSVORLAGE", "", "STADT KARLSRUHE", "Der Oberbürgermeister"], "Stadt Karlsruhe"),
        (["Stadtrat Augsburg (Information ohne Beratung)", "öffentlich"], "Stadt Augsburg"),
        (["Herrn Oberbürgermeister", "Dr. Frank Mentrup", "76124 Karlsruhe"], "Stadt Karlsruhe"),
        # A group's letterhead names the council it sits in.
        (["SPD-Fraktion im Stadtrat Musterstadt", "An den Oberbürgermeister"], "Stadt Musterstadt"),
        (["Fraktion DIE LINKE in der Stadtverordnetenversammlung Offenbach"], "Stadt Offenbach"),
        # A councillor is no council: "Stadtrat Löffler (GRÜNE) führt aus".
        (["Stadtrat Löffler (GRÜNE) führt aus, die Verhandlungen seien intensiv gewesen."], None),
    ],
)
def test_body_from_letterhead_council_or_address(lines: list[str], body: str | None) -> None:
    assert header.body(lines, form.read(lines), None) == body


def test_body_from_the_title() -> None:
    name = "Gemeinsame Smart Region-Strategie der Städte und Gemeinden und des Kreises Warendorf"
    assert header.body(["Beschlussvorlage öffentlich"], form.Form(), name) == "Kreis Warendorf"


def test_only_body_named_abstains_when_two_are_named() -> None:
    assert header.only_body_named("Möglichkeiten der Stadt Augsburg darstellt.") == "Stadt Augsburg"
    both = "zwischen der Stadt Karlsruhe und der Stadt Rheinstetten über die Aufnahme"
    assert header.only_body_named(both) is None
    # Sippersfeld's ALLRIS page: the Ortsgemeinde and its Verbandsgemeinde are named, the
    # Beratungsfolge goes to the Ortsgemeinderat: the paper is the Ortsgemeinde's.
    two = (
        "Ortsgemeinderat Sippersfeld\tEntscheidung\nDie Gemeindevertretung der Ortsgemeinde"
        " Sippersfeld hat beschlossen, Wohnbaufläche in der Verbandsgemeinde Winnweiler zu"
        " schaffen."
    )
    assert header.only_body_named(two) == "Ortsgemeinde Sippersfeld"


@pytest.mark.parametrize("row", vocab.rows("form_labels"), ids=lambda row: row[2])
def test_every_form_label_is_read_with_its_value(row: tuple[str, str, str]) -> None:
    field, kind, label = row
    value = {"ref": "2020/1189", "date": "24.09.2013", "number": "3"}.get(kind, "Amt für Umwelt")
    printed = label.replace("<n>", "9")
    entries = form.read([f"{printed}: {value}"]).entries
    assert [(e.field, e.value) for e in entries] == [(field, value)]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Beteiligung der Gemeinde Welver an der Regionalverkehr Ruhr-Lippe GmbH",
            "Gemeinde Welver",
        ),
        ("Die Stadt Mülheim an der Ruhr plant", "Stadt Mülheim an der Ruhr"),
        ("Bildungsausschuss der Stadt Halle (Saale)", "Stadt Halle (Saale)"),
        ("Beschluss der Stadt Karlsruhe (Anlage)", "Stadt Karlsruhe"),
        ("der Stadt Oldenburg (Oldb) für die Aufnahme", "Stadt Oldenburg (Oldb)"),
        ("verbleibt bei der Stadt Karlsruhe (Stadtanteil). Der Rest", "Stadt Karlsruhe"),
        ("der Stadt Frankfurt am Main, Dezernat IV", "Stadt Frankfurt am Main"),
        # Bavaria's places by their abbreviated river or region (Moosburg's letterhead,
        # batch P; the others as their councils print them).
        ("Stadt Moosburg a. d. Isar", "Stadt Moosburg a. d. Isar"),
        ("Stadt Neuburg a.d.Donau", "Stadt Neuburg a.d.Donau"),
        ("Stadt Weiden i.d.OPf.", "Stadt Weiden i.d.OPf."),
        ("Stadt Mühldorf a.Inn", "Stadt Mühldorf a.Inn"),
        # A place whose name starts "Bad" or "Sankt" (Bad Salzdetfurth's page, batch U).
        ("Zur Facebook-Seite der Stadt Bad Salzdetfurth", "Stadt Bad Salzdetfurth"),
        ("Stadt Sankt Augustin", "Stadt Sankt Augustin"),
        ("der Samtgemeinde Am Dobrock", "Samtgemeinde Am Dobrock"),  # batch X
        ("der Stadt Bad Homburg v. d. Höhe", "Stadt Bad Homburg v. d. Höhe"),
        # "i.A." / "i. V." before a signer's name is no part of the place.
        ("Stadt Erlangen i.A. Meier", "Stadt Erlangen"),
        ("Stadt Karlsruhe i. V. Müller", "Stadt Karlsruhe"),
    ],
)
def test_a_place_named_by_its_river_but_not_by_a_company_after_an_der(text: str, body: str) -> None:
    assert header.only_body_named(text) == body


def test_a_speechs_disclaimer_is_no_part_of_its_title(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.read.discover import discover
    from pipeline.run.document import process

    # Albstadt's SPD-Fraktion, Haushaltsrede 2024 (shared councils corpus), as its PDF reads.
    path = tmp_path / "haushaltsrede.txt"
    path.write_text(
        "Sozialdemokratische Partei Deutschlands\n"
        "Fraktion im Gemeinderat der Großen Kreisstadt Albstadt\n"
        "Fraktionsvorsitzende:\n"
        "Marianne Roth\tTelefon: 07432 51822\n"
        "72458 Albstadt\tE-Mail:\tjumroth@t-online.de www.spd-albstadt.de\n"
        "08. Januar 2024\n"
        "Haushaltsrede\n"
        "zum Haushaltsplan 2024\n"
        "Es gilt das Gesprochen Wort.\n"
        "Sehr geehrter Herr Oberbürgermeister Tralmer,\n"
        "Dieses Jahr fällt es der SPD-Fraktion sehr schwer mit dem Haushalt.\n",
        encoding="utf-8",
    )
    record = process(next(iter(discover([path])))).record
    assert record is not None
    assert record.name == "Haushaltsrede zum Haushaltsplan 2024"
