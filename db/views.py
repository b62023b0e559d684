"""The views that read like answers (db/sql/views_v*.sql), created by migrations."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

SQL = Path(__file__).parent / "sql"


def statements(sql: str) -> list[str]:
    """Split a .sql file into statements (executescript would commit the migration's transaction)."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    return out


def view_names(version: str) -> list[str]:
    return [s.split()[2] for s in statements((SQL / f"views_{version}.sql").read_text(encoding="utf-8"))
            if s.lower().startswith("create view")]


def create_views(db: sqlite_utils.Database, version: str, skip: frozenset[str] = frozenset()) -> None:
    """Create (or re-create) the views of one version of the .sql file, but those in `skip`
    (views a later version redefines) and those a later migration made tables (db/answer_tables.py),
    so re-running an old migration leaves the tables alone."""
    skip = skip | (frozenset(view_names(version)) & frozenset(db.table_names()))
    for name in view_names(version):
        if name not in skip:
            db.execute(f"drop view if exists [{name}]")
    for statement in statements((SQL / f"views_{version}.sql").read_text(encoding="utf-8")):
        if not statement.lower().startswith("create view") or statement.split()[2] not in skip:
            db.execute(statement)
