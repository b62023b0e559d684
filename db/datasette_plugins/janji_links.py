"""Datasette plugin (loaded with --plugins-dir by db/serve.py; no janji module imports it).

Views and canned queries carry the source of every row as plain values, so CSV/JSON exports stay
clean: `document_id` (the stored document, with its text) and `stored_copy` (sha256 of the raw
bytes). Datasette links foreign keys only in tables, so this turns those values into links on
view and query pages, one click from a row to its source.
"""
from __future__ import annotations

import markupsafe
from datasette import hookimpl

DOCUMENT_COLUMNS = ("document_id", "original_document_id", "revised_document_id", "target_document_id")
# In our own tables Datasette already links foreign keys; leave those cells alone.
TABLES = {"documents", "raw_files", "commitments", "official_roles", "mentions", "event_dates",
          "agreements", "agreement_targets", "agreement_programs", "fetch_state", "tenure_events",
          "agreement_diffs", "promise_links"}


@hookimpl
def render_cell(value, column, table, database, datasette):
    if value in (None, "") or table in TABLES:
        return None
    if column in DOCUMENT_COLUMNS:
        href = datasette.urls.row(database, "documents", str(value))
        return markupsafe.Markup('<a class="janji-document" href="{}" title="stored document {}">{}</a>').format(
            href, value, value)
    if column == "stored_copy":
        href = datasette.urls.row_blob(database, "raw_files", str(value), "content")
        return markupsafe.Markup('<a class="janji-stored-copy" href="{}" title="sha256 {}">stored copy</a>').format(
            href, value)
    if column == "official_id":
        href = datasette.urls.row(database, "officials", str(value))
        return markupsafe.Markup('<a href="{}">{}</a>').format(href, value)
    return None
