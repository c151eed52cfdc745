"""Datasette plugin: German full-text search, and the review desk for maintainers.

- The SQL function `ratsinfo_match(query)`: `papers_fts` holds Snowball stems (see
  pipeline.db.search), so a user's words must be stemmed the same way before FTS5 can
  match them: `WHERE papers_fts MATCH ratsinfo_match(:q)`.
- `/-/paper/<id>`: one paper's fields beside its text, each value marked where it was read,
  with an edit form per field that stores a lasting correction (pipeline.db.corrections).
- `/-/review`: the papers to look at first (pipeline.db.review), and "mark reviewed".
- `/-/edit-login`: editing is off unless the maintainer set a token (`serve --edit-token`
  or RATSINFO_EDIT_TOKEN); whoever gives it gets a signed editor cookie. Every write is a
  POST that needs that cookie and Datasette's CSRF token; everything else is read-only.
- Links: a paper's reference, id or paper_id in any table, view or query opens its page.

Datasette loads this module through the `datasette` entry point in pyproject.toml.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import sqlite3
import time
from typing import Any
from urllib.parse import quote, urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape
from sqlalchemy import Engine

from pipeline.db import corrections, review, search, store
from pipeline.errors import DatabaseError, QueryError, RatsinfoError
from pipeline.serve import desk
from pipeline.serve.browse import TOKEN_ENV

# An FTS5 query that matches nothing: what an empty search finds.
_NOTHING = '"ratsinfo-matches-nothing"'
_ENGINES: dict[str, Engine] = {}
_WRONG_TOKEN_WAIT = 1.0  # seconds before a refused login answers


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


# --- who may edit ---------------------------------------------------------------------------


def edit_token() -> str | None:
    """The maintainer's edit token; None (editing off) when unset or empty."""
    return os.environ.get(TOKEN_ENV) or None


def _token_mark(token: str) -> str:
    """What the editor cookie keeps of the token: a new token makes old cookies useless."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:16]


def editor(request: Any) -> str | None:
    """The name of the editor making `request`, None if it may not write."""
    token = edit_token()
    actor = request.actor or {}
    if token is None or actor.get("ratsinfo_editor") != _token_mark(token):
        return None
    return str(actor.get("id") or "maintainer")


async def _form(request: Any) -> dict[str, str]:
    """The POSTed form; raises _Refused unless it carries the CSRF token of its cookie.

    Datasette's CSRF check (asgi-csrf) already refuses a POST with cookies but without the
    matching token; this also refuses one without any cookie, so no write depends on it."""
    form = dict(await request.post_vars())
    cookie = request.cookies.get("ds_csrftoken")
    if not cookie or not hmac.compare_digest(form.get("csrftoken", ""), cookie):
        raise _Refused("the form's CSRF token is missing or wrong: reload the page")
    return form


class _Refused(Exception):
    pass


def _refused(reason: str) -> Response:
    message = f"refused: {reason}\n"
    return Response.text(message, status=403)


# --- the database ------------------------------------------------------------------------------


def engine_for(datasette: Any) -> Engine:
    """An SQLAlchemy engine on the served SQLite file (one per file and process)."""
    database = next(db for name, db in datasette.databases.items() if not name.startswith("_"))
    path = str(database.path)
    if path not in _ENGINES:
        _ENGINES[path] = store.connect(f"sqlite:///{path}", create=False)
    return _ENGINES[path]


async def _run(datasette: Any, func: Any, *args: Any) -> Any:
    """`func(engine, *args)` in a thread, off Datasette's event loop."""
    return await asyncio.to_thread(func, engine_for(datasette), *args)


# --- pages -----------------------------------------------------------------------------------


async def paper_page(datasette: Any, request: Any) -> Response:
    paper_id = int(request.url_vars["paper_id"])
    view = await _run(datasette, desk.paper, paper_id)
    if view is None:
        return Response.html(f"<p>No paper with id {paper_id}.</p>", status=404)
    html = await datasette.render_template(
        "ratsinfo_paper.html",
        {
            "paper": view,
            "text_html": Markup(view.text_html),
            "editor": editor(request),
            "editing_on": edit_token() is not None,
            "database": _database_name(datasette),
        },
        request=request,
    )
    return Response.html(html)


async def correct_field(datasette: Any, request: Any) -> Response:
    paper_id = int(request.url_vars["paper_id"])
    who = editor(request)
    if who is None:
        return _refused("editing needs the maintainer's edit token: log in at /-/edit-login")
    try:
        form = await _form(request)
        field = form.get("field", "")
        papers = await _run(datasette, corrections.same_paper, paper_id)
        await _run(datasette, corrections.correct, papers, field, form.get("value"), who)
    except _Refused as e:
        return _refused(str(e))
    except RatsinfoError as e:
        datasette.add_message(request, f"Not corrected: {e}", datasette.ERROR)
        return Response.redirect(f"/-/paper/{paper_id}")
    datasette.add_message(request, f"Corrected {field}.", datasette.INFO)
    return Response.redirect(f"/-/paper/{paper_id}#field-{quote(field)}")


async def review_page(datasette: Any, request: Any) -> Response:
    body = request.args.get("body") or None
    paper_type = request.args.get("paper_type") or None
    reviewed = request.args.get("reviewed") == "1"
    entries = await _run(datasette, review.queue, body, paper_type, reviewed)
    choices = await _run(datasette, _choices)
    html = await datasette.render_template(
        "ratsinfo_review.html",
        {
            "entries": entries,
            "body": body,
            "paper_type": paper_type,
            "reviewed": reviewed,
            "bodies": choices[0],
            "paper_types": choices[1],
            "editor": editor(request),
            "database": _database_name(datasette),
            "query": urlencode(
                {k: request.args.get(k) for k in request.args if request.args.get(k)}
            ),
        },
        request=request,
    )
    return Response.html(html)


