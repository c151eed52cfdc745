"""At ingest: merge a paper's OParl metadata (saved by import-oparl) into its extracted record.

Both values of every field are kept, each marked with its origin ("oparl" or "text"). Where
the council's OParl data gives a value, the record keeps it; where the text says something
else, the disagreement is recorded for review. Where OParl gives nothing (or a placeholder
such as "unbekannt"), the extracted value stays. A Beratungsfolge from OParl is put in the
order of its session dates, and an entry lacking a date, role or public flag takes it from
the extracted entry of the same committee.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractors import evidence, vocab
from extractors.paper_type import classify
from pipeline.model import Consultation, Disagreement, FieldValue, PaperType, Record
from pipeline.oparl import safejson
from pipeline.read.discover import sidecar

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
FIELDS = (
    "paper_type",
    "body",
    "reference",
    "date",
    "name",
    "department",
    "originator",
    "consultations",
)


@dataclass
class Merge:
    values: list[FieldValue] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def apply(path: Path, record: Record) -> Merge:
    """Merge the OParl metadata beside `path`, if there is any, into `record` (in place)."""
    meta_path = sidecar(path)
    if not meta_path.is_file():
        return Merge()
    try:
        meta = safejson.loads(meta_path.read_bytes())
        given = oparl_values(meta)
        oparl_id = _value(meta["paper"].get("id")) or ""
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as e:
        return Merge(warnings=[f"OParl metadata {meta_path.name} is unreadable: {e}"])
    return merge(record, given, oparl_id)


def merge(record: Record, given: dict[str, Any], oparl_id: str = "") -> Merge:
    """Put the OParl values `given` (by field; None where unknown) into `record`."""
    result = Merge()
    if oparl_id:
        result.values.append(FieldValue("oparl_id", "oparl", oparl_id, True))
    for name in FIELDS:
        extracted = getattr(record, name)
        value = given.get(name)
        if name == "consultations" and value:
            value = _fill(value, extracted)
        has_text, has_oparl = known(extracted), known(value)
        if has_oparl:
            setattr(record, name, value)
            record.evidence[name] = evidence.given("the council's OParl metadata")
            result.values.append(FieldValue(name, "oparl", show(value), True))
        if has_text:
            result.values.append(FieldValue(name, "text", show(extracted), not has_oparl))
        if has_oparl and has_text and _key(name, value) != _key(name, extracted):
            result.disagreements.append(Disagreement(name, show(value), show(extracted)))
    return result


def known(value: Any) -> bool:
    """Whether a field's value says something (a placeholder type or an empty list does not)."""
    return value not in (None, [], "") and value is not PaperType.SONSTIGES


def oparl_values(meta: dict[str, Any]) -> dict[str, Any]:
    """The record's fields as the OParl metadata gives them; None where it gives none."""
    paper = meta["paper"]
    orgs = meta.get("organizations") or {}

    def org_name(url: Any) -> str | None:
        entry = orgs.get(url) if isinstance(url, str) else None
        return _value(entry.get("name")) if isinstance(entry, dict) else None

    kind = classify(_value(paper.get("paperType")) or "")
    departments = [org_name(u) for u in paper.get("underDirectionOf") or []]
    return {
        "originator": _originator(paper, org_name, meta.get("persons") or {}),
        "paper_type": kind if kind is not PaperType.SONSTIGES else None,
        "body": _value((meta.get("body") or {}).get("name")),
        "reference": _value(paper.get("reference")),
        "date": _date(paper.get("date")),
        "name": _value(paper.get("name")),
        "department": next((d for d in departments if d), None),
        "consultations": _consultations(paper, meta.get("meetings") or {}, org_name),
    }


def _originator(paper: dict[str, Any], org_name: Any, persons: dict[str, Any]) -> str | None:
    """Who filed the paper: its originator organizations' names, else its originator
    persons' names, comma-separated; None where OParl names none."""
    orgs = [n for n in map(org_name, _list(paper.get("originatorOrganization"))) if n]
    if orgs:
        return ", ".join(orgs)
    names = [
        _value(entry.get("name"))
        for url in _list(paper.get("originatorPerson"))
        if isinstance(entry := persons.get(url) if isinstance(url, str) else None, dict)
    ]
    return ", ".join(n for n in names if n) or None


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _consultations(
    paper: dict[str, Any], meetings: dict[str, Any], org_name: Any
) -> list[Consultation]:
    found = []
    for c in paper.get("consultation") or []:
        if not isinstance(c, dict):
            continue
        names = [n for n in map(org_name, c.get("organization") or []) if n]
        if not names:
            continue  # a consultation of no known committee says nothing to keep
        meeting = meetings.get(str(c.get("meeting"))) or {}
        public = (meeting.get("public") or {}).get(c.get("id"))
        found.append(
            Consultation(
                organization=names[0],
                date=_date(meeting.get("start")),
                role=_value(c.get("role")),
                public=public if isinstance(public, bool) else None,
            )
        )
    # A Beratungsfolge runs in session order; OParl lists consultations in any order.
    return sorted(found, key=lambda c: (c.date is None, c.date or dt.date.min))


def _fill(given: list[Consultation], extracted: list[Consultation]) -> list[Consultation]:
    """OParl's entries, each completed from the extracted entry of the same committee."""
    by_committee = {_norm(c.organization): c for c in extracted}
    filled = []
    for c in given:
        twin = by_committee.get(_norm(c.organization))
        if twin is not None:
            c = Consultation(
                organization=c.organization,
                date=c.date or twin.date,
                role=c.role or twin.role,
                public=c.public if c.public is not None else twin.public,
            )
        filled.append(c)
    return filled


def _key(name: str, value: Any) -> Any:
    """What must be equal for two values to agree: text compared without case and spacing,
    a Beratungsfolge by its committees and session dates."""
    if name == "consultations":
        return [(_norm(c.organization), c.date) for c in value]
    if isinstance(value, str):
        return _norm(value)
    return value


def _norm(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:;,")


def show(value: Any) -> str:
    """A field's value as stored beside its origin in field_values."""
    if isinstance(value, list):
        return json.dumps(
            [
                {
                    "organization": c.organization,
                    "date": c.date.isoformat() if c.date else None,
                    "role": c.role,
                    "public": c.public,
                }
                for c in value
            ],
            ensure_ascii=False,
        )
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _value(text: Any) -> str | None:
    """A string value, or None for nothing or a placeholder."""
    if not isinstance(text, str):
        return None
    # Control characters (a NUL, which Postgres refuses and SQLite keeps) are no part of a
    # name: the same value goes into either database.
    text = " ".join(_CONTROL.sub(" ", text).split())
    if not text:
        return None
    placeholders = {p.casefold() for p in vocab.words("oparl_placeholders")}
    if text.casefold() in placeholders or text.startswith("_"):
        return None
    return text


def _date(text: Any) -> dt.date | None:
    """The date of an OParl date or date-time ("2020-11-12T16:30:00+01:00": the 12th)."""
    if not isinstance(text, str) or len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
