"""A small OParl 1.1 server on 127.0.0.1 for the import tests, serving fixture JSON and PDFs.

The fixture objects keep the real councils' URLs; the server rewrites each council's prefix
to itself, serves every object at its own id, serves the paper lists page by page along
`links.next` (honouring `modified_since`), and the files at their download URLs. Tests can
make a path fail a number of times first (`failures`) and read what was asked (`requests`).

A hostile server too: `handlers` maps a path to a function that writes the whole answer
itself, and the functions below make the answers of the cases import-oparl must survive (a
body dripping one byte at a time, an endless JSON list, a gzip bomb, a redirect, JSON nested
100,000 deep, 503 with a six-hour Retry-After). Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

FIXTURES = Path(__file__).parent / "fixtures"
OPARL = FIXTURES / "oparl"
PREFIXES = {
    "https://web1.karlsruhe.de/oparl": "/karlsruhe",
    "https://www.augsburg.sitzung-online.de/public/oparl": "/augsburg",
    "https://www.augsburg.sitzung-online.de/public/doc": "/augsburg-doc",
}


@dataclass
class Site:
    """What the server holds; paths are local ("/karlsruhe/bodies/0001")."""

    objects: dict[str, Any] = field(default_factory=dict)  # path?query -> JSON object
    lists: dict[str, list[Any]] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    page_size: int = 2  # small, so that paging is exercised
    page_sizes: dict[str, int] = field(default_factory=dict)  # per list, where it differs
    failures: Counter[str] = field(default_factory=Counter)  # path -> 503s still to send
    requests: list[str] = field(default_factory=list)  # every path?query asked for
    # path (without query) -> writes the whole answer itself (see the functions below)
    handlers: dict[str, Callable[[BaseHTTPRequestHandler], None]] = field(default_factory=dict)
    base: str = ""


def local(url: str) -> str:
    """A fixture URL as a path on the test server."""
    for prefix, path in PREFIXES.items():
        if url.startswith(prefix):
            return path + url[len(prefix) :]
    return url


def load(name: str) -> Any:
    return json.loads((OPARL / name).read_text(encoding="utf-8"))


def karlsruhe_site(papers: tuple[str, ...] = ("40400", "36963")) -> Site:
    """System with the Karlsruhe and Augsburg bodies; Karlsruhe's papers, organizations and
    meetings from the real OParl data; the one paper PDF the fixtures have."""
    site = Site()
    system = load("system.json")
    bodies = [load("karlsruhe/body.json"), load("augsburg/body.json")]
    site.objects[local(system["id"])] = system
    site.lists[local(system["body"])] = bodies
    for body in bodies:
        site.objects[local(body["id"])] = body
    site.lists[local(bodies[0]["paper"])] = [load(f"karlsruhe/paper_{p}.json") for p in papers]
    site.lists[local(bodies[0]["organization"])] = load("karlsruhe/organizations.json")
    site.page_sizes[local(bodies[0]["organization"])] = 50
    for name in ("meeting_5672.json", "meeting_6122.json"):
        meeting = load(f"karlsruhe/{name}")
        site.objects[local(meeting["id"])] = meeting
    site.lists[local(bodies[1]["paper"])] = [load("augsburg/paper_ANT_25_61798.json")]
    site.files[local("https://web1.karlsruhe.de/oparl/bodies/0001/downloadfiles/00620603.pdf")] = (
        FIXTURES / "pdf" / "karlsruhe_620603_bv2020-1189_kita_richtlinie.pdf"
    ).read_bytes()
    augsburg_file = load("augsburg/paper_ANT_25_61798.json")["mainFile"]["accessUrl"]
    site.files[local(augsburg_file)] = (FIXTURES / "pdf" / "augsburg_ANT_25_61798.pdf").read_bytes()
    return site


def _rewrite(data: Any, base: str) -> Any:
    text = json.dumps(data, ensure_ascii=False)
    for prefix, path in PREFIXES.items():
        text = text.replace(prefix, base + path)
    return json.loads(text)


class _Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        site = self.site
        site.requests.append(self.path)
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        # Objects and files are found by path and query; lists without their paging and
        # filter parameters, which they take.
        rest = {k: v[0] for k, v in query.items() if k not in ("page", "modified_since")}
        list_key = parts.path + ("?" + urlencode(rest) if rest else "")
        if parts.path in site.handlers:
            # The client may hang up: what a hostile server wants to see.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                site.handlers[parts.path](self)
            return
        key = self.path if self.path in site.objects or self.path in site.files else list_key
        if site.failures[key] > 0:
            site.failures[key] -= 1
            return self._send(503, b"busy", "text/plain")
        if key in site.files:
            return self._send(200, site.files[key], "application/pdf")
        if key in site.objects:
            return self._json(site.objects[key])
        if key in site.lists:
            return self._json(self._page(key, query))
        self._send(404, b"not found", "text/plain")

    def _page(self, key: str, query: dict[str, list[str]]) -> dict[str, Any]:
        items = self.site.lists[key]
        if "modified_since" in query:
            since = query["modified_since"][0]
            items = [i for i in items if str(i.get("modified", "")) >= since]
        page = int(query.get("page", ["1"])[0])
        size = self.site.page_sizes.get(key, self.site.page_size)
        data = items[(page - 1) * size : page * size]
        links: dict[str, str] = {}
        if page * size < len(items):
            paging = {"page": str(page + 1)}
            if "modified_since" in query:
                paging["modified_since"] = query["modified_since"][0]
            joiner = "&" if "?" in key else "?"
            links["next"] = f"{self.site.base}{key}{joiner}{urlencode(paging)}"
        return {"data": data, "pagination": {"totalElements": len(items)}, "links": links}

    def _json(self, data: Any) -> None:
        body = json.dumps(_rewrite(data, self.site.base), ensure_ascii=False).encode("utf-8")
        self._send(200, body, "application/json")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Run `site` on a free port of 127.0.0.1 for the duration of the block."""
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- hostile answers, for Site.handlers ----------------------------------------------------

