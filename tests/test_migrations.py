"""Schema versions: old databases upgrade in place, and the migrations build schema.py exactly.

tests/fixtures/db/foundation.sqlite was made by `ratsinfo ingest` of ratsinfo 0.1.0 (the
schema before versioning: no alembic_version table) from two dev-corpus papers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.db import migrate, schema, search, store
from tests.conftest import DEV_DOCS, FIXTURES
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures

FOUNDATION = FIXTURES / "db" / "foundation.sqlite"


@pytest.fixture
def old_url(tmp_path: Path) -> str:
    copy = tmp_path / "old.sqlite"
    shutil.copy(FOUNDATION, copy)
    return f"sqlite:///{copy}"


def rows(url: str, sql: str) -> list[tuple]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        result = [tuple(r) for r in conn.execute(sa.text(sql))]
    engine.dispose()
    return result


def test_the_fixture_is_an_unversioned_database() -> None:
    url = f"sqlite:///{FOUNDATION}"
    tables = set(sa.inspect(sa.create_engine(url)).get_table_names())
    assert "papers" in tables and "alembic_version" not in tables


def test_head_names_the_newest_migration_script() -> None:
    """migrate.HEAD lets a current database be recognised without importing Alembic."""
    assert migrate.head() == migrate.HEAD


def test_a_database_made_before_versioning_upgrades_in_place(old_url: str) -> None:
    before = rows(old_url, "select id, sha256, name from sources order by id")
    result = CliRunner().invoke(main, ["status", "--db", old_url])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 documents: 2 ok")
    assert rows(old_url, "select version_num from alembic_version") == [(migrate.head(),)]
    assert rows(old_url, "select id, sha256, name from sources order by id") == before
    # The papers stored before the upgrade are in the new search index and views.
    engine = store.connect(old_url, create=False)
    assert [h.reference for h in search.search(engine, "Smart City")] == ["113/21"]
    engine.dispose()
    # The Augsburg Antrag goes to the Stadtrat as "Information ohne Beratung": no decision.
    assert rows(
        old_url, "select reference, deciding_committee from paper_overview order by reference"
    ) == [("113/21", "Kreistag"), ("ANT/25/61798", None)]


def test_ingest_into_an_old_database_upgrades_it_and_adds(old_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "raw"
    folder.mkdir()
    name = "kreis-warendorf-vorlage-037-2025.txt"
    shutil.copy(DEV_DOCS / name, folder / name)
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", old_url, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert rows(old_url, "select count(*) from papers") == [(3,)]
    assert rows(old_url, "select count(*) from papers_fts") == [(3,)]


def test_a_database_from_a_newer_ratsinfo_is_refused_with_advice(old_url: str) -> None:
    store.connect(old_url).dispose()
    engine = sa.create_engine(old_url)
    with engine.begin() as conn:
        conn.execute(sa.text("update alembic_version set version_num = '9999'"))
    engine.dispose()
    result = CliRunner().invoke(main, ["status", "--db", old_url])
    assert result.exit_code == 1
    assert "schema revision 9999" in result.output
    assert "made by a newer ratsinfo; upgrade ratsinfo" in result.output


def test_connecting_again_changes_nothing(old_url: str) -> None:
    store.connect(old_url).dispose()
    schema_sql = rows(old_url, "select sql from sqlite_master order by name")
    store.connect(old_url).dispose()
    assert rows(old_url, "select sql from sqlite_master order by name") == schema_sql


def test_downgrade_and_upgrade_again(old_url: str) -> None:
    engine = store.connect(old_url)
    with engine.begin() as conn:
        command.downgrade(migrate._config(conn), migrate.BASELINE)
    assert not sa.inspect(engine).has_table("papers_fts")
    engine.dispose()
    engine = store.connect(old_url)
    assert rows(old_url, "select count(*) from papers_fts") == [(2,)]
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.sqlite'}"
    return str(request.getfixturevalue("postgres_url"))


def test_migrations_build_exactly_the_schema_in_schema_py(fresh_url: str) -> None:
    engine = store.connect(fresh_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda obj, name, type_, reflected, compare_to: (
                    not (type_ == "table" and name.startswith("papers_fts"))
                )
            },
        )
        assert compare_metadata(context, schema.metadata) == []
    engine.dispose()


def test_an_old_database_ends_with_the_same_schema_as_a_new_one(
    old_url: str, tmp_path: Path
) -> None:
    new_url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    for url in (old_url, new_url):
        store.connect(url).dispose()

    def tables(url: str) -> list[tuple]:
        return rows(url, "select type, name from sqlite_master order by type, name")

    assert tables(old_url) == tables(new_url)
