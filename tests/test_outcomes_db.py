"""Kept or missed in the database: PK, PK Perubahan and performance report (LKjIP) extractions
stored in a real SQLite file through the writer, matched by janji/outcomes.py, read from the
target_outcomes view: met, not met, no report, lowered then missed, a report restating another
target, ambiguous rows with their candidates, re-processing and re-matching idempotent, and a
failed store leaving the old rows."""
from __future__ import annotations

import json

import pytest

from db import open_db
from db.outcomes import outcomes
from db.store import replace_extraction, store_document
from db.store_outcomes import OutcomeMatch, replace_outcome_matches
from janji.outcomes import match_outcomes, refresh_outcomes
from models import Agreement, Document, Extraction, Party, Target
from models.report import Achievement, BudgetRealisation, Report

DINKES = "Dinas Kesehatan"
REGION = "Kota Jambi"


def _target(indikator: str, target: str, value: float | None, unit: str | None = "%", page: int = 3) -> Target:
    return Target(sasaran="Meningkatnya derajat kesehatan", indikator=indikator, target=target, value=value,
                  unit=unit, page=page)


def pk(revision: bool, targets: list[Target], opd: str = DINKES, signed: str = "2025-01-02") -> Extraction:
    party = Party(name="Dedy Hartono", full_name="dr. Dedy Hartono, M.Kes.", position=f"Kepala {opd}", nip=None)
    return Extraction(source={}, agreements=[Agreement(
        year=2025, revision=revision, opd=opd, region=REGION, first_party=party, second_party=None,
        signed_place="Jambi", signed_date=signed, targets=targets, pages=[1, 4])])


def achievement(indikator: str, target: str | None, target_value: float | None, realisasi: str | None,
                realisasi_value: float | None, capaian: float | None, direction: str | None = "higher",
                page: int = 14) -> Achievement:
    return Achievement(sasaran="Meningkatnya derajat kesehatan", indikator=indikator, satuan="%", target=target,
                       target_value=target_value, realisasi=realisasi, realisasi_value=realisasi_value,
                       capaian=capaian, direction=direction, page=page)


ORIGINAL = [
    _target("Cakupan imunisasi dasar lengkap", "95", 95.0),
    _target("Prevalensi stunting pada balita", "14", 14.0),
    _target("Persentase Puskesmas terakreditasi Paripurna", "60", 60.0),
    _target("Opini BPK atas laporan keuangan", "WTP", None, unit=None),
    _target("Cakupan pelayanan kesehatan ibu hamil", "100", 100.0),
    _target("Persentase balita ditimbang", "80", 80.0),
    _target("Angka kematian ibu", "80", 80.0, unit="per 100.000 KH"),
]
REVISED = [
    _target("Cakupan imunisasi dasar lengkap", "92", 92.0, page=2),      # lowered, then missed
    _target("Prevalensi stunting pada balita", "14", 14.0, page=2),
    _target("Persentase Puskesmas terakreditasi Paripurna", "65", 65.0, page=2),  # raised
    _target("Opini BPK atas laporan keuangan", "WTP", None, unit=None, page=2),
    _target("Cakupan pelayanan kesehatan ibu hamil", "98", 98.0, page=2),  # lowered, then met
    _target("Persentase balita ditimbang", "80", 80.0, page=2),
    _target("Angka kematian ibu", "80", 80.0, unit="per 100.000 KH", page=2),
    _target("Persentase Posyandu aktif", "90", 90.0, page=3),           # added by the revision
]


def lkjip(achievements: list[Achievement] | None = None, skipped: list[str] | None = None) -> Extraction:
    rows = achievements if achievements is not None else [
        achievement("Cakupan imunisasi dasar lengkap (IDL)", "92", 92.0, "90", 90.0, 97.83),
        achievement("Prevalensi stunting balita", "14", 14.0, "13,2", 13.2, None, direction="lower"),
        # the report restates the original PK's 60, not the PK Perubahan's 65
        achievement("Persentase Puskesmas terakreditasi Paripurna", "60", 60.0, "66", 66.0, 110.0),
        achievement("Opini BPK atas laporan keuangan", "WTP", None, "WTP", None, 100.0),
        achievement("Cakupan pelayanan kesehatan ibu hamil", "98", 98.0, "98,5", 98.5, 100.51),
        achievement("Persentase balita ditimbang di posyandu", "80", 80.0, "82", 82.0, 102.5, page=15),
        achievement("Persentase balita ditimbang di puskesmas", "80", 80.0, "70", 70.0, 87.5, page=15),
        achievement("Persentase Posyandu aktif", "90", 90.0, "belum tersedia", None, None, direction=None, page=15),
    ]
    return Extraction(source={}, report=Report(
        kind="LKjIP", year=2025, opd=DINKES, region=REGION, achievements=rows, pages=[1, 18],
        budget=[BudgetRealisation("Program Pemenuhan Upaya Kesehatan", 52_786_340_500.0, 50_011_000_000.0, 94.74, 17)],
        skipped_rows=skipped or []))


