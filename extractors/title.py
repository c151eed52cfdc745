"""name: the paper's Betreff/title, found in the header as one line.

Where the paper labels it ("Betreff:", "Punkt 9 der Tagesordnung:"), the label's value is
taken. Otherwise the title is the first block of the paper's own lines after its form:
papers print the title under the form (Vorlagen-Nr., Verantwortlich, Datum) and above the
Beratungsfolge or the first section. Lines that belong to the form, the letterhead, the
Beratungsfolge table or a heading are not the title.
"""

from __future__ import annotations

import functools
import re

from extractors import consultation_table, form, scan, values, vocab
from pipeline import segment

# Lines of a Beratungsfolge table: its column headings and "no consultation" notes.
_TABLE_WORDS = re.compile(
    r"^(?:Beratungsfolge\b.*|Gremi(?:um|en)(?:\s+Termin\b.*)?|Geplante Sitzungstermine"
    r"|Öffentlichkeitsstatus|Sitzung am\b.*|Termin|TOP|Ergebnis|Zuständigkeit)\s*:?\s*$"
    r"|keine Beratung",
    re.I,
)
# A field's heading of a word or two and its colon: "Informationen:", "Anlagen:".
_FIELD_HEADING = re.compile(r"[A-ZÄÖÜ][\wäöüß-]*(?:[ \t]+[\wäöüß-]+)?[ \t]*:")
_COLON_HEADING = re.compile(r"[A-ZÄÖÜ][^:]{2,60}:")
# A letter's salutation: "Sehr geehrter Herr Bürgermeister,".
# "Sehr geehrt Frau ..." too: a scan's OCR may lose the ending.
SALUTATION = re.compile(r"(?:Sehr geehrt(?:e[rn]?)?|Liebe[rn]?|Hallo)\b")
_DATE_OR_NUMBER_ONLY = re.compile(r"[\d\s./,:;()-]*")
# The note a speech's manuscript carries under its title (a Fraktion's Haushaltsrede).
_SPEECH_NOTE = re.compile(r"(?:\(?\s*)?Es gilt das gesprochene?n? Wort\.?\s*\)?", re.I)
_DATE_ALONE = re.compile(rf"{values.DATE_TEXT}\s*")  # "08. Januar 2024"
# A session page's part heading, perhaps with its hours: "Öffentliche Sitzung, 18:00 Uhr bis
# 19:45 Uhr", "Nichtöffentliche Sitzung", "Öffentlicher Teil"; the session's name says more.
SESSION_PART = re.compile(
    r"(?:(?:Öffentliche|Nichtöffentliche|Nicht[ \t]+öffentliche)[ \t]+Sitzung"
    r"|(?:Öffentlicher|Nichtöffentlicher|Nicht[ \t]+öffentlicher)[ \t]+Teil)"
    r"(?:[ \t]*,[ \t]*\d{1,2}[:.]\d{2}[ \t]*Uhr\b[^\n]*)?[ \t]*:?",
    re.I,
)
_SESSION_DAY_LINE = re.compile(
    rf"[A-ZÄÖÜ][\wäöüß-]*[Ss]itzung(?:[ \t]+\S+){{0,4}}?[ \t]+(?:am|vom)[ \t]+{values.DATE_TEXT}"
)
# The longest title block taken; a longer one is prose, not a title.
_MAX_TITLE_LINES = 6
# A line longer than this is a paragraph of prose, not a title's (a page's widest is ~150).
_MAX_TITLE_LINE = 300
# A long line of words that ends a sentence: "Die Stadtverordnetenversammlung beauftragt den
# Magistrat, ... zu berichten." (a group's post opening with its proposal).
_SENTENCES = re.compile(r"[A-ZÄÖÜ][^\n]{150,}[a-zäöüß)]\.")


