"""Issue 25: the review desk in Datasette, driven through Datasette's own test client.

The paper page, the review queue and every write path: read-only without the edit token,
the token and CSRF token needed for each write, and Datasette's SQL page unable to write.
(The real pages in headless Chromium: tests/test_desk_browser.py.)
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from pipeline.cli import main

pytest.importorskip("datasette")

from pipeline.serve import browse, plugin

TOKEN = "a-long-enough-test-token"


@pytest.fixture
def database(raw_dir: Path, tmp_path: Path) -> Path:
    path = tmp_path / "ratsinfo.sqlite"
    result = CliRunner().invoke(
        main, ["ingest", str(raw_dir), "--db", f"sqlite:///{path}", "--workers", "1"]
    )
    assert result.exit_code == 0, result.output
    return path


class Site:
    """The served database, as a browser sees it: requests keep the cookies they get."""

    def __init__(self, path: Path) -> None:
        self.app = browse.app(path)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        async def call() -> Any:
            return await self.app.client.request(method, path, cookies=dict(self.cookies), **kwargs)

        response = asyncio.run(call())
        for name, value in response.cookies.items():
            self.cookies[name] = value
        return response

    def get(self, path: str) -> Any:
        return self.request("GET", path)

    def post(self, path: str, data: dict[str, str], csrf: bool = True) -> Any:
        if csrf:
            # The login form sets the CSRF cookie (a read-only server shows no form: then
            # there is no token to send, and the write must be refused all the same).
            self.get("/-/edit-login")
            data = {**data, "csrftoken": self.cookies.get("ds_csrftoken", "")}
        return self.request("POST", path, data=data)

    def login(self, token: str = TOKEN, name: str = "anna") -> Any:
        return self.post("/-/edit-login", {"token": token, "name": name})


def unna_id(site: Site) -> int:
    rows = site.get("/ratsinfo/papers.json?reference=113/21&_shape=array").json()
    return int(rows[0]["id"])


@pytest.fixture
def no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(plugin.TOKEN_ENV, raising=False)


@pytest.fixture
def token(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(plugin.TOKEN_ENV, TOKEN)
    return TOKEN


def test_the_paper_page_marks_each_value_where_it_was_read(database: Path, no_token: None) -> None:
    site = Site(database)
    page = site.get(f"/-/paper/{unna_id(site)}")
    assert page.status_code == 200
    html = page.text
    assert re.search(r'<mark data-field="reference"[^>]*>113/21</mark>', html)
    assert '<mark data-field="date"' in html
    assert '<mark data-field="name"' in html
    assert "Beratungsfolge" in html and "Beschlussvorschlag" in html
    assert "Kreisausschuss" in html
    # Read-only: no edit form.
    assert "/correct" not in html
    assert site.get("/-/paper/999999").status_code == 404


def test_without_the_token_every_write_is_refused(database: Path, no_token: None) -> None:
    site = Site(database)
    paper = unna_id(site)
    assert site.login().status_code == 403
    assert (
        site.post(f"/-/paper/{paper}/correct", {"field": "name", "value": "X"}).status_code == 403
    )
    assert site.post(f"/-/review/{paper}", {}).status_code == 403
    # Not even an editor cookie from a server that had a token helps once it is gone.
    site.cookies["ds_actor"] = site.app.sign({"a": {"id": "x", "ratsinfo_editor": "?"}}, "actor")
    assert (
        site.post(f"/-/paper/{paper}/correct", {"field": "name", "value": "X"}).status_code == 403
    )
    assert site.get(f"/ratsinfo/papers/{paper}.json?_shape=array").json()[0]["name"] != "X"


def test_a_wrong_token_or_a_missing_csrf_token_is_refused(database: Path, token: str) -> None:
    site = Site(database)
    paper = unna_id(site)
    assert site.login("wrong-token-wrong-token").status_code == 403
    assert (
        site.post(f"/-/paper/{paper}/correct", {"field": "name", "value": "X"}).status_code == 403
    )
    assert site.login().status_code == 302
    # Logged in, but the form lacks the CSRF token (a forged cross-site POST).
    forged = site.post(f"/-/paper/{paper}/correct", {"field": "name", "value": "X"}, csrf=False)
    assert forged.status_code == 403
    assert site.get(f"/ratsinfo/papers/{paper}.json?_shape=array").json()[0]["name"] != "X"


def test_an_editor_corrects_a_field_on_the_page(database: Path, token: str) -> None:
    site = Site(database)
    paper = unna_id(site)
    assert site.login(name="anna").status_code == 302
    assert "Save correction" in site.get(f"/-/paper/{paper}").text
    done = site.post(f"/-/paper/{paper}/correct", {"field": "name", "value": "Smart Region"})
    assert done.status_code == 302
    page = site.get(f"/-/paper/{paper}").text
    assert 'data-corrected="name"' in page
    assert "Interkommunale Zusammenarbeit (IKZ) Smart Region Kreis Unna" in page  # the old value
    # The table view says which value is corrected.
    cell = re.search(
        r'<td class="col-name[^"]*"[^>]*>Smart Region (<span[^>]*>)?',
        site.get(f"/ratsinfo/papers?id={paper}").text,
    )
    assert cell and cell.group(1) and "ratsinfo-corrected" in cell.group(1)
    row = site.get("/ratsinfo/field_corrections.json?_shape=array").json()[0]
    assert (row["field"], row["new_value"], row["corrected_by"]) == ("name", "Smart Region", "anna")
    bad = site.post(f"/-/paper/{paper}/correct", {"field": "date", "value": "gestern"})
    assert bad.status_code == 302  # back to the page, with the reason as a message
    assert site.get(f"/ratsinfo/papers/{paper}.json?_shape=array").json()[0]["date"] == "2021-05-25"


def test_the_review_queue_puts_the_worst_first_and_forgets_reviewed(
    database: Path, token: str
) -> None:
    site = Site(database)
    page = site.get("/-/review").text
    papers = re.findall(r'class="review-entry" data-paper="(\d*)"', page)
    assert len(papers) == 3
    unna = site.get("/-/review?body=Kreis+Unna").text
    assert re.findall(r'data-paper="(\d+)"', unna) == [str(unna_id(site))]
    site.login()
    assert site.post(f"/-/review/{papers[0]}", {}).status_code == 302
    after = re.findall(r'class="review-entry" data-paper="(\d*)"', site.get("/-/review").text)
    assert papers[0] not in after and len(after) == 2
    assert papers[0] in site.get("/-/review?reviewed=1").text


def test_references_link_to_the_paper_page(database: Path, no_token: None) -> None:
    site = Site(database)
    paper = unna_id(site)
    for path in ("/ratsinfo/paper_overview", "/ratsinfo/papers", "/ratsinfo/consultation_overview"):
        assert f'href="/-/paper/{paper}"' in site.get(path).text, path
    found = site.get("/ratsinfo/search?q=interkommunale+Zusammenarbeit").text
    assert f'href="/-/paper/{paper}"' in found
    # The start page and the database page begin with papers, overview, search and queue.
    for page in ("/", "/ratsinfo"):
        html = site.get(page).text
        assert html.index("Start here") < html.index("/ratsinfo/consultations")
        assert "/-/review" in html


@pytest.mark.parametrize(
    "sql",
    [
        "update papers set name = 'x'",
        "delete from papers",
        "insert into runs (started_at, version, command) values ('x', 'x', 'x')",
        "attach database '/tmp/ratsinfo-attack.sqlite' as x",
        "select load_extension('/tmp/x.so')",
        "pragma writable_schema = 1",
        "select 1; drop table papers",
        "with x as (select 1) delete from papers",
    ],
)
def test_the_sql_page_cannot_write(database: Path, no_token: None, sql: str) -> None:
    site = Site(database)
    before = site.get("/ratsinfo/papers.json?_shape=array").json()
    answer = site.get("/ratsinfo.json?" + __import__("urllib.parse").parse.urlencode({"sql": sql}))
    assert answer.status_code in (400, 403), answer.text
    assert site.get("/ratsinfo/papers.json?_shape=array").json() == before
    assert not Path("/tmp/ratsinfo-attack.sqlite").exists()


def test_a_correction_on_the_page_reaches_every_file_of_the_paper(
    raw_dir: Path, tmp_path: Path, token: str
) -> None:
    pdf = Path(__file__).resolve().parent.parent / "data/raw/pdf/kreis-unna-drucksache-113-21.pdf"
    (raw_dir / pdf.name).write_bytes(pdf.read_bytes())
    (tmp_path / "both").mkdir()
    path = tmp_path / "both" / "ratsinfo.sqlite"
    CliRunner().invoke(
        main, ["ingest", str(raw_dir), "--db", f"sqlite:///{path}", "--workers", "1"]
    )
    site = Site(path)
    rows = site.get("/ratsinfo/papers.json?reference=113/21&_shape=array").json()
    # One paper, whichever files carry it; its page names the file it is not shown from.
    assert len(rows) == 1
    (paper_id,) = (int(r["id"]) for r in rows)
    files = site.get(f"/ratsinfo/paper_files.json?paper_id={paper_id}&_shape=array").json()
    assert len(files) == 2
    page = site.get(f"/-/paper/{paper_id}").text
    assert 'class="other-file">kreis-unna-drucksache-113-21' in page
    site.login()
    site.post(f"/-/paper/{paper_id}/correct", {"field": "department", "value": "Stabsstelle"})
    rows = site.get("/ratsinfo/papers.json?reference=113/21&_shape=array").json()
    assert [r["department"] for r in rows] == ["Stabsstelle"]
