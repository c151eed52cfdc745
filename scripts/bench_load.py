"""Measure how fast the store loads papers: records per second into SQLite and Postgres.

The records are real: the gold records of a corpus folder (default: the dev corpus copy in
tests/fixtures/dev), each with its document's text as raw and cleaned text, repeated under
new content hashes until there are --count of them. Each is saved the way `ratsinfo ingest`
saves it, one transaction per document, including the full-text index.

    .venv/bin/python scripts/bench_load.py --count 5000
    .venv/bin/python scripts/bench_load.py --db postgresql://postgres@127.0.0.1:5432/bench
"""

from __future__ import annotations

import argparse
import hashlib
import json
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from pipeline.db import store
from pipeline.model import Outcome, Record, SourceFile, Status

ROOT = Path(__file__).resolve().parent.parent


def corpus_outcomes(corpus: Path) -> list[Outcome]:
    """One outcome per gold record whose document is in corpus/docs."""
    outcomes = []
    for gold in sorted((corpus / "gold").glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        doc = corpus / "docs" / data["source"]
        if not doc.exists():
            continue
        body = doc.read_text(encoding="utf-8", errors="replace")
        record = Record.from_json(data)
        record.text = body
        outcomes.append(
            Outcome(
                source=SourceFile(doc, "", len(body)),
                status=Status.OK,
                record=record,
                pages=body.count("\f") + 1,
                raw_text=body,
            )
        )
    return outcomes


def copies(templates: list[Outcome], count: int) -> list[Outcome]:
    """`count` outcomes cycling through `templates`, each with its own path and hash."""
    made = []
    for i in range(count):
        t = templates[i % len(templates)]
        path = Path("/bench") / f"{i:07d}-{t.source.name}"
        sha = hashlib.sha256(str(path).encode()).hexdigest()
        made.append(
            Outcome(
                source=SourceFile(path, sha, t.source.size),
                status=t.status,
                record=t.record,
                pages=t.pages,
                raw_text=t.raw_text,
            )
        )
    return made


def bench(url: str, outcomes: list[Outcome], batch: int) -> tuple[float, float]:
    """Papers per second saved into `url`, `batch` documents per transaction: per second
    of wall-clock time, and per second of this process's CPU time (which other load on
    the machine does not change)."""
    engine = store.connect(url)
    run_id = store.start_run(engine, "bench", "bench_load")
    started, cpu = time.perf_counter(), time.process_time()
    for i in range(0, len(outcomes), batch):
        store.save_many(engine, outcomes[i : i + batch], run_id)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    with engine.connect() as conn:
        stored = conn.execute(text("select count(*) from papers")).scalar_one()
    assert stored == len(outcomes), (stored, len(outcomes))
    engine.dispose()
    return len(outcomes) / seconds, len(outcomes) / cpu


def fresh_postgres(url: str) -> str:
    """Drop and create the database named in `url`, so each run starts empty."""
    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'drop database if exists "{target.database}"'))
        conn.execute(text(f'create database "{target.database}"'))
    admin.dispose()
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL [default: a fresh temporary SQLite file]")
    parser.add_argument("--count", type=int, default=3000, help="papers to load")
    parser.add_argument(
        "--batch",
        type=int,
        action="append",
        help="documents per transaction; repeat to compare [default: 1 and 1000]",
    )
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "fixtures" / "dev")
    args = parser.parse_args()
    outcomes = copies(corpus_outcomes(args.corpus), args.count)
    chars = sum(len(o.record.text) for o in outcomes if o.record) / len(outcomes)
    for batch in args.batch or [1, 1000]:
        with tempfile.TemporaryDirectory() as tmp:
            url = args.db or f"sqlite:///{tmp}/bench.sqlite"
            backend = make_url(url).get_backend_name()
            if backend == "postgresql":
                fresh_postgres(url)
            rate, cpu_rate = bench(url, outcomes, batch)
        print(
            f"{backend}: {rate:,.0f} papers/s ({cpu_rate:,.0f} per CPU second),"
            f" {batch} per transaction"
            f" ({len(outcomes)} papers, {chars:,.0f} characters of text each)"
        )


if __name__ == "__main__":
    main()
