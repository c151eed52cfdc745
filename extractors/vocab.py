"""Vocabularies kept as data files in extractors/data, loaded once per process."""

from __future__ import annotations

import functools
import re
from importlib import resources


@functools.cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of `data/<name>.tsv` (or `.txt`): tab-separated, `#` comments and blanks skipped."""
    folder = resources.files("extractors") / "data"
    for suffix in (".tsv", ".txt"):
        path = folder / f"{name}{suffix}"
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            break
    else:
        raise FileNotFoundError(f"no vocabulary named {name!r} in extractors/data")
    return tuple(
        tuple(cell.strip() for cell in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def words(name: str) -> tuple[str, ...]:
    """A one-column vocabulary."""
    return tuple(row[0] for row in rows(name))


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """A one-column vocabulary as a set, for lookups ("column_headings")."""
    return frozenset(words(name))


def alternation(name: str, column: int = 0) -> str:
    """A regex alternation of one column's distinct entries, longest first, so that the
    longer phrase wins where two start at the same place ("Antrag auf Genehmigung" over
    "Antrag")."""
    entries = sorted({row[column] for row in rows(name)}, key=len, reverse=True)
    return "|".join(re.escape(entry) for entry in entries)


def phrase_pattern(phrase: str) -> str:
    """A vocabulary phrase as a regex for the ways papers print it: words apart by spaces,
    "<n>" a number, a hyphen also as a space or left out ("Vorlagen-Nr.", "Vorlagen Nr.",
    "Vorlagennr."), a final dot also left out ("Vorlagen-Nr:")."""
    return r"[ ]+".join(_word_pattern(word) for word in phrase.split())


def _word_pattern(word: str) -> str:
    if word == "<n>":
        return r"\d{1,3}"
    pattern = re.escape(word).replace(r"\-", r"[- ]?")
    if word.endswith(".") and len(word) > 2:
        return pattern[: -len(r"\.")] + r"\.?"
    return pattern
