"""The answer tables (commitment_details, quote_details, official_timeline): what the answer
views computed with joins at every request, stored, so a search or a facet at 100,000 documents
reads one indexed table.

Their rows are derived from documents, officials, OPDs and the extracted rows; whoever changes
those calls a refresh here inside the same transaction (db/store.py for a document's rows,
db/resolve.py when a known official gains a fuller name or a region, or an OPD its
abbreviation), so a reader never sees an answer row that disagrees with its sources. A refresh deletes the rows in its
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
IN_OPD = f"(select official_id from official_roles where opd_id in {IDS})"
SCOPES = {
    "commitment_details": {
        "document": (f"document_id in {IDS}", f"c.document_id in {IDS}"),
        "official": (f"official_id in {IDS}", f"c.official_id in {IDS}"),
    },
    "quote_details": {
        "document": (f"document_id in {IDS}", f"q.document_id in {IDS}"),
        "official": (f"official_id in {IDS}", f"q.official_id in {IDS}"),
    },
    # one official's rows are grouped over all their roles: refreshed whole, per official
    "official_timeline": {
        "official": (f"official_id in {IDS}", f"r.official_id in {IDS}"),
        "opd": (f"official_id in {IN_OPD}", f"r.official_id in {IN_OPD}"),
    },
}
# the file that creates each table (and its indexes)
CREATED_BY = {"commitment_details": "answer_tables", "quote_details": "answer_tables",
              "official_timeline": "answer_timeline"}
TABLES = tuple(SCOPES)


@cache
def _select(table: str) -> str:
    return (SQL / f"answer_{table}.sql").read_text(encoding="utf-8")


_COLUMNS: dict[str, str] = {}  # the SELECT's columns by table (a table may have more: its key)


def _fill(db: sqlite_utils.Database, table: str, scope: str, params: dict) -> None:
    if table not in _COLUMNS:
        empty = db.execute(f"select * from ({_select(table).format(scope='0')}) limit 0")
        _COLUMNS[table] = ", ".join(f"[{c[0]}]" for c in empty.description)
    db.execute(f"insert into [{table}] ({_COLUMNS[table]}) {_select(table).format(scope=scope)}", params)


def refresh(db: sqlite_utils.Database, scope: str, ids, tables=None) -> None:
    """Re-derive the answer rows of the documents, officials or OPDs `ids` (scope "document",
    "official" or "opd") in `tables` (all that exist). Call it inside the transaction that
    changed them."""
    ids = sorted({i for i in ids if i is not None})
    if not ids:
        return
    params = {"ids": json.dumps(ids)}
    existing = set(db.table_names())  # a database between migrations 11 and 13 has fewer
    for table in TABLES if tables is None else tables:
        if scope in SCOPES[table] and table in existing:
            mine, source = SCOPES[table][scope]
            db.execute(f"delete from [{table}] where {mine}", params)
            _fill(db, table, source, params)


def refresh_documents(db: sqlite_utils.Database, ids, officials=()) -> None:
    """A document's rows were replaced: its answer rows, and the timelines of the officials it
    names now and of `officials` (those its replaced rows named)."""
    refresh(db, "document", ids)
    marks = json.dumps(sorted(set(ids)))
    named = {r[0] for r in db.execute(
        f"select distinct official_id from official_roles where document_id in {IDS}", {"ids": marks})}
    refresh(db, "official", named | set(officials), tables=("official_timeline",))


def refresh_officials(db: sqlite_utils.Database, ids) -> None:
    refresh(db, "official", ids)


def refresh_opds(db: sqlite_utils.Database, ids) -> None:
    refresh(db, "opd", ids)


def rebuild(db: sqlite_utils.Database, tables=None) -> None:
    """Every answer row derived again from the sources (migrations; bulk loads that bypass the writer)."""
    for table in TABLES if tables is None else tables:
        db.execute(f"delete from [{table}]")
        _fill(db, table, "1", {})


def create(db: sqlite_utils.Database, tables) -> None:
    """Migration step: the views of the same names dropped, the tables and indexes created, filled."""
    for table in tables:
        db.execute(f"drop view if exists [{table}]")
    for script in dict.fromkeys(CREATED_BY[t] for t in tables):
        for statement in statements((SQL / f"{script}.sql").read_text(encoding="utf-8")):
            db.execute(statement)
    rebuild(db, tables)


def disagreements(db: sqlite_utils.Database) -> dict[str, int]:
    """Rows by which each answer table differs from what its SELECT gives now (0 when current):
    for checks after a crash or a migration."""
    out = {}
    for table in TABLES:
        fresh = f"select * from ({_select(table).format(scope='1')})"
        columns = ", ".join(f"[{c[0]}]" for c in db.execute(f"{fresh} limit 0").description)
        stored = f"select {columns} from [{table}]"
        out[table] = sum(db.execute(f"select count(*) from ({a} except {b})").fetchone()[0]
                         for a, b in ((stored, fresh), (fresh, stored)))
    return out