def _document(name: str, published: str) -> Document:
    return Document(raw=name.encode(), text=name, kind="pdf", url=f"https://jambikota.go.id/{name}.pdf",
                    title=name, published=published)


def store(db, name: str, extraction: Extraction, published: str = "2025-01-05") -> int:
    doc_id, _ = store_document(db, _document(name, published))
    replace_extraction(db, doc_id, extraction, published)
    return doc_id


@pytest.fixture
def db(db_path):
    database = open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def corpus(db):
    ids = {"pk": store(db, "pk-dinkes-2025", pk(False, ORIGINAL)),
           "perubahan": store(db, "pk-perubahan-dinkes-2025", pk(True, REVISED, signed="2025-06-30"), "2025-07-01"),
           "lkjip": store(db, "lkjip-dinkes-2025", lkjip(), "2026-03-20"),
           "disdik": store(db, "pk-disdik-2025", pk(False, [_target("Angka partisipasi murni SD", "99", 99.0)],
                                                       opd="Dinas Pendidikan"))}
    refresh_outcomes(db)
    return ids


def _rows(db) -> dict[str, dict]:
    return {r["indikator"]: r for r in db.query("select * from target_outcomes")}


def test_one_row_per_target_in_force_with_its_verdict(db, corpus):
    rows = _rows(db)
    # the PK Perubahan's targets are in force: 8 of Dinkes (one added) and Disdik's one
    assert sorted(rows) == sorted([t.indikator for t in REVISED] + ["Angka partisipasi murni SD"])
    assert {k: r["verdict"] for k, r in rows.items()} == {
        "Cakupan imunisasi dasar lengkap": "not met",
        "Prevalensi stunting pada balita": "met",          # no capaian printed: 13.2 <= 14, lower is better
        "Persentase Puskesmas terakreditasi Paripurna": "met",
        "Opini BPK atas laporan keuangan": "met",
        "Cakupan pelayanan kesehatan ibu hamil": "met",
        "Persentase balita ditimbang": "ambiguous",
        "Angka kematian ibu": "no report",                  # the report has no such row
        "Persentase Posyandu aktif": "unknown",             # "belum tersedia"
        "Angka partisipasi murni SD": "no report",          # no report of Disdik at all
    }
    imunisasi = rows["Cakupan imunisasi dasar lengkap"]
    assert (imunisasi["region"], imunisasi["opd"], imunisasi["year"], imunisasi["agreement"]) == (REGION, DINKES, 2025, "PK Perubahan")
    assert (imunisasi["target_value"], imunisasi["realisasi_value"], imunisasi["capaian"]) == (92.0, 90.0, 97.83)
    assert (imunisasi["report_indikator"], imunisasi["direction"]) == ("Cakupan imunisasi dasar lengkap (IDL)", "higher")
    assert (imunisasi["target_document_id"], imunisasi["target_page"]) == (corpus["perubahan"], 2)
    assert (imunisasi["report_document_id"], imunisasi["report_page"]) == (corpus["lkjip"], 14)
    assert (imunisasi["original_document_id"], imunisasi["original_page"]) == (corpus["pk"], 3)
    assert imunisasi["first_party"] == "Dedy Hartono"
    assert rows["Angka kematian ibu"]["report_document_id"] == corpus["lkjip"]
    assert rows["Angka partisipasi murni SD"]["report_document_id"] is None


def test_revised_targets_keep_the_original_value(db, corpus):
    rows = _rows(db)
    imunisasi = rows["Cakupan imunisasi dasar lengkap"]
    assert (imunisasi["revised"], imunisasi["revision_change"], imunisasi["eased"]) == (1, "lowered", 1)
    assert (imunisasi["original_target"], imunisasi["original_target_value"]) == ("95", 95.0)
    paripurna = rows["Persentase Puskesmas terakreditasi Paripurna"]
    assert (paripurna["revised"], paripurna["revision_change"], paripurna["eased"]) == (1, "raised", 0)
    stunting = rows["Prevalensi stunting pada balita"]
    assert (stunting["revised"], stunting["revision_change"], stunting["original_target_value"]) == (0, "unchanged", 14.0)
    added = rows["Persentase Posyandu aktif"]
    assert (added["revised"], added["revision_change"], added["original_target_value"]) == (1, "added", None)
    unrevised = rows["Angka partisipasi murni SD"]
    assert (unrevised["revised"], unrevised["revision_change"], unrevised["original_target_value"]) == (0, None, 99.0)


