"""Session and item pages of RIS products as the pages corpus keeps their text, from councils
in no corpus of ours (batch S of the measurement set, docs/measurement.md): Meeting.mvc's
session page (komuna, more!rubin), SessionNet's item page (to0050) without its head.

The pages are not copied into the repository (the store they come from forbids it); each
test gives the shape its rule reads, in lines written after the pages, names and numbers
kept, the prose shortened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.model import PaperType
from tests.conftest import record_of_text

# Meeting.mvc's session page: a form of the day, place and body, the session's parts with
# their hours, then its items, each with a row of Gremium / Sitzung / Sitzungsdatum cells.
SESSION_PAGE = """Datum: 08.05.2018
Status: Abgeschlossen
Sitzungsort: Rathaus
Gremium: Bau- und Verkehrsausschuss
Öffentliche Sitzung, 18:30 Uhr bis 19:55 Uhr
Nichtöffentliche Sitzung, 19:55 Uhr bis 20:10 Uhr


Öffentliche Sitzung

TOP-Nr. Bezeichnung
1 Bauanträge und Bauvoranfragen
1.1 Errichtung eines Einfamilienhauses mit Doppelgarage; Bauort: Errachweg 7 in Illerberg
1.2 Bau eines Geräteschuppens; Bauort: Stuttgarter Straße 20
1.3 Neubau einer Garage; Bauort: Adalbert-Stifter-Straße 29
1.4 Errichtung einer Strandbar mit Ausschank und Imbiss; Bauort: Robert-Bosch-Straße 20
1.5 Anbau eines Wintergartens; Bauort: Zwischen den Bächen 19
2 Bekanntgaben
"""


def test_a_session_page_of_day_place_and_body_is_its_agenda(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, SESSION_PAGE)
    assert record.paper_type is PaperType.EINLADUNG
    # The session's parts with their hours are no name of it.
    assert record.name is None
    assert record.consultations == []


# The same page of a session held, its items' decisions and votes recorded (Kaufering), the
# body named by a "Körperschaft:" label, each item's cells one a line as a crawler kept them.
SESSION_HELD = """Datum: 21.02.2024
Status: Abgeschlossen
Sitzungsort: Sitzungssaal Feuerwehrhaus
Gremium: Marktgemeinderat
Körperschaft: Markt Kaufering
Öffentliche Sitzung, 19:30 Uhr bis 20:06 Uhr
Nichtöffentliche Sitzung
Öffentliche Sitzung
zum Seitenanfang
3. Genehmigung der Niederschrift vom 17.01.2024
Gremium
|
Sitzung
|
Sitzungsdatum
|
Marktgemeinderat (Markt Kaufering)
|
Sitzung des Marktgemeinderates
|
21.02.2024
Beschluss Bürger
Der Marktgemeinderat genehmigt die Niederschrift vom 17.01.2024 in der vorliegenden Fassung.
Abstimmungsergebnis
Dafür: 20, Dagegen: 0
"""


def test_a_session_page_with_votes_is_its_minutes(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, SESSION_HELD)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert record.body == "Markt Kaufering"
    # Neither the "Körperschaft:" line, the parts, nor the cells' "Sitzung" heading name it;
    # the item's cell naming the session does.
    assert record.name == "Sitzung des Marktgemeinderates"


# SessionNet's item page: the result and the vote first, the discussion with no heading of its
# own (the page's "Wortprotokoll" lost), then the decision's words under a bare "Beschluss:"
# (Leverkusen).
ITEM_WITH_DISCUSSION = """Beschluss: einstimmig beschlossen

Rf. Bruchhausen-Scholich (CDU) bittet die Verwaltung zu prüfen, ob ausrangierte
Fahrzeuge abgegeben werden können.

Herr Stadtkämmerer Stein sagt eine Prüfung zu.

Beschluss:

1.    Mittel in Höhe von 820.000 € zur Fahrzeugbeschaffung werden in 2015 frei gegeben.

2.    Die gesonderte Aufhebung des Sperrvermerkes wird ab dem Jahr 2016 eingestellt.

- einstimmig -
"""


def test_an_items_decision_is_under_its_bare_heading_not_the_discussion(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, ITEM_WITH_DISCUSSION)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert [item.text for item in record.resolution] == [
        "Mittel in Höhe von 820.000 € zur Fahrzeugbeschaffung werden in 2015 frei gegeben.",
        # The result set off under the words ("- einstimmig -") is none of them.
        "Die gesonderte Aufhebung des Sperrvermerkes wird ab dem Jahr 2016 eingestellt.",
    ]


# The result and vote alone at the top, the Sachverhalt, then the decision (Lautertal).
ITEM_RESULT_ALONE = """Beschluss: Einstimmig beschlossen

