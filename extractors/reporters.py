"""reporters: the persons named under "Berichterstattung", name only; the council groups
named there where groups, not persons, report on a motion.

The label is a form label: "Berichterstattung", "Berichterstatter", "Berichterstatter(in)"
followed by a colon or a TAB ("Kreisausschuss Berichterstattung: KLD Martin Terwey",
"Berichterstattung<TAB>Kreisdirektor Mike-Sebastian Janke"); the word in prose ("die
Berichterstattung gegenüber den Gremien") and in titles is no label. A "Referent/in" is
no Berichterstattung. Its value, the first cell after the label (or the next line when the
label ends its line), is tokenized by the German tokenizer, and a Matcher finds the name:
given names, "von"/"van der" particles, a surname. Titles and offices (person_titles.txt,
marked by the EntityRuler in extractors.nlp) are left out.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from extractors import nlp, scan, vocab
from pipeline.model import Parsed, Record

_LABEL = re.compile(
    r"\bBerichterstatt(?:ung|er(?:in|\(in\)|/in|/-in|\*in)?)(?:[ \t]+durch)?[ \t]*"
    r"(?::[ \t]*|\t[ \t]*)"
    r"(?P<value>[^\n]*)(?:\n[ \t]*(?P<next>[^\n]*))?",
    re.I,
)
# Cells of a form row: a TAB or a run of spaces; a session date after the person ends it too.
_CELL_END = re.compile(r"\t| {2,}|\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
# One word of a name as printed: "Michael", "Mike-Sebastian", "Müller-Lüdenscheidt".
_NAME_WORD = r"^[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*$"
_PARTICLES = ["von", "van", "vom", "de", "der", "den", "zu", "zur", "ten", "ter"]
# The longest value that still is one person with an office, in characters.
_MAX_VALUE = 160


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    names: list[str] = []
    for m in scan.finditer_word(_LABEL, doc.text, "berichterstatt"):
        value = m.group("value").strip() or (m.group("next") or "").strip()
        found = groups(value)
        if found is None:
            person = person_name(value)
            found = [person] if person else []
        names.extend(name for name in found if name not in names)
    return {"reporters": names}


def groups(value: str) -> list[str] | None:
    """The council groups that report, where the value lists groups and no person
    ("CDU-Stadtratsfraktion, Stadtratsfraktion Bündnis 90/Die Grünen, FDP-Fraktion"): each
    part of the list names a group by a filer word (filer_words.txt). None otherwise."""
    cell = _CELL_END.split(value.strip(), maxsplit=1)[0].strip()
    parts = [p.strip() for p in re.split(r"[,;]", cell) if p.strip()]
    words = _filer_words()
    if not parts or len(cell) > _MAX_VALUE:
        return None
    if all(any(w in p.casefold() for w in words) for p in parts):
        return parts
    return None


@functools.cache
def _filer_words() -> tuple[str, ...]:
    return tuple(w.casefold() for w in vocab.words("filer_words"))


def person_name(value: str) -> str | None:
    """The person in one Berichterstattung value, without titles and offices:
    "Dezernent für Bauen, Planung und Umwelt Michael Ottmann" -> "Michael Ottmann";
    None when the value names no person ("Dezernat III", "Amt für Schule und Sport")."""
    cell = _CELL_END.split(value.strip(), maxsplit=1)[0].strip()
    if not cell or len(cell) > _MAX_VALUE:
        return None
    tokens = nlp.german()(cell)
    for span in reversed(_names(tokens)):
        person = _person(span)
        if person is not None:
            return person
    # A surname alone after a title: "Herrn Bürgermeister Schulze".
    if (
        len(tokens) >= 2
        and tokens[-2].ent_type_ == nlp.TITLE
        and re.match(_NAME_WORD, tokens[-1].text)
        and not tokens[-1].ent_type_
    ):
        return tokens[-1].text
    return None


def _person(span: Span) -> str | None:
    """The name in a run of capitalised words, if its place makes it one.

    After a title or office ("KLD", "Frau Dr.") the whole run is the name. Otherwise the
    run may begin with the last word of an office ("... Planung und Umwelt Michael
    Ottmann"), so only the last given name is kept."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text != ",":
        return None  # more words follow: no name, or not yet its end
    if span.start > 0 and doc[span.start - 1].ent_type_ == nlp.TITLE:
        return span.text
    given = [t for t in span if t.lower_ not in _PARTICLES][:-1]
    if not given:
        return None
    # Keep the last given name, and the particles and surname after it.
    return doc[given[-1].i : span.end].text


@functools.cache
def _matcher() -> Matcher:
    matcher = Matcher(nlp.german().vocab)
    word = {"TEXT": {"REGEX": _NAME_WORD}, "ENT_TYPE": {"NOT_IN": [nlp.TITLE, nlp.ROLE]}}
    particle = {"LOWER": {"IN": _PARTICLES}}
    matcher.add(
        "NAME",
        [[{**word, "OP": "{1,3}"}, {**particle, "OP": "{,2}"}, word]],
        greedy="LONGEST",
    )
    return matcher


def _names(doc: Doc) -> list[Span]:
    """Runs of name words in `doc` (of overlapping runs the longest), in text order."""
    spans = _matcher()(doc, as_spans=True)
    return sorted(spans, key=lambda s: s.start)
