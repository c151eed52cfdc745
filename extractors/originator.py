"""Who filed an Antrag, Anfrage or Stellungnahme: the Fraktion, group, member(s) or office,
as printed.

Three places, surest first:

- the form's label ("Initiator:", "Antragsteller:"; extractors/data/form_labels.tsv);
- the motion's own sentence: "Antrag der SPD-Fraktion vom 27.11.2025", "Anfrage der
  GRÜNE-Ortschaftsratsfraktion vom 16.09.2019" (a Stellungnahme names the Anfrage it answers
  this way: its filer is the group that asked); words in extractors/data/motion_words.txt;
- a letterhead line naming a group ("Fraktionen GRÜNE, Die Linke, KAL"),
  words in extractors/data/filer_words.txt.

Other papers (a Beschlussvorlage comes from the administration, whose office is its
`department`) have no originator.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from extractors import evidence, form, scan, vocab
from pipeline.model import PaperType, Parsed, Record

MOTIONS = frozenset({PaperType.ANTRAG, PaperType.ANFRAGE, PaperType.STELLUNGNAHME})
HEAD_LINES = form.HEAD_LINES
_LETTERHEAD_LINES = 6  # non-blank lines at the top where a group's letterhead stands
_MAX_CHARS = 160  # a filer longer than this is a sentence taken too far


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    if record.paper_type not in MOTIONS:
        return {}
    lines = scan.first_lines(doc.text, HEAD_LINES)
    labelled = form.read(lines).values("initiator")
    if labelled and (value := _tidy(labelled[0])):
        return _found(value, evidence.labelled("label 'Initiator' or 'Antragsteller'"))
    if value := in_motion_sentence("\n".join(lines)):
        return _found(value, evidence.placed("the motion's sentence ('Antrag der ...')"))
    if value := letterhead(lines):
        return _found(value, evidence.placed("a group's letterhead"))
    return {}


def _found(value: str, graded: Any) -> dict[str, Any]:
    return {"originator": value, "evidence": {"originator": graded}}


@functools.cache
def _sentence() -> re.Pattern[str]:
    motions = vocab.alternation("motion_words")
    return re.compile(
        rf"\b(?:{motions})\s+(?:der|des|von)\s+"
        r"(?P<filer>[^\n:]+?(?:\n[^\n:]+?)?)"  # may wrap onto a second line
        r"\s*(?:\bvom\b|\bzum\b|\bzur\b|\bbetreffend\b|:|\.\s|\n\s*\n|$)",
        re.I,
    )


def in_motion_sentence(text: str) -> str | None:
    """The filer named by "Antrag der X vom ...", None if no such sentence names a group
    or person (a filer must start with a capital letter or a party's name)."""
    for match in _sentence().finditer(text):
        value = _tidy(match.group("filer"))
        if value and (value[0].isupper() or value[0].isdigit()):
            return value
    return None


@functools.cache
def _filer_line() -> re.Pattern[str]:
    words = vocab.alternation("filer_words")
    return re.compile(rf"^(?:{words})\b|\w-(?:{words})\b", re.I)


def letterhead(lines: list[str]) -> str | None:
    """A group's name at the very top of a letter-like motion, if one stands there."""
    top = [line.strip() for line in lines if line.strip()][:_LETTERHEAD_LINES]
    return next((_tidy(line) for line in top if _filer_line().search(line)), None)


def _tidy(value: str) -> str | None:
    """One line, spaces collapsed, without a trailing comma or stray quotes; None when
    nothing or too much is left."""
    value = re.sub(r"\s+", " ", value).strip(" ,;-")
    if not value or len(value) > _MAX_CHARS:
        return None
    return value


_PERSON_WORD = re.compile(r"^(?:Dr\.|Prof\.|[A-ZÄÖÜ][\w'’.-]*)$")


def persons(value: str) -> list[str] | None:
    """The names of the people `value` lists ("Dr. Florian Freund, Dirk Wurm"), or None
    when it names a group or office (a filer word such as "Fraktion", a number, a word in
    lower case that is no name)."""
    if _filer_line().search(value) or any(
        word.casefold() in value.casefold() for word in vocab.words("filer_words")
    ):
        return None
    names = [n.strip() for n in re.split(r",|\bund\b|&", value) if n.strip()]
    if not names or any(not 2 <= len(n.split()) <= 5 for n in names):
        return None
    if all(_PERSON_WORD.match(word) for n in names for word in n.split()):
        return names
    return None
