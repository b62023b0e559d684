"""The one processing path after storing: pending documents -> extract -> store -> compare.

`janji process`, `janji run` and `janji demo` all call process_pending, so a change to the
sequence (what is pending, how failures count, when comparisons are recomputed) is made once.
"""
from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

import sqlite_utils

from janji.compare import ComparisonSummary, refresh_comparisons
from janji.outcomes import OutcomeSummary, refresh_outcomes
from janji.processing import pending, process_documents


@dataclass
class ProcessSummary:
    pending: int        # documents that were waiting (all of them with everything=True)
    done: int
    failed: int
    compared: ComparisonSummary
    outcomes: OutcomeSummary | None = None

    def __str__(self) -> str:
        return f"processed {self.done}, failed {self.failed}\n{self.compared}" + (f"\n{self.outcomes}" if self.outcomes else "")


def process_pending(db: sqlite_utils.Database, everything: bool = False, show_progress: bool = True,
                    extractor=None, jobs: int = 1) -> ProcessSummary:
    """Extract and store every pending document (every document with everything=True), then
    recompute the cross-document comparisons. Comparisons run even when nothing was pending:
    they are cheap and complete a run that stopped before reaching them. `jobs` > 1 extracts that
    many documents at once; what is stored is the same."""
    ids = pending(db, everything)
    done = failed = 0
    if ids:
        if extractor is None:
            from extract import Extractor  # spaCy loads only when there is work
            extractor = Extractor()
        from janji.progress import progress
        with progress(len(ids), "process") if show_progress else nullcontext(lambda n=1: None) as advance:
            if jobs > 1 and len(ids) > 1:  # workers side by side, one writer (janji/pool.py)
                from janji.pool import process_documents_pooled
                done, failed = process_documents_pooled(db, extractor, ids, min(jobs, len(ids)), advance)
            else:
                done, failed = process_documents(db, extractor, ids, advance)
    compared = refresh_comparisons(db)
    # after the diffs: a target in force is the PK Perubahan's; both are cheap and idempotent
    return ProcessSummary(len(ids), done, failed, compared, refresh_outcomes(db))
