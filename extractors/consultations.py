"""consultations: the Beratungsfolge (committee, session date, role, öffentlich/nichtöffentlich).

Sources, most specific first, merged without repeats:
1. the Beratungsfolge table (extractors.consultation_table);
2. the header form of a paper written for one session ("Gremium: 65. Plenarsitzung
   Gemeinderat / Termin: 21.07.2009 / öffentlich"): the consultation of a paper without a
   table, else whether that table row is public;
3. minutes: the session a Niederschrift records ("Niederschrift 22. Sitzung Haupt- und
   Finanzausschuss / 14. Juli 2026 / öffentlich");
4. a Beschlussvorschlag split by committee ("Haupt- und Finanzausschuss:" / "Rat:"), when
   nothing else names the bodies.
A role left open is filled from the paper's own words "nach Vorberatung im Hauptausschuss".
"""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.matcher import Matcher

from extractors import (
    committees,
    consultation_table,
    evidence,
    header,
    nlp,
    resolution,
    scan,
    values,
    vocab,
)
from pipeline.model import Consultation, PaperType, Parsed, Record

# How many lines after the "Gremium:" label its value and the session date may follow
# (forms whose labels and values pdftotext de-interleaved put them 3-10 lines apart).
_FORM_REACH = 12
_FORM_LABEL = re.compile(r"^[ \t]*Gremium[ \t]*:[ \t]*(?P<value>[^\n]*)$", re.M)
_TERM_LABEL = re.compile(r"^[ \t]*(?:Termin|Sitzungstermin|Sitzung am)[ \t]*:", re.M)
_OTHER_LABEL = re.compile(r"^[ \t]*[\w. ]{1,20}:[ \t]*$")
_PUBLIC_LINE = re.compile(r"^[ \t]*(?P<not>nicht[ -]?)?öffentlich[ \t]*$", re.I | re.M)
_MINUTES = re.compile(
    r"^[ \t]*(?:Auszug aus der |Öffentliche |Nichtöffentliche )?(?:Niederschrift|Protokoll)\b"
    r"(?P<rest>[^\n]*)",
    re.I,
)
# Lines of a minutes' head that give its session's date and status.
_MINUTES_HEAD_LINES = 6
# An extract's heading: "Auszug aus der Niederschrift", or a certified copy of the one
# decision, "Beschlussausfertigung" (Saxony's councils), "Beschlussauszug".
_EXTRACT_HEADING = re.compile(
    r"^[ \t]*(?:Auszug[ \t]+aus[ \t]+(?:der|dem)[ \t]+(?:Niederschrift|Protokoll)\b"
    r"|Beschluss(?:ausfertigung|auszug)\b)",
    re.I,
)
_PRELIMINARY = re.compile(r"\bVorberatung\s+für\s+(?:den|die|das)\b")
# Where a paper names the bodies that prepared its decision: a cheap search for the word,
# then the German tokenizer and a Matcher on the sentence around it.
_PRELIMINARY_WORD = re.compile(r"Vorberatung", re.I)
# Reach back for the "nach" of an earlier step ("nach Anhörung der Ortschaftsräte
# Wettersbach, Stupferich, ... und Vorberatung im").
_WINDOW_BEFORE = 120
_NACH = re.compile(r"\bnach\b", re.I)
_WINDOW_AFTER = 200
_COMPOUND = re.compile(r"(?P<first>[A-ZÄÖÜ]\w*)-\s+(?:und|oder)\s+(?P<head>[A-ZÄÖÜ]\w*)")
_LINK = re.compile(r"\s*(?:,|und|sowie)\s*(?:im|in der|den|dem)?\s*")
_TRAILING_LINK = re.compile(r"\s+(?:und|sowie)(?:\s+(?:im|in der|den|dem))?$")
_COMMITTEE_LABEL = re.compile(r"^[ \t]*(?P<name>[^\n:]{3,80}):[ \t]*$", re.M)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    if _of_a_whole_session(doc, record):
        # An agenda or whole minutes: the papers of their items have Beratungsfolgen, they
        # have none; a committee their attendance list names ("Stadtteilbeirat:") is none.
        return {"consultations": []}
    found = consultation_table.find(doc.text)
    how = evidence.labelled("Beratungsfolge table")
    session = form_session(doc.text) or minutes_session(doc.text)
    if session is None and record.paper_type is PaperType.NIEDERSCHRIFT:
        session = deciding_body(doc.text)
    if session is not None:
        how = how if found else evidence.labelled("the session the paper is for")
        found = _merge(found, session)
    if not found:
        found = listed_sessions(doc.text) or session_days(doc.text)
        how = evidence.labelled("Beratungsfolge list")
    if not found:
        found = committee_parts(doc)
        how = evidence.placed("a committee's part of the proposal")
    if not found:
        # The head's prose only: a session the reasons recall ("Bereits in der Sitzung der
        # Gemeindevertretung am 20. März 2012 wurde ...") is past, no step of this paper.
        reasons = next((s.start for s in doc.sections_labelled("begruendung")), len(doc.text))
        head = doc.text[:reasons]
        found = prose_sessions(head) or addressed_sessions(head)
        how = evidence.inferred("sessions named in prose")
    _roles_from_prose(doc.text, found)
    return {"consultations": found, "evidence": {"consultations": how} if found else {}}


