"""Regression guard: extraction quality on the corpus copies may not drop below what it reached.

The floors are the scores measured when they were last raised (see CHANGELOG); raise them
when extraction improves, never lower them to make a change pass.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import evaluate
from pipeline.cli import main
from pipeline.db import store
from tests.conftest import FIXTURES

# corpus -> (fields micro-F1, resolution token F1, per-field F1 floors)
FLOORS: dict[str, tuple[float, float, dict[str, float]]] = {
    "dev": (0.96, 0.94, {"consultations": 1.0, "reference": 1.0, "finance.amounts": 0.98}),
    "karlsruhe": (0.90, 1.0, {"paper_type": 0.97, "reference": 1.0, "consultations": 0.84}),
    # Papers of councils the readers were not written from (PDFs and texts).
    "councils": (0.96, 0.99, {"reference": 1.0, "consultations": 0.95, "paper_type": 1.0}),
    # 67 RIS pages and texts of 49 more councils (tests/fixtures/heldout/SOURCES.tsv), gold
    # labelled by reading them; each batch scored before the rules it taught were written.
    "heldout": (0.97, 0.89, {"paper_type": 0.96, "finance.amounts": 0.98, "consultations": 0.97}),
}
# corpus -> the lowest fields micro-F1 any one council of it may score (the non-paper
# Albstadt speech, whose issuer is a Fraktion, aside).
COUNCIL_FLOORS: dict[str, float] = {"dev": 0.95, "councils": 0.90, "heldout": 0.85}


def _report(corpus: str, tmp_path: Path) -> evaluate.Report:
    docs = tmp_path / corpus
    shutil.copytree(FIXTURES / corpus / "docs", docs)
    url = f"sqlite:///{tmp_path / 'scores.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(docs), "--db", url])
    assert result.exit_code == 0, result.output
    engine = store.connect(url, create=False)
    return evaluate.evaluate(
        evaluate.load_gold(FIXTURES / corpus / "gold"), (r.to_json() for r in store.records(engine))
    )


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_scores_do_not_drop(corpus: str, tmp_path: Path) -> None:
    micro, resolution, per_field = FLOORS[corpus]
    report = _report(corpus, tmp_path)
    assert not report.missing
    assert report.micro.f1 >= micro, report.summary()
    assert report.resolution_f1 >= resolution, report.summary()
    for name, floor in per_field.items():
        assert report.fields[name].f1 >= floor, f"{name}: {report.fields[name].f1:.3f} < {floor}"


@pytest.mark.parametrize("corpus", sorted(COUNCIL_FLOORS))
def test_no_council_falls_below_its_floor(corpus: str, tmp_path: Path) -> None:
    docs = tmp_path / corpus
    shutil.copytree(FIXTURES / corpus / "docs", docs)
    url = f"sqlite:///{tmp_path / 'scores.sqlite'}"
    assert CliRunner().invoke(main, ["ingest", str(docs), "--db", url]).exit_code == 0
    records = [r.to_json() for r in store.records(store.connect(url, create=False))]
    gold = evaluate.load_gold(FIXTURES / corpus / "gold")
    scores = {name: r.micro.f1 for name, r in evaluate.by_council(gold, records)}
    scores.pop("albstadt", None)
    assert min(scores.values()) >= COUNCIL_FLOORS[corpus], scores


def test_eval_by_council_lists_the_worst_council_first(tmp_path: Path) -> None:
    docs = tmp_path / "councils"
    shutil.copytree(FIXTURES / "councils" / "docs", docs)
    url = f"sqlite:///{tmp_path / 'scores.sqlite'}"
    assert CliRunner().invoke(main, ["ingest", str(docs), "--db", url]).exit_code == 0
    result = CliRunner().invoke(
        main, ["eval", "--gold", str(FIXTURES / "councils" / "gold"), "--db", url, "--by-council"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    table = lines[lines.index(next(x for x in lines if x.startswith("council "))) + 1 :][:4]
    rows = {cells[0]: (int(cells[1]), float(cells[2])) for cells in map(str.split, table)}
    # Each council once, with its papers counted, the worst fields F1 first.
    assert {name: docs for name, (docs, _) in rows.items()} == {
        "albstadt": 1,
        "stuttgart": 2,
        "ahnsen": 6,
        "oldenburg": 6,
    }
    f1s = [f1 for _, f1 in rows.values()]
    assert f1s == sorted(f1s)
    # A council's line is that council's papers scored alone.
    gold = evaluate.load_gold(FIXTURES / "councils" / "gold")
    records = [r.to_json() for r in store.records(store.connect(url, create=False))]
    oldenburg = {k: v for k, v in gold.items() if k.startswith("oldenburg_")}
    assert rows["oldenburg"][1] == round(evaluate.evaluate(oldenburg, records).micro.f1, 3)
    assert lines[-1].startswith("summary: documents 15 ")


def test_eval_command_prints_the_table_and_summary(raw_dir: Path, sqlite_url: str) -> None:
    assert CliRunner().invoke(main, ["ingest", str(raw_dir), "--db", sqlite_url]).exit_code == 0
    result = CliRunner().invoke(
        main, ["eval", "--gold", str(FIXTURES / "dev" / "gold"), "--db", sqlite_url, "--misses"]
    )
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["field", "tp", "fp", "fn", "P", "R", "F1"]
    assert lines[-1].startswith("summary: documents 27 fields P ")
    # 24 gold documents are not in the three-paper database
    assert "no record for 24 document(s)" in result.output


def test_scoring_rules_match_the_corpus_scorer() -> None:
    gold = {
        "a.txt": {
            "source": "a.txt",
            "paper_type": "Beschlussvorlage",
            "reference": "113/21",
            "name": "Interkommunale Zusammenarbeit Smart Region",
            "body": "Kreis Unna",
            "consultations": [
                {
                    "organization": "Kreistag",
                    "date": "2021-06-22",
                    "role": "Entscheidung",
                    "public": True,
                }
            ],
            "finance": {"amounts": [{"value": 300000, "currency": "EUR"}]},
            "resolution": [{"organization": None, "text": "Der Kreistag stimmt zu."}],
        }
    }
    predicted = [
        {
            "source": "/some/folder/a.txt",
            "paper_type": "Beschlussvorlage",
            "reference": "Drucksache 113/21",  # a label word before the number is forgiven
            "name": "Interkommunale Zusammenarbeit (IKZ) Smart Region",  # token F1 >= 0.8
            "body": "KREIS UNNA",  # names compare case-blind
            "date": "2021-05-25",  # gold has none: a false positive
            "consultations": [
                {
                    "organization": "Kreistag",
                    "date": "2021-06-22",
                    "role": "Beschluss",
                    "public": True,
                }
            ],
            "finance": {"amounts": [{"value": 300000.0}, {"value": 5.0}]},
            "resolution": [{"text": "Der Kreistag stimmt zu."}],
        }
    ]
    report = evaluate.evaluate(gold, predicted)
    f = report.fields
    assert (f["reference"].tp, f["name"].tp, f["body"].tp) == (1, 1, 1)
    assert (f["date"].fp, f["date"].fn) == (1, 0)
    assert (f["consultation.role"].fp, f["consultation.role"].fn) == (1, 1)
    assert (f["finance.amounts"].tp, f["finance.amounts"].fp) == (1, 1)
    assert report.resolution_f1 == 1.0


def test_ocr_repair_is_counted_word_by_word() -> None:
    right, made, needed = evaluate.ocr_counts(
        raw="Die Begrundung fur den Antrag",
        gold="Die Begründung für den Antrag",
        pred="Die Begründung fir den Antrag",
    )
    assert (right, made, needed) == (1, 2, 2)
