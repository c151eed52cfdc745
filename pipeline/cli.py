"""The command line: thin click commands over the library functions.

Exit codes: 0 success; 1 the command could not run (bad database URL, missing path);
2 at least one document failed (and click's usage errors).
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import click

# Only what --help needs: each command imports the modules it uses (see pipeline.defaults).
from pipeline import __version__, defaults
from pipeline.errors import ExitCode, ExportError, InputPathError, RatsinfoError
from pipeline.run import limits

if TYPE_CHECKING:
    from pipeline.run import runner

F = TypeVar("F", bound=Callable[..., Any])


class ByteSize(click.ParamType):
    """A number of bytes: 1000, 500K, 20M, 50G, 1T (powers of 1024)."""

    name = "size"
    _UNITS: ClassVar[dict[str, int]] = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    _UNITS["T"] = 1 << 40

    def convert(self, value: Any, param: Any, ctx: Any) -> int:
        if isinstance(value, int):
            return value
        text = str(value).strip().upper().removesuffix("B")
        unit = text[-1:] if text[-1:] in self._UNITS else ""
        number = text[: len(text) - len(unit)]
        try:
            size = float(number)
        except ValueError:
            self.fail(f"{value!r} is no size (such as 500M or 20G)", param, ctx)
        if not 0 <= size < 1 << 60:
            self.fail(f"{value!r} is no size (such as 500M or 20G)", param, ctx)
        return int(size * self._UNITS[unit])


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db_url",
        metavar="URL|PATH",
        envvar="RATSINFO_DB",
        default=defaults.DB_URL,
        show_default=True,
        callback=lambda _ctx, _param, value: database_url(value),
        help="SQLAlchemy database URL, or the path of an SQLite file (also from the"
        " RATSINFO_DB environment variable).",
    )(func)


def database_url(value: str) -> str:
    """A database URL from what a user gives: a URL as it is, a plain path
    (`data/x.sqlite`, `/tmp/x.sqlite`) as the SQLite file there."""
    return value if "://" in value else f"sqlite:///{value}"


def reports_errors(func: F) -> F:
    """Turn RatsinfoError into one line on stderr and its exit code; -v shows the trace."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RatsinfoError as e:
            if click.get_current_context().find_root().params.get("verbose"):
                raise
            click.echo(f"Error: {e}", err=True)
            sys.exit(e.exit_code)

    return wrapper  # type: ignore[return-value]


