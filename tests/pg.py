"""The PostgreSQL the database tests run against: a fresh database per test session.

The server is 127.0.0.1:5432 (trust auth) unless RATSINFO_TEST_POSTGRES names another
server URL. Without a reachable server the Postgres tests are skipped with the reason,
except in CI (the environment variable CI is set), where they fail: CI must test Postgres.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

SERVER = os.environ.get(
    "RATSINFO_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def _admin() -> sa.Engine:
    return sa.create_engine(
        SERVER, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3}
    )


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """The URL of a database made for this test session, dropped at its end."""
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.execute(sa.text("select 1"))
    except sa.exc.OperationalError as e:
        where = make_url(SERVER).render_as_string()
        reason = f"PostgreSQL at {where} is not reachable: {str(e.orig).strip().splitlines()[0]}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so the Postgres tests must run)")
        pytest.skip(reason)
    name = f"ratsinfo_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'create database "{name}"'))
    try:
        yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'drop database if exists "{name}" with (force)'))
        admin.dispose()


@pytest.fixture
def postgres_url(postgres_database: str) -> Iterator[str]:
    """The session database, emptied for this test (a fresh, unmigrated public schema)."""
    engine = sa.create_engine(postgres_database)
    with engine.begin() as conn:
        conn.execute(sa.text("drop schema public cascade"))
        conn.execute(sa.text("create schema public"))
    engine.dispose()
    yield postgres_database
