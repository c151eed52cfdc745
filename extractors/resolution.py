"""resolution: the proposal a council is asked to decide, item by item.

Where it is found, in order:
- the Beschlussvorschlag section (also Beschlussantrag, Beschlussempfehlung, "Antrag an den
  Gemeinderat"), or the Beschluss section (a Niederschrift's decision, or the decision text a
  Vorlage repeats on its last page) where that is clearly the fuller text;
- in an Antrag without such a section, the text after its lead-in ("Deshalb beantragt die
  Fraktion:"), or the first paragraph of a combined "Sachverhalt | Begründung" form field.

A letter ("Sehr geehrte Frau Oberbürgermeisterin, ...") counts only from its lead-in on. Page
headers and footers are dropped, numbered points become items (numbers removed), and a
proposal split by committee ("Haupt- und Finanzausschuss:" / "Rat:") carries each part's
committee as the items' organization.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from extractors import committees, evidence, form, scan, values, vocab
from pipeline.model import Evidence, PaperType, Parsed, Record, ResolutionItem, Section

# Papers that ask nothing of the council: questions, invitations, anything that is no paper.
_NO_RESOLUTION = frozenset({PaperType.ANFRAGE, PaperType.EINLADUNG, PaperType.SONSTIGES})
_PROPOSAL, _DECISION = "beschlussvorschlag", "beschluss"
# A later Beschluss section replaces the cover-page proposal only when it says clearly more
# (the cover's form field is short and may hold an abridged text).
_FULLER = 1.25

# A page header or footer block: at most this many lines around a page number.
_FURNITURE_LINES = 4
_PAGE_NUMBER = re.compile(rf"^[ \t]*{form.PAGE_MARKER.pattern}[ \t]*$", re.I | re.M)
_RULE_OR_PAGE_NUMBER = re.compile(
    rf"(?:{_PAGE_NUMBER.pattern}|{form.RUNNING_LINE.pattern}|^[ \t]*[_=–-]{{10,}}[ \t]*$"
    # A page's foot that says the text goes on ("...") and the next page's "2/4" (Dresden).
    r"|^[ \t]*(?:\.\.\.|…|\d{1,2}/\d{1,2})[ \t]*$)\n?",
    re.I | re.M,
)
# Item numbers at the start of a line: "1.", "2)", "(3)", "a)", also after a dash ("- 1.").
# A page break ("\f") may stand before an item that starts a page.
# "1.", "1)", "(a)", "1.)" (Rostock's ALLRIS pages).
_ITEM = re.compile(
    r"^[ \t\f]*(?:[-–•][ \t]*)?\(?(?P<n>\d{1,2}|[a-h])(?:\.(?!\d)\)?|\))[ \t]+", re.M
)
# Bullets inside an item: "o Einrichtung ...", "• ...", "- ..."; removed, they do not split.
_BULLET = re.compile(r"^[ \t]*(?:[o•·▪●◦➢►*]|[-–](?![ \t]*\d))[ \t]+", re.M)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?;“”\"')]\s*$")
# "Haupt- und Finanzausschuss:", "Rat:", "I. Antrag an den Bauausschuss": a committee's part.
_ANTRAG_AN = re.compile(
    r"^[ \t]*(?:[IVX]{1,4}\.[ \t]*)?Antrag an (?:den|die|das)[ \t]+(?P<org>[^\n]+?)[ \t]*$", re.M
)
# A line that is only a date: "10. Juli 2009", "24.02.2011".
_DATE_LINE = re.compile(
    r"^[ \t]*\d{1,2}\.[ \t]*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zäöü]+)[ \t]*\d{4}[ \t]*\Z", re.M
)
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie", "als", "bis"})


@dataclass(frozen=True, slots=True)
class _Part:
    organization: str | None
    text: str


# The items that open and close every session: minutes holding them record a whole session,
# whose many decisions are no one paper's resolution.
_SESSION_ITEMS = re.compile(
    r"Eröffnung der Sitzung|Feststellung der (?:ordnungsgemäßen )?(?:Ladung|Einladung)"
    r"|Feststellung der Beschlussfähigkeit|Genehmigung (?:der|des) (?:Niederschrift|Protokolls)"
    r"|(?:Feststellung|Festsetzung|Genehmigung) der Tagesordnung|Schließung der Sitzung"
    # "eröffnet die öffentliche Sitzung" (Erlangen), "eröffnete um 17:00 Uhr die 3. Sitzung"
    r"|\beröffnete?\b(?:[^.\n]|(?<=\d)\.){0,40}?\bSitzung\b",
    re.I,
)


# A decision recorded in minutes, and its vote: "Beschluss:", "Abstimmung:" at a line's
# start. Minutes with two of either record more than one item, as whole minutes do
# (Frankfurt's PARLIS lists only the decided items).
DECISION_LABEL = re.compile(r"^[ \t]*Beschluss[ \t]*:", re.M)
_VOTE_LABEL = re.compile(r"^[ \t]*Abstimmung(?:sergebnis)?[ \t]*:", re.M)


@functools.cache
def result_label() -> re.Pattern[str]:
    """A decision's result on its label's line, as an item's record prints it: "Beschluss:
    einstimmig angenommen", "Beschluss:beschlossen mit Änderung" (decision_results.txt),
    "Beschluss: 8 : 1" (the vote's tally)."""
    return re.compile(
        rf"^[ \t]*Beschluss[ \t]*:[ \t]*(?:(?:{vocab.alternation('decision_results')})\b"
        rf"|{_TALLY}[ \t]*$)",
        re.M | re.I,
    )


# A vote's tally as the result: "Beschluss: 8 : 1" (for : against), "12:0:1".
_TALLY = r"\d{1,3}[ \t]*:[ \t]*\d{1,3}(?:[ \t]*:[ \t]*\d{1,3})?"


def whole_minutes(text: str) -> bool:
    """Whether minutes record a whole session (its opening items, or two decisions or votes),
    not the one item an extract records."""
    # A decision's result on its label's line ("Beschluss: einstimmig beschlossen") heads
    # the same decision whose words follow under a bare "Beschluss:": one, not two.
    decisions = len(DECISION_LABEL.findall(text)) - len(result_label().findall(text))
    return bool(
        _SESSION_ITEMS.search(text)
        or decisions >= 2
        or len(_VOTE_LABEL.findall(text)) >= 2
        or len(set(_ITEM_HEADING.findall(text))) >= 2
        or len(_ITEM_ROW_HEADINGS.findall(text)) >= 2
    )


# Each item of a komuna session page heads its row of the session: "Gremium Sitzung
# Sitzungsdatum ö / nö Beratungstyp TOP-Nr." (Schrobenhausen): two items, a whole session.
_ITEM_ROW_HEADINGS = re.compile(r"^[ \t]*Gremium[ \t|]+Sitzung[ \t|]+Sitzungsdatum\b", re.M)


# "TOP 1: Bürgerfragestunde", "TOP 2: Bebauungsplan ...": items of a session, by their number.
_ITEM_HEADING = re.compile(r"^[ \t]*(?:TOP|Tagesordnungspunkt)[ \t]*:?[ \t]*(\d{1,3})\b", re.M)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    if record.paper_type in _NO_RESOLUTION:
        return {"resolution": []}
    if record.paper_type is PaperType.NIEDERSCHRIFT and whole_minutes(doc.text):
        return {"resolution": []}
    text, how = _graded_proposal(doc, record.paper_type)
    found = items(text) if text else []
    return {"resolution": found, "evidence": {"resolution": how} if found and how else {}}


def proposal_text(doc: Parsed, paper_type: PaperType) -> str | None:
    """The raw text of the proposal (before splitting into items), or None if there is none."""
    return _graded_proposal(doc, paper_type)[0]


def _graded_proposal(doc: Parsed, paper_type: PaperType) -> tuple[str | None, Evidence | None]:
    """The proposal's raw text and how it was found: under its section heading, or by the
    wording that opens it ("Wir beantragen", "zu beschließen")."""
    runs = _runs(doc)
    proposal = _tidy(next((text for label, text in runs if label == _PROPOSAL), None))
    # The first decision with words: "Beschluss: einstimmig beschlossen" / "Abstimmung: ..."
    # may stand alone at the top of an item's page, its words under "Beschluss:" further down.
    decision = next(
        (
            words
            for label, text in runs
            if label == _DECISION and (words := _tidy(_decision_proper(text)))
        ),
        None,
    )
    under_heading = evidence.labelled("under its section heading")
    if proposal and decision:
        fuller = _words(decision) >= _FULLER * _words(proposal)
        return (decision if fuller else proposal), under_heading
    if proposal or decision:
        return proposal or decision, under_heading
    if paper_type == PaperType.ANTRAG:
        text = _tidy(
            _antrag_lead_in(doc) or _proposal_before_reasons(doc) or _combined_form_field(doc)
        )
        if text:
            return text, evidence.placed("the motion's opening words")
    elif text := _tidy(_to_resolve(doc)):
        return text, evidence.placed("'zu beschließen'")
    if text := _tidy(_announced(doc)):
        return text, evidence.placed("'folgenden Beschluss gefasst:'")
    return _tidy(body_decides(doc)), evidence.placed("a body's decision under the head")


@functools.cache
def _body_decides() -> str:
    """A body and the verb by which it decides: "Der Stadtrat beschließt", "Der Ortsrat Otze
    spricht sich" (decision_verbs.txt); the body is the group "body"."""
    return (
        r"(?:Der|Die|Das)[ \t]+(?P<body>[^\n;:.]{2,80}?)[ \t]+"
        rf"(?:{vocab.alternation('decision_verbs')})\b"
    )


@functools.cache
def _deciding_line() -> re.Pattern[str]:
    """A line that opens with a body's decision: "Der Stadtrat beschließt in seiner Sitzung
    am 11.11.2010" over the numbered points (Zeitz's ALLRIS page, no heading over them)."""
    return re.compile(rf"^[ \t]*{_body_decides()}", re.M)


# Where such a line is looked for: the head, the subject and the Beratungsfolge, not the
# reasons (which may tell of earlier decisions).
_HEAD_SECTIONS = frozenset({"header", "betreff", "beratungsfolge"})


def body_decides(doc: Parsed) -> str | None:
    """The proposal under no heading: the paragraph where a council body decides, in the
    paper's head, and the numbered points after it; the first other paragraph (the reasons,
    under no heading either) ends it."""
    for section in doc.sections:
        if section.label not in _HEAD_SECTIONS:
            break
        start = section.end - len(section.text)
        for m in _deciding_line().finditer(doc.text, start, section.end):
            if committees.alone(m.group("body")):
                paragraphs = _BLANK_LINE.split(doc.text[m.start() : section.end])
                kept = [paragraphs[0]]
                for paragraph in paragraphs[1:]:
                    if not paragraph.strip():
                        continue
                    if not (_is_point(paragraph) or _deciding_line().match(paragraph)):
                        break
                    kept.append(paragraph)
                return "\n\n".join(kept)
    return None


def _is_point(paragraph: str) -> bool:
    """A proposal's point: numbered or lettered (_ITEM), bulleted (_BULLET), or going on in
    lower case ("die Schließung der Grundschule ...")."""
    return (
        bool(_ITEM.match(paragraph) or _BULLET.match(paragraph)) or paragraph.lstrip()[:1].islower()
    )


def _announced(doc: Parsed) -> str | None:
    """The words after the last announcement of a decision under no heading of its own ("Die
    Bezirksverordnetenversammlung hat in ihrer Sitzung am 19.02.2009 folgenden Beschluss
    gefasst:", an ALLRIS page of a paper decided), to the next section."""
    lead = next(reversed(list(_DECISION_LEAD.finditer(doc.text))), None)
    if lead is None:
        return None
    end = min((s.start for s in doc.sections if s.start >= lead.end()), default=len(doc.text))
    return doc.text[lead.end() : end]


# "Antrag," / "zu beschließen, ...": the administration's proposal as Lower Saxony's councils
# head it (Hannover's Beschlussdrucksachen), the words after the comma part of it.
_TO_RESOLVE = re.compile(r"^[ \t]*Antrag[ \t]*,[ \t]*\n?[ \t]*(?=zu beschließen\b)", re.M)
# A heading-like line that ends the proposal: short, capitalised, no closing punctuation.
_HEADING_LINE = re.compile(r"[A-ZÄÖÜ][^\n.,;:!?]{2,60}")


def _to_resolve(doc: Parsed) -> str | None:
    """The text from "zu beschließen" to the next section or heading-like line that follows
    a finished sentence."""
    m = _TO_RESOLVE.search(doc.text)
    if m is None:
        return None
    end = min((s.start for s in doc.sections if s.start > m.end()), default=len(doc.text))
    lines, finished = [], False
    for line in doc.text[m.end() : end].split("\n"):
        stripped = line.strip()
        if finished and _HEADING_LINE.fullmatch(stripped) and not _ITEM.match(line):
            break
        lines.append(line)
        finished = stripped.endswith(".") or (finished and not stripped)
    return "\n".join(lines)


def _tidy(text: str | None) -> str | None:
    """The proposal proper: no page furniture, no letter around it, no sign-off after it."""
    if text is None:
        return None
    text = drop_page_furniture(text)
    if _starts_letter(text):
        text = _lead_in(text) or ""
    text = _without_sign_off(_until_signed(_until_closing(text)))
    text = _SUB_HEADING_OR_NUMBER.sub("\n\n", text)
    text = _result_note().sub("", text)
    return text if text.strip() else None


# Inside a run of decisions, a bare heading of the next ("Beschlusslage:") or the number of
# the paper decided on a line of its own ("2026-31/DS-I(A)0080/1", Offenbach): a break
# between decisions, no words of them.
_SUB_HEADING_OR_NUMBER = re.compile(
    r"^[ \t]*(?:Beschlusslage|Beschluss|Beschlussvorschlag)[ \t]*:[ \t]*$\n?"
    rf"|^[ \t]*(?=[^\n]*\d[/-]\d)(?=[^\n]*[A-Za-z])(?:{form.REFERENCE.pattern})[ \t]*$\n?",
    re.M,
)


@functools.cache
def _result_note() -> re.Pattern[str]:
    """A decision's result set off on a line of its own under its words: "- einstimmig -",
    "(einstimmig beschlossen)"."""
    return re.compile(
        rf"^[ \t]*[-–(][ \t]*(?:{vocab.alternation('decision_results')})\b[^\n]{{0,40}}?"
        r"[ \t]*[-–)]?[ \t]*$\n?",
        re.M | re.I,
    )


@functools.cache
def _result_lines() -> re.Pattern[str]:
    """The lines that open an item's record before its decision's words: the result on the
    heading's line ("Beschluss: einstimmig beschlossen"), the vote, the paper decided on."""
    return re.compile(
        rf"\A(?:[ \t]*(?:(?:{vocab.alternation('decision_results')})\b[^\n]*|{_TALLY}"
        r"|Abstimmung(?:sergebnis)?[ \t]*:[^\n]*|Vorlage[ \t]*:[^\n]*)?[ \t]*(?:\n|\Z))+",
        re.I,
    )


# "... fasst der Stadtrat folgenden Beschluss:", "wird wie folgt beschlossen:", "hat in ihrer
# Sitzung am 19.02.2009 folgenden Beschluss gefasst:": the words of the decision follow.
_DECISION_LEAD = re.compile(
    r"\b(?:(?:folgenden|nachstehenden)[ \t\n]+Beschluss(?:[ \t\n]+gefa(?:ss|ß)t)?"
    r"|wie[ \t\n]+folgt[ \t\n]+beschlossen)[ \t]*:",
    re.I,
)


def _decision_proper(text: str | None) -> str | None:
    """A decision's own words: after the sentence that announces them, else
    without the result, vote and paper lines an item's record opens with."""
    if text is None:
        return None
    # The last announcement: the discussion before it may quote the motion's own words.
    lead = next(reversed(list(_DECISION_LEAD.finditer(text))), None)
    if lead and text[lead.end() :].strip():
        return text[lead.end() :]
    opening = _result_lines().match(text)
    rest = text[opening.end() :] if opening else text
    bare = list(_BARE_DECISION.finditer(rest))
    if opening and opening.group().strip() and bare and rest[bare[-1].end() :].strip():
        # "Beschluss: einstimmig beschlossen", the discussion, then "Beschluss:" over the
        # decision's words (SessionNet's item page without its "Wortprotokoll:" heading).
        return rest[bare[-1].end() :]
    return rest


_BARE_DECISION = re.compile(r"^[ \t]*Beschluss[ \t]*:[ \t]*$", re.M)


def _until_signed(text: str) -> str:
    """The text before a letter's date line ("Offenbach a. M., den 01.10.2026"): what follows
    it is the signature and the system's notice."""
    m = values.LETTER_DATE.search(text)
    return text[: m.start()] if m else text


def _runs(doc: Parsed) -> list[tuple[str, str]]:
    """(first label, text) for each run of adjacent proposal/decision sections.

    "Beschluss:" followed by the heading "Antrag an den Gemeinderat" is one run: the text runs
    from the end of the first heading to the end of the last section, sub-headings included.
    """
    runs: list[tuple[str, str]] = []
    run: list[Section] = []
    for section in [*doc.sections, None]:
        if section is not None and section.label in (_PROPOSAL, _DECISION):
            run.append(section)
            continue
        if (
            run
            and section is not None
            and section.label == _NAVIGATION
            and _folds(section)
            and not (_decision_proper(run[-1].text) or "").strip()
        ):
            # "Beschluss:" / "mit Änderungen" / "Reduzieren" / the decision's words: ALLRIS
            # net folds a section's body under its button, after the result alone.
            run.append(section)
            continue
        if run:
            start = run[0].end - len(run[0].text)
            text = _NAVIGATION_LINE.sub("", doc.text[start : run[-1].end])
            runs.append((run[0].label, text))
            run = []
    return [(label, text) for label, text in runs if text.strip()]


_NAVIGATION = "navigation"
# ALLRIS net's buttons that fold a section's body (sections.tsv's `navigation` rows).
_FOLD_BUTTONS = ("Reduzieren", "Erweitern")
_NAVIGATION_LINE = re.compile(rf"^[ \t]*(?:{'|'.join(_FOLD_BUTTONS)})[ \t]*$\n?", re.M)


def _folds(section: Section) -> bool:
    """A folding button's section ("Reduzieren") that holds words, not the next button."""
    return section.heading.strip() in _FOLD_BUTTONS and bool(section.text.strip())


def _words(text: str) -> int:
    """Words of the items, so sub-headings ("Antrag an den Hauptausschuss") do not count."""
    return sum(len(re.findall(r"\w+", item.text)) for item in items(text))


def _without_sign_off(text: str) -> str:
    """Without a last paragraph that ends in a date alone: a sign-off such as
    "Hauptamt - Sitzungsdienste -\n10. Juli 2009"; or in the signer's office alone under
    a line or two: "Winfried Lehmann" / "Vorsitzender"."""
    paragraphs = _BLANK_LINE.split(text.rstrip())
    if len(paragraphs) > 1 and _DATE_LINE.search(paragraphs[-1]):
        return "\n\n".join(paragraphs[:-1])
    last = paragraphs[-1].strip().split("\n")
    if len(paragraphs) > 1 and 1 < len(last) <= 3 and _SIGNER_OFFICE.fullmatch(last[-1].strip()):
        return "\n\n".join(paragraphs[:-1])
    return text


# The office under a signature: "Vorsitzender", "Bürgermeisterin", "Schriftführer/in".
_SIGNER_OFFICE = re.compile(
    r"(?:Der[ \t]+|Die[ \t]+)?(?:stellv(?:ertretende[r]?|\.)[ \t]+)?"
    r"(?:Vorsitzende[r]?|(?:Ober|Erste[r]?[ \t]+)?[Bb]ürgermeister(?:in)?|Landrat|Landrätin"
    r"|Schriftführer(?:in)?|Protokollführer(?:in)?|Ortsvorsteher(?:in)?)(?:/in|/-in)?"
)


@functools.cache
def _phrases(kind: str) -> tuple[str, ...]:
    return tuple(phrase for k, phrase in vocab.rows("proposal_phrases") if k == kind)


def _phrase_pattern(kind: str) -> str:
    alternatives = sorted(_phrases(kind), key=len, reverse=True)
    return "|".join(r"[ \t\n]+".join(map(re.escape, p.split())) for p in alternatives)


@functools.cache
def _lead_pattern() -> re.Pattern[str]:
    # The lead-in runs to the next colon within its paragraph ("den folgenden Antrag zur
    # Beratung in der Sitzung des Stadtrats am 11.12.2025:"), or to its line's end where a
    # list follows at once ("Wir beantragen daher" / "•<TAB>maximal 4 Vollgeschosse").
    return re.compile(
        rf"\b(?:{_phrase_pattern('lead')})\b(?:(?:(?!\n[ \t]*\n)[^:]){{0,160}}:"
        r"|[^:\n]{0,60}\n(?=[ \t]*(?:[•·▪◦*–-]|\d{1,2}[.)])[ \t]))",
        re.I,
    )


@functools.cache
def _closing_pattern() -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*(?:{_phrase_pattern('closing')})(?!\w)", re.I | re.M)


@functools.cache
def _salutation_pattern() -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*(?:{_phrase_pattern('salutation')})\b", re.I | re.M)


def _starts_letter(text: str) -> bool:
    """The section opens with a salutation (in its first paragraph)."""
    first = _BLANK_LINE.split(text.strip(), maxsplit=1)[0]
    return bool(_salutation_pattern().search(first))


def _lead_in(text: str) -> str | None:
    """What follows the first lead-in ("stellt folgenden Antrag:"), if any."""
    m = _lead_pattern().search(text)
    return text[m.end() :] if m else None


def _until_closing(text: str) -> str:
    m = _closing_pattern().search(text)
    return text[: m.start()] if m else text


# "Der Kreistag möge beschließen:", its colon at once: what the council is to decide follows
# ("möge beschließen, in den Berichten ... zu veröffentlichen:" is part of it). The sentence
# stays with the proposal, as the corpora's gold keeps it ("Der Stadtrat möge beschließen:"),
# from its subject on where it has one.
_TO_DECIDE = re.compile(
    r"(?:(?:^|(?<=[:.][ \t]))[ \t]*(?:Der|Die|Das)[ \t]+[^:\n]{2,80}?[ \t]+)?"
    r"\b(?:möge|mögen|wolle|wollen)[ \t]+(?:folgendes[ \t]+)?beschließen[ \t]*:",
    re.M,
)


def _antrag_lead_in(doc: Parsed) -> str | None:
    """The text from an Antrag's lead-in ("Die CDU-Fraktion beantragt:", "Der Kreistag möge
    beschließen:") to the next heading."""
    found = [m for m in (_lead_pattern().search(doc.text), _TO_DECIDE.search(doc.text)) if m]
    if not found:
        return None
    m = min(found, key=lambda match: match.start())
    end = min((s.start for s in doc.sections if s.start >= m.end()), default=len(doc.text))
    text = doc.text[m.start() if m.re is _TO_DECIDE else m.end() : end]
    # "Die BVV möge beschließen:" / "Die Bezirksverordnetenversammlung hat ... folgenden
    # Beschluss gefasst:": the motion decided, its decision's words.
    decided = next(reversed(list(_DECISION_LEAD.finditer(text))), None)
    return text[decided.end() :] if decided and text[decided.end() :].strip() else text


def _proposal_before_reasons(doc: Parsed) -> str | None:
    """In an Antrag the proposal precedes its reasons: the numbered points (1., 2., ...) before
    the Begründung heading, with a lead sentence ("Der Gemeinderat möge beschließen,") before
    them; else the last paragraph before it, if it asks something ("Der Gemeinderat beauftragt
    die Verwaltung, ..."), or if the paragraph before it asks with a colon."""
    reasons = next((s for s in doc.sections_labelled("begruendung") if not _tab(doc, s)), None)
    if reasons is None:
        return None
    before = drop_page_furniture(doc.text[: reasons.start])
    starts = _numbered_starts(before)
    paragraphs = [m for m in re.finditer(r"(?:[^\n]*\S[^\n]*\n?)+", before)]
    if len(starts) >= 2:  # a lone "1." may be anything
        lead = [p for p in paragraphs if p.end() <= starts[0]][-1:]
        if lead and _asks(lead[0].group()) and lead[0].group().rstrip().endswith((",", ":")):
            return before[lead[0].start() : _paragraph_end(before, starts[-1])]
        return before[starts[0] : _paragraph_end(before, starts[-1])]
    if paragraphs and _asks(paragraphs[-1].group()):
        return paragraphs[-1].group()
    asking = paragraphs[-2].group() if len(paragraphs) >= 2 else ""
    if _PROPOSAL_LABEL.fullmatch(asking.strip()) and paragraphs[-1].group().strip():
        # "Antrag:" over the paragraph, "Begründung:" under it (Flensburg's joint motion).
        return paragraphs[-1].group()
    if _asks(asking) and asking.rstrip().endswith(":"):
        # "Die Bezirksverordnetenversammlung möge beschließen:" over what it is to decide.
        return before[paragraphs[-2].start() : paragraphs[-1].end()]
    return None


# The label over a motion's proposal, where the segmenter takes no heading: "Antrag:" (a
# motion names its kind on its first line "ANTRAG", which must stay no heading).
_PROPOSAL_LABEL = re.compile(r"(?:Antrag|Antragstext|Beschlussantrag)[ \t]*:", re.I)


def _tab(doc: Parsed, section: Section) -> bool:
    """An empty section with another heading on the next line: a RIS page's row of tabs
    ("Sachverhalt" / "Anlagen:"), not the heading of the paper's reasons (which a text layer
    may put after them, at the text's end)."""
    return not section.text.strip() and section.end < len(doc.text.rstrip())


def _paragraph_end(text: str, offset: int) -> int:
    blank = _BLANK_LINE.search(text, offset)
    return blank.start() if blank else len(text)


@functools.cache
def _asking_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_phrase_pattern('ask')})\b", re.I)


