"""Bad PDFs that still hold something (scrapers/pdf.py, scrapers/pdf_repair.py): a bundle cut
off in its last agreement keeps the agreements before it and costs one error line; a PDF with
only an owner password reads; a real user password is one line and the other inputs are kept;
a page over the OCR time limit is one line and the other pages are kept."""
from __future__ import annotations

import importlib.util
import io
import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib import pdfencrypt

from db import open_db
from extract.pk import read_agreements
from models import Document
from scrapers.errors import SourceError
from scrapers.pdf import read_pdf
from scrapers.pdf_repair import page_ranges, with_rebuilt_xref

_spec = importlib.util.spec_from_file_location("make_pk_bundle", Path(__file__).parent / "pk" / "make_pk_bundle.py")
bundles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundles)
fixtures = bundles.fixtures
GOLD = fixtures.load_gold()
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")
LOST = "pages 7-9 of 9 lost: the PDF is truncated (its download or upload was cut off), download it again for them"


def document(raw: bytes) -> Document:
    result = read_pdf(raw)
    return Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=result.layout,
                    text_method=result.method)


def targets(agreement):
    return [(t.sasaran, t.indikator, t.target, t.value, t.unit, t.page) for t in agreement.targets]


def expected_targets(name, first_page):
    return [(t["s"], t["i"], t["t"], t["v"], t["unit"], t["p"] + first_page - 1) for t in GOLD[name]["targets"]]


def test_page_ranges_and_nothing_to_rebuild_without_a_catalog():
    assert page_ranges([3, 4, 5, 9]) == "3-5, 9" and page_ranges([2]) == "2"
    assert with_rebuilt_xref(b"%PDF-1.7\n1 0 obj\n<< /Type /Page >>\nendobj\n") is None


def test_truncated_bundle_keeps_the_agreements_that_arrived():
    raw, ranges, first_lost = bundles.build_truncated_bundle()
    assert first_lost == 7 and b"%%EOF" not in raw
    layout = read_pdf(raw).layout
    assert [p.number for p in layout] == [1, 2, 3, 4, 5, 6, 7] and [p.error for p in layout][-1] == LOST
    found = read_agreements(document(raw))
    assert found.errors == [LOST]
    assert [a.pages for a in found.agreements] == ranges[:2]
    assert [a.opd for a in found.agreements] == [None, "Dinas Pendidikan"]
    for agreement, name, pages in zip(found.agreements, bundles.MEMBERS, ranges):
        assert targets(agreement) == expected_targets(name, pages[0])
        assert agreement.first_party.name == GOLD[name]["expected"]["first_party"]["name"]


def test_truncated_bundle_through_the_cli(run, db_path, tmp_path):
    raw, ranges, _ = bundles.build_truncated_bundle()
    path = tmp_path / "PK Perangkat Daerah 2025.pdf"
    path.write_bytes(raw)
    added = run("add", str(path))
    assert added.exit_code == 1
    lines = [line for line in added.output.splitlines() if "truncated" in line]
    assert len(lines) == 1 and LOST in lines[0] and lines[0].endswith("the other pages are stored")
    assert run("process").exit_code == 0
    db = open_db(db_path)
    assert [r["error"] for r in db["ingest_errors"].rows] == [lines[0].removeprefix("error: ")]
    stored = [[r["first_page"], r["last_page"]] for r in db.query("select * from agreements order by id")]
    assert stored == ranges[:2]


def test_a_file_cut_before_any_page_is_whole_is_one_line():
    raw, _, _ = bundles.build_truncated_bundle()
    with pytest.raises(SourceError) as error:
        read_pdf(raw[:600])
    assert str(error.value) == "PDF is truncated (no end-of-file marker): download it again"


def test_owner_password_only_is_read_like_any_pdf():
    """'Owner password only' (printing or copying restricted, the user password empty) is common
    on portals: the file opens without a password, so it is read."""
    name = "kota_dinkes_portrait_ruled"
    locked = pdfencrypt.StandardEncryption("", ownerPassword="pemilik", canCopy=0, canModify=0)
    raw = fixtures.build_case(GOLD[name], encrypt=locked)
    assert b"/Encrypt" in raw
    found = read_agreements(document(raw))
    assert found.errors == [] and len(found.agreements) == 1
    assert targets(found.agreements[0]) == expected_targets(name, 1)


def test_user_password_is_one_line_and_the_other_files_are_stored(run, db_path, tmp_path):
    secret = tmp_path / "PK 2025.pdf"
    secret.write_bytes(fixtures.encrypted_copy())
    good = tmp_path / "Dinkes_PK.pdf"
    good.write_bytes(fixtures.build_case(GOLD["kota_dinkes_portrait_ruled"]))
    added = run("add", str(secret), str(good))
    assert added.exit_code == 1
    lines = [line for line in added.output.splitlines() if "password" in line]
    assert len(lines) == 1 and "PDF is encrypted with a password: ask the publisher for an open copy" in lines[0]
    db = open_db(db_path)
    assert [r["error"] for r in db["ingest_errors"].rows] == [lines[0].removeprefix("error: ")]
    assert [Path(r["path"]).name for r in db.query("select path from documents")] == ["Dinkes_PK.pdf"]


def _digital_page_then_scanned_page() -> bytes:
    digital = fixtures.build_case(GOLD["kota_dinkes_portrait_ruled"])
    scanned = fixtures.scanned_copy(digital)
    out = pdfium.PdfDocument.new()
    for raw, index in ((digital, 0), (scanned, 1)):
        out.import_pages(pdfium.PdfDocument(raw), pages=[index])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


@needs_tesseract
def test_page_over_the_ocr_time_limit_is_one_line_and_the_rest_is_kept(monkeypatch):
    raw = _digital_page_then_scanned_page()
    monkeypatch.setenv("JANJI_OCR_PAGE_S", "0.01")
    found = read_agreements(document(raw))
    assert found.errors == ["page 2: OCR took longer than 0.01 s on this page (the limit per page): "
                            "the scan may be damaged or very large"]
    agreement = found.agreements[0]
    assert agreement.first_party.name == GOLD["kota_dinkes_portrait_ruled"]["expected"]["first_party"]["name"]
    monkeypatch.setenv("JANJI_OCR_PAGE_S", "120")  # the same page within its limit: read
    found = read_agreements(document(raw))
    assert found.errors == [] and targets(found.agreements[0]) == expected_targets("kota_dinkes_portrait_ruled", 1)


@needs_tesseract
def test_page_over_the_time_limit_through_the_cli(run, db_path, tmp_path, monkeypatch):
    path = tmp_path / "PK 2025.pdf"
    path.write_bytes(_digital_page_then_scanned_page())
    monkeypatch.setenv("JANJI_OCR_PAGE_S", "0.01")  # read in a child process: the setting goes with it
    added = run("add", str(path))
    assert added.exit_code == 1
    lines = [line for line in added.output.splitlines() if "limit per page" in line]
    assert len(lines) == 1 and "page 2:" in lines[0]
    assert run("process").exit_code == 0
    db = open_db(db_path)
    assert db.execute("select count(*) from agreements").fetchone()[0] == 1
