"""Imported once by the worker fork server (pipeline.run.limits): loads what every document
needs, so each worker forked from it starts warm and shares those pages copy-on-write
instead of loading its own copy."""

import gc

# multiprocessing runs the runner's main script again in every worker it starts, before the
# worker's first document (spawn's `_fixup_main_from_path`; the fork server's own preload of
# "__main__" does not reach it on this Python). For `ratsinfo` that script imports the
# command line: imported here once, it is found loaded in each worker instead of costing
# each 0.1 s. The command line imports nothing of the database (tests/test_cli.py).
import pipeline.cli  # noqa: F401
from pipeline.run.document import warm_up

# Loading makes millions of objects and frees few: the garbage collector's passes over them
# meanwhile find nothing to collect and cost 7% of the load.
gc.disable()
try:
    warm_up()
finally:
    gc.enable()
