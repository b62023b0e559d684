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
        path = resolve_db_path(db_path or group_db_path())
        try:
            db = open_db(path)
        except Exception as exc:  # sqlite3.DatabaseError on a file that is not a database
            raise click.ClickException(f"cannot open database {path}: {exc}; pass --db with a janji database")
        try:
            return func(*args, db=db, **kwargs)
        finally:
            db.close()
    return wrapper


def group_db_path() -> str | None:
    """--db given to a command group (`janji links --db X confirm 3`), for its subcommands."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(dict) if ctx else None
    return (found or {}).get("db_path")


def group_db_option(func):
    """--db on a command group: remembered for its subcommands (see group_db_path)."""
    @click.option("--db", "db_path", metavar="PATH", envvar="JANJI_DB", default=None,
                  help="SQLite database file (default: janji.db here, or $JANJI_DB).")
    @functools.wraps(func)
    def wrapper(*args, db_path=None, **kwargs):
        click.get_current_context().ensure_object(dict)["db_path"] = db_path
        return func(*args, **kwargs)
    return wrapper


def published_option(func):
    return click.option("--published", metavar="YYYY-MM-DD", default=None,
                        help="Publication date to use when the source has none (reference for dates like 'Selasa (28/1)').")(func)
