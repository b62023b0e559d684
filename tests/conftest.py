from __future__ import annotations

import io
from pathlib import Path

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
