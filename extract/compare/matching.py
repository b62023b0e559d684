"""One-to-one matching of rows across two versions by text similarity, without forcing:
a row with two near-equal candidates is reported as ambiguous."""
from __future__ import annotations

from dataclasses import dataclass

from extract.compare.similarity import normalise, similarity

MATCH_AT = 0.6        # below this two texts are different rows
AMBIGUOUS_WITHIN = 0.05  # two candidates this close to each other cannot be told apart


@dataclass
class Match:
    before: int | None
    after: int | None
    score: float | None
    candidates: list[int]  # for ambiguous rows: the `after` indices it may be


def match_rows(before: list[str], after: list[str]) -> list[Match]:
    matches: list[Match] = []
    free_after = set(range(len(after)))
    pending = []
    for i, text in enumerate(before):  # identical text first
        same = next((j for j in sorted(free_after) if normalise(after[j]) == normalise(text)), None)
        if same is None:
            pending.append(i)
        else:
            free_after.discard(same)
            matches.append(Match(i, same, 1.0, []))
    scored = sorted(((similarity(before[i], after[j]), i, j) for i in pending for j in free_after), reverse=True)
    taken_before: set[int] = set()
    for score, i, j in scored:
        if score < MATCH_AT or i in taken_before or j not in free_after:
            continue
        rivals = [j2 for s2, i2, j2 in scored if i2 == i and j2 != j and j2 in free_after and score - s2 < AMBIGUOUS_WITHIN]
        taken_before.add(i)
        if rivals:
            matches.append(Match(i, None, score, [j, *rivals]))
            continue
        free_after.discard(j)
        matches.append(Match(i, j, score, []))
    matches += [Match(i, None, None, []) for i in pending if i not in taken_before]
    matches += [Match(None, j, None, []) for j in sorted(free_after)
                if not any(j in m.candidates for m in matches)]
    return matches
