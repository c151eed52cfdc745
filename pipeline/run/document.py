"""document: the per-document stages, read -> clean -> quality -> segment -> extract.

`process` takes one source file to an Outcome and never raises. It runs in the worker
processes (pipeline.run.limits) or on Dask workers (pipeline.run.distributed); `warm_up` loads what
it needs once per process. Nothing here touches the database.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time

from pipeline.clean.cleaner import clean
from pipeline.db import stems
from pipeline.errors import DocumentError, FileChanged, LexiconUnavailable
from pipeline.model import Outcome, PaperType, Parsed, Record, SourceFile, Status
from pipeline.oparl import merge as oparl_merge
from pipeline.read.language import language_of
from pipeline.read.quality import assess, is_garbage
from pipeline.read.reader import read
from pipeline.run import page_merge
from pipeline.segment import segment


def process(
    source: SourceFile,
    use_ocr: bool = True,
    max_pages: int | None = None,
    ocr_processes: int | None = None,
    stem: bool = False,
) -> Outcome:
    """read -> clean -> segment -> extract for one document. Never raises. Up to
    `ocr_processes` Tesseract processes OCR its pages at once (default: one per core).
    `stem`: also make the record's stems for SQLite's search index (pipeline.db.stems), here
    in the worker rather than in the runner that stores every document."""
    started = time.perf_counter()
    outcome = Outcome(source=source, status=Status.FAILED)
    try:
        result = read(source, use_ocr=use_ocr, max_pages=max_pages, ocr_processes=ocr_processes)
        outcome.pages, outcome.ocr_used, outcome.encoding = (
            len(result.pages),
            result.ocr_used,
            result.encoding,
        )
        cleaned = clean(result.text)
        outcome.raw_text, outcome.corrections = cleaned.raw, cleaned.corrections
        warnings = result.warnings + cleaned.warnings
        # Cleaning only joins and repairs words, so pages judged clean stay clean.
        if not result.judged_clean and is_garbage(cleaned.text):
            # Whatever an extractor found in garbage would be invented: keep the text only.
            outcome.record = Record(source=source.name, text=cleaned.text)
            outcome.errors = [*warnings, _unreadable(cleaned.text), *_merge_oparl(outcome)]
            outcome.status = Status.PARTIAL
            outcome.seconds = time.perf_counter() - started
            return outcome
        parsed = Parsed(
            source=source.name,
            text=cleaned.text,
            pages=cleaned.text.split("\f"),
            sections=segment(cleaned.text),
        )
        # Imported on first use: the extractors bring spaCy (half a second), which a run
        # with nothing to process, such as a re-run on an unchanged corpus, never needs.
        from extractors import registry

        known_type = result.fields.paper_type if result.fields is not None else None
        outcome.record, errors = registry.extract(parsed, known_type)
        outcome.errors = warnings + errors + _merge_oparl(outcome)
        if result.fields is not None:  # a saved RIS page: its labelled fields win over the text
            outcome.origins = page_merge.merge(outcome.record, result.fields, outcome.origins)
        missing = few_fields(outcome.record)
        if missing:
            outcome.errors.append(f"few fields found: no {', '.join(missing)}")
        outcome.status = Status.PARTIAL if outcome.errors else Status.OK
        if stem:
            outcome.stemmed = stems.of(*stems.parts(outcome.record))
    except FileChanged as e:
        outcome.errors = [str(e)]
        # Stored without its modification time, so the next run hashes the file again
        # instead of trusting size and time (a rewrite may keep both).
        outcome.source = dataclasses.replace(source, mtime_ns=None)
    except DocumentError as e:
        outcome.errors = [str(e)]
    except MemoryError:
        # In a worker, the address-space limit (pipeline.run.limits) was reached.
        outcome.errors = ["out of memory (over the --max-memory limit)"]
    except Exception as e:
        outcome.errors = [f"internal error: {type(e).__name__}: {e}"]
    if outcome.status is Status.FAILED:
        # A failed document keeps no record: a half-made one (the error came after
        # extraction) would be stored as if it were the paper.
        outcome.record, outcome.origins, outcome.disagreements = None, [], []
        outcome.stemmed = None
    outcome.seconds = time.perf_counter() - started
    return outcome


# The fields that make a paper findable and placeable: with more than half of them missing,
# a paper of a known type is `partial`, for a person to look at.
CORE_FIELDS = ("body", "reference", "date", "name", "department", "consultations")
# As each kind of paper has them: an agenda or minutes is a session's (no number, office or
# Beratungsfolge of its own), a motion or question a group's (no office, often no number yet).
_CORE_OF_KIND = {
    PaperType.EINLADUNG: ("body", "date", "name"),
    PaperType.NIEDERSCHRIFT: ("body", "date", "name"),
    PaperType.ANTRAG: ("body", "date", "name", "reference"),
    PaperType.ANFRAGE: ("body", "date", "name", "reference"),
}


def few_fields(record: Record) -> list[str]:
    """The core fields `record` lacks, if its type is known and it lacks most of them."""
    if record.paper_type is PaperType.SONSTIGES:
        return []
    core = _CORE_OF_KIND.get(record.paper_type, CORE_FIELDS)
    missing = [name for name in core if getattr(record, name) in (None, "", [])]
    return missing if len(missing) > len(core) // 2 else []


def _unreadable(text: str) -> str:
    """Why a text the German lexicon does not know is kept without fields: written in
    another language (its function words say which), or the garbage of a failed OCR."""
    described = assess(text).describe()
    other = language_of(text)
    if other is not None and other != "German":
        return f"text is not German (it reads as {other}; {described})"
    return f"text is OCR garbage ({described})"


def _merge_oparl(outcome: Outcome) -> list[str]:
    """The council's OParl metadata, where import-oparl saved it beside the document, goes
    into the record (see pipeline.oparl.merge); returns its warnings."""
    assert outcome.record is not None
    merged = oparl_merge.apply(outcome.source.path, outcome.record)
    outcome.origins, outcome.disagreements = merged.values, merged.disagreements
    return merged.warnings


def warm_up() -> None:
    """Load what every document needs (the lexicon, the spaCy pipeline, dateparser's data)
    once per worker, before its first document, so that cost is not that document's."""
    from extractors import nlp, values
    from pipeline.lexicon import lexicon

    with contextlib.suppress(LexiconUnavailable):
        lexicon()
    nlp.german()
    values.parse_date("1. Januar 2020")  # dateparser's month names
