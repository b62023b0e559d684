"""Datasette plugin (loaded with --plugins-dir by db/serve.py; no janji module imports it).

Views and canned queries carry the source of every row as plain values, so CSV/JSON exports stay
clean: `document_id` (the stored document, with its text) and `stored_copy` (sha256 of the raw
bytes). Datasette links foreign keys only in tables, so this turns those values into links on
view and query pages, one click from a row to its source (the readable document page, the stored
row, the original URL). Money and percentages read the Indonesian way (db/number_columns.json).
"""
from __future__ import annotations

from urllib.parse import urlsplit

import markupsafe
from datasette import hookimpl

from db import number_format

DOCUMENT_COLUMNS = ("document_id", "original_document_id", "revised_document_id", "target_document_id")
SOURCE_COLUMNS = ("source_url", "canonical_url", "url")
# In our own tables Datasette already links foreign keys; leave those cells alone.
TABLES = {"documents", "raw_files", "commitments", "official_roles", "mentions", "event_dates",
          "agreements", "agreement_targets", "agreement_programs", "fetch_state", "tenure_events",
          "agreement_diffs", "promise_links"}


def _formatted(row, value, column):
    """Money, percentages, a value with its unit, the Indonesian way; a JSON list as text."""
    kinds = number_format.columns()
    if column in kinds["money"] and isinstance(value, (int, float)):
        return markupsafe.Markup('<span class="janji-money" title="{}">{}</span>').format(value, number_format.rupiah(value))
    if column in kinds["percent"] and isinstance(value, (int, float)):
        return markupsafe.Markup('<span class="janji-percent" title="{}">{}</span>').format(value, number_format.percent(value))
    unit_column = kinds["value_with_unit"].get(column)
    if unit_column and isinstance(value, (int, float)) and not isinstance(value, bool):
        unit = row[unit_column] if row is not None and unit_column in row.keys() else None
        return markupsafe.Markup('<span class="janji-number" title="{}">{}</span>').format(
            value, number_format.with_unit(value, unit))
    if column in kinds["lists"]:
        text = number_format.list_text(value)
        return text if text is not None else None
    return None


BLOB_COLUMNS = ("layout", "pages", "related", "captions")  # JSON kept for re-extraction, not for reading


def _document_cell(row, value, column):
    """On the documents table: the title leads to the readable page; JSON blobs (44 KB of PDF
    layout for two pages) are summarised with a link to that page instead of printed."""
    doc_id = row["id"] if row is not None and "id" in row.keys() else None
    if doc_id is None:
        return None
    if column == "title":
        return markupsafe.Markup('<a class="janji-page" href="/-/document/{}">{}</a>').format(doc_id, value)
    if column in BLOB_COLUMNS and isinstance(value, str) and len(value) > 200:
        return markupsafe.Markup('<span class="janji-blob">{} KB of JSON, kept for re-extraction; '
                                 '<a class="janji-page" href="/-/document/{}">read the document</a></span>').format(
            round(len(value) / 1024, 1), doc_id)
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value in (None, ""):
        return None
    formatted = _formatted(row, value, column)
    if formatted is None and table == "documents":
        formatted = _document_cell(row, value, column)
    if formatted is not None or table in TABLES:
        return formatted
    if column in DOCUMENT_COLUMNS:
        # the id reads the document (its text, highlighted); "row" is the stored row itself
        return markupsafe.Markup('<a class="janji-page" href="/-/document/{}" title="read document {}">{}</a>'
                                 ' <a class="janji-document" href="{}" title="stored row {}">row</a>').format(
            value, value, value, datasette.urls.row(database, "documents", str(value)), value)
    if column in SOURCE_COLUMNS and isinstance(value, str) and value.startswith(("http://", "https://")):
        host = urlsplit(value).hostname or value  # the whole address is the link's title: columns stay narrow
        return markupsafe.Markup('<a class="janji-original" href="{}" title="{}" rel="noreferrer noopener">'
                                 'original ({})</a>').format(value, value, host)
    if column == "stored_copy":
        href = f"/-/raw/{value}"  # served with its own content type (janji_pages.py): a PDF opens in the browser
        return markupsafe.Markup('<a class="janji-stored-copy" href="{}" title="sha256 {}">stored copy</a>').format(
            href, value)
    if column == "official_id":
        return markupsafe.Markup('<a class="janji-official-link" href="/-/official/{}">{}</a>').format(value, value)
    return None
