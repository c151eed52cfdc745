"""Shared fixtures: the corpus copies in tests/fixtures and generated bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.model import Record
from pipeline.read.discover import discover
from pipeline.run.document import process

FIXTURES = Path(__file__).parent / "fixtures"
DEV_DOCS = FIXTURES / "dev" / "docs"
DEV_GOLD = FIXTURES / "dev" / "gold"
# The German month names in their standard spelling, January first (tests of written dates).
MONTH_NAMES = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip


def record_of_text(tmp_path: Path, text: str) -> Record:
    """The record ingest makes of `text` saved as a text file (its read, clean and extract
    steps, with a saved RIS page's profile where the text is one)."""
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    outcome = process(next(iter(discover([path]))))
    assert outcome.record is not None, outcome.errors
    return outcome.record


def gold(name: str) -> dict:
    """The hand-made gold record of a dev-corpus document, by its base name."""
    return json.loads((DEV_GOLD / f"{Path(name).stem}.json").read_text(encoding="utf-8"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.sqlite'}"


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A fresh input folder holding three real dev-corpus papers."""
    folder = tmp_path / "raw"
    folder.mkdir()
    for name in (
        "kreis-unna-drucksache-113-21.txt",
        "kreis-warendorf-vorlage-037-2025.txt",
        "augsburg_ANT_25_61798.txt",
    ):
        (folder / name).write_bytes((DEV_DOCS / name).read_bytes())
    return folder
