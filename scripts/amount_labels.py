"""How many amounts of a corpus have a label (issue 23: at least 90% on the dev corpus).

    .venv/bin/python scripts/amount_labels.py ../shared/corpus/dev/docs [-v]

Reads each document as ingest does (without OCR) and prints, per document with amounts,
how many are labelled, then the share over all; -v lists every amount.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.read.discover import discover
from pipeline.run.document import process


def main(folder: str, verbose: bool) -> None:
    labelled = total = 0
    for source in sorted(discover([Path(folder)]), key=lambda s: s.name):
        record = process(source, use_ocr=False).record
        if record is None or not record.finance.amounts:
            continue
        amounts = record.finance.amounts
        named = sum(1 for a in amounts if a.label)
        labelled, total = labelled + named, total + len(amounts)
        print(f"{named}/{len(amounts)}  {source.name}")
        for a in amounts if verbose else []:
            year, kind = a.year or "", a.kind or ""
            print(f"      {a.value:>14,.2f} {a.currency}  {year:>4}  {kind:<12} {a.label}")
    print(f"{labelled}/{total} amounts labelled ({labelled / max(total, 1):.1%})")


if __name__ == "__main__":
    main(sys.argv[1], "-v" in sys.argv[2:])
