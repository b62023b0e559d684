"""Reading stored rows back as `models` records, for the comparisons (janji/compare.py)."""
from __future__ import annotations

import re

import sqlite_utils

from models import Agreement, Party, Program, Target
from models.changes import NamedOfficial, Promise, PromiseTarget, StoredAgreement

# An agreement's OPD: the resolved OPD, else its first party's title without "Kepala"
# ("Kepala Dinas Kesehatan" -> "Dinas Kesehatan"), so versions of one agreement still group.
OPD_LABEL = "opds.name"  # the PK reader attaches the OPD (title or first party's position, extract/positions.py)


def agreements(db: sqlite_utils.Database) -> list[StoredAgreement]:
    """Every stored agreement with its targets and programs, oldest signature first."""
    rows = list(db.query(f"""select a.*, {OPD_LABEL} as opd_label, d.published
        from agreements a join documents d on d.id = a.document_id left join opds on opds.id = a.opd_id
        order by coalesce(a.signed_date, d.published), a.revision, a.id"""))
    targets: dict[int, list[Target]] = {}
    for t in db.query("select * from agreement_targets order by id"):
        targets.setdefault(t["agreement_id"], []).append(
            Target(t["sasaran"], t["indikator"], t["target"], t["value"], t["unit"], t["page"]))
    programs: dict[int, list[Program]] = {}
    for p in db.query("select * from agreement_programs where anggaran is not null order by id"):
        programs.setdefault(p["agreement_id"], []).append(Program(p["program"], p["anggaran"], p["keterangan"], p["page"]))
    out = []
    for r in rows:
        parties = [Party(r[f"{side}_name"], r[f"{side}_full_name"], r[f"{side}_position"], r[f"{side}_nip"])
                   if r[f"{side}_name"] else None for side in ("first_party", "second_party")]
        agreement = Agreement(year=r["year"], revision=bool(r["revision"]), opd=r["opd_label"], region=r["region"],
                              first_party=parties[0], second_party=parties[1], signed_place=r["signed_place"],
                              signed_date=r["signed_date"] or r["published"], targets=targets.get(r["id"], []),
                              programs=programs.get(r["id"], []), total_anggaran=r["total_anggaran"])
        out.append(StoredAgreement(r["id"], r["document_id"], agreement))
    return out


def agreement_key(opd: str | None, region: str | None, year: int | None) -> str:
    return f"{(opd or '?').lower()}|{(region or '?').lower()}|{year or '?'}"


def promise_targets(db: sqlite_utils.Database) -> list[PromiseTarget]:
    return [PromiseTarget(r["id"], r["indikator"], r["value"], r["unit"], r["opd"], r["region"], r["year"],
                          agreement_key(r["opd"], r["region"], r["year"]), r["signed_date"])
            for r in db.query(f"""select t.id, t.indikator, t.value, t.unit, {OPD_LABEL} as opd, a.region,
                a.year, coalesce(a.signed_date, d.published) as signed_date
                from agreement_targets t join agreements a on a.id = t.agreement_id
                join documents d on d.id = a.document_id left join opds on opds.id = a.opd_id""")]


def promises(db: sqlite_utils.Database, kinds: tuple[str, ...] = ("target", "pledge")) -> list[Promise]:
    """Commitments that may match a target: the speaker's region, their OPD and the OPDs the
    document names, the year of the deadline or of the document."""
    named: dict[int, list[str]] = {}
    for r in db.query("""select distinct m.document_id, opds.name from mentions m
                         join opds on opds.id = m.opd_id"""):
        named.setdefault(r["document_id"], []).append(r["name"])
    marks = ", ".join("?" for _ in kinds)
    out = []
    for r in db.query(f"""select commitment_id, document_id, text, target_value, target_unit, opd, region, date,
            year, deadline from commitment_details where kind in ({marks})""", list(kinds)):
        opds = [r["opd"]] if r["opd"] else []
        deadline_year = re.search(r"\b(?:19|20)\d{2}\b", r["deadline"] or "")  # "pada akhir 2025"
        out.append(Promise(r["commitment_id"], r["text"], r["target_value"], r["target_unit"],
                           opds + [n for n in named.get(r["document_id"], []) if n not in opds],
                           r["region"], int(deadline_year.group()) if deadline_year else r["year"], r["date"]))
    return out


def named_officials(db: sqlite_utils.Database) -> list[NamedOfficial]:
    return [NamedOfficial(r["id"], r["name"], r["region"])
            for r in db.query("select id, name, region from officials order by id")]
