"""db: the load stage and everything about the database.

schema holds the tables, migrations/ their Alembic versions and migrate brings a database
up to them; store writes outcomes (each document atomically) and reads records back;
search is the full-text index and its queries, stems the Snowball stems it holds for
SQLite, made in the worker processes.

May import: pipeline.model, pipeline.errors, pipeline.defaults and the layers below it
(the stages, the extractors, pipeline.oparl); never the runner, the outputs or the command
line. Imports nothing itself: a worker imports stems without loading SQLAlchemy.
"""
