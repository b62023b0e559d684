"""Schema changes, in order. Each migration runs once, inside a transaction, and is recorded.

Add a new function to MIGRATIONS to change the schema; never edit one that has shipped.
"""
from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from db import answer_tables, search, views
from models import vocab


def _m001_core(db: sqlite_utils.Database) -> None:
    db["raw_files"].create({"sha256": str, "size": int, "content": bytes}, pk="sha256")
    db["documents"].create(
        {
            "id": int, "key": str, "url": str, "canonical_url": str, "path": str, "site": str,
            "kind": str, "title": str, "published": str, "published_method": str, "author": str,
            "fetched": str, "sha256": str, "content_type": str, "text_method": str, "text": str,
            "pages": str, "related": str, "captions": str, "linked_from": str,
            "status": str, "error": str, "processed_at": str, "extractor_version": str,
        },
        pk="id", not_null=["key", "kind", "sha256", "status"],
        foreign_keys=[("sha256", "raw_files", "sha256")],
    )
    db["documents"].create_index(["key"], unique=True)
    db["documents"].create_index(["status"])
    db["ingest_errors"].create(
        {"id": int, "at": str, "source": str, "error": str, "run_id": int}, pk="id"
    )
    db["scrape_runs"].create(
        {"id": int, "started": str, "finished": str, "command": str, "pages_fetched": int,
         "new_documents": int, "skipped": int, "errors": int, "status": str}, pk="id"
    )
    db["fetch_state"].create(
        {"url": str, "etag": str, "last_modified": str, "last_status": int,
         "content_sha256": str, "fetched_at": str, "document_id": int},
        pk="url", foreign_keys=[("document_id", "documents", "id")],
    )
    db["documents"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")


def _m002_extraction(db: sqlite_utils.Database) -> None:
    db["opds"].create({"id": int, "name": str, "abbreviation": str, "region": str}, pk="id", not_null=["name"])
    db.execute("CREATE UNIQUE INDEX idx_opds_name_region ON opds(name, coalesce(region, ''))")
    db["officials"].create({"id": int, "name": str, "full_name": str, "region": str}, pk="id", not_null=["name"])
    db["officials"].create_index(["name"])
    db["official_aliases"].create(
        {"official_id": int, "alias": str}, pk=("official_id", "alias"),
        foreign_keys=[("official_id", "officials", "id")],
    )
    doc_fk = ("document_id", "documents", "id")
    # One row per official x document x role: the evidence the `positions` timeline is built from.
    db["official_roles"].create(
        {"id": int, "document_id": int, "official_id": int, "position": str, "opd_id": int,
         "region": str, "date": str},
        pk="id", foreign_keys=[doc_fk, ("official_id", "officials", "id"), ("opd_id", "opds", "id")],
    )
    db["mentions"].create(
        {"id": int, "document_id": int, "official_id": int, "opd_id": int, "start": int,
         "end": int, "text": str},
        pk="id", foreign_keys=[doc_fk, ("official_id", "officials", "id"), ("opd_id", "opds", "id")],
    )
    db["event_dates"].create(
        {"id": int, "document_id": int, "date": str, "end_date": str, "text": str, "start": int,
         "end": int, "weekday_mismatch": int},
        pk="id", foreign_keys=[doc_fk],
    )
    db["commitments"].create(
        {"id": int, "document_id": int, "official_id": int, "speaker": str, "kind": str,
         "quote": int, "text": str, "date": str, "start": int, "end": int,
         "target_value": float, "target_unit": str, "deadline": str, "extractor_version": str},
        pk="id", foreign_keys=[doc_fk, ("official_id", "officials", "id")],
    )
    db["agreements"].create(
        {"id": int, "document_id": int, "year": int, "revision": int, "opd_id": int, "region": str,
         "first_party_official_id": int, "first_party_name": str, "first_party_full_name": str,
         "first_party_position": str, "first_party_nip": str,
         "second_party_official_id": int, "second_party_name": str, "second_party_full_name": str,
         "second_party_position": str, "second_party_nip": str,
         "signed_place": str, "signed_date": str, "total_anggaran": float, "total_mismatch": float},
        pk="id",
        foreign_keys=[doc_fk, ("opd_id", "opds", "id"),
                      ("first_party_official_id", "officials", "id"),
                      ("second_party_official_id", "officials", "id")],
    )
    db["agreement_targets"].create(
        {"id": int, "agreement_id": int, "sasaran": str, "indikator": str, "target": str,
         "value": float, "unit": str, "page": int},
        pk="id", foreign_keys=[("agreement_id", "agreements", "id")],
    )
    db["agreement_programs"].create(
        {"id": int, "agreement_id": int, "program": str, "anggaran": float, "keterangan": str,
         "page": int},
        pk="id", foreign_keys=[("agreement_id", "agreements", "id")],
    )
    for table in ("official_roles", "mentions", "event_dates", "commitments", "agreements"):
        db[table].create_index(["document_id"])
    for table in ("agreement_targets", "agreement_programs"):
        db[table].create_index(["agreement_id"])
    db["commitments"].create_index(["official_id"])
    db["commitments"].enable_fts(["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")
    db["agreement_targets"].enable_fts(
        ["indikator", "sasaran"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    # The timeline: who held which position where, first and last seen across documents.
    db.create_view("positions", """
        select r.official_id, o.name as official, r.position, opds.name as opd, r.region,
               min(r.date) as first_seen, max(r.date) as last_seen,
               count(distinct r.document_id) as documents
        from official_roles r
        join officials o on o.id = r.official_id
        left join opds on opds.id = r.opd_id
        group by r.official_id, r.position, r.opd_id, r.region
    """)


def _m003_pdf_layout(db: sqlite_utils.Database) -> None:
    # PDF words and tables as JSON, so re-extraction never re-runs OCR on scanned pages
    db["documents"].add_column("layout", str)


def _m004_search_views(db: sqlite_utils.Database) -> None:
    # Indonesian search (stems + OPD acronym expansions, db/search.py), the acronym table the
    # canned queries expand with, and the answer views of db/sql/views_v1.sql.
    search.add_stemmed_search(db)
    search.load_abbreviations(db)
    views.create_views(db, "v1")
    # commitment_details finds the speaker's role in the same document for every row
    db["official_roles"].create_index(["document_id", "official_id"], if_not_exists=True)


def _m005_comparisons(db: sqlite_utils.Database) -> None:
    # Tenure events are derived rows of their document (replaced with it, db/store.py).
    db["tenure_events"].create(
        {"id": int, "document_id": int, "official_id": int, "kind": str, "position": str, "date": str,
         "text": str, "start": int, "end": int},
        pk="id", foreign_keys=[("document_id", "documents", "id"), ("official_id", "officials", "id")],
    )
    db["tenure_events"].create_index(["document_id"])
    db["tenure_events"].create_index(["official_id"])
    # The comparisons are recomputed after processing (db/store_comparisons.py). Re-processing a
    # document deletes the rows they point at: those references are set to null (ON DELETE SET
    # NULL, which sqlite-utils cannot declare, hence plain SQL) and re-attached by the next
    # recompute from the durable key each row keeps (names, document and text).
    for statement in COMPARISON_TABLES:
        db.execute(statement)
    views.create_views(db, "v2")


COMPARISON_TABLES = [
    """create table official_merges (
        id integer primary key,
        official_id integer references officials(id) on delete set null,
        merged_into_id integer references officials(id) on delete set null,
        official_name text, official_region text, merged_into_name text, merged_into_region text,
        reason text, status text not null, decided_at text)""",
    "create index idx_official_merges_official on official_merges(official_id)",
    "create index idx_official_merges_merged_into on official_merges(merged_into_id)",
    """create table agreement_diffs (
        id integer primary key, opd text, region text, year integer, revision_number integer,
        original_agreement_id integer references agreements(id) on delete set null,
        revised_agreement_id integer references agreements(id) on delete set null,
        original_document_id integer references documents(id),
        revised_document_id integer references documents(id),
        original_signed_date text, revised_signed_date text,
        total_before float, total_after float, total_change_pct float,
        first_party_before text, first_party_after text, second_party_before text, second_party_after text)""",
    "create index idx_agreement_diffs_original on agreement_diffs(original_agreement_id)",
    "create index idx_agreement_diffs_revised on agreement_diffs(revised_agreement_id)",
    """create table target_changes (
        id integer primary key, diff_id integer references agreement_diffs(id) on delete cascade,
        change text, sasaran text, indikator_before text, indikator_after text, target_before text,
        target_after text, value_before float, value_after float, unit_before text, unit_after text,
        change_pct float, similarity float, reworded integer, candidates text)""",
    "create index idx_target_changes_diff on target_changes(diff_id)",
    """create table program_changes (
        id integer primary key, diff_id integer references agreement_diffs(id) on delete cascade,
        change text, program_before text, program_after text, anggaran_before float,
        anggaran_after float, change_pct float, similarity float, candidates text)""",
    "create index idx_program_changes_diff on program_changes(diff_id)",
    # A link is identified durably by (commitment document, commitment text) and (target
    # document, indicator): ids change when documents are re-processed, decisions must not.
    """create table promise_links (
        id integer primary key,
        commitment_id integer references commitments(id) on delete set null,
        target_id integer references agreement_targets(id) on delete set null,
        score float, reasons text, status text not null, decided_at text,
        commitment_document_id integer references documents(id), commitment_text text,
        target_document_id integer references documents(id), target_indikator text)""",
    """create unique index idx_promise_links_key on promise_links(
        commitment_document_id, commitment_text, target_document_id, target_indikator)""",
    "create index idx_promise_links_commitment on promise_links(commitment_id)",
    "create index idx_promise_links_target on promise_links(target_id)",
    "create index idx_promise_links_status on promise_links(status)",
]


def _m006_lookup_indexes(db: sqlite_utils.Database) -> None:
    # re-processing checks which officials and OPDs are still referenced, and resolves officials
    # by name: without these, both scan whole tables and slow down as the database grows
    db.execute("CREATE INDEX IF NOT EXISTS idx_mentions_official ON mentions(official_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_mentions_opd ON mentions(opd_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_official_roles_opd ON official_roles(opd_id)")
    db.execute("CREATE INDEX IF NOT EXISTS idx_officials_lower_name ON officials(lower(name))")


def _m007_contract_v2(db: sqlite_utils.Database) -> None:
    # Contract v2: quotations are their own rows; a commitment is one sentence (`quoted` when it
    # is inside a quotation, no 'statement' kind); acting prefixes are a column, not part of a title.
    for version in ("v1", "v2"):
        for name in views.view_names(version):
            db.execute(f"drop view if exists [{name}]")
    db["quotes"].create(
        {"id": int, "document_id": int, "official_id": int, "speaker": str, "text": str, "date": str,
         "start": int, "end": int, "extractor_version": str},
        pk="id", foreign_keys=[("document_id", "documents", "id"), ("official_id", "officials", "id")])
    db["quotes"].create_index(["document_id"])
    db["quotes"].create_index(["official_id"])
    db.execute("""insert into quotes (document_id, official_id, speaker, text, date, start, "end", extractor_version)
                  select document_id, official_id, speaker, text, date, start, "end", extractor_version
                  from commitments where quote = 1 and kind = 'statement'""")
    db.execute("delete from commitments where kind = 'statement'")
    db.execute("alter table commitments rename column quote to quoted")
    db["quotes"].enable_fts(["text"], create_triggers=True, tokenize=search.FTS_TOKENIZER)
    for table, columns in (("official_roles", ("position",)), ("tenure_events", ("position",)),
                           ("agreements", ("first_party_position", "second_party_position"))):
        for column in columns:
            acting = column.replace("position", "acting")
            db[table].add_column(acting, str)
            for row_id, value in db.execute(f"select id, [{column}] from [{table}] where [{column}] is not null").fetchall():
                prefix, base = vocab.split_acting(value)
                if prefix:
                    db.execute(f"update [{table}] set [{acting}] = ?, [{column}] = ? where id = ?", [prefix, base, row_id])
    redefined = frozenset(views.view_names("v3"))
    for version in ("v1", "v2"):
        views.create_views(db, version, skip=redefined)
    views.create_views(db, "v3")


def _m009_agreement_pages(db: sqlite_utils.Database) -> None:
    # One PDF may bundle the agreements of many OPDs: each row says which pages are its own.
    db["agreements"].add_column("first_page", int)
    db["agreements"].add_column("last_page", int)


def _m010_reports(db: sqlite_utils.Database) -> None:
    # Performance reports (LKjIP): derived rows of their document, replaced with it (db/store.py).
    doc_fk = ("document_id", "documents", "id")
    db["reports"].create(
        {"id": int, "document_id": int, "kind": str, "year": int, "opd_id": int, "region": str,
         "first_page": int, "last_page": int, "extractor_version": str},
        pk="id", foreign_keys=[doc_fk, ("opd_id", "opds", "id")])
    report_fk = [("report_id", "reports", "id")]
    db["achievements"].create(
        {"id": int, "report_id": int, "sasaran": str, "indikator": str, "satuan": str, "target": str,
         "target_value": float, "realisasi": str, "realisasi_value": float, "capaian": float,
         "direction": str, "kriteria": str, "page": int, "indikator_stemmed": str},
        pk="id", foreign_keys=report_fk)
    db["budget_realisations"].create(
        {"id": int, "report_id": int, "program": str, "pagu": float, "realisasi": float, "persen": float,
         "page": int}, pk="id", foreign_keys=report_fk)
    # a row the reader could not read, as printed: recorded, never invented into an achievement
    db["report_skipped_rows"].create({"id": int, "report_id": int, "text": str}, pk="id", foreign_keys=report_fk)
    db["reports"].create_index(["document_id"])
    db["reports"].create_index(["opd_id"])
    for table in ("achievements", "budget_realisations", "report_skipped_rows"):
        db[table].create_index(["report_id"])
    db["achievements"].enable_fts(["indikator", "sasaran", "indikator_stemmed"], create_triggers=True,
                                  tokenize=search.FTS_TOKENIZER)
    for statement in OUTCOME_TABLES:
        db.execute(statement)
    views.create_views(db, "outcomes")


# Each PK target in force at year end and the report row it was matched to, recomputed after
# processing (janji/outcomes.py). Ids are set to null when their rows are re-created and re-pointed
# from the durable key (document and indicator text) in the same transaction (db/outcome_references.py).
OUTCOME_TABLES = [
    """create table outcome_matches (
        id integer primary key, opd text, region text, year integer,
        target_id integer references agreement_targets(id) on delete set null,
        target_document_id integer references documents(id), target_indikator text,
        original_target_id integer references agreement_targets(id) on delete set null,
        original_document_id integer references documents(id), original_indikator text,
        original_target text, original_target_value float, revision_change text,
        report_id integer references reports(id) on delete set null,
        report_document_id integer references documents(id),
        achievement_id integer references achievements(id) on delete set null,
        achievement_indikator text, similarity float, candidates text)""",
    "create index idx_outcome_matches_target on outcome_matches(target_id)",
    "create index idx_outcome_matches_original on outcome_matches(original_target_id)",
    "create index idx_outcome_matches_achievement on outcome_matches(achievement_id)",
    "create index idx_outcome_matches_report on outcome_matches(report_id)",
    "create index idx_outcome_matches_target_document on outcome_matches(target_document_id)",
    "create index idx_outcome_matches_report_document on outcome_matches(report_document_id)",
]


def _m011_answer_tables(db: sqlite_utils.Database) -> None:
    # The answer views behind search boxes and facets become tables the writer keeps
    # (db/answer_tables.py); target_revisions reads the PK Perubahan diff (views_v4.sql).
    answer_tables.create(db, ("commitment_details", "quote_details"))
    views.create_views(db, "v4")
    # the documents page sorts by publication date and facets kind and site
    for column in ("published", "kind", "site"):
        db["documents"].create_index([column], if_not_exists=True)


def _m012_page_indexes(db: sqlite_utils.Database) -> None:
    # the official and OPD pages (db/pages.py) look up roles by official and agreements by party
    # or OPD: without these each page scans the table, 100,000 rows at 100,000 documents
    db.execute("CREATE INDEX IF NOT EXISTS idx_official_roles_official ON official_roles(official_id)")
    for column in ("first_party_official_id", "second_party_official_id", "opd_id"):
        db.execute(f"CREATE INDEX IF NOT EXISTS idx_agreements_{column} ON agreements({column})")


def _m013_official_timeline_table(db: sqlite_utils.Database) -> None:
    # official_timeline grouped every role at each request (a page of it took ~1 s at 100,000
    # documents): a table the writer keeps, like the answer tables of migration 11
    answer_tables.create(db, ("official_timeline",))


def _m014_document_year_index(db: sqlite_utils.Database) -> None:
    # document_overview's year facet groups this expression over every document: an index on the
    # very expression (SQLite matches it) counts it without reading the rows and their text
    db.execute("CREATE INDEX IF NOT EXISTS idx_documents_year ON documents(cast(substr(published, 1, 4) as integer))")


MIGRATIONS = [_m001_core, _m002_extraction, _m003_pdf_layout, _m004_search_views, _m005_comparisons,
              _m006_lookup_indexes, _m007_contract_v2, _m009_agreement_pages, _m010_reports,
              _m011_answer_tables, _m012_page_indexes,
              _m013_official_timeline_table, _m014_document_year_index]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Apply pending migrations; returns the names applied (empty when up to date)."""
    db["_migrations"].create({"name": str, "applied": str}, pk="name", if_not_exists=True)
    done = {row["name"] for row in db["_migrations"].rows}
    applied = []
    for migration in MIGRATIONS:
        name = migration.__name__.lstrip("_")
        if name in done:
            continue
        with db.atomic():
            migration(db)
            db["_migrations"].insert({"name": name, "applied": datetime.now(timezone.utc).isoformat()})
        applied.append(name)
    return applied