def _of_a_whole_session(doc: Parsed, record: Record) -> bool:
    """An agenda or whole minutes: the session they are of is no consultation of a paper
    (an extract of one item, and a paper's form for its session, are)."""
    if record.paper_type is PaperType.EINLADUNG:
        return True
    return record.paper_type is PaperType.NIEDERSCHRIFT and resolution.whole_minutes(doc.text)


def form_session(text: str) -> Consultation | None:
    """The session a paper's header form is written for: "Gremium:" and "Termin:" labels,
    their values on the same line or (de-interleaved) on the lines that follow."""
    label = _FORM_LABEL.search(text)
    if label is None:
        return None
    organization = None
    candidates = [label.group("value"), *scan.first_lines(text, _FORM_REACH, label.end())[1:]]
    for line in candidates:
        if _OTHER_LABEL.match(line):
            continue
        names = committees.find(line)
        if names:
            organization = committees.clean(names[0].text)
            break
    if organization is None:
        return None
    term = _TERM_LABEL.search(text, label.start())
    date = None
    if term is not None and text.count("\n", label.start(), term.start()) <= _FORM_REACH:
        reach = "\n".join(scan.first_lines(text, _FORM_REACH, term.end()))
        date = values.parse_date(reach)
    head = "\n".join(scan.first_lines(text, _FORM_REACH + 4, label.start()))
    public = _PUBLIC_LINE.search(head)
    return Consultation(
        organization, date, None, None if public is None else public.group("not") is None
    )


def minutes_session(text: str) -> Consultation | None:
    """The session a Niederschrift records, from its opening lines."""
    head = _opening_lines(text)
    if not head:
        return None
    opening = _MINUTES.match(head[0])
    names = committees.find(opening.group("rest")) if opening else []
    if not names:
        names = _extract_session(head)
    if not names:
        return None
    block = "\n".join(head)
    public = _PUBLIC_LINE.search(block)
    return Consultation(
        committees.clean(names[0].text),
        values.parse_date(block),
        "Vorberatung" if _PRELIMINARY.search(text) else None,
        None if public is None else public.group("not") is None,
    )


