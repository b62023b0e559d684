"""SQLite storage: schema by migrations, the one writer module, Datasette metadata, export."""
from db.connection import DEFAULT_DB, open_db, resolve_db_path

__all__ = ["DEFAULT_DB", "open_db", "resolve_db_path"]
