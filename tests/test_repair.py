"""OCR repair in the clean stage, on real lines of the dev corpus.

The Heinsberg paper (tests/fixtures/dev) lost every umlaut and has the classic letter
confusions; its gold record carries the hand-corrected text. The Karlsruhe papers are
born-digital, where a repair is a false alarm.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import vocab
from pipeline.clean.cleaner import apply, clean
from pipeline.clean.repair import _repair_unknown
from pipeline.lexicon import lexicon
from tests.conftest import DEV_DOCS, gold
from tests.needs import needs_lexicon

pytestmark = needs_lexicon

HEINSBERG = "stadt-heinsberg-netzwerk-innenstadt.txt"
NEUREUT = "karlsruhe_614533_anfrage_stellungnahme2020_beleuchtung_neureut.txt"
BORN_DIGITAL = (
    "karlsruhe_620539_infovorlage2020-1254_suchtpraevention.txt",
    "karlsruhe_620603_bv2020-1189_kita_richtlinie.txt",
    "karlsruhe_679851_niederschrift_hfa_20260714_top9.txt",
    "kreis-unna-drucksache-113-21.txt",
    "augsburg_ANT_25_61800.txt",
)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def word_changes(before: str, after: str) -> list[tuple[str, str]]:
    """(old, new) for the words replaced one for one, as the scorer counts them."""
    a, b = words(before), words(after)
    pairs = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            pairs += zip(a[i1:i2], b[j1:j2], strict=True)
    return pairs


def test_heinsberg_gets_every_gold_repair_and_nothing_else() -> None:
    record = gold(HEINSBERG)
    result = clean(record["raw_text"])
    assert word_changes(record["raw_text"], result.text) == word_changes(
        record["raw_text"], record["clean_text"]
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kurze sachliche Darstellung und Begrundung:", "Begründung"),
        ("Als Mitgliedsstadt hat man die Moglichkeit, sich bei verschiedenen", "Möglichkeit"),
        ("beispielsweise individuell in Fragen der Stadtebauforderung, zu", "Städtebauförderung"),
        ("Ministerium far Heimat, Kommunales, Bauen und Gleichstellung", "für"),
        ("Aufgrund der Corona-Pandemie-Auswirkungen hat das Ministerium fir Heimat", "für"),
        ("die Beitrage fur die Mitgliedsstadte im Netzwerk Innenstadt NRW flr die", "flr"),
        ("umfangreiches Beratungsangebot flir die Kommunen zum Auftrag", "für"),
        ("unterschiedlichen digitalen und analogen Formaten gehdrt ebenso ein", "gehört"),
        ("Das Netzwerk Innenstadt NRW ist ein freiwiliger Zusammenschluss", "freiwilliger"),
        ("Beschlussvorschlaq:", "Beschlussvorschlag"),
    ],
)
def test_heinsberg_line_repairs(line: str, expected: str) -> None:
    # The whole paper gives the document-level evidence; the line is looked up in it.
    text = (DEV_DOCS / HEINSBERG).read_text(encoding="utf-8")
    assert line in text
    cleaned = clean(text).text
    if expected == "flr":
        assert "die Beiträge für die Mitgliedsstädte im Netzwerk Innenstadt NRW für die" in cleaned
    else:
        assert expected in cleaned


def test_ambiguous_pair_follows_the_document() -> None:
    """ "fordern"/"fördern": changed in the paper that lost its umlauts, where
    "Städtebauförderung" shows the stem; kept in a paper with its umlauts intact."""
    damaged = clean((DEV_DOCS / HEINSBERG).read_text(encoding="utf-8")).text
    assert "untereinander zu fördern," in damaged
    intact = (
        "Das Ziel des Netzwerk Innenstadt NRW ist, die Kommunen zu fordern. "
        "Die Städte zahlen jährlich Beiträge für die Förderung."
    )
    assert clean(intact).text == intact


def test_lowercase_l_read_for_capital_i() -> None:
    raw = (DEV_DOCS / NEUREUT).read_text(encoding="utf-8")
    assert "Gläubiger-lD" in raw
    assert "Gläubiger-ID" in clean(raw).text


@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_born_digital_papers_get_no_word_repair(name: str) -> None:
    result = clean((DEV_DOCS / name).read_text(encoding="utf-8"))
    assert [c for c in result.corrections if "ocr" in c.rule] == []


def test_hyphenation_joins_syllables_and_keeps_real_hyphens() -> None:
    text = (
        "Das Ziel ist, den Erfahrungsaustausch der nordrhein-\n"
        "westfälischen Kommunen zu fördern und die Stadtent-\n"
        "wicklung, Haupt- und Finanzausschuss.\n"
    )
    cleaned = clean(text).text
    assert "nordrhein-\nwestfälischen" in cleaned
    assert "Stadtentwicklung,\nHaupt- und" in cleaned


def test_soft_hyphen_and_line_break_in_a_word() -> None:
    # Real line of the Neureut paper: a soft hyphen at the line end.
    raw = (
        "Gibt es ein Konzept oder Richtlinien, wie öffentliche Straßen, Wege, und Plätze in "
        "Neu\xad\nreut"
    )
    assert clean(raw).text.endswith("Plätze in Neureut")


def test_broken_quotes() -> None:
    line = "Der Beitritt der Stadt Heinsberg zum ,Netzwerk Innenstadt NRW* wird beschlossen."
    assert clean(line).text == (
        "Der Beitritt der Stadt Heinsberg zum „Netzwerk Innenstadt NRW“ wird beschlossen."
    )


@pytest.mark.parametrize(
    ("line", "quoted"),
    [
        (",,Netzwerk* am Anfang", True),  # at the start of the text
        ("Zeile\n,Netzwerk* danach", True),  # at the start of a line
        ("Stadt,Netzwerk* ohne Abstand", False),  # a comma inside a word is a comma
        ("a,,Netzwerk*", False),
        ("Stadt, Netzwerk* nach Komma", False),  # a comma before a space is a comma
    ],
)
def test_a_broken_opening_quote_starts_a_word(line: str, quoted: bool) -> None:
    assert ("„Netzwerk“" in clean(line).text) is quoted


@pytest.mark.parametrize(
    ("ocr", "repaired"),
    [
        # Seen in Tesseract's reading of scans of the corpus's papers (Ahnsen, Augsburg,
        # Karlsruhe): the paragraph sign read as a dollar, a date's point as a colon.
        ("Antrag im Sinne von $ 33 Abs. 1 GeschO", "Antrag im Sinne von § 33 Abs. 1 GeschO"),
        ("Abweichung nach $34 Baugesetzbuch", "Abweichung nach §34 Baugesetzbuch"),
        ("nach $$ 3, 4 KAG", "nach §§ 3, 4 KAG"),
        ("Datum: 27.11:2025", "Datum: 27.11.2025"),
        ("am 12,03.2024 um 17:00 Uhr", "am 12.03.2024 um 17:00 Uhr"),
        ("Datum: 27:11,2025", "Datum: 27.11.2025"),
        # Left alone: dollars of an amount, a time, a version, a date read right.
        ("kostet $ 1,500.00", "kostet $ 1,500.00"),
        ("um 17:00 Uhr", "um 17:00 Uhr"),
        ("Stand 01.02.2024", "Stand 01.02.2024"),
        ("Werte 1,5,2024 und 40.13:2024", "Werte 1,5,2024 und 40.13:2024"),
    ],
)
def test_signs_ocr_reads_as_others_are_put_right(ocr: str, repaired: str) -> None:
    result = clean(ocr)
    assert result.text == repaired
    assert apply(result.raw, result.corrections) == repaired


def test_repair_of_a_word_split_across_lines_is_one_logged_change() -> None:
    raw = (
        "Die Beitrage fur die Mitgliedsstadte in Fragen der Stadtebau-\n"
        "forderung, zu Integrierten\n"
    )
    result = clean(raw)
    assert result.text == (
        "Die Beiträge für die Mitgliedsstädte in Fragen der Städtebauförderung,\nzu Integrierten\n"
    )
    change = result.corrections[-1]
    assert (change.original, change.replacement) == (
        "Stadtebau-\nforderung, ",
        "Städtebauförderung,\n",
    )
    assert change.rule == "hyphenation+ocr-umlaut"


@pytest.mark.parametrize("path", sorted(DEV_DOCS.glob("*.txt")), ids=lambda p: p.name)
def test_logged_corrections_rebuild_the_cleaned_text(path) -> None:  # type: ignore[no-untyped-def]
    result = clean(path.read_text(encoding="utf-8"))
    for c in result.corrections:
        assert result.raw[c.offset : c.offset + len(c.original)] == c.original
    assert apply(result.raw, result.corrections) == result.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet='aouäößfrlndt!3 -\n\xad,*"UABD', max_size=80))
def test_clean_never_raises_and_its_log_is_true(text: str) -> None:
    result = clean(text)
    assert apply(result.raw, result.corrections) == result.text


@pytest.mark.parametrize("row", vocab.rows("ocr_confusions"), ids=lambda row: row[3])
def test_every_confusion_row_repairs_its_example(row: tuple[str, ...]) -> None:
    """Each row of extractors/data/ocr_confusions.tsv undoes the damage of its example."""
    damaged, printed, kind, example = row
    assert kind in {"umlaut", "eszett", "letter"}
    before, after = example.split(" -> ")
    assert (damaged in before) and (printed in after)
    assert _repair_unknown(before, lexicon()) is not None
    assert _repair_unknown(before, lexicon())[0] == after


def test_word_frequencies_are_loaded_only_when_a_repair_asks_for_one() -> None:
    """A worker's warm-up leaves wordfreq unimported (importing it costs a quarter of a
    second of every run's start-up); the Heinsberg scan's repairs then need it, and get it."""
    code = (
        "import sys; from pipeline.run.document import warm_up; warm_up();"
        "before = 'wordfreq' in sys.modules;"
        "from pipeline.clean.cleaner import clean; from tests.conftest import DEV_DOCS;"
        f"fixed = clean((DEV_DOCS / {HEINSBERG!r}).read_text()).corrections;"
        "print(before, 'wordfreq' in sys.modules, len(fixed) > 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True", "True"]