# An item's record names the body that decided: "... fasst der Stadtrat folgenden
# Beschluss:", "Die Stadtverordnetenversammlung beschließt:", "Der Haupt- und
# Finanzausschuss empfiehlt dem Stadtrat:"; its session's day where the
# page prints it ("Sitzung:03.11.2016").
_DECIDED_BY = re.compile(
    r"\bfasst[ \t]+(?:der|die|das)[ \t]+(?P<body>[^\n,:]{3,80}?)[ \t]+"
    r"(?:(?:einstimmig|mehrheitlich|einmütig)[ \t]+)?"
    r"(?:folgenden|nachstehenden|den)[ \t]+Beschluss"
    r"|^[ \t]*(?:Der|Die|Das)[ \t]+(?P<subject>[^\n,:]{3,80}?)[ \t]+"
    r"(?:beschließt|empfiehlt|beschloss|empfahl)\b",
    re.M,
)
_SESSION_LABEL = re.compile(rf"^[ \t]*Sitzung[ \t]*:[ \t]*(?P<date>{values.DATE_TEXT})", re.M)
_DECIDED_REACH = 2500


def deciding_body(text: str) -> Consultation | None:
    """The body whose decision an item's record gives (see _DECIDED_BY)."""
    for m in _DECIDED_BY.finditer(text, 0, _DECIDED_REACH):
        body = m.group("body") or m.group("subject")
        if committees.alone(body):
            session = _SESSION_LABEL.search(text, 0, _DECIDED_REACH)
            date = values.parse_date(session.group("date")) if session else None
            if date is None:
                date = header.item_day(scan.first_lines(text, header.HEAD_LINES))
            return Consultation(committees.clean(body), date)
    return None


def _extract_session(head: list[str]) -> list[committees.Name]:
    """The committee of an extract's heading under the letterhead, perhaps on the lines
    below it: "Stadt Gütersloh" / "Auszug aus der Niederschrift" / "über die 12. Sitzung des
    Ausschusses für Umwelt und Klimaschutz". Whole minutes record no one consultation."""
    for k, line in enumerate(head):
        if _EXTRACT_HEADING.match(line):
            for following in head[k : k + 3]:
                # "des Ausschusses für Umwelt": the body in the genitive, as named itself.
                words = re.split(r"(\s+)", following)
                names = committees.find("".join(committees.nominative(word) for word in words))
                if names:
                    return names[:1]
            return []
    return []


def _opening_lines(text: str) -> list[str]:
    """The first _MINUTES_HEAD_LINES lines of `text` that are not blank."""
    count = 4 * _MINUTES_HEAD_LINES
    while True:
        lines = scan.first_lines(text, count)
        head = [line for line in lines if line.strip()][:_MINUTES_HEAD_LINES]
        if len(head) == _MINUTES_HEAD_LINES or len(lines) < count:
            return head
        count *= 4


# The words a step of the Beratungsfolge is named by in prose or in a list.
_STEPS = (
    "Beratung",
    "Vorberatung",
    "Beschlussfassung",
    "Entscheidung",
    "Kenntnisnahme",
    "Anhörung",
    "Behandlung",
)
_STEP_WORDS = "|".join(_STEPS)
# "zur Sitzung des Stadtrates am 27.02.2024", "zur Beratung im Bauausschuss am 3. März
# 2024", "für die Sitzung des Hauptausschusses am ...": a motion addressed to one session;
# "zur Vorberatung im Ausschuss für Umwelt am 12.11.2024 und zur Beschlussfassung im Kreistag
# am 03.12.2024": a paper's Beratungsfolge in one sentence, each step's role its word.
_PROSE_SESSION = re.compile(
    r"\b(?:zur|für die|in der)\s+(?:\d{1,3}\.\s+)?(?:(?:öffentlichen|nächsten)\s+)?"
    rf"(?P<step>Sitzung|{_STEP_WORDS})\s+(?:des|der|im|in der|durch den|durch die)\s+"
    # The body's name, over a line break of the prose but not a blank line.
    r"(?P<body>(?:[^\n]|\n(?![ \t]*\n)){3,80}?)\s+am\s+(?:\w+,?\s+(?:den\s+)?)?"
    rf"(?P<date>{values.DATE_TEXT})",
    re.I,
)
# The body first, then its session: "Mitteilungsvorlage" / "an den Jugendhilfeausschuss zur
# Sitzung am 14.05.2024 öffentlich", "an den Rat für die Sitzung am 03.06.2024".
_ADDRESSEE_SESSION = re.compile(
    r"\ban\s+(?:den|die|das)\s+(?P<body>[^\n]{3,80}?)\s+(?:zur|für\s+die)\s+"
    r"(?:(?P<status>öffentlichen|nichtöffentlichen|nicht\s+öffentlichen)\s+)?Sitzung\s+am\s+"
    rf"(?:\w+,?\s+(?:den\s+)?)?(?P<date>{values.DATE_TEXT})"
    r"(?:[ \t]*[(,]?[ \t]*(?P<public>öffentlich|nichtöffentlich|nicht\s+öffentlich)\b)?",
    re.I,
)
# The words of _PROSE_SESSION that say no role: the session itself, or talking it over.
_NO_ROLE_STEPS = frozenset({"sitzung", "beratung", "behandlung"})
# How far into the paper such a line is looked for: the motion's head.
_PROSE_HEAD = 1500


