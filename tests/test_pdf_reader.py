"""scrapers.pdf.read_pdf on generated PDFs: text, pages, words, ruled tables, OCR, bad files."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from models.pdf_layout import PdfPage
from scrapers.errors import SourceError
from scrapers.pdf import read_pdf

_spec = importlib.util.spec_from_file_location("make_pk_fixtures", Path(__file__).parent / "pk" / "make_pk_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    return fixtures.generate(tmp_path_factory.getbasetemp() / "pk_pdfs")


def test_digital_pdf_text_pages_and_method(pdfs):
    result = read_pdf(pdfs["kota_dinkes_portrait_ruled"].read_bytes())
    assert result.method == "pdfplumber"
    assert [(s.page, s.start) for s in result.pages] == [(1, 0), (2, result.pages[0].end + 1)]
    assert result.text[result.pages[1].start - 1] == "\f"
    first = result.text[result.pages[0].start:result.pages[0].end]
    assert first.splitlines()[0] == "PERJANJIAN KINERJA TAHUN 2025"
    assert "Nama : dr. Hj. Siti Aminah, M.Kes" in first.splitlines()
    # the signature columns interleave in plain text; the layout keeps them apart
    assert "Dr. H. MAULANA, M.K.M. dr. Hj. SITI AMINAH, M.Kes" in first.splitlines()


def test_layout_words_have_positions(pdfs):
    page = read_pdf(pdfs["kota_dinkes_portrait_ruled"].read_bytes()).layout[0]
    assert isinstance(page, PdfPage) and page.number == 1 and page.method == "pdfplumber"
    assert (round(page.width), round(page.height), page.orientation) == (595, 842, "portrait")
    title = [w for w in page.words if w.text == "PERJANJIAN"][0]
    assert 0 < title.x0 < title.x1 < page.width and 0 < title.top < title.bottom < 100
    kedua = [w for w in page.words if w.text == "KEDUA,"][-1]
    pertama = [w for w in page.words if w.text == "PERTAMA,"][-1]
    assert abs(kedua.top - pertama.top) < 1 and kedua.x0 < page.width / 2 < pertama.x0


def test_ruled_tables_rows_and_merged_cells(pdfs):
    tables = read_pdf(pdfs["kota_dinkes_portrait_ruled"].read_bytes()).layout[1].tables
    assert len(tables) == 2
    targets, programs = tables[0].rows, tables[1].rows
    assert targets[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]
    assert targets[1] == ["1", "Meningkatnya derajat kesehatan masyarakat", "Prevalensi stunting", "%", "12"]
    assert targets[2] == ["", None, "Angka kematian ibu", "per 100.000 KH", "25"]  # None: merged cell
    assert programs[-1] == ["", "Jumlah", "Rp 14.080.246.790,00", ""]
    assert tables[0].bottom < tables[1].top


def test_unruled_tables_are_left_to_the_extractor(pdfs):
    layout = read_pdf(pdfs["kab_disdik_landscape_unruled"].read_bytes()).layout
    assert layout[1].tables == []
    assert any(w.text == "Indikator" for w in layout[1].words)


def test_landscape_and_f4_pages(pdfs):
    mixed = read_pdf(pdfs["kab_disdik_landscape_unruled"].read_bytes()).layout
    assert [p.orientation for p in mixed] == ["portrait", "landscape"]
    assert (round(mixed[1].width), round(mixed[1].height)) == (842, 595)
    f4 = read_pdf(pdfs["kab_pupr_f4_eselon3_pagebreak"].read_bytes()).layout
    assert [(round(p.width), round(p.height)) for p in f4] == [(609, 935)] * 3


@pytest.mark.parametrize("name, message", [
    ("bad_encrypted", "PDF is encrypted with a password: ask the publisher for an open copy"),
    ("bad_truncated", "PDF is truncated (no end-of-file marker): download it again"),
    ("bad_zero_byte", "empty file (0 bytes): nothing to read"),
    ("bad_not_pdf", "not a PDF (no %PDF header): check the file type"),
])
def test_bad_files_give_one_clear_line(pdfs, name, message):
    with pytest.raises(SourceError) as error:
        read_pdf(pdfs[name].read_bytes())
    assert str(error.value) == message
    assert "\n" not in str(error.value)


def test_corrupt_body_with_header_is_reported(pdfs):
    with pytest.raises(SourceError, match=r"^unreadable PDF .*corrupt$"):
        read_pdf(b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF\n")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract binary not installed (apt-get install tesseract-ocr tesseract-ocr-ind)")
def test_scanned_pdf_is_ocrd_and_deskewed(pdfs):
    result = read_pdf(pdfs["scan_kota_dinkes"].read_bytes())
    assert result.method == "ocr"
    assert [p.method for p in result.layout] == ["ocr", "ocr"]
    assert all(-1.7 <= p.skew_degrees <= -1.3 for p in result.layout)  # scanned 1.5 deg counter-clockwise
    lines = result.text.splitlines()
    assert lines[0] == "PERJANJIAN KINERJA TAHUN 2025"
    assert "NIP : 19750812 200003 2 004" in lines
    assert "Sungai Harapan, 2 Januari 2025" in lines
    assert "Jumlah Rp 14.080.246.790,00" in lines
    assert all(w.x1 <= result.layout[0].width + 1 for w in result.layout[0].words)


def test_scanned_pdf_without_tesseract_says_what_to_install(pdfs, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(SourceError, match="Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-ind"):
        read_pdf(pdfs["scan_kota_dinkes"].read_bytes())
