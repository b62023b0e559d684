"""extract.pk.read_agreement against the hand-written gold set (tests/pk/pk_gold.py)."""
from __future__ import annotations

import dataclasses
import importlib.util
import shutil
from pathlib import Path

import pytest

from extract.pk import read_agreement
from extract.pk.dates import find_signing, parse_date
from extract.pk.nip import find_nip, validate_nip
from extract.pk.numbers import parse_amount, parse_target
from extract.pk.people import bare_name, parse_position
from models import Document
from scrapers.pdf import read_pdf

_spec = importlib.util.spec_from_file_location("make_pk_fixtures", Path(__file__).parent / "pk" / "make_pk_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)
GOLD = fixtures.load_gold()


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    return fixtures.generate(tmp_path_factory.getbasetemp() / "pk_pdfs")


def document(path: Path) -> Document:
    raw = path.read_bytes()
    result = read_pdf(raw)
    return Document(raw=raw, text=result.text, kind="pk", path=str(path), pages=result.pages,
                    layout=result.layout, text_method=result.method)


@pytest.fixture(scope="session")
def agreements(pdfs):
    return {name: read_agreement(document(pdfs[name])) for name in GOLD}


def expected_targets(case):
    return [{"sasaran": t["s"], "indikator": t["i"], "target": t["t"], "value": t["v"], "unit": t["unit"], "page": t["p"]}
            for t in case["targets"]]


def expected_programs(case):
    return [{"program": p["k"], "anggaran": p["v"], "keterangan": p["n"], "page": p["p"]} for p in case["programs"]]


@pytest.mark.parametrize("name", list(GOLD))
def test_agreement_fields(agreements, name):
    got = dataclasses.asdict(agreements[name])
    for key, value in GOLD[name]["expected"].items():
        assert got[key] == value, key


@pytest.mark.parametrize("name", list(GOLD))
def test_every_target_row(agreements, name):
    got = [dataclasses.asdict(t) for t in agreements[name].targets]
    want = expected_targets(GOLD[name])
    assert len(got) == len(want)
    for row, (g, w) in enumerate(zip(got, want)):
        assert g == w, f"row {row}"


@pytest.mark.parametrize("name", list(GOLD))
def test_every_program_row(agreements, name):
    assert [dataclasses.asdict(p) for p in agreements[name].programs] == expected_programs(GOLD[name])


def test_jumlah_mismatch_is_reported_not_hidden(agreements):
    pk = agreements["kota_bappeda_perubahan_mismatch"]
    assert pk.total_anggaran == 1735567890.0
    assert sum(p.anggaran for p in pk.programs) == 1734567890.0
    assert pk.total_mismatch == 1000000.0


def test_layout_stored_as_json_dicts_reads_the_same(pdfs, agreements):
    doc = document(pdfs["kab_pupr_f4_eselon3_pagebreak"])
    doc.layout = [dataclasses.asdict(page) for page in doc.layout]  # as a db round trip would
    assert read_agreement(doc) == agreements["kab_pupr_f4_eselon3_pagebreak"]


def test_not_a_pk_returns_none():
    news = "Wali Kota menandatangani perjanjian kinerja tahun 2025 bersama kepala OPD, Rabu (8/1/2025)."
    assert read_agreement(Document(raw=b"", text=news, kind="news")) is None
    assert read_agreement(Document(raw=b"", text="", kind="pdf")) is None
    assert read_agreement(Document(raw=b"", text="LAPORAN KINERJA TAHUN 2024\nPIHAK PERTAMA", kind="pdf")) is None


def test_text_only_document_still_reads_opening_blocks():
    text = ("PERJANJIAN KINERJA TAHUN 2025\nDINAS SOSIAL\nNama : Hj. Nur Aini, S.Sos.\n"
            "Jabatan : Kepala Dinas Sosial Kota Jambi\nNIP : 197502102001122001\n"
            "selanjutnya disebut PIHAK PERTAMA.\nNama : H. Maulana\nJabatan : Walikota Jambi\n"
            "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.\nJambi, 2 Jan 2025")
    pk = read_agreement(Document(raw=b"", text=text, kind="text"))
    assert (pk.year, pk.opd, pk.region, pk.signed_place, pk.signed_date) == (2025, "Dinas Sosial", "Kota Jambi", "Jambi", "2025-01-02")
    assert dataclasses.asdict(pk.first_party) == {"name": "Nur Aini", "full_name": "Hj. Nur Aini, S.Sos.",
                                                  "position": "Kepala Dinas Sosial", "nip": "197502102001122001",
                                                  "acting": None}
    assert dataclasses.asdict(pk.second_party) == {"name": "Maulana", "full_name": "H. Maulana", "position": "Wali Kota", "nip": None,
                                                   "acting": None}
    assert pk.targets == [] and pk.programs == [] and pk.total_anggaran is None


@pytest.mark.parametrize("printed, value", [
    ("Rp 1.234.567,00", 1234567.0), ("Rp 1.234.567.890,00", 1234567890.0), ("Rp. 500.000.000,-", 500000000.0),
    ("Rp1,25 miliar", 1250000000.0), ("Rp 750 juta", 750000000.0), ("1.250.000", 1250000.0),
    ("", None), ("-", None), ("Rp xx", None), ("Rp 5 kodi", None),
])
def test_parse_amount(printed, value):
    assert parse_amount(printed) == value


@pytest.mark.parametrize("printed, value, unit", [
    ("98,5 %", 98.5, "%"), ("98,5%", 98.5, "%"), ("72,40 Nilai", 72.4, "Nilai"),
    ("25 per 100.000 penduduk", 25.0, "per 100.000 penduduk"), ("BB", None, None), ("WTP", None, None),
    ("1.250", 1250.0, None), ("12", 12.0, None), ("≥ 80 %", 80.0, "%"), ("", None, None),
])
def test_parse_target(printed, value, unit):
    assert parse_target(printed) == (value, unit)


@pytest.mark.parametrize("printed, nip", [
    ("NIP 19750812 200003 1 004", "197508122000031004"), ("NIP. 198203142009012007", "198203142009012007"),
    ("NIP 19820314 200901 3 007", None),   # gender digit 3
    ("NIP 19821314 200901 2 007", None),   # month 13
    ("NIP 19820314 198001 2 007", None),   # CPNS before birth
    ("NIP 19820314 200913 2 007", None),   # CPNS month 13
    ("NIP 19820314 200901 2 000", None),   # sequence 000
    ("NIP 1982031420090120", None),        # 16 digits
])
def test_nip_validation(printed, nip):
    assert find_nip(printed) == nip
    assert validate_nip("198203142009012007") and not validate_nip("19820314200901200")


@pytest.mark.parametrize("printed, iso", [
    ("2 Januari 2025", "2025-01-02"), ("3 Pebruari 2026", "2026-02-03"), ("5 Feb 2025", "2025-02-05"),
    ("17 Agt 2025", "2025-08-17"), ("1 Nopember 2024", "2024-11-01"), ("02-01-2025", "2025-01-02"),
    ("31 Februari 2025", None), ("2 Brumaire 2025", None), ("2025", None),
])
def test_parse_date(printed, iso):
    assert parse_date(printed) == iso


def test_find_signing_both_styles():
    assert find_signing(["Muara Bulian, 6 Januari 2025"]) == ("Muara Bulian", "2025-01-06")
    assert find_signing(["Ditetapkan di : Jambi", "Pada tanggal : 10 Maret 2025"]) == ("Jambi", "2025-03-10")
    assert find_signing(["Peraturan Wali Kota Nomor 5 Tahun 2025"]) == (None, None)


@pytest.mark.parametrize("full, bare", [
    ("dr. Hj. SITI AMINAH, M.Kes", "Siti Aminah"), ("Dr. Ir. H. Ahmad Yani, M.Si.", "Ahmad Yani"),
    ("Drs. H. AHMAD FAUZI, M.Si", "Ahmad Fauzi"), ("Yusuf Harahap S.E.", "Yusuf Harahap"), ("", None),
])
def test_bare_name(full, bare):
    assert bare_name(full) == bare


@pytest.mark.parametrize("printed, parsed", [
    ("Plt. Kepala Dinas Kesehatan Kota Jambi", ("Kepala Dinas Kesehatan", "Plt.", "Dinas Kesehatan", "Kota Jambi")),
    ("PJ. BUPATI MUARO JAMBI", ("Bupati", "Pj.", None, "Kabupaten Muaro Jambi")),
    ("Pelaksana Tugas KEPALA DINAS PENDIDIKAN", ("Kepala Dinas Pendidikan", "Plt.", "Dinas Pendidikan", None)),
    ("Camat Kota Baru Kota Jambi", ("Camat Kota Baru", None, "Kecamatan Kota Baru", "Kota Jambi")),
    ("Sekda Kabupaten Batanghari", ("Sekretaris Daerah", None, "Sekretariat Daerah", "Kabupaten Batanghari")),
    ("Kepala Satpol PP", ("Kepala Satuan Polisi Pamong Praja", None, "Satuan Polisi Pamong Praja", None)),
])
def test_parse_position(printed, parsed):
    assert parse_position(printed) == parsed


needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract binary not installed (apt-get install tesseract-ocr tesseract-ocr-ind)")


@needs_tesseract
@pytest.mark.parametrize("name", list(fixtures.SCAN_VARIANTS))
def test_scanned_pk_reads_every_field_and_row_exactly(pdfs, name):
    """Scans as published (200 dpi; rotated 2° at 150 dpi with JPEG noise; 300 dpi; stamped over
    the table): the targets and programs tables are read from the image, cell by cell."""
    pk = read_agreement(document(pdfs[name]))
    case = GOLD["kota_dinkes_portrait_ruled"]
    got = dataclasses.asdict(pk)
    for key, value in case["expected"].items():
        assert got[key] == value, key
    assert [dataclasses.asdict(p) for p in pk.programs] == expected_programs(case)
    assert [dataclasses.asdict(t) for t in pk.targets] == expected_targets(case)


@needs_tesseract
def test_scanned_tables_are_the_digital_pages_tables(pdfs):
    """One path for both: the lampiran's tables read from the scan hold the same cells (merged
    sasaran as None below its first row) as pdfplumber's from the digital original."""
    digital = read_pdf(pdfs["kota_dinkes_portrait_ruled"].read_bytes()).layout[1].tables
    scanned = read_pdf(pdfs["scan_kota_dinkes"].read_bytes()).layout[1]
    assert scanned.method == "ocr" and len(scanned.tables) == len(digital) == 2
    assert [t.rows for t in scanned.tables] == [t.rows for t in digital]
    assert all(0.8 < t.confidence <= 1 for t in scanned.tables) and all(t.confidence is None for t in digital)


@needs_tesseract
@pytest.mark.parametrize("name", [n for n in GOLD if n != "kota_dinkes_portrait_ruled"])  # that one: above
def test_scan_of_every_layout_reads_its_tables_exactly(name):
    """Every gold layout as an office scan: ruled tables from the image, unruled ones from the
    words (a lone "%" read again with eng), split tables, landscape lampiran."""
    raw = fixtures.scanned_copy(fixtures.build_case(GOLD[name]))
    result = read_pdf(raw)
    pk = read_agreement(Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=result.layout))
    assert [dataclasses.asdict(t) for t in pk.targets] == expected_targets(GOLD[name])
    assert [dataclasses.asdict(p) for p in pk.programs] == expected_programs(GOLD[name])
    assert (pk.total_anggaran, pk.total_mismatch) == (GOLD[name]["expected"]["total_anggaran"],
                                                      GOLD[name]["expected"]["total_mismatch"])
