"""import-oparl: walk an OParl 1.1 endpoint and fetch each paper's file with its metadata.

    System -> Body -> paper list (links.next, modified_since) -> paper -> file + metadata

Each paper's own file (its mainFile, else the auxiliary file that is the paper itself) is
saved as `<out>/<body>/<reference>-<hash>.pdf` (or `.txt`) and its OParl metadata beside it
as `<same name>.oparl.json`: the paper as the server sent it, with the names of its body and
organizations and the dates of its consultations' meetings resolved, so that `ratsinfo
ingest` can use them without the network (see pipeline.oparl.merge).

Resumable: files are written whole or not at all, a paper whose metadata and file are
already here unchanged is not fetched again, and a walk that reached the end of the list
remembers when it started (`<out>/<body>/.oparl-state.json`), so the next run asks only
for papers modified since.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors import vocab
from pipeline.errors import OparlError
from pipeline.oparl.client import Client
from pipeline.oparl.names import inside, short_hash, slug
from pipeline.read.discover import SIDECAR

STATE = ".oparl-state.json"
FORMAT = "ratsinfo-oparl/1"

# What the file is, by its declared MIME type or name; what ratsinfo can read.
_SUFFIX_BY_MIME = {"application/pdf": ".pdf", "pdf": ".pdf", "text/plain": ".txt"}
_MAGIC = {".pdf": b"%PDF"}


@dataclass
class ImportSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (paper id, reason)

    def line(self) -> str:
        total = self.new + self.updated + self.unchanged + self.skipped + self.failed
        return (
            f"{total} papers: {self.new} new, {self.updated} updated, {self.unchanged} unchanged,"
            f" {self.skipped} without a readable file, {self.failed} failed"
        )


Log = Callable[[str], None]


def import_oparl(
    url: str,
    out: Path,
    *,
    body: str | None = None,
    since: dt.datetime | None = None,
    limit: int | None = None,
    client: Client | None = None,
    log: Log | None = None,
) -> ImportSummary:
    """Fetch the papers of the body (or every body) behind `url` into `out/<body>/`.

    `url` is an OParl System or Body. `since` asks only for papers modified since then
    (default: the start of the last walk that reached the end); `limit` stops after that many
    papers. A paper that cannot be fetched is counted and reported, and the walk goes on;
    a System, Body or list that cannot be read raises OparlError."""
    client = client or Client()
    summary = ImportSummary()
    remaining = [limit]
    try:
        for body_object in _bodies(client, url, body):
            _import_body(client, body_object, out, since, remaining, summary, log or _quiet)
            if remaining[0] is not None and remaining[0] <= 0:
                break
    finally:
        client.close()
    return summary


def _quiet(_message: str) -> None:
    return None


def _bodies(client: Client, url: str, wanted: str | None) -> Iterable[dict[str, Any]]:
    root = client.get(url)
    kind = str(root.get("type", "")).rsplit("/", 1)[-1]
    if kind == "Body":
        bodies: Iterable[dict[str, Any]] = [root]
    elif kind == "System" and isinstance(root.get("body"), str):
        bodies = client.walk(root["body"])
    else:
        raise OparlError(f"{url} is neither an OParl System nor a Body (type {kind or 'missing'})")
    found = False
    for candidate in bodies:
        if wanted is None or _is_body(candidate, wanted):
            found = True
            yield candidate
    if not found:
        raise OparlError(f"{url} has no body {wanted!r}" if wanted else f"{url} lists no body")


def _is_body(body: dict[str, Any], wanted: str) -> bool:
    """`wanted` is the body's id, the last part of its id, or its short name."""
    body_id = str(body.get("id", ""))
    names = {body_id, body_id.rstrip("/").rsplit("/", 1)[-1], str(body.get("shortName", ""))}
    return wanted in names or wanted.casefold() in {n.casefold() for n in names}


def body_folder(out: Path, body: dict[str, Any]) -> Path:
    """The body's folder under `out`: its short name (or name) made safe, else a hash of its id."""
    name = slug(str(body.get("shortName") or body.get("name") or ""), 40)
    return inside(out, name or "body-" + short_hash(str(body.get("id", ""))))


