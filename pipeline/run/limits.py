"""limits: per-document time and memory limits, enforced by running documents in workers
that can be killed.

A hostile or broken file (a decompression bomb, a PDF whose page tree makes the parser
spin) must cost the batch one document, never the batch. Only a separate process can be
stopped from outside whatever it is doing, so each document runs in a worker process:

- time: the runner kills a worker whose document takes longer than `Limits.seconds`, and
  starts a fresh one;
- memory: each worker's address space is capped at `Limits.memory_mb` (RLIMIT_AS), so the
  kernel refuses the allocation that would exceed it; Python then raises MemoryError (the
  document fails with that reason) or the native library aborts (the worker dies, the
  document fails, a fresh worker takes over);
- pages: checked at the source, before any page is read (pipeline.read.reader).

Workers are long-lived and take one document at a time, so the pool stays as fast as a
plain process pool, and a worker that dies takes exactly one document with it. They are
forked from a fork server that has imported the pipeline once, so replacing a killed worker
costs milliseconds, and forking never copies the parent's threads or database connections.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import resource
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from pipeline.model import Outcome, SourceFile, Status

# Defaults, chosen for council papers: the slowest real paper (a 60-page scan, OCR'd at
# 300 dpi on one core) takes about a minute; a worker holding the pipeline uses ~450 MB
# of address space; budget plans (Haushaltspläne) run to well over a thousand pages.
DEFAULT_SECONDS = 600.0
DEFAULT_MEMORY_MB = 4096
DEFAULT_PAGES = 5000
# Below this the pipeline itself does not fit into a worker's address space.
MIN_MEMORY_MB = 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What one document may cost. None switches a limit off."""

    seconds: float | None = DEFAULT_SECONDS  # wall-clock time per document
    memory_mb: int | None = DEFAULT_MEMORY_MB  # address space of the worker reading it
    pages: int | None = DEFAULT_PAGES  # pages of a PDF

    @property
    def need_worker(self) -> bool:
        """Whether documents must run in a worker process (a hard limit needs one)."""
        return self.seconds is not None or self.memory_mb is not None


Task = Callable[[SourceFile], Outcome]
# A worker that dies this often before it is ready means workers cannot run at all.
_MAX_FAILED_STARTS = 3
# Documents handed to a worker ahead of the one it is reading, so it goes straight on to the
# next while the runner stores the last batch (a worker waiting for its next document was a
# tenth of a run's time).
AHEAD = 4


