"""ris_text: a RIS page saved as text, read by its product's layout as ris_pages reads the DOM.

A page saved by a browser ("Save as text", copy and paste) or kept by a crawler loses its
DOM: the labelled cells of ALLRIS classic run together ("Status:öffentlichAktenzeichen:
898/V"), its two columns of origin and current value too ("Drucksache-Art:Antrag zur
BeschlussfassungDringliche Vorlage zur Kenntnisnahme"), and its Beratungsfolge becomes a line
per committee with its role, then for each of its sessions a line with the date and a line
naming the session ("17.11.2015" / "Sitzung des Fachbereichsausschusses ... ungeändert
beschlossen"). The order and the words stay, so the product is still recognised by its
fingerprint and read by it:

- ALLRIS classic, a paper's page (vo020): headed "Drucksache - 1536/V" or "Vorlage -
  2015/0288-1", labelled fields, "Beratungsfolge:" over committee and session lines;
- ALLRIS classic, an item's page in a session (to020): headed "Auszug - <the item>", the
  session's "TOP:", "Gremium:" and "Datum:" lines; the record of one decision (Niederschrift)
  in that committee's session.

The values go into the record as a saved page's fields do (pipeline.run.page_merge); the
text goes through the normal clean/segment/extract path for everything else.
"""

from __future__ import annotations

import functools
import re

from extractors import vocab
from pipeline.model import Consultation, PaperType, ResolutionItem
from pipeline.read.ris_pages import PageFields, kind_of, parse_date, resolution_items

# The page's heading within its first lines, under at most a site's name and navigation (or
# a cookie banner: Herne's page).
_HEAD_LINES = 15
_PAPER_HEADING = re.compile(r"^[ \t]*(?:Drucksache|Vorlage)[ \t]+-[ \t]+(?P<ref>\S[^\n]*?)[ \t]*$")
_ITEM_HEADING = re.compile(r"^[ \t]*Auszug[ \t]+-[ \t]+(?P<name>\S[^\n]*?)[ \t]*$")
# ALLRIS classic's own labels, glued to their value: its fingerprint beside the heading.
_ALLRIS_LABEL = re.compile(
    r"^[ \t]*(?:Status|Drucksache-Art|Vorlage-Art|Federführend|Initiator|Verfasser|Bezüglich):",
    re.M,
)
# "Ursprung" over the origin's column, "aktuell" over the current one.
_TWO_COLUMNS = re.compile(r"^[ \t]*Ursprung[ \t]*aktuell[ \t]*$", re.M)
_KIND = re.compile(r"^[ \t]*(?:Drucksache|Vorlage)-Art:[ \t]*(?P<value>[^\n]*?)[ \t]*$", re.M)
# Where two cells were run together: a small letter (or a stop) and a capital with no space.
_GLUED = re.compile(r"(?<=[a-zäöüß.])(?=[A-ZÄÖÜ])")
_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}"
_DATE_LINE = re.compile(rf"^[ \t]*(?P<date>{_DATE})[ \t]*(?P<rest>[^\n]*)$")
_SESSION = re.compile(r"\bSitzung\b")
_PUBLIC = re.compile(r"\b(?P<not>nicht[ -]?)?öffentliche[nr]?\s+Sitzung\b", re.I)
# "öffentliche/nichtöffentliche Sitzung": a session with both parts says not which one took
# the paper up.
_BOTH_PARTS = re.compile(r"öffentliche[nr]?[ \t]*/[ \t]*(?:nicht[ -]?)?öffentliche", re.I)
# An item's page: "TOP: Ö 4.2" (Ö: in public), "Gremium: Sportausschuss Beschlussart: ...",
# "Datum: Di, 27.04.2004 Status: öffentlich".
_ITEM_NUMBER = re.compile(r"^[ \t]*TOP:[ \t]*(?P<mark>[ÖN])?\b", re.M)
_COMMITTEE = re.compile(
    r"^[ \t]*Gremium:[ \t]*(?P<name>.+?)(?:[ \t]+Beschlussart:.*)?[ \t]*$", re.M
)
_SESSION_DATE = re.compile(rf"^[ \t]*Datum:[^\n]*?(?P<date>{_DATE})", re.M)


