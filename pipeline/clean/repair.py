"""repair: undo OCR damage word by word, against the German lexicon.

A word is changed only to a candidate made from it by the confusions in
extractors/data/ocr_confusions.tsv (lost umlauts, "fur" for "für", "q" for "g", ...) that the
lexicon knows. Precision comes first:
- a word the lexicon does not know takes its most frequent known candidate;
- a word the lexicon knows is changed only by restoring umlauts, and only where the document
  as a whole shows umlaut loss: then to a candidate at least 20 times as frequent ("Beitrage"
  -> "Beiträge"), or, for pairs of similar frequency ("fordern"/"fördern"), where the same
  stem occurs with the umlaut elsewhere in the document and never without it;
- URLs, e-mail addresses, all-capital words and very short words are left alone.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractors import vocab
from pipeline.lexicon import Known, Lexicon, lexicon
from pipeline.model import Correction

UMLAUT, ESZETT, LETTER = "umlaut", "eszett", "letter"
MAX_EDITS = 3  # per word; "Stadtebauforderung" needs two
MAX_LETTER_EDITS = 1  # shape confusions are rarer: one per word
# A valid word gives way only to a candidate this much more frequent (zipf is log10).
FREQUENCY_MARGIN = 1.3  # 20x
UNKNOWN_MARGIN = 1.0  # 10x: for words the dictionary lacks but the frequency list has
# The document shows umlaut loss when at least this many words were restored by umlaut
# edits, and no fewer than the words that kept their umlauts.
MIN_LOST = 2
UMLAUT_CHARS = frozenset("äöüÄÖÜß")
# A page counts as OCR-damaged when this many distinct words, and this share of its distinct
# words, have a trusted repair or a letter-confusion repair.
MIN_DAMAGED = 3
DAMAGED_SHARE = 0.02
# A page keeps its umlauts when at least this share of its words has ä, ö, ü or ß: German
# prose has 7-20% (1,522 pages of the Karlsruhe and dev corpora: lowest 6.8%, median 14%);
# a page that lost them has none. Such a page, judged on at least MIN_JUDGED_WORDS words,
# is searched for repairs only when a word's own shape shows damage.
KEPT_UMLAUT_SHARE = 0.03
MIN_JUDGED_WORDS = 50

# A token: letters, with the digits and marks OCR puts inside words ("Fu!3ballstadion").
_TOKEN = re.compile(r"[^\W\d_](?:[\w!]*[^\W\d_])?")
_NOT_PROSE = re.compile(r"@|www\.|://|\.(?:de|com|org|net|html?)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"l[A-Z]{1,4}")  # "lD": a capital I read as a small l
_ACRONYM_MIN_ZIPF = 3.5
# For the pre-filter: where a word's shape may show damage (a digit or "!" before a letter),
# and the run of word characters around such a place. A capital next to a small letter is the
# other mark (see _camel).
_DIGIT_MARK = re.compile(r"[\d!][\d!_]*[^\W\d_]")
_RUN = re.compile(r"[\w!]+")
_ENDINGS = ("en", "es", "st", "et", "n", "e", "s", "t")


@dataclass(frozen=True, slots=True)
class Confusion:
    damaged: str
    printed: str
    kind: str


@dataclass(frozen=True, slots=True)
class Candidate:
    word: str
    kinds: frozenset[str]
    edits: int


@functools.cache
def confusions() -> tuple[Confusion, ...]:
    """The confusion table, loaded once per process."""
    return tuple(Confusion(row[0], row[1], row[2]) for row in vocab.rows("ocr_confusions"))


@functools.cache
def _camel() -> tuple[re.Pattern[str], ...]:
    """Where a capital next to a small letter shows OCR damage: after a small letter, a
    capital that OCR reads for a small letter ("gegenUber", "beschlieBt": U for ü, B and I3
    for ß); before a capital, a small letter that OCR reads for a capital ("lD": l for I).
    Both sets come from the confusion table.

    Any other capital after a small letter is no sign of damage: glued table cells and names
    ("WerkstattausbauSachsengarageFord", "TechnologieRegion") have them. Such a capital
    stays in every candidate, and Hunspell accepts a word with one only where its dictionary
    lists the word as written ("GmbH"; it builds no compound across a capital), so trying
    the candidates of such a word, hundreds for a long one, found nothing."""
    table = confusions()
    capitals = {ch for c in table if c.printed.islower() for ch in c.damaged if ch.isupper()}
    smalls = {ch for c in table if c.printed.isupper() for ch in c.damaged if ch.islower()}
    # Two patterns, each starting with a character class, search faster than one alternation;
    # each starts with its rarer class (the capitals; the small letters are few), and the
    # capital looks behind for its small letter: a search starting at every small letter of
    # the page took three times as long.
    patterns = []
    if capitals:
        chars = "".join(sorted(capitals))
        patterns.append(re.compile(f"[{chars}](?<=[a-zäöüß][{chars}])"))
    if smalls:
        patterns.append(re.compile(f"[{''.join(sorted(smalls))}][A-ZÄÖÜ]"))
    return tuple(patterns)


def candidates(word: str, kinds: frozenset[str] | None = None) -> Iterator[Candidate]:
    """Every string made from `word` by up to MAX_EDITS non-overlapping confusions."""
    sites = [
        (match.start(), match.start() + len(c.damaged), c)
        for c in confusions()
        if kinds is None or c.kind in kinds
        for match in re.finditer(re.escape(c.damaged), word)
    ]
    for size in range(1, MAX_EDITS + 1):
        for combo in itertools.combinations(sites, size):
            if sum(c.kind == LETTER for _, _, c in combo) > MAX_LETTER_EDITS:
                continue
            ordered = sorted(combo, key=lambda site: site[0])
            if any(a[1] > b[0] for a, b in itertools.pairwise(ordered)):
                continue
            parts, position = [], 0
            for start, end, c in ordered:
                parts += [word[position:start], c.printed]
                position = end
            parts.append(word[position:])
            yield Candidate("".join(parts), frozenset(c.kind for _, _, c in combo), size)


def repair(text: str) -> list[Correction]:
    """Corrections of OCR-damaged words in `text`, by offset. Never raises on any string.

    Pages (split at form feeds) are judged one by one: a born-digital paper often carries a
    scanned attachment, and only the scanned pages show the damage.
    """
    lex = lexicon()
    corrections: list[Correction] = []
    offset = 0
    for page in text.split("\f"):
        corrections += _repair_page(page, offset, lex)
        offset += len(page) + 1
    return corrections


def _repair_page(text: str, offset: int, lex: Lexicon) -> list[Correction]:
    if _looks_undamaged(text, lex):
        return []
    tokens = list(_tokens(text))
    proposals: dict[str, tuple[str, str]] = {}  # word -> (replacement, rule)
    twins: dict[str, Candidate] = {}  # valid words with a valid umlaut twin
    words = dict.fromkeys(word for _, word in tokens)
    if not _may_trust(tokens, words, lex):
        return []
    for word in words:
        change = _repair_unknown(word, lex)
        if change is not None:
            proposals[word] = change
    umlaut_loss = _shows_umlaut_loss(tokens, proposals)
    if umlaut_loss:
        # Valid words with a valid umlaut twin matter only where the page lost its umlauts;
        # looking for twins costs most of the time, so it is done only there.
        for word in words:
            if word not in proposals and lex.known(word) is Known.YES:
                twin = _umlaut_twin(word, lex)
                if twin is not None:
                    twins[word] = twin
    trusted = {
        word: change
        for word, change in proposals.items()
        if _shaped(word) or (change[1] == "ocr-umlaut" and umlaut_loss)
    }
    # Letter confusions in words the dictionary lacks are trusted only on a page where such
    # repairs are common: on a clean page they are names and rare words ("Heid", "Stelen").
    letters = [w for w, change in proposals.items() if change[1] == "ocr-letter"]
    distinct = len({word for _, word in tokens})
    if len(letters) + len(trusted) >= MIN_DAMAGED and (
        len(letters) + len(trusted) >= DAMAGED_SHARE * distinct
    ):
        trusted.update((w, proposals[w]) for w in letters)
    if twins and umlaut_loss:
        final = [trusted.get(word, (word, ""))[0] for _, word in tokens]
        for word, twin in twins.items():
            change = _repair_valid(word, twin, final, lex)
            if change is not None:
                trusted[word] = change
    return [
        Correction(offset + start, word, *trusted[word])
        for start, word in tokens
        if word in trusted
    ]


def _may_trust(tokens: list[tuple[int, str]], words: Iterable[str], lex: Lexicon) -> bool:
    """Whether any repair on the page could be trusted, judged from the words that have a
    candidate the lexicon knows better (a superset of the words with a proposal, found
    without word frequencies): a page on which no word is shaped like OCR damage, too few
    words could gain an umlaut for the page to show umlaut loss, and too few could be
    repaired at all to count as damaged, gets no correction whatever the frequencies say.

    A born-digital page that is short or poor in umlauts (a signature block, a table of
    names) is judged word by word; its names ("Bucher": "Bücher" is a word) would otherwise
    load the frequency list (a third of a second and some 70 MB in every worker) only for
    _repair_page to trust none of them."""
    repairable = [word for word in words if _repairable(word, lex)[0]]
    if any(_shaped(word) for word in repairable):
        return True
    gains_umlaut = {word for word in repairable if _repairable(word, lex)[1]}
    # Upper and lower bounds of _shows_umlaut_loss's counts: lost can only be smaller and
    # kept only larger once the frequencies have removed candidates.
    lost = sum(word in gains_umlaut for _, word in tokens)
    kept = sum(word not in gains_umlaut and not UMLAUT_CHARS.isdisjoint(word) for _, word in tokens)
    if lost >= MIN_LOST and lost >= kept:
        return True
    distinct = len({word for _, word in tokens})
    return len(repairable) >= MIN_DAMAGED and len(repairable) >= DAMAGED_SHARE * distinct


@functools.lru_cache(maxsize=100_000)
def _repairable(word: str, lex: Lexicon) -> tuple[bool, bool]:
    """Whether _repair_unknown may propose a repair of `word` (it has a candidate the
    lexicon knows better than the word), and whether such a candidate adds an umlaut."""
    if _ACRONYM.fullmatch(word):
        return True, False
    known = lex.known(word)
    if known is Known.YES:
        return False, False
    better = [c.word for c in candidates(word) if lex.known(c.word) > known]
    return bool(better), any(not UMLAUT_CHARS.isdisjoint(set(c) - set(word)) for c in better)


def _looks_undamaged(page: str, lex: Lexicon) -> bool:
    """Whether a page shows no sign of OCR damage, judged without looking up every word
    (which is most of the time of the clean stage): it keeps its umlauts (at least
    KEPT_UMLAUT_SHARE umlauts per word), and no word whose shape shows damage ("Fu!3ball",
    "gegenUber") has a repair.

    Judged on the page's text at C speed, not word by word: words are what white space
    separates (also the numbers, short and URL words that the repair leaves alone), and
    every word marked by a digit, "!" or a capital next to a small letter (see _camel) is
    tried.

    Verified on the Karlsruhe and dev corpora (tests/test_bench_prefilters.py on the dev
    copy): the corrections are the same with and without this shortcut."""
    words = len(page.split())
    if words < MIN_JUDGED_WORDS:
        return False
    if sum(map(page.count, UMLAUT_CHARS)) < KEPT_UMLAUT_SHARE * words:
        return False
    return all(_repair_unknown(word, lex) is None for word in _marked_words(page))


def _marked_words(page: str) -> set[str]:
    """The words of `page` whose shape shows damage (see _shaped), found from the few places
    that can mark one rather than word by word."""
    found: set[str] = set()
    for mark in (m for pattern in (_DIGIT_MARK, *_camel()) for m in pattern.finditer(page)):
        run = _RUN.match(page, word_start(page, mark.start(), "!"))
        if run is not None:
            found.update(w for w in _TOKEN.findall(run.group()) if _shaped(w))
    return found


def word_start(text: str, end: int, also: str = "") -> int:
    """Where the run of word characters (what \\w matches, and the characters in `also`)
    that ends at `end` starts; `end` when there is none."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_" + also):
        start -= 1
    return start


