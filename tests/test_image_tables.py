"""Tables read from scanned images (scrapers/image_tables.py): what a cell's OCR words become
(separators taken from the uncleaned crop where cleaning cut them), that a scan without ruling
lines gets no invented table (its rows come from word positions), and that a lone header word
stretched by a speck stays on its line (scrapers/ocr.py)."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from models.pdf_layout import PdfWord
from scrapers.image_tables import _cell_text, _separators_from
from scrapers.ocr import _join_lone_words
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


@pytest.mark.parametrize("cleaned, uncleaned, text", [
    ([("715", 79.0)], [("7,15", 67.0)], "7,15"),          # a comma's tail cut by cleaning (150 dpi)
    ([("8.5", 89.0)], [("8,5", 96.0)], "8,5"),
    ([("12", 95.0)], [("12.", 60.0)], "12"),              # a speck after a number is no separator
    ([("72,40", 96.0)], [("72,40", 96.0)], "72,40"),
    ([("25", 96.0)], [("25", 90.0), ("ta", 40.0)], "25"),  # stamp ink read as letters: the cleaned reading
    ([("Rp", 93.0), ("500.000.000,00", 90.0)], [("Rp", 93.0), ("500.000.000,00", 91.0)], "Rp 500.000.000,00"),
])
def test_separators_from_the_uncleaned_crop(cleaned, uncleaned, text):
    assert _cell_text(_separators_from(cleaned, uncleaned)) == text


def test_a_lone_word_stretched_by_a_speck_joins_the_line_it_encloses():
    header = [PdfWord("Sasaran", 93, 106.6, 125, 113.5), PdfWord("Satuan", 414, 106.6, 440, 113.5)]
    target = PdfWord("Target", 487, 102.5, 510, 115.9)   # a speck above it: its box is taller
    apart = PdfWord("Jumlah", 90, 300.0, 120, 307.0)     # a line of its own: left alone
    _join_lone_words([[target], [apart]], [header[0]])
    assert (target.top, target.bottom) == (106.6, 113.5)
    assert (apart.top, apart.bottom) == (300.0, 307.0)
