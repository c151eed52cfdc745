"""One paper from many files: which readings are the same paper, and its best fields.

A council publishes a paper as a PDF, a RIS page, a text and OParl metadata; each file is
read on its own (a *reading*), and the database keeps one paper per council and reference.
Two readings are the same paper when their council (body) and reference agree, and, since
some councils number their papers anew each year or per committee, their dates do not
contradict each other (and, without dates, their names do not). A reading without a
reference cannot be matched: it is a paper of its own; one that does not name its council
is the paper of the same reference only if the date and name are the same too.

The paper takes each field from the reading that knows it best: the surest evidence first
(OParl metadata is 1.0, a labelled value 0.9, ...), then the file kind (a PDF over a RIS
page over a plain text, since texts are most often extracted from the PDF and lose its
layout), then the first file by path.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.model import (
    Disagreement,
    Evidence,
    FieldValue,
    PaperType,
    Record,
    Stemmed,
)

# Which file kind reads a paper best when the evidence is alike (see module docstring).
KIND_RANK = {"pdf": 2, "html": 1, "text": 0}
# Record fields merged one by one; finance's parts are merged as the parts of one field.
FIELDS = (
    "paper_type",
    "body",
    "reference",
    "date",
    "name",
    "department",
    "originator",
    "reporters",
    "consultations",
    "resolution",
    "products",
)
_NO_EVIDENCE = 0.5  # between placed and inferred: a value found, its reader silent on how


@dataclass(slots=True)
class Reading:
    """One file's reading of a paper, as stored in `paper_files`."""

    source_id: int
    path: str
    sha256: str
    kind: str  # pdf | html | text
    record: Record
    origins: list[FieldValue] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    stemmed: Stemmed | None = None
    previous: int | None = None  # the id of the paper this file belonged to before

    @property
    def given(self) -> bool:
        """Whether the council's OParl metadata came with this file."""
        return bool(self.origins)


@dataclass(slots=True)
class Paper:
    """A paper as merged: its record, the readings it was made of, and the chosen one."""

    record: Record
    readings: list[Reading]
    chosen: Reading
    origins: list[FieldValue]
    disagreements: list[Disagreement]

    @property
    def previous(self) -> list[int]:
        return sorted({r.previous for r in self.readings if r.previous is not None})


def _fold(value: str) -> str:
    """A body or reference as compared: case, accents of form, spaces and dashes aside."""
    value = unicodedata.normalize("NFKC", value).casefold()
    return re.sub(r"[\s\u2010-\u2015-]+", "", value)


def loose(reference: str) -> str:
    """A reference as the database looks it up: lower case, without spaces and hyphens
    (what SQL's lower() and replace() do on both databases; `same_paper` decides)."""
    return reference.lower().replace(" ", "").replace("-", "")


def lock_key(record: Record) -> str | None:
    """A text naming the reference of `record`, for the database's locks on papers being
    stored (None without a reference: such a paper is never joined)."""
    return None if not record.reference else "paper " + _fold(record.reference)


def same_paper(a: Record, b: Record) -> bool:
    """Whether two readings are one paper (see module docstring). Where one of them does
    not name its council, the same reference, date and name still make them one."""
    if not a.reference or not b.reference or _fold(a.reference) != _fold(b.reference):
        return False
    if not (a.body and b.body):
        return bool(a.date and a.date == b.date and _same_name(a, b))
    if _fold(a.body) != _fold(b.body):
        return False
    if a.date and b.date:
        return a.date == b.date
    if a.date or b.date or not (a.name and b.name):
        return True  # nothing contradicts
    return _same_name(a, b)


def _same_name(a: Record, b: Record) -> bool:
    # Folded, so a word hyphenated in one file and joined in another still matches.
    return bool(a.name and b.name and _fold(a.name) == _fold(b.name))


