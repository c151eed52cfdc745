"""Committee and council names ("Hauptausschuss", "Ausschuss für Umwelt und Gesundheit",
"Haupt- und Finanzausschuss", "Ortschaftsrat Grötzingen") found in one line of text.

A name is built around a core word whose ending makes it a body (committee_words.txt):
- before the core, coordinated compound parts: "Haupt- und" Finanzausschuss, "Bau-,
  Planungs- und" Umweltausschuss;
- after it either a "für/des/der ..." phrase ("Ausschuss für Umwelt, Klimaschutz und
  Planung"), which runs to the end of the cell, or one capitalised place name
  ("Ortschaftsrat Grötzingen", "Stadtrat Augsburg").
Anything that is a column of its own stops a name: a date, a number, a bracket, a mark,
"Berichterstattung", a role word, "öffentlich".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from extractors import vocab

# Words that start a name's "für/des/der ..." phrase.
_PHRASE_STARTS = frozenset({"für", "des", "der"})
# The longest "für ..." phrase, in words; longer runs are prose, not a table cell.
_MAX_PHRASE_WORDS = 10
_WORD = re.compile(r"\S+")
_NUMBER = re.compile(r"^[\d./:-]+$")
# A session number before the name: "65. Plenarsitzung Gemeinderat", "7. Sitzung des".
_SESSION = re.compile(
    r"^\s*(?:\d+\.\s*)?(?:öffentliche\s+|nichtöffentliche\s+)?"
    r"(?:Plenarsitzung|Sitzung)\s+(?:des\s+|der\s+)?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    start: int  # offsets in the line
    end: int


@functools.cache
def endings() -> tuple[str, ...]:
    """The words a committee's name ends in (committee_words.txt), in lower case."""
    return tuple(w.lower() for w in vocab.words("committee_words"))


@functools.cache
def _not_committees() -> frozenset[str]:
    return frozenset(w.lower() for w in vocab.words("not_committees"))


@functools.cache
def _stop_words() -> frozenset[str]:
    roles = {w.split()[0].lower() for w in vocab.words("consultation_roles")}
    return frozenset(
        roles
        | {
            "berichterstattung",
            "berichterstatter",
            "öffentlich",
            "nichtöffentlich",
            "nicht",
            "termin",
            "top",
            "sitzung",
        }
    )


def is_core(word: str) -> bool:
    """True for a capitalised word that names a body: "Kreistag", "Ortschaftsrat"."""
    word = word.strip(",;:.()")
    return (
        len(word) >= 3
        and word[0].isupper()
        and word.lower().endswith(endings())
        and word.lower() not in _not_committees()
        and not word.isupper()
    )


def find(line: str) -> list[Name]:
    """Every committee name in `line` (one table cell or a whole row), in order."""
    return list(_find(line))


def alone(line: str) -> bool:
    """Whether `line` (stripped) is one committee's name and nothing else ("Gemeinderat",
    "Ausschuss für Finanzen und Liegenschaften"), a closing comma or colon aside."""
    names = _find(line)
    return len(names) == 1 and names[0].start == 0 and names[0].end >= len(line.rstrip(",:;"))


# The Beratungsfolge is read line by line several times over (where the table ends, its
# layout, its rows), and lines such as "Gemeinderat" recur from paper to paper.
@functools.lru_cache(maxsize=4096)
def _find(line: str) -> tuple[Name, ...]:
    words = list(_WORD.finditer(line))
    names: list[Name] = []
    index = 0
    while index < len(words):
        if not is_core(words[index].group()):
            index += 1
            continue
        first = index
        # "Haupt- und Finanzausschuss": a compound part ending in "-" and a conjunction.
        if (
            index >= 2
            and words[index - 2].group().endswith("-")
            and words[index - 1].group() in ("und", "oder")
            and words[index - 2].group()[:1].isupper()
        ):
            first = index - 2
            # "Bau-, Planungs- und Umweltausschuss": more parts before, each with its comma.
            while (
                first >= 1
                and words[first - 1].group().endswith("-,")
                and words[first - 1].group()[:1].isupper()
            ):
                first -= 1
        last = _extend(line, words, index)
        start, end = words[first].start(), words[last].end()
        text = line[start:end].rstrip(",;:")
        names.append(Name(text, start, start + len(text)))
        index = last + 1
    return tuple(names)


def _extend(line: str, words: list[re.Match[str]], core: int) -> int:
    """The index of the last word of the name whose core word is at `core`."""
    if words[core].group().endswith((",", ":", ";")):
        return core
    following = words[core + 1] if core + 1 < len(words) else None
    if following is None or _gap(line, words[core], following):
        return core
    word = following.group()
    if word in _PHRASE_STARTS:
        last = core + 1
        for k in range(core + 2, min(len(words), core + 2 + _MAX_PHRASE_WORDS)):
            if _stops(words[k].group()) or _gap(line, words[k - 1], words[k]):
                break
            last = k
        return last if last > core + 1 else core
    if _is_place_name(word):
        last = _topic_list(line, words, core + 1)
        after = words[last + 1] if last == core + 1 and last + 1 < len(words) else None
        if (
            word in _PLACE_PREFIXES
            and after is not None
            and _is_place_name(after.group())
            and not _gap(line, following, after)
        ):
            return last + 1  # "Bezirksvertretung Bad Godesberg", "Ortsrat Groß Escherde"
        if after is not None and _river(after.group()) and not _gap(line, following, after):
            return last + 1  # "Ortsbeirat Gartz (Oder)", "Stadtrat Halle (Saale)"
        return last
    if _NUMBERED.match(words[core].group()) and _DISTRICT_NUMBER.fullmatch(word):
        # "Ortsbeirat 3 (Nordwest)", "Bezirksausschuss 12": a district's council by number.
        after = words[core + 2] if core + 2 < len(words) else None
        bracketed = after is not None and _BRACKETED.match(after.group())
        if bracketed and after is not None and not _gap(line, following, after):
            return core + 2
        return core + 1
    return core


