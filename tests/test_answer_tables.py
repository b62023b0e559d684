"""The answer tables (commitment_details, quote_details, official_timeline) hold exactly what the
views they replaced computed, after every kind of write: a document added, processed,
re-processed, its source changed, an official's name growing in a later document, an OPD's
abbreviation learnt, officials pruned, merges decided; and a database from before the tables
gets them filled by the migrations."""
from __future__ import annotations

import pytest

from db import migrations, open_db, store_comparisons
from db.store import replace_extraction, store_document
from janji.compare import refresh_comparisons
from models import Agreement, Commitment, Document, Extraction, Official, Opd, Party, Quote, Target

# The view definitions of db/sql/views_v3.sql as they shipped: the reference the tables must equal.
REFERENCE = {
    "commitment_details": """
select
  c.id as commitment_id,
  coalesce(o.name, c.speaker) as speaker,
  o.full_name as speaker_full_name,
  trim(coalesce(r.acting || ' ', '') || r.position) as position,
  r.acting as acting,
  opds.name as opd,
  coalesce(r.region, o.region) as region,
  c.date as date,
  cast(substr(c.date, 1, 4) as integer) as year,
  c.kind as kind,
  c.quoted as quoted,
  c.text as text,
  c.target_value as target_value,
  c.target_unit as target_unit,
  c.deadline as deadline,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url,
  d.site as site,
  c.document_id as document_id,
  d.sha256 as stored_copy,
  c.official_id as official_id,
  c.start as start,
  c."end" as "end"
from commitments c
join documents d on d.id = c.document_id
left join officials o on o.id = c.official_id
left join official_roles r on r.id = (
  select min(id) from official_roles
  where document_id = c.document_id and official_id = c.official_id)
left join opds on opds.id = r.opd_id""",
    "quote_details": """
select
  q.id as quote_id,
  coalesce(o.name, q.speaker) as speaker,
  trim(coalesce(r.acting || ' ', '') || r.position) as position,
  opds.name as opd,
  coalesce(r.region, o.region) as region,
  q.date as date,
  cast(substr(q.date, 1, 4) as integer) as year,
  q.text as text,
  d.title as source_title,
  coalesce(d.canonical_url, d.url) as source_url,
  d.site as site,
  q.document_id as document_id,
  q.official_id as official_id,
  q.start as start,
  q."end" as "end"
from quotes q
join documents d on d.id = q.document_id
left join officials o on o.id = q.official_id
left join official_roles r on r.id = (
  select min(id) from official_roles
  where document_id = q.document_id and official_id = q.official_id)
left join opds on opds.id = r.opd_id""",
    "official_timeline": """
select
  o.id as official_id,
  o.name as official,
  o.full_name as full_name,
  trim(coalesce(r.acting || ' ', '') || r.position) as position,
  r.acting as acting,
  r.position as base_position,
  opds.name as opd,
  opds.abbreviation as opd_abbreviation,
  r.region as region,
  min(r.date) as first_seen,
  max(r.date) as last_seen,
  count(distinct r.document_id) as documents,
  (select group_concat(alias, ' | ') from official_aliases a where a.official_id = o.id) as aliases
from official_roles r
join officials o on o.id = r.official_id
left join opds on opds.id = r.opd_id
group by r.official_id, r.acting, r.position, r.opd_id, r.region""",
}
KEYS = {"commitment_details": "commitment_id", "quote_details": "quote_id",
        "official_timeline": "official_id, position, opd, region, first_seen"}


def table_and_reference(db, table: str) -> tuple[list[tuple], list[tuple], list[str]]:
    """The table's rows and the reference's, on the reference's columns (a table may add columns)."""
    key = KEYS[table]
    reference = db.execute(f"select * from ({REFERENCE[table]}) order by {key}")
    columns = [c[0] for c in reference.description]
    table_columns = [c[0] for c in db.execute(f"select * from {table} limit 0").description]
    assert table_columns[:len(columns)] == columns, table
    got = db.execute(f"select {', '.join(f'[{c}]' for c in columns)} from {table} order by {key}").fetchall()
    return got, reference.fetchall(), columns


