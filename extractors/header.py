"""Header fields: reference, date, name (Betreff), body, department.

All are read from the paper's header form (extractors.form) first; where the form lacks a
field, from the places German council papers put it: a Vorlagen-Nr. alone on a line, the
letter date ("Augsburg, den 26.11.2025"), the sign-off of the Sitzungsdienst, the council's
name in the letterhead or the title.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from collections import Counter
from typing import Any

from extractors import committees, evidence, form, scan, title, values, vocab
from pipeline import segment
from pipeline.model import Evidence, PaperType, Parsed, Record

# How many lines from the top the header form and title are looked for in.
HEAD_LINES = form.HEAD_LINES

# A code-style Vorlagen-Nr. alone on a line, or in its first cell ("2026-31/DS-I(A)0027<TAB>
# Ausgegeben am 15.05.2026"; see form.CODE_REFERENCE).
_CODE_REFERENCE = re.compile(
    # "DS 13/2024 1. Ergänzung": a supplement's number is the paper's with its count.
    rf"^\s*(?P<ref>(?:{form.CODE_REFERENCE})"
    r"(?:[ ]+\d{1,2}\.[ ]+(?:Ergänzung|Änderung|Nachtrag))?)[ ]*(?:\t[^\n]*)?$",
    re.M,
)

_WEEKDAYS = values.WEEKDAYS
_DATE_ONLY = re.compile(rf"\s*{values.DATE_TEXT}\s*\.?\s*")
# A letter's date line (see values.LETTER_DATE).
_LETTER_DATE = values.LETTER_DATE
# The Sitzungsdienst signs a paper off with its office's name over the date:
# "Hauptamt - Sitzungsdienste -" / "10. Juli 2009".
_OFFICE_LINE = re.compile(r"\b\w*(?:amt|Amt|Dezernat|Referat)\b.*[-–]\s*$")
# How many lines from the top a letterhead reaches.
_LETTERHEAD_LINES = 10
# How far a paper without a form is searched for a date alone on its line.
_DATE_LINE_REACH = 20
# A paper's number with its date: "117/2024 vom 03.06.2024", in the paper's first lines.
_NUMBER_OF_DATE = re.compile(rf"\d[\d/.-]*\d[ \t]+vom:?[ \t]+(?P<date>{values.DATE_TEXT})")
_NUMBER_DATE_LINES = 15
# The longest line a heading or form row is; a longer one is a paragraph of prose.
_HEADING_LINE_LENGTH = 160
_SUBMITTED = re.compile(rf"\bvom:?\s+(?P<date>{values.DATE_TEXT})")
_ENDS_IN_DATE = re.compile(rf"[ \t](?P<date>{values.DATE_TEXT})[ \t]*$")
# "Ausgegeben am 15.05.2026" (Offenbach's PIO), "Erstellt am: 03.06.2024": the day the paper
# was issued, in its head.
_ISSUED = re.compile(
    r"\b(?:Ausgegeben|Ausgefertigt|Erstellt|Herausgegeben)[ \t]+am:?[ \t]+"
    rf"(?P<date>{values.DATE_TEXT})"
)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    text = _without_markdown(doc.text)
    lines = scan.first_lines(text, HEAD_LINES)
    if lists_papers(text):
        # A list's council is still the council its pages name.
        council = body(lines[:_LETTERHEAD_LINES], form.Form(), None) or only_body_named(text)
        return {"reference": None, "date": None, "name": None, "body": council, "department": None}
    paper_form = form.read(lines)
    if record.paper_type in _SESSION_PAPERS and len(paper_form.values("title")) > 1:
        # "Punkt 1 der Tagesordnung", "Punkt 2 der Tagesordnung": the items of whole minutes
        # (Münster), none of them the minutes' name.
        paper_form = _without_titles(paper_form)
    ref = _head_reference(lines, paper_form, record.paper_type)
    flat_ref, flat_date = _flattened_head(lines) if ref is None else (None, None)
    ref = ref or flat_ref
    in_foot = None if ref or record.paper_type in _SESSION_PAPERS else _running_reference(text)
    anchor = next((i for i, line in enumerate(lines) if ref and ref in line), None)
    name = _titled_reference(lines, ref) or title.find(text, paper_form, anchor)
    if name is not None and _SALUTATION.match(name):
        name = None  # "Sehr geehrte Frau Bezirksbürgermeisterin, ...": a letter's opening
    if name is None and record.paper_type in _MOTIONS:
        name = motion_heading(lines) or _named_heading(lines, anchor)
    if name is None:
        name = front_matter_title(scan.first_lines(doc.text, HEAD_LINES))
    if record.paper_type in _SESSION_PAPERS:
        heading = session_heading(lines)
        labelled = paper_form.first("title")
        # A Betreff right under the heading is the subject of the one item an extract
        # ("Auszug") records; one further down belongs to an item inside whole minutes.
        if heading and (labelled is None or labelled.line - heading[0] > _SUBJECT_REACH):
            name = heading[1]
        elif heading is None:
            # An extract is named by its item, whatever lines follow the paper's number.
            name = (
                _extract_item(lines)
                or _dated_item(lines)
                or name
                or _labelled_session(paper_form)
                or _committee_session(lines)
                or _session_table_name(lines)
                or session_line(lines)
                or _bare_kind_heading(lines)
            )
    published = _front_matter_date(doc.text)
    # A website's post dates itself in its front matter; its text's dates deeper down are
    # the sessions and papers it speaks of ("GRS am 09.11.20 TOP 4").
    searched = "\n".join(lines) if published else text
    date = (
        paper_date(searched, lines, paper_form, record.paper_type, name) or flat_date or published
    )
    if date is None and record.paper_type in _SESSION_PAPERS:
        date = session_date(paper_form, name, lines, text)
    # The letterhead's council, else the one whose council decides it in the Beratungsfolge
    # ("Gemeinderat Ahnsen   26.03.2026"), before a council the form or text names.
    council = (
        body(lines[:_LETTERHEAD_LINES], form.Form(), None)
        or _council_in_beratungsfolge(lines)
        or body(lines, paper_form, name)
    )
    named_once = None if council else only_body_named(text)
    fields = {
        "reference": ref or in_foot,
        "date": date,
        "name": name,
        "body": council or named_once,
        # A session's papers are no office's: the offices and filers their agenda items
        # name ("Zuständig: GB Soziales", "Einreicher: ...") are the items'.
        "department": (
            None
            if record.paper_type in _SESSION_PAPERS
            else department(paper_form) or office_under_head(lines)
        ),
    }
    graded = _evidence(fields, lines, paper_form)
    if in_foot:
        graded["reference"] = evidence.inferred("running head or foot")
    if council:
        graded["body"] = evidence.placed("letterhead or heading")
    elif named_once:
        graded["body"] = evidence.inferred("the one council the text names")
    return {**fields, "evidence": graded}


def _without_titles(paper_form: form.Form) -> form.Form:
    titles = {e.line for e in paper_form.entries if e.field == "title"}
    return form.Form(
        [e for e in paper_form.entries if e.field != "title"], paper_form.lines - titles
    )


def _evidence(
    fields: dict[str, Any], lines: list[str], paper_form: form.Form
) -> dict[str, Evidence]:
    """How each found value was come by (extractors/evidence.py): under its form label,
    elsewhere in the first lines (a heading, the letterhead), or further away (the running
    foot, the text)."""
    head = " ".join("\n".join(lines).split())
    graded: dict[str, Evidence] = {}
    for entry in paper_form.entries:
        value = fields.get(_GRADED_AS.get(entry.field, entry.field))
        if value is None or _GRADED_AS.get(entry.field, entry.field) in graded:
            continue
        as_printed = " ".join(entry.value.split())
        if isinstance(value, dt.date):
            labelled = values.parse_date(entry.value) == value
        else:
            labelled = bool(as_printed) and (value == entry.value or value.startswith(as_printed))
        if labelled:
            graded[_GRADED_AS.get(entry.field, entry.field)] = (
                evidence.labelled(f"label '{entry.label}'")
                if entry.label
                else evidence.placed("an office's line in the form")
            )
    for name in ("reference", "date", "name"):
        value = fields[name]
        if value is None or name in graded:
            continue
        if isinstance(value, dt.date):
            printed = any(found == value for _, found in values.find_dates(head))
        else:
            printed = " ".join(value.split())[:_PRINTED_PREFIX] in head
        graded[name] = (
            evidence.placed("first lines") if printed else evidence.inferred(_FURTHER_AWAY[name])
        )
    return graded


# Form fields that give a record field of another name: a session's date dates its minutes,
# a motion's submission date the motion.
_GRADED_AS = {"session": "date", "submitted": "date", "title": "name"}
# How much of a value is looked for in the first lines: a name may be cut or go on there.
_PRINTED_PREFIX = 40
_FURTHER_AWAY = {
    "reference": "a line further down",
    "date": "a date further down",
    "name": "a line further down",
}


# Papers of a session, not of a matter: their name is their heading, their date the
# signature's or else the session's.
_SESSION_PAPERS = frozenset({PaperType.NIEDERSCHRIFT, PaperType.EINLADUNG})
# "ÖFFENTLICHE NIEDERSCHRIFT", "Protokoll", "BEKANNTMACHUNG", "Einladung zur": the heading's
# first line, the kind word perhaps after an adjective.
_SESSION_KIND = re.compile(
    r"^[ \t]*(?:(?:öffentliche|nichtöffentliche|nicht öffentliche)[ \t]+)?"
    # "Öffentlicher Teil der Niederschrift über die 2. Sitzung ..." (an Amtsblatt's notice).
    r"(?:(?:öffentlicher|nichtöffentlicher|nicht öffentlicher)[ \t]+Teil[ \t]+der[ \t]+)?"
    r"(?:Niederschrift|Sitzungsniederschrift|Beschlussniederschrift|Protokoll|Sitzungsprotokoll"
    r"|Wortprotokoll|Ergebnisprotokoll|Beschlussprotokoll|Kurzprotokoll|Bekanntmachung|Einladung"
    # "Unterrichtung über die öffentliche Sitzung des Verbandsgemeinderates am ..." (the
    # record a Verbandsgemeinde publishes of a session).
    r"|Unterrichtung[ \t]+über[ \t]+die[ \t]+öffentliche[ \t]+Sitzung"
    r"|Tagesordnung|Nachtrag[ \t]+zur[ \t]+Tagesordnung)\b",
    re.I,
)
# A heading goes on with "der 17. Sitzung ...", "über die 6. Sitzung", "zur 18. Sitzung",
# "(öffentlicher Teil)", "Sitzung des Kulturausschusses", "7. Sitzung des Rates", or the
# rest of a committee's name ("und Friedhofswesen (ISF/025/2012)").
# A heading that names the session by a word ending in "sitzung", a few words at most:
# "Öffentliche Gemeinderatssitzung 21.01.2026" (Schiltach), "Gemeinderat-Sitzung" (Cleebronn).
_SESSION_WORD = re.compile(r"\w*-?[Ss]itzung\b")
_SESSION_TITLE = re.compile(
    r"[ \t]*(?:[A-ZÄÖÜ][\wäöüß.-]*[ \t]+){0,3}[\wÄÖÜäöüß]*-?[Ss]itzung"
    # "Sitzung des Gemeinderats" (Zaberfeld's page prints "des des"): the body it is of.
    r"(?:(?:[ \t]+(?:des|der))+[ \t]+[A-ZÄÖÜ][\wäöüß-]+(?:[ \t]+[\wäöüß-]+){0,4})?"
    rf"(?:[ \t]+(?:vom[ \t]+|am[ \t]+)?{values.DATE_TEXT})?[ \t]*"
)
_SESSION_DATE_LINE = re.compile(r"[ \t]*Sitzung[ \t]+(?:am|vom)\b")
_HEADING_GOES_ON = re.compile(
    r"^[ \t]*(?:(?:der|des|zur|zum|über|für|vom|über die|und|sowie)\b"
    r"|\((?:nicht)?öffentlicher Teil\)"
    r"|(?:\d{1,3}\.[ \t]*)?Sitzung\b)",
    re.I,
)
_DANGLING = re.compile(
    r"(?:\b(?:der|des|die|dem|den|im|in|am|zur|zum|über|für|und|vom)|,)[ \t]*$", re.I
)
_HEADING_LINES = 4
# How far from the top a session's day is looked for.
_SESSION_DAY_LINES = 30
# How far from the top a heading of the kind word alone is taken for a name.
_BARE_HEADING_LINES = 8
_SUBJECT_REACH = 12


# Papers a group or the administration writes about one matter, often as a letter.
_MOTIONS = frozenset({PaperType.ANTRAG, PaperType.ANFRAGE, PaperType.STELLUNGNAHME})
# "Antrag zur Erweiterung der Sozialen Stadt Büchenbach Nord", "Anfrage betreffend ...": a
# motion's kind and its subject in one heading line.
_MOTION_HEADING = re.compile(
    r"^[ \t]*(?:Antrag|Anfrage|Änderungs-?antr(?:ag|äge)|Anträge|Stellungnahme|Beantwortung)"
    # "Änderungs-Anträge der BfB-Fraktion zum Haushaltsentwurf 2023 ..." (Bensheim): the
    # group that makes it between the kind and its subject.
    r"(?:[ \t]+de[rs][ \t]+\S*[Ff]raktion)?[ \t]+"
    r"(?:zur|zum|zu|über|für|auf|betreffend|betr\.|bzgl\.|wegen)[ \t]+\S.{5,200}$",
    re.I,
)
# "Antrag: Pestizidfreie Kommune": the kind, a colon, and the subject, which is the name.
_KIND_COLON_SUBJECT = re.compile(
    r"^[ \t#*]*(?:Antrag|Anfrage|Änderungsantrag|Prüfantrag|Dringlichkeitsantrag)"
    r"(?:[ \t]*:[ \t]*(?P<subject>[A-ZÄÖÜ\d\"„].{3,200})"
    # "Antrag – auf Aufstockung der Haushaltsposition" (a group's website, Vallendar)
    r"|[ \t]+[–-][ \t]+(?P<dashed>\w.{3,200}))$"
)


# "Antrag zur Sitzung des Stadtrates am 27.02.2024": a heading that names the session the
# motion is for, not its subject; the subject is the line below.
_FOR_SESSION = re.compile(
    r"^[ \t]*\S+[ \t]+(?:(?:zur|für die)[ \t]+(?:\S+[ \t]+)?Sitzung\b"
    # "Anfrage zur Überweisung in den Ausschuss für Schule, Jugend und Bildung" (Kassel)
    r"|zur[ \t]+Überweisung[ \t]+(?:in|an)[ \t]+(?:den|die|das)\b)",
    re.I,
)


# A paper published on a website as Markdown opens with its front matter: "---" /
# "title: 'Fragen der Fraktion MUM an Bürgermeister Kleiner'" / ... / "---".
_FRONT_MATTER_TITLE = re.compile(r"""^title:[ \t]*(?P<q>["']?)(?P<title>.+?)(?P=q)[ \t]*$""")


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?:.*\n){0,30}?---[ \t]*$", re.M)
_FRONT_MATTER_DATE = re.compile(
    r"^(?:date|pubDate|publishDate|published|datum):[ \t]*['\"]?(?P<date>[^'\"\n]+)", re.M | re.I
)
# A Markdown heading's marks: "## Beschlussvorschlag".
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+", re.M)


