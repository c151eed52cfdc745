"""PDF texts of councils in no corpus of ours (batch H of the measurement set,
docs/measurement.md): the Amt Schlei-Ostsee's Vorlagen for its Gemeinden, Freiburg's
Beschlussvorlage as a document site shows its PDF's text.

The texts are not copied into the repository (the store they come from forbids it); each
test gives the lines its rule reads, written after them, names and numbers kept.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractors import form, header
from pipeline.model import PaperType
from tests.conftest import record_of_text

# The Amt Schlei-Ostsee writes its member Gemeinden's papers: its office under the head of
# the administration, the proposal under "Abstimmungstext:".
GUEBY = """Amt Schlei-Ostsee
-Der Amtsvorsteher -
Zentrale Dienste



Gemeinde Güby

Beschlussvorlage
36/2014
1. Version
öffentlich

Beratungsfolge Sitzung
Finanzausschuss 01.12.2014
Gemeindevertretung 15.12.2014

Betreff:
Beteiligungsangebot an der Schleswig-Holstein Netz AG

Sachverhalt:

Der Gemeinde wird angeboten, sich als Aktionär an der Schleswig-Holstein Netz AG zu
beteiligen. Der Preis pro Aktie beträgt 4.122,29 €.

Abstimmungstext:

Es wird beschlossen, 60 Aktien bei der Schleswig-Holstein Netz AG zu erwerben.
"""


def test_an_amts_vorlage_for_its_gemeinde(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, GUEBY)
    assert record.paper_type is PaperType.BESCHLUSSVORLAGE
    assert record.department == "Zentrale Dienste"
    assert [item.text for item in record.resolution] == [
        "Es wird beschlossen, 60 Aktien bei der Schleswig-Holstein Netz AG zu erwerben."
    ]


def test_the_office_under_the_head_of_the_administration() -> None:
    # Bonn: "Der Oberbürgermeister" beside "BE" (the reporter's cell), "Amt 68" under it.
    lines = ["Bundesstadt Bonn\tTOP", "", "Der Oberbürgermeister\tBE", "Amt 68\tBeschlussvorlage"]
    assert header.office_under_head(lines) == "Amt 68"
    # The paper's kind, the council or a person under the head is no office.
    assert header.office_under_head(["Der Bürgermeister", "Beschlussvorlage"]) is None
    assert header.office_under_head(["Der Bürgermeister", "Stadt Kamen"]) is None
    assert header.office_under_head(["Der Landrat", "Herr Müller"]) is None


# Freiburg: the form's labels one under the other, then their values in the same order.
FREIBURG = """DRUCKSACHE BA-14/001
BESCHLUSS-VORLAGE
Dezernat/Amt:
Verantwortlich:
Tel.Nr.:
Datum
V / Stadtplanungsamt
Herr Jerusalem
4100
15.01.2014
Betreff:
Bebauungsplan Katharinenhof mit Friedrichstraße Nord
"""


def test_labels_stacked_over_their_values_in_the_same_order(tmp_path: Path) -> None:
    entries = form.read(FREIBURG.split("\n")).entries
    assert [(e.field, e.value) for e in entries if e.field in ("department", "date")] == [
        ("department", "V / Stadtplanungsamt"),
        ("department", "Herr Jerusalem"),
        ("date", "15.01.2014"),
    ]
    record = record_of_text(tmp_path, FREIBURG)
    assert (record.department, record.date) == ("V / Stadtplanungsamt", dt.date(2014, 1, 15))
    assert record.reference == "BA-14/001"


def test_labels_whose_values_come_in_another_order_are_left_to_the_others() -> None:
    # Karlsruhe's Antrag form: "Termin:" / "Vorlage Nr.:" / "TOP:" under "Gremium:", the
    # committee first among the values; the stack's order does not hold.
    lines = ["Gremium:", "", "Termin:", "Vorlage Nr.:", "TOP:", "Ortschaftsrat Grötzingen", "",
             "18.01.2012", "171", "6"]  # fmt: skip
    assert form.read(lines).first("reference") is not None
    assert form.read(lines).values("reference") == ["171"]


def test_a_status_among_stacked_values_belongs_to_no_label() -> None:
    # Karlsruhe's Beschlussvorlage (development corpus, karlsruhe-2014-0073 of the Karlsruhe
    # corpus): "öffentlich" stands between the values of "TOP:" and "Verantwortlich:".
    lines = ["Gremium:  2. Plenarsitzung Gemeinderat", "Termin:", "Vorlage Nr.:", "TOP:",
             "Verantwortlich:", "23.09.2014", "2014/0073", "10.1", "öffentlich", "Dez. 2",
             "Berufung sachkundiger Einwohnerinnen und Einwohner"]  # fmt: skip
    paper_form = form.read(lines)
    assert paper_form.values("reference") == ["2014/0073"]
    assert "öffentlich" not in paper_form.values("department")
    assert "Dez. 2" in paper_form.values("department")


def test_a_motions_heading_under_the_mayor_is_no_office() -> None:
    # Karlsruhe's group motions: "Der Oberbürgermeister" over "INTERFRAKTIONELLER ANTRAG".
    assert header.office_under_head(["STADT KARLSRUHE", "Der Oberbürgermeister", " ",
                                     "INTERFRAKTIONELLER ANTRAG"]) is None  # fmt: skip


def test_a_pdfs_text_with_a_sites_highlighting_and_line_break_tags(tmp_path: Path) -> None:
    # An ePaper site's text of a Niederschrift: the search's highlighting and <br /> kept.
    from pipeline.read import ris_text

    assert ris_text.inline_markup("Har<strong>der</strong>t, 27. Januar 2010<br />\nOrt") == (
        "Hardert, 27. Januar 2010\nOrt"
    )
    # A comparison in a paper's text is no tag.
    assert ris_text.inline_markup("Wenn a < b und b > c") == "Wenn a < b und b > c"


def test_a_session_day_after_am_weekday_dem(tmp_path: Path) -> None:
    # Lörzweiler's minutes in the Verbandsgemeinde's Nachrichtenblatt.
    text = (
        "Niederschrift zur öffentlichen/nichtöffentlichen Sitzung des Gemeinderates der "
        "Ortsgemeinde Lörzweiler\n\n"
        "am Dienstag, dem 12.02.2019 um 19:30 Uhr im Sitzungssaal der Ortsgemeinde Lörzweiler.\n\n"
        "Von den geladenen Mitgliedern sind anwesend:\n\nDer Vorsitzende: Michael Christ\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert record.date == dt.date(2019, 2, 12)


# A form that prints its dates as its database keeps them (ISO 8601; "Datum 2012-01-24" in a
# batch-P paper): the paper's date and the Beratungsfolge's session dates.
ISO_DATED = """Stadt Musterhausen
Beschlussvorlage
Vorlagen-Nr.: BV/0042/2012
Datum 2012-01-24

