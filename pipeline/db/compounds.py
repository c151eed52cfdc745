"""compounds: the parts of German compounds, so that a search for a part finds the whole.

German writes its compounds as one word: a search for "Sporthalle" does not find
"Schulsporthalle", nor "Straßenbau" a "Straßenbaumaßnahme", as neither Snowball's stemmer
(SQLite) nor Postgres's `german` configuration splits them. The index therefore holds,
after a paper's text, the parts of the long nouns in it.

A noun is split where its tail and its head are common German words (wordfreq's list, a
dictionary lookup each), the head with or without a linking "s", "es", "n", "en" or a
dropped "e" ("Schul|sporthalle"); of several cuts the one whose rarer part is commonest wins,
so that "Verkehrs|teilnehmern" beats "Verkehr|steilnehmern". A long part is split again.
Measured on 60 long nouns drawn at random from the development papers: 42 of the 44
compounds split right, 2 were missed (one OCR-damaged), and 5 words that are no noun
compounds were split ("Zusammen|fassung", "Gesellschaft|liche"); 1.7 ms a Karlsruhe paper.
Hunspell through Enchant decided as well but took 50 microseconds a word, 17 ms a paper.
Without the lexicon's packages, no parts are added and search works as before.
"""

from __future__ import annotations

import functools
import re

from pipeline.errors import LexiconUnavailable
from pipeline.lexicon import lexicon

# The nouns worth splitting: capitalised, at least this long.
_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{9,}\b")
_MIN_HEAD = 3  # "Ort|steil" no, "Bau|amt" yes: a head's root
_MIN_TAIL = 5  # a shorter tail ("Ahme") is a word's ending more often than a word
_SPLIT_AGAIN = 13  # a part this long may be a compound itself ("Beratungsstelle")
_MAX_DEPTH = 3
# A part must be a word this common (wordfreq's frequency, about once in ten million words):
# rarer strings are a word's pieces ("Steilnehmern", "Ahme") more often than words.
_MIN_FREQUENCY = 1e-7


def parts(text: str) -> list[str]:
    """The parts of the compounds among the long nouns of `text`, each once."""
    found: dict[str, None] = {}
    for noun in dict.fromkeys(_NOUN.findall(text)):
        for part in split(noun):
            found.setdefault(part)
    return list(found)


@functools.lru_cache(maxsize=100_000)
def split(word: str) -> tuple[str, ...]:
    """The parts of `word` ("Schulsporthalle": "Schul", "Sporthalle"), () if it is none."""
    words = _frequencies()
    return tuple(_parts(words, word, 0)) if words else ()


@functools.cache
def _frequencies() -> dict[str, float]:
    """wordfreq's German words and their frequencies, lower-cased: a dict, so that trying
    every cut of every long noun costs dictionary lookups (Hunspell through Enchant took
    50 microseconds a word, most of an ingest's time). Empty where the lexicon is missing."""
    try:
        lexicon()
    except LexiconUnavailable:
        return {}
    from wordfreq import get_frequency_dict

    return get_frequency_dict("de")


def _parts(words: dict[str, float], word: str, depth: int) -> list[str]:
    best: tuple[float, str, str] | None = None
    for cut in range(_MIN_HEAD + 1, len(word) - _MIN_TAIL + 1):
        head, tail = word[:cut], word[cut:].capitalize()
        tail_frequency = words.get(tail.casefold(), 0.0)
        if tail_frequency < _MIN_FREQUENCY:
            continue
        root = max(_roots(head), key=lambda r: words.get(r.casefold(), 0.0))
        root_frequency = words.get(root.casefold(), 0.0)
        if len(root) < _MIN_HEAD or root_frequency < _MIN_FREQUENCY:
            continue
        score = min(tail_frequency, root_frequency)
        if best is None or score > best[0]:
            best = (score, head, tail)
    if best is None:
        return []
    _, head, tail = best
    found = [head, tail]
    if depth < _MAX_DEPTH:
        for part in (head, tail):
            if len(part) >= _SPLIT_AGAIN:
                found += _parts(words, part, depth + 1)
    return found


def _roots(head: str) -> list[str]:
    """The word a compound's head may stand for: as it is, without a linking "s", "es",
    "n" or "en", or with the "e" compounds drop ("Schul" for "Schule")."""
    roots = [head]
    for linking in ("es", "s", "en", "n"):
        if head.endswith(linking) and len(head) - len(linking) >= _MIN_HEAD:
            roots.append(head[: -len(linking)])
    return [*roots, head + "e"]