def _without_markdown(text: str) -> str:
    """The text with a Markdown file's front matter and heading marks blanked out (offsets
    kept): the front matter is the website's, the paper starts below it."""
    text = _FRONT_MATTER.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text, count=1)
    return _MARKDOWN_HEADING.sub(lambda m: " " * len(m.group()), text)


def without_front_matter(text: str) -> str:
    """The text below a Markdown file's front matter (the whole text where it has none)."""
    m = _FRONT_MATTER.match(text)
    return text[m.end() :] if m else text


def _front_matter_date(text: str) -> dt.date | None:
    """The date in a Markdown file's front matter ("date: 2026-07-20")."""
    m = _FRONT_MATTER.match(text)
    found = _FRONT_MATTER_DATE.search(m.group()) if m else None
    if found is None:
        return None
    value = found.group("date").strip()
    iso = re.match(r"\d{4}-\d{2}-\d{2}", value)
    if iso:  # "2026-07-20", "2026-07-20T10:00:00Z"
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(iso.group())
        return None
    return values.parse_date(value) or values.english_date(value)  # "Dec 11 2020"


def front_matter_title(lines: list[str]) -> str | None:
    """The title in a Markdown file's front matter, if the text opens with one."""
    if not lines or lines[0].strip() != "---":
        return None
    for line in lines[1:30]:
        if line.strip() == "---":
            return None
        m = _FRONT_MATTER_TITLE.match(line)
        if m:
            return title.join([m.group("title").replace("\\", "")])
    return None


# A RIS page that lists several papers, no paper itself: TI-Generator's list of files ("Akte
# 1 - 2026 ( 1 )", "Akte 2 - 2026 ( 2 )"), or two sessions' invitations ("Einladung Nr.:
# 0008/26", "Einladung Nr.: 0007/26").
_LISTED_FILE = re.compile(r"[ \t]*Akte[ \t]+\d{1,4}[ \t]+-[ \t]+\d{4}\b")
_LISTED_INVITATION = re.compile(r"[ \t]*Einladung[ \t]+Nr\.?[ \t]*:[ \t]*(\S+)")


