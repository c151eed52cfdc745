"""Typed data that flows between the stages.

`Record` is the contract: its JSON form (`Record.to_json`) is exactly the corpus record
format (every key present, unknowns null or empty), and the database tables and every
export are made from it.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import operator
import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

_T = TypeVar("_T")


def _pickled_by_fields(cls: type[_T]) -> type[_T]:
    """Pickle the slotted dataclass `cls` as its class and field values, rebuilt through
    its constructor. A slotted dataclass otherwise pickles through `__getstate__` and
    `__setstate__` written in Python, which set one field at a time: every outcome crosses
    from its worker to the runner pickled (a few dozen of these objects each), and this
    halves the time and size of that."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: _T) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


class PaperType(enum.StrEnum):
    BESCHLUSSVORLAGE = "Beschlussvorlage"
    MITTEILUNGSVORLAGE = "Mitteilungsvorlage"
    ANTRAG = "Antrag"
    ANFRAGE = "Anfrage"
    STELLUNGNAHME = "Stellungnahme"
    NIEDERSCHRIFT = "Niederschrift"
    EINLADUNG = "Einladung"
    SONSTIGES = "Sonstiges"


class Status(enum.StrEnum):
    """How a document ended: every document ends with one of these."""

    OK = "ok"
    PARTIAL = "partial"  # a record exists, but a stage or extractor reported an error
    FAILED = "failed"  # no record: the document could not be read
    SKIPPED = "skipped"  # not processed: unchanged since the last run


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def printable(name: str) -> str:
    """A file name or path as it is stored and shown: valid UTF-8 on one line. Bytes that
    are not UTF-8 (a name from an old server) and control characters (a newline in a name)
    become backslash escapes, which every database takes and no log line breaks on."""
    if name.isprintable():  # nearly every name: no control character, no stray byte
        return name
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def identity(path: Path) -> str:
    """The stored path of a source: absolute, so the same file is the same row from any
    working directory; printable, so any file name can be stored."""
    # Worked on as text: a pathlib join, or the hash of a Path that came out of a pipe,
    # parses the path again (40 us), and every document's path is asked for several times.
    text = os.fspath(path)
    if not os.path.isabs(text):
        # Joined as it is, not normalised: in "link/../a.pdf" the link must be followed.
        text = os.path.join(os.getcwd(), text)
    return _identity(text)


