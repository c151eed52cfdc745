"""The README tells the truth: every command exists and is documented, and back."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.cli import main

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    for name in main.commands:
        assert f"ratsinfo {name}" in README, f"`ratsinfo {name}` is not documented in README.md"


def test_every_command_the_readme_lists_exists() -> None:
    listed = set(re.findall(r"^[ \t]+ratsinfo ([a-z-]+)", README, re.M))
    assert listed <= set(main.commands), (
        f"README lists commands that do not exist: {listed - set(main.commands)}"
    )


def test_every_command_documents_an_example() -> None:
    for name, command in main.commands.items():
        assert "Example:" in (command.help or ""), f"{name} has no example in its help"
