"""One PDF holding several OPDs' agreements (tests/pk/make_pk_bundle.py): split into one agreement
each where its title and parties begin, cover and daftar isi skipped, pages kept; a damaged
member page costs that agreement and one error line, not the bundle; in the database the
bundle's agreements are the same rows as the same PKs added as separate files."""
from __future__ import annotations

import dataclasses
import importlib.util
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import open_db
from extract.pk import read_agreements
from extract.pk.bundle import starts_agreement
from janji.cli import cli
from models import Document
from scrapers.pdf import read_pdf

_spec = importlib.util.spec_from_file_location("make_pk_bundle", Path(__file__).parent / "pk" / "make_pk_bundle.py")
bundles = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundles)
GOLD = bundles.fixtures.load_gold()
needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr not installed")


def document(raw: bytes) -> Document:
    result = read_pdf(raw)
    return Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=result.layout,
                    text_method=result.method)


@pytest.fixture(scope="module")
def bundle():
    raw, ranges = bundles.build_bundle()
    return raw, ranges, read_agreements(document(raw))


def _rows(agreement, offset):
    targets = [(t.sasaran, t.indikator, t.target, t.value, t.unit, t.page) for t in agreement.targets]
    programs = [(p.program, p.anggaran, p.keterangan, p.page) for p in agreement.programs]
    return targets, programs


def _expected_rows(case, offset):
    targets = [(t["s"], t["i"], t["t"], t["v"], t["unit"], t["p"] + offset) for t in case["targets"]]
    programs = [(p["k"], p["v"], p["n"], p["p"] + offset) for p in case["programs"]]
    return targets, programs


def _assert_member(agreement, name, pages):
    case = GOLD[name]
    got = dataclasses.asdict(agreement)
    for key, value in case["expected"].items():
        assert got[key] == value, f"{name}: {key}"
    assert agreement.pages == pages
    offset = pages[0] - 1  # the gold pages count from the member's own first page
    assert _rows(agreement, offset) == _expected_rows(case, offset), name


def test_three_agreements_with_their_opds_parties_targets_and_pages(bundle):
    raw, ranges, found = bundle
    assert ranges == [[3, 4], [5, 6], [7, 9]]  # after the cover and the daftar isi
    assert len(found.agreements) == 3 and found.errors == []
    assert [a.opd for a in found.agreements] == [None, "Dinas Pendidikan", "Dinas Pekerjaan Umum dan Penataan Ruang"]
    for agreement, name, pages in zip(found.agreements, bundles.MEMBERS, ranges):
        _assert_member(agreement, name, pages)


def test_cover_daftar_isi_and_lampiran_start_no_agreement(bundle):
    doc = document(bundle[0])
    texts = [doc.text[s.start:s.end] for s in doc.pages]
    assert "PERJANJIAN KINERJA TAHUN 2025" in texts[0] and "Perjanjian Kinerja Tahun 2025" in texts[1]
    assert [starts_agreement(t) for t in texts] == [False, False, True, False, True, False, True, False, False]


def test_a_single_pk_is_one_agreement_over_all_its_pages():
    raw = bundles.fixtures.build_case(GOLD["kota_dinkes_portrait_ruled"])
    found = read_agreements(document(raw))
    assert len(found.agreements) == 1 and found.agreements[0].pages == [1, 2]
    assert found.agreements[0].opd == "Dinas Kesehatan"


@needs_tesseract
def test_damaged_member_page_costs_that_agreement_and_one_error():
    raw, ranges, damaged = bundles.build_damaged_bundle()
    found = read_agreements(document(raw))
    assert found.errors == [f"page {damaged}: the scanned image gives no readable text (damaged, blurred or blank)"]
    # the lost agreement's lampiran (a readable scan) is nobody's: the one before keeps its own rows only
    assert [a.opd for a in found.agreements] == [None, "Dinas Pekerjaan Umum dan Penataan Ruang"]
    _assert_member(found.agreements[0], bundles.MEMBERS[0], ranges[0])
    _assert_member(found.agreements[1], bundles.MEMBERS[2], ranges[2])


AGREEMENT_COLUMNS = """a.year, a.revision, o.name as opd, a.region, a.first_party_name, a.first_party_position,
    a.second_party_name, a.signed_date, a.total_anggaran,
    (select count(*) from agreement_targets t where t.agreement_id = a.id) as targets,
    (select group_concat(t.indikator || '=' || coalesce(t.value, t.target), '; ') from agreement_targets t
     where t.agreement_id = a.id) as values_"""


def _stored(db):
    rows = db.query(f"select {AGREEMENT_COLUMNS} from agreements a left join opds o on o.id = a.opd_id "
                    "order by a.first_party_name")
    timeline = db.query("select official, position, opd, region from positions order by official, position")
    return list(rows), list(timeline)


def test_bundle_rows_equal_separate_files(run, db_path, tmp_path, bundle):
    raw, ranges, _ = bundle
    path = tmp_path / "PK Perangkat Daerah 2025.pdf"
    path.write_bytes(raw)
    assert run("add", str(path)).exit_code == 0
    assert run("process").exit_code == 0
    db = open_db(db_path)
    pages = [[r["first_page"], r["last_page"]] for r in db.query("select * from agreements order by id")]
    assert pages == ranges
    assert db.execute("select kind from documents").fetchone()[0] == "pk"
    from_bundle = _stored(db)

    separate_db, runner = tmp_path / "separate.db", CliRunner()
    for name in bundles.MEMBERS:
        member = tmp_path / f"{name}.pdf"
        member.write_bytes(bundles.fixtures.build_case(GOLD[name]))
        assert runner.invoke(cli, ["add", "--db", str(separate_db), str(member)]).exit_code == 0
    assert runner.invoke(cli, ["process", "--db", str(separate_db)]).exit_code == 0
    assert from_bundle == _stored(open_db(separate_db))
    assert len(from_bundle[0]) == 3


@needs_tesseract
def test_damaged_page_is_one_error_line_and_the_bundle_is_stored(run, db_path, tmp_path):
    raw, ranges, damaged = bundles.build_damaged_bundle()
    path = tmp_path / "scan0001.pdf"
    path.write_bytes(raw)
    added = run("add", str(path))
    assert added.exit_code == 1  # something to look at, though the document is stored
    lines = [line for line in added.output.splitlines() if f"page {damaged}:" in line]
    assert len(lines) == 1 and "the other pages are stored" in lines[0]
    db = open_db(db_path)
    assert [r["error"] for r in db["ingest_errors"].rows] == [lines[0].removeprefix("error: ")]
    assert run("process").exit_code == 0
    stored = [(r["opd"], r["first_page"], r["last_page"]) for r in db.query(
        "select o.name as opd, a.first_page, a.last_page from agreements a left join opds o on o.id = a.opd_id order by a.id")]
    assert stored == [(None, *ranges[0]), ("Dinas Pekerjaan Umum dan Penataan Ruang", *ranges[2])]
