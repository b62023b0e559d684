"""The one module that writes to the database.

Documents are stored before extraction (raw bytes kept, content-addressed); each document's
derived rows are replaced in one transaction, so a crash leaves either the old rows or the new.
"""
from __future__ import annotations

import contextlib
import json
from dataclasses import asdict
from datetime import datetime, timezone

import sqlite_utils

from models import Document, Extraction, Official
from db import outcome_references, references, search
from db.resolve import official_id_for, opd_id_for
from db import answer_tables

DERIVED_TABLES = ("tenure_events", "official_roles", "mentions", "event_dates", "quotes", "commitments")
REPORT_TABLES = ("achievements", "budget_realisations", "report_skipped_rows")  # rows of a report


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database):
    """A transaction that takes the write lock at BEGIN (BEGIN IMMEDIATE); nested ones are savepoints.

    sqlite-utils' atomic() begins DEFERRED: a transaction that reads before it writes then fails
    at once with "database is locked" when another process wrote in between (SQLite does not
    consult the busy timeout for that case). Taking the lock first makes the busy timeout apply.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        try:
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def document_key(doc: Document) -> str:
    """One document per canonical URL; local files are identified by their content."""
    return doc.canonical_url or doc.url or f"sha256:{doc.sha256}"


def store_document(db: sqlite_utils.Database, doc: Document) -> tuple[int, bool]:
    """Store a document and its raw bytes. Returns (id, created). Same key and bytes: no change."""
    key = document_key(doc)
    known = db.execute("select id, sha256 from documents where key = ?", [key]).fetchone()
    if known and known[1] == doc.sha256:
        return known[0], False
    stems = search.document_columns(doc.title, doc.text)  # Sastrawi: outside the write lock
    with write_transaction(db):
        existing = list(db.query("select id, sha256 from documents where key = ?", [key]))
        if existing and existing[0]["sha256"] == doc.sha256:
            return existing[0]["id"], False
        db["raw_files"].insert({"sha256": doc.sha256, "size": len(doc.raw), "content": doc.raw},
                               ignore=True)
        row = {
            "key": key, "url": doc.url, "canonical_url": doc.canonical_url, "path": doc.path,
            "site": doc.site, "kind": doc.kind, "title": doc.title, "published": doc.published,
            "published_method": doc.published_method, "author": doc.author, "fetched": now(),
            "sha256": doc.sha256, "content_type": doc.content_type, "text_method": doc.text_method,
            "text": doc.text, "pages": json.dumps([asdict(p) for p in doc.pages]),
            "related": json.dumps(doc.related, ensure_ascii=False),
            "captions": json.dumps(doc.captions, ensure_ascii=False),
            "linked_from": doc.linked_from, "status": "new", "error": None,
            "layout": json.dumps([asdict(p) for p in doc.layout]) if doc.layout else None,
        }
        row.update(stems)  # stems + acronyms for FTS
        if existing:  # the source changed: keep the id, re-extract later
            doc_id = existing[0]["id"]
            db["documents"].update(doc_id, row)
            answer_tables.refresh_documents(db, [doc_id])  # their title, URL and stored copy
            return doc_id, False
        return db["documents"].insert(row).last_pk, True


def record_ingest_error(db: sqlite_utils.Database, source: str, error: str, run_id: int | None = None) -> None:
    db["ingest_errors"].insert({"at": now(), "source": source, "error": error, "run_id": run_id})


def record_process_error(db: sqlite_utils.Database, doc_id: int, error: str) -> None:
    """The document failed extraction (or ran over its budget): status 'failed' with the reason;
    `janji process` and `run` skip it from now on, `janji process --all` tries it again."""
    with write_transaction(db):
        db["documents"].update(doc_id, {"status": "failed", "error": error, "processed_at": now()})


def _delete_derived(db: sqlite_utils.Database, doc_id: int) -> tuple[set[int], set[int]]:
    """Delete one document's derived rows; return the official and OPD ids they referred to."""
    officials = {r[0] for r in db.execute(
        """select official_id from official_roles where document_id = ?1
           union select official_id from mentions where document_id = ?1
           union select official_id from commitments where document_id = ?1
           union select official_id from quotes where document_id = ?1
           union select first_party_official_id from agreements where document_id = ?1
           union select second_party_official_id from agreements where document_id = ?1""", [doc_id])
        if r[0] is not None}
    opds = {r[0] for r in db.execute(
        """select opd_id from mentions where document_id = ?1 union select opd_id from official_roles
           where document_id = ?1 union select opd_id from agreements where document_id = ?1
           union select opd_id from reports where document_id = ?1""", [doc_id])
        if r[0] is not None}
    agreement_ids = [r["id"] for r in db.query("select id from agreements where document_id = ?", [doc_id])]
    for agreement_id in agreement_ids:
        db["agreement_targets"].delete_where("agreement_id = ?", [agreement_id])
        db["agreement_programs"].delete_where("agreement_id = ?", [agreement_id])
    db["agreements"].delete_where("document_id = ?", [doc_id])
    for report_id in [r["id"] for r in db.query("select id from reports where document_id = ?", [doc_id])]:
        for table in REPORT_TABLES:
            db[table].delete_where("report_id = ?", [report_id])
    db["reports"].delete_where("document_id = ?", [doc_id])
    for table in DERIVED_TABLES:
        db[table].delete_where("document_id = ?", [doc_id])
    return officials, opds


