"""The one place where ratsinfo's exceptions live.

Third-party exceptions are converted where they enter (read, ocr, store), with the original
chained, so callers only ever see these. Every exception carries an exit code and a one-line
message that says what happened and, where possible, what to do.
"""

from __future__ import annotations


class ExitCode:
    OK = 0
    ERROR = 1  # the command itself could not run (bad database URL, unreadable path)
    DOCUMENTS_FAILED = 2  # the command ran, but at least one document failed


class RatsinfoError(Exception):
    """Base class: a problem with a clear one-line message."""

    exit_code = ExitCode.ERROR


class DocumentError(RatsinfoError):
    """One document cannot be processed; the batch goes on and the reason is recorded."""

    exit_code = ExitCode.DOCUMENTS_FAILED


class UnreadableDocument(DocumentError):
    """Corrupt, truncated, encrypted, empty or not what its name says."""


class EncryptedDocument(UnreadableDocument):
    pass


class FileChanged(UnreadableDocument):
    """The file's bytes are not those hashed when it was found: it was rewritten meanwhile."""


class OcrUnavailable(DocumentError):
    """A page needs OCR but Tesseract is missing or was switched off."""


class LexiconUnavailable(RatsinfoError):
    """The German word list the clean stage repairs against cannot be loaded."""


class DocumentTooLarge(DocumentError):
    """Over the configured page, size or time limit."""


class DatabaseError(RatsinfoError):
    """The database cannot be opened, upgraded or written."""


class ClusterError(RatsinfoError):
    """The Dask cluster of `ingest --dask` cannot be used (not reachable, Dask missing)."""


class ExportError(RatsinfoError):
    """An export cannot be written where -o says (a folder, a full or read-only disk)."""


class QueryError(RatsinfoError):
    """A search query that cannot be run as given: too long, too many words, not text."""

    exit_code = ExitCode.DOCUMENTS_FAILED  # bad input, as click's usage errors


class InputPathError(RatsinfoError):
    """A path given on the command line does not exist."""


class OparlError(RatsinfoError):
    """An OParl server cannot be read: unreachable, an HTTP error after retries, not OParl."""


class OparlStopped(OparlError):
    """An import run reached one of its limits (deadline, request or disk budget) or cannot
    write its files (disk full, read-only): the run stops, keeping what it fetched whole."""

    exit_code = ExitCode.DOCUMENTS_FAILED