def group(readings: Iterable[Reading]) -> list[list[Reading]]:
    """The readings as papers: each group one paper, in the order first seen."""
    groups: list[list[Reading]] = []
    for reading in readings:
        for members in groups:
            if all(same_paper(reading.record, m.record) for m in members):
                members.append(reading)
                break
        else:
            groups.append([reading])
    return groups


def _rank(reading: Reading, name: str) -> tuple[float, int]:
    evidence = reading.record.evidence.get(name)
    confidence = evidence.confidence if evidence else _NO_EVIDENCE
    return (confidence, KIND_RANK.get(reading.kind, 0))


def _by_path(readings: list[Reading]) -> list[Reading]:
    """The readings in path order: of two alike, the first path wins (max keeps the first
    of equals), whatever order they were stored in, so every run picks the same."""
    return sorted(readings, key=lambda r: r.path)


def _known(value: Any) -> bool:
    return value not in (None, "", [], PaperType.SONSTIGES)


def best(readings: list[Reading], name: str) -> Reading | None:
    """The reading whose value of field `name` is best (see module docstring), if any has one."""
    having = [r for r in _by_path(readings) if _known(_value(r.record, name))]
    return max(having, key=lambda r: _rank(r, name), default=None)


def _value(record: Record, name: str) -> Any:
    if name == "amounts":
        return record.finance.amounts
    if name in ("impact", "in_budget"):
        return getattr(record.finance, name)
    return getattr(record, name)


def chosen(readings: list[Reading]) -> Reading:
    """The file a paper is shown by (its `source`, its `text`): OParl's, else the best kind."""
    return max(_by_path(readings), key=lambda r: (r.given, KIND_RANK.get(r.kind, 0)))


def merge(readings: list[Reading]) -> Paper:
    """The paper these readings (all of one paper) make, field by field."""
    main = chosen(readings)
    record = dataclasses.replace(main.record, evidence=dict(main.record.evidence))
    record.finance = dataclasses.replace(record.finance, amounts=list(record.finance.amounts))
    for name in FIELDS:
        source = best(readings, name)
        if source is not None and source is not main:
            setattr(record, name, getattr(source.record, name))
            _carry_evidence(record, source.record, name)
    for name in ("impact", "in_budget", "amounts"):
        source = best(readings, name)
        if source is not None and source is not main:
            setattr(record.finance, name, _value(source.record, name))
    origins = {(o.field, o.origin): o for r in readings for o in r.origins}
    disagreements = {d.field: d for r in readings for d in r.disagreements}
    return Paper(
        record=record,
        readings=readings,
        chosen=main,
        origins=list(origins.values()),
        disagreements=list(disagreements.values()),
    )


def _carry_evidence(record: Record, source: Record, name: str) -> None:
    found: Evidence | None = source.evidence.get(name)
    if found is None:
        record.evidence.pop(name, None)
    else:
        record.evidence[name] = found


def to_stored(reading: Reading) -> str:
    """A reading as `paper_files.reading` keeps it: JSON of its record (with the evidence),
    OParl origins and disagreements, so a paper can be merged again when one of its files
    changes without reading the others again."""
    return json.dumps(
        {
            "record": reading.record.to_json(),
            "evidence": {k: [e.confidence, e.how] for k, e in reading.record.evidence.items()},
            "origins": [dataclasses.astuple(o) for o in reading.origins],
            "disagreements": [dataclasses.astuple(d) for d in reading.disagreements],
        },
        ensure_ascii=False,
    )


def from_stored(stored: str) -> tuple[Record, list[FieldValue], list[Disagreement]]:
    """Inverse of `to_stored`: the record, its OParl origins and disagreements."""
    data = json.loads(stored)
    record = Record.from_json(data["record"])
    record.evidence = {k: Evidence(c, how) for k, (c, how) in data["evidence"].items()}
    return (
        record,
        [FieldValue(*o) for o in data["origins"]],
        [Disagreement(*d) for d in data["disagreements"]],
    )
