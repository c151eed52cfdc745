"""sources.mtime_ns: a re-run recognises an unchanged file by its size and modification
time, without reading it (hashing every file of a large corpus on every run is slow).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing rows get NULL: their files are hashed once more on the next run, as before.
    op.add_column("sources", sa.Column("mtime_ns", sa.BigInteger))


def downgrade() -> None:
    # A plain ALTER TABLE (see 0004): batch mode would cascade to every paper.
    op.execute("ALTER TABLE sources DROP COLUMN mtime_ns")
