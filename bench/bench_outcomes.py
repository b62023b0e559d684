"""Outcomes benchmark: PK, PK Perubahan and performance reports (LKjIP) generated at run time
(the agreements of bench/bench_compare.py, 1,000 by default; a report for 4 groups in 5, its
indicators sometimes written differently), stored through the writer, then the matching as
`janji process` runs it (`refresh_outcomes`): time, peak memory, and how many targets got the
report row they were generated with.

    .venv/bin/python bench/bench_outcomes.py [--agreements N] [--seed S]

Prints figures only; nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_compare import measure, synthetic_agreements  # noqa: E402
from models import Document, Extraction  # noqa: E402
from models.report import Achievement, Report  # noqa: E402

# how a report may write a PK indicator (a suffix, a prefix, the same words)
REWRITES = [lambda s: s, lambda s: s, lambda s: f"{s} (%)", lambda s: s.replace("Persentase ", "Persentase capaian ")]


def report_for(agreement, rng: random.Random) -> tuple[Report, dict[str, str]]:
    """The report of one agreement in force, and which report indicator each target was written as."""
    rows, truth = [], {}
    for t in agreement.targets:
        written = rng.choice(REWRITES)(t.indikator)
        truth[t.indikator] = written
        real = None if t.value is None else round(t.value * rng.uniform(0.85, 1.1), 2)
        capaian = None if real is None or not t.value else round(real / t.value * 100, 2)
        rows.append(Achievement(t.sasaran, written, t.unit, t.target, t.value, None if real is None else f"{real:g}",
                                real, capaian, "higher", 20))
    return Report("LKjIP", agreement.year, agreement.opd, agreement.region, rows, pages=[1, 30]), truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    agreements = synthetic_agreements(args.agreements, rng)
    from db import open_db
    from db.store import replace_extraction, store_document
    from janji.outcomes import refresh_outcomes
    truth: dict[tuple, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        reports = 0
        with db.conn:
            for s in agreements:
                a = s.agreement
                doc_id, _ = store_document(db, Document(raw=f"pk{s.agreement_id}".encode(), text="", kind="pk",
                                                        title=f"PK {a.year} {a.opd} {a.region}"))
                replace_extraction(db, doc_id, Extraction(source={}, agreements=[a]), a.signed_date)
                if a.revision and rng.random() < 0.8:  # the report of the version in force
                    report, written = report_for(a, rng)
                    truth.update({(a.opd, a.region, a.year, k): v for k, v in written.items()})
                    doc_id, _ = store_document(db, Document(raw=f"lkjip{s.agreement_id}".encode(), text="", kind="pdf",
                                                            title=f"LKjIP {a.year} {a.opd} {a.region}"))
                    replace_extraction(db, doc_id, Extraction(source={}, report=report), f"{a.year + 1}-03-01")
                    reports += 1
        targets = sum(len(s.agreement.targets) for s in agreements)
        print(f"synthetic: {len(agreements)} agreements ({targets} targets), {reports} reports "
              f"({db['achievements'].count} achievement rows)")
        print(f"  {'(building the database through db.store)':<52} {time.perf_counter() - t0:8.2f} s")
        summary, seconds = measure("refresh_outcomes (run twice: idempotent)", lambda: refresh_outcomes(db))
        print(f"  {summary}; {summary.targets / seconds:,.0f} targets/s")
        rows = list(db.query("select opd, region, year, indikator, report_indikator, verdict, candidates "
                             "from target_outcomes where report_document_id is not null"))
        right = sum(1 for r in rows if truth.get((r["opd"], r["region"], r["year"], r["indikator"])) == r["report_indikator"])
        wrong = sum(1 for r in rows if r["report_indikator"] and
                    truth.get((r["opd"], r["region"], r["year"], r["indikator"])) != r["report_indikator"])
        ambiguous = sum(1 for r in rows if r["candidates"])
        print(f"  targets with a report: {len(rows)}; matched to their own row {right}, to another row {wrong}, "
              f"ambiguous {ambiguous}, unmatched {len(rows) - right - wrong - ambiguous}")
        verdicts = {}
        for v, in db.execute("select verdict from target_outcomes").fetchall():
            verdicts[v] = verdicts.get(v, 0) + 1
        print("  verdicts: " + ", ".join(f"{k} {n}" for k, n in sorted(verdicts.items())))
        db.close()
    print(f"\npeak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
