"""ris_pages: a saved RIS paper page's labelled fields, read from its DOM.

A RIS shows a paper's metadata as labelled fields ("Betreff:", "Vorlage", "Federführend:",
"Art") and its Beratungsfolge as a table. Where the page's product is recognised by its
fingerprint (generator meta, CSS classes, the layout of its fields), that product's profile
reads them the way the product lays them out (the reference from its heading, a
Beratungsfolge that takes two table rows per committee, the Beschlussvorschlag block);
every page, recognised or not, also goes through the general reader, which takes labelled
pairs from tables, definition lists and key/value blocks and knows the labels by the
vocabulary below. The profile's values come first, the general reader fills the rest.

The values reach the record through pipeline.page_merge, with the origin "ris-page"; the
page's text goes through the normal clean/segment/extract path for everything else.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborNode

from pipeline.model import Amount, Consultation, PaperType, ResolutionItem
from pipeline.read import html
from pipeline.read.html import HtmlPage, squeeze

if TYPE_CHECKING:
    from pipeline.read.reader import ReadResult

# --- vocabularies ---------------------------------------------------------------------------

# A field's label on RIS pages (case, a trailing colon and spaces do not matter), by the
# field it labels.
_LABEL_TABLE = """
name        betreff | titel | gegenstand | bezeichnung | kurztitel
reference   vorlage | vorlagen-nr. | vorlagen-nr | vorlagennummer | vorlage-nr. | vorlage nr. |
            vorlagennr. | drucksache | drucksachen-nr. | drucksachennummer | ds-nr. | nummer |
            vorgang | kennung
paper_type  art | vorlageart | vorlagenart | vorlage-art | drucksache-art | drucksachenart | typ |
            vorlagentyp | dokumentart | vorgangsart
date        datum | vorlagedatum | datum der vorlage | erstellt am | erstellungsdatum | freigabe |
            vom
department  federführend | federführung | federführendes amt | federführende stelle |
            federführende organisationseinheit | federführender fachbereich |
            federführende dienststelle | zuständiges referat | zuständige dienststelle |
            abteilung | amt | fachbereich | dezernat | organisationseinheit | verantwortlich
reporters   berichterstatter | berichterstattung | berichterstatter/in | referent*in |
            referent | referentin
"""


def _labels(table: str) -> dict[str, str]:
    labels: dict[str, str] = {}
    target = ""
    for line in table.strip().splitlines():
        if not line.startswith(" "):
            target, line = line.split(maxsplit=1)
        labels.update((label.strip(), target) for label in line.split("|") if label.strip())
    return labels


LABELS = _labels(_LABEL_TABLE)

# The kind of paper a RIS's "Art" field (or a label such as SD.NET's "Vorlage zur Kenntnis")
# names: words that may stand anywhere in it ("Mitteilungsvorlage der Verwaltung",
# "Antwort / Stellungnahme des Bezirksamtes"); the earliest in the label decides.
KINDS: tuple[tuple[str, PaperType], ...] = (
    ("beschlussvorlage", PaperType.BESCHLUSSVORLAGE),
    ("beschlussempfehlung", PaperType.BESCHLUSSVORLAGE),
    ("sitzungsvorlage", PaperType.BESCHLUSSVORLAGE),
    ("vorlage zur beschlussfassung", PaperType.BESCHLUSSVORLAGE),
    ("mitteilungsvorlage", PaperType.MITTEILUNGSVORLAGE),
    ("informationsvorlage", PaperType.MITTEILUNGSVORLAGE),
    ("kenntnisgabe", PaperType.MITTEILUNGSVORLAGE),
    ("vorlage zur kenntnis", PaperType.MITTEILUNGSVORLAGE),
    ("mitteilung", PaperType.MITTEILUNGSVORLAGE),
    ("antwort", PaperType.STELLUNGNAHME),
    ("beantwortung", PaperType.STELLUNGNAHME),
    ("stellungnahme", PaperType.STELLUNGNAHME),
    ("anfrage", PaperType.ANFRAGE),
    ("auskunftsersuchen", PaperType.ANFRAGE),
    ("antrag", PaperType.ANTRAG),
    ("niederschrift", PaperType.NIEDERSCHRIFT),
    ("protokoll", PaperType.NIEDERSCHRIFT),
)

# Kinds of paper that propose nothing to decide: what their Beschluss block holds (an
# answer letter, "---") is no resolution.
NO_RESOLUTION = frozenset({PaperType.ANFRAGE, PaperType.STELLUNGNAHME, PaperType.NIEDERSCHRIFT})
# A Beschluss block that says it has nothing: "---", "-", "entfällt", "keine".
_NOTHING = re.compile(r"^[\s\-–—./]*(?:entfällt|keine?r?|ohne)?[\s\-–—./]*$", re.I)
# The heading of a Beschluss block, which is not part of it.
_RESOLUTION_HEADING = re.compile(
    r"^\s*(?:Petitum|Beschluss(?:vorschlag|empfehlung|antrag|text)?|Antrag)(?:\s*/\s*\w+)*\s*:?\s*$",
    re.I,
)
# A Beschlussempfehlung puts the recommended Beschluss in its Sachverhalt, after this.
_RECOMMENDS = re.compile(r"\b(?:folgenden|nachstehenden)\s+Beschluss\s+zu\s+fassen\s*:", re.I)
_REFERENCE_WORDS = re.compile(r"\d")
_ENGLISH_DATE = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s+(\d{4})\b"
)
_ENGLISH_MONTHS = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)


@dataclass(slots=True)
class PageFields:
    """What a RIS page's DOM says about its paper; None or empty where it says nothing."""

    product: str | None = None  # the profile that recognised the page; None: general path
    paper_type: PaperType | None = None
    reference: str | None = None
    date: dt.date | None = None
    name: str | None = None
    department: str | None = None
    body: str | None = None
    reporters: list[str] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    resolution: list[ResolutionItem] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)  # from tables' money columns
    # The page's text where the product builds it from data in a script, not in the DOM.
    text: str = ""
    # The council whose RIS shows the page (its title, its copyright line): the body only
    # where the paper names none, as one RIS may show its member towns' papers.
    owner: str | None = None
    # The profile read every cell of the Beratungsfolge (a missing date is a session not yet
    # held): the text's reading of the same rows fills nothing in.
    whole_beratungsfolge: bool = False

    def fill(self, other: PageFields) -> None:
        """Take `other`'s values where this has none."""
        for name in self.__slots__:  # type: ignore[attr-defined]
            if name != "product" and not getattr(self, name) and getattr(other, name):
                setattr(self, name, getattr(other, name))

    @property
    def names_a_paper(self) -> bool:
        """Whether the page identifies a paper at all (a login or error page does not)."""
        return bool(self.reference or self.name)


