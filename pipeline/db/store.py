"""load/store: write outcomes into the database and read records back.

Each document is written atomically: its old version (same path or same content) is
deleted, cascading to every part and its search index row, and the new one inserted. A
re-run never duplicates and a failure never leaves half a record. Many documents can share
one transaction (`save_many`), each in its own savepoint, which is what makes bulk loading
fast. The same code serves SQLite and Postgres; `connect` brings the schema up to date.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Engine,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InternalError,
    OperationalError,
    SQLAlchemyError,
)

from pipeline import defaults
from pipeline.db import corrections, migrate, papers, schema, search, stems
from pipeline.errors import DatabaseError
from pipeline.model import (
    Amount,
    Consultation,
    Finance,
    Outcome,
    PaperType,
    Product,
    Record,
    ResolutionItem,
    Status,
    Stemmed,
    identity,
    printable,
)

F = TypeVar("F", bound=Any)


def default_url() -> str:
    return os.environ.get("RATSINFO_DB") or defaults.DB_URL


def is_new(url: str | None = None) -> bool:
    """Whether `url` names an SQLite database file that does not exist yet (False for
    anything else, including a URL that cannot be read)."""
    try:
        file = _sqlite_file(make_url(url or default_url()))
    except ArgumentError:
        return False
    return file is not None and not file.exists()


def _sqlite_file(url: URL) -> Path | None:
    """The database file an SQLite URL names; None for another database, an in-memory
    one, or a `file:` URI (which SQLite resolves itself)."""
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    return None if database.startswith("file:") else Path(database)


def connect(url: str | None = None, *, create: bool = True) -> Engine:
    """An engine for `url` with the schema this code needs in place.

    An empty database gets the schema when `create`, else an error; an older ratsinfo
    database is upgraded in place (see pipeline.db.migrate). Raises DatabaseError with a clear
    reason."""
    url = url or default_url()
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError, ValueError) as e:
        raise DatabaseError(f"cannot use database URL {url!r}: {e}") from e
    if engine.dialect.name == "sqlite":
        file = _sqlite_file(engine.url)
        if file is not None and not file.exists():
            if not create:
                raise DatabaseError(f"no database at {file}: run `ratsinfo ingest` first")
            file.parent.mkdir(parents=True, exist_ok=True)
        _prepare_sqlite(engine)
    try:
        if not create and not inspect(engine).has_table("papers"):
            raise DatabaseError(
                f"{engine.url.render_as_string(hide_password=True)} holds no ratsinfo tables:"
                " run `ratsinfo ingest` first"
            )
        migrate.upgrade(engine)
    except SQLAlchemyError as e:
        raise DatabaseError(
            f"cannot open or upgrade database"
            f" {engine.url.render_as_string(hide_password=True)}: {_first_line(e)}"
        ) from e
    return engine


def close(engine: Engine) -> None:
    """Close the engine's connections; an SQLite database first moves its write-ahead log
    into the database file (a load leaves up to 40 MB there, which every later reader would
    otherwise read through: a re-run of an unchanged corpus took twice as long)."""
    if engine.dialect.name == "sqlite":
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except SQLAlchemyError:
            pass  # another process holds the database: it checkpoints in its turn
    engine.dispose()


def _prepare_sqlite(engine: Engine) -> None:
    """Pragmas on every connection, and transactions begun as the caller asks."""

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # sqlite3 opens transactions only before DML, so schema changes would commit one
        # statement at a time; SQLAlchemy's BEGIN (below) makes every transaction whole.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")  # needed for ON DELETE CASCADE
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA busy_timeout = 30000")
        # Checkpoint the write-ahead log every ~40 MB instead of every 4 MB: each checkpoint
        # syncs the disk, and with one commit per document that halves the loading speed.
        cursor.execute("PRAGMA wal_autocheckpoint = 10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))


def _first_line(error: Exception) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _database_errors(func: F) -> F:
    """SQLAlchemy's errors in `func` become one DatabaseError line that names the cause
    (a read-only file or server, a lost connection), not a traceback."""

    @functools.wraps(func)
    def wrapper(engine: Engine, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(engine, *args, **kwargs)
        except SQLAlchemyError as e:
            where = engine.url.render_as_string(hide_password=True)
            raise DatabaseError(f"cannot use database {where}: {_first_line(e)}") from e

    return wrapper  # type: ignore[return-value]


def _fatal(error: SQLAlchemyError) -> bool:
    """Whether `error` concerns the database itself (connection lost, read-only, disk
    full), not the one document being written: then no other document can be written
    either, and the cause must be reported as it is."""
    return isinstance(error, (OperationalError, InternalError)) or bool(
        isinstance(error, DBAPIError) and error.connection_invalidated
    )


# --- runs ---------------------------------------------------------------------------------


@_database_errors
def start_run(engine: Engine, version: str, command: str) -> int:
    with engine.begin() as conn:
        result = conn.execute(
            insert(schema.runs).values(started_at=_now(), version=version, command=command)
        )
        return int(result.inserted_primary_key[0])  # type: ignore[index]


@_database_errors
def finish_run(engine: Engine, run_id: int, counts: dict[str, int]) -> None:
    with engine.begin() as conn:
        conn.execute(
            update(schema.runs)
            .where(schema.runs.c.id == run_id)
            .values(finished_at=_now(), **counts)
        )


# --- sources ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Known:
    """What is stored of a content (see known_sources)."""

    id: int
    path: str
    metadata_sha256: str | None
    status: str
    error: str | None


@_database_errors
def known_sources(engine: Engine) -> dict[str, Known]:
    """sha256 -> what is stored of it, for every stored source."""
    s = schema.sources.c
    with engine.connect() as conn:
        rows = conn.execute(select(s.sha256, s.id, s.path, s.metadata_sha256, s.status, s.error))
        return {sha: Known(*rest) for sha, *rest in rows}


@_database_errors
def known_files(engine: Engine) -> dict[str, tuple[int, int | None, str]]:
    """stored path -> (size, modification time in ns, sha256): see discover."""
    s = schema.sources.c
    with engine.connect() as conn:
        rows = conn.execute(select(s.path, s.size, s.mtime_ns, s.sha256))
        return {path: (size, mtime, sha) for path, size, mtime, sha in rows}


@_database_errors
def known_paths(engine: Engine) -> dict[str, str]:
    """stored path -> sha256."""
    with engine.connect() as conn:
        rows = conn.execute(select(schema.sources.c.path, schema.sources.c.sha256))
        return dict(rows.all())


@_database_errors
def move_source(engine: Engine, source_id: int, path: Path) -> None:
    """A known content found under a new name (the old file is gone): keep the row, new path."""
    s = schema.sources.c
    with _writing(engine) as conn:
        _delete_sources(conn, (s.path == identity(path)) & (s.id != source_id))
        conn.execute(
            update(schema.sources)
            .where(schema.sources.c.id == source_id)
            .values(path=identity(path), name=printable(path.name))
        )
        conn.execute(
            update(schema.paper_files)
            .where(schema.paper_files.c.source_id == source_id)
            .values(path=identity(path))
        )


@_database_errors
def forget(engine: Engine, paths: list[Path]) -> None:
    """Delete what is stored under these paths (a copy's own row, once it needs none)."""
    if not paths:
        return
    with _writing(engine) as conn:
        _delete_sources(conn, schema.sources.c.path.in_([identity(p) for p in paths]))


def _writing(engine: Engine) -> contextlib.AbstractContextManager[Connection]:
    """A transaction that may give out new ids: SQLite takes the write lock at once, which
    _new_ids relies on."""
    return engine.execution_options(sqlite_begin="BEGIN IMMEDIATE").begin()


def _delete_sources(conn: Connection, where: Any) -> None:
    """Delete the sources `where` selects; the papers they carried are merged again from
    their other files, or go with their last one."""
    gone = [i for (i,) in conn.execute(select(schema.sources.c.id).where(where))]
    survivors, _ = _detach(conn, gone)
    conn.execute(delete(schema.sources).where(schema.sources.c.id.in_(gone)))
    _attach(conn, survivors)


def save(engine: Engine, outcome: Outcome, run_id: int | None = None) -> Outcome:
    """Replace whatever is stored for this path or content by `outcome`, atomically;
    returns the outcome as stored (see save_many)."""
    return save_many(engine, [outcome], run_id)[0]


def save_many(engine: Engine, outcomes: list[Outcome], run_id: int | None = None) -> list[Outcome]:
    """Save `outcomes` in one transaction; each replaces whatever is stored for its path or
    content, and each is atomic. Returns the outcomes as stored: a document whose record
    cannot be stored (a value the database refuses) is rolled back alone and stored as
    failed with the reason instead, and the others are kept. DatabaseError only when not
    even that can be written (the database itself is unusable).

    The batch is written table by table (a few statements in all, not a few per document)
    and committed once, which is what makes bulk loading fast. Should that fail, each
    document is written again in its own savepoint, so one bad document costs only itself.

    Safe from several processes at once: on Postgres the transaction first takes advisory
    locks on every content hash and path of the batch, in sorted order, so two loads never
    wait on each other in a circle and a document saved twice at once is replaced, never
    duplicated. SQLite lets one writer in at a time anyway."""
    if not outcomes:
        return []
    stored = list(outcomes)
    try:
        # SQLite: take the write lock at once, which _new_ids relies on.
        with engine.execution_options(sqlite_begin="BEGIN IMMEDIATE").begin() as conn:
            if conn.dialect.name == "postgresql":
                keys = {k for o in outcomes for k in (o.source.sha256, identity(o.source.path))}
                # Two files of one paper stored at once by two processes: one waits.
                keys |= {k for o in outcomes if o.record and (k := papers.lock_key(o.record))}
                for key in sorted(keys):
                    conn.execute(_LOCK, {"key": key})
            try:
                with conn.begin_nested():
                    _write(conn, outcomes, run_id)
            except SQLAlchemyError as e:
                if _fatal(e):
                    raise  # not the documents' fault: trying them one by one hides the cause
                for index, outcome in enumerate(outcomes):
                    try:
                        with conn.begin_nested():
                            _write(conn, [outcome], run_id)
                    except SQLAlchemyError as e:
                        if _fatal(e):
                            raise
                        failed = Outcome(
                            source=outcome.source,
                            status=Status.FAILED,
                            errors=[f"cannot store this document: {_first_line(e)}"],
                            pages=outcome.pages,
                            seconds=outcome.seconds,
                        )
                        with conn.begin_nested():
                            _write(conn, [failed], run_id)
                        stored[index] = failed
    except SQLAlchemyError as e:
        names = ", ".join(o.source.name for o in outcomes[:3])
        raise DatabaseError(f"cannot store {names}: {_first_line(e)}") from e
    return stored


# Built once: building a statement per call costs more than running it.
_DELETE_SOURCE = delete(schema.sources).where(
    (schema.sources.c.sha256 == bindparam("sha")) | (schema.sources.c.path == bindparam("path"))
)
_LOCK = text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
_INSERT = {table.name: insert(table) for table in schema.metadata.sorted_tables}


def _insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` into `table`, NUL characters taken out of their text: Postgres refuses
    them and SQLite keeps them, and both databases must hold the same (a NUL in a file's
    text or a council's metadata would otherwise fail the paper on Postgres alone)."""
    conn.execute(_INSERT[table], [search.without_nul(row) for row in rows])


def _new_ids(conn: Connection, table: str, count: int, above: int = 0) -> list[int]:
    """`count` unused ids for `table`, all over `above` (ids about to be given back to the
    papers that had them), given out before inserting, so that many rows and their parts
    go in as one executemany each (SQLite cannot return the ids of a multi-row insert in
    order, and SQLAlchemy then inserts row by row)."""
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            text(
                "SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"
            ),
            {"table": table, "n": count},
        )
        return [int(i) for (i,) in rows]
    # SQLite: save_many began with BEGIN IMMEDIATE, so this is the only writer.
    first = conn.execute(text(f"SELECT coalesce(max(id), 0) + 1 FROM {table}")).scalar_one()
    first = max(first, above + 1)
    return list(range(first, first + count))


def _write(conn: Connection, outcomes: list[Outcome], run_id: int | None) -> None:
    """Delete the old versions of `outcomes` (cascading to every part), insert them, and
    merge each paper again from all its files (see pipeline.db.papers)."""
    paths = [identity(o.source.path) for o in outcomes]
    s = schema.sources.c
    shas = [o.source.sha256 for o in outcomes]
    old = [i for (i,) in conn.execute(select(s.id).where(s.sha256.in_(shas) | s.path.in_(paths)))]
    survivors, previous = _detach(conn, old)
    conn.execute(
        _DELETE_SOURCE,
        [{"sha": o.source.sha256, "path": path} for o, path in zip(outcomes, paths, strict=True)],
    )
    now = _now()
    source_ids = _new_ids(conn, "sources", len(outcomes))
    _insert(
        conn,
        "sources",
        [
            _source_row(o, source_id, path, run_id, now)
            for o, source_id, path in zip(outcomes, source_ids, paths, strict=True)
        ],
    )
    repairs = [
        {
            "source_id": source_id,
            "offset": c.offset,
            "original": c.original,
            "replacement": c.replacement,
            "rule": c.rule,
        }
        for source_id, o in zip(source_ids, outcomes, strict=True)
        for c in o.corrections
    ]
    if repairs:
        _insert(conn, "corrections", repairs)
    # A failed document has no paper, whatever its outcome still holds.
    readings = [
        papers.Reading(
            source_id=source_id,
            path=path,
            sha256=o.source.sha256,
            kind=_kind(o.source.path.suffix.lower()),
            record=o.record,
            origins=o.origins,
            disagreements=o.disagreements,
            stemmed=o.stemmed,
            previous=previous.get(o.source.sha256) or previous.get(path),
        )
        for source_id, path, o in zip(source_ids, paths, outcomes, strict=True)
        if o.record is not None and o.status is not Status.FAILED
    ]
    _attach(conn, survivors + readings)


def _detach(conn: Connection, source_ids: list[int]) -> tuple[list[papers.Reading], dict[str, int]]:
    """Before the sources `source_ids` go: delete their papers, and return the readings of
    those papers' other files (to be merged again without them) and, by sha256 and by path,
    the paper each going source belonged to (so its new version keeps the paper's id)."""
    if not source_ids:
        return [], {}
    f = schema.paper_files.c
    rows = conn.execute(
        select(f.paper_id, f.sha256, f.path).where(f.source_id.in_(source_ids))
    ).all()
    previous = {key: paper_id for paper_id, sha, path in rows for key in (sha, path)}
    paper_ids = sorted({paper_id for paper_id, _, _ in rows})
    survivors = [r for r in _readings(conn, paper_ids) if r.source_id not in set(source_ids)]
    _delete_papers(conn, paper_ids)
    return survivors, previous


def _delete_papers(conn: Connection, paper_ids: list[int]) -> None:
    if paper_ids:
        conn.execute(delete(schema.papers).where(schema.papers.c.id.in_(paper_ids)))


def _readings(conn: Connection, paper_ids: list[int]) -> list[papers.Reading]:
    """The stored readings of every file of these papers. A file stored before its reading
    was kept (schema 0007) reads as its paper's stored record."""
    if not paper_ids:
        return []
    f = schema.paper_files.c
    rows = conn.execute(
        select(f.paper_id, f.source_id, f.path, f.sha256, f.kind, f.reading)
        .where(f.paper_id.in_(paper_ids))
        .order_by(f.source_id)
    ).all()
    fallback = {}
    if any(row.reading is None for row in rows):
        fallback = dict(_paper_records(conn, [r.paper_id for r in rows if r.reading is None]))
    readings = []
    for row in rows:
        if row.reading is not None:
            record, origins, disagreements = papers.from_stored(row.reading)
        else:
            record, origins, disagreements = fallback[row.paper_id], [], []
        readings.append(
            papers.Reading(
                row.source_id,
                row.path,
                row.sha256,
                row.kind or "text",
                record,
                origins,
                disagreements,
                previous=row.paper_id,
            )
        )
    return readings


def _attach(conn: Connection, readings: list[papers.Reading]) -> None:
    """Store `readings` as papers: with each other and with the stored papers of the same
    council and reference, each paper merged from all its files (see pipeline.db.papers)."""
    if not readings:
        return  # (an insert of no rows would insert one of defaults)
    readings = readings + _joined(conn, readings)
    groups = papers.group(readings)
    merged = [papers.merge(members) for members in groups]
    taken: set[int] = set()
    ids: list[int | None] = []
    for paper in merged:
        # The paper keeps the id it had (the smallest, where two papers became one).
        own = next((i for i in paper.previous if i not in taken), None)
        if own is not None:
            taken.add(own)
        ids.append(own)
    fresh = iter(_new_ids(conn, "papers", ids.count(None), above=max(taken, default=0)))
    paper_ids = [i if i is not None else next(fresh) for i in ids]
    # A maintainer's corrections win over every automatic reading (pipeline.db.corrections).
    found = corrections.matching(conn, [p.record for p in merged])
    _insert_records(
        conn,
        [
            (
                pid,
                p.chosen.source_id,
                corrections.applied(p.record, fixes),
                p.chosen.stemmed if len(p.readings) == 1 and not fixes else None,
            )
            for pid, p, fixes in zip(paper_ids, merged, found, strict=True)
        ],
    )
    for pid, fixes in zip(paper_ids, found, strict=True):
        corrections.claim(conn, fixes, pid)
    _insert_origins(conn, list(zip(paper_ids, merged, strict=True)))
    _insert(
        conn,
        "paper_files",
        [
            {
                "paper_id": pid,
                "source_id": r.source_id,
                "path": r.path,
                "sha256": r.sha256,
                "kind": r.kind,
                "chosen": r is p.chosen,
                "reading": papers.to_stored(r),
            }
            for pid, p in zip(paper_ids, merged, strict=True)
            for r in p.readings
        ],
    )


def _identifying(row: Any) -> Record:
    """A record of just the fields that identify a stored paper (see papers.same_paper)."""
    return Record(source="", body=row.body, reference=row.reference, date=row.date, name=row.name)


def _joined(conn: Connection, readings: list[papers.Reading]) -> list[papers.Reading]:
    """The readings of stored papers that one of `readings` is the same paper as: they are
    taken out of the database, to be merged with it."""
    references = sorted({papers.loose(r.record.reference) for r in readings if r.record.reference})
    if not references:
        return []
    p = schema.papers.c
    # Compared as papers.loose makes them, in SQL, so "113 / 21" finds "113/21";
    # papers.same_paper then decides.
    loose = func.lower(func.replace(func.replace(p.reference, " ", ""), "-", ""))
    candidates = conn.execute(
        select(p.id, p.body, p.reference, p.date, p.name).where(loose.in_(references))
    ).all()
    matched = sorted(
        {
            row.id
            for row in candidates
            for r in readings
            if papers.same_paper(_identifying(row), r.record)
        }
    )
    found = _readings(conn, matched)
    _delete_papers(conn, matched)
    return found


def _source_row(
    outcome: Outcome, source_id: int, path: str, run_id: int | None, now: dt.datetime
) -> dict[str, Any]:
    src = outcome.source
    return {
        "id": source_id,
        "sha256": src.sha256,
        "metadata_sha256": src.metadata_sha256,
        "path": path,
        "name": src.name,
        "size": src.size,
        "mtime_ns": src.mtime_ns,
        "kind": _kind(src.path.suffix.lower()),
        "encoding": outcome.encoding,
        "pages": outcome.pages,
        "ocr_used": outcome.ocr_used,
        "status": str(outcome.status),
        "error": "\n".join(outcome.errors) or None,
        "raw_text": outcome.raw_text or None,
        "seconds": round(outcome.seconds, 4),
        "run_id": run_id,
        "ingested_at": now,
    }


def _kind(suffix: str) -> str:
    """What kind of file a source is: "pdf", "html" (a saved RIS page) or "text"."""
    if suffix == ".pdf":
        return "pdf"
    return "html" if suffix in (".html", ".htm", ".xhtml") else "text"


def _insert_records(
    conn: Connection, stored: list[tuple[int, int, Record, Stemmed | None]]
) -> None:
    """Insert the papers ((paper id, chosen source id, record, its stems if made already))
    and their parts."""
    paper_ids = [paper_id for paper_id, *_ in stored]
    stored_ = [(source_id, record, stemmed) for _, source_id, record, stemmed in stored]
    _insert(
        conn,
        "papers",
        [
            {"id": paper_id, "source_id": source_id, **paper_columns(record)}
            for paper_id, (source_id, record, _) in zip(paper_ids, stored_, strict=True)
        ],
    )
    parts: dict[str, list[dict[str, Any]]] = {}
    for paper_id, (_, record, _) in zip(paper_ids, stored_, strict=True):
        for table, rows in part_rows(record).items():
            parts.setdefault(table, []).extend(
                {**row, "paper_id": paper_id, "position": i} for i, row in enumerate(rows)
            )
    for table, rows in parts.items():
        if rows:
            _insert(conn, table, rows)
    graded = [
        {"paper_id": paper_id, "field": name, "confidence": ev.confidence, "how": ev.how}
        for paper_id, (_, record, _) in zip(paper_ids, stored_, strict=True)
        for name, ev in record.evidence.items()
    ]
    if graded:
        _insert(conn, "field_evidence", graded)
    search.index(
        conn,
        [
            search.Entry(paper_id, *stems.parts(record), stemmed=stemmed)
            for paper_id, (_, record, stemmed) in zip(paper_ids, stored_, strict=True)
        ],
    )


def _insert_origins(conn: Connection, merged: list[tuple[int, papers.Paper]]) -> None:
    """Where OParl metadata was merged: each field's values by origin, and disagreements."""
    values = [
        {"paper_id": pid, "field": v.field, "origin": v.origin, "value": v.value, "kept": v.kept}
        for pid, o in merged
        for v in o.origins
    ]
    if values:
        _insert(conn, "field_values", values)
    disagreements = [
        {"paper_id": pid, "field": d.field, "oparl_value": d.oparl, "text_value": d.text}
        for pid, o in merged
        for d in o.disagreements
    ]
    if disagreements:
        _insert(conn, "disagreements", disagreements)


def paper_columns(record: Record) -> dict[str, Any]:
    """The `papers` row of a record, without its ids."""
    return {
        "source": record.source,
        "paper_type": str(record.paper_type),
        "body": record.body,
        "reference": record.reference,
        "date": record.date,
        "name": record.name,
        "department": record.department,
        "originator": record.originator,
        "finance_impact": record.finance.impact,
        "finance_in_budget": record.finance.in_budget,
        "text": record.text,
    }


def part_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows of a record's list-valued parts, by table, in the record's order."""
    return {
        "reporters": [{"name": n} for n in record.reporters],
        "consultations": [
            {"organization": c.organization, "date": c.date, "role": c.role, "public": c.public}
            for c in record.consultations
        ],
        "resolutions": [
            {"organization": r.organization, "text": r.text} for r in record.resolution
        ],
        "amounts": [
            {
                "value": a.value,
                "currency": a.currency,
                "label": a.label,
                "year": a.year,
                "kind": a.kind,
            }
            for a in record.finance.amounts
        ],
        "products": [{"number": p.number, "name": p.name} for p in record.products],
    }


# --- reading back -------------------------------------------------------------------------


def records(engine: Engine) -> Iterator[Record]:
    """Every stored record, ordered by source name, rebuilt from the tables."""
    for _, record in paper_records(engine):
        yield record


def paper_records(engine: Engine) -> Iterator[tuple[int, Record]]:
    """(paper id, record) of every stored paper, ordered by source name."""
    with engine.connect() as conn:
        yield from _paper_records(conn)


def records_by_file(engine: Engine) -> Iterator[Record]:
    """Every stored paper's record once for each file that carries it, named by that file:
    `eval` pairs records with gold records by file name, and a paper merged from a text and
    a PDF is the record of both."""
    f, s = schema.paper_files.c, schema.sources.c
    with engine.connect() as conn:
        names: dict[int, list[str]] = {}
        for paper_id, name in conn.execute(
            select(f.paper_id, s.name).join_from(schema.paper_files, schema.sources)
        ):
            names.setdefault(paper_id, []).append(name)
        for paper_id, record in _paper_records(conn):
            for name in sorted(names.get(paper_id, [record.source])):
                yield dataclasses.replace(record, source=name)


def _paper_records(
    conn: Connection, paper_ids: list[int] | None = None
) -> Iterator[tuple[int, Record]]:
    """(paper id, record) of the stored papers (those of `paper_ids`, else all), ordered by
    source name."""
    parts = {
        name: _grouped(conn, table, paper_ids)
        for name, table in (
            ("reporters", schema.reporters),
            ("consultations", schema.consultations),
            ("resolutions", schema.resolutions),
            ("amounts", schema.amounts),
            ("products", schema.products),
        )
    }
    query = select(schema.papers).order_by(schema.papers.c.source)
    if paper_ids is not None:
        query = query.where(schema.papers.c.id.in_(paper_ids))
    for row in conn.execute(query):
        pid = row.id
        yield (
            pid,
            Record(
                source=row.source,
                paper_type=PaperType(row.paper_type),
                body=row.body,
                reference=row.reference,
                date=row.date,
                name=row.name,
                department=row.department,
                originator=row.originator,
                reporters=[r.name for r in parts["reporters"].get(pid, [])],
                consultations=[
                    Consultation(c.organization, c.date, c.role, c.public)
                    for c in parts["consultations"].get(pid, [])
                ],
                resolution=[
                    ResolutionItem(r.text, r.organization)
                    for r in parts["resolutions"].get(pid, [])
                ],
                finance=Finance(
                    impact=row.finance_impact,
                    in_budget=row.finance_in_budget,
                    amounts=[
                        Amount(a.value, a.currency, a.label, a.year, a.kind)
                        for a in parts["amounts"].get(pid, [])
                    ],
                ),
                products=[Product(p.number, p.name) for p in parts["products"].get(pid, [])],
                text=row.text,
            ),
        )


def paper_record(conn: Connection, paper_id: int) -> Record | None:
    """The stored record of one paper, None if there is no such paper."""
    return next((record for _, record in _paper_records(conn, [paper_id])), None)


def _grouped(conn: Connection, table: Any, paper_ids: list[int] | None) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    query = select(table).order_by(table.c.paper_id, table.c.position)
    if paper_ids is not None:
        query = query.where(table.c.paper_id.in_(paper_ids))
    for row in conn.execute(query):
        grouped.setdefault(row.paper_id, []).append(row)
    return grouped


@_database_errors
def status_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(schema.sources.c.status, func.count()).group_by(schema.sources.c.status)
        )
        return dict(rows.all())  # type: ignore[arg-type]


@_database_errors
def problems(engine: Engine) -> list[tuple[str, str, str, str]]:
    """(status, file name, reason, folder) of every document that failed or is partial."""
    s = schema.sources.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(s.status, s.name, s.error, s.path)
            .where(s.status.in_(["failed", "partial"]))
            .order_by(s.status, s.name)
        )
        return [(st, n, e or "", os.path.dirname(p)) for st, n, e, p in rows]
