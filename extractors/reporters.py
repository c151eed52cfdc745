"""reporters: the persons named under "Berichterstattung", name only."""

from __future__ import annotations

import re
from typing import Any

from extractors import vocab
from pipeline.model import Parsed, Record

_LABEL = re.compile(r"Berichterstatt(?:ung|er|erin)\s*:?[ \t]*(?P<value>[^\n\t]+)", re.I)
_NAME = re.compile(r"((?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?\s+){1,3}[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)\s*$")


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    names: list[str] = []
    for m in _LABEL.finditer(doc.text):
        person = person_name(m.group("value"))
        if person and person not in names:
            names.append(person)
    return {"reporters": names}


def person_name(value: str) -> str | None:
    """"Kreisdirektor Mike-Sebastian Janke" -> "Mike-Sebastian Janke": titles and offices dropped."""
    value = re.split(r"\s{2,}|\t|\d{1,2}\.\d{1,2}\.\d{2,4}", value.strip())[0].strip()
    titles = set(vocab.words("person_titles"))
    words = [w for w in value.split() if w.rstrip(".,") not in titles]
    m = _NAME.search(" ".join(words))
    if not m:
        return None
    parts = m.group(1).split()
    # Keep the last two to three capitalised words that are not offices (first name, surname).
    while len(parts) > 2 and parts[0] in titles:
        parts.pop(0)
    return " ".join(parts[-2:]) if len(parts) >= 2 else None
