"""export: records out of the database: JSONL (the corpus record format), CSV, OParl 1.1 JSON."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import json
import os
import stat
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import CursorResult, Engine, inspect, literal_column, select, table, text

from extractors.originator import persons
from pipeline import defaults
from pipeline.db import corrections, schema, store
from pipeline.model import Record
from pipeline.oparl.names import short_hash, slug


def write_jsonl(records: Iterable[Record], out: TextIO) -> int:
    """One record per line, exactly the corpus format. Returns how many were written."""
    count = 0
    for record in records:
        out.write(json.dumps(record.to_json(), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def corrected_fields(engine: Engine) -> dict[int, list[str]]:
    """paper id -> the fields a maintainer corrected, for every corrected paper."""
    e = schema.field_evidence.c
    found: dict[int, list[str]] = {}
    with engine.connect() as conn:
        for paper_id, field, how in conn.execute(select(e.paper_id, e.field, e.how)):
            if corrections.correction_id(how) is not None:
                found.setdefault(paper_id, []).append(field)
    return found


def write_gold(engine: Engine, folder: Path) -> int:
    """Each corrected paper as a gold record (the corpus format) in `folder`, for
    `ratsinfo eval` and the corpus scorer. Its `fields` list names only the fields a
    maintainer corrected: those a person vouches for, the rest being the pipeline's own
    reading. Named after the paper's file (`<stem>.json`; a second file of the same stem,
    a paper's PDF beside its text, `<file name>.json`). Returns how many were written."""
    fixed = corrected_fields(engine)
    _folder(folder, create=True)
    taken: set[str] = set()
    count = 0
    for paper_id, record in store.paper_records(engine):
        if paper_id not in fixed:
            continue
        gold = {k: v for k, v in record.to_json().items() if k != "text"}
        names = [g for f in sorted(fixed[paper_id]) for g in corrections.FIELDS[f].gold]
        gold = {"source": gold.pop("source"), "fields": names, **gold}
        name = f"{Path(record.source).stem}.json"
        if name in taken:
            name = f"{record.source}.json"
        taken.add(name)
        with whole_file(folder / name) as fh:
            fh.write(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
        count += 1
    return count


# --- CSV ----------------------------------------------------------------------------------

VIEWS = ("paper_overview", "consultation_overview", "amounts_by_year")
EXCEL_CELL_LIMIT = 32_767  # characters; Excel splits a longer cell over the next rows
# What a spreadsheet may read as the start of a formula (OWASP's list for CSV injection),
# also after spaces or invisible characters that it skips: an NBSP, a zero-width space, a
# byte order mark.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")


def _formula_like(value: str) -> bool:
    if value.startswith(_FORMULA_START):
        return True
    for char in value:
        if char.isspace() or unicodedata.category(char) in ("Cf", "Zs", "Cc"):
            if char in _FORMULA_START:
                return True
            continue
        return char in _FORMULA_START
    return False


@contextlib.contextmanager
def whole_file(path: Path) -> Iterator[TextIO]:
    """`path` opened for writing text that appears there only when it is whole: written
    beside as a hidden `.part` file and renamed, removed when writing fails (a full disk),
    so no half file is ever left. A device or pipe (/dev/stdout) is written directly."""
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        with path.open("w", encoding="utf-8") as fh:
            yield fh
        return
    _folder(path.parent, create=False)
    try:
        fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as e:  # named by the file asked for, not the hidden one
        raise OSError(e.errno, e.strerror, str(path)) from e
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, (stat.S_IMODE(path.stat().st_mode)) if path.exists() else 0o666 & ~umask)
        with open(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(partial, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise


def write_csv(engine: Engine, folder: Path, *, semicolon: bool = False) -> dict[str, int]:
    """One CSV file per table and view in `folder`; returns the rows written per file.

    UTF-8 with a byte order mark and CRLF line ends, which LibreOffice and Excel open with
    umlauts intact. `semicolon`: `;` between fields and decimal commas, as German Excel
    expects. Booleans are 1/0, dates ISO. Text that a spreadsheet would run as a formula
    (starting with =, +, -, @) gets a leading apostrophe, and a text longer than a spreadsheet
    cell holds is cut there with a note saying so (the full text: `export --format jsonl`)."""
    _folder(folder, create=True)
    names = [t.name for t in schema.metadata.sorted_tables]
    present = set(inspect(engine).get_table_names()) | set(inspect(engine).get_view_names())
    written = {}
    with engine.connect() as conn:
        for name in [*names, *VIEWS]:
            if name not in present:
                continue
            result: CursorResult[Any] = conn.execute(
                select(literal_column("*")).select_from(table(name))
            )
            with whole_file(folder / f"{name}.csv") as fh:
                fh.write("\ufeff")  # the byte order mark spreadsheets look for
                # Every text quoted, numbers not: a product number ("01.05.04") or a
                # reference ("113/21") is text, which a spreadsheet that heeds quotes keeps.
                writer = csv.writer(
                    fh,
                    delimiter=";" if semicolon else ",",
                    lineterminator="\r\n",
                    quoting=csv.QUOTE_NONNUMERIC,
                )
                writer.writerow(result.keys())
                count = 0
                for row in result:
                    writer.writerow([_cell(value, semicolon) for value in row])
                    count += 1
            written[name] = count
    return written


def _cell(value: Any, decimal_comma: bool) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, float):
        # A decimal comma makes the number text (quoted); German spreadsheets read it as one.
        return repr(value).replace(".", ",") if decimal_comma else value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, str):
        if _formula_like(value):
            value = "'" + value
        if len(value) > EXCEL_CELL_LIMIT:
            note = f" [cut: {len(value)} characters in all]"
            value = value[: EXCEL_CELL_LIMIT - len(note)] + note
    return value


