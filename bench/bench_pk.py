"""PK reader benchmark: per-field accuracy on the gold set, pages/s (digital and OCR), the cost
of our whole PK read relative to bare pdfplumber extract_tables() on the same pages, rows exact
and s/page for each scanned variant (against bare Tesseract, and img2table where installed),
rows exact by scan resolution, a bundle of 3 agreements (whole and cut off), and `janji process`
with 1 and 2 workers.

    .venv/bin/python -m bench.bench_pk [--repeat N] [--img2table PYTHON]

Prints figures only; nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.pk import read_agreement  # noqa: E402
from models import Document  # noqa: E402
from scrapers.pdf import read_pdf  # noqa: E402

_spec = importlib.util.spec_from_file_location("make_pk_fixtures", ROOT / "tests" / "pk" / "make_pk_fixtures.py")
fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixtures)

PARTY_FIELDS = ("name", "full_name", "position", "nip")
FIELDS = ("year", "revision", "opd", "region", "signed_place", "signed_date", "total_anggaran", "total_mismatch")


def read(raw: bytes):
    result = read_pdf(raw)
    doc = Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=result.layout,
                   text_method=result.method)
    return result, read_agreement(doc)


def bare_tables(raw: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        return sum(len(page.extract_tables()) for page in pdf.pages)


def accuracy(gold: dict, paths: dict) -> dict[str, list[bool]]:
    scores: dict[str, list[bool]] = {}
    for name, case in gold.items():
        got = dataclasses.asdict(read(paths[name].read_bytes())[1])
        want = case["expected"]
        for key in FIELDS:
            scores.setdefault(key, []).append(got[key] == want[key])
        for party in ("first_party", "second_party"):
            for key in PARTY_FIELDS:
                g = (got[party] or {}).get(key) if got[party] else None
                w = (want[party] or {}).get(key) if want[party] else None
                scores.setdefault(f"{party}.{key}", []).append(g == w)
        rows = {(t["sasaran"], t["indikator"], t["target"], t["value"], t["unit"], t["page"]) for t in got["targets"]}
        values = {(t["indikator"], t["value"], t["unit"]) for t in got["targets"]}
        for t in case["targets"]:
            scores.setdefault("target rows exact", []).append((t["s"], t["i"], t["t"], t["v"], t["unit"], t["p"]) in rows)
            scores.setdefault("target values+units", []).append((t["i"], t["v"], t["unit"]) in values)
        programs = {(p["program"], p["anggaran"], p["keterangan"], p["page"]) for p in got["programs"]}
        for p in case["programs"]:
            scores.setdefault("program rows exact", []).append((p["k"], p["v"], p["n"], p["p"]) in programs)
        scores.setdefault("extra/missing target rows = 0", []).append(len(got["targets"]) == len(case["targets"]))
    return scores


def timed(fn, items, repeat):
    start = time.perf_counter()
    for _ in range(repeat):
        for item in items:
            fn(item)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--repeat", type=int, default=5, help="passes over the digital gold set (default 5)")
    parser.add_argument("--img2table", metavar="PYTHON",
                        help="a Python with img2table installed (kept out of janji's environment: it replaces "
                             "opencv-python-headless with opencv-contrib-python): its tables are compared with ours")
    args = parser.parse_args()
    gold = fixtures.load_gold()
    with tempfile.TemporaryDirectory() as tmp:
        paths = fixtures.generate(Path(tmp))
        print(f"PK gold set: {len(gold)} documents, {sum(len(c['targets']) for c in gold.values())} target rows, "
              f"{sum(len(c['programs']) for c in gold.values())} program rows\n")
        print(f"{'field':34} accuracy")
        for key, hits in accuracy(gold, paths).items():
            print(f"  {key:32} {sum(hits)}/{len(hits)} = {sum(hits) / len(hits):.1%}")

        raws = [paths[name].read_bytes() for name in gold]
        pages = sum(len(read(raw)[0].pages) for raw in raws) * args.repeat
        ours = timed(read, raws, args.repeat)
        pdf_only = timed(read_pdf, raws, args.repeat)
        bare = timed(bare_tables, raws, args.repeat)
        print(f"\ndigital: {pages} pages in {ours:.2f} s = {pages / ours:.1f} pages/s "
              f"(read_pdf alone {pages / pdf_only:.1f} pages/s; bare pdfplumber extract_tables {pages / bare:.1f} pages/s)")
        print(f"ratio whole PK read / bare extract_tables: {ours / bare:.2f}x (+{(ours / bare - 1):.0%})")

        if shutil.which("tesseract") is None:
            print("\nOCR: skipped (tesseract not installed)")
        else:
            by_dpi = scans(gold["kota_dinkes_portrait_ruled"], paths, Path(tmp), args.img2table)
            for dpi, options in ((200, {}), (150, {"dpi": 150, "angle": 2.0, "jpeg_quality": 60, "seed": 11})):
                hits, total = every_layout_scanned(gold, options)
                by_dpi.setdefault(dpi, []).append((hits, total))
            print("  target rows exact by scan resolution (every variant at it, stamped, rotated and photographed "
                  "included, and every gold layout):")
            for dpi in sorted(by_dpi, reverse=True):
                hits, total = (sum(x) for x in zip(*by_dpi[dpi]))
                print(f"    {dpi} dpi: {hits}/{total} = {hits / total:.1%}")
        bundle(gold)
        if shutil.which("tesseract") is not None:
            jobs_speedup(paths, Path(tmp))


def _bare_tesseract(raw: bytes) -> float:
    """Seconds for plain Tesseract (psm 3, 300 dpi render, no deskew, no tables) on every page."""
    import subprocess

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(raw)
    start = time.perf_counter()
    for page in doc:
        buf = io.BytesIO()
        page.render(scale=300 / 72, grayscale=True).to_pil().convert("L").save(buf, format="PNG")
        subprocess.run(["tesseract", "stdin", "stdout", "-l", "ind", "--psm", "3", "tsv"], input=buf.getvalue(),
                       capture_output=True, env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}, check=False)
    return time.perf_counter() - start


def _exact(got, case) -> tuple[int, int, int]:
    rows = {(t.sasaran, t.indikator, t.target, t.value, t.unit, t.page) for t in got.targets} if got else set()
    programs = {(p.program, p.anggaran, p.keterangan, p.page) for p in got.programs} if got else set()
    return (sum((t["s"], t["i"], t["t"], t["v"], t["unit"], t["p"]) in rows for t in case["targets"]),
            sum((p["k"], p["v"], p["n"], p["p"]) in programs for p in case["programs"]),
            len(got.targets) if got else 0)


def _describe(options: dict) -> str:
    parts = [f"{options.get('dpi', 200)} dpi", f"{options.get('angle', 1.5):g}°"]
    parts += [f"JPEG q{options['jpeg_quality']}"] if options.get("jpeg_quality") else []
    parts += ["stamped"] if options.get("stamp") else []
    parts += [f"phone photo ({options['phone']})"] if options.get("phone") else []
    parts += ["fed sideways"] if options.get("quarter_turn") else []
    return ", ".join(parts)


def _img2table(python: str, pdfs: list[Path]) -> dict | None:
    """img2table's tables of each PDF (bench/img2table_tables.py run by `python`), or None."""
    import subprocess

    out = pdfs[0].parent / "img2table.json"
    proc = subprocess.run([python, str(ROOT / "bench" / "img2table_tables.py"), str(out), *map(str, pdfs)],
                          capture_output=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"), check=False)
    if proc.returncode != 0:
        print(f"  img2table: failed ({proc.stderr.decode(errors='replace').strip().splitlines()[-1:]})")
        return None
    return json.loads(out.read_text())


def _their_agreement(raw: bytes, result, pages: list) -> object:
    """Our reader on our words with img2table's tables in place of ours on the scanned pages."""
    from models.pdf_layout import PdfTable

    layout = [dataclasses.replace(p, tables=[PdfTable(*t["bbox"], rows=t["rows"]) for t in pages[i]])
              if p.method == "ocr" else p for i, p in enumerate(result.layout)]
    return read_agreement(Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=layout))


