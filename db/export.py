"""Stream a table or view out as CSV, JSON or JSON Lines in constant memory."""
from __future__ import annotations

import csv
import json
from typing import IO, Iterator

import sqlite_utils

FORMATS = ("csv", "json", "jsonl")


class ExportError(Exception):
    pass


def exportable(db: sqlite_utils.Database) -> list[str]:
    hidden = ("_migrations", "raw_files")
    names = [t for t in db.table_names() if not t.startswith(hidden) and "_fts" not in t]
    return sorted(names + db.view_names())


def iter_rows(db: sqlite_utils.Database, name: str, where: str | None = None,
              params: dict | None = None) -> tuple[list[str], Iterator[tuple]]:
    if name not in exportable(db):
        raise ExportError(f"no table or view {name!r}; choose one of: {', '.join(exportable(db))}")
    sql = f"select * from [{name}]" + (f" where {where}" if where else "")
    try:
        cursor = db.execute(sql, params or {})
    except Exception as exc:  # sqlite3 errors from a user's --where
        raise ExportError(f"bad --where for {name}: {exc}") from None
    columns = [d[0] for d in cursor.description]
    return columns, iter(cursor)


def write_rows(out: IO[str], fmt: str, columns: list[str], rows: Iterator[tuple]) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        for count, row in enumerate(rows, 1):
            writer.writerow(["" if v is None else v for v in row])
    elif fmt == "jsonl":
        for count, row in enumerate(rows, 1):
            out.write(json.dumps(dict(zip(columns, row)), ensure_ascii=False) + "\n")
    elif fmt == "json":
        out.write("[")
        for count, row in enumerate(rows, 1):
            out.write(("\n" if count == 1 else ",\n") + json.dumps(dict(zip(columns, row)), ensure_ascii=False))
        out.write("\n]\n")
    else:
        raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return count
