"""Defaults that the command line shows in its --help, in a module that imports nothing.

The command line imports the modules that need SQLAlchemy only inside the commands that
use them: every worker process runs the main module again as it starts (multiprocessing
does that for its fork server's children), and SQLAlchemy cost each worker a quarter of a
second and some 20 MB there, for nothing.
"""

DB_URL = "sqlite:///data/processed/ratsinfo.sqlite"
OPARL_BASE = "https://ratsinfo.invalid/oparl"
