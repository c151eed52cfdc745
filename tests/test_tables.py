"""A ruled Beratungsfolge table read by its drawn borders (pipeline.read.tables).

The PDFs are made here with reportlab: Kreis Warendorf's Beratungsfolge (Vorlage 037/2025,
tests/fixtures/dev) laid out as councils' Word templates print it, a ruled table whose
cells are centred vertically, so that a committee's date stands beside the second line of
its wrapped name.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pipeline.model import SourceFile
from pipeline.read.reader import read_pdf
from pipeline.run import document

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ROWS = [
    ("Beratungsfolge", "Termin", "Zuständigkeit"),
    (
        "Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung Berichterstattung: KLD"
        " Martin Terwey",
        "07.03.2025",
        "Vorberatung",
    ),
    (
        "Kreisausschuss Berichterstattung: Dezernent für Bauen, Planung und Umwelt Michael Ottmann",
        "21.03.2025",
        "Vorberatung",
    ),
    ("Kreistag", "28.03.2025", "Entscheidung"),
]


def _pdf(path: Path, *, ruled: bool = True, heading: str = "Beratungsfolge") -> Path:
    style = getSampleStyleSheet()["Normal"]
    if FONT.exists():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
        style.fontName = "DejaVu"
    style.fontSize, style.leading = 9, 11
    rows = [[Paragraph(heading, style), *(Paragraph(c, style) for c in ROWS[0][1:])]]
    rows += [[Paragraph(cell, style) for cell in row] for row in ROWS[1:]]
    table = Table(rows, colWidths=[190, 70, 90])
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table.setStyle(TableStyle(commands))
    head = ["Kreis Warendorf", "Beschlussvorlage", "Nr.: 037/2025"]
    story = [Paragraph(line, style) for line in head]
    story += [Spacer(1, 12), table, Spacer(1, 12), Paragraph("Beschlussvorschlag:", style)]
    story.append(Paragraph("Der Kreistag beschließt die Smart Region-Strategie.", style))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def test_a_ruled_table_with_centred_cells_gives_each_committee_its_whole_name(
    tmp_path: Path,
) -> None:
    result = read_pdf(_pdf(tmp_path / "ruled.pdf").read_bytes())
    assert result.ruled_pages == 1
    assert (
        "Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung Berichterstattung: KLD Martin"
        " Terwey\t07.03.2025\tVorberatung"
    ) in result.text.splitlines()
    path = tmp_path / "ruled.pdf"
    data = path.read_bytes()
    outcome = document.process(SourceFile(path, hashlib.sha256(data).hexdigest(), len(data)))
    assert outcome.record is not None
    found = [
        (c.organization, c.date.isoformat() if c.date else None, c.role)
        for c in outcome.record.consultations
    ]
    assert found == [
        ("Ausschuss für Umwelt, Klimaschutz, Mobilität und Planung", "2025-03-07", "Vorberatung"),
        ("Kreisausschuss", "2025-03-21", "Vorberatung"),
        ("Kreistag", "2025-03-28", "Entscheidung"),
    ]


@pytest.mark.parametrize(
    ("ruled", "heading"),
    [(False, "Beratungsfolge"), (True, "Übersicht der Termine")],
)
def test_only_a_ruled_table_a_page_names_as_a_beratungsfolge_is_read_again(
    tmp_path: Path, ruled: bool, heading: str
) -> None:
    result = read_pdf(_pdf(tmp_path / "x.pdf", ruled=ruled, heading=heading).read_bytes())
    assert result.ruled_pages == 0
    assert "Kreistag\t28.03.2025\tEntscheidung" in result.text.splitlines()
