"""ratsinfo: German council papers (PDF, text) to structured records in SQLite or Postgres."""

__version__ = "0.1.0"
