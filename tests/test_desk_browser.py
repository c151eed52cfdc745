"""Issue 25 in a real browser: headless Debian chromium drives `ratsinfo serve`.

Open the paper page of Kreis Unna 113/21, see its reference marked in its text, log in
with the edit token, correct its name in the page's form, run `ratsinfo ingest --force`,
and find the corrected name on the page again and in the export. Without the token the
page offers no form and a write sent anyway is refused.

Needs chromium and chromium-driver (scripts/install-system-deps.sh); skipped without them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

pytest.importorskip("datasette")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import webdriver  # noqa: E402 - from scripts/

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        webdriver.chromium() is None and not os.environ.get("CI"),
        reason="needs chromium and chromium-driver (scripts/install-system-deps.sh)",
    ),
]
TOKEN = "browser-test-edit-token"
SAMPLES = ("kreis-unna-drucksache-113-21.txt", "kreis-warendorf-vorlage-037-2025.txt")


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def wait_for(url: str, server: subprocess.Popen[bytes]) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")


def served(db: str, port: int, token: str | None) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "RATSINFO_EDIT_TOKEN"}
    if token:
        env["RATSINFO_EDIT_TOKEN"] = token
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    wait_for(f"http://127.0.0.1:{port}/-/versions.json", server)
    return server


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    folder.mkdir()
    for name in SAMPLES:
        shutil.copy(ROOT / "data" / "raw" / name, folder / name)
    return folder


@pytest.fixture
def browser() -> Iterator[webdriver.Browser]:
    with webdriver.Browser(1400, 1000) as b:
        yield b


def paper_id(base: str, reference: str = "113/21") -> int:
    url = f"{base}/ratsinfo/papers.json?reference={reference}&_shape=array"
    with urllib.request.urlopen(url, timeout=5) as response:
        return int(json.loads(response.read())[0]["id"])


def test_correct_a_name_in_the_browser_and_keep_it_through_ingest_force(
    raw: Path, tmp_path: Path, browser: webdriver.Browser
) -> None:
    from tests.test_serve import free_port

    db = f"sqlite:///{tmp_path / 'ratsinfo.sqlite'}"
    run("ingest", str(raw), "--db", db, "--workers", "1")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = served(db, port, TOKEN)
    try:
        browser.get(f"{base}/-/paper/{paper_id(base)}")
        assert browser.text_of('#paper-text mark[data-field="reference"]') == "113/21"
        # The mark is really shown: the browser gives it a background of its own.
        shade = browser.run(
            "return getComputedStyle(document.querySelector("
            "'mark[data-field=\"reference\"]')).backgroundColor"
        )
        assert shade not in ("rgba(0, 0, 0, 0)", "transparent")

        browser.click('.paper-head a[href^="/-/edit-login"]')
        browser.type_into('input[name="name"]', "anna")
        browser.type_into('input[name="token"]', TOKEN)
        browser.click('input[type="submit"]')
        assert "/-/paper/" in browser.wait_for_url("/-/paper/")
        browser.run("document.querySelectorAll('details').forEach(d => d.open = true)")
        browser.type_into('form[data-field="name"] input[name="value"]', "Smart Region Kreis Unna")
        browser.click('form[data-field="name"] input[type="submit"]')
        shown = browser.wait_for_text('.value[data-field="name"]', "Smart Region Kreis Unna")
        assert shown == "Smart Region Kreis Unna"
        assert browser.text_of('[data-corrected="name"]') == "corrected"

        run("ingest", str(raw), "--db", db, "--workers", "1", "--force")
        browser.get(f"{base}/-/paper/{paper_id(base)}")
        assert browser.text_of('.value[data-field="name"]') == "Smart Region Kreis Unna"
        exported = run("export", "--db", db)
        assert '"name": "Smart Region Kreis Unna"' in exported
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_without_the_token_the_page_offers_no_form_and_refuses_a_write(
    raw: Path, tmp_path: Path, browser: webdriver.Browser
) -> None:
    from tests.test_serve import free_port

    db = f"sqlite:///{tmp_path / 'ratsinfo.sqlite'}"
    run("ingest", str(raw), "--db", db, "--workers", "1")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = served(db, port, None)
    try:
        paper = paper_id(base)
        browser.get(f"{base}/-/paper/{paper}")
        assert "read-only" in browser.source()
        assert browser.run("return document.querySelectorAll('form.correct-form').length") == 0
        # A write sent from the page anyway, with the page's own CSRF cookie.
        status = browser.run(
            "return (async () => {"
            "const csrf = document.cookie.split('; ').find(c => c.startsWith('ds_csrftoken='));"
            "const body = new URLSearchParams({field: 'name', value: 'X',"
            " csrftoken: csrf ? csrf.split('=')[1] : ''});"
            f"const r = await fetch('/-/paper/{paper}/correct', {{method: 'POST', body}});"
            "return r.status; })();"
        )
        assert status == 403
        browser.get(f"{base}/-/edit-login")
        assert "read-only" in browser.source()
    finally:
        server.terminate()
        server.wait(timeout=10)
