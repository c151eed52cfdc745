"""resolution: the Beschlussvorschlag (or Beschlussantrag / Beschlussempfehlung), item by item."""

from __future__ import annotations

import re
from typing import Any

from pipeline.model import PaperType, Parsed, Record, ResolutionItem

# "1.", "2)", "a)", "- 1." at the start of a line
_ITEM = re.compile(r"^[ \t]*(?:[-–•][ \t]*)?(?:\d{1,2}[.)]|[a-z]\))[ \t]+", re.M)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    if record.paper_type == PaperType.SONSTIGES:
        return {"resolution": []}
    section = doc.section("beschlussvorschlag")
    if section is None:
        return {"resolution": []}
    return {"resolution": items(section.text)}


def items(text: str) -> list[ResolutionItem]:
    """Split on item numbers; otherwise on blank lines. Lines within an item are joined."""
    text = text.strip()
    if not text:
        return []
    starts = [m.start() for m in _ITEM.finditer(text)]
    if starts:
        chunks = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True)]
        chunks = [_ITEM.sub("", c, count=1) for c in chunks]
    else:
        chunks = re.split(r"\n[ \t]*\n", text)
    return [ResolutionItem(text=joined) for c in chunks if (joined := join_lines(c))]


def join_lines(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
