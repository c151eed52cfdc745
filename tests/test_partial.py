"""Say when little was found (issue 23): a paper of a known type with most of its core
fields missing is `partial`, "few fields found: ...", and `ratsinfo status` lists it in
its folder; a text in another language is "not German", not OCR garbage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.model import PaperType, Record
from pipeline.run.document import CORE_FIELDS, few_fields
from tests.conftest import DEV_DOCS

# The English summary a council published beside a German paper (as such summaries read).
ENGLISH = (
    "Summary. The city council is asked to approve the joint application of the three"
    " municipalities for funding from the federal programme for smart cities. The costs of"
    " the project office will be shared between the partners for the next five years, and"
    " the district will provide the staff that is needed to coordinate the work of the"
    " partners and to report to the council on the progress of the project every year.\n"
)


def test_a_paper_of_a_known_type_with_most_core_fields_missing_is_named() -> None:
    sparse = Record(source="x.txt", paper_type=PaperType.ANTRAG, name="Standplatz Carsharing")
    # A motion's core: who it is for, its day, its subject, its number (no office of its own).
    assert few_fields(sparse) == ["body", "date", "reference"]
    assert few_fields(Record(source="x.txt")) == []  # a kind not known says nothing
    vorlage = Record(
        source="x.txt",
        paper_type=PaperType.BESCHLUSSVORLAGE,
        body="Stadt",
        reference="1",
        date=None,
        name="n",
    )
    assert len(CORE_FIELDS) == 6 and few_fields(vorlage) == []
    # An agenda has no number, office or Beratungsfolge of its own: its body, day and name.
    agenda = Record(
        source="x.html",
        paper_type=PaperType.EINLADUNG,
        date=dt.date(2026, 10, 8),
        name="Sitzung des Ortsgemeinderates Börrstadt",
    )
    assert few_fields(agenda) == []


def test_status_lists_sparse_and_foreign_papers_in_their_folder(
    tmp_path: Path, sqlite_url: str
) -> None:
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "summary-en.txt").write_text(ENGLISH * 2, encoding="utf-8")
    # The Carsharing Antrag of Grötzingen's CDU without its header form: a motion whose
    # council, number, date and Beratungsfolge are nowhere in its text.
    body = (DEV_DOCS / "karlsruhe_10003_antrag2012_cdu_ortschaftsrat_carsharing.txt").read_text(
        encoding="utf-8"
    )
    (folder / "antrag-ohne-kopf.txt").write_text(
        "Antrag der CDU-Fraktion\n\n" + body[body.index("Standplatz Carsharing") :],
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", sqlite_url, "--workers", "1"])
    assert result.exit_code == 0, result.output
    status = CliRunner().invoke(main, ["status", "--db", sqlite_url]).output
    assert status.startswith("2 documents: 0 ok, 2 partial, 0 failed")
    assert f"in {folder.resolve()}:" in status
    missing = "few fields found: no body, date, name, reference"
    assert f"partial: antrag-ohne-kopf.txt: {missing}" in status
    assert "partial: summary-en.txt: text is not German (it reads as English;" in status
    assert "OCR garbage" not in status