Handler = Callable[[BaseHTTPRequestHandler], None]


def answer(
    body: bytes, status: int = 200, kind: str = "application/json", **headers: str
) -> Handler:
    """Always the same answer; headers given as Content_Encoding="gzip"."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(status)
        h.send_header("Content-Type", kind)
        for name, value in headers.items():
            h.send_header(name.replace("_", "-"), value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    return handle


def nested(depth: int) -> bytes:
    """A JSON list page whose data is nested `depth` deep."""
    return b'{"data": [' + b"[" * depth + b"]" * depth + b"]}"


def drip(body: bytes, every: float) -> Handler:
    """`body` one byte at a time, one every `every` seconds, its length announced."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        for byte in body:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
            time.sleep(every)

    return handle


def endless_list() -> Handler:
    """A JSON list that never ends (no length, no end), until the client hangs up."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "application/json")
        h.end_headers()
        h.wfile.write(b'{"data": [')
        item = b'{"id": "x", "type": "https://schema.oparl.org/1.1/Paper"}, ' * 1000
        while True:
            h.wfile.write(item)

    return handle


def gzip_bomb(unpacked: int) -> Handler:
    """A JSON answer of `unpacked` bytes sent gzip-compressed (some 1,000 times smaller)."""
    return answer(gzip.compress(b" " * unpacked, 6), Content_Encoding="gzip")


def redirect(location: str, status: int = 302) -> Handler:
    return answer(b"", status, "text/plain", Location=location)


def busy(times: int, retry_after: str, then: Handler) -> Handler:
    """503 with Retry-After `times` times, then `then`."""
    left = [times]

    def handle(h: BaseHTTPRequestHandler) -> None:
        if left[0] > 0:
            left[0] -= 1
            return answer(b"busy", 503, "text/plain", Retry_After=retry_after)(h)
        then(h)

    return handle


def endless_pages(same: bool) -> Handler:
    """A list whose `links.next` always names a new page (?page=N+1): with the same objects
    on every page (`same`), or with new ones each time."""

    def handle(h: BaseHTTPRequestHandler) -> None:
        query = parse_qs(urlsplit(h.path).query)
        page = int(query.get("page", ["1"])[0])
        number = 1 if same else page
        data = {
            "data": [{"id": f"urn:paper:{number}", "name": f"Vorlage {number}"}],
            "links": {"next": f"{h.path.split('?')[0]}?page={page + 1}#n{page}"},
        }
        answer(json.dumps(data).encode("utf-8"))(h)

    return handle
