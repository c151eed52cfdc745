"""field_evidence: how sure the extractors were of each field, for review (least sure first).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Papers stored before this have no rows: a re-run with --force grades them.
    op.create_table(
        "field_evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "paper_id",
            sa.Integer,
            sa.ForeignKey("papers.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("how", sa.Text, nullable=False),
        sa.UniqueConstraint("paper_id", "field"),
    )
    op.create_index("ix_field_evidence_paper", "field_evidence", ["paper_id"])
    op.create_index("ix_field_evidence_confidence", "field_evidence", ["confidence"])


def downgrade() -> None:
    op.drop_table("field_evidence")
