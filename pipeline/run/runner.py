"""The runner: composes the stages, one document at a time, and the batch around them.

    discover -> read -> clean -> segment -> extract -> load

pipeline.run.document.process runs the per-document stages (read to extract) and always
returns an Outcome; `ingest` decides what needs doing, fans documents out to worker
processes, and loads each outcome in its own transaction as it arrives. The stages are
imported only when there is a document to process, so a run with nothing to do (a re-run
on an unchanged corpus) starts in a fraction of the time.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from pipeline import __version__
from pipeline.db import store
from pipeline.model import Outcome, SourceFile, Status, identity
from pipeline.read.discover import discover
from pipeline.run.limits import Limits, run_limited, start_fork_server


@dataclass
class Summary:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    partial: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # not read: (path, why)

    def count(self, outcome: Outcome, kind: str) -> None:
        """Count one finished document; `kind` is "new" or "updated" (see plan)."""
        if outcome.status is Status.FAILED:
            self.failed += 1
            self.failures.append((outcome.source.name, outcome.errors[0]))
            return
        setattr(self, kind, getattr(self, kind) + 1)
        self.partial += outcome.status is Status.PARTIAL

    @property
    def total(self) -> int:
        return self.new + self.unchanged + self.updated + self.failed

    def line(self) -> str:
        text = (
            f"{self.total} documents: {self.new} new, {self.unchanged} unchanged, "
            f"{self.updated} updated, {self.failed} failed"
        )
        if self.partial:
            text += f" ({self.partial} with warnings)"
        return text


Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class Plan:
    """What a batch needs: documents to process ((source, "new" | "updated") pairs), how
    many are unchanged, and copies: files whose bytes another file of the batch or of the
    database holds, each with that file (see plan)."""

    todo: list[tuple[SourceFile, str]] = field(default_factory=list)
    unchanged: int = 0
    copies: list[tuple[SourceFile, SourceFile | store.Known]] = field(default_factory=list)


def plan(
    sources: Iterable[SourceFile],
    engine: Engine,
    force: bool,
    on_work: Callable[[], None] | None = None,
) -> Plan:
    """What needs processing.

    Unchanged content is skipped (a renamed file keeps its row under the new path); a path
    whose content or OParl metadata changed is "updated". The same bytes under a second
    path, while the first is still there, are a copy: read once, under the first path (the
    one stored, else the first found), and the copy stands by it: unchanged when the first
    is fine, failed with its reason when the first failed, and failed as a conflict when
    the copy's OParl metadata is another (two papers cannot share one stored file; the one
    stored never flips between them). `on_work` is called once, as soon as a document
    needs doing."""
    known = store.known_sources(engine)
    paths = store.known_paths(engine)
    result = Plan()
    planned: dict[str, SourceFile] = {}
    for source in sources:
        here = identity(source.path)
        stored = known.get(source.sha256)
        if source.sha256 in planned:
            result.copies.append((source, planned[source.sha256]))
            continue
        if stored is not None and stored.path != here and os.path.exists(stored.path):
            result.copies.append((source, stored))
            continue
        if stored is not None and not force and stored.metadata_sha256 == source.metadata_sha256:
            if stored.path != here:
                store.move_source(engine, stored.id, source.path)
            result.unchanged += 1
            continue
        was_there = here in paths or stored is not None
        result.todo.append((source, "updated" if was_there else "new"))
        planned[source.sha256] = source
        if on_work is not None and len(result.todo) == 1:
            on_work()
    return result


def copy_outcome(
    copy: SourceFile, original: SourceFile | store.Known, fared: Outcome | None
) -> Outcome:
    """What a copy's row says (see plan), given its original and how that fared in this
    batch (`fared`; None for an original stored before): failed with the reason, or the
    original's status when the copy needs no row of its own."""
    if isinstance(original, SourceFile):
        name, meta = original.name, original.metadata_sha256
        status = fared.status if fared is not None else Status.OK
        error = fared.errors[0] if fared is not None and fared.errors else ""
    else:
        name, meta = Path(original.path).name, original.metadata_sha256
        status, error = Status(original.status), original.error or ""
    if copy.metadata_sha256 != meta:
        reason = (
            f"the same bytes as {name} with other OParl metadata: a file is stored once,"
            f" with {name}'s metadata (give each paper its own file)"
        )
    elif status is Status.FAILED:
        reason = f"the same bytes as {name}, which failed: {error.splitlines()[0] if error else ''}"
    else:
        return Outcome(source=copy, status=status)
    # Its own row, beside the original's (whose content key it cannot share): keyed by a
    # stand-in for its content, so the copy is listed by `ratsinfo status`.
    stand_in = hashlib.sha256(b"copy\0" + identity(copy.path).encode("utf-8", "replace"))
    row = dataclasses.replace(copy, sha256=stand_in.hexdigest(), mtime_ns=None)
    return Outcome(source=row, status=Status.FAILED, errors=[reason])


