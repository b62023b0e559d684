"""Promises in the news linked to PK target rows: candidates with a score and the reasons,
for a person to confirm or reject. Same region required; indicator words, number, unit, OPD and
year each add to the score."""
from __future__ import annotations

from extract.compare.similarity import words
from models.changes import LinkCandidate, Promise, PromiseTarget

WEIGHTS = {"indicator": 0.45, "number": 0.25, "unit": 0.1, "opd": 0.1, "year": 0.1}
MIN_SCORE = 0.3
PERCENT = {"%", "persen", "percent"}


def _unit(u: str | None) -> str:
    u = (u or "").strip().lower()
    return "%" if u in PERCENT else u


def score(promise: Promise, target: PromiseTarget) -> LinkCandidate | None:
    if promise.region and target.region and promise.region != target.region:
        return None
    indicator_words = words(target.indikator)
    shared = indicator_words & words(promise.text)
    if not shared:
        return None
    overlap = len(shared) / len(indicator_words)
    total = WEIGHTS["indicator"] * overlap
    reasons = [f"indicator words shared: {', '.join(sorted(shared))} ({overlap:.0%} of the indicator)"]
    if promise.value is not None and target.value is not None and abs(promise.value - target.value) < 1e-9:
        total += WEIGHTS["number"]
        reasons.append(f"same number: {target.value:g}")
    if promise.unit and target.unit and _unit(promise.unit) == _unit(target.unit):
        total += WEIGHTS["unit"]
        reasons.append(f"same unit: {_unit(target.unit)}")
    if target.opd and target.opd in promise.opds:
        total += WEIGHTS["opd"]
        reasons.append(f"same OPD: {target.opd}")
    if promise.year and target.year and promise.year == target.year:
        total += WEIGHTS["year"]
        reasons.append(f"same year: {target.year}")
    if promise.region and promise.region == target.region:
        reasons.append(f"same region: {target.region}")
    return LinkCandidate(promise.commitment_id, target.target_id, round(total, 3), reasons)


def link(promises: list[Promise], targets: list[PromiseTarget], top: int = 3) -> list[LinkCandidate]:
    """The best `top` candidates per promise, best first, above MIN_SCORE."""
    by_region: dict[str | None, list[PromiseTarget]] = {}
    for t in targets:
        by_region.setdefault(t.region, []).append(t)
    out = []
    for p in promises:
        pool = by_region.get(p.region, []) + (by_region.get(None, []) if p.region else [])
        if p.region is None:
            pool = targets
        found = [c for c in (score(p, t) for t in pool) if c and c.score >= MIN_SCORE]
        out += sorted(found, key=lambda c: -c.score)[:top]
    return out
