"""desk: what the paper page shows of one paper, gathered from the database.

Each field with its value (as the edit form takes it), how sure its reader was
(field_evidence), whether and by whom it was corrected, and the paper's text with every
value it was read from marked (pipeline.serve.marks). Plain functions over an SQLAlchemy
engine; the Datasette plugin runs them in a thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select

from pipeline.db import corrections, schema, store
from pipeline.model import Record
from pipeline.serve import marks

# The fields the page shows, in order, with their German labels.
LABELS = {
    "paper_type": "Art",
    "body": "Körperschaft",
    "reference": "Drucksachen-Nr.",
    "date": "Datum",
    "name": "Betreff",
    "department": "Federführend",
    "reporters": "Berichterstattung",
    "consultations": "Beratungsfolge",
    "resolution": "Beschlussvorschlag",
    "finance_impact": "Finanzielle Auswirkungen",
    "finance_in_budget": "Im Haushalt vorgesehen",
    "amounts": "Beträge",
    "products": "Produkte",
}
# Fields whose values are lists: edited as JSON (or plain text) in a text area.
LISTS = {"reporters", "consultations", "resolution", "amounts", "products"}


@dataclass(slots=True)
class FieldView:
    name: str
    label: str
    value: str | None  # as the edit form shows and takes it
    items: list[str]  # list fields: one line per item, for reading
    confidence: float | None
    how: str | None
    history: list[corrections.Correction] = field(default_factory=list)
    marked: bool = False  # found in the text

    @property
    def corrected(self) -> bool:
        return bool(self.history)

    @property
    def is_list(self) -> bool:
        return self.name in LISTS


@dataclass(slots=True)
class PaperView:
    id: int
    record: Record
    source: dict[str, Any]
    fields: list[FieldView]
    text_html: str
    marks_found: int
    # The paper's other stored files (its PDF beside its text): (paper id, file name, kind).
    files: list[tuple[int, str, str]] = field(default_factory=list)


def paper(engine: Engine, paper_id: int) -> PaperView | None:
    """Everything the paper page shows of paper `paper_id`; None if there is none."""
    with engine.connect() as conn:
        record = store.paper_record(conn, paper_id)
        if record is None:
            return None
        s = schema.sources.c
        source = (
            conn.execute(
                select(s.id, s.name, s.kind, s.status, s.error, s.pages, s.ocr_used)
                .join(schema.papers, schema.papers.c.source_id == s.id)
                .where(schema.papers.c.id == paper_id)
            )
            .one()
            ._asdict()
        )
        e = schema.field_evidence.c
        evidence = {
            f: (c, how)
            for f, c, how in conn.execute(
                select(e.field, e.confidence, e.how).where(e.paper_id == paper_id)
            )
        }
    history = corrections.of_paper(engine, paper_id)
    spans = marks.spans(record.text, _wanted(record))
    found = {s.field.split(".")[0] for s in spans}
    views = []
    for name, label in LABELS.items():
        value = corrections.FIELDS[name].get(record)
        confidence, how = evidence.get(_evidence_name(name, evidence), (None, None))
        views.append(
            FieldView(
                name,
                label,
                corrections.shown(value),
                _items(name, value),
                confidence,
                how,
                history.get(name, []),
                name in found,
            )
        )
    text_html = marks.marked(record.text, spans)
    return PaperView(
        paper_id, record, source, views, text_html, len(spans), _other_files(engine, paper_id)
    )


def _other_files(engine: Engine, paper_id: int) -> list[tuple[int, str, str]]:
    """The paper's files other than the one its text is shown from (its PDF beside its
    text): one paper, however many files carry it (see pipeline.db.papers)."""
    f, s = schema.paper_files.c, schema.sources.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(f.paper_id, s.name, f.kind)
            .join(schema.sources, s.id == f.source_id)
            .where(f.paper_id == paper_id, f.chosen.is_(False))
            .order_by(s.name)
        )
        return [(int(i), str(n), str(k or "")) for i, n, k in rows]


def _evidence_name(name: str, evidence: dict[str, Any]) -> str:
    """The field_evidence name of a page field (the finance fields are graded together)."""
    if name in evidence:
        return name
    return "finance" if name.startswith("finance") or name == "amounts" else name


def _items(name: str, value: Any) -> list[str]:
    """A list field's items as lines to read."""
    if name not in LISTS or not value:
        return []
    if name == "consultations":
        return [
            " · ".join(
                x
                for x in (
                    c.organization,
                    c.date.strftime("%d.%m.%Y") if c.date else None,
                    c.role,
                    {True: "öffentlich", False: "nichtöffentlich"}.get(c.public),  # type: ignore[call-overload]
                )
                if x
            )
            for c in value
        ]
    if name == "resolution":
        return [f"{r.organization}: {r.text}" if r.organization else r.text for r in value]
    if name == "amounts":
        return [f"{a.value:,.2f} {a.currency}".replace(",", " ") for a in value]
    if name == "products":
        return [f"{p.number} {p.name or ''}".strip() for p in value]
    return [str(v) for v in value]


def _wanted(record: Record) -> list[tuple[str, list[str]]]:
    """(field, forms of its value) to mark, the identifying fields first: where two values
    overlap in the text, the first keeps the mark and the later one is looked for further on."""
    wanted: list[tuple[str, list[str]]] = []

    def add(name: str, forms: Sequence[str | None]) -> None:
        kept = [f for f in forms if f and f.strip()]
        if kept:
            wanted.append((name, kept))

    add("reference", [record.reference])
    add("name", [record.name])
    add("date", marks.date_forms(record.date) if record.date else [])
    add("department", [record.department])
    for i, c in enumerate(record.consultations):
        add(f"consultations.{i}", [c.organization])
    for i, c in enumerate(record.consultations):
        add(f"consultations.{i}.date", marks.date_forms(c.date) if c.date else [])
    for i, r in enumerate(record.resolution):
        add(f"resolution.{i}", [r.text])
    for i, a in enumerate(record.finance.amounts):
        add(f"amounts.{i}", list(marks.amount_forms(a.value)))
    for i, p in enumerate(record.products):
        add(f"products.{i}", [p.number])
    for i, name in enumerate(record.reporters):
        add(f"reporters.{i}", [name])
    # Last: the council's name stands in many values (the title, the resolution), and is
    # marked where it stands alone.
    add("body", [record.body])
    return wanted
