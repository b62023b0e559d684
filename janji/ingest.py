"""`janji add`: paths and URLs -> stored documents. One bad input never stops the others."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlite_utils

from db.store import record_ingest_error, store_document
from scrapers.errors import SourceError
from scrapers.files import read_path
from scrapers.text import display_path, error_line
from scrapers.web import fetch_document

@dataclass
class IngestReport:
    added: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


URL_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def is_url(source: str) -> bool:
    """Anything with a scheme is a URL ("ftp://…" is refused as one, never read as a path)."""
    return bool(URL_SCHEME.match(source))


def unexpected(source: str, exc: BaseException) -> str:
    detail = str(exc).splitlines()[0][:200] if str(exc) else "no detail"
    return (f"{source}: not stored, reading it failed unexpectedly ({type(exc).__name__}: {detail}); "
            "the file is damaged or hostile: check it, and report it if it looks fine")


def add_source(db: sqlite_utils.Database, source: str, published: str | None, report: IngestReport,
               allow_private: bool = False) -> None:
    doc = fetch_document(source, allow_private=allow_private) if is_url(source) else read_path(source)
    if published and not doc.published:
        doc.published = published
        doc.published_method = "given"
    doc_id, created = store_document(db, doc)
    (report.added if created else report.unchanged).append(doc_id)
    for message in page_errors(display_path(source), doc):  # stored all the same: the other pages count
        record_ingest_error(db, display_path(source), message)
        report.errors.append(message)


def page_errors(source: str, doc) -> list[str]:
    """One line per PDF page that could not be read (a damaged scan, OCR past its time limit)."""
    return [error_line(f"{source}: {page.error}; the other pages are stored")
            for page in doc.layout if getattr(page, "error", None)]


def add_sources(db: sqlite_utils.Database, sources: list[str], published: str | None = None,
                allow_private: bool = False) -> IngestReport:
    report = IngestReport()
    for source in sources:
        shown = display_path(source)  # a name that is not UTF-8 can still be recorded
        try:
            add_source(db, source, published, report, allow_private)
        except SourceError as exc:
            message = error_line(str(exc))
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:  # noqa: BLE001 - whatever one input raises stays with that input
            if db.conn.in_transaction:
                db.conn.rollback()
            message = error_line(unexpected(shown, exc))
        else:
            continue
        record_ingest_error(db, shown, message)
        report.errors.append(message)
    return report
