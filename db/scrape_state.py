"""Writer for scrape bookkeeping: `scrape_runs` (one row per run) and `fetch_state` (one row
per URL: validators for conditional GET, last status, content hash, the document it became).

Parameterised SQL only: URLs come from the web and are never spliced into statements.
"""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db.store import now, write_transaction

# Settled URLs are not fetched again without --refresh: stored documents, pages that were read
# fine but were no article (200 without document), and pages the site says are missing or gone
# (404, 410: retried with --refresh only, so a dead link is not an error line every hour).
SETTLED_STATUSES = (200, 204, 404, 410)
RUN_COUNTERS = ("pages_fetched", "new_documents", "skipped", "errors")


@dataclass
class FetchState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_status: int | None = None
    content_sha256: str | None = None
    fetched_at: str | None = None
    document_id: int | None = None

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def start_run(db: sqlite_utils.Database, command: str) -> int:
    """A new `running` run; earlier runs left `running` (killed, crashed) become `interrupted`."""
    with db.atomic():
        db.execute("update scrape_runs set status = 'interrupted' where status = 'running'")
        cursor = db.execute(
            "insert into scrape_runs (started, command, pages_fetched, new_documents, skipped, errors, status) "
            "values (?, ?, 0, 0, 0, 0, 'running')", [now(), command])
    return cursor.lastrowid


def update_run(db: sqlite_utils.Database, run_id: int, **counts: int) -> None:
    """Counters so far, so a run killed mid-way still shows what it did."""
    columns = [c for c in RUN_COUNTERS if c in counts]
    if columns:
        assignments = ", ".join(f"{c} = ?" for c in columns)  # names from RUN_COUNTERS only
        with db.atomic():
            db.execute(f"update scrape_runs set {assignments} where id = ?", [counts[c] for c in columns] + [run_id])


def finish_run(db: sqlite_utils.Database, run_id: int, status: str, **counts: int) -> None:
    update_run(db, run_id, **counts)
    with db.atomic():
        db.execute("update scrape_runs set finished = ?, status = ? where id = ?", [now(), status, run_id])


def get_fetch_state(db: sqlite_utils.Database, url: str) -> FetchState | None:
    row = db.execute("select url, etag, last_modified, last_status, content_sha256, fetched_at, document_id "
                     "from fetch_state where url = ?", [url]).fetchone()
    return FetchState(*row) if row else None


def put_fetch_state(db: sqlite_utils.Database, url: str, *, status: int | None, etag: str | None = None,
                    last_modified: str | None = None, content_sha256: str | None = None,
                    document_id: int | None = None, keep_document: bool = True) -> None:
    """Insert or replace the state of one URL. A known document id is kept unless told otherwise."""
    with write_transaction(db):  # it reads, then writes: take the lock first
        if keep_document and document_id is None:
            row = db.execute("select document_id from fetch_state where url = ?", [url]).fetchone()
            document_id = row[0] if row else None
        db.execute(
            "insert into fetch_state (url, etag, last_modified, last_status, content_sha256, fetched_at, document_id) "
            "values (?, ?, ?, ?, ?, ?, ?) on conflict(url) do update set etag = excluded.etag, "
            "last_modified = excluded.last_modified, last_status = excluded.last_status, "
            "content_sha256 = excluded.content_sha256, fetched_at = excluded.fetched_at, "
            "document_id = excluded.document_id",
            [url, etag, last_modified, status, content_sha256, now(), document_id])


def is_settled(db: sqlite_utils.Database, url: str) -> bool:
    """Already stored (by this URL or as a document's key) or known not to be an article."""
    row = db.execute("select document_id, last_status from fetch_state where url = ?", [url]).fetchone()
    if row and (row[0] is not None or row[1] in SETTLED_STATUSES):
        return True
    return db.execute("select 1 from documents where key = ?", [url]).fetchone() is not None


def document_id_for(db: sqlite_utils.Database, key: str) -> int | None:
    row = db.execute("select id from documents where key = ?", [key]).fetchone()
    return row[0] if row else None
