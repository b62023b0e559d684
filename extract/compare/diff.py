"""PK vs PK Perubahan: targets raised or lowered (with the change in %), units changed,
indicators added, dropped or reworded, budgets per program changed, totals, signatories."""
from __future__ import annotations

from extract.compare.matching import match_rows
from models import Agreement
from models.changes import AgreementDiff, ProgramChange, SignatoryChange, TargetChange


def _pct(before: float | None, after: float | None) -> float | None:
    if before in (None, 0) or after is None:
        return None
    return round((after - before) / before * 100, 2)


def _target_change(b, a, score) -> TargetChange:
    change = TargetChange(change="unchanged", indikator_before=b.indikator, indikator_after=a.indikator,
                          sasaran=a.sasaran or b.sasaran, target_before=b.target, target_after=a.target,
                          value_before=b.value, value_after=a.value, unit_before=b.unit, unit_after=a.unit,
                          change_pct=_pct(b.value, a.value), similarity=round(score, 3), reworded=score < 1.0)
    if (b.unit or "").lower() != (a.unit or "").lower():
        change.change = "unit_changed"
    elif b.value is not None and a.value is not None:
        change.change = "raised" if a.value > b.value else "lowered" if a.value < b.value else "unchanged"
    elif (b.target or "").strip() != (a.target or "").strip():
        change.change = "target_changed"  # categorical targets such as "WTP", "BB"
    return change


def diff_targets(before: Agreement, after: Agreement) -> list[TargetChange]:
    out = []
    for m in match_rows([t.indikator for t in before.targets], [t.indikator for t in after.targets]):
        if m.candidates:
            b = before.targets[m.before]
            out.append(TargetChange(change="ambiguous", indikator_before=b.indikator, indikator_after=None,
                                    sasaran=b.sasaran, target_before=b.target, value_before=b.value,
                                    unit_before=b.unit, similarity=round(m.score, 3),
                                    candidates=[after.targets[j].indikator for j in m.candidates]))
        elif m.before is not None and m.after is not None:
            out.append(_target_change(before.targets[m.before], after.targets[m.after], m.score))
        elif m.before is not None:
            b = before.targets[m.before]
            out.append(TargetChange(change="dropped", indikator_before=b.indikator, indikator_after=None,
                                    sasaran=b.sasaran, target_before=b.target, value_before=b.value, unit_before=b.unit))
        else:
            a = after.targets[m.after]
            out.append(TargetChange(change="added", indikator_before=None, indikator_after=a.indikator,
                                    sasaran=a.sasaran, target_after=a.target, value_after=a.value, unit_after=a.unit))
    return out


def diff_programs(before: Agreement, after: Agreement) -> list[ProgramChange]:
    out = []
    for m in match_rows([p.program for p in before.programs], [p.program for p in after.programs]):
        b = before.programs[m.before] if m.before is not None else None
        a = after.programs[m.after] if m.after is not None else None
        if m.candidates:
            out.append(ProgramChange("ambiguous", b.program, None, b.anggaran, similarity=round(m.score, 3),
                                     candidates=[after.programs[j].program for j in m.candidates]))
        elif b and a:
            kind = "increased" if (a.anggaran or 0) > (b.anggaran or 0) else \
                "cut" if (a.anggaran or 0) < (b.anggaran or 0) else "unchanged"
            out.append(ProgramChange(kind, b.program, a.program, b.anggaran, a.anggaran,
                                     _pct(b.anggaran, a.anggaran), round(m.score, 3)))
        elif b:
            out.append(ProgramChange("dropped", b.program, None, b.anggaran))
        else:
            out.append(ProgramChange("added", None, a.program, None, a.anggaran))
    return out


def _signatories(before: Agreement, after: Agreement) -> list[SignatoryChange]:
    changes = []
    for side in ("first_party", "second_party"):
        b, a = getattr(before, side), getattr(after, side)
        name_b, name_a = (b.name if b else None), (a.name if a else None)
        if (name_b or "").lower() != (name_a or "").lower():
            changes.append(SignatoryChange(side, name_b, name_a))
    return changes


def diff_agreements(before: Agreement, after: Agreement) -> AgreementDiff:
    return AgreementDiff(opd=after.opd or before.opd, region=after.region or before.region,
                         year=after.year or before.year, targets=diff_targets(before, after),
                         programs=diff_programs(before, after), signatories=_signatories(before, after),
                         total_before=before.total_anggaran, total_after=after.total_anggaran,
                         total_change_pct=_pct(before.total_anggaran, after.total_anggaran))
