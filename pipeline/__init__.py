"""ratsinfo: German council papers (PDF, text) to structured records in SQLite or Postgres.

The packages, in the order a document flows through them (docs/architecture.md):

    read/     discover the files, read them into pages (PDF text layer, layout, OCR)
    clean/    Unicode, hyphenation and quotes, OCR repair against the lexicon
    segment   the labelled sections of the cleaned text
    (extractors/, beside this package: the record's fields from the sections)
    oparl/    a council's OParl metadata: fetched before, merged into the record at ingest
    db/       load: schema, migrations, store, full-text search
    export, evaluate, serve/    records out: JSONL, CSV, OParl JSON; scores; Datasette
    run/      per-document processing, the batch runner, worker limits, Dask
    cli       the command line

model, errors, defaults and lexicon sit below all of them. Each module imports only from
its own package and those listed before it (tests/test_architecture.py checks it).
"""

__version__ = "0.1.0"
