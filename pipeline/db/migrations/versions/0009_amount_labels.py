"""amounts.label, .year, .kind: what each amount is (the words naming it as printed, its
year, cost/income/grant and total/part); paper_overview.stated_total, the total a paper
states; the view amounts_by_year, a paper's amounts per year without those that are parts
of another.

paper_overview keeps `total_amount` (the sum of all a paper's EUR amounts, parts and
totals alike, so it may count one sum twice) for queries written before; use
`stated_total`. Amounts stored before this have no label, year or kind: a re-run with
--force reads them.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# As in 0008 (frozen here), with stated_total.
_DECIDES = "(c.role IS NULL OR lower(c.role) LIKE '%entscheid%' OR lower(c.role) LIKE 'beschluss%')"
_PRODUCTS = {
    "sqlite": "group_concat(pr.number, ', ')",
    "postgresql": "string_agg(pr.number, ', ' ORDER BY pr.position)",
}
_EUR = "a.paper_id = p.id AND a.currency = 'EUR'"
# The total a paper states: the one amount worded as a total without a year, else the
# sum of its totals per year, else its only amount (that is no part of another).
_STATED_TOTAL = f"""coalesce(
        (SELECT a.value FROM amounts a WHERE {_EUR} AND a.kind LIKE '%total'
         AND a.year IS NULL ORDER BY a.position LIMIT 1),
        (SELECT sum(a.value) FROM amounts a WHERE {_EUR} AND a.kind LIKE '%total'
         AND a.year IS NOT NULL),
        (SELECT max(a.value) FROM amounts a WHERE {_EUR}
         AND (a.kind IS NULL OR a.kind NOT LIKE '%part') HAVING count(*) = 1)
    ) AS stated_total,"""
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
    p.originator,
    (SELECT min(c.date) FROM consultations c WHERE c.paper_id = p.id) AS first_session,
    (SELECT max(c.date) FROM consultations c WHERE c.paper_id = p.id) AS final_session,
    (SELECT c.organization FROM consultations c WHERE c.paper_id = p.id AND {decides}
     ORDER BY c.position DESC LIMIT 1) AS deciding_committee,
    (SELECT c.date FROM consultations c WHERE c.paper_id = p.id AND {decides}
     ORDER BY c.position DESC LIMIT 1) AS decision_date,
    (SELECT count(*) FROM consultations c WHERE c.paper_id = p.id) AS consultation_count,
    {stated_total}
    (SELECT sum(a.value) FROM amounts a WHERE a.paper_id = p.id AND a.currency = 'EUR')
        AS total_amount,
    (SELECT {products} FROM products pr WHERE pr.paper_id = p.id) AS products,
    p.finance_impact,
    p.finance_in_budget
FROM papers p
"""
_AMOUNTS_BY_YEAR = """
CREATE VIEW amounts_by_year AS
SELECT a.paper_id, p.reference, p.body, a.year, sum(a.value) AS amount_eur,
       count(*) AS amounts
FROM amounts a JOIN papers p ON p.id = a.paper_id
WHERE a.currency = 'EUR' AND (a.kind IS NULL OR a.kind NOT LIKE '%part')
GROUP BY a.paper_id, p.reference, p.body, a.year
"""


def _view(stated_total: str) -> str:
    dialect = op.get_bind().dialect.name
    return _PAPER_OVERVIEW.format(
        decides=_DECIDES, products=_PRODUCTS[dialect], stated_total=stated_total
    )


def upgrade() -> None:
    op.add_column("amounts", sa.Column("label", sa.Text))
    op.add_column("amounts", sa.Column("year", sa.Integer))
    op.add_column("amounts", sa.Column("kind", sa.String(16)))
    op.execute("DROP VIEW paper_overview")
    op.execute(_view(_STATED_TOTAL))
    op.execute(_AMOUNTS_BY_YEAR)


def downgrade() -> None:
    op.execute("DROP VIEW amounts_by_year")
    op.execute("DROP VIEW paper_overview")
    # Plain ALTER TABLEs (see 0004): batch mode would rebuild the table.
    op.execute("ALTER TABLE amounts DROP COLUMN kind")
    op.execute("ALTER TABLE amounts DROP COLUMN year")
    op.execute("ALTER TABLE amounts DROP COLUMN label")
    op.execute(_view(""))
