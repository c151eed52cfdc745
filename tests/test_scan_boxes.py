"""scan_boxes: a scanned form's check boxes read from the page image."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

from pipeline.read import scan_boxes
from pipeline.read.layout import Word

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _line(parts: list[tuple[str, bool | None]]) -> tuple[Image.Image, list[Word]]:
    """A 300-dpi line of answers, each after an empty box (False), a crossed one (True) or
    none (None), and the words an OCR engine would report (the box not among them)."""
    image = Image.new("L", (1400, 120), 255)
    draw = ImageDraw.Draw(image)
    try:
        font = ImageFont.truetype(FONT, 40)
    except OSError:
        font = ImageFont.load_default()
    words = []
    x = 40
    for text, ticked in parts:
        if ticked is not None:
            draw.rectangle((x, 42, x + 30, 72), outline=0, width=3)
            if ticked:
                draw.line((x + 5, 47, x + 25, 67), fill=0, width=3)
                draw.line((x + 25, 47, x + 5, 67), fill=0, width=3)
            x += 45
        left, top, right, bottom = draw.textbbox((x, 30), text, font=font)
        draw.text((x, 30), text, fill=0, font=font)
        words.append(Word(text, left, top, right, bottom))
        x = right + 120
    return image, words


def test_a_crossed_box_is_ticked_and_an_empty_one_is_not() -> None:
    image, words = _line([("Finanzielle", None), ("ja", True), ("nein", False)])
    [row] = scan_boxes.mark(image, [words])
    assert [w.text for w in row] == ["Finanzielle", "☒ ja", "☐ nein"]


def test_an_answer_without_a_box_is_left_as_it_is() -> None:
    image, words = _line([("Falls", None), ("ja", None), ("nein", None)])
    [row] = scan_boxes.mark(image, [words])
    assert [w.text for w in row] == ["Falls", "ja", "nein"]


def test_a_box_ocr_glued_to_its_answer_is_read_and_the_letter_goes() -> None:
    image, words = _line([("ja", True), ("nein", False)])
    # Tesseract read the empty box as an "O" glued to the word, its box taking the box in.
    glued = Word("Onein", words[1].left - 45, words[1].top, words[1].right, words[1].bottom)
    [row] = scan_boxes.mark(image, [[words[0], glued]])
    assert [w.text for w in row] == ["☒ ja", "☐ nein"]


def test_a_word_made_of_the_box_alone_is_dropped() -> None:
    image, words = _line([("ja", True)])
    noise = Word("IX]", words[0].left - 45, words[0].top, words[0].left - 14, words[0].bottom)
    [row] = scan_boxes.mark(image, [[noise, words[0]]])
    assert [w.text for w in row] == ["☒ ja"]
