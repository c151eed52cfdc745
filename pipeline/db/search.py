"""Full-text search over papers' names, resolutions and text, with German stemming.

Both databases keep one index row per paper in `papers_fts`, deleted with the paper:

- SQLite: an FTS5 table (rowid = papers.id) whose columns hold the Snowball German stems of
  name, resolution and text, because FTS5 has no German stemmer of its own. A query is
  stemmed the same way, so "Städte" finds "Stadt" and "interkommunale" finds "interkommunalen".
- Postgres: a table of `to_tsvector('german', ...)` documents (name weighted A, resolution B,
  text D) with a GIN index, queried with `websearch_to_tsquery('german', ...)`.

The store is the only writer: it calls `index` in the transaction that saves the paper.
SQLite's stems come made from the workers (pipeline.db.stems), where they are cheaper.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Engine, Float, Text, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from pipeline.db import stems
from pipeline.errors import DatabaseError, QueryError
from pipeline.model import Stemmed

# Postgres refuses a tsvector over 1 MB; no council paper comes near this many characters.
_POSTGRES_TEXT_LIMIT = 500_000
# A query's size: SQLite's FTS5 takes time quadratic in a query's terms (20,000 words took
# a minute), and no one searches with a page of text.
MAX_QUERY_CHARS = 1_000
MAX_QUERY_TERMS = 50
MAX_LIMIT = 10_000  # matches one search may return

_INSERT = {
    "sqlite": text(
        "INSERT INTO papers_fts (rowid, name, resolution, text)"
        " VALUES (:id, :name, :resolution, :text)"
    ),
    "postgresql": text(
        "INSERT INTO papers_fts (paper_id, document) VALUES (:id,"
        " setweight(to_tsvector('german', :name), 'A')"
        " || setweight(to_tsvector('german', :resolution), 'B')"
        " || setweight(to_tsvector('german', :text), 'D'))"
    ),
}

# Typed, so that dates come back as dates from SQLite too.
_COLUMNS: dict[str, Any] = {
    "reference": Text,
    "body": Text,
    "date": Date,
    "name": Text,
    "paper_type": Text,
    "source": Text,
    "score": Float,
}
_QUERY = {
    # bm25 is smaller for better matches; a hit in the name counts most, then the resolution.
    "sqlite": text(
        "SELECT p.reference, p.body, p.date, p.name, p.paper_type, p.source,"
        " -bm25(papers_fts, 10.0, 4.0, 1.0) AS score"
        " FROM papers_fts JOIN papers p ON p.id = papers_fts.rowid"
        " WHERE papers_fts MATCH :query ORDER BY score DESC, p.date DESC LIMIT :limit"
    ).columns(**_COLUMNS),
    "postgresql": text(
        "SELECT p.reference, p.body, p.date, p.name, p.paper_type, p.source,"
        " ts_rank(f.document, q) AS score"
        " FROM papers_fts f JOIN papers p ON p.id = f.paper_id,"
        " websearch_to_tsquery('german', :query) q"
        " WHERE f.document @@ q ORDER BY score DESC, p.date DESC LIMIT :limit"
    ).columns(**_COLUMNS),
}


@dataclass(frozen=True, slots=True)
class Hit:
    reference: str | None
    body: str | None
    date: dt.date | None
    name: str | None
    paper_type: str
    source: str
    score: float


@dataclass(frozen=True, slots=True)
class Entry:
    """What the index holds of one paper (see pipeline.db.stems.parts)."""

    paper_id: int
    name: str | None
    resolutions: list[str]
    text: str
    stemmed: Stemmed | None = None  # SQLite: its stems, if the worker made them already


def index(conn: Connection, entries: list[Entry]) -> None:
    """Add the index rows of these papers (inside the caller's transaction)."""
    sqlite = conn.dialect.name == "sqlite"
    rows = []
    for e in entries:
        if sqlite:
            stemmed = e.stemmed or stems.of(e.name, e.resolutions, e.text)
            values = {"name": stemmed.name, "resolution": stemmed.resolution, "text": stemmed.text}
        else:
            values = {
                "name": e.name or "",
                "resolution": "\n".join(e.resolutions),
                "text": e.text[:_POSTGRES_TEXT_LIMIT],
            }
        rows.append(without_nul({"id": e.paper_id, **values}))
    if rows:
        conn.execute(_INSERT[conn.dialect.name], rows)


def without_nul(row: dict[str, Any]) -> dict[str, Any]:
    """`row` with NUL characters taken out of its text (see store._insert)."""
    if any(isinstance(v, str) and "\x00" in v for v in row.values()):
        return {k: v.replace("\x00", "") if isinstance(v, str) else v for k, v in row.items()}
    return row


def check_query(query: str) -> str:
    """`query` if it may be searched for; else QueryError saying why (not valid UTF-8
    text, over MAX_QUERY_CHARS characters or MAX_QUERY_TERMS words)."""
    try:
        query.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(
            "the query is not valid UTF-8 text (check the terminal's encoding)"
        ) from None
    words = len(query.split())
    if words > MAX_QUERY_TERMS:
        raise QueryError(f"the query has {words} words; at most {MAX_QUERY_TERMS} are searched for")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(
            f"the query has {len(query)} characters; at most {MAX_QUERY_CHARS} are searched for"
        )
    return query


def fts5_query(query: str) -> str:
    """A user's query as an FTS5 query over stems, in the query language Postgres's
    websearch_to_tsquery reads: words must all occur, "quoted words" as a phrase, OR between
    two terms allows either, -word excludes papers with it. Raises QueryError for a query
    over the limits (check_query), DatabaseError if no word is left to find."""
    terms: list[str] = []
    excluded: list[str] = []
    for token in re.findall(r'-?"[^"]*"|\S+', check_query(query)):
        if token == "OR" and terms and terms[-1] != "OR":
            terms.append("OR")
            continue
        negated = token.startswith("-") and len(token) > 1
        stemmed = stems.stems(token[1:] if negated else token)
        if stemmed:
            # Quoted, so FTS5 reads every stem as a term and never as an operator; a token
            # that stems to several words ("Smart-City") stays a phrase.
            (excluded if negated else terms).append(f'"{stemmed}"')
    if terms and terms[-1] == "OR":
        terms.pop()
    if not terms:
        raise DatabaseError(f"nothing to search for in {query!r}: give at least one word")
    found = " ".join(terms)
    # FTS5's NOT is binary: what the words find, less what an excluded word finds.
    return f"({found})" + "".join(f" NOT {term}" for term in excluded) if excluded else found


def search(engine: Engine, query: str, limit: int = 10) -> list[Hit]:
    """The `limit` papers that match `query` best, best first."""
    dialect = engine.dialect.name
    if dialect not in _QUERY:
        raise DatabaseError(f"full-text search is not available on {dialect}")
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"the number of matches must be between 1 and {MAX_LIMIT}, not {limit}")
    terms = fts5_query(query) if dialect == "sqlite" else check_query(query)
    try:
        with engine.connect() as conn:
            rows = conn.execute(_QUERY[dialect], {"query": terms, "limit": limit})
            return [Hit(*row) for row in rows]
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        raise DatabaseError(f"cannot search for {query!r}: {reason}") from e
