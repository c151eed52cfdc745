"""discover: find the input documents under the given paths."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.errors import InputPathError
from pipeline.model import SourceFile

SUFFIXES = frozenset({".pdf", ".txt"})
# import-oparl keeps a paper's metadata beside its file: "<stem>.oparl.json".
SIDECAR = ".oparl.json"
_CHUNK = 1 << 20


def discover(paths: Iterable[Path]) -> Iterator[SourceFile]:
    """Every PDF and text file under `paths` (recursively), in a stable order.

    A path may be a file or a folder. Hidden files and folders are skipped. Each file is
    hashed, so a renamed file is recognised as the same document. The same file reached
    twice (two overlapping paths) is yielded once.
    """
    seen: set[str] = set()
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise InputPathError(f"no such file or folder: {root}")
        candidates = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in candidates:
            if not _wanted(path, root):
                continue
            resolved = os.path.realpath(path)
            if resolved in seen:
                continue
            seen.add(resolved)
            yield _source(path)


def _source(path: Path) -> SourceFile:
    meta = sidecar(path)
    try:
        return SourceFile(
            path=path,
            sha256=sha256_of(path),
            size=path.stat().st_size,
            metadata_sha256=sha256_of(meta) if meta.is_file() else None,
        )
    except OSError:
        # Unreadable here (permissions, a vanished file): still a document of the batch,
        # which the read stage fails with the reason. Its stand-in identity is stable per
        # path, so it is retried once its content can be read.
        stand_in = hashlib.sha256(b"unreadable\0" + str(path.resolve()).encode("utf-8", "replace"))
        return SourceFile(path=path, sha256=stand_in.hexdigest(), size=0)


def sidecar(path: Path) -> Path:
    """Where import-oparl keeps the metadata of the document at `path`."""
    return path.with_name(path.stem + SIDECAR)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _wanted(path: Path, root: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in SUFFIXES:
        return False
    relative = path.relative_to(root) if path != root else Path(path.name)
    return not any(part.startswith(".") for part in relative.parts)
