"""Extraction quality on the gold set in tests/gold: precision, recall and F1 per field.

    python -m bench.quality            # table
    python -m bench.quality --json     # figures as JSON
    python -m bench.quality --errors   # also list misses and false positives per document
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

GOLD = Path(__file__).parent.parent / "tests" / "gold"
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


def quote_level(commitments: list[dict]) -> list[dict]:
    """Whole quotations: quote entries not contained in a longer quote entry (sentence-level
    commitment entries inside a quotation are)."""
    quotes = [c for c in commitments if c["quote"]]
    return [c for c in quotes if not any(o is not c and o["start"] <= c["start"] and c["end"] <= o["end"]
                                         and (o["end"] - o["start"]) > (c["end"] - c["start"]) for o in quotes)]


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


def score_document(name: str, gold: dict, result: dict, scores: dict[str, Score]) -> None:
    officials = result["officials"]
    scores["officials"].add_sets({norm(o["name"]) for o in gold["officials"]}, {norm(o["name"]) for o in officials}, name)
    for fld, key in (("positions", "position"), ("official_opds", "opd"), ("official_regions", "region")):
        scores[fld].add_sets({(norm(o["name"]), norm(o[key])) for o in gold["officials"]},
                             {(norm(o["name"]), norm(o[key])) for o in officials}, name)
    scores["opds"].add_sets({(norm(o["name"]), norm(o["region"])) for o in gold["opds"]},
                            {(norm(o["name"]), norm(o["region"])) for o in result["opds"]}, name)
    scores["dates"].add_sets({d["date"] for d in gold["dates"]}, {d["date"] for d in result["dates"]}, name)

    quotes = quote_level(result["commitments"])
    starts_with = lambda g, f: norm(f["text"]).startswith(norm(g["start"])[:40])  # noqa: E731
    pairs, missed, extra = _match(gold["quotes"], quotes, starts_with)
    s = scores["quotes"]
    s.tp += len(pairs); s.fn += len(missed); s.fp += len(extra)
    s.misses += [(name, g["start"]) for g in missed]; s.extras += [(name, f["text"][:60]) for f in extra]
    a = scores["quote_attribution"]
    right = [(g, f) for g, f in pairs if norm(g["speaker"]) == norm(f["speaker"])]
    a.tp += len(right); a.fn += len(gold["quotes"]) - len(right); a.fp += len(quotes) - len(right)
    a.misses += [(name, f"{g['start']} -> {f['speaker']} (gold {g['speaker']})") for g, f in pairs if (g, f) not in right]

    commitments = [c for c in result["commitments"] if c["kind"] != "statement"]
    same = lambda g, f: (norm(g["contains"]) in norm(f["text"]) and g["kind"] == f["kind"]  # noqa: E731
                         and norm(g["speaker"]) == norm(f["speaker"]))
    pairs, missed, extra = _match(gold["commitments"], commitments, same)
    c = scores["commitments"]
    c.tp += len(pairs); c.fn += len(missed); c.fp += len(extra)
    c.misses += [(name, f"{g['kind']} {g['speaker']}: {g['contains']}") for g in missed]
    c.extras += [(name, f"{f['kind']} {f['speaker']}: {f['text'][:70]}") for f in extra]


def evaluate(gold_dir: Path = GOLD) -> dict[str, Score]:
    from extract import Extractor
    from scrapers.files import read_path
    extractor = Extractor()
    scores = {f: Score() for f in FIELDS}
    for annotation in sorted(gold_dir.glob("*.json")):
        gold = json.loads(annotation.read_text(encoding="utf-8"))
        doc = read_path(annotation.with_suffix(".txt"))
        doc.published = gold["published"]
        score_document(annotation.stem, gold, extractor.extract(doc).to_dict(), scores)
    return scores


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    scores = evaluate()
    if args.json:
        print(json.dumps({f: {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3)}
                          for f, s in scores.items()}, indent=2))
        return
    docs = len(list(GOLD.glob("*.json")))
    print(f"gold set: {docs} documents in {GOLD}")
    print(f"{'field':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}")
    for f, s in scores.items():
        print(f"{f:<20}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    if args.errors:
        for f, s in scores.items():
            for doc, item in s.misses:
                print(f"MISS  {f:<18} {doc}: {item}")
            for doc, item in s.extras:
                print(f"EXTRA {f:<18} {doc}: {item}")


if __name__ == "__main__":
    sys.exit(main())