# --- reading values -------------------------------------------------------------------------


def label_key(text: str) -> str:
    return squeeze(text).casefold().rstrip(":").strip()


def kind_of(label: str) -> PaperType | None:
    """The kind a RIS's type label names, or None."""
    folded = label.casefold()
    found = [(folded.find(word), -len(word), kind) for word, kind in KINDS if word in folded]
    return min(found)[2] if found else None


def parse_date(text: str) -> dt.date | None:
    """The first date in a field's value: "23.07.2026", "Di, 29.09.2026 16:30 Uhr",
    "14. September 2026", or as an English browser shows it, "Jan 29, 2026"."""
    from extractors import values

    found = values.parse_date(text)
    if found is not None:
        return found
    m = _ENGLISH_DATE.search(text)
    if m is None:
        return None
    try:
        month = _ENGLISH_MONTHS.index(m.group(1).lower()[:3]) + 1
        return dt.date(int(m.group(3)), month, int(m.group(2)))
    except ValueError:
        return None


def value_text(node: LexborNode) -> str:
    """A field's value on one line."""
    return squeeze(html.text(node).replace("\t", " "))


# A title or office before a name, abbreviated: "Dr.-Ing.", "Berufsm.", "StRin", "OB".
_ABBREVIATION = re.compile(r"^(?:\S*\.|[A-ZÄÖÜ][a-zäöüß]*[A-ZÄÖÜ]\w*)$")


def person(text: str) -> str | None:
    """The person a Berichterstatter/Referent field names, without titles and offices."""
    from extractors import reporters

    found = reporters.person_name(text)
    if found:
        return found
    # RIS pages abbreviate the titles the extractor knows written out:
    # "Berufsm. StRin Dr.-Ing. Ehbauer".
    words = text.split()
    while words and _ABBREVIATION.match(words[0]):
        words.pop(0)
    if 1 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
        return " ".join(words)
    return None


def labelled(root: LexborNode) -> Iterator[tuple[str, LexborNode]]:
    """(label, value element) for the page's labelled fields: a table row's header or
    colon-ended cell and the cell after it, a definition list's term and description, a
    key/label block and the block after it."""
    for cell in root.css("th, td"):
        label = squeeze(cell.text())
        if not label or len(label) > 60 or html.skipped(cell):
            continue
        if cell.tag == "td" and not label.endswith(":"):
            continue
        value = _next_element(cell, ("td",))
        if value is not None:
            yield label, value
    for term in root.css("dt"):
        value = _next_element(term, ("dd",))
        if value is not None and not html.skipped(term):
            yield squeeze(term.text()), value
    for key in root.css("[class]"):
        classes = (key.attributes.get("class") or "").split()
        if key.tag in ("td", "th", "dt") or not any(_KEY_CLASS.search(c) for c in classes):
            continue
        label = squeeze(key.text())
        value = _next_element(key, None)
        if label and len(label) <= 60 and value is not None:
            yield label, value


_KEY_CLASS = re.compile(r"(?:^|[-_])(?:key|label|cell-head|colTitle)$", re.I)