def run_limited(
    sources: Iterable[SourceFile],
    task: Task,
    workers: int,
    limits: Limits,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[Outcome]:
    """`task(source)` for every source in `workers` worker processes, under `limits`;
    the outcomes as they finish. Never raises for a document: one that is over its time,
    kills its worker or runs out of memory gets a failed Outcome with the reason.

    Each new worker first runs `warm_up` (loading what every document needs) and is given
    documents only when it is ready, so that loading never counts against a document's
    time. A worker holds up to AHEAD documents besides the one it reads; a document's time
    runs from when its worker starts it, and the documents queued behind one that kills its
    worker go back to the queue."""
    queue = deque(sources)
    if not queue:
        return
    context = _context()

    def start() -> _Worker:
        return _Worker(context, task, limits.memory_mb, warm_up)

    starting = {w.conn: w for w in (start() for _ in range(min(workers, len(queue))))}
    ready: dict[Connection, _Worker] = {}
    failed_starts = 0
    try:
        while queue or any(w.pending for w in ready.values()):
            _deal(queue, list(ready.values()), len(ready) + len(starting))
            if not ready and not starting:
                # Every worker died before it was ready: nothing can read the rest.
                for source in queue:
                    yield Outcome(source, Status.FAILED, errors=["worker process could not start"])
                return
            waiting = {**starting, **ready}
            ready_now = set(
                wait([*waiting, *(w.sentinel for w in waiting.values())], _timeout(ready, limits))
            )
            for conn, worker in list(starting.items()):
                if conn in ready_now or worker.sentinel in ready_now:
                    del starting[conn]
                    if worker.started_up():
                        ready[conn] = worker
                    else:
                        failed_starts += 1
                        if failed_starts < _MAX_FAILED_STARTS * max(1, workers):
                            new = start()
                            starting[new.conn] = new
            for conn, worker in list(ready.items()):
                if not worker.pending:
                    continue
                outcome = None
                if conn in ready_now or worker.sentinel in ready_now:
                    outcome = worker.outcome()
                if outcome is None and worker.over(limits.seconds):
                    outcome = worker.stop(f"over the time limit of {limits.seconds:g} s")
                if outcome is None:
                    continue
                if not worker.alive:
                    del ready[conn]
                    queue.extendleft(reversed(worker.pending))  # never started
                    worker.pending.clear()
                    if queue:
                        new = start()
                        starting[new.conn] = new
                yield outcome
    finally:
        for worker in [*starting.values(), *ready.values()]:
            worker.close()


def _deal(queue: deque[SourceFile], ready: list[_Worker], workers: int) -> None:
    """Hand out documents one per worker in turn, until each holds its share: at most
    AHEAD besides the one it reads, and no more than an even share of what is left, so the
    last documents of a batch (or a few long scans) are spread over all workers."""
    if not queue or not ready:
        return
    left = len(queue) + sum(len(w.pending) for w in ready)
    share = min(AHEAD + 1, -(-left // max(1, workers)))
    while queue:
        takers = [w for w in ready if len(w.pending) < share]
        if not takers:
            return
        for worker in takers:
            if not queue:
                return
            worker.give(queue.popleft())


def _timeout(ready: dict[Connection, _Worker], limits: Limits) -> float | None:
    """Seconds until the first document being read is over its time."""
    reading = [w for w in ready.values() if w.pending]
    if limits.seconds is None or not reading:
        return None
    now = time.monotonic()
    return max(0.0, min(w.started + limits.seconds - now for w in reading))


class _Worker:
    """One worker process, its end of the pipe and the documents it was given."""

    def __init__(
        self,
        context: Any,
        task: Task,
        memory_mb: int | None,
        warm_up: Callable[[], None] | None = None,
    ):
        self.memory_mb = memory_mb
        self.conn: Connection
        self.conn, child = context.Pipe()
        self.process: Any = context.Process(
            target=_serve, args=(child, task, memory_mb, warm_up), daemon=True
        )
        self.process.start()
        child.close()
        # Given and not finished, in order: the first is the one being read.
        self.pending: deque[SourceFile] = deque()
        self.started = 0.0  # when the first of `pending` was started

    @property
    def sentinel(self) -> int:
        return int(self.process.sentinel)

    @property
    def alive(self) -> bool:
        return bool(self.process.is_alive())

    def started_up(self) -> bool:
        """Whether the worker said it is ready (False: it died while starting)."""
        try:
            self.conn.recv()
            return True
        except (EOFError, OSError):
            self.close()
            return False

    def give(self, source: SourceFile) -> None:
        if not self.pending:
            self.started = time.monotonic()
        self.pending.append(source)
        self.conn.send(source)

    def over(self, seconds: float | None) -> bool:
        return (
            seconds is not None
            and bool(self.pending)
            and time.monotonic() - self.started >= seconds
        )

    def outcome(self) -> Outcome | None:
        """The first pending document's outcome, once finished (the worker goes straight on
        to the next); a failed one if the worker died reading it."""
        if self.conn.poll():
            try:
                result: Outcome = self.conn.recv()
                result.source = self.pending.popleft()  # the worker sends it without
                self.started = time.monotonic()
                return result
            except (EOFError, OSError):
                pass  # the worker died mid-message: handled below
        elif self.alive:
            return None
        self.process.join()
        return self.stop(f"worker process died while reading this document ({self._death()})")

    def stop(self, reason: str) -> Outcome:
        """Kill the worker and everything it started (Tesseract); the document it was
        reading fails. The documents queued behind it stay in `pending`."""
        self.close(kill=True)
        return Outcome(source=self.pending.popleft(), status=Status.FAILED, errors=[reason])

    def close(self, kill: bool = False) -> None:
        """Stop the worker: closing the pipe ends an idle one; `kill` ends a busy one."""
        self.conn.close()
        if kill and self.process.is_alive():
            # The worker leads its own process group: this also ends Tesseract runs.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def _death(self) -> str:
        code = self.process.exitcode
        if code is None or code >= 0:
            return f"exit code {code}"
        name = signal.Signals(-code).name
        if self.memory_mb is not None and name in ("SIGABRT", "SIGSEGV", "SIGBUS"):
            # Native code (pdfium) that cannot allocate under the address-space limit aborts.
            return f"{name}, perhaps over the memory limit of {self.memory_mb} MB"
        if name == "SIGKILL":
            return f"{name}, perhaps by the system's out-of-memory killer"
        return name


def _serve(
    conn: Connection, task: Task, memory_mb: int | None, warm_up: Callable[[], None] | None
) -> None:
    """A worker's life: warm up, say so, then take a document and send back its outcome,
    until the pipe closes."""
    os.setpgrp()  # own process group, so the runner can end Tesseract runs along with us
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the runner's to handle
    if memory_mb is not None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if warm_up is not None:
        # What fails here (a missing lexicon) fails again, with its reason, per document.
        with contextlib.suppress(Exception):
            warm_up()
    # What is loaded stays for the worker's life: kept out of the garbage collector's scans
    # (4% of a document's time) and out of the pages it would otherwise write to.
    gc.freeze()
    conn.send(None)
    while True:
        try:
            source = conn.recv()
        except (EOFError, OSError):
            return  # the runner is done (or gone)
        outcome = task(source)
        # Sent without its source, which the runner holds (_Worker.outcome puts it back):
        # unpickled, its path was parsed again, a tenth of the runner's time per document.
        outcome.source = None  # type: ignore[assignment]
        conn.send(outcome)


def start_fork_server() -> None:
    """Start the fork server now, in the background. It loads the pipeline (about 1.5 s)
    while the caller opens the database and hashes the files, instead of after; the
    workers run_limited starts are forked from it. Calling it again does nothing."""
    from multiprocessing import forkserver

    _context()  # sets the preload
    forkserver.ensure_running()


def _context() -> Any:
    """The fork server: it imports the pipeline and loads its resources once
    (pipeline.run.preload), and forks each worker from that warm, single-threaded state (forking
    the runner itself would copy its threads and locks)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.run.preload"])
    return context