def lists_papers(text: str) -> bool:
    """Whether the text is a list of several papers (see _LISTED_FILE): it has no one name,
    number or date."""
    files = scan.finditer_at(_LISTED_FILE, text, scan.line_starts(text, "Akte"))
    if len(list(files)) >= 2:
        return True
    invitations = scan.finditer_at(_LISTED_INVITATION, text, scan.line_starts(text, "Einladung"))
    return len({m.group(1) for m in invitations}) >= 2


def motion_heading(lines: list[str]) -> str | None:
    """The heading line of a motion written as a letter, naming its kind and subject."""
    for i, line in enumerate(lines[:30]):
        colon = _KIND_COLON_SUBJECT.match(line)
        if colon:
            return title.join([colon.group("subject") or colon.group("dashed")])
        if _MOTION_HEADING.match(line) and not line.rstrip().endswith((",", ":")):
            if _FOR_SESSION.match(line):
                subject = _subject_below(lines, i + 1)
                if subject and len(subject) <= _MAX_SUBJECT:
                    return subject
                # The subject above the heading that routes it (Kassel's group post).
                above = _subject_above(lines, i)
                if above:
                    return above
            parts = [line]
            # A heading cut after "und"/"der" goes on on the next line.
            if _DANGLING.search(line) and i + 1 < len(lines) and lines[i + 1].strip():
                parts.append(lines[i + 1])
            return title.join(parts)
        if _BARE_MOTION.fullmatch(line):
            # "Gemeinsamer Antrag" over "Quartiersparkhaus am Schulzentrum: ...": the subject;
            # "Anfrage gemäß § 17 der Geschäftsordnung" / "zur Sitzung des ... am ..." over it.
            below = i + 1
            while below < len(lines) and _FOR_SESSION_LINE.match(lines[below]):
                below += 1
            subject = _subject_below(lines, below)
            if (subject is None or len(subject) > _MAX_SUBJECT) and "§" in line:
                # Prose under the kind and its rule: the subject is the line above them
                # ("Beschilderung in Töttelstädt" / "Anfrage nach § 9 (1) der
                # Geschäftsordnung", Erfurt); above a bare kind stands its maker's name.
                subject = _subject_above(lines, i)
            if subject and not _SALUTATION.match(subject):
                return subject
    return None


# A motion's kind alone on its line, perhaps after an adjective ("Interfraktioneller Antrag").
_BARE_MOTION = re.compile(
    r"[ \t]*(?:[A-ZÄÖÜ][a-zäöüß]{2,}(?:er|es|e)[ \t]+)?"
    # "Ratsanfrage nach § 14 GO der Stadt Garbsen": a compound kind.
    r"(?:Antrag|Anfrage|Änderungsantrag|Ratsanfrage|Prüfantrag|Ergänzungsantrag)"
    # "Anfrage gemäß § 17 der Geschäftsordnung": the rule it is made under.
    r"(?:[ \t]+(?:gemäß|gem\.|nach)[ \t]+§[^\n]{1,60})?[ \t]*"
)
# "zur Sitzung des Ausschusses für Umwelt am 20.03.2024" under a motion's kind: its session.
_FOR_SESSION_LINE = re.compile(r"[ \t]*(?:zur|für die)[ \t]+(?:\S+[ \t]+)?Sitzung\b", re.I)
_SALUTATION = title.SALUTATION


_MAX_SUBJECT = 200


def _subject_above(lines: list[str], kind: int) -> str | None:
    """The short line right above a motion's kind line (a blank line between them at most),
    where it is no site's line, label or date."""
    above = next((j for j in range(kind - 1, -1, -1) if lines[j].strip()), None)
    if above is None or kind - above > 2:
        return None
    line = lines[above].strip()
    if len(line) > _MAX_SUBJECT // 2 or re.search(r"https?://|www\.|\d{1,2}\.\d{1,2}\.\d{2}", line):
        return None
    if form.label_line(line) is not None or line.endswith((".", ":", ",")):
        return None
    return line


def _subject_below(lines: list[str], start: int) -> str | None:
    """The subject printed under a motion's session heading: its first block of at most two
    lines, unless that is a salutation or a label."""
    block: list[str] = []
    for line in lines[start : start + 3]:
        if not line.strip():
            if block:
                break
            continue
        if block and form.label_line(line.strip()) is not None:
            break  # "Vorlage: 0456/2024" under the subject
        if block and title.names_a_kind(line.strip()):
            break  # "Antrag Stadtverordnete ... vom 12.08.2026," under the item's subject
        if block and _SALUTATION.match(line.strip()):
            break  # the letter begins right under the subject, no blank line between
        block.append(line)
    if not block or len(block) > 2 or block[0].rstrip().endswith((",", ":")):
        return None
    if form.label_line(block[0].strip()) is not None:
        return None
    return title.join(block)


def session_heading(lines: list[str]) -> tuple[int, str] | None:
    """The heading a Niederschrift or Einladung is named by: "ÖFFENTLICHE NIEDERSCHRIFT" /
    "der 17. Sitzung des Gemeinderates Ahnsen", without the "am Donnerstag, ..." line after."""
    start = next(
        (
            i
            for i, line in enumerate(lines[:20])
            if (_SESSION_KIND.match(line) or _SESSION_TITLE.fullmatch(_first_cell(line)))
            # "Öffentliche Sitzung, 18:00 Uhr bis 19:45 Uhr": a part of the session, not it
            and not title.SESSION_PART.fullmatch(_first_cell(line).strip())
            and _first_cell(line).strip().casefold() != "sitzung"  # a table's column heading
        ),
        None,
    )
    if start is None:
        return None
    parts = [_first_cell(lines[start])]
    for k, line in enumerate(lines[start + 1 : start + 1 + _HEADING_LINES]):
        line = _first_cell(line)
        if not line.strip():
            if k == 0:
                continue  # OCR sets a blank line between a heading's lines
            break
        if not (_HEADING_GOES_ON.match(line) or _DANGLING.search(parts[-1])):
            break
        if _SESSION_WORD.search(parts[-1]) and _SESSION_DATE_LINE.match(line):
            # "Gemeinderatssitzung" / "Sitzung am 22.09.2026 um 19:00 Uhr im Sitzungssaal"
            # (eCICS): the day completes the name, as under a body's name alone (Ilsfeld).
            parts.append(line)
            break
        parts.append(line)
    if len(parts) == 1 and "sitzung" not in parts[0].lower() and not values.find_dates(parts[0]):
        return None  # a bare "Protokoll" names no session; "Protokoll vom 02.03.2004" does
    joined = title.join(parts)
    return (start, joined) if joined else None


# "Auszug aus der Niederschrift": the record of one item of a session.
_EXTRACT = re.compile(
    r"^[ \t]*Auszug[ \t]+aus[ \t]+(?:der|dem)[ \t]+(?:Niederschrift|Protokoll)", re.I | re.M
)
# The item's number: "TOP 5", "Tagesordnungspunkt 5:", "Punkt 5 der Tagesordnung".
_ITEM_NUMBER = re.compile(
    r"^[ \t]*(?:TOP|Tagesordnungspunkt|Punkt)[ \t]*\d{1,3}(?:\.\d{1,2})?\.?"
    r"(?:[ \t]+der[ \t]+Tagesordnung)?[ \t]*:?[ \t]*(?P<rest>[^\n]*)$"
)


# How far below an extract's item number the number of its paper is looked for.
_ITEM_PAPER_LINES = 6
# A paper's number ending a line: "Antrag ... vom 12.08.2026, 2026-31/DS-I(A)0080".
_LINE_END_REFERENCE = re.compile(rf"(?:^|[ \t,])(?P<ref>{form.REFERENCE.pattern})[ \t]*$")


_AGENDA_HEADING = re.compile(r"[ \t]*(?:Tagesordnung|Tagesordnungspunkte)[ \t]*:?[ \t]*", re.I)


def _first_item(lines: list[str]) -> int:
    """The index of the agenda's heading or first item ("Tagesordnung:", "TOP 1"), or past
    the last line."""
    return next(
        (
            i
            for i, line in enumerate(lines)
            if _ITEM_NUMBER.match(line) or _AGENDA_HEADING.fullmatch(line)
        ),
        len(lines),
    )


def _extract_reference(lines: list[str]) -> str | None:
    """The number of the one paper an extract records: the first line under its item number
    that ends in a paper's number (Offenbach prints it under the Antrag it names)."""
    if not _EXTRACT.search("\n".join(lines[:_BARE_HEADING_LINES])):
        return None
    item = next((i for i, line in enumerate(lines) if _ITEM_NUMBER.match(line)), None)
    if item is None:
        return None
    for line in lines[item + 1 : item + 1 + _ITEM_PAPER_LINES]:
        m = _LINE_END_REFERENCE.search(line)
        ref = m.group("ref") if m else ""
        if ref and form.fits(form.Kind.REF, ref) and re.search(r"\d[/-]\d", ref):
            return ref
    return None


