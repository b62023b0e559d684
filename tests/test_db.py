import sqlite3

from db import open_db
from db.migrations import MIGRATIONS, migrate
from db.store import replace_extraction, store_document
from models import Commitment, DateMention, Document, Extraction, Mention, Official, Opd


def _doc(text="Wali Kota Jambi Maulana meminta seluruh OPD bekerja.", url=None):
    return Document(raw=text.encode(), text=text, kind="text", url=url, title="t", published="2025-06-26")


def test_migrations_twice_is_a_no_op(db_path):
    db = open_db(db_path)
    schema = db.schema
    assert migrate(db) == []
    assert db.schema == schema
    assert db["_migrations"].count == len(MIGRATIONS)
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1


def test_same_document_twice_is_stored_once(db_path):
    db = open_db(db_path)
    first = store_document(db, _doc())
    second = store_document(db, _doc())
    assert first == (first[0], True)
    assert second == (first[0], False)
    assert db["documents"].count == 1 and db["raw_files"].count == 1


def test_changed_source_at_same_url_updates_the_row(db_path):
    db = open_db(db_path)
    a, _ = store_document(db, _doc("versi satu " * 10, url="https://example.go.id/a"))
    b, created = store_document(db, _doc("versi dua " * 10, url="https://example.go.id/a"))
    assert a == b and not created
    assert "versi dua" in db["documents"].get(a)["text"]


def _extraction(n_commitments: int) -> Extraction:
    official = Official(name="Maulana", full_name="Dr. dr. H. Maulana, M.K.M.", position="Wali Kota",
                        region="Kota Jambi", mentions=[Mention(0, 9, "Wali Kota")])
    return Extraction(
        source={}, officials=[official],
        opds=[Opd(name="Dinas Perdagangan", region="Kota Jambi", mentions=[Mention(10, 20, "Dinas")])],
        dates=[DateMention(date="2025-06-25", text="Rabu (25/6/2025)", start=0, end=5)],
        commitments=[Commitment(speaker="Maulana", kind="instruction", quoted=True, text=f"harus {i}", start=i, end=i + 1)
                     for i in range(n_commitments)])


def test_reprocessing_replaces_derived_rows(db_path):
    db = open_db(db_path)
    doc_id, _ = store_document(db, _doc())
    replace_extraction(db, doc_id, _extraction(3), "2025-06-26")
    replace_extraction(db, doc_id, _extraction(2), "2025-06-26")
    assert db["commitments"].count == 2
    assert db["officials"].count == 1 and db["event_dates"].count == 1
    assert db["documents"].get(doc_id)["status"] == "processed"
    assert list(db.query("select official, position, region from positions")) == [
        {"official": "Maulana", "position": "Wali Kota", "region": "Kota Jambi"}]


def test_failed_replacement_keeps_the_old_rows(db_path):
    db = open_db(db_path)
    doc_id, _ = store_document(db, _doc())
    replace_extraction(db, doc_id, _extraction(3), "2025-06-26")
    broken = _extraction(2)
    broken.commitments[1].start = object()  # not storable: the insert fails mid-transaction
    try:
        replace_extraction(db, doc_id, broken, "2025-06-26")
    except Exception:
        pass
    assert db["commitments"].count == 3
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_foreign_keys_are_enforced(db_path):
    db = open_db(db_path)
    try:
        db.execute("insert into commitments (document_id, text) values (999, 'x')")
    except sqlite3.IntegrityError:
        return
    raise AssertionError("a commitment without its document was accepted")