Abstimmung: Ja: 15, Nein: 0, Anwesend: 15

Sachverhalt:

Auf seiner Sitzung am 03.11.2022 hat der Gemeinderat eine weitere Bestattungsart beschlossen.

Beschluss:

Der Gemeinderat beschließt den Entwurf einer neuen Friedhofs- und Bestattungssatzung.
"""


def test_an_items_result_alone_at_the_top_leaves_its_words_further_down(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, ITEM_RESULT_ALONE)
    assert [item.text for item in record.resolution] == [
        "Der Gemeinderat beschließt den Entwurf einer neuen Friedhofs- und Bestattungssatzung."
    ]


# The vote's tally as the result on the decision's line, under the Sachverhalt (Lauter,
# VG Baunach): the record of an item's decision.
ITEM_TALLY = """Die Mitglieder des Gemeinderates erhielten folgenden Sachverhalt:

Die Friedhof-Abgabesatzung muss überarbeitet werden.


Beschluss:          8 : 1

Der Gemeinderat beschließt die im Entwurf vorliegende Friedhofsgebührensatzung.
"""


def test_a_decision_whose_result_is_its_tally(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, ITEM_TALLY)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert [item.text for item in record.resolution] == [
        "Der Gemeinderat beschließt die im Entwurf vorliegende Friedhofsgebührensatzung."
    ]


# A crawled page keeps a paragraph a line: a label's word inside the prose ("(offizielle
# Bezeichnung: Urnenpartnergrabstätte)", Lautertal) starts no field of a form.
PROSE_WITH_A_LABELS_WORD = (
    "Beschluss: Einstimmig beschlossen\n\nSachverhalt:\n\n"
    "Auf seiner Sitzung hat der Gemeinderat beschlossen, dass auf den gemeindlichen Friedhöfen"
    " eine weitere Bestattungsart - sog. Norwegergräber (offizielle Bezeichnung:"
    " Urnenpartnergrabstätte) - ermöglicht werden soll. Hierzu muss die Friedhofs- und"
    " Bestattungssatzung der Gemeinde geändert werden. Bei dieser Gelegenheit wurde die Satzung"
    " generell überarbeitet und auf den aktuellen Stand gebracht. Der Entwurf ist beigefügt.\n\n"
    "Beschluss:\n\nDer Gemeinderat beschließt den Entwurf.\n"
)


def test_a_labels_word_in_a_long_paragraph_is_no_field(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, PROSE_WITH_A_LABELS_WORD)
    assert record.name is None
    assert "(offizielle Bezeichnung: Urnenpartnergrabstätte)" in record.text


def test_a_sections_heading_is_no_name_of_the_minutes(tmp_path: Path) -> None:
    # SessionNet's item page (Ahorntal): the Sachverhalt, "Wortprotokoll:", the proposal.
    record = record_of_text(
        tmp_path,
        "Sachverhalt:\nDas Bauvorhaben befindet sich im Innenbereich.\nWortprotokoll:\n"
        "Gemeinderätin Frau Kaiser teilt mit, dass der Ausbau begonnen habe.\n"
        "Beschlussvorschlag:\nDas gemeindliche Einvernehmen zum Bauvorhaben wird erteilt.\n"
        "Beschluss: einstimmig beschlossen\n",
    )
    assert record.name is None


# ALLRIS classic's paper page of a Berlin BVV (Charlottenburg-Wilmersdorf) as text: the
# Beratungsfolge's rows "Bezirksverordnetenversammlung Beratung", and under the attachments
# the decision, announced by the assembly, with no heading of its own.
BVV_PAPER = """Drucksache - 1083/3

Betreff: Europa im Bezirk (er-)leben - kommunale Europa-Kommunikation im Bezirk verstärken
Status:öffentlich
Initiator:Fraktion Bündnis 90/Die Grünen
Drucksache-Art:AntragVorlage zur Kenntnisnahme
Beratungsfolge:
Bezirksverordnetenversammlung Beratung
20.11.2008
25. Öffentliche Sitzung der Bezirksverordnetenversammlung Charlottenburg-Wilmersdorf von Berlin
Bezirksverordnetenversammlung Beratung
19.02.2009
28. Öffentliche Sitzung der Bezirksverordnetenversammlung Charlottenburg-Wilmersdorf von Berlin

Sachverhalt
Anlage/n
Anlagen:
1. Version vom 11.11.2008

Die BVV möge beschließen:

Die Bezirksverordnetenversammlung hat in ihrer Sitzung am 19.02.2009 folgenden Beschluss gefasst:

