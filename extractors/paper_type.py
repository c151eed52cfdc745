"""paper_type: the kind of paper, recognised from the paper's own wording in its header.

A paper names its kind at the start of a line near its top ("BESCHLUSSVORLAGE",
"Stellungnahme zum Antrag", "Drucksache 113/21", "## Pressemitteilung"); the same words in
prose ("auf Einladung der Verbände") say nothing about the paper. The earliest such line
decides, the longer phrase where two start at the same place ("Antrag auf Genehmigung",
a form, over "Antrag").
"""

from __future__ import annotations

import functools
import re
from typing import Any

from extractors import evidence, form, header, resolution, scan, title, vocab
from pipeline.model import PaperType, Parsed, Record

# How far into the document the self-description is looked for.
_HEAD_CHARS = 1500
# An Informationsvorlage whose title is the Anfrage it answers ("Anfrage der SPD-Fraktion
# vom 24.09.2025: ...") is the administration's answer to it.
_ANSWERED = re.compile(r"(?:Anfrage|Antrag)\b", re.I)


# A paper that names no kind but puts a proposal to the council is a Beschlussvorlage
# ("Drucksache with a Beschlussvorschlag"): the heading says so even where the letterhead
# and the kind's name were lost to a scan.
_PROPOSAL_HEADING = re.compile(
    r"^\W*(?:Beschluss(?:vorschlag|antrag|empfehlung|entwurf)|Entscheidungsvorschlag"
    # "Antrag der Verwaltung" (Baden-Württemberg's Landkreise: Ostalbkreis).
    r"|(?:Antrag|Vorschlag|Empfehlung)[ \t]+der[ \t]+Verwaltung|Vorschlag zur Beschlussfassung)",
    re.I,
)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    if header.lists_papers(doc.text):
        return {
            "paper_type": PaperType.SONSTIGES,
            "evidence": {"paper_type": evidence.inferred("a list of several papers")},
        }
    kind = classify(doc.text)
    how = evidence.placed("kind named at the top")
    head_form = form.read(scan.first_lines(doc.text, form.HEAD_LINES)).before(_FORM_LINES)
    labelled = head_form.first("kind")
    if labelled and (kind is PaperType.SONSTIGES or _only_carrier_named(doc.text)):
        # "Vorlage-Art: Beschlussvorlage", "Art" over "Mitteilungsvorlage": the form's field;
        # under "Drucksache - 22-3995" (any paper's carrier word) "Drucksache-Art: Eingabe"
        # says what it is, a kind of no class here.
        kind = classify(labelled.value)
        how = evidence.labelled(f"label '{labelled.label}'")
    if kind is PaperType.SONSTIGES and labelled:
        # The form names a kind no class here has: it is that, not what its parts suggest.
        return {"paper_type": kind, "evidence": {"paper_type": how}}
    if kind is PaperType.SONSTIGES and (worded := _worded_kind(doc.text)) is not None:
        # No kind named, but its first sentences make the motion or ask the questions
        # ("Die Liste ... stellt den Antrag:", "wir bitten um die ... Beantwortung folgender
        # Fragen"): a group's paper published as it was sent.
        kind = worded
        how = evidence.inferred("the wording that makes a motion or asks")
    elif kind is PaperType.SONSTIGES and (
        _proposes(doc)
        or (resolution.body_decides(doc) is not None and not _records_proceedings(doc.text))
    ):
        # Its proposal under its heading, or a body's decision in its head under none ("Der
        # Brandschutzausschuss beschließt, dem Samtgemeindeausschuss zu empfehlen, ...").
        kind = PaperType.BESCHLUSSVORLAGE
        how = evidence.inferred("proposes a resolution")
    elif kind is PaperType.SONSTIGES and _is_council_paper(doc, head_form):
        # A numbered paper with a Beratungsfolge that proposes nothing reports to the
        # council: "Unterrichtung des Rates über ...", "Bericht", "Um Kenntnisnahme wird gebeten".
        kind = PaperType.MITTEILUNGSVORLAGE
        how = evidence.inferred("numbered, with a Beratungsfolge, proposes nothing")
    if kind is PaperType.SONSTIGES and (
        len(_AGENDA_ITEM.findall(doc.text)) >= _AGENDA_ITEMS or _agenda_part(doc.text)
    ):
        kind = PaperType.EINLADUNG  # a session's agenda that names no kind: "TOP 1<TAB>..."
        how = evidence.inferred("agenda items")
    if kind is not PaperType.NIEDERSCHRIFT and _session_form(head_form):
        kind = PaperType.EINLADUNG
        how = evidence.labelled("a session's form")
    if kind is PaperType.SONSTIGES and header.session_line(scan.first_lines(doc.text, 5)):
        kind = PaperType.EINLADUNG  # "Sitzung Rat am 03.09.2026" over the session's items
        how = evidence.placed("a session's heading")
    if kind is PaperType.EINLADUNG and _records_proceedings(doc.text):
        kind = PaperType.NIEDERSCHRIFT
        how = evidence.inferred("records proceedings")
    if resolution.result_label().search("\n".join(scan.first_lines(doc.text, _DECISION_LINES))):
        # "Beschluss: einstimmig beschlossen" / "Abstimmung: Ja: 24, Nein: 0" heading an
        # item's page: the record of the decision taken (its Antrag's or Vorlage's text may
        # follow).
        kind = PaperType.NIEDERSCHRIFT
        how = evidence.placed("a decision's result at the top")
    if kind is PaperType.SONSTIGES and _DECISIONS_TAKEN.search(doc.text, 0, _HEAD_CHARS):
        # "In dieser Sitzung werden folgende Beschlüsse gefasst:" (an Amtsblatt's notice of a
        # session held): the minutes' decisions follow.
        kind = PaperType.NIEDERSCHRIFT
        how = evidence.placed("'folgende Beschlüsse gefasst'")
    if (
        kind is PaperType.SONSTIGES
        and header.item_day(scan.first_lines(doc.text, header.HEAD_LINES)) is not None
        and resolution.DECISION_LABEL.search(doc.text)
    ):
        # "14.03.2016 - 8.12 Verhandlungen über ..." over "Beschluss:": ALLRIS net's page of
        # an item's decision (Greifswald).
        kind = PaperType.NIEDERSCHRIFT
        how = evidence.placed("an item's dated heading over its decision")
    if kind is PaperType.SONSTIGES and resolution.result_label().search(doc.text):
        # "Beschluss: 8 : 1" under an item's Sachverhalt: the record of its decision.
        kind = PaperType.NIEDERSCHRIFT
        how = evidence.inferred("a decision's result")
    if kind is PaperType.MITTEILUNGSVORLAGE:
        name = title.find(doc.text)
        if name and _ANSWERED.match(name):
            kind = PaperType.STELLUNGNAHME
            how = evidence.placed("answers an Anfrage")
    if kind is PaperType.SONSTIGES:
        how = evidence.inferred("no kind named")
    return {"paper_type": kind, "evidence": {"paper_type": how}}