Betreff: Neugestaltung des Marktplatzes

Beratungsfolge:
Gremium	Sitzung	Zuständigkeit
Bauausschuss	2012-02-07	Vorberatung
Rat der Stadt	2012-02-21	Entscheidung

Beschlussvorschlag:
Der Rat beschließt die Neugestaltung des Marktplatzes.
"""


def test_iso_dates_of_a_paper_and_its_sessions(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, ISO_DATED)
    assert record.date == dt.date(2012, 1, 24)
    assert [(c.organization, c.date) for c in record.consultations] == [
        ("Bauausschuss", dt.date(2012, 2, 7)),
        ("Rat der Stadt", dt.date(2012, 2, 21)),
    ]


# A paper addressed to one body's session, the body first: "an den Jugendhilfeausschuss zur
# Sitzung am 14.05.2024 öffentlich" under the paper's kind (the shape the issue names as
# prose Beratungsfolgen; written by hand).
ADDRESSED_FIRST = """Drucksache Nr. 0123/2024
Der Oberbürgermeister
Amt 51 - Jugendamt
	Datum: 03.05.2024
Mitteilungsvorlage
an den Jugendhilfeausschuss zur Sitzung am 14.05.2024 öffentlich

Betreff: Bericht über die Kindertagesbetreuung 2024

