"""Per-field evidence: each reader says how sure it is, by where it found the value, and the
grades reach the database for review (least sure first)."""

from __future__ import annotations

import shutil
from pathlib import Path

import sqlalchemy as sa
from click.testing import CliRunner

from extractors import evidence, registry
from pipeline.cli import main
from pipeline.model import Evidence, Parsed
from pipeline.oparl.merge import merge
from pipeline.segment import segment
from tests.conftest import DEV_DOCS


def graded(text: str) -> dict[str, tuple[float, str]]:
    doc = Parsed(source="x.txt", text=text, pages=text.split("\f"), sections=segment(text))
    record, errors = registry.extract(doc)
    assert errors == []
    return {name: (e.confidence, e.how) for name, e in record.evidence.items()}


def test_a_labelled_value_is_surer_than_one_from_the_heading_or_the_running_foot() -> None:
    # Kreis Unna 113/21: "Drucksache 113/21" is a label and its value.
    unna = graded((DEV_DOCS / "kreis-unna-drucksache-113-21.txt").read_text("utf-8"))
    assert unna["reference"] == (evidence.LABELLED, "label 'Drucksache'")
    assert unna["consultations"] == (evidence.LABELLED, "Beratungsfolge table")
    assert unna["resolution"] == (evidence.LABELLED, "under its section heading")
    # A number printed only in the running foot ("Seite 2 von 2 - Vorlage 2024/017").
    text = (
        "Stadt Kleinstadt\n\nBeschlussvorlage\n\nBetreff: Haushaltssatzung 2024\n\n"
        "Beschlussvorschlag:\nDer Rat beschließt die Haushaltssatzung 2024.\n\n"
        "\fSeite 2 von 2 - Vorlage 2024/017\nBegründung:\nDer Entwurf liegt vor.\n"
    )
    foot = graded(text)
    assert foot["reference"] == (evidence.INFERRED, "running head or foot")
    assert foot["name"] == (evidence.LABELLED, "label 'Betreff'")
    assert foot["body"] == (evidence.PLACED, "letterhead or heading")
    assert foot["paper_type"] == (evidence.PLACED, "kind named at the top")


def test_a_council_named_only_in_the_prose_and_a_paper_naming_no_kind_are_inferred() -> None:
    # A paper whose letterhead is an image names its council only in its prose, far from the
    # top (the sentence is Augsburg's, see test_header).
    prose = "\n".join(f"Absatz {n} der Begründung." for n in range(1, 16))
    text = f"Zum Ausbau der Radwege\n\n{prose}\nMöglichkeiten der Stadt Augsburg darstellt.\n"
    found = graded(text)
    assert found["body"] == (evidence.INFERRED, "the one council the text names")
    assert found["paper_type"] == (evidence.INFERRED, "no kind named")
    # No value, no evidence: nothing claims a reference or date this text does not give.
    assert "reference" not in found and "date" not in found


def test_a_value_from_the_councils_oparl_data_is_given() -> None:
    text = (DEV_DOCS / "kreis-unna-drucksache-113-21.txt").read_text("utf-8")
    doc = Parsed(source="x.txt", text=text, pages=[text], sections=segment(text))
    record, _ = registry.extract(doc)
    merge(record, {"reference": "113/21", "name": None})
    assert record.evidence["reference"] == Evidence(evidence.GIVEN, "the council's OParl metadata")
    assert record.evidence["name"].confidence < evidence.GIVEN  # OParl gave no name


def test_ingest_stores_the_evidence_for_review(tmp_path: Path, sqlite_url: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(DEV_DOCS / "kreis-unna-drucksache-113-21.txt", raw)
    shutil.copy(DEV_DOCS / "bericht-zukunftsmesse-kleinstaedte-2021.txt", raw)
    result = CliRunner().invoke(main, ["ingest", str(raw), "--db", sqlite_url, "--workers", "1"])
    assert result.exit_code == 0, result.output
    with sa.create_engine(sqlite_url).connect() as conn:
        least_sure = conn.execute(
            sa.text(
                "select p.source, e.field, e.confidence, e.how from field_evidence e"
                " join papers p on p.id = e.paper_id order by e.confidence, p.source, e.field"
            )
        ).all()
    assert tuple(least_sure[0]) == (
        "bericht-zukunftsmesse-kleinstaedte-2021.txt",
        "paper_type",
        evidence.INFERRED,
        "no kind named",
    )
    unna = {f: c for s, f, c, _ in least_sure if s == "kreis-unna-drucksache-113-21.txt"}
    assert unna["reference"] == evidence.LABELLED
    assert set(unna) >= {"reference", "date", "name", "body", "department", "consultations"}
