"""At ingest: merge a RIS page's labelled fields (pipeline.ris_pages) into its extracted record.

As with an OParl sidecar (pipeline.oparl.merge), both values of a field are kept, each marked
with its origin: "ris-page" for what the page's DOM labels, "text" for what the extractors
found in the page's text. The labelled value wins over the text's; the council's OParl
metadata, where import-oparl saved some beside the page, wins over both (it is merged
first, and a field OParl gave keeps its value).
"""

from __future__ import annotations

from typing import Any

from extractors import evidence
from pipeline.model import FieldValue, PaperType, Record
from pipeline.oparl.merge import known, show
from pipeline.read.ris_pages import PageFields

ORIGIN = "ris-page"
FIELDS = (
    "paper_type",
    "body",
    "reference",
    "date",
    "name",
    "department",
    "reporters",
    "consultations",
    "resolution",
)


def merge(record: Record, page: PageFields, origins: list[FieldValue]) -> list[FieldValue]:
    """Put the page's values into `record` (in place) where OParl did not give the field;
    returns `origins` with the page's values added (and the text's, where OParl had none)."""
    by_oparl = {v.field for v in origins if v.origin == "oparl" and v.kept}
    listed = {(v.field, v.origin) for v in origins}
    result = list(origins)
    for name in FIELDS:
        value = getattr(page, name)
        if not known(value) or (name == "consultations" and _whole_session(record)):
            continue
        if name == "name" and _fuller(record.name, value):
            continue  # "Gemeinderat" heads the page; the text says "Gemeinderat Sitzung am ..."
        extracted = getattr(record, name)
        kept = name not in by_oparl
        if kept:
            if name == "consultations" and not page.whole_beratungsfolge:
                value = _fill(value, extracted)
            setattr(record, name, value)
            record.evidence[name] = evidence.labelled("the RIS page's field")
            result = [
                FieldValue(v.field, v.origin, v.value, False) if v.field == name else v
                for v in result
            ]
            if known(extracted) and (name, "text") not in listed:
                result.append(FieldValue(name, "text", _show_any(extracted), False))
        result.append(FieldValue(name, ORIGIN, _show_any(value), kept))
    if record.body is None and page.owner and "body" not in by_oparl:
        record.body = page.owner
        record.evidence["body"] = evidence.inferred("the council whose RIS shows the page")
        result.append(FieldValue("body", ORIGIN, page.owner, True))
    # Amounts are not one value but a set: the page's money columns add to the text's.
    present = {a.value for a in record.finance.amounts}
    added = [a for a in page.amounts if a.value not in present]
    if added:
        record.finance.amounts = [*record.finance.amounts, *added]
        shown = "; ".join(f"{a.value:.2f} {a.currency}" for a in added)
        result.append(FieldValue("amounts", ORIGIN, shown, True))
    return result


def _fuller(text_name: str | None, page_name: str) -> bool:
    """Whether the name read from the text is the page's heading and more."""
    return bool(
        text_name
        and len(text_name) > len(page_name)
        and text_name.casefold().startswith(page_name.casefold())
    )


def _whole_session(record: Record) -> bool:
    """An agenda's page lists its own session in the table a paper's page lists its
    Beratungsfolge in (Delitzsch's "Datum Ort Gremium Beginn"): an agenda has none."""
    return record.paper_type is PaperType.EINLADUNG


def _fill(given: list[Any], extracted: list[Any]) -> list[Any]:
    """The page's Beratungsfolge, each entry completed from the text's entry of the same
    committee (a public flag the page does not show)."""
    by_committee = {" ".join(c.organization.casefold().split()): c for c in extracted}
    for c in given:
        twin = by_committee.get(" ".join(c.organization.casefold().split()))
        if twin is not None:
            c.date = c.date or twin.date
            c.role = c.role or twin.role
            c.public = c.public if c.public is not None else twin.public
    return given


def _show_any(value: Any) -> str:
    if isinstance(value, list) and value and hasattr(value[0], "text"):
        return "\n".join(item.text for item in value)
    if isinstance(value, list) and value and isinstance(value[0], str):
        return "; ".join(value)
    return show(value)