def _next_element(node: LexborNode, tags: tuple[str, ...] | None) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and not sibling.is_element_node:
        sibling = sibling.next
    if sibling is None or (tags is not None and sibling.tag not in tags):
        return None
    return sibling


def general(page: HtmlPage) -> PageFields:
    """The fields any RIS page shows under the labels RIS pages use."""
    found = PageFields()
    for label, node in labelled(page.root):
        key = label_key(label)
        target = LABELS.get(key)
        if target is None:
            kind = kind_of(key) if len(key) <= 30 else None
            value = value_text(node)
            # SD.NET's "Vorlage zur Kenntnis: T 02/325/26": the label names the kind.
            if kind is not None and _REFERENCE_WORDS.search(value) and len(value) <= 30:
                found.paper_type = found.paper_type or kind
                found.reference = found.reference or value
            continue
        value = value_text(node)
        if not value:
            continue
        if target == "reference" and not found.reference and _REFERENCE_WORDS.search(value):
            found.reference = value
        elif target == "name" and not found.name:
            found.name = value
        elif target == "paper_type" and not found.paper_type:
            found.paper_type = kind_of(value)
        elif target == "date" and not found.date:
            found.date = parse_date(value)
        elif target == "department" and not found.department:
            found.department = value
        elif target == "reporters" and not found.reporters:
            found.reporters = [p for p in [person(value)] if p]
    if not found.reference:
        found.reference, kind = heading_reference(page)
        found.paper_type = found.paper_type or kind
    found.owner = page_council(page)
    found.name = found.name or heading_name(page, found.owner)
    found.consultations = consultations_table(page.root)
    found.amounts = money_columns(page.root)
    return found


# The name of a RIS or its maker, which a page may print as its first heading
# ("Sitzungsmanagement", "Bürgerinformationssystem der Stadt Koblenz - ...").
_SITE_WORDS = re.compile(
    r"informationssystem|ratsinfo|bürgerinfo|sitzungsmanagement|sitzungsdienst|portal", re.I
)
# A session paper's name in the page title beside the product's ("PARLIS - Niederschrift der
# 4. Sitzung des OBR 12 am 25.09.2026", Frankfurt).
_SESSION_PAPER_TITLE = re.compile(
    r"(?:Niederschrift|Protokoll|Tagesordnung|Einladung)\b.*\bSitzung\b.*", re.I
)


_SESSION_PAPER_WORD = re.compile(
    r"(?:Öffentliche[ \t]+)?(?:Niederschrift|Protokoll|Tagesordnung|Einladung)", re.I
)


def heading_name(page: HtmlPage, owner: str | None = None) -> str | None:
    """The paper's name where the page labels none: its first heading, where that is no
    "<kind> - <number>" heading, no bare kind word, and not the RIS's or the council's own
    name (Schwentinental's "Teileinziehung des Ritzebeker Weges ...", ALLRIS's "Kreistag
    des Landkreises Osnabrück - 28.09.2026"); else a session paper's name in the title."""
    heading = page.root.css_first("h1")
    text = squeeze(heading.text()) if heading is not None else ""
    if text and heading is not None and not html.skipped(heading):
        bare_kind = len(text.split()) <= 2 and (
            kind_of(text) is not None or _SESSION_PAPER_WORD.fullmatch(text) is not None
        )
        if not (
            _HEADING_REFERENCE.match(text)
            or bare_kind
            or _SITE_WORDS.search(text)
            or _NOT_A_PAPER.search(text)  # "Die Seite wurde nicht gefunden"
            or (owner and text.casefold() == owner.casefold())
        ):
            return text
    for part in re.split(r"\s+[-|–]\s+", page.title):
        if _SESSION_PAPER_TITLE.fullmatch(part.strip()):
            return part.strip()
    return None


# The council a RIS page names as its owner, in its title ("Bürgerinformationssystem der
# Stadt Koblenz - ...") or its copyright line ("© Landeshauptstadt Hannover").
_COUNCIL_KINDS = (
    r"(?:Landeshauptstadt|Bundesstadt|Hansestadt|Stadt|Gemeinde|Markt|Landkreis|Kreis"
    r"|Samtgemeinde|Verbandsgemeinde|Ortsgemeinde|Städteregion)"
)
_OWNER = re.compile(
    rf"\b{_COUNCIL_KINDS}[ \t]+[A-ZÄÖÜ][\w-]+(?:[ \t]+(?:an der|am|ob der)[ \t]+[A-ZÄÖÜ][\w-]+)?"
    r"(?:[ \t]+\([A-ZÄÖÜ][\w. ]{1,20}\))?"
)
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|Copyright)[ \t]*(?:\d{{4}}[ \t]*)?(?P<owner>{_OWNER.pattern})"
)


