"""Bad inputs made on the fly: each is a file that must fail cleanly, with its reason."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas


def small_pdf(text: str = "Beschlussvorlage Drucksache 12/21", encrypt: str | None = None) -> bytes:
    buffer = io.BytesIO()
    kwargs = {}
    if encrypt is not None:
        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner")
    pdf = canvas.Canvas(buffer, **kwargs)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


# name -> (bytes, words the one-line reason must contain)
BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "empty.pdf": (b"", "empty file"),
    "html-error-page.pdf": (
        b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>",
        "not a PDF (starts with an HTML page)",
    ),
    "truncated.pdf": (small_pdf()[:300], "damaged PDF"),
    "encrypted.pdf": (small_pdf(encrypt="secret"), "encrypted PDF"),
    "zip-renamed.pdf": (b"PK\x03\x04" + b"\x00" * 100, "not a PDF (starts with a ZIP archive)"),
    "binary.txt": (b"\x00\x01\x02\xff\xfe\x00\x13" * 50, "binary file"),
}


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Write every bad input into `folder`; returns file name -> expected reason."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    return {name: reason for name, (_, reason) in BAD_INPUTS.items()}