# An aggregator's page around a council's file (Politik bei Uns, for many councils of NRW):
# its own title, the file's data ("Kommune", "Größe", "Datum" of the session, "Erstellt",
# "Aktualisiert"), then "Inhalt der Datei" over the text taken from the PDF.
_FILE_PAGE = re.compile(
    r"\A(?:[^\n]*\n){0,12}?Daten[ \t]*\n(?:[ \t]*\n)*Kommune[ \t]*\n(?:[^\n]*\n){1,24}?"
    r"Inhalt der Datei[ \t]*\n"
)


def paper_of(text: str) -> str:
    """The paper's own text: an aggregator's page around it goes (its "Datum" is a session's,
    its title the site's), or `text` as it is."""
    m = _FILE_PAGE.match(text)
    return text[m.end() :].lstrip("\n") if m else text


# A Markdown table, as crawlers write a page's tables: "Vorlagennummer | 705/IX. |" over
# "---|---|" (the rule under the head row, its columns' alignment marks optional).
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
_TABLE_ROW = re.compile(r"^[ \t]*\|?[^|\n]*\|[^\n]*$")


def markdown_tables(text: str) -> str:
    """`text` with each Markdown table's rows as TAB-separated cells and its rule dropped, as
    the table's page prints it; a table is the run of lines with a "|" around a rule line.
    Other lines with a "|" ("Sachverhalt | Begründung", a form field's name) stay."""
    if "---" not in text:
        return text
    lines = text.split("\n")
    rules = {i for i, line in enumerate(lines) if _TABLE_RULE.match(line)}
    if not rules:
        return text
    in_table: set[int] = set()
    for rule in rules:
        for step in (-1, 1):
            i = rule + step
            while 0 <= i < len(lines) and _TABLE_ROW.match(lines[i]) and i not in rules:
                in_table.add(i)
                i += step
    out = []
    for i, line in enumerate(lines):
        if i in rules:
            continue
        if i in in_table:
            # An empty cell keeps its place, so the columns stay in line with the head row.
            line = "\t".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        out.append(line)
    return "\n".join(out)


# ALLRIS net 4's "Grunddaten" as a crawler lists them: "- Gremium:" over "- Haupt- und
# Finanzausschuss", or "- Betreff:" over an empty "-" and the value's own line.
_LISTED_LABEL = re.compile(r"^- (?P<label>[^\s:][^:\n]{0,40}):[ \t]*$")
_LISTED_VALUE = re.compile(r"^-(?:[ \t]+(?P<value>[^\n]*\S))?[ \t]*$")
# So many labels over their values make a page of that shape.
_LISTED_PAIRS = 3


def listed_fields(text: str) -> str:
    """`text` with each listed label and its value on one line ("Gremium:<TAB>Haupt- und
    Finanzausschuss"), as the page shows them side by side, where it lists at least three."""
    if "\n- " not in text:
        return text
    lines = text.split("\n")
    pairs: list[tuple[int, int, str, str]] = []  # label's line, value's last line, both
    i = 0
    while i + 1 < len(lines):
        label = _LISTED_LABEL.match(lines[i])
        value = _LISTED_VALUE.match(lines[i + 1]) if label else None
        if label is None or value is None:
            i += 1
            continue
        if value.group("value") is not None and not _LISTED_LABEL.match(lines[i + 1]):
            pairs.append((i, i + 1, label.group("label"), value.group("value")))
            i += 2
        elif value.group("value") is None and i + 2 < len(lines) and lines[i + 2].strip():
            # "-" over the value's own line
            pairs.append((i, i + 2, label.group("label"), lines[i + 2].strip()))
            i += 3
        else:
            i += 1
    if len(pairs) < _LISTED_PAIRS:
        return text
    out: list[str] = []
    position = 0
    for first, last, name, shown in pairs:
        out.extend(lines[position:first])
        out.append(f"{name}:\t{shown}")
        position = last + 1
    out.extend(lines[position:])
    return "\n".join(out)


