"""Scoring an extraction against a hand annotation: P/R/F1 per field, shared by the synthetic
gold set (bench.quality) and the real-text development set (bench.realdev)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

FIELDS = ("officials", "positions", "official_opds", "official_regions", "opds", "dates", "quotes",
          "quote_attribution", "commitments")


def norm(value) -> str:
    text = str(value or "").lower().replace("’", "'")
    return re.sub(r"\s+", " ", re.sub(r"[.,“”\"]", " ", text)).strip()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    def add_sets(self, gold: set, found: set, doc: str) -> None:
        self.tp += len(gold & found)
        self.fp += len(found - gold)
        self.fn += len(gold - found)
        self.misses += [(doc, g) for g in gold - found]
        self.extras += [(doc, f) for f in found - gold]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def new_scores() -> dict[str, Score]:
    return {f: Score() for f in FIELDS}


def _match(gold: list, found: list, same) -> tuple[list, list, list]:
    """Greedy one-to-one matching; returns (matched pairs, unmatched gold, unmatched found)."""
    left = list(found)
    pairs, missed = [], []
    for g in gold:
        hit = next((f for f in left if same(g, f)), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, left


def _position(official: dict) -> str:
    """Acting prefix and title as one string: gold may write "Plt. Kepala Dinas" or split it."""
    return norm(" ".join(p for p in (official.get("acting"), official.get("position")) if p))


def score_document(name: str, gold: dict, result: dict, scores: dict[str, Score]) -> None:
    officials = result["officials"]
    scores["officials"].add_sets({norm(o["name"]) for o in gold["officials"]}, {norm(o["name"]) for o in officials}, name)
    scores["positions"].add_sets({(norm(o["name"]), _position(o)) for o in gold["officials"]},
                                 {(norm(o["name"]), _position(o)) for o in officials}, name)
    for fld, key in (("official_opds", "opd"), ("official_regions", "region")):
        scores[fld].add_sets({(norm(o["name"]), norm(o[key])) for o in gold["officials"]},
                             {(norm(o["name"]), norm(o[key])) for o in officials}, name)
    scores["opds"].add_sets({(norm(o["name"]), norm(o["region"])) for o in gold["opds"]},
                            {(norm(o["name"]), norm(o["region"])) for o in result["opds"]}, name)
    scores["dates"].add_sets({d["date"] for d in gold["dates"]}, {d["date"] for d in result["dates"]}, name)

    quotes = result["quotes"]
    starts_with = lambda g, f: norm(f["text"]).startswith(norm(g["start"])[:40])  # noqa: E731
    pairs, missed, extra = _match(gold["quotes"], quotes, starts_with)
    s = scores["quotes"]
    s.tp += len(pairs); s.fn += len(missed); s.fp += len(extra)
    s.misses += [(name, g["start"]) for g in missed]; s.extras += [(name, f["text"][:60]) for f in extra]
    a = scores["quote_attribution"]
    right = [(g, f) for g, f in pairs if norm(g["speaker"]) == norm(f["speaker"])]
    a.tp += len(right); a.fn += len(gold["quotes"]) - len(right); a.fp += len(quotes) - len(right)
    a.misses += [(name, f"{g['start']} -> {f['speaker']} (gold {g['speaker']})") for g, f in pairs if (g, f) not in right]

    commitments = result["commitments"]
    same = lambda g, f: (norm(g["contains"]) in norm(f["text"]) and g["kind"] == f["kind"]  # noqa: E731
                         and norm(g["speaker"]) == norm(f["speaker"]))
    pairs, missed, extra = _match(gold["commitments"], commitments, same)
    c = scores["commitments"]
    c.tp += len(pairs); c.fn += len(missed); c.fp += len(extra)
    c.misses += [(name, f"{g['kind']} {g['speaker']}: {g['contains']}") for g in missed]
    c.extras += [(name, f"{f['kind']} {f['speaker']}: {f['text'][:70]}") for f in extra]


def document_f1(gold: dict, result: dict) -> float:
    """Mean F1 over the fields of one document (to rank the worst documents)."""
    scores = new_scores()
    score_document("", gold, result, scores)
    used = [s for s in scores.values() if s.tp + s.fp + s.fn]
    return sum(s.f1 for s in used) / len(used) if used else 1.0


def print_table(scores: dict[str, Score], title: str) -> None:
    print(title)
    print(f"{'field':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for f, s in scores.items():
        print(f"{f:<20}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")


def print_errors(scores: dict[str, Score]) -> None:
    for f, s in scores.items():
        for doc, item in s.misses:
            print(f"MISS  {f:<18} {doc}: {item}")
        for doc, item in s.extras:
            print(f"EXTRA {f:<18} {doc}: {item}")


def as_json(scores: dict[str, Score]) -> dict:
    return {f: {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3)}
            for f, s in scores.items()}