def _topic_list(line: str, words: list[re.Match[str]], first: int) -> int:
    """The last word of a list of fields after the core ("Fachausschuss Bildung, Kultur und
    Soziales", "Fachausschuss Finanzen, Wirtschaftsförderung, Marketing und Feuerschutz"),
    or `first` where its word opens no such list."""
    k = first
    while (
        words[k].group().endswith(",")
        and k + 1 < len(words)
        and not _gap(line, words[k], words[k + 1])
        and _is_place_name(words[k + 1].group())
    ):
        k += 1
    if k > first and (k + 1 == len(words) or _gap(line, words[k], words[k + 1])):
        return k  # "Fachausschuss Freizeit, Kultur, Jugend, Soziales, Demographie<TAB>"
    if k == first or k + 2 >= len(words) or words[k + 1].group() not in ("und", "sowie"):
        return first
    closing = words[k + 2]
    if _gap(line, words[k], words[k + 1]) or _gap(line, words[k + 1], closing):
        return first
    return k + 2 if _is_place_name(closing.group()) else first


# Words that open a place's name of two words ("Bad Godesberg", "Sankt Augustin").
_PLACE_PREFIXES = frozenset({"Bad", "Sankt", "St.", "Groß", "Klein", "Alt", "Neu", "Hohen"})
# Councils of a town's districts, which are numbered: "Ortsbeirat 3", "Stadtbezirksrat 12".
_NUMBERED = re.compile(r"(?:Orts|Bezirks|Stadtbezirks|Stadtteil)\w*", re.I)
_DISTRICT_NUMBER = re.compile(r"\d{1,2}")
_BRACKETED = re.compile(r"\([A-ZÄÖÜ][\w-]*\)$")


def _river(word: str) -> bool:
    """The river or region in brackets that is part of a place's name ("(Oder)", "(Saale)",
    "(Oldb)"), no note on the step ("(Vorberatung)", "(Anhörung)")."""
    bare = word.rstrip(",;:")
    if not _BRACKETED.match(bare) or len(bare) > 14 or bare.endswith("ung)"):
        return False
    inner = bare[1:-1].lower()
    return inner not in _stop_words() and not any(
        role.lower().startswith(inner) for role in vocab.words("consultation_roles")
    )


def _gap(line: str, left: re.Match[str], right: re.Match[str]) -> bool:
    """Two words in different cells: a TAB or a run of spaces between them."""
    between = line[left.end() : right.start()]
    return "\t" in between or len(between) >= 2


def _stops(word: str) -> bool:
    bare = word.strip(",;:.")
    return (
        not bare
        or word.startswith("(")
        or bool(_NUMBER.match(bare))
        or bare.lower() in _stop_words()
        or (is_core(word) and not word.endswith(","))
        or bare in ("x", "X")
    )


def _is_place_name(word: str) -> bool:
    """One capitalised word after the core that names its place: "Ortschaftsrat Grötzingen"."""
    # "Vahrenwald-List", "Stadtmitte/Neustadt": each part of a double name capitalised; a
    # colon may close the cell.
    word = word.rstrip(",;:")
    parts = re.split(r"[-/]", word)
    return (
        len(word) >= 3
        and all(len(p) >= 2 and p[0].isupper() and p[1:].islower() for p in parts)
        and "".join(parts).isalpha()
        and not _stops(word)
    )


def clean(name: str) -> str:
    """A printed name without session numbers and spacing: "65. Plenarsitzung Gemeinderat"
    -> "Gemeinderat"."""
    stripped = _SESSION.sub("", name)
    if stripped != name and re.search(r"\b(?:des|der)\s+$", name[: len(name) - len(stripped)]):
        stripped = nominative(stripped)  # "Sitzung des Stadtrates" -> "Stadtrat"
    name = stripped
    name = _DATE_LEAD.sub("", name)  # "Verwaltungsausschuss am: 12.03.2018"
    return re.sub(r"\s+", " ", name).strip(" ,;:")


# The words that lead a row's name to its session date.
_DATE_LEAD = re.compile(r"\s+(?:am|vom)\s*:?\s*$")


def nominative(name: str) -> str:
    """ "Stadtrates" -> "Stadtrat", "Hauptausschusses" -> "Hauptausschuss", "Ausschusses für
    Umwelt und Klima" -> "Ausschuss für Umwelt und Klima": the genitive after "des" names the
    body as it names itself."""
    parts = re.split(r"(\s+)", name)
    return "".join(_nominative_word(part) for part in parts)


def _nominative_word(word: str) -> str:
    lowered = word.lower()
    for ending in vocab.words("committee_words"):
        for genitive in ("es", "s"):
            if lowered.endswith(ending + genitive):
                return word[: -len(genitive)]
    return word
