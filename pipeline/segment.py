"""segment: label the sections of a cleaned council paper.

A section starts at a heading line ("Beschlussvorschlag:", "Sachverhalt", "Betreff: ...")
and runs to the next heading. Everything before the first heading is the `header` (the form
with body, reference, date, department). Heading phrases are data (extractors/data/sections.tsv).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from extractors import scan, vocab
from pipeline.model import Section

HEADER = "header"
LABELS = (
    HEADER,
    "beratungsfolge",
    "betreff",
    "beschlussvorschlag",
    "beschluss",
    "begruendung",
    "finanzen",
    "anlagen",
    "abstimmung",
    "navigation",
)
# A heading line with nothing after its label is at most this long (a form line, not prose).
_MAX_BARE_HEADING = 60


@functools.cache
def _heading_pattern() -> re.Pattern[str]:
    entries = sorted(vocab.rows("sections"), key=lambda row: -len(row[1]))
    alternatives: list[str] = []
    space = r"[ \t]+"
    for label, phrase in entries:
        if label not in LABELS:
            raise ValueError(f"sections.tsv: unknown label {label!r}")
        words = [re.escape(w) for w in phrase.split()]
        alternatives.append(f"(?P<{label}_{len(alternatives)}>{space.join(words)})")
    # A page's first line starts with the form feed between pages. Optional enumeration
    # ("1.", "II.", "A)"), form bullet (Word's private-use symbol glyphs, "•", "■") or
    # Markdown heading mark ("## Begründung") before the heading; a colon or end of line after.
    return re.compile(
        r"^[ \t\f]*(?:(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)][ \t]*|[\ue000-\uf8ff•▪■►➢][ \t]*"
        r"|#{1,6}[ \t]+)?"
        r"(?:" + "|".join(alternatives) + r")"
        # "Beschlussvorschlag 1:" / "Beschlussvorschlag 2:": alternatives put to the vote.
        r"(?:[ \t]+\d{1,2}(?=[ \t]*:))?"
        r"[ \t]*(?::[ \t]*(?P<rest>.*)|(?P<tail>[^\n]*))$",
        re.IGNORECASE | re.MULTILINE,
    )


@functools.cache
def _heading_probe() -> re.Pattern[str]:
    """A line break and the start of a heading line after it, in lower-cased text: the heading
    pattern's opening up to a phrase's first word, without IGNORECASE and named groups. re
    jumps from line break to line break and passes over a line whose words no phrase starts
    with at its first letter; at every line start where the heading pattern matches, the probe
    matches too (see extractors.scan.lowered)."""
    first_words = {phrase.split()[0].lower() for _label, phrase in vocab.rows("sections")}
    return re.compile(
        r"\n[ \t\f]*(?:(?:\d{1,2}|[ivx]{1,4}|[a-h])[.)][ \t]*|[\ue000-\uf8ff•▪■►➢][ \t]*"
        r"|#{1,6}[ \t]+)?"
        r"(?:" + "|".join(re.escape(word) for word in sorted(first_words)) + r")"
    )


def _heading_matches(text: str) -> Iterator[re.Match[str]]:
    """The heading pattern's matches in `text`, tried only at the lines the probe admits."""
    lower = scan.lowered(text)
    if lower is None:
        return _heading_pattern().finditer(text)
    # The first line has no line break before it: its start is always tried.
    starts = [0] + [m.start() + 1 for m in _heading_probe().finditer(lower)]
    return scan.finditer_at(_heading_pattern(), text, starts)


def find_headings(text: str) -> list[tuple[str, int, int, str]]:
    """(label, line start, end of the heading, heading text) for every heading line."""
    found: list[tuple[str, int, int, str]] = []
    for match in _heading_matches(text):
        label = next(k for k, v in match.groupdict().items() if v and k not in ("rest", "tail"))
        tail = (match.group("tail") or "").strip()
        if match.group("rest") is None:
            # No colon: the line must be the heading alone (or with a trailing page marker).
            if tail and not (_is_heading_tail(tail) or _column_tail(match, tail)):
                continue
            # Flattened forms pad with spaces: "Finanzielle Auswirkungen      nein      ja".
            if len(" ".join(match.group(0).split())) > _MAX_BARE_HEADING:
                continue
            end = match.end()
            if found and found[-1][0] == "anlagen" and _listed(text[found[-1][2] : match.start()]):
                continue  # "Anlagen:" / "Antrag" / "Beschlussempfehlung": an attachment's name
        else:
            end = match.start("rest")
        found.append((label.rsplit("_", 1)[0], match.start(), end, match.group(0).strip()))
    return found


def _listed(between: str) -> bool:
    """Whether a bare heading follows the lines of an "Anlagen:" list without a blank line:
    it is one more attachment's name, as an ALLRIS page lists them ("Antrag",
    "Beschlussempfehlung", "Beschluss vom 20.06.2007")."""
    lines = between.split("\n")[1:-1]  # the heading's own line's rest, this line's start
    return bool(lines) and all(line.strip() for line in lines)


# What may follow a bare heading on its line: a page marker ("Seite 2"), a bracketed or
# slashed note ("(öffentlich)", "/ Ausschuss"), dashes, or a form's flattened check boxes
# ("Finanzielle Auswirkungen  nein  ja", "⊠ ja ☐ nein"). Not a full stop: "...gemäß der
# beigefügten\nAnlage." ends a sentence, it is no heading.
_HEADING_TAIL = re.compile(
    r"Seite\s+\d+|\(.{0,30}\)|/.{0,30}|[-–:]+|(?:[☐☒⊠✓✔xX]?[ \t]*(?:ja|nein)\b[ \t]*){1,2}",
    re.IGNORECASE,
)


def _is_heading_tail(tail: str) -> bool:
    """Text after a bare heading that still leaves it a heading."""
    return bool(_HEADING_TAIL.fullmatch(tail))


def _column_tail(match: re.Match[str], tail: str) -> bool:
    """A table's column headings after the heading word ("Beratungsfolge Sitzungstermin
    Stand", a text layer's run-together table head); not the rest of the same word
    ("BESCHLUSSVORLAGE")."""
    if not match.string[match.start("tail") - 1 : match.start("tail")].isspace():
        return False
    words = tail.lower().split()
    if len(words) == 1 and tail.endswith(":"):
        return False  # "Beschluss zu:": a label of its own, the reference's
    headings = vocab.word_set("column_headings")
    return bool(words) and all(w.rstrip(":") in headings for w in words)


def segment(text: str) -> list[Section]:
    """The labelled sections of `text`, in order; the first is always the header."""
    headings = find_headings(text)
    sections = []
    first = headings[0][1] if headings else len(text)
    sections.append(Section(HEADER, "", 0, first, text[:first]))
    for index, (label, start, body_start, heading) in enumerate(headings):
        end = headings[index + 1][1] if index + 1 < len(headings) else len(text)
        sections.append(Section(label, heading, start, end, text[body_start:end]))
    return sections
