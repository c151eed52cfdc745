"""A small W3C WebDriver client for Debian's chromium and chromedriver, headless.

The browser tests and `make screenshots` drive the real pages through it. It speaks the
WebDriver protocol with `requests` to /usr/bin/chromedriver, so nothing is downloaded at
run time (Selenium's manager would fetch a browser or driver it does not find); the
packages come from scripts/install-system-deps.sh.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

# The W3C name of the element reference in WebDriver answers.
_ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def chromium() -> tuple[str, str] | None:
    """(browser, driver) paths of Debian's chromium and chromedriver, None if either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    """One headless chromium window of `width` x `height`, driven through chromedriver."""

    def __init__(self, width: int = 1400, height: int = 1000) -> None:
        found = chromium()
        if found is None:
            raise RuntimeError(
                "chromium and chromedriver are needed: apt-get install chromium chromium-driver"
            )
        browser, driver = found
        self.port = _free_port()
        self.profile = tempfile.mkdtemp(prefix="ratsinfo-chromium-")
        self.driver = subprocess.Popen(
            [driver, f"--port={self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        self._wait_for_driver()
        options = {
            "binary": browser,
            "args": [
                "--headless=new",
                "--no-sandbox",  # containers and CI run as root
                "--disable-dev-shm-usage",
                "--disable-gpu",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile}",
                "--lang=de-DE",
            ],
        }
        answer = self._call(
            "POST",
            "/session",
            {"capabilities": {"alwaysMatch": {"goog:chromeOptions": options}}},
        )
        self.session = f"/session/{answer['sessionId']}"

    def _wait_for_driver(self) -> None:
        for _ in range(100):
            try:
                requests.get(self.base + "/status", timeout=1)
                return
            except requests.ConnectionError:
                time.sleep(0.1)
        raise RuntimeError("chromedriver did not start")

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = requests.request(method, self.base + path, json=body, timeout=60)
        value = response.json().get("value")
        if response.status_code >= 400:
            raise RuntimeError(f"WebDriver {method} {path}: {value}")
        return value

    # --- what the tests use ---------------------------------------------------------------

    def get(self, url: str) -> None:
        self._call("POST", self.session + "/url", {"url": url})

    @property
    def url(self) -> str:
        return str(self._call("GET", self.session + "/url"))

    def source(self) -> str:
        return str(self._call("GET", self.session + "/source"))

    def run(self, script: str, *args: Any) -> Any:
        """The value of `script` (a function body: `return ...`) run in the page."""
        return self._call(
            "POST", self.session + "/execute/sync", {"script": script, "args": list(args)}
        )

    def find(self, css: str) -> str:
        """The element reference of the first element matching `css`."""
        found = self._call(
            "POST", self.session + "/element", {"using": "css selector", "value": css}
        )
        return str(found[_ELEMENT])

    def text_of(self, css: str) -> str:
        return str(self._call("GET", f"{self.session}/element/{self.find(css)}/text"))

    def wait_for_text(self, css: str, expected: str, timeout: float = 10.0) -> str:
        """The text of the first element matching `css` once it is `expected`, or its text
        when `timeout` seconds have passed: a form's POST and its redirect may still be
        loading when the click that sent it returns (a loaded machine shows it)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                text = self.text_of(css)
            except RuntimeError:  # the next page has not shown the element yet
                text = ""
            if text == expected or time.monotonic() > deadline:
                return text
            time.sleep(0.1)

    def wait_for_url(self, fragment: str, timeout: float = 10.0) -> str:
        """The page's URL once it holds `fragment`, or when `timeout` seconds have passed."""
        deadline = time.monotonic() + timeout
        while fragment not in (url := self.url) and time.monotonic() < deadline:
            time.sleep(0.1)
        return url

    def type_into(self, css: str, text: str, clear: bool = True) -> None:
        element = self.find(css)
        if clear:
            self._call("POST", f"{self.session}/element/{element}/clear", {})
        self._call("POST", f"{self.session}/element/{element}/value", {"text": text})

    def click(self, css: str) -> None:
        self._call("POST", f"{self.session}/element/{self.find(css)}/click", {})

    def screenshot(self, path: Path) -> None:
        data = self._call("GET", self.session + "/screenshot")
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, requests.RequestException, AttributeError):
            self._call("DELETE", self.session)
        self.driver.terminate()
        try:
            self.driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":  # a quick check that the browser runs here
    with Browser() as b:
        b.get("data:text/html,<h1>ok</h1>")
        print(b.text_of("h1"), os.environ.get("DISPLAY", "(headless)"))