def _choices(engine: Engine) -> tuple[list[str], list[str]]:
    """The councils and paper types there are, for the queue's filters."""
    from sqlalchemy import text

    with engine.connect() as conn:
        bodies = [b for (b,) in conn.execute(text("SELECT DISTINCT body FROM papers")) if b]
        kinds = [t for (t,) in conn.execute(text("SELECT DISTINCT paper_type FROM papers"))]
    return sorted(bodies), sorted(kinds)


async def mark_reviewed(datasette: Any, request: Any) -> Response:
    paper_id = int(request.url_vars["paper_id"])
    who = editor(request)
    if who is None:
        return _refused("marking needs the maintainer's edit token: log in at /-/edit-login")
    try:
        form = await _form(request)
        await _run(datasette, review.mark_reviewed, paper_id, who)
    except _Refused as e:
        return _refused(str(e))
    except RatsinfoError as e:
        return Response.text(str(e), status=404)
    datasette.add_message(request, f"Paper {paper_id} marked reviewed.", datasette.INFO)
    return Response.redirect("/-/review" + (f"?{form['back']}" if form.get("back") else ""))


async def edit_login(datasette: Any, request: Any) -> Response:
    """GET: the form asking for the edit token. POST: the token right, an editor cookie."""
    back = request.args.get("next") or "/-/review"
    if not back.startswith("/") or back.startswith("//"):
        back = "/-/review"  # only ever back into this site
    error = None
    if request.method == "POST":
        token = edit_token()
        try:
            form = await _form(request)
        except _Refused as e:
            return _refused(str(e))
        given = form.get("token", "")
        name = form.get("name", "").strip() or "maintainer"
        if token is not None and hmac.compare_digest(given.encode(), token.encode()):
            response = Response.redirect(form.get("next") or back)
            actor = {"id": name, "ratsinfo_editor": _token_mark(token)}
            response.set_cookie(
                "ds_actor",
                datasette.sign({"a": actor}, "actor"),
                httponly=True,
                samesite="strict",
            )
            return response
        error = "Editing is off: no edit token is set." if token is None else "Wrong token."
        await asyncio.sleep(_WRONG_TOKEN_WAIT)  # guessing the token costs time
    html = await datasette.render_template(
        "ratsinfo_login.html",
        {"error": error, "next": back, "editing_on": edit_token() is not None},
        request=request,
    )
    return Response.html(html, status=403 if error else 200)


def _database_name(datasette: Any) -> str:
    return next(name for name in datasette.databases if not name.startswith("_"))


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/paper/(?P<paper_id>\d+)$", paper_page),
        (r"^/-/paper/(?P<paper_id>\d+)/correct$", correct_field),
        (r"^/-/review$", review_page),
        (r"^/-/review/(?P<paper_id>\d+)$", mark_reviewed),
        (r"^/-/edit-login$", edit_login),
    ]


@hookimpl
def menu_links(request: Any) -> list[dict[str, str]]:
    links = [{"href": "/-/review", "label": "Review queue"}]
    if request is not None and editor(request) is None:
        links.append({"href": "/-/edit-login", "label": "Log in to edit"})
    return links


# --- links to the paper page -------------------------------------------------------------------

# Where a row names a paper: its column holding the paper's id, by table (None: any table
# or query whose row has a paper_id column, as the views and the parts do).
_PAPER_ID_COLUMNS = ("paper_id",)


# Columns of papers and paper_overview whose corrected values are badged in table views.
_CORRECTABLE = {
    "name",
    "date",
    "paper_type",
    "department",
    "reference",
    "body",
    "finance_impact",
    "finance_in_budget",
}
# Table pages ask for the corrected cells once per this many seconds, not once per cell.
_CORRECTED_TTL = 2.0
_CORRECTED: dict[str, tuple[float, frozenset[tuple[int, str]]]] = {}


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Any:
    """A paper's reference, name or id links to its page, wherever a row names the paper;
    in papers and paper_overview, a corrected value says so."""
    paper_id = _paper_id(row, table)
    if paper_id is None or value is None:
        return None
    if column in ("reference", "paper_id") or (column == "id" and table in (None, "papers")):
        shown = Markup(f'<a href="/-/paper/{int(paper_id)}">{escape(value)}</a>')
    elif table in ("papers", "paper_overview") and column in _CORRECTABLE:
        shown = escape(value)
    else:
        return None
    if table not in ("papers", "paper_overview") or column not in _CORRECTABLE:
        return shown

    async def badged() -> Markup:
        if (int(paper_id), column) in await _corrected_cells(datasette):
            return Markup(f'{shown} <span class="ratsinfo-corrected" title="corrected">✎</span>')
        return Markup(shown)

    return badged


async def _corrected_cells(datasette: Any) -> frozenset[tuple[int, str]]:
    """(paper id, field) of every corrected value, read at most every _CORRECTED_TTL s."""
    database = datasette.get_database(_database_name(datasette))
    now = time.monotonic()
    cached = _CORRECTED.get(str(database.path))
    if cached is None or cached[0] < now:
        rows = await database.execute(
            "SELECT paper_id, field FROM field_evidence WHERE how LIKE 'correction % by %'"
        )
        cells = frozenset((int(r[0]), str(r[1])) for r in rows)
        _CORRECTED[str(database.path)] = (now + _CORRECTED_TTL, cells)
        return cells
    return cached[1]


def _paper_id(row: Any, table: str | None) -> Any:
    keys = set(row.keys())
    for column in _PAPER_ID_COLUMNS:
        if column in keys:
            return row[column]
    if "id" in keys and (table == "papers" or (table is None and "reference" in keys)):
        return row["id"]
    return None