# A Beratungsfolge given as a list, a line a step (TI-Generator's "geplante Beratungsfolge"):
# "1.) Ortsbeirat Gartz (Oder): öffentliche Beratung am 15.09.2026".
_LISTED_SESSION = re.compile(
    r"[ \t]*(?:\d{1,2}\.\)?[ \t]*)?(?P<body>[^\n:]{3,80}):[ \t]*"
    r"(?:(?P<public>öffentliche|nichtöffentliche|nicht öffentliche)[ \t]+)?"
    rf"(?P<step>{_STEP_WORDS})[ \t]+am[ \t]+(?:\w+,?[ \t]+(?:den[ \t]+)?)?"
    rf"(?P<date>{values.DATE_TEXT})[ \t]*$",
    re.I | re.M,
)


# The steps' words without their first letter (the pattern takes any case: "Vorberatung",
# "beratung"): only lines with one are tried.
_LISTED_STEP_WORDS = tuple(step[1:] for step in _STEPS)


def listed_sessions(text: str) -> list[Consultation]:
    """A Beratungsfolge listed a step a line (see _LISTED_SESSION), the step's word its role."""
    found: list[Consultation] = []
    starts = scan.line_starts(text, *_LISTED_STEP_WORDS)
    for m in scan.finditer_at(_LISTED_SESSION, text, starts):
        names = committees.find(m.group("body"))
        date = values.parse_date(m.group("date"))
        if not names or date is None:
            continue
        public = m.group("public")
        found.append(
            Consultation(
                committees.clean(names[0].text),
                date,
                m.group("step"),
                None if public is None else not public.lower().startswith("nicht"),
            )
        )
    return found


def prose_sessions(text: str) -> list[Consultation]:
    """The sessions a paper is addressed to in its head's prose (see _PROSE_SESSION and
    _ADDRESSEE_SESSION)."""
    found: list[Consultation] = []
    for m in _PROSE_SESSION.finditer(text[:_PROSE_HEAD]):
        body = committees.nominative(" ".join(m.group("body").split()))
        names = committees.find(body)
        date = values.parse_date(m.group("date"))
        if names and date:
            step = m.group("step")
            role = None if step.lower() in _NO_ROLE_STEPS else step
            organization = committees.clean(names[0].text)
            if all((_key(c.organization), c.date) != (_key(organization), date) for c in found):
                found.append(Consultation(organization, date, role))
    if found:
        return found
    for m in _ADDRESSEE_SESSION.finditer(text[:_PROSE_HEAD]):
        names = committees.find(committees.nominative(" ".join(m.group("body").split())))
        date = values.parse_date(m.group("date"))
        if names and date and names[0].start == 0:
            status = (m.group("public") or m.group("status") or "").lower()
            public = None if not status else not status.startswith("nicht")
            found.append(Consultation(committees.clean(names[0].text), date, None, public))
    return found


