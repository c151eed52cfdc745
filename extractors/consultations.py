"""consultations: the Beratungsfolge (committee, session date, role, öffentlich/nichtöffentlich)."""

from __future__ import annotations

import functools
import re
from typing import Any

from extractors import values, vocab
from pipeline.model import Consultation, Parsed, Record


@functools.cache
def _committee() -> re.Pattern[str]:
    endings = "|".join(re.escape(w) for w in vocab.words("committee_words"))
    return re.compile(rf"\b(?P<org>[A-ZÄÖÜ][\w\-, ]*?(?:{endings})(?:\s+[\wäöüß\-,]+){{0,6}}?)\s*(?=\t|\s{{2,}}|\d{{1,2}}\.\d|$)", re.M)


@functools.cache
def _roles() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in vocab.words("consultation_roles"))
    return re.compile(rf"\b({alternatives})\b", re.I)


_PUBLIC = re.compile(r"\b(nicht\s?öffentlich|nichtöffentlich|öffentlich|NÖ|Ö|N)\b")


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    # Some papers print the table without a "Beratungsfolge" heading, inside the header form.
    section = doc.section("beratungsfolge") or doc.section("header")
    if section is None:
        return {"consultations": []}
    return {"consultations": parse_table(section.text)}


def parse_table(text: str) -> list[Consultation]:
    """One consultation per line that names a committee and a session date."""
    found: list[Consultation] = []
    for line in text.splitlines():
        dates = values.find_dates(line)
        m = _committee().search(line)
        if not dates or not m:
            continue
        organization = re.split(r"\s+Berichterstattung\b", m.group("org"))[0].strip(" ,")
        role = _roles().search(line)
        public = _PUBLIC.search(line)
        found.append(
            Consultation(
                organization=organization,
                date=dates[0][1],
                role=role.group(1) if role else None,
                public=None if public is None else not public.group(1).lower().startswith("n"),
            )
        )
    return found
