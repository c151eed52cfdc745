"""language: which language a text that is no German is written in.

A text the German lexicon does not know is either the garbage of a failed OCR or good text
in another language (an English summary, a French partner's letter). Their function words
tell them apart: most running words of any prose are its language's stop words ("the",
"and", "of"; "le", "et", "de"), which garbage never spells. spaCy's stop word lists
(already installed with the German model) name the candidates.
"""

from __future__ import annotations

import functools
import importlib
import re

# spaCy language codes and the names the reason gives.
LANGUAGES = {
    "de": "German",
    "en": "English",
    "fr": "French",
    "it": "Italian",
    "es": "Spanish",
    "nl": "Dutch",
    "pl": "Polish",
    "tr": "Turkish",
    "pt": "Portuguese",
    "da": "Danish",
    "sv": "Swedish",
    "cs": "Czech",
}
# At least this share of its words must be one language's stop words to name it ...
MIN_STOP_SHARE = 0.2
# ... and that many words read.
MIN_WORDS = 20
_WORD = re.compile(r"[^\W\d_]{2,}")


@functools.cache
def _stop_words(code: str) -> frozenset[str]:
    module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    return frozenset(w.casefold() for w in module.STOP_WORDS)


def language_of(text: str) -> str | None:
    """The name of the language whose stop words make up most of `text`'s words, if they
    make up at least MIN_STOP_SHARE of them; None for garbage or too short a text."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    shares = {code: sum(w in _stop_words(code) for w in words) / len(words) for code in LANGUAGES}
    best = max(shares, key=lambda code: shares[code])
    return LANGUAGES[best] if shares[best] >= MIN_STOP_SHARE else None
