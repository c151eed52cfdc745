"""Cheap ways to run a pattern over a whole paper when most of the paper cannot match.

Most patterns of the extractors need a word that few lines hold ("Produkt", "€"). `str.find`
finds a plain word fast, but a pattern that starts with `^`, `\\b`, a class or an alternation
is tried at every position of the text. Here the word is found first, and the pattern is only
tried where a match can start; the matches are exactly those of `pattern.finditer(text)`:
- `pattern.match(text, pos)` sees the text before `pos` (look-behinds, `\\b`, and `^` in
  MULTILINE mode behave as in a search of the whole text);
- the places tried include every place a match can start, in order, and a place inside the
  previous match is skipped, as finditer does.
"""

from __future__ import annotations

import functools
import heapq
import re
from collections.abc import Iterable, Iterator

# Letters that `re.IGNORECASE` matches other than through `str.lower`: the dotless "ı" and
# the long "ſ" match "i" and "s", and "İ" lowers to two characters. A text holding one is
# searched by its patterns alone.
FOLDS_APART = ("ı", "ſ", "İ")


def finditer_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that can only match at `starts` (ascending).

    For a pattern that never matches the empty string."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            yield m
            end = m.end()


def occurrences(text: str, *words: str) -> Iterator[int]:
    """Every offset where one of `words` occurs in `text` (overlapping ones too), in order."""
    return heapq.merge(*(_occurrences(text, word) for word in words))


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def line_starts(text: str, *words: str) -> list[int]:
    """The start of every line (split at a line feed) that holds one of `words`, in order."""
    starts: list[int] = []
    line_end = -1
    for at in occurrences(text, *words):
        if at < line_end:
            continue  # on the line already taken
        starts.append(text.rfind("\n", 0, at) + 1)
        line_end = text.find("\n", at)
        if line_end < 0:
            break
    return starts


def lines_with(text: str, *words: str) -> list[tuple[int, int]]:
    """(start, end) of every line (split at a line feed, without it) holding one of `words`."""
    spans: list[tuple[int, int]] = []
    for start in line_starts(text, *words):
        end = text.find("\n", start)
        spans.append((start, len(text) if end < 0 else end))
    return spans


@functools.lru_cache(maxsize=4)
def lowered(text: str) -> str | None:
    """`text` in lower case, offset for offset, where a case-insensitive pattern matches a
    lower-case word exactly where the lowered text holds it; None for a text where that does
    not hold (see FOLDS_APART). Kept for the paper in hand (and its head): every extractor
    asks."""
    return None if any(letter in text for letter in FOLDS_APART) else text.lower()


def may_hold(text: str, word: str) -> bool:
    """False only if no case-insensitive match of `word` (lower case) is in `text`."""
    lower = lowered(text)
    return lower is None or word in lower


def finditer_word(pattern: re.Pattern[str], text: str, *words: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match starts with one of `words`
    (lower case; matched case-insensitively)."""
    lower = lowered(text)
    if lower is None:
        return pattern.finditer(text)
    return finditer_at(pattern, text, occurrences(lower, *words))


def first_lines(text: str, count: int, start: int = 0) -> list[str]:
    """`text[start:].splitlines()[:count]`, splitting only as much of the text as it takes.

    Of a piece of the text, every line but the last is a line of the whole text: a line
    break inside the piece is one in the text, and a piece that ends inside "\r\n" ends its
    last line there."""
    reach = 4096
    while start + reach < len(text):
        lines = text[start : start + reach].splitlines()
        if len(lines) > count:
            return lines[:count]
        reach *= 4
    return text[start:].splitlines()[:count]