def assert_current(db) -> tuple[int, int, int]:
    """The tables equal the reference views; returns their row counts (commitments, quotes, timeline)."""
    counts = []
    for table in KEYS:
        got, expected, _ = table_and_reference(db, table)
        assert got == expected, table
        counts.append(len(got))
    return tuple(counts)


def news(text: str, key: str, title: str = "Berita", published: str = "2025-03-04") -> Document:
    return Document(raw=text.encode(), text=text, kind="news", url=key, canonical_url=key,
                    site="berita.example", title=title, published=published)


def said(speaker: str | None, text: str, kind: str = "pledge") -> tuple[Commitment, Quote]:
    return (Commitment(speaker=speaker, kind=kind, quoted=True, text=text, start=0, end=len(text)),
            Quote(speaker=speaker, text=text, start=0, end=len(text)))


def extraction(officials: list[Official], lines: list[tuple[str | None, str]],
               agreements: list[Agreement] = ()) -> Extraction:
    pairs = [said(speaker, text) for speaker, text in lines]
    return Extraction(source={}, officials=officials, commitments=[c for c, _ in pairs],
                      quotes=[q for _, q in pairs], agreements=list(agreements))


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "answers.db")
    yield database
    database.close()


def test_tables_follow_add_process_reprocess_and_source_changes(db):
    budi = Official(name="Budi Santoso", position="Kepala Dinas Kesehatan", opd="Dinas Kesehatan")
    a, _ = store_document(db, news("Budi berjanji.", "https://berita.example/a"))
    assert assert_current(db) == (0, 0, 0)  # stored, not processed: no rows yet
    replace_extraction(db, a, extraction([budi], [("Budi Santoso", "Kami akan membangun 10 puskesmas."),
                                                   (None, "Jalan diperbaiki tahun ini.")]), "2025-03-04")
    assert assert_current(db) == (2, 2, 1)
    first = db.execute("select speaker_full_name, region, opd from commitment_details where speaker = 'Budi Santoso'").fetchone()
    assert first == (None, None, "Dinas Kesehatan")

    # a later document names him in full with his region: the earlier document's rows follow
    fuller = Official(name="Budi Santoso", full_name="dr. Budi Santoso, M.Kes.", position="Wali Kota",
                      region="Kota Jambi")
    b, _ = store_document(db, news("Wali Kota dr. Budi Santoso, M.Kes. menegaskan.", "https://berita.example/b",
                                   published="2025-05-01"))
    replace_extraction(db, b, extraction([fuller], [("Budi Santoso", "Saya minta camat turun ke lapangan.")]),
                       "2025-05-01")
    assert assert_current(db) == (3, 3, 2)  # two positions on his timeline
    assert {r[0] for r in db.execute("select speaker_full_name from commitment_details where speaker = 'Budi Santoso'")} == {
        "dr. Budi Santoso, M.Kes."}
    assert db.execute("select region from commitment_details where document_id = ? and speaker = 'Budi Santoso'",
                      [a]).fetchone() == ("Kota Jambi",)

    # re-processing replaces the document's rows (no duplicates, the dropped one gone)
    replace_extraction(db, a, extraction([budi], [("Budi Santoso", "Kami akan membangun 12 puskesmas.")]), "2025-03-04")
    assert assert_current(db) == (2, 2, 2)
    assert [r[0] for r in db.execute("select text from commitment_details where document_id = ?", [a])] == [
        "Kami akan membangun 12 puskesmas."]

    # the source changed (new bytes, new title under the same URL): rows carry the new title and copy
    store_document(db, news("Budi berjanji lagi.", "https://berita.example/a", title="Berita diperbarui"))
    assert assert_current(db) == (2, 2, 2)
    assert db.execute("select distinct source_title from quote_details where document_id = ?", [a]).fetchone() == (
        "Berita diperbarui",)

    # re-processed without him: his rows and his Wali Kota span go
    replace_extraction(db, b, extraction([], [(None, "Pasar akan ditata.")]), "2025-05-01")
    assert assert_current(db) == (2, 2, 1)
    # and without anyone: the official nobody refers to any more is pruned, his timeline too
    replace_extraction(db, a, extraction([], []), "2025-03-04")
    assert assert_current(db) == (1, 1, 0)
    assert db.execute("select count(*) from officials").fetchone() == (0,)


