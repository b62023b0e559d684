from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

import pytest
from click.testing import CliRunner

from janji.cli import cli

HERE = Path(__file__).parent
SAMPLE = HERE / "gold" / "00-jambiupdate-pk-perubahan.txt"
CORPUS = HERE.parent / "janji" / "demo_corpus"


def make_pdf(lines: list[str]) -> bytes:
    """A small real PDF with a text layer, made with reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    y = 800
    for line in lines:
        c.drawString(60, y, line)
        y -= 18
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The bundled corpus through `janji demo --no-serve`, built once; tests only read it."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--db", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def run(db_path):
    """Invoke the janji CLI against the test database; returns the click Result."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, [*args[:1], "--db", str(db_path), *args[1:]] if args and args[0] not in ("extract",) else list(args),
                             catch_exceptions=False)
    return invoke


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def janji_serve(db_path: Path, attempts: int = 150):
    """Run `janji serve` on a free port; yields its base URL once it answers, stops it after."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "janji", "serve", "--db", str(db_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(attempts):
            try:
                httpx.get(base + "/-/versions.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"janji serve did not start: {proc.stdout.read1().decode(errors='replace')}")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
