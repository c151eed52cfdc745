"""ocr: the one wrapper around Tesseract.

Pages without a text layer are rendered with pypdfium2 and read by Tesseract's German model
(`tesseract-ocr-deu`). Everything about the external program stays in this module.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess

import pypdfium2 as pdfium

from pipeline.errors import OcrUnavailable

DPI = 300
LANGUAGE = "deu"
TIMEOUT_SECONDS = 120


@functools.cache
def tesseract() -> str:
    """Path of the tesseract binary with the German model, or OcrUnavailable."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable("tesseract is not installed (apt-get install tesseract-ocr-deu)")
    languages = subprocess.run(
        [binary, "--list-langs"], capture_output=True, text=True, check=False
    ).stdout.split()
    if LANGUAGE not in languages:
        raise OcrUnavailable("tesseract has no German model (apt-get install tesseract-ocr-deu)")
    return binary


def ocr_page(page: pdfium.PdfPage) -> str:
    """Text of one PDF page by OCR."""
    binary = tesseract()
    image = page.render(scale=DPI / 72, grayscale=True).to_pil()
    return ocr_image_bytes(binary, _pgm(image))


def ocr_image_bytes(binary: str, image: bytes) -> str:
    # One thread per process: parallelism comes from running pages side by side.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    try:
        done = subprocess.run(
            [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3"],
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
    return done.stdout.decode("utf-8", "replace")


def _pgm(image) -> bytes:  # type: ignore[no-untyped-def]
    import io

    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PPM")
    return buffer.getvalue()
