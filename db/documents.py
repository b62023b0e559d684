"""Stored documents read back: the Document the extractor needs, rebuilt from its row, and the
queries `janji process` asks (what is pending, how long a text is, how to name a document)."""
from __future__ import annotations

import json

import sqlite_utils

from models import Document, PageSpan


def stored_document(db: sqlite_utils.Database, row: dict) -> Document:
    """The Document of a `documents` row. A PDF keeps its stored layout (words and tables, so OCR
    never runs twice); one stored before layouts were kept gets its raw bytes to be read again."""
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
        else:
            doc.raw = db.execute("select content from raw_files where sha256 = ?", [row["sha256"]]).fetchone()[0]
    return doc


def document_row(db: sqlite_utils.Database, doc_id: int) -> dict:
    return db["documents"].get(doc_id)


def pending_ids(db: sqlite_utils.Database, everything: bool) -> list[int]:
    """Documents to extract: new ones (failed ones wait for --all), or every document."""
    where = "" if everything else "where status = 'new'"
    return [r["id"] for r in db.query(f"select id from documents {where} order by id")]


def text_length(db: sqlite_utils.Database, doc_id: int) -> int:
    """Checked before the text is loaded (a 49 MB text took 1.5 GB to refuse)."""
    (length,) = db.execute("select length(text) from documents where id = ?", [doc_id]).fetchone()
    return length or 0


def document_label(db: sqlite_utils.Database, doc_id: int) -> str:
    """How an error line names a document: its URL, path, title or key."""
    row = db.execute("select coalesce(url, path, title, key) from documents where id = ?", [doc_id]).fetchone()
    return (row[0] if row and row[0] else "?")[:200]
