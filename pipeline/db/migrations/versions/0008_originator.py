"""papers.originator: who filed an Antrag, Anfrage or Stellungnahme (a Fraktion, group,
member or office, as printed), also in the view paper_overview.

Papers stored before this have none: a re-run with --force reads it.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# As in 0002 (frozen here), with the paper's originator.
_DECIDES = "(c.role IS NULL OR lower(c.role) LIKE '%entscheid%' OR lower(c.role) LIKE 'beschluss%')"
_PRODUCTS = {
    "sqlite": "group_concat(pr.number, ', ')",
    "postgresql": "string_agg(pr.number, ', ' ORDER BY pr.position)",
}
PAPER_OVERVIEW = """
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
    {originator}
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


def _view(originator: str) -> str:
    dialect = op.get_bind().dialect.name
    return PAPER_OVERVIEW.format(
        originator=originator, decides=_DECIDES, products=_PRODUCTS[dialect]
    )


def upgrade() -> None:
    op.add_column("papers", sa.Column("originator", sa.Text))
    op.execute("DROP VIEW paper_overview")
    op.execute(_view("p.originator,"))


def downgrade() -> None:
    op.execute("DROP VIEW paper_overview")
    # A plain ALTER TABLE (see 0004): batch mode would cascade to every paper's parts.
    op.execute("ALTER TABLE papers DROP COLUMN originator")
    op.execute(_view(""))