def scans(case: dict, paths: dict, tmp: Path, img2table: str | None = None) -> dict[int, list[tuple[int, int]]]:
    """Each scanned variant of the same PK: rows exact (target and program), seconds per page,
    the tables' OCR confidence, and our time against bare Tesseract on the same pages; with
    img2table, its rows exact and seconds per page on the same scans. Returns target rows
    (exact, total) per scan resolution."""
    variants = {**fixtures.SCAN_VARIANTS, **fixtures.BENCH_VARIANTS}
    digital = paths["kota_dinkes_portrait_ruled"].read_bytes()
    for name, options in fixtures.BENCH_VARIANTS.items():
        paths[name] = tmp / f"{name}.pdf"
        paths[name].write_bytes(fixtures.scanned_copy(digital, **options))
    theirs = _img2table(img2table, [paths[n] for n in variants]) if img2table else None
    print(f"\nscanned PK ({len(case['targets'])} target rows, {len(case['programs'])} program rows), "
          "OMP_THREAD_LIMIT=1, rendered at 300 dpi:")
    print(f"  {'variant':36} {'targets':>8} {'programs':>9} {'s/page':>7} {'bare tess.':>10} {'ratio':>6}  "
          f"{'img2table':>9} {'s/page':>6}  confidence")
    by_dpi: dict[int, list[tuple[int, int]]] = {}
    totals = {"ours": [0, 0.0], "theirs": [0, 0.0], "pages": 0}
    for name, options in variants.items():
        raw = paths[name].read_bytes()
        start = time.perf_counter()
        result, pk = read(raw)
        took = time.perf_counter() - start
        n = len(result.pages)
        targets, programs, found = _exact(pk, case)
        by_dpi.setdefault(options.get("dpi", 200), []).append((targets, len(case["targets"])))
        bare = _bare_tesseract(raw)
        confidence = ", ".join(f"{t.confidence:.2f}" for p in result.layout for t in p.tables)
        other = "-"
        if theirs is not None:
            mine = theirs[str(paths[name])]
            their_targets = _exact(_their_agreement(raw, result, mine["pages"]), case)[0]
            other = f"{their_targets}/{len(case['targets'])} {mine['seconds'] / n:6.2f}"
            totals["theirs"][0] += their_targets
            totals["theirs"][1] += mine["seconds"]
        totals["ours"][0] += targets
        totals["ours"][1] += took
        totals["pages"] += n
        print(f"  {name:36} {targets}/{len(case['targets']):<6} {programs}/{len(case['programs']):<7} "
              f"{took / n:7.2f} {bare / n:10.2f} {took / bare:5.2f}x  {other:>16}  {confidence}"
              + (f"  ({found - targets} wrong or extra rows)" if found != targets else ""))
        print(f"      ({_describe(options)})")
    rows = len(variants) * len(case["targets"])
    print(f"  all variants: ours {totals['ours'][0]}/{rows} target rows exact, {totals['ours'][1] / totals['pages']:.2f} s/page"
          + (f"; img2table {totals['theirs'][0]}/{rows}, {totals['theirs'][1] / totals['pages']:.2f} s/page (tables only)"
             if theirs is not None else "; img2table not compared (pass --img2table PYTHON)"))
    return by_dpi


