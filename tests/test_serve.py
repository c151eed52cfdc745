"""ratsinfo serve: Datasette starts on 127.0.0.1 with the metadata and answers a search."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest
from click.testing import CliRunner

from pipeline.cli import main

pytest.importorskip("datasette")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def test_serve_answers_a_german_search_with_facets(raw_dir: Path, tmp_path: Path) -> None:
    database = tmp_path / "ratsinfo.sqlite"
    url = f"sqlite:///{database}"
    ingested = CliRunner().invoke(main, ["ingest", str(raw_dir), "--db", url, "--workers", "1"])
    assert ingested.exit_code == 0
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base + "/-/versions.json")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.1)
        # "interkommunale" is stemmed as the index is: it finds "Interkommunale Zusammenarbeit".
        hits = get(base + "/ratsinfo/search.json?q=interkommunale+Zusammenarbeit&_shape=array")
        # Best first, as `ratsinfo search` ranks; the Augsburg Antrag does not match.
        assert [h["reference"] for h in hits] == ["113/21", "037/2025"]
        assert get(base + "/ratsinfo/search.json?q=&_shape=array") == []
        papers = get(base + "/ratsinfo/papers.json?_shape=objects")
        assert {"body", "paper_type"} <= set(papers["facet_results"])
        # Safe by default: it listens on the loopback address only.
        listening = {
            c.laddr.ip
            for c in psutil.Process(server.pid).net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        }
        assert listening == {"127.0.0.1"}
        meta = get(base + "/-/metadata.json")
        tables = meta["databases"]["ratsinfo"]["tables"]
        assert tables["consultations"]["facets"] == ["organization", "role"]
        assert "Beratungsfolge" in tables["consultations"]["description"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_refuses_postgres() -> None:
    result = CliRunner().invoke(main, ["serve", "--db", "postgresql://nobody@127.0.0.1:1/x"])
    assert result.exit_code == 1


def test_serve_refuses_a_short_edit_token(raw_dir: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ratsinfo.sqlite'}"
    CliRunner().invoke(main, ["ingest", str(raw_dir), "--db", url, "--workers", "1"])
    result = CliRunner().invoke(main, ["serve", "--db", url, "--edit-token", "secret"])
    assert result.exit_code == 1
    assert "the edit token has 6 characters; give at least 12" in result.output
