"""Local files (HTML, PDF, TXT) and single URLs -> Document."""
from __future__ import annotations

from pathlib import Path

from models import Document
from scrapers.errors import SourceError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
MAX_FILE_BYTES = 50 * 1024 * 1024


def sniff_kind(raw: bytes, suffix: str = "", content_type: str | None = None) -> str:
    """'pdf', 'html' or 'text' from magic bytes first, then content type, then the file name."""
    head = raw[:1024].lstrip().lower()
    ctype = (content_type or "").lower()
    if head.startswith(b"%pdf") or "pdf" in ctype or suffix == ".pdf":
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or "html" in ctype or suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES or ctype.startswith("text/plain"):
        return "text"
    raise SourceError(f"unsupported file type {suffix or ctype or 'unknown'}: janji reads HTML, PDF and TXT")


def read_text(raw: bytes, *, path: str | None = None, url: str | None = None) -> Document:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("windows-1252", "replace")
    if not text.strip():
        raise SourceError("empty text file: nothing to read")
    lines = [line.strip() for line in text.splitlines() if line.strip()][:2]
    title = lines[0] if lines else None
    if len(lines) == 2 and lines[0] != lines[1] and lines[0].endswith(lines[1]):
        title = lines[1]  # a pasted page often repeats the headline after a label ("iklan …")
    return Document(raw=raw, text=text, kind="text", path=path, url=url, title=title[:300] if title else None,
                    content_type="text/plain", text_method="plain")


def document_from_bytes(raw: bytes, *, path: str | None = None, url: str | None = None,
                        content_type: str | None = None, header_charset: str | None = None,
                        site: str | None = None) -> Document:
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


def read_path(path: str | Path) -> Document:
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file; check the path")
    if not path.is_file():
        raise SourceError(f"{path}: not a file (a directory?); pass files, e.g. {path}/*.html")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise SourceError(f"{path}: {size} bytes is over the {MAX_FILE_BYTES}-byte limit")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    if not raw:
        raise SourceError(f"{path}: empty file (0 bytes)")
    try:
        return document_from_bytes(raw, path=str(path.resolve()))
    except SourceError as exc:
        raise SourceError(f"{path}: {exc}") from None