def _prune_orphans(db: sqlite_utils.Database, officials: set[int], opds: set[int]) -> None:
    """Officials and OPDs the replaced rows referred to, and no row refers to any more, are removed
    (re-extraction may drop them). Only those candidates are checked: a first extraction has none,
    so processing stays as fast at the 100,000th document as at the first."""
    for oid in officials:
        used = db.execute(
            """select exists(select 1 from official_roles where official_id = ?1)
               or exists(select 1 from mentions where official_id = ?1)
               or exists(select 1 from commitments where official_id = ?1)
               or exists(select 1 from quotes where official_id = ?1)
               or exists(select 1 from agreements where first_party_official_id = ?1 or second_party_official_id = ?1)""",
            [oid]).fetchone()[0]
        if not used:
            db.execute("delete from official_aliases where official_id = ?", [oid])
            db.execute("delete from officials where id = ?", [oid])
    for opd_id in opds:
        used = db.execute(
            """select exists(select 1 from mentions where opd_id = ?1)
               or exists(select 1 from official_roles where opd_id = ?1)
               or exists(select 1 from agreements where opd_id = ?1)
               or exists(select 1 from reports where opd_id = ?1)""", [opd_id]).fetchone()[0]
        if not used:
            db.execute("delete from opds where id = ?", [opd_id])


def replace_extraction(db: sqlite_utils.Database, doc_id: int, extraction: Extraction, doc_date: str | None) -> None:
    """Replace every derived row of one document, atomically. The stemmed search columns are
    computed first, so the write lock is held for the writes only."""
    stems = search.extraction_stems(extraction)
    if extraction.report:
        stems.update({id(a): search.searchable(a.indikator, a.sasaran) for a in extraction.report.achievements})
    with write_transaction(db):
        old_officials, old_opds = _delete_derived(db, doc_id)
        official_ids = {}
        for official in extraction.officials:
            opd_id = opd_id_for(db, official.opd, official.region) if official.opd else None
            oid = official_id_for(db, official)
            official_ids[official.name] = oid
            db["official_roles"].insert({"document_id": doc_id, "official_id": oid,
                                         "position": official.position, "acting": official.acting, "opd_id": opd_id,
                                         "region": official.region, "date": doc_date})
            db["mentions"].insert_all({"document_id": doc_id, "official_id": oid, "opd_id": None,
                                       **asdict(m)} for m in official.mentions)
            db["tenure_events"].insert_all({"document_id": doc_id, "official_id": oid, **asdict(e)}
                                           for e in official.events)
        for opd in extraction.opds:
            opd_id = opd_id_for(db, opd.name, opd.region, opd.abbreviation)
            db["mentions"].insert_all({"document_id": doc_id, "official_id": None, "opd_id": opd_id,
                                       **asdict(m)} for m in opd.mentions)
        db["event_dates"].insert_all({"document_id": doc_id, **asdict(d)} for d in extraction.dates)
        db["quotes"].insert_all(
            {"document_id": doc_id, "official_id": official_ids.get(q.speaker), "date": doc_date,
             "extractor_version": extraction.extractor_version, **asdict(q)}
            for q in extraction.quotes)
        db["commitments"].insert_all(
            {"document_id": doc_id, "official_id": official_ids.get(c.speaker), "date": doc_date,
             "extractor_version": extraction.extractor_version, **asdict(c), "text_stemmed": stems.get(id(c))}
            for c in extraction.commitments)
        for agreement in extraction.agreements:
            _insert_agreement(db, doc_id, agreement, stems)
        if extraction.report:
            _insert_report(db, doc_id, extraction.report, extraction.extractor_version, stems)
        _prune_orphans(db, old_officials, old_opds)
        answer_tables.refresh_documents(db, [doc_id], old_officials)  # the answer rows follow, in this transaction
        references.reattach(db, doc_id)  # comparisons follow the new rows (db/references.py)
        outcome_references.reattach_outcomes(db, doc_id)
        # parts that could not be read (a page, a report without its achievements table): one
        # line each, recorded with the document; the rest is stored
        updates = {"status": "processed", "error": "; ".join(extraction.errors) or None, "processed_at": now(),
                   "extractor_version": extraction.extractor_version}
        if extraction.agreement:
            updates["kind"] = "pk"  # the reader recognised a Perjanjian Kinerja in this PDF
        db["documents"].update(doc_id, updates)


