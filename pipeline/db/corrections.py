"""corrections: a maintainer's corrections of extracted fields, which outlast re-ingests.

A correction is applied when a paper is stored (store._write calls `apply_stored`), after
extraction and the OParl merge, not when a record is read: Datasette, SQL, full-text search
and the CSV and OParl exports all read the tables directly, so only a corrected table row
shows the corrected value everywhere, and only once, in the transaction that stores the
paper. The automatic reading stays in the correction's `old_value` for audit.

A correction names its paper by body and reference *as extracted* (the file name where the
paper has no reference): those are what the next `ingest --force` extracts again, while the
paper's row and id are made anew. Every paper with that key gets it, so the text and the
PDF of one paper are corrected together. Where a correction applies, the field's evidence
(`field_evidence`) becomes confidence 1.0, "correction N by WHO on DATE", which shows the
value as corrected in every view and lets the review queue skip it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, insert, or_, select, text, update
from sqlalchemy.engine import Connection

from pipeline.db import schema, search, stems
from pipeline.errors import RatsinfoError
from pipeline.model import (
    Amount,
    Consultation,
    Evidence,
    PaperType,
    Product,
    Record,
    ResolutionItem,
)


class CorrectionError(RatsinfoError):
    """A correction that cannot be made: no such paper or field, or a value of the wrong form."""


# Confidence of a corrected field in field_evidence: as sure as the council's own data.
CORRECTED = 1.0
_MARK = re.compile(r"^correction (\d+) by ")


# --- values: text in the table, typed in the record ----------------------------------------


def _text(value: str) -> str | None:
    return value.strip() or None


def _date(value: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    for form in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise CorrectionError(f"{value!r} is no date: write 2021-05-25 or 25.05.2021")


def _paper_type(value: str) -> PaperType:
    try:
        return PaperType(value.strip())
    except ValueError:
        kinds = ", ".join(PaperType)
        raise CorrectionError(f"{value!r} is no paper type: one of {kinds}") from None


def _flag(value: str) -> bool | None:
    words = {"ja": True, "yes": True, "true": True, "1": True}
    words |= {"nein": False, "no": False, "false": False, "0": False}
    value = value.strip().lower()
    if not value:
        return None
    if value not in words:
        raise CorrectionError(f"{value!r} is neither ja nor nein (empty: not stated)")
    return words[value]


def _json_list(value: str, what: str) -> list[Any]:
    try:
        items = json.loads(value) if value.strip() else []
    except json.JSONDecodeError as e:
        raise CorrectionError(f"{what}: not JSON ({e.msg}); give a JSON list") from None
    if not isinstance(items, list):
        raise CorrectionError(f"{what}: give a JSON list, as the record format has it")
    return items


def _resolution(value: str) -> list[ResolutionItem]:
    """Plain text is one item; a JSON list holds texts or {"organization", "text"} items."""
    if not value.strip().startswith("["):
        return [ResolutionItem(value.strip())] if value.strip() else []
    items = _json_list(value, "resolution")
    try:
        return [
            ResolutionItem(str(i)) if isinstance(i, str) else ResolutionItem(**i) for i in items
        ]
    except TypeError as e:
        raise CorrectionError(f"resolution: {e}") from None


def _consultations(value: str) -> list[Consultation]:
    try:
        return Record.from_json(
            {"source": "", "consultations": _json_list(value, "consultations")}
        ).consultations
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise CorrectionError(
            f"consultations: each needs organization, and date as YYYY-MM-DD ({e})"
        ) from None


def _amounts(value: str) -> list[Amount]:
    """A JSON list of numbers or of {"value", "currency"} items."""
    items = _json_list(value, "amounts")
    try:
        return [
            Amount(float(i))
            if isinstance(i, int | float)
            else Amount(float(i["value"]), i.get("currency") or "EUR")
            for i in items
        ]
    except (KeyError, TypeError, ValueError) as e:
        raise CorrectionError(f"amounts: give numbers or {{'value', 'currency'}} ({e})") from None


def _products(value: str) -> list[Product]:
    items = _json_list(value, "products")
    try:
        return [Product(str(i)) if isinstance(i, str) else Product(**i) for i in items]
    except TypeError as e:
        raise CorrectionError(f"products: give numbers or {{'number', 'name'}} ({e})") from None


def _reporters(value: str) -> list[str]:
    """A JSON list, or names separated by semicolons."""
    if value.strip().startswith("["):
        return [str(n) for n in _json_list(value, "reporters")]
    return [n.strip() for n in value.split(";") if n.strip()]


@dataclass(frozen=True, slots=True)
class FieldKind:
    """How one correctable field is parsed from text, read from a record and set on one."""

    parse: Callable[[str], Any]
    get: Callable[[Record], Any]
    put: Callable[[Record, Any], None]
    gold: tuple[str, ...]  # the names the corpus scorer gives it (a gold record's `fields`)


def _attr(name: str, parse: Callable[[str], Any], gold: tuple[str, ...] = ()) -> FieldKind:
    return FieldKind(
        parse,
        lambda r: getattr(r, name),
        lambda r, v: setattr(r, name, v),
        gold or (name,),
    )


def _finance(name: str, parse: Callable[[str], Any], gold: str) -> FieldKind:
    return FieldKind(
        parse,
        lambda r: getattr(r.finance, name),
        lambda r, v: setattr(r, "finance", dataclasses.replace(r.finance, **{name: v})),
        (gold,),
    )


FIELDS: dict[str, FieldKind] = {
    "name": _attr("name", _text),
    "date": _attr("date", _date),
    "paper_type": _attr("paper_type", _paper_type),
    "department": _attr("department", _text),
    "reference": _attr("reference", _text),
    "body": _attr("body", _text),
    "resolution": _attr("resolution", _resolution),
    "consultations": _attr("consultations", _consultations),
    "reporters": _attr("reporters", _reporters),
    "products": _attr("products", _products),
    "amounts": _finance("amounts", _amounts, "finance.amounts"),
    "finance_impact": _finance("impact", _flag, "finance.impact"),
    "finance_in_budget": _finance("in_budget", _flag, "finance.in_budget"),
}


def kind(field: str) -> FieldKind:
    if field not in FIELDS:
        raise CorrectionError(f"no field {field!r} to correct: one of {', '.join(FIELDS)}")
    return FIELDS[field]


def shown(value: Any) -> str | None:
    """A field's value as the table keeps it: text, an ISO date, lists as record-format JSON."""
    if value is None:
        return None
    if isinstance(value, list):
        items = [_plain(v) for v in value]
        return json.dumps(items, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = dataclasses.asdict(value)
        return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}
    return value


