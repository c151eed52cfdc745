"""sources.metadata_sha256: re-ingest a paper whose OParl metadata changed but file did not.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows get NULL: a source ingested with metadata beside it is done once more,
    # which stores the hash; one without metadata stays unchanged (NULL == no metadata).
    op.add_column("sources", sa.Column("metadata_sha256", sa.String(64)))


def downgrade() -> None:
    # A plain ALTER TABLE (SQLite >= 3.35, Postgres): batch mode would copy and drop the
    # sources table, and the drop would cascade to every paper.
    op.execute("ALTER TABLE sources DROP COLUMN metadata_sha256")
