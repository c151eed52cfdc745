"""A polite and wary OParl 1.1 client: JSON objects and lists, file downloads, safe names.

Every request waits its turn (at most `rate` requests per second), is retried with
exponential backoff on 5xx answers, 429, timeouts and dropped connections (urllib3's Retry
does the retrying, honouring Retry-After up to `Limits.max_wait`), and only ever goes to
http(s) URLs. A list is walked by following `links.next` to its end.

Whatever the server sends is untrusted, and a council's server is not under our control:
every run ends within its `Limits` (a deadline per request and per run, a budget of
requests, of pages per list and of bytes written), a JSON answer is capped in size (as
sent and as unpacked) and in nesting depth, a list that loops (`links.next` back to a page
already read, or to a page with the same objects again) ends, redirects stay on their
host, and private or loopback addresses are reached only when the run began at one. Names
for local files are made here from scratch, never taken from the server as they are.
"""

from __future__ import annotations

import contextlib
import hashlib
import ipaddress
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from pipeline import __version__
from pipeline.errors import OparlError, OparlStopped
from pipeline.oparl import safejson, schema

USER_AGENT = f"ratsinfo/{__version__} (OParl client; +https://oparl.org)"
MB = 1024 * 1024
GB = 1024 * MB
MAX_FILE_BYTES = 200 * MB  # no council paper comes near this
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Limits:
    """What one import run may spend; each ends the request, the list or the run with a
    reason instead of waiting, reading or writing on. None: no limit."""

    json_bytes: int = 20 * MB  # one JSON answer, as sent and as unpacked
    depth: int = safejson.MAX_DEPTH  # how deep a JSON answer may nest
    file_bytes: int = MAX_FILE_BYTES  # one downloaded file
    pages: int = 20_000  # pages of one list
    requests: int = 200_000  # requests of the run
    request_seconds: float = 300.0  # one request, its whole answer read
    run_seconds: float | None = 86_400.0  # the whole run (--deadline)
    max_wait: float = 60.0  # longest wait a Retry-After may ask for (--max-wait)
    disk_bytes: int | None = 50 * GB  # bytes the run writes (--max-bytes)
    allow_hosts: frozenset[str] = field(default_factory=frozenset)  # redirects (--allow-host)


