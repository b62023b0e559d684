"""Keeping outcome_matches pointed at a document's rows when its rows are replaced (as
db/references.py does for the other comparisons).

Re-processing a PK or a report deletes its targets or achievements; the foreign keys set the
outcome rows' ids to null (ON DELETE SET NULL) and this re-points them, in the same transaction,
from the durable key each row keeps (document and indicator text). So `target_outcomes` never
loses a side between re-processing and the next matching (janji/outcomes.py)."""
from __future__ import annotations

import sqlite_utils

TARGET = """(select min(t.id) from agreement_targets t join agreements a on a.id = t.agreement_id
             where a.document_id = outcome_matches.{side}_document_id and t.indikator = outcome_matches.{side}_indikator)"""


def reattach_outcomes(db: sqlite_utils.Database, doc_id: int) -> None:
    db.execute(f"update outcome_matches set target_id = {TARGET.format(side='target')} where target_document_id = ?",
               [doc_id])
    db.execute(f"update outcome_matches set original_target_id = {TARGET.format(side='original')} "
               "where original_document_id = ?", [doc_id])
    db.execute("""update outcome_matches set report_id = (select min(id) from reports where document_id = ?1),
                  achievement_id = (select min(x.id) from achievements x join reports r on r.id = x.report_id
                      where r.document_id = ?1 and x.indikator = outcome_matches.achievement_indikator)
                  where report_document_id = ?1""", [doc_id])
