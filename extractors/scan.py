"""Cheap ways to run a pattern over a whole paper when most of the paper cannot match.

Most patterns of the extractors need a word that few lines hold ("Produkt", "€"). Python's
`re` finds a plain word fast, but a pattern that starts with `^`, `\\b` or a class tries
every position of the text. Here the word is found first, and the pattern is only tried
where a match can be; the matches are exactly those of `pattern.finditer(text)`:
- `pattern.match(text, pos)` sees the text before `pos` (look-behinds, `\\b`, and `^` in
  MULTILINE mode behave as in a search of the whole text);
- the places tried include every place a match can start, in order, and a place inside the
  previous match is skipped, as finditer does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


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


def line_starts(text: str, words: re.Pattern[str]) -> list[int]:
    """The start of every line (split at "\\n") that holds a match of `words`, in order."""
    starts: list[int] = []
    line_end = -1
    for m in words.finditer(text):
        if m.start() < line_end:
            continue  # on the line already taken
        starts.append(text.rfind("\n", 0, m.start()) + 1)
        line_end = text.find("\n", m.start())
        if line_end < 0:
            break
    return starts


def lines_with(text: str, words: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of every line (split at "\\n", without it) holding a match of `words`."""
    spans: list[tuple[int, int]] = []
    for start in line_starts(text, words):
        end = text.find("\n", start)
        spans.append((start, len(text) if end < 0 else end))
    return spans


def occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset where `word` occurs in `text` (overlapping ones too), in order."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