def _folder(folder: Path, *, create: bool) -> None:
    """OSError naming `folder` unless it is (or, with `create`, can be made) a folder."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "a file, not a folder", str(folder))
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    elif not folder.exists():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))


# --- OParl 1.1 ----------------------------------------------------------------------------

SCHEMA = "https://schema.oparl.org/1.1/"
_MIME = {"pdf": "application/pdf", "text": "text/plain"}


def oparl_objects(engine: Engine, base: str = defaults.OPARL_BASE) -> list[dict[str, Any]]:
    """Every stored paper as OParl 1.1 objects: the System, a Body per council,
    Organizations, Persons (who filed a paper), Meetings (one per committee and session
    date, with an AgendaItem per paper carrying its public flag), Papers with their
    Consultations and mainFile embedded, and the Files (`text`: the cleaned text).

    Ids are URLs under `base`, stable for the same data (a paper's is its id in the
    database, which it keeps when its files are stored again). Every link to an object
    leads to an object of the export; a link to a list (System.body, Body.paper, ...) is
    `base/<type>`, the objects of that type (`--split` writes them to that folder). The
    export knows a session's date but not its hour, so a Meeting's `start` is that date at
    00:00."""
    base = base.rstrip("/")
    kinds = _source_kinds(engine)
    bodies: dict[str, dict[str, Any]] = {}
    organizations: dict[str, dict[str, Any]] = {}
    people: dict[str, dict[str, Any]] = {}
    meetings: dict[str, dict[str, Any]] = {}
    papers, files = [], []

    def body_of(name: str | None) -> str | None:
        bid = _body(base, name)
        if bid is not None and name is not None:
            bodies.setdefault(bid, _body_object(base, bid, name))
        return bid

    def person(body: str | None, name: str) -> str:
        pid = f"{base}/person/{short_hash(f'{body}|{name}')}"
        people.setdefault(
            pid,
            _clean({"id": pid, "type": SCHEMA + "Person", "body": body_of(body), "name": name}),
        )
        return pid

    def organization(body: str | None, name: str) -> str:
        oid = f"{base}/organization/{short_hash(f'{body}|{name}')}"
        organizations.setdefault(
            oid,
            _clean(
                {
                    "id": oid,
                    "type": SCHEMA + "Organization",
                    "body": body_of(body),
                    "name": name,
                }
            ),
        )
        return oid

    for paper_id, record in store.paper_records(engine):
        pid = f"{base}/paper/{paper_id}"
        file = _clean(
            {
                "id": f"{base}/file/{paper_id}",
                "type": SCHEMA + "File",
                "name": record.name or record.source,
                "fileName": record.source,
                "mimeType": _MIME.get(kinds.get(record.source, ""), "application/octet-stream"),
                "text": record.text,
                "accessUrl": f"{base}/files/{paper_id}/{slug(record.source, 80) or 'file'}",
                "paper": [pid],
            }
        )
        consultations = []
        for position, c in enumerate(record.consultations):
            cid = f"{base}/consultation/{paper_id}-{position}"
            org = organization(record.body, c.organization)
            meeting_id = None
            if c.date:
                meeting_id = f"{base}/meeting/{short_hash(f'{org}|{c.date}')}"
                meeting = meetings.setdefault(
                    meeting_id,
                    {
                        "id": meeting_id,
                        "type": SCHEMA + "Meeting",
                        "name": f"{c.organization}, {c.date.strftime('%d.%m.%Y')}",
                        "start": f"{c.date.isoformat()}T00:00:00",
                        "organization": [org],
                        "agendaItem": [],
                    },
                )
                meeting["agendaItem"].append(
                    _clean(
                        {
                            "id": f"{base}/agendaitem/{paper_id}-{position}",
                            "type": SCHEMA + "AgendaItem",
                            "meeting": meeting_id,
                            "name": record.name,
                            "public": c.public,
                            "consultation": cid,
                        }
                    )
                )
            consultations.append(
                _clean(
                    {
                        "id": cid,
                        "type": SCHEMA + "Consultation",
                        "paper": pid,
                        "meeting": meeting_id,
                        "organization": [org],
                        "role": c.role,
                    }
                )
            )
        filers = persons(record.originator) if record.originator else None
        paper = {
            "id": pid,
            "type": SCHEMA + "Paper",
            "body": body_of(record.body),
            "name": record.name,
            "reference": record.reference,
            "date": record.date.isoformat() if record.date else None,
            "paperType": str(record.paper_type),
            "mainFile": file,
            "underDirectionOf": [organization(record.body, record.department)]
            if record.department
            else None,
            "originatorPerson": [person(record.body, n) for n in filers] if filers else None,
            "originatorOrganization": [organization(record.body, record.originator)]
            if record.originator and not filers
            else None,
            "consultation": consultations or None,
        }
        papers.append(_clean(paper))
        files.append(file)
    system = {
        "id": f"{base}/system",
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "name": "ratsinfo export",
        "body": f"{base}/body",
    }
    return [
        system,
        *bodies.values(),
        *organizations.values(),
        *people.values(),
        *meetings.values(),
        *papers,
        *files,
    ]


def write_oparl(objects: list[dict[str, Any]], out: TextIO) -> int:
    """All objects as one OParl list (`data`, `pagination`, `links`). Returns the count."""
    listing = {"data": objects, "pagination": {"totalElements": len(objects)}, "links": {}}
    json.dump(listing, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(objects)


def write_oparl_files(objects: list[dict[str, Any]], folder: Path) -> int:
    """One JSON file per object: `folder/<type>/<last part of its id>.json`."""
    _folder(folder, create=True)
    for obj in objects:
        kind = obj["type"].rsplit("/", 1)[-1].lower()
        _folder(folder / kind, create=True)
        name = obj["id"].rsplit("/", 1)[-1]
        with whole_file(folder / kind / f"{name}.json") as fh:
            fh.write(json.dumps(obj, ensure_ascii=False, indent=1) + "\n")
    return len(objects)


def _body_object(base: str, bid: str, name: str) -> dict[str, Any]:
    """A council as an OParl Body: its name, and its lists, which are the export's."""
    return {
        "id": bid,
        "type": SCHEMA + "Body",
        "system": f"{base}/system",
        "name": name,
        "organization": f"{base}/organization",
        "person": f"{base}/person",
        "meeting": f"{base}/meeting",
        "paper": f"{base}/paper",
        "legislativeTerm": [],
    }


def _body(base: str, body: str | None) -> str | None:
    return f"{base}/body/{slug(body, 60) or short_hash(body)}" if body else None


def _clean(obj: dict[str, Any]) -> dict[str, Any]:
    """Without unknown values: OParl leaves out what it does not know rather than null."""
    return {k: v for k, v in obj.items() if v is not None}


def _source_kinds(engine: Engine) -> dict[str, str]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, kind FROM sources"))
        return {name: kind or "" for name, kind in rows}
