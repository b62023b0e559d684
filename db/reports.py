"""Read-only queries behind `janji diff`, `links`, `officials` and `changes` (rows as dicts)."""
from __future__ import annotations

import json

import sqlite_utils


def opd_names(db: sqlite_utils.Database, opd: str) -> list[str]:
    """What was typed plus the full names of an abbreviation or head title ("Dinkes", "Kadinkes")."""
    typed = opd.strip()
    return [typed, *(r["name"] for r in db.query(
        "select name from opd_abbreviations where lower(abbreviation) = lower(?)", [typed]))]


def opd_matches(label: str | None, names: list[str]) -> bool:
    label = (label or "").lower()
    return bool(label) and any(n.lower() in label or label in n.lower() for n in names if n)


def diffs(db: sqlite_utils.Database, opd: str | None = None, year: int | None = None,
          region: str | None = None) -> list[dict]:
    """Stored PK Perubahan diffs, each with its target and program rows and signatory changes."""
    names = opd_names(db, opd) if opd else []
    out = []
    for d in db.query("""select * from agreement_diffs where (:year is null or year = :year)
            and (:region is null or lower(region) like '%' || lower(:region) || '%')
            order by year, opd, region, revision_number""", {"year": year, "region": region}):
        if opd and not opd_matches(d["opd"], names):
            continue
        d["targets"] = [dict(r, candidates=json.loads(r["candidates"] or "[]")) for r in db.query(
            "select * from target_changes where diff_id = ? order by id", [d["id"]])]
        d["programs"] = [dict(r, candidates=json.loads(r["candidates"] or "[]")) for r in db.query(
            "select * from program_changes where diff_id = ? order by id", [d["id"]])]
        out.append(d)
    return out


def links(db: sqlite_utils.Database, status: str | None = None) -> list[dict]:
    return [dict(r, reasons=json.loads(r["reasons"] or "[]")) for r in db.query(
        """select * from promise_link_review where (:status is null or status = :status)
           order by status, score desc, link_id""", {"status": status})]


def merges(db: sqlite_utils.Database, status: str | None = None) -> list[dict]:
    return list(db.query("""select * from official_merges where (:status is null or status = :status)
                            order by status, id""", {"status": status}))


def spans(db: sqlite_utils.Database, name: str | None = None) -> list[dict]:
    """Timeline spans, optionally of officials whose name or any alias contains `name`."""
    return list(db.query("""select * from official_spans where :name is null or official_id in (
            select canonical_id from official_canonical where official_id in (
              select id from officials where lower(name) like '%' || lower(:name) || '%'
              union select official_id from official_aliases where lower(alias) like '%' || lower(:name) || '%'))
        order by official, coalesce(started, first_seen), position""", {"name": name}))


def changes(db: sqlite_utils.Database, since: str, by: str = "published", official: str | None = None,
            opd: str | None = None) -> list[dict]:
    """The change feed since a date: by the event or publication date, or by when it was stored."""
    column = {"published": "changed_at", "stored": "stored_at"}[by]
    names = opd_names(db, opd) if opd else []
    rows = db.query(f"""select * from change_feed where {column} >= :since
        and (:official is null or official_id in (
            select canonical_id from official_canonical where official_id in (
              select id from officials where lower(name) like '%' || lower(:official) || '%'
              union select official_id from official_aliases where lower(alias) like '%' || lower(:official) || '%'))
          or lower(official) like '%' || lower(:official) || '%')
        order by {column}, item, key""", {"since": since, "official": official})
    return [r for r in rows if not opd or opd_matches(r["opd"], names)]
