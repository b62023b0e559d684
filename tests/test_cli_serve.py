"""`janji serve` as a new user meets it (issue 15): a busy port is one line naming --port before
anything starts, and the database is served as /janji/ whatever its file is called, so the
README's URLs work. Real sockets, a real Datasette over HTTP."""
from __future__ import annotations

import socket
import subprocess
import sys

import httpx
import pytest

from tests.conftest import SAMPLE, janji_serve


@pytest.fixture
def busy_port():
    """A port another program is listening on, on 127.0.0.1."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def janji(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "janji", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def other_db(tmp_path):
    """A database file not called janji.db, with one stored document."""
    path = tmp_path / "other.db"
    assert janji("add", str(SAMPLE), "--published", "2025-06-26", "--db", str(path)).returncode == 0
    return path


def test_serve_on_a_busy_port_says_so_and_names_the_option(other_db, busy_port):
    result = janji("serve", "--db", str(other_db), "--port", str(busy_port))
    assert result.returncode == 1
    assert result.stdout == ""  # no "serving at …" banner for a server that never starts
    assert result.stderr.strip().splitlines() == [
        f"Error: port {busy_port} on 127.0.0.1 is already in use; stop what runs there or choose another port with --port"]


def test_demo_on_a_busy_port_fails_before_building(tmp_path, busy_port):
    db = tmp_path / "demo.db"
    result = janji("demo", "--db", str(db), "--port", str(busy_port))
    assert result.returncode == 1
    assert "--port" in result.stderr and "Traceback" not in result.stderr
    assert "demo database ready" not in result.stdout


def test_serve_names_the_database_janji_whatever_the_file(other_db):
    with janji_serve(other_db) as base:
        assert [d["name"] for d in httpx.get(f"{base}/-/databases.json").json()] == ["janji"]
        rows = httpx.get(f"{base}/janji/documents.json", params={"_shape": "array"}).json()
        assert [r["published"] for r in rows] == ["2025-06-26"]
        # our metadata is bound to that name: the table description and the canned queries are there
        assert "stored before extraction" in httpx.get(f"{base}/janji/documents").text
        assert httpx.get(f"{base}/janji/commitments_by_official.json", params={"name": "x"}).status_code == 200
        assert httpx.get(f"{base}/other/documents.json").status_code == 404