def corrected(record: Record, field: str, value: str | None) -> Record:
    """A copy of `record` with `field` set to the parsed `value` (None or "": unknown)."""
    fixed = dataclasses.replace(record, evidence=dict(record.evidence))
    kind(field).put(fixed, kind(field).parse(value or ""))
    return fixed


# --- the lasting key ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Key:
    """What names a paper across re-ingests: body and reference as extracted, else its file."""

    body: str | None
    reference: str | None
    source: str | None

    @property
    def ident(self) -> tuple[str | None, ...]:
        """What two keys must share to name the same paper (`source` only without a
        reference: otherwise it is the file the correction was made on)."""
        return (self.body, self.reference) if self.reference is not None else (self.source,)

    def matches(self, record: Record) -> bool:
        if self.reference is not None:
            return self.reference == record.reference and self.body == record.body
        return self.source == record.source


@dataclass(frozen=True, slots=True)
class Correction:
    id: int
    key: Key
    paper_id: int | None
    field: str
    old_value: str | None
    new_value: str | None
    corrected_by: str
    corrected_at: dt.datetime

    @property
    def mark(self) -> str:
        """The `how` of the corrected field's evidence, naming this correction."""
        return f"correction {self.id} by {self.corrected_by} on {self.corrected_at:%Y-%m-%d}"


def correction_id(how: str) -> int | None:
    """The correction a field_evidence `how` names, if it names one."""
    found = _MARK.match(how)
    return int(found.group(1)) if found else None


def _row(row: Any) -> Correction:
    return Correction(
        row.id,
        Key(row.body, row.reference, row.source),
        row.paper_id,
        row.field,
        row.old_value,
        row.new_value,
        row.corrected_by,
        row.corrected_at,
    )


# --- at store time ---------------------------------------------------------------------------


