"""discover: find the input documents under the given paths."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from stat import S_ISREG

from pipeline.errors import InputPathError
from pipeline.model import SourceFile, identity

# Saved RIS web pages too (pipeline.read.html).
SUFFIXES = frozenset({".pdf", ".txt", ".html", ".htm", ".xhtml"})
# import-oparl keeps a paper's metadata beside its file: "<stem>.oparl.json".
SIDECAR = ".oparl.json"
_CHUNK = 1 << 20


# What was stored of a file: its identity (model.identity) -> (size, modification time in
# ns, sha256).
Known = Mapping[str, tuple[int, int | None, str]]


def discover(
    paths: Iterable[Path],
    known: Known | None = None,
    *,
    follow_links: bool = False,
    skipped: list[tuple[Path, str]] | None = None,
) -> Iterator[SourceFile]:
    """Every PDF, text file and saved web page under `paths` (recursively), in a stable order.

    A path may be a file or a folder. Hidden files and folders are skipped. A link to a
    file outside the folder asked for is not followed (`follow_links` follows it): it is
    added to `skipped` with the reason. Links to folders are never followed. Each file is
    hashed, so a renamed file is recognised as the same document; a file found in `known`
    under its path with the same size and modification time is taken to be unchanged and
    keeps its stored hash without being read (as make and rsync judge files). The same file
    reached twice (two overlapping paths) is yielded once.
    """
    seen: set[str] = set()
    for root in paths:
        root = Path(root)
        if not root.exists():
            raise InputPathError(f"no such file or folder: {root}")
        # What is hidden is judged below the root: its parts from `depth` on.
        inside: Path | None = None  # where the files found must be, unless links are followed
        if root.is_file():
            candidates, sidecars, depth = [root], None, len(root.parts) - 1
        else:
            candidates, depth = sorted(root.rglob("*")), len(root.parts)
            inside = None if follow_links else root.resolve()
            # Sidecars are looked for in the listing: asking the file system costs a call
            # per document, and few documents have one.
            sidecars = {path for path in candidates if path.name.endswith(SIDECAR)}
        for path in candidates:
            if path.suffix.lower() not in SUFFIXES or _hidden(path.parts[depth:]):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue  # vanished, or a link to nowhere
            if not S_ISREG(stat.st_mode):
                continue
            if inside is not None and path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(inside):
                    if skipped is not None:
                        skipped.append(
                            (
                                path,
                                f"a link to {target}, outside {root} (--follow-links follows it)",
                            )
                        )
                    continue
            key = identity(path)
            if key in seen:
                continue
            seen.add(key)
            meta = sidecar(path)
            has_meta = (sidecars is None or meta in sidecars) and meta.is_file()
            yield _source(path, stat, has_meta, known.get(key) if known else None)


def _hidden(parts: tuple[str, ...]) -> bool:
    """Whether a file or one of its folders (below the root asked for) is hidden."""
    return any(part.startswith(".") for part in parts)


def _source(
    path: Path,
    stat: os.stat_result,
    has_meta: bool,
    stored: tuple[int, int | None, str] | None = None,
) -> SourceFile:
    try:
        if stored is not None and stored[:2] == (stat.st_size, stat.st_mtime_ns):
            sha = stored[2]
        else:
            sha = sha256_of(path)
        return SourceFile(
            path=path,
            sha256=sha,
            size=stat.st_size,
            metadata_sha256=sha256_of(sidecar(path)) if has_meta else None,
            mtime_ns=stat.st_mtime_ns,
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
