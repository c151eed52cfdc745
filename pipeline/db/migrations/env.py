"""Alembic environment: migrations always run on a connection that pipeline.db.migrate hands in.

pipeline.db.migrate opens the transaction (and on Postgres takes the migration lock), so two
processes upgrading the same database at once run one after the other.
"""

from __future__ import annotations

from alembic import context

from pipeline.db.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    include_object=lambda obj, name, type_, reflected, compare_to: (
        not (type_ == "table" and name is not None and name.startswith("papers_fts"))
    ),
    render_as_batch=True,  # SQLite can only change a table by copying it
)
with context.begin_transaction():
    context.run_migrations()
