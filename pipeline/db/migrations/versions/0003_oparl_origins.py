"""OParl metadata at ingest: every field's value by origin, and where OParl and text disagree.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _paper_id() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "paper_id", sa.Integer, sa.ForeignKey("papers.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "field_values",
        sa.Column("id", sa.Integer, primary_key=True),
        _paper_id(),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("origin", sa.String(8), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("kept", sa.Boolean, nullable=False),
        sa.UniqueConstraint("paper_id", "field", "origin"),
    )
    op.create_index("ix_field_values_paper", "field_values", ["paper_id"])
    op.create_table(
        "disagreements",
        sa.Column("id", sa.Integer, primary_key=True),
        _paper_id(),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("oparl_value", sa.Text, nullable=False),
        sa.Column("text_value", sa.Text, nullable=False),
        sa.UniqueConstraint("paper_id", "field"),
    )
    op.create_index("ix_disagreements_paper", "disagreements", ["paper_id"])
    op.create_index("ix_disagreements_field", "disagreements", ["field"])


def downgrade() -> None:
    op.drop_table("disagreements")
    op.drop_table("field_values")
