"""How sure a reader is of a value: three grades, each named by where the value was found.

A reader that found a value says where, and the place sets the confidence:

- **given** (1.0): the council's own data gives the value: its OParl metadata beside the file.
- **labelled** (0.9): printed under a label the vocabulary gives for the field ("Vorlage-Nr.:",
  "Betreff:", "Federführend:"), in a RIS page's field for it, in the table its heading
  names (a Beratungsfolge), or under the section heading of its kind (a Beschlussvorschlag).
  Papers print the value there to be read; a wrong value here is the form's own slip or a
  misread cell.
- **placed** (0.7): no label, but where papers print such a value: a heading line, the
  letterhead, the first lines, the kind word at the top. Usually right; a heading can also be
  an item's or an enclosure's.
- **inferred** (0.4): read from something that only points to it: the council the text names
  once or whose RIS shows the page, a number in the running foot, a kind concluded from
  what the paper does ("a numbered paper with a Beratungsfolge that proposes nothing"),
  sessions named in prose.

The grades order papers for review (the least sure first); they are not probabilities and
are not calibrated against gold. A field without a value has no evidence.
"""

from __future__ import annotations

from pipeline.model import Evidence

GIVEN = 1.0
LABELLED = 0.9
PLACED = 0.7
INFERRED = 0.4


def given(how: str) -> Evidence:
    return Evidence(GIVEN, how)


def labelled(how: str) -> Evidence:
    return Evidence(LABELLED, how)


def placed(how: str) -> Evidence:
    return Evidence(PLACED, how)


def inferred(how: str) -> Evidence:
    return Evidence(INFERRED, how)
