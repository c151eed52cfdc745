"""The shared German NLP set-up, built once per process.

No downloadable model: `spacy.blank("de")` gives the German tokenizer (abbreviations,
exceptions), and spacy-lookups-data gives the lookup lemmatizer. Rule components (Matcher,
PhraseMatcher) are built by the extractors on this pipeline's vocab.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language


@functools.cache
def german() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


def lemmas(text: str) -> list[str]:
    """Lower-cased lookup lemmas of the words in `text`."""
    return [t.lemma_.lower() for t in german()(text) if not t.is_punct and not t.is_space]
