"""oparl: papers and their metadata from a council's OParl 1.1 API.

client is the polite HTTP client; importer walks an endpoint and saves each paper's file
with its metadata beside it (`ratsinfo import-oparl`); merge puts that metadata into the
extracted record at ingest, keeping both values of each field; names makes safe file names
and short ids (also for the OParl export, pipeline.export, which must not load the client's
HTTP library).

May import: the stages (pipeline.read, pipeline.clean, pipeline.segment), the extractors
and what they import; never the database, the runner or the command line. Imports nothing
itself, so that names never loads the client.
"""
