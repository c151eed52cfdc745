"""The README and docs/ tell the truth: every command exists and is documented, and back;
every option they show exists; every SQL query they print runs; every link leads somewhere."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from pipeline.cli import main
from pipeline.db import store
from tests.test_store import KARLSRUHE_KITA, UNNA, WARENDORF, outcome

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {
    path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8")
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
}


def command_lines(text: str) -> list[tuple[str, str]]:
    """(command, the rest of its line and of its continuation lines) for each
    `ratsinfo NAME ...` line that a code block shows."""
    found: list[list[str]] = []
    open_synopsis = False
    for line in text.splitlines():
        if m := re.match(r"^[ \t]+ratsinfo ([a-z-]+)(.*)", line):
            found.append([m[1], m[2]])
            open_synopsis = True
        elif open_synopsis and re.match(r"^[ \t]+\[", line):  # a synopsis goes on
            found[-1][1] += " " + line.strip()
        else:
            open_synopsis = False
    return [(name, rest) for name, rest in found]


def sql_blocks(text: str) -> list[str]:
    """The statements of every ```sql block, and the SQL that a `sqlite3 FILE '...'` line runs."""
    statements = []
    for block in re.findall(r"```sql\n(.*?)```", text, re.S):
        statements += [s.strip() for s in block.split(";") if s.strip()]
    statements += re.findall(r"^[ \t]+sqlite3 \S+ '([^']+)'", text, re.M)
    return statements


def test_every_command_is_in_the_readme() -> None:
    for name in main.commands:
        assert f"ratsinfo {name}" in README, f"`ratsinfo {name}` is not documented in README.md"


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_every_command_the_docs_list_exists(doc: str) -> None:
    listed = {name for name, _ in command_lines(DOCS[doc])}
    assert listed <= set(main.commands), (
        f"{doc} lists commands that do not exist: {listed - set(main.commands)}"
    )


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_every_option_the_docs_show_exists(doc: str) -> None:
    general = {opt for p in main.params for opt in p.opts + p.secondary_opts}
    for name, rest in command_lines(DOCS[doc]):
        command = main.commands.get(name)
        if command is None:
            continue  # reported by the test above
        known = general | {opt for p in command.params for opt in p.opts + p.secondary_opts}
        shown = set(re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", rest))
        assert shown <= known, f"{doc}: `ratsinfo {name}` has no {sorted(shown - known)}"


def test_every_command_documents_an_example() -> None:
    for name, command in main.commands.items():
        assert "Example:" in (command.help or ""), f"{name} has no example in its help"


def test_the_docs_print_sql() -> None:
    # The database's queries are where an analyst starts (tests/test_store_queries.py checks
    # their answers); the OParl page's review query and the README's first look are here.
    assert len(sql_blocks(DOCS["docs/database.md"])) >= 6
    assert sql_blocks(DOCS["docs/oparl.md"])
    assert sql_blocks(DOCS["README.md"])


@pytest.fixture(scope="module")
def papers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sa.Engine]:
    """A SQLite database holding three real papers."""
    url = f"sqlite:///{tmp_path_factory.mktemp('docs') / 'docs.sqlite'}"
    engine = store.connect(url)
    store.save_many(engine, [outcome(UNNA), outcome(WARENDORF), outcome(KARLSRUHE_KITA)])
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    ("doc", "sql"),
    [
        pytest.param(doc, sql, id=f"{doc}:{number}")
        for doc in sorted(DOCS)
        for number, sql in enumerate(sql_blocks(DOCS[doc]), 1)
    ],
)
def test_every_sql_query_in_the_docs_runs(doc: str, sql: str, papers: sa.Engine) -> None:
    with papers.connect() as conn:
        conn.execute(sa.text(sql)).fetchall()


@pytest.mark.parametrize("doc", sorted(DOCS))
def test_every_link_leads_to_a_file_or_heading(doc: str) -> None:
    here = (ROOT / doc).parent
    for target in re.findall(r"\]\(([^)\s]+)\)", DOCS[doc]):
        if re.match(r"[a-z]+://", target):
            continue
        path, _, anchor = target.partition("#")
        linked = (here / path).resolve() if path else ROOT / doc
        assert linked.exists(), f"{doc} links to {target}, which does not exist"
        if anchor:
            headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.M)
            slugs = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
            assert anchor in slugs, f"{doc} links to {target}: no such heading"


def test_every_page_of_docs_is_one_link_from_the_readme() -> None:
    for doc in DOCS:
        if doc.startswith("docs/"):
            assert f"]({doc}" in README, f"README.md does not link to {doc}"
