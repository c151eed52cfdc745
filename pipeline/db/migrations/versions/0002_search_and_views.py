"""Full-text search (papers_fts), the analysts' views, and indexes for common queries.

Existing papers are indexed for search here, so an upgraded database finds them at once.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from pipeline.db import search

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The committee that decides is the last one in the Beratungsfolge whose role is a decision
# or not stated (a Beratungsfolge ends with the deciding body); Vorberatung,
# Empfehlungsbeschluss, Kenntnisnahme and the like never decide.
_DECIDES = "(c.role IS NULL OR lower(c.role) LIKE '%entscheid%' OR lower(c.role) LIKE 'beschluss%')"

_PAPER_OVERVIEW = """
CREATE VIEW paper_overview AS
SELECT
    p.id AS paper_id,
    p.source,
    p.paper_type,
    p.body,
    p.reference,
    p.date,
    p.name,
    p.department,
    (SELECT min(c.date) FROM consultations c WHERE c.paper_id = p.id) AS first_session,
    (SELECT max(c.date) FROM consultations c WHERE c.paper_id = p.id) AS final_session,
    (SELECT c.organization FROM consultations c WHERE c.paper_id = p.id AND {decides}
     ORDER BY c.position DESC LIMIT 1) AS deciding_committee,
    (SELECT c.date FROM consultations c WHERE c.paper_id = p.id AND {decides}
     ORDER BY c.position DESC LIMIT 1) AS decision_date,
    (SELECT count(*) FROM consultations c WHERE c.paper_id = p.id) AS consultation_count,
    (SELECT sum(a.value) FROM amounts a WHERE a.paper_id = p.id AND a.currency = 'EUR')
        AS total_amount,
    (SELECT {products} FROM products pr WHERE pr.paper_id = p.id) AS products,
    p.finance_impact,
    p.finance_in_budget
FROM papers p
"""

_PRODUCTS = {
    # SQLite concatenates in row order, which is the order the store inserts: position.
    "sqlite": "group_concat(pr.number, ', ')",
    "postgresql": "string_agg(pr.number, ', ' ORDER BY pr.position)",
}

_CONSULTATION_OVERVIEW = """
CREATE VIEW consultation_overview AS
SELECT
    c.id AS consultation_id,
    c.paper_id,
    c.position,
    c.organization,
    c.date,
    c.role,
    c.public,
    p.reference,
    p.name,
    p.body,
    p.paper_type,
    p.date AS paper_date,
    p.source
FROM consultations c JOIN papers p ON p.id = c.paper_id
"""


def upgrade() -> None:
    op.create_index("ix_papers_date", "papers", ["date"])
    op.create_index("ix_sources_run", "sources", ["run_id"])
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE papers_fts USING fts5("
            "name, resolution, text, tokenize = 'unicode61 remove_diacritics 2')"
        )
        # A paper goes when its source is replaced (ON DELETE CASCADE): its index row too.
        op.execute(
            "CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers"
            " BEGIN DELETE FROM papers_fts WHERE rowid = old.id; END"
        )
    else:
        op.create_table(
            "papers_fts",
            sa.Column(
                "paper_id",
                sa.Integer,
                sa.ForeignKey("papers.id", ondelete="CASCADE"),
                primary_key=True,
            ),
            sa.Column("document", postgresql.TSVECTOR, nullable=False),
        )
        op.create_index(
            "ix_papers_fts_document", "papers_fts", ["document"], postgresql_using="gin"
        )
    _index_existing_papers()
    op.execute(_PAPER_OVERVIEW.format(decides=_DECIDES, products=_PRODUCTS[dialect]))
    op.execute(_CONSULTATION_OVERVIEW)


def _index_existing_papers() -> None:
    conn = op.get_bind()
    resolutions: dict[int, list[str]] = {}
    for paper_id, item in conn.execute(
        sa.text("SELECT paper_id, text FROM resolutions ORDER BY paper_id, position")
    ):
        resolutions.setdefault(paper_id, []).append(item)
    papers = conn.execute(sa.text("SELECT id, name, text FROM papers")).all()
    search.index(
        conn,
        [search.Entry(pid, name, resolutions.get(pid, []), body) for pid, name, body in papers],
    )


def downgrade() -> None:
    op.execute("DROP VIEW consultation_overview")
    op.execute("DROP VIEW paper_overview")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER papers_fts_delete")
    op.execute("DROP TABLE papers_fts")
    op.drop_index("ix_sources_run", "sources")
    op.drop_index("ix_papers_date", "papers")
