"""What a PDF page looks like: words with positions and ruled tables (Document.layout).

The PDF reader in `scrapers/` fills these; extractors in `extract/` read them without knowing
which library produced them. Coordinates are PDF points from the page's top-left corner, so
`top` grows downwards (pdfplumber's convention); OCR'd pages are converted to the same unit.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PdfWord:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def x_mid(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class PdfTable:
    """A table found from ruling lines (in the PDF, or in a scanned page's image). Cells merged over several rows appear once, in the
    first row they cover; the rows below hold None there (a blank cell holds "")."""
    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[list[str | None]] = field(default_factory=list)
    confidence: float | None = None  # OCR'd tables: mean Tesseract word confidence (0-1); None when digital


@dataclass
class PdfPage:
    number: int                     # 1-based, as printed in provenance
    width: float
    height: float
    words: list[PdfWord] = field(default_factory=list)
    tables: list[PdfTable] = field(default_factory=list)
    method: str = "pdfplumber"      # pdfplumber | ocr: how this page's words were obtained
    skew_degrees: float = 0.0       # rotation corrected before OCR (0 for digital pages)
    error: str | None = None        # why this page could not be read (the rest of the document still is)

    @property
    def orientation(self) -> str:
        return "landscape" if self.width > self.height else "portrait"


LINE_TOLERANCE = 3.0  # points: words whose tops differ by less share a text line


def group_lines(words: list[PdfWord]) -> list[list[PdfWord]]:
    """Words in reading order, grouped by line, each line left to right (PDF reader and PK
    reader must agree on what a line is, so both use this)."""
    lines: list[list[PdfWord]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.x0) for line in lines]