# Keys asked for in one query: SQLite allows 32,766 parameters a statement (999 before 3.32).
_CHUNK = 400


def matching(conn: Connection, records: Iterable[Record]) -> list[list[Correction]]:
    """For each record (as extracted), the corrections that apply to it, oldest first.

    Costs one small query when there are no corrections at all, as in most databases."""
    records = list(records)
    c = schema.field_corrections.c
    if conn.execute(select(c.id).limit(1)).first() is None:
        return [[] for _ in records]
    references = sorted({r.reference for r in records if r.reference is not None})
    sources = sorted({r.source for r in records})
    found: dict[int, Correction] = {}
    for column, values in ((c.reference, references), (c.source, sources)):
        for start in range(0, len(values), _CHUNK):
            query = select(schema.field_corrections).where(
                column.in_(values[start : start + _CHUNK])
            )
            found.update((row.id, _row(row)) for row in conn.execute(query))
    ordered = [found[i] for i in sorted(found)]
    return [[k for k in ordered if k.key.matches(r)] for r in records]


def same_paper(engine: Engine, paper_id: int) -> list[int]:
    """`paper_id` and the other stored files of the same paper (same body and reference):
    what a correction made on one of them applies to, as `ratsinfo correct` does."""
    p = schema.papers.c
    with engine.connect() as conn:
        row = conn.execute(select(p.body, p.reference).where(p.id == paper_id)).first()
        if row is None or row.reference is None:
            return [paper_id]
        same = (p.reference == row.reference) & (
            p.body.is_(None) if row.body is None else p.body == row.body
        )
        ids = [int(i) for (i,) in conn.execute(select(p.id).where(same).order_by(p.id))]
    return ids or [paper_id]


def applied(record: Record, found: list[Correction]) -> Record:
    """`record` with the corrections `found` for it applied, the latest of a field winning,
    each corrected field's evidence naming its correction."""
    for k in found:
        record = corrected(record, k.field, k.new_value)
        record.evidence[k.field] = Evidence(CORRECTED, k.mark)
    return record


def claim(conn: Connection, found: list[Correction], paper_id: int) -> None:
    """Note `paper_id` as the paper these corrections were last applied to."""
    ids = [k.id for k in found]
    if ids:
        c = schema.field_corrections.c
        conn.execute(
            update(schema.field_corrections).where(c.id.in_(ids)).values(paper_id=paper_id)
        )


# --- correcting a stored paper ---------------------------------------------------------------


def find_papers(engine: Engine, reference: str, body: str | None = None) -> list[int]:
    """The ids of the stored papers with this reference (and body), or with this file name.

    Raises CorrectionError when none matches, or when papers of several councils do and no
    body was given."""
    p = schema.papers.c
    query = select(p.id, p.body).where(or_(p.reference == reference, p.source == reference))
    if body is not None:
        query = query.where(p.body == body)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(p.id)).all()
    if not rows:
        where = f" of {body}" if body else ""
        raise CorrectionError(f"no paper{where} with reference or file name {reference!r}")
    bodies = sorted({str(b) for _, b in rows})
    if body is None and len(bodies) > 1:
        raise CorrectionError(
            f"{reference!r} names papers of {len(bodies)} councils ({', '.join(bodies)}):"
            " say which with --body"
        )
    return [int(i) for i, _ in rows]


def correct(
    engine: Engine, paper_ids: list[int], field: str, value: str | None, by: str
) -> list[Correction]:
    """Correct `field` of these stored papers to `value`, at once and for every later ingest.

    Each paper's row (and its parts, search index row and evidence) is rewritten in one
    transaction with the correction itself. Returns the corrections made, one per distinct
    key (the text and PDF of one paper share one)."""
    kind(field).parse(value or "")  # a wrong value is refused before anything is written
    if not by.strip():
        raise CorrectionError("say who corrects (--by)")
    made: dict[tuple[str | None, ...], Correction] = {}
    with engine.begin() as conn:
        for paper_id in paper_ids:
            record = _stored(conn, paper_id)
            key = _key(conn, paper_id, record)
            if key.ident not in made:
                made[key.ident] = _insert(conn, key, paper_id, field, record, value, by)
            fixed = applied(record, [made[key.ident]])
            _rewrite(conn, paper_id, fixed)
    return list(made.values())


