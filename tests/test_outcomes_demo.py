"""`janji demo --no-serve` gives the right target_outcomes for the bundled corpus: the Dinkes and
Disdik Kota Jambi PKs of 2025 (Dinkes revised by a PK Perubahan) against their LKjIP 2025, read by
the real readers from the generated PDFs; imunisasi lowered 95 -> 92 % and still missed."""
from __future__ import annotations

import json

from click.testing import CliRunner

from db import open_db
from janji.cli import cli

DINKES, DISDIK = "Dinas Kesehatan", "Dinas Pendidikan"
# (opd, indikator of the PK in force) -> (verdict, target, realisasi, capaian, direction, revision_change)
EXPECTED = {
    (DINKES, "Prevalensi stunting pada balita"): ("met", "12", "11,4", 105.0, "lower", "unchanged"),
    (DINKES, "Angka Kematian Ibu (AKI)"): ("not met", "85", "92", 91.76, "lower", "unchanged"),
    (DINKES, "Cakupan imunisasi dasar lengkap"): ("not met", "92", "89,7", 97.5, "higher", "lowered"),
    (DINKES, "Persentase Posyandu aktif"): ("met", "90", "91,5", 101.67, "higher", "added"),
    (DINKES, "Indeks Kepuasan Masyarakat (IKM) pada layanan Puskesmas"): ("met", "82,5", "83,1", 100.73, "higher", "unchanged"),
    (DINKES, "Persentase Puskesmas terakreditasi Paripurna"): ("met", "65", "65", 100.0, None, "raised"),
    (DINKES, "Nilai SAKIP Dinas Kesehatan"): ("not met", "75", "72,4", 96.53, "higher", "unchanged"),
    (DINKES, "Opini BPK atas Laporan Keuangan Pemerintah Daerah"): ("met", "WTP", "WTP", 100.0, None, "unchanged"),
    (DISDIK, "Angka Partisipasi Murni (APM) SD/MI"): ("met", "97,5", "97,8", 100.31, "higher", None),
    (DISDIK, "Angka Partisipasi Murni (APM) SMP/MTs"): ("not met", "82", "80,6", 98.29, "higher", None),
    (DISDIK, "Angka putus sekolah jenjang SMP"): ("met", "0,15", "0,12", 120.0, "lower", None),
    (DISDIK, "Persentase sekolah terakreditasi minimal B"): ("met", "92", "93", 101.09, "higher", None),
    (DISDIK, "Persentase guru bersertifikat pendidik"): ("not met", "78", "76,2", 97.69, "higher", None),
    (DISDIK, "Indeks Kepuasan Masyarakat layanan pendidikan"): ("unknown", "83", "belum tersedia", None, None, None),
    (DISDIK, "Nilai SAKIP Dinas Pendidikan"): ("met", "76", "76,8", 101.05, "higher", None),
}


def _document(db, name: str) -> int:
    [row] = list(db.query("select id from documents where path like ?", [f"%/{name}"]))
    return row["id"]


def test_demo_target_outcomes(demo_db):
    db = open_db(demo_db)
    rows = {(r["opd"], r["indikator"]): r for r in db.query("select * from target_outcomes")}
    assert {k: (r["verdict"], r["target"], r["realisasi"], r["capaian"], r["direction"], r["revision_change"])
            for k, r in rows.items()} == EXPECTED
    assert {(r["region"], r["year"]) for r in rows.values()} == {("Kota Jambi", 2025)}
    assert not any(r["report_target_differs"] for r in rows.values())  # the reports restate the targets in force
    assert not any(r["candidates"] for r in rows.values())
    # both sides point at their document and page
    dinkes_report, disdik_report = _document(db, "lkjip-dinkes-kota-jambi-2025.pdf"), _document(db, "lkjip-disdik-kota-jambi-2025.pdf")
    perubahan, disdik_pk = _document(db, "pk-perubahan-dinkes-kota-jambi-2025.pdf"), _document(db, "pk-disdik-kota-jambi-2025.pdf")
    for (opd, _), r in rows.items():
        assert (r["target_document_id"], r["report_document_id"]) == (
            (perubahan, dinkes_report) if opd == DINKES else (disdik_pk, disdik_report))
        assert r["target_page"] and r["report_page"]
    # lowered by the PK Perubahan, then missed
    imunisasi = rows[(DINKES, "Cakupan imunisasi dasar lengkap")]
    assert (imunisasi["revised"], imunisasi["eased"], imunisasi["original_target"], imunisasi["original_target_value"]) == (
        1, 1, "95", 95.0)
    assert imunisasi["original_document_id"] == _document(db, "pk-dinkes-kota-jambi-2025.pdf")
    assert (imunisasi["target_value"], imunisasi["realisasi_value"]) == (92.0, 89.7)
    db.close()


def test_demo_outcomes_command_and_feed(demo_db):
    result = CliRunner().invoke(cli, ["outcomes", "--db", str(demo_db), "--opd", "Kadinkes", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert {r["indikator"] for r in json.loads(result.output)} == {k[1] for k in EXPECTED if k[0] == DINKES}
    table = CliRunner().invoke(cli, ["outcomes", "--db", str(demo_db)]).output
    assert table.strip().splitlines()[-1] == "9 met, 5 not met, 1 unknown"
    feed = json.loads(CliRunner().invoke(cli, ["changes", "--db", str(demo_db), "--since", "2026-01-01",
                                               "--format", "json"]).output)
    missed = {r["title"] for r in feed if r["item"] == "target missed"}
    assert "Cakupan imunisasi dasar lengkap: target 92 % (lowered from 95), realised 89,7 (capaian 97.5 %)" in missed
    assert len(missed) == 5


def test_the_demo_says_how_many_targets_it_matched(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--no-serve", "--db", str(tmp_path / "d.db")], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert f"outcomes: {len(EXPECTED)} targets in force, {len(EXPECTED)} matched to a performance report row" in result.output