def every_layout_scanned(gold: dict, options: dict) -> tuple[int, int]:
    """Each gold layout as an office scan (`options` of scanned_copy): rows exact over all of them."""
    rows = programs = n_rows = n_programs = pages = 0
    start = time.perf_counter()
    for case in gold.values():
        result, pk = read(fixtures.scanned_copy(fixtures.build_case(case), **options))
        t, p, _ = _exact(pk, case)
        rows, programs, pages = rows + t, programs + p, pages + len(result.pages)
        n_rows, n_programs = n_rows + len(case["targets"]), n_programs + len(case["programs"])
    took = time.perf_counter() - start
    print(f"  every gold layout scanned ({_describe(options)}; {len(gold)} PKs, {pages} pages): target rows exact "
          f"{rows}/{n_rows}, program rows exact {programs}/{n_programs}, {took / pages:.2f} s/page")
    return rows, n_rows


def bundle(gold: dict) -> None:
    """A bundle of cover + daftar isi + 3 OPDs' agreements: split exactly, rows exact per member."""
    from extract.pk import read_agreements

    spec = importlib.util.spec_from_file_location("make_pk_bundle", ROOT / "tests" / "pk" / "make_pk_bundle.py")
    bundles = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bundles)
    for scanned in (False, True):
        if scanned and shutil.which("tesseract") is None:
            break
        raw, ranges = bundles.build_bundle(scanned=scanned)
        start = time.perf_counter()
        result = read_pdf(raw)
        found = read_agreements(Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=result.layout))
        took = time.perf_counter() - start
        split = sum(a.pages == r and a.opd == gold[name]["expected"]["opd"]
                    for a, r, name in zip(found.agreements, ranges, bundles.MEMBERS))
        rows = 0
        for a, r, name in zip(found.agreements, ranges, bundles.MEMBERS):
            got = {(t.sasaran, t.indikator, t.target, t.value, t.unit, t.page) for t in a.targets}
            rows += sum((t["s"], t["i"], t["t"], t["v"], t["unit"], t["p"] + r[0] - 1) in got for t in gold[name]["targets"])
        total = sum(len(gold[name]["targets"]) for name in bundles.MEMBERS)
        print(f"\n{'scanned' if scanned else 'digital'} bundle ({len(result.pages)} pages: cover, daftar isi, "
              f"{len(bundles.MEMBERS)} agreements): {len(found.agreements)} agreements found, {split}/{len(bundles.MEMBERS)} "
              f"with the right pages and OPD, target rows exact {rows}/{total}, {took / len(result.pages):.2f} s/page")
    raw, ranges, lost = bundles.build_truncated_bundle()
    result = read_pdf(raw)
    found = read_agreements(Document(raw=raw, text=result.text, kind="pk", pages=result.pages, layout=result.layout))
    kept = sum(a.pages == r for a, r in zip(found.agreements, ranges[:-1]))
    print(f"digital bundle cut off at page {lost} (its last agreement): {kept}/{len(ranges) - 1} agreements before it "
          f"kept with their pages, {len(found.errors)} error line: {found.errors[0] if found.errors else '-'}")


