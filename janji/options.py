"""Option decorators shared by commands (the sqlite-utils way)."""
from __future__ import annotations

import functools

import click


def db_option(func):
    """--db PATH (or JANJI_DB); passes an open, migrated database as `db`."""
    @click.option("--db", "db_path", metavar="PATH", envvar="JANJI_DB", default=None,
                  help="SQLite database file (default: janji.db here, or $JANJI_DB).")
    @functools.wraps(func)
    def wrapper(*args, db_path=None, **kwargs):
        from db import open_db, resolve_db_path  # imported on use: `janji extract` needs no database
        path = resolve_db_path(db_path)
        try:
            db = open_db(path)
        except Exception as exc:  # sqlite3.DatabaseError on a file that is not a database
            raise click.ClickException(f"cannot open database {path}: {exc}; pass --db with a janji database")
        try:
            return func(*args, db=db, **kwargs)
        finally:
            db.close()
    return wrapper


def published_option(func):
    return click.option("--published", metavar="YYYY-MM-DD", default=None,
                        help="Publication date to use when the source has none (reference for dates like 'Selasa (28/1)').")(func)
