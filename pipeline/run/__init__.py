"""run: the machinery that takes documents through the stages.

document runs one document read -> clean -> segment -> extract (and the OParl merge) and
never raises; runner plans a batch, hands the documents out and has each outcome stored;
limits runs documents in worker processes under time, memory and page limits, forked from
a fork server that preload warms up; distributed runs them as Dask tasks (`--dask`).

May import: everything below it (the stages, the extractors, pipeline.oparl, pipeline.db);
never the command line, except preload, which loads it once for every worker (see there).
Imports nothing itself.
"""
