"""Schema versions: bring any ratsinfo database to the schema this code needs.

The versions are the Alembic revisions in pipeline/db/migrations/versions. A database made
before versioning (ratsinfo 0.1.0: the tables but no `alembic_version`) is taken to be at
the first revision and upgraded from there. Every upgrade runs in one transaction; on
Postgres it holds an advisory lock, so processes that start at once upgrade one at a time.

Alembic is imported only when there is something to upgrade: a database already at HEAD
is recognised with one query, which keeps every command's start-up short.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from pipeline.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
BASELINE = "0001"  # the schema of databases made before versioning
# The newest revision in migrations/versions (tests/test_migrations.py checks it is).
HEAD = "0010"
_LOCK = 0x7261_7473  # any fixed number: the Postgres advisory lock of ratsinfo's migrations


def _config(conn: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def head() -> str:
    """The revision this code needs, as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    return str(ScriptDirectory.from_config(_config()).get_current_head())


def current(conn: Connection) -> str | None:
    """The database's revision: None when empty, BASELINE when made before versioning."""
    revision = _stamped(conn)
    if revision is None and inspect(conn).has_table("papers"):
        return BASELINE
    return revision


def _stamped(conn: Connection) -> str | None:
    """The revision in Alembic's version table, None without one (read as Alembic does)."""
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine) -> None:
    """Bring the database to `head()`, creating it from nothing if empty.

    Raises DatabaseError if the database was made by a newer ratsinfo."""
    with engine.connect() as conn:
        if current(conn) == HEAD:
            return  # the usual case, settled without taking a write lock or Alembic
    # One upgrader at a time: SQLite's BEGIN IMMEDIATE takes the write lock before the
    # revision is read, Postgres has the advisory lock; the loser finds the work done.
    with engine.execution_options(sqlite_begin="BEGIN IMMEDIATE").begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
        revision = current(conn)
        if revision == HEAD:
            return
        from alembic import command
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from alembic.util import CommandError

        scripts = ScriptDirectory.from_config(_config())
        if revision is not None and revision not in {s.revision for s in scripts.walk_revisions()}:
            raise DatabaseError(
                f"the database has schema revision {revision}, which this ratsinfo does not"
                f" know (it needs {HEAD}): it was made by a newer ratsinfo; upgrade ratsinfo"
            )
        config = _config(conn)
        try:
            if (
                revision == BASELINE
                and MigrationContext.configure(conn).get_current_revision() is None
            ):
                command.stamp(config, BASELINE)
            command.upgrade(config, "head")
        except CommandError as e:
            raise DatabaseError(f"cannot upgrade the database from revision {revision}: {e}") from e
