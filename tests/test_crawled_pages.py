"""RIS pages as a crawler keeps their text, from councils in no corpus of ours (batches F and G
of the measurement set, docs/measurement.md): ALLRIS classic and net, SessionNet, councils'
own systems, their tables sometimes written as Markdown.

The pages are not copied into the repository (the store they come from forbids it); each
test gives the shape its rule reads, in lines written after the pages, names and numbers
kept.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from extractors import form, header
from pipeline.model import PaperType
from pipeline.read import ris_text
from tests.conftest import record_of_text

# Salzgitter's ALLRIS classic: each Ortsrat prepares the decision, in sessions held partly in
# public, partly not.
SALZGITTER = """Vorlage - 1198/16

Betreff: Schiedsamt - Neubesetzung eines Schiedsamtsbezirkes
Status:öffentlichVorlage-Art:Beschlussvorlage
Federführend:I - Zukunftsstrategien und Steuerungsunterstützung
Beratungsfolge:
Ortsrat der Ortschaft Nordost Beschlussvorbereitung
27.09.2012
07. öffentliche/nichtöffentliche Sitzung des Ortsrates der Ortschaft Nordost Kenntnisnahme
Ortsrat der Ortschaft Ost Beschlussvorbereitung
04.10.2012
08. öffentliche Sitzung des Ortsrates der Ortschaft Ost Kenntnisnahme
Verwaltungsausschuss Beschlussvorbereitung
Rat der Stadt Salzgitter Entscheidung
28.11.2012
12. nichtöffentliche/öffentliche Sitzung des Rates der Stadt Salzgitter geändert beschlossen

Beschlussvorschlag:

Das Auswahlverfahren für Schiedsleute wird geändert.
"""


def test_a_session_held_partly_in_public_says_not_which_part(tmp_path: Path) -> None:
    rows = [
        (c.organization, c.date, c.role, c.public)
        for c in record_of_text(tmp_path, SALZGITTER).consultations
    ]
    assert rows == [
        ("Ortsrat der Ortschaft Nordost", dt.date(2012, 9, 27), "Beschlussvorbereitung", None),
        ("Ortsrat der Ortschaft Ost", dt.date(2012, 10, 4), "Beschlussvorbereitung", True),
        ("Verwaltungsausschuss", None, "Beschlussvorbereitung", None),
        ("Rat der Stadt Salzgitter", dt.date(2012, 11, 28), "Entscheidung", None),
    ]


# The Ostalbkreis (ALLRIS classic): no kind printed, every body takes note, and the proposal
# is headed "Antrag der Verwaltung".
OSTALBKREIS = """Vorlage - 175/2010

Betreff: Einführung des Neuen Kommunalen Haushalts- und Rechnungswesen (NKHR) beim Ostalbkreis
Status:öffentlich
Federführend:Geschäftsbereich Kämmerei
Beratungsfolge:
Ausschuss für Bildung und Finanzen Kenntnisnahme
08.02.2011
Sitzung des Ausschusses für Bildung und Finanzen ungeändert beschlossen
Kreistag Kenntnisnahme
01.03.2011
Sitzung des Kreistags ungeändert beschlossen

Antrag der Verwaltung

1.              Der Kreistag stimmt der Umstellung des Haushaltswesens auf die Doppik zu.

2.              Der Kreistag stimmt der Gliederung der Teilhaushalte zu.

Sachverhalt/Begründung

