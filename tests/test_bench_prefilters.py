"""The shortcuts the benchmark led to change no result: the quick garbage verdict agrees
with the full one, and the OCR-repair pre-filter skips only pages that get no repair."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import repair
from pipeline.clean.cleaner import clean
from pipeline.lexicon import lexicon
from pipeline.read.quality import assess, is_garbage
from tests.conftest import DEV_DOCS
from tests.needs import needs_lexicon

pytestmark = needs_lexicon

DOCS = sorted(DEV_DOCS.glob("*.txt"))


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_quick_garbage_verdict_is_the_full_one(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for page in [text, *text.split("\f")]:
        assert is_garbage(page) == assess(page).garbage


def test_quick_garbage_verdict_finds_the_rotated_scan() -> None:
    assert is_garbage((DEV_DOCS / "karlsruhe_607393_ocr_garbage_2019.txt").read_text())


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_repair_prefilter_changes_no_correction(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    filtered = clean(text).corrections
    monkeypatch.setattr(repair, "_looks_undamaged", lambda page, lex: False)
    assert clean(text).corrections == filtered


@pytest.mark.parametrize(
    ("name", "undamaged"),
    [
        ("kreis-unna-drucksache-113-21.txt", True),  # born-digital, umlauts kept
        ("karlsruhe_620603_bv2020-1189_kita_richtlinie.txt", True),
        ("stadt-heinsberg-netzwerk-innenstadt.txt", False),  # "fur", "Stadte": no umlauts
        ("karlsruhe_678804_ocr_jahresabschluss_fussballstadion2025.txt", False),  # "Fu!3ball"
    ],
)
def test_prefilter_judges_real_pages(name: str, undamaged: bool) -> None:
    page = (DEV_DOCS / name).read_text(encoding="utf-8").split("\f")[0]
    assert repair._looks_undamaged(page, lexicon()) is undamaged


def test_words_seen_on_clean_pages_do_not_hide_garbage() -> None:
    for path in DOCS:  # fills the lexicon's set of words seen to be German
        is_garbage(path.read_text(encoding="utf-8"))
    assert lexicon().seen_words
    assert is_garbage((DEV_DOCS / "karlsruhe_607393_ocr_garbage_2019.txt").read_text())


def test_repair_prefilter_counts_umlauts_and_tries_marked_words() -> None:
    prose = "Die Stadtverwaltung prüft die Maßnahmen für die Bürgerinnen und Bürger. " * 8
    assert repair._looks_undamaged(prose, lexicon())
    assert not repair._looks_undamaged(prose.replace("ü", "u").replace("ß", "ss"), lexicon())
    assert repair._marked_words(prose + " das Fu!3ballstadion gegenUber") == {
        "Fu!3ballstadion",
        "gegenUber",
    }
    assert not repair._looks_undamaged(prose + " das Fu!3ballstadion", lexicon())


def test_only_capitals_that_ocr_confuses_mark_a_word() -> None:
    # Glued table cells and names carry capitals after small letters that no OCR confusion
    # explains: trying their candidates (hundreds for a long word) found nothing, so they are
    # not marked; "U" for "ü" and "l" for "I" are.
    glued = " WerkstattausbauSachsengarageFord TechnologieRegion StadtZeitung GmbH"
    prose = "Die Stadtverwaltung prüft die Maßnahmen für die Bürgerinnen und Bürger. " * 8
    assert repair._marked_words(prose + glued + " gegenUber lD beschlieBt") == {
        "gegenUber",
        "lD",
        "beschlieBt",
    }
    assert repair._looks_undamaged(prose + glued, lexicon())
    assert repair.repair(prose + " gegenUber")[-1].replacement == "gegenüber"


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_trust_bound_changes_no_correction(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8")
    bounded = clean(text).corrections
    monkeypatch.setattr(repair, "_may_trust", lambda tokens, words, lex: True)
    repair._repair_unknown.cache_clear()
    assert clean(text).corrections == bounded


def test_a_short_born_digital_page_asks_no_word_frequency(monkeypatch: pytest.MonkeyPatch) -> None:
    # A signature block: too short for the pre-filter, so judged word by word. "Bucher" (a
    # name) has a candidate the dictionary knows ("Bücher"); only word frequencies could tell
    # whether to take it, and the page could trust no repair whatever they said.
    page = "Karlsruhe, 14. Juli 2026\nDer Oberbürgermeister\nDr. Frank Mentrup\ngez. Bucher"
    asked: list[str] = []
    lex = lexicon()
    monkeypatch.setattr(lex, "zipf", lambda word: asked.append(word) or 0.0)
    repair._repair_unknown.cache_clear()
    assert repair.repair(page) == []
    assert asked == []
    # The bound is what spared them: without it the same page asks, and still repairs nothing.
    monkeypatch.setattr(repair, "_may_trust", lambda tokens, words, lex: True)
    repair._repair_unknown.cache_clear()
    assert repair.repair(page) == []
    assert "Bucher" in asked


def test_a_page_that_lost_its_umlauts_is_still_repaired() -> None:
    page = "Die Stadtverwaltung pruft die Massnahmen fur die Burgerinnen und Burger."
    replaced = {c.original: c.replacement for c in repair.repair(page)}
    assert replaced["pruft"] == "prüft"
    assert replaced["fur"] == "für"