def find(text: str, paper_form: form.Form | None = None, anchor: int | None = None) -> str | None:
    """The title of the paper whose text is `text`, joined into one line; None if not found.

    `anchor` is a line the form does not hold that still belongs to the header form (the
    line printing the Vorlagen-Nr. by itself, "ANTRAG DHH/2025/4139").
    """
    lines = scan.first_lines(text, form.HEAD_LINES)
    paper_form = paper_form or form.read(lines)
    labelled = paper_form.first("title")
    if labelled:
        return _labelled(lines, labelled)
    headings = _heading_lines(lines)
    body_starts = min(
        (i for i, label in headings.items() if label != "beratungsfolge"), default=len(lines)
    )
    taken = paper_form.lines | ({anchor} if anchor is not None else set())
    start = min(taken, default=None)
    if start is None:
        # No form: a short first block directly followed by a section heading; the session
        # it is for, on a line of its own above it, is none of it ("Gemeindevertretersitzung
        # am 4. September 2012" over "Antrag zum Tagesordnungspunkt 7 ...").
        filled = [i for i, line in enumerate(lines) if line.strip()]
        first = filled[0] if filled else 0
        if len(filled) > 1 and _SESSION_DAY_LINE.fullmatch(lines[first].strip()):
            first = filled[1]
        block = _block(lines, first, headings, set(), after_form=False)
        if (
            block
            and block[-1] + 2 < len(lines)
            and _next_is_heading(lines, block[-1] + 1, headings)
            and not (len(block) == 1 and _is_type_line(lines[block[0]].strip()))
        ):
            return join(lines[i] for i in block)
        return None
    form_values = {v.casefold() for e in paper_form.entries for v in [e.value]}
    i = start
    while i < body_starts:
        if headings.get(i) == "beratungsfolge":
            # The Beratungsfolge table under the form runs to its block's end: its rows
            # ("Sozialausschuss   Vorberatung" / "04.03.2024") are no title. A text layer
            # that ran its cells together ends it after its last row, blank line or not.
            end = next((j for j in range(i + 1, body_starts) if not lines[j].strip()), body_starts)
            table = lines[i + 1 : end]
            used = 0
            if not any("\t" in line for line in table):
                _, used = consultation_table.plain_table(table)
            i = i + 1 + used if used else end
            continue
        if lines[i].rstrip().endswith(":") and _is_type_line(lines[i].strip()):
            return None  # "Antrag:" over the motion's text: no title below it
        if i in taken or not _is_title_line(lines[i], form_values) or i in headings:
            i += 1
            continue
        block = _block(lines, i, headings, taken)
        if block and block[-1] < body_starts:
            return join(lines[j] for j in block)
        return None
    return None


# The motion's lead-in run on after its subject: "Betr.: Nahverkehrsplan: Der Kreistag möge
# beschließen:" (a Fraktion's motion): the subject ends before it.
_LEAD_AFTER = re.compile(
    r"[ \t]*[:.]?[ \t]*(?:Der|Die|Das)[ \t]+[^:\n]{2,60}?[ \t]+(?:möge|mögen|wolle|wollen)[ \t]+"
    r"(?:folgendes[ \t]+)?beschließen\b"
)


def _labelled(lines: list[str], entry: form.Entry) -> str | None:
    lead = _LEAD_AFTER.search(entry.value)
    if lead and lead.start() > 0:
        return join([entry.value[: lead.start()]])
    if entry.value:
        # The value's wrapped lines, up to a section's heading ("Beschlussvorschlag:") or a
        # letter's date line where no blank line sets the title off (a PDF's text layer).
        more = _block(lines, entry.line + 1, _heading_lines(lines), set())
        # "Thema: 1. Sitzung ..." over "Anwesende<TAB>Entschuldigt<TAB>Verteiler" (Erlangen):
        # a table's row goes on no labelled value.
        row = next((k for k, j in enumerate(more) if len(form.split_cells(lines[j])) >= 3), None)
        more = more[:row] if row is not None else more
        return join([entry.value, *(lines[j] for j in more)])
    start = next((j for j in range(entry.line + 1, len(lines)) if lines[j].strip()), None)
    if start is None:
        return None
    block = _block(lines, start, _heading_lines(lines), set())
    if not block and _is_title_line(lines[start], set()) and not _is_label_line(lines[start]):
        # No blank line ends the value (a PDF's text layer): its first line, and the lines
        # that go on with "hier:" ("Überörtliche Prüfung der Gemeinde" / "hier: Stellungnahme
        # zum Bericht Finanzen"), the way a Betreff narrows itself.
        block = [start]
        while block[-1] + 1 < len(lines) and NARROWED.match(lines[block[-1] + 1]):
            block.append(block[-1] + 1)
    # A sentence under the subject ("Die Vorlage berührt nicht den Etat ...") is the form's
    # next field, where no blank line sets the subject off.
    sentence = next((k for k, j in enumerate(block) if k and lines[j].rstrip().endswith(".")), None)
    block = block[:sentence] if sentence is not None else block
    return join(lines[j] for j in block) if block else None


# "hier: Satzungsbeschluss": the line a subject narrows itself by.
NARROWED = re.compile(r"[ \t]*hier[ \t]*:", re.I)