# The administration's own name in a footer's address: "Gemeindeverwaltung Ilsfeld".
_ADMINISTRATION_OWNER = re.compile(
    r"\b(?P<kind>Stadt|Gemeinde|Markt|Kreis)verwaltung[ \t]+(?P<place>[A-ZÄÖÜ][\w-]+)"
)
_FOOTERS = "footer, #footer, #main-footer, .footer"
# A footer's address in capitals: "STADT GÜGLINGEN" (Güglingen's eCICS).
_OWNER_UPPER = re.compile(rf"\b({_COUNCIL_KINDS.upper()})[ \t]+([A-ZÄÖÜ][A-ZÄÖÜ-]+)(?![\w-])")


def page_council(page: HtmlPage) -> str | None:
    """The council whose RIS shows the page, where its title, its copyright line ("© 2026
    Markt Sulzberg") or its footer's address ("Stadt Lauffen am Neckar", "Gemeindeverwaltung
    Ilsfeld") names it."""
    title = _OWNER.search(page.title)
    if title is not None:
        return title.group()
    notice = _COPYRIGHT.search(squeeze(page.root.text(separator=" ")))
    if notice is not None:
        return notice.group("owner")
    footer = page.root.css_first(_FOOTERS)
    text = squeeze(footer.text(separator=" ")) if footer is not None else ""
    owner = _OWNER.search(text)
    if owner is not None:
        return owner.group()
    shouted = _OWNER_UPPER.search(text)
    if shouted is not None:
        return " ".join(
            "-".join(part.capitalize() for part in word.split("-")) for word in shouted.groups()
        )
    office = _ADMINISTRATION_OWNER.search(text)
    return f"{office.group('kind')} {office.group('place')}" if office else None


# A page heading that names the paper by its kind and number: "Vorlage IV/2026/117",
# "Drucksache - 22-2402", "Vorgang T 02/325/26", "Sitzungsvorlage 26-32 / V 01121".
_HEADING_REFERENCE = re.compile(
    r"^(?P<kind>(?:[A-ZÄÖÜ][a-zäöüß]+\s+)?(?:Vorlage\w*|Drucksache|Vorgang|\w*vorlage|Antrag"
    r"|Anfrage|\w*[Kk]enntnisgabe))\s*[-–:]?\s+(?P<ref>(?:[A-Z]{1,4}[\s/-]?)?\d[\w./ -]*)$"
)


def heading_reference(page: HtmlPage) -> tuple[str | None, PaperType | None]:
    """The reference (and the kind, where it names one) in the page's first heading."""
    heading = page.root.css_first("h1")
    m = _HEADING_REFERENCE.match(squeeze(heading.text())) if heading is not None else None
    if m is None:
        return None, None
    return m.group("ref").strip(), kind_of(m.group("kind"))


_MONEY_HEADING = re.compile(r"summe|betrag|kosten|euro\b|\beur\b|€", re.I)
_NUMBER_ONLY = re.compile(r"^(?:€|EUR)?\s*-?\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?\s*(?:€|EUR|Euro)?$")


def money_columns(root: LexborNode) -> list[Amount]:
    """The amounts in tables' money columns ("Antragssumme", "Betrag in €"), whose cells
    hold numbers without a currency sign."""
    from extractors import values

    found: list[Amount] = []
    for table in root.css("table"):
        rows = [r for r in table.css("tr") if r.css_first("table") is None]
        if len(rows) < 2:
            continue
        headings = [squeeze(c.text()) for c in rows[0].css("th, td")]
        columns = [i for i, h in enumerate(headings) if len(h) <= 40 and _MONEY_HEADING.search(h)]
        for tr in rows[1:] if columns else []:
            cells = [squeeze(c.text()) for c in tr.css("td, th")]
            for i in columns:
                if i < len(cells) and _NUMBER_ONLY.match(cells[i]):
                    number = re.sub(r"[^\d.,-]", "", cells[i])
                    value = values.parse_number(number)
                    if value and all(a.value != value for a in found):
                        # Named by its row's first cell where that is words, else its column.
                        row = cells[0] if cells and not _NUMBER_ONLY.match(cells[0]) else ""
                        found.append(Amount(value, label=row or headings[i] or None))
    return found


# The column headings of a Beratungsfolge table.
_COMMITTEE_HEADING = re.compile(r"^(?:Gremium|Beratungsfolge|Ausschuss|Gremien)$", re.I)
_DATE_HEADING = re.compile(r"^(?:Datum|Termin|Sitzung(?:sdatum)?|Sitzungstermin)$", re.I)
_ROLE_HEADING = re.compile(r"^(?:Rolle|Zuständigkeit|Beratungsart|Beratung)$", re.I)


