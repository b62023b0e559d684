"""A fetched or ingested source: its bytes, its clean text and where it came from."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

KINDS = ("news", "pk", "pdf", "text")


@dataclass
class PageSpan:
    """Where one PDF page sits in the document text (character offsets)."""
    page: int
    start: int
    end: int


@dataclass
class Document:
    raw: bytes
    text: str
    kind: str                      # news | pk | pdf | text
    path: str | None = None        # local path it was read from
    url: str | None = None         # URL it was fetched from
    canonical_url: str | None = None
    site: str | None = None        # site profile name or host
    title: str | None = None
    published: str | None = None   # ISO date (YYYY-MM-DD) of publication
    published_method: str | None = None  # how `published` was found (json-ld, meta, byline…)
    author: str | None = None
    content_type: str | None = None
    text_method: str | None = None  # trafilatura, html-fallback, pdfplumber, ocr, plain
    pages: list[PageSpan] = field(default_factory=list)
    related: list[dict] = field(default_factory=list)  # teaser links removed from the body
    captions: list[str] = field(default_factory=list)  # photo captions kept apart from text
    linked_from: str | None = None  # page a PDF was linked from
    layout: list = field(default_factory=list)  # PDF only: per-page words and tables (models.pdf_layout)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}; expected one of {KINDS}")
