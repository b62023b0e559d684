"""Scans that are not flat and upright (scrapers/scan_geometry.py): a phone photo of the sheet
on a desk or taken close, straightened by the sheet's edge or the table frame; a page fed in
sideways, turned; a blurred page (no words, a few, or a table of noise), one error line with the
rest of the document kept."""
from __future__ import annotations

import dataclasses
import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from db import open_db
from extract.pk import read_agreements
from models import Document
from scrapers.pdf import read_pdf
from scrapers.scan_geometry import find_outline, straighten

_spec = importlib.util.spec_from_file_location("make_pk_fixtures", Path(__file__).parent / "pk" / "make_pk_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)
GOLD = fixtures.load_gold()
CASE = GOLD["kota_dinkes_portrait_ruled"]
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")


@pytest.fixture(scope="module")
def digital() -> bytes:
    return fixtures.build_case(CASE)


@pytest.fixture(scope="module")
def digital_tables(digital):
    return [t.rows for t in read_pdf(digital).layout[1].tables]


def document(raw: bytes) -> Document:
    result = read_pdf(raw)
    return Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=result.layout,
                    text_method=result.method)


def expected_targets(case, offset=0):
    return [(t["s"], t["i"], t["t"], t["v"], t["unit"], t["p"] + offset) for t in case["targets"]]


def targets(agreement):
    return [(t.sasaran, t.indikator, t.target, t.value, t.unit, t.page) for t in agreement.targets]


def _sheet_on_desk(corners, size=(800, 1000)):
    image = Image.new("L", size, 90)
    ImageDraw.Draw(image).polygon(corners, fill=235)
    return image


def test_a_sheet_seen_at_an_angle_is_found_by_its_edge():
    corners = [(120, 90), (650, 70), (700, 930), (80, 900)]  # far (top) edge shorter
    found = find_outline(_sheet_on_desk(corners))
    assert found is not None
    quad, is_sheet = found
    assert is_sheet
    for got, want in zip(quad.tolist(), corners):
        assert abs(got[0] - want[0]) <= 6 and abs(got[1] - want[1]) <= 6
    flat, changed = straighten(_sheet_on_desk(corners))
    assert changed and find_outline(flat) is None  # a rectangle now: nothing more to straighten
    assert abs(flat.width - 620) <= 10 and abs(flat.height - 862) <= 10  # the longer of each pair of sides


def test_a_flat_scan_a_little_turned_is_left_to_deskew():
    sheet = _sheet_on_desk([(100, 100), (700, 100), (700, 900), (100, 900)]).rotate(2, fillcolor=90)
    assert find_outline(sheet) is None
    assert straighten(sheet)[1] is False
    blank = Image.new("L", (800, 1000), 255)
    assert find_outline(blank) is None


@needs_tesseract
@pytest.mark.parametrize("name", ["scan_kota_dinkes_phone_photo", "scan_kota_dinkes_phone_close"])
def test_phone_photo_tables_are_the_digital_tables(name, digital, digital_tables):
    """On a desk (straightened by the sheet's edge) and taken close (by the targets table's frame)."""
    raw = fixtures.scanned_copy(digital, **fixtures.SCAN_VARIANTS[name])
    layout = read_pdf(raw).layout
    assert [t.rows for t in layout[1].tables] == digital_tables
    found = read_agreements(document(raw))
    assert found.errors == [] and len(found.agreements) == 1
    assert targets(found.agreements[0]) == expected_targets(CASE)


@needs_tesseract
def test_sideways_page_is_turned_and_read(digital, digital_tables):
    raw = fixtures.scanned_copy(digital, quarter_turn={2}, seed=21)
    layout = read_pdf(raw).layout
    assert layout[0].skew_degrees == pytest.approx(-1.5, abs=0.3)  # the upright page: deskewed only
    page = layout[1]
    assert page.orientation == "portrait" and page.width < page.height  # as the sheet reads, not as it was fed
    assert page.skew_degrees == pytest.approx(270, abs=3)
    assert [t.rows for t in page.tables] == digital_tables
    agreement = read_agreements(document(raw)).agreements[0]
    assert targets(agreement) == expected_targets(CASE)
    assert agreement.first_party.name == CASE["expected"]["first_party"]["name"]


@needs_tesseract
@pytest.mark.parametrize("radius, message", [
    (0.6, r"page 2: a table on the scanned image reads with OCR confidence 0\.[0-5]\d \(blurred, faint or damaged\): "
          r"its rows are not stored"),  # words still come, the cells are noise
    (1.0, r"page 2: the scanned image is too blurred or faint to read \(\d+ words, OCR confidence \d+ of 100\)"),
    (2.5, r"page 2: the scanned image gives no readable text \(damaged, blurred or blank\)"),
])
def test_blurred_page_is_one_error_line_and_the_rest_is_kept(digital, radius, message):
    raw = fixtures.scanned_copy(digital, blur={2: radius})
    found = read_agreements(document(raw))
    assert len(found.errors) == 1 and re.fullmatch(message, found.errors[0]), found.errors
    agreement = found.agreements[0]  # the naskah page still gives the agreement and its parties
    got = dataclasses.asdict(agreement)
    for key in ("year", "opd", "signed_date", "first_party", "second_party"):
        assert got[key] == CASE["expected"][key], key
    assert agreement.targets == [] and agreement.programs == []  # nothing guessed from the blur


@needs_tesseract
def test_blurred_page_through_the_cli(run, db_path, tmp_path, digital):
    path = tmp_path / "scan0002.pdf"
    path.write_bytes(fixtures.scanned_copy(digital, blur={2: 1.0}))
    added = run("add", str(path))
    assert added.exit_code == 1
    lines = [line for line in added.output.splitlines() if "page 2:" in line]
    assert len(lines) == 1 and "too blurred" in lines[0] and lines[0].endswith("the other pages are stored")
    assert run("process").exit_code == 0
    db = open_db(db_path)
    assert [r["error"] for r in db["ingest_errors"].rows] == [lines[0].removeprefix("error: ")]
    rows = list(db.query("select first_party_name, first_page, last_page from agreements"))
    assert rows == [{"first_party_name": CASE["expected"]["first_party"]["name"], "first_page": 1, "last_page": 1}]


def _tessdata_without_osd(tmp_path: Path) -> Path:
    """A Tesseract data folder with the languages and configs but no `osd` data, as a minimal
    install has it."""
    import subprocess

    listing = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=True).stdout
    source = Path(re.search(r'"([^"]+)"', listing).group(1))
    target = tmp_path / "tessdata"
    target.mkdir()
    for name in ("ind.traineddata", "eng.traineddata", "configs", "tessconfigs"):
        if (source / name).exists():
            (target / name).symlink_to(source / name)
    return target


@needs_tesseract
def test_sideways_page_is_turned_without_orientation_data(digital, digital_tables, tmp_path, monkeypatch):
    """No `osd` data: both quarter turns are read and the more confident kept."""
    monkeypatch.setenv("TESSDATA_PREFIX", str(_tessdata_without_osd(tmp_path)))
    page = read_pdf(fixtures.scanned_copy(digital, quarter_turn={2}, seed=21)).layout[1]
    assert page.skew_degrees == pytest.approx(270, abs=3)
    assert [t.rows for t in page.tables] == digital_tables