def _asks(paragraph: str) -> bool:
    """A finished sentence that asks something of the council or the administration."""
    joined = join_lines(paragraph)
    return bool(_asking_pattern().search(joined)) and bool(re.search(r"[.,:]$", joined))


def _combined_form_field(doc: Parsed) -> str | None:
    """The first paragraph of an Antrag form's "Sachverhalt | Begründung" field: the proposal."""
    for section in doc.sections_labelled("begruendung"):
        if re.search(r"Sachverhalt\W+(?:und\W+)?Begründung", section.heading, re.I):
            paragraphs = [
                p for p in _BLANK_LINE.split(drop_page_furniture(section.text)) if p.strip()
            ]
            if len(paragraphs) >= 2:  # the reasons follow; a lone paragraph may be anything
                return paragraphs[0]
    return None


def drop_page_furniture(text: str) -> str:
    """Without page headers and footers: a short block (between blank lines) with a page
    number goes whole; elsewhere page-number lines and ruled lines ("_____") go."""
    blocks = re.split(r"(\n[ \t]*\n)", text)
    kept = []
    for block in blocks:
        lines = [line for line in block.splitlines() if line.strip()]
        if 0 < len(lines) <= _FURNITURE_LINES and any(_PAGE_NUMBER.match(line) for line in lines):
            kept.append("\n")
            continue
        kept.append(_RULE_OR_PAGE_NUMBER.sub("", block))
    return "".join(kept)


