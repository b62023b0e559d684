"""Local files (HTML, PDF, TXT) and single URLs -> Document."""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

from models import Document
from scrapers.canonical import declared_url
from scrapers.decode import decode_text, looks_binary
from scrapers.errors import SourceError
from scrapers.text import clean_document, display_path

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
MAX_FILE_BYTES = 50 * 1024 * 1024       # a PDF
MAX_PAGE_BYTES = 20 * 1024 * 1024       # an HTML or text file: the same limit as a web response
MAX_TEXT_CHARS = 1_000_000  # a longer text is not extracted (janji process): refused at the door,
# before it is stored and indexed (a 49 MB text took `add` 461 s and 2 GB)


def sniff_kind(raw: bytes, suffix: str = "", content_type: str | None = None) -> str:
    """'pdf', 'html' or 'text' from magic bytes first, then content type, then the file name."""
    head = raw[:1024].lstrip().lower()
    ctype = (content_type or "").lower()
    if head.startswith(b"%pdf") or "pdf" in ctype or suffix == ".pdf":
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or "html" in ctype or suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES or ctype.startswith("text/plain") or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    raise SourceError(f"unsupported file type {suffix or ctype or 'unknown'}: janji reads HTML, PDF and TXT")


def read_text(raw: bytes, *, path: str | None = None, url: str | None = None) -> Document:
    if not raw.startswith((b"\xff\xfe", b"\xfe\xff")) and looks_binary(raw[:4096].decode("latin-1")):
        raise SourceError("binary bytes in a text file (an image, archive or program named .txt): not stored")
    text = decode_text(raw)  # UTF-16 with a BOM, UTF-8, else windows-1252; cleaned
    if not text.strip():
        raise SourceError("empty text file: nothing to read")
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(f"text of {len(text):,} characters is over the {MAX_TEXT_CHARS:,}-character limit "
                          "for extraction: split it into smaller files")
    lines = [line.strip() for line in text.splitlines() if line.strip()][:2]
    title = lines[0] if lines else None
    if len(lines) == 2 and lines[0] != lines[1] and lines[0].endswith(lines[1]):
        title = lines[1]  # a pasted page often repeats the headline after a label ("iklan …")
    return Document(raw=raw, text=text, kind="text", path=path, url=url, title=title[:300] if title else None,
                    content_type="text/plain", text_method="plain")


def document_from_bytes(raw: bytes, *, path: str | None = None, url: str | None = None,
                        content_type: str | None = None, header_charset: str | None = None,
                        site: str | None = None) -> Document:
    """The Document for some bytes, every text field cleaned (scrapers.text): what leaves scrapers/."""
    return clean_document(_document(raw, path=path, url=url, content_type=content_type,
                                    header_charset=header_charset, site=site))


def _document(raw: bytes, *, path: str | None, url: str | None, content_type: str | None,
              header_charset: str | None, site: str | None) -> Document:
    suffix = Path(path or url or "").suffix.lower()
    kind = sniff_kind(raw, suffix, content_type)
    # readers are imported on use: trafilatura and pdfminer take a noticeable share of a CLI start
    if kind == "pdf":
        from scrapers.pdf import read_pdf_isolated
        pdf = read_pdf_isolated(raw)  # a child process: time, memory and crashes are bounded
        return Document(raw=raw, text=pdf.text, kind="pdf", path=path, url=url, site=site,
                        title=Path(path or url or "document.pdf").name, content_type="application/pdf",
                        text_method=pdf.method, pages=pdf.pages, layout=pdf.layout)
    if kind == "html":
        from scrapers.html import read_html
        return read_html(raw, url=url, path=path, header_charset=header_charset, site=site)
    return read_text(raw, path=path, url=url)


def _read_bounded(path: Path, shown: str) -> bytes:
    """The file's bytes, refused past its kind's limit before they are all in memory: the size
    is checked from stat, and the read itself stops at the limit (a file still growing)."""
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            head = f.read(1024)
            try:
                kind = sniff_kind(head, path.suffix.lower())
            except SourceError:
                kind = "other"  # refused by document_from_bytes with its own message
            limit = MAX_FILE_BYTES if kind == "pdf" else MAX_PAGE_BYTES
            if size > limit:
                raise SourceError(f"{shown}: {size:,} bytes is over the {limit:,}-byte limit for "
                                  f"{'a PDF' if kind == 'pdf' else 'an HTML or text file'}; not read")
            raw = head + f.read(limit + 1 - len(head))
    except OSError as exc:
        raise SourceError(f"{shown}: cannot read ({exc.strerror})") from None
    if len(raw) > limit:
        raise SourceError(f"{shown}: over the {limit:,}-byte limit (the file grew while read); not read")
    return raw


def read_path(path: str | Path) -> Document:
    path = Path(path)
    shown = display_path(path)  # a name that is not UTF-8 is shown (and stored) with U+FFFD
    if not path.exists():
        raise SourceError(f"{shown}: no such file; check the path")
    if not path.is_file():
        raise SourceError(f"{shown}: not a file (a directory?); pass files, e.g. {shown}/*.html")
    raw = _read_bounded(path, shown)
    if not raw:
        raise SourceError(f"{shown}: empty file (0 bytes)")
    try:
        doc = document_from_bytes(raw, path=display_path(path.resolve()))
    except SourceError as exc:
        raise SourceError(f"{shown}: {exc}") from None
    if doc.kind == "news" and not doc.url:
        # a saved page names its original (canonical / og:url): the source stays one click away
        declared = declared_url(raw)
        if declared:
            doc.canonical_url, doc.site = declared, doc.site or urlsplit(declared).hostname
    return doc
