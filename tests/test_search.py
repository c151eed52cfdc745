"""Full-text search with German stemming, on SQLite (FTS5) and Postgres (tsvector).

The papers are real dev-corpus papers (gold records with their text): Kreis Unna's
"Interkommunale Zusammenarbeit (IKZ) Smart Region Kreis Unna", Kreis Warendorf's "Gemeinsame
Smart Region-Strategie der Städte und Gemeinden" and Karlsruhe's Kita-Richtlinie.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.db import compounds, search, stems, store
from pipeline.errors import DatabaseError
from pipeline.model import Record, ResolutionItem
from tests.conftest import DEV_DOCS
from tests.pg import postgres_database, postgres_url  # noqa: F401 - fixtures
from tests.test_store import KARLSRUHE_KITA, UNNA, WARENDORF, outcome


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'search.sqlite'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = store.connect(url)
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF), outcome(KARLSRUHE_KITA)])
    engine.dispose()
    return url


def found(url: str, query: str) -> list[str | None]:
    engine = store.connect(url, create=False)
    try:
        return [hit.reference for hit in search.search(engine, query)]
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("Städte", "stadt"),  # umlaut and plural
        ("Städten", "stadt"),
        ("interkommunalen", "interkommunal"),
        ("Kindertagesstätten", "kindertagesstatt"),
        ("Beschlüsse", "beschluss"),
        ("Smart-City-Aktivitäten", "smart city aktivitat"),  # a compound with hyphens
        ("(IKZ)", "ikz"),
        ("113/21", "113 21"),
    ],
)
def test_words_are_reduced_to_their_german_stem(word: str, stem: str) -> None:
    assert stems.stems(word) == stem


def test_query_words_all_count_quoted_words_are_a_phrase() -> None:
    assert search.fts5_query('Smart "interkommunale Zusammenarbeit"') == (
        '"smart" "interkommunal zusammenarbeit"'
    )
    assert search.fts5_query("Kita OR Kindertagesstätte") == '"kita" OR "kindertagesstatt"'


def test_a_word_with_a_minus_excludes_papers_with_it() -> None:
    assert search.fts5_query("Smart Region -Warendorf") == '("smart" "region") NOT "warendorf"'


def test_the_same_query_language_on_both_databases(url: str) -> None:
    # Run on SQLite and on Postgres alike (websearch_to_tsquery's syntax): the same rows.
    assert found(url, "Smart Region -Unna") == ["037/2025"]
    assert sorted(found(url, "Warendorf OR Kindertagesstätte")) == ["037/2025", "2020/1189"]
    assert found(url, '"Region Kreis Unna"') == ["113/21"]


def test_a_query_without_words_is_refused() -> None:
    with pytest.raises(DatabaseError, match="nothing to search for"):
        search.fts5_query('"" - ...')


def test_inflected_words_find_the_paper(url: str) -> None:
    # The Kita paper says "Kindertagesstätten"; the query asks for the singular.
    assert found(url, "Kindertagesstätte") == ["2020/1189"]
    # Unna's resolution: "der interkommunalen Zusammenarbeit Smart Region Kreis Unna".
    assert found(url, "interkommunale Zusammenarbeit")[0] == "113/21"


def test_a_match_in_the_name_ranks_first(url: str) -> None:
    # Both Kreis papers are about a Smart Region; Warendorf's name says "Strategie".
    assert found(url, "Smart Region Strategie")[0] == "037/2025"


def test_words_in_no_paper_find_nothing(url: str) -> None:
    assert found(url, "Feuerwehrgerätehaus") == []


def test_replaced_paper_is_found_once(url: str) -> None:
    engine = store.connect(url)
    store.save(engine, outcome(UNNA))
    engine.dispose()
    assert found(url, "interkommunale Zusammenarbeit").count("113/21") == 1


def test_search_command_prints_date_reference_body_and_name(url: str) -> None:
    result = CliRunner().invoke(main, ["search", "interkommunale Zusammenarbeit", "--db", url])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "2021-05-25  113/21  Kreis Unna"
        "  Interkommunale Zusammenarbeit (IKZ) Smart Region Kreis Unna"
    )


def test_search_command_says_when_nothing_matches(url: str) -> None:
    result = CliRunner().invoke(main, ["search", "Feuerwehrgerätehaus", "--db", url])
    assert result.exit_code == 0
    assert "no paper matches 'Feuerwehrgerätehaus'" in result.output


def test_search_is_usable_from_sql(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'sql.sqlite'}"
    engine = store.connect(url)
    store.save_many(engine, [outcome(UNNA), outcome(KARLSRUHE_KITA)])
    with engine.connect() as conn:
        hits = conn.execute(
            sa.text(
                "select p.reference from papers_fts join papers p on p.id = papers_fts.rowid"
                " where papers_fts match 'kindertagesstatt*' order by rank"
            )
        ).all()
    assert hits == [("2020/1189",)]


def test_search_on_a_missing_database_says_what_to_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["search", "Kita", "--db", f"sqlite:///{tmp_path / 'none.sqlite'}"]
    )
    assert result.exit_code == 1
    assert "run `ratsinfo ingest` first" in result.output


@given(st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_any_query_either_runs_or_is_refused_with_a_reason(query: str) -> None:
    # Whatever a user types must never reach FTS5 as a syntax error.
    conn = sqlite3.connect(":memory:")
    conn.execute("create virtual table papers_fts using fts5(name, resolution, text)")
    try:
        terms = search.fts5_query(query)
    except DatabaseError:
        return
    conn.execute("select * from papers_fts where papers_fts match ?", (terms,)).fetchall()


def test_papers_ingested_by_workers_are_indexed_as_the_store_would_index_them(
    tmp_path: Path,
) -> None:
    """The workers stem each paper for SQLite's index, so that the one runner storing every
    paper does not have to; what they make must be what the store makes of the stored
    papers, and the search must find them by an inflected word."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in (UNNA, WARENDORF, KARLSRUHE_KITA):
        (raw / name).write_bytes((DEV_DOCS / name).read_bytes())
    url = f"sqlite:///{tmp_path / 'workers.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(raw), "--db", url, "--workers", "2"])
    assert result.exit_code == 0, result.output
    engine = store.connect(url, create=False)
    with engine.connect() as conn:
        indexed = dict(
            conn.execute(
                sa.text("select rowid, name || '|' || resolution || '|' || text from papers_fts")
            ).all()
        )
        papers = conn.execute(sa.text("select id, name, text from papers")).all()
        items = conn.execute(sa.text("select paper_id, text from resolutions order by position"))
        resolutions: dict[int, list[str]] = {}
        for paper_id, item in items:
            resolutions.setdefault(paper_id, []).append(item)
    engine.dispose()
    assert len(papers) == 3
    for paper_id, name, body in papers:
        record = Record(
            source="x",
            name=name,
            resolution=[ResolutionItem(t) for t in resolutions.get(paper_id, [])],
            text=body,
        )
        made = stems.of(*stems.parts(record))
        assert indexed[paper_id] == f"{made.name}|{made.resolution}|{made.text}"
    assert found(url, "Kindertagesstätte") == ["2020/1189"]