def _import_body(
    client: Client,
    body: dict[str, Any],
    out: Path,
    since: dt.datetime | None,
    remaining: list[int | None],
    summary: ImportSummary,
    log: Log,
) -> None:
    folder = body_folder(out, body)
    folder.mkdir(parents=True, exist_ok=True)
    state_path = folder / STATE
    state = _read_json(state_path) or {}
    if since is None and state.get("complete_since"):
        since = dt.datetime.fromisoformat(state["complete_since"])
    params = {"modified_since": since.isoformat(timespec="seconds")} if since else None
    started = dt.datetime.now(dt.UTC)
    lookup = _Lookup(client, body)
    paper_list = body.get("paper")
    if not isinstance(paper_list, str):
        raise OparlError(f"body {body.get('id')} has no paper list")
    log(
        f"{body.get('name') or body.get('id')}: papers"
        + (f" modified since {since}" if since else "")
    )
    reached_end = True
    failed_before = summary.failed
    for paper in client.walk(paper_list, params):
        if remaining[0] is not None:
            if remaining[0] <= 0:
                reached_end = False
                break
            remaining[0] -= 1
        if paper.get("deleted"):
            continue
        try:
            outcome = _import_paper(client, paper, folder, lookup)
        except OparlError as e:
            summary.failed += 1
            summary.problems.append((str(paper.get("id")), str(e)))
            log(f"failed: {paper.get('id')}: {e}")
            continue
        if outcome.startswith("skipped"):
            summary.skipped += 1
            summary.problems.append((str(paper.get("id")), outcome))
        else:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
    if reached_end and summary.failed == failed_before:
        # Next time ask only for what changed since this walk began: anything modified
        # during the walk is asked for again, never missed.
        _write_json(state_path, {"body": body.get("id"), "complete_since": started.isoformat()})


def _import_paper(client: Client, paper: dict[str, Any], folder: Path, lookup: _Lookup) -> str:
    """Fetch one paper's file and write its metadata; "new", "updated", "unchanged" or
    "skipped: <why>"."""
    paper_id = str(paper.get("id") or "")
    if not paper_id:
        raise OparlError("a paper without an id")
    file = the_paper_file(paper)
    if file is None:
        return "skipped: no file of the paper itself (only attachments, or none)"
    if isinstance(file, str):  # OParl allows a reference instead of the embedded object
        file = client.get(file)
    suffix = _suffix(file)
    if suffix is None:
        return f"skipped: {file.get('mimeType') or 'unknown'} file, not a PDF or text file"
    stem = f"{slug(str(paper.get('reference') or ''), 40) or 'paper'}-{short_hash(paper_id)}"
    target = inside(folder, stem + suffix)
    sidecar = inside(folder, stem + SIDECAR)
    old = _read_json(sidecar)
    if old and target.exists() and _same(old, paper, file):
        return "unchanged"
    if not (
        old and target.exists() and old.get("file", {}).get("modified") == file.get("modified")
    ):
        url = file.get("downloadUrl") or file.get("accessUrl")
        if not url:
            return "skipped: the file has no accessUrl"
        client.download(str(url), target)
        magic = _MAGIC.get(suffix)
        if magic and target.read_bytes()[: len(magic)] != magic:
            target.unlink()
            return f"skipped: {url} is not a {suffix[1:].upper()} file"
    _write_json(sidecar, lookup.metadata(paper, file))
    return "updated" if old else "new"


def _same(old: dict[str, Any], paper: dict[str, Any], file: dict[str, Any]) -> bool:
    return (
        old.get("format") == FORMAT
        and old.get("paper", {}).get("modified") == paper.get("modified")
        and old.get("file", {}).get("modified") == file.get("modified")
    )