def _insert(
    conn: Connection,
    key: Key,
    paper_id: int,
    field: str,
    record: Record,
    value: str | None,
    by: str,
) -> Correction:
    made = Correction(
        0,
        key,
        paper_id,
        field,
        shown(kind(field).get(record)),
        shown(kind(field).parse(value or "")),
        by.strip(),
        dt.datetime.now(dt.UTC),
    )
    result = conn.execute(
        insert(schema.field_corrections).values(
            body=key.body,
            reference=key.reference,
            source=key.source,
            paper_id=paper_id,
            field=field,
            old_value=made.old_value,
            new_value=made.new_value,
            corrected_by=made.corrected_by,
            corrected_at=made.corrected_at,
        )
    )
    return dataclasses.replace(made, id=int(result.inserted_primary_key[0]))  # type: ignore[index]


def _key(conn: Connection, paper_id: int, record: Record) -> Key:
    """The paper's lasting key: that of a correction already applied to it (its body or
    reference may be corrected values), else its body and reference, else its file name."""
    e = schema.field_evidence.c
    for (how,) in conn.execute(select(e.how).where(e.paper_id == paper_id)):
        earlier = correction_id(how)
        if earlier is not None:
            row = conn.execute(
                select(schema.field_corrections).where(schema.field_corrections.c.id == earlier)
            ).first()
            if row is not None:
                return _row(row).key
    if record.reference is not None:
        return Key(record.body, record.reference, record.source)
    return Key(record.body, None, record.source)


def of_paper(engine: Engine, paper_id: int) -> dict[str, list[Correction]]:
    """The corrections applied to a stored paper, by field, newest first (its history)."""
    e = schema.field_evidence.c
    with engine.connect() as conn:
        ids = [
            i
            for (how,) in conn.execute(select(e.how).where(e.paper_id == paper_id))
            if (i := correction_id(how)) is not None
        ]
        if not ids:
            return {}
        c = schema.field_corrections.c
        keys = {
            _row(r).key.ident
            for r in conn.execute(select(schema.field_corrections).where(c.id.in_(ids)))
        }
        history: dict[str, list[Correction]] = {}
        for row in conn.execute(select(schema.field_corrections).order_by(c.id.desc())):
            k = _row(row)
            if k.key.ident in keys:
                history.setdefault(k.field, []).append(k)
    return history


def _stored(conn: Connection, paper_id: int) -> Record:
    from pipeline.db import store  # store imports this module

    record = store.paper_record(conn, paper_id)
    if record is None:
        raise CorrectionError(f"no paper with id {paper_id}")
    return record


_PARTS = ("consultations", "resolutions", "amounts", "products", "reporters")
_UNINDEX = {
    "sqlite": text("DELETE FROM papers_fts WHERE rowid = :id"),
    "postgresql": text("DELETE FROM papers_fts WHERE paper_id = :id"),
}


def _rewrite(conn: Connection, paper_id: int, record: Record) -> None:
    """Write `record` over the stored paper `paper_id`, keeping its id and what hangs off it
    (OParl origins, disagreements, the other fields' evidence)."""
    from pipeline.db import store  # store imports this module

    conn.execute(
        update(schema.papers)
        .where(schema.papers.c.id == paper_id)
        .values(**store.paper_columns(record))
    )
    for name in _PARTS:
        table = schema.metadata.tables[name]
        conn.execute(delete(table).where(table.c.paper_id == paper_id))
    for name, rows in store.part_rows(record).items():
        if rows:
            conn.execute(
                insert(schema.metadata.tables[name]),
                [{**row, "paper_id": paper_id, "position": i} for i, row in enumerate(rows)],
            )
    e = schema.field_evidence
    fields = list(record.evidence)
    conn.execute(delete(e).where(e.c.paper_id == paper_id).where(e.c.field.in_(fields)))
    conn.execute(
        insert(e),
        [
            {"paper_id": paper_id, "field": f, "confidence": v.confidence, "how": v.how}
            for f, v in record.evidence.items()
        ],
    )
    conn.execute(_UNINDEX[conn.dialect.name], {"id": paper_id})
    search.index(conn, [search.Entry(paper_id, *stems.parts(record))])
