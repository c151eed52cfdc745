"""A polite OParl 1.1 client: JSON objects and lists, file downloads, safe local names.

Every request waits its turn (at most `rate` requests per second), is retried with
exponential backoff on 5xx answers, 429, timeouts and dropped connections (urllib3's Retry
does the retrying, honouring Retry-After), and only ever goes to http(s) URLs. A list is
walked by following `links.next` to its end. Whatever the server sends is untrusted: names
for local files are made here from scratch, never taken from the server as they are.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from pipeline import __version__
from pipeline.errors import OparlError

USER_AGENT = f"ratsinfo/{__version__} (OParl client; +https://oparl.org)"
MAX_FILE_BYTES = 200 * 1024 * 1024  # no council paper comes near this
_CHUNK = 1 << 16


class Client:
    """HTTP for one import run: a session with retries, a rate limit and timeouts."""

    def __init__(
        self,
        rate: float = 2.0,
        retries: int = 4,
        backoff: float = 1.0,
        timeout: float = 30.0,
    ) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.timeout = timeout
        self._last = 0.0
        self._lock = threading.Lock()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            backoff_factor=backoff,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def _wait_turn(self) -> None:
        with self._lock:
            pause = self._last + self.interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._last = time.monotonic()

    def _get(self, url: str, *, stream: bool = False) -> requests.Response:
        _check_url(url)
        self._wait_turn()
        try:
            response = self.session.get(url, timeout=self.timeout, stream=stream)
        except requests.RequestException as e:
            raise OparlError(f"cannot fetch {url}: {_reason(e)}") from e
        if response.status_code >= 400:
            response.close()
            raise OparlError(f"cannot fetch {url}: HTTP {response.status_code}")
        return response

    def get(self, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        """The JSON object at `url` (with `params` added to its query)."""
        if params:
            url = requests.Request("GET", url, params=params).prepare().url or url
        response = self._get(url)
        try:
            data = response.json()
        except ValueError as e:
            raise OparlError(f"{url} did not answer with JSON") from e
        if not isinstance(data, dict):
            raise OparlError(f"{url} did not answer with a JSON object")
        return data

    def walk(self, url: str, params: dict[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every object of the OParl list at `url`, page after page along `links.next`.

        A server that sends a page twice (a `next` link seen before) ends the walk instead
        of looping forever."""
        seen: set[str] = set()
        page: str | None = url
        while page and page not in seen:
            seen.add(page)
            data = self.get(page, params if page == url else None)
            items = data.get("data")
            if not isinstance(items, list):
                raise OparlError(f"{page} is not an OParl list (no 'data' array)")
            yield from (item for item in items if isinstance(item, dict))
            links = data.get("links") or {}
            page = links.get("next") if isinstance(links, dict) else None

    def download(self, url: str, target: Path) -> int:
        """Save the file at `url` as `target`, atomically (a `.part` file renamed when whole),
        so an interrupted run never leaves half a file under the real name. Returns its size.
        Refuses files over MAX_FILE_BYTES."""
        partial = target.with_name(target.name + ".part")
        size = 0
        with self._get(url, stream=True) as response:
            try:
                with partial.open("wb") as fh:
                    for chunk in response.iter_content(_CHUNK):
                        size += len(chunk)
                        if size > MAX_FILE_BYTES:
                            raise OparlError(f"{url} is larger than {MAX_FILE_BYTES} bytes")
                        fh.write(chunk)
            except requests.RequestException as e:
                partial.unlink(missing_ok=True)
                raise OparlError(f"download of {url} broke off: {_reason(e)}") from e
            except OparlError:
                partial.unlink(missing_ok=True)
                raise
        partial.replace(target)
        return size


def _check_url(url: str) -> None:
    if urlsplit(url).scheme not in ("http", "https"):
        raise OparlError(f"refusing to fetch {url!r}: only http and https URLs are fetched")


def _reason(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