# A form that gives each body the paper goes to its own "Sitzungstag:" (Nettersheim's
# Vorlage: "An den" / "Rechnungsprüfungsausschuss" / "Sitzungstag:" / "05.12.2013" / ...).
_SESSION_DAY = re.compile(
    rf"^[ \t]*(?:Sitzungstag|Sitzungstermin|Sitzungsdatum|Sitzung am)[ \t]*:[ \t]*"
    rf"(?:\n[ \t]*)?(?P<date>{values.DATE_TEXT})[ \t]*$",
    re.M,
)
_SESSION_DAY_LINES = 60


def session_days(text: str) -> list[Consultation]:
    """Each body named alone on the line above its "Sitzungstag:" (see _SESSION_DAY); only
    where there are two or more, as a single one is the form's own session."""
    head = "\n".join(text.split("\n", _SESSION_DAY_LINES)[:_SESSION_DAY_LINES])
    found: list[Consultation] = []
    for m in _SESSION_DAY.finditer(head):
        above = head[: m.start()].rstrip("\n").rsplit("\n", 1)[-1].strip()
        date = values.parse_date(m.group("date"))
        if committees.alone(above) and date is not None:
            found.append(Consultation(committees.clean(above), date))
    return found if len(found) >= 2 else []


# A motion addressed to each body at its session, in its head: "Antrag an den Ausschuss für
# Wirtschaft am 16.05.2007, den Hauptausschuss am 06.06.2007 und an den Rat der Stadt
# Wuppertal am 11.06.2007" (a Fraktion's Antrag as its website publishes it).
_ADDRESSED = re.compile(r"\bAntrag\s+an\s+(?=(?:den|die|das)\s)")
_ADDRESSEE = re.compile(
    r"(?:\s*,\s*|\s+und\s+(?:an\s+)?|\s*)(?:den|die|das)\s+"
    rf"(?P<body>(?:[^\n]|\n(?![ \t]*\n)){{3,100}}?)\s+am\s+(?P<date>{values.DATE_TEXT})"
)


def addressed_sessions(text: str) -> list[Consultation]:
    """The bodies a motion is addressed to, each with its session's date (see _ADDRESSED)."""
    m = _ADDRESSED.search(text[:_PROSE_HEAD])
    if m is None:
        return []
    found: list[Consultation] = []
    position = m.end()
    while (step := _ADDRESSEE.match(text, position)) is not None:
        position = step.end()
        body = committees.nominative(" ".join(step.group("body").split()))
        names = committees.find(body)
        date = values.parse_date(step.group("date"))
        if names and date:
            # The addressee is the whole phrase between its article and "am": "Ausschuss
            # Zentrale Dienste" where the name reader knows no "Dienste".
            name = body if names[0].start == 0 else names[0].text
            found.append(Consultation(committees.clean(name), date))
    return found


def committee_parts(doc: Parsed) -> list[Consultation]:
    """Bodies a Beschlussvorschlag is split by: lines that are a committee name and a colon."""
    section = doc.section("beschlussvorschlag")
    text = section.text if section else doc.text
    found: list[Consultation] = []
    for label in _COMMITTEE_LABEL.finditer(text):
        names = committees.find(label.group("name"))
        if (
            len(names) == 1
            and names[0].start == 0
            and names[0].end == len(label.group("name").rstrip())
        ):
            organization = committees.clean(names[0].text)
            if all(_key(c.organization) != _key(organization) for c in found):
                found.append(Consultation(organization))
    return found


def _merge(rows: list[Consultation], session: Consultation) -> list[Consultation]:
    """The header's session lends its öffentlich/role to its table row; with no table it is
    the one consultation. A session the table lacks is left out: the table is the paper's
    own list, and a header form copied from another paper may name another session."""
    if not rows:
        return [session]
    for row in rows:
        if _key(row.organization) == _key(session.organization) and row.date == session.date:
            if row.public is None:
                row.public = session.public
            if row.role is None:
                row.role = session.role
    return rows


def _roles_from_prose(text: str, found: list[Consultation]) -> None:
    """ "nach Vorberatung im Hauptausschuss (und im Bauausschuss)": those rows' role."""
    open_rows = [c for c in found if c.role is None]
    if not open_rows:
        return
    named = preliminary_bodies(text)
    # The body that decides after the preliminary one never is a preliminary body itself;
    # the last row of the table is left alone.
    for row in open_rows:
        if _key(row.organization) in named and row is not found[-1]:
            row.role = "Vorberatung"


