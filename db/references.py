"""Keeping the comparison tables pointed at a document's rows when its rows are replaced.

Re-processing deletes a document's commitments, agreement and targets and inserts new ones; the
comparisons (promise_links, agreement_diffs, official_merges) referring to them are set to null by
the foreign keys (ON DELETE SET NULL) and re-pointed here, in the same transaction, from the
durable key each comparison row keeps. So a reader never sees a link lose its commitment, even
when `janji process --all` is stopped half-way (the next recompute refreshes everything)."""
from __future__ import annotations

import sqlite_utils


def reattach(db: sqlite_utils.Database, doc_id: int) -> None:
    db.execute("""update promise_links set commitment_id = (
            select min(c.id) from commitments c
            where c.document_id = promise_links.commitment_document_id and c.text = promise_links.commitment_text)
        where commitment_document_id = ?""", [doc_id])
    db.execute("""update promise_links set target_id = (
            select min(t.id) from agreement_targets t join agreements a on a.id = t.agreement_id
            where a.document_id = promise_links.target_document_id and t.indikator = promise_links.target_indikator)
        where target_document_id = ?""", [doc_id])
    for side in ("original", "revised"):
        db.execute(f"""update agreement_diffs set {side}_agreement_id = (
                select min(id) from agreements where document_id = ?)
            where {side}_document_id = ?""", [doc_id, doc_id])
    for side in ("official", "merged_into"):  # an official row pruned and created again
        db.execute(f"""update official_merges set {side}_id = (
                select min(id) from officials o where o.name = official_merges.{side}_name
                and o.region is official_merges.{side}_region)
            where {side}_id is null""")
