"""Run Datasette over the database: read-only, on 127.0.0.1 by default, with our metadata."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

METADATA = Path(__file__).parent / "metadata.json"


def metadata_for(db_path: Path) -> dict:
    """Our metadata with its per-table section bound to this database's name."""
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    meta["databases"] = {db_path.stem: meta["databases"]["*"]}
    return meta


def datasette_command(db_path: Path, metadata_path: Path, host: str, port: int) -> list[str]:
    # Datasette opens a mutable file read-only (mode=ro) and has no write endpoints unless a
    # plugin adds them; arbitrary SQL stays on for researchers but is read-only too.
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host,
            "--port", str(port), "--metadata", str(metadata_path),
            "--setting", "sql_time_limit_ms", "3000", "--setting", "max_returned_rows", "1000"]


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    with tempfile.TemporaryDirectory(prefix="janji-") as tmp:
        metadata_path = Path(tmp) / "metadata.json"
        metadata_path.write_text(json.dumps(metadata_for(db_path), ensure_ascii=False), encoding="utf-8")
        print(f"Datasette serving {db_path} at http://{host}:{port}/  (Ctrl-C to stop)", flush=True)
        try:
            return subprocess.call(datasette_command(db_path, metadata_path, host, port))
        except KeyboardInterrupt:
            return 0