_DECISIONS_TAKEN = re.compile(
    r"\b(?:werden|wurden)[ \t\n]+(?:folgende|nachstehende|nachfolgende)[ \t\n]+Beschlüsse"
    r"[ \t\n]+gefa(?:ss|ß)t\b"
)


# How far down an item's page its decision's result stands (SessionNet's to0050 prints it
# first, a page's furniture may come before it).
_DECISION_LINES = 11


def _session_form(head_form: form.Form) -> bool:
    """A session's page: its form names the session and where it is held ("Sitzungsname:",
    "Sitzungsort:", "Sitzungstermin:"; or the body, the place and the day) and no paper's
    number; the kinds its items name are theirs."""
    fields = {entry.field for entry in head_form.entries}
    if "reference" in fields:
        return False
    if "session" in fields and fields & {"session_name", "place"}:
        return True
    # "Datum:" / "Sitzungsort:" / "Gremium:" (a Meeting.mvc session page): the body meets
    # at a place on a day.
    return {"place", "committee", "date"} <= fields


# An agenda item's line: "TOP 1<TAB>Eröffnung der Sitzung", "Ö 4 Anfragen", "TOP 3.1:".
_AGENDA_ITEM = re.compile(r"^[ \t]*(?:TOP|Ö|N|NÖ)[ \t]*:?[ \t]*\d{1,3}(?:\.\d{1,2})?\b", re.M)
_AGENDA_ITEMS = 3
# "Öffentlicher Teil" over "1. Frageviertelstunde", "2. Bekanntgabe ...": an agenda's part
# and its numbered items (ris-portal's session page).
_AGENDA_PART = re.compile(rf"^[ \t]*{header.PART_HEADING.pattern}[ \t]*$", re.M | re.I)
_NUMBERED_ITEM = re.compile(r"^[ \t]*(\d{1,2})\.[ \t]+[A-ZÄÖÜ]", re.M)


