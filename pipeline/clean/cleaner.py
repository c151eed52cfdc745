"""clean: repair the text that extraction reads, logging every change.

The raw text is first put in Unicode NFC (PDF text layers often carry decomposed umlauts);
offsets in the correction log index that normalised raw text. Two passes:
1. layout: soft hyphens, words hyphenated across a line break, broken quotes, all found on
   the raw text;
2. words: OCR repair (pipeline.clean.repair) on the text after pass 1, so a word split across a
   line ("Stadtebau-\\nforderung") is judged whole.
A word repair that touches a layout edit is merged with it into one logged correction, so
every correction's offset refers to the raw text, and applying the log to the raw text gives
the cleaned text: a maintainer can audit or undo each change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from pipeline.clean.repair import repair, word_start
from pipeline.clean.unflatten import line_breaks
from pipeline.errors import LexiconUnavailable
from pipeline.lexicon import Known, Lexicon, lexicon
from pipeline.model import Correction

SOFT_HYPHEN = "\u00ad"

# Words after a line-final hyphen that mean the hyphen is a real one ("Haupt- und Finanz...").
_CONJUNCTIONS = frozenset({"und", "oder", "bzw", "sowie", "als", "bis"})

# "Stadtent-\nwicklung": a word fragment, a hyphen at the end of the line, a lower-case
# continuation on the next one. The pattern starts at the hyphen (a search for a literal
# character is fast); the fragment before it is found by stepping back over word characters.
_HYPHENATED = re.compile(r"-[ \t]*\n[ \t]*(?=([a-zäöüß]\w*)([.,;:!?)]*)([ \t]*\n?))")

# A low opening quote read as a comma (or two), closed by an asterisk, a straight or an
# English quote on the same line: ",Netzwerk Innenstadt NRW*".
# The comma comes first, so the search runs at the speed of a literal; the look-behind after
# it keeps the comma at the start of a word (after white space or at the start).
_BROKEN_QUOTE = re.compile(r",(?<!\S,),?(?=[A-ZÄÖÜ0-9])([^\n,*\"“”]{1,80}?\w)[*\"“”]")


@dataclass(frozen=True, slots=True)
class CleanResult:
    raw: str  # the input after NFC normalisation
    text: str
    corrections: list[Correction]
    warnings: list[str] = field(default_factory=list)  # e.g. repair skipped: no lexicon


Rule = Callable[[str], Iterator[Correction]]


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def soft_hyphens(text: str) -> Iterator[Correction]:
    for match in re.finditer(SOFT_HYPHEN + r"[ \t]*\n?[ \t]*", text):
        yield Correction(match.start(), match.group(), "", "soft-hyphen")


def line_break_hyphenation(text: str) -> Iterator[Correction]:
    """Join words hyphenated across a line break; the line break moves after the word.

    The hyphen stays where it is a real one: before "und"/"oder", and where the lexicon
    knows the parts but not the joined word ("nordrhein-\\nwestfälischen").
    """
    lex = _lexicon_or_none()
    for match in _HYPHENATED.finditer(text):
        start = match.start()
        head_start = word_start(text, start)
        if head_start == start:
            continue  # no word before the hyphen
        head, continuation = text[head_start:start], match.group(1)
        if continuation in _CONJUNCTIONS or (lex and _real_hyphen(head, continuation, lex)):
            continue
        # "-\n" + continuation becomes continuation + "\n": the line break moves after the
        # word and its punctuation, taking the place of the space there, if any.
        rest = continuation + match.group(2)
        if match.group(3).endswith("\n") or match.end() + len(rest) == len(text):
            end, replacement = match.end() + len(rest), rest  # the word ends its line anyway
        else:
            end, replacement = match.end() + len(rest) + len(match.group(3)), rest + "\n"
        yield Correction(start, text[start:end], replacement, "hyphenation")


def _real_hyphen(head: str, continuation: str, lex: Lexicon) -> bool:
    if lex.known(head + continuation) is not Known.NO:
        return False
    # "nordrhein-westfälisch", "baden-württembergisch": a place name written small in a
    # hyphenated adjective is no syllable of a word.
    if head.islower() and lex.known(head) is Known.NO:
        return lex.known(head.capitalize()) is Known.YES
    return lex.known(head) is Known.YES and lex.known(continuation) is Known.YES


def quotes(text: str) -> Iterator[Correction]:
    """German quotes whose opening mark was read as a comma: ",Netzwerk*" -> „Netzwerk“."""
    for match in _BROKEN_QUOTE.finditer(text):
        yield Correction(match.start(), text[match.start() : match.start(1)], "„", "quote")
        yield Correction(match.end(1), text[match.end(1) : match.end()], "“", "quote")


# A word set letter-spaced for emphasis ("P r o t o k o l l", "E I N L A D U N G"): five
# letters or more each set apart by one space, a capital first and small letters after it
# or capitals throughout ("x x x x", a column of marks, is no word).
_LETTER_SPACED = re.compile(
    r"(?<!\S)(?:[A-ZÄÖÜ](?: [a-zäöüß]){4,}|[A-ZÄÖÜ](?: [A-ZÄÖÜ]){4,})(?!\S)"
)


def letter_spacing(text: str) -> Iterator[Correction]:
    """Close up a letter-spaced word: "P r o t o k o l l" -> "Protokoll"."""
    for match in _LETTER_SPACED.finditer(text):
        yield Correction(match.start(), match.group(), match.group().replace(" ", ""), "spacing")


# OCR reads "§" as a dollar sign ("$ 34 BauGB", "$$ 3, 4"): one before a paragraph number
# (at most three digits and a letter, no decimal part, so "$ 1,500.00" stays).
_DOLLAR_PARAGRAPH = re.compile(r"(?<![\w$])(\$\$?)(?= ?\d{1,3}[a-z]?\b(?![.,]\d))")
# A date with its points read as a colon or a comma ("27.11:2025", "12,03.2024", "27:11,2025").
_DATE_SEPARATOR = re.compile(r"(?<![\d.:,])(\d{1,2})([.:,])(\d{1,2})([.:,])(?:19|20)\d\d(?!\d)")


# Where a colon or comma stands before a date's month or year: the patterns above run only
# on a text that has one (they try every digit; this tries every colon and comma).
_MISREAD_DATE = re.compile(r"[:,]\d{1,2}[.:,](?:19|20)\d\d|[:,](?:19|20)\d\d")


def ocr_signs(text: str) -> Iterator[Correction]:
    """Signs OCR reads as others: "$ 34" -> "§ 34", "27.11:2025" -> "27.11.2025"."""
    if "$" in text:
        for match in _DOLLAR_PARAGRAPH.finditer(text):
            yield Correction(match.start(), match.group(1), "§" * len(match.group(1)), "sign")
    if not _MISREAD_DATE.search(text):
        return
    for match in _DATE_SEPARATOR.finditer(text):
        day, first, month, second = match.group(1, 2, 3, 4)
        if first == second or not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
            continue  # "01.02.2024" is right; "1,5,2024" no date
        for group in (2, 4):
            if match.group(group) != ".":
                yield Correction(match.start(group), match.group(group), ".", "sign")


LAYOUT_RULES: tuple[Rule, ...] = (
    line_breaks,
    soft_hyphens,
    line_break_hyphenation,
    quotes,
    letter_spacing,
    ocr_signs,
)


def clean(raw: str) -> CleanResult:
    """Clean one document's text. Never raises on any input string."""
    raw = normalise(raw)
    layout = _non_overlapping(c for rule in LAYOUT_RULES for c in rule(raw))
    middle = apply(raw, layout)
    try:
        words = repair(middle)
    except LexiconUnavailable as e:
        return CleanResult(raw, middle, layout, [f"OCR repair skipped: {e}"])
    edits = compose(raw, middle, layout, words)
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