def items(text: str) -> list[ResolutionItem]:
    """The items of a proposal, with each committee's part labelled where it is split so."""
    parts = _committee_parts(text)
    named = len([p for p in parts if p.organization]) >= 2
    found = [
        ResolutionItem(text=item, organization=part.organization if named else None)
        for part in parts
        for item in _split_items(part.text)
    ]
    if not named:
        _by_subject(found)
    return found


@functools.cache
def _subject_body() -> re.Pattern[str]:
    """An item that opens with the body it speaks for, its number perhaps before it."""
    return re.compile(rf"(?:\d{{1,2}}[.)][ \t]+)?{_body_decides()}")


def _by_subject(found: list[ResolutionItem]) -> None:
    """Each item labelled with the body it speaks for ("Der Ortsrat Otze spricht sich für ...
    aus", "Der Haupt- und Finanzausschuss empfiehlt dem Rat ..."), where every item names its
    body as its subject and they are two bodies or more (a proposal put to each body in
    turn); a council's items all saying "Der Gemeinderat beschließt" are one body's and stay
    as they are."""
    bodies = []
    for item in found:
        m = _subject_body().match(item.text)
        if m is None or not committees.alone(m.group("body")):
            return
        bodies.append(m.group("body"))
    if len({b.casefold() for b in bodies}) < 2:
        return
    for item, body in zip(found, bodies, strict=True):
        item.organization = body