def _extract_item(lines: list[str]) -> str | None:
    """An extract's name: the title of the one item it records ("TOP 5" / "Klimaschutzkonzept
    2030", or on the number's line)."""
    if not _EXTRACT.search("\n".join(lines[:_BARE_HEADING_LINES])):
        return None
    for i, line in enumerate(lines):
        m = _ITEM_NUMBER.match(line)
        if m is None:
            continue
        if m.group("rest").strip():
            return title.join([m.group("rest")])
        return _subject_below(lines, i + 1)
    return None


# ALLRIS net's item page, headed by the session's day and the item's number before its
# title: "27.01.2009 - 6 Beratung der Haushaltssatzung für das Haushalts...".
_DATED_ITEM = re.compile(
    rf"[ \t]*{values.DATE_TEXT}[ \t]+[-–][ \t]+(?:[ÖN][ \t]*)?\d{{1,3}}(?:\.\d{{1,2}})*\.?"
    r"[ \t]+(?P<title>[A-ZÄÖÜ„\"]\S[^\t\n]*?)[ \t]*"
)


def _dated_item(lines: list[str]) -> str | None:
    """The item's title in its dated heading, among the page's first lines (a site's "Zur
    Navigation springen" and "ALLRIS - Auszug" may stand above it); or after "Auszug - ",
    ALLRIS's heading of an item's extract ("Auszug - Entwicklungsperspektiven des Landkreises
    Peine ...")."""
    for line in [line for line in lines[:_BARE_HEADING_LINES] if line.strip()][:_ITEM_HEAD]:
        m = _DATED_ITEM.fullmatch(line) or _EXTRACT_HEADING.fullmatch(line)
        if m:
            return m.group("title")
    return None


_ITEM_HEAD = 4


def item_day(lines: list[str]) -> dt.date | None:
    """The session's day an item's page heads it with ("26.03.2018 - 14 Schülerbeförderung
    ...", ALLRIS net)."""
    heads = [line for line in lines[:_BARE_HEADING_LINES] if line.strip()][:_ITEM_HEAD]
    item = next((m for line in heads if (m := _DATED_ITEM.fullmatch(line))), None)
    return values.parse_date(item.group()) if item else None


_EXTRACT_HEADING = re.compile(r"[ \t]*Auszug[ \t]+[-–][ \t]+(?P<title>\S[^\t\n]*?)[ \t|]*")


# "Sitzung Rat am 03.09.2026", "Gemeinderat - Sitzung am 27.02.2026 um 19:00 Uhr": a line
# that names a session and its day, up to the date.
_SESSION_AT = r"(?:[^\n]{0,40}[ \t])??Sitzung\b[^\n]{0,60}?\bam[ \t]+"
# A page that opens with the session it is of.
_OPENING_SESSION = re.compile(rf"{_SESSION_AT}{values.DATE_TEXT}[^\n]{{0,30}}")


_SESSION_HEADING = re.compile(r"[A-ZÄÖÜ][\wäöüß-]*(?:[ \t]+[\wäöüß-]+){0,3}?[ \t]*[Ss]itzung")
_SHORT_NAME = re.compile(r"(?:[ \t]*\([A-ZÄÖÜ][\wÄÖÜäöü]{0,7}\))?[ \t]*")
_WEEKDAY_DATE = re.compile(rf"{values.WEEKDAYS},?[ \t]+(?:de[nm][ \t]+)?{values.DATE_TEXT}")
# A line of the RIS around a session page's heading: its name, its way back to the list.
_SITE_LINE = re.compile(r"informations\s*system|ratsinfo|bürgerinfo|zurück zu", re.I)


# An agenda's part heading: "Öffentlicher Teil", "Nichtöffentlicher Teil:".
PART_HEADING = re.compile(
    r"(?:Öffentlicher|Nichtöffentlicher|Nicht öffentlicher)[ \t]+Teil:?", re.I
)


def _committee_session(lines: list[str]) -> str | None:
    """A session page's heading of the body alone over the line with its day ("Gemeinderat" /
    "Sitzung am 22.09.2026 um 19:00 Uhr", eCICS): the two lines are the session's name."""
    shown = [
        line.strip()
        for line in lines[: _HEADING_LINES + 3]
        if line.strip() and not _SITE_LINE.search(line) and not line.strip().isdigit()
    ]
    if len(shown) < 2:
        return None
    if PART_HEADING.fullmatch(shown[1]):
        # "Gemeinderat" / "Öffentlicher Teil" / "1. Frageviertelstunde" (ris-portal): the
        # body heads its session's agenda.
        return shown[0] if committees.alone(shown[0]) else None
    day = _WEEKDAY_DATE.match(shown[1])
    # Or the day alone ("Betriebsausschuss der Abfallwirtschaftsbetriebe" / "07.07.2026",
    # the head of Münster's minutes, under the page's number).
    if not (_SESSION_DATE_LINE.match(shown[1]) or day or _DATE_ONLY.fullmatch(shown[1])):
        return None
    if _SESSION_DATE_LINE.match(shown[1]) and _SESSION_HEADING.fullmatch(shown[0]):
        # "Gemeinderatssitzung" / "Zweckverband Sitzung" over "Sitzung am 22.09.2026 ..."
        return title.join(shown[:2])
    names = committees.find(shown[0])
    # The body's whole line, perhaps with its short name ("Finanzausschuss (FA)").
    rest = shown[0][names[0].end :] if len(names) == 1 and names[0].start == 0 else "?"
    if not _SHORT_NAME.fullmatch(rest):
        return None
    # "Finanzausschuss (FA)" / "Dienstag, 29. September 2026, 17:00 Uhr" (cron.mm): the
    # body and its day, without the hour.
    return f"{shown[0]} - {day.group()}" if day else title.join(shown[:2])


def session_line(lines: list[str]) -> str | None:
    """The first line, where it names the session ("Sitzung Rat am 03.09.2026")."""
    first = next((line.strip() for line in lines if line.strip()), "")
    return first if _OPENING_SESSION.fullmatch(first) else None


def _first_cell(line: str) -> str:
    """A line's first cell: "Einladung Stadtteilbeirat Büchenbach<TAB>Stadt Erlangen" is a
    heading beside the letterhead."""
    cells = form.split_cells(line)
    return cells[0][1] if cells else ""


def _bare_kind_heading(lines: list[str]) -> str | None:
    """A heading that is the kind word alone ("Protokoll", "Öffentliche Bekanntmachung"):
    the name of minutes or a notice that print no other. A bare "Tagesordnung" is the
    heading of a list, not a name, and "Wortprotokoll:" that of a section."""
    for line in lines[:_BARE_HEADING_LINES]:
        stripped = line.strip()
        if (
            _SESSION_KIND.match(stripped)
            and len(stripped.split()) <= 2
            and not re.search(r"Tagesordnung|Einladung", stripped, re.I)
            # "Wortprotokoll:", "Wortprotokoll |" over the discussion: a section's heading
            and not segment.find_headings(stripped.rstrip(" |"))
        ):
            return stripped
    return None


# "am Donnerstag, 17.09.2026, 17:00 Uhr": a session's day and date; "Sitzung am 27.02.2026
# um 19:00 Uhr", "Sitzung Rat am 03.09.2026": a session's heading.
_SESSION_DAY = re.compile(
    rf"\b{_WEEKDAYS},?[ \t]+(?:de[nm][ \t]+)?(?P<date>{values.DATE_TEXT})"
    rf"|^[ \t]*{_SESSION_AT}(?P<held>{values.DATE_TEXT})"
    # "Am 28.09.2026, 18.30 Uhr, findet eine Sitzung ... statt" (a Bekanntmachung).
    rf"|^[ \t]*Am[ \t]+(?P<on>{values.DATE_TEXT}),?[ \t]+\d{{1,2}}[.:]\d{{2}}[ \t]+Uhr"
    # "Unter dem Vorsitz von ... findet am 16.05.2023 im Dorf- und Kulturzentrum ... eine
    # Sitzung des Verbandsgemeinderates Schweich statt" (an Amtsblatt's notice of minutes).
    rf"|\b(?:findet|fand)[ \t]+am[ \t]+(?P<takes>{values.DATE_TEXT})(?=[^\n]{{0,160}}\bSitzung\b)",
    re.M,
)


_NAMES_SESSION = re.compile(r"Sitzung|Niederschrift|Protokoll|Tagesordnung|Einladung", re.I)


def session_date(
    paper_form: form.Form, name: str | None, lines: list[str] | None = None, text: str = ""
) -> dt.date | None:
    """The session's date: its form field ("Sitzungstermin: 28.03.2019"), else the heading's,
    else the first date after a weekday near the top ("am Donnerstag, 17.09.2026")."""
    for value in paper_form.values("session"):
        found = values.parse_date(value)
        if found:
            return found
    # "Niederschrift ... vom 12.03.2024" is dated by its session; an extract named by its
    # item ("... Antrag der Fraktionen vom 25.09.2013") by no date of the item's paper.
    found = values.parse_date(name) if name and _NAMES_SESSION.search(name) else None
    if found is None and lines:
        found = _session_table_date(lines[:_SESSION_DAY_LINES])
    if found is None and lines:
        found = item_day(lines)
    if found is None and lines:
        m = _SESSION_DAY.search("\n".join(lines[:_SESSION_DAY_LINES]))
        day = (
            (m.group("date") or m.group("held") or m.group("on") or m.group("takes")) if m else None
        )
        found = values.parse_date(day) if day else None
    if found is None and text:
        found = _running_session_date(text)
    return found


