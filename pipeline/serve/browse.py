"""serve: the SQLite database in Datasette, described, faceted and searchable.

The table and column descriptions, facets and the canned "search" query live in
pipeline/serve/datasette.json; this module names the database in them and starts Datasette.
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from pipeline.errors import DatabaseError, RatsinfoError


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the database file named `database` (its stem)."""
    data = json.loads(
        resources.files("pipeline.serve").joinpath("datasette.json").read_text("utf-8")
    )
    described = data.pop("database")
    return {**data, "databases": {database: described}}


def serve(engine: Engine, host: str, port: int) -> None:
    """Run Datasette on the engine's SQLite file until interrupted."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise DatabaseError("`ratsinfo serve` browses a SQLite file; use a SQLite --db URL")
    try:
        from datasette.cli import cli
    except ImportError as e:
        raise RatsinfoError(
            "Datasette is not installed: pip install 'ratsinfo[serve]' (or datasette)"
        ) from e
    path = Path(engine.url.database)
    engine.dispose()
    with tempfile.TemporaryDirectory(prefix="ratsinfo-serve-") as folder:
        meta = Path(folder) / "metadata.json"
        meta.write_text(json.dumps(metadata(path.stem), ensure_ascii=False), encoding="utf-8")
        cli.main(
            ["serve", str(path), "--metadata", str(meta), "--host", host, "--port", str(port)],
            prog_name="ratsinfo serve",
            standalone_mode=False,
        )
