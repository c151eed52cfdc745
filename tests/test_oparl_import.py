"""import-oparl end to end against a local OParl server (127.0.0.1) serving real OParl data
of Karlsruhe and Augsburg, then ingest: OParl values win, text values and disagreements kept."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from extractors import vocab
from pipeline.cli import main
from pipeline.oparl.client import Client
from pipeline.oparl.importer import import_oparl, the_paper_file
from pipeline.oparl.merge import _value
from pipeline.oparl.names import slug
from tests.oparl_server import karlsruhe_site, load, serve

FAST = {"rate": 1000.0, "backoff": 0.0, "timeout": 5.0}


def rows(url: str, sql: str) -> list[tuple]:
    with sa.create_engine(url).connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


def run_import(base: str, out: Path, **kwargs):  # type: ignore[no-untyped-def]
    return import_oparl(base + "/karlsruhe/system", out, client=Client(**FAST), **kwargs)


def test_import_and_ingest_keep_the_councils_values_and_the_disagreements(
    tmp_path: Path, sqlite_url: str
) -> None:
    out = tmp_path / "raw"
    with serve(karlsruhe_site()) as site:
        result = CliRunner().invoke(
            main,
            ["import-oparl", site.base + "/karlsruhe/system", "-o", str(out), "--rate", "1000"],
        )
    # 36963's own file is not on the server: that paper fails, the others are fetched.
    assert result.exit_code == 2, result.output
    assert "3 papers: 2 new, 0 updated, 0 unchanged, 0 without a readable file, 1 failed" in (
        result.output
    )
    karlsruhe = sorted(p.name for p in (out / "karlsruhe").iterdir())
    assert [n.split("-")[:2] for n in karlsruhe if n.endswith(".pdf")] == [["2020", "1189"]]
    meta = json.loads(next((out / "karlsruhe").glob("*.oparl.json")).read_text("utf-8"))
    assert meta["paper"]["reference"] == "2020/1189"
    assert {m["start"][:10] for m in meta["meetings"].values()} == {"2020-11-12", "2020-11-17"}

    ingested = CliRunner().invoke(main, ["ingest", str(out), "--db", sqlite_url, "--workers", "1"])
    assert ingested.exit_code == 0, ingested.output
    # The Beratungsfolge of 2020/1189 in session order, dates from the OParl meetings.
    assert rows(
        sqlite_url,
        "select c.organization, c.date, c.role, c.public from consultations c"
        " join papers p on p.id = c.paper_id where p.reference = '2020/1189' order by position",
    ) == [
        ("Jugendhilfeausschuss", "2020-11-12", "Vorberatung", 1),
        ("Gemeinderat", "2020-11-17", "Entscheidung", 1),
    ]
    # OParl's value is kept; the text's is kept beside it, and the difference is on record.
    assert rows(
        sqlite_url, "select department, date from papers where reference = '2020/1189'"
    ) == [("Sozial- und Jugendbehörde", "2020-10-13")]
    assert rows(
        sqlite_url,
        "select origin, value, kept from field_values f join papers p on p.id = f.paper_id"
        " where p.reference = '2020/1189' and field = 'department' order by origin",
    ) == [("oparl", "Sozial- und Jugendbehörde", 1), ("text", "Dez. 3", 0)]
    assert rows(
        sqlite_url,
        "select reference, field, oparl_value, text_value from disagreements d"
        " join papers p on p.id = d.paper_id where field in ('date', 'department')"
        " order by reference",
    ) == [
        ("2020/1189", "department", "Sozial- und Jugendbehörde", "Dez. 3"),
        ("ANT/25/61798", "date", "2025-12-03", "2025-11-27"),
    ]
    # Augsburg's OParl names no committee it can resolve: the extracted Beratungsfolge stays.
    assert rows(
        sqlite_url,
        "select origin, kept from field_values f join papers p on p.id = f.paper_id"
        " where p.reference = 'ANT/25/61798' and field = 'consultations'",
    ) == [("text", 1)]


def test_changed_metadata_alone_brings_the_paper_in_again(tmp_path: Path, sqlite_url: str) -> None:
    """A paper's Beratungsfolge grows in OParl while its PDF stays the same: a plain re-run of
    ingest (no --force) must pick the new metadata up, and leave the other papers alone."""
    out = tmp_path / "raw"
    with serve(karlsruhe_site()) as site:
        run_import(site.base, out)
    ingest = ["ingest", str(out), "--db", sqlite_url, "--workers", "1"]
    assert CliRunner().invoke(main, ingest).exit_code == 0
    meta_path = next((out / "karlsruhe").glob("*.oparl.json"))
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["paper"]["name"] = "Geänderter Betreff aus dem Ratsinformationssystem"
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")

    rerun = CliRunner().invoke(main, ingest)
    assert rerun.exit_code == 0, rerun.output
    assert "0 new, 1 unchanged, 1 updated, 0 failed" in rerun.output
    assert rows(sqlite_url, "select name from papers where reference = '2020/1189'") == [
        ("Geänderter Betreff aus dem Ratsinformationssystem",)
    ]
    again = CliRunner().invoke(main, ingest)
    assert "0 new, 2 unchanged, 0 updated, 0 failed" in again.output


def test_pages_are_followed_and_a_second_run_fetches_only_what_changed(tmp_path: Path) -> None:
    site = karlsruhe_site(papers=("40400", "36963", "40465"))
    with serve(site):
        first = run_import(site.base, tmp_path, body="Augsburg")
        assert (first.new, first.failed) == (1, 0)
        site.requests.clear()
        second = run_import(site.base, tmp_path, body="Augsburg")
        # Asked for everything since 2020 again, the paper already here is not fetched again.
        again = run_import(site.base, tmp_path, body="Augsburg", since=dt.datetime(2020, 1, 1))
        karlsruhe = run_import(site.base, tmp_path, body="0001")
    # The complete first walk remembered when it began: the second asks for changes since
    # then, of which there are none.
    assert second.line().startswith("0 papers")
    assert any("modified_since=" in r for r in site.requests if r.startswith("/augsburg/p"))
    assert (again.unchanged, again.new) == (1, 0)
    assert not any(r.startswith("/augsburg-doc") for r in site.requests)
    # Three papers, two to a page: the walk went on to page 2.
    assert "/karlsruhe/bodies/0001/papers?page=2" in site.requests
    assert (karlsruhe.new, karlsruhe.failed) == (1, 2)


def test_limit_stops_the_walk(tmp_path: Path) -> None:
    site = karlsruhe_site(papers=("40400", "36963", "40465"))
    with serve(site):
        summary = run_import(site.base, tmp_path, body="0001", limit=1)
    assert (summary.new, summary.failed) == (1, 0)
    assert "/karlsruhe/bodies/0001/papers?page=2" not in site.requests
    assert not (tmp_path / "karlsruhe" / ".oparl-state.json").exists()  # not a complete walk


def test_server_errors_are_retried(tmp_path: Path) -> None:
    site = karlsruhe_site(papers=("40400",))
    site.failures["/karlsruhe/bodies/0001/papers"] = 2
    site.failures["/karlsruhe/bodies/0001/downloadfiles/00620603.pdf"] = 1
    with serve(site):
        summary = run_import(site.base, tmp_path, body="0001")
    assert (summary.new, summary.failed) == (1, 0)
    assert site.requests.count("/karlsruhe/bodies/0001/papers") == 3


def test_a_server_that_stays_down_fails_the_paper_not_the_run(tmp_path: Path) -> None:
    site = karlsruhe_site(papers=("40400",))
    site.failures["/karlsruhe/bodies/0001/downloadfiles/00620603.pdf"] = 99
    with serve(site):
        summary = run_import(site.base, tmp_path, body="0001")
    assert summary.failed == 1
    assert "HTTP 503" in summary.problems[0][1]
    assert list((tmp_path / "karlsruhe").glob("*.pdf*")) == []  # no half file left


def test_hostile_names_and_urls_cannot_leave_the_folder(tmp_path: Path) -> None:
    site = karlsruhe_site(papers=("40400",))
    body = site.objects["/karlsruhe/bodies/0001"]
    body["shortName"] = "../../../etc"
    paper = site.lists["/karlsruhe/bodies/0001/papers"][0]
    paper["reference"] = "../../../../tmp/evil/..\\..\\x"
    for f in paper["auxiliaryFile"]:
        f["fileName"] = "../../../../etc/passwd"
    second = json.loads(json.dumps(paper))
    second["id"] += "-2"
    second["auxiliaryFile"][1]["downloadUrl"] = "file:///etc/passwd"
    site.lists["/karlsruhe/bodies/0001/papers"].append(second)
    out = tmp_path / "out"
    with serve(site):
        summary = run_import(site.base, out, body="0001")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(p.is_relative_to(out / "etc") for p in written)
    assert {p.suffix for p in written} == {".pdf", ".json"}
    assert summary.failed == 1 and "only http and https" in summary.problems[0][1]


def test_an_html_page_instead_of_the_pdf_is_not_kept(tmp_path: Path) -> None:
    site = karlsruhe_site(papers=("40400",))
    site.files["/karlsruhe/bodies/0001/downloadfiles/00620603.pdf"] = b"<html>Wartung</html>"
    with serve(site):
        summary = run_import(site.base, tmp_path, body="0001")
    assert summary.skipped == 1 and "is not a PDF file" in summary.problems[0][1]
    assert list((tmp_path / "karlsruhe").glob("*.pdf")) == []


@pytest.mark.parametrize(
    ("paper", "chosen"),
    [
        # the paper's own file among an Anlage, a vote result and a Protokoll
        ("karlsruhe/paper_40400.json", "Änderung der Richtlinie Förderung Kita und Kinderkrippen"),
        # "TOP 11 Anlagen zur Informationsvorlage …" is the attachment, not the Vorlage
        ("karlsruhe/paper_36963.json", "TOP 11 Informationsvorlage Kanalbau Kleinbachstraße"),
        # among twenty attachments, the one whose name says it is the Vorlage
        ("karlsruhe/paper_54602.json", "GR-Vorlage Auslegungsbeschluss RDK9 25062026"),
        ("karlsruhe/paper_40465.json", "TOP 7 Suchtprävention JHA 12.11.20 -7_sai"),
        ("augsburg/paper_ANT_25_61798.json", "Sammeldokument öffentlich"),
    ],
)
def test_the_file_that_is_the_paper_itself(paper: str, chosen: str) -> None:
    found = the_paper_file(load(paper))
    assert isinstance(found, dict) and found["name"] == chosen


@pytest.mark.parametrize("word", vocab.words("oparl_not_the_paper"))
def test_each_attachment_word_marks_a_file_as_not_the_paper(word: str) -> None:
    paper = {"auxiliaryFile": [{"name": f"TOP 3 {word} 2"}, {"name": "Neubau Sporthalle"}]}
    assert the_paper_file(paper) == {"name": "Neubau Sporthalle"}


@pytest.mark.parametrize("placeholder", vocab.words("oparl_placeholders"))
def test_each_placeholder_is_no_value(placeholder: str) -> None:
    assert _value(placeholder) is None
    assert _value(placeholder.upper()) is None


def test_placeholders_leave_real_values_alone() -> None:
    assert _value("_Fachbereich Datenübernahme") is None
    assert _value("Offenburg") == "Offenburg"


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("2020/1189", "2020-1189"),
        ("../../etc/passwd", "etc-passwd"),
        ("ANT/25/61798", "ant-25-61798"),
        ("Grötzingen\x00\n", "groetzingen"),
        ("....", ""),
    ],
)
def test_slug_makes_safe_names(text: str, safe: str) -> None:
    assert slug(text) == safe
