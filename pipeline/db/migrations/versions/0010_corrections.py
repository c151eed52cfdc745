"""field_corrections: a maintainer's corrections of extracted fields, kept across re-ingests.

Revision ID: 0010
Revises: 0009

The table is not `corrections`: that name already holds the text cleaning's changes (OCR
repair, hyphenation). A correction names its paper by body and reference as extracted (its
file name where the paper has no reference), not by a foreign key: papers are deleted and
made again by every `ingest --force` or changed file (before 0007 gave papers ids that
last), and the correction must outlive them.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "field_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("body", sa.Text),
        sa.Column("reference", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("paper_id", sa.Integer),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("old_value", sa.Text),
        sa.Column("new_value", sa.Text),
        sa.Column("corrected_by", sa.Text, nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_field_corrections_reference", "field_corrections", ["reference"])
    op.create_index("ix_field_corrections_source", "field_corrections", ["source"])
    op.create_index("ix_field_corrections_paper", "field_corrections", ["paper_id"])
    # Which papers a maintainer has looked at in the review queue (/-/review), by the same
    # lasting key.
    op.create_table(
        "reviewed_papers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("body", sa.Text),
        sa.Column("reference", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("paper_id", sa.Integer),
        sa.Column("reviewed_by", sa.Text, nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reviewed_papers_reference", "reviewed_papers", ["reference"])
    op.create_index("ix_reviewed_papers_source", "reviewed_papers", ["source"])


def downgrade() -> None:
    op.drop_table("reviewed_papers")
    op.drop_table("field_corrections")
