"""quality: is a text real German prose, or the garbage of a failed OCR?

The "OCR" of a rotated or handwritten page, or of a form full of lines, is mostly single
letters, digits and punctuation ("OJ", "(C", ":::,"). Two measurable signals tell it apart:
- the share of its words (two letters or more) that the German lexicon knows: born-digital
  council papers score 0.77-0.99 (names and abbreviations make the rest), a garbage layer
  about 0.2;
- the share of letters among its visible characters, reported alongside (tables of figures
  lower it too, so it does not decide on its own).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.errors import LexiconUnavailable
from pipeline.lexicon import Known, lexicon

# Below this share of lexicon words a text is garbage ...
MIN_LEXICON_SHARE = 0.5
# ... provided it has enough words to judge.
MIN_WORDS = 20

_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True, slots=True)
class Quality:
    """Signals of one text; `garbage` is the verdict."""

    visible: int  # non-space characters
    letters: float  # share of letters among them
    words: int  # words of two letters or more
    lexicon: float | None  # share of those the lexicon knows; None without a lexicon

    @property
    def garbage(self) -> bool:
        return (
            self.lexicon is not None
            and self.words >= MIN_WORDS
            and self.lexicon < MIN_LEXICON_SHARE
        )

    def describe(self) -> str:
        share = "unknown" if self.lexicon is None else f"{self.lexicon:.0%}"
        return f"{share} lexicon words of {self.words}, {self.letters:.0%} letters"


def assess(text: str) -> Quality:
    """Measure `text`. Without a lexicon the verdict is never "garbage"."""
    visible = "".join(text.split())  # the non-space characters, at C speed
    letters = sum(map(str.isalpha, visible)) / len(visible) if visible else 0.0
    words = _WORD.findall(text)
    try:
        lex = lexicon()
    except LexiconUnavailable:
        return Quality(len(visible), letters, len(words), None)
    known = sum(
        lex.known(w) is not Known.NO or lex.known(w.capitalize()) is not Known.NO for w in words
    )
    share = known / len(words) if words else 0.0
    return Quality(len(visible), letters, len(words), share)


def is_garbage(text: str) -> bool:
    """`assess(text).garbage` (see judge)."""
    return judge(text) is True


def judge(text: str) -> bool | None:
    """Whether `text` is garbage, as `assess(text).garbage`; None when it cannot be judged
    (fewer than MIN_WORDS words, or no lexicon). Decided early where it can be: once the
    dictionary knows half the words, the text is no garbage.

    First counted at C speed against the words this process already found in the
    dictionary (council papers share most of their words), which decides a clean page
    without a single look-up; else the most frequent words are looked up first, so a clean
    page is decided on its commonest words without looking up the rest."""
    words = _WORD.findall(text)
    total = len(words)
    if total < MIN_WORDS:
        return None
    try:
        lex = lexicon()
    except LexiconUnavailable:
        return None
    seen = lex.seen_words
    if sum(map(seen.__contains__, words)) >= MIN_LEXICON_SHARE * total:
        return False
    known = 0
    for word, count in Counter(words).most_common():
        if lex.check(word) or lex.check(word.capitalize()):
            lex.remember(word)
            known += count
            if known >= MIN_LEXICON_SHARE * total:
                return False
    return assess(text).garbage