def the_paper_file(paper: dict[str, Any]) -> dict[str, Any] | str | None:
    """The file that is the paper itself: its mainFile; else, among its auxiliary files, one
    whose name says it is a paper ("Beschlussvorlage …", "GR-Vorlage …", "Antrag …"), else
    the first that is not marked as an attachment, minute or vote result; else None."""
    main = paper.get("mainFile")
    if main:
        return main  # type: ignore[no-any-return]
    files = [f for f in paper.get("auxiliaryFile") or [] if isinstance(f, dict)]
    candidates = [f for f in files if not _not_the_paper(str(f.get("name") or ""))]
    kind_words = ("vorlage", "antrag", "anfrage", "drucksache", "mitteilung")
    for f in candidates:
        if any(word in str(f.get("name") or "").casefold() for word in kind_words):
            return f
    return candidates[0] if candidates else None


def _not_the_paper(name: str) -> bool:
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", name)]
    marks = tuple(m.casefold() for m in vocab.words("oparl_not_the_paper"))
    return any(w.startswith(marks) for w in words)


def _suffix(file: dict[str, Any]) -> str | None:
    mime = str(file.get("mimeType") or "").split(";")[0].strip().lower()
    if mime in _SUFFIX_BY_MIME:
        return _SUFFIX_BY_MIME[mime]
    name = str(file.get("fileName") or "").lower()
    for suffix in (".pdf", ".txt"):
        if name.endswith(suffix):
            return suffix
    return None


class _Lookup:
    """Names of organizations and dates of meetings, fetched once per run."""

    def __init__(self, client: Client, body: dict[str, Any]) -> None:
        self.client, self.body = client, body
        self.organizations: dict[str, dict[str, Any]] | None = None
        self.meetings: dict[str, dict[str, Any] | None] = {}

    def organization(self, url: str) -> dict[str, Any] | None:
        if self.organizations is None:
            self.organizations = {}
            listing = self.body.get("organization")
            if isinstance(listing, str):
                try:
                    for org in self.client.walk(listing):
                        self.organizations[str(org.get("id"))] = org
                except OparlError:
                    pass  # then each organization is asked for on its own
        if url not in self.organizations:
            try:
                self.organizations[url] = self.client.get(url)
            except OparlError:
                return None
        return self.organizations[url]

    def meeting(self, url: str) -> dict[str, Any] | None:
        if url not in self.meetings:
            try:
                self.meetings[url] = self.client.get(url)
            except OparlError:
                self.meetings[url] = None
        return self.meetings[url]

    def metadata(self, paper: dict[str, Any], file: dict[str, Any]) -> dict[str, Any]:
        """What is kept beside the file: the paper, its file, and every name and date its
        references point to, as far as the server gives them."""
        org_urls = list(paper.get("underDirectionOf") or [])
        meetings: dict[str, Any] = {}
        for consultation in paper.get("consultation") or []:
            if not isinstance(consultation, dict):
                continue
            org_urls += consultation.get("organization") or []
            meeting_url = consultation.get("meeting")
            if isinstance(meeting_url, str):
                meeting = self.meeting(meeting_url)
                if meeting is not None:
                    meetings[meeting_url] = {
                        "name": meeting.get("name"),
                        "start": meeting.get("start"),
                        "public": _public_by_consultation(meeting),
                    }
        organizations = {}
        for url in dict.fromkeys(u for u in org_urls if isinstance(u, str)):
            org = self.organization(url)
            if org is not None:
                organizations[url] = {"name": org.get("name"), "shortName": org.get("shortName")}
        return {
            "format": FORMAT,
            "fetched": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "body": {"id": self.body.get("id"), "name": self.body.get("name")},
            "paper": paper,
            "file": file,
            "organizations": organizations,
            "meetings": meetings,
        }


def _public_by_consultation(meeting: dict[str, Any]) -> dict[str, bool]:
    """consultation id -> whether its agenda item is public, from the meeting's agenda."""
    return {
        str(item["consultation"]): item["public"]
        for item in meeting.get("agendaItem") or []
        if isinstance(item, dict)
        and isinstance(item.get("consultation"), str)
        and isinstance(item.get("public"), bool)
    }


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Whole or not at all: written beside and renamed."""
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    partial.replace(path)
