"""Datasette, front door, writer and export benchmark on a synthetic database generated at run time
(not committed).

    .venv/bin/python bench/bench_datasette.py [--documents 100000] [--requests 20] [--keep PATH]

Builds N documents with their extractions (officials, roles, quotes, commitments, dates; a PK
agreement with targets every 50th document) through the real schema, migrations, stemmed search
columns and FTS triggers, then fills the answer tables (db/answer_tables.py) as the migration
does. Beside them it creates the answer views as they were before the tables
(`commitment_details_view`, `quote_details_view`: the same SELECTs), so one `janji serve` over HTTP
measures old and new side by side: p50/p95 of an FTS search, the commitments-by-official query,
facet pages, and the front door's search, official, OPD and document pages (when the plugin has
them); then the same pages once more without the lookup indexes of migrations 11 and 12 (a second
server); the peak RSS of the Datasette process (VmHWM); the writer's documents/s re-processing
documents with and without the answer-table refresh; export rows/s and peak RSS of `janji export`.
Prints figures only; nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import hashlib
import json
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

from db import answer_tables, open_db, search, store  # noqa: E402
from models import Commitment, Extraction, Official, Quote  # noqa: E402

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
KINDS = ("pledge", "instruction", "target")
OLD_VIEWS = {"commitment_details_view": "commitment_details", "quote_details_view": "quote_details",
             "official_timeline_view": "official_timeline"}
# what migrations 11, 12 and 14 added for pages that read base tables (dropped for the "before" run)
LOOKUP_INDEXES = ("idx_official_roles_official", "idx_agreements_first_party_official_id",
                  "idx_agreements_second_party_official_id", "idx_agreements_opd_id",
                  "idx_documents_published", "idx_documents_kind", "idx_documents_site", "idx_documents_year")
BEFORE_INDEXES = "the same without the lookup indexes"  # `old` of a case measured by a second server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(path: Path, documents: int, seed: int = 7) -> dict:
    """Write the synthetic database with bulk inserts (the writer's per-document path would
    spend its time in find-or-create, which is not what this measures), then the answer tables."""
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
    counts = {"commitments": 0, "quotes": 0, "targets": 0}
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
                conn.execute("insert into official_roles (document_id, official_id, position, acting, opd_id, region, date) "
                             "values (?, ?, ?, ?, ?, ?, ?)", (doc_id, oid, f"Kepala {opd}", "Plt." if n % 9 == 0 else None,
                                                              opd_ids[(opd, region)], region, published))
                conn.execute("insert into mentions (document_id, official_id, start, end, text) values (?, ?, ?, ?, ?)",
                             (doc_id, oid, text.index(full), text.index(full) + len(full), full))
                conn.execute("insert into event_dates (document_id, date, text, start, end) values (?, ?, ?, 0, 10)",
                             (doc_id, published, published))
                for k, said in enumerate(quotes):
                    start = text.index(said)
                    conn.execute("""insert into quotes (document_id, official_id, speaker, text, date, start, end)
                                    values (?, ?, ?, ?, ?, ?, ?)""", (doc_id, oid, name, said, published, start, start + len(said)))
                    conn.execute(
                        """insert into commitments (document_id, official_id, speaker, kind, quoted, text, date,
                           start, end, text_stemmed) values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?)""",
                        (doc_id, oid, name, KINDS[(n + k) % 3], said, published, start, start + len(said),
                         search.searchable(said)))
                    counts["commitments"] += 1
                    counts["quotes"] += 1
                if n % 50 == 0:
                    agreement_id = conn.execute(
                        """insert into agreements (document_id, year, revision, opd_id, region, first_party_name,
                           first_party_position, first_party_official_id, second_party_name, signed_date)
                           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        (doc_id, int(published[:4]), n % 100 == 0, opd_ids[(opd, region)], region, name,
                         f"Kepala {opd}", oid, "Wali Kota", published)).lastrowid
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
    build_s = time.perf_counter() - started
    t = time.perf_counter()
    with conn:  # the bulk load bypassed the writer: fill the answer tables as migration 11 does
        answer_tables.rebuild(db)
    answers_s = time.perf_counter() - t
    with conn:  # the answer views as they were, beside the tables, for the side-by-side figures
        for view, table in OLD_VIEWS.items():
            select = (ROOT / "db" / "sql" / f"answer_{table}.sql").read_text(encoding="utf-8").format(scope="1")
            conn.execute(f"create view {view} as {select}")
    conn.execute("analyze")
    db.close()
    sample = officials[16]
    return {"documents": documents, "officials": len(officials), **counts, "sample_official": sample[2],
            "sample_official_id": sample[0], "sample_opd_id": opd_ids[(sample[4], sample[3])],
            "build_s": build_s, "answers_s": answers_s, "size_mb": path.stat().st_size / 1e6}


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered) * 1000, p95 * 1000


