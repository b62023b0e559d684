"""The writer for comparisons (beside db/store.py, which writes documents and their extractions):
PK Perubahan diffs, official merge proposals and promise-to-target links, each recomputed after
processing in one transaction, replacing what was computed before but never a person's decision."""
from __future__ import annotations

import json
from dataclasses import asdict

import sqlite_utils

from db.store import now, write_transaction
from models.changes import AgreementDiff, LinkCandidate, MergeProposal, StoredAgreement

DECISIONS = ("confirmed", "rejected")


def replace_diffs(db: sqlite_utils.Database,
                  diffs: list[tuple[StoredAgreement, StoredAgreement, int, AgreementDiff]]) -> None:
    """Every diff row replaced: (original, revised, revision number, diff) per revision."""
    with write_transaction(db):
        for table in ("target_changes", "program_changes", "agreement_diffs"):
            db.execute(f"delete from {table}")
        for before, after, number, diff in diffs:
            signatories = {f"{s.party}_{when}": getattr(s, when) for s in diff.signatories for when in ("before", "after")}
            diff_id = db["agreement_diffs"].insert({
                "opd": diff.opd, "region": diff.region, "year": diff.year, "revision_number": number,
                "original_agreement_id": before.agreement_id, "revised_agreement_id": after.agreement_id,
                "original_document_id": before.document_id, "revised_document_id": after.document_id,
                "original_signed_date": before.agreement.signed_date, "revised_signed_date": after.agreement.signed_date,
                "total_before": diff.total_before, "total_after": diff.total_after,
                "total_change_pct": diff.total_change_pct, "first_party_before": None, "first_party_after": None,
                "second_party_before": None, "second_party_after": None, **signatories,
            }).last_pk
            db["target_changes"].insert_all(
                {"diff_id": diff_id, **asdict(t), "reworded": int(t.reworded),
                 "candidates": json.dumps(t.candidates, ensure_ascii=False) if t.candidates else None}
                for t in diff.targets)
            db["program_changes"].insert_all(
                {"diff_id": diff_id, **asdict(p),
                 "candidates": json.dumps(p.candidates, ensure_ascii=False) if p.candidates else None}
                for p in diff.programs)


def _official(db: sqlite_utils.Database, official_id: int) -> dict:
    rows = list(db.query("select name, region from officials where id = ?", [official_id]))
    return rows[0] if rows else {"name": None, "region": None}


def _reattach_decided_merges(db: sqlite_utils.Database) -> None:
    """A decided merge whose official rows were re-created (re-processing) follows them by name and region."""
    for row in list(db.query("select * from official_merges where status in ('confirmed', 'rejected')")):
        ids = {}
        for side, name, region in (("official_id", "official_name", "official_region"),
                                   ("merged_into_id", "merged_into_name", "merged_into_region")):
            current = _official(db, row[side])
            if current["name"] != row[name] or current["region"] != row[region]:
                found = list(db.query("select id from officials where name = ? and region is ? order by id limit 1",
                                      [row[name], row[region]]))
                if found:
                    ids[side] = found[0]["id"]
        if ids:
            db["official_merges"].update(row["id"], ids)


def replace_merge_proposals(db: sqlite_utils.Database, proposals: list[MergeProposal]) -> None:
    """Open proposals replaced; confirmed and rejected merges kept (and not proposed again)."""
    with write_transaction(db):
        _reattach_decided_merges(db)
        decided = {frozenset((r["official_id"], r["merged_into_id"])) for r in
                   db.query("select official_id, merged_into_id from official_merges where status != 'proposed'")}
        db.execute("delete from official_merges where status = 'proposed'")
        for p in proposals:
            if frozenset((p.official_id, p.merged_into_id)) in decided:
                continue
            a, b = _official(db, p.official_id), _official(db, p.merged_into_id)
            db["official_merges"].insert({
                "official_id": p.official_id, "merged_into_id": p.merged_into_id,
                "official_name": a["name"], "official_region": a["region"],
                "merged_into_name": b["name"], "merged_into_region": b["region"],
                "reason": p.reason, "status": "proposed", "decided_at": None})


def _decide(db: sqlite_utils.Database, table: str, row_id: int, status: str) -> dict | None:
    if status not in DECISIONS:
        raise ValueError(f"status must be one of {DECISIONS}")
    with write_transaction(db):
        if not list(db.query(f"select id from {table} where id = ?", [row_id])):
            return None
        db[table].update(row_id, {"status": status, "decided_at": now()})
        return db[table].get(row_id)


def decide_merge(db: sqlite_utils.Database, merge_id: int, status: str) -> dict | None:
    """Confirm or reject one merge; None when there is no such row."""
    return _decide(db, "official_merges", merge_id, status)


def decide_link(db: sqlite_utils.Database, link_id: int, status: str) -> dict | None:
    """Confirm or reject one promise link; None when there is no such row."""
    return _decide(db, "promise_links", link_id, status)


def _link_keys(db: sqlite_utils.Database) -> tuple[dict, dict]:
    commitments = {r["id"]: (r["document_id"], r["text"]) for r in db.query("select id, document_id, text from commitments")}
    targets = {r["id"]: (r["document_id"], r["indikator"]) for r in db.query(
        "select t.id, a.document_id, t.indikator from agreement_targets t join agreements a on a.id = t.agreement_id")}
    return commitments, targets


def replace_link_candidates(db: sqlite_utils.Database, candidates: list[LinkCandidate]) -> None:
    """Open candidates replaced (a candidate still found keeps its id); confirmed and rejected
    links kept, their ids refreshed from the durable key (document and text on both sides)."""
    with write_transaction(db):
        commitments, targets = _link_keys(db)
        by_commitment, by_target = {}, {}
        for cid in sorted(commitments):  # the first row of a key, as db/references.py picks it
            by_commitment.setdefault(commitments[cid], cid)
        for tid in sorted(targets):
            by_target.setdefault(targets[tid], tid)
        existing = {(r["commitment_document_id"], r["commitment_text"], r["target_document_id"], r["target_indikator"]): r
                    for r in db.query("select * from promise_links")}
        for key, row in existing.items():  # ids follow their rows through re-processing
            ids = {"commitment_id": by_commitment.get(key[:2]), "target_id": by_target.get(key[2:])}
            if ids != {"commitment_id": row["commitment_id"], "target_id": row["target_id"]}:
                db["promise_links"].update(row["id"], ids)
        found = set()
        for c in candidates:
            key = (*commitments[c.commitment_id], *targets[c.target_id])
            found.add(key)
            values = {"commitment_id": c.commitment_id, "target_id": c.target_id, "score": c.score,
                      "reasons": json.dumps(c.reasons, ensure_ascii=False)}
            if key in existing:
                db["promise_links"].update(existing[key]["id"], values)
            else:
                db["promise_links"].insert({**values, "status": "proposed", "decided_at": None,
                                            "commitment_document_id": key[0], "commitment_text": key[1],
                                            "target_document_id": key[2], "target_indikator": key[3]})
        stale = [r["id"] for k, r in existing.items() if r["status"] == "proposed" and k not in found]
        for i in range(0, len(stale), 500):
            chunk = stale[i:i + 500]
            db.execute(f"delete from promise_links where id in ({', '.join('?' for _ in chunk)})", chunk)