_DATE_COLUMN = re.compile(r"(?:Sitzungs)?(?:datum|termin)", re.I)
_BODY_COLUMN = re.compile(r"Gremium|Gremien", re.I)


def _session_table(lines: list[str]) -> dict[str, str] | None:
    """The one row of a table of the session, by its column headings' kind ("date",
    "body"): "DATUM<TAB>ORT<TAB>GREMIUM<TAB>BEGINN" over "24.09.2026<TAB>Rathaus ...<TAB>
    Stadtrat<TAB>17:30" (KOMFA-RIS)."""
    for i, line in enumerate(lines[:-1]):
        if not form.column_headings(line):
            continue
        headings = [cell.strip(" :") for _, cell in form.split_cells(line)]
        row = next((other for other in lines[i + 1 :] if other.strip()), "")
        cells = [cell for _, cell in form.split_cells(row)]
        if len(cells) != len(headings):
            continue
        found: dict[str, str] = {}
        for heading, cell in zip(headings, cells, strict=True):
            if _DATE_COLUMN.fullmatch(heading):
                found.setdefault("date", cell)
            elif _BODY_COLUMN.fullmatch(heading):
                found.setdefault("body", cell)
        if "date" in found:
            return found
    return None


def _session_table_date(lines: list[str]) -> dt.date | None:
    """The date under the "Datum" heading of a one-row table of the session."""
    table = _session_table(lines)
    return values.parse_date(table["date"]) if table else None


def _session_table_name(lines: list[str]) -> str | None:
    """A session named by its table's body and day ("Hauptausschuss 24.09.2026")."""
    table = _session_table(lines)
    if table and "body" in table and values.parse_date(table["date"]):
        return f"{table['body']} {table['date']}"
    return None


def _labelled_session(paper_form: form.Form) -> str | None:
    """ "Sitzungsname: Technischer Ausschuss" (RIS Web on Domino)."""
    entry = paper_form.first("session_name")
    return entry.value if entry and entry.value else None


# "Sitzung des Kulturausschusses (25) vom 18.06.2026 4/24": a running head naming the
# session and its day, up to the date.
_SESSION_OF_DAY = re.compile(
    rf"^[ \t]*(?P<head>[^\n]{{0,60}}?\bSitzung\b[^\n]{{0,60}}?\b(?:am|vom)[ \t]+"
    rf"(?P<date>{values.DATE_TEXT}))",
    re.M,
)


def _running_session_date(text: str) -> dt.date | None:
    """The date of the session the minutes' running head names on every page (Osnabrück);
    a line printed once may name another session ("über die Sitzung vom 05.02.2026")."""
    found = scan.finditer_at(_SESSION_OF_DAY, text, scan.line_starts(text, "Sitzung"))
    heads = Counter((m.group("head"), m.group("date")) for m in found)
    repeated = [date for (_, date), count in heads.most_common() if count > 1]
    return values.parse_date(repeated[0]) if repeated else None


def reference(
    lines: list[str],
    paper_form: form.Form,
    paper_type: PaperType | None = None,
    text: str = "",
) -> str | None:
    """The Vorlagen-/Drucksachen-Nr. as printed, without its label. Minutes and agendas have
    one only where their form labels it: a number alone on a line there is an item's paper."""
    found = _head_reference(lines, paper_form, paper_type)
    if found is None and paper_type not in _SESSION_PAPERS:
        found = _running_reference(text)
    return found


def _head_reference(
    lines: list[str], paper_form: form.Form, paper_type: PaperType | None
) -> str | None:
    """The reference the form or a heading of the first lines gives."""
    entry = paper_form.first("reference")
    if entry and paper_type is PaperType.EINLADUNG and entry.line > _first_item(lines):
        # "Vorlage Nr. 113/2026" under an agenda's "Tagesordnungspunkt 2": the item's paper
        # (an extract of minutes is numbered by its one item's paper).
        entry = None
    if entry and form.fits(form.Kind.REF, entry.value):
        return entry.value
    if entry and (lead := _leading_reference(entry.value)):
        return lead
    if paper_type in _SESSION_PAPERS:
        return _extract_reference(lines)
    head = "\n".join(lines)
    m = _CODE_REFERENCE.search(head)
    if m:
        return m.group("ref")
    return _heading_reference(head) or _dated_reference(lines) or _bare_reference(lines)


def _leading_reference(value: str) -> str | None:
    """The number that opens a labelled value the form's next cells ran into (a text that
    lost its line breaks: "145/2018 Federführender Bereich Beteiligte Bereiche ...")."""
    first = value.split(maxsplit=1)[0] if value.strip() else ""
    if first == value.strip():
        return None
    if form.fits(form.Kind.REF, first) and form.NUMBER_JOINED.search(first):
        return first
    # "1210003 Externe Dokumente - Übersichtsplan" (Bonn): a serial of its own, long enough to
    # be no count or year.
    return (
        first
        if first.isdecimal() and _SERIAL_DIGITS[0] <= len(first) <= _SERIAL_DIGITS[1]
        else None
    )


_SERIAL_DIGITS = (6, 8)


# A paper's number alone on a line of the letterhead, its label and kind elsewhere in the
# head (a PDF's text taken without its layout: "GZ: OB 7831 -10.00" / "23/2018" /
# "Stuttgart, 22.06.2018"): a serial and a year, perhaps after a letter or two.
_BARE_REFERENCE = re.compile(r"[ \t]*(?P<ref>[A-Z]{0,3}\d{1,5}/(?:\d{2}|\d{4}))[ \t]*")
_BARE_REFERENCE_LINES = 24


def _bare_reference(lines: list[str]) -> str | None:
    """The first line of the head above a letter's salutation that is a paper's number
    alone (see _BARE_REFERENCE)."""
    for line in lines[:_BARE_REFERENCE_LINES]:
        if _SALUTATION.match(line):
            break  # a letter's text begins
        m = _BARE_REFERENCE.fullmatch(line)
        if m and len(m.group("ref")) >= 5:
            return m.group("ref")
    return None


def _titled_reference(lines: list[str], ref: str | None) -> str | None:
    """The title after the kind and the paper's number on one line ("Antrag
    2026-31/DS-I(A)0027 Grünanlage Tempelseeweiher - Neubau ...", the file list of
    Offenbach's PIO; "Beschlussvorlage - 2023/BV/4410 - Sanierung ...")."""
    if not ref:
        return None
    for i, line in enumerate(lines[:_NUMBER_DATE_LINES]):
        at = line.find(ref)
        if at < 0:
            continue
        if at == 0 or not line[:at].strip():
            # "705/IX. - Bebauungsplan Nr. 4-288-0 ..." over "hier: Satzungsbeschluss"
            # (Kleve): the number heads the line, the dash sets its title apart.
            m = _TITLE_AFTER_DASH.fullmatch(line[at + len(ref) :])
        elif _KIND_BEFORE_NUMBER.fullmatch(line[:at]):
            m = _TITLE_AFTER_NUMBER.fullmatch(line[at + len(ref) :])
        else:
            continue
        if m:
            following = next((x.strip() for x in lines[i + 1 : i + 3] if x.strip()), "")
            more = [following] if title.NARROWED.match(following) else []
            return " ".join(" ".join([m.group("title"), *more]).split())
    return None


_KIND_BEFORE_NUMBER = re.compile(r"[ \t]*[A-ZÄÖÜ][\wäöüß-]*[ \t]+(?:[-–:][ \t]+)?")
_TITLE_AFTER_NUMBER = re.compile(r"[ \t]*[-–:]?[ \t]+(?P<title>[A-ZÄÖÜ\d„\"][^\t\n]{9,})")
_TITLE_AFTER_DASH = re.compile(r"[ \t]+[-–][ \t]+(?P<title>[A-ZÄÖÜ\d„\"][^\t\n]{9,})")


def _dated_reference(lines: list[str]) -> str | None:
    """A paper's number in the first cell of a head line whose next cell dates it
    ("2026-31/DS-I(A)0027<TAB>Ausgegeben am 15.05.2026", Offenbach's PIO)."""
    for line in lines[:_NUMBER_DATE_LINES]:
        cells = [cell for _, cell in form.split_cells(line)]
        if len(cells) != 2 or not values.find_dates(cells[1]) or len(cells[1]) > 40:
            continue
        ref = cells[0]
        if form.fits(form.Kind.REF, ref) and re.search(r"\d[/-]\w", ref) and "/" in ref:
            return ref
    return None


