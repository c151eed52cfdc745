"""RIS pages and aggregator pages saved as text, from councils in no corpus of ours.

A measurement set of 39 documents of 35 councils, taken from stored public web pages (a
web crawl's text of ALLRIS classic and ALLRIS net pages of Berlin's Bezirksverordneten-
versammlungen, Sehnde, Rostock, Hagen, Lüneburg; SessionNet and komuna pages; Politik bei
Uns's copies of NRW councils' PDFs; Fraktion and Amt websites), gold labelled by helpers who
never ran or read ratsinfo, scored 0.57 fields micro-F1 before the rules here. The pages are
not copied into the repository (the store they come from forbids it); each test gives the
shape its rule reads, with lines written after the pages, names and numbers kept.
"""

from __future__ import annotations

from pathlib import Path

from extractors import form
from pipeline.model import Record
from pipeline.read.discover import discover
from pipeline.run.document import process


def _record(tmp_path: Path, text: str) -> Record:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    outcome = process(next(iter(discover([path]))))
    assert outcome.record is not None, outcome.errors
    return outcome.record


def test_a_wahlperiode_in_roman_numerals_ends_a_reference() -> None:
    # Berlin's Bezirksverordnetenversammlungen number their papers per term: "1536/V",
    # "DS/1246/V", "0305/III"; Aachen puts the term first: "FB 11/0304/WP17".
    for reference in ("1536/V", "DS/1246/V", "0305/III", "1265/II", "FB 11/0304/WP17"):
        assert form.fits(form.Kind.REF, reference), reference
    pairs = form.label_line("Drucksache - 1536/V") or []
    assert [(label.field, value) for label, value in pairs] == [("reference", "1536/V")]
    # A word after the slash is no term of office.
    assert form.label_line("Drucksache 12/Vorlage") is None
    assert not form.fits(form.Kind.REF, "12/Vorlage")


def test_allris_net_fold_buttons_are_no_title_and_end_the_proposal(tmp_path: Path) -> None:
    # ALLRIS net folds each section of a Vorlage under a "Reduzieren" button; a crawl of the
    # page keeps the word on a line of its own before every heading.
    text = "\n\n".join(
        [
            "Beschlussvorlage - 2022/BV/3187",
            "Reduzieren",
            "Beratungsfolge",
            "Reduzieren",
            "Beschlussvorschlag:",
            "Das Portal www.stadtteillotse-hro.de wird um weitere Funktionen ergänzt.",
            "Reduzieren",
            "Beschlussvorschriften:  § 22 Abs. 2 KV M-V",
            "Reduzieren",
            "Sachverhalt:",
            "In der Sitzung der Bürgerschaft vom 18.08.2021 wurde ein Prüfauftrag beschlossen.",
        ]
    )
    record = _record(tmp_path, text)
    assert record.reference == "2022/BV/3187"
    assert record.name is None
    assert [item.text for item in record.resolution] == [
        "Das Portal www.stadtteillotse-hro.de wird um weitere Funktionen ergänzt."
    ]


def test_points_numbered_one_bracket_or_all_one_are_items(tmp_path: Path) -> None:
    # Rostock writes "1.)"; a crawl of Hagen's ordered list gives every point the number 1.
    rostock = "\n".join(
        [
            "Beschlussvorlage - 2021/BV/2114",
            "",
            "Beschlussvorschlag:",
            "1.)            Den Eckwerten für den Doppelhaushalt 2022/2023 wird zugestimmt.",
            "2.)            Haushaltsverbesserungen werden zugelassen.",
            "",
            "Sachverhalt:",
            "Die Eckwerte folgen der Planung.",
        ]
    )
    assert [i.text for i in _record(tmp_path, rostock).resolution] == [
        "Den Eckwerten für den Doppelhaushalt 2022/2023 wird zugestimmt.",
        "Haushaltsverbesserungen werden zugelassen.",
    ]
    hagen = "\n".join(
        [
            "Beschlussvorlage - 0456/2010",
            "",
            "Beschlussvorschlag",
            "",
            "  1. Der Bericht der Verwaltung wird zur Kenntnis genommen.",
            "",
            "  1. Die Budgetverträge mit den freien Trägern werden gekündigt.",
            "",
            "Sachverhalt",
            "Im Zuge des 1. Sparpakets erhielt die Verwaltung den Auftrag.",
        ]
    )
    assert [i.text for i in _record(tmp_path, hagen).resolution] == [
        "Der Bericht der Verwaltung wird zur Kenntnis genommen.",
        "Die Budgetverträge mit den freien Trägern werden gekündigt.",
    ]
