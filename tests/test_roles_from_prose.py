"""consultations: roles from the paper's own words, "nach Vorberatung im Hauptausschuss"."""

from __future__ import annotations

import pytest

from extractors import consultations
from pipeline.read.discover import discover
from pipeline.run.document import process
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("sentence", "bodies"),
    [
        # Real Beschlussanträge of Karlsruhe papers.
        (
            "Der Gemeinderat genehmigt nach Vorberatung im Bauausschuss die Vergabe folgender "
            "Arbeiten:",
            {"bauausschuss"},
        ),
        (
            "Der Hauptausschuss stimmt nach einer Vorberatung im Bauausschuss zu, die Teil-",
            {"bauausschuss"},
        ),
        (
            "1. Der Gemeinderat genehmigt nach Vorberatung durch den Bauausschuss die Vergabe",
            {"bauausschuss"},
        ),
        # The plural, which the lookup table lacks: its compound head gives the lemma.
        (
            "Der Gemeinderat beschließt nach Vorberatungen im Bauausschuss und Hauptausschuss",
            {"bauausschuss", "hauptausschuss"},
        ),
        # A "für ..." name, then the link to the next body.
        (
            "Der Gemeinderat beschließt - nach Vorberatung im Ausschuss für öffentliche "
            "Einrichtungen und im Hauptausschuss -",
            {"ausschuss für öffentliche einrichtungen", "hauptausschuss"},
        ),
        # A coordinated compound: one body or two, both kept.
        (
            "Der Gemeinderat beschließt - nach Vorberatung im Personal- und Hauptausschuss - die",
            {"personal und hauptausschuss", "personalausschuss", "hauptausschuss"},
        ),
        # The second step of one "nach" (karlsruhe-2019-1159, karlsruhe-2026-0324, as cleaned).
        (
            "Der Gemeinderat nimmt nach Behandlung im Ortschaftsrat Neureut sowie Vorberatung im "
            "Ausschuss\nfür Umwelt und Gesundheit und im Naturschutzbeirat den Entwurf der",
            {"ausschuss für umwelt und gesundheit", "naturschutzbeirat"},
        ),
        (
            "Der Gemeinderat beschließt nach Anhörung der Ortschaftsräte Wettersbach, Stupferich, "
            "Hohenwettersbach,\nWolfartsweier, Grötzingen und Durlach und Vorberatung im "
            "Schulausschuss in einer Grundsatzentscheidung",
            {"schulausschuss"},
        ),
    ],
)
def test_preliminary_bodies_named_in_prose(sentence: str, bodies: set[str]) -> None:
    assert consultations.preliminary_bodies(sentence) == bodies


@pytest.mark.parametrize(
    "sentence",
    [
        # No "nach": a wish, not what happened.
        "Der Zeitplan lässt eine zusätzliche Vorberatung in den Fachausschüssen nicht mehr zu.",
        # The body for which a session prepares, not one that prepared.
        "Kenntnisnahme im Rahmen der Vorberatung für den Gemeinderat",
        # A "nach" of another sentence.
        "Die Sitzung endet nach 20 Uhr. Beratung und Vorberatung im Hauptausschuss folgen.",
        # An adjective before the body: which body is meant is not said by name.
        "Vorberatung im zuständigen Betriebsausschuss.",
    ],
)
def test_sentences_naming_no_preliminary_body(sentence: str) -> None:
    assert consultations.preliminary_bodies(sentence) == set()


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        (
            "karlsruhe-2023-0202.txt",
            [
                ("Bauausschuss", "Vorberatung"),
                ("Hauptausschuss", "Vorberatung"),
                ("Gemeinderat", None),
            ],
        ),
        (
            "karlsruhe-2018-0476.txt",
            [
                ("Personalausschuss", "Vorberatung"),
                ("Hauptausschuss", "Vorberatung"),
                ("Gemeinderat", None),
            ],
        ),
    ],
)
def test_roles_of_a_beratungsfolge_without_role_column(
    name: str, roles: list[tuple[str, str | None]]
) -> None:
    outcome = process(next(discover([FIXTURES / "karlsruhe" / name])), use_ocr=False)
    assert outcome.record is not None, outcome.errors
    assert [(c.organization, c.role) for c in outcome.record.consultations] == roles
