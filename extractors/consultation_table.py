"""The Beratungsfolge table: where it is, and its rows as consultations.

The table starts at a "Beratungsfolge" heading or at a column header such as
"Gremium Termin TOP ö nö Ergebnis" or "Gremium<TAB>Sitzungsdatum<TAB>Beschlussstatus", and
runs while lines look like table rows: a committee or a date at the start, a cell value
(TOP number, mark, result, role), a wrapped committee name, column headings, or blanks.

Rows come in the forms text extraction leaves them in:
- one row per line, cells split by TAB (layout-aware PDF text, the corpus .txt files);
- one row per line, cells split by spaces ("Hauptausschuss 12.07.2022 25  x vorberaten");
- de-interleaved: each cell on a line of its own, a wrapped name over two lines
  ("Ausschuss für Umwelt und" / "Gesundheit" / "07.05.2015" / "10");
- the date before the committee (ALLRIS: "01.12.2025" / "Kulturausschuss (Entscheidung)");
- run together by a plain text layer, a wrapped cell's lines above and below its row's
  dated line (see plain_rows);
- a list of results ("Ergebnisse": a session's date and body, what it did with the paper).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass

from extractors import committees, scan, values, vocab
from pipeline.model import Consultation

# "Ergebnisse" over "30.09.2026 Stadtverordnetenversammlung" (Wiesbaden's PIWi): the sessions
# that took the paper up, a heading alone on its line.
_RESULTS_HEADING = r"(?:Beratungs|Sitzungs)?[Ee]rgebnisse[ \t]*$"
_START = re.compile(
    r"^[ \t]*(?:Beratungs(?:reihen)?folge\b"
    r"|(?:Beratungsverlauf|Beratungsweg|Gremienweg|Gremienfolge)\b"
    r"|Gremi(?:um|en)\b(?![ \t]*:)[^\n]{0,20}?\b(?:Termin|Sitzungs(?:datum|termin)|Datum|Sitzung)\b"
    rf"|{_RESULTS_HEADING})",
    re.M,
)
_RESULTS = re.compile(rf"[ \t]*{_RESULTS_HEADING}")
# Every match of _START is on a line with one of these.
_START_WORDS = ("Beratungs", "Gremi", "rgebnisse")  # "Beratungsverlauf", "Gremienweg" too
# Words of column headings ("Gremium Termin TOP ö nö Ergebnis", "Geplante Sitzungstermine").
_HEADING_WORDS = vocab.word_set("column_headings")
# A line this short is a cell value of its own ("x", "3", "vorberaten", "öffentlich").
_CELL_WORDS, _CELL_CHARS = 3, 30
# A wrapped cell line of at most this many words, followed within this many lines by a row.
_WRAPPED_WORDS, _LOOKAHEAD = 6, 2
# The longest table, in lines; beyond this the block is not a table any more.
_MAX_LINES = 60
_MARKS = frozenset("xX☒⊠✓✔")
# "Öffentliche TO" / "Nichtöffentliche TO" (Wiesbaden's PIWi): the agenda it was taken up in
# ("Öffentliche/nichtöffentliche Sitzung" says neither).
_PUBLIC_WORD = re.compile(
    r"(?<![\w/])(?P<not>nicht[ -]?öffentlich|nichtöffentlich|NÖ|nö|N"
    r"|[Nn]icht[ -]?öffentliche[ \t]+TO)(?![\w/])"
    r"|(?<![\w/])(?:öffentlich|Ö|ö|[Öö]ffentliche[ \t]+TO)(?![\w/])"
)
_PARENTHESIS = re.compile(r"\s*\((?P<inner>[^)\n]{2,60})\)")
_CONTINUES = re.compile(r"(?:\b(?:und|für|des|der|sowie)|,|-|\b[a-zäöüß]\w*)\s*$")
_CONTINUATION = re.compile(
    r"^\s*(?:(?:und|sowie)\s+)?[A-Za-zÄÖÜäöüß][\w/-]*(?:\s+[\w/-]+){0,4}\s*$"
)
# A name's wrapped rest starting a line, up to a label of the cell beside or below it:
# "und Planung Berichterstattung: KLD Martin" -> "und Planung".
_JOINED_REST = re.compile(
    r"^[ \t]*(?P<rest>(?:und|sowie)[ \t]+[A-ZÄÖÜ][\w-]*(?:[ \t]+[A-ZÄÖÜ][\w-]*){0,2})"
    r"(?:[ \t]+[A-ZÄÖÜ][\w-]*:|[ \t]*$)"
)
# "Kulturausschuss und" / "Integrationsausschuss" / "19.10.2023": a joint session.
_JOINT = re.compile(r"^\s*(?:und|sowie|,)\s*$")


@functools.cache
def _roles() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in vocab.words("consultation_roles"))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


@dataclass
class _Row:
    organization: str
    date: dt.date | None = None
    role: str | None = None
    public: bool | None = None
    open_name: bool = False  # the name may continue on the next line
    joined: bool = False  # sits jointly with the next row's committee (same session)


def find(text: str) -> list[Consultation]:
    """The consultations of every Beratungsfolge table in `text`, in order, without repeats."""
    found: list[Consultation] = []
    seen: set[tuple[str, dt.date | None]] = set()
    for lines, following in blocks(text):
        rows = parse(lines)
        if not any("\t" in line for line in lines):
            # Read again as a table whose wrapped cells ran together ("Fachausschuss
            # Finanzen, Wirt-" ended the block), taken where it finds more (_fullness),
            # and as one whose columns came one after the other.
            rebuilt = parse(lines[:1] + plain_rows(following))
            if _fullness(rebuilt) > _fullness(rows):
                rows = rebuilt
            # The columns' reading and the rows' fill in each other: the columns' leads where
            # a column filled each of its rows (the rows' reading of such a table takes
            # its cells for rows), else the longer.
            columns = column_runs(lines[1:])
            if columns:
                whole = all(c.public is not None or c.role or c.date for c in columns)
                if whole or len(columns) >= len(rows):
                    rows = _filled(columns, rows)
                else:
                    rows = _filled(rows, columns)
        results = _RESULTS.match(lines[0])
        for row in rows:
            if results:
                # A list of results: "Entscheidung" under a session is what it did with the
                # paper (München's RIS), no role the paper gave it.
                row = dataclasses.replace(row, role=None)
            key = (row.organization.casefold(), row.date)
            if key not in seen:
                seen.add(key)
                found.append(row)
    return found


def column_runs(lines: list[str]) -> list[Consultation]:
    """A table whose text came column by column (pdftotext without layout): the committee
    names, one a line (a name cut after a comma or "und" going on on the next), then each
    further column, a row a line: dates, statuses or roles, alone or together. A column
    whose lines are as many as the names fills the rows; one of another length (a wrapped
    role) is passed over.
    "Dienstberatung der Oberbürgermeisterin" / "Ausschuss für Finanzen und Liegenschaften" /
    "nicht öffentlich" / "öffentlich" / "zur Information" / "beschließend";
    "Ältestenrat" / ... / "21.09.2009 nicht öffentlich" / "13.10.2009 nicht öffentlich" /
    "nicht öffentlich" / "beratend" / "beratend" / "beratend". Blank lines (a page's or a
    group's end) may part a column; the table ends at a line of no such kind."""
    names: list[str] = []
    columns: list[tuple[str, list[_Cells]]] = []
    last_was_name = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            last_was_name = False
            continue
        if not columns and names and last_was_name and _name_goes_on(names[-1], stripped):
            names[-1] = f"{names[-1]} {stripped}"
            continue
        after_cell = last_was_name or (columns and columns[-1][0] == "role")
        if after_cell and _BRACKETED_NOTE.fullmatch(stripped):
            # "(Eigenbetrieb Stadtentwässerung)" under its committee, "(federführend)" under
            # its role: the cell's note, wrapped.
            if columns:
                date, public, role = columns[-1][1][-1]
                columns[-1][1][-1] = (date, public, f"{role} {stripped}")
            else:
                names[-1] = f"{names[-1]} {stripped}"
            continue
        if not columns and _is_name(stripped):
            names.append(stripped)
            last_was_name = True
            continue
        parts = _cells(stripped)
        if parts is None:
            break  # "Zuständig: ...", a name after the columns: the table is over
        kind = "public" if parts[1] is not None else "role" if parts[2] else "date"
        if columns and columns[-1][0] == kind:
            columns[-1][1].append(parts)
        else:
            columns.append((kind, [parts]))
    if len(names) < 2 or not columns:
        return []
    rows = [_Row(committees.clean(name) if "(" not in name else name) for name in names]
    for _, column in columns:
        if len(column) != len(rows):
            continue
        for row, (date, public, role) in zip(rows, column, strict=True):
            row.date = row.date or date
            row.public = row.public if public is None else public
            row.role = row.role or role
    return [Consultation(r.organization, r.date, r.role, r.public) for r in rows]


def _filled(first: list[Consultation], second: list[Consultation]) -> list[Consultation]:
    """`first` with what it leaves open taken from the row of `second` of the same body
    (each row of `second` lent once, in order)."""
    lent: set[int] = set()
    out = []
    for row in first:
        key = row.organization.casefold()
        match = next(
            (
                i
                for i, other in enumerate(second)
                if i not in lent and other.organization.casefold() == key
            ),
            None,
        )
        if match is None:
            out.append(row)
            continue
        lent.add(match)
        other = second[match]
        out.append(
            dataclasses.replace(
                row,
                date=row.date or other.date,
                role=row.role or other.role,
                public=row.public if row.public is not None else other.public,
            )
        )
    return out


# One row's cells of a column-by-column table: its date, its status, its role (each or None).
_Cells = tuple[dt.date | None, bool | None, str | None]


def _is_name(line: str) -> bool:
    """A committee's name alone on its line, perhaps with a note in brackets ("Ausschuss für
    Bildung (Eigenbetrieb Kindertageseinrichtungen)")."""
    if committees.alone(line):
        return True
    names = committees.find(line)
    rest = line[names[0].end :].strip() if len(names) == 1 and names[0].start == 0 else ""
    return bool(_BRACKETED_NOTE.fullmatch(rest))


_BRACKETED_NOTE = re.compile(r"\([^()\n]{2,60}\)")


def _name_goes_on(name: str, line: str) -> bool:
    """A committee's name cut after a comma or a joining word: "Ausschuss für Allgemeine
    Verwaltung," / "Ordnung und Sicherheit"."""
    return bool(_CONTINUES.search(name)) and not _is_name(line) and _cells(line) is None


def _cells(line: str) -> _Cells | None:
    """The date, status and role a line of a column-by-column table holds, each alone or
    together ("21.09.2009 nicht öffentlich"), or None for a line of anything else."""
    rest = line
    date = None
    dates = values.find_dates(rest)
    if dates and dates[0][0] == 0:
        date = dates[0][1]
        rest = _DATE_AT_START.sub("", rest, count=1).strip()
    public = None
    word = _PUBLIC_WORD.match(rest)
    if word and rest[: word.end()].strip():
        public = word.group("not") is None
        rest = rest[word.end() :].strip()
    role = None
    if rest:
        bare = re.sub(r"^zur[ \t]+", "", rest)
        if not (_roles().fullmatch(rest) or _roles().fullmatch(bare)):
            return None
        role = rest
    if date is None and public is None and role is None:
        return None
    return date, public, role


_DATE_AT_START = re.compile(rf"^[ \t]*{values.DATE_TEXT}")


def _fullness(rows: list[Consultation]) -> tuple[int, int, int]:
    """How much a reading of a table found: dated rows, rows with a role, then the length
    of the names (a wrapped name read whole is longer)."""
    return (
        sum(r.date is not None for r in rows),
        sum(r.role is not None for r in rows),
        sum(len(r.organization) for r in rows),
    )


# --- a table whose cells a plain text layer ran together ------------------------------------
# "Fachausschuss Finanzen, Wirt-" / "schaftsförderung, Marketing und 09.03.2023 Beratung und
# Empfehlung" / "Feuerschutz" / "Beratung und Beschlussfas-" / "Rat 21.03.2023" / "sung": each
# row has one line with its date; a wrapped name or role cell sets its other lines above and
# below that line (the PDF centres the row's shorter cells on its height).
_OPEN_END = re.compile(r"(?:-|,|\b(?:und|oder|sowie|für|der|des|die|im|in))$")
_PLAIN_MAX_WORDS = 8  # a wrapped cell's line is short
_LEADING_STATUS = re.compile(r"^(?:Ö|N|NÖ|ö|nö)\s+")


def plain_rows(lines: list[str]) -> list[str]:
    """The rows of a Beratungsfolge table whose cells lost their separators, one line each
    with TABs between name, date, role and the rest: `lines` up to the table's end."""
    return plain_table(lines)[0]


def plain_table(lines: list[str]) -> tuple[list[str], int]:
    """plain_rows, and how many of `lines` the table takes (its last dated line and the
    wrapped cells' lines around it)."""
    rows: list[list[str]] = []  # [name, date, role, rest]
    above: list[str] = []  # wrapped cells' lines printed above the next dated line
    taken = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        dates = values.find_dates(line)
        if not dates:
            if rows and not above and _continues_row(rows[-1], line):
                taken = index + 1
                continue  # taken into the row above
            if not _wrapped_cell(line):
                break  # not a wrapped cell: the table has ended
            above.append(line)
            continue
        offset, _ = dates[0]
        left, date_text = line[:offset].strip(), line[offset:].split()[0]
        right = line[offset + len(date_text) :].strip()
        kinds = [(_cell_kind(a), a) for a in above]
        name = _joined_wrapped([a for kind, a in kinds if kind == "name"] + [left])
        if (
            not _row_name(name, right)
            or len(left.split()) > _PLAIN_MAX_WORDS
            or len(right.split()) > _PLAIN_MAX_WORDS
        ):
            break  # a sentence that names a day, not a row: the table has ended
        taken = index + 1
        role = _joined_wrapped([a for kind, a in kinds if kind == "role"])
        results = [a for kind, a in kinds if kind == "result"]
        if role:
            rows.append([name, date_text, role, _joined_wrapped([right, *results])])
        else:
            rows.append([name, date_text, right, _joined_wrapped(results)])
        above = []
    if not rows:
        return [], 0
    return ["\t".join(cell for cell in row if cell) for row in rows], taken


# A vote's result in a Beratungsfolge's cell ("8 Ja-Stimmen / eine Nein-Stimme /",
# "einstimmig", "beschlossen").
_RESULT_WORDS = re.compile(
    r"Stimme|Enthaltung|einstimmig|beschlossen|abgelehnt|zurückgestellt|vertagt|Kenntnis", re.I
)
# A council group, not a committee, may take a paper up ("SPD-Fraktion 02.03.2015 Beratung").
_GROUP = re.compile(r"[Ff]raktion|Gruppe\b")


def _wrapped_cell(line: str) -> bool:
    """A line of a cell wrapped around its row's dated line: short, and open at its end, or
    the start of a committee's name, a role's or a result's words."""
    if len(line.split()) > _PLAIN_MAX_WORDS:
        return False
    if _OPEN_END.search(line) or line.endswith("/"):
        return True
    names = committees.find(line)
    return bool(names and names[0].start == 0) or _cell_kind(line) != "name"


def _cell_kind(line: str) -> str:
    if _roles().match(line):
        return "role"
    if _RESULT_WORDS.search(line):
        return "result"
    return "name"


def _row_name(name: str, right: str) -> bool:
    """Whether `name` heads a row: a committee, a council group, or any short name whose
    row goes on with a role ("Ortsrat Barnten 26.02.2015 Anhörung")."""
    named = committees.find(_LEADING_STATUS.sub("", name))
    if named and named[0].start == 0:
        return True
    return bool(name) and (bool(_GROUP.search(name)) or bool(_roles().match(right)))


_CELL_GOES_ON = ("lt.", "gem.", "-", ",")  # a cell's text cut at its line's end


def _continues_row(row: list[str], line: str) -> bool:
    """Whether `line` is the end of a cell of `row` wrapped below its dated line, and if so
    takes it in: the role's word ("sung" after "Beschlussfas-"), the name's last words
    ("Feuerschutz" after "Marketing und", "und Soziales"), a result's last word
    ("beschlossen")."""
    name, _, role, rest = row
    short = len(line.split()) <= 3 and not committees.find(line)
    if role.endswith("-") and line[:1].islower():
        row[2] = _joined_wrapped([role, line])
    elif short and (_OPEN_END.search(name) or re.match(r"(?:und|sowie)\b", line)):
        row[0] = _joined_wrapped([name, line])
    elif short and role.endswith(_CELL_GOES_ON):
        row[2] = _joined_wrapped([role, line])  # "... Enthaltung lt." / "Beschlussvorschlag"
    elif short and (line[:1].islower() or rest.endswith(_CELL_GOES_ON)):
        row[3] = _joined_wrapped([rest, line])
    else:
        return False
    return True


def _joined_wrapped(parts: list[str]) -> str:
    """Lines of one cell as one: a word broken at a hyphen is joined ("Wirt-" "schafts...")."""
    text = ""
    for part in (p.strip() for p in parts if p.strip()):
        if text.endswith("-") and part[:1].islower():
            text = text[:-1] + part
        else:
            text = f"{text} {part}".strip()
    return text


def blocks(text: str) -> list[tuple[list[str], list[str]]]:
    """The lines of each Beratungsfolge table, heading line first, and the lines that follow
    its heading (up to the next table or _MAX_LINES), for a reading of another layout."""
    lines = text.splitlines()
    # The index of each start's line, counting line feeds from the previous start on.
    starts: set[int] = set()
    counted, offset = 0, 0
    for m in scan.finditer_at(_START, text, scan.line_starts(text, *_START_WORDS)):
        counted += text.count("\n", offset, m.start())
        offset = m.start()
        starts.add(counted)
    found = []
    index = 0
    while index < len(lines):
        if index not in starts:
            index += 1
            continue
        block = [lines[index]]
        after = index + 1
        following: list[str] = []
        while after < len(lines) and len(following) < _MAX_LINES and after not in starts:
            following.append(lines[after])
            after += 1
        index += 1
        while index < len(lines) and len(block) < _MAX_LINES and index not in starts:
            if not _in_table(lines[index], block, lines[index + 1 : index + 1 + _LOOKAHEAD]):
                break
            block.append(lines[index])
            index += 1
        found.append((block, following))
    return found


def _in_table(line: str, block: list[str], following: list[str]) -> bool:
    """Whether `line` still belongs to the table whose lines so far are `block`."""
    stripped = line.strip()
    if not stripped:
        return True
    if "\t" in stripped:
        return True
    words = stripped.split()
    if all(w.lower().rstrip(":") in _HEADING_WORDS for w in words):
        return True  # column headings, "Termin:", "Zu TOP:"
    if stripped.endswith(":"):
        return False  # a label ("Gemeinderat:", "Beschlussvorschlag:") starts the next part
    if len(words) <= _CELL_WORDS and len(stripped) <= _CELL_CHARS:
        return True
    if len(words) <= _WRAPPED_WORDS and stripped.endswith("!"):
        return True  # a RIS's note in a row: "Beschluss liegt noch nicht vor!" (PIWi)
    if _starts_row(stripped):
        return True
    previous = next((b for b in reversed(block) if b.strip()), "")
    if committees.find(previous) and _CONTINUES.search(previous) and _CONTINUATION.match(stripped):
        return True
    # A wrapped first cell ("AG „Regionale Schulentwicklung Stadt" / "Karlsruhe“" /
    # "02.06.2025 1 N Vorberatung"): a short phrase shortly followed by a row.
    return (
        len(words) <= _WRAPPED_WORDS
        and not stripped.endswith(".")
        and any(_starts_row(f.strip()) for f in following if f.strip())
    )


def _starts_row(line: str) -> bool:
    """A line that begins with a committee name or a date."""
    names = committees.find(line)
    if names and names[0].start == 0:
        return True
    dates = values.find_dates(line)
    return bool(dates and dates[0][0] == 0)


def parse(lines: list[str]) -> list[Consultation]:
    """The rows of one table block (see the module docstring for the forms it reads)."""
    mark_columns = _mark_columns(lines)
    dates_first = _dates_first(lines)
    rows: list[_Row] = []
    pending: dt.date | None = None
    previous = ""
    previous_named = False  # the line before named a row's committee
    for line in lines:
        names = committees.find(line)
        dates = values.find_dates(line)
        if mark_columns and rows and rows[-1].public is None and _mark_after_row(previous, line):
            rows[-1].public = not line[:1].isspace()
        previous = line
        # A name cut after "und"/"für"/"," goes on, even where the rest looks like a name of
        # its own ("Ausschuss für Umwelt und" / "Gesundheit/Naturschutzbeirat").
        if rows and rows[-1].open_name and not dates and _CONTINUATION.match(line):
            rows[-1].organization = f"{rows[-1].organization} {line.strip()}"
            rows[-1].open_name = bool(_CONTINUES.search(line))
            continue
        joined = _JOINED_REST.match(line) if rows and not dates and not names else None
        if joined and previous_named:
            # "Ausschuss für Umwelt, Klimaschutz, Mobilität 07.03.2025" / "und Planung
            # Berichterstattung: KLD Martin": a plain text layer put the name's wrapped rest,
            # and the cell below it, on the next line.
            rows[-1].organization = f"{rows[-1].organization} {joined.group('rest')}"
        # The row's date alone on the line under its name (each cell a line) keeps it open.
        date_only = bool(dates) and not _DATE_AT_START.sub("", line, count=1).strip()
        previous_named = bool(names) or (previous_named and date_only)
        if rows:
            rows[-1].open_name = False
        line_rows: list[tuple[int, _Row]] = []
        for name in names:
            row = _Row(committees.clean(name.text))
            rest = line[name.end :].strip()
            # "Ausschuss für Umwelt,<TAB>12.03.2024" / "Klima und Verkehr": the name's cell wraps.
            cell = re.split(r"\t| {2,}", rest, maxsplit=1)[0].strip()
            row.open_name = cell in ("", ",") and bool(_CONTINUES.search(name.text + cell))
            if row.open_name:
                row.organization += cell  # "Ausschuss für Planung," / "Bauwesen und Umwelt"
            row.joined = bool(_JOINT.match(rest))
            inner = _PARENTHESIS.match(line, name.end)
            if inner and _roles().match(inner.group("inner")):
                row.role = inner.group("inner").strip()
            if dates_first and pending is not None:
                row.date, pending = pending, None
            rows.append(row)
            line_rows.append((name.end, row))
        for offset, date in dates:
            owner = next((r for end, r in reversed(line_rows) if end <= offset), None)
            if owner is None and dates_first and line_rows and offset < line_rows[0][0]:
                # "04.05.2026: Stadtbezirksrat Vahrenwald-List: Einstimmig": the row's own date.
                owner = line_rows[0][1]
            if owner is None and not dates_first:
                owner = next((r for r in rows if r.date is None), None)
            if owner is not None and owner.date is None:
                owner.date = date
                _date_joint_rows(rows, owner)
            elif owner is None and pending is None:
                pending = date
        if not rows or not line.strip():
            continue
        row = rows[-1]
        tail = line[line_rows[-1][0] :] if line_rows else line
        if row.role is None:
            row.role = _role(tail, named=bool(line_rows), dated=bool(dates))
        if row.public is None:
            row.public = _public(tail, dates, mark_columns, line)
        if row.public is None and line_rows:
            row.public = _leading_status(line[: names[0].start])
    return [Consultation(r.organization, r.date, r.role, r.public) for r in rows]


def _leading_status(lead: str) -> bool | None:
    """A status cell before the row's committee ("Ö<TAB>12.09.2023<TAB>Schulausschuss", the
    first column of ALLRIS's Beratungsfolge)."""
    for cell in re.split(r"\t|\s{2,}", lead.strip()):
        word = _PUBLIC_WORD.fullmatch(cell.strip())
        if word:
            return word.group("not") is None
    return None


def _date_joint_rows(rows: list[_Row], owner: _Row) -> None:
    """Committees printed as one joint session ("A und" / "B") share the session's date."""
    index = rows.index(owner)
    while rows[index].joined and index + 1 < len(rows) and rows[index + 1].date is None:
        rows[index + 1].date = owner.date
        index += 1


def _role(tail: str, *, named: bool, dated: bool) -> str | None:
    """A role word in the row's own line, or a line (or cell) that is a role alone; a line
    after the table ("Information (Kurzfassung)") must not lend the last row its role."""
    if named or dated:
        found = _roles().search(tail)
        return found.group(0) if found else None
    for cell in re.split(r"\t|\s{2,}", tail.strip()):
        if _roles().fullmatch(cell.strip()):
            return cell.strip()
    return None


def _mark_after_row(row_line: str, line: str) -> bool:
    """A mark alone on the line right after a row that ends with its TOP number: pdftotext
    put the cells one per line; at the line's start the mark is in the ö column, after a
    space in the nö column (in Karlsruhe's silver records 162 of 164 "x" rows at the start
    are public sessions, 5 of 6 indented ones are missing as non-public)."""
    cells = row_line.split()
    return (
        line.strip() in _MARKS
        and len(cells) >= 2
        and bool(values.find_dates(cells[-2]))
        and cells[-1][:1].isdigit()
    )


def _dates_first(lines: list[str]) -> bool:
    """True when the block gives each date on a line of its own before its committee (ALLRIS):
    no line has a committee followed by a date, and the first date comes before the first name."""
    first_name = first_date = None
    for number, line in enumerate(lines):
        names = committees.find(line)
        dates = values.find_dates(line)
        if names and dates and dates[-1][0] > names[0].start:
            return False
        if names and first_name is None:
            first_name = number
        if dates and first_date is None:
            first_date = number
    return first_date is not None and (first_name is None or first_date < first_name)


def _mark_columns(lines: list[str]) -> bool:
    """True when the column headings have an "ö nö" (or "Ö / N") pair of mark columns."""
    heading = " ".join(line.strip() for line in lines[:6])
    return bool(re.search(r"(?<!\w)ö\s+nö(?!\w)|(?<!\w)Ö\s*/\s*N(?!\w)", heading))


def _public(
    tail: str, dates: list[tuple[int, dt.date]], mark_columns: bool, line: str
) -> bool | None:
    """öffentlich / nicht öffentlich of one row, from a word or from a mark in the ö/nö columns."""
    word = _PUBLIC_WORD.search(tail)
    if word:
        return word.group("not") is None
    if not (mark_columns and dates):
        return None
    # After the date the cells are split by single spaces: TOP, ö, nö ("25  x" = mark in nö).
    after = line[dates[-1][0] :].split(" ", 1)
    if len(after) < 2:
        return None
    cells = after[1].rstrip().split(" ")
    public = len(cells) > 1 and cells[1] in _MARKS
    private = len(cells) > 2 and cells[2] in _MARKS and cells[1] == ""
    if public == private:
        return None
    return public
