"""The writer for outcome matches (beside db/store_comparisons.py): which report row reports on
each PK target in force at year end, recomputed after processing (janji/outcomes.py) and
replaced whole in one transaction, so re-running gives the same rows."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import sqlite_utils

from db.store import write_transaction


@dataclass
class OutcomeMatch:
    """One row of outcome_matches: a target in force, where it came from, and its report row."""
    opd: str | None
    region: str | None
    year: int | None
    target_id: int
    target_document_id: int
    target_indikator: str
    original_target_id: int | None = None     # the first PK's target, when the chain back is known
    original_document_id: int | None = None
    original_indikator: str | None = None
    original_target: str | None = None
    original_target_value: float | None = None
    revision_change: str | None = None        # raised | lowered | unchanged | unit_changed | target_changed | added; None: no PK Perubahan
    report_id: int | None = None
    report_document_id: int | None = None
    achievement_id: int | None = None
    achievement_indikator: str | None = None
    similarity: float | None = None
    candidates: list[str] = field(default_factory=list)  # report indicators it may be (ambiguous)


def replace_outcome_matches(db: sqlite_utils.Database, matches: list[OutcomeMatch]) -> None:
    with write_transaction(db):
        db.execute("delete from outcome_matches")
        db["outcome_matches"].insert_all(
            {**asdict(m), "candidates": json.dumps(m.candidates, ensure_ascii=False) if m.candidates else None}
            for m in matches)
