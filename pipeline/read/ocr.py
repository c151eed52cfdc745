"""ocr: the one wrapper around Tesseract.

Pages without a usable text layer are rendered with pypdfium2 and read by Tesseract's German
model (`tesseract-ocr-deu`). A page scanned sideways or upside down is turned first, by the
angle Tesseract's orientation detection (`tesseract-ocr-osd`) reports. Pages are read in
parallel: one single-threaded tesseract process per core, which measured 1.6x faster on two
cores than one process with two threads. Everything about the external program stays here.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pypdfium2 as pdfium
from PIL import Image

from pipeline.errors import OcrUnavailable
from pipeline.read import layout, scan_boxes

# Rendering resolution, chosen by measurement on the real scan in the corpus (see
# tests/test_ocr.py and the report): 300 dpi reads the 10-pt table text of council papers
# with almost every word in the lexicon; lower resolutions lose small print.
DPI = 300
LANGUAGE = "deu"
TIMEOUT_SECONDS = 120
# Orientation detection below this confidence is noise (a page with little text).
MIN_ORIENTATION_CONFIDENCE = 2.0

_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")


@functools.cache
def tesseract() -> str:
    """Path of the tesseract binary with the German model, or OcrUnavailable."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable("tesseract is not installed (apt-get install tesseract-ocr-deu)")
    if LANGUAGE not in _languages(binary):
        raise OcrUnavailable("tesseract has no German model (apt-get install tesseract-ocr-deu)")
    return binary


@functools.cache
def _languages(binary: str) -> frozenset[str]:
    listed = subprocess.run(
        [binary, "--list-langs"], capture_output=True, text=True, check=False
    ).stdout.split()
    return frozenset(listed)


def render(page: pdfium.PdfPage, dpi: int = DPI) -> Image.Image:
    """The page as a grey-scale image (pdfium is not thread-safe: render in one thread)."""
    return page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")


def ocr_images(images: Sequence[Image.Image], workers: int | None = None) -> list[str]:
    """The text of each image, read in parallel, in order. Raises OcrUnavailable."""
    binary = tesseract()
    workers = max(1, min(workers or _cores(), len(images)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda image: ocr_image(binary, image), images))


def ocr_image(binary: str, image: Image.Image) -> str:
    """The text of one page image, turned upright first."""
    turn = orientation(binary, image)
    if turn:
        # Tesseract's angle is clockwise; PIL turns counter-clockwise.
        image = image.rotate(-turn, expand=True)
    tsv = _run(binary, _pgm(image), ["-l", LANGUAGE, "--psm", "3", "tsv"])
    rows = scan_boxes.mark(image, words(tsv.decode("utf-8", "replace")))
    return layout.joined(layout.word_lines(rows))


def words(tsv: str) -> list[list[layout.Word]]:
    """Tesseract's TSV report as its lines of words, in its reading order. Its plain text
    joins a form's label and value, or a table's cells, with one space and drops the blank
    lines between blocks; the word boxes let the page be laid out as a text layer is."""
    rows: dict[tuple[str, str, str], list[layout.Word]] = {}
    for record in tsv.splitlines()[1:]:
        fields = record.split("\t")
        # level, page, block, paragraph, line, word, left, top, width, height, conf, text
        if len(fields) < 12 or fields[0] != "5" or not fields[11].strip():
            continue
        left, top, width, height = (float(v) for v in fields[6:10])
        word = layout.Word(fields[11].strip(), left, top, left + width, top + height)
        rows.setdefault((fields[2], fields[3], fields[4]), []).append(word)
    return list(rows.values())


def orientation(binary: str, image: Image.Image) -> int:
    """Degrees (0, 90, 180, 270) to turn the page clockwise so its text stands upright.

    0 where Tesseract has no orientation model or too little text to tell.
    """
    if "osd" not in _languages(binary):
        return 0
    # At full resolution: at half of 300 dpi the detection turned upright pages over.
    try:
        report = _run(binary, _pgm(image), ["--psm", "0"]).decode("utf-8", "replace")
    except OcrUnavailable:  # "Too few characters": a page with (almost) no text
        return 0
    rotate, confidence = _ROTATE.search(report), _CONFIDENCE.search(report)
    if not rotate or not confidence or float(confidence.group(1)) < MIN_ORIENTATION_CONFIDENCE:
        return 0
    return int(rotate.group(1)) % 360


def _run(binary: str, image: bytes, options: list[str]) -> bytes:
    # One thread per process: parallelism comes from running pages side by side.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout", *options],
            input=image,
            capture_output=True,
            env=env,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise OcrUnavailable(f"tesseract took longer than {TIMEOUT_SECONDS} s") from e
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrUnavailable(f"tesseract failed: {message[-1] if message else done.returncode}")
    return done.stdout


def _pgm(image: Image.Image) -> bytes:
    """PGM: the fastest format to write (0.5 s/page against 1.7 s for PNG)."""
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    return buffer.getvalue()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
