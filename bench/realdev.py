"""Extraction quality on the real-text development set: P/R/F1 per field and the worst documents.

    python -m bench.realdev             # table + the 10 worst documents
    python -m bench.realdev --errors    # also every miss and false positive
    python -m bench.realdev --json

The annotations are committed (tests/realdev/gold.jsonl); the texts are their publishers' and
live only in the ignored cache .cache/realdev/<id>.txt (see tests/realdev/README.md). Whatever
is cached is scored; a missing text or one whose sha256 differs is skipped and counted.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from bench.scoring import as_json, document_f1, new_scores, print_errors, print_table, score_document

ROOT = Path(__file__).parent.parent
GOLD = ROOT / "tests" / "realdev" / "gold.jsonl"
CACHE = ROOT / ".cache" / "realdev"


def load(gold: Path = GOLD, cache: Path = CACHE) -> tuple[list[tuple[dict, str]], list[str]]:
    """(annotation, text) of every cached article; ids skipped (missing or changed text)."""
    found, skipped = [], []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        path = cache / f"{entry['id']}.txt"
        raw = path.read_bytes() if path.exists() else None
        if raw is None or hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            skipped.append(entry["id"])
            continue
        found.append((entry, raw.decode("utf-8")))
    return found, skipped


def evaluate(gold: Path = GOLD, cache: Path = CACHE):
    from extract import Extractor
    from models import Document
    articles, skipped = load(gold, cache)
    extractor = Extractor()
    docs = [Document(raw=text.encode("utf-8"), text=text, kind="text", url=entry["url"],
                     published=entry["published"], published_method="given" if entry["published"] else None)
            for entry, text in articles]
    scores, per_doc = new_scores(), []
    for (entry, _), result in zip(articles, extractor.pipe(docs)):
        if isinstance(result, Exception):
            raise result
        data = result.to_dict()
        score_document(entry["id"], entry, data, scores)
        per_doc.append((document_f1(entry, data), entry["id"]))
    return scores, sorted(per_doc), len(articles), skipped


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--worst", type=int, default=10)
    args = parser.parse_args(argv)
    scores, per_doc, n, skipped = evaluate()
    if not n:
        print(f"no cached texts in {CACHE}: see tests/realdev/README.md", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps({"documents": n, "skipped": len(skipped), "fields": as_json(scores)}, indent=2))
        return 0
    print_table(scores, f"real-text development set: {n} documents scored, {len(skipped)} not cached or changed")
    print(f"\n{args.worst} worst documents (mean F1 over fields):")
    for f1, doc_id in per_doc[:args.worst]:
        print(f"  {f1:.3f}  {doc_id}")
    if args.errors:
        print_errors(scores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
