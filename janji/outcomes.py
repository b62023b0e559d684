"""Kept or missed: each PK target in force at year end matched to the row of the performance
report (LKjIP) of the same OPD, region and year, by the indicator similarity the PK Perubahan
diff uses (extract/compare/matching.py). Recomputed after processing (janji/pipeline_run.py),
after the diffs; idempotent: every run replaces the matches whole (db/store_outcomes.py).
The verdict itself is SQL (db/sql/views_outcomes.sql), so it follows the stored rows."""
from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from db import outcomes as outcome_rows
from db import read
from db.store_outcomes import OutcomeMatch, replace_outcome_matches
from extract.compare.matching import match_rows
from models import Target
from models.changes import StoredAgreement


@dataclass
class OutcomeSummary:
    targets: int    # targets in force at year end
    reported: int   # of which a report row was matched
    ambiguous: int

    def __str__(self) -> str:
        return (f"outcomes: {self.targets} targets in force, {self.reported} matched to a performance report row, "
                f"{self.ambiguous} ambiguous")


@dataclass
class InForce:
    """A target in force at year end and how it came to be (the first PK's target, the net change)."""
    agreement: StoredAgreement
    index: int
    original: tuple[StoredAgreement, int] | None
    change: str | None


def _net_change(first: Target, last: Target) -> str:
    """As extract/compare/diff.py names one step, from the first PK's target to the last one's."""
    if (first.unit or "").lower() != (last.unit or "").lower():
        return "unit_changed"
    if first.value is not None and last.value is not None:
        return "raised" if last.value > first.value else "lowered" if last.value < first.value else "unchanged"
    return "target_changed" if (first.target or "").strip() != (last.target or "").strip() else "unchanged"


def _versions(stored: list[StoredAgreement]) -> list[list[StoredAgreement]]:
    """The version chain of each OPD, region and year: the first original PK, then each PK
    Perubahan in signing order (as janji/compare.py pairs them for the diffs)."""
    groups: dict[str, list[StoredAgreement]] = {}
    for s in stored:  # oldest signature first
        groups.setdefault(read.agreement_key(s.agreement.opd, s.agreement.region, s.agreement.year), []).append(s)
    chains = []
    for versions in groups.values():
        originals = [v for v in versions if not v.agreement.revision]
        revisions = [v for v in versions if v.agreement.revision]
        chains.append(originals[:1] + revisions)
    return chains


def targets_in_force(stored: list[StoredAgreement]) -> list[InForce]:
    out = []
    for chain in _versions(stored):
        last = chain[-1]
        revised = len(chain) > 1 and not chain[0].agreement.revision
        # each revision matched to the version before it once: after index -> match, newest first
        steps = [match_rows([t.indikator for t in before.agreement.targets], [t.indikator for t in after.agreement.targets])
                 for before, after in zip(reversed(chain[:-1]), reversed(chain[1:]))] if revised else []
        back = [{m.after: m for m in step if m.after is not None} for step in steps]
        undecided = {j for m in steps[0] for j in m.candidates} if steps else set()  # an ambiguous row's candidates
        for index, target in enumerate(last.agreement.targets):
            if not revised:  # one version (or PK Perubahan without its PK): nothing to trace back
                alone = len(chain) == 1 and not last.agreement.revision
                out.append(InForce(last, index, (last, index) if alone else None, None))
                continue
            at, lost = index, None
            for depth, step in enumerate(back):
                m = step.get(at)
                if m is None or m.before is None:  # added by a revision, or one of an ambiguous row's candidates
                    lost = depth
                    break
                at = m.before
            if lost is None:
                first = chain[0].agreement.targets[at]
                out.append(InForce(last, index, (chain[0], at), _net_change(first, target)))
            else:  # added by the last revision, unless it is an ambiguous row's candidate there
                added = lost == 0 and index not in undecided
                out.append(InForce(last, index, None, "added" if added else None))
    return out


def match_outcomes(db: sqlite_utils.Database) -> list[OutcomeMatch]:
    stored = read.agreements(db)
    ids = outcome_rows.target_ids(db)
    reports: dict[str, dict] = {}
    for r in outcome_rows.reports(db):  # latest document first: it is the one kept per key
        if r["opd"] and r["year"]:
            reports.setdefault(read.agreement_key(r["opd"], r["region"], r["year"]), r)
    by_agreement: dict[int, list[InForce]] = {}
    for t in targets_in_force(stored):
        by_agreement.setdefault(t.agreement.agreement_id, []).append(t)
    out = []
    for agreement_id, targets in by_agreement.items():
        a = targets[0].agreement.agreement
        report = reports.get(read.agreement_key(a.opd, a.region, a.year)) if a.opd and a.year else None
        rows = report["achievements"] if report else []
        matches = {m.before: m for m in match_rows([a.targets[t.index].indikator for t in targets],
                                                   [x["indikator"] for x in rows]) if m.before is not None}
        for i, t in enumerate(targets):
            target = a.targets[t.index]
            m = OutcomeMatch(opd=a.opd, region=a.region, year=a.year, target_id=ids[agreement_id][t.index],
                             target_document_id=t.agreement.document_id, target_indikator=target.indikator,
                             revision_change=t.change)
            if t.original:
                first, at = t.original
                m.original_target_id = ids[first.agreement_id][at]
                m.original_document_id = first.document_id
                original = first.agreement.targets[at]
                m.original_indikator, m.original_target, m.original_target_value = (
                    original.indikator, original.target, original.value)
            if report:
                m.report_id, m.report_document_id = report["id"], report["document_id"]
                found = matches.get(i)
                if found and found.candidates:
                    m.candidates = [rows[j]["indikator"] for j in found.candidates]
                    m.similarity = round(found.score, 3)
                elif found and found.after is not None:
                    row = rows[found.after]
                    m.achievement_id, m.achievement_indikator = row["id"], row["indikator"]
                    m.similarity = round(found.score, 3)
            out.append(m)
    return out


def refresh_outcomes(db: sqlite_utils.Database) -> OutcomeSummary:
    matches = match_outcomes(db)
    replace_outcome_matches(db, matches)
    return OutcomeSummary(len(matches), sum(m.achievement_id is not None for m in matches),
                          sum(bool(m.candidates) for m in matches))
