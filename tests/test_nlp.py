"""extractors.nlp: the shared German pipeline, its norms and its vocabulary entities."""

from __future__ import annotations

import pytest

from extractors import nlp, vocab


def _norms(text: str) -> list[str]:
    return [t.norm_ for t in nlp.german()(text)]


def test_pipeline_is_built_once() -> None:
    assert nlp.german() is nlp.german()


@pytest.mark.parametrize(
    ("word", "norm"),
    [
        # The lookup table spells before 1996; norms compare with "ss".
        ("Ausschüssen", "ausschuss"),
        ("Beratungen", "beratung"),
        # Compounds the table lacks borrow the lemma of their last part.
        ("Vorberatungen", "vorberatung"),
        ("Hauptausschüssen", "hauptausschuss"),
        ("Ortschaftsräten", "ortschaftsrat"),
        # A last part whose lemma starts otherwise is no inflected form of it.
        ("Kenntnisnahmen", "kenntnisnahmen"),
        # Only a noun lends its lemma: the table also lists "Meister" under "meist".
        ("Bürgermeister", "bürgermeister"),
        # Names stay as they are.
        ("Mike-Sebastian", "mike-sebastian"),
    ],
)
def test_norm_is_the_folded_lemma(word: str, norm: str) -> None:
    assert _norms(word) == [norm]


@pytest.mark.parametrize("title", vocab.words("person_titles"))
def test_every_title_is_a_title_entity(title: str) -> None:
    # Fails if the EntityRuler's patterns go in before nlp.initialize(), which drops them
    # without an error (spaCy warning W036).
    doc = nlp.german()(f"{title} Martin Terwey")
    assert [(e.text, e.label_) for e in doc.ents] == [(title, nlp.TITLE)]


@pytest.mark.parametrize("role", vocab.words("consultation_roles"))
def test_every_role_is_a_role_entity(role: str) -> None:
    # As printed in a Beratungsfolge: "Kulturausschuss (Entscheidung)".
    doc = nlp.german()(f"Kulturausschuss ({role})")
    assert [(e.text, e.label_) for e in doc.ents] == [(role, nlp.ROLE)]


def test_inflected_role_is_a_role_entity() -> None:
    # The Beschlussantrag of karlsruhe-2020-0430.
    doc = nlp.german()(
        "Der Gemeinderat beschließt nach Vorberatungen im Planungs- und Hauptausschuss"
    )
    assert [(e.text, e.label_) for e in doc.ents] == [("Vorberatungen", nlp.ROLE)]


def test_the_string_keyed_lemma_table_answers_as_spacys_table() -> None:
    from spacy.lookups import Table

    data = {"Ausschüssen": "Ausschuß", "beschließt": "beschließen", "Räten": "Rat"}
    ours, theirs = nlp._StringKeyedTable("t", data), Table.from_dict(data, name="t")
    for key in [*data, "Gemeinderat", ""]:
        assert ours.get(key, key) == theirs.get(key, key)
        assert (key in ours) == (key in theirs)
    assert ours["Räten"] == theirs["Räten"] == "Rat"
    assert len(ours) == len(theirs) == 3


def test_lemmas_are_those_of_spacys_own_lookup_lemmatizer() -> None:
    import spacy

    reference = spacy.blank("de")
    reference.add_pipe("lemmatizer", config={"mode": "lookup"})
    reference.initialize()
    text = "Der Gemeinderat beschließt nach Vorberatungen in den Ausschüssen die Maßnahmen."
    assert [t.lemma_ for t in nlp.german()(text)] == [t.lemma_ for t in reference(text)]