def _agenda_part(text: str) -> bool:
    """An agenda part's heading followed by items numbered 1, 2, 3 (see _AGENDA_PART)."""
    part = _AGENDA_PART.search(text)
    if part is None:
        return False
    numbers = [int(m.group(1)) for m in _NUMBERED_ITEM.finditer(text, part.end())]
    return numbers[:_AGENDA_ITEMS] == list(range(1, _AGENDA_ITEMS + 1))


@functools.cache
def _proceedings() -> re.Pattern[str]:
    return re.compile(
        rf"(?<!\w)(?:{'|'.join(vocab.phrase_pattern(w) for w in vocab.words('proceedings'))})"
        r"(?!\w)",
        re.I,
    )


# An item's minutes headed by a line of its own under the item ("Protokoll",
# "Kurzprotokoll"): a session page that has two records its proceedings item by item.
_ITEM_MINUTES = re.compile(r"^[ \t]*(?:Kurz)?[Pp]rotokoll[ \t]*:?[ \t]*$", re.M)


# A vote's tally: "Dafür: 20, Dagegen: 0" (a Meeting.mvc session page), "Ja: 12 Nein: 1".
_TALLY = re.compile(
    r"\b(?:Dafür|Ja)[ \t]*:[ \t]*\d+[ \t]*[,;]?[ \t]*(?:Dagegen|Nein)[ \t]*:[ \t]*\d+"
)


# A vote's result on its label's line: "Abstimmungsergebnis: Einstimmig" (an Amtsblatt's
# notice of the decisions taken, Langenlonsheim-Stromberg).
_VOTE_RESULT = re.compile(
    r"^[ \t]*Abstimmung(?:sergebnis)?[ \t]*:[ \t]*(?:einstimmig|mehrheitlich|\d)", re.I | re.M
)


def _records_proceedings(text: str) -> bool:
    """Whether the text records a session's course (two kinds of proceedings words, a vote's
    tally or result counting as one, or two items' minutes)."""
    kinds = len({m.group().casefold() for m in _proceedings().finditer(text)})
    votes = bool(_TALLY.search(text) or _VOTE_RESULT.search(text))
    return kinds + votes >= 2 or len(_ITEM_MINUTES.findall(text)) >= 2


# How many lines from the top a paper's form is read in for its Vorlagen-Nr.
_FORM_LINES = 40


def _is_council_paper(doc: Parsed, head_form: form.Form) -> bool:
    """A paper of a council's: a labelled Vorlagen-/Drucksachen-Nr. in its form (the label
    vocabulary of extractors.form) and a Beratungsfolge."""
    if not doc.sections_labelled("beratungsfolge"):
        return False
    entry = head_form.first("reference")
    return entry is not None and form.fits(form.Kind.REF, entry.value)


def _proposes(doc: Parsed) -> bool:
    return any(
        _PROPOSAL_HEADING.match(s.heading) and s.text.strip()
        for s in doc.sections_labelled("beschlussvorschlag")
    )


@functools.cache
def _phrases() -> re.Pattern[str]:
    rows = sorted(vocab.rows("paper_types"), key=lambda row: -len(row[1]))
    parts = []
    for i, (_type_name, phrase) in enumerate(rows):
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        parts.append(f"(?P<p{i}>{words})")
    # At a line's start (after markup such as "## "), as a whole word, perhaps after an
    # adjective ("Interfraktioneller Antrag", "Gemeinsamer Antrag", "Geänderte Beschlussvorlage").
    adjective = r"(?:[A-Za-zÄÖÜäöüß]{3,}(?:er|es|e)[ \t]+)?"
    # "Öffentlicher Teil der Niederschrift über ...": the part of the minutes published.
    adjective += r"(?:(?:Öffentliche[rn]?|Nicht[ -]?öffentliche[rn]?)[ \t]+Teil[ \t]+de[rs][ \t]+)?"
    return re.compile(r"^[ \t#>*]*" + adjective + "(?:" + "|".join(parts) + r")(?!\w)", re.I | re.M)


# The word any council paper is carried by, naming no kind of its own where a form names one.
_CARRIER = "drucksache"
# How far after the carrier word a kind it carries is looked for, in characters: its line
# and a line or two more.
_KIND_AFTER_CARRIER = 120


def _only_carrier_named(text: str) -> bool:
    """Whether the phrase naming the paper's kind at its top is only the carrier word."""
    m = _phrases().search(text[:_HEAD_CHARS])
    return m is not None and _is_carrier(m)


def _is_carrier(m: re.Match[str]) -> bool:
    return m.group().strip(" \t#>*").casefold() == _CARRIER


