"""`janji process`: stored documents -> extraction rows, re-reading nothing from the network."""
from __future__ import annotations

import json
import logging
from collections import deque
from typing import Callable, Iterator

import sqlite_utils

from db.store import record_process_error, replace_extraction, write_transaction
from janji import faults
from models import Document, PageSpan
from scrapers.errors import SourceError
from scrapers.pdf import read_pdf

log = logging.getLogger("janji.process")
MAX_TEXT_CHARS = 1_000_000  # spaCy's own max_length: a longer text would stop the whole run, so it
# is one error line instead (a 50 MB page is refused by the scraper; this catches what got through)


def document_from_row(db: sqlite_utils.Database, row: dict) -> Document:
    """Rebuild the Document the extractor needs from its stored row (PDF layout is re-read)."""
    doc = Document(
        raw=b"", text=row["text"] or "", kind=row["kind"], path=row["path"], url=row["url"],
        canonical_url=row["canonical_url"], site=row["site"], title=row["title"],
        published=row["published"], published_method=row["published_method"], author=row["author"],
        content_type=row["content_type"], text_method=row["text_method"],
        pages=[PageSpan(**p) for p in json.loads(row["pages"] or "[]")],
        related=json.loads(row["related"] or "[]"), captions=json.loads(row["captions"] or "[]"),
        linked_from=row["linked_from"],
    )
    if doc.kind in ("pdf", "pk"):
        if row.get("layout"):
            doc.layout = json.loads(row["layout"])  # the PK reader takes page dicts as stored
        else:  # stored before layouts were kept: read the bytes again
            raw = db.execute("select content from raw_files where sha256 = ?", [row["sha256"]]).fetchone()[0]
            doc.layout = read_pdf(raw).layout
    return doc


def pending(db: sqlite_utils.Database, everything: bool) -> list[int]:
    where = "" if everything else "where status = 'new'"
    return [r["id"] for r in db.query(f"select id from documents {where} order by id")]


def _documents(db: sqlite_utils.Database, ids: list[int]) -> Iterator[tuple[int, Document | None, str | None]]:
    for doc_id in ids:
        row = db["documents"].get(doc_id)
        try:
            yield doc_id, document_from_row(db, row), None
        except SourceError as exc:
            yield doc_id, None, str(exc)


def process_documents(db: sqlite_utils.Database, extractor, ids: list[int],
                      on_progress: Callable[[int], None] = lambda n: None) -> tuple[int, int]:
    """Extract and store each document, streaming; returns (processed, failed)."""
    counts = {"done": 0, "failed": 0}
    in_flight: deque[tuple[int, str | None]] = deque()  # extractor.pipe yields in input order

    def fail(doc_id: int, error: str) -> None:
        record_process_error(db, doc_id, error)
        log.error("document %s: %s", doc_id, error)
        counts["failed"] += 1
        on_progress(1)

    def readable() -> Iterator[Document]:
        for doc_id, doc, error in _documents(db, ids):
            if doc is None:
                fail(doc_id, error)
                continue
            if len(doc.text) > MAX_TEXT_CHARS:
                fail(doc_id, f"text of {len(doc.text):,} characters is over the {MAX_TEXT_CHARS:,}-character "
                             "limit for extraction; split the document or read it elsewhere")
                continue
            in_flight.append((doc_id, doc.published))
            yield doc

    for extraction in extractor.pipe(readable()):
        doc_id, published = in_flight.popleft()
        if isinstance(extraction, Exception):
            fail(doc_id, f"extraction failed: {type(extraction).__name__}: {extraction}")
            continue
        faults.point("process")
        with write_transaction(db):  # a savepoint inside: the fault point below dies mid-transaction
            replace_extraction(db, doc_id, extraction, published)
            faults.point("process-transaction")
        faults.point("processed")
        counts["done"] += 1
        on_progress(1)
    return counts["done"], counts["failed"]