def _insert_agreement(db: sqlite_utils.Database, doc_id: int, a, stems: dict[int, str | None]) -> None:
    row = {"document_id": doc_id, "year": a.year, "revision": int(a.revision),
           "opd_id": opd_id_for(db, a.opd, a.region) if a.opd else None, "region": a.region,
           "signed_place": a.signed_place, "signed_date": a.signed_date,
           "total_anggaran": a.total_anggaran, "total_mismatch": a.total_mismatch,
           "first_page": a.pages[0] if a.pages else None, "last_page": a.pages[-1] if a.pages else None}
    roles = []
    for side, party in (("first_party", a.first_party), ("second_party", a.second_party)):
        if party is None:
            continue
        row[f"{side}_name"], row[f"{side}_full_name"] = party.name, party.full_name
        row[f"{side}_position"], row[f"{side}_nip"] = party.position, party.nip
        row[f"{side}_acting"] = party.acting
        if party.name:
            oid = row[f"{side}_official_id"] = official_id_for(
                db, Official(name=party.name, full_name=party.full_name, position=party.position,
                             acting=party.acting, region=a.region))
            # the signatories are officials of this document like any person named in the news
            roles.append({"document_id": doc_id, "official_id": oid, "position": party.position,
                          "acting": party.acting, "opd_id": row["opd_id"] if side == "first_party" else None,
                          "region": a.region, "date": a.signed_date})
    agreement_id = db["agreements"].insert(row).last_pk
    db["official_roles"].insert_all(roles)
    db["agreement_targets"].insert_all({"agreement_id": agreement_id, **asdict(t), "indikator_stemmed": stems.get(id(t))}
                                       for t in a.targets)
    db["agreement_programs"].insert_all({"agreement_id": agreement_id, **asdict(p)} for p in a.programs)


def _insert_report(db: sqlite_utils.Database, doc_id: int, r, extractor_version: str,
                   stems: dict[int, str | None]) -> None:
    report_id = db["reports"].insert({
        "document_id": doc_id, "kind": r.kind, "year": r.year, "region": r.region,
        "opd_id": opd_id_for(db, r.opd, r.region) if r.opd else None,
        "first_page": r.pages[0] if r.pages else None, "last_page": r.pages[-1] if r.pages else None,
        "extractor_version": extractor_version}).last_pk
    db["achievements"].insert_all({"report_id": report_id, **asdict(a), "indikator_stemmed": stems.get(id(a))}
                                  for a in r.achievements)
    db["budget_realisations"].insert_all({"report_id": report_id, **asdict(b)} for b in r.budget)
    db["report_skipped_rows"].insert_all({"report_id": report_id, "text": text} for text in r.skipped_rows)
