"""The database schema: one table per part of the record, keyed by natural keys.

A source is a file's content (sha256). A paper is a council's paper, whatever files carry it
(`paper_files`); the paper row hangs off its chosen file and all the paper's parts off the
paper with ON DELETE CASCADE, so replacing a changed document is "delete the old source and
paper, merge the paper again from its files, insert" in one transaction and can never leave
half a record (see pipeline.db.papers and store._write).

This is the schema the code writes; the database gets it from the migrations in
pipeline/db/migrations (a test checks that they agree). The full-text index `papers_fts` and
the views `paper_overview` and `consultation_overview` differ between SQLite and Postgres
and live only in the migrations.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("version", String(32), nullable=False),
    Column("command", Text, nullable=False),
    Column("new", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("metadata_sha256", String(64)),  # of the OParl metadata beside the file, if any
    Column("path", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("size", Integer, nullable=False),
    # The file's modification time when it was read: with the size, tells an unchanged file
    # on the next run without hashing it.
    Column("mtime_ns", BigInteger),
    Column("kind", String(8)),  # pdf | text | html
    Column("encoding", String(32)),
    Column("pages", Integer, nullable=False, default=0),
    Column("ocr_used", Boolean, nullable=False, default=False),
    Column("status", String(8), nullable=False),  # ok | partial | failed
    Column("error", Text),  # one line per problem; null when none
    Column("raw_text", Text),
    Column("seconds", Float),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="SET NULL")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
Index("ix_sources_status", sources.c.status)
Index("ix_sources_name", sources.c.name)
Index("ix_sources_run", sources.c.run_id)

papers = Table(
    "papers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "source_id",
        Integer,
        ForeignKey("sources.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("source", Text, nullable=False),  # file name, as in the record
    Column("paper_type", String(32), nullable=False),
    Column("body", Text),
    Column("reference", Text),
    Column("date", Date),
    Column("name", Text),
    Column("department", Text),
    Column("originator", Text),  # who filed an Antrag, Anfrage or Stellungnahme
    Column("finance_impact", Boolean),
    Column("finance_in_budget", Boolean),
    Column("text", Text, nullable=False, default=""),
)
Index("ix_papers_reference", papers.c.reference)
Index("ix_papers_body_date", papers.c.body, papers.c.date)
Index("ix_papers_type", papers.c.paper_type)
Index("ix_papers_date", papers.c.date)


# Every file that carries a paper (a text, a PDF, a RIS page of the same council and
# reference): one paper, many files. `chosen` marks the file the paper is shown by (its
# `source` and `text`); `reading` is what was read from this file (JSON: record, evidence,
# OParl origins), so the paper can be merged again when one of its files changes.
paper_files = Table(
    "paper_files",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("paper_id", Integer, ForeignKey("papers.id", ondelete="CASCADE"), nullable=False),
    Column(
        "source_id",
        Integer,
        ForeignKey("sources.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("path", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("kind", String(8)),
    Column("chosen", Boolean, nullable=False),
    Column("reading", Text),  # null for files stored before schema 0007
)
Index("ix_paper_files_paper", paper_files.c.paper_id)


def _part(name: str, *columns: Column) -> Table:  # type: ignore[type-arg]
    """A list-valued part of a paper: ordered by position, deleted with its paper."""
    table = Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("paper_id", Integer, ForeignKey("papers.id", ondelete="CASCADE"), nullable=False),
        Column("position", Integer, nullable=False),
        *columns,
        UniqueConstraint("paper_id", "position"),
    )
    Index(f"ix_{name}_paper", table.c.paper_id)
    return table


consultations = _part(
    "consultations",
    Column("organization", Text, nullable=False),
    Column("date", Date),
    Column("role", Text),
    Column("public", Boolean),
)
Index("ix_consultations_organization", consultations.c.organization)
Index("ix_consultations_date", consultations.c.date)

resolutions = _part(
    "resolutions",
    Column("organization", Text),
    Column("text", Text, nullable=False),
)
amounts = _part(
    "amounts",
    Column("value", Float, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("label", Text),  # the words naming it, as printed ("Gesamtkosten")
    Column("year", Integer),  # the year printed with it or over its column
    Column("kind", String(16)),  # cost/income/grant, " total"/" part" (extractors/amounts.py)
)
products = _part(
    "products",
    Column("number", Text, nullable=False),
    Column("name", Text),
)
Index("ix_products_number", products.c.number)
reporters = _part("reporters", Column("name", Text, nullable=False))

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), nullable=False),
    Column("offset", Integer, nullable=False),  # in the stored raw_text
    Column("original", Text, nullable=False),
    Column("replacement", Text, nullable=False),
    Column("rule", String(32), nullable=False),
)
Index("ix_corrections_source", corrections.c.source_id)

# Where OParl metadata was merged into a paper (see pipeline.oparl.merge): each field's value
# by origin ("oparl" or "text", lists as JSON), whether the paper keeps it, and the fields
# where the two disagree, for review. Field "oparl_id" holds the paper's OParl id.
field_values = Table(
    "field_values",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("paper_id", Integer, ForeignKey("papers.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(32), nullable=False),
    Column("origin", String(8), nullable=False),
    Column("value", Text, nullable=False),
    Column("kept", Boolean, nullable=False),
    UniqueConstraint("paper_id", "field", "origin"),
)
Index("ix_field_values_paper", field_values.c.paper_id)

# How sure the extractors were of each field they filled (extractors/evidence.py): the
# grade (1.0 given by OParl, 0.9 labelled, 0.7 placed, 0.4 inferred) and where it was found.
field_evidence = Table(
    "field_evidence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("paper_id", Integer, ForeignKey("papers.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(32), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("how", Text, nullable=False),
    UniqueConstraint("paper_id", "field"),
)
Index("ix_field_evidence_paper", field_evidence.c.paper_id)
Index("ix_field_evidence_confidence", field_evidence.c.confidence)

disagreements = Table(
    "disagreements",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("paper_id", Integer, ForeignKey("papers.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(32), nullable=False),
    Column("oparl_value", Text, nullable=False),
    Column("text_value", Text, nullable=False),
    UniqueConstraint("paper_id", "field"),
)
Index("ix_disagreements_paper", disagreements.c.paper_id)
Index("ix_disagreements_field", disagreements.c.field)

# A maintainer's corrections of extracted fields (pipeline.db.corrections): each names its
# paper by body and reference as extracted (by file name where there is no reference), so
# it outlives the paper rows that `ingest --force` and changed files make anew, and wins
# over every automatic reading when the paper is stored. `paper_id` is the paper it was last
# applied to (no foreign key: the paper goes, the correction stays). Values as text, lists
# as JSON; the latest correction of a field wins, the older ones are its history.
field_corrections = Table(
    "field_corrections",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body", Text),
    Column("reference", Text),
    Column("source", Text),
    Column("paper_id", Integer),
    Column("field", String(32), nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Column("corrected_by", Text, nullable=False),
    Column("corrected_at", DateTime(timezone=True), nullable=False),
)
Index("ix_field_corrections_reference", field_corrections.c.reference)
Index("ix_field_corrections_source", field_corrections.c.source)
Index("ix_field_corrections_paper", field_corrections.c.paper_id)

# Papers a maintainer marked as reviewed in the review queue, by the same lasting key.
reviewed_papers = Table(
    "reviewed_papers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("body", Text),
    Column("reference", Text),
    Column("source", Text),
    Column("paper_id", Integer),
    Column("reviewed_by", Text, nullable=False),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
)
Index("ix_reviewed_papers_reference", reviewed_papers.c.reference)
Index("ix_reviewed_papers_source", reviewed_papers.c.source)
