"""Tables read from scanned images (scrapers/image_tables.py): what a cell's OCR words become,
and that a scan without ruling lines gets no invented table (its rows come from word positions)."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from scrapers.image_tables import _cell_text
from scrapers.pdf import read_pdf

_spec = importlib.util.spec_from_file_location("make_pk_fixtures", Path(__file__).parent / "pk" / "make_pk_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)


@pytest.mark.parametrize("words, text", [
    ([("72,40", 96.0)], "72,40"),
    ([("72,40", 30.0)], ""),                               # a number Tesseract is unsure of: null, not a guess
    ([("Rp", 93.0), ("500.000.090,00", 40.0)], ""),
    ([("Usia", 64.0), ("harapan", 96.0), ("hidup", 96.0), ("h", 0.0)], "Usia harapan hidup"),  # dust read as "h"
    ([("Jumlah", 97.0), ("tg", 36.0), (":", 66.0)], "Jumlah"),
    ([("%", 88.0)], "%"), ([("—", 90.0)], ""),            # "%" means something alone; a dash is a ruling line or "none"
    ([("“Rp", 93.0), ("1.234.567.890,00", 90.0)], "Rp 1.234.567.890,00"),
    ([("Kesehatan", 97.0), ("0.", 21.0)], "Kesehatan"),    # a short dusty token with a digit is dust
    ([("Rp.", 93.0), ("500.000.000,-", 88.0)], "Rp. 500.000.000,-"),
    ([("stunting|", 88.0), ("|", 77.0)], "stunting"),
    ([], ""),
])
def test_cell_text(words, text):
    assert _cell_text(words) == text


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")
def test_unruled_scan_has_no_image_table(tmp_path):
    gold = fixtures.load_gold()
    raw = fixtures.scanned_copy(fixtures.build_case(gold["kab_disdik_landscape_unruled"]))
    layout = read_pdf(raw).layout
    assert [p.method for p in layout] == ["ocr", "ocr"]
    assert [p.tables for p in layout] == [[], []]
