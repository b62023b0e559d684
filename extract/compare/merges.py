"""Officials that may be one person although the resolver kept them apart: the same bare name in
different or unknown regions, or one name a word-subset of another in the same region
("Hidayatullah" / "Taufik Hidayatullah"). Proposals only: a person confirms or rejects them."""
from __future__ import annotations

from extract.compare.similarity import normalise
from models.changes import MergeProposal, NamedOfficial


def _words(name: str) -> tuple[str, ...]:
    return tuple(w for w in normalise(name).split() if len(w) > 1)


def _region(region: str | None) -> str:
    return region or "region unknown"


def _pair(a: NamedOfficial, b: NamedOfficial) -> MergeProposal | None:
    wa, wb = _words(a.name), _words(b.name)
    if not wa or not wb:
        return None
    if wa == wb:
        if a.region and b.region and a.region == b.region:
            return None  # the resolver would have made them one row; nothing to decide
        # a known region is kept over an unknown one; otherwise the order of region names decides
        keep, merge = sorted((a, b), key=lambda o: (o.region is None, o.region or "", o.official_id))
        return MergeProposal(merge.official_id, keep.official_id,
                             f"same name '{a.name}' in {_region(merge.region)} and {_region(keep.region)}")
    short, long_ = (a, b) if len(wa) < len(wb) else (b, a)
    if len(_words(short.name)) == len(_words(long_.name)) or not set(_words(short.name)) < set(_words(long_.name)):
        return None
    if short.region and long_.region and short.region != long_.region:
        return None
    where = long_.region or short.region
    return MergeProposal(short.official_id, long_.official_id,
                         f"'{short.name}' is part of '{long_.name}' ({_region(where)})")


def propose_merges(officials: list[NamedOfficial]) -> list[MergeProposal]:
    """Every uncertain pair once: the shorter name proposed into the longer; of equal names, the
    one with an unknown region into the known one."""
    by_word: dict[str, list[NamedOfficial]] = {}
    for o in officials:
        for w in set(_words(o.name)):
            by_word.setdefault(w, []).append(o)
    seen: set[tuple[int, int]] = set()
    out = []
    for o in officials:
        words = _words(o.name)
        if not words:
            continue
        rarest = min(set(words), key=lambda w: len(by_word[w]))  # a subset shares all its words
        for other in by_word[rarest]:
            key = tuple(sorted((o.official_id, other.official_id)))
            if other.official_id == o.official_id or key in seen:
                continue
            seen.add(key)
            proposal = _pair(o, other)
            if proposal:
                out.append(proposal)
    return out
