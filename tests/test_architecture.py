"""The packages import only downward, in the order the data flows (docs/architecture.md).

Every `import` and `from ... import` in pipeline/ and extractors/ is read with ast, those
inside functions included (the command line and the runner import most of what they use
there), and each must go to a module of its own layer or of a layer below it. A module
that no layer claims fails too, so a new one is placed on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("pipeline", "extractors")

# Bottom to top: a module may import modules of its own layer and of the layers before it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "foundation",
        (
            "pipeline",  # the package's own module (its version), not its subpackages
            "pipeline.errors",
            "pipeline.model",
            "pipeline.defaults",
            "pipeline.lexicon",
            # Vocabularies and line scanning: plain data and regular expressions that
            # segment, OCR repair and the OParl merge read as well as the extractors.
            "extractors.vocab",
            "extractors.scan",
        ),
    ),
    ("read", ("pipeline.read",)),
    ("clean", ("pipeline.clean",)),
    ("segment", ("pipeline.segment",)),
    ("extract", ("extractors",)),
    ("oparl", ("pipeline.oparl",)),
    ("db", ("pipeline.db",)),
    ("out", ("pipeline.export", "pipeline.evaluate", "pipeline.serve")),
    ("run", ("pipeline.run",)),
    ("cli", ("pipeline.cli",)),
)

# Imports that go upward on purpose, each with its reason.
EXCEPTIONS = {
    # The fork server imports the command line once, so that each worker finds it loaded
    # when multiprocessing runs the `ratsinfo` script again in it (see the module).
    ("pipeline.run.preload", "pipeline.cli"),
    # A saved RIS page's labelled fields are values already ("Di, 29.09.2026 16:30 Uhr",
    # "Referent*in: Frau Dr. X"): its reader parses them with the extractors' value parsers
    # instead of a second set. To do: read the page's fields in the extract stage.
    ("pipeline.read.ris_pages", "extractors.values"),
    ("pipeline.read.ris_pages", "extractors.reporters"),
}


def layer_of(module: str) -> int | None:
    """The index of the module's layer in LAYERS (the longest prefix that names it wins),
    or None when no layer claims it."""
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            names = module == prefix or (prefix != "pipeline" and module.startswith(prefix + "."))
            if names and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    return None if best is None else best[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue  # Alembic's scripts, loaded by path: see test_migrations
            found[module_name(path)] = path
    return found


def imports(module: str, source: str, known: set[str]) -> list[tuple[str, int]]:
    """Our modules that `source` imports (anywhere in it), with the line of each."""
    package = module if f"{module}.__init__" in known else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from pipeline.db import store` imports the module pipeline.db.store.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            if target.split(".")[0] in PACKAGES:
                found.append((target, node.lineno))
    return found


def violations(sources: dict[str, str]) -> list[str]:
    """Each import in `sources` (module name -> its text) that runs against LAYERS."""
    known = set(sources) | {f"{m}.__init__" for m in sources if _is_package(m, sources)}
    problems = []
    for module, source in sorted(sources.items()):
        own = layer_of(module)
        if own is None:
            problems.append(f"{module}: in no layer; place it in a package of LAYERS")
            continue
        for target, line in imports(module, source, known):
            theirs = layer_of(target)
            if theirs is None:
                problems.append(f"{module}:{line} imports {target}, which is in no layer")
            elif theirs > own and (module, target) not in EXCEPTIONS:
                problems.append(
                    f"{module}:{line} ({LAYERS[own][0]}) imports {target} "
                    f"({LAYERS[theirs][0]}), a layer above it"
                )
    return problems


def _is_package(module: str, sources: dict[str, str]) -> bool:
    return any(other.startswith(module + ".") for other in sources)


def test_imports_run_only_downward() -> None:
    sources = {name: path.read_text(encoding="utf-8") for name, path in our_modules().items()}
    assert violations(sources) == []


def test_every_exception_is_still_needed() -> None:
    sources = {name: path.read_text(encoding="utf-8") for name, path in our_modules().items()}
    known = set(sources) | {f"{m}.__init__" for m in sources if _is_package(m, sources)}
    used = {
        (module, target)
        for module, source in sources.items()
        for target, _ in imports(module, source, known)
    }
    assert used >= EXCEPTIONS


@pytest.mark.parametrize(
    ("module", "source", "problem"),
    [
        ("pipeline.read.reader", "from pipeline.db import store", "imports pipeline.db.store"),
        ("pipeline.clean.repair", "import pipeline.cli", "imports pipeline.cli"),
        ("extractors.title", "def f():\n    from pipeline.run import runner", "run"),
        ("pipeline.segment", "from extractors import registry", "imports extractors.registry"),
        ("pipeline.read.reader", "from ..db import store", "imports pipeline.db.store"),
        ("pipeline.stray", "import json", "pipeline.stray: in no layer"),
    ],
)
def test_an_upward_import_is_caught(module: str, source: str, problem: str) -> None:
    sources = {
        module: source,
        "pipeline.db.store": "",
        "pipeline.run.runner": "",
        "extractors.registry": "",
        "pipeline.db": "",
        "pipeline.run": "",
    }
    found = violations(sources)
    assert any(problem in p for p in found), found


@pytest.mark.parametrize(
    "source",
    [
        "from pipeline.model import Record",
        "from pipeline import errors",
        "from extractors import vocab, scan",
        "from pipeline.read.quality import assess",
        "import json\nfrom spacy.pipeline import EntityRuler",
    ],
)
def test_a_downward_import_passes(source: str) -> None:
    sources = {
        "pipeline.clean.repair": source,
        "pipeline.read.quality": "",
        "pipeline.model": "",
        "pipeline.errors": "",
        "extractors.vocab": "",
        "extractors.scan": "",
    }
    assert violations(sources) == []


def test_packages_say_what_they_hold_and_import_nothing() -> None:
    # Importing pipeline.db.stems in a worker must not load SQLAlchemy, nor
    # pipeline.read.discover the PDF library: a package's __init__ imports nothing.
    for package in PACKAGES:
        for init in sorted((ROOT / package).rglob("__init__.py")):
            tree = ast.parse(init.read_text(encoding="utf-8"))
            name = init.parent.relative_to(ROOT)
            assert ast.get_docstring(tree), f"{name}/__init__.py has no docstring"
            assert not [
                node for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom)
            ], f"{name}/__init__.py imports"
