"""Promises in the news linked to PK target rows: candidates with a score and the reasons,
for a person to confirm or reject. Same region required; indicator words, number, unit, OPD and
year each add to the score. When an agreement has versions (PK, PK Perubahan), a promise is
linked to the version in force on the day it was made."""
from __future__ import annotations

import re
from functools import lru_cache

from extract.compare.similarity import normalise, words
from models.changes import LinkCandidate, Promise, PromiseTarget

WEIGHTS = {"indicator": 0.45, "number": 0.25, "unit": 0.1, "opd": 0.1, "year": 0.1}
MIN_SCORE = 0.3
PERCENT = {"%", "persen", "percent"}
NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w])|(?<![\w.,])\d+(?:,\d+)?(?![\w])")


@lru_cache(maxsize=4096)
def numbers_in(text: str) -> frozenset[float]:
    """Numbers written the Indonesian way: "12", "82,5", "1.000" (a promise may name several)."""
    return frozenset(float(m.group().replace(".", "").replace(",", ".")) for m in NUMBER.finditer(text or ""))


def _unit(u: str | None) -> str:
    u = (u or "").strip().lower()
    return "%" if u in PERCENT else u


@lru_cache(maxsize=4096)
def _name_words(name: str | None) -> frozenset[str]:
    return frozenset(words(name))


def _same_opd(target_opd: str | None, promise_opds: list[str]) -> bool:
    """Equal names, or the target's label within one of the promise's OPD names: a PK whose OPD
    was only read from its first party's title ("Kesehatan") still matches "Dinas Kesehatan"."""
    label = _name_words(target_opd)
    return bool(label) and any(label <= _name_words(name) for name in promise_opds)


def score(promise: Promise, target: PromiseTarget, promise_words: set[str] | None = None,
          indicator_words: set[str] | None = None) -> LinkCandidate | None:
    if promise.region and target.region and promise.region != target.region:
        return None
    indicator_words = words(target.indikator) if indicator_words is None else indicator_words
    shared = indicator_words & (words(promise.text) if promise_words is None else promise_words)
    if not shared:
        return None
    overlap = len(shared) / len(indicator_words)
    total = WEIGHTS["indicator"] * overlap
    reasons = [f"indicator words shared: {', '.join(sorted(shared))} ({overlap:.0%} of the indicator)"]
    if promise.value is not None and target.value is not None and abs(promise.value - target.value) < 1e-9:
        total += WEIGHTS["number"]
        reasons.append(f"same number: {target.value:g}")
    elif target.value is not None and any(abs(n - target.value) < 1e-9 for n in numbers_in(promise.text)):
        total += WEIGHTS["number"]  # the extractor keeps one number per commitment; the text may hold more
        reasons.append(f"number in the promise: {target.value:g}")
    if promise.unit and target.unit and _unit(promise.unit) == _unit(target.unit):
        total += WEIGHTS["unit"]
        reasons.append(f"same unit: {_unit(target.unit)}")
    if target.opd and _same_opd(target.opd, promise.opds):
        total += WEIGHTS["opd"]
        reasons.append(f"same OPD: {target.opd}")
    if promise.year and target.year and promise.year == target.year:
        total += WEIGHTS["year"]
        reasons.append(f"same year: {target.year}")
    if promise.region and promise.region == target.region:
        reasons.append(f"same region: {target.region}")
    return LinkCandidate(promise.commitment_id, target.target_id, round(total, 3), reasons)


def _in_force(promise: Promise, versions: list[tuple[LinkCandidate, PromiseTarget]]) -> tuple[LinkCandidate, PromiseTarget]:
    """Of one indicator's versions, the latest signed on or before the promise (else the first)."""
    dated = sorted(versions, key=lambda v: v[1].signed_date or "")
    before = [v for v in dated if promise.date and v[1].signed_date and v[1].signed_date <= promise.date]
    chosen = before[-1] if before else dated[0]
    if len(versions) > 1 and chosen[1].signed_date:
        chosen[0].reasons.append(f"version in force on {promise.date or '?'}: signed {chosen[1].signed_date}")
    return chosen


def _quick(promise: Promise, target: PromiseTarget, shared: int, size: int, numbers: frozenset[float]) -> float:
    """score() without its reasons, from the count of shared indicator words: to rank many targets fast."""
    total = WEIGHTS["indicator"] * shared / size
    if target.value is not None and (promise.value is not None and abs(promise.value - target.value) < 1e-9
                                     or any(abs(n - target.value) < 1e-9 for n in numbers)):
        total += WEIGHTS["number"]
    if promise.unit and target.unit and _unit(promise.unit) == _unit(target.unit):
        total += WEIGHTS["unit"]
    if target.opd and _same_opd(target.opd, promise.opds):
        total += WEIGHTS["opd"]
    if promise.year and target.year and promise.year == target.year:
        total += WEIGHTS["year"]
    return total


class _Index:
    """Targets by region and by indicator word, with their word sets computed once."""

    def __init__(self, targets: list[PromiseTarget]):
        self.targets = {t.target_id: t for t in targets}
        self.words = {t.target_id: words(t.indikator) for t in targets}
        self.by_word: dict[tuple[str | None, str], list[int]] = {}
        for t in targets:
            for w in self.words[t.target_id]:
                self.by_word.setdefault((t.region, w), []).append(t.target_id)
        self.regions = {t.region for t in targets}

    def shared_counts(self, promise: Promise, promise_words: set[str]) -> dict[int, int]:
        """Targets of the promise's region (or of no region) by how many words they share with it."""
        regions = self.regions if promise.region is None else {promise.region, None}
        counts: dict[int, int] = {}
        for region in regions:
            for w in promise_words:
                for tid in self.by_word.get((region, w), ()):
                    counts[tid] = counts.get(tid, 0) + 1
        return counts


def link(promises: list[Promise], targets: list[PromiseTarget], top: int = 3) -> list[LinkCandidate]:
    """The best `top` candidates per promise, best first, above MIN_SCORE."""
    index = _Index(targets)
    out = []
    for p in promises:
        promise_words = words(p.text)
        numbers = numbers_in(p.text)
        ranked = sorted(((_quick(p, index.targets[tid], n, len(index.words[tid]), numbers), tid)
                         for tid, n in index.shared_counts(p, promise_words).items()), reverse=True)
        # versions of one indicator compete below, so keep a margin beyond `top` before the full score
        ranked = [tid for quick, tid in ranked if quick >= MIN_SCORE - 1e-9][: top * 4]
        scored = []
        for tid in ranked:
            t = index.targets[tid]
            c = score(p, t, promise_words, index.words[tid])
            if c and c.score >= MIN_SCORE:
                scored.append((c, t))
        by_indicator: dict[tuple, list] = {}
        for c, t in scored:  # versions of one agreement's indicator compete; other rows do not
            key = (t.agreement_key, normalise(t.indikator)) if t.agreement_key else (t.target_id,)
            by_indicator.setdefault(key, []).append((c, t))
        found = [_in_force(p, versions) for versions in by_indicator.values()]
        found.sort(key=lambda ct: (-ct[0].score, ct[1].agreement_key or "", normalise(ct[1].indikator), ct[1].target_id))
        out += [c for c, _ in found[:top]]
    return out
