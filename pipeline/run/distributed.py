"""distributed: the per-document stages as tasks on a Dask cluster (`ingest --dask ADDRESS`).

Imported only when --dask is given, so Dask is an optional extra (`pip install
'ratsinfo[dask]'`). The client plans the batch as usual (what is new, changed, unchanged)
and sends the documents to the cluster in chunks; each task reads, cleans and extracts
its chunk on a worker and loads the outcomes into the shared database itself, with
store.save_many, which is safe from many processes at once. Only a small receipt per
document (status, pages, errors) travels back, so neither the client nor its link to the
cluster limits how far the work scales.

What the workers need: the documents at the same path as the client sees them (a shared
file system), the database URL reachable from every worker (a shared Postgres; SQLite only
when all workers are on the client's machine), and ratsinfo installed in the same version.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from concurrent.futures import CancelledError
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from pipeline.db import store
from pipeline.errors import ClusterError
from pipeline.model import Outcome, SourceFile, Status
from pipeline.run.document import process

# Documents per task: enough that a task's scheduling and its database transaction cost
# little against its work, few enough that the cluster's workers share the batch evenly.
CHUNK = 8
# Tasks queued per worker thread beyond the ones running, so no worker waits for the next.
QUEUED_PER_THREAD = 2
CONNECT_TIMEOUT = "10s"


def outcomes(
    address: str,
    sources: list[SourceFile],
    engine: Engine,
    run_id: int,
    use_ocr: bool,
    max_pages: int | None = None,
) -> Iterator[Outcome]:
    """Process and store `sources` on the Dask cluster at `address`; a receipt per document
    (its Outcome without record, text or corrections) as its chunk finishes. The page limit
    applies on the workers; time and memory are bounded by Dask's own worker settings
    (`dask worker --memory-limit`), since a task cannot be stopped from outside.

    Raises ClusterError when the scheduler cannot be reached or Dask is not installed; a
    DatabaseError raised on a worker arrives here as it is."""
    try:
        from distributed import Client, KilledWorker, as_completed
    except ImportError as e:
        raise ClusterError("--dask needs Dask distributed: pip install 'ratsinfo[dask]'") from e
    url = _shared_url(engine)
    sources = [_absolute(s) for s in sources]
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {e}") from e
    with client:
        threads = max(1, sum(client.nthreads().values()))
        chunks = iter(_chunks(sources, CHUNK))
        running = as_completed(loop=client.loop)
        submitted: dict[Any, list[SourceFile]] = {}  # future key -> its chunk

        def submit(count: int) -> None:
            for chunk in itertools.islice(chunks, count):
                future = client.submit(
                    run_chunk, chunk, url, run_id, use_ocr, max_pages, pure=False
                )
                submitted[future.key] = chunk
                running.add(future)

        submit(threads * (1 + QUEUED_PER_THREAD))
        for future in running:
            chunk = submitted.pop(future.key)
            try:
                yield from future.result()
            except (KilledWorker, CancelledError) as e:
                # The worker died (a crash in a native library) on every try the
                # scheduler allowed: the chunk's documents fail, the batch goes on.
                reason = f"Dask worker died while processing this document ({type(e).__name__})"
                yield from (Outcome(source=s, status=Status.FAILED, errors=[reason]) for s in chunk)
            submit(1)


def run_chunk(
    chunk: list[SourceFile], url: str, run_id: int, use_ocr: bool, max_pages: int | None = None
) -> list[Outcome]:
    """On a worker: process the documents, store them in one transaction, return receipts."""
    # One Tesseract process at a time: the cluster runs one worker process per core.
    done = [process(source, use_ocr, max_pages, ocr_processes=1) for source in chunk]
    return [_receipt(o) for o in store.save_many(_engine(url), done, run_id)]


@functools.cache
def _engine(url: str) -> Engine:
    """One engine (and connection pool) per worker process and database."""
    return store.connect(url)


def _receipt(outcome: Outcome) -> Outcome:
    """What the client needs to count and report an outcome, without its bulk."""
    return Outcome(
        source=outcome.source,
        status=outcome.status,
        errors=outcome.errors,
        pages=outcome.pages,
        ocr_used=outcome.ocr_used,
        encoding=outcome.encoding,
        seconds=outcome.seconds,
    )


def _shared_url(engine: Engine) -> str:
    """The engine's URL as the workers must use it: with its password, and a SQLite file
    as an absolute path (a worker's working directory is not the client's)."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            raise ClusterError("--dask needs a database the workers can reach, not in-memory")
        url = url.set(database=str(Path(database).resolve()))
    return make_url(url).render_as_string(hide_password=False)


def _absolute(source: SourceFile) -> SourceFile:
    return SourceFile(path=source.path.resolve(), sha256=source.sha256, size=source.size)


def _chunks(sources: list[SourceFile], size: int) -> Iterator[list[SourceFile]]:
    for start in range(0, len(sources), size):
        yield sources[start : start + size]
