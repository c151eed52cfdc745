"""Papers whose text was taken from the PDF without its layout (pypdfium2's or pdfminer's
plain text): a form's row of labels and its row of values each run together with one space.
The lines are Kreis Warendorf's Vorlage 037/2025 (tests/fixtures/kreis-warendorf-vorlage-
037-2025.pdf) and Stuttgart's Niederschrift 66/2019 as pypdfium2's get_text_range gives them."""

from __future__ import annotations

from extractors import form
from pipeline.read.reader import read_text


def test_a_row_of_labels_over_a_row_of_values_run_together() -> None:
    lines = [
        "Beschlussvorlage öffentlich",
        "Federführendes Amt Nr.",
        "Amt für Planung und Naturschutz 037/2025",
        "Betreff:",
    ]
    entries = {(e.field, e.value) for e in form.read(lines).entries}
    assert ("department", "Amt für Planung und Naturschutz") in entries
    assert ("reference", "037/2025") in entries


def test_values_are_told_apart_by_their_shapes_or_not_at_all() -> None:
    row = form._spaced_label_row("Vorlage Nr. Datum")
    assert row is not None and [label.field for label in row] == ["reference", "date"]
    # Each label after the first takes the words its value's shape allows.
    assert form._values_by_shape("2024/117 12.03.2024", row) == ["2024/117", "12.03.2024"]
    assert form._values_by_shape("2024/117 im März", row) is None
    # A line of prose is no row of labels.
    assert form._spaced_label_row("Amt für Planung und Naturschutz") is None
    assert form._spaced_label_row("Betreff:") is None  # one label is no row


def test_pdfiums_soft_hyphen_in_a_text_file_is_a_soft_hyphen() -> None:
    text = "Bewerbervorstellung und Wahl Amtsleitung Branddi\ufffe\nrektion\n"
    assert read_text(text.encode()).pages[0].text == (
        "Bewerbervorstellung und Wahl Amtsleitung Branddi\u00ad\nrektion\n"
    )


def test_check_boxes_set_between_a_wrapped_labels_words() -> None:
    from extractors import finance

    # pdfplumber's text of Warendorf's form: the boxes on the label's first line.
    text = (
        "Finanzielle ⊠ ja nein\nAuswirkungen:\nFalls ja: Im ⊠ ja ☐ nein\nHaushaltsplan\n"
        "vorgesehen:\n"
    )
    assert finance.checkbox(finance._IMPACT_WRAPPED, text, "finanzielle") is True
    assert finance.checkbox(finance._IN_BUDGET_WRAPPED, text, "haushalt") is True
    # pypdf's: each cell on a line of its own.
    text = (
        "Finanzielle\n☐ ja\n⊠ nein\nAuswirkungen:\nFalls ja: Im\n⊠ ja\n☐ nein\nHaushaltsplan\n"
        "vorgesehen:"
    )
    assert finance.checkbox(finance._IMPACT_WRAPPED, text, "finanzielle") is False
    assert finance.checkbox(finance._IN_BUDGET_WRAPPED, text, "haushalt") is True
    # Prose names neither.
    prose = "Die finanziellen Auswirkungen sind gering. Im Haushalt vorgesehen sind 5.000 EUR."
    assert finance.checkbox(finance._IMPACT_WRAPPED, prose, "finanzielle") is None
    assert finance.checkbox(finance._IN_BUDGET_WRAPPED, prose, "haushalt") is None


def test_a_committees_wrapped_rest_on_the_line_under_its_row() -> None:
    from extractors import consultation_table

    lines = [
        "Beratungsfolge Termin",
        "Ausschuss für Umwelt, Klimaschutz, Mobilität 07.03.2025",
        "und Planung Berichterstattung: KLD Martin",
        "Terwey",
        "Kreisausschuss Berichterstattung: Dezernent für 21.03.2025",
    ]
    assert [c.organization for c in consultation_table.parse(lines)] == [
        "Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung",
        "Kreisausschuss",
    ]


def test_a_committees_wrapped_rest_under_its_rows_date_cell() -> None:
    from extractors import consultation_table

    # pypdf's text of the same table: each cell on a line of its own.
    lines = [
        "Beratungsfolge",
        "Termin",
        "Ausschuss für Umwelt, Klimaschutz, Mobilität",
        "07.03.2025",
        "und Planung Berichterstattung: KLD Martin",
        "Terwey",
        "Kreisausschuss Berichterstattung: Dezernent für",
        "21.03.2025",
    ]
    assert [c.organization for c in consultation_table.parse(lines)] == [
        "Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung",
        "Kreisausschuss",
    ]
