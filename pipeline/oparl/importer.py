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
for papers modified since; a state file that cannot be read is set aside (renamed
`.oparl-state.json.corrupt`) with a warning, and the walk starts from the beginning.

Wary: each object is checked (pipeline.oparl.schema) before it is used, and one of the wrong
shape fails alone with the reason while the walk goes on; the run ends within the client's
limits (pipeline.oparl.client.Limits), and when one is reached, or its files cannot be
written (disk full, read-only), it stops with the reason, keeping what it fetched whole.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors import vocab
from pipeline.errors import OparlError, OparlStopped
from pipeline.oparl import safejson, schema
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
    incomplete: list[str] = field(default_factory=list)  # lists and bodies not walked whole
    warnings: list[str] = field(default_factory=list)
    stopped: str | None = None  # why the run stopped before its end (a limit, a full disk)

    @property
    def complete(self) -> bool:
        """Every paper fetched, every list walked to its end."""
        return not (self.failed or self.incomplete or self.stopped)

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
    a System, Body or list that cannot be read, or an `out` that cannot be written, raises
    OparlError. A run that reaches one of the client's limits stops: `stopped` says why."""
    client = client or Client()
    summary = ImportSummary()
    remaining = [limit]
    try:
        _check_writable(out)
        for body_object in _bodies(client, url, body, summary):
            _import_body(client, body_object, out, since, remaining, summary, log or _quiet)
            if remaining[0] is not None and remaining[0] <= 0:
                break
    except OparlStopped as e:
        summary.stopped = str(e)
    finally:
        client.close()
    return summary


