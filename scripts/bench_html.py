#!/usr/bin/env python3
"""Throughput on saved RIS pages (HTML): pages per second, and the cost against parsing alone.

Measured in one process, CPU time, over the saved pages of a folder (default: the real RIS
pages in tests/fixtures/html), each read `--rounds` times:
- the floor: decoding and parsing alone (selectolax's lexbor, pipeline.read.html.parse);
- read: the page's text in reading order and its labelled fields
  (pipeline.read.ris_pages.read_page);
- the pipeline: read, clean, segment, extract and the merge of the page's fields, as a worker
  does a document (pipeline.run.document.process), without loading into a database.
Each is given in pages per second and as a multiple of the floor's time per page.

    .venv/bin/python scripts/bench_html.py --rounds 20

scripts/bench.py (`make bench`) runs the same measurement and reports it with its own.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.read import html  # noqa: E402
from pipeline.read.discover import discover  # noqa: E402
from pipeline.read.ris_pages import read_page  # noqa: E402
from pipeline.run.document import process, warm_up  # noqa: E402

PAGES = ROOT / "tests" / "fixtures" / "html"


def measure(folder: Path = PAGES, rounds: int = 10) -> dict[str, Any]:
    """The figures for the pages under `folder`, each page done `rounds` times per stage."""
    sources = [s for s in discover([folder]) if s.path.suffix.lower() in html.HTML_SUFFIXES]
    if not sources:
        raise SystemExit(f"no saved pages (.html, .htm, .xhtml) in {folder}")
    data = [s.path.read_bytes() for s in sources]
    warm_up()
    process(sources[0])  # imports and caches of the first document are no page's cost

    def seconds(work: Any, items: list[Any]) -> float:
        started = time.process_time()
        for _ in range(rounds):
            for item in items:
                work(item)
        return time.process_time() - started

    count = rounds * len(sources)
    spent = {
        "parse": seconds(html.parse, data),
        "read": seconds(read_page, data),
        "pipeline": seconds(process, sources),
    }
    return {
        "pages": len(sources),
        "rounds": rounds,
        "bytes_per_page": round(sum(map(len, data)) / len(data)),
        **{
            stage: {
                "pages_per_s": round(count / cost, 1),
                "ms_per_page": round(1000 * cost / count, 3),
                "over_parse": round(cost / spent["parse"], 1),
            }
            for stage, cost in spent.items()
        },
    }


def lines(result: dict[str, Any]) -> list[str]:
    """The figures as table lines."""
    out = [
        f"saved RIS pages: {result['pages']} pages of {result['bytes_per_page'] / 1000:.0f} kB"
        f" on average, each {result['rounds']} times, one process, CPU time"
    ]
    for stage, name in (
        ("parse", "parse alone (lexbor)"),
        ("read", "read (text and fields)"),
        ("pipeline", "read to extract"),
    ):
        figures = result[stage]
        out.append(
            f"  {name:<24}{figures['pages_per_s']:>10.1f} pages/s{figures['ms_per_page']:>9.2f}"
            f" ms/page {figures['over_parse']:>7.1f}x parsing"
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of saved pages")
    parser.add_argument("--rounds", type=int, default=10, help="times each page is done")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    result = measure(args.pages, args.rounds)
    print("\n".join(lines(result)))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
