"""The foundation schema (ratsinfo 0.1.0): sources, papers and their parts, corrections, runs.

Databases made before schema versioning hold exactly these tables; pipeline.db.migrate stamps
them with this revision and upgrades them from here. Frozen: never edit, add a revision.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _part(name: str, *columns: sa.Column) -> None:  # type: ignore[type-arg]
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "paper_id", sa.Integer, sa.ForeignKey("papers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer, nullable=False),
        *columns,
        sa.UniqueConstraint("paper_id", "position"),
    )
    op.create_index(f"ix_{name}_paper", name, ["paper_id"])


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("version", sa.String(32), nullable=False),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("new", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("failed", sa.Integer, nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("path", sa.Text, nullable=False, unique=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8)),
        sa.Column("encoding", sa.String(32)),
        sa.Column("pages", sa.Integer, nullable=False),
        sa.Column("ocr_used", sa.Boolean, nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("raw_text", sa.Text),
        sa.Column("seconds", sa.Float),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="SET NULL")),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sources_status", "sources", ["status"])
    op.create_index("ix_sources_name", "sources", ["name"])
    op.create_table(
        "papers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "source_id",
            sa.Integer,
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("paper_type", sa.String(32), nullable=False),
        sa.Column("body", sa.Text),
        sa.Column("reference", sa.Text),
        sa.Column("date", sa.Date),
        sa.Column("name", sa.Text),
        sa.Column("department", sa.Text),
        sa.Column("finance_impact", sa.Boolean),
        sa.Column("finance_in_budget", sa.Boolean),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_papers_reference", "papers", ["reference"])
    op.create_index("ix_papers_body_date", "papers", ["body", "date"])
    op.create_index("ix_papers_type", "papers", ["paper_type"])
    _part(
        "consultations",
        sa.Column("organization", sa.Text, nullable=False),
        sa.Column("date", sa.Date),
        sa.Column("role", sa.Text),
        sa.Column("public", sa.Boolean),
    )
    op.create_index("ix_consultations_organization", "consultations", ["organization"])
    op.create_index("ix_consultations_date", "consultations", ["date"])
    _part(
        "resolutions",
        sa.Column("organization", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
    )
    _part(
        "amounts",
        sa.Column("value", sa.Float, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
    )
    _part("products", sa.Column("number", sa.Text, nullable=False), sa.Column("name", sa.Text))
    op.create_index("ix_products_number", "products", ["number"])
    _part("reporters", sa.Column("name", sa.Text, nullable=False))
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "source_id",
            sa.Integer,
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("offset", sa.Integer, nullable=False),
        sa.Column("original", sa.Text, nullable=False),
        sa.Column("replacement", sa.Text, nullable=False),
        sa.Column("rule", sa.String(32), nullable=False),
    )
    op.create_index("ix_corrections_source", "corrections", ["source_id"])


def downgrade() -> None:
    for table in (
        "corrections",
        "reporters",
        "products",
        "amounts",
        "resolutions",
        "consultations",
        "papers",
        "sources",
        "runs",
    ):
        op.drop_table(table)