def consultations_table(root: LexborNode) -> list[Consultation]:
    """The Beratungsfolge from the first table whose heading row names a committee column
    and a date column: one consultation per row."""
    for table in root.css("table"):
        rows = [r for r in table.css("tr") if r.css_first("table") is None]
        if not rows:
            continue
        headings = [squeeze(c.text()) for c in rows[0].css("th, td")]
        committee = _column(headings, _COMMITTEE_HEADING)
        date = _column(headings, _DATE_HEADING)
        if committee is None or date is None:
            continue
        role = _column(headings, _ROLE_HEADING)
        found = []
        for tr in rows[1:]:
            cells = [value_text(c) for c in tr.css("td, th")]
            if len(cells) <= max(committee, date):
                continue
            organization = cells[committee]
            if not organization:
                continue
            found.append(
                Consultation(
                    organization=organization,
                    public=public_of(organization),
                    date=parse_date(cells[date]),
                    role=cells[role] or None if role is not None and role < len(cells) else None,
                )
            )
        if found:
            return found
    return []


def _column(headings: list[str], pattern: re.Pattern[str]) -> int | None:
    return next((i for i, h in enumerate(headings) if pattern.match(h)), None)


# --- product profiles -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profile:
    """A RIS product's paper page: how it is recognised, and what it reads beyond the
    general reader."""

    product: str
    recognises: Callable[[HtmlPage], bool]
    read: Callable[[HtmlPage], PageFields]
    # Whether the general reader fills what the profile leaves: not on a session's page,
    # whose labelled fields are its items' ("Vorlage: VIII/2026/02530").
    general: bool = True


def _heading_reference(page: HtmlPage, selector: str, pattern: str) -> str | None:
    node = page.tree.css_first(selector)
    if node is None:
        return None
    m = re.search(pattern, squeeze(node.text()))
    ref = m.group("ref").strip() if m else None
    # "Tagesordnung - Sitzung des Ortsgemeinderates Börrstadt": a session's name, no number.
    return ref if ref and _REFERENCE_WORDS.search(ref) else None


def _block_after(anchor: LexborNode) -> str:
    """The text from `anchor` to the next named anchor among its siblings: one of ALLRIS
    classic's Sachverhalt/Beschlussvorschlag/Anlagen blocks."""
    parts = []
    node = anchor.next
    while node is not None:
        if node.tag == "a" and "name" in (node.attributes or {}):
            break
        if node.is_element_node:
            parts.append(html.text(node))
        elif node.tag == "-text":
            parts.append(squeeze(node.text_content or ""))
        node = node.next
    return "\n".join(p for p in parts if p.strip())


def resolution_items(block: str) -> list[ResolutionItem]:
    """A Beschluss block's paragraphs as items, its heading left out, table cells joined,
    the number or bullet of a numbered row or item removed; none where the block says it has
    none."""
    lines = [line for line in block.split("\n") if line.strip()]
    while lines and _RESOLUTION_HEADING.match(lines[0]):
        lines.pop(0)
    if not lines or all(_NOTHING.match(line) for line in lines):
        return []
    items = []
    for line in lines:
        cells = line.split("\t")
        if len(cells) > 1 and re.fullmatch(r"\d{1,4}\.?", cells[0]):
            cells = cells[1:]  # a numbered row: "165 | Olmo e.V. | ... | 1.200,00"
        elif len(cells) > 1 and re.fullmatch(r"(?i)nr\.?", cells[0]):
            continue  # the heading row of such a table
        text = re.sub(r"^\s*(?:\d{1,2}[.)]|[•·▪◦])\s+", "", " ".join(cells))
        items.append(ResolutionItem(squeeze(text)))
    return items


def _allris_classic(page: HtmlPage) -> PageFields:
    """ALLRIS classic's vo020 page: fields in `td.kb1` label cells, the reference in the
    heading ("Drucksache - 22-2402"), the council in the page's headline, the Beratungsfolge
    as a committee row (with its role) followed by its session's date row, the Sachverhalt
    and Beschlussvorschlag as blocks after named anchors."""
    found = PageFields(product="ALLRIS classic (vo020)")
    found.reference = _heading_reference(page, "#risname h1", r"-\s*(?P<ref>\S.*)$")
    headline = page.tree.css_first(".topHeadline")
    if headline is not None and not _SITE_WORDS.search(headline.text()):
        # "Bezirksversammlung Altona"; "Bürgerinformationssystem Winnweiler" names the RIS
        # (of a Verbandsgemeinde whose Ortsgemeinden's papers it shows), not the council.
        found.body = squeeze(headline.text()) or None
    folge = None
    for label_cell in page.root.css("td.kb1"):
        if label_key(label_cell.text()) == "beratungsfolge":
            tr = label_cell.parent
            following = _next_element(tr, ("tr",)) if tr is not None else None
            folge = following.css_first("table") if following is not None else None
            break
    if folge is not None:
        for tr in folge.css("tr"):
            committee = [value_text(c) for c in tr.css("td.text1")]
            date_cell = tr.css_first("td.text2")
            if committee and committee[0]:
                role = committee[1] if len(committee) > 1 and committee[1] else None
                found.consultations.append(Consultation(committee[0], role=role))
            elif date_cell is not None and found.consultations:
                last = found.consultations[-1]
                last.date = last.date or parse_date(date_cell.text())
    anchors = {a.attributes.get("name"): a for a in page.root.css("a[name]")}
    proposal = anchors.get("allrisBV")
    items = resolution_items(_block_after(proposal)) if proposal is not None else []
    facts = _block_after(anchors["allrisSV"]) if "allrisSV" in anchors else ""
    m = _RECOMMENDS.search(facts)
    if m is not None:
        # From the start of the sentence that recommends it.
        start = max(facts.rfind(stop, 0, m.start()) for stop in (".", ":", "\n")) + 1
        items = resolution_items(facts[start:]) + items
    found.resolution = items
    return found


