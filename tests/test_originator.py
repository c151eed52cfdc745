"""Who filed it (issue 23): `originator` of the Anträge, Anfragen and Stellungnahmen of the
dev corpus, the values labelled by reading each paper (not from ratsinfo's output)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from extractors import originator, vocab
from pipeline.cli import main
from pipeline.model import Record
from pipeline.oparl.merge import merge, oparl_values
from pipeline.read.discover import discover
from pipeline.run.document import process
from tests.conftest import DEV_DOCS

# Read off each paper: its "Initiator:" field, its "Antrag der ... vom" sentence, or, for a
# Stellungnahme, the group whose Anfrage it answers; the Karlsruhe Haushaltsantrag's
# letterhead.
FILED_BY = {
    "augsburg_ANF_25_61796.txt": "Fraktion Bürgerliche Mitte Freie Wähler, FDP, Pro Augsburg",
    "augsburg_ANF_25_61797.txt": "Fraktion Bürgerliche Mitte Freie Wähler, FDP, Pro Augsburg",
    "augsburg_ANT-BSV_25_61750-1.txt": (
        "Dr. Florian Freund, Dirk Wurm, Dr. Stefan Kiefer, Christine Wilholm, Sieglinde Wisniewski"
    ),
    "augsburg_ANT_25_61792.txt": "CSU-Fraktion im Augsburger Rathaus",
    "augsburg_ANT_25_61798.txt": "Fraktion Bürgerliche Mitte Freie Wähler, FDP, Pro Augsburg",
    "augsburg_ANT_25_61800.txt": "Stadtratsfraktion BÜNDNIS 90/DIE GRÜNEN",
    "augsburg_ANT_25_61806.txt": "Stadtratsfraktion BÜNDNIS 90/DIE GRÜNEN",
    "augsburg_INF-ANF_25_61471-1.txt": "SPD-Stadtratsfraktion",
    "karlsruhe_10003_antrag2012_cdu_ortschaftsrat_carsharing.txt": "CDU-Fraktion",
    "karlsruhe_614533_anfrage_stellungnahme2020_beleuchtung_neureut.txt": (
        "GRÜNE-Ortschaftsratsfraktion"
    ),
    "karlsruhe_673853_dhh2025-4139_haushaltsantrag_kohi.txt": "Fraktionen GRÜNE, Die Linke, KAL",
}


@pytest.mark.parametrize("name", sorted(FILED_BY))
def test_the_filer_of_each_motion_is_read(name: str) -> None:
    [source] = discover([DEV_DOCS / name])
    record = process(source, use_ocr=False).record
    assert record is not None
    assert record.originator == FILED_BY[name]
    assert record.evidence["originator"].confidence >= 0.7


def test_a_beschlussvorlage_has_no_originator() -> None:
    [source] = discover([DEV_DOCS / "kreis-unna-drucksache-113-21.txt"])
    record = process(source, use_ocr=False).record
    assert record is not None and record.originator is None


@pytest.mark.parametrize("word", vocab.words("motion_words"))
def test_each_motion_word_names_its_filer(word: str) -> None:
    assert originator.in_motion_sentence(f"{word} der SPD-Fraktion vom 1.2.2025") == (
        "SPD-Fraktion"
    )


@pytest.mark.parametrize("word", vocab.words("filer_words"))
def test_each_filer_word_marks_a_letterhead(word: str) -> None:
    assert originator.letterhead(["", f"{word} Die Linke", "Herrn Oberbürgermeister"]) == (
        f"{word} Die Linke"
    )
    assert originator.persons(f"{word} Die Linke") is None


def test_members_who_filed_are_people_and_a_fraktion_is_not() -> None:
    assert originator.persons(FILED_BY["augsburg_ANT-BSV_25_61750-1.txt"]) == [
        "Dr. Florian Freund",
        "Dirk Wurm",
        "Dr. Stefan Kiefer",
        "Christine Wilholm",
        "Sieglinde Wisniewski",
    ]
    assert originator.persons("CSU-Fraktion im Augsburger Rathaus") is None


def test_oparl_originator_organization_is_the_originator() -> None:
    org = "https://ris.invalid/oparl/organization/7"
    meta = {
        "paper": {"id": "https://ris.invalid/oparl/paper/1", "originatorOrganization": [org]},
        "organizations": {org: {"name": "SPD-Stadtratsfraktion"}},
    }
    record = Record(source="a.pdf", originator="SPD")
    merged = merge(record, oparl_values(meta))
    assert record.originator == "SPD-Stadtratsfraktion"
    assert [(d.field, d.oparl, d.text) for d in merged.disagreements] == [
        ("originator", "SPD-Stadtratsfraktion", "SPD")
    ]
    people = {
        "paper": {"originatorPerson": ["https://ris.invalid/p/1", None]},
        "persons": {"https://ris.invalid/p/1": {"name": "Dirk Wurm"}},
    }
    assert oparl_values(people)["originator"] == "Dirk Wurm"


def test_originator_is_stored_and_shown_in_the_overview(raw_dir, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(
        main, ["ingest", str(raw_dir), "--db", sqlite_url, "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    with sa.create_engine(sqlite_url).connect() as conn:
        rows = conn.execute(
            sa.text("select reference, originator from paper_overview order by reference")
        ).all()
    assert [tuple(r) for r in rows] == [
        ("037/2025", None),
        ("113/21", None),
        ("ANT/25/61798", "Fraktion Bürgerliche Mitte Freie Wähler, FDP, Pro Augsburg"),
    ]