def ingest(
    paths: Iterable[Path],
    engine: Engine,
    *,
    workers: int | None = None,
    force: bool = False,
    use_ocr: bool = True,
    progress: Progress | None = None,
    limits: Limits | None = None,
    dask: str | None = None,
    follow_links: bool = False,
) -> Summary:
    """Bring the database up to date with the documents under `paths`, each document
    under `limits` (default: pipeline.run.limits' defaults).

    With `dask` (a scheduler address) the documents are processed and stored by the
    workers of that Dask cluster (see pipeline.run.distributed), else by local processes."""
    run_id = store.start_run(engine, __version__, "ingest " + " ".join(map(str, paths)))
    limits = limits or Limits()
    # The workers start loading the pipeline at the first document to do, while the rest of
    # the batch is hashed and planned.
    early = functools.partial(start_workers_early, workers, limits, dask)
    # Files unchanged by size and modification time are not read again (--force reads all).
    known = None if force else store.known_files(engine)
    skipped: list[tuple[Path, str]] = []
    found = discover(paths, known, follow_links=follow_links, skipped=skipped)
    planned = plan(found, engine, force, on_work=early)
    todo = planned.todo
    summary = Summary(unchanged=planned.unchanged, skipped=skipped)
    kinds = {source.sha256: kind for source, kind in todo}
    sources = [s for s, _ in todo]
    fared: dict[str, Outcome] = {}
    with contextlib.ExitStack() as stack:
        batch: _Batch | None = None
        if not sources:
            outcomes: Iterable[Outcome] = []  # nothing to do: the stages are not even imported
        elif dask is None:
            batch = stack.enter_context(_Batch(engine, run_id))
            # SQLite's search index wants each paper's stems: the workers make them.
            stem = engine.dialect.name == "sqlite"
            outcomes = _outcomes(sources, workers, use_ocr, limits, stem)
        else:
            from pipeline.run import distributed  # Dask is imported only when asked for

            outcomes = distributed.outcomes(dask, sources, engine, run_id, use_ocr, limits.pages)
        for done, outcome in enumerate(outcomes, 1):
            # Counted as stored: a document the database refused counts as failed.
            for stored in batch.add(outcome) if batch is not None else [outcome]:
                summary.count(stored, kinds[stored.source.sha256])
                fared[stored.source.sha256] = stored
            if progress:
                progress(done, len(todo))
        if batch is not None:
            for stored in batch.close():
                summary.count(stored, kinds[stored.source.sha256])
                fared[stored.source.sha256] = stored
    _settle_copies(engine, run_id, planned.copies, fared, summary)
    store.finish_run(
        engine,
        run_id,
        {
            "new": summary.new,
            "unchanged": summary.unchanged,
            "updated": summary.updated,
            "failed": summary.failed,
        },
    )
    return summary


def _settle_copies(
    engine: Engine,
    run_id: int,
    copies: list[tuple[SourceFile, SourceFile | store.Known]],
    fared: dict[str, Outcome],
    summary: Summary,
) -> None:
    """Store what each copy (see plan) says once its original is done: a failed copy gets
    its own row (counted failed the first time, unchanged after), a fine one none."""
    if not copies:
        return
    rows = store.known_paths(engine)
    failed: list[Outcome] = []
    fine: list[Outcome] = []
    for copy, original in copies:
        was = fared.get(original.sha256) if isinstance(original, SourceFile) else None
        outcome = copy_outcome(copy, original, was)
        (failed if outcome.status is Status.FAILED else fine).append(outcome)
    store.forget(engine, [o.source.path for o in fine])
    summary.unchanged += len(fine)
    for stored in store.save_many(engine, failed, run_id):
        if rows.get(identity(stored.source.path)) == stored.source.sha256:
            summary.unchanged += 1  # its row says so since an earlier run
        else:
            summary.count(stored, "new")


