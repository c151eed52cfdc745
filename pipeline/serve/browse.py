"""serve: the SQLite database in Datasette, described, faceted and searchable.

The table and column descriptions, facets and the canned "search" query live in
pipeline/serve/datasette.json; this module names the database in them and starts Datasette
with ratsinfo's templates (the paper page, the review queue, a start page) and settings.
Safe by default: it listens on 127.0.0.1 only, and it is read-only unless the maintainer
gives an edit token (see pipeline.serve.plugin).
"""

from __future__ import annotations

import ipaddress
import json
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from pipeline.errors import DatabaseError, RatsinfoError

if TYPE_CHECKING:
    from datasette.app import Datasette

TEMPLATES = Path(__file__).parent / "templates"
# Datasette settings: long texts cut in table views (the paper page shows them whole).
SETTINGS = {"truncate_cells_html": 300}
MIN_TOKEN = 12  # characters: an edit token anyone could guess protects nothing
TOKEN_ENV = "RATSINFO_EDIT_TOKEN"  # read by pipeline.serve.plugin


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the database file named `database` (its stem)."""
    data = json.loads(
        resources.files("pipeline.serve").joinpath("datasette.json").read_text("utf-8")
    )
    described = data.pop("database")
    return {**data, "databases": {database: described}}


def app(path: Path) -> Datasette:
    """The Datasette that `serve` runs on the SQLite file `path`, to use in-process (tests,
    scripts): the same metadata, templates and settings."""
    from datasette.app import Datasette

    return Datasette(
        [str(path)],
        metadata=metadata(path.stem),
        template_dir=str(TEMPLATES),
        settings=SETTINGS,
    )


def is_loopback(host: str) -> bool:
    """Whether `host` is reached only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_token(token: str | None) -> str | None:
    """The edit token if it is long enough to protect anything, None if unset."""
    if not token:
        return None
    if len(token) < MIN_TOKEN:
        raise RatsinfoError(
            f"the edit token has {len(token)} characters; give at least {MIN_TOKEN}"
            " (e.g. python3 -c 'import secrets; print(secrets.token_urlsafe())')"
        )
    return token


def serve(engine: Engine, host: str, port: int, edit_token: str | None = None) -> None:
    """Run Datasette on the engine's SQLite file until interrupted; editing (corrections,
    review marks) only with `edit_token`."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise DatabaseError("`ratsinfo serve` browses a SQLite file; use a SQLite --db URL")
    try:
        from datasette.cli import cli
    except ImportError as e:
        raise RatsinfoError(
            "Datasette is not installed: pip install 'ratsinfo[serve]' (or datasette)"
        ) from e
    # The plugin reads the token from the environment: never from the metadata, which
    # Datasette shows to everyone at /-/metadata.json.
    os.environ[TOKEN_ENV] = check_token(edit_token) or ""
    path = Path(engine.url.database)
    engine.dispose()
    settings = [a for k, v in SETTINGS.items() for a in ("--setting", k, str(v))]
    with tempfile.TemporaryDirectory(prefix="ratsinfo-serve-") as folder:
        meta = Path(folder) / "metadata.json"
        meta.write_text(json.dumps(metadata(path.stem), ensure_ascii=False), encoding="utf-8")
        cli.main(
            [
                "serve",
                str(path),
                "--metadata",
                str(meta),
                "--template-dir",
                str(TEMPLATES),
                "--host",
                host,
                "--port",
                str(port),
                *settings,
            ],
            prog_name="ratsinfo serve",
            standalone_mode=False,
        )