def test_a_document_is_stemmed_only_when_asked() -> None:
    # Postgres stems for itself (to_tsvector): its workers are not asked to.
    from pipeline.read.discover import discover
    from pipeline.run.document import process

    (source,) = discover([DEV_DOCS / KARLSRUHE_KITA], None)
    assert process(source).stemmed is None
    done = process(source, stem=True)
    assert done.record is not None and done.stemmed is not None
    assert done.stemmed == stems.of(*stems.parts(done.record))
    assert "kindertagesstatt" in done.stemmed.text.split()


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Schulsporthalle", ("Schul", "Sporthalle")),
        ("Straßenbaumaßnahmen", ("Straßenbau", "Maßnahmen")),
        # Of two cuts into known words, the one with the commoner parts.
        ("Verkehrsteilnehmern", ("Verkehrs", "Teilnehmern")),
        # A long part is split again.
        ("Drogenberatungsstelle", ("Drogen", "Beratungsstelle", "Beratungs", "Stelle")),
        ("Vorbereitung", ()),
    ],
)
def test_compounds_split_into_known_words(word: str, parts: tuple[str, ...]) -> None:
    assert compounds.split(word) == parts


def test_a_part_of_a_compound_finds_the_paper(url: str) -> None:
    # The Kita paper speaks of "Kindertagesstätten", never of "Tagesstätten" alone.
    assert found(url, "Tagesstätten") == ["2020/1189"]
    assert found(url, "Tagesstätte Kinder") == ["2020/1189"]