def _committee_parts(text: str) -> list[_Part]:
    """Split at lines naming the committee a part is addressed to."""
    addressed = scan.finditer_at(_ANTRAG_AN, text, scan.line_starts(text, "Antrag an "))
    markers = [(m.start(), m.end(), m.group("org")) for m in addressed]
    if _may_name_committee(text):
        headings = _committee_heading().finditer(text)
        markers += [(m.start(), m.end(), m.group("org")) for m in headings]
    markers.sort()
    if not markers:
        return [_Part(None, text)]
    parts = [_Part(None, text[: markers[0][0]])]
    for index, (_, end, org) in enumerate(markers):
        stop = markers[index + 1][0] if index + 1 < len(markers) else len(text)
        parts.append(_Part(_organization(org), text[end:stop]))
    return [p for p in parts if p.text.strip()]


@functools.cache
def _committee_heading() -> re.Pattern[str]:
    # A line that is only a committee's name and a colon ("Haupt- und Finanzausschuss:"),
    # first in the text or after a blank line or a finished sentence: "... beschließt nach
    # Vorberatung im Ausschuss für X und im\nHauptausschuss:" is one sentence, no heading.
    endings = "|".join(re.escape(w) for w in vocab.words("committee_words"))
    return re.compile(
        rf"(?:\A|(?<=\n)[ \t]*\n|(?<=[.:!?])[ \t]*\n)"
        rf"[ \t]*(?P<org>(?=[A-ZÄÖÜ])[\w .,-]{{0,60}}?(?i:{endings})):[ \t]*$",
        re.M,
    )