def child_of(pid: int) -> int | None:
    """The Datasette process `janji serve` started (the one child of `pid`)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            return int(stat.parent.name)
    return None


def peak_rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def _where(key: str, fts: str, q: str) -> str:
    """What Datasette's _search adds to a table's query (fts_table, fts_pk), for a view."""
    return quote_plus(f"{key} in (select rowid from {fts} where {fts} match '{q}')")


def cases(built: dict, name: str = "janji") -> list[tuple[str, str, str | None]]:
    """(what, URL on the tables, the same on the old views, BEFORE_INDEXES or None)."""
    official = quote_plus(built["sample_official"])
    queries = json.loads((ROOT / "db" / "metadata.json").read_text(encoding="utf-8"))["databases"]["*"]["queries"]
    canned = queries["commitments_by_official"]["sql"]
    by_position = queries["officials_by_position"]["sql"].replace("official_timeline", "official_timeline_view")
    facets = "&_facet=kind&_facet=region&_facet=opd&_facet=year"  # the tables' facets (metadata.json)
    selective = '"42" "kilometer"'  # what searchmode "escaped" makes of _search=42 kilometer: ~300 matches
    return [
        ("FTS search commitment_details (sehat), 4 facets",
         f"/{name}/commitment_details.json?_search=sehat&_size=50",
         f"/{name}/commitment_details_view.json?_where={_where('commitment_id', 'commitments_fts', 'sehat')}{facets}&_sort_desc=date&_size=50"),
        ("FTS search commitment_details (42 kilometer), 4 facets",
         f"/{name}/commitment_details.json?_search=42+kilometer&_size=50",
         f"/{name}/commitment_details_view.json?_where={_where('commitment_id', 'commitments_fts', selective)}"
         f"{facets}&_sort_desc=date&_size=50"),
        # the table's own facets (metadata.json); adding _facet= for them would count each twice
        ("facet page commitment_details (HTML, 4 facets)",
         f"/{name}/commitment_details", f"/{name}/commitment_details_view?_sort_desc=date{facets}"),
        ("canned commitments_by_official",
         f"/{name}/commitments_by_official.json?name={official}",
         f"/{name}.json?sql={quote_plus(canned.replace('commitment_details', 'commitment_details_view'))}&name={official}"),
        ("FTS search quote_details (kesehatan), 3 facets",
         f"/{name}/quote_details.json?_search=kesehatan&_size=50",
         f"/{name}/quote_details_view.json?_where={_where('quote_id', 'quotes_fts', 'kesehatan')}&_facet=region&_facet=opd&_facet=year"
         "&_sort_desc=date&_size=50"),
        ("facet page quote_details (HTML, 3 facets)",
         f"/{name}/quote_details", f"/{name}/quote_details_view?_sort_desc=date&_facet=region&_facet=opd&_facet=year"),
        ("facet page official_timeline (HTML, 3 facets)", f"/{name}/official_timeline",
         f"/{name}/official_timeline_view?_sort=official&_facet=position&_facet=region&_facet=opd"),
        ("canned officials_by_position (Kepala Dinas Kesehatan)",
         f"/{name}/officials_by_position.json?position=Kepala+Dinas+Kesehatan&region=",
         f"/{name}.json?sql={quote_plus(by_position)}&position=Kepala+Dinas+Kesehatan&region="),
        ("FTS search documents (Bappeda)", f"/{name}/documents.json?_search=Bappeda&_size=50&_col=title", None),
        ("facet page documents (HTML, site, kind)", f"/{name}/documents?_facet=site&_facet=kind", BEFORE_INDEXES),
        ("facet page document_overview (HTML, 4 facets)", f"/{name}/document_overview", BEFORE_INDEXES),
        ("front door search /-/search?q=sehat", "/-/search?q=sehat", None),
        ("official page /-/official/<id>", f"/-/official/{built['sample_official_id']}", BEFORE_INDEXES),
        ("OPD page /-/opd/<id>", f"/-/opd/{built['sample_opd_id']}", BEFORE_INDEXES),
        ("document page /-/document/<id>", f"/-/document/{built['documents'] // 2}", None),
    ]


def _status(client: httpx.Client, url: str, response: httpx.Response) -> str:
    """Status, rows, and facets Datasette gave up on (facet_time_limit_ms) for a table URL."""
    status = str(response.status_code)
    if url.startswith("/-/") or response.status_code != 200:
        return status
    path, _, query = url.partition("?")
    data = response.json() if ".json" in path else client.get(f"{path}.json?{query}").json()
    if "rows" in data:
        status += f", {len(data['rows'])} rows"
    if data.get("facets_timed_out"):
        status += f", facets timed out: {', '.join(data['facets_timed_out'])}"
    return status


def serve_and_measure(path: Path, requests: int, urls: list[tuple[str, str]]) -> tuple[dict, float | None]:
    """{label: (p50, p95, status)} over a real `janji serve`, and the Datasette process's VmHWM."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "janji", "serve", "--db", str(path), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out, rss = {}, None
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            for _ in range(150):
                try:
                    client.get("/-/versions.json")
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            for label, url in urls:
                first = client.get(url)  # warms the page cache
                if first.status_code == 404 and url.startswith("/-/"):
                    out[label] = None  # the front door plugin has no such page
                    continue
                samples = []
                for _ in range(requests):
                    t = time.perf_counter()
                    client.get(url)
                    samples.append(time.perf_counter() - t)
                out[label] = (*percentiles(samples), _status(client, url, first))
            rss = peak_rss_mb(child_of(proc.pid))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return out, rss


