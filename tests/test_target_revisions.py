"""target_revisions: every change kind of the PK Perubahan diff (lowered, raised, unchanged,
reworded, added, dropped, unit changed), the change in percent with the points beside it; the
agreements written through db.store, compared by janji.compare as after `janji process`."""
from __future__ import annotations

import pytest

from db import open_db
from db.store import replace_extraction, store_document
from janji.compare import refresh_comparisons
from models import Agreement, Document, Extraction, Party, Target

BEFORE = [
    Target("Derajat kesehatan", "Cakupan imunisasi dasar lengkap", "95", 95.0, "%", 3),
    Target("Derajat kesehatan", "Angka kematian ibu per 100.000 kelahiran hidup", "120", 120.0, "per 100.000", 3),
    Target("Derajat kesehatan", "Jumlah puskesmas terakreditasi paripurna", "8", 8.0, "puskesmas", 3),
    Target("Derajat kesehatan", "Persentase rumah tangga berperilaku hidup bersih dan sehat", "70", 70.0, "%", 3),
    Target("Derajat kesehatan", "Prevalensi stunting pada balita", "14", 14.0, "%", 3),
    Target("Derajat kesehatan", "Rasio dokter terhadap jumlah penduduk", "1", 1.0, "per 1.000", 3),
    Target("Tata kelola", "Opini BPK atas laporan keuangan dinas", "WTP", None, None, 4),
]
AFTER = [
    Target("Derajat kesehatan", "Cakupan imunisasi dasar lengkap", "92", 92.0, "%", 3),                   # lowered
    Target("Derajat kesehatan", "Angka kematian ibu per 100.000 kelahiran hidup", "120", 120.0, "per 100.000", 3),  # unchanged
    Target("Derajat kesehatan", "Jumlah puskesmas terakreditasi paripurna", "10", 10.0, "puskesmas", 3),  # raised
    Target("Derajat kesehatan", "Persentase rumah tangga yang berperilaku hidup bersih dan sehat (PHBS)",
           "70", 70.0, "%", 3),                                                                            # reworded
    # stunting dropped
    Target("Derajat kesehatan", "Rasio dokter terhadap jumlah penduduk", "0,8", 0.8, "per 10.000", 3),   # unit changed
    Target("Tata kelola", "Opini BPK atas laporan keuangan dinas", "WDP", None, None, 4),              # categorical
    Target("Derajat kesehatan", "Persentase desa dengan air minum layak", "60", 60.0, "%", 3),         # added
]


def agreement(revision: bool, targets: list[Target], signed: str) -> Agreement:
    return Agreement(year=2025, revision=revision, opd="Dinas Kesehatan", region="Kota Jambi",
                     first_party=Party("Taufik Hidayatullah", "dr. Taufik Hidayatullah", "Kepala Dinas Kesehatan", None),
                     second_party=Party("Ridwan Hakim Pohan", None, "Wali Kota", None),
                     signed_place="Jambi", signed_date=signed, targets=targets)


@pytest.fixture(scope="module")
def revisions(tmp_path_factory):
    db = open_db(tmp_path_factory.mktemp("revisions") / "rev.db")
    for name, pk in (("pk.pdf", agreement(False, BEFORE, "2025-01-10")),
                     ("pk-perubahan.pdf", agreement(True, AFTER, "2025-08-20"))):
        doc_id, _ = store_document(db, Document(raw=name.encode(), text=name, kind="pk", path=name, title=name))
        replace_extraction(db, doc_id, Extraction(source={}, agreements=[pk]), pk.signed_date)
    refresh_comparisons(db)
    rows = {r["indikator"]: r for r in db.query("select * from target_revisions")}
    db.close()
    return rows


def test_every_change_kind_has_its_row(revisions):
    directions = {indikator: row["direction"] for indikator, row in revisions.items()}
    assert directions == {
        "Cakupan imunisasi dasar lengkap": "lowered",
        "Angka kematian ibu per 100.000 kelahiran hidup": "unchanged",
        "Jumlah puskesmas terakreditasi paripurna": "raised",
        "Persentase rumah tangga berperilaku hidup bersih dan sehat": "reworded",
        "Prevalensi stunting pada balita": "dropped",
        "Rasio dokter terhadap jumlah penduduk": "unit_changed",
        "Opini BPK atas laporan keuangan dinas": "target_changed",
        "Persentase desa dengan air minum layak": "added",
    }


def test_change_in_percent_with_points_beside_it(revisions):
    lowered = revisions["Cakupan imunisasi dasar lengkap"]
    assert (lowered["original_target"], lowered["revised_target"], lowered["unit"]) == ("95", "92", "%")
    assert lowered["change_percent"] == pytest.approx(-3.16, abs=0.005)  # (92 - 95) / 95 x 100
    assert lowered["change_points"] == pytest.approx(-3.0)               # percentage points
    assert lowered["change"] == lowered["change_points"]
    raised = revisions["Jumlah puskesmas terakreditasi paripurna"]
    assert (raised["change_percent"], raised["change_points"]) == (pytest.approx(25.0), pytest.approx(2.0))
    unchanged = revisions["Angka kematian ibu per 100.000 kelahiran hidup"]
    assert (unchanged["change_percent"], unchanged["change_points"]) == (0.0, 0.0)


def test_no_change_figure_across_units_or_without_both_numbers(revisions):
    for indikator in ("Rasio dokter terhadap jumlah penduduk", "Opini BPK atas laporan keuangan dinas",
                      "Prevalensi stunting pada balita", "Persentase desa dengan air minum layak"):
        row = revisions[indikator]
        assert (row["change_percent"], row["change_points"], row["change"]) == (None, None, None), indikator


def test_reworded_added_and_dropped_rows_carry_both_sides(revisions):
    reworded = revisions["Persentase rumah tangga berperilaku hidup bersih dan sehat"]
    assert reworded["reworded"] == 1 and reworded["change_kind"] == "unchanged"
    assert reworded["revised_indikator"] == "Persentase rumah tangga yang berperilaku hidup bersih dan sehat (PHBS)"
    dropped = revisions["Prevalensi stunting pada balita"]
    assert (dropped["original_target"], dropped["revised_target"], dropped["revised_indikator"]) == ("14", None, None)
    added = revisions["Persentase desa dengan air minum layak"]
    assert (added["original_target"], added["revised_target"], added["unit"]) == (None, "60", "%")
    for row in revisions.values():
        assert (row["original_source_title"], row["revised_source_title"]) == ("pk.pdf", "pk-perubahan.pdf")
        assert (row["year"], row["opd"], row["region"], row["revision_number"]) == (
            2025, "Dinas Kesehatan", "Kota Jambi", 1)