def _running_reference(text: str) -> str | None:
    """A reference the running head or foot prints beside the page number ("Seite 2 von 5 -
    Vorlage 2024/017"), for a paper whose first page does not."""
    for m in scan.finditer_at(form.RUNNING_LINE, text, scan.line_starts(text, "Seite", " von ")):
        pairs = form.label_line((m.group("after") or m.group("before") or "").strip())
        for label, value in pairs or []:
            if label.field == "reference" and form.fits(form.Kind.REF, value):
                return value
    return None


@functools.cache
def _type_reference() -> re.Pattern[str]:
    """A paper naming its kind and number in its heading: "ANTRAG DHH/2025/4139",
    "Beschlussvorlage - 2023/BV/4410", "Vorlage zur Kenntnisnahme VIII-0153",
    "Beantwortung zur Anfrage<TAB>23/2018", "Drucksache Nr. 7/2023   Datum: ...": the kind,
    up to three words more ("zur Anfrage", "Nr."), then the number, ending its cell."""
    kinds = vocab.alternation("paper_types", column=1)
    # "Gemeinsamer Dringlichkeitsantrag RV-113/2019 der Ratsfraktionen CDU, ...": an adjective
    # before the kind, the groups that make it after the number (Flensburg).
    return re.compile(
        r"^[ \t]*(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|es|e)[ \t]+)?"
        rf"(?:{kinds})(?:[ \t]+[\w.]+){{0,3}}?[ \t]*(?:[-–:][ \t]*|\t|[ \t]+)"
        rf"(?P<ref>{form.REFERENCE.pattern})"
        r"(?=[ \t]*$|\t|[ ]{2}|[ ]vom[ ]|[ ]der[ ]\w*[Ff]raktion)",
        re.M | re.I,
    )


# A form whose text lost its line breaks and its cells' order: its labels in a row, then
# their values ("Dienststelle Aktenzeichen Datum Vorlagen-Nr. 32/3 32/3 Ra 22.04.2014
# 124/2014", Brühl; "Vorlagen-Nr. Sitzungstermin Der Bürgermeister 164/2004 02.12.2004",
# Kall: PDF texts as Politik bei Uns kept them).
_FLAT_LINE = 60  # a line that holds labels and values at all
_FLAT_REACH = 250  # how far into the line the labels are looked for
_FLAT_VALUES = 12  # how many words after the labels hold their values


def _flattened_head(lines: list[str]) -> tuple[str | None, dt.date | None]:
    """The reference and the paper's date of a form run into one line: two labels or more
    without their colons, one a number's, then the values."""
    for line in lines:
        if len(line) <= _FLAT_LINE:
            continue
        run: list[tuple[form.Label, int]] = []
        for m in re.finditer(r"(?<!\S)\S", line[:_FLAT_REACH]):
            found = form.label_at(line, m.start())
            if found is None or line[found[1].end() : found[1].end() + 1] not in (" ", ""):
                continue
            label, match = found
            if run and line[run[-1][1] : m.start()].strip():
                if len(run) >= 2:
                    break
                run = []
            run.append((label, match.end()))
        kinds = [label for label, _ in run]
        if len(run) < 2 or not any(k.field == "reference" for k in kinds):
            continue
        words = line[run[-1][1] :].split()[:_FLAT_VALUES]
        dates = [i for i, w in enumerate(words) if form.fits(form.Kind.DATE, w)]
        refs = [
            i
            for i, w in enumerate(words)
            if i not in dates and form.fits(form.Kind.REF, w) and form.NUMBER_JOINED.search(w)
        ]
        ref_at = next(i for i, k in enumerate(kinds) if k.field == "reference")
        dated = [i for i, k in enumerate(kinds) if k.kind is form.Kind.DATE]
        ref = None
        if refs and dates and dated:
            before = [i for i in refs if i < dates[0]]
            after = [i for i in refs if i > dates[-1]]
            pick = before[-1:] if ref_at < dated[0] else after[:1]
            ref = words[pick[0]] if pick else None
        elif refs:
            ref = words[refs[0]]
        date = None
        own = [i for i in dated if kinds[i].field == "date"]
        if own and len(dates) == len(dated):
            date = values.parse_date(words[dates[dated.index(own[0])]])
        return ref, date
    return None, None


def _named_heading(lines: list[str], anchor: int | None) -> str | None:
    """A motion's heading that names its kind, its number and who makes it, for which
    session ("Gemeinsamer Dringlichkeitsantrag RV-113/2019 der Ratsfraktionen CDU, Grüne, ...
    für die Ratsversammlung am 22.08.2019"): the name of a motion that prints no subject."""
    if anchor is None:
        return None
    m = _type_reference().match(lines[anchor])
    after = lines[anchor][m.end() :].split() if m else []
    return title.join([lines[anchor]]) if len(after) >= _NAMED_HEADING_WORDS else None


_NAMED_HEADING_WORDS = 3


def _heading_reference(head: str) -> str | None:
    """The first reference a heading gives (see _type_reference) that is no date and has
    the slash, dash or letters of a paper's number, not a bare count."""
    for m in _type_reference().finditer(head):
        # "117/2024 vom 03.06.2024": the pattern is case-blind, so "vom" passes for a word.
        ref = re.split(r"[ \t]+vom[ \t]+", m.group("ref"))[0].strip()
        if form.fits(form.Kind.REF, ref) and re.search(r"\d[/.-]\d|[A-Za-z]", ref):
            return ref
    return None


# An office by its kind and designation, at a value's start: "Fachbereich I", "Amt 61".
_OFFICE_START = re.compile(
    r"(?:Fachbereich|Fachdienst|Amt|Dezernat|Referat|Abteilung|Geschäftsbereich|FB)[ \t]+"
    r"(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5})\b"
)
_MAX_OFFICE = 80
# A person, not an office: "Herr Schmidt", "Frau Dr. Meier".
_PERSON = re.compile(r"(?:Herr|Frau|Hr\.|Fr\.)(?:\s|$)")


def department(paper_form: form.Form) -> str | None:
    """The federführende Amt / Organisationseinheit / Dezernat as printed: a labelled one,
    or an office's name the form prints without a label ("Amt für Controlling und
    Finanzen" over "Datum: 28.11.2023", see form.read)."""
    entries = [e for e in paper_form.entries if e.field == "department"]
    # "Federführend:" names the office in charge; "Verfasser:" beside it may name a person
    # ("Verfasser:1. Räther, Heiko" over "Federführend:Fachbereich 3", ALLRIS).
    entries.sort(key=lambda e: not e.label.lower().startswith("federführ"))
    for entry in entries:
        if _PERSON.match(entry.value) or entry.value.endswith(":"):
            continue  # "Verfasser: Herr Schmidt" names the author; "Amtsleiter/in:" a label
        office = _OFFICE_START.match(entry.value)
        if office and len(entry.value) > _MAX_OFFICE:
            # "Fachbereich I An den Haupt- und Finanzausschuss mit der Bitte um ...": a
            # form run into one line goes on after the office's designation.
            return office.group()
        # "Federführende Organisation: Gemeinde Ahnsen": a small council names itself as the
        # office; beside its label the council's name is no letterhead.
        if form.fits(form.Kind.TEXT, entry.value) or (
            entry.label and form.LETTERHEAD.fullmatch(entry.value)
        ):
            return entry.value
    return None


# The head of the administration under the council's name in a letterhead, the office that
# wrote the paper on the next line: "Der Oberbürgermeister" / "Amt 68" (Bonn), "-Der
# Amtsvorsteher -" / "Zentrale Dienste" (Amt Schlei-Ostsee).
_ADMINISTRATION_HEAD = re.compile(
    r"[ \t]*[-–]?[ \t]*(?:Der|Die)[ \t]+(?:Ober)?(?:bürgermeister(?:in)?|Bürgermeister(?:in)?"
    r"|Amtsvorsteher(?:in)?|Amtsdirektor(?:in)?|Landrat|Landrätin|Oberkreisdirektor)"
    r"[ \t]*[-–]?[ \t]*"
)
_OFFICE_LINE_WORDS = 6


@functools.cache
def _kind_phrase() -> re.Pattern[str]:
    """Any phrase a paper names its kind by (paper_types.tsv), as whole words: "INTERFRAKTIONELLER
    ANTRAG" under "Der Oberbürgermeister" is the paper's kind, no office."""
    phrases = sorted((phrase for _, phrase in vocab.rows("paper_types")), key=len, reverse=True)
    words = "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)


def office_under_head(lines: list[str]) -> str | None:
    """The office a letterhead names under the head of the administration, unlabelled."""
    for i, line in enumerate(lines[:_LETTERHEAD_LINES]):
        if not _ADMINISTRATION_HEAD.fullmatch(line.split("\t")[0]):
            continue
        below = next((x for x in lines[i + 1 : i + 3] if x.strip()), "")
        office = below.split("\t")[0].strip()
        if (
            office
            and len(office.split()) <= _OFFICE_LINE_WORDS
            and form.fits(form.Kind.TEXT, office)
            and not _BODY.search(office)
            and not _kind_phrase().search(office)
            and not _PERSON.match(office)
        ):
            return office
        return None
    return None


