"""PK Perubahan diffs stored after processing: the demo corpus's Dinkes PK and its revision
(imunisasi lowered, Paripurna raised, IKM reworded, Posyandu aktif added, JKN dropped, one budget
cut), through `janji diff`, the views and the canned query."""
from __future__ import annotations

import pytest

from db import open_db
from tests.compare_db import build, datasette_get, janji, janji_json


@pytest.fixture(scope="module")
def pk_db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("diff") / "diff.db", news=())


def _targets(diff: dict) -> dict:
    return {t["indikator_before"] or t["indikator_after"]: t for t in diff["targets"]}


def test_diff_rows_name_every_change(pk_db):
    [diff] = janji_json(pk_db, "diff", "--opd", "Dinkes", "--year", "2025")
    assert (diff["region"], diff["year"], diff["revision_number"]) == ("Kota Jambi", 2025, 1)
    assert (diff["original_signed_date"], diff["revised_signed_date"]) == ("2025-01-02", "2025-06-30")
    rows = _targets(diff)
    imunisasi = rows["Cakupan imunisasi dasar lengkap"]
    assert (imunisasi["change"], imunisasi["value_before"], imunisasi["value_after"], imunisasi["change_pct"]) == (
        "lowered", 95.0, 92.0, -3.16)
    paripurna = rows["Persentase Puskesmas terakreditasi Paripurna"]
    assert (paripurna["change"], paripurna["target_before"], paripurna["target_after"], paripurna["change_pct"]) == (
        "raised", "60", "65", 8.33)
    ikm = rows["Indeks Kepuasan Masyarakat terhadap pelayanan Puskesmas"]
    assert (ikm["change"], ikm["reworded"], ikm["indikator_after"]) == (
        "unchanged", 1, "Indeks Kepuasan Masyarakat (IKM) pada layanan Puskesmas")
    assert rows["Persentase Posyandu aktif"]["change"] == "added"
    assert rows["Persentase Posyandu aktif"]["value_after"] == 90.0
    assert rows["Persentase penduduk terdaftar JKN (Universal Health Coverage)"]["change"] == "dropped"
    assert rows["Prevalensi stunting pada balita"]["change"] == "unchanged"
    programs = {p["program_before"] or p["program_after"]: p for p in diff["programs"]}
    cut = programs["Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"]
    assert (cut["change"], cut["anggaran_before"] - cut["anggaran_after"], cut["change_pct"]) == ("cut", 2_871_050_000.0, -5.44)
    assert [p["change"] for p in diff["programs"]].count("unchanged") == len(diff["programs"]) - 1
    assert diff["total_before"] - diff["total_after"] == 2_871_050_000.0
    assert diff["total_change_pct"] == -3.03


def test_diff_table_and_filters(pk_db):
    table = janji(pk_db, "diff", "--opd", "kesehatan", "--region", "Kota Jambi").output
    assert "lowered" in table and "Cakupan imunisasi dasar lengkap" in table and "-3.16 %" in table
    assert "reworded" in table and "2,871,050,000" not in table  # budgets are printed per program
    assert "52,786,340,500" in table and "49,915,290,500" in table
    assert janji_json(pk_db, "diff", "--opd", "Dinkes", "--year", "2024") == []
    assert janji_json(pk_db, "diff", "--opd", "Disdik") == []


def test_recomputing_replaces_the_rows(pk_db):
    db = open_db(pk_db)
    before = {t: db[t].count for t in ("agreement_diffs", "target_changes", "program_changes")}
    db.close()
    janji(pk_db, "process", "--all")
    janji(pk_db, "process")  # nothing new: recomputed again
    db = open_db(pk_db)
    assert {t: db[t].count for t in before} == before == {"agreement_diffs": 1, "target_changes": 9, "program_changes": 5}
    # the diff points at the re-created agreements
    [row] = list(db.query("select * from agreement_diffs"))
    revised = db["agreements"].get(row["revised_agreement_id"])
    assert (revised["revision"], revised["document_id"]) == (1, row["revised_document_id"])


def test_view_and_canned_query_targets_lowered(pk_db):
    rows = datasette_get(pk_db, "/diff/targets_lowered_in_revisions.json?opd=Dinkes&year=2025&region=&_shape=array").json()
    assert [(r["indikator"], r["target_before"], r["target_after"], r["change_pct"]) for r in rows] == [
        ("Cakupan imunisasi dasar lengkap", "95", "92", -3.16)]
    assert datasette_get(pk_db, "/diff/targets_lowered_in_revisions.json?opd=&year=&region=&_shape=array").json() == rows
    assert datasette_get(pk_db, "/diff/targets_lowered_in_revisions.json?opd=Disdik&year=&region=&_shape=array").json() == []
    details = datasette_get(pk_db, "/diff/target_change_details.json?change=added&_shape=array").json()
    assert [d["indikator_after"] for d in details] == ["Persentase Posyandu aktif"]
    budgets = datasette_get(pk_db, "/diff/program_change_details.json?change=cut&_shape=array").json()
    assert len(budgets) == 1 and budgets[0]["change_pct"] == -5.44