# A colon at a line's end, where a committee heading ends.
_COLON_AT_LINE_END = re.compile(r":[ \t]*$", re.M)


def _may_name_committee(text: str) -> bool:
    """False only if no line ends in a committee word and a colon, as every committee heading
    does; the heading pattern is slow to search (it tries every line break)."""
    lower = scan.lowered(text)
    if lower is None:
        return True
    endings = committees.endings()
    return any(lower.endswith(endings, 0, m.start()) for m in _COLON_AT_LINE_END.finditer(text))


def _organization(name: str) -> str:
    """ "Gemeinderat - nach Vorberatung im Hauptausschuss" -> "Gemeinderat"."""
    return re.split(r"[ \t]+[-–/][ \t]+", name.strip(), maxsplit=1)[0].strip(" :")


def _split_items(text: str) -> list[str]:
    """Numbered points become items; without numbers, paragraphs do."""
    numbered = _numbered_starts(text)
    if numbered:
        chunks = [text[a:b] for a, b in zip(numbered, [*numbered[1:], len(text)], strict=True)]
        chunks = [_ITEM.sub("", chunk, count=1) for chunk in chunks]
        preamble = join_lines(text[: numbered[0]])
        if preamble and not _SENTENCE_END.search(preamble) and not preamble.endswith(":"):
            # "Die Stadtverwaltung wird beauftragt, / 1. eine ... zu erstellen" is one sentence.
            chunks[0] = preamble + " " + chunks[0]
        elif preamble:
            chunks[:0] = _bulleted(text[: numbered[0]]) or _paragraphs(text[: numbered[0]])
    else:
        chunks = _bulleted(text) or _paragraphs(text)
    return [joined for chunk in chunks if (joined := join_lines(_BULLET.sub("", chunk)))]