class _Batch:
    """Outcomes on their way to the database: saved together (each document still atomic,
    see store.save_many) once there are `size` of them or `seconds` have passed, because
    one commit per document costs more than storing the document.

    A writer thread stores the batches, so the runner goes on taking outcomes from the
    workers and handing them documents while a batch is written: when the runner stored
    them itself, a worker went without a next document for 1.5% of its time on local
    SQLite (0.4% now), and a database further away (Postgres over a network) would starve
    the workers for longer. The database drivers let go of the GIL while the database
    works. At most two batches wait for the writer; beyond that `add` waits, and with it
    the workers, so a slow database holds the batch back rather than filling memory. A
    database error is raised by the next `add` or by `close`."""

    def __init__(self, engine: Engine, run_id: int, size: int = 32, seconds: float = 1.0):
        self.engine, self.run_id, self.size, self.seconds = engine, run_id, size, seconds
        self.outcomes: list[Outcome] = []
        self.since = time.monotonic()
        self._waiting: queue.Queue[list[Outcome] | None] = queue.Queue(maxsize=2)
        self._stored: queue.SimpleQueue[list[Outcome]] = queue.SimpleQueue()
        self._error: Exception | None = None
        self._writer = threading.Thread(target=self._write, name="ratsinfo-writer", daemon=True)
        self._writer.start()

    def __enter__(self) -> _Batch:
        return self

    def __exit__(self, error: type[BaseException] | None, *_: object) -> None:
        self._join()
        if error is None:
            self._raise()

    def add(self, outcome: Outcome) -> list[Outcome]:
        """Queue `outcome`; returns the outcomes stored since the last call, as stored."""
        self.outcomes.append(outcome)
        if len(self.outcomes) >= self.size or time.monotonic() - self.since >= self.seconds:
            self._hand_over()
        return self._taken()

    def close(self) -> list[Outcome]:
        """Store what is queued and wait for the writer; returns what it stored since the
        last call, as stored (see store.save_many)."""
        if self.outcomes:
            self._hand_over()
        self._join()
        return self._taken()

    def _hand_over(self) -> None:
        self._raise()
        self._waiting.put(self.outcomes)
        self.outcomes, self.since = [], time.monotonic()

    def _write(self) -> None:
        # After an error, the writer goes on taking batches (and drops them), so that the
        # runner never waits on a full queue for a writer that is gone.
        while (outcomes := self._waiting.get()) is not None:
            if self._error is None:
                try:
                    self._stored.put(store.save_many(self.engine, outcomes, self.run_id))
                except Exception as e:  # DatabaseError, or a bug: raised in the runner
                    self._error = e

    def _taken(self) -> list[Outcome]:
        self._raise()
        stored: list[Outcome] = []
        while not self._stored.empty():
            stored += self._stored.get()
        return stored

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def _join(self) -> None:
        if self._writer.is_alive():
            self._waiting.put(None)
            self._writer.join()


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def start_workers_early(workers: int | None, limits: Limits, dask: str | None) -> None:
    """Where ingest will run documents in local worker processes, have them load the
    pipeline now, in the background, while the runner prepares the batch (see
    limits.start_fork_server). Calling it again does nothing."""
    if dask is None and _in_workers(workers, limits):
        start_fork_server()


def _in_workers(workers: int | None, limits: Limits) -> bool:
    return (workers or default_workers()) > 1 or limits.need_worker


def _outcomes(
    sources: list[SourceFile], workers: int | None, use_ocr: bool, limits: Limits, stem: bool
) -> Iterator[Outcome]:
    """Outcomes as they finish, each document under `limits` (see pipeline.run.limits): in
    worker processes that can be stopped, one document at a time each, so memory does not
    grow with the batch. Without time and memory limits one worker runs in-process."""
    from pipeline.run.document import process, warm_up

    workers = workers or default_workers()
    # The cores are shared out: each worker OCRs with its share of Tesseract processes, so a
    # batch of scans neither oversubscribes the cores nor holds a Tesseract per core per
    # worker in memory.
    ocr_processes = max(1, default_workers() // workers)
    task = functools.partial(
        process, use_ocr=use_ocr, max_pages=limits.pages, ocr_processes=ocr_processes, stem=stem
    )
    if not _in_workers(workers, limits):
        yield from map(task, sources)
        return
    yield from run_limited(sources, task, workers, limits, warm_up)
