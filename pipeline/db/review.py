"""review: which papers a maintainer should look at first, and which they have looked at.

The queue puts the worst first: documents that failed (no paper at all), then partial ones,
then papers with few fields filled, then those whose least sure field (field_evidence,
corrected fields left out: a person vouched for them) has the lowest grade. A paper marked
reviewed leaves the queue; the mark is kept by the same lasting key as a correction (body
and reference as extracted, else the file name), so it outlasts `ingest --force`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, text
from sqlalchemy.engine import Connection

from pipeline.db import corrections, schema

# The fields a complete paper has; a paper is ranked by how many of them it lacks.
SCALARS = ("reference", "date", "name", "department", "body")

_QUEUE = text(
    """
    WITH graded AS (
        SELECT paper_id, min(confidence) AS least, count(*) AS graded
        FROM field_evidence WHERE how NOT LIKE 'correction % by %'
        GROUP BY paper_id
    ), parts AS (
        SELECT p.id AS paper_id,
            (SELECT count(*) FROM consultations c WHERE c.paper_id = p.id) AS consultations,
            (SELECT count(*) FROM resolutions r WHERE r.paper_id = p.id) AS resolutions
        FROM papers p
    )
    SELECT p.id AS paper_id, s.id AS source_id, s.name AS file, s.status, s.error,
        p.body, p.reference, p.paper_type, p.name, p.date,
        (CASE WHEN p.reference IS NULL THEN 0 ELSE 1 END
         + CASE WHEN p.date IS NULL THEN 0 ELSE 1 END
         + CASE WHEN p.name IS NULL THEN 0 ELSE 1 END
         + CASE WHEN p.department IS NULL THEN 0 ELSE 1 END
         + CASE WHEN p.body IS NULL THEN 0 ELSE 1 END
         + CASE WHEN parts.consultations > 0 THEN 1 ELSE 0 END
         + CASE WHEN parts.resolutions > 0 THEN 1 ELSE 0 END) AS fields,
        g.least AS least_sure
    FROM sources s
    LEFT JOIN papers p ON p.source_id = s.id
    LEFT JOIN parts ON parts.paper_id = p.id
    LEFT JOIN graded g ON g.paper_id = p.id
    WHERE (:body IS NULL OR p.body = :body)
      AND (:paper_type IS NULL OR p.paper_type = :paper_type)
    ORDER BY CASE s.status WHEN 'failed' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END,
        fields, coalesce(g.least, 0), s.name
    """
)
FIELDS_IN_ALL = len(SCALARS) + 2  # and a Beratungsfolge and a Beschlussvorschlag


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the review queue."""

    paper_id: int | None  # None: the document failed, it has no paper
    source_id: int
    file: str
    status: str
    error: str | None
    body: str | None
    reference: str | None
    paper_type: str | None
    name: str | None
    date: dt.date | str | None
    fields: int | None
    least_sure: float | None

    @property
    def why(self) -> str:
        """In a few words, why the paper is in the queue."""
        if self.status == "failed":
            return "failed: " + _first(self.error)
        reasons = []
        if self.status == "partial":
            reasons.append("partial: " + _first(self.error))
        if self.fields is not None and self.fields < FIELDS_IN_ALL:
            reasons.append(f"{self.fields} of {FIELDS_IN_ALL} fields")
        if self.least_sure is not None and self.least_sure < 0.9:
            reasons.append(f"least sure field graded {self.least_sure:.1f}")
        return "; ".join(reasons) or "looks complete"


def _first(error: str | None, width: int = 90) -> str:
    """The first line of a document's errors, cut to `width` characters."""
    line = (error or "").split("\n")[0]
    return line if len(line) <= width else line[: width - 1] + "…"


def queue(
    engine: Engine,
    body: str | None = None,
    paper_type: str | None = None,
    reviewed: bool = False,
    limit: int = 200,
) -> list[Entry]:
    """The review queue, worst first: failed documents (unless a council or type is asked
    for: they have none), partial ones, few fields, least sure evidence. Papers marked
    reviewed are left out unless `reviewed`."""
    with engine.connect() as conn:
        done = _reviewed_keys(conn) if not reviewed else set()
        entries = []
        for row in conn.execute(_QUEUE, {"body": body, "paper_type": paper_type}):
            entry = Entry(**row._mapping)
            if entry.paper_id is not None and _ident(entry) in done:
                continue
            entries.append(entry)
            if len(entries) >= limit:
                break
    return entries


def _ident(entry: Entry) -> tuple[str | None, ...]:
    key = corrections.Key(entry.body, entry.reference, entry.file)
    return key.ident


def _reviewed_keys(conn: Connection) -> set[tuple[str | None, ...]]:
    r = schema.reviewed_papers.c
    return {
        corrections.Key(body, reference, source).ident
        for body, reference, source in conn.execute(select(r.body, r.reference, r.source))
    }


def mark_reviewed(engine: Engine, paper_id: int, by: str) -> None:
    """Note that `by` reviewed the paper, by its lasting key."""
    with engine.begin() as conn:
        p = schema.papers.c
        row = conn.execute(select(p.body, p.reference, p.source).where(p.id == paper_id)).first()
        if row is None:
            raise corrections.CorrectionError(f"no paper with id {paper_id}")
        conn.execute(
            insert(schema.reviewed_papers).values(
                body=row.body,
                reference=row.reference,
                source=row.source,
                paper_id=paper_id,
                reviewed_by=by,
                reviewed_at=dt.datetime.now(dt.UTC),
            )
        )
