"""Datasette and export benchmark on a synthetic database generated at run time (not committed).

    .venv/bin/python bench/bench_datasette.py [--documents 100000] [--requests 40] [--keep PATH]

Builds N documents with their extractions (officials, roles, commitments, dates; a PK agreement
with targets every 50th document) through the real schema, migrations, stemmed search columns
and FTS triggers; then, against a real `janji serve` over HTTP, prints p50/p95 latency of an FTS
search, of the commitments-by-official query and of a facet page; then export rows/s and the
peak memory (RSS) of `janji export` for a small and a large export, to show it stays flat.
Prints figures only; nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from db import open_db, search  # noqa: E402

REGIONS = [f"{kind} {name}" for kind in ("Kota", "Kabupaten") for name in (
    "Jambi", "Sungai Harapan", "Lembah Hijau", "Tanjung Baru", "Muara Indah", "Bukit Permai",
    "Danau Biru", "Pantai Timur", "Rimba Raya", "Batu Putih")]
OPDS = [("Dinas Kesehatan", "Dinkes"), ("Dinas Pendidikan", "Disdik"), ("Dinas Perhubungan", "Dishub"),
        ("Badan Perencanaan Pembangunan Daerah", "Bappeda"), ("Satuan Polisi Pamong Praja", "Satpol PP"),
        ("Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR"), ("Dinas Sosial", "Dinsos")]
FIRST = ["Budi", "Ratna", "Agus", "Sri", "Hendri", "Nurul", "Taufik", "Yusniar", "Arman", "Lestari",
         "Zainal", "Bambang", "Nelly", "Ferdy", "Ayu", "Doni", "Edi", "Yulia", "Fikri", "Maya"]
LAST = ["Santoso", "Dewi", "Pohan", "Wahyuningsih", "Gunawan", "Putri", "Hidayatullah", "Hasibuan",
        "Syahputra", "Handayani", "Matondang", "Wiratmoko", "Rosdiana", "Simanjuntak", "Ningsih",
        "Firmansyah", "Kurniadi", "Fitriani", "Ananda", "Sari"]
SENTENCES = [
    "Kami menargetkan angka stunting turun menjadi {n} persen pada akhir tahun.",
    "Saya minta seluruh camat dan lurah memastikan pelayanan kesehatan berjalan.",
    "Kami berkomitmen memperbaiki {n} kilometer jalan rusak sebelum Lebaran.",
    "{abbr} akan merekap capaian setiap bulan dan melaporkannya kepada Wali Kota.",
    "Pendidikan gratis bagi {n} ribu siswa menjadi prioritas pemerintah daerah.",
    "Kami akan menertibkan pedagang kaki lima di {n} titik rawan macet.",
    "Program air bersih dan sanitasi menjangkau {n} desa tahun ini.",
]
FILLER = ("Rapat koordinasi digelar di aula kantor wali kota dan dihadiri kepala perangkat daerah, "
          "camat serta lurah. Kegiatan ini merupakan tindak lanjut evaluasi kinerja triwulan.")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(path: Path, documents: int, seed: int = 7) -> dict:
    """Write the synthetic database with bulk inserts (the writer's per-document path would
    spend its time in find-or-create, which is not what this measures)."""
    rnd = random.Random(seed)
    db = open_db(path)
    conn = db.conn
    officials = []
    for i in range(2000):
        name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)} {i}"
        region = REGIONS[i % len(REGIONS)]
        opd, abbr = OPDS[i % len(OPDS)]
        officials.append((i + 1, name, f"Dr. H. {name}, S.E., M.M.", region, opd, abbr))
    opd_ids = {}
    with conn:
        conn.executemany("insert into officials (id, name, full_name, region) values (?, ?, ?, ?)",
                         [o[:4] for o in officials])
        conn.executemany("insert into official_aliases (official_id, alias) values (?, ?)",
                         [(o[0], o[2]) for o in officials])
        for region in REGIONS:
            for opd, abbr in OPDS:
                cur = conn.execute("insert into opds (name, abbreviation, region) values (?, ?, ?)", (opd, abbr, region))
                opd_ids[(opd, region)] = cur.lastrowid
    started = time.perf_counter()
    batch = 5000
    counts = {"commitments": 0, "targets": 0}
    for first in range(0, documents, batch):
        with conn:
            for n in range(first, min(first + batch, documents)):
                oid, name, full, region, opd, abbr = officials[n % len(officials)]
                published = f"{2021 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}"
                quotes = [rnd.choice(SENTENCES).format(n=rnd.randint(2, 95), abbr=abbr) for _ in range(2)]
                text = f"Kepala {opd} {region}, {full}, menyampaikan: \"{quotes[0]}\" {FILLER} Ia menambahkan, \"{quotes[1]}\""
                raw = text.encode()
                sha = hashlib.sha256(raw + str(n).encode()).hexdigest()
                conn.execute("insert into raw_files (sha256, size, content) values (?, ?, ?)", (sha, len(raw), raw))
                title = f"{opd} {region}: {quotes[0][:60]}"
                doc_id = conn.execute(
                    """insert into documents (key, url, site, kind, title, published, sha256, text, status,
                       text_stemmed) values (?, ?, ?, 'news', ?, ?, ?, ?, 'processed', ?)""",
                    (f"https://berita.example/{n}", f"https://berita.example/{n}", f"site{n % 8}.example",
                     title, published, sha, text, search.searchable(title, text))).lastrowid
                conn.execute("insert into official_roles (document_id, official_id, position, opd_id, region, date) "
                             "values (?, ?, ?, ?, ?, ?)", (doc_id, oid, f"Kepala {opd}", opd_ids[(opd, region)], region, published))
                conn.execute("insert into event_dates (document_id, date, text, start, end) values (?, ?, ?, 0, 10)",
                             (doc_id, published, published))
                for k, quote in enumerate(quotes):
                    conn.execute(
                        """insert into commitments (document_id, official_id, speaker, kind, quote, text, date,
                           start, end, text_stemmed) values (?, ?, ?, ?, 1, ?, ?, 0, 10, ?)""",
                        (doc_id, oid, name, ("pledge", "instruction", "target", "statement")[(n + k) % 4],
                         quote, published, search.searchable(quote)))
                    counts["commitments"] += 1
                if n % 50 == 0:
                    agreement_id = conn.execute(
                        """insert into agreements (document_id, year, revision, opd_id, region, first_party_name,
                           first_party_position, second_party_name, signed_date) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        (doc_id, int(published[:4]), n % 100 == 0, opd_ids[(opd, region)], region, name,
                         f"Kepala {opd}", "Wali Kota", published)).lastrowid
                    for t in range(8):
                        indikator = f"Persentase capaian pelayanan kesehatan indikator {t}"
                        conn.execute(
                            """insert into agreement_targets (agreement_id, sasaran, indikator, target, value, unit,
                               page, indikator_stemmed) values (?, 'Meningkatnya mutu layanan', ?, ?, ?, '%', 2, ?)""",
                            (agreement_id, indikator, str(80 + t), 80.0 + t, search.searchable(indikator)))
                        counts["targets"] += 1
        done = min(first + batch, documents)
        rate = done / (time.perf_counter() - started)
        print(f"  built {done:,}/{documents:,} documents ({rate:,.0f} docs/s)", end="\r", flush=True)
    print()
    conn.execute("analyze")
    db.close()
    return {"documents": documents, "officials": len(officials), **counts, "sample_official": officials[16][2],
            "build_s": time.perf_counter() - started, "size_mb": path.stat().st_size / 1e6}


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000


