"""Word positions -> text lines, shared by the signature and table readers."""
from __future__ import annotations

from models.pdf_layout import PdfPage, PdfTable, PdfWord

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less share a line (same as scrapers.pdf)


def as_pages(layout: list) -> list[PdfPage]:
    """Document.layout as PdfPage records, also when it was stored as plain dicts (JSON)."""
    pages = []
    for page in layout or []:
        if isinstance(page, dict):
            words = [w if isinstance(w, PdfWord) else PdfWord(**w) for w in page.get("words", [])]
            tables = [t if isinstance(t, PdfTable) else PdfTable(**t) for t in page.get("tables", [])]
            page = PdfPage(**{**page, "words": words, "tables": tables})
        if isinstance(page, PdfPage):
            pages.append(page)
    return pages


def group_lines(words: list[PdfWord]) -> list[list[PdfWord]]:
    """Words in reading order, grouped by line; each line sorted left to right."""
    lines: list[list[PdfWord]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def line_text(line: list[PdfWord]) -> str:
    return " ".join(w.text for w in line)
