"""The shared German NLP set-up, built once per process.

No downloadable model: `spacy.blank("de")` gives the German tokenizer (abbreviations,
exceptions), and spacy-lookups-data gives the lookup lemmatizer. Two rule components follow:
- `council_norms` puts a comparable form of each word's lemma into `Token.norm_`: lower case,
  "ß" as "ss" (the lookup table spells before 1996: "Ausschüssen" -> "Ausschuß"), and for a
  compound the table lacks, the lemma of its last part ("Vorberatungen" -> "vorberatung",
  "Hauptausschüssen" -> "hauptausschuss"). Matchers compare NORM, so one pattern covers
  every inflected form.
- an EntityRuler built from the vocabularies in extractors/data marks TITLE (titles and
  offices before a name, person_titles.txt) and ROLE (roles of a body in the Beratungsfolge,
  consultation_roles.txt).
Extractors tokenize short spans only (one label line, one sentence), never whole documents.
"""

from __future__ import annotations

import functools
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import EntityRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.util import load_language_data, registry

from extractors import vocab

# The shortest last part of a compound whose lemma is borrowed ("Rat" in "Ortschaftsräten").
_MIN_HEAD = 3
# Letters the first two of a head and its lemma may differ by: inflection changes endings and
# umlauts ("Räten" -> "Rat"), not a word's start ("Nahmen" is no form of "nehmen").
_UMLAUTS = str.maketrans("äöü", "aou")

TITLE = "TITLE"
ROLE = "ROLE"


def fold(word: str) -> str:
    """The form words are compared in: lower case, "ß" as "ss"."""
    return word.casefold()


@Language.factory("council_norms", requires=["token.lemma"], assigns=["token.norm"])
def _make_council_norms(nlp: Language, name: str) -> CouncilNorms:
    return CouncilNorms(nlp)


class CouncilNorms:
    """Sets `Token.norm_` to the folded lemma; a compound the lookup table lacks gets the
    lemma of its longest known last part ("Vorberatungen" -> "Vor" + "Beratung")."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @functools.cached_property
    def table(self) -> Table:
        # Read lazily: german() gives the lemmatizer its tables after adding this component.
        lemmatizer = cast(Lemmatizer, self.nlp.get_pipe("lemmatizer"))
        return lemmatizer.lookups.get_table("lemma_lookup")

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma = token.lemma_
            if lemma == token.text and token.is_alpha and token.text[:1].isupper():
                lemma = self.compound_lemma(token.text)
            token.norm_ = fold(lemma)
        return doc

    def compound_lemma(self, word: str) -> str:
        """The lemma of `word` through its longest last part that the table knows."""
        for start in range(1, len(word) - _MIN_HEAD + 1):
            head = word[start:].capitalize()
            lemma = self.table.get(head)
            if (
                isinstance(lemma, str)
                and lemma != head
                # A noun's lemma: "Meister" is listed as a form of "meist" too.
                and lemma[:1].isupper()
                and lemma[:2].lower().translate(_UMLAUTS) == head[:2].lower().translate(_UMLAUTS)
            ):
                return word[:start] + lemma.lower()
        return word


class _StringKeyedTable(Table):
    """spaCy's lookup Table with the strings themselves as keys.

    spaCy's own Table hashes each of the 355,000 keys of the German lemma table as it loads
    (0.65 s of every process's start-up); the lemmatizer and CouncilNorms only ever look up
    strings, which this answers from the loaded dictionary as it is."""

    def __init__(self, name: str, data: dict[str, Any]) -> None:
        super().__init__(name=name)
        self._by_string = data

    def get(self, key: str | int, default: Any = None) -> Any:
        if isinstance(key, str):
            return self._by_string.get(key, default)
        return super().get(key, default)

    def __getitem__(self, key: str | int) -> Any:
        if isinstance(key, str):
            return self._by_string[key]
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            return key in self._by_string
        return isinstance(key, int) and super().__contains__(key)

    def __len__(self) -> int:
        return len(self._by_string)


def _lemma_lookups() -> Lookups:
    """spacy-lookups-data's German lemma table, as the lookup lemmatizer loads it."""
    lookups = Lookups()
    data = load_language_data(registry.lookups.get("de")["lemma_lookup"])
    if not isinstance(data, dict):
        raise TypeError(f"spacy-lookups-data's German lemma table is a {type(data).__name__}")
    lookups.set_table("lemma_lookup", _StringKeyedTable("lemma_lookup", data))
    return lookups


@functools.cache
def german() -> Language:
    """The pipeline: German tokenizer, lookup lemmas, NORM as folded lemma, vocabulary entities."""
    nlp = spacy.blank("de")
    lemmatizer = cast(Lemmatizer, nlp.add_pipe("lemmatizer", config={"mode": "lookup"}))
    # Every component is rule-based: nothing to train, so no nlp.initialize(); the
    # lemmatizer is given its table directly.
    lemmatizer.initialize(lookups=_lemma_lookups())
    nlp.add_pipe("council_norms")
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "NORM"}))
    patterns: list[dict[str, Any]] = [
        {"label": TITLE, "pattern": title} for title in vocab.words("person_titles")
    ]
    patterns += [
        {"label": ROLE, "pattern": _role_pattern(r)} for r in vocab.words("consultation_roles")
    ]
    ruler.add_patterns(patterns)
    return nlp


def _role_pattern(role: str) -> str | list[dict[str, str]]:
    """A role as the ruler matches it: by its folded lemma ("Vorberatungen" is "Vorberatung"),
    but a participle ("beschließend", "entscheidend") by its own form, for its lemma is the
    verb's and "Der Gemeinderat beschließt" names no role."""
    if " " not in role and role.lower().endswith("end"):
        return [{"LOWER": role.lower()}]
    return role


def norms(text: str) -> Doc:
    """`text` through the pipeline up to NORM, without the entity ruler: for a Matcher that
    reads only TEXT and NORM (the ruler sets entities alone, and costs a sixth of the run)."""
    nlp = german()
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name != "entity_ruler":
            doc = component(doc)
    return doc