def bench_http(path: Path, requests: int, official: str) -> list[tuple[str, float, float, str]]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "janji", "serve", "--db", str(path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base, name = f"http://127.0.0.1:{port}", "janji"  # the name janji serve always gives the database
    cases = [
        ("FTS search, commitments view (_search=sehat)", f"/{name}/commitment_details.json?_search=sehat&_size=50"),
        ("FTS search, documents (_search=Bappeda)", f"/{name}/documents.json?_search=Bappeda&_size=50&_col=title"),
        ("canned commitments_by_official", f"/{name}/commitments_by_official.json?name={quote_plus(official)}"),
        ("facet page, commitment_details HTML", f"/{name}/commitment_details?_facet=region&_facet=kind&_facet=year"),
        ("facet page, documents HTML", f"/{name}/documents?_facet=site&_facet=kind"),
    ]
    out = []
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(150):
                try:
                    client.get("/-/versions.json")
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            for label, url in cases:
                client.get(url)  # warm the page cache once
                samples, status = [], ""
                for _ in range(requests):
                    t = time.perf_counter()
                    r = client.get(url)
                    samples.append(time.perf_counter() - t)
                    status = str(r.status_code)
                    if url.endswith("50") or ".json" in url:
                        rows = len(r.json().get("rows", [])) if r.status_code == 200 else 0
                        status += f", {rows} rows"
                    elif "facet-info" not in r.text and "_facet" in url:
                        status += ", facets missing (time limit?)"
                p50, p95 = percentiles(samples)
                out.append((label, p50, p95, status))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return out


def bench_export(path: Path, table: str, where: list[str]) -> tuple[int, float, float]:
    """(rows, rows/s, peak RSS MB) of one `janji export` run in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.csv"
        cmd = [sys.executable, "-c",
               "import resource, sys; from janji.cli import main; sys.argv = sys.argv[1:]\n"
               "try:\n    main()\nfinally:\n"
               "    print('maxrss', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)",
               "janji", "export", table, "--db", str(path), "--format", "csv", "-o", str(out), *where]
        t = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        elapsed = time.perf_counter() - t
        rss_kb = int(result.stderr.split("maxrss")[-1].split()[0])
        with open(out, encoding="utf-8") as f:
            rows = sum(1 for _ in f) - 1
    return rows, rows / elapsed, rss_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep the database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="janji-bench-") as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        if path.exists():
            path.unlink()
        print(f"building {args.documents:,} synthetic documents in {path} …")
        built = build(path, args.documents)
        print(f"built: {built['documents']:,} documents, {built['commitments']:,} commitments, "
              f"{built['targets']:,} targets, {built['officials']:,} officials in {built['build_s']:.1f} s "
              f"({built['documents'] / built['build_s']:,.0f} docs/s incl. stemming), {built['size_mb']:.0f} MB")
        print(f"\nHTTP over `janji serve`, {args.requests} requests each (ms):")
        print(f"  {'request':<48} {'p50':>8} {'p95':>8}  status")
        print(f"  (official asked for: {built['sample_official']})")
        for label, p50, p95, status in bench_http(path, args.requests, built["sample_official"]):
            print(f"  {label:<48} {p50:8.1f} {p95:8.1f}  {status}")
        print("\n`janji export … --format csv` in a fresh process:")
        for label, table, where in (
                ("commitment_details, one official", "commitment_details", ["--official", built["sample_official"]]),
                ("commitment_details, one year", "commitment_details", ["--year", "2023"]),
                ("commitment_details, all rows", "commitment_details", []),
                ("documents, all rows (full text)", "documents", [])):
            rows, rate, rss = bench_export(path, table, where)
            print(f"  {label:<40} {rows:>9,} rows {rate:>10,.0f} rows/s  peak RSS {rss:6.1f} MB")
        print(f"\n(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