@functools.lru_cache(maxsize=65_536)
def _identity(path: str) -> str:
    """identity() of an absolute path. Cached: discovering, planning and storing ask for it
    for the same paths. Resolving a path costs a system call per folder on the way, the
    same for every file of a folder: the folder is resolved once, and a file that is no
    symbolic link sits in it under its own name, which costs one call to find out."""
    name = os.path.basename(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return printable(os.path.realpath(path))
    return printable(os.path.join(_real_folder(os.path.dirname(path)), name))


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SourceFile:
    """A discovered input file. Identity is the SHA-256 of its bytes.

    `metadata_sha256` is the hash of the council's metadata that import-oparl keeps beside the
    file, if any: a paper whose metadata changed (a new session in its Beratungsfolge) is
    processed again even when its PDF did not change.
    """

    path: Path
    sha256: str
    size: int
    metadata_sha256: str | None = None
    mtime_ns: int | None = None  # modification time when discovered

    @property
    def name(self) -> str:
        return printable(self.path.name)


@_pickled_by_fields
@dataclass(slots=True)
class Page:
    number: int  # 1-based
    text: str
    ocr: bool = False  # text came from OCR rather than a text layer


@_pickled_by_fields
@dataclass(slots=True)
class Correction:
    """One change the clean stage made, so a maintainer can audit and undo it."""

    offset: int  # character offset in the raw text
    original: str
    replacement: str
    rule: str


@_pickled_by_fields
@dataclass(slots=True)
class Section:
    """A labelled span of the cleaned text (see pipeline.segment)."""

    label: str  # one of pipeline.segment.LABELS
    heading: str  # the heading line as printed ("" for the implicit header section)
    start: int  # character offsets into the cleaned text
    end: int
    text: str


@_pickled_by_fields
@dataclass(slots=True)
class Parsed:
    """What the extractors read: one document after read, clean and segment."""

    source: str  # file name
    text: str  # the cleaned full text
    pages: list[str]  # cleaned text per page
    sections: list[Section] = field(default_factory=list)

    def section(self, label: str) -> Section | None:
        """The first section with this label, if any."""
        return next((s for s in self.sections if s.label == label), None)

    def sections_labelled(self, label: str) -> list[Section]:
        return [s for s in self.sections if s.label == label]


@_pickled_by_fields
@dataclass(slots=True)
class Consultation:
    organization: str
    date: dt.date | None = None
    role: str | None = None
    public: bool | None = None


@_pickled_by_fields
@dataclass(slots=True)
class ResolutionItem:
    text: str
    organization: str | None = None


@_pickled_by_fields
@dataclass(slots=True)
class Amount:
    value: float
    currency: str = "EUR"
    label: str | None = None  # the words naming it, as printed ("Gesamtkosten", "Zuschuss")
    year: int | None = None  # the year printed with it or over its column
    # cost, income or grant, with " total" or " part" where the wording says ("cost total");
    # "total" or "part" alone; None where the words say nothing (see extractors/amounts.py)
    kind: str | None = None


@_pickled_by_fields
@dataclass(slots=True)
class Finance:
    impact: bool | None = None
    in_budget: bool | None = None
    amounts: list[Amount] = field(default_factory=list)


@_pickled_by_fields
@dataclass(slots=True)
class Product:
    number: str
    name: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Evidence:
    """How sure a reader is of a field's value, and why: `confidence` in 0..1 (see
    extractors/evidence.py for the grades), `how` in a few words ("label 'Vorlage-Nr.'",
    "heading", "named once in the text")."""

    confidence: float
    how: str


@_pickled_by_fields
@dataclass(slots=True)
class Record:
    source: str
    paper_type: PaperType = PaperType.SONSTIGES
    body: str | None = None
    reference: str | None = None
    date: dt.date | None = None
    name: str | None = None
    department: str | None = None
    # Who filed it (an Antrag's Fraktion, group, member or office), as printed.
    originator: str | None = None
    reporters: list[str] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)
    resolution: list[ResolutionItem] = field(default_factory=list)
    finance: Finance = field(default_factory=Finance)
    products: list[Product] = field(default_factory=list)
    text: str = ""
    # Per field, how sure its reader was (fields with no value have none). Not part of the
    # corpus record format: stored in the table `field_evidence`, not written by to_json.
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The corpus record format, keys in its order."""
        return {
            "source": self.source,
            "paper_type": str(self.paper_type),
            "body": self.body,
            "reference": self.reference,
            "date": _iso(self.date),
            "name": self.name,
            "department": self.department,
            "originator": self.originator,
            "reporters": list(self.reporters),
            "consultations": [
                {
                    "organization": c.organization,
                    "date": _iso(c.date),
                    "role": c.role,
                    "public": c.public,
                }
                for c in self.consultations
            ],
            "resolution": [
                {"organization": r.organization, "text": r.text} for r in self.resolution
            ],
            "finance": {
                "impact": self.finance.impact,
                "in_budget": self.finance.in_budget,
                "amounts": [
                    {
                        "value": a.value,
                        "currency": a.currency,
                        "label": a.label,
                        "year": a.year,
                        "kind": a.kind,
                    }
                    for a in self.finance.amounts
                ],
            },
            "products": [{"number": p.number, "name": p.name} for p in self.products],
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """Inverse of `to_json`; also reads gold records (which lack `text`)."""
        finance = data.get("finance") or {}
        return cls(
            source=data["source"],
            paper_type=PaperType(data.get("paper_type") or PaperType.SONSTIGES),
            body=data.get("body"),
            reference=data.get("reference"),
            date=_date(data.get("date")),
            name=data.get("name"),
            department=data.get("department"),
            originator=data.get("originator"),
            reporters=list(data.get("reporters") or []),
            consultations=[
                Consultation(
                    organization=c["organization"],
                    date=_date(c.get("date")),
                    role=c.get("role"),
                    public=c.get("public"),
                )
                for c in data.get("consultations") or []
            ],
            resolution=[
                ResolutionItem(text=r["text"], organization=r.get("organization"))
                for r in data.get("resolution") or []
            ],
            finance=Finance(
                impact=finance.get("impact"),
                in_budget=finance.get("in_budget"),
                amounts=[
                    Amount(
                        value=float(a["value"]),
                        currency=a.get("currency") or "EUR",
                        label=a.get("label"),
                        year=a.get("year"),
                        kind=a.get("kind"),
                    )
                    for a in finance.get("amounts") or []
                ],
            ),
            products=[
                Product(number=p["number"], name=p.get("name")) for p in data.get("products") or []
            ],
            text=data.get("text") or data.get("clean_text") or "",
        )


@_pickled_by_fields
@dataclass(slots=True)
class FieldValue:
    """A field's value as one origin gives it: "oparl" (the council's OParl metadata) or
    "text" (extracted from the document), and whether the record keeps it."""

    field: str
    origin: str
    value: str  # lists as JSON
    kept: bool


@_pickled_by_fields
@dataclass(slots=True)
class Disagreement:
    """A field where OParl and the text differ: the record keeps the OParl value."""

    field: str
    oparl: str
    text: str


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Stemmed:
    """The Snowball German stems of a paper's name, resolution and text: what SQLite's
    full-text index holds of it (see pipeline.db.stems)."""

    name: str
    resolution: str
    text: str


@_pickled_by_fields
@dataclass(slots=True)
class Outcome:
    """The result of processing one document: always produced, whatever went wrong."""

    source: SourceFile
    status: Status
    record: Record | None = None
    errors: list[str] = field(default_factory=list)
    pages: int = 0
    ocr_used: bool = False
    encoding: str | None = None  # text files: the encoding the text was decoded from
    raw_text: str = ""
    corrections: list[Correction] = field(default_factory=list)
    seconds: float = 0.0
    origins: list[FieldValue] = field(default_factory=list)  # where OParl metadata was merged
    disagreements: list[Disagreement] = field(default_factory=list)
    # The record's stems for SQLite's search index, made by the worker (None: the store
    # stems it, or the database stems for itself, as Postgres does).
    stemmed: Stemmed | None = None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
