"""Run Datasette over the database: read-only, on 127.0.0.1 by default, with our metadata."""
from __future__ import annotations

import errno
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

METADATA = Path(__file__).parent / "metadata.json"
# render_cell links from view and query rows to their stored document and raw copy
PLUGINS = Path(__file__).parent / "datasette_plugins"
# the front page, entity pages and readable tables (janji_pages.py); CSS served at /janji-static/
TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
# The README's URLs (/janji/commitment_details, /janji/changes_feed.atom) name the database
# "janji"; Datasette names it after the file's stem, so another file is served through a link.
DATABASE_NAME = "janji"


class ServeError(Exception):
    pass


def metadata_for(db_path: Path, name: str | None = None) -> dict:
    """Our metadata with its per-table section bound to the database's name in Datasette
    (`name`, or the file's stem, which is what an in-process Datasette([path]) uses)."""
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    meta["databases"] = {name or db_path.stem: meta["databases"]["*"]}
    return meta


def served_path(db_path: Path, folder: Path) -> Path:
    """A path to the database whose stem is DATABASE_NAME: the file itself, or a symlink in
    `folder`. SQLite resolves the link, so the WAL beside the real file is read as usual."""
    if db_path.name == f"{DATABASE_NAME}.db":
        return db_path
    link = folder / f"{DATABASE_NAME}.db"
    os.symlink(db_path.resolve(), link)
    return link


def check_port(host: str, port: int) -> None:
    """Fail before anything starts when the address is taken, naming the option that fixes it
    (otherwise Datasette prints its banner and then dies with a bare Errno 98)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host}: {exc.strerror}; check --host") from None
    with socket.socket(family, kind, proto) as probe:
        # as uvicorn does: a port left in TIME_WAIT by a stopped server is free, a listening one is not
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(f"port {port} on {host} is already in use; stop what runs there "
                                 f"or choose another port with --port") from None
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror}; check --host and --port") from None


def prepare_immutable(db_path: Path) -> None:
    """Fold the WAL into the main file so an immutable open (which ignores the WAL) sees every
    row, refusing when another process is writing right now."""
    conn = sqlite3.connect(db_path, timeout=0.5)
    try:
        conn.execute("begin immediate")  # fails at once if a writer holds the lock
        conn.rollback()
        busy, _, _ = conn.execute("pragma wal_checkpoint(truncate)").fetchone()
        if busy:
            raise ServeError(f"{db_path} is being read or written by another process; "
                             "serve without --immutable, or retry when it has finished")
    except sqlite3.OperationalError as exc:
        raise ServeError(f"{db_path} is being written ({exc}); serve without --immutable, "
                         "or retry when janji add/process/run has finished") from None
    finally:
        conn.close()


def datasette_options() -> dict:
    """The same plugins, templates and static files for a Datasette built in-process (tests)."""
    return {"plugins_dir": str(PLUGINS), "template_dir": str(TEMPLATES),
            "static_mounts": [("janji-static", str(STATIC))]}


def datasette_command(db_path: Path, metadata_path: Path, host: str, port: int,
                      immutable: bool = False, allow_sql: bool = True) -> list[str]:
    # Datasette opens a mutable file read-only (mode=ro) and has no write endpoints unless a
    # plugin adds them (ours only renders links); arbitrary SQL stays on for researchers but
    # is read-only too. Immutable (-i) skips locking and lets Datasette cache counts, which is
    # only safe while nothing writes the file: hence opt-in.
    return [sys.executable, "-m", "datasette", "serve", *(["-i"] if immutable else []), str(db_path),
            "--host", host, "--port", str(port), "--metadata", str(metadata_path),
            "--plugins-dir", str(PLUGINS), "--template-dir", str(TEMPLATES),
            "--static", f"janji-static:{STATIC}",
            "--setting", "sql_time_limit_ms", "3000", "--setting", "max_returned_rows", "1000",
            # our facets are configured per table; suggesting more costs a query per column
            "--setting", "facet_time_limit_ms", "1000", "--setting", "suggest_facets", "off",
            *([] if allow_sql else ["--setting", "default_allow_sql", "off"])]


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001, immutable: bool = False,
          allow_sql: bool = True) -> int:
    check_port(host, port)
    if immutable:
        prepare_immutable(db_path)
    with tempfile.TemporaryDirectory(prefix="janji-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        metadata_path.write_text(json.dumps(metadata_for(db_path, DATABASE_NAME), ensure_ascii=False), encoding="utf-8")
        path = served_path(db_path, Path(tmp))
        mode = "immutable" if immutable else "read-only"
        print(f"Datasette serving {db_path} ({mode}) at http://{host}:{port}/{DATABASE_NAME}  (Ctrl-C to stop)",
              flush=True)
        child = subprocess.Popen(datasette_command(path, metadata_path, host, port, immutable, allow_sql))
        # `janji serve` stopped by a process manager (SIGTERM) must not leave Datasette running
        previous = signal.signal(signal.SIGTERM, lambda signum, frame: child.terminate())
        try:
            return child.wait()
        except KeyboardInterrupt:  # Ctrl-C reaches Datasette too (same process group)
            child.wait(timeout=10)
            return 0
        finally:
            signal.signal(signal.SIGTERM, previous)
            if child.poll() is None:
                child.terminate()
                child.wait(timeout=10)
