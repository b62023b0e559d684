from extract.compare.links import link
from models.changes import Promise, PromiseTarget

TARGETS = [
    PromiseTarget(1, "Prevalensi stunting pada balita", 12.0, "%", "Dinas Kesehatan", "Kota Jambi", 2025),
    PromiseTarget(2, "Cakupan imunisasi dasar lengkap", 95.0, "%", "Dinas Kesehatan", "Kota Jambi", 2025),
    PromiseTarget(3, "Prevalensi stunting pada balita", 12.0, "%", "Dinas Kesehatan", "Kabupaten Muaro Jambi", 2025),
    PromiseTarget(4, "Persentase jalan kota dalam kondisi mantap", 85.0, "%", "Dinas PUPR", "Kota Jambi", 2025),
]


def test_top_link_is_the_matching_target_with_reasons():
    promise = Promise(7, "Kami menargetkan angka stunting turun menjadi 12 persen pada akhir 2025", 12.0, "persen",
                      ["Dinas Kesehatan"], "Kota Jambi", 2025)
    candidates = link([promise], TARGETS)
    top = candidates[0]
    assert (top.commitment_id, top.target_id) == (7, 1)
    assert top.score == 0.45 * (1 / 3) + 0.25 + 0.1 + 0.1 + 0.1
    assert "same number: 12" in top.reasons and "same unit: %" in top.reasons
    assert all(c.target_id != 3 for c in candidates)  # another region is never a candidate


def test_no_shared_indicator_words_no_link():
    promise = Promise(8, "Kami berkomitmen memperbaiki drainase", None, None, [], "Kota Jambi", 2025)
    assert link([promise], TARGETS) == []