# Inline HTML a page's text kept: a search's highlighting ("Har<strong>der</strong>t"), a
# line break written as a tag ("Dorfgemeinschaftshaus<br />").
_INLINE_TAG = re.compile(r"</?(?:strong|b|i|em|u|span|font|mark)\b[^<>\n]{0,80}>", re.I)
_BREAK_TAG = re.compile(r"[ \t]*<br[ \t]*/?>[ \t]*(\n?)", re.I)


def inline_markup(text: str) -> str:
    """`text` without the inline HTML tags a page's text kept, a <br /> as a line break."""
    if "<" not in text:
        return text
    text = _INLINE_TAG.sub("", text)
    return _BREAK_TAG.sub("\n", text)


def page_text(text: str) -> str:
    """A text file's text as the paper's page shows it: an aggregator's page around it cut
    off, a crawler's inline tags, Markdown tables and listed labels set back as cells."""
    return listed_fields(markdown_tables(inline_markup(paper_of(text))))


def fields(text: str) -> PageFields | None:
    """The page's fields where `text` is a page of a product read here; else None."""
    head = [line.strip() for line in text.split("\n", 40)[:40] if line.strip()][:_HEAD_LINES]
    sessionnet = _sessionnet_head(text)
    if sessionnet is not None:
        return _sessionnet_paper(text, sessionnet)
    if _KOMUNA_SESSION.match(text):
        return _komuna_session(text)
    if _KOMUNA_ITEM.search(text):
        return _komuna_item(text, head[0])
    for line in head:
        paper = _PAPER_HEADING.match(line)
        if paper and _ALLRIS_LABEL.search(text) and "Beratungsfolge:" in text:
            return _allris_paper(text, paper.group("ref"))
        item = _ITEM_HEADING.match(line)
        if item and _ITEM_NUMBER.search(text) and _COMMITTEE.search(text):
            return _allris_item(text, item.group("name"))
    return None


# "Betreff:" and the lines under it up to the next label or the Beratungsfolge (a blank line
# between them: the cell's line break), e.g. "Grünflächenkataster der Stadt Sehnde" /
# "- Operative Steuerung der Bewirtschaftung der öffentlichen Grünflächen".
_SUBJECT = re.compile(r"^[ \t]*Betreff:[ \t]*(?P<value>\S[^\n]*(?:\n(?![^\n]*:)[^\n]*){0,4})", re.M)


def _allris_paper(text: str, reference: str) -> PageFields:
    found = PageFields(product="ALLRIS classic (vo020, as text)", reference=reference)
    subject = _SUBJECT.search(text)
    if subject:
        found.name = " ".join(subject.group("value").split()) or None
    kind = _KIND.search(text)
    if kind:
        found.paper_type = _paper_type(kind.group("value"), bool(_TWO_COLUMNS.search(text)))
    found.consultations = _beratungsfolge(text)
    found.whole_beratungsfolge = True
    return found


def _paper_type(value: str, two_columns: bool) -> PaperType | None:
    """The paper's kind; of an origin and a current kind ("Antrag zur Beschlussfassung" /
    "Dringliche Vorlage zur Kenntnisnahme"), the current one where it names a kind (a
    decision, "Beschluss", is none)."""
    if two_columns:
        parts = _GLUED.split(value, maxsplit=1)
        if len(parts) == 2 and kind_of(parts[1]) is not None:
            return kind_of(parts[1])
        value = parts[0]
    return kind_of(value)


@functools.cache
def _role_at_end() -> re.Pattern[str]:
    roles = sorted(vocab.words("consultation_roles"), key=len, reverse=True)
    alternatives = "|".join(r"[ \t]+".join(map(re.escape, role.split())) for role in roles)
    # "Jugendhilfeausschuss zur Vorberatung", "Senat zur Senatsberatung" (Lübeck): the
    # role with its preposition, or any "zur ..." word at the line's end.
    return re.compile(
        rf"^(?P<name>.+?)[ \t]+(?P<role>(?:(?:zur|zum)[ \t]+)?(?:{alternatives})"
        r"|(?:zur|zum)[ \t]+\w+)[ \t]*$",
        re.I,
    )


