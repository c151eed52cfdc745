"""aligned: a PDF's text saved with its columns set apart by spaces (pdftotext -layout)
read as the PDF itself is: TAB between a row's cells, a wrapped cell folded into its row.

The lines are Kreis Warendorf's Vorlage 037/2025 as `pdftotext -layout` gives them (the PDF
is tests/fixtures/kreis-warendorf-vorlage-037-2025.pdf) and Karlsruhe's, whose status marks
("x") sit in a column set by spaces.
"""

from __future__ import annotations

from pipeline.read import aligned
from pipeline.read.reader import read_text

WARENDORF = (
    "Beschlussvorlage öffentlich\n"
    "\n"
    "Federführendes Amt                                Nr.\n"
    "Amt für Planung und Naturschutz                   037/2025\n"
    "\n"
    "Betreff:\n"
    "\n"
    "Gemeinsame Smart Region-Strategie der Städte und Gemeinden und des Kreises Warendorf\n"
    "\n"
    "Beratungsfolge                                    Termin\n"
    "Ausschuss für Umwelt, Klimaschutz, Mobilität      07.03.2025\n"
    "und Planung Berichterstattung: KLD Martin\n"
    "Terwey\n"
    "Kreisausschuss Berichterstattung: Dezernent für   21.03.2025\n"
    "Bauen, Planung und Umwelt Michael Ottmann\n"
    "Kreistag Berichterstattung: Dezernent für         28.03.2025\n"
    "Bauen, Planung und Umwelt Michael Ottmann\n"
    "\n"
    "Produkt               Nr.              090110                Bez.              Räumliche\n"
    "                                                                               Planung und\n"
    "                                                                               Entwicklung\n"
)


def test_a_space_aligned_page_gets_its_cells_and_wrapped_cells_back() -> None:
    assert aligned.is_aligned(WARENDORF)
    lines = aligned.relaid(WARENDORF).split("\n")
    assert "Federführendes Amt\tNr." in lines
    assert "Amt für Planung und Naturschutz\t037/2025" in lines
    assert (
        "Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung Berichterstattung: "
        "KLD Martin Terwey\t07.03.2025"
    ) in lines
    assert (
        "Kreisausschuss Berichterstattung: Dezernent für Bauen, Planung und Umwelt Michael "
        "Ottmann\t21.03.2025"
    ) in lines
    assert "Produkt\tNr.\t090110\tBez.\tRäumliche Planung und Entwicklung" in lines
    # Blank lines and lines of one cell stay as they were.
    assert lines[:2] == ["Beschlussvorlage öffentlich", ""]


def test_a_text_file_so_laid_out_is_read_so() -> None:
    text = read_text(WARENDORF.encode()).pages[0].text
    assert "Amt für Planung und Naturschutz\t037/2025" in text


def test_a_row_takes_no_heading_date_or_label_for_its_wrapped_cell() -> None:
    page = (
        "Vorlage Nr.:      2023/0576\n"
        "Dienststelle:      OA\n"
        "Geschwindigkeits- sowie Rotlichtverstößen             Vergabe Nr.: OA22004\n"
        "Beratungsfolge dieser Vorlage\n"
        "Gremium Termin TOP ö nö Ergebnis\n"
        "Hauptausschuss 20.06.2023 5  x vorberaten\n"
        "Gemeinderat 27.06.2023 9 x   \n"
        "Beschlussantrag (Kurzfassung)\n"
    )
    lines = aligned.relaid(page).split("\n")
    assert lines[2] == "Geschwindigkeits- sowie Rotlichtverstößen\tVergabe Nr.: OA22004"
    assert lines[3:] == [
        "Beratungsfolge dieser Vorlage",
        "Gremium Termin TOP ö nö Ergebnis",
        # A row with a status mark keeps its spaces: the mark's column is in them.
        "Hauptausschuss 20.06.2023 5  x vorberaten",
        "Gemeinderat 27.06.2023 9 x",
        "Beschlussantrag (Kurzfassung)",
        "",
    ]


def test_justified_prose_is_no_columns() -> None:
    page = (
        "2. Dem  Gemeinderat  wird  dargelegt, unter  welchen  finanziellen  und  personellen\n"
        "Bedingungen   ein   integriertes   Bürgerbeteiligungsportal   in   Karlsruhe   etabliert\n"
        "werden kann.\n"
    )
    assert not aligned.is_aligned(page * 3)
    assert aligned.relaid(page) == page


def test_a_text_with_tabs_or_without_columns_is_left_alone() -> None:
    assert not aligned.is_aligned("Gremium\tTermin\nRat\t01.02.2024\n" + "a   b\n" * 5)
    assert not aligned.is_aligned("Beschlussvorlage\n\nBetreff: Neubau\n")
    text = "Beschlussvorlage\n\nBetreff: Neubau   der Schule\n"
    assert read_text(text.encode()).pages[0].text == text


def test_a_justified_lines_wide_set_words_are_no_row() -> None:
    # Ahnsen's minutes, as pdftotext -layout gives them: few words set out over the measure.
    page = (
        "         Die Einzahlungen aus laufender Verwaltungstätigkeit betragen 983.500 €. Die\n"
        "         Auszahlungen aus laufender Verwaltungstätigkeit belaufen sich auf\n"
        "         952.000                   €.              Die                Einzahlungen\n"
        "         für Investitionstätigkeit betragen 292.300 €. Die Auszahlungen für\n"
    )
    assert aligned.relaid(page).split("\n")[2] == "952.000 €. Die Einzahlungen"
