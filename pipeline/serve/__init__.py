"""serve: the database in Datasette.

browse starts Datasette on the SQLite file with the descriptions, facets and canned search
query of datasette.json; plugin is the Datasette plugin (the `datasette` entry point in
pyproject.toml) that gives its SQL `ratsinfo_match`, the German-stemming search match, and
the review desk: the paper page (desk gathers it, marks finds each value in the text), the
review queue and the edit login, rendered with the templates/ folder.

May import: pipeline.db and everything below it; never the runner or the command line.
Imports nothing itself.
"""