def _bulleted(text: str) -> list[str]:
    """A list of points set with bullets, each point an item as numbered ones are (the text
    before the first bullet one more); none where fewer than two bullets start a line."""
    bullets = [m.start() for m in _BULLET.finditer(text)]
    if len(bullets) < 2:
        return []
    chunks = [text[a:b] for a, b in zip(bullets, [*bullets[1:], len(text)], strict=True)]
    return [text[: bullets[0]], *chunks] if text[: bullets[0]].strip() else chunks


def _numbered_starts(text: str) -> list[int]:
    """Offsets of item numbers that count up from 1 (or a): "1." "2." "3."; others are prose."""
    starts: list[int] = []
    expected, digits = 1, None
    for m in _ITEM.finditer(text):
        n = m.group("n")
        value = int(n) if n.isdigit() else ord(n) - ord("a") + 1
        # Sub-points of the other kind ("1." with "a)" inside) stay within their item.
        if value == expected and digits in (None, n.isdigit()):
            starts.append(m.start())
            expected, digits = value + 1, n.isdigit()
    if len(starts) == 1:
        # A web page's numbered list saved as text, every point numbered "1." (its numbers
        # were the browser's): each "1." at a line's start is a point.
        ones = [m.start() for m in _ITEM.finditer(text) if m.group("n") == "1"]
        if len(ones) > 1 and len(ones) == len(list(_ITEM.finditer(text))):
            return ones
    return starts


