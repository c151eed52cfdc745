"""export: records out of the database, in the corpus record format."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from pipeline.model import Record


def write_jsonl(records: Iterable[Record], out: TextIO) -> int:
    """One record per line, exactly the corpus format. Returns how many were written."""
    count = 0
    for record in records:
        out.write(json.dumps(record.to_json(), ensure_ascii=False))
        out.write("\n")
        count += 1
    return count
