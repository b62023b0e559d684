"""PK vs PK Perubahan diff on agreements built in code (the PDF path is covered by test_process)."""
from extract.compare.diff import diff_agreements
from extract.compare.matching import match_rows
from models import Agreement, Party, Program, Target


def _agreement(targets, programs, first="Taufik Hidayatullah", revision=False):
    return Agreement(year=2025, revision=revision, opd="Dinas Kesehatan", region="Kota Jambi",
                     first_party=Party(first, first, "Kepala Dinas Kesehatan", None), second_party=None,
                     signed_place="Jambi", signed_date="2025-01-02",
                     targets=[Target("Sasaran", i, t, v, u, 2) for i, t, v, u in targets],
                     programs=[Program(p, a) for p, a in programs],
                     total_anggaran=sum(a for _, a in programs))


ORIGINAL = _agreement(
    [("Cakupan imunisasi dasar lengkap", "95", 95.0, "%"), ("Prevalensi stunting pada balita", "12", 12.0, "%"),
     ("Indeks Kepuasan Masyarakat terhadap pelayanan Puskesmas", "82,5", 82.5, "Nilai"),
     ("Persentase penduduk terdaftar JKN", "98,5", 98.5, "%"), ("Opini BPK", "WTP", None, "predikat"),
     ("Rasio dokter per penduduk", "1", 1.0, "per 1.000 penduduk")],
    [("Program Pemenuhan Upaya Kesehatan", 52_786_340_500.0), ("Program Penunjang Urusan", 38_412_650_000.0)])
REVISED = _agreement(
    [("Cakupan imunisasi dasar lengkap", "92", 92.0, "%"), ("Prevalensi stunting pada balita", "11", 11.0, "%"),
     ("Indeks Kepuasan Masyarakat (IKM) pada layanan Puskesmas", "82,5", 82.5, "Nilai"),
     ("Persentase Posyandu aktif", "90", 90.0, "%"), ("Opini BPK", "WDP", None, "predikat"),
     ("Rasio dokter per penduduk", "1", 1.0, "per 10.000 penduduk")],
    [("Program Pemenuhan Upaya Kesehatan", 49_915_290_500.0), ("Program Penunjang Urusan", 38_412_650_000.0)],
    first="Rina Marlina", revision=True)


def test_diff_rows_name_every_kind_of_change():
    diff = diff_agreements(ORIGINAL, REVISED)
    rows = {(t.indikator_before or t.indikator_after): t for t in diff.targets}
    imunisasi = rows["Cakupan imunisasi dasar lengkap"]
    assert (imunisasi.change, imunisasi.value_before, imunisasi.value_after, imunisasi.change_pct) == ("lowered", 95.0, 92.0, -3.16)
    assert rows["Prevalensi stunting pada balita"].change == "lowered"
    ikm = rows["Indeks Kepuasan Masyarakat terhadap pelayanan Puskesmas"]
    assert (ikm.change, ikm.reworded, ikm.indikator_after) == ("unchanged", True, "Indeks Kepuasan Masyarakat (IKM) pada layanan Puskesmas")
    assert rows["Persentase penduduk terdaftar JKN"].change == "dropped"
    assert rows["Persentase Posyandu aktif"].change == "added"
    assert rows["Opini BPK"].change == "target_changed"
    assert rows["Rasio dokter per penduduk"].change == "unit_changed"
    programs = {p.program_before: p for p in diff.programs}
    assert (programs["Program Pemenuhan Upaya Kesehatan"].change, programs["Program Pemenuhan Upaya Kesehatan"].change_pct) == ("cut", -5.44)
    assert programs["Program Penunjang Urusan"].change == "unchanged"
    assert diff.total_change_pct == -3.15  # (88,327,940,500 - 91,198,990,500) / 91,198,990,500
    assert [(s.party, s.before, s.after) for s in diff.signatories] == [("first_party", "Taufik Hidayatullah", "Rina Marlina")]


def test_ambiguous_matches_are_shown_not_forced():
    matches = match_rows(["Persentase sekolah terakreditasi"],
                         ["Persentase sekolah terakreditasi A", "Persentase sekolah terakreditasi B"])
    assert matches[0].after is None and sorted(matches[0].candidates) == [0, 1]
    assert [m for m in matches if m.before is None] == []  # the candidates are not also "added"