# A line a date below it completes: "04. Abstimmung über die Niederschrift der öffentlichen
# Sitzung vom" / "29.06.2026" (an agenda item wrapped before its date).
_DATE_TO_COME = re.compile(r"\b(?:vom|am|bis|zum|ab|seit)[ \t]*$", re.I)


def _goes_on(lines: list[str], i: int) -> bool:
    """Whether the date alone on line `i` ends the sentence of the line above it."""
    return i > 0 and bool(_DATE_TO_COME.search(lines[i - 1]))


def _letterhead_date(lines: list[str]) -> dt.date | None:
    """A letter's date in a cell of its letterhead, beside other cells:
    "GZ: OB 7831 -10.00<TAB>Stuttgart, 22.06.2018", "91052 Erlangen<TAB>20. April 2019"."""
    for line in lines[:_LETTERHEAD_LINES]:
        dated = _COUNCIL_AND_DATE.fullmatch(line.strip())
        if dated:
            return values.parse_date(dated.group("date"))
        row = [cell for _, cell in form.split_cells(line)]
        if len(row) < 2:
            continue
        for cell in row:
            m = _LETTER_DATE.fullmatch(cell)
            if m:
                return values.parse_date(m.group("date"))
        if _DATE_ONLY.fullmatch(row[-1]):
            return values.parse_date(row[-1])
    return None


# A sentence of prose: words, then its full stop at the line's end.
_SENTENCE = re.compile(r"\b[a-zäöüß]{3,}\b[^\n]*\b[a-zäöüß]{3,}\.[ \t]*$")


def _in_beratungsfolge(lines: list[str], i: int) -> bool:
    """Whether line `i` (a date alone) is a session's day in a Beratungsfolge listed a line a
    body ("Schulausschuss Vorberatung" above it, ALLRIS's page as text)."""
    above = next((lines[j].strip() for j in range(i - 1, -1, -1) if lines[j].strip()), "")
    roles = tuple(r.lower() for r in vocab.words("consultation_roles"))
    return above.lower().endswith(roles) and bool(committees.find(above))


def paper_date(
    text: str,
    lines: list[str],
    paper_form: form.Form,
    paper_type: PaperType,
    name: str | None = None,
) -> dt.date | None:
    """The paper's own date: never a session date (Termin) nor the date of a paper it answers
    or its subject names ("... zum Fraktionsantrag Nr. 149/2013 vom 18.09.2013")."""
    letterhead = _letterhead_date(lines)
    if letterhead and paper_type is PaperType.STELLUNGNAHME:
        # An answer's form dates the Anfrage it answers; its letterhead dates the answer.
        return letterhead
    for value in paper_form.values("date"):
        found = values.parse_date(value)
        if found:
            return found
    issued = next((m for line in lines[:_NUMBER_DATE_LINES] if (m := _ISSUED.search(line))), None)
    if issued:
        return values.parse_date(issued.group("date"))
    for entry in paper_form.entries:
        # "Telefon: 800-48 22.02.2023": the letter's date, set beside the contact block and
        # run into its line by the text layer.
        dated = _ENDS_IN_DATE.search(entry.value) if entry.field == "contact" else None
        if dated:
            return values.parse_date(dated.group("date"))
    # "Beschlussvorlage 117/2024 vom 03.06.2024"; in an agenda or minutes the number and
    # date are an item's ("Annahme der Niederschrift HA/034/2026 vom 24.08.2026").
    numbered_lines = [] if paper_type in _SESSION_PAPERS else lines[:_NUMBER_DATE_LINES]
    for line in numbered_lines:
        # "(s. Drs. 21-4266.2 vom 27.08.2018)" inside a paragraph cites another paper.
        if len(line) > _HEADING_LINE_LENGTH or _in_name(line, name):
            continue
        numbered = _NUMBER_OF_DATE.search(line)
        if numbered:
            return values.parse_date(numbered.group("date"))
    if letterhead:
        return letterhead
    # A letter date's line has the comma (or a slash) after the place.
    m = next(scan.finditer_at(_LETTER_DATE, text, scan.line_starts(text, ",", " /")), None)
    if m:
        return values.parse_date(m.group("date"))
    first_form_line = min(paper_form.lines, default=len(lines))
    before_form = lines[:first_form_line]
    if paper_type in (PaperType.ANTRAG, PaperType.ANFRAGE):
        # "ANTRAG der CDU-Fraktion vom 04.01.2012": a motion's date is when it was made.
        for value in paper_form.values("submitted"):
            if values.parse_date(value):
                return values.parse_date(value)
        for line in before_form[:_NUMBER_DATE_LINES]:  # its heading, not a later paragraph
            if len(line) > _HEADING_LINE_LENGTH or _SENTENCE.search(line):
                continue  # "Dieser Antrag wurde in der SVV vom 19.12.2017 ... beschlossen."
            sub = _SUBMITTED.search(line)
            if sub:
                return values.parse_date(sub.group("date"))
    # A date alone on a line above, inside or right under the form ("25.05.2021" over "Drucksache
    # 113/21", "Seite: 1/1" / "15.02.2018" / "Amt für Controlling und Finanzen").
    reach = _DATE_LINE_REACH
    if paper_form.lines:
        below = max(paper_form.lines) + 1
        while below < len(lines) and not lines[below].strip():
            below += 1  # the first line under the form, past a blank one
        reach = below + 1
    for i, line in enumerate(lines[:reach]):
        if i not in paper_form.lines and _DATE_ONLY.fullmatch(line) and not _goes_on(lines, i):
            if _in_beratungsfolge(lines, i):
                continue  # "Schulausschuss Vorberatung" / "31.05.2012": a session's day
            return values.parse_date(line)
    all_lines = text.splitlines()
    for previous, line in zip(reversed(all_lines[:-1]), reversed(all_lines[1:]), strict=True):
        if _DATE_ONLY.fullmatch(line) and _OFFICE_LINE.search(previous):
            return values.parse_date(line)
    return None


def _in_name(line: str, name: str | None) -> bool:
    """Whether `line` is (part of) the paper's subject, whose numbers are other papers'."""
    words = " ".join(line.split())
    return bool(name and words and words in " ".join(name.split()))


# --- body ---------------------------------------------------------------------------------

