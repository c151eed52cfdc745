"""stems: the Snowball German stems that SQLite's full-text index holds (pipeline.db.search).

FTS5 has no German stemmer of its own, so a paper's name, resolution and text are stemmed
before they are indexed, and a query is stemmed the same way. The stemming is done where
the paper is processed (pipeline.run.document, in the worker processes), not by the runner that
stores every paper: it is most of what storing a paper costs, and the one runner would
otherwise limit how many workers a batch can use. Nothing here needs SQLAlchemy, which the
workers never import.
"""

from __future__ import annotations

import re

import Stemmer

from pipeline.db import compounds
from pipeline.model import Record, Stemmed

_WORD = re.compile(r"\w+")
_STEMMER = Stemmer.Stemmer("german")
_STEMS: dict[str, str] = {}  # token as written -> its stems
_STEMS_LIMIT = 300_000  # a few tens of MB at most


def stems(words: str) -> str:
    """The Snowball German stems of the words in `words`, lower-cased, separated by spaces."""
    # Splitting at white space and stemming each distinct token once (punctuation and all),
    # with the tokens not seen before found by a set difference, keeps the loop in C.
    tokens = words.split()
    new = set(tokens).difference(_STEMS)
    if new:
        if len(_STEMS) + len(new) > _STEMS_LIMIT:
            _STEMS.clear()
            new = set(tokens)
        for token in new:
            _STEMS[token] = " ".join(_STEMMER.stemWords(_WORD.findall(token.lower())))
    # A token of punctuation alone stems to "" and leaves two spaces: the FTS5 tokenizer
    # does not mind, and filtering would cost a sixth of the time.
    return " ".join(map(_STEMS.__getitem__, tokens))


def parts(record: Record) -> tuple[str | None, list[str], str]:
    """What the index holds of a paper: its name, its resolution's items and its text, the
    text followed by the parts of its compounds (pipeline.db.compounds), so that a search
    for "Sporthalle" finds "Schulsporthalle" on both databases."""
    split = compounds.parts(record.text)
    text = f"{record.text}\n{' '.join(split)}" if split else record.text
    return record.name, [item.text for item in record.resolution], text


def of(name: str | None, resolutions: list[str], text: str) -> Stemmed:
    """The stems of a paper's indexed parts (see `parts`)."""
    return Stemmed(stems(name or ""), stems("\n".join(resolutions)), stems(text))
