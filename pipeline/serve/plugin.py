"""Datasette plugin: the SQL function `ratsinfo_match(query)` for German full-text search.

`papers_fts` holds Snowball stems (see pipeline.db.search), so a user's words must be stemmed
the same way before FTS5 can match them: `WHERE papers_fts MATCH ratsinfo_match(:q)`.
Datasette loads this module through the `datasette` entry point in pyproject.toml.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl

from pipeline.db import search
from pipeline.errors import DatabaseError, QueryError

# An FTS5 query that matches nothing: what an empty search finds.
_NOTHING = '"ratsinfo-matches-nothing"'


def match(query: str | None) -> str:
    """The user's `query` as an FTS5 query over stems; one that matches nothing if empty or
    over the limits of `ratsinfo search` (search.check_query), which keep the query within
    Datasette's SQL time limit: FTS5's own work on a long query is not interrupted by it."""
    try:
        return search.fts5_query(query or "")
    except (DatabaseError, QueryError):
        return _NOTHING


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    conn.create_function("ratsinfo_match", 1, match, deterministic=True)