_KINDS = (
    # A town's official by-name is part of how it names itself ("Lutherstadt Wittenberg",
    # "Windmühlenstadt Woldegk").
    "Lutherstadt|Kurstadt|Bergstadt|Domstadt|Residenzstadt|Klingenstadt|Windmühlenstadt"
    "|Barbarossastadt|Fontanestadt|Reuterstadt|Wissenschaftsstadt|Hochschulstadt"
    "|Marktgemeinde|Stadtgemeinde|"
    "Landeshauptstadt|Bundesstadt|Hansestadt|Kreisstadt|Universitätsstadt|Stadt|Landkreis"
    "|Kreis|Städteregion|Gemeinde|Samtgemeinde|Verbandsgemeinde|Ortsgemeinde|Markt|Bezirksamt"
    # A city state's district council names itself so: "Bezirksverordnetenversammlung
    # Steglitz-Zehlendorf von Berlin", "Bezirksversammlung Altona" (Hamburg).
    "|Bezirksverordnetenversammlung|Bezirksversammlung"
)
# A place name: "Karlsruhe", "Rheda-Wiedenbrück", "Frankfurt am Main", "Mülheim an der Ruhr".
# "an der Regionalverkehr Ruhr-Lippe GmbH" is a share in a company, not a river: the river's
# name ends the place.
_PLACE = (
    # Letters only: "Anregung Kreis Kleve_1.pdf" (a file's name) names no place. "Bad",
    # "Sankt" and "Am" are the first word of a place's name: "Stadt Bad Salzdetfurth",
    # "Samtgemeinde Am Dobrock".
    r"(?:(?:Bad|Sankt|St\.|Am)[ \t]+(?=[A-ZÄÖÜ]))?[A-ZÄÖÜ][^\W\d_]+(?:-[A-ZÄÖÜ][^\W\d_]+)*"
    # A weekday after "am" is the session's day: "Stadt Prenzlau am Donnerstag, 11.12.2014".
    r"(?:[ \t]+(?:an der|am|ob der)[ \t]+"
    rf"(?!{values.WEEKDAYS}\b)"
    r"[A-ZÄÖÜ][^\W\d_]+(?![\w-]|[ \t]+[A-ZÄÖÜ])"
    r"|[ \t]+von[ \t]+Berlin(?![\wäöüß-])"
    # Abbreviated rivers and regions (most in Bavaria): "Neuburg a.d.Donau", "Moosburg a. d. Isar",
    # "Weiden i.d.OPf.", "Mühldorf a.Inn", "Kirchheim b.München", "Bad Homburg v. d. Höhe".
    r"|[ \t]+[abiv]\.[ \t]?(?:d\.[ \t]?)?[A-ZÄÖÜ][^\W\d_]+\.?(?![\w-]))?"
    # "Halle (Saale)", "Lindau (Bodensee)": the river or lake in brackets is part of the name.
    # A short name ending the line or its cell, no noun of the text ("(Anlage)",
    # "(Zweitwohnungsteuersatzung)", "verbleibt bei der Stadt Karlsruhe (Stadtanteil).").
    r"(?:[ \t]+\((?!Anlage|Entwurf|Stand|Information|[^)]*ung\))[A-ZÄÖÜ][a-zäöüß]{2,11}\.?\)"
    r"(?=[ \t]*(?:\n|$|[-–|,:]|[a-zäöü])))?"
)
# "Stadt Karlsruhe", "STADT KARLSRUHE", "des Kreises Warendorf", "der Stadt Heinsberg"
# (on one line: a kind at a line's end and a capitalised noun below it are no body).
_BODY = re.compile(rf"(?<![\w-])(?P<kind>(?i:{_KINDS}))(?:es|s)?[ \t]+(?P<place>{_PLACE})(?![\w-])")
# "Amt Schenefeld" alone on a letterhead's line: an Amt of Schleswig-Holstein or
# Brandenburg (a line, since "Amt Stadtplanung" in a form is an office).
_AMT_LINE = re.compile(rf"^[ \t]*Amt[ \t]+(?P<place>{_PLACE})[ \t]*$", re.M)
# "Die Stadtverordnetenversammlung der Stadt" / "Offenbach am Main": the kind word ends a
# letterhead's line, the place is the whole next one.
_BODY_WRAPPED = re.compile(
    rf"(?<![\w-])(?P<kind>(?i:{_KINDS}))(?:es|s)?[ \t]*\n[ \t]*(?P<place>{_PLACE})[ \t]*$", re.M
)
# "Stadtrat Augsburg (Information ohne Beratung)": the city's council in the Beratungsfolge.
_CITY_COUNCIL = re.compile(
    rf"^\s*(?:Stadtrat|Stadtverordnetenversammlung)\s+(?P<place>{_PLACE})\s*\((?P<role>[^)]*)\)",
    re.M,
)
# A group's letterhead: "SPD-Fraktion im Stadtrat Musterstadt", "Fraktion in der
# Stadtverordnetenversammlung Offenbach": a city's council, named by its place ("im Stadtrat"
# alone could be a councillor's title, "Stadtrat Löffler"; "im" makes it the council).
_GROUP_IN_COUNCIL = re.compile(
    rf"(?:Fraktion|Gruppe)\b[^\n]{{0,40}}?\b(?:im[ \t]+Stadtrat|in[ \t]+der[ \t]+"
    rf"Stadtverordnetenversammlung)[ \t]+(?P<place>{_PLACE})(?![\w-])"
)
# A letter to the Oberbürgermeister: "Herrn Oberbürgermeister" ... "76124 Karlsruhe".
_MAYOR = re.compile(
    r"Oberbürgermeister(?:in)?\s*\n(?:.*\n){0,3}?\s*\d{5}\s+(?P<place>" + _PLACE + r")\s*$", re.M
)
# Where a match of _BODY can start: at a kind, in lower case.
_KIND_WORDS = tuple(kind.lower() for kind in _KINDS.split("|"))
# Words that follow a body's kind but are no place: "Stadt Karlsruhe" yes, "Stadt Verwaltung" no.
# nor a website's menu under a kind ("Gemeinde" / "Kontakt").
_NOT_PLACES = {"und", "oder", "verwaltung", "der", "die", "das", "kontakt", "impressum", "suche"}


@functools.cache
def _role_words() -> frozenset[str]:
    """A body's roles in the Beratungsfolge, one word each, in lower case."""
    return frozenset(w.lower() for w in vocab.words("consultation_roles") if " " not in w)


# The council's name and the paper's date on one letterhead line: "Stadt Münster 15.07.2026",
# or with the place between them, where OCR joined the letterhead's cells with single spaces
# ("Landeshauptstadt Stuttgart Stuttgart, 22.06.2018").
_COUNCIL_AND_DATE = re.compile(
    rf"{_BODY.pattern}(?:[ \t,]+|[ \t]+[A-ZÄÖÜ][\wäöüß. -]{{1,40}}?,[ \t]*(?:den[ \t]+)?)"
    rf"(?P<date>{values.DATE_TEXT})"
)


def body(lines: list[str], paper_form: form.Form, name: str | None) -> str | None:
    """The council issuing the paper, as it names itself ("Stadt Karlsruhe", "Kreis Unna")."""
    head = "\n".join(_header_lines(lines, paper_form))
    for text in (head, name or ""):
        for m in _BODY.finditer(text):
            found = _normalise(m.group("kind"), m.group("place"))
            if found:
                return found
    for m in _BODY_WRAPPED.finditer(head):
        found = _normalise(m.group("kind"), m.group("place"))
        if found:
            return found
    amt = _AMT_LINE.search("\n".join(lines[:_LETTERHEAD_LINES]))
    if amt and (found := _normalise("Amt", amt.group("place"))):
        return found
    roles = vocab.words("consultation_roles")
    for m in _CITY_COUNCIL.finditer("\n".join(lines)):
        if any(role.lower() in m.group("role").lower() for role in roles):
            return _normalise("Stadt", m.group("place"))
    group = _GROUP_IN_COUNCIL.search("\n".join(lines[:30]))
    if group:
        return _normalise("Stadt", group.group("place"))
    mayor = _MAYOR.search("\n".join(lines[:30]))
    if mayor:
        return _normalise("Stadt", mayor.group("place"))
    return None


# A council by its place in a Beratungsfolge row ("Gemeinderat Ahnsen<spaces>26.03.2026"):
# the body whose council decides the paper, by the kind its council's name says.
_COUNCIL_ROW = re.compile(
    rf"^[ \t]*(?P<council>Gemeinderat|Stadtrat|Samtgemeinderat|Ortsgemeinderat|Gemeindevertretung"
    rf"|Stadtvertretung|Stadtverordnetenversammlung)[ \t]+(?P<place>{_PLACE})(?:\t|[ \t]{{2,}})"
    rf"[^\n]*?{values.DATE_TEXT}",
    re.M,
)
_COUNCIL_KIND = {
    "Gemeinderat": "Gemeinde",
    "Gemeindevertretung": "Gemeinde",
    "Stadtrat": "Stadt",
    "Stadtvertretung": "Stadt",
    "Stadtverordnetenversammlung": "Stadt",
    "Samtgemeinderat": "Samtgemeinde",
    "Ortsgemeinderat": "Ortsgemeinde",
}


def _council_in_beratungsfolge(lines: list[str]) -> str | None:
    m = _COUNCIL_ROW.search("\n".join(lines))
    return _normalise(_COUNCIL_KIND[m.group("council")], m.group("place")) if m else None


def only_body_named(text: str) -> str | None:
    """The one council the whole text names ("die Stadt Augsburg"), if it names exactly one.

    Papers whose letterhead is an image name their council only in the prose; a paper that
    names two (a Kreis and its towns, a city and its neighbour) leaves the body open.
    """
    found = scan.finditer_word(_BODY, text, *_KIND_WORDS)
    named = {_normalise(m.group("kind"), m.group("place")) for m in found}
    named.discard(None)
    if len(named) > 1:
        # "Ortsgemeinde Sippersfeld" and its "Verbandsgemeinde Winnweiler": the one whose
        # council the paper goes to ("Ortsgemeinderat Sippersfeld") issues it.
        named = {n for n in named if n and _council_of(n.split(" ", 1)[1], text)}
    return named.pop() if len(named) == 1 else None


def _council_of(place: str, text: str) -> bool:
    """Whether `text` names a council of `place`: "Ortsgemeinderat Sippersfeld"."""
    return bool(re.search(rf"\w*(?:rat|versammlung|vertretung)[ \t]+{re.escape(place)}\b", text))


def _header_lines(lines: list[str], paper_form: form.Form) -> list[str]:
    """The letterhead and form: the lines up to the form's last line."""
    last = max(paper_form.lines, default=-1)
    return lines[: max(last + 1, 12)]


def _normalise(kind: str, place: str) -> str | None:
    if place.lower() in _NOT_PLACES or place.lower() in _KIND_WORDS:
        return None  # "Initiator:BezirksamtBezirksamt": two cells run together
    if place.lower() in _role_words():
        return None  # "Bezirksverordnetenversammlung Beratung": a Beratungsfolge's row
    kind = kind.capitalize() if kind.isupper() or kind.islower() else kind
    if place.isupper():
        place = "-".join(part.capitalize() for part in place.split("-"))
    return f"{kind} {place}"
