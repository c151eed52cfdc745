"""The analysts' queries printed in docs/database.md run on SQLite and on Postgres and answer
right."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.db import store
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures
from tests.test_store import KARLSRUHE_KITA, UNNA, WARENDORF, as_pdf, outcome

DATABASE_DOC = Path(__file__).parent.parent / "docs" / "database.md"

# Query 1's full-text condition in Postgres, as the page's comment on it says.
POSTGRES_FTS = {
    "join papers_fts on papers_fts.rowid = o.paper_id": (
        "join papers_fts f on f.paper_id = o.paper_id"
    ),
    "where papers_fts match 'interkommunal zusammenarbeit'": (
        "where f.document @@ websearch_to_tsquery('german', 'interkommunale Zusammenarbeit')"
    ),
}


def documented_queries() -> list[str]:
    block = DATABASE_DOC.read_text(encoding="utf-8").split("```sql", 1)[1].split("```", 1)[0]
    return [q.strip() for q in block.split(";") if q.strip()]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def answers(request: pytest.FixtureRequest, tmp_path: Path) -> list[list[tuple]]:
    """Each documented query's rows, over three real papers, Kreis Unna's from two files
    (its text and its PDF): one paper, counted once."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'queries.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = store.connect(url)
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF), outcome(KARLSRUHE_KITA)])
    store.save(engine, as_pdf(UNNA))
    results = []
    with engine.connect() as conn:
        for query in documented_queries():
            if request.param == "postgres":
                for sqlite_text, postgres_text in POSTGRES_FTS.items():
                    query = query.replace(sqlite_text, postgres_text)
            results.append([tuple(r) for r in conn.execute(sa.text(query))])
    engine.dispose()
    return results


def test_the_database_page_shows_five_queries_and_the_failures() -> None:
    assert len(documented_queries()) == 6


def test_papers_on_ikz_decided_by_a_kreistag_in_2021(answers: list[list[tuple]]) -> None:
    [(reference, body, _name, decided, total)] = answers[0]
    assert (reference, body, str(decided), total) == ("113/21", "Kreis Unna", "2021-06-22", 300000)


def test_agenda_of_a_committee(answers: list[list[tuple]]) -> None:
    assert [(str(date), body, reference) for date, body, _role, reference, _name in answers[1]] == [
        ("2021-06-21", "Kreis Unna", "113/21"),
        ("2025-03-21", "Kreis Warendorf", "037/2025"),
    ]


def test_money_per_body_and_year(answers: list[list[tuple]]) -> None:
    by_body = {(body, year): total for body, year, _papers, total in answers[2]}
    assert by_body[("Kreis Unna", "2021")] == 300000
    assert by_body[("Kreis Warendorf", None)] == 20000


def test_papers_touching_a_product_area(answers: list[list[tuple]]) -> None:
    assert [(r[0], r[3]) for r in answers[3]] == [("113/21", "01, 01.05, 01.05.04")]


def test_committees_by_money_decided(answers: list[list[tuple]]) -> None:
    # Karlsruhe's gold amounts state no total: its committee comes last (nulls last).
    assert [total for *_, total in answers[4]] == [300000, 20000, None]
    decided = {(committee, body): papers for committee, body, papers, _total in answers[4]}
    assert decided == {
        ("Kreistag", "Kreis Unna"): 1,
        ("Kreistag", "Kreis Warendorf"): 1,
        ("Gemeinderat", "Stadt Karlsruhe"): 1,
    }