Die Verwaltung berichtet über den Ausbau der Kindertagesbetreuung.
"""


def test_a_paper_addressed_to_a_bodys_session_body_first(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, ADDRESSED_FIRST)
    assert [(c.organization, c.date, c.public) for c in record.consultations] == [
        ("Jugendhilfeausschuss", dt.date(2024, 5, 14), True)
    ]
    assert record.reference == "0123/2024"


def test_a_motion_to_the_councils_session_is_not_read_body_first(tmp_path: Path) -> None:
    # "an den Bürgermeister" is no body: the session's body comes from "des Rates".
    record = record_of_text(
        tmp_path,
        "CDU-Fraktion im Rat der Stadt Beispielstadt\nAn den Bürgermeister\n\n"
        "Antrag zur Sitzung des Rates am 27.02.2024\nEinrichtung eines Jugendparlaments\n",
    )
    assert [(c.organization, c.date) for c in record.consultations] == [
        ("Rat", dt.date(2024, 2, 27))
    ]


# A Vorlage's PDF text as Politik bei Uns showed it, one line (Krefeld 1718 /15/1, batch U):
# the Beratungsfolge's column heading "Sitzungstermin:" is no heading that ends the table.
FLATTENED_KREFELD = (
    "Vorlage des Oberbürgermeisters der Stadt Krefeld öffentlich Datum 22.09.2015 Nr. 1718 /15/1"
    " Anlage-Nr. FB/Geschäftszeichen: 40/2 Beratungsfolge: Sitzungstermin: Haupt- und"
    " Beschwerdeausschuss 29.09.2015 Rat 29.09.2015 Betreff Errichtung einer Gesamtschule in"
    " Oppum Beschlussentwurf: 1. Zum 1.8.2016 wird in der Stadt Krefeld eine fünfte städtische"
    " Gesamtschule mit fünf Zügen errichtet. 2. Die Gesamtschule wird im gebundenen Ganztag"
    " geführt. Unmittelbare finanzielle Auswirkungen X ja nein Finanzielle Auswirkungen und"
    " Begründung auf den Folgeseiten\n"
)


def test_a_flattened_beratungsfolge_keeps_its_rows(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, FLATTENED_KREFELD)
    assert [(c.organization, c.date) for c in record.consultations] == [
        ("Haupt- und Beschwerdeausschuss", dt.date(2015, 9, 29)),
        ("Rat", dt.date(2015, 9, 29)),
    ]
    assert record.name == "Errichtung einer Gesamtschule in Oppum"


def test_a_session_the_reasons_recall_is_no_step_of_the_motion(tmp_path: Path) -> None:
    # Grävenwiesbach's UB motion (batch U): its reasons recall an earlier session.
    text = (
        "Gemeindevertretersitzung am 4. September 2012\n"
        "Antrag zum Tagesordnungspunkt 7 -Windkraftanlagen-\n"
        "Begründung:\nBereits in der Sitzung der Gemeindevertretung am 20. März 2012 wurde der"
        " Gemeindevorstand beauftragt, Flächen für Windkraft zu prüfen.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.consultations == []  # the recalled session is none, and no other is named


def test_a_subject_ends_where_the_motions_lead_in_runs_on(tmp_path: Path) -> None:
    # The Landkreis Marburg-Biedenkopf's coalition motion (batch U).
    text = (
        "Änderungsantrag der Koalition zur Kreistagssitzung am 11. Juli 2003\n\n"
        "Betr.: Nahverkehrsplan: Der Kreistag möge beschließen:\n"
        "Der Kreistag begrüßt, dass die Öffentlichkeit frühzeitig einbezogen wird.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.name == "Nahverkehrsplan"
    assert [item.text for item in record.resolution] == [
        "Der Kreistag möge beschließen: Der Kreistag begrüßt, dass die Öffentlichkeit frühzeitig"
        " einbezogen wird."
    ]


# A Fraktion's Anfrage under the rule it is made under, addressed to a committee's session
# in the genitive ("des Ausschusses für Umwelt und Klima"); its subject on a line of its own
# (the shape of the hand-written papers).
ANFRAGE_UNDER_A_RULE = """Fraktion BÜNDNIS 90/DIE GRÜNEN im Rat der Stadt Musterstadt

Anfrage gemäß § 17 der Geschäftsordnung
zur Sitzung des Ausschusses für Umwelt und Klima am 20.03.2024

Baumfällungen im Stadtpark

Sehr geehrte Frau Oberbürgermeisterin,

