"""clean: repair the text that extraction reads, logging every change.

The raw text is first put in Unicode NFC (PDF text layers often carry decomposed umlauts);
offsets in the correction log index that normalised raw text. Each rule finds edits on the
raw text; edits are applied together, so every logged offset refers to the raw text and a
maintainer can audit or undo each one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pipeline.model import Correction

SOFT_HYPHEN = "\u00ad"

# Words after a line-final hyphen that mean the hyphen is a real one ("Haupt- und Finanz...").
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie", "als", "bis"})

# "Stadtent-\nwicklung": a word fragment, a hyphen at the end of the line, a lower-case
# continuation on the next one.
_HYPHENATED = re.compile(r"(?<=\w)-[ \t]*\n[ \t]*(?=([a-zäöüß]\w*))")


@dataclass(frozen=True, slots=True)
class CleanResult:
    raw: str  # the input after NFC normalisation
    text: str
    corrections: list[Correction]


Rule = Callable[[str], Iterator[Correction]]


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def soft_hyphens(text: str) -> Iterator[Correction]:
    for match in re.finditer(SOFT_HYPHEN + r"[ \t]*\n?[ \t]*", text):
        yield Correction(match.start(), match.group(), "", "soft-hyphen")


def line_break_hyphenation(text: str) -> Iterator[Correction]:
    """Join words hyphenated across a line break; the line break moves after the word."""
    for match in _HYPHENATED.finditer(text):
        continuation = match.group(1)
        if continuation in _CONJUNCTIONS:
            continue
        # Replace "-\n" + continuation with continuation + "\n", keeping line structure.
        end = match.end() + len(continuation)
        yield Correction(match.start(), text[match.start() : end], continuation + "\n", "hyphenation")


RULES: tuple[Rule, ...] = (soft_hyphens, line_break_hyphenation)


def clean(raw: str) -> CleanResult:
    """Clean one document's text. Never raises on any input string."""
    raw = normalise(raw)
    edits = _non_overlapping(c for rule in RULES for c in rule(raw))
    return CleanResult(raw=raw, text=apply(raw, edits), corrections=edits)


def apply(raw: str, corrections: list[Correction]) -> str:
    """Apply non-overlapping corrections (sorted by offset) to the raw text."""
    parts, position = [], 0
    for c in corrections:
        parts.append(raw[position : c.offset])
        parts.append(c.replacement)
        position = c.offset + len(c.original)
    parts.append(raw[position:])
    return "".join(parts)


def _non_overlapping(corrections: Iterator[Correction]) -> list[Correction]:
    """Sorted by offset; where two edits overlap, the one from the earlier rule wins."""
    kept: list[Correction] = []
    taken: list[tuple[int, int]] = []
    for c in corrections:
        span = (c.offset, c.offset + len(c.original))
        if any(span[0] < end and start < span[1] for start, end in taken):
            continue
        kept.append(c)
        taken.append(span)
    return sorted(kept, key=lambda c: c.offset)
