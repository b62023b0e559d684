"""Option decorators shared by commands (the sqlite-utils way)."""
from __future__ import annotations

import datetime as dt
import functools
import re

import click

DB_HELP = "SQLite database file (default: janji.db here, or $JANJI_DB)."


def db_option(func=None, *, existing: bool = False):
    """--db PATH (or JANJI_DB); passes an open, migrated database as `db`.

    existing=True is for the commands that only read (export, serve, diff, links, officials,
    changes): a mistyped --db must not silently become a new, empty database."""
    if func is None:
        return functools.partial(db_option, existing=existing)

    @click.option("--db", "db_path", metavar="PATH", envvar="JANJI_DB", default=None, help=DB_HELP)
    @functools.wraps(func)
    def wrapper(*args, db_path=None, **kwargs):
        db = open_database(db_path or group_db_path(), existing)
        try:
            return func(*args, db=db, **kwargs)
        finally:
            db.close()
    return wrapper


def open_database(db_path: str | None, existing: bool):
    from db import open_db, resolve_db_path  # imported on use: `janji extract` needs no database
    path = resolve_db_path(db_path)
    if existing and not path.is_file():
        raise click.ClickException(f"no database at {path}; run janji add or janji demo first")
    try:
        return open_db(path)
    except Exception as exc:  # sqlite3.DatabaseError on a file that is not a database
        raise click.ClickException(f"cannot open database {path}: {exc}; pass --db with a janji database")


def group_db_path() -> str | None:
    """--db given to a command group (`janji links --db X confirm 3`), for its subcommands."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(dict) if ctx else None
    return (found or {}).get("db_path")


def group_db_option(func):
    """--db on a command group: remembered for its subcommands (see group_db_path)."""
    @click.option("--db", "db_path", metavar="PATH", envvar="JANJI_DB", default=None, help=DB_HELP)
    @functools.wraps(func)
    def wrapper(*args, db_path=None, **kwargs):
        click.get_current_context().ensure_object(dict)["db_path"] = db_path
        return func(*args, **kwargs)
    return wrapper


def parse_published(value: str) -> str | None:
    """ISO "2025-06-26" or Indonesian "26 Juni 2025" (month names from models/vocab/months.csv)
    -> "2025-06-26"; None when it is neither or not a real calendar date."""
    from models.vocab import months
    text = value.strip()
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    spelled = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})", text)
    try:
        if iso:
            return dt.date(*map(int, iso.groups())).isoformat()
        if spelled and spelled[2].lower() in months():
            return dt.date(int(spelled[3]), months()[spelled[2].lower()], int(spelled[1])).isoformat()
    except ValueError:  # 2025-13-45, 31 Februari 2025
        return None
    return None


def _published(ctx, param, value):
    if value is None:
        return None
    parsed = parse_published(value)
    if parsed is None:
        # a ClickException (exit 1, one line), not BadParameter (usage block, exit 2): the value
        # is wrong, not the way the command was called
        raise click.ClickException(f"--published {value!r} is not a date; use 2025-06-26 or 26 Juni 2025")
    return parsed


def iso_date(ctx, param, value):
    """Callback for --since: a real ISO date (2025-13-45 is refused here, not deep in a query)."""
    if value is not None and (not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) or parse_published(value) is None):
        raise click.BadParameter("use YYYY-MM-DD, e.g. 2025-01-31")
    return value


def published_option(func):
    return click.option("--published", metavar="DATE", default=None, callback=_published, expose_value=True,
                        help="Publication date to use when the source has none (reference for dates like "
                             "'Selasa (28/1)'): 2025-06-26 or 26 Juni 2025.")(func)


# `--format table|json` of the reading commands (diff, links, officials, changes, outcomes)
FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
                      help="table: for reading; json: every field, for scripts.")
