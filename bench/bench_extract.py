"""Speed and memory of the NLP stage, printed (never asserted).

    python -m bench.bench_extract [--docs 10000]

- cold start of `janji extract` on one article (the CLI's own process, median of 3)
- documents/s and words/s of the full pipeline (nlp.pipe over the gold texts, repeated)
- the same texts through a bare spacy.blank("id") tokenizer, and the ratio
- peak RSS of a child process extracting N documents, sampled at 10% / 50% / 100%
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent
GOLD = ROOT / "tests" / "gold"


def gold_documents():
    from scrapers.files import read_path
    docs = []
    for annotation in sorted(GOLD.glob("*.json")):
        doc = read_path(annotation.with_suffix(".txt"))
        doc.published = json.loads(annotation.read_text(encoding="utf-8"))["published"]
        docs.append(doc)
    return docs


def cold_start() -> float:
    times = []
    sample = GOLD / "00-jambiupdate-pk-perubahan.txt"
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "janji", "extract", str(sample), "--published", "2025-06-26"],
                       check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def throughput(docs, rounds: int = 5) -> tuple[float, float, float]:
    import spacy
    from extract import Extractor
    extractor = Extractor()
    batch = docs * rounds
    words = sum(len(d.text.split()) for d in batch)
    started = time.perf_counter()
    for result in extractor.pipe(batch):
        assert not isinstance(result, Exception), result
    ours = time.perf_counter() - started
    bare = spacy.blank("id")
    started = time.perf_counter()
    for _ in bare.pipe(d.text for d in batch):
        pass
    tokenizer = time.perf_counter() - started
    return len(batch) / ours, words / ours, ours / tokenizer


def memory_child(n: int) -> None:
    """Run in a child: extract n documents, print RSS (MB) at 10%, 50% and 100%."""
    from extract import Extractor
    docs = gold_documents()
    extractor = Extractor()
    marks = {max(1, n // 10): "10%", max(1, n // 2): "50%", n: "100%"}
    stream = (docs[i % len(docs)] for i in range(n))
    for i, result in enumerate(extractor.pipe(stream), 1):
        if i in marks:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps({"at": marks[i], "documents": i, "peak_rss_mb": round(rss, 1)}), flush=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="NLP stage speed and memory")
    parser.add_argument("--docs", type=int, default=10_000, help="documents for the memory run")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        memory_child(args.child)
        return
    docs = gold_documents()
    print(f"janji extract, cold start (median of 3): {cold_start():.2f} s")
    dps, wps, ratio = throughput(docs)
    print(f"full pipeline: {dps:.1f} documents/s, {wps:,.0f} words/s on {len(docs)} gold texts x5")
    print(f"ratio to bare spacy.blank('id') tokenizer on the same texts: {ratio:.1f}x slower")
    out = subprocess.run([sys.executable, "-m", "bench.bench_extract", "--child", str(args.docs)],
                         check=True, capture_output=True, text=True, cwd=ROOT).stdout
    for line in out.splitlines():
        row = json.loads(line)
        print(f"peak RSS after {row['documents']:>6} documents ({row['at']:>4}): {row['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