def _check_writable(out: Path) -> None:
    """OparlError, before anything is fetched, when nothing can be written into `out`."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=out, prefix=".ratsinfo-probe-"):
            pass
    except OSError as e:
        raise OparlError(f"cannot write into {out}: {e.strerror or e}") from e


def _quiet(_message: str) -> None:
    return None


def _bodies(
    client: Client, url: str, wanted: str | None, summary: ImportSummary
) -> Iterable[dict[str, Any]]:
    root = client.get(url)
    kind = str(root.get("type", "")).rsplit("/", 1)[-1]
    listing = None
    if kind == "Body":
        bodies: Iterable[Any] = [root]
    elif kind == "System" and isinstance(root.get("body"), str):
        bodies = listing = client.walk(root["body"])
    else:
        raise OparlError(f"{url} is neither an OParl System nor a Body (type {kind or 'missing'})")
    found = False
    for candidate in bodies:
        try:
            schema.check(schema.Body, candidate)
        except schema.InvalidObject as e:
            summary.incomplete.append(f"a body of {url} is skipped: {e}")
            continue
        if wanted is None or _is_body(candidate, wanted):
            found = True
            yield candidate
    if listing is not None and listing.problem:
        summary.incomplete.append(listing.problem)
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
    if since is None:
        since = _read_state(state_path, summary)
    params = {"modified_since": since.isoformat(timespec="seconds")} if since else None
    started = dt.datetime.now(dt.UTC)
    lookup = _Lookup(client, body)
    paper_list = body["paper"]  # a string: checked (schema.Body)
    log(
        f"{body.get('name') or body.get('id')}: papers"
        + (f" modified since {since}" if since else "")
    )
    reached_end = True
    failed_before = summary.failed
    listing = client.walk(paper_list, params)
    for number, paper in enumerate(listing, 1):
        if remaining[0] is not None:
            if remaining[0] <= 0:
                reached_end = False
                break
            remaining[0] -= 1
        try:
            schema.check(schema.Paper, paper)
            if paper.get("deleted"):
                continue
            outcome = _import_paper(client, paper, folder, lookup)
        except OparlStopped:
            raise
        except (OparlError, schema.InvalidObject) as e:
            name = paper.get("id") if isinstance(paper, dict) else None
            name = name if isinstance(name, str) else f"object {number} of {paper_list}"
            summary.failed += 1
            summary.problems.append((name, str(e)))
            log(f"failed: {name}: {e}")
            continue
        if outcome.startswith("skipped"):
            summary.skipped += 1
            summary.problems.append((str(paper.get("id")), outcome))
        else:
            setattr(summary, outcome, getattr(summary, outcome) + 1)
    if listing.problem:
        summary.incomplete.append(listing.problem)
        reached_end = False
    if reached_end and summary.failed == failed_before:
        # Next time ask only for what changed since this walk began: anything modified
        # during the walk is asked for again, never missed.
        _write_json(
            client, state_path, {"body": body.get("id"), "complete_since": started.isoformat()}
        )


def _read_state(path: Path, summary: ImportSummary) -> dt.datetime | None:
    """When the last complete walk began; None without one. A state file that cannot be
    read is set aside (renamed *.corrupt) with a warning: the walk then asks for all."""
    if not path.exists():
        return None
    try:
        state = safejson.loads(path.read_bytes())
        since = dt.datetime.fromisoformat(state["complete_since"])
        return since if since.tzinfo else since.replace(tzinfo=dt.UTC)
    except (OSError, ValueError, TypeError, KeyError) as e:
        aside = path.with_name(path.name + ".corrupt")
        with contextlib.suppress(OSError):
            path.replace(aside)
        summary.warnings.append(
            f"{path} is unreadable ({type(e).__name__}: {str(e)[:80]}); set aside as"
            f" {aside.name}, and all papers are asked for"
        )
        return None


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
        file = schema.check(schema.File, client.get(file))
    suffix = _suffix(file)
    if suffix is None:
        return f"skipped: {file.get('mimeType') or 'unknown'} file, not a PDF or text file"
    stem = f"{slug(str(paper.get('reference') or ''), 40) or 'paper'}-{short_hash(paper_id)}"
    target = inside(folder, stem + suffix)
    sidecar = inside(folder, stem + SIDECAR)
    old = _read_json(sidecar)
    if old and target.exists() and _same(old, paper, file):
        return "unchanged"
    old_file = old.get("file") if old else None
    if not (
        isinstance(old_file, dict)
        and target.exists()
        and old_file.get("modified") == file.get("modified")
    ):
        url = file.get("downloadUrl") or file.get("accessUrl")
        if not url:
            return "skipped: the file has no accessUrl"
        client.download(str(url), target)
        magic = _MAGIC.get(suffix)
        if magic and _head(target, len(magic)) != magic:
            target.unlink()
            return f"skipped: {url} is not a {suffix[1:].upper()} file"
    _write_json(client, sidecar, lookup.metadata(paper, file))
    return "updated" if old else "new"


def _head(path: Path, size: int) -> bytes:
    with path.open("rb") as fh:
        return fh.read(size)


def _same(old: dict[str, Any], paper: dict[str, Any], file: dict[str, Any]) -> bool:
    old_paper, old_file = old.get("paper"), old.get("file")
    return (
        old.get("format") == FORMAT
        and isinstance(old_paper, dict)
        and isinstance(old_file, dict)
        and old_paper.get("modified") == paper.get("modified")
        and old_file.get("modified") == file.get("modified")
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
        self.persons: dict[str, dict[str, Any] | None] = {}

    def organization(self, url: str) -> dict[str, Any] | None:
        if self.organizations is None:
            self.organizations = {}
            listing = self.body.get("organization")
            if isinstance(listing, str):
                try:
                    for org in self.client.walk(listing):
                        if isinstance(org, dict):
                            self.organizations[str(org.get("id"))] = org
                except OparlStopped:
                    raise
                except OparlError:
                    pass  # then each organization is asked for on its own
        if url not in self.organizations:
            try:
                self.organizations[url] = self.client.get(url)
            except OparlStopped:
                raise
            except OparlError:
                return None
        return self.organizations[url]

    def person(self, url: str) -> dict[str, Any] | None:
        """A person who filed a paper (OParl's originatorPerson), None if not to be had."""
        if url not in self.persons:
            try:
                self.persons[url] = self.client.get(url)
            except OparlStopped:
                raise
            except OparlError:
                self.persons[url] = None
        return self.persons[url]

    def meeting(self, url: str) -> dict[str, Any] | None:
        if url not in self.meetings:
            try:
                self.meetings[url] = self.client.get(url)
            except OparlStopped:
                raise
            except OparlError:
                self.meetings[url] = None
        return self.meetings[url]

    def metadata(self, paper: dict[str, Any], file: dict[str, Any]) -> dict[str, Any]:
        """What is kept beside the file: the paper, its file, and every name and date its
        references point to, as far as the server gives them."""
        org_urls = list(paper.get("underDirectionOf") or [])
        org_urls += _urls(paper.get("originatorOrganization"))
        persons = {}
        for url in dict.fromkeys(_urls(paper.get("originatorPerson"))):
            person = self.person(url)
            if isinstance(person, dict):
                persons[url] = {"name": person.get("name")}
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
            "persons": persons,
        }


def _urls(value: Any) -> list[str]:
    """The URLs of a list property (a server may send anything in its place)."""
    return [u for u in value if isinstance(u, str)] if isinstance(value, list) else []


def _public_by_consultation(meeting: dict[str, Any]) -> dict[str, bool]:
    """consultation id -> whether its agenda item is public, from the meeting's agenda."""
    items = meeting.get("agendaItem")
    return {
        str(item["consultation"]): item["public"]
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict)
        and isinstance(item.get("consultation"), str)
        and isinstance(item.get("public"), bool)
    }


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = safejson.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(client: Client, path: Path, data: dict[str, Any]) -> None:
    """Whole or not at all: written beside and renamed. Counted against the run's disk
    budget; a file that cannot be written stops the run (OparlStopped), `.part` removed."""
    partial = path.with_name(path.name + ".part")
    text = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    client.charge(len(text))
    try:
        partial.write_bytes(text)
        partial.replace(path)
    except OSError as e:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise OparlStopped(f"cannot write {path}: {e.strerror or e}") from e
