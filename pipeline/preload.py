"""Imported once by the worker fork server (pipeline.limits): loads what every document
needs, so each worker forked from it starts warm and shares those pages copy-on-write
instead of loading its own copy."""

from pipeline.document import warm_up

warm_up()
