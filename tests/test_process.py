"""`janji process`: extraction stored, officials resolved across documents, re-runs idempotent."""
from db import open_db
from tests.conftest import CORPUS


def _add(run, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_officials_resolved_across_documents_with_a_timeline(run, db_path, tmp_path):
    first = _add(run, tmp_path, "a.txt", "Wali Kota Jambi Dr. dr. H. Maulana, M.K.M. meresmikan pasar, Senin (3/2/2025). "
                                       "\"Kami akan menata seluruh pasar tradisional tahun ini,\" ujar Maulana.")
    second = _add(run, tmp_path, "b.txt", "Wali Kota Maulana meminta camat mengawasi PKL, Rabu (25/6/2025). "
                                        "Sementara itu Kepala Dinas Perdagangan Kota Jambi Ahmad Yani, S.E. hadir.")
    run("add", str(first), "--published", "2025-02-04")
    run("add", str(second), "--published", "2025-06-26")
    result = run("process")
    assert result.exit_code == 0, result.output
    assert "processed 2, failed 0" in result.output
    db = open_db(db_path)
    maulana = list(db.query("select * from officials where name = 'Maulana'"))
    assert len(maulana) == 1 and maulana[0]["full_name"] == "Dr. dr. H. Maulana, M.K.M."
    timeline = list(db.query("select position, region, first_seen, last_seen, documents from positions "
                             "where official = 'Maulana'"))
    assert timeline == [{"position": "Wali Kota", "region": "Kota Jambi", "first_seen": "2025-02-04",
                         "last_seen": "2025-06-26", "documents": 2}]
    pledges = list(db.query("select c.kind, o.name from commitments c join officials o on o.id = c.official_id "
                            "where c.quoted = 1"))
    assert pledges == [{"kind": "pledge", "name": "Maulana"}]
    assert db["opds"].count >= 1 and db["event_dates"].count == 2


def test_process_all_replaces_rows_without_duplicates(run, db_path):
    run("add", str(CORPUS / "jambiupdate-pk-perubahan-2025.txt"), "--published", "2025-06-26")
    run("process")
    db = open_db(db_path)
    before = {t: db[t].count for t in ("officials", "commitments", "mentions", "event_dates", "opds")}
    assert run("process").output.startswith("nothing to process")
    assert run("process", "--all").exit_code == 0
    assert {t: db[t].count for t in before} == before
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_pk_pdf_becomes_an_agreement_with_targets_and_programs(run, db_path):
    run("add", str(CORPUS / "pk-dinkes-kota-jambi-2025.pdf"))
    run("process")
    db = open_db(db_path)
    agreement = next(db["agreements"].rows)
    assert (agreement["year"], agreement["revision"]) == (2025, 0)
    assert agreement["first_party_nip"] == "197508122000031004"
    assert db["agreement_targets"].count >= 6 and db["agreement_programs"].count >= 4
    assert next(db["documents"].rows)["kind"] == "pk"
    assert db.execute("select count(*) from agreement_targets where page is null").fetchone()[0] == 0