def _allris_net(page: HtmlPage) -> PageFields:
    """ALLRIS net 4's vo020 page: the reference after the kind in its heading ("Schriftliche
    Kenntnisgabe - K 2026/0725"); the Beratungsfolge table (`bfTable`) gives a committee
    row with its role, then its session's row with the date."""
    found = PageFields(product="ALLRIS net 4 (vo020)")
    heading = page.tree.css_first("h1.title")
    if heading is not None:
        kind, _, ref = squeeze(heading.text()).rpartition(" - ")
        if kind_of(ref) is not None and kind_of(kind) is None:
            kind, ref = ref, kind  # "VO/2026/181 - öffentliche Beschlussvorlage"
        # "Tagesordnung - Sitzung des Ortsgemeinderates Börrstadt": a session's name, no number.
        found.reference = ref if ref and _REFERENCE_WORDS.search(ref) else None
        found.paper_type = kind_of(kind)
    table = page.root.css_first("table.bfTable")
    if table is not None:
        for tr in table.css("tbody tr"):
            cells = [value_text(c) for c in tr.css("td")]
            if len(cells) < 4:
                continue
            date = parse_date(cells[1])
            if date is None and cells[2]:
                found.consultations.append(
                    Consultation(cells[2], role=cells[3] or None, public=public_of(cells[2]))
                )
            elif date is not None and found.consultations:
                last = found.consultations[-1]
                if last.date is None:
                    last.date = date
                else:  # a second session of the committee, the first having adjourned it
                    found.consultations.append(replace(last, date=date))
    return found


# "Verwaltungsausschuss (nicht-öffentlich)": a committee that meets in private, as the
# Beratungsfolge prints it (Laatzen).
_PUBLIC_MARK = re.compile(r"\((?P<not>nicht[- ]?)?öffentlich\)\s*$", re.I)


def public_of(organization: str) -> bool | None:
    """Whether the committee meets in public, where its name in the table says so."""
    m = _PUBLIC_MARK.search(organization)
    return None if m is None else not m.group("not")


def _sessionnet(page: HtmlPage) -> PageFields:
    """SessionNet's vo0050 page: fields in `smc-table-row`s (`vobetr`, `voname`, `vovaname`);
    the Beratungsfolge is on another tab (vo0053), not on this page."""
    found = PageFields(product="SessionNet (vo0050)")
    for css, name in (("div.vobetr", "name"), ("div.voname", "reference")):
        node = page.root.css_first(css)
        if node is not None:
            setattr(found, name, value_text(node) or None)
    node = page.root.css_first("div.vovaname")
    if node is not None:
        found.paper_type = kind_of(value_text(node))
    return found


# SessionNet's session pages (si0050 the session's details, si0056/si0057 and to0040 its
# agenda): every page whose layout class names a session ("si") or an agenda ("to").
_SESSIONNET_SESSION = '[class*="smc_page_si0"], [class*="smc_page_to0"]'


def _sessionnet_session(page: HtmlPage) -> PageFields:
    """A SessionNet session page: an agenda, read as an Einladung named by its session as
    the page title gives it ("SessionNet | Hauptausschuss - 28.09.2026 - 17:00 Uhr") and
    dated by the session. The papers of its items are theirs, not the page's."""
    found = PageFields(product="SessionNet (session)", paper_type=PaperType.EINLADUNG)
    _, bar, session = page.title.partition("|")
    name = squeeze(session if bar else page.title)
    if name:
        found.name = name
        found.date = parse_date(name)
    return found


# more!rubin draws its pages from data in a script: window.components["MeetingPage__x"] =
# { props: {...}, store: ... }.
_RUBIN_PROPS = re.compile(
    r"window\.components\[[^\]]+\]\s*=\s*\{\s*props:\s*(\{.*?\})\s*,\s*store:", re.S
)


def _rubin(page: HtmlPage) -> PageFields:
    """more!rubin's meeting page: the session's title, date, committees and agenda items are
    the props of a script component; the page's DOM holds none of them."""
    # "Rats- und Bürgerinfosystem Stadt Eibenstock": the council in the page title.
    found = PageFields(product="more!rubin (component page)", owner=page_council(page))
    for script in page.tree.css("script"):
        props = _component_props(script.text())
        meeting = props.get("passed-meeting") if props else None
        if not isinstance(meeting, dict):
            continue
        found.paper_type = PaperType.EINLADUNG
        found.name = str(meeting.get("titel") or "") or None
        found.date = parse_date(_german_date(str(meeting.get("datum") or "")))
        parts = [found.name or ""]
        parts += [str(c.get("name", "")) for c in _dicts(meeting.get("committees"))]
        parts += [str(i.get("title", "")) for i in _dicts(meeting.get("agenda_items"))]
        found.text = "\n".join(squeeze(part) for part in parts if part.strip())
        break
    return found


