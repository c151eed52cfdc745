"""lexicon: is a string a German word, and how common is it.

Two maintained sources, loaded once per process:
- Debian's German Hunspell dictionary (hunspell-de-de) through Enchant (pyenchant) decides
  what is a word. It knows inflections and many compounds ("Städtebauförderung").
- wordfreq ranks candidates. It cannot decide what is a word: its web sources also carry
  the damaged forms ("fur", "Moglichkeit").
Compounds Hunspell does not know ("Mitgliedstädten") are accepted when they split into two
known nouns, with or without a linking "s".
"""

from __future__ import annotations

import functools
import importlib.util
from enum import IntEnum

from pipeline.errors import LexiconUnavailable

LANGUAGE = "de_DE"
# Parts shorter than this are not trusted in a compound split ("Beg" + "Rundung").
MIN_PART = 4
# At most this many words are remembered as known (see Lexicon.seen_words): some MB.
MAX_SEEN = 300_000


class Known(IntEnum):
    """How sure the lexicon is that a string is a word."""

    NO = 0
    COMPOUND = 1  # two known nouns joined
    YES = 2  # Hunspell accepts it as it stands


class Lexicon:
    """German word check and frequency; use `lexicon()` for the shared instance."""

    def __init__(self) -> None:
        try:
            import enchant
        except ImportError as e:  # pragma: no cover - installed with the project
            raise LexiconUnavailable(f"missing Python package: {e.name}") from e
        # wordfreq is imported at its first question (see _frequency), but must be there.
        if importlib.util.find_spec("wordfreq") is None:  # pragma: no cover
            raise LexiconUnavailable("missing Python package: wordfreq")
        try:
            self._dict = enchant.Dict(LANGUAGE)
        except enchant.errors.Error as e:  # no libenchant, or no German dictionary
            raise LexiconUnavailable(
                f"no German Hunspell dictionary ({e}); "
                "apt-get install libenchant-2-2 hunspell-de-de"
            ) from e
        self.check = functools.lru_cache(maxsize=200_000)(self._check)
        self.zipf = functools.lru_cache(maxsize=200_000)(self._frequency)
        # Words found to be German as written or capitalised: a set, so that a whole page
        # can be counted against it at C speed (pipeline.read.quality).
        self.seen_words: set[str] = set()

    def remember(self, word: str) -> None:
        """Add a word that `check` accepted (as written or capitalised) to `seen_words`."""
        if len(self.seen_words) < MAX_SEEN:
            self.seen_words.add(word)

    def _check(self, word: str) -> bool:
        return bool(word) and self._dict.check(word)

    def _frequency(self, word: str) -> float:
        """Zipf frequency (log10 per billion words, 0 for unseen), case-insensitive."""
        # Imported here: importing wordfreq costs a quarter of a second (its `locate`
        # dependency walks the call stack), and most texts never ask for a frequency.
        from wordfreq import zipf_frequency

        return float(zipf_frequency(word, "de"))

    def known(self, word: str) -> Known:
        """Whether `word`, exactly as cased, is German."""
        if self.check(word):
            return Known.YES
        if word[:1].isupper() and word[1:].islower() and self._compound(word):
            return Known.COMPOUND
        return Known.NO

    def _compound(self, word: str) -> bool:
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:].capitalize()
            if not self.check(tail):
                continue
            if self.check(head) or (head.endswith("s") and self.check(head[:-1])):
                return True
        return False


@functools.cache
def lexicon() -> Lexicon:
    """The process-wide lexicon (loaded on first use). Raises LexiconUnavailable."""
    return Lexicon()