def preliminary_bodies(text: str) -> set[str]:
    """Keys of the bodies a paper says it was prepared in: "nach (einer) Vorberatung(en)
    im / in der / durch den <body>, (und im) <body>", in any inflection. Only the sentences
    around the word are tokenized."""
    bodies: set[str] = set()
    for hit in _PRELIMINARY_WORD.finditer(text):
        start = max(0, hit.start() - _WINDOW_BEFORE)
        window = re.sub(r"\s+", " ", text[start : hit.end() + _WINDOW_AFTER])
        if not _NACH.search(window):  # a table cell "Vorberatung": nothing to tokenize
            continue
        doc = nlp.norms(window)
        for span in _preliminary_matcher()(doc, as_spans=True):
            stop = next((t.i for t in doc[span.end :] if t.text in (".", ";")), len(doc))
            bodies |= _bodies_in(doc[span.end : stop].text)
    return bodies


def _bodies_in(rest: str) -> set[str]:
    """The bodies at the start of `rest`, joined by commas and "und (im)"; a coordinated
    compound also as its parts ("Planungs- und Hauptausschuss": Planungsausschuss and
    Hauptausschuss), since it may name one body ("Haupt- und Finanzausschuss") or two."""
    bodies: set[str] = set()
    # Text up to the first body, then between two bodies: nothing, then a link.
    expected = re.compile(r"")
    position = 0
    for name in committees.find(rest):
        if not expected.fullmatch(rest[position : name.start]):
            break
        # A "für ..." phrase runs on over the link to the next body:
        # "Ausschuss für Umwelt und Gesundheit und im Hauptausschuss".
        text = _TRAILING_LINK.sub("", name.text)
        expected = _LINK if text == name.text else re.compile(r"\s*")
        bodies.add(_key(committees.clean(text)))
        bodies |= {_key(part) for part in _compound_parts(text)}
        position = name.end
    return bodies


def _compound_parts(name: str) -> list[str]:
    """ "Planungs- und Hauptausschuss" -> ["Planungsausschuss", "Hauptausschuss"]; [] for a
    name that is no coordinated compound."""
    compound = _COMPOUND.fullmatch(name)
    if compound is None:
        return []
    head = compound.group("head")
    endings = [e for e in vocab.words("committee_words") if head.lower().endswith(e.lower())]
    if not endings:
        return []
    ending = max(endings, key=len)
    return [compound.group("first") + head[len(head) - len(ending) :], head]


@functools.cache
def _preliminary_matcher() -> Matcher:
    """ "nach (einer/der) Vorberatung(en) im / in (der|den) / durch (den|die)", also as the
    second step of one "nach": "nach Anhörung der Ortschaftsräte und Vorberatung im": the
    words before the bodies. NORM is the folded lemma, so inflected forms match too."""
    matcher = Matcher(nlp.german().vocab)
    article: dict[str, Any] = {
        "NORM": {"IN": ["der", "die", "den", "dem", "einer", "ein", "eine"]},
        "OP": "?",
    }
    tail: list[dict[str, Any]] = [
        {"NORM": "vorberatung"},
        {"NORM": {"IN": ["im", "in", "durch"]}},
        article,
    ]
    matcher.add(
        "PRELIMINARY",
        [
            [{"NORM": "nach"}, article, *tail],
            [
                {"NORM": "nach"},
                # Bounded by the window: at most _WINDOW_BEFORE characters before the word.
                {"TEXT": {"NOT_IN": [".", ";", ":"]}, "OP": "+"},
                {"NORM": {"IN": ["und", "sowie"]}},
                *tail,
            ],
        ],
        greedy="LONGEST",
    )
    return matcher


def _key(name: str) -> str:
    return re.sub(r"[^\w]+", " ", name.casefold()).strip()
