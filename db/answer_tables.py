"""The answer tables (commitment_details, quote_details): what the answer views
computed with joins at every request, stored, so a search or a facet at 100,000 documents reads
one indexed table.

Their rows are derived from documents, officials, OPDs and the extracted rows; whoever changes
those calls a refresh here inside the same transaction (db/store.py for a document's rows,
db/resolve.py when a known official gains a fuller name or a region), so a reader
never sees an answer row that disagrees with its sources. A refresh deletes the rows in its
scope and inserts them again from the SELECT in db/sql/answer_<table>.sql.
"""
from __future__ import annotations

import json
from functools import cache

import sqlite_utils

from db.views import SQL, statements

# For each table and scope: (condition on the answer table's rows, condition on the source rows),
# both over the ids passed as one JSON array.
IDS = "(select value from json_each(:ids))"
SCOPES = {
    "commitment_details": {
        "document": (f"document_id in {IDS}", f"c.document_id in {IDS}"),
        "official": (f"official_id in {IDS}", f"c.official_id in {IDS}"),
    },
    "quote_details": {
        "document": (f"document_id in {IDS}", f"q.document_id in {IDS}"),
        "official": (f"official_id in {IDS}", f"q.official_id in {IDS}"),
    },
}
TABLES = tuple(SCOPES)


@cache
def _select(table: str) -> str:
    return (SQL / f"answer_{table}.sql").read_text(encoding="utf-8")


def _fill(db: sqlite_utils.Database, table: str, scope: str, params: dict) -> None:
    db.execute(f"insert into [{table}] {_select(table).format(scope=scope)}", params)


def refresh(db: sqlite_utils.Database, scope: str, ids) -> None:
    """Re-derive the answer rows of the documents or officials `ids` (scope "document" or
    "official"). Call it inside the transaction that changed them."""
    ids = sorted({i for i in ids if i is not None})
    if not ids:
        return
    params = {"ids": json.dumps(ids)}
    for table, scopes in SCOPES.items():
        if scope in scopes:
            mine, source = scopes[scope]
            db.execute(f"delete from [{table}] where {mine}", params)
            _fill(db, table, source, params)


def refresh_documents(db: sqlite_utils.Database, ids) -> None:
    refresh(db, "document", ids)


def refresh_officials(db: sqlite_utils.Database, ids) -> None:
    refresh(db, "official", ids)


def rebuild(db: sqlite_utils.Database) -> None:
    """Every answer row derived again from the sources (migration; bulk loads that bypass the writer)."""
    for table in TABLES:
        db.execute(f"delete from [{table}]")
        _fill(db, table, "1", {})


def create(db: sqlite_utils.Database) -> None:
    """Migration step: the views of the same names dropped, the tables and indexes created, filled."""
    for table in TABLES:
        db.execute(f"drop view if exists [{table}]")
    for statement in statements((SQL / "answer_tables.sql").read_text(encoding="utf-8")):
        db.execute(statement)
    rebuild(db)
