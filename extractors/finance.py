"""finance: financial impact, budget coverage and every money amount.

Amounts are recorded for council papers. A document that is no paper (press release, report,
annual accounts) keeps only the amounts of a form's "Betrag €" column: an attachment such as
an application for unplanned expenditure asks for those sums, while a report's figures are
not amounts the council decides on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from extractors import amounts, scan, values
from pipeline.model import Amount, Finance, PaperType, Parsed, Record

_IMPACT = re.compile(r"Finanzielle Auswirkungen\s*:?\s*(?P<marks>[^\n]*)", re.I)
_IN_BUDGET = re.compile(
    r"(?:Haushalt(?:splan)?\s+(?:vorgesehen|veranschlagt))\s*:?\s*(?P<marks>[^\n]*)", re.I
)
# The boxes set between a label's words where its cell wrapped, a plain text layer running
# them into the label's first line or onto lines of their own: "Finanzielle ⊠ ja nein" /
# "Auswirkungen:", "Falls ja: Im" / "⊠ ja" / "☐ nein" / "Haushaltsplan" / "vorgesehen:".
_MARKS_THEN = r"(?P<marks>(?:[ \t\n]*[☐☑☒⊠□\[\]()xX✓✔]*[ \t]*\b(?:ja|nein)\b){1,2})[ \t]*\n[ \t]*"
_IMPACT_WRAPPED = re.compile(rf"Finanzielle[ \t\n]+{_MARKS_THEN}Auswirkungen\b", re.I)
_IN_BUDGET_WRAPPED = re.compile(
    rf"\b[Ii]m[ \t\n]+{_MARKS_THEN}Haushalt(?:splan)?\s+(?:vorgesehen|veranschlagt)\b"
)
# A ticked box or a tick: the glyphs geometry (pipeline.read.geometry) writes and Word prints.
_CHECKED = "⊠☒☑✓✔✗✘xX"
# "Haushaltsmittel stehen in voller Höhe zur Verfügung", "Die Mittel stehen nicht zur Verfügung".
# "Haushaltsmittel stehen zur Verfügung", "Die Mittel sind unter dem Konto 12600.44210080
# in Höhe von maximal 920,00 € für das Jahr 2023 ... bereitgestellt" (Nordstemmen), "Die
# Mittel wurden ... in die Haushaltsplanung eingebracht" (Hildesheim): within one sentence.
_FUNDS_AVAILABLE = re.compile(
    r"\b(?:Haushalts)?[Mm]ittel\s+(?:stehen|sind|wurden)\s+"
    r"(?P<how>(?:[^\n.]|(?<=\d)\.(?=\d)|\n(?!\s*\n)){0,120}?)"
    r"\b(?:zur\s+Verfügung|bereitgestellt|veranschlagt|eingeplant|in\s+die\s+Haushaltsplanung"
    r"\s+eingebracht)",
)
_NOT = re.compile(r"\b(?:nicht|keine)\b", re.I)
_OUTSIDE_PLAN = re.compile(r"\b(?:über|außer)planmäßig", re.I)
_PARTLY = re.compile(r"\b(?:nur|teilweise)\b", re.I)
# A column headed "Betrag €" / "Betrag in EUR": the numbers below it are amounts.
_AMOUNT_COLUMN = re.compile(r"\bBetrag[ \t]*(?:in[ \t]*|\()?(?:€|EUR\b|Euro\b)", re.I)
_COLUMN_ROWS = 30  # lines read below such a header
# A budget form's row label ("Transferaufwendungen") with its yearly values on the next line.
_BUDGET_ROW = re.compile(
    r"^[ \t]*[A-ZÄÖÜ][\w/-]*(?:aufwendungen|erträge|auszahlungen|einzahlungen)[ \t]*\n"
    r"(?P<values>[ \t]*\d{1,3}(?:\.\d{3})+(?:[ \t]+\d{1,3}(?:\.\d{3})+)*)[ \t]*$",
    re.M,
)
# Every budget row's label ends in one of these words.
_BUDGET_WORDS = ("aufwendungen", "erträge", "auszahlungen", "einzahlungen")
_GROUPED_CELL = re.compile(r"^[ \t]*(\d{1,3}(?:\.\d{3})+(?:,\d{2})?)[ \t]*$", re.M)


def extract(doc: Parsed, record: Record) -> dict[str, Any]:
    columns = _columns(doc.text)
    if record.paper_type == PaperType.SONSTIGES:
        return {"finance": Finance(amounts=_distinct(doc.text, columns, columns))}
    found = values.find_amounts(doc.text) + columns + _budget_rows(doc.text)
    in_budget = checkbox(_IN_BUDGET, doc.text, "haushalt")
    if in_budget is None:
        in_budget = checkbox(_IN_BUDGET_WRAPPED, doc.text, "haushalt")
    if in_budget is None:
        in_budget = funds_available(doc.text)
    if in_budget is None and " im Haushalt" in doc.text and ticked(_FUNDS_OPTION, doc.text):
        in_budget = True
    impact = checkbox(_IMPACT, doc.text, "finanzielle auswirkungen")
    if impact is None:
        impact = checkbox(_IMPACT_WRAPPED, doc.text, "finanzielle")
    if impact is None and _NO_IMPACT_WORDS.search(doc.text) and ticked(_NO_IMPACT_OPTION, doc.text):
        impact = False
    return {
        "finance": Finance(
            impact=impact, in_budget=in_budget, amounts=_distinct(doc.text, sorted(found), columns)
        )
    }


def _distinct(
    text: str, found: list[tuple[int, float]], columns: list[tuple[int, float]]
) -> list[Amount]:
    """Each amount once (see _same), described where it is first printed (see
    extractors/amounts.py); a later printing names it where the first does not. The
    `columns` amounts stand under a "Betrag €" heading."""
    under = {offset for offset, _ in columns}
    described = [
        (offset, _describe(text, offset, value, "Betrag" if offset in under else None))
        for offset, value in found
    ]
    amounts.mark_parts(described, text)
    kept: list[Amount] = []
    for _, amount in described:
        same = next((k for k in kept if _same(k, amount)), None)
        if same is None:
            kept.append(amount)
        elif same.label is None and amount.label is not None:
            kept[kept.index(same)] = amount
    return kept


def _same(a: Amount, b: Amount) -> bool:
    """One amount printed twice: the same value, in the same year or where one has none
    (7.220 in 2026 and 7.220 in 2027 are two)."""
    return a.value == b.value and (a.year == b.year or a.year is None or b.year is None)


def _describe(text: str, offset: int, value: float, column: str | None) -> Amount:
    end = _AMOUNT_END.match(text, offset)
    return amounts.describe(text, offset, end.end() if end else offset, value, column)


# The printed amount from its number on: where its year may follow ("25.550 € im Jahr 2026").
_AMOUNT_END = re.compile(r"[\d.,]+[ \t]*(?:Mio\.?|Mrd\.?|Tsd\.?|Millionen)?[ \t]*(?:€|EUR|Euro)?")


def checkbox(label: re.Pattern[str], text: str, word: str) -> bool | None:
    """ "⊠ ja ☐ nein", "[X] ja [ ] nein" (on the label's line or the next) -> True;
    "☐ ja ⊠ nein" -> False; a plain "ja" / "nein" / "keine" as the value too; unreadable ->
    None. `word` (lower case) starts every match of the label: a paper without it is not
    searched."""
    m = label.search(text) if scan.may_hold(text, word) else None
    if not m:
        return None
    marks = own = m.group("marks")
    if not re.search(r"\b(?:ja|nein)\b", marks, re.I):
        # The boxes on the line below the label: "Finanzielle Auswirkungen:" / "[X] ja".
        below = scan.first_lines(text, _MARK_LINES + 1, m.end())[1:]
        marks = " ".join(line for line in below if line.strip())[:_MARK_CHARS] or marks
    yes = re.search(rf"{_BOX}\s*ja\b", marks, re.I)
    no = re.search(rf"{_BOX}\s*nein\b", marks, re.I)
    if yes and not no:
        return True
    if no and not yes:
        return False
    if yes or no or re.search(r"[☐□\[(]", marks):
        return None
    # A plain answer stands on the label's own line, alone: "nein  ja" are two empty boxes.
    plain = _PLAIN_ANSWER.match(own)
    if plain is None or re.search(r"\bja\b.*\bnein\b|\bnein\b.*\bja\b", own, re.I):
        return None
    return plain.group(1).lower() == "ja"


# A ticked box: a glyph, or an "x" in brackets ("[X]", "(x)").
_BOX = r"(?:\[\s*[xX✓✔]\s*\]|\(\s*[xX✓✔]\s*\)|[" + _CHECKED + r"])"
_MARK_LINES, _MARK_CHARS = 2, 80
# "Finanzielle Auswirkungen: nein", "... : keine", "... : ja, siehe Anlage".
_PLAIN_ANSWER = re.compile(r"\s*(ja|nein|keine)\b(?![-\w])", re.I)


# A form's options ticked by a mark before them, on their line or alone on the line above
# ("X" / "Finanzierungsmittel im Haushalt vorhanden.", Klütz; "X Vorlage berührt nicht den
# Haushalt.", Kall): the option holds.
_FUNDS_OPTION = re.compile(
    r"(?:\b(?:Finanzierungs|Haushalts)m|\bM)ittel[ \t]+(?:sind[ \t]+)?im[ \t]+Haushalt(?:splan)?"
    r"[ \t]+(?:vorhanden|veranschlagt|eingeplant)\b"
)
_NO_IMPACT_OPTION = re.compile(
    r"(?:Die[ \t]+)?Vorlage[ \t]+berührt[ \t]+(?:nicht[ \t]+den[ \t]+Haushalt|den[ \t]+Haushalt"
    r"[ \t]+nicht)\b|[Kk]eine[ \t]+finanziellen[ \t]+Auswirkungen\b"
)
_NO_IMPACT_WORDS = re.compile(r"berührt|eine finanziellen")  # a cheap test before the option's
_TICK_BEFORE = re.compile(rf"(?:^|\n|:)[ \t]*{_BOX}[ \t]*(?:\n[ \t]*)*$")


def ticked(option: re.Pattern[str], text: str) -> bool:
    """Whether `option` stands in `text` with a tick right before it (see _FUNDS_OPTION)."""
    for m in option.finditer(text):
        before = text[max(0, m.start() - _TICK_REACH) : m.start()]
        if _TICK_BEFORE.search(before):
            return True
    return False


_TICK_REACH = 12


def funds_available(text: str) -> bool | None:
    """ "Haushaltsmittel stehen (in voller Höhe) zur Verfügung" -> True; "... nicht ..." -> False;
    "nur teilweise" or no such statement -> None."""
    m = next(scan.finditer_at(_FUNDS_AVAILABLE, text, _funds_starts(text)), None)
    if not m:
        return None
    how = m.group("how")
    if _NOT.search(how) or _OUTSIDE_PLAN.search(how):
        return False  # "... nicht ...", "werden außerplanmäßig zur Verfügung gestellt"
    return None if _PARTLY.search(how) else True


def _funds_starts(text: str) -> Iterator[int]:
    """Where a match of _FUNDS_AVAILABLE can start: at "Mittel", "mittel" or "Haushalts"."""
    return scan.occurrences(text, "Mittel", "mittel", "Haushalts")


def column_amounts(text: str) -> list[float]:
    """Numbers in thousands notation on their own lines below a "Betrag €" column header."""
    return [value for _, value in _columns(text)]


def _columns(text: str) -> list[tuple[int, float]]:
    found = []
    for header in scan.finditer_word(_AMOUNT_COLUMN, text, "betrag"):
        first_row = text.find("\n", header.end()) + 1
        below = text[first_row:].split("\n", _COLUMN_ROWS)[:_COLUMN_ROWS]
        for cell in _GROUPED_CELL.finditer("\n".join(below)):
            value = values.parse_number(cell.group(1))
            if value and first_row:
                found.append((first_row + cell.start(1), value))
    return found


def budget_row_amounts(text: str) -> list[float]:
    """The yearly values of a budget form row: "Transferaufwendungen\\n7.220 7.220"."""
    return [value for _, value in _budget_rows(text)]


def _budget_rows(text: str) -> list[tuple[int, float]]:
    found = []
    for row in scan.finditer_at(_BUDGET_ROW, text, scan.line_starts(text, *_BUDGET_WORDS)):
        for number in re.finditer(r"\S+", row.group("values")):
            value = values.parse_number(number.group())
            if value:
                found.append((row.start("values") + number.start(), value))
    return found