def _paragraphs(text: str) -> list[str]:
    """Paragraphs; one that ends without a full stop ("... folgendem Inhalt eingefügt:") runs on."""
    chunks: list[str] = []
    carry = ""
    for paragraph in _BLANK_LINE.split(text):
        if not paragraph.strip():
            continue
        paragraph = carry + "\n" + paragraph if carry else paragraph
        if _SENTENCE_END.search(join_lines(_BULLET.sub("", paragraph))):
            chunks.append(paragraph)
            carry = ""
        else:
            carry = paragraph
    if carry:
        chunks.append(carry)
    return chunks


# A hyphen after a letter at a line's end, and the word on the next line. The look-behind
# follows the hyphen so that the pattern starts with it: re then jumps from hyphen to hyphen
# instead of trying every position.
_LINE_END_HYPHEN = re.compile(r"-(?<=\w-)[ \t]*\n\s*(\w+)")
# White space with a line break before a punctuation mark; the cheap test (it starts with
# the line break) comes first, as most proposals have none.
_SPACE_BEFORE_STOP = re.compile(r"\s*\n\s*(?=[.,;:!?])")
_BREAK_BEFORE_STOP = re.compile(r"\n\s*[.,;:!?]")


def join_lines(text: str) -> str:
    """One line: a hyphen at a line end joins the word ("Rheinstetten-\\nForchheim" keeps it,
    "Haupt- und" keeps its space), other line breaks become single spaces."""

    def hyphen(m: re.Match[str]) -> str:
        word = m.group(1)
        if word.lower() in _CONJUNCTIONS:
            return "- " + word
        return ("-" if word[0].isupper() else "") + word

    text = _LINE_END_HYPHEN.sub(hyphen, text.strip())
    # A line break moved by hyphen repair can leave the full stop alone on the next line.
    if _BREAK_BEFORE_STOP.search(text):
        text = _SPACE_BEFORE_STOP.sub("", text)
    # Every run of white space as one space (what re's \s and str.split() take is the same).
    return " ".join(text.split())
