#!/usr/bin/env python3
"""How well ratsinfo reads the same papers in the forms other tools leave them in.

A council's paper reaches a user as a PDF, as a scan of it, or as the text someone took from
the PDF with some tool. This scores each form of the same documents against the same gold:

- `pdf`: the corpus's real PDFs as they are;
- `pdftotext`, `pdftotext-layout` (when poppler's pdftotext is installed), `pdfminer`,
  `pdfplumber` and `pdfium` (pypdfium2's plain text): their text, saved as .txt;
- with `--scans`, every corpus text that has gold rendered to a PDF and scanned (200 dpi,
  turned up to 0.8 degrees, noise, a blur, JPEG), and that PDF born digital, for comparison.

    python scripts/reading_variants.py ../shared/corpus/councils ../shared/corpus/dev [--scans]

Each corpus folder holds docs/ and gold/ (gold records are paired by file name). Prints one
line per form: documents, fields micro-F1, resolution token F1 (`ratsinfo eval`'s summary).
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from pdfminer.high_level import extract_text
from PIL import Image, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sample_pdfs import text_to_pdf

BIN = Path(sys.executable).parent


def _pdfium_text(pdf: Path) -> str:
    document = pdfium.PdfDocument(pdf)
    try:
        return "\f".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def _pdfplumber_text(pdf: Path) -> str:
    with pdfplumber.open(pdf) as document:
        return "\f".join(page.extract_text() or "" for page in document.pages)


def _pdftotext(*options: str) -> Callable[[Path], str]:
    def extract(pdf: Path) -> str:
        done = subprocess.run(
            ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"],
            capture_output=True,
            check=True,
        )
        return done.stdout.decode("utf-8", "replace")

    return extract


def _scan(digital: Path, out: Path, rnd: random.Random) -> None:
    """An image-only copy of `digital`, as an office scanner leaves a printed page."""
    document = pdfium.PdfDocument(digital)
    images = []
    for page in document:
        image = page.render(scale=200 / 72, grayscale=True).to_pil().convert("L")
        image = image.rotate(
            rnd.uniform(-0.8, 0.8), resample=Image.Resampling.BICUBIC, fillcolor=255
        )
        noise = np.random.default_rng(rnd.randrange(1000)).normal(
            0, 12, (image.height, image.width)
        )
        pixels = np.clip(np.asarray(image, dtype=np.int16) + noise.astype(np.int16), 0, 255)
        image = Image.fromarray(pixels.astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
        jpeg = io.BytesIO()
        image.save(jpeg, "JPEG", quality=55)
        images.append(Image.open(io.BytesIO(jpeg.getvalue())))
    document.close()
    images[0].save(out, save_all=True, append_images=images[1:], resolution=200)


def _with_gold(corpora: list[Path], suffix: str) -> list[tuple[Path, Path]]:
    """(document, gold record) for every document of `suffix` that has a gold record."""
    return [
        (doc, corpus / "gold" / f"{doc.stem}.json")
        for corpus in corpora
        for doc in sorted((corpus / "docs").glob(f"*{suffix}"))
        if (corpus / "gold" / f"{doc.stem}.json").exists()
    ]


def _score(folder: Path, pairs: list[tuple[Path, Path]], suffix: str) -> str:
    """Ingest `folder`/docs and score it against the pairs' gold, re-keyed to `suffix`."""
    gold = folder / "gold"
    gold.mkdir()
    for doc, record_file in pairs:
        record = json.loads(record_file.read_text(encoding="utf-8"))
        record["source"] = f"{doc.stem}{suffix}"
        (gold / f"{doc.stem}.json").write_text(json.dumps(record, ensure_ascii=False))
    db = f"sqlite:///{folder / 'records.sqlite'}"
    subprocess.run([BIN / "ratsinfo", "ingest", folder / "docs", "--db", db], capture_output=True)
    done = subprocess.run(
        [BIN / "ratsinfo", "eval", "--gold", gold, "--db", db], capture_output=True, text=True
    )
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="folders with docs/ and gold/")
    parser.add_argument("--scans", action="store_true", help="also texts rendered and scanned")
    args = parser.parse_args()

    pdfs = _with_gold(args.corpora, ".pdf")
    readers: dict[str, Callable[[Path], str]] = {
        "pdfminer": lambda pdf: extract_text(str(pdf)),
        "pdfplumber": _pdfplumber_text,
        "pdfium": _pdfium_text,
    }
    if shutil.which("pdftotext"):
        readers["pdftotext"] = _pdftotext()
        readers["pdftotext-layout"] = _pdftotext("-layout")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "pdf" / "docs").mkdir(parents=True)
        for pdf, _ in pdfs:
            shutil.copy(pdf, root / "pdf" / "docs")
        print(f"{'pdf':18} {_score(root / 'pdf', pdfs, '.pdf')}")
        for name, reader in readers.items():
            docs = root / name / "docs"
            docs.mkdir(parents=True)
            for pdf, _ in pdfs:
                (docs / f"{pdf.stem}.txt").write_text(reader(pdf), encoding="utf-8")
            print(f"{name:18} {_score(root / name, pdfs, '.txt')}")
        if args.scans:
            texts = _with_gold(args.corpora, ".txt")
            rnd = random.Random(7)
            for name in ("rendered", "scanned"):
                (root / name / "docs").mkdir(parents=True)
            for text, _ in texts:
                digital = root / "rendered" / "docs" / f"{text.stem}.pdf"
                text_to_pdf(text.read_text(encoding="utf-8"), digital)
                _scan(digital, root / "scanned" / "docs" / f"{text.stem}.pdf", rnd)
            for name in ("rendered", "scanned"):
                print(f"{name:18} {_score(root / name, texts, '.pdf')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