def _component_props(script: str) -> dict[str, object] | None:
    m = _RUBIN_PROPS.search(script)
    if m is None:
        return None
    try:
        props = json.loads(m.group(1))
    except (ValueError, RecursionError):
        return None
    return props if isinstance(props, dict) else None


def _dicts(value: object) -> list[dict[str, object]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _german_date(iso: str) -> str:
    """ "2026-09-10" as "10.09.2026", which parse_date reads."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso.strip())
    return f"{m.group(3)}.{m.group(2)}.{m.group(1)}" if m else iso


def _sdnet(page: HtmlPage) -> PageFields:
    """SD.NET RIM 4's Vorgang page: fields in `table.table-details`, where the reference's
    label names the kind ("Vorlage zur Kenntnis:"); the council after the "|" of the page
    title; the Beratungsfolge in `table.table-vorgang` with classed columns."""
    found = PageFields(product="SD.NET RIM 4 (Vorgang)")
    _, bar, council = page.title.rpartition("|")
    if bar and council.strip():
        found.body = council.strip()
    for tr in page.root.css("table.table-vorgang tbody tr"):
        committee = tr.css_first("td.column-gremium")
        when = tr.css_first("td.column-beginn")
        if committee is not None and value_text(committee):
            found.consultations.append(
                Consultation(value_text(committee), date=parse_date(when.text()) if when else None)
            )
    return found


def _provox(page: HtmlPage) -> PageFields:
    """PROVOX IIP's Vorlagendetails page: the reference beside the heading, the title in
    an `h3`, the department in `dd.aidepartment`, the Beschlusstext in a `dd`, and the
    Beratungsfolge table headed "Beratungsfolge | Datum"."""
    found = PageFields(product="PROVOX IIP (Vorlagendetails)")
    heading = page.root.css_first("div.heading")
    if heading is not None:
        number = heading.css_first("span")
        found.reference = value_text(number) if number is not None else None
    title = page.root.css_first("h3")
    if title is not None:
        found.name = value_text(title) or None
    for term in page.root.css("dt"):
        if label_key(term.text()) == "beschlusstext":
            text = _next_element(term, ("dd",))
            if text is not None:
                found.resolution = resolution_items(html.text(text).replace("\n", " "))
    return found


def _muenchen(page: HtmlPage) -> PageFields:
    """RIS München's Sitzungsvorlage page: the reference in the heading ("Sitzungsvorlage
    26-32 / V 01121"), the Betreff in its own card, key/value rows, and the sessions that
    dealt with it under "Ergebnisse" (newest first)."""
    found = PageFields(product="RIS München (Sitzungsvorlage)")
    found.reference = _heading_reference(
        page, "h1.page-title span", r"^(?:Sitzungsvorlage|Antrag|Vorlage)\s+(?P<ref>\S.*)$"
    )
    subject = page.root.css_first("#sectionheader-betreff")
    card = subject.parent if subject is not None else None
    while card is not None and card.tag != "section":
        card = card.parent
    body = card.css_first("div.card-body p") if card is not None else None
    if body is not None:
        found.name = value_text(body) or None
    for item in page.root.css("#ergebnisse .list-group-item"):
        links = [value_text(a) for a in item.css("a")]
        date = next((d for d in map(parse_date, links) if d), None)
        committee = next(
            (a for a in item.css("a") if "gremium" in (a.attributes.get("href") or "")), None
        )
        if committee is not None:
            found.consultations.append(Consultation(value_text(committee), date=date))
    return found


def _has(selector: str) -> Callable[[HtmlPage], bool]:
    return lambda page: page.tree.css_first(selector) is not None


PROFILES: tuple[Profile, ...] = (
    Profile(
        "ALLRIS classic (vo020)",
        lambda p: (
            p.meta("description").startswith("ALLRIS net Version 3")
            or p.tree.css_first("#allriscontainer td.kb1") is not None
        ),
        _allris_classic,
    ),
    Profile(
        "ALLRIS net 4 (vo020)",
        lambda p: (
            p.meta("description").startswith("ALLRIS net Version 4")
            or p.tree.css_first("#allris table.bfTable") is not None
        ),
        _allris_net,
    ),
    Profile(
        "SessionNet (vo0050)",
        lambda p: (
            p.tree.css_first(".smc_page_vo0050_layout, #smc_page_vo0050_contenttable1") is not None
        ),
        _sessionnet,
    ),
    Profile("SessionNet (session)", _has(_SESSIONNET_SESSION), _sessionnet_session, general=False),
    Profile(
        "more!rubin (component page)",
        lambda p: p.meta("author") == "more! software" and _has("div[component]")(p),
        _rubin,
        general=False,
    ),
    Profile(
        "SD.NET RIM 4 (Vorgang)",
        lambda p: (
            "SD.NET RIM" in p.title or p.tree.css_first("#rimcontent .table-details") is not None
        ),
        _sdnet,
    ),
    Profile(
        "PROVOX IIP (Vorlagendetails)",
        lambda p: p.tree.css_first('a[href*="provox.de"], dd.aidepartment') is not None,
        _provox,
    ),
    Profile(
        "RIS München (Sitzungsvorlage)",
        lambda p: (
            "RatsInformationsSystem München" in p.title
            and p.tree.css_first(".keyvalue-row") is not None
        ),
        _muenchen,
    ),
)


# A kind label that names the administration as the paper's author.
_BY_ADMINISTRATION = re.compile(
    r"\b(?:der Verwaltung|des Bezirksamte?s|der Stadtverwaltung|des (?:Ober)?Bürgermeisters"
    r"|der Kreisverwaltung|des Landrat(?:e?s))\b",
    re.I,
)
# An administration naming itself.
_ADMINISTRATION = r"\b(?:Bezirksamt|Stadtverwaltung|Kreisverwaltung|Landratsamt|Gemeindeverwaltung)"


def _kind_label(page: HtmlPage) -> str:
    """The value of the page's kind field ("Drucksache-Art", "Vorlageart"), or ""."""
    for label, node in labelled(page.root):
        if LABELS.get(label_key(label)) == "paper_type":
            return value_text(node)
    return ""


def recognise(page: HtmlPage) -> Profile | None:
    return next((p for p in PROFILES if p.recognises(page)), None)


def read(page: HtmlPage) -> PageFields:
    """The page's fields: its product's profile first, the general reader for the rest."""
    profile = recognise(page)
    found = profile.read(page) if profile is not None else PageFields()
    if profile is None or profile.general:
        found.fill(general(page))
    # Whatever the product, the page's chrome may name the council whose RIS it is.
    found.owner = found.owner or page_council(page)
    if found.body and _BY_ADMINISTRATION.search(_kind_label(page)):
        # A paper of the administration is issued by it, not by the council whose RIS
        # shows it: by the administration of the same place that it names ("Das Bezirksamt
        # Eimsbüttel teilt mit" on the page of the Bezirksversammlung Eimsbüttel).
        place = found.body.split(maxsplit=1)[-1]
        m = re.search(_ADMINISTRATION + r"\s+" + re.escape(place) + r"\b", html.text(page.root))
        found.body = m.group() if m else None
    if found.paper_type in NO_RESOLUTION:
        found.resolution = []
    if found.paper_type is None and found.resolution:
        # A paper that names no kind but puts a Beschluss to the council proposes it.
        found.paper_type = PaperType.BESCHLUSSVORLAGE
    return found


# --- the read stage for web pages -----------------------------------------------------------

# What a login or error page, saved instead of the paper, says in its title or heading.
_NOT_A_PAPER = re.compile(
    r"\b(?:Fehler|Error|nicht gefunden|not found|404|403|500|Zugriff verweigert|access denied|"
    r"abgelaufen|expired|Anmeldung|Login|Log-in|keine Berechtigung|nicht berechtigt)\b",
    re.I,
)


# Headings of a paper's page, which a login or error page lacks.
_PAPER_WORDS = re.compile(
    r"\b(?:Beratungsfolge|Beschlussvorschlag|Beschlusstext|Sachverhalt|Begründung|Betreff|Petitum)\b"
)


def read_page(data: bytes) -> ReadResult:
    """A saved RIS page to one page of text and its labelled fields. Raises DocumentError
    subclasses with a one-line reason, for a login or error page saved instead of a paper
    among others."""
    from pipeline.errors import UnreadableDocument
    from pipeline.model import Page
    from pipeline.read.reader import ReadResult

    page = html.parse(data)
    text = html.text(page.root)
    fields = read(page)
    if not fields.names_a_paper and not _PAPER_WORDS.search(text):
        heading = page.root.css_first("h1")
        said = " ".join(s for s in (page.title, squeeze(heading.text()) if heading else "") if s)
        if page.root.css_first('input[type="password"]') is not None:
            raise UnreadableDocument(
                "a login page, not a paper: it asks for a password and names no Betreff or"
                " Vorlage (save the paper's page after logging in)"
            )
        if _NOT_A_PAPER.search(said):
            raise UnreadableDocument(f"an error page, not a paper: {said[:80]!r}")
    if not text.strip():
        text = fields.text  # a page drawn from data in a script (more!rubin)
    if not text.strip():
        raise UnreadableDocument("HTML page without text")
    return ReadResult(
        pages=[Page(1, text)],
        kind="html",
        encoding=page.encoding,
        warnings=page.warnings,
        judged_clean=True,  # a page's own text is no OCR garbage
        fields=fields,
    )