class _Group(click.Group):
    """The command group, where -v/--verbose may also follow the subcommand
    ("ratsinfo status -v" as "ratsinfo -v status")."""

    _VERBOSE = frozenset({"-v", "--verbose"})

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        end = args.index("--") if "--" in args else len(args)
        flags = [a for a in args[:end] if a in self._VERBOSE]
        rest = [a for a in args[:end] if a not in self._VERBOSE]
        return super().parse_args(ctx, flags[:1] + rest + args[end:])


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ratsinfo")
@click.option("-v", "--verbose", is_flag=True, help="Show full tracebacks on errors.")
def main(verbose: bool) -> None:
    """ratsinfo: German council papers (PDF and text) to structured data.

    Reads Beschlussvorlagen, Mitteilungsvorlagen, Anträge and Niederschriften, extracts
    their fields (Beratungsfolge, Beschlussvorschlag, amounts, products, ...) and loads them
    into SQLite (default) or Postgres.

    \b
    Example:
        ratsinfo ingest data/raw
        ratsinfo export --format jsonl -o records.jsonl
        ratsinfo search "Smart City"
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--workers", type=click.IntRange(min=1), help="Worker processes [default: all cores]."
)
@click.option("--force", is_flag=True, help="Process every document again, changed or not.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR pages that have no text layer.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=limits.DEFAULT_SECONDS,
    show_default=True,
    help="Seconds one document may take; a slower one is stopped and fails. 0: no limit.",
)
@click.option(
    "--max-memory",
    type=click.IntRange(min=0),
    default=limits.DEFAULT_MEMORY_MB,
    show_default=True,
    metavar="MB",
    help=f"Memory (address space) of the worker reading one document; over it, the document"
    f" fails. 0: no limit; else at least {limits.MIN_MEMORY_MB}.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=0),
    default=limits.DEFAULT_PAGES,
    show_default=True,
    help="A PDF with more pages fails without being read. 0: no limit.",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Process and store the documents on the Dask cluster whose scheduler is at ADDRESS"
    " (tcp://HOST:8786); needs the dask extra, the documents on a shared file system and a"
    " database every worker reaches. --workers is then ignored.",
)
@click.option(
    "--follow-links",
    is_flag=True,
    help="Also read files that links under PATHS point to outside them (skipped by default).",
)
@reports_errors
def ingest(
    paths: tuple[Path, ...],
    db_url: str,
    workers: int | None,
    force: bool,
    no_ocr: bool,
    timeout: float,
    max_memory: int,
    max_pages: int,
    dask: str | None,
    follow_links: bool,
) -> None:
    """Read the documents under PATHS (default: data/raw) into the database.

    Finds PDFs, .txt files and saved RIS web pages (.html) recursively. A document is known
    by the SHA-256 of its bytes: unchanged files are skipped, a changed file replaces its old
    record, --force redoes all.
    A document that cannot be read is recorded as failed with its reason (see `ratsinfo
    status`) and the batch goes on. Each document runs in a worker process that is stopped
    when the document is over --timeout or --max-memory.

    Exit code: 0 when every document succeeded, 2 when any failed, 1 when the command
    itself could not run.

    \b
    Example:
        ratsinfo ingest data/raw --db sqlite:///data/processed/ratsinfo.sqlite
        ratsinfo ingest /shared/papers --dask tcp://scheduler:8786 --db postgresql://host/ratsinfo
    """
    from pipeline.db import store
    from pipeline.run import runner

    if 0 < max_memory < limits.MIN_MEMORY_MB:
        raise click.BadParameter(
            f"at least {limits.MIN_MEMORY_MB} MB, or 0", param_hint="--max-memory"
        )
    limit = limits.Limits(
        seconds=timeout or None, memory_mb=max_memory or None, pages=max_pages or None
    )
    targets = list(paths) or [Path("data/raw")]
    missing = next((p for p in targets if not p.exists()), None)
    if missing is not None:
        # Before the database is opened: a mistyped path leaves no empty database behind.
        raise InputPathError(f"no such file or folder: {missing}")
    if store.is_new(db_url):
        # Every document will be new: the workers load while the database is made.
        runner.start_workers_early(workers, limit, dask)
    engine = store.connect(db_url)
    # What is loaded by now (SQLAlchemy, the schema) stays for this one-shot process: the
    # garbage collector need not scan it again with every batch of outcomes.
    gc.freeze()
    try:
        summary = _run_with_progress(
            engine, targets, workers, force, not no_ocr, limit, dask, follow_links
        )
    finally:
        store.close(engine)
    click.echo(f"ingested {summary.line()}")
    for path, reason in summary.skipped:
        click.echo(f"skipped: {path}: {reason}", err=True)
    for name, reason in summary.failures:
        click.echo(f"failed: {name}: {reason}", err=True)
    if summary.failed:
        sys.exit(ExitCode.DOCUMENTS_FAILED)


def _run_with_progress(
    engine: Any,
    targets: list[Path],
    workers: int | None,
    force: bool,
    use_ocr: bool,
    limit: limits.Limits,
    dask: str | None,
    follow_links: bool,
) -> runner.Summary:
    from pipeline.run import runner

    options: dict[str, Any] = {
        "follow_links": follow_links,
        "workers": workers,
        "force": force,
        "use_ocr": use_ocr,
        "limits": limit,
        "dask": dask,
    }
    if not sys.stderr.isatty():
        return runner.ingest(targets, engine, **options)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return runner.ingest(targets, engine, progress=report, **options)


@main.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "oparl"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one record per line in the corpus record format; csv: one file per table"
    " into the folder -o; oparl: OParl 1.1 JSON.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write, - for stdout [default: stdout]; for csv and --split a folder (required).",
)
@click.option("--semicolon", is_flag=True, help="csv: ';' and decimal commas, for German Excel.")
@click.option(
    "--corrected-only",
    is_flag=True,
    help="jsonl: only the papers a maintainer corrected, as gold records (one JSON file"
    " each, `fields` naming the corrected fields) into the folder -o, for `ratsinfo eval`.",
)
@click.option("--split", is_flag=True, help="oparl: one JSON file per object in the folder -o.")
@click.option(
    "--base-url",
    default=defaults.OPARL_BASE,
    show_default=True,
    help="oparl: the URL under which the exported objects' ids are made.",
)
@reports_errors
def export_command(
    db_url: str,
    fmt: str,
    output: Path | None,
    semicolon: bool,
    corrected_only: bool,
    split: bool,
    base_url: str,
) -> None:
    """Write every stored record out: JSONL, CSV tables or OParl 1.1 JSON.

    CSV files are UTF-8 with a byte order mark, so LibreOffice and Excel show umlauts
    right; --semicolon writes ';' and decimal commas for German locales. OParl: papers with
    their consultations and main file (File.text is the cleaned text), organizations and
    meetings, as one OParl list, or one file per object with --split.

    \b
    Example:
        ratsinfo export --format jsonl -o records.jsonl
        ratsinfo export --format csv --semicolon -o exports/csv
        ratsinfo export --format oparl -o papers.oparl.json
        ratsinfo export --format jsonl --corrected-only -o gold/
        ratsinfo export --db data/processed/ratsinfo.sqlite -o - | head -1
    """
    from pipeline.db import store

    if output == Path("-"):
        if fmt == "csv" or split or corrected_only:
            raise click.UsageError(
                "csv, --split and --corrected-only write a folder of files: give it with -o"
            )
        output = None  # stdout
    if (fmt == "csv" or split or corrected_only) and output is None:
        raise click.UsageError("give the folder to write into with -o")
    if split and fmt != "oparl":
        raise click.UsageError("--split goes with --format oparl")
    if corrected_only and fmt != "jsonl":
        raise click.UsageError("--corrected-only goes with --format jsonl")
    engine = store.connect(db_url, create=False)
    try:
        if corrected_only:
            from pipeline import export

            assert output is not None
            count = export.write_gold(engine, output)
            click.echo(f"wrote {count} corrected records as gold to {output}", err=True)
            return
        _export(engine, fmt, output, semicolon, split, base_url)
    except OSError as e:
        # A folder given for a file, a file for a folder, a missing folder, a full or
        # read-only disk: nothing half-written is left (export.whole_file).
        where = e.filename or output
        raise ExportError(f"cannot write {where}: {e.strerror or e}") from e


def _export(
    engine: Any, fmt: str, output: Path | None, semicolon: bool, split: bool, base_url: str
) -> None:
    from pipeline import export
    from pipeline.db import store

    if fmt == "csv":
        assert output is not None
        counts = export.write_csv(engine, output, semicolon=semicolon)
        rows = sum(counts.values())
        click.echo(f"wrote {len(counts)} tables ({rows} rows) to {output}", err=True)
        return
    if fmt == "oparl":
        objects = export.oparl_objects(engine, base_url)
        if split:
            assert output is not None
            count = export.write_oparl_files(objects, output)
        elif output is None:
            export.write_oparl(objects, sys.stdout)
            return
        else:
            with export.whole_file(output) as fh:
                count = export.write_oparl(objects, fh)
        click.echo(f"wrote {count} OParl objects to {output}", err=True)
        return
    if output is None:
        export.write_jsonl(store.records(engine), sys.stdout)
        return
    with export.whole_file(output) as fh:
        count = export.write_jsonl(store.records(engine), fh)
    click.echo(f"wrote {count} records to {output}", err=True)


@main.command("import-oparl")
@click.argument("url")
@click.option(
    "--body", "body_id", metavar="ID", help="Only this body: its id, id's last part or short name."
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="Only papers modified since then [default: since the last complete run].",
)
@click.option("--limit", type=click.IntRange(min=1), help="Stop after this many papers.")
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data/raw"),
    show_default=True,
    help="Folder to save into (one subfolder per body).",
)
@click.option(
    "--rate",
    type=click.FloatRange(min=0.1),
    default=2.0,
    show_default=True,
    help="Requests per second at most.",
)
@click.option(
    "--deadline",
    type=click.FloatRange(min=0),
    default=86_400,
    show_default=True,
    metavar="S",
    help="Seconds the whole run may take; then it stops, keeping what it fetched. 0: no limit.",
)
@click.option(
    "--max-wait",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    metavar="S",
    help="Longest wait for a server that answers 429/503 with Retry-After.",
)
@click.option(
    "--max-bytes",
    type=ByteSize(),
    default="50G",
    show_default=True,
    metavar="SIZE",
    help="Bytes the run may write (files and metadata; 500M, 20G, ...); then it stops."
    " 0: no limit.",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="A host that redirects may lead to besides the one asked (repeatable).",
)
@reports_errors
def import_oparl_command(
    url: str,
    body_id: str | None,
    since: Any,
    limit: int | None,
    out: Path,
    rate: float,
    deadline: float,
    max_wait: float,
    max_bytes: int,
    allow_hosts: tuple[str, ...],
) -> None:
    """Fetch papers and their OParl metadata from an OParl 1.1 endpoint (System or Body URL).

    Each paper's own file goes to OUT/<body>/, its metadata beside it (<name>.oparl.json);
    `ratsinfo ingest` then keeps the council's values and records where the text disagrees.
    Retries on server errors with backoff; a second run fetches only what changed.

    The server is not trusted: an object of the wrong shape fails alone, with its reason;
    JSON answers are capped (20 MB, 64 levels deep), files at 200 MB, a list at 20,000
    pages and a looping list ends; redirects stay on their host (unless --allow-host), and
    private or loopback addresses are reached only when URL is one. The run stops at
    --deadline, --max-bytes or a full or read-only disk, keeping every file it wrote whole.

    Exit code: 0 when every paper was fetched, 2 when any failed, a list ended early or the
    run stopped, 1 when the endpoint itself cannot be read or OUT cannot be written.

    \b
    Example:
        ratsinfo import-oparl https://oparl.example.de/oparl/v1.1/system --body 1 --limit 50
        ratsinfo ingest data/raw
    """
    from pipeline.oparl import client as oparl
    from pipeline.oparl import importer as oparl_import

    when = since.replace(tzinfo=since.tzinfo or dt.UTC) if since else None
    limits = oparl.Limits(
        run_seconds=deadline or None,
        max_wait=max_wait,
        disk_bytes=max_bytes or None,
        allow_hosts=frozenset(allow_hosts),
    )
    summary = oparl_import.import_oparl(
        url,
        out,
        body=body_id,
        since=when,
        limit=limit,
        client=oparl.Client(rate=rate, limits=limits),
    )
    click.echo(f"imported {summary.line()}")
    for warning in summary.warnings:
        click.echo(f"warning: {warning}", err=True)
    for paper, reason in summary.problems:
        click.echo(f"{paper}: {reason}", err=True)
    for problem in summary.incomplete:
        click.echo(f"incomplete: {problem}", err=True)
    if summary.stopped:
        click.echo(f"stopped: {summary.stopped}", err=True)
    if not summary.complete:
        sys.exit(ExitCode.DOCUMENTS_FAILED)


@main.command()
@click.argument("reference")
@click.argument("field", metavar="FIELD")
@click.argument("value")
@db_option
@click.option("--body", help="The paper's council, where papers of several share REFERENCE.")
@click.option(
    "--by",
    default=lambda: _user(),
    show_default="your user name",
    help="Who corrects: kept with the correction.",
)
@reports_errors
def correct(reference: str, field: str, value: str, db_url: str, body: str | None, by: str) -> None:
    """Correct FIELD of the paper REFERENCE (or file name) to VALUE, for good.

    The correction wins over every automatic reading: it is applied now and whenever the
    paper is stored again (`ingest --force`, a changed file), and is kept, with the value
    it replaced, who and when, in the table field_corrections. Every stored file of the
    paper (its text and its PDF) gets it.

    FIELD is one of name, date, paper_type, department, reference, body, resolution,
    consultations, reporters, products, amounts, finance_impact, finance_in_budget.
    Dates as 2021-05-25 or 25.05.2021; resolution as plain text (one item) or a JSON list;
    consultations, products and amounts as JSON lists in the record format; reporters
    separated by ';'; finance_* ja or nein; an empty VALUE means unknown.

    \b
    Example:
        ratsinfo correct 113/21 name "Smart Region Kreis Unna" --body "Kreis Unna" --by anna
        ratsinfo correct 113/21 resolution '["Der Kreistag beschließt ...", "..."]'
    """
    from pipeline.db import corrections, store

    engine = store.connect(db_url, create=False)
    papers = corrections.find_papers(engine, reference, body)
    made = corrections.correct(engine, papers, field, value, by)
    for k in made:
        click.echo(
            f"corrected {field} of {k.key.body or '-'} {k.key.reference or k.key.source}:"
            f" {k.old_value!r} -> {k.new_value!r} ({len(papers)} file(s))"
        )


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "maintainer"


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option(
    "--edit-token",
    envvar="RATSINFO_EDIT_TOKEN",
    metavar="TOKEN",
    help="Allow corrections and review marks to whoever logs in with TOKEN (at least 12"
    " characters; better from the RATSINFO_EDIT_TOKEN environment variable, which `ps`"
    " does not show). Without it the server is read-only.",
)
@reports_errors
def serve(db_url: str, host: str, port: int, edit_token: str | None) -> None:
    """Browse the SQLite database in Datasette: tables described, facets, full-text search,
    a page per paper and the review queue.

    Needs the `serve` extra (pip install 'ratsinfo[serve]'). The canned query "search"
    finds papers by German word stems, like `ratsinfo search`. /-/paper/<id> shows a
    paper's fields beside its text, each value marked where it was read; /-/review lists
    the papers to check first. Listens on 127.0.0.1 (this machine only) unless --host says
    otherwise; read-only unless an edit token is set.

    \b
    Example:
        ratsinfo serve --db sqlite:///data/processed/ratsinfo.sqlite --port 8001
        RATSINFO_EDIT_TOKEN=$(openssl rand -hex 16) ratsinfo serve
    """
    from pipeline.db import store
    from pipeline.serve import browse

    token = browse.check_token(edit_token)
    if not browse.is_loopback(host):
        click.echo(
            f"warning: serving on {host}: others on the network can read the database"
            + (", and the edit token and cookie travel unencrypted" if token else ""),
            err=True,
        )
    engine = store.connect(db_url, create=False)
    browse.serve(engine, host, port, token)


@main.command()
@db_option
@reports_errors
def status(db_url: str) -> None:
    """Documents by status, and every failed or partial one with its reason.

    \b
    Example:
        ratsinfo status --db sqlite:///data/processed/ratsinfo.sqlite
    """
    from pipeline.db import store

    engine = store.connect(db_url, create=False)
    counts = store.status_counts(engine)
    total = sum(counts.values())
    click.echo(
        f"{total} documents: "
        + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("ok", "partial", "failed"))
    )
    # Grouped by folder, so a maintainer knows where to look for each file.
    by_folder: dict[str, list[str]] = {}
    for state, name, reason, folder in store.problems(engine):
        first = reason.splitlines()[0] if reason else ""
        by_folder.setdefault(folder, []).append(f"{state}: {name}: {first}")
    for folder, lines in sorted(by_folder.items()):
        click.echo(f"in {folder}:")
        for line in lines:
            click.echo(f"  {line}")


@main.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of gold records, one JSON file per document.",
)
@db_option
@click.option("--misses", is_flag=True, help="List every miss: field, document, gold, extracted.")
@click.option(
    "--by-council", is_flag=True, help="Also score each council on its own, the worst first."
)
@reports_errors
def eval_command(gold_dir: Path, db_url: str, misses: bool, by_council: bool) -> None:
    """Per-field precision, recall and F1 of the stored records against gold records.

    Records are paired with gold by file name; the rules are those of the corpus scorer.
    `--by-council` adds a line per council (the gold record's body, else the file name's
    first part), worst fields F1 first. The last line is the summary.

    \b
    Example:
        ratsinfo ingest ../shared/corpus/dev/docs --db sqlite:////tmp/dev.sqlite
        ratsinfo eval --gold ../shared/corpus/dev/gold --db sqlite:////tmp/dev.sqlite --by-council
    """
    from pipeline import evaluate
    from pipeline.db import store

    engine = store.connect(db_url, create=False)
    gold = evaluate.load_gold(gold_dir)
    records = [r.to_json() for r in store.records_by_file(engine)]
    report = evaluate.evaluate(gold, records)
    for line in report.table():
        click.echo(line)
    if by_council:
        click.echo(f"{'council':40} {'docs':>4}  {'fields F1':>9}  {'resolution':>10}")
        for name, part in evaluate.by_council(gold, records):
            f1, resolution = part.micro.f1, part.resolution_f1
            click.echo(f"{name[:40]:40} {part.documents:4}  {f1:9.3f}  {resolution:10.3f}")
    if misses:
        for name, source, gold, pred in report.misses:
            click.echo(f"miss {name}: {source}: gold {gold!r} extracted {pred!r}")
    if report.missing:
        click.echo(f"no record for {len(report.missing)} document(s): {', '.join(report.missing)}")
    click.echo(
        f"ocr corrections: {report.ocr_right} right of {report.ocr_changed} made, "
        f"{report.ocr_needed} needed"
    )
    click.echo(report.summary())


@main.command("search")
@click.argument("query")
@db_option
@click.option(
    "-n",
    "--limit",
    type=click.IntRange(1, 10_000),
    default=10,
    show_default=True,
    help="Most matches (1 to 10,000).",
)
@reports_errors
def search_command(query: str, db_url: str, limit: int) -> None:
    """Find the papers that match QUERY best, in their names, resolutions and text.

    Words are matched by their German stem ("Städte" finds "Stadt"); all words must occur;
    "quoted words" must occur together; OR between two words allows either. At most 50
    words and 1,000 characters. Prints one line per paper, best first: date, reference,
    body, name.

    \b
    Example:
        ratsinfo search "interkommunale Zusammenarbeit" --db sqlite:///data/processed/ratsinfo.sqlite
    """
    from pipeline.db import search, store

    engine = store.connect(db_url, create=False)
    hits = search.search(engine, query, limit)
    if not hits:
        click.echo(f"no paper matches {query!r}", err=True)
    for hit in hits:
        date = hit.date.isoformat() if hit.date else "-"
        click.echo(f"{date}  {hit.reference or '-'}  {hit.body or '-'}  {hit.name or hit.source}")


if __name__ == "__main__":
    main()
