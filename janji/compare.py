"""Comparisons across documents, recomputed after processing (`janji process`, `run`, `demo`):
PK Perubahan diffs, official merge proposals, promise-to-target link candidates. Idempotent:
each run replaces what the previous one computed and keeps every confirmed or rejected decision."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db import read, store_comparisons
from extract.compare.diff import diff_agreements
from extract.compare.links import link
from extract.compare.merges import propose_merges
from models.changes import AgreementDiff, StoredAgreement


@dataclass
class ComparisonSummary:
    diffs: int
    merge_proposals: int
    link_candidates: int

    def __str__(self) -> str:
        return (f"compared: {self.diffs} revised agreements, {self.merge_proposals} official merges to review, "
                f"{self.link_candidates} promise-target links")


def agreement_diffs(stored: list[StoredAgreement]) -> list[tuple[StoredAgreement, StoredAgreement, int, AgreementDiff]]:
    """Per OPD, region and year with an original PK: each revision against the version before it."""
    groups: dict[str, list[StoredAgreement]] = {}
    for s in stored:  # oldest signature first (read.agreements)
        a = s.agreement
        groups.setdefault(read.agreement_key(a.opd, a.region, a.year), []).append(s)
    out = []
    for versions in groups.values():
        originals = [v for v in versions if not v.agreement.revision]
        revisions = [v for v in versions if v.agreement.revision]
        if not originals or not revisions:
            continue
        previous = originals[0]
        for number, revision in enumerate(revisions, start=1):
            out.append((previous, revision, number, diff_agreements(previous.agreement, revision.agreement)))
            previous = revision
    return out


def refresh_comparisons(db: sqlite_utils.Database) -> ComparisonSummary:
    diffs = agreement_diffs(read.agreements(db))
    store_comparisons.replace_diffs(db, diffs)
    proposals = propose_merges(read.named_officials(db))
    store_comparisons.replace_merge_proposals(db, proposals)
    promises = [p for p in read.promises(db) if p.region]  # same region required: unknown ones wait
    candidates = link(promises, read.promise_targets(db))
    store_comparisons.replace_link_candidates(db, candidates)
    return ComparisonSummary(len(diffs), len(proposals), len(candidates))