wir bitten um Beantwortung folgender Fragen:
1. Wie viele Bäume wurden 2023 im Stadtpark gefällt?
"""


def test_an_anfrage_under_a_rule_for_a_committees_session(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, ANFRAGE_UNDER_A_RULE)
    assert record.paper_type is PaperType.ANFRAGE
    assert record.name == "Baumfällungen im Stadtpark"
    assert [(c.organization, c.date) for c in record.consultations] == [
        ("Ausschuss für Umwelt und Klima", dt.date(2024, 3, 20))
    ]


def test_the_answers_kind_line_is_no_part_of_its_subject(tmp_path: Path) -> None:
    text = (
        "Stadt Musterstadt\nDie Oberbürgermeisterin\n\tDatum: 15.03.2024\n\n"
        "Beantwortung einer Anfrage\n"
        "Anfrage der Fraktion BÜNDNIS 90/DIE GRÜNEN vom 01.03.2024 zu Baumfällungen im Stadtpark\n"
        "\nZu Frage 1:\nIm Jahr 2023 wurden 14 Bäume gefällt.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.STELLUNGNAHME
    assert record.name == (
        "Anfrage der Fraktion BÜNDNIS 90/DIE GRÜNEN vom 01.03.2024 zu Baumfällungen im Stadtpark"
    )


# Groups' websites (batch W): a paper published as a post, its kind in its wording only.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Murnau's Grüne: a letter to the mayor with amendments to the budget.
        (
            "14.11.22 –\nSehr geehrter Herr Bürgermeister Beuting,\nAus den bisherigen Beratungen"
            " stellen wir weitere Änderungsanträge zum Haushalt.\nBegründung:\nEs fehlt Zeit.\n",
            PaperType.ANTRAG,
        ),
        # Bensheim's BfB: "Änderungs-Anträge" hyphenated, as its heading prints them.
        (
            "Änderungs-Anträge der BfB-Fraktion zum Haushaltsentwurf 2023\n\nSehr geehrte Frau"
            " Deppert,\nnehmen Sie bitte die Anträge auf die Tagesordnung.\n",
            PaperType.ANTRAG,
        ),
        # Roßdorf's Grüne: the questions they sent, in a post.
        (
            "Akteneinsicht hinterlässt viele Fragen\n\nWir sind dieser Aufforderung nachgekommen"
            " und haben folgende Fragen eingereicht:\n\n1) Wie lautet der Auftrag?\n",
            PaperType.ANFRAGE,
        ),
        # Weinheim's GAL: a post on its written question.
        (
            "Kürzlich stellte unsere Fraktion eine schriftliche Anfrage an den Oberbürgermeister."
            "\nKonkret beschäftigt uns die Frage, welche Aktionen geplant sind.\n",
            PaperType.ANFRAGE,
        ),
        # Mannheim's SPD: the kind over "Der Gemeinderat möge beschließen:".
        (
            "Der Gemeinderat möge beschließen:\nEine Prioritätenliste wird erstellt.\n",
            PaperType.ANTRAG,
        ),
    ],
)
def test_a_groups_post_is_its_paper_by_its_wording(
    tmp_path: Path, text: str, kind: PaperType
) -> None:
    assert record_of_text(tmp_path, text).paper_type is kind


def test_a_councillors_question_named_by_the_line_above_its_kind(tmp_path: Path) -> None:
    # An Erfurt councillor's website (batch V): the subject over "Anfrage nach § 9 (1) der
    # Geschäftsordnung", the question's prose under it.
    text = (
        "- Michael Panse, Ihr Stadtrat für Erfurt - https://www.michaelpanse.de -\n\n"
        "Beschilderung in Töttelstädt\n\nAnfrage nach § 9 (1) der Geschäftsordnung\n\n"
        "Bei Bürgergesprächen in Töttelstädt wurde ich letzte Woche auf die eigentümliche"
        " Beschilderung im Ort aufmerksam gemacht. Das Tempo ist innerhalb des Dorfes teilweise"
        " auf 30 km/h beschränkt. Die Gültigkeit des Schilds endet nach jeder Querstraße.\n"
    )
    record = record_of_text(tmp_path, text)
    assert (record.paper_type, record.name) == (
        PaperType.ANFRAGE,
        "Beschilderung in Töttelstädt",
    )


def test_a_motions_kind_and_subject_joined_by_a_dash(tmp_path: Path) -> None:
    # Vallendar's SPD (batch W).
    text = (
        "Antrag – auf Aufstockung der Haushaltsposition\n\nSehr geehrter Herr Stadtbürgermeister"
        " Jung,\n\ndie SPD-Fraktion im Stadtrat stellt folgenden Antrag:\n\nDie Haushaltsposition"
        " soll um 100.000 € erhöht werden\n\nBegründung:\n\nErfolgt in der Sitzung.\n"
    )
    assert record_of_text(tmp_path, text).name == "auf Aufstockung der Haushaltsposition"


def test_a_post_opening_with_its_proposal_has_no_title_of_it(tmp_path: Path) -> None:
    # Bad Vilbel's Freie Wähler (batch W): the proposal's sentence, then "Begründung:".
    text = (
        "Die Stadtverordnetenversammlung beauftragt den Magistrat, für das schon in der"
        " Verkehrskommission vorgestellte Radverkehrskonzept zeitgleich einen Statusbericht zu"
        " erstellen und hierüber halbjährlich zu berichten.\n\nBegründung: Im Konzept sind"
        " Maßnahmen genannt.\n"
    )
    assert record_of_text(tmp_path, text).name is None


def test_a_groups_amendments_named_by_their_heading(tmp_path: Path) -> None:
    # Bensheim's BfB (batch W): the kind, the group, then the subject.
    heading = "Änderungs-Anträge der BfB-Fraktion zum Haushaltsentwurf 2023 zum Thema Begrünung"
    text = f"{heading}\n\nBfB-Fraktion    22.11.2022\n\nSehr geehrte Frau Deppert,\n"
    assert record_of_text(tmp_path, text).name == heading


def test_a_bare_kind_over_the_lead_in_names_nothing(tmp_path: Path) -> None:
    # Mannheim's SPD (batch W): "Antrag" over "Der Gemeinderat möge beschließen:".
    text = (
        "Antrag\nDer Gemeinderat möge beschließen:\nEine Prioritätenliste wird erstellt.\n"
        "Begründung:\nDer Gemeinderat möchte beteiligt werden.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.name is None
    assert [item.text for item in record.resolution] == [
        "Der Gemeinderat möge beschließen: Eine Prioritätenliste wird erstellt."
    ]


@pytest.mark.parametrize(
    ("line", "reference", "date"),
    [
        # Brühl's Vorlage as Politik bei Uns kept its text (batch V): the paper's date.
        (
            "Stadt Brühl öffentliche Vorlage Der Bürgermeister Dienststelle Aktenzeichen Datum"
            " Vorlagen-Nr. 32/3 32/3 Ra 22.04.2014 124/2014 Betreff Beteiligung der Stadt Brühl"
            " an der Vergabe der Ehrenamtskarte für Nordrhein-Westfalen Beratungsfolge Ausschuss"
            " für Soziales und Migration Hauptausschuss Finanzielle Auswirkungen X X Ja Nein",
            "124/2014",
            dt.date(2014, 4, 22),
        ),
        # Kall's (batch U): the number before the session's date, which dates no paper.
        (
            "X Gemeinde Kall Vorlagen-Nr. Sitzungstermin Der Bürgermeister 164/2004 02.12.2004"
            " Federführung: Fachbereich I An den Haupt- und Finanzausschuss mit der Bitte um X"
            " FBL: SB: öffentliche Sitzung Herr Stoff Beschlussfassung Mitzeichnung durch Fassung"
            " eines Empfehlungsbeschlusses an den Rat Bgm. Kenntnisnahme FB I",
            "164/2004",
            None,
        ),
    ],
)
def test_a_flattened_forms_labels_then_values(
    tmp_path: Path, line: str, reference: str, date: dt.date | None
) -> None:
    record = record_of_text(tmp_path, line + "\n")
    assert (record.reference, record.date) == (reference, date)


def test_a_vorlage_whose_text_starts_below_its_head_by_its_committees_decision(
    tmp_path: Path,
) -> None:
    # Samtgemeinde Lüchow's SessionNet page as the store kept it (batch X): no head, no
    # heading; the committee's decision names what kind of paper it is.
    text = (
        "Durch strukturelle Änderungen ist die Satzung für die Freiwillige Feuerwehr zu"
        " überarbeiten.\nDie Kosten der Bekanntmachung belaufen sich auf ca. 200,00 €.\n"
        "Der Brandschutzausschuss beschließt, dem Samtgemeindeausschuss zu\nempfehlen, dem Rat"
        " vorzuschlagen, folgenden Beschluss zu fassen:\nDer Rat der Samtgemeinde Lüchow"
        " (Wendland) beschließt die 2. Satzung zur Änderung der Satzung.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.BESCHLUSSVORLAGE
    assert "Der Rat der Samtgemeinde Lüchow (Wendland) beschließt die 2. Satzung" in " ".join(
        item.text for item in record.resolution
    )
    assert [a.value for a in record.finance.amounts] == [200.0]


def test_a_motions_session_line_and_routing_line_are_no_subject(tmp_path: Path) -> None:
    # Grävenwiesbach's UB (batch U): the session on a line of its own over the heading.
    text = (
        "Gemeindevertretersitzung am 4. September 2012\n"
        "Antrag zum Tagesordnungspunkt 7 -Windkraftanlagen-\nBegründung:\nEs fehlen Unterlagen.\n"
    )
    assert record_of_text(tmp_path, text).name == (
        "Antrag zum Tagesordnungspunkt 7 -Windkraftanlagen-"
    )
    # Kassel's group (batch U): the subject over the line that routes the question.
    text = (
        "Schulgebäudesanierung\n\nAnfrage zur Überweisung in den Ausschuss für Schule, Jugend"
        " und Bildung\n\nIn seiner Rede teilte der Herr Oberbürgermeister mit, dass die"
        " Schulgebäude im Rahmen einer Öffentlich-Privaten-Partnerschaft saniert werden sollen"
        " und dass dazu in den kommenden Jahren mehrere Millionen Euro bereitgestellt werden.\n\n"
        "Wir fragen den Magistrat:\n\n1. Wie genau soll dies funktionieren?\n"
    )
    assert record_of_text(tmp_path, text).name == "Schulgebäudesanierung"


def test_an_office_run_on_in_a_flattened_form_ends_at_its_designation(tmp_path: Path) -> None:
    # Kall's (batch U) and Kreis Düren's (batch X) forms as Politik bei Uns kept them.
    text = (
        "X Gemeinde Kall Vorlagen-Nr. Sitzungstermin Der Bürgermeister 164/2004 02.12.2004\n"
        "Federführung: Fachbereich I An den Haupt- und Finanzausschuss mit der Bitte um X FBL:"
        " SB: öffentliche Sitzung Herr Stoff Beschlussfassung\n"
    )
    assert record_of_text(tmp_path, text).department == "Fachbereich I"
    text = "öffentliche Vorlage\nFederführende Stelle: Amtsleiter/in:\nDatum: 24.04.2006\n"
    assert record_of_text(tmp_path, text).department is None


@pytest.mark.parametrize(
    "text",
    [
        # Bad Vilbel's Freie Wähler (batch W): the session it was decided in, in a sentence.
        "Die Stadtverordnetenversammlung beauftragt den Magistrat, einen Statusbericht zu"
        " erstellen.\n\nDieser Antrag wurde in der SVV vom 19.12.2017 einstimmig beschlossen.\n",
        # Herne's ALLRIS page (batch V): a session's day under its committee's line.
        "Vorlage - 2012/0367\n\nBetreff: Zwischenbilanz Lernen vor Ort\n"
        "Status:öffentlichVorlage-Art:öffentliche Beschlussvorlage\nBeratungsfolge:\n"
        "Schulausschuss Kenntnisnahme\n31.05.2012 \ndes Schulausschusses zur Kenntnis genommen\n",
    ],
)
def test_a_session_s_day_is_no_date_of_the_paper(tmp_path: Path, text: str) -> None:
    assert record_of_text(tmp_path, text).date is None


def test_a_ratsanfrage_under_its_rule_named_by_the_line_below(tmp_path: Path) -> None:
    # Garbsen's SPD (batch Z): a compound kind with its rule, the subject on the next line.
    text = (
        "Ratsanfrage nach § 14 GO der Stadt Garbsen\nErschließungsmaßnahmen\n\nDerzeit sind"
        " mehrere Bauleitpläne im Verfahren.\nWir fragen daher die Verwaltung:\n"
        " Wird dadurch die Umsetzung von Baumaßnahmen behindert?\n"
    )
    record = record_of_text(tmp_path, text)
    assert (record.paper_type, record.name) == (PaperType.ANFRAGE, "Erschließungsmaßnahmen")