def bench_writer(path: Path, documents: int, rounds: int = 4, per_round: int = 200) -> dict:
    """documents/s of db.store.replace_extraction re-processing existing documents (each one
    official, role, two quotes and two commitments), with the answer-table refresh as shipped and
    with it skipped (as before the tables), alternating rounds so both see the same cache."""
    db = open_db(path)
    rnd = random.Random(11)
    docs = db.execute("select d.id, d.published, c.speaker, o.full_name, o.region, opds.name "
                      "from documents d join commitments c on c.document_id = d.id "
                      "join officials o on o.id = c.official_id join official_roles r on r.document_id = d.id "
                      "join opds on opds.id = r.opd_id where d.id in (%s) group by d.id" %
                      ",".join(str(rnd.randint(1, documents)) for _ in range(rounds * per_round * 2))).fetchall()
    shipped = answer_tables.refresh
    timings = {"with answer tables": [], "without (views)": []}
    try:
        for r in range(rounds * 2):
            mode = "with answer tables" if r % 2 == 0 else "without (views)"
            answer_tables.refresh = shipped if r % 2 == 0 else (lambda *args, **kwargs: None)
            batch = docs[(r // 2) * per_round * 2 + (r % 2) * per_round:][:per_round]
            t = time.perf_counter()
            for doc_id, published, speaker, full_name, region, opd in batch:
                lines = [rnd.choice(SENTENCES).format(n=rnd.randint(2, 95), abbr="Dinkes") for _ in range(2)]
                extraction = Extraction(
                    source={}, officials=[Official(name=speaker, full_name=full_name, position=f"Kepala {opd}",
                                                   opd=opd, region=region)],
                    quotes=[Quote(speaker=speaker, text=s, start=0, end=len(s)) for s in lines],
                    commitments=[Commitment(speaker=speaker, kind="pledge", quoted=True, text=s, start=0, end=len(s))
                                 for s in lines])
                store.replace_extraction(db, doc_id, extraction, published)
            timings[mode].append((len(batch), time.perf_counter() - t))
    finally:
        answer_tables.refresh = shipped
    with db.conn:
        answer_tables.rebuild(db)  # the rounds without refresh left rows behind
    db.close()
    return {mode: sum(n for n, _ in runs) / sum(s for _, s in runs) for mode, runs in timings.items()}


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


def _ms(figures) -> str:
    return f"{figures[0]:8.1f} {figures[1]:8.1f}" if figures else f"{'-':>8} {'-':>8}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--keep", type=Path, default=None, help="build here and keep the database")
    parser.add_argument("--no-export", action="store_true", help="skip the export figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="janji-bench-") as tmp:
        path = args.keep or Path(tmp) / "bench.db"
        if path.exists():
            path.unlink()
        print(f"building {args.documents:,} synthetic documents in {path} …")
        built = build(path, args.documents)
        print(f"built: {built['documents']:,} documents, {built['commitments']:,} commitments, "
              f"{built['quotes']:,} quotes, {built['targets']:,} targets, {built['officials']:,} officials in "
              f"{built['build_s']:.1f} s ({built['documents'] / built['build_s']:,.0f} docs/s incl. stemming); "
              f"answer tables filled in {built['answers_s']:.1f} s; {built['size_mb']:.0f} MB")

        table_cases = cases(built)
        urls = [(label, new) for label, new, _ in table_cases]
        urls += [(f"{label} [old view]", old) for label, _, old in table_cases if old and old != BEFORE_INDEXES]
        print(f"\nHTTP over `janji serve`, {args.requests} requests each (ms); official asked for: "
              f"{built['sample_official']}")
        after, rss = serve_and_measure(path, args.requests, urls)
        db = open_db(path)
        marks = ", ".join("?" for _ in LOOKUP_INDEXES)
        indexes = [r[0] for r in db.execute(f"select sql from sqlite_master where name in ({marks})", LOOKUP_INDEXES)]
        with db.conn:
            for index in LOOKUP_INDEXES:
                db.execute(f"drop index if exists {index}")
        before_pages = [(f"{label} [no lookup indexes]", url) for label, url, old in table_cases if old == BEFORE_INDEXES]
        before, rss_before = serve_and_measure(path, args.requests, before_pages)
        with db.conn:  # back, for the writer and export figures
            for sql in indexes:
                db.execute(sql)
        db.close()
        print(f"  {'request':<52} {'old p50':>8} {'old p95':>8} {'new p50':>8} {'new p95':>8}  status (new | old)")
        for label, new, old in table_cases:
            if after.get(label) is None:
                print(f"  {label:<52} skipped: the front door plugin has no such route")
                continue
            previous = after.get(f"{label} [old view]") or before.get(f"{label} [no lookup indexes]")
            status = after[label][2] + (f" | {previous[2]}" if previous else "")
            print(f"  {label:<52} {_ms(previous)} {_ms(after[label])}  {status}")
        print("  old = the join views (*_view) in the same server; for documents, document_overview and the"
              " official and OPD pages, a second server without the indexes of migrations 11, 12 and 14")
        print(f"  peak RSS of the Datasette process (VmHWM): {rss:.0f} MB"
              + (f" (second server: {rss_before:.0f} MB)" if rss_before else ""))

        print("\nwriter: db.store.replace_extraction re-processing documents of the database (documents/s)")
        writer = bench_writer(path, args.documents)
        for mode, rate in writer.items():
            print(f"  {mode:<24} {rate:8.1f} documents/s")
        ratio = writer["with answer tables"] / writer["without (views)"]
        print(f"  ratio with / without: {ratio:.2f}")

        if not args.no_export:
            print("\n`janji export … --format csv` in a fresh process:")
            for label, table, where in (
                    ("commitment_details, one official", "commitment_details", ["--official", built["sample_official"]]),
                    ("commitment_details, one year", "commitment_details", ["--year", "2023"]),
                    ("commitment_details, all rows", "commitment_details", []),
                    ("documents, all rows (full text)", "documents", [])):
                rows, rate, export_rss = bench_export(path, table, where)
                print(f"  {label:<40} {rows:>9,} rows {rate:>10,.0f} rows/s  peak RSS {export_rss:6.1f} MB")
        print(f"\n(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
