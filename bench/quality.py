"""Extraction quality on the synthetic gold set in tests/gold: precision, recall and F1 per field.

    python -m bench.quality            # table
    python -m bench.quality --json     # figures as JSON
    python -m bench.quality --errors   # also list misses and false positives per document

The real-text development set is scored by `python -m bench.realdev`.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.scoring import Score, as_json, new_scores, print_errors, print_table, score_document

GOLD = Path(__file__).parent.parent / "tests" / "gold"


def evaluate(gold_dir: Path = GOLD) -> dict[str, Score]:
    from extract import Extractor
    from scrapers.files import read_path
    extractor = Extractor()
    scores = new_scores()
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
        print(json.dumps(as_json(scores), indent=2))
        return
    print_table(scores, f"gold set: {len(list(GOLD.glob('*.json')))} documents in {GOLD}")
    if args.errors:
        print_errors(scores)


if __name__ == "__main__":
    sys.exit(main())