def _beratungsfolge(text: str) -> list[Consultation]:
    """Committee lines (name and role), each followed by a date line and a session line for
    every session that took the paper up: one consultation per session, a committee with
    no session yet one without a date."""
    start = text.find("Beratungsfolge:")
    lines = text[start:].split("\n")[1:]
    rows: list[Consultation] = []
    committee: Consultation | None = None
    dated = False  # the committee has had a session
    pending = False  # a date line waits for its session line
    for line in lines:
        if not line.strip() or line.rstrip().endswith(":"):
            break  # a blank line or the next field ("Anlagen:") ends the table
        date = _DATE_LINE.match(line)
        if date and committee is not None:
            row = Consultation(committee.organization, parse_date(date.group("date")))
            row.role = committee.role
            row.public = _public(date.group("rest"))
            rows.append(row)
            dated, pending = True, not date.group("rest").strip()
            continue
        if pending or _SESSION.search(line):
            if pending and rows:
                rows[-1].public = _public(line)
            pending = False
            continue
        if committee is not None and not dated:
            rows.append(committee)
        m = _role_at_end().match(line.strip())
        name, role = (m.group("name"), m.group("role")) if m else (line.strip(), None)
        committee, dated = Consultation(name, role=role), False
    if committee is not None and not dated:
        rows.append(committee)
    return rows


def _public(session: str) -> bool | None:
    m = _PUBLIC.search(session)
    if m is None or _BOTH_PARTS.search(session):
        return None
    return m.group("not") is None


def _allris_item(text: str, name: str) -> PageFields:
    """An item's page: one decision in one session, as its Niederschrift records it."""
    found = PageFields(
        product="ALLRIS classic (to020, as text)", paper_type=PaperType.NIEDERSCHRIFT, name=name
    )
    committee = _COMMITTEE.search(text)
    session = _SESSION_DATE.search(text)
    number = _ITEM_NUMBER.search(text)
    if committee:
        date = parse_date(session.group("date")) if session else None
        mark = number.group("mark") if number else None
        public = None if mark is None else mark == "Ö"
        found.consultations = [Consultation(committee.group("name"), date, None, public)]
        found.date = date
    # The paper the item took up, by its number before its title: "1265/II Sanierung ...".
    title = re.escape(name[:20])
    paper = re.search(rf"^[ \t]*(?P<ref>\S*\d\S*)[ \t]+{title}", text, re.M)
    if paper:
        found.reference = paper.group("ref")
    return found


# SessionNet's paper page (vo0050) as text: each label alone on a line over its value.
_SESSIONNET_LABELS = frozenset(
    {"Betreff", "Vorlage", "Aktenzeichen", "Art", "Datum", "Federführend", "Bearbeiter/-in"}
)
# A kind abbreviated as the first word of the "Art" ("BV Gemeinden", Amt Warnow-West).
_ABBREVIATED_KINDS = {"BV": PaperType.BESCHLUSSVORLAGE, "MV": PaperType.MITTEILUNGSVORLAGE}


def _sessionnet_head(text: str) -> dict[str, str] | None:
    """The labelled values of a SessionNet paper page's head ("Betreff" over its subject,
    which may take two lines, "Vorlage" over the number, "Art" over the kind; a page title
    may stand above it); None for any other text."""
    lines = text.split("\n", 60)[:60]
    filled = [i for i, line in enumerate(lines) if line.strip()]
    first = next((i for i in filled[:3] if lines[i].strip() == "Betreff"), None)
    if first is None:
        return None
    values: dict[str, list[str]] = {}
    label = None
    for i in filled[filled.index(first) :]:
        line = lines[i].strip()
        if line in _SESSIONNET_LABELS and line not in values:
            label = line
            values[label] = []
        elif label is None or (label == "Art" and values["Art"]):
            break
        else:
            values[label].append(line)
    if not (values.get("Vorlage") and values.get("Art")):
        return None
    return {key: " ".join(parts) for key, parts in values.items()}