# A motion made or questions asked in a paper's first sentences, by a group or its members.
_MOTION_WORDING = re.compile(
    r"\b(?:beantragt|beantragen|beantrage"
    # "stellt einen Änderungsantrag in der Stadtverordnetenversammlung" (Obertshausen)
    r"|stellt[ \t]+(?:den|folgenden|einen)[ \t]+(?:Änderungs|Dringlichkeits)?[Aa]ntrag"
    r"|stellen[ \t]+(?:den|folgenden)[ \t]+Antrag|mit[ \t]+folgendem[ \t]+Antrag"
    # "Aus den bisherigen Beratungen stellen wir weitere Änderungsanträge zum Haushalt"
    r"|stellen[ \t]+wir[ \t]+(?:\w+[ \t]+)?(?:Änderungs|Dringlichkeits|Haushalts)?[Aa]ntr(?:ag|äge)"
    # "Der Gemeinderat möge beschließen:", "... mögen beschließen:"
    r"|(?:möge|mögen|wolle|wollen)[ \t]+(?:folgendes[ \t]+)?beschließen(?=[ \t]*:))"
    r"(?!\w)"
)
_QUESTION_WORDING = re.compile(
    r"\b(?:bitten|bitte)\b[^.\n]{0,80}?\bBeantwortung\b[^.\n]{0,40}?\bFragen\b"
    # A group's website on the questions it sent: "haben folgende Fragen eingereicht", "stellte
    # unsere Fraktion eine schriftliche Anfrage an den Oberbürgermeister".
    r"|\bfolgende[ \t]+Fragen[ \t]+(?:eingereicht|gestellt)\b"
    r"|\bstellte?[ \t]+(?:unsere|die)[ \t]+Fraktion[ \t]+eine[ \t]+(?:schriftliche[ \t]+)?Anfrage\b"
)
# The administration's answer written as a letter: "auf Ihre Anfrage antworte ich wie
# folgt", "Ihre Anfrage vom ... beantworte ich wie folgt", "zu Ihrer Anfrage ... teile ich
# Ihnen mit".
_ANSWER_WORDING = re.compile(
    r"\b(?:Ihre|Ihrer)[ \t]+(?:Kleinen[ \t]+|Großen[ \t]+)?Anfrage\b[^.\n]{0,80}?"
    r"\b(?:antworte|beantworte|teile)[ \t]+ich\b",
    re.I,
)
_WORDING_CHARS = 900  # the opening sentences, after a front matter


def _worded_kind(text: str) -> PaperType | None:
    body = header.without_front_matter(text)[:_WORDING_CHARS]
    if _ANSWER_WORDING.search(body):
        return PaperType.STELLUNGNAHME
    if _QUESTION_WORDING.search(body):
        return PaperType.ANFRAGE
    if _MOTION_WORDING.search(body):
        return PaperType.ANTRAG
    return None


# "Anlage/n:" over the attachments' names, or the paper's last page marker.
_OWN_TEXT_ENDS = re.compile(
    r"^[ \t]*Anlage(?:n|/n|\(n\))?[ \t]*:|\bSeite:?[ \t]*(\d{1,3})[ \t]*(?:/|von)[ \t]*\1(?!\d)",
    re.I | re.M,
)


def classify(text: str) -> PaperType:
    """The kind the paper names itself by; Sonstiges if it names none."""
    head = text[:_HEAD_CHARS]
    end = _OWN_TEXT_ENDS.search(head)
    if end:
        # A kind named after the list of attachments or the paper's last page ("Seite: 1/1")
        # is an attachment's: the minutes a Vorlage asks to approve.
        head = head[: end.start()]
    m = _phrases().search(head)
    if not m:
        return PaperType.SONSTIGES
    if _is_carrier(m):
        # "Drucksache VIII-0153" / "Vorlage zur Kenntnisnahme": the carrier word, then the
        # kind on one of the next lines.
        then = _phrases().search(text[: min(_HEAD_CHARS, m.end() + _KIND_AFTER_CARRIER)], m.end())
        if then is not None and not _is_carrier(then):
            m = then
    rows = sorted(vocab.rows("paper_types"), key=lambda row: -len(row[1]))
    index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
    kind = PaperType(rows[index][0])
    if kind in (PaperType.ANFRAGE, PaperType.ANTRAG) and _ADDRESSED.match(m.group()):
        # "Ihre Anfrage vom 17.01.2012 zum Sachstand Waisengärten": a letter answering it.
        return PaperType.STELLUNGNAHME
    return kind


# The reader's own paper, which a letter's subject line names: "Ihre Anfrage vom ...".
_ADDRESSED = re.compile(r"[ \t#>*]*Ihr(?:e|en)?[ \t]", re.I)
