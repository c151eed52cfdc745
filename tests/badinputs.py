"""The bad-input corpus: broken and hostile files, made on the fly, with what each must yield.

`BAD_INPUTS` is a small set that must fail fast (the CLI tests ingest it); `CORPUS` is the
whole corpus of issue 8, one `BadInput` per file: truncated, encrypted, empty, HTML error
pages, PDFs of thousands of pages, decompression bombs, deep and looping object trees, huge
images and pages, text in every encoding council servers deliver, NUL bytes. Hostile PDFs are
written byte by byte (`raw_pdf`), since no PDF library writes a broken file on purpose.

Write the corpus into a folder to try it by hand:

    .venv/bin/python -m tests.badinputs /tmp/bad && .venv/bin/ratsinfo ingest /tmp/bad
"""

from __future__ import annotations

import functools
import io
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

FIXTURES = Path(__file__).parent / "fixtures"
# A real paper (Kreis Unna, Drucksache 113/21) for the encodings: umlauts, ß and €.
PAPER = (FIXTURES / "dev" / "docs" / "kreis-unna-drucksache-113-21.txt").read_text(encoding="utf-8")


def small_pdf(text: str = "Beschlussvorlage Drucksache 12/21", encrypt: str | None = None) -> bytes:
    """A one-page PDF; `encrypt` is the user password ("" encrypts with an owner password only)."""
    buffer = io.BytesIO()
    kwargs = {}
    if encrypt is not None:
        kwargs["encrypt"] = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner")
    pdf = canvas.Canvas(buffer, **kwargs)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


# --- hostile PDFs, byte by byte -------------------------------------------------------------


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of the given objects (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


def stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %b >>\nstream\n%b\nendstream" % (len(data), entries, data)


def deflated(chunk: bytes, repeat: int, head: bytes = b"", tail: bytes = b"") -> bytes:
    """head + `chunk` * `repeat` + tail, deflated: a few KB that inflate to many MB."""
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(head), *(compressor.compress(chunk) for _ in range(repeat))]
    return b"".join([*parts, compressor.compress(tail), compressor.flush()])


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (Beschlussvorlage Drucksache 12/21) Tj ET"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox %b /Contents 3 0 R /Resources %b >>"
WITH_FONT = b"<< /Font << /F1 4 0 R >> >>"
A4 = b"[0 0 595 842]"


def one_page(
    contents: bytes, *extra: bytes, resources: bytes = WITH_FONT, box: bytes = A4
) -> bytes:
    """Catalog 1, pages 2, contents 3, font 4, page 5, then `extra` from 6 on."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            contents,
            FONT,
            PAGE % (box, resources),
            *extra,
        ]
    )


def many_pages(count: int) -> bytes:
    """`count` pages sharing one content stream: a few bytes per page."""
    kids = b" ".join(b"%d 0 R" % (i + 5) for i in range(count))
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%b] /Count %d >>" % (kids, count),
            stream(TEXT),
            FONT,
            *[PAGE % (A4, WITH_FONT)] * count,
        ]
    )


def text_bomb(repeat: int) -> bytes:
    """A content stream of `repeat` x 655,360 characters of text, deflated to ~2 KB each."""
    body = deflated(b"(AAAAAAAAAA) Tj " * 65536, repeat, b"BT /F1 1 Tf ", b" ET")
    return one_page(stream(body, b"/Filter /FlateDecode"))


def blank_bomb(megabytes: int) -> bytes:
    """A content stream of `megabytes` MB of spaces: a few hundred KB on disk."""
    return one_page(stream(deflated(b" " * (1 << 20), megabytes), b"/Filter /FlateDecode"))


def huge_image(side: int) -> bytes:
    """A page showing one grey image of side x side pixels (all black, so it deflates)."""
    image = stream(
        deflated(b"\0" * side, side),
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /BitsPerComponent 8"
        b" /ColorSpace /DeviceGray /Filter /FlateDecode" % (side, side),
    )
    return one_page(
        stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        image,
        resources=b"<< /XObject << /Im1 6 0 R >> >>",
    )


def deep_page_tree(depth: int) -> bytes:
    """Page-tree nodes nested `depth` deep, each with one kid."""
    nodes = [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (i + 3) for i in range(depth)]
    return raw_pdf(
        [b"<< /Type /Catalog /Pages 2 0 R >>", *nodes, b"<< /Type /Page /MediaBox [0 0 595 842] >>"]
    )


def looping_page_tree() -> bytes:
    """A page-tree node that is its own kid, and another that points back to it."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
        ]
    )


def deep_arrays(depth: int) -> bytes:
    """A resource dictionary holding arrays nested `depth` deep."""
    return one_page(
        stream(TEXT),
        resources=b"<< /Font << /F1 4 0 R >> /X %b%b >>" % (b"[" * depth, b"]" * depth),
    )


