"""`janji demo`: the whole flow, offline, on the bundled sample corpus."""
from __future__ import annotations

import csv
from pathlib import Path

import sqlite_utils

from janji.ingest import add_sources
from janji.pipeline_run import process_pending

CORPUS = Path(__file__).parent / "demo_corpus"
SOURCES = CORPUS / "sources.csv"  # file,published: the corpus manifest


def corpus_files() -> list[tuple[str, str | None]]:
    with open(SOURCES, encoding="utf-8", newline="") as f:
        return [(str(CORPUS / row["file"]), row["published"] or None) for row in csv.DictReader(f)]


def build_demo(db: sqlite_utils.Database) -> str:
    errors = []
    for path, published in corpus_files():
        errors += add_sources(db, [path], published).errors
    processed = process_pending(db, show_progress=False)
    counts = {t: db[t].count for t in ("documents", "officials", "opds", "commitments", "event_dates", "agreements")}
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    problems = (f"; {len(errors)} input errors, {processed.failed} extraction failures"
                if errors or processed.failed else "")
    outcomes = f"\n{processed.outcomes}" if processed.outcomes else ""  # did they meet their targets?
    return f"demo database ready: {summary} (processed {processed.done} now){problems}\n{processed.compared}{outcomes}"
