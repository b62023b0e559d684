"""`janji add`: paths and URLs -> stored documents. One bad input never stops the others."""
from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from db.store import record_ingest_error, store_document
from scrapers.errors import SourceError
from scrapers.files import read_path
from scrapers.web import fetch_document

@dataclass
class IngestReport:
    added: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def add_sources(db: sqlite_utils.Database, sources: list[str], published: str | None = None) -> IngestReport:
    report = IngestReport()
    for source in sources:
        try:
            doc = fetch_document(source) if is_url(source) else read_path(source)
        except SourceError as exc:
            message = str(exc)
            record_ingest_error(db, source, message)
            report.errors.append(message)
            continue
        if published and not doc.published:
            doc.published = published
            doc.published_method = "given"
        doc_id, created = store_document(db, doc)
        (report.added if created else report.unchanged).append(doc_id)
    return report
