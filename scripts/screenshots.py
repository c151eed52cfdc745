"""Screenshots of the review desk for the README: `make screenshots`.

Ingests the sample papers in data/raw into a scratch database, serves it with an edit
token, and has headless Debian chromium (1400x1000) photograph the start page, the papers
overview, the paper page of Kreis Unna 113/21 as an editor sees it, and the review queue,
into docs/screenshots/. Needs chromium and chromium-driver (scripts/install-system-deps.sh).

    python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import webdriver

ROOT = Path(__file__).resolve().parent.parent
RATSINFO = Path(sys.executable).with_name("ratsinfo")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(url: str) -> None:
    for _ in range(300):
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not answer")


def paper_id(base: str, reference: str) -> int:
    url = f"{base}/ratsinfo/papers.json?reference={reference}&_shape=array"
    with urllib.request.urlopen(url, timeout=5) as response:
        return int(json.loads(response.read())[0]["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory(prefix="ratsinfo-screenshots-") as folder:
        db = f"sqlite:///{Path(folder) / 'ratsinfo.sqlite'}"
        subprocess.run(
            [str(RATSINFO), "ingest", str(ROOT / "data" / "raw"), "--db", db], check=False
        )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(RATSINFO), "serve", "--db", db, "--port", str(port)],
            env={**os.environ, "RATSINFO_EDIT_TOKEN": token},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_for(base + "/-/versions.json")
            with webdriver.Browser(1400, 1000) as browser:
                shots = {
                    "start.png": base + "/ratsinfo",
                    "papers.png": base + "/ratsinfo/paper_overview",
                }
                for name, url in shots.items():
                    browser.get(url)
                    browser.screenshot(args.out / name)
                browser.get(base + "/-/edit-login?next=/-/review")
                browser.type_into('input[name="name"]', "maintainer")
                browser.type_into('input[name="token"]', token)
                browser.click('input[type="submit"]')
                browser.get(f"{base}/-/paper/{paper_id(base, '113/21')}")
                browser.run(
                    "document.querySelector('#field-name + dd details').open = true;"
                    "document.querySelector('mark[data-field=\"reference\"]')"
                    ".scrollIntoView({block: 'center'});"
                )
                browser.screenshot(args.out / "paper.png")
                browser.get(base + "/-/review")
                browser.screenshot(args.out / "review.png")
        finally:
            server.terminate()
            server.wait(timeout=10)
    for name in sorted(p.name for p in args.out.glob("*.png")):
        print(f"wrote {args.out / name}")


if __name__ == "__main__":
    main()
