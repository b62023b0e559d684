"""Word positions -> text lines, shared by the signature and table readers."""
from __future__ import annotations

from models.pdf_layout import PdfPage, PdfTable, PdfWord, group_lines  # noqa: F401  (re-exported)


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


def line_text(line: list[PdfWord]) -> str:
    return " ".join(w.text for w in line)
