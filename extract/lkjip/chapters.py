"""Where each chapter starts (BAB I … BAB IV, LAMPIRAN), so a table is known to be Bab III's
achievements and not Bab II's restated targets or an appendix copy. Daftar isi lines ("BAB III
AKUNTABILITAS KINERJA ...... 12") are not headings."""
from __future__ import annotations

import bisect

from extract.lkjip.rules import pattern
from extract.pk.lines import line_text
from models.pdf_layout import PdfPage, group_lines

ROMAN = {"I": 1, "V": 5, "X": 10}
NUMERALS = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _label(number: str) -> str:
    """ "III", "3", OCR's "Ill" / "II1" -> "III"."""
    if number.isdigit():
        value = int(number)
    else:
        letters = number.upper().replace("L", "I").replace("1", "I").replace("|", "I")
        value, previous = 0, 0
        for ch in reversed(letters):
            n = ROMAN[ch]
            value, previous = (value - n, previous) if n < previous else (value + n, n)
    return NUMERALS[value] if 0 < value < len(NUMERALS) else number


def _heading(text: str, end: int) -> bool:
    """ "BAB III" or "BAB III AKUNTABILITAS KINERJA", not a sentence of the sistematika
    ("Bab III Akuntabilitas Kinerja, berisi …"): capitals throughout."""
    rest = text[end:]
    return text.lstrip().startswith("BAB") and rest.upper() == rest


def chapter_marks(pages: list[PdfPage]) -> list[tuple[int, float, str]]:
    """(page, top, chapter) of each heading, in reading order."""
    marks = []
    for page in pages:
        for line in group_lines(page.words):
            text = line_text(line)
            if pattern("table_of_contents_line").search(text):
                continue
            chapter = pattern("chapter").match(text)
            if chapter and _heading(text, chapter.end()):
                marks.append((page.number, line[0].top, _label(chapter["number"])))
            elif pattern("appendix").match(text) and text.isupper():
                marks.append((page.number, line[0].top, "LAMPIRAN"))
    return marks


def chapter_at(marks: list[tuple[int, float, str]], page: int | None, top: float) -> str | None:
    """The chapter a point of the document is in (None before the first heading)."""
    index = bisect.bisect_right([(p, t) for p, t, _ in marks], (page or 0, top))
    return marks[index - 1][2] if index else None
