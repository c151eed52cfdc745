#!/usr/bin/env python3
"""Make the made-up council papers of tests/fixtures/geometry/ (see fixtures/SOURCES.tsv).

No public council PDF with a drawn finance check box form was found, so these two are
drawn the way RIS products print them (SessionNet and ALLRIS Word templates): a header
form, a Beratungsfolge table, and

- musterhausen_bv-2023-0042_finanzkreuze.pdf: "Finanzielle Auswirkungen: [box] ja [box]
  nein" with the boxes drawn as squares and the tick as two crossing lines, and "Im
  Haushalt veranschlagt: [box] ja [box] nein" with the tick an "✔" glyph (ZapfDingbats)
  that the form filler drew last, so that the text layer has it at the page's end;
- musterhausen_bv-2023-0043_fusszeile.pdf: three pages with a running head and a running
  foot that holds the paper's reference (the form on page 1 has no Vorlagen-Nr.), and a
  Beschlussvorschlag that runs over the first page break.

    python scripts/make_geometry_fixtures.py tests/fixtures/geometry
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sample_pdfs import font

WIDTH, HEIGHT = A4
LEFT, SIZE, LEADING = 56, 10, 14
BOX = 9  # side of a check box in points


def _form(pdf: canvas.Canvas, body: str, y: float, rows: list[tuple[str, str]]) -> float:
    pdf.setFont(body, 16)
    pdf.drawString(LEFT, y, "Stadt Musterhausen")
    y -= 28
    pdf.setFont(body, 13)
    pdf.drawString(LEFT, y, "Beschlussvorlage")
    y -= 24
    pdf.setFont(body, SIZE)
    for label, value in rows:
        pdf.drawString(LEFT, y, label)
        pdf.drawString(LEFT + 150, y, value)
        y -= LEADING
    y -= LEADING
    pdf.drawString(LEFT, y, "Beratungsfolge:")
    y -= LEADING
    for cells in (
        ("Gremium", "Sitzungstermin", "Zuständigkeit"),
        ("Haupt- und Finanzausschuss", "02.03.2023", "Vorberatung"),
        ("Rat der Stadt", "14.03.2023", "Entscheidung"),
    ):
        for x, cell in zip((LEFT, LEFT + 200, LEFT + 320), cells, strict=True):
            pdf.drawString(x, y, cell)
        y -= LEADING
    return y - LEADING


def _box(pdf: canvas.Canvas, x: float, y: float, *, crossed: bool = False) -> None:
    """A check box whose bottom left corner is at (x, y - 1), crossed by two lines."""
    pdf.setLineWidth(0.6)
    pdf.rect(x, y - 1, BOX, BOX, stroke=1, fill=0)
    if crossed:
        pdf.line(x + 1.5, y + 0.5, x + BOX - 1.5, y + BOX - 2.5)
        pdf.line(x + 1.5, y + BOX - 2.5, x + BOX - 1.5, y + 0.5)


def finance_form(out: Path) -> None:
    body = font()
    pdf = canvas.Canvas(str(out), pagesize=A4)
    y = _form(
        pdf,
        body,
        HEIGHT - 70,
        [
            ("Vorlage Nr.:", "2023/0042"),
            ("Datum:", "21.02.2023"),
            ("Federführend:", "Fachbereich 2 - Finanzen"),
            ("Betreff:", "Erneuerung der Straßenbeleuchtung in der Lindenallee"),
        ],
    )
    pdf.setFont(body, SIZE)
    ticks = []
    for label, ticked in (
        ("Finanzielle Auswirkungen:", "ja"),
        ("Im Haushalt veranschlagt:", "nein"),
    ):
        pdf.drawString(LEFT, y, label)
        for x, answer in ((LEFT + 200, "ja"), (LEFT + 260, "nein")):
            drawn_tick = label.startswith("Finanzielle") and answer == ticked
            _box(pdf, x, y, crossed=drawn_tick)
            pdf.drawString(x + BOX + 4, y, answer)
            if answer == ticked and not drawn_tick:
                ticks.append((x + 1, y))
        y -= 2 * LEADING
    pdf.drawString(LEFT, y, "Beschlussvorschlag:")
    y -= LEADING
    for line in (
        "Der Rat der Stadt beschließt, die Straßenbeleuchtung in der Lindenallee auf",
        "LED-Leuchten umzurüsten. Die Kosten betragen 85.000 EUR.",
    ):
        pdf.drawString(LEFT, y, line)
        y -= LEADING
    # The form filler's ticks come last in the content stream, as in a filled PDF form.
    pdf.setFont("ZapfDingbats", BOX - 1)
    for x, tick_y in ticks:
        pdf.drawString(x, tick_y, "\u2714")
    pdf.save()


def running_lines(out: Path) -> None:
    body = font()
    pdf = canvas.Canvas(str(out), pagesize=A4)
    prose = [
        "Der Rat der Stadt beschließt:",
        "1. Die Satzung über die Erhebung von Gebühren für die Benutzung der städtischen",
        "Friedhöfe wird in der Fassung der Anlage 1 beschlossen.",
    ]
    prose += [
        f"{n}. Die Gebühr für eine Grabstätte der Gruppe {n - 1} beträgt {45 * n},00 EUR je Jahr."
        for n in range(2, 50)
    ]
    pages = 3
    lines = iter(prose)
    for number in range(1, pages + 1):
        pdf.setFont(body, 8)
        pdf.drawString(LEFT, HEIGHT - 40, "Stadt Musterhausen - Ratsinformationssystem")
        pdf.drawRightString(WIDTH - LEFT, 40, f"Seite {number} von {pages}")
        pdf.drawString(LEFT, 40, "Beschlussvorlage 2023/0043")
        y = HEIGHT - 90
        if number == 1:
            y = _form(
                pdf,
                body,
                y,
                [
                    ("Datum:", "22.02.2023"),
                    ("Federführend:", "Fachbereich 3 - Bürgerdienste"),
                    ("Betreff:", "Neufassung der Friedhofsgebührensatzung"),
                ],
            )
            pdf.drawString(LEFT, y, "Beschlussvorschlag:")
            y -= LEADING
        elif number == 3:
            pdf.setFont(body, SIZE)
            pdf.drawString(LEFT, y, "Begründung:")
            y -= LEADING
            for line in (
                "Die Gebühren decken die Kosten der Friedhöfe seit 2019 nicht mehr.",
                "Die neue Kalkulation liegt der Vorlage als Anlage 2 bei.",
            ):
                pdf.drawString(LEFT, y, line)
                y -= LEADING
            break
        pdf.setFont(body, SIZE)
        while y > 80:
            line = next(lines, None)
            if line is None:
                break
            pdf.drawString(LEFT, y, line)
            y -= LEADING
        pdf.showPage()
    pdf.save()


def main() -> None:
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    finance_form(folder / "musterhausen_bv-2023-0042_finanzkreuze.pdf")
    running_lines(folder / "musterhausen_bv-2023-0043_fusszeile.pdf")


if __name__ == "__main__":
    main()