def _sessionnet_paper(text: str, head: dict[str, str]) -> PageFields:
    """SessionNet's paper page (vo0050) as text: "Betreff", "Vorlage" (the number), "Art"
    (the kind; a bare "Vorlage" with a Beschlussvorschlag puts a decision to the council).
    The text under the head has no labels of the page's own: its first block may be the
    proposal (Erlangen, Heidenau, Mainz), the Sachverhalt (Aschersleben) or a finance table
    (Burgdorf). It is the proposal where it opens with a body's decision ("Der Stadtrat
    beschließt, ..."); else it is left to the text's readers."""
    kind = head["Art"]
    paper_type = kind_of(kind) or _ABBREVIATED_KINDS.get(kind.split()[0])
    if paper_type is None and kind == "Vorlage" and re.search(r"^Beschlussvorschlag", text, re.M):
        paper_type = PaperType.BESCHLUSSVORLAGE
    return PageFields(
        product="SessionNet (vo0050, as text)",
        name=head["Betreff"],
        reference=head["Vorlage"],
        paper_type=paper_type,
        resolution=_decision_block(text, head["Art"]),
    )


# A body's decision opening a block: "Der Stadtrat beschließt, ...", "Der Gemeinderat stimmt
# dem Entwurf zu", "Der Ausschuss empfiehlt dem Rat, ..." (extractors/data/decision_verbs.txt).
@functools.cache
def _decides() -> re.Pattern[str]:
    verbs = vocab.alternation("decision_verbs")
    return re.compile(rf"(?:Der|Die|Das)[ \t]+[^\n.:;]{{2,80}}?[ \t]+(?:{verbs})\b")


# A heading under the proposal's block: the next part of the page.
_NEXT_PART = re.compile(
    r"^[ \t]*(?:Sachverhalt|Begründung|Erläuterung(?:en)?|Finanzielle Auswirkungen|Anlage\w*"
    r"|Beratungsfolge)\b[^\n]{0,40}$",
    re.M,
)


def _decision_block(text: str, kind: str) -> list[ResolutionItem]:
    """The block under the page's head, where it opens with a body's decision (see
    _sessionnet_paper): to the next part's heading."""
    art = re.search(rf"^[ \t]*Art[ \t]*\n(?:[ \t]*\n)*[ \t]*{re.escape(kind)}[ \t]*$", text, re.M)
    if art is None:
        return []
    rest = text[art.end() :]
    if not _decides().match(rest.lstrip()):
        return []
    end = _NEXT_PART.search(rest)
    return resolution_items(rest[: end.start()] if end else rest)


# komuna's session page: its fields, then its agenda ("TOP-Nr. Bezeichnung"), then each item
# with the row of its session ("Stadtrat 13. Sitzung des Stadtrates 15.04.2021 ö 1").
_KOMUNA_SESSION = re.compile(
    r"\s*Datum:[ \t]*(?P<date>" + _DATE + r")[ \t]*\nStatus:[^\n]*\nSitzungsort:[^\n]*\n"
    r"Gremium:[ \t]*(?P<committee>[^\n]+?)[ \t]*\n(?=(?:.*\n){0,12}?TOP-Nr\.[ \t]+Bezeichnung)"
)


def _komuna_session(text: str) -> PageFields:
    """A session page, named by its session and dated by its day. Whether it is the agenda
    or the minutes (its items' votes recorded) the text's readers say
    (extractors.paper_type: a session's form; a vote's tally records proceedings)."""
    m = _KOMUNA_SESSION.match(text)
    assert m is not None
    committee, date = m.group("committee"), m.group("date")
    row = re.search(
        rf"^{re.escape(committee)}[ \t]+(?P<session>\S[^\n]*?)[ \t]+{re.escape(date)}\b",
        text,
        re.M,
    )
    return PageFields(
        product="komuna (session page, as text)",
        date=parse_date(date),
        name=row.group("session") if row else None,
    )


