"""Performance-report (LKjIP) reader benchmark: rows exact per layout and overall, each field's
exactness over all achievement rows, budget rows exact, and pages/s for digital and scanned
reports apart (PDF reading + report reading, and the report reader alone).

    .venv/bin/python bench/bench_lkjip.py [--repeat N] [--all-scans]

The gold is tests/lkjip/lkjip_gold.py (generated layouts) and the demo corpus's expected.json
(`reports`). Scans: the test suite's scan, plus (with --all-scans) a scan of every layout.
Strict comparison here (the tests allow a scan's printed "88.4" for "88,4"; this does not).
Prints figures only; nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.lkjip import read_report  # noqa: E402
from models import Document  # noqa: E402
from scrapers.pdf import read_pdf  # noqa: E402

_spec = importlib.util.spec_from_file_location("make_lkjip_fixtures", ROOT / "tests" / "lkjip" / "make_lkjip_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)
GOLD = fixtures.load_gold()
FIELDS = ("sasaran", "indikator", "satuan", "target", "target_value", "realisasi", "realisasi_value", "capaian",
          "direction", "page", "kriteria")
REPORT_FIELDS = ("kind", "year", "opd", "region", "pages")


def gold_report(case) -> dict:
    """A generated layout's gold in the reader's shape."""
    rows = [dict(zip(FIELDS, (a["s"], a["i"], a["u"], a["t"], a["tv"], a["r"], a["rv"], a["cv"], a["d"], a["p"], a["k"])))
            for a in case["achievements"]]
    budget = [{"program": b["k"], "pagu": b["av"], "realisasi": b["rv"], "persen": b["cv"], "page": b["p"]} for b in case["budget"]]
    return {**case["expected"], "achievements": rows, "budget": budget, "skipped_rows": case["skipped"]}


def timed_read(raw: bytes) -> tuple[dict | None, int, float, float, str]:
    start = time.perf_counter()
    result = read_pdf(raw)
    doc = Document(raw=raw, text=result.text, kind="pdf", pages=result.pages, layout=result.layout, text_method=result.method)
    middle = time.perf_counter()
    found = read_report(doc)
    end = time.perf_counter()
    report = dataclasses.asdict(found.report) if found else None
    return report, len(result.layout), end - start, end - middle, result.method


def score(got: dict | None, want: dict) -> dict:
    got = got or {"achievements": [], "budget": [], "skipped_rows": []}
    rows = [{k: r.get(k) for k in FIELDS} for r in got["achievements"]]
    exact = sum(1 for g, w in zip(rows, want["achievements"]) if g == w)
    fields = {k: sum(1 for g, w in zip(rows, want["achievements"]) if g[k] == w[k]) for k in FIELDS}
    budget = sum(1 for g, w in zip(got["budget"], want["budget"]) if g == w)
    return {"rows": (exact, len(want["achievements"]), len(rows)), "fields": fields,
            "budget": (budget, len(want["budget"]), len(got["budget"])),
            "report": all(got.get(k) == want[k] for k in REPORT_FIELDS),
            "skipped": got["skipped_rows"] == want["skipped_rows"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per digital report (best kept)")
    parser.add_argument("--all-scans", action="store_true", help="also scan and read every layout (slow: OCR)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench_lkjip_"))
    try:
        paths = fixtures.generate(work)
        scan_name, scan_of = GOLD.SCANNED
        cases = [(name, (paths[name].read_bytes(), gold_report(case), "digital")) for name, case in GOLD.CASES.items()]
        corpus = json.loads((ROOT / "janji" / "demo_corpus" / "expected.json").read_text(encoding="utf-8"))["reports"]
        cases += [(f"demo:{name}", ((ROOT / "janji" / "demo_corpus" / name).read_bytes(), facts["report"], "digital"))
                  for name, facts in corpus.items()]
        cases.append((scan_name, (paths[scan_name].read_bytes(), gold_report(GOLD.CASES[scan_of]), "scanned")))
        if args.all_scans:
            pk = fixtures._pk_fixtures()
            cases += [(f"scan_{name}", (pk.scanned_copy(paths[name].read_bytes(), angle=1.0, seed=13), gold_report(case), "scanned"))
                      for name, case in GOLD.CASES.items() if name != scan_of]
        totals = {"rows": [0, 0], "budget": [0, 0], "fields": dict.fromkeys(FIELDS, 0), "reports": [0, 0]}
        speed = {"digital": [0, 0.0, 0.0], "scanned": [0, 0.0, 0.0]}  # pages, seconds, reader-only seconds
        by_kind = {"digital": [0, 0], "scanned": [0, 0]}  # rows exact, rows
        print(f"{'layout':44} {'rows exact':>11} {'budget':>7} {'report':>7} {'skipped':>8} {'pages':>6} {'s/page':>7}")
        for name, (raw, want, kind) in cases:
            runs = [timed_read(raw) for _ in range(args.repeat if kind == "digital" else 1)]
            got, pages, _, _, _ = runs[0]
            seconds, reader = min(r[2] for r in runs), min(r[3] for r in runs)
            s = score(got, want)
            exact, total, _ = s["rows"]
            totals["rows"][0] += exact
            totals["rows"][1] += total
            totals["budget"][0] += s["budget"][0]
            totals["budget"][1] += s["budget"][1]
            totals["reports"][0] += s["report"]
            totals["reports"][1] += 1
            for k in FIELDS:
                totals["fields"][k] += s["fields"][k]
            by_kind[kind][0] += exact
            by_kind[kind][1] += total
            speed[kind][0] += pages
            speed[kind][1] += seconds
            speed[kind][2] += reader
            print(f"{name:44} {exact:>4}/{total:<3}{'' if s['rows'][2] == total else '!':>3} {s['budget'][0]:>3}/{s['budget'][1]:<3}"
                  f" {'ok' if s['report'] else 'WRONG':>7} {'ok' if s['skipped'] else 'WRONG':>8} {pages:>6} {seconds / pages:>7.3f}")
        rows, budget = totals["rows"], totals["budget"]
        print(f"\nrows exact overall: {rows[0]}/{rows[1]} ({100 * rows[0] / rows[1]:.1f} %); budget rows exact "
              f"{budget[0]}/{budget[1]}; report fields (kind, year, opd, region, pages) right on {totals['reports'][0]}/{totals['reports'][1]} reports")
        print("fields exact over all achievement rows: " + ", ".join(
            f"{k} {100 * v / rows[1]:.1f} %" for k, v in totals["fields"].items()))
        for kind, (pages, seconds, reader) in speed.items():
            if pages:
                print(f"{kind}: rows exact {by_kind[kind][0]}/{by_kind[kind][1]}; {pages} pages in {seconds:.2f} s = {pages / seconds:.2f} pages/s "
                      f"(PDF reading + report reader); report reader alone {pages / reader:.0f} pages/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