class Client:
    """HTTP for one import run: a session with retries, a rate limit, timeouts and limits.

    The first URL asked for is the run's start: whether it is a private or loopback
    address decides whether such addresses may be reached at all."""

    def __init__(
        self,
        rate: float = 2.0,
        retries: int = 4,
        backoff: float = 1.0,
        timeout: float = 30.0,
        limits: Limits | None = None,
    ) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.timeout = timeout
        self.limits = limits or Limits()
        self.started = time.monotonic()
        self.requests = 0
        self.written = 0  # bytes written by this run (downloads and metadata)
        self._last = 0.0
        self._lock = threading.Lock()
        self._private_ok: bool | None = None  # decided by the start URL
        self._addresses: dict[str, bool] = {}  # host -> whether every address is public
        self.session = _Session(self._check_redirect)
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.max_redirects = 10
        self._retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            redirect=0,  # requests follows redirects itself, each checked (_check_redirect)
            backoff_factor=backoff,
            backoff_max=self.limits.max_wait,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            retry_after_max=int(self.limits.max_wait),
            raise_on_status=False,
        )
        self._adapter = HTTPAdapter(max_retries=self._retry)
        self.session.mount("http://", self._adapter)
        self.session.mount("https://", self._adapter)

    def close(self) -> None:
        self.session.close()

    # --- limits -------------------------------------------------------------------------

    def remaining(self) -> float | None:
        """Seconds left of the run's deadline (None: no deadline); OparlStopped when none."""
        if self.limits.run_seconds is None:
            return None
        left = self.started + self.limits.run_seconds - time.monotonic()
        if left <= 0:
            raise OparlStopped(
                f"the run reached its deadline of {self.limits.run_seconds:g} s (--deadline)"
            )
        return left

    def charge(self, size: int) -> None:
        """Count `size` bytes about to be written; OparlStopped over the disk budget."""
        budget = self.limits.disk_bytes
        if budget is not None and self.written + size > budget:
            raise OparlStopped(
                f"the run would write more than its budget of {budget} bytes (--max-bytes)"
            )
        self.written += size

    def _wait_turn(self) -> None:
        with self._lock:
            pause = self._last + self.interval - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            self._last = time.monotonic()

    # --- where requests may go ----------------------------------------------------------

    def _check_target(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise OparlError(f"refusing to fetch {url!r}: only http and https URLs are fetched")
        host = parts.hostname or ""
        public = self._public(host)
        if self._private_ok is None:
            self._private_ok = not public
        elif not public and not self._private_ok:
            raise OparlError(
                f"refusing to fetch {url!r}: {host} is a private or loopback address"
                " (reached only when the run starts at one)"
            )

    def _public(self, host: str) -> bool:
        """Whether every address `host` stands for is a public one (unknown hosts count
        as public: connecting to them fails on its own)."""
        if host not in self._addresses:
            try:
                infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
            except (OSError, UnicodeError):
                infos = []
            addresses = {ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos}
            self._addresses[host] = all(_is_public(a) for a in addresses)
        return self._addresses[host]

    def _check_redirect(self, source: str, target: str) -> None:
        old, new = urlsplit(source), urlsplit(target)
        allowed = self.limits.allow_hosts
        same = old.hostname == new.hostname and _port(old) == _port(new)
        upgrade = old.hostname == new.hostname and (old.scheme, new.scheme) == ("http", "https")
        if not (same or upgrade or new.hostname in allowed or new.netloc in allowed):
            raise OparlError(
                f"refusing the redirect from {source} to {target}: another host"
                " (allow it with --allow-host)"
            )
        self._check_target(target)

    # --- requests -----------------------------------------------------------------------

    def _get(self, url: str) -> tuple[requests.Response, float]:
        """The response to GET `url` (its body not yet read) and the time by which it must
        be read."""
        left = self.remaining()
        self.requests += 1
        if self.requests > self.limits.requests:
            raise OparlStopped(f"the run made its budget of {self.limits.requests} requests")
        self._check_target(url)
        self._wait_turn()
        limit = min(self.limits.request_seconds, left) if left else self.limits.request_seconds
        # A Retry-After or backoff never waits past the run's deadline.
        self._adapter.max_retries = self._retry.new(
            backoff_max=min(self.limits.max_wait, limit),
            retry_after_max=int(min(self.limits.max_wait, limit)),
        )
        started = time.monotonic()
        try:
            response = self.session.get(url, timeout=min(self.timeout, limit), stream=True)
        except requests.RequestException as e:
            raise OparlError(f"cannot fetch {url}: {_reason(e)}") from e
        if response.status_code >= 400:
            response.close()
            raise OparlError(f"cannot fetch {url}: HTTP {response.status_code}")
        return response, started + limit

    def _chunks(self, response: requests.Response, cap: int, until: float) -> Iterator[bytes]:
        """The response's body, unpacked, chunk by chunk, within `cap` bytes (as sent and
        as unpacked) and by `until` (time.monotonic)."""
        url = response.url
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise OparlError(f"{url} is larger than {cap} bytes")
        raw, size = response.raw, 0
        while True:
            if time.monotonic() > until:
                self.remaining()  # the run's deadline, if that is what ended the request
                raise OparlError(f"{url} took longer than {self.limits.request_seconds:g} s")
            try:
                chunk = raw.read1(_CHUNK, decode_content=True)
            except (urllib3.exceptions.HTTPError, OSError) as e:
                raise OparlError(f"download of {url} broke off: {_reason(e)}") from e
            if not chunk:
                return
            size += len(chunk)
            if size > cap or raw.tell() > cap:
                raise OparlError(f"{url} is larger than {cap} bytes")
            yield chunk

    def get(self, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        """The JSON object at `url` (with `params` added to its query)."""
        if params:
            url = requests.Request("GET", url, params=params).prepare().url or url
        response, until = self._get(url)
        with response:
            body = b"".join(self._chunks(response, self.limits.json_bytes, until))
        try:
            data = safejson.loads(body, self.limits.depth)
        except safejson.JSONError as e:
            raise OparlError(f"{url} did not answer with usable JSON: {e}") from e
        if not isinstance(data, dict):
            raise OparlError(f"{url} did not answer with a JSON object")
        return data

    def walk(self, url: str, params: dict[str, str] | None = None) -> Listing:
        """The objects of the OParl list at `url`, page after page (see Listing)."""
        return Listing(self, url, params)

    def download(self, url: str, target: Path) -> int:
        """Save the file at `url` as `target`, atomically (a `.part` file renamed when whole),
        so an interrupted run never leaves half a file under the real name. Returns its size.
        Refuses files over Limits.file_bytes; a file that cannot be written (disk full, a
        read-only folder) stops the run (OparlStopped), its `.part` removed."""
        partial = target.with_name(target.name + ".part")
        response, until = self._get(url)
        size = 0
        try:
            with response, partial.open("wb") as fh:
                for chunk in self._chunks(response, self.limits.file_bytes, until):
                    self.charge(len(chunk))
                    fh.write(chunk)
                    size += len(chunk)
            partial.replace(target)
        except OSError as e:
            _remove(partial)
            raise OparlStopped(f"cannot write {target}: {e.strerror or e}") from e
        except BaseException:
            _remove(partial)
            raise
        return size


class Listing:
    """The objects of an OParl list, page after page along `links.next`. Iterating yields
    each object as the server sent it (the caller checks it, see pipeline.oparl.schema).

    A list that cannot be read at all raises OparlError. A walk that cannot reach the list's
    end (a page that cannot be read, a `links.next` that is no URL, one that leads back to a
    page already read or to a page with the same objects as one before, more pages than
    Limits.pages) ends there, and `problem` says why; it is None after a complete walk."""

    def __init__(self, client: Client, url: str, params: dict[str, str] | None) -> None:
        self.client, self.url, self.params = client, url, params
        self.problem: str | None = None

    def __iter__(self) -> Iterator[Any]:
        client, limit = self.client, self.client.limits.pages
        seen_urls: set[str] = set()
        seen_pages: set[str] = set()
        page: str | None = self.url
        count = 0
        while page:
            if urldefrag(page).url in seen_urls:
                return self._end(f"links.next leads back to {page}, a page already read")
            if count >= limit:
                return self._end(f"more than {limit} pages")
            seen_urls.add(urldefrag(page).url)
            try:
                data = client.get(page, self.params if count == 0 else None)
                items = data.get("data")
                if not isinstance(items, list):
                    raise schema.InvalidObject("not an OParl list: no 'data' array")
            except OparlStopped:
                raise
            except (OparlError, schema.InvalidObject) as e:
                reason = str(e) if isinstance(e, OparlError) else f"{page}: {e}"
                if count == 0:
                    raise OparlError(reason) from e
                return self._end(reason)
            count += 1
            digest = hashlib.sha256(
                json.dumps(items, sort_keys=True, default=str).encode("utf-8")
            ).hexdigest()
            if digest in seen_pages:
                return self._end(f"page {count} ({page}) repeats the objects of an earlier page")
            seen_pages.add(digest)
            yield from items
            try:
                # `or None`: PHP servers send an empty `links` as [] on the last page.
                links = schema.check(schema.Page, {"data": [], "links": data.get("links") or None})
            except schema.InvalidObject as e:
                return self._end(f"{page}: {e}")
            following = (links.get("links") or {}).get("next")
            page = urljoin(page, following) if following else None  # a relative one too

    def _end(self, why: str) -> None:
        self.problem = f"the list {self.url} ends early: {why}"


class _Session(requests.Session):
    """A session that asks before following each redirect."""

    def __init__(self, check: Callable[[str, str], None]) -> None:
        super().__init__()
        self._check = check

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        target = super().get_redirect_target(resp)
        if target:
            self._check(resp.url, urljoin(resp.url, target))
        return target


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _port(parts: Any) -> int:
    return int(parts.port or (443 if parts.scheme == "https" else 80))


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _reason(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