def test_an_opd_abbreviation_learnt_later_reaches_the_timeline(db):
    doc, _ = store_document(db, news("Kepala Dinas Kesehatan", "https://berita.example/o1"))
    replace_extraction(db, doc, extraction([Official(name="Nurul Putri", position="Kepala Dinas Kesehatan",
                                                     opd="Dinas Kesehatan", region="Kota Jambi")], []), "2025-01-01")
    assert db.execute("select opd_abbreviation from official_timeline").fetchone() == (None,)
    other, _ = store_document(db, news("Dinkes Kota Jambi", "https://berita.example/o2"))
    replace_extraction(db, other, Extraction(source={}, opds=[Opd(name="Dinas Kesehatan", abbreviation="Dinkes",
                                                                  region="Kota Jambi")]), "2025-02-01")
    assert assert_current(db) == (0, 0, 1)
    assert db.execute("select opd_abbreviation from official_timeline").fetchone() == ("Dinkes",)


def test_a_document_with_an_agreement_and_its_signatories(db):
    """The PK signatories' roles are written after the commitments (db/store.py _insert_agreement):
    the rows are derived once everything of the document is written."""
    party = Party(name="Ratna Dewi", full_name="Ratna Dewi, S.E.", position="Kepala Dinas Pendidikan", nip=None)
    pk = Agreement(year=2025, revision=False, opd="Dinas Pendidikan", region="Kota Jambi", first_party=party,
                   second_party=Party(name="Maulana", full_name=None, position="Wali Kota", nip=None),
                   signed_place="Jambi", signed_date="2025-02-01",
                   targets=[Target("Mutu", "Angka partisipasi sekolah", "95", 95.0, "%", 2)])
    doc, _ = store_document(db, news("PK Dinas Pendidikan", "https://pk.example/1"))
    replace_extraction(db, doc, extraction([], [("Ratna Dewi", "Kami menargetkan partisipasi 95 persen.")], [pk]),
                       "2025-02-01")
    assert assert_current(db) == (1, 1, 2)  # both signatories have a role
    assert db.execute("select speaker, official_id from commitment_details").fetchone()[0] == "Ratna Dewi"


def test_tables_unchanged_by_comparisons_and_merge_decisions(db):
    """Merges and link decisions change no source row of the answers: the tables stay equal to
    the reference after refresh_comparisons and a confirmed merge."""
    for n, region in enumerate(("Kota Jambi", "Kabupaten Muaro Jambi")):
        doc, _ = store_document(db, news(f"Agus Gunawan {n}", f"https://berita.example/m{n}"))
        replace_extraction(db, doc, extraction([Official(name="Agus Gunawan", position="Camat", region=region)],
                                               [("Agus Gunawan", f"Kami akan menertibkan {n + 3} titik.")]),
                           f"2025-0{n + 1}-01")
    refresh_comparisons(db)
    proposed = [r[0] for r in db.execute("select id from official_merges where status = 'proposed'")]
    assert proposed, "two Agus Gunawan in two regions are a merge to review"
    store_comparisons.decide_merge(db, proposed[0], "confirmed")
    refresh_comparisons(db)
    assert assert_current(db) == (2, 2, 2)


def test_the_demo_corpus_rows_equal_the_views(demo_db):
    """The bundled corpus through `janji demo` (the real pipeline and comparisons)."""
    db = open_db(demo_db)
    try:
        assert min(assert_current(db)) > 10
    finally:
        db.close()


