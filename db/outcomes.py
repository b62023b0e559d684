"""Read-only queries behind `janji outcomes` and the outcome matching (janji/outcomes.py)."""
from __future__ import annotations

import json

import sqlite_utils

from db.read import OPD_LABEL
from db.reports import opd_matches, opd_names


def target_ids(db: sqlite_utils.Database) -> dict[int, list[int]]:
    """Each agreement's target ids in the order db/read.agreements lists its targets."""
    out: dict[int, list[int]] = {}
    for r in db.query("select id, agreement_id from agreement_targets order by id"):
        out.setdefault(r["agreement_id"], []).append(r["id"])
    return out


def reports(db: sqlite_utils.Database) -> list[dict]:
    """Every stored report (OPD labelled as agreements are), with its achievements in table order;
    the latest stored document first, so it wins when one OPD's year was published twice."""
    rows = list(db.query(f"""select r.id, r.document_id, r.year, r.region, {OPD_LABEL} as opd
        from reports r left join opds on opds.id = r.opd_id order by r.document_id desc, r.id"""))
    achievements: dict[int, list[dict]] = {}
    for a in db.query("select id, report_id, indikator from achievements order by id"):
        achievements.setdefault(a["report_id"], []).append(a)
    return [dict(r, achievements=achievements.get(r["id"], [])) for r in rows]


def outcomes(db: sqlite_utils.Database, opd: str | None = None, region: str | None = None,
             year: int | None = None) -> list[dict]:
    """target_outcomes rows; OPD in any form (name, part of it, abbreviation, head title)."""
    names = opd_names(db, opd) if opd else []
    rows = db.query("""select * from target_outcomes where (:year is null or year = :year)
        and (:region is null or lower(region) like '%' || lower(:region) || '%')
        order by year, opd, region, outcome_id""", {"year": year, "region": region})
    return [dict(r, candidates=json.loads(r["candidates"] or "[]")) for r in rows
            if not opd or opd_matches(r["opd"], names) or opd_matches(r["first_party_position"], names)]
