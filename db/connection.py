"""Opening the database: WAL, foreign keys, a busy timeout, and migrations applied."""
from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from db.migrations import migrate

DEFAULT_DB = "janji.db"
BUSY_TIMEOUT_MS = 30_000  # scrape, process and serve share the file; wait rather than fail


def resolve_db_path(path: str | None) -> Path:
    return Path(path or os.environ.get("JANJI_DB") or DEFAULT_DB)


def open_db(path: str | Path, *, create: bool = True) -> sqlite_utils.Database:
    path = Path(path)
    if not create and not path.exists():
        raise FileNotFoundError(f"no database at {path}; run janji add or janji demo first")
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.enable_wal()
    migrate(db)
    return db