def test_migration_fills_the_tables_of_an_older_database(db):
    for n in range(3):
        doc, _ = store_document(db, news(f"Dokumen {n}", f"https://berita.example/old{n}"))
        replace_extraction(db, doc, extraction([Official(name="Sri Wahyuni", position="Sekretaris Daerah")],
                                               [("Sri Wahyuni", f"Kami akan menambah {n} sekolah."), (None, "Tanpa nama.")]),
                           "2024-06-01")
    expected = {t: table_and_reference(db, t)[1] for t in KEYS}
    # the database as it was before _m011: the answers were views, the tables did not exist
    for table, sql in REFERENCE.items():
        db.execute(f"drop table {table}")
        db.execute(f"create view {table} as {sql}")
    db.execute("delete from _migrations where name in ('m011_answer_tables', 'm013_official_timeline_table')")
    db.conn.commit()
    assert migrations.migrate(db) == ["m011_answer_tables", "m013_official_timeline_table"]
    for table in KEYS:
        assert db[table].exists() and table not in db.view_names()
        got, reference, _ = table_and_reference(db, table)
        assert got == reference == expected[table]
    # and the writer keeps them from there
    doc, _ = store_document(db, news("Dokumen baru", "https://berita.example/new"))
    replace_extraction(db, doc, extraction([], [(None, "Baru.")]), "2024-07-01")
    assert assert_current(db) == (7, 7, 1)


def test_search_and_facets_read_indexes(db):
    """What Datasette runs on the tables: a facet counts over a covering index, the official's
    rows and the default sort (date desc) read an index, an FTS match looks rows up by key."""
    plans = {
        "select region as value, count(*) as count from (select * from commitment_details) "
        "where region is not null group by region order by count desc, value limit 31":
            "COVERING INDEX idx_commitment_details_region",
        "select * from commitment_details where official_id = 1 order by date desc":
            "INDEX idx_commitment_details_official",
        "select * from commitment_details order by date desc, commitment_id desc limit 101":
            "INDEX idx_commitment_details_date",
        "select * from commitment_details where commitment_id in "
        "(select rowid from commitments_fts where commitments_fts match 'sehat')":
            "SEARCH commitment_details USING INTEGER PRIMARY KEY",
        "select opd as value, count(*) as count from (select * from quote_details) "
        "where opd is not null group by opd order by count desc, value limit 31":
            "COVERING INDEX idx_quote_details_opd",
        "select position as value, count(*) as count from (select * from official_timeline) "
        "where position is not null group by position order by count desc, value limit 31":
            "COVERING INDEX idx_official_timeline_position",
        "select * from official_timeline order by official limit 101": "INDEX idx_official_timeline_official",
    }
    for sql, expected in plans.items():
        plan = " | ".join(row[3] for row in db.execute(f"explain query plan {sql}"))
        assert expected in plan, (sql, plan)
        assert "TEMP B-TREE FOR ORDER BY" not in plan or "group by" in sql, (sql, plan)


def test_answer_table_equality_catches_a_stale_row(db):
    """The comparison itself can fail: a row edited behind the writer's back is seen."""
    doc, _ = store_document(db, news("x", "https://berita.example/s"))
    replace_extraction(db, doc, extraction([], [(None, "Satu.")]), "2024-01-01")
    db.execute("update commitment_details set text = 'lain'")
    with pytest.raises(AssertionError):
        assert_current(db)


def test_disagreements_counts_rows_a_crash_check_would_miss(db):
    from db.answer_tables import disagreements
    doc, _ = store_document(db, news("x", "https://berita.example/d"))
    replace_extraction(db, doc, extraction([], [(None, "Satu.")]), "2024-01-01")
    assert set(disagreements(db).values()) == {0}
    db.execute("update commitment_details set text = 'lain'")
    assert disagreements(db)["commitment_details"] == 2  # the stale row, and the row it should be
