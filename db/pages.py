"""Read-only queries behind the front door pages (front page, search, official, OPD, document):
plain sqlite3, rows as dicts. Each query starts from an id or an FTS match and is limited, so a
page costs a handful of index lookups whatever the size of the database."""
from __future__ import annotations

import re
import sqlite3

from db import search as stemming

LIMIT = 200          # rows of one kind on an entity page
SEARCH_LIMIT = 20    # rows of one kind on the search page
WORD = re.compile(r"\w+")
# what an agreement's outcome table shows, of the target_outcomes view's columns (those it has)
OUTCOME_COLUMNS = ("indikator", "target", "realisasi", "capaian", "verdict", "report_document_id", "report_source_url")
OPD_MATCH = "lower(name) like ? escape '\\' or lower(abbreviation) = lower(?)"


def _rows(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cursor = conn.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _one(conn: sqlite3.Connection, sql: str, params=()) -> dict | None:
    rows = _rows(conn, sql, params)
    return rows[0] if rows else None


def has(conn: sqlite3.Connection, name: str) -> bool:
    """Whether a table or view exists (outcomes come with a later migration; pages skip them before)."""
    return conn.execute("select 1 from sqlite_master where name = ? and type in ('table', 'view')",
                        [name]).fetchone() is not None


def columns_of(conn: sqlite3.Connection, name: str) -> set[str]:
    return {row[1] for row in conn.execute(f"pragma table_info([{name}])")}


def _marks(ids) -> str:
    return ", ".join("?" for _ in ids) or "null"


# --- search -------------------------------------------------------------------------------

def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def other_forms(conn: sqlite3.Connection, q: str) -> list[str]:
    """The other form of each OPD abbreviation or name in `q` (as written, "Dinkes"), and of the whole
    of `q` in any case ("dinkes", "satpol pp": people type abbreviations in lower case)."""
    found = stemming.expansions(q)
    found += [r[0] for r in conn.execute("""select name from opd_abbreviations where lower(abbreviation) = lower(?1)
                                            union select abbreviation from opd_abbreviations
                                            where lower(name) = lower(?1) and form != 'head_title'""", [q.strip()])]
    return list(dict.fromkeys(found))


def fts_query(q: str, others: list[str] | None = None) -> str | None:
    """An FTS5 query for what was typed, Indonesian-aware: each word as typed OR its Sastrawi stem
    (rows carry stems in their `*_stemmed` columns, so "kesehatan" and "sehat" meet both ways), and
    the whole as the other form of an OPD abbreviation or name it contains ("Dinkes" <-> "Dinas
    Kesehatan")."""
    words = WORD.findall(q)
    if not words:
        return None
    terms = []
    for word in words:
        stem = stemming.stem(word)
        forms = dict.fromkeys([word.lower(), stem] if stem else [word.lower()])
        terms.append("(" + " OR ".join(_quoted(f) for f in forms) + ")")
    alternatives = [" AND ".join(terms)]
    for other in stemming.expansions(q) if others is None else others:
        alternatives.append(_quoted(other))
        stemmed = stemming.stem(other)
        if stemmed and stemmed != other.lower():
            alternatives.append(_quoted(stemmed))
    return " OR ".join(f"({a})" for a in dict.fromkeys(alternatives))


def _like(q: str) -> str:
    return "%" + q.strip().lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(conn: sqlite3.Connection, q: str, limit: int = SEARCH_LIMIT) -> dict[str, list[dict]]:
    """Commitments, officials, agencies, PK targets and documents matching `q`, by kind, newest
    stored first: FTS5 walks its rowids backwards and stops at the limit, where ranking would
    score every match first (55 ms for "sehat" over 200,000 commitments)."""
    others = other_forms(conn, q) if has(conn, "opd_abbreviations") else stemming.expansions(q)
    match = fts_query(q, others)
    found: dict[str, list[dict]] = {"officials": [], "opds": [], "commitments": [], "targets": [], "documents": []}
    if not match:
        return found
    like = _like(q)
    found["officials"] = _rows(conn, """
        select o.id, o.name, o.full_name, o.region,
               (select count(*) from commitments c where c.official_id = o.id) as commitments
        from officials o
        where o.id in (select id from officials where lower(name) like :like escape '\\'
                            or lower(full_name) like :like escape '\\'
                       union select official_id from official_aliases where lower(alias) like :like escape '\\')
        order by commitments desc, o.name limit :limit""", {"like": like, "limit": limit})
    names = [q.strip(), *others]
    match_opd = " or ".join(OPD_MATCH for _ in names)
    found["opds"] = _rows(conn, f"""select id, name, abbreviation, region from opds where {match_opd}
        order by name, region limit ?""", [v for n in names for v in (_like(n), n.strip())] + [limit])
    found["commitments"] = _rows(conn, """
        select c.id, c.text, c.kind, c.quoted, c.date, c.document_id, c.official_id,
               coalesce(o.name, c.speaker) as speaker, d.title as source_title,
               coalesce(d.canonical_url, d.url) as source_url
        from (select rowid from commitments_fts where commitments_fts match :q order by rowid desc limit :limit) f
        join commitments c on c.id = f.rowid
        join documents d on d.id = c.document_id
        left join officials o on o.id = c.official_id
        order by f.rowid desc""", {"q": match, "limit": limit})
    found["targets"] = _rows(conn, """
        select t.id, t.indikator, t.sasaran, t.target, t.value, t.unit, a.year, a.revision,
               a.document_id, a.opd_id, opds.name as opd, a.region,
               coalesce(d.canonical_url, d.url) as source_url, d.title as source_title
        from (select rowid from agreement_targets_fts where agreement_targets_fts match :q
              order by rowid desc limit :limit) f
        join agreement_targets t on t.id = f.rowid
        join agreements a on a.id = t.agreement_id
        join documents d on d.id = a.document_id
        left join opds on opds.id = a.opd_id
        order by f.rowid desc""", {"q": match, "limit": limit})
    found["documents"] = _rows(conn, """
        select d.id, d.title, d.kind, d.site, d.published, coalesce(d.canonical_url, d.url) as source_url,
               f.excerpt
        from (select rowid, snippet(documents_fts, 1, '[[', ']]', ' … ', 24) as excerpt
              from documents_fts where documents_fts match :q order by rowid desc limit :limit) f
        join documents d on d.id = f.rowid
        order by f.rowid desc""", {"q": match, "limit": limit})
    return found


# --- front page ----------------------------------------------------------------------------

def front(conn: sqlite3.Connection, limit: int = 8) -> dict:
    """Who is quoted most, and what came in last (newest stored first: rowid order, no sort)."""
    return {
        "officials": _rows(conn, """
            select o.id, o.name, o.region, n.commitments,
                   (select trim(coalesce(r.acting || ' ', '') || r.position) from official_roles r
                     where r.document_id = (select max(document_id) from commitments where official_id = o.id)
                       and r.official_id = o.id limit 1) as position
            from (select official_id, count(*) as commitments from commitments
                  where official_id is not null group by official_id
                  order by commitments desc limit :limit) n
            join officials o on o.id = n.official_id
            order by n.commitments desc, o.name""", {"limit": limit}),
        "latest": _rows(conn, """
            select c.id, c.text, c.kind, c.date, c.document_id, c.official_id,
                   coalesce(o.name, c.speaker) as speaker, d.title as source_title, d.fetched,
                   coalesce(d.canonical_url, d.url) as source_url
            from (select * from commitments order by id desc limit :limit) c
            join documents d on d.id = c.document_id
            left join officials o on o.id = c.official_id
            order by c.id desc""", {"limit": limit}),
        "agreements": _rows(conn, """
            select a.id, a.year, a.revision, a.region, a.document_id, a.signed_date, a.opd_id,
                   opds.name as opd, a.first_party_name, a.first_party_official_id,
                   (select count(*) from agreement_targets t where t.agreement_id = a.id) as targets
            from (select * from agreements order by id desc limit :limit) a
            left join opds on opds.id = a.opd_id
            order by a.id desc""", {"limit": limit}),
        "counts": {t: conn.execute(f"select max(rowid) from [{t}]").fetchone()[0] or 0
                   for t in ("documents", "commitments", "officials", "agreement_targets")},
    }


# --- an official ---------------------------------------------------------------------------

def official_ids(conn: sqlite3.Connection, official_id: int) -> list[int]:
    """The official and every record confirmed to be the same person (merges, both directions)."""
    ids, todo = {official_id}, [official_id]
    while todo and len(ids) < 50:
        current = todo.pop()
        for (other,) in conn.execute("""select merged_into_id from official_merges where official_id = ?1
                                          and status = 'confirmed'
                                        union select official_id from official_merges where merged_into_id = ?1
                                          and status = 'confirmed'""", [current]):
            if other is not None and other not in ids:
                ids.add(other)
                todo.append(other)
    return sorted(ids)


def official(conn: sqlite3.Connection, official_id: int) -> dict | None:
    person = _one(conn, "select * from officials where id = ?", [official_id])
    if person is None:
        return None
    ids = official_ids(conn, official_id)
    marks = _marks(ids)
    person["ids"] = ids
    person["names"] = [r["alias"] for r in _rows(conn, f"""
        select alias from official_aliases where official_id in ({marks})
        union select name from officials where id in ({marks})
        union select full_name from officials where id in ({marks}) and full_name is not null
        order by 1""", ids * 3)]
    person["positions"] = _rows(conn, f"""
        select trim(coalesce(r.acting || ' ', '') || r.position) as position, r.acting, r.opd_id,
               opds.name as opd, r.region, min(r.date) as first_seen, max(r.date) as last_seen,
               count(distinct r.document_id) as documents, max(r.document_id) as document_id
        from official_roles r left join opds on opds.id = r.opd_id
        where r.official_id in ({marks})
        group by r.acting, r.position, r.opd_id, r.region
        order by first_seen, position""", ids)
    person["tenure"] = _rows(conn, f"""
        select t.kind, trim(coalesce(t.acting || ' ', '') || coalesce(t.position, '')) as position, t.date,
               t.text, t.document_id, d.title as source_title, coalesce(d.canonical_url, d.url) as source_url
        from tenure_events t join documents d on d.id = t.document_id
        where t.official_id in ({marks}) order by t.date limit {LIMIT}""", ids)
    person["commitments"] = _rows(conn, f"""
        select c.id, c.kind, c.quoted, c.text, c.date, c.target_value, c.target_unit, c.deadline,
               c.document_id, d.title as source_title, d.site, d.published,
               coalesce(d.canonical_url, d.url) as source_url
        from commitments c join documents d on d.id = c.document_id
        where c.official_id in ({marks})
        order by c.date desc, c.document_id desc, c.start limit {LIMIT}""", ids)
    person["agreements"] = _agreements(conn, f"""
        (first_party_official_id in ({marks}) or second_party_official_id in ({marks}))""", ids * 2)
    commitment_ids = [c["id"] for c in person["commitments"]]
    person["links"] = _rows(conn, f"""
        select l.id, l.status, l.score, l.reasons, l.commitment_id, l.target_id,
               coalesce(c.text, l.commitment_text) as commitment, coalesce(t.indikator, l.target_indikator) as indikator,
               t.target, t.value, t.unit, a.year, a.revision, l.commitment_document_id, l.target_document_id
        from promise_links l
        left join commitments c on c.id = l.commitment_id
        left join agreement_targets t on t.id = l.target_id
        left join agreements a on a.id = t.agreement_id
        where l.commitment_id in ({_marks(commitment_ids)}) and l.status != 'rejected'
        order by l.status = 'confirmed' desc, l.score desc limit {LIMIT}""", commitment_ids)
    return person


def _agreements(conn: sqlite3.Connection, where: str, params: list) -> list[dict]:
    """PK agreements matching `where`, each with its targets, revisions and outcomes."""
    agreements = _rows(conn, f"""
        select a.id, a.year, a.revision, a.region, a.opd_id, opds.name as opd, a.signed_date, a.signed_place,
               a.total_anggaran, a.document_id, a.first_party_name, a.first_party_position,
               a.first_party_acting, a.first_party_official_id, a.second_party_name, a.second_party_position,
               a.second_party_official_id, coalesce(d.canonical_url, d.url) as source_url, d.title as source_title
        from agreements a join documents d on d.id = a.document_id left join opds on opds.id = a.opd_id
        where {where} order by a.year desc, a.revision, a.id limit {LIMIT}""", params)
    outcome_columns = columns_of(conn, "target_outcomes") if has(conn, "target_outcomes") else set()
    wanted = [c for c in OUTCOME_COLUMNS if c in outcome_columns]  # asked once, not per agreement
    for agreement in agreements:
        agreement["targets"] = _rows(conn, """select id, sasaran, indikator, target, value, unit, page
            from agreement_targets where agreement_id = ? order by id""", [agreement["id"]])
        agreement["changes"] = _rows(conn, """
            select g.id as diff_id, g.revision_number, c.change, c.indikator_before, c.indikator_after,
                   c.target_before, c.target_after, c.value_before, c.value_after, c.unit_before, c.unit_after,
                   c.change_pct, g.original_document_id, g.revised_document_id
            from agreement_diffs g join target_changes c on c.diff_id = g.id
            where g.revised_agreement_id = ?1 and c.change != 'unchanged'  -- shown with the revision
            order by g.revision_number, c.id""", [agreement["id"]])
        agreement["outcomes"] = []
        if "target_id" in outcome_columns and agreement["targets"]:
            ids = [t["id"] for t in agreement["targets"]]
            agreement["outcomes"] = _rows(conn, f"""select {", ".join(wanted)} from target_outcomes
                where target_id in ({_marks(ids)}) order by target_id""", ids)
    return agreements


# --- an OPD of a region --------------------------------------------------------------------

def opd(conn: sqlite3.Connection, opd_id: int) -> dict | None:
    agency = _one(conn, "select * from opds where id = ?", [opd_id])
    if agency is None:
        return None
    agency["heads"] = _rows(conn, """
        select r.official_id, o.name, trim(coalesce(r.acting || ' ', '') || r.position) as position,
               min(r.date) as first_seen, max(r.date) as last_seen, count(distinct r.document_id) as documents
        from official_roles r join officials o on o.id = r.official_id
        where r.opd_id = ?
        group by r.official_id, r.acting, r.position
        order by (r.position like 'Kepala%' or r.position like 'Sekretaris Daerah%') desc, first_seen, o.name""", [opd_id])
    agency["agreements"] = _agreements(conn, "a.opd_id = ?", [opd_id])
    agency["commitments"] = _rows(conn, f"""
        select c.id, c.kind, c.quoted, c.text, c.date, c.document_id, c.official_id,
               coalesce(o.name, c.speaker) as speaker, d.title as source_title,
               coalesce(d.canonical_url, d.url) as source_url
        from (select distinct document_id, official_id from official_roles where opd_id = ?) r
        join commitments c on c.document_id = r.document_id and c.official_id = r.official_id
        join documents d on d.id = c.document_id
        left join officials o on o.id = c.official_id
        order by c.date desc, c.id limit {LIMIT}""", [opd_id])
    return agency


# --- a document ----------------------------------------------------------------------------

def document(conn: sqlite3.Connection, document_id: int) -> dict | None:
    doc = _one(conn, """select id, key, url, canonical_url, coalesce(canonical_url, url) as source_url, path,
                               site, kind, title, published, published_method, author, fetched, sha256,
                               content_type, text_method, text, status, error, extractor_version
                        from documents where id = ?""", [document_id])
    if doc is None:
        return None
    doc["mentions"] = _rows(conn, """
        select m.start, m."end", m.text, m.official_id, m.opd_id, o.name as official, opds.name as opd
        from mentions m left join officials o on o.id = m.official_id left join opds on opds.id = m.opd_id
        where m.document_id = ? order by m.start""", [document_id])
    doc["dates"] = _rows(conn, """select date, end_date, text, start, "end" from event_dates
                                  where document_id = ? order by start""", [document_id])
    doc["commitments"] = _rows(conn, """
        select c.id, c.kind, c.quoted, c.text, c.date, c.start, c."end", c.official_id,
               coalesce(o.name, c.speaker) as speaker
        from commitments c left join officials o on o.id = c.official_id
        where c.document_id = ? order by c.start""", [document_id])
    doc["agreements"] = _agreements(conn, "a.document_id = ?", [document_id])
    doc["programs"] = _rows(conn, """select p.agreement_id, p.program, p.anggaran, p.keterangan, p.page
        from agreement_programs p join agreements a on a.id = p.agreement_id
        where a.document_id = ? order by p.id""", [document_id])
    doc["reports"] = []
    if has(conn, "reports") and has(conn, "achievements"):  # performance reports (a later migration)
        doc["reports"] = _rows(conn, """select r.id, r.kind, r.year, r.region, r.opd_id, opds.name as opd
            from reports r left join opds on opds.id = r.opd_id where r.document_id = ? order by r.id""", [document_id])
        for report in doc["reports"]:
            report["achievements"] = _rows(conn, """select sasaran, indikator, satuan, target, realisasi, capaian,
                kriteria, page from achievements where report_id = ? order by id""", [report["id"]])
    return doc