def test_report_target_that_differs_from_the_pk_is_flagged(db, corpus):
    rows = _rows(db)
    paripurna = rows["Persentase Puskesmas terakreditasi Paripurna"]
    assert (paripurna["target_value"], paripurna["report_target"], paripurna["report_target_value"]) == (65.0, "60", 60.0)
    assert paripurna["report_target_differs"] == 1
    assert {k for k, r in rows.items() if r["report_target_differs"]} == {"Persentase Puskesmas terakreditasi Paripurna"}
    assert rows["Opini BPK atas laporan keuangan"]["report_target_differs"] == 0  # WTP = WTP
    assert rows["Angka kematian ibu"]["report_target_differs"] is None           # nothing to compare


def test_ambiguous_match_lists_its_candidates_and_is_not_forced(db, corpus):
    row = _rows(db)["Persentase balita ditimbang"]
    assert json.loads(row["candidates"]) == ["Persentase balita ditimbang di puskesmas",
                                             "Persentase balita ditimbang di posyandu"]
    assert (row["realisasi"], row["capaian"], row["report_indikator"], row["report_page"]) == (None, None, None, None)
    [listed] = [r for r in outcomes(db, opd="Dinkes") if r["indikator"] == "Persentase balita ditimbang"]
    assert listed["candidates"] == json.loads(row["candidates"])


def test_outcome_shown_on_every_target_row(db, corpus):
    details = {(r["agreement"], r["indikator"]): r for r in db.query("select * from target_details")}
    # the original PK's row shows how the target in force at year end turned out
    assert details[("PK", "Cakupan imunisasi dasar lengkap")]["outcome"] == "not met"
    assert details[("PK Perubahan", "Cakupan imunisasi dasar lengkap")]["outcome_capaian"] == 97.83
    assert details[("PK Perubahan", "Cakupan pelayanan kesehatan ibu hamil")]["outcome_realisasi"] == "98,5"
    assert details[("PK", "Angka partisipasi murni SD")]["outcome"] == "no report"
    assert details[("PK Perubahan", "Cakupan imunisasi dasar lengkap")]["outcome_report_document_id"] == corpus["lkjip"]


def test_report_rows_stored_with_budget_and_skipped_rows(db):
    doc_id = store(db, "lkjip", lkjip(skipped=["3 | Indeks Keluarga Sehat | | ? | ?"]))
    [report] = list(db.query("select * from reports"))
    assert (report["document_id"], report["kind"], report["year"], report["region"]) == (doc_id, "LKjIP", 2025, REGION)
    assert (report["first_page"], report["last_page"]) == (1, 18)
    assert db["opds"].get(report["opd_id"])["name"] == DINKES
    assert db["achievements"].count == 8 and db["budget_realisations"].count == 1
    assert [r["text"] for r in db.query("select text from report_skipped_rows")] == ["3 | Indeks Keluarga Sehat | | ? | ?"]
    # indicators are searchable like PK targets, Indonesian stems included (kematian -> mati)
    found = db.execute("select count(*) from achievements_fts where achievements_fts match 'imunisasi'").fetchone()[0]
    assert found == 1
    store(db, "lkjip", lkjip(achievements=[]))  # re-processed: replaced, not added
    assert (db["reports"].count, db["achievements"].count, db["report_skipped_rows"].count) == (1, 0, 0)


def test_reprocessing_and_rematching_are_idempotent(db, corpus):
    before = list(db.query("select * from target_outcomes order by outcome_id"))
    refresh_outcomes(db)
    assert list(db.query("select * from target_outcomes order by outcome_id")) == before
    # re-processing the report and the PK Perubahan re-creates their rows: the matches follow at once
    store(db, "lkjip-dinkes-2025", lkjip(), "2026-03-20")
    store(db, "pk-perubahan-dinkes-2025", pk(True, REVISED, signed="2025-06-30"), "2025-07-01")
    assert db["reports"].count == 1 and db["achievements"].count == 8
    strip = ("outcome_id", "target_id")
    between = [{k: v for k, v in r.items() if k not in strip} for r in db.query("select * from target_outcomes order by outcome_id")]
    assert between == [{k: v for k, v in r.items() if k not in strip} for r in before]
    refresh_outcomes(db)
    after = list(db.query("select * from target_outcomes order by outcome_id"))
    assert [{k: v for k, v in r.items() if k not in strip} for r in after] == between
    assert db["outcome_matches"].count == 9
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_a_failed_store_keeps_the_old_rows(db, corpus):
    before = list(db.query("select * from target_outcomes order by outcome_id"))
    broken = lkjip()
    broken.report.achievements[3].page = object()  # not storable: the insert fails mid-transaction
    with pytest.raises(Exception):
        replace_extraction(db, corpus["lkjip"], broken, "2026-03-20")
    assert db["achievements"].count == 8 and db["reports"].count == 1
    assert list(db.query("select * from target_outcomes order by outcome_id")) == before
    matches = match_outcomes(db)
    matches.append(OutcomeMatch(opd=None, region=None, year=None, target_id=object(), target_document_id=1,
                                target_indikator="x"))
    with pytest.raises(Exception):
        replace_outcome_matches(db, matches)
    assert list(db.query("select * from target_outcomes order by outcome_id")) == before