Das Bezirksamt wird ersucht, ein Konzept zur europapolitischen Kommunikation zu erarbeiten.
"""


def test_a_role_is_no_place_and_an_announced_decision_is_the_resolution(tmp_path: Path) -> None:
    record = record_of_text(tmp_path, BVV_PAPER)
    # Not "Bezirksverordnetenversammlung Beratung": a row of the Beratungsfolge.
    assert record.body == "Bezirksverordnetenversammlung Charlottenburg-Wilmersdorf von Berlin"
    assert [item.text for item in record.resolution] == [
        "Das Bezirksamt wird ersucht, ein Konzept zur europapolitischen Kommunikation zu"
        " erarbeiten."
    ]


def test_a_komuna_session_page_with_its_votes_is_the_minutes(tmp_path: Path) -> None:
    # Marktzeuln's session page: under each item its decision and its vote.
    text = "\n".join(
        [
            "Datum: 07.08.2023",
            "Status: Abgeschlossen",
            "Sitzungsort: Sitzungssaal im Rathaus Marktzeuln",
            "Gremium: Marktgemeinderat",
            "Öffentliche Sitzung, 19:00 Uhr bis 20:35 Uhr",
            "",
            "TOP-Nr. Bezeichnung",
            "1 Genehmigung des Protokolls der öffentlichen Sitzung vom 03.07.2023",
            "2 Bauangelegenheiten",
            "",
            "zum Seitenanfang",
            "",
            "1. Genehmigung des Protokolls der öffentlichen Sitzung vom 03.07.2023",
            "",
            "Gremium Sitzung Sitzungsdatum ö / nö Beratungstyp TOP-Nr.",
            "Marktgemeinderat Sitzung des Marktgemeinderates 07.08.2023 ö 1",
            "",
            "Beschluss",
            "",
            "Die Genehmigung wird erteilt.",
            "",
            "Abstimmungsergebnis",
            "Dafür: 12, Dagegen: 0",
        ]
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert record.name == "Sitzung des Marktgemeinderates"
    assert record.resolution == []  # a whole session's minutes: its items' papers propose


def test_an_amtsblatts_notice_of_the_decisions_taken_is_the_minutes(tmp_path: Path) -> None:
    # The Verbandsgemeinde Schweich's notice in its Amtsblatt: the session's day in prose.
    text = (
        "Unter dem Vorsitz von Bürgermeisterin Christiane Horsch findet am 16.05.2023 im Dorf-"
        " und Kulturzentrum Martinstraße 5, in Riol eine Sitzung des Verbandsgemeinderates"
        " Schweich statt.\nHinweis:\nAus Platzgründen sind die Anlagen nicht abgedruckt.\n"
        "In dieser Sitzung werden folgende Beschlüsse gefasst:\nöffentlich\n"
        "1. Verpflichtung eines neuen Ratsmitgliedes\n"
        "Die Bürgermeisterin verpflichtet das Ratsmitglied durch Handschlag.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert record.date == dt.date(2023, 5, 16)


def test_an_allris_net_extract_of_one_item(tmp_path: Path) -> None:
    # Kreis Rendsburg-Eckernförde's page (batch X): the site's links and "ALLRIS - Auszug"
    # above the dated item heading, "Wortprotokoll" over the discussion, the decision taken.
    text = (
        "Zur Navigation springen Zum Inhalt springen\nALLRIS - Auszug\n\n"
        "26.03.2018 - 14 Schülerbeförderung - Abschluss von öffentlich-r...\n\nReduzieren\n\n"
        "Wortprotokoll\n\nAbg. Albrecht (CDU) erläuterte die vorliegende Beschlussvorlage.\n\n"
        "Reduzieren\n\nBeschluss:\n\n\nDer Kreistag beschloss einstimmig, dem Vertrag zur"
        " Regelung der Schülerbeförderung zuzustimmen.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert record.name == "Schülerbeförderung - Abschluss von öffentlich-r..."
    assert record.date == dt.date(2018, 3, 26)
    assert [(c.organization, c.date) for c in record.consultations] == [
        ("Kreistag", dt.date(2018, 3, 26))
    ]


def test_an_allris_extract_named_after_auszug(tmp_path: Path) -> None:
    # Landkreis Peine's page (batch X): the date in the item's name is its motion's.
    text = (
        "Auszug - Entwicklungsperspektiven des Landkreises Peine Antrag der Fraktionen der SPD"
        " und Bündnis 90/Die Grünen vom 25.09.2013\n|\nWortprotokoll |\n"
        "Kreistagsvorsitzende Schlaugat geht kurz auf die Vorlage ein.\n"
        "Beschluss: einstimmig beschlossen\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.name == (
        "Entwicklungsperspektiven des Landkreises Peine Antrag der Fraktionen der SPD und"
        " Bündnis 90/Die Grünen vom 25.09.2013"
    )
    assert record.date is None


def test_an_amtsblatts_items_with_their_votes_are_whole_minutes(tmp_path: Path) -> None:
    # Langenlonsheim-Stromberg's decisions in its Amtsblatt (batch X): "TOP: 1" and a vote's
    # result on its label's line.
    text = (
        "TOP: 1 Einwohnerfragestunde\nEs liegen keine Fragen vor\n"
        "TOP: 2 Vergabe der Reinigungsleistung für die Grundschule Langenlonsheim\n"
        "Der Verbandsgemeinderat beschließt den Auftrag in Höhe von 55.011,86 € zu vergeben.\n"
        "Abstimmungsergebnis: Einstimmig\n"
        "TOP 3: Vergabe von Planungsleistungen Erweiterung Grundschule Rümmelsheim\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert (record.consultations, record.resolution) == ([], [])  # a whole session's
    assert [a.value for a in record.finance.amounts] == [55011.86]


def test_an_items_facts_under_sach_und_rechtslage_are_no_decision(tmp_path: Path) -> None:
    # Stralendorf's SessionNet item page (batch X): Mecklenburg-Vorpommern's heading.
    text = (
        "Beschluss: ungeändert beschlossen\n\nAbstimmung: Ja: 10, Nein: 1\n\n"
        "Sach- und Rechtslage:\n\nDas Innenministerium plant ein Eingemeindungsgesetz.\n\n"
        "Beschlussvorschlag:\n\nDie Gemeindevertretung Stralendorf beschließt, den Bürgermeister"
        " zu beauftragen, die Auflösung des Amtes zu verhindern.\n\n"
        "Finanzielle Auswirkungen: noch nicht zu beziffern\n"
    )
    assert [item.text for item in record_of_text(tmp_path, text).resolution] == [
        "Die Gemeindevertretung Stralendorf beschließt, den Bürgermeister zu beauftragen, die"
        " Auflösung des Amtes zu verhindern."
    ]


def test_an_allris_net_item_page_with_its_folded_decision(tmp_path: Path) -> None:
    # Greifswald's Bürgerschaft (batch Z): the dated item heading, "Beschluss:" with its result
    # on the next line, the words folded under "Reduzieren".
    text = (
        "14.03.2016 - 8.12 Verhandlungen über einen Gebietsänderungsvertra...\n\nBeschluss:\n"
        "mit Änderungen\nReduzieren\n\nDie Bürgerschaft beauftragt den Oberbürgermeister,"
        " Verhandlungen zur Eingemeindung aufzunehmen.\n\n \n\nDie Bürgerschaft beauftragt den"
        " Oberbürgermeister, eine Aufstellung der Kosten vorzulegen.\n"
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert (record.name, record.date) == (
        "Verhandlungen über einen Gebietsänderungsvertra...",
        dt.date(2016, 3, 14),
    )
    assert [item.text for item in record.resolution] == [
        "Die Bürgerschaft beauftragt den Oberbürgermeister, Verhandlungen zur Eingemeindung"
        " aufzunehmen.",
        "Die Bürgerschaft beauftragt den Oberbürgermeister, eine Aufstellung der Kosten"
        " vorzulegen.",
    ]


def test_a_komuna_session_page_is_a_whole_sessions_minutes(tmp_path: Path) -> None:
    # Schrobenhausen's page (batch Z): each item with its row of the session, its decision
    # and vote; the minutes of a whole session propose nothing.
    item = (
        "zum Seitenanfang\n\n{n}. {title}\n\nGremium Sitzung Sitzungsdatum ö / nö Beratungstyp"
        " TOP-Nr.\nStadtrat (Stadt Schrobenhausen) 11. Sitzung des Stadtrates 26.01.2021 ö"
        " beschließend {n}\n\nBeschluss\n\nDer Stadtrat stimmt zu.\n\nAbstimmungsergebnis\n"
        "Dafür: 21, Dagegen: 0\n\n"
    )
    head = (
        "Datum: 26.01.2021\nStatus: Abgeschlossen\nSitzungsort: Sitzungssaal\nGremium: Stadtrat\n"
        "Öffentliche Sitzung, 18:00 Uhr bis 21:00 Uhr\n\nTOP-Nr. Bezeichnung\n1 Genehmigung\n"
        "2 Haushaltsplan 2021\n\n"
    )
    text = head + "".join(
        item.format(n=n, title=t) for n, t in [(1, "Genehmigung"), (2, "Haushaltsplan 2021")]
    )
    record = record_of_text(tmp_path, text)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    assert (record.resolution, record.consultations) == ([], [])
