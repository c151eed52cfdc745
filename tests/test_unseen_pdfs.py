"""Real council PDFs of councils in no corpus of ours (batch P of the measurement set,
docs/measurement.md): Bonn's Beschlussvorlagen (a drawn form), Schwerin's and Köln's scanned
letters, minutes and motions of Pohlheim, Moosburg and Erlangen.

The PDFs are not copied into the repository; each test gives the lines of text their rule
reads, as the PDF reader lays them out (cells apart by a TAB), names and numbers kept.
"""

from __future__ import annotations

from pathlib import Path

from extractors import committees, form, header, paper_type
from pipeline.model import PaperType
from tests.conftest import record_of_text

# Bonn's form: the number's label beside a field of no record ("Kosten der Drucksachen-
# Gruppe"), the number's cell run into the label and link under it.
BONN = """Bundesstadt Bonn\tTOP

Der Oberbürgermeister\tBE
Amt 56\tBeschlussvorlage - öffentlich nach § 48 Abs. 2 Satz 1 GO NRW

Drucksachen-Nr.\tKosten der Drucksachen-Gruppe
1210004 Externe Dokumente - Lageplan/Fotos\t598,27 € 02.01.12
Betreff
Fällgenehmigung für private Bäume mit mehr als 200cm Stammumfang im
Baugenehmigungsverfahren (hier: Gielsdorfer Str. 40)

Beschlussvorschlag

Der Fällung wird zugestimmt.
"""


def test_a_number_under_its_label_beside_a_field_of_no_record(tmp_path: Path) -> None:
    row = form.read(BONN.split("\n"))
    assert [(e.field, e.value) for e in row.entries if e.field == "reference"] == [
        ("reference", "1210004 Externe Dokumente - Lageplan/Fotos")
    ]
    record = record_of_text(tmp_path, BONN)
    assert record.reference == "1210004"
    assert record.name is not None and record.name.startswith("Fällgenehmigung für private")
    # A row of cells that merely starts with no label is no row of labels.
    assert form.read(["Bundesstadt Bonn\tTOP", "Der Oberbürgermeister\tBE"]).entries == []
    # Nor does a long number alone open a value that is not a reference's.
    assert header._leading_reference("12 Bäume werden gefällt") is None


def test_a_letters_salutation_is_no_name(tmp_path: Path) -> None:
    # Köln: the subject sits in a form cell the scan's stamps garbled ("Kö stacı Köln"), and
    # OCR lost the salutation's ending; the salutation is no name.
    text = (
        "BV2 an 70.04 242\tCDU ..\n"
        "Fraktion in der Bezirksvertretung Köln-Lindenthal\n\n"
        "Frau Bezirksbürgermeisterin\nHelga Blömer-Frerker\n\n"
        "Köln, den 09.01.2012\n\n"
        "Anfrage\tFrechener Weg - Einrichtung einer Busschleuse Kö stacı Köln\n"
        "Eingang\tIn\n"
        "Sehr geehrt Frau Bezirksbürgermeisterin,\t16. JAN. 2\n"
        "sehr geehrter Herr Oberbürgermeister,\tH,\tR\n"
        "wir bitten Sie, folgenden Antrag auf die Tagesordnung zu setzen:\n\n"
        "Die Verwaltung wird um Auskunft gebeten.\n\nBegründung:\nText.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.ANFRAGE
    assert record.name is None or "geehrt" not in record.name
    assert record.date is not None and record.date.isoformat() == "2012-01-09"


def test_a_district_council_named_after_a_two_word_place() -> None:
    # Bonn's Beratungsfolge.
    line = "Bezirksvertretung Bad Godesberg\t25.01.2012\teinstimmig\t1"
    assert [committees.clean(c.text) for c in committees.find(line)] == [
        "Bezirksvertretung Bad Godesberg"
    ]
    assert [c.text for c in committees.find("Ortsrat Groß Escherde und Hauptausschuss")] == [
        "Ortsrat Groß Escherde",
        "Hauptausschuss",
    ]


def test_a_letter_about_your_anfrage_answers_it() -> None:
    # Schwerin's Oberbürgermeisterin to a Fraktion (a scanned letter).
    head = "Fraktion Unabhängige Bürger\nder Stadtvertretung Schwerin\n\n"
    assert (
        paper_type.classify(head + "Ihre Anfrage vom 17.01.2012 zum Sachstand Waisengärten\n")
        is PaperType.STELLUNGNAHME
    )
    assert paper_type.classify(head + "Anfrage zum Sachstand Waisengärten\n") is PaperType.ANFRAGE