def compose(
    raw: str, middle: str, first: list[Correction], second: list[Correction]
) -> list[Correction]:
    """One log on `raw` for `first` (on `raw`, giving `middle`) then `second` (on `middle`).

    A second-pass correction that overlaps first-pass ones is merged with them into one
    correction whose replacement is their joint effect.
    """
    spans: list[tuple[int, int, Correction]] = []  # each first correction's span in `middle`
    shift = 0
    for c in first:
        spans.append((c.offset + shift, c.offset + shift + len(c.replacement), c))
        shift += len(c.replacement) - len(c.original)
    kept = {id(c): c for c in first}
    out: list[Correction] = []
    for w in second:
        lo, hi = w.offset, w.offset + len(w.original)
        touching = [
            (s, e, c)
            for s, e, c in spans
            if id(c) in kept and ((s < hi and lo < e) or (s == e and lo <= s <= hi))
        ]
        if not touching:
            out.append(Correction(_to_raw(lo, spans), w.original, w.replacement, w.rule))
            continue
        mid_lo, mid_hi = min(lo, touching[0][0]), max(hi, touching[-1][1])
        first_c, last_c = touching[0][2], touching[-1][2]
        raw_lo = first_c.offset if mid_lo == touching[0][0] else _to_raw(lo, spans)
        raw_hi = (
            last_c.offset + len(last_c.original)
            if mid_hi == touching[-1][1]
            else _to_raw(hi, spans)
        )
        replacement = middle[mid_lo:lo] + w.replacement + middle[hi:mid_hi]
        rule = "+".join(dict.fromkeys([*(c.rule for _, _, c in touching), w.rule]))
        for _, _, c in touching:
            del kept[id(c)]
        out.append(Correction(raw_lo, raw[raw_lo:raw_hi], replacement, rule))
    return sorted([*kept.values(), *out], key=lambda c: c.offset)


def _to_raw(position: int, spans: list[tuple[int, int, Correction]]) -> int:
    """A middle-text position outside every first-pass replacement, in raw coordinates."""
    shift = 0
    for _, end, c in spans:
        if end > position:
            break
        shift = c.offset + len(c.original) - end
    return position + shift


def _non_overlapping(corrections: Iterable[Correction]) -> list[Correction]:
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


def _lexicon_or_none() -> Lexicon | None:
    try:
        return lexicon()
    except LexiconUnavailable:
        return None
