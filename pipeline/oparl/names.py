"""names: safe file names and short ids made from text (OParl ids, import folders).

Kept apart from pipeline.oparl.client, the HTTP client, so that exporting never imports requests.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from pipeline.errors import OparlError

_UNSAFE = re.compile(r"[^a-z0-9]+")


def slug(text: str, limit: int = 60) -> str:
    """`text` as a safe file or folder name: ASCII letters, digits and single dashes only
    (umlauts spelled out), at most `limit` characters; "" when nothing is left. No slashes,
    dots or control characters can survive, so a slug never leaves its folder."""
    text = text.lower().translate(_UMLAUTS)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _UNSAFE.sub("-", ascii_text).strip("-")[:limit].strip("-")


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def short_hash(text: str) -> str:
    """Eight hex digits that tell two different ids apart."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, checked to stay inside `folder` (raises OparlError otherwise)."""
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()) or target == folder.resolve():
        raise OparlError(f"refusing to write outside {folder}: {name!r}")
    return target
