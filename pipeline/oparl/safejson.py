"""safejson: JSON from an untrusted source, parsed with a limit on how deep it nests.

Python's parser recurses once per level and ends in a RecursionError (or, in code that
walks the result, a stack overflow) on a document nested 100,000 deep; no OParl object
nests more than a dozen levels. Used for what a server sends (pipeline.oparl.client) and
for the metadata import-oparl saved beside a file, which ingest reads (pipeline.oparl.merge).
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 64  # an OParl list page of papers with embedded files nests about 8 deep


class JSONError(ValueError):
    """Not JSON, or JSON nested deeper than allowed; the message says which."""


def loads(data: str | bytes, max_depth: int = MAX_DEPTH) -> Any:
    """The JSON value in `data`; raises JSONError with a one-line reason."""
    try:
        value = json.loads(data)
    except RecursionError:
        raise JSONError(f"JSON nested deeper than {max_depth} levels") from None
    except ValueError as e:  # also UnicodeDecodeError
        raise JSONError(f"not JSON: {e}") from None
    if depth(value, max_depth) > max_depth:
        raise JSONError(f"JSON nested deeper than {max_depth} levels")
    return value


def depth(value: Any, stop: int = MAX_DEPTH) -> int:
    """How deep `value` nests (a scalar 0, [] or {} 1, [[1]] 2), counted without
    recursion; counting stops once past `stop`."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        level += 1
        deepest = max(deepest, level)
        if deepest > stop:
            return deepest
        stack.extend((child, level) for child in children if isinstance(child, (dict, list)))
    return deepest
