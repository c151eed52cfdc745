"""Header fields: reference, date, name (Betreff), body, department."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from extractors import values
from pipeline.model import Parsed, Record

_REFERENCE = re.compile(
    r"(?:Drucksache|Drucks\.|Vorlage|Vorlagen-Nr\.?|Drs\.|Nr\.)(?:\s*(?:Nr\.?|Nummer))?\s*:?\s*\n?\s*"
    r"(?P<ref>[A-Z]{0,4}[/ ]?\d{1,4}(?:[/-]\d{1,5})+(?:-\d+)?|\d{1,4}/\d{2,4}|[A-Z]+/\d{2}/\d{3,6}(?:-\d+)?)",
)
_CODE_REFERENCE = re.compile(r"^\s*(?P<ref>[A-Z]{2,4}(?:-[A-Z]{2,4})?/\d{2}/\d{3,6}(?:-\d+)?)\s*$", re.M)
_BODY = re.compile(
    r"\b(?P<body>(?:Stadt|Kreis|Gemeinde|Landkreis|Landeshauptstadt|Hansestadt|Kreisstadt|Markt|Samtgemeinde|Verbandsgemeinde)"
    r"\s+[A-ZÄÖÜ][\wäöüß-]+(?:\s+(?:an der|am|im|in der)\s+[A-ZÄÖÜ][\wäöüß]+)?)",
)
_DEPARTMENT = re.compile(
    r"^\s*(?:Federführendes Amt|Federführung|Organisationseinheit|Verantwortlich|Fachbereich|Amt|Dezernat)\s*:?[ \t]*(?P<value>[^\n\t]*)",
    re.M | re.I,
)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    header = doc.section("header")
    head = header.text if header else doc.text[:2000]
    return {
        "reference": reference(head) or reference(doc.text[:3000]),
        "date": paper_date(head),
        "name": name(doc),
        "body": body(head),
        "department": department(head),
    }


_REFERENCE_LABEL = re.compile(r"^(?:Vorlagen?[- ]?)?(?:Nr|Nummer|Drucksache(?:n-?Nr)?)\.?:?$", re.I)
_REFERENCE_VALUE = re.compile(r"^[A-Z]{0,4}[/ ]?\d{1,5}(?:[/-]\d{1,5})+(?:-\d+)?$")


def form_pairs(text: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a form laid out as a row of labels over a row of values.

    "Federführendes Amt<TAB>Nr." over "Amt für Planung<TAB>037/2025" gives
    ("Federführendes Amt", "Amt für Planung") and ("Nr.", "037/2025").
    """
    lines = [line for line in text.splitlines() if line.strip()]
    pairs = []
    for labels, values_ in zip(lines, lines[1:]):
        left, right = labels.split("\t"), values_.split("\t")
        if len(left) > 1 and len(left) == len(right):
            pairs.extend((a.strip(), b.strip()) for a, b in zip(left, right))
    return pairs


def reference(text: str) -> str | None:
    for label, value in form_pairs(text):
        if _REFERENCE_LABEL.match(label) and _REFERENCE_VALUE.match(value):
            return value
    m = _REFERENCE.search(text) or _CODE_REFERENCE.search(text)
    return m.group("ref").strip() if m else None


def paper_date(text: str) -> dt.date | None:
    found = values.find_dates(text)
    return found[0][1] if found else None


def name(doc: Parsed) -> str | None:
    betreff = doc.section("betreff")
    if betreff:
        lines = [line.strip() for line in betreff.text.strip().splitlines()]
        title = []
        for line in lines:
            if not line:
                if title:
                    break
                continue
            title.append(line)
        if title:
            return " ".join(title)
    return None


def body(text: str) -> str | None:
    m = _BODY.search(text)
    return m.group("body") if m else None


def department(text: str) -> str | None:
    for label, value in form_pairs(text):
        if _DEPARTMENT.match(label) and value:
            return value
    m = _DEPARTMENT.search(text)
    if not m:
        return None
    value = m.group("value").strip()
    return value or None