Bereits im Jahr 1992 wurde das Reformprojekt begonnen.
"""


def test_the_administrations_motion_is_the_proposal_of_a_beschlussvorlage(
    tmp_path: Path,
) -> None:
    record = record_of_text(tmp_path, OSTALBKREIS)
    assert record.paper_type is PaperType.BESCHLUSSVORLAGE
    assert [item.text for item in record.resolution] == [
        "Der Kreistag stimmt der Umstellung des Haushaltswesens auf die Doppik zu.",
        "Der Kreistag stimmt der Gliederung der Teilhaushalte zu.",
    ]


# Erlangen's SessionNet: the subject takes two lines and names the motions it answers, with
# their dates; the number of the file ("Aktenzeichen") stands between number and kind.
ERLANGEN = (
    "Beschaffung von neuem Wohnraum für Flüchtlinge zum Fraktionsantrag der Grünen Liste"
    " Nr. 149/2013 vom 18.09.2013 und\n\n"
    "Betreff\n"
    "Beschaffung von neuem Wohnraum für Flüchtlinge zum Fraktionsantrag der Grünen Liste"
    " Nr. 149/2013 vom 18.09.2013 und Unterbringung in mobilen Wohneinheiten\n"
    "Vorlage\n502/013/2013\nAktenzeichen\nV/502/MG009\nArt\nBeschlussvorlage\n\n"
    "Die mündlichen Ausführungen werden zur Kenntnis genommen.\n"
)


def test_a_sessionnet_page_whose_subject_wraps_and_cites_a_dated_motion(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, ERLANGEN)
    assert record.paper_type is PaperType.BESCHLUSSVORLAGE
    assert record.reference == "502/013/2013"
    assert record.name is not None and record.name.endswith("in mobilen Wohneinheiten")
    # 18.09.2013 dates the Grüne Liste's motion, not this paper.
    assert record.date is None


def test_a_kind_abbreviated_on_a_sessionnet_page() -> None:
    # Amt Warnow-West's member towns: "BV Gemeinden", "BV Amtsausschuss".
    page = ris_text.fields(
        "Betreff\nZuwendung für den Bürgerbus\nVorlage\nVZD/2709/2020/GBE\nArt\nBV Gemeinden\n"
    )
    assert page is not None
    assert (page.paper_type, page.reference) == (PaperType.BESCHLUSSVORLAGE, "VZD/2709/2020/GBE")


# Kleve's own RIS as a crawler keeps it: the number heads the title, its table in Markdown,
# the attachments named by their files.
KLEVE = """Inhalt
705/IX. - Bebauungsplan Nr. 4-288-0 für den Bereich Heidberg im Ortsteil Materborn
hier: Satzungsbeschluss
Vorlagennummer | 705/IX. |
---|---|
Beratungsart | öffentlich |
Drucksache und Anlagen:
- 2012-10-30 Anregung Kreis Kleve_1.pdf
- 2012-06-12 Anregung Stadtwerke Kleve_1.pdf
Beschlussvorschlag:
Der Rat der Stadt beschließt den Bebauungsplan Nr. 4-288-0 als Satzung.
Sachverhalt:
Der Rat der Stadt hat am 30.05.2012 beschlossen, das Verfahren einzuleiten.
"""


def test_a_markdown_table_is_read_as_the_pages_table(tmp_path: Path) -> None:
    assert ris_text.markdown_tables(
        "Vorlagennummer | 705/IX. |\n---|---|\nBeratungsart | öffentlich |"
    ) == ("Vorlagennummer\t705/IX.\nBeratungsart\töffentlich")
    # An empty cell keeps its column: the date stays under "Datum".
    assert ris_text.markdown_tables(
        "Status | Datum | Gremium |\n---|---|---|\n| | 10.12.2024 | Rat |"
    ) == ("Status\tDatum\tGremium\n\t10.12.2024\tRat")
    # A form field's name with a bar is no table: no rule line under it.
    assert ris_text.markdown_tables("Sachverhalt | Begründung\n---\n") == (
        "Sachverhalt | Begründung\n---\n"
    )
    record = record_of_text(tmp_path, KLEVE)
    assert record.reference == "705/IX."
    assert record.name == (
        "Bebauungsplan Nr. 4-288-0 für den Bereich Heidberg im Ortsteil Materborn "
        "hier: Satzungsbeschluss"
    )
    # "Kreis Kleve_1.pdf" is a file's name: the page never names its council.
    assert record.body is None


def test_a_term_of_office_with_its_ordinal_dot() -> None:
    assert form.fits(form.Kind.REF, "705/IX.")
    assert form.REFERENCE.search("705/IX. - Bebauungsplan").group() == "705/IX."
    # A sentence's full stop after the number is not part of it.
    assert form.REFERENCE.search("siehe Drucksache 1536/V. Der Rat").group() == "1536/V"
    assert header.body(["- Anregung Kreis Kleve_1.pdf"], form.Form(), None) is None
    assert header.body(["Anregung des Kreises Kleve vom 30.10.2012"], form.Form(), None) == (
        "Kreis Kleve"
    )


# Herzogenrath's ALLRIS net 4 as a crawler lists its "Grunddaten": each label over its value,
# an item's page headed by the session's day and the item's number.
HERZOGENRATH_ITEM = """27.01.2009 - 6 Beratung der Haushaltssatzung für das Haushalts...
Grunddaten
- TOP:
- Ö 6
- Gremium:
- Haupt- und Finanzausschuss
- Datum:
- Di., 27.01.2009
- Beratung:
- öffentlich
- Vorlageart:
- Sitzungsvorlage
- Beschluss:
- geändert beschlossen
Wortprotokoll
Vor der Beratung klärt Bürgermeister von den Driesch die Vorgehensweise ab.
Dieser Antrag wird mit 8 Ja-Stimmen zu 13 Nein-Stimmen abgelehnt.
"""


def test_listed_labels_are_set_beside_their_values() -> None:
    assert ris_text.listed_fields(
        "- Betreff:\n-\nAbwasserbeseitigung: IV. Nachtrag\n- Status:\n"
        "- öffentlich\n- Federführend:\n- Amt 20 - Kämmerei\n"
    ) == (
        "Betreff:\tAbwasserbeseitigung: IV. Nachtrag\nStatus:\töffentlich\n"
        "Federführend:\tAmt 20 - Kämmerei\n"
    )
    # A list of two labelled points is no page's fields.
    text = "- Ziel:\n- mehr Grün\n- Weg:\n- Bäume pflanzen\n"
    assert ris_text.listed_fields(text) == text


def test_an_allris_net_item_page_as_a_crawler_lists_it(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, HERZOGENRATH_ITEM)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert record.name == "Beratung der Haushaltssatzung für das Haushalts..."
    assert record.date == dt.date(2009, 1, 27)
    # The discussion under "Wortprotokoll" is no decision's text.
    assert record.resolution == []


def test_numbered_alternatives_and_attachments_head_their_parts() -> None:
    from pipeline.segment import find_headings

    # Bentwisch (SessionNet of Amt Warnow-West): two proposals put to the vote in turn.
    text = (
        "Beschlussvorschlag 1:\n\nDie Gemeindevertretung beschließt die Zuwendung.\n\n"
        "Abstimmungsergebnis:\n\noder\n\n"
        "Beschlussvorschlag 2: (laut Ausschuss für Schule)\n\nDie Gemeindevertretung "
        "beschließt die halbe Zuwendung.\n\n"
        # Karlsruhe: the attachments listed under the proposal, each with its number.
        "Anlage 1: Satzung zur Änderung der Abfallgebührensatzung\n"
    )
    assert [label for label, *_ in find_headings(text)] == [
        "beschlussvorschlag",
        "abstimmung",
        "beschlussvorschlag",
        "anlagen",
    ]
    # A number without its colon stays the heading's text ("Anlage 3 zeigt ...").
    assert [label for label, *_ in find_headings("Anlage 3 zeigt den Plan im Detail.\n")] == []


def test_each_bodys_part_of_a_proposal_by_its_subject() -> None:
    from extractors import resolution

    # Burgdorf: every committee speaks for itself in its own numbered point.
    text = (
        "1. Der Bauausschuss spricht sich für die Alternative 1 aus und empfiehlt dem "
        "Verwaltungsausschuss, den Beschluss zu fassen.\n\n"
        "2. Der Ausschuss für Schule, Kultur und Sport spricht sich für die Alternative 2 aus.\n\n"
        "3. Der Ortsrat Otze spricht sich für die Alternative 1 aus.\n"
    )
    assert [item.organization for item in resolution.items(text)] == [
        "Bauausschuss",
        "Ausschuss für Schule, Kultur und Sport",
        "Ortsrat Otze",
    ]
    # One council's points, each with it as the subject, are no split.
    one = (
        "1. Der Gemeinderat beschließt die Satzung.\n\n"
        "2. Der Gemeinderat beauftragt die Verwaltung.\n"
    )
    assert [item.organization for item in resolution.items(one)] == [None, None]
    # Nor where a point names no body.
    mixed = "1. Der Bauausschuss empfiehlt die Alternative 1.\n\n2. Die Kosten trägt die Stadt.\n"
    assert [item.organization for item in resolution.items(mixed)] == [None, None]


def test_the_office_in_charge_wins_over_an_author_listed_before_it(tmp_path: Path) -> None:
    # Bad Salzdetfurth's ALLRIS page (batch U): "Verfasser:" lists persons, "Federführend:"
    # the office, each on a line as a crawler ran the cells together.
    text = (
        "Vorlage - 2020/093/VV\n\nBetreff: Neufassung der Straßenausbaubeitragssatzung\n"
        "Status:öffentlichVorlage-Art:Verwaltungsvorlage\nVerfasser:1. Räther, Heiko\n"
        "Federführend:Fachbereich 3 Bearbeiter/-in: Werner, Jörg\n"
    )
    assert record_of_text(tmp_path, text).department == "Fachbereich 3"


def test_a_federfuehrender_bereich_and_a_beratungsart(tmp_path: Path) -> None:
    # Kalkar's Ratsportal page (batch U): its office as "Federführender Bereich:".
    text = (
        "Vorlagennummer: 10/110\nBeratungsart:öffentlich\n"
        "Federführender Bereich:Planen, Bauen, Umwelt\n\nSachverhalt\n\nDer Rat beschließt.\n"
    )
    record = record_of_text(tmp_path, text)
    assert (record.reference, record.department) == ("10/110", "Planen, Bauen, Umwelt")
    assert record.name is None  # "Beratungsart:öffentlich" is a field, no title


def test_an_allris_page_under_a_cookie_banner_is_read_as_its_page(tmp_path: Path) -> None:
    # Herne's ALLRIS page (batch V): the site's cookie notice before the heading; each
    # session's line ("der Bezirksvertretung des Stadtbezirks Herne-Mitte") is no committee.
    banner = [f"Cookie-Hinweis Zeile {k}: Diese Website setzt Cookies ein." for k in range(9)]
    text = "\n".join(
        [
            *banner,
            "Ratsinformationssystem",
            "",
            "Vorlage - 2011/0281",
            "",
            "Betreff: Grundschulentwicklung",
            "Status:öffentlichVorlage-Art:öffentliche Beschlussvorlage",
            "Federführend:FB 31 - Schule und Weiterbildung",
            "Beratungsfolge:",
            "Bezirksvertretung Herne-Mitte Anhörung",
            "01.06.2011 ",
            "der Bezirksvertretung des Stadtbezirks Herne-Mitte",
            "Integrationsrat Vorberatung",
            "01.06.2011 ",
            "des Integrationsrates beschlossen",
            "Rat der Stadt Entscheidung",
            "21.06.2011 ",
            "des Rates der Stadt beschlossen",
            "",
            "Finanzielle Auswirkungen",
        ]
    )
    record = record_of_text(tmp_path, text)
    assert [(c.organization, c.date, c.role) for c in record.consultations] == [
        ("Bezirksvertretung Herne-Mitte", dt.date(2011, 6, 1), "Anhörung"),
        ("Integrationsrat", dt.date(2011, 6, 1), "Vorberatung"),
        ("Rat der Stadt", dt.date(2011, 6, 21), "Entscheidung"),
    ]


def test_a_council_deciding_under_the_beratungsfolge_is_the_proposal(tmp_path: Path) -> None:
    # Zeitz's ALLRIS page (batch V): no heading over the proposal, the council's decision
    # and its numbered points under the Beratungsfolge.
    text = "\n".join(
        [
            "Vorlage - V/STR/40/0370/10",
            "",
            "Betreff: Fortschreibung der Schulentwicklungsplanung",
            "Status:öffentlichVorlage-Art:Beschlussvorlage",
            "Beratungsfolge:",
            "Stadtrat Zeitz Entscheidung",
            "11.11.2010 ",
            "13. Sitzung des Stadtrates Zeitz ungeändert beschlossen",
            "",
            "Der Stadtrat beschließt in seiner Sitzung am 11.11.2010",
            "",
            "1.   die Schließung der Grundschule „Am Schwanenteich“ ab 01.08.2012.",
            "",
            "2.   die Veränderung der Schulbezirke der Grundschulen ab 01.08.2011.",
        ]
    )
    assert [item.text for item in record_of_text(tmp_path, text).resolution] == [
        "Der Stadtrat beschließt in seiner Sitzung am 11.11.2010 die Schließung der Grundschule"
        " „Am Schwanenteich“ ab 01.08.2012.",
        "die Veränderung der Schulbezirke der Grundschulen ab 01.08.2011.",
    ]


def test_a_joint_motion_named_by_its_heading(tmp_path: Path) -> None:
    # Flensburg's joint urgent motion (batch V): kind, number and groups in the heading,
    # "Antrag:" over the proposal, "Begründung:" under it.
    heading = (
        "Gemeinsamer Dringlichkeitsantrag RV-113/2019 der Ratsfraktionen CDU, Grüne, SPD für"
        " die Ratsversammlung am 22.08.2019"
    )
    text = (
        f"{heading}\n\nAntrag:\n\nDer Stadtpräsident nimmt Kontakt zur Deutschen Bahn auf,"
        " damit die EuroCity-Züge künftig in Flensburg halten.\n\nBegründung:\n\nDie Bahn plant"
        " die Strecke ohne Halt.\n"
    )
    record = record_of_text(tmp_path, text)
    assert (record.reference, record.name) == ("RV-113/2019", heading)
    assert [item.text for item in record.resolution] == [
        "Der Stadtpräsident nimmt Kontakt zur Deutschen Bahn auf, damit die EuroCity-Züge"
        " künftig in Flensburg halten."
    ]
