"""Find-or-create for officials and OPDs, so one person or agency is one row across documents."""
from __future__ import annotations

import sqlite_utils

from db import answer_tables
from models import Official


def opd_id_for(db: sqlite_utils.Database, name: str, region: str | None, abbreviation: str | None = None) -> int:
    rows = list(db.query("select id, abbreviation from opds where name = ? and coalesce(region, '') = ?",
                         [name, region or ""]))
    if rows:
        if abbreviation and not rows[0]["abbreviation"]:
            db["opds"].update(rows[0]["id"], {"abbreviation": abbreviation})
            answer_tables.refresh_opds(db, [rows[0]["id"]])  # shown on its officials' timelines
        return rows[0]["id"]
    return db["opds"].insert({"name": name, "abbreviation": abbreviation, "region": region}).last_pk


def official_id_for(db: sqlite_utils.Database, official: Official) -> int:
    """Same bare name and a compatible region (equal, or unknown on either side) => same person."""
    candidates = list(db.query(
        "select id, full_name, region from officials where lower(name) = lower(?) order by id", [official.name]))
    match = next((c for c in candidates if c["region"] == official.region), None)
    if match is None:
        match = next((c for c in candidates if not c["region"] or not official.region), None)
    if match is None:
        oid = db["officials"].insert({"name": official.name, "full_name": official.full_name,
                                      "region": official.region}).last_pk
    else:
        oid = match["id"]
        updates = {}
        if official.full_name and len(official.full_name) > len(match["full_name"] or ""):
            updates["full_name"] = official.full_name
        if official.region and not match["region"]:
            updates["region"] = official.region
        if updates:
            db["officials"].update(oid, updates)
            answer_tables.refresh_officials(db, [oid])  # shown on their commitments and quotes
    aliases = {official.name, *(official.aliases or [])}
    if official.full_name:
        aliases.add(official.full_name)
    db["official_aliases"].insert_all(({"official_id": oid, "alias": a} for a in aliases), ignore=True)
    return oid
