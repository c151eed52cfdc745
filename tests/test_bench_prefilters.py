"""The shortcuts the benchmark led to change no result: the quick garbage verdict agrees
with the full one, and the OCR-repair pre-filter skips only pages that get no repair."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import repair
from pipeline.clean import clean
from pipeline.lexicon import lexicon
from pipeline.quality import assess, is_garbage
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
    monkeypatch.setattr(repair, "_looks_undamaged", lambda tokens, lex: False)
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
    tokens = list(repair._tokens(page))
    assert repair._looks_undamaged(tokens, lexicon()) is undamaged
