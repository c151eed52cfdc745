"""Saved RIS pages (issue 22): decoding, text in reading order, each product's profile on its
real page, the general reader on a page no profile knows, and bad pages with their reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pipeline.errors import DocumentTooLarge, UnreadableDocument
from pipeline.model import Consultation, FieldValue, PaperType, Record, SourceFile, Status
from pipeline.read import html, ris_pages
from pipeline.read.discover import discover
from pipeline.read.reader import read
from pipeline.run import page_merge
from pipeline.run.document import process

PAGES = Path(__file__).parent / "fixtures" / "html"


def page(name: str) -> html.HtmlPage:
    return html.parse((PAGES / name).read_bytes())


def fields(name: str) -> ris_pages.PageFields:
    return ris_pages.read(page(name))


def source(path: Path) -> SourceFile:
    return next(iter(discover([path])))


def rows(found: ris_pages.PageFields) -> list[tuple[str, dt.date | None, str | None]]:
    return [(c.organization, c.date, c.role) for c in found.consultations]


# --- each product's profile on its real page ------------------------------------------------

# (page, product, reference, the Beratungsfolge's rows)
PROFILED = [
    (
        "eimsbuettel_22-2368_aufwertung-vossbarg.html",
        "ALLRIS classic (vo020)",
        "22-2368",
        [
            ("Hauptausschuss", dt.date(2026, 7, 23), "Kenntnisnahme"),
            (
                "Regionalausschuss Lokstedt/Niendorf/Schnelsen",
                dt.date(2026, 8, 31),
                "Kenntnisnahme",
            ),
            ("Bezirksversammlung", None, "Kenntnisnahme"),
        ],
    ),
    (
        "wolfsburg_k-2026-0725_trinkwasserbrunnen.html",
        "ALLRIS net 4 (vo020)",
        "K 2026/0725",
        [("Planungs- und Bauausschuss", dt.date(2026, 1, 29), "Kenntnisnahme")],
    ),
    ("kaiserslautern_0463-2026_stellenplan-2027.html", "SessionNet (vo0050)", "0463/2026", []),
    (
        "wesel_t-02-325-26_umbesetzung-ausschuesse.html",
        "SD.NET RIM 4 (Vorgang)",
        "T 02/325/26",
        [("Rat", dt.date(2026, 9, 29), None)],
    ),
    (
        "hameln_114-2026_umbesetzung-gremien.html",
        "PROVOX IIP (Vorlagendetails)",
        "114/2026",
        [
            ("Verwaltungsausschuss", dt.date(2026, 9, 23), None),
            ("Rat", dt.date(2026, 10, 8), None),
        ],
    ),
    (
        "muenchen_26-32-v-01121_landshuter-allee-tunnel.html",
        "RIS München (Sitzungsvorlage)",
        "26-32 / V 01121",
        [
            ("Vollversammlung", dt.date(2026, 9, 30), None),
            ("Bauausschuss", dt.date(2026, 9, 15), None),
        ],
    ),
]


@pytest.mark.parametrize(("name", "product", "reference", "consultations"), PROFILED)
def test_profile_reads_its_product_page(name, product, reference, consultations):
    found = fields(name)
    assert found.product == product
    assert found.reference == reference
    assert rows(found) == consultations


def test_all_allris_classic_pages_are_recognised():
    for path in PAGES.glob("*.html"):
        if b"ALLRIS net Version 3" in path.read_bytes():
            assert fields(path.name).product == "ALLRIS classic (vo020)", path.name


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("hamburg-nord_22-2402_bezirkliche-sondermittel.html", PaperType.ANTRAG),  # "Antrag"
        # "Auskunftsersuchen nach § 27 BezVG"
        ("bergedorf_22-0916_auskunftsersuchen-ausstiegsangebote.html", PaperType.ANFRAGE),
        # "Antwort / Stellungnahme des Bezirksamtes"
        ("harburg_22-1940-01_antwort-beachclub-treidelweg.html", PaperType.STELLUNGNAHME),
        ("altona_22-2362_umleitung-metrobuslinie-1.html", PaperType.BESCHLUSSVORLAGE),
        ("wolfsburg_k-2026-0725_trinkwasserbrunnen.html", PaperType.MITTEILUNGSVORLAGE),
        # SD.NET's label "Vorlage zur Kenntnis:" names the kind
        ("wesel_t-02-325-26_umbesetzung-ausschuesse.html", PaperType.MITTEILUNGSVORLAGE),
        # PROVOX names no kind, but the page has a Beschlusstext
        ("hameln_114-2026_umbesetzung-gremien.html", PaperType.BESCHLUSSVORLAGE),
    ],
)
def test_kind_from_the_type_field(name, kind):
    assert fields(name).paper_type is kind


def test_allris_classic_fields():
    found = fields("harburg_22-1940-01_antwort-beachclub-treidelweg.html")
    assert found.reference == "22-1940.01"
    assert found.department == "D 4 - Dezernat Wirtschaft, Bauen und Umwelt"
    assert found.name == (
        "Antwort auf Anfrage CDU betr. Rahmenbedingungen zum Beachclubstandort Treidelweg"
    )
    # The answer letter in the Beschluss block is no resolution.
    assert found.resolution == []
    # A paper of the Bezirksamt, shown in the Bezirksversammlung's RIS.
    assert found.body == "Bezirksamt Harburg"
    assert fields("altona_22-2362_umleitung-metrobuslinie-1.html").body == (
        "Bezirksversammlung Altona"
    )


def test_allris_classic_resolution_from_the_beschluss_block():
    found = fields("hamburg-nord_22-2402_bezirkliche-sondermittel.html")
    texts = [item.text for item in found.resolution]
    assert texts[0] == (
        "Die GRÜNE Fraktion beantragt, der Hauptausschuss möge folgende Sondermittelanträge"
        " beschließen:"
    )
    # The Petitum's table: a row per grant, its number left out, the heading row too.
    assert "Hamburger Jüdische Union e.V. Seniorenarbeit Druzhba Club 8.000,00" in texts
    assert not any(text.startswith(("Nr.", "165")) for text in texts)
    # The grants' column has no currency sign: the page's money column says they are amounts.
    assert [a.value for a in found.amounts] == [1200.0, 1861.8, 8000.0]
    # "---" in the Beschluss block: nothing proposed.
    assert fields("bergedorf_22-0916_auskunftsersuchen-ausstiegsangebote.html").resolution == []


def test_beschlussempfehlung_takes_the_recommended_beschluss_from_the_sachverhalt():
    texts = [i.text for i in fields("altona_22-2362_umleitung-metrobuslinie-1.html").resolution]
    assert texts[0].startswith("Der Mobilitätsausschuss empfiehlt dem Hauptausschuss")
    assert texts[1].startswith("Aus Sicht der Bezirksversammlung liegt die Zuständigkeit")
    assert texts[-1] == "Der Hauptauschuss wird um Zustimmung gebeten."


def test_muenchen_fields():
    found = fields("muenchen_26-32-v-01121_landshuter-allee-tunnel.html")
    assert found.date == dt.date(2026, 9, 14)  # "Freigabe"
    assert found.department == "Baureferat"
    assert found.reporters == ["Ehbauer"]  # "Berufsm. StRin Dr.-Ing. Ehbauer"
    assert found.name and found.name.startswith("Landshuter Allee-Tunnel Sicherheitstechnische")
    assert found.name.endswith("4. Anmeldung zum Mehrjahresinvestitionsprogramm 2026 – 2030")


def test_provox_beschlusstext_and_department():
    found = fields("hameln_114-2026_umbesetzung-gremien.html")
    assert found.department == "11 Verwaltungssteuerung und -service"
    assert found.name == "Umbesetzung von Ausschüssen und sonstigen Gremien"
    assert found.resolution[0].text.startswith("Die Stadt Hameln entsendet ab dem 08.10.2026")


# --- the general reader ---------------------------------------------------------------------

MADE_UP = "made-up_kommunalportal_iv-2026-117.html"


def test_a_page_no_profile_knows_gives_its_fields_through_the_general_reader():
    found = fields(MADE_UP)
    assert found.product is None
    assert found.paper_type is PaperType.MITTEILUNGSVORLAGE  # "Informationsvorlage"
    assert found.reference == "IV/2026/117"
    assert found.name == "Sanierung der Grundschule Am Lindenplatz: Sachstand 2026"
    assert found.date == dt.date(2026, 3, 3)
    assert found.department == "Amt für Schule und Sport"
    assert rows(found) == [
        ("Schulausschuss", dt.date(2026, 3, 17), "Kenntnisnahme"),
        ("Rat der Stadt Musterhausen", dt.date(2026, 3, 26), "Kenntnisnahme"),
    ]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Mitteilungsvorlage der Verwaltung", PaperType.MITTEILUNGSVORLAGE),
        ("Beschlussempfehlung öffentlich", PaperType.BESCHLUSSVORLAGE),
        ("Antwort / Stellungnahme des Bezirksamtes", PaperType.STELLUNGNAHME),
        ("Schriftliche Kenntnisgabe", PaperType.MITTEILUNGSVORLAGE),
        ("Beschlussvorlage VB", PaperType.BESCHLUSSVORLAGE),
        *[(word.title(), kind) for word, kind in ris_pages.KINDS],
        ("Sonstige Vorlage", None),
    ],
)
def test_kind_of_a_type_label(label, kind):
    assert ris_pages.kind_of(label) is kind


@pytest.mark.parametrize(
    ("label", "target"),
    [
        ("Betreff:", "name"),
        ("Federführende Organisationseinheit:", "department"),
        ("Drucksache-Art:", "paper_type"),
        ("Referent*in:", "reporters"),
        *[(label, target) for label, target in ris_pages.LABELS.items()],
    ],
)
def test_every_label_of_the_vocabulary_is_known(label, target):
    assert ris_pages.LABELS[ris_pages.label_key(label)] == target


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("23.07.2026", dt.date(2026, 7, 23)),
        ("Di, 29.09.2026 16:30 Uhr", dt.date(2026, 9, 29)),
        ("Jan 29, 2026", dt.date(2026, 1, 29)),  # ALLRIS net 4 in an English browser
        ("Sep 31, 2026", None),
        ("Sitzung des Hauptausschusses", None),
    ],
)
def test_session_dates(text, date):
    assert ris_pages.parse_date(text) == date


# --- text in reading order ------------------------------------------------------------------


def test_text_has_table_rows_as_tab_separated_lines_and_no_chrome():
    text = html.text(page("hamburg-nord_22-2402_bezirkliche-sondermittel.html").root)
    lines = text.splitlines()
    assert "Betreff:\tBezirkliche Sondermittel Antrag der GRÜNE-Fraktion" in lines
    assert "07.07.2026\tSitzung des Hauptausschusses" in lines
    assert (
        "166\tPro-Epilog gUG (haftungsbeschränkt)\tVeranstaltung Drei Steine + Gedenkstätten"
        " der NS-Verbrechen\t1.861,80" in lines
    )
    assert "checkClickResult" not in text  # a script
    assert "Textrecherche" not in text and "Impressum" not in text  # the menu
    assert "Lesezeichen" not in text  # the tool bar


def test_ordered_lists_keep_their_numbers():
    tree = LexborHTMLParser(
        '<ol start="2" type="I"><li>Fragen an die Behörde:<ol start="6"><li>Welche?</li>'
        "<li>Wie viele?</li></ol></li></ol><ol type='a'><li>erstens</li></ol>"
    )
    assert html.text(tree.body).splitlines() == [
        "II. Fragen an die Behörde:",
        "6. Welche?",
        "7. Wie viele?",
        "a) erstens",
    ]


def test_hidden_parts_are_left_out():
    tree = LexborHTMLParser(
        '<p>sichtbar</p><div style="display: none">doppelt</div><p hidden>versteckt</p>'
        '<div role="navigation">Menü</div><div id="cookieDialog">Cookies</div>'
    )
    assert html.text(tree.body) == "sichtbar"


# --- encodings ------------------------------------------------------------------------------


def test_declared_latin1_is_read_as_windows_1252():
    found = page("hamburg-nord_22-2402_bezirkliche-sondermittel.html")
    assert found.encoding == "cp1252"
    assert found.warnings == []
    assert "Interner Service" in html.text(found.root)


@pytest.mark.parametrize(
    ("data", "encoding", "warned"),
    [
        ('<meta charset="utf-8"><p>Grün</p>'.encode(), "utf-8", False),
        # declared UTF-8, but saved in Windows-1252: detected, and said so
        ('<meta charset="utf-8"><p>Grün 5 €</p>'.encode("cp1252"), "cp1252", True),
        # nothing declared
        ("<p>Grün</p>".encode("cp1252"), "cp1252", False),
        ("<p>Grün</p>".encode(), "utf-8", False),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
            b"<p>Gr\xfcn</p>",
            "cp1252",
            False,
        ),
        ('<?xml version="1.0" encoding="utf-8"?><p>Grün</p>'.encode(), "utf-8", False),
        # an ALLRIS page saved again as UTF-8 that kept its Latin-1 meta: read as UTF-8
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
            "<p>Grün</p>".encode(),
            "utf-8",
            True,
        ),
        ("\ufeff<p>Grün</p>".encode(), "utf-8", False),
    ],
)
def test_encoding_declared_or_detected(data, encoding, warned):
    found = html.parse(data)
    assert found.encoding == encoding
    assert bool(found.warnings) is warned
    assert "Grün" in html.text(found.root)


# --- bad pages: a reason, and nothing else lost ---------------------------------------------


def test_a_truncated_page_is_read_as_far_as_it_goes_with_a_warning(tmp_path):
    data = (PAGES / "eimsbuettel_22-2368_aufwertung-vossbarg.html").read_bytes()
    path = tmp_path / "cut.html"
    path.write_bytes(data[: len(data) * 2 // 3])
    result = read(source(path))
    assert result.fields.reference == "22-2368"
    assert any("truncated" in w for w in result.warnings)


def test_a_page_over_the_size_limit_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(html, "MAX_BYTES", 1000)
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body>" + b"<p>Betreff</p>" * 200 + b"</body></html>")
    with pytest.raises(DocumentTooLarge, match="over the limit of"):
        read(source(path))


def test_a_deeply_nested_page_fails_before_it_is_parsed(tmp_path):
    path = tmp_path / "deep.html"
    path.write_bytes(b"<html><body>" + b"<div>" * 20_000 + b"Betreff" + b"</div>" * 20_000)
    with pytest.raises(UnreadableDocument, match=r"nested \d+ elements deep, more than the 512"):
        read(source(path))


def test_login_and_error_pages_fail_with_their_reason(tmp_path):
    login = tmp_path / "vo020.html"
    login.write_text(
        "<html><head><title>ALLRIS - Anmeldung</title></head><body><form>"
        '<input name="user"><input type="password" name="pw"></form></body></html>'
    )
    error = tmp_path / "vo0050.html"
    error.write_text(
        "<html><head><title>Fehler</title></head><body><h1>Die Seite wurde nicht gefunden"
        "</h1></body></html>"
    )
    with pytest.raises(UnreadableDocument, match="a login page, not a paper"):
        read(source(login))
    with pytest.raises(UnreadableDocument, match="an error page, not a paper: 'Fehler"):
        read(source(error))


def test_a_pdf_saved_as_html_fails(tmp_path):
    path = tmp_path / "vorlage.html"
    path.write_bytes(b"%PDF-1.7\n...")
    with pytest.raises(UnreadableDocument, match=r"a PDF saved under an \.html name"):
        read(source(path))


# --- the record -----------------------------------------------------------------------------


def test_process_puts_the_page_fields_into_the_record_with_their_origin():
    outcome = process(source(PAGES / "wesel_t-02-325-26_umbesetzung-ausschuesse.html"))
    assert outcome.status is Status.OK, outcome.errors
    record = outcome.record
    assert record is not None
    assert (record.reference, record.body) == ("T 02/325/26", "Hansestadt Wesel am Rhein")
    assert record.consultations == [Consultation("Rat", dt.date(2026, 9, 29))]
    kept = {(v.field, v.origin) for v in outcome.origins if v.kept}
    assert ("reference", "ris-page") in kept and ("body", "ris-page") in kept
    assert outcome.encoding == "utf-8"


def test_a_bad_page_fails_alone_and_the_batch_goes_on(tmp_path):
    (tmp_path / "login.html").write_text(
        '<html><body><input type="password"></body></html>', encoding="utf-8"
    )
    (tmp_path / "wesel.html").write_bytes(
        (PAGES / "wesel_t-02-325-26_umbesetzung-ausschuesse.html").read_bytes()
    )
    outcomes = {s.path.name: process(s) for s in discover([tmp_path])}
    assert outcomes["login.html"].status is Status.FAILED
    assert outcomes["login.html"].errors[0].startswith("a login page, not a paper")
    assert outcomes["wesel.html"].status is Status.OK


def test_oparl_metadata_wins_over_the_page():
    record = Record(source="x.html", reference="4711/2026")
    origins = [
        FieldValue("reference", "oparl", "4711/2026", True),
        FieldValue("reference", "text", "4711", False),
    ]
    found = ris_pages.PageFields(reference="0815/2026", name="Radwege")
    merged = page_merge.merge(record, found, origins)
    assert record.reference == "4711/2026" and record.name == "Radwege"
    assert FieldValue("reference", "ris-page", "0815/2026", False) in merged
    assert FieldValue("name", "ris-page", "Radwege", True) in merged
    # Each field has one value per origin (the database keys them so).
    assert len({(v.field, v.origin) for v in merged}) == len(merged)


def test_linked_attachments_are_not_fetched(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("reading a saved page opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    # Its "Dokument" row links the Vorlage PDF and an attachment on the council's server.
    outcome = process(source(PAGES / "wesel_t-02-325-26_umbesetzung-ausschuesse.html"))
    assert outcome.status is Status.OK, outcome.errors


def test_a_paper_page_with_a_login_box_is_no_login_page(monkeypatch):
    # PROVOX shows a login form on every page; read by the general reader alone, the page
    # names no Betreff or Vorlage in labelled fields, but it is a paper's page all the same.
    monkeypatch.setattr(ris_pages, "PROFILES", ())
    result = read(source(PAGES / "hameln_114-2026_umbesetzung-gremien.html"))
    assert "Beschlusstext" in result.text


@pytest.mark.parametrize(
    ("heading", "reference", "kind"),
    [
        ("Drucksache - 22-2402", "22-2402", None),
        ("Vorgang T 02/325/26", "T 02/325/26", None),
        ("Vorlage IV/2026/117", "IV/2026/117", None),
        ("Schriftliche Kenntnisgabe - K 2026/0725", "K 2026/0725", PaperType.MITTEILUNGSVORLAGE),
        ("Vorlagendetails 114/2026", "114/2026", None),
        ("Sitzungskalender 2026", None, None),
    ],
)
def test_reference_from_the_page_heading(heading, reference, kind):
    found = html.parse(f"<html><body><h1>{heading}</h1></body></html>".encode())
    assert ris_pages.heading_reference(found) == (reference, kind)


# --- pages of products without a profile, and session pages -------------------------------


def test_a_body_named_menu_is_the_page_not_its_chrome():
    # Hannover's SIM names its <body id="menu"> for its stylesheet.
    data = (
        b'<html><body id="menu"><nav>Startseite</nav><main><h2>Drucksache Nr. 0728/2026:<br/>'
        b"Umstrukturierungen der Kita Gethsemane</h2></main></body></html>"
    )
    text = html.text(html.parse(data).root)
    assert text.splitlines() == [
        "Drucksache Nr. 0728/2026:",
        "Umstrukturierungen der Kita Gethsemane",
    ]


def test_a_sessionnet_agenda_page_is_an_invitation_named_and_dated_by_its_session():
    data = (
        "<html><head><title>SessionNet | Hauptausschuss - 28.09.2026 - 17:00 Uhr</title></head>"
        '<body><div class="smc_page_si0057_layout"><table><tr><td>Ö 2</td>'
        "<td>Ausschreibung einer Stelle</td><td>Vorlage:</td><td>BV/473/2026</td></tr>"
        "</table></div></body></html>"
    ).encode()
    fields = ris_pages.read(html.parse(data))
    assert fields.paper_type is PaperType.EINLADUNG
    assert fields.name == "Hauptausschuss - 28.09.2026 - 17:00 Uhr"
    assert fields.date == dt.date(2026, 9, 28)
    assert fields.reference is None  # the item's paper is not the page's


def test_a_session_page_is_read_as_the_kind_its_page_says(tmp_path):
    # Its text alone, with "Beschlussvorlage VIII/2026/02530" in an item, reads as a paper.
    path = tmp_path / "halle_to0040.html"
    path.write_text(
        "<html><head><title>SessionNet | Bildungsausschuss 01.09.2026</title></head><body>"
        '<div class="smc_page_to0040_layout"><p>5.1</p><p>Neufassung der Entgeltordnung</p>'
        "<p>VIII/2026/02530</p><p>Beschlussvorlage VIII/2026/02530 323 KB</p></div></body></html>",
        encoding="utf-8",
    )
    record = process(source(path)).record
    assert record is not None
    assert (record.paper_type, record.reference) == (PaperType.EINLADUNG, None)
    assert (record.name, record.date) == ("Bildungsausschuss 01.09.2026", dt.date(2026, 9, 1))


def test_allris_net_heading_with_the_number_before_the_kind_and_a_vom_date():
    # Landkreis Osnabrück's ALLRIS net 4 heads its page "VO/2026/181 - öffentliche
    # Beschlussvorlage"; PIWi (Wiesbaden) dates its paper under "Vom:".
    data = (
        '<html><head><meta name="description" content="ALLRIS net Version 4.1"></head><body>'
        '<div id="allris"><h1 class="title">VO/2026/181 - öffentliche Beschlussvorlage</h1>'
        "<dl><dt>Vom:</dt><dd>16.06.2026</dd></dl></div></body></html>"
    ).encode()
    fields = ris_pages.read(html.parse(data))
    assert (fields.reference, fields.paper_type) == ("VO/2026/181", PaperType.BESCHLUSSVORLAGE)
    assert fields.date == dt.date(2026, 6, 16)


def test_sessionnet_5_agenda_items_in_accordion_buttons_are_text():
    # SessionNet 5.5 (si0056) sets each item's number and title in its accordion's button.
    data = (
        "<html><head><title>SessionNet | Sitzung des Marktgemeinderates - 13.08.2026</title>"
        '</head><body><div class="smclayout smc_page_si0056_layout"><div class="card">'
        '<button class="btn"><span class="badge">Ö 1</span><div class="smc-card-text-title">'
        "Bauantrag - Dorfstraße 25</div></button><p>Beschluss: Einstimmig beschlossen</p>"
        '</div><form><button type="submit">Suchen</button></form></div></body></html>'
    ).encode()
    page = html.parse(data)
    assert html.text(page.root).splitlines() == [
        "Ö 1",
        "Bauantrag - Dorfstraße 25",
        "Beschluss: Einstimmig beschlossen",
    ]
    fields = ris_pages.read(page)
    assert (fields.paper_type, fields.date) == (PaperType.EINLADUNG, dt.date(2026, 8, 13))


RUBIN_PAGE = (
    "<html><head><title>Rats- und Bürgerinfosystem Stadt Eibenstock</title>"
    '<meta name="author" content="more! software"></head><body>'
    '<div component="MeetingPage__8bcaf0f"></div><script>window.components = {};\n'
    'window.components["MeetingPage__8bcaf0f"] = {\n props: {"passed-meeting":{"datum":'
    '"2026-09-10","titel":"20. Sitzung des Stadtrates","committees":[{"name":"Stadtrat"}],'
    '"agenda_items":[{"title":"Begrüßung"},{"title":"Satzung über Elternbeiträge"}]}},\n'
    " store: [],\n};</script></body></html>"
)


def test_a_more_rubin_meeting_page_is_read_from_its_components_data(tmp_path):
    # more!rubin (Stadt Eibenstock) draws the page from a script's data; the DOM is empty.
    result = ris_pages.read_page(RUBIN_PAGE.encode())
    fields = result.fields
    assert (fields.paper_type, fields.name) == (PaperType.EINLADUNG, "20. Sitzung des Stadtrates")
    assert (fields.date, fields.owner) == (dt.date(2026, 9, 10), "Stadt Eibenstock")
    assert result.text.splitlines()[-1] == "Satzung über Elternbeiträge"


def test_a_more_rubin_page_with_broken_data_fails_with_its_reason():
    broken = RUBIN_PAGE.replace('"passed-meeting":{', '"passed-meeting":{{')
    with pytest.raises(UnreadableDocument, match="HTML page without text"):
        ris_pages.read_page(broken.encode())


@pytest.mark.parametrize(
    ("head", "foot", "owner"),
    [
        ("SessionNet | Bürgerinformationssystem der Stadt Koblenz - Vorlage", "", "Stadt Koblenz"),
        ("SIM - DS 0728/2026", "<p>© Landeshauptstadt Hannover</p>", "Landeshauptstadt Hannover"),
        ("Bürgerinfo", "<p>Impressum</p>", None),
    ],
)
def test_the_council_whose_ris_shows_the_page(head, foot, owner):
    data = f"<html><head><title>{head}</title></head><body><p>Text</p><footer>{foot}</footer>"
    assert ris_pages.page_council(html.parse(f"{data}</body></html>".encode())) == owner


def test_the_ris_owner_is_the_body_only_where_the_paper_names_none(tmp_path):
    page = (
        "<html><head><title>Ratsinformationssystem Stadt Woldegk</title></head><body>"
        "<h1>Tagesordnung</h1><p>{council}</p><p>Hauptausschuss 24.09.2026</p></body></html>"
    )
    (tmp_path / "neetzka.html").write_text(page.format(council="Gemeinde Neetzka"), "utf-8")
    (tmp_path / "woldegk.html").write_text(page.format(council=""), "utf-8")
    bodies = {s.path.name: process(s).record.body for s in discover([tmp_path])}
    assert bodies == {"neetzka.html": "Gemeinde Neetzka", "woldegk.html": "Stadt Woldegk"}


def test_a_page_labelling_no_name_is_named_by_its_heading_or_a_session_papers_title():
    # Schwentinental (hhdocuments): the subject is the page's heading.
    page = html.parse(
        "<html><head><title>Dokumentenwesen | Stadt Schwentinental</title></head><body>"
        "<h1>Teileinziehung des Ritzebeker Weges zur Realisierung der Fahrradstraße</h1>"
        "<dl><dt>Datum</dt><dd>21.09.26</dd></dl></body></html>".encode()
    )
    assert ris_pages.read(page).name == (
        "Teileinziehung des Ritzebeker Weges zur Realisierung der Fahrradstraße"
    )
    # Frankfurt (PARLIS): no heading; the title names the minutes beside the product.
    page = html.parse(
        b"<html><head><title>PARLIS - Niederschrift der 4. Sitzung des OBR 12 am 25.09.2026 "
        b"</title></head><body><table><tr><td><strong>Dokumentart:</strong></td>"
        b"<td>Niederschrift</td></tr></table></body></html>"
    )
    assert ris_pages.read(page).name == "Niederschrift der 4. Sitzung des OBR 12 am 25.09.2026"
    # A heading that is the RIS's name, or a kind and number, names nothing.
    for heading in ("Sitzungsmanagement", "Drucksache - 22-2362", "Tagesordnung"):
        page = html.parse(f"<html><body><h1>{heading}</h1><p>Text</p></body></html>".encode())
        assert ris_pages.heading_name(page) is None, heading


def test_allris_net_each_session_of_a_committee_is_a_consultation_and_private_ones_say_so():
    # Laatzen's Antrag 2026/245 (ALLRIS net 4.1): the Schulausschuss adjourned it on 29.06.
    # and took it again on 01.09.; the Verwaltungsausschuss meets "(nicht-öffentlich)".
    def row(date: str, committee: str, role: str) -> str:
        return f"<tr><td></td><td>{date}</td><td>{committee}</td><td>{role}</td><td></td></tr>"

    rows = [
        row("", "Schulausschuss", "Vorberatung"),
        row("29.06.2026", "Sitzung des Schulausschusses", "vertagt"),
        row("01.09.2026", "Sitzung des Schulausschusses", ""),
        row("", "Verwaltungsausschuss (nicht-öffentlich)", "Vorberatung"),
    ]
    page = html.parse(
        (
            '<html><body><div id="allris"><h1 class="title">Antrag - 2026/245</h1>'
            '<table class="bfTable"><tbody>' + "".join(rows) + "</tbody></table></div>"
            "</body></html>"
        ).encode()
    )
    found = ris_pages.read(page).consultations
    assert [(c.organization, c.date, c.public) for c in found] == [
        ("Schulausschuss", dt.date(2026, 6, 29), None),
        ("Schulausschuss", dt.date(2026, 9, 1), None),
        ("Verwaltungsausschuss (nicht-öffentlich)", None, False),
    ]


def test_an_agenda_takes_no_consultation_from_its_pages_table_of_its_own_session():
    # Delitzsch's agenda page (KOMFA): "DATUM ORT GREMIUM BEGINN" over the session's row.
    record = Record(source="x.html", paper_type=PaperType.EINLADUNG)
    found = ris_pages.PageFields(
        consultations=[Consultation("Stadtrat", dt.date(2026, 9, 24))], name="Tagesordnung"
    )
    page_merge.merge(record, found, [])
    assert record.consultations == [] and record.name == "Tagesordnung"
    # A paper's page gives its Beratungsfolge.
    record = Record(source="x.html", paper_type=PaperType.BESCHLUSSVORLAGE)
    page_merge.merge(record, found, [])
    assert [c.organization for c in record.consultations] == ["Stadtrat"]


# --- held-out pages of more councils (2026-12): what a person reads off each ---------------


def _record(name: str) -> Record:
    outcome = process(source(PAGES / name))
    assert outcome.status is Status.OK, outcome.errors
    assert outcome.record is not None
    return outcome.record


def test_an_allris_session_heading_names_no_number_and_the_ris_is_no_council():
    # Winnweiler's ALLRIS shows its Ortsgemeinden's papers under the Verbandsgemeinde's RIS
    # name: "Bürgerinformationssystem Winnweiler" heads every page.
    agenda = _record("boerrstadt_to010-2269_tagesordnung-ogr-20261008.html")
    assert (agenda.paper_type, agenda.reference) == (PaperType.EINLADUNG, None)
    assert agenda.date == dt.date(2026, 10, 8)
    assert fields("sippersfeld_2026-946_bplan-auf-der-buehne.html").body is None
    assert fields("boerrstadt_to010-2269_tagesordnung-ogr-20261008.html").body is None


@pytest.mark.parametrize(
    "name",
    [
        "beilstein_gr-20260127_sitzung-protokoll.html",
        "zaberfeld_gr-20260303_sitzung-kurzprotokoll.html",
    ],
)
def test_a_session_page_recording_each_items_minutes_is_a_niederschrift(name):
    record = _record(name)
    assert record.paper_type is PaperType.NIEDERSCHRIFT
    # "Rats\xadinformations\xadsystem Beilstein" (soft hyphens) is the RIS's name, no paper's.
    assert record.name is None or "informationssystem" not in record.name.lower()


def test_an_offenbach_extract_is_its_items_paper_and_decisions():
    record = _record("offenbach_auszug-stvv-20260924-top9_katzenschutzverordnung.html")
    assert (record.paper_type, record.name, record.reference) == (
        PaperType.NIEDERSCHRIFT,
        "Katzenschutzverordnung",
        "2026-31/DS-I(A)0080",
    )
    items = [item.text for item in record.resolution]
    assert items[0].startswith("Die Stadtverordnetenversammlung lehnt mit Stimmenmehrheit")
    assert items[-1].endswith("weitere fachlich geeignete Stellen einbeziehen.")
    assert not any("2026-31/DS" in item or "Vorsteher" in item for item in items)


@pytest.mark.parametrize(
    ("chrome", "owner"),
    [
        # Lauffen's ecics page: the council's address in the footer.
        (
            "<footer><p>Stadt Lauffen am Neckar<br>Rathausstr. 10</p></footer>",
            "Stadt Lauffen am Neckar",
        ),
        # Ilsfeld's: its administration's.
        (
            "<footer><p><b>Gemeindeverwaltung Ilsfeld</b><br>Rathausstraße 8</p></footer>",
            "Gemeinde Ilsfeld",
        ),
        # Sulzberg's SessionNet: the copyright line in a menu, no footer element.
        (
            "<div><ul><li>&copy; 2026 Markt Sulzberg</li><li>Datenschutz</li></ul></div>",
            "Markt Sulzberg",
        ),
    ],
)
def test_the_council_is_read_from_the_pages_chrome(chrome, owner):
    page = html.parse(
        f"<html><head><title>Sitzung</title></head><body><h1>x</h1>{chrome}</body></html>".encode()
    )
    assert ris_pages.page_council(page) == owner


def test_a_session_page_keeps_the_texts_fuller_name_over_its_bare_heading():
    # Ilsfeld's page heads itself "Gemeinderat" (h1); its text names the session.
    record = Record(source="x.html", name="Gemeinderat Sitzung am 22.09.2026 um 19:00 Uhr")
    page = ris_pages.PageFields(name="Gemeinderat")
    page_merge.merge(record, page, [])
    assert record.name == "Gemeinderat Sitzung am 22.09.2026 um 19:00 Uhr"
