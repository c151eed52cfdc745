"""Imported once by the worker fork server (pipeline.limits): loads what every document
needs, so each worker forked from it starts warm and shares those pages copy-on-write
instead of loading its own copy."""

import gc

from pipeline.document import warm_up

# Loading makes millions of objects and frees few: the garbage collector's passes over them
# meanwhile find nothing to collect and cost 7% of the load.
gc.disable()
try:
    warm_up()
finally:
    gc.enable()