def test_a_report_of_another_year_or_opd_is_not_matched(db):
    store(db, "pk", pk(False, ORIGINAL))
    other_year = lkjip()
    other_year.report.year = 2024
    store(db, "lkjip-2024", other_year)
    unknown_opd = lkjip()
    unknown_opd.report.opd = None
    store(db, "lkjip-no-opd", unknown_opd)
    summary = refresh_outcomes(db)
    assert (summary.targets, summary.reported, summary.ambiguous) == (7, 0, 0)
    assert {r["verdict"] for r in db.query("select verdict from target_outcomes")} == {"no report"}


def test_outcomes_query_filters(db, corpus):
    assert {r["opd"] for r in outcomes(db)} == {DINKES, "Dinas Pendidikan"}
    for form in ("Dinkes", "Kadinkes", "kesehatan", "Dinas Kesehatan"):
        assert {r["opd"] for r in outcomes(db, opd=form)} == {DINKES}, form
    assert outcomes(db, region="kota jambi") == outcomes(db)
    assert outcomes(db, region="Muaro Jambi") == [] and outcomes(db, year=2024) == []
    assert len(outcomes(db, opd="Disdik", year=2025)) == 1


def test_a_report_without_its_achievements_table_is_stored_and_says_so(db, corpus):
    empty = lkjip(achievements=[])
    empty.errors = ["no achievements table found in performance report"]
    store(db, "lkjip-dinkes-2025", empty, "2026-03-20")
    document = db["documents"].get(corpus["lkjip"])
    assert (document["status"], document["error"]) == ("processed", "no achievements table found in performance report")
    refresh_outcomes(db)
    rows = _rows(db)
    assert {r["verdict"] for k, r in rows.items()} == {"no report"}
    assert rows["Cakupan imunisasi dasar lengkap"]["report_document_id"] == corpus["lkjip"]
    store(db, "lkjip-dinkes-2025", lkjip(), "2026-03-20")  # read again: the line goes with the old rows
    assert db["documents"].get(corpus["lkjip"])["error"] is None


@pytest.mark.parametrize("row, verdict", [
    (achievement("Opini BPK atas laporan keuangan", "WTP", None, "WTP", None, None), "met"),      # as printed
    (achievement("Opini BPK atas laporan keuangan", "WTP", None, "WDP", None, None), "unknown"),  # no capaian: not judged
    (achievement("Prevalensi stunting pada balita", "14", 14.0, "15,1", 15.1, None, direction="lower"), "not met"),
    (achievement("Prevalensi stunting pada balita", "14", 14.0, "14", 14.0, None, direction="lower"), "met"),
    (achievement("Cakupan imunisasi dasar lengkap", "95", 95.0, "96", 96.0, None), "met"),
    (achievement("Cakupan imunisasi dasar lengkap", "95", 95.0, "94,9", 94.9, None), "not met"),
    (achievement("Cakupan imunisasi dasar lengkap", "95", 95.0, "96", 96.0, None, direction=None), "unknown"),
    (achievement("Cakupan imunisasi dasar lengkap", "95", 95.0, "n/a", None, None), "unknown"),
    # the printed capaian decides, whatever the values say
    (achievement("Prevalensi stunting pada balita", "14", 14.0, "15", 15.0, 92.86, direction="lower"), "not met"),
    (achievement("Prevalensi stunting pada balita", "14", 14.0, "13", 13.0, 107.14, direction="lower"), "met"),
])
def test_verdict_rules(db, row, verdict):
    targets = [t for t in ORIGINAL if t.indikator == row.indikator]
    store(db, "pk", pk(False, targets))
    store(db, "lkjip", lkjip(achievements=[row]))
    refresh_outcomes(db)
    [found] = list(db.query("select verdict, target_value, realisasi from target_outcomes"))
    assert found["verdict"] == verdict, (row, found)