def _shaped(word: str) -> bool:
    """Whether the word's own shape shows OCR damage: a digit or "!" among letters, or a
    capital and a small letter side by side where OCR confuses one for the other ("gegenUber",
    "lD", see _camel)."""
    return any(ch.isdigit() or ch == "!" for ch in word) or any(
        pattern.search(word) for pattern in _camel()
    )


def _tokens(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) for the words of running text; URLs and addresses are skipped."""
    for chunk in re.finditer(r"\S+", text):
        if _NOT_PROSE.search(chunk.group()):
            continue
        for match in _TOKEN.finditer(chunk.group()):
            word = match.group()
            start, end = chunk.start() + match.start(), chunk.start() + match.end()
            if _fragment(text, start, end):
                continue
            if _ACRONYM.fullmatch(word) or (len(word) >= 3 and not word.isupper()):
                yield start, word


def _fragment(text: str, start: int, end: int) -> bool:
    """The first part of a word split at a hyphen and a space or line break ("Bildungs- und",
    "Stadtent-" at a line end): not a word of its own, so not judged as one."""
    return text[end : end + 1] in ("-", "\u00ad") and text[end + 1 : end + 2] in ("", " ", "\n")


@functools.lru_cache(maxsize=100_000)
def _repair_unknown(word: str, lex: Lexicon) -> tuple[str, str] | None:
    """The repair of a word the lexicon does not know (or knows only as a compound).

    Cached: a pure function of the word for the process-wide lexicon, and the words of
    council papers repeat from one paper to the next."""
    if _ACRONYM.fullmatch(word):
        printed = "I" + word[1:]
        return (printed, "ocr-letter") if lex.zipf(printed) >= _ACRONYM_MIN_ZIPF else None
    known = lex.known(word)
    if known is Known.YES:
        return None
    best: tuple[Known, float, int, Candidate] | None = None
    floor: float | None = None
    for candidate in candidates(word):
        rank = lex.known(candidate.word)
        if rank <= known:
            continue
        # The web knows names, fragments and rare words the dictionary lacks ("Stelen",
        # "Hohenwettersbach"): a word seen there gives way only to a far more common one.
        # (The frequency list folds ß into ss, so it cannot judge "Strasse" -> "Straße".)
        # Asked only once a candidate is a word: most are not, and a born-digital batch then
        # never loads the frequency list (0.3 s and about 70 MB per process).
        if floor is None:
            floor = lex.zipf(word)
        frequency = lex.zipf(candidate.word)
        if floor > 0 and candidate.kinds != {ESZETT} and frequency < floor + UNKNOWN_MARGIN:
            continue
        key = (rank, frequency, -candidate.edits, candidate)
        if best is None or key[:3] > best[:3]:
            best = key
    if best is None:
        return None
    candidate = best[3]
    return candidate.word, ("ocr-letter" if LETTER in candidate.kinds else "ocr-umlaut")


@functools.lru_cache(maxsize=100_000)
def _umlaut_twin(word: str, lex: Lexicon) -> Candidate | None:
    """The most frequent valid word that differs from `word` only by umlauts."""
    twins = [c for c in candidates(word, frozenset({UMLAUT})) if lex.known(c.word) is Known.YES]
    return max(twins, key=lambda c: lex.zipf(c.word), default=None)


def _shows_umlaut_loss(tokens: list[tuple[int, str]], decided: dict[str, tuple[str, str]]) -> bool:
    """Whether the document lost its umlauts: many restored, few kept."""
    lost = kept = 0
    for _, word in tokens:
        change = decided.get(word)
        if change is not None and UMLAUT_CHARS & set(change[0]) - set(word):
            lost += 1
        elif UMLAUT_CHARS & set(word):
            kept += 1
    return lost >= MIN_LOST and lost >= kept


def _repair_valid(
    word: str, twin: Candidate, final: list[str], lex: Lexicon
) -> tuple[str, str] | None:
    """Whether a valid word in a document with umlaut loss was its umlaut twin."""
    if lex.zipf(twin.word) - lex.zipf(word) >= FREQUENCY_MARGIN:
        return twin.word, "ocr-umlaut-frequency"
    # Similar frequencies: let the document decide by the stem's spelling elsewhere.
    with_umlaut, without = _stem(twin.word), _stem(word)
    others = Counter(w.lower() for w in final if w not in (word, twin.word))
    if any(with_umlaut in w for w in others) and not any(without in w for w in others):
        return twin.word, "ocr-umlaut-context"
    return None


def _stem(word: str) -> str:
    """The word without a common inflection ending: "fördern" -> "förder"."""
    lowered = word.lower()
    for ending in _ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 4:
            return lowered[: -len(ending)]
    return lowered
