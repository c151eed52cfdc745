"""paper_files: a paper is a council's paper, whatever files carry it.

Before this, every file was a paper of its own, so a paper published as a text and as a PDF
was counted twice. Each stored paper gets its file in `paper_files`; papers of one council,
reference and date (the same paper from several files) become one: the paper of the best
file kind (PDF, then RIS page, then text; then the smallest id) stays with its id, the
others' files join it and their rows go. Their fields are merged field by field from then
on, as each of the files is stored again (`ingest --force` does it at once).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_KIND_RANK = {"pdf": 2, "html": 1, "text": 0}


def upgrade() -> None:
    op.create_table(
        "paper_files",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "paper_id", sa.Integer, sa.ForeignKey("papers.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column(
            "source_id",
            sa.Integer,
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            nullable=False,
            unique=True,
        ),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(8)),
        sa.Column("chosen", sa.Boolean, nullable=False),
        sa.Column("reading", sa.Text),
    )
    op.create_index("ix_paper_files_paper", "paper_files", ["paper_id"])
    _one_row_per_paper()


def _fold(value: str) -> str:
    # Frozen copy of pipeline.db.papers._fold, as it was when this migration was written.
    value = unicodedata.normalize("NFKC", value).casefold()
    return re.sub(r"[\s\u2010-\u2015-]+", "", value)


def _one_row_per_paper() -> None:
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT p.id, p.source_id, p.body, p.reference, p.date, s.path, s.sha256, s.kind"
            " FROM papers p JOIN sources s ON s.id = p.source_id ORDER BY p.id"
        )
    ).all()
    groups: dict[object, list[sa.Row]] = {}
    for row in rows:
        same = (
            (_fold(row.body), _fold(row.reference), str(row.date))
            if row.body and row.reference
            else row.id
        )
        groups.setdefault(same, []).append(row)
    files, gone = [], []
    for members in groups.values():
        keep = max(members, key=lambda r: (_KIND_RANK.get(r.kind or "", 0), -r.id))
        gone += [r.id for r in members if r is not keep]
        files += [
            {
                "paper_id": keep.id,
                "source_id": r.source_id,
                "path": r.path,
                "sha256": r.sha256,
                "kind": r.kind,
                "chosen": r is keep,
            }
            for r in members
        ]
    if gone:
        conn.execute(sa.text("DELETE FROM papers WHERE id = :id"), [{"id": i} for i in gone])
    if files:
        conn.execute(
            sa.text(
                "INSERT INTO paper_files (paper_id, source_id, path, sha256, kind, chosen)"
                " VALUES (:paper_id, :source_id, :path, :sha256, :kind, :chosen)"
            ),
            files,
        )


def downgrade() -> None:
    # The papers merged into one stay one: their other files are stored again by a re-run.
    op.drop_table("paper_files")