def _block(
    lines: list[str],
    start: int,
    headings: dict[int, str],
    taken: set[int],
    *,
    after_form: bool = True,
) -> list[int]:
    """Indexes of the title lines from `start` to the first blank, form, table or heading line.
    In a form (`after_form`), a field's heading ("Informationen:") ends it too."""
    block: list[int] = []
    for j in range(start, min(len(lines), start + _MAX_TITLE_LINES + 1)):
        line = lines[j].strip()
        if not line:
            break
        if j in taken or j in headings or _TABLE_WORDS.search(line) or _is_label_line(line):
            break
        if values.LETTER_DATE.fullmatch(line) or SALUTATION.match(line):
            break  # "Berlin, den 12.03.2024"; "Sehr geehrter Herr Bürgermeister,"
        if _SPEECH_NOTE.fullmatch(line):
            break  # a speech's "Es gilt das gesprochene Wort." under its title
        if _LEAD_AFTER.match(line):
            break  # "Der Gemeinderat möge beschließen:" opens the proposal, ends the title
        if after_form and block and _FIELD_HEADING.fullmatch(line):
            break  # "Informationen:" under the title on Hannover's page: the next field
        block.append(j)
    if len(block) > _MAX_TITLE_LINES or any(len(lines[j].strip()) > _MAX_TITLE_LINE for j in block):
        return []  # prose (a web page keeps a paragraph a line)
    if len(block) == 1 and _SENTENCES.fullmatch(lines[block[0]].strip()):
        return []  # a paragraph of sentences, its full stop at the end: no title
    return block


def _is_label_line(line: str) -> bool:
    return form.label_line(line) is not None


def _is_title_line(line: str, form_values: set[str]) -> bool:
    stripped = line.strip()
    return bool(
        stripped
        and not _DATE_OR_NUMBER_ONLY.fullmatch(stripped)
        and not _DATE_ALONE.fullmatch(stripped)
        and not form.LETTERHEAD.fullmatch(stripped)
        and not form.STATUS.fullmatch(stripped)
        and stripped.casefold() not in form_values
        and not _is_type_line(stripped)
        and not _TABLE_WORDS.search(stripped)
        and not SESSION_PART.fullmatch(stripped)
        and not _is_consultation_row(stripped)
    )


@functools.cache
def _type_line() -> re.Pattern[str]:
    alternatives = vocab.alternation("paper_types", column=1)
    # "BESCHLUSSVORLAGE", "Informationsvorlage öffentlich", "Stellungnahme zum Antrag",
    # "Antrag im Sinne von § 33a GeschO (öffentlich)": the paper naming its own kind.
    return re.compile(
        rf"(?:{alternatives})\b(?:\s+(?:öffentlich|nichtöffentlich|zu[mr]?\b.*|im Sinne\b.*"
        r"|ehrenamtlicher\b.*|der\b\s*))?",
        re.I,
    )


def _is_type_line(line: str) -> bool:
    # "Antrag:" over a motion's text: its kind as a label, no title either.
    return bool(_type_line().fullmatch(line.rstrip(": \t")))


def names_a_kind(line: str) -> bool:
    """Whether `line` starts with a paper's kind ("Antrag der Fraktion ...", "Vorlage des
    Magistrats vom ..."): the paper an item is about, under the item's subject."""
    return bool(_type_line().match(line))


def _is_consultation_row(line: str) -> bool:
    """A Beratungsfolge row: a council body with its date or its role in brackets."""
    words = vocab.words("committee_words")
    roles = vocab.words("consultation_roles")
    first = line.split("(")[0].strip()
    is_body = any(w.endswith(tuple(words)) for w in first.split())
    has_role = bool(re.search(r"\((?:[^)]*\b(?:" + "|".join(roles) + r")\b[^)]*)\)\s*$", line))
    return is_body and (has_role or bool(re.search(r"\d{1,2}\.\d{1,2}\.\d{2,4}", line)))


def _heading_lines(lines: list[str]) -> dict[int, str]:
    text = "\n".join(lines)
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    found: dict[int, str] = {}
    for label, start, _end, _heading in segment.find_headings(text):
        index = max(i for i, s in enumerate(starts) if s <= start)
        found.setdefault(index, label)
    return found


def _next_is_heading(lines: list[str], start: int, headings: dict[int, str]) -> bool:
    j = next((k for k in range(start, len(lines)) if lines[k].strip()), None)
    # A heading the segmenter does not know (or cannot read for OCR damage) still ends in a colon.
    return j is not None and (j in headings or bool(_COLON_HEADING.fullmatch(lines[j].strip())))


def join(parts) -> str | None:  # type: ignore[no-untyped-def]
    """Title lines joined into one line; a word split at the line end ("Ansied-/lung") rejoined."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            first_word = part.split()[0]
            if first_word in ("und", "oder", "bzw.", "sowie"):
                out += " " + part  # "Aufstellungs- und": a shortened compound, keep the hyphen
            elif part[0].islower():
                out = out[:-1] + part  # "Ansied-" + "lung"
            else:
                out += part  # "Rheinstetten-" + "Forchheim"
        else:
            out = f"{out} {part}" if out else part
    out = re.sub(r"\s+", " ", out).strip().rstrip(":").strip()
    return out or None
