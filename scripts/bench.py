#!/usr/bin/env python3
"""Throughput benchmark: generate a corpus of council-paper PDFs and measure the pipeline.

The corpus is made from real council-paper texts (default: the dev corpus copy in
tests/fixtures/dev; `make bench` uses the 1,500 Karlsruhe papers when they are there): each
generated paper has a header form and a Beratungsfolge table built from the paper's gold
record (tab-separated cells, laid out as aligned columns), the paper's own text, and
further papers' texts as attachments until it has 2 to 6 pages; umlauts, € and amounts come
with the texts. A small share of papers are scans: their pages are rendered to images and
put into image-only PDFs, so they go through OCR.

Measured in one run, on the same files:
- the floor: pypdfium2's plain text extraction alone, pages/s, measured before and after the
  runs on one core (the per-page ratios divide by the mean of the two);
- `ratsinfo ingest` with 1 worker and with all cores (born-digital papers), pages/s and
  papers/s, its peak memory, and a re-run on the unchanged corpus;
- the scanned papers, ingested with all cores (OCR pages/s);
- the cost of each stage (read, clean, quality, segment, extract, load) on a sample.

Prints a table and writes the figures as JSON (for comparison over time).

    .venv/bin/python scripts/bench.py --papers 1000 --out data/processed/bench/bench.json
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import datetime as dt
import io
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil
import pypdfium2 as pdfium
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench_html  # noqa: E402
from make_sample_pdfs import text_to_pdf  # noqa: E402

from extractors import registry  # noqa: E402
from pipeline.clean.cleaner import clean  # noqa: E402
from pipeline.db import compounds, store  # noqa: E402
from pipeline.model import Outcome, Parsed, SourceFile, Status  # noqa: E402
from pipeline.read.discover import sha256_of  # noqa: E402
from pipeline.read.quality import is_garbage  # noqa: E402
from pipeline.read.reader import read  # noqa: E402
from pipeline.run import runner  # noqa: E402
from pipeline.run.document import warm_up  # noqa: E402
from pipeline.segment import segment  # noqa: E402

# Bump when the generated corpus changes, so an old one on disk is made again.
GENERATOR_VERSION = 3
MIN_PAGES, MAX_PAGES = 2, 6
# Characters of text generated per page wanted (more than fits; the layout cuts the rest).
CHARS_PER_PAGE = 6000
SCAN_DPI = 200
SCAN_PAGES = 2
MIB = 1 << 20


# --- the corpus ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Template:
    text: str
    gold: dict[str, Any] | None


def templates(texts: Path) -> list[Template]:
    """The papers of a corpus folder (docs/*.txt, with gold/*.json where there is one).

    Texts with a stretch of OCR garbage, or of words run together without spaces (8 of
    the 1,500 Karlsruhe texts), are left out: as a text layer they send their pages to OCR,
    and the born-digital figures would measure Tesseract."""
    found = []
    for doc in sorted((texts / "docs").glob("*.txt")):
        text = doc.read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        if any(is_garbage("\n".join(lines[i : i + 40])) for i in range(0, len(lines), 40)):
            continue
        gold_file = texts / "gold" / f"{doc.stem}.json"
        gold = json.loads(gold_file.read_text(encoding="utf-8")) if gold_file.exists() else None
        found.append(Template(text, gold))
    if not found:
        raise SystemExit(f"no texts in {texts / 'docs'}")
    return found


def header_form(gold: dict[str, Any] | None, serial: int) -> str:
    """A RIS header form and Beratungsfolge table, cells separated by TAB, from a record."""
    gold = gold or {}
    rows = [
        (gold.get("body") or "Stadt Musterstadt", gold.get("paper_type") or "Vorlage"),
        ("Vorlage Nr.:", gold.get("reference") or f"{serial}/2025"),
        ("Lfd. Nr.:", str(serial)),  # every generated paper is different content
        ("Datum:", _german_date(gold.get("date"))),
        ("Federführend:", gold.get("department")),
        ("Betreff:", gold.get("name")),
    ]
    lines = ["\t".join(row) for row in rows if row[1]]
    consultations = gold.get("consultations") or []
    if consultations:
        lines += ["", "Beratungsfolge:", "Gremium\tSitzungsdatum\tZuständigkeit\tStatus"]
        for c in consultations:
            public = {True: "öffentlich", False: "nichtöffentlich"}.get(c.get("public"), "")
            lines.append(
                "\t".join(
                    [c["organization"], _german_date(c.get("date")), c.get("role") or "", public]
                ).rstrip("\t")
            )
    return "\n".join(lines) + "\n\n"


def _german_date(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d.%m.%Y") if iso else ""


def paper_text(serial: int, pool: list[Template], pages: int) -> str:
    """Paper `serial`'s text: its form and text, then attachments until `pages` are full."""
    first = pool[serial % len(pool)]
    parts = [header_form(first.gold, serial) + first.text]
    other = serial + 1
    while sum(map(len, parts)) < pages * CHARS_PER_PAGE:
        parts.append(f"Anlage {len(parts)}\n\n" + pool[other % len(pool)].text)
        other += 1
    return "\f".join(parts)


def scan(pdf_path: Path, out: Path) -> int:
    """An image-only copy of a PDF: each page rendered at SCAN_DPI, grey. Returns pages."""
    document = pdfium.PdfDocument(pdf_path)
    pdf = canvas.Canvas(str(out), pagesize=A4, invariant=1)
    width, height = A4
    for page in document:
        image = page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width, height)
        pdf.showPage()
        page.close()
    count = len(document)
    document.close()
    pdf.save()
    return count


def make_corpus(folder: Path, texts: Path, papers: int, scans: int) -> dict[str, Any]:
    """Generate (or reuse, when made with the same settings) the corpus in `folder`."""
    manifest_file = folder / "manifest.json"
    wanted = {
        "version": GENERATOR_VERSION,
        "papers": papers,
        "scans": scans,
        "texts": str(texts.resolve()),
    }
    if manifest_file.exists():
        manifest = json.loads(manifest_file.read_text())
        if {k: manifest.get(k) for k in wanted} == wanted:
            return manifest
    pool = templates(texts)
    for sub in ("digital", "scanned"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        for old in (folder / sub).glob("*.pdf"):
            old.unlink()
    started = time.perf_counter()
    pages = 0
    for serial in range(papers):
        count = MIN_PAGES + serial % (MAX_PAGES - MIN_PAGES + 1)
        out = folder / "digital" / f"paper-{serial:06d}.pdf"
        pages += text_to_pdf(paper_text(serial, pool, count), out, max_pages=count)
    scanned_pages = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(scans):
            serial = papers + k
            digital = Path(tmp) / "digital.pdf"
            text_to_pdf(paper_text(serial, pool, SCAN_PAGES), digital, max_pages=SCAN_PAGES)
            scanned_pages += scan(digital, folder / "scanned" / f"scan-{serial:06d}.pdf")
    manifest = {
        **wanted,
        "pages": pages,
        "scanned_pages": scanned_pages,
        "generated_seconds": round(time.perf_counter() - started, 1),
    }
    manifest_file.write_text(json.dumps(manifest, indent=1))
    return manifest


# --- measurements -------------------------------------------------------------------------


def floor(files: list[Path]) -> dict[str, Any]:
    """pypdfium2's plain text extraction alone: the fastest a PDF's text can be had."""
    with Steal() as steal:
        started, cpu, pages = time.perf_counter(), time.process_time(), 0
        for path in files:
            pdf = pdfium.PdfDocument(path)
            for page in pdf:
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
                pages += 1
            pdf.close()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "pages": pages,
        "pages_per_s": pages / seconds,
        "steal": steal.share,
    }


def _spin(loops: int) -> float:
    """A fixed amount of pure Python work; returns the seconds it took."""
    started, total = time.perf_counter(), 0
    for i in range(loops):
        total += i % 7
    return time.perf_counter() - started


def machine_scaling(workers: int, loops: int = 20_000_000) -> dict[str, float]:
    """What this machine gives `workers` processes at once: the same pure-Python job run
    alone, then as `workers` copies side by side, then alone again. On a virtual machine
    whose cores are shared with other guests this is often well below `workers`, and it
    changes from minute to minute; it is the ceiling for the all-cores speedup of the same
    round."""
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        alone = [pool.apply(_spin, (loops,))]
        together = pool.map(_spin, [loops] * workers, chunksize=1)
        alone.append(pool.apply(_spin, (loops,)))
    return {
        "alone_seconds": min(alone),
        "together_seconds": max(together),
        "scaling": scaling(workers, alone, together),
    }


def scaling(workers: int, alone: list[float], together: list[float]) -> float:
    """How many times one process's work `workers` processes did in the same time: the job
    alone at its fastest (a slow moment would inflate the figure) against the slowest of
    the copies side by side (the batch is done when the last one is)."""
    return workers * min(alone) / max(together)


STAGES = ("read", "clean", "quality", "segment", "extract", "load")


def stage_costs(files: list[Path], url: str) -> dict[str, Any]:
    """CPU seconds per stage over `files`, in this process, done as
    pipeline.run.document.process does them; then the outcomes are loaded into `url` as
    ingest loads them (batches of 32). CPU time, not wall-clock time: other load on the
    machine changes it far less. Loading the lexicon, spaCy and dateparser is left out
    (workers do it once, before their first document: see `startup`), and so is loading
    the word list of the search index's compound splitter (the runner does it once)."""
    warm_up()
    compounds.split("Schulsporthalle")
    spent = dict.fromkeys(STAGES, 0.0)
    outcomes, pages = [], 0
    geometry_pages = boxed_pages = 0  # pages whose drawing was looked at, and had boxes
    ruled_pages = 0  # pages read again by pdfplumber for a ruled Beratungsfolge table
    for path in files:
        source = SourceFile(path, sha256_of(path), path.stat().st_size)
        t0 = time.process_time()
        result = read(source)
        t1 = time.process_time()
        cleaned = clean(result.text)
        t2 = time.process_time()
        is_garbage(cleaned.text)
        t3 = time.process_time()
        sections = segment(cleaned.text)
        t4 = time.process_time()
        parsed = Parsed(source.name, cleaned.text, cleaned.text.split("\f"), sections)
        record, errors = registry.extract(parsed)
        t5 = time.process_time()
        marks = (t0, t1, t2, t3, t4, t5)
        for stage, start, end in zip(STAGES, marks, marks[1:], strict=False):
            spent[stage] += end - start
        pages += len(result.pages)
        geometry_pages += result.geometry_pages
        boxed_pages += result.boxed_pages
        ruled_pages += result.ruled_pages
        outcomes.append(
            Outcome(source, Status.OK, record, errors, len(result.pages), raw_text=cleaned.raw)
        )
    engine = store.connect(url)
    run_id = store.start_run(engine, "bench", "bench stages")
    started = time.process_time()
    for i in range(0, len(outcomes), 32):
        store.save_many(engine, outcomes[i : i + 32], run_id)
    spent["load"] = time.process_time() - started
    engine.dispose()
    total = sum(spent.values())
    return {
        "papers": len(files),
        "pages": pages,
        "load_papers_per_s": len(files) / spent["load"],
        "geometry_pages": geometry_pages,
        "boxed_pages": boxed_pages,
        "ruled_pages": ruled_pages,
        "stages": {
            stage: {
                "seconds": round(seconds, 3),
                "ms_per_page": round(1000 * seconds / pages, 3),
                "share": round(seconds / total, 3),
            }
            for stage, seconds in spent.items()
        },
    }


def ingest(
    folder: Path | list[Path], url: str, workers: int, cpus: set[int] | None = None
) -> dict[str, Any]:
    """`ratsinfo ingest` as a user runs it: wall-clock seconds, CPU seconds and peak
    memory of the process and its workers (sampled every 0.1 s: CPU as the last reading of
    each process, so a worker's is counted even though no one waits for it; PSS counts
    pages shared after fork once). `cpus`: run it, and all it starts, on these CPUs only.
    `runner_cpu_seconds` is the runner's own share: the process that stores every outcome."""
    paths = [str(p) for p in (folder if isinstance(folder, list) else [folder])]
    command = [str(Path(sys.executable).parent / "ratsinfo"), "ingest", *paths]
    command += ["--db", url, "--workers", str(workers)]

    def pin() -> None:
        if cpus is not None:
            os.sched_setaffinity(0, cpus)

    with tempfile.TemporaryFile() as out, Steal() as steal:
        started = time.perf_counter()
        process = psutil.Popen(command, stdout=out, stderr=subprocess.STDOUT, preexec_fn=pin)
        peak = {"pss": 0, "rss": 0}
        cpu: dict[int, float] = {}
        done = threading.Event()

        def sample() -> None:
            # In a thread, so that the run's end is seen at once, not at the next sample.
            while not done.is_set():
                processes = [process, *_children(process)]
                pss, rss = _memory(processes)
                peak["pss"], peak["rss"] = max(peak["pss"], pss), max(peak["rss"], rss)
                cpu.update(_cpu(processes))
                done.wait(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        process.wait()
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        peak_pss, peak_rss = peak["pss"], peak["rss"]
        out.seek(0)
        printed = out.read().decode("utf-8", "replace")
    if process.returncode not in (0, 2):
        raise SystemExit(f"ingest failed ({process.returncode}):\n{printed}")
    return {
        "seconds": seconds,
        "cpu_seconds": round(sum(cpu.values()), 3),
        "runner_cpu_seconds": round(cpu.get(process.pid, 0.0), 3),
        "processes": len(cpu),
        "peak_pss_mib": round(peak_pss / MIB, 1),
        "peak_process_rss_mib": round(peak_rss / MIB, 1),
        "summary": printed.strip().splitlines()[0] if printed.strip() else "",
        "steal": steal.share,
    }


def worker_scaling(files: list[Path], cpus: list[int]) -> dict[str, Any]:
    """The ceiling of the all-cores run's per-document work on this machine: `files` dealt
    into one share per CPU of `cpus`, each share put through the per-document stages (read
    to extract, as a worker does) by a process forked from one that loaded the pipeline, as
    ingest's workers are, and held to its CPU: each share alone (the faster of a run before
    and one after), and all at once.
    No runner, no storing, no pipes: `scaling` is what the cores give the workers at best.
    Measured in a child process, so the bench itself never holds the pipeline meanwhile."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_worker_scaling, args=(files, cpus, send))
    child.start()
    send.close()
    result: dict[str, Any] = receive.recv()
    child.join()
    return result


def _worker_scaling(files: list[Path], cpus: list[int], send: Any) -> None:
    import gc

    from pipeline.run.document import process

    warm_up()
    gc.freeze()  # as a worker does (pipeline.run.limits)
    sources = [SourceFile(path, sha256_of(path), path.stat().st_size) for path in files]
    shares = [sources[k :: len(cpus)] for k in range(len(cpus))]

    def at_once(jobs: list[int]) -> list[float]:
        """Seconds each share in `jobs` took, all started at once, each in its own fork."""
        read_end, write_end = os.pipe()
        children = []
        for k in jobs:
            pid = os.fork()
            if pid == 0:  # the share's process
                os.close(read_end)
                os.sched_setaffinity(0, {cpus[k]})
                started = time.perf_counter()
                for source in shares[k]:
                    process(source, stem=True)
                os.write(write_end, f"{k} {time.perf_counter() - started}\n".encode())
                os._exit(0)
            children.append(pid)
        os.close(write_end)
        for pid in children:
            os.waitpid(pid, 0)
        with os.fdopen(read_end) as lines:
            seconds = dict(line.split() for line in lines)
        return [float(seconds[str(k)]) for k in jobs]

    # Each share alone before and after the shares at once, and the faster taken: a slow
    # moment of the machine during a lone run read as a ceiling above the core count.
    before = [at_once([k])[0] for k in range(len(cpus))]
    together = at_once(list(range(len(cpus))))
    after = [at_once([k])[0] for k in range(len(cpus))]
    alone = [min(pair) for pair in zip(before, after, strict=True)]
    send.send(
        {
            "papers": len(sources),
            # To the microsecond: a test's five papers take tens of milliseconds, and the
            # scaling below must be recomputable from the times as written.
            "alone_seconds": [round(x, 6) for x in alone],
            "together_seconds": [round(x, 6) for x in together],
            # The shares differ a little: each is taken against its own time alone.
            "scaling": sum(a / t for a, t in zip(alone, together, strict=True)),
        }
    )


def _cpu(processes: list[psutil.Process]) -> dict[int, float]:
    """pid -> CPU seconds (user and system) so far, of the processes still alive."""
    found = {}
    for p in processes:
        try:
            times = p.cpu_times()
        except psutil.Error:
            continue
        found[p.pid] = times.user + times.system
    return found


def _children(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def _memory(processes: list[psutil.Process]) -> tuple[int, int]:
    """(sum of PSS, largest RSS) of the processes still alive."""
    pss = rss = 0
    for p in processes:
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        pss += getattr(info, "pss", info.rss)
        rss = max(rss, info.rss)
    return pss, rss


class Steal:
    """The share of the machine's CPU time that the hypervisor gave to other guests while
    it ran (Linux's "steal"), over all cores: what slowed a run down that no process of
    ours was charged for. None where the system does not report it."""

    def __enter__(self) -> Steal:
        self.before = psutil.cpu_times()
        self.share: float | None = None
        return self

    def __exit__(self, *_: object) -> None:
        after = psutil.cpu_times()
        if not hasattr(after, "steal"):
            return
        total = sum(after) - sum(self.before)
        # guest time is counted in user time as well
        total -= (after.guest - self.before.guest) + (after.guest_nice - self.before.guest_nice)
        self.share = round((after.steal - self.before.steal) / total, 4) if total > 0 else None


def rates(run: dict[str, Any], papers: int, pages: int) -> dict[str, Any]:
    return {
        **run,
        "seconds": round(run["seconds"], 3),
        "papers_per_s": round(papers / run["seconds"], 2),
        "pages_per_s": round(pages / run["seconds"], 2),
    }


def typical(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """One figure for runs of the same thing: the run of median time (an odd number of
    rounds gives a real run), with the highest peak memory of all of them."""
    middle = sorted(runs, key=lambda run: run["seconds"])[(len(runs) - 1) // 2]
    figures = {**middle, "seconds_each": [round(run["seconds"], 3) for run in runs]}
    for peak in ("peak_pss_mib", "peak_process_rss_mib"):
        if peak in middle:
            figures[peak] = max(run[peak] for run in runs)
    return figures


def spread(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(ordered[(len(ordered) - 1) // 2], 2),
        "min": round(ordered[0], 2),
        "max": round(ordered[-1], 2),
    }


# --- the run ------------------------------------------------------------------------------

# The CPU a one-core run is held to (and all it starts).
ONE_CORE = {0}


def bench(args: argparse.Namespace) -> dict[str, Any]:
    # Measured as installed: with the bytecode compiled (pip does it on install; where
    # PYTHONDONTWRITEBYTECODE is set, every run would compile the sources again).
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    compileall.compile_dir(ROOT / "extractors", quiet=1)
    manifest = make_corpus(args.corpus_dir, args.texts, args.papers, args.scans)
    digital = sorted((args.corpus_dir / "digital").glob("*.pdf"))
    scanned = sorted((args.corpus_dir / "scanned").glob("*.pdf"))
    papers, pages = len(digital), manifest["pages"]
    workers = args.workers or runner.default_workers()
    folder = args.corpus_dir / "digital"
    cpus = sorted(os.sched_getaffinity(0))
    rounds: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = f"sqlite:///{tmp}"
        # Rounds, each measuring everything once, one run after the other: the machine's
        # speed drifts by a quarter within minutes (other guests on the host), so ratios
        # are taken within a round and the typical round is reported.
        for k in range(args.rounds):
            rounds.append(
                {
                    "floor": floor(digital),
                    # The fixed cost of a run: start-up, fork server, a worker's warm-up,
                    # one paper; once with the machine's cores, once on one core.
                    "startup": ingest([digital[0]], f"{base}/startup{k}.sqlite", 1),
                    "startup_one_core": ingest(
                        [digital[0]], f"{base}/startup-core{k}.sqlite", 1, ONE_CORE
                    ),
                    # One worker, its runner storing on whichever core is free...
                    "one_worker": rates(ingest(folder, f"{base}/one{k}.sqlite", 1), papers, pages),
                    # ... and everything on one core: the cost per page on one core.
                    "one_core": rates(
                        ingest(folder, f"{base}/core{k}.sqlite", 1, ONE_CORE), papers, pages
                    ),
                    # The floor again: the per-page ratios divide by the mean of the floors
                    # before and after, as the machine's speed drifts over the round.
                    "floor_after": floor(digital),
                    "all_cores": rates(
                        ingest(folder, f"{base}/all{k}.sqlite", workers), papers, pages
                    ),
                    # What the cores give the per-document work of the workers at best.
                    "workers_ceiling": worker_scaling(
                        digital[: args.stage_sample or None], cpus[:workers]
                    ),
                    "machine": machine_scaling(workers),
                }
            )
        many_url = f"{base}/all{args.rounds - 1}.sqlite"
        again = ingest(folder, many_url, workers)
        scans = (
            rates(
                ingest(args.corpus_dir / "scanned", many_url, workers),
                len(scanned),
                manifest["scanned_pages"],
            )
            if scanned
            else None
        )
        sample = digital[: args.stage_sample] if args.stage_sample else digital
        stages = stage_costs(sample, f"{base}/stages.sqlite")

    def ratio(per_round: Any) -> dict[str, float]:
        return spread([per_round(r) for r in rounds])

    def floor_of(r: dict[str, Any], figure: str) -> float:
        """The round's floor `figure` (seconds, cpu_seconds), before and after its runs."""
        return (r["floor"][figure] + r["floor_after"][figure]) / 2

    def per_page(run: dict[str, Any], r: dict[str, Any]) -> float:
        return (run["seconds"] / pages) / (floor_of(r, "seconds") / r["floor"]["pages"])

    runs = {
        name: typical([r[name] for r in rounds])
        for name in rounds[0]
        if name not in ("machine", "workers_ceiling")
    }
    one, many = runs["one_worker"], runs["all_cores"]
    ratios = {
        # On one core: the whole run, then without its fixed start-up, then in CPU time.
        "pipeline_over_floor": ratio(lambda r: per_page(r["one_core"], r)),
        "pipeline_over_floor_running": ratio(
            lambda r: per_page(
                {"seconds": r["one_core"]["seconds"] - r["startup_one_core"]["seconds"]}, r
            )
        ),
        "pipeline_over_floor_cpu": ratio(
            lambda r: r["one_core"]["cpu_seconds"] / floor_of(r, "cpu_seconds")
        ),
        # One worker, its runner storing on the second core.
        "pipeline_over_floor_one_worker": ratio(lambda r: per_page(r["one_worker"], r)),
        "all_cores_speedup": ratio(
            lambda r: r["one_worker"]["seconds"] / r["all_cores"]["seconds"]
        ),
        "all_cores_over_one_core": ratio(
            lambda r: r["one_core"]["seconds"] / r["all_cores"]["seconds"]
        ),
        # What the machine itself gave `workers` copies of a pure-Python job in that round,
        # and `workers` independent copies of the whole pipeline (the all-cores ceiling).
        "machine_scaling": ratio(lambda r: r["machine"]["scaling"]),
        # What the cores gave the workers' per-document work at best (worker_scaling)...
        "workers_ceiling": ratio(lambda r: r["workers_ceiling"]["scaling"]),
        # ... against which the all-cores run's own, its fixed start-up left out.
        "all_cores_speedup_running": ratio(
            lambda r: (
                (r["one_worker"]["seconds"] - r["startup"]["seconds"])
                / (r["all_cores"]["seconds"] - r["startup"]["seconds"])
            )
        ),
        "rerun_share": round(again["seconds"] / many["seconds"], 4),
        # How many workers one runner can store for: a worker's CPU per paper over the
        # runner's (with one worker, the worker's is the rest of the run's CPU time).
        "workers_per_runner": ratio(
            lambda r: (
                (r["one_worker"]["cpu_seconds"] - r["one_worker"]["runner_cpu_seconds"])
                / max(r["one_worker"]["runner_cpu_seconds"], 1e-9)
            )
        ),
    }
    # Per kind of run, over the rounds: how much of the machine other guests took meanwhile.
    steal = {
        name: spread([r[name]["steal"] for r in rounds])
        for name in ("floor", "one_core", "one_worker", "all_cores")
        if all(r[name]["steal"] is not None for r in rounds)
    }
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": runner.default_workers(),
            "cpu": _cpu_model(),
            "python": platform.python_version(),
            # The floor is native code whose speed changes with pdfium's version (pypdfium2
            # 5.15 reads these papers about 1.5x faster than 4.30 on the same machine),
            # while most of the pipeline is Python: compare ratios across runs of the
            # same versions only.
            "versions": _versions(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "corpus": {
            "papers": papers,
            "pages": pages,
            "scanned_papers": len(scanned),
            "scanned_pages": manifest["scanned_pages"],
        },
        "rounds": len(rounds),
        "floor": {k: round(v, 3) if isinstance(v, float) else v for k, v in runs["floor"].items()},
        "floor_after": {
            k: round(v, 3) if isinstance(v, float) else v for k, v in runs["floor_after"].items()
        },
        "startup": {**runs["startup"], "seconds": round(runs["startup"]["seconds"], 3)},
        "startup_one_core": {
            **runs["startup_one_core"],
            "seconds": round(runs["startup_one_core"]["seconds"], 3),
        },
        "one_worker": one,
        "one_core": runs["one_core"],
        "all_cores": {**many, "workers": workers},
        "workers_ceiling": [r["workers_ceiling"] for r in rounds],
        "rerun": {**again, "seconds": round(again["seconds"], 3)},
        "scanned": scans,
        "stages": stages,
        "ratios": ratios,
        "steal": steal,
        # Saved RIS pages: pages/s and the cost against parsing alone (scripts/bench_html.py).
        "html": bench_html.measure(args.html, args.html_rounds),
    }
    result["targets"] = {
        "pipeline_at_most_3x_floor": ratios["pipeline_over_floor"]["median"] <= 3.0,
        "all_cores_at_least_1.7x": ratios["all_cores_speedup"]["median"] >= 1.7,
        "peak_memory_under_1_gib": max(run["peak_pss_mib"] for run in (one, runs["one_core"], many))
        < 1024,
        "rerun_under_5_percent": ratios["rerun_share"] < 0.05,
    }
    return result


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def _versions() -> dict[str, str]:
    import sqlite3
    from importlib import metadata

    found = {name: metadata.version(name) for name in ("pypdfium2", "spacy", "SQLAlchemy")}
    found["pdfium"] = str(pdfium.PDFIUM_INFO)
    found["sqlite"] = sqlite3.sqlite_version
    return found


def table(result: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    corpus, r = result["corpus"], result["ratios"]

    def row(name: str, run: dict[str, Any], rates: bool = True) -> str:
        figures = f"{run['pages_per_s']:>10.1f}{run['papers_per_s']:>10.2f}" if rates else " " * 20
        memory = f"{run['peak_pss_mib']:>10.0f}" if "peak_pss_mib" in run else " " * 10
        return f"{name:<30}{run['seconds']:>9.2f}{figures}{memory}"

    def of(name: str) -> str:
        figures = r[name]
        return f"{figures['median']}x ({figures['min']}-{figures['max']})"

    machine = result["machine"]
    lines = [
        f"{machine['cores']} cores ({machine['cpu']}), Python {machine['python']}, "
        + ", ".join(f"{name} {version}" for name, version in machine["versions"].items()),
        f"corpus: {corpus['papers']} born-digital papers, {corpus['pages']} pages;"
        f" {corpus['scanned_papers']} scanned papers, {corpus['scanned_pages']} pages",
        f"median of {result['rounds']} rounds (ratios: median, and lowest-highest of the rounds)",
        f"{'run':<30}{'seconds':>9}{'pages/s':>10}{'papers/s':>10}{'peak MiB':>10}",
        f"{'floor (pypdfium2 text)':<30}{result['floor']['seconds']:>9.2f}"
        f"{result['floor']['pages_per_s']:>10.1f}",
        row("start-up (1 paper, 1 worker)", result["startup"], rates=False),
        row("start-up, on one core", result["startup_one_core"], rates=False),
        row("ingest, on one core", result["one_core"]),
        row("ingest, 1 worker", result["one_worker"]),
        row(f"ingest, {result['all_cores']['workers']} workers", result["all_cores"]),
    ]
    if result["scanned"]:
        lines.append(row("scanned (OCR), all cores", result["scanned"]))
    lines.append(row("re-run, unchanged", result["rerun"], rates=False))
    stages = result["stages"]
    lines.append(f"stages ({stages['papers']} papers, {stages['pages']} pages, in one process):")
    for stage, cost in stages["stages"].items():
        lines.append(f"  {stage:<10}{cost['ms_per_page']:>8.2f} ms/page {cost['share']:>7.1%}")
    lines.append(f"load into SQLite: {stages['load_papers_per_s']:,.0f} papers/s")
    lines.append(
        f"geometry path: {stages['geometry_pages']} of {stages['pages']} pages"
        f" ({stages['geometry_pages'] / stages['pages']:.1%}) had their drawing looked at,"
        f" {stages['boxed_pages']} held check boxes,"
        f" {stages.get('ruled_pages', 0)} were read by pdfplumber for a ruled table"
    )
    lines += [
        f"per page on one core: {of('pipeline_over_floor')} the floor (target <= 3);"
        f" {of('pipeline_over_floor_running')} without the start-up,"
        f" {of('pipeline_over_floor_cpu')} in CPU time;"
        f" with 1 worker {of('pipeline_over_floor_one_worker')}",
        f"all cores: {of('all_cores_speedup')} one worker (target >= 1.7),"
        f" {of('all_cores_over_one_core')} one core;"
        f" one runner stores for {r['workers_per_runner']['median']:.0f} workers",
        f"the machine: {result['all_cores']['workers']} copies of a pure-Python job ran"
        f" {of('machine_scaling')} as fast as one; the workers' per-document work (read to"
        f" extract), {result['all_cores']['workers']} shares at once, each on its own core,"
        f" {of('workers_ceiling')} (the ceiling for all cores), against which the all-cores"
        f" run gave {of('all_cores_speedup_running')} one worker without the start-up",
        f"re-run: {r['rerun_share']:.1%} of the first run (target < 5%)",
    ]
    if result["steal"]:
        lines.append(
            "steal (the machine's time its host gave other guests), median and range: "
            + ", ".join(
                f"{name.replace('_', ' ')} {f['median']:.0%} ({f['min']:.0%}-{f['max']:.0%})"
                for name, f in result["steal"].items()
            )
        )
    if "html" in result:
        lines += bench_html.lines(result["html"])
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=int, default=1000, help="born-digital papers")
    parser.add_argument(
        "--scans", type=int, help=f"scanned papers, {SCAN_PAGES} pages each [default: 1 in 200]"
    )
    parser.add_argument(
        "--texts",
        type=Path,
        default=ROOT / "tests" / "fixtures" / "dev",
        help="corpus folder with docs/*.txt (and gold/*.json) to take the texts from",
    )
    parser.add_argument(
        "--corpus-dir",
        type=Path,
        default=ROOT / "data" / "processed" / "bench" / "corpus",
        help="where the generated PDFs go (kept and reused by the next run)",
    )
    parser.add_argument("--workers", type=int, help="workers of the all-cores run")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="times each run is made, in turn (the machine's speed drifts) [default: 3]",
    )
    parser.add_argument(
        "--stage-sample", type=int, default=300, help="papers for the per-stage costs (0: all)"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "data" / "processed" / "bench" / "bench.json"
    )
    parser.add_argument(
        "--html", type=Path, default=bench_html.PAGES, help="folder of saved RIS pages (.html)"
    )
    parser.add_argument(
        "--html-rounds", type=int, default=10, help="times each saved page is read [default: 10]"
    )
    args = parser.parse_args()
    if args.scans is None:
        args.scans = max(1, args.papers // 200)
    result = bench(args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False))
    print(table(result))
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