def looping_references() -> bytes:
    """Contents is a reference to a reference back to itself (3 -> 6 -> 3)."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            b"6 0 R",
            FONT,
            PAGE % (A4, WITH_FONT),
            b"3 0 R",
        ]
    )


def looping_forms() -> bytes:
    """A form XObject that draws itself."""
    draws_itself = b"/Resources << /XObject << /Fm1 6 0 R >> >>"
    form = stream(b"/Fm1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + draws_itself)
    return one_page(
        stream(TEXT + b" /Fm1 Do"),
        form,
        resources=b"<< /Font << /F1 4 0 R >> /XObject << /Fm1 6 0 R >> >>",
    )


# --- the corpus -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BadInput:
    name: str  # the file name: its suffix decides how it is read
    kind: str  # which kind of bad input it stands for
    make: Callable[[], bytes]
    status: str  # "failed", or "ok" where the file is readable (ok or partial)
    reason: str  # what the failure reason, or the first warning, says ("" for none)


def _cached(make: Callable[[], bytes]) -> Callable[[], bytes]:
    return functools.cache(make)


_VALID = small_pdf()
_ENCODINGS = {
    "utf-16-le-bom.txt": "utf-16",
    "utf-16-be-bom.txt": "utf-16",
    "utf-16-no-bom.txt": "utf-16-le",
    "utf-8-bom.txt": "utf-8-sig",
    "utf-32.txt": "utf-32",
    "cp1252.txt": "cp1252",
    "latin-1.txt": "latin-1",
}


def _encoded(name: str) -> Callable[[], bytes]:
    codec = _ENCODINGS[name]
    if name == "utf-16-be-bom.txt":
        return lambda: b"\xfe\xff" + PAPER.encode("utf-16-be")
    if name == "latin-1.txt":
        # Latin-1 lacks € and „: a Latin-1 file has "?" there. A byte that CP1252 lacks
        # (0x81) makes the file Latin-1 only.
        return lambda: PAPER.encode("latin-1", errors="replace") + b"\x81\n"
    return lambda: PAPER.encode(codec)


CORPUS: list[BadInput] = [
    # empty
    BadInput("empty.pdf", "zero-byte file", lambda: b"", "failed", "empty file"),
    BadInput("whitespace.txt", "zero-byte file", lambda: b" \n\r\n\t\f \n", "failed", "empty file"),
    # not what the name says
    BadInput(
        "html-error-page.pdf",
        "HTML error page saved as .pdf",
        lambda: b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>",
        "failed",
        "not a PDF (starts with an HTML page)",
    ),
    BadInput(
        "html-login-page.pdf",
        "HTML error page saved as .pdf",
        lambda: b"\n\n  <html lang=de><head><title>Anmeldung</title></head></html>",
        "failed",
        "not a PDF (starts with an HTML page)",
    ),
    BadInput(
        "zip-renamed.pdf",
        "other format saved as .pdf",
        lambda: b"PK\x03\x04" + b"\x00" * 100,
        "failed",
        "not a PDF (starts with a ZIP archive)",
    ),
    BadInput(
        "random-bytes.pdf",
        "other format saved as .pdf",
        lambda: bytes(range(256)) * 8,
        "failed",
        "not a PDF",
    ),
    # truncated
    BadInput("truncated-head.pdf", "truncated PDF", lambda: _VALID[:300], "failed", "damaged PDF"),
    BadInput(
        "truncated-header-only.pdf", "truncated PDF", lambda: _VALID[:9], "failed", "damaged PDF"
    ),
    BadInput(
        "truncated-half.pdf",
        "truncated PDF",
        lambda: _VALID[: len(_VALID) // 2],
        "failed",
        "damaged PDF",
    ),
    BadInput(
        # Only the cross-reference table and trailer are lost: pdfium rebuilds them.
        "truncated-before-xref.pdf",
        "truncated PDF",
        lambda: _VALID[: _VALID.rindex(b"xref")],
        "ok",
        "",
    ),
    # encrypted
    BadInput(
        "encrypted-user-password.pdf",
        "encrypted PDF",
        lambda: small_pdf(encrypt="secret"),
        "failed",
        "encrypted PDF: a password is needed to open it",
    ),
    BadInput(
        # Encrypted with an owner password only (printing/copying rights): readable.
        "encrypted-owner-password.pdf",
        "encrypted PDF",
        lambda: small_pdf(encrypt=""),
        "ok",
        "",
    ),
    # size
    BadInput(
        "ten-thousand-pages.pdf",
        "PDF with thousands of pages",
        _cached(lambda: many_pages(10_000)),
        "failed",
        "PDF has 10000 pages, over the limit of 5000 (--max-pages)",
    ),
    BadInput(
        "three-thousand-pages.pdf",
        "PDF with thousands of pages",
        _cached(lambda: many_pages(3000)),
        "ok",
        "",
    ),
    BadInput(
        "text-bomb.pdf",
        "decompression bomb",
        _cached(lambda: text_bomb(1)),
        "failed",
        "page 1 holds 655360 characters, over the limit of 200000",
    ),
    BadInput(
        "blank-bomb-300mb.pdf",
        "decompression bomb",
        _cached(lambda: blank_bomb(300)),
        "failed",
        "image-only PDF: no text found on any page",
    ),
    BadInput(
        "image-20000x20000.pdf",
        "image of 20000x20000 pixels",
        _cached(lambda: huge_image(20_000)),
        "failed",
        "image-only PDF: image of 20000x20000 pixels is too large to OCR (limit 100 megapixels)",
    ),
    BadInput(
        # 200 x 200 inches, the largest page PDF allows: rendered for OCR at a lower resolution.
        "page-200-inches.pdf",
        "image of 20000x20000 pixels",
        lambda: one_page(stream(b""), box=b"[0 0 14400 14400]"),
        "failed",
        "image-only PDF: no text found on any page",
    ),
    # object trees
    BadInput(
        "deep-page-tree.pdf",
        "deeply nested or looping objects",
        lambda: deep_page_tree(5000),
        "failed",
        "damaged PDF: page 1",
    ),
    BadInput(
        "looping-page-tree.pdf",
        "deeply nested or looping objects",
        looping_page_tree,
        "failed",
        "damaged PDF: page 1",
    ),
    BadInput(
        "deep-arrays.pdf",
        "deeply nested or looping objects",
        lambda: deep_arrays(100_000),
        "ok",
        "",
    ),
    BadInput(
        "looping-references.pdf",
        "deeply nested or looping objects",
        looping_references,
        "failed",
        "image-only PDF: no text found on any page",
    ),
    BadInput("looping-forms.pdf", "deeply nested or looping objects", looping_forms, "ok", ""),
    # encodings
    *[
        BadInput(
            name, "text in UTF-16, CP1252, Latin-1 or mixed encodings", _encoded(name), "ok", ""
        )
        for name in _ENCODINGS
    ],
    BadInput(
        "mixed-utf-8-cp1252.txt",
        "text in UTF-16, CP1252, Latin-1 or mixed encodings",
        lambda: PAPER[:2000].encode() + PAPER[2000:].encode("cp1252"),
        "ok",
        "",
    ),
    # NUL bytes
    BadInput(
        "binary.txt",
        "files with NUL bytes",
        lambda: b"\x00\x01\x02\xff\xfe\x00\x13" * 50,
        "failed",
        "binary file",
    ),
    BadInput(
        "stray-nul-bytes.txt",
        "files with NUL bytes",
        lambda: PAPER.encode().replace(b"Kreistag", b"Kreis\x00tag", 3),
        "ok",
        "removed 3 NUL byte(s) from the text",
    ),
    BadInput("nul-padded.pdf", "files with NUL bytes", lambda: _VALID + b"\x00" * 4096, "ok", ""),
    BadInput(
        "image-renamed.txt",
        "files with NUL bytes",
        lambda: b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)) * 4,
        "failed",
        "binary file",
    ),
]


# name -> (bytes, words the one-line reason must contain): bad inputs that fail fast.
BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "empty.pdf": (b"", "empty file"),
    "html-error-page.pdf": (
        b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>",
        "not a PDF (starts with an HTML page)",
    ),
    "truncated.pdf": (_VALID[:300], "damaged PDF"),
    "encrypted.pdf": (small_pdf(encrypt="secret"), "encrypted PDF"),
    "zip-renamed.pdf": (b"PK\x03\x04" + b"\x00" * 100, "not a PDF (starts with a ZIP archive)"),
    "binary.txt": (b"\x00\x01\x02\xff\xfe\x00\x13" * 50, "binary file"),
}


def write_bad_inputs(folder: Path) -> dict[str, str]:
    """Write the fast bad inputs into `folder`; returns file name -> expected reason."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    return {name: reason for name, (_, reason) in BAD_INPUTS.items()}


def write_corpus(folder: Path) -> list[BadInput]:
    """Write the whole bad-input corpus into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for bad in CORPUS:
        (folder / bad.name).write_bytes(bad.make())
    return CORPUS


if __name__ == "__main__":
    written = write_corpus(Path(sys.argv[1]))
    kinds = {bad.kind for bad in written}
    print(f"wrote {len(written)} bad inputs of {len(kinds)} kinds to {sys.argv[1]}")