def jobs_speedup(paths: dict, tmp: Path, copies: int = 3) -> None:
    """`janji process` on OCR-heavy input (scanned PKs stored without their layout, so processing
    reads them again) with 1 and with 2 workers: pages/s of each, and the same rows stored."""
    import sqlite3

    from db import open_db
    from extract import Extractor
    from janji.ingest import add_sources
    from janji.pipeline_run import process_pending

    sources = []
    for n in range(copies):  # distinct bytes (different speckle), so each is its own document
        for name, options in list(fixtures.SCAN_VARIANTS.items())[:4]:  # office scans, as measured before
            path = tmp / f"jobs-{n}-{name}.pdf"
            digital = paths["kota_dinkes_portrait_ruled"].read_bytes()
            path.write_bytes(fixtures.scanned_copy(digital, **{**options, "seed": 100 + n * 10 + len(sources)}))
            sources.append(str(path))
    base = open_db(tmp / "jobs-base.db")
    add_sources(base, sources)
    base.execute("update documents set layout = null")
    base.conn.commit()
    pages = sum(len(json.loads(r[0])) for r in base.execute("select pages from documents"))
    extractor = Extractor()
    took, stored = {}, {}
    for jobs in (1, 2):
        path = tmp / f"jobs-{jobs}.db"
        with sqlite3.connect(path) as copy:
            base.conn.backup(copy)
        db = open_db(path)
        start = time.perf_counter()
        summary = process_pending(db, show_progress=False, extractor=extractor, jobs=jobs)
        took[jobs] = time.perf_counter() - start
        stored[jobs] = list(db.query("select a.id, t.indikator, t.value, t.unit from agreement_targets t "
                                     "join agreements a on a.id = t.agreement_id order by t.id"))
        assert summary.failed == 0
    print(f"\nprocess, OCR-heavy ({len(sources)} scanned PKs, {pages} pages, layouts read while processing), "
          f"{os.cpu_count()} cores: --jobs 1 {pages / took[1]:.2f} pages/s, --jobs 2 {pages / took[2]:.2f} pages/s, "
          f"speed-up {took[1] / took[2]:.2f}x; rows identical: {stored[1] == stored[2]}")


if __name__ == "__main__":
    main()
