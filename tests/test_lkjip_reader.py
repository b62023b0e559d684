"""extract.lkjip.read_report against the hand-written gold set (tests/lkjip/lkjip_gold.py)."""
from __future__ import annotations

import dataclasses
import importlib.util
import shutil
from pathlib import Path

import pytest

from extract.lkjip import NO_TABLE, read_report
from extract.lkjip.chapters import _label, chapter_at, chapter_marks
from extract.lkjip.cover import read_cover
from extract.lkjip.direction import by_numbers, by_words, direction
from extract.lkjip.values import read_amount, read_value
from models import Document
from models.pdf_layout import PdfPage, PdfWord
from scrapers.pdf import read_pdf

_spec = importlib.util.spec_from_file_location("make_lkjip_fixtures", Path(__file__).parent / "lkjip" / "make_lkjip_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)
GOLD = fixtures.load_gold()
CASES = GOLD.CASES
FIELDS = ("sasaran", "indikator", "satuan", "target", "target_value", "realisasi", "realisasi_value", "capaian",
          "direction", "page", "kriteria")
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    return fixtures.generate(tmp_path_factory.getbasetemp() / "lkjip_pdfs")


def document(path: Path) -> Document:
    raw = path.read_bytes()
    result = read_pdf(raw)
    return Document(raw=raw, text=result.text, kind="pdf", path=str(path), pages=result.pages,
                    layout=result.layout, text_method=result.method)


@pytest.fixture(scope="session")
def reads(pdfs):
    return {name: read_report(document(pdfs[name])) for name in CASES}


def expected_rows(case) -> list[dict]:
    return [dict(zip(FIELDS, (a["s"], a["i"], a["u"], a["t"], a["tv"], a["r"], a["rv"], a["cv"], a["d"], a["p"], a["k"])))
            for a in case["achievements"]]


def expected_budget(case) -> list[dict]:
    return [{"program": b["k"], "pagu": b["av"], "realisasi": b["rv"], "persen": b["cv"], "page": b["p"]} for b in case["budget"]]


def _separators(row: dict) -> dict:
    """OCR may read a small decimal comma as a dot ("88,4" -> "88.4"): the printed strings of a scan
    are compared with "," for ".", the values (which the reader must get right) as they are."""
    return {k: v.replace(".", ",") if k in ("target", "realisasi") and isinstance(v, str) else v for k, v in row.items()}


def check_report(found, case, scanned: bool = False) -> None:
    report = dataclasses.asdict(found.report)
    for key, value in case["expected"].items():
        assert report[key] == value, key
    got = [{k: row[k] for k in FIELDS} for row in report["achievements"]]
    want = expected_rows(case)
    if scanned:
        got, want = [_separators(r) for r in got], [_separators(r) for r in want]
    assert len(got) == len(want)
    for index, (g, w) in enumerate(zip(got, want)):
        assert g == w, f"row {index + 1}"
    assert report["budget"] == expected_budget(case)
    assert report["skipped_rows"] == case["skipped"]


@pytest.mark.parametrize("name", list(CASES))
def test_every_field_of_every_layout(reads, name):
    check_report(reads[name], CASES[name])
    assert reads[name].errors == []


@needs_tesseract
def test_scanned_report_reads_like_its_digital_original(pdfs):
    scan, original = GOLD.SCANNED
    doc = document(pdfs[scan])
    assert {p.method for p in doc.layout} == {"ocr"}  # no text layer: every page went through OCR
    check_report(read_report(doc), CASES[original], scanned=True)


def test_trap_tables_are_not_read(reads):
    """Bab II's restated targets (with last year's realisation in one layout), the ikhtisar's summary,
    the rating scale and the lampiran's PK all carry indicator or Kriteria columns: none is read."""
    for name, found in reads.items():
        pages = {a.page for a in found.report.achievements}
        assert pages <= {a["p"] for a in CASES[name]["achievements"]}, name
        assert not any(a.kriteria in ("Sangat Kurang", "Cukup") for a in found.report.achievements)
    years = reads["kab_disdik_earlier_years"].report.achievements
    assert [a.realisasi for a in years][:2] == ["97,30", "79,85"]  # 2025's, not 2023's or 2024's
    assert [a.target for a in years][:2] == ["97,25", "81,10"]      # 2025's, not the Renstra's end target


def test_unavailable_and_qualitative_values(reads):
    plain = {a.indikator: a for a in reads["kota_dinkes_plain"].report.achievements}
    dbd, opini = plain["Angka kesakitan DBD"], plain["Opini BPK atas laporan keuangan"]
    assert (dbd.realisasi, dbd.realisasi_value, dbd.capaian) == ("n/a", None, None)
    assert (opini.target, opini.target_value, opini.realisasi, opini.realisasi_value, opini.capaian) == ("WTP", None, "WTP", None, 100.0)
    ikm = reads["kab_disdik_earlier_years"].report.achievements[-1]
    assert (ikm.realisasi, ikm.realisasi_value) == ("belum tersedia", None)


def test_unreadable_row_is_recorded_not_invented(reads):
    found = reads["kota_bpkad_kriteria"].report
    assert "Persentase SPM yang diverifikasi tepat waktu" not in {a.indikator for a in found.achievements}
    assert len(found.skipped_rows) == 1 and "9O,5" in found.skipped_rows[0]


def test_report_without_achievements_table_says_so_once(pdfs):
    name, case = GOLD.NO_TABLE_CASE
    found = read_report(document(pdfs[name]))
    assert found.errors == [NO_TABLE]
    assert found.report.achievements == [] and found.report.budget == []
    expected = case["expected"]
    assert (found.report.year, found.report.opd, found.report.region, found.report.pages) == (
        expected["year"], expected["opd"], expected["region"], expected["pages"])


def test_pipeline_marks_a_report_and_keeps_a_pk_a_pk(pdfs):
    from extract.pipeline import Extractor
    from scrapers.files import read_path
    from tests.conftest import CORPUS

    extractor = Extractor()
    report = extractor.extract(document(pdfs["kota_dinsos_merged"])).to_dict()
    assert report["source"]["kind"] == "lkjip" and report["agreements"] == []
    assert report["report"]["opd"] == "Dinas Sosial" and len(report["report"]["achievements"]) == 5
    bare = extractor.extract(document(pdfs[GOLD.NO_TABLE_CASE[0]])).to_dict()
    assert bare["errors"] == [NO_TABLE] and bare["source"]["kind"] == "lkjip"
    assert (bare["report"]["year"], bare["report"]["opd"], bare["report"]["achievements"]) == (2024, "Dinas Perhubungan", [])
    pk = extractor.extract(read_path(CORPUS / "pk-dinkes-kota-jambi-2025.pdf")).to_dict()
    assert pk["source"]["kind"] == "pk" and pk["report"] is None and len(pk["agreements"]) == 1


@pytest.mark.parametrize("printed, value, readable", [
    ("97,37 %", 97.37, True), ("n/a", None, True), ("-", None, True), ("belum tersedia", None, True),
    ("WTP", None, True), ("BB", None, True), ("1.250", 1250.0, True), ("9O,5", None, False), ("12,5x", None, False),
])
def test_cell_values(printed, value, readable):
    cell = read_value(printed)
    assert (cell.printed, cell.value, cell.readable) == (printed, value, readable)


def test_amounts_also_with_spaced_thousands():
    assert read_amount("Rp 2.750.000.000,00") == read_amount("2 750 000.000,00") == 2750000000.0
    assert read_amount("2.604 250 000,00") == 2604250000.0 and read_amount("1.198.000.000.00") == 1198000000.0
    assert read_amount("12 5") is None and read_amount(None) is None


def test_direction_from_the_printed_capaian_then_the_words():
    assert by_numbers(14.0, 13.2, 106.06, "106,06") == "lower"      # target / realisasi
    assert by_numbers(25.0, 31.0, 76.0, "76,00") == "lower"          # 2 x target - realisasi
    assert by_numbers(82.5, 80.1, 97.09, "97,09") == "higher"
    assert by_numbers(60.0, 60.0, 100.0, "100,00") is None           # every formula gives 100
    assert by_numbers(80.0, 130.0, 120.0, "120") is None             # a capped capaian tells nothing
    assert by_words("Prevalensi stunting pada balita") == "lower"
    assert by_words("Persentase tindak lanjut temuan BPK") is None
    assert direction("Angka kemiskinan", 8.5, 8.5, 100.0, "100") == "lower"
    assert direction("Angka kemiskinan", 8.5, 8.0, 94.12, "94,12") == "higher"  # the printed capaian wins


def test_chapter_numbers_as_ocr_reads_them():
    assert [_label(n) for n in ("III", "Ill", "II1", "IV", "3", "II")] == ["III", "III", "III", "IV", "III", "II"]


def _page(number: int, lines: list[str]) -> PdfPage:
    words = [PdfWord(text, 60 + 40 * i, 70 + 20 * n, 95 + 40 * i, 80 + 20 * n)
             for n, line in enumerate(lines) for i, text in enumerate(line.split())]
    return PdfPage(number, 595, 842, words)


def test_chapter_headings_not_the_daftar_isi_nor_the_sistematika():
    pages = [_page(3, ["DAFTAR ISI", "BAB III AKUNTABILITAS KINERJA ........ 12"]),
             _page(4, ["BAB I", "PENDAHULUAN", "Bab II Perencanaan Kinerja, berisi rencana strategis",
                       "BAB III berisi capaian kinerja organisasi"]),
             _page(6, ["BAB Ill AKUNTABILITAS KINERJA"]), _page(9, ["LAMPIRAN"])]
    marks = chapter_marks(pages)
    assert [(page, chapter) for page, _, chapter in marks] == [(4, "I"), (6, "III"), (9, "LAMPIRAN")]
    assert chapter_at(marks, 5, 100.0) == "I" and chapter_at(marks, 7, 0.0) == "III" and chapter_at(marks, 2, 0.0) is None


@pytest.mark.parametrize("text, expected", [
    ("LAPORAN KINERJA INSTANSI PEMERINTAH\n(LKjIP)\nTAHUN 2024\nDINAS KESEHATAN\nKOTA JAMBI", (2024, "Dinas Kesehatan", "Kota Jambi")),
    ("LAKIP\nBADAN PERENCANAAN PEMBANGUNAN DAERAH KABUPATEN MUARO JAMBI\nTAHUN ANGGARAN 2023",
     (2023, "Badan Perencanaan Pembangunan Daerah", "Kabupaten Muaro Jambi")),
    ("PERJANJIAN KINERJA TAHUN 2025\nDINAS KESEHATAN KOTA JAMBI\nlaporan kinerja triwulan", None),
    ("Wali Kota minta OPD segera menyusun laporan keuangan", None),
])
def test_cover(text, expected):
    cover = read_cover(Document(raw=b"", text=text, kind="pdf"))
    assert (None if cover is None else (cover.year, cover.opd, cover.region)) == expected


def test_a_speck_in_a_blank_sasaran_cell_keeps_the_sasaran_above():
    from extract.lkjip.rows import achievements
    from extract.pk.tables import TableRows

    columns = ["no", "sasaran", "indikator", "satuan", "target", "realisasi", "capaian"]
    table = TableRows("achievements", columns, [(9, ["1", "Meningkatnya layanan", "Indeks A", "%", "90", "92,5", "102,78"]),
                                                (9, ["2", ".", "Indeks B", "%", "70", "66,5", "95,00"])])
    skipped: list[str] = []
    assert [a.sasaran for a in achievements([table], skipped)] == ["Meningkatnya layanan"] * 2 and skipped == []