# komuna's item page: the item's title, "Daten angezeigt aus Sitzung: <body>, <date>", then
# its "Beratungsreihenfolge" as a table ("Gremium Sitzung Sitzungsdatum ö / nö Beratungstyp
# TOP-Nr."), a row a line: "Stadtrat Stadtratssitzung 10.07.2018 ö beschließend 26".
_KOMUNA_ITEM = re.compile(
    rf"^Daten angezeigt aus Sitzung:[ \t]*(?P<body>[^\n]+?),[ \t]*(?P<date>{_DATE})[ \t]*\n"
    r"(?:[ \t]*\n)*Beratungsreihenfolge[ \t]*\nGremium Sitzung Sitzungsdatum[^\n]*\n",
    re.M,
)
_KOMUNA_ROW = re.compile(
    rf"^(?P<names>\S[^\n]*?)[ \t]+(?P<date>{_DATE})[ \t]+(?P<mark>ö|nö)"
    r"(?:[ \t]+(?P<role>[^\d\s][^\n]*?))?(?:[ \t]+[\d.]+)?[ \t]*$"
)
_DECIDED = re.compile(r"^Beschluss[ \t]*\n(?:.*\n){1,12}?Abstimmungsergebnis\b", re.M)


def _komuna_item(text: str, title: str) -> PageFields:
    """An item's page: its Beratungsreihenfolge, and where it records the decision taken
    (a "Beschluss" with its "Abstimmungsergebnis"), a Niederschrift of that session; where
    it records none and a body is to decide it, the Beschlussvorlage."""
    m = _KOMUNA_ITEM.search(text)
    assert m is not None
    found = PageFields(product="komuna (item page, as text)", name=title)
    for line in text[m.end() :].split("\n"):
        row = _KOMUNA_ROW.match(line.strip())
        if row is None:
            break
        found.consultations.append(
            Consultation(
                _committee_of(row.group("names")),
                parse_date(row.group("date")),
                row.group("role"),
                row.group("mark") == "ö",
            )
        )
    found.whole_beratungsfolge = True
    if _DECIDED.search(text):
        found.paper_type = PaperType.NIEDERSCHRIFT
        found.date = parse_date(m.group("date"))
    elif any(c.role and c.role.lower().startswith("beschließ") for c in found.consultations):
        # The paper put to a body for its decision, none recorded yet (Hergatz's Kita fees).
        found.paper_type = PaperType.BESCHLUSSVORLAGE
    return found


def _committee_of(names: str) -> str:
    """The committee of a row whose committee and session run together: the session's name
    starts with the committee's first word ("Stadtrat Stadtratssitzung", "Bau-, Verkehr- und
    Umweltausschuss Bau-, Verkehr- und Umweltausschuss") or with its number ("Gemeinderat 28.
    Sitzung des Gemeinderates"); a bracketed note on the committee
    goes ("Gemeinderat Walkertshofen (Gemeinde Walkertshofen)")."""
    words = names.split()
    # ... or with the session's number: "Gemeinderat 28. Sitzung des Gemeinderates".
    # ... or after the committee's bracketed note, or with "Sitzung" ("Gemeinderat (Gemeinde
    # Grünwald) Sitzung des Gemeinderates").
    cut = next(
        (
            k
            for k in range(1, len(words))
            if words[k].startswith(words[0])
            or re.fullmatch(r"\d{1,3}\.", words[k])
            or words[k] == "Sitzung"
            or words[k - 1].endswith(")")
        ),
        len(words),
    )
    committee = " ".join(words[:cut])
    bare = re.sub(r"[ \t]*\([^)]*\)$", "", committee)
    # The note goes where the name says more than its kind ("Gemeinderat Walkertshofen"); a
    # bare "Gemeinderat" keeps the council it names.
    return bare if " " in bare else committee
