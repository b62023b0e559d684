"""Soak: 100,000 synthetic documents stored and processed in one run; memory must stay flat.

    python -m bench.bench_soak [--docs 100000] [--db PATH] [--keep]

The documents are generated here at run time (nothing is committed): short Indonesian press
releases built from pools of officials, OPDs, regions, dates and commitment sentences, so the
officials/OPD tables grow the way a real archive's do. It prints the store rate, then for every
10,000 documents processed: current and peak RSS and the throughput of that block. Figures are
printed, never asserted.
"""
from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

FIRST = ["Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gunawan", "Hendra", "Indah", "Joko", "Kurniawan",
         "Lestari", "Maulana", "Nurhayati", "Rahmat", "Sri", "Taufik", "Wahyu", "Yuliana", "Zulkifli"]
LAST = ["Saputra", "Wijaya", "Harahap", "Siregar", "Lubis", "Nasution", "Hidayat", "Pratama", "Santoso",
        "Rahman", "Yani", "Saragih", "Sembiring", "Purba", "Ginting", "Simanjuntak", "Hasibuan", "Daulay",
        "Tanjung", "Rangkuti"]
DEGREES = ["", ", S.E.", ", S.T., M.T.", ", S.Pd.", ", M.Si.", ", S.H., M.H.", ", S.Kom."]
PREFIX = ["", "Dr. ", "H. ", "Ir. ", "dr. ", "Hj. "]
OPDS = [("Kepala Dinas Pendidikan", "Disdik"), ("Kepala Dinas Kesehatan", "Dinkes"),
        ("Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "PUPR"), ("Kepala Badan Perencanaan Pembangunan Daerah", "Bappeda"),
        ("Kepala Satuan Polisi Pamong Praja", "Satpol PP"), ("Kepala Dinas Perhubungan", "Dishub"),
        ("Kepala Dinas Sosial", "Dinsos"), ("Kepala Dinas Lingkungan Hidup", "DLH")]
REGIONS = ["Kota Jambi", "Kabupaten Muaro Jambi", "Kabupaten Batang Hari", "Kota Sungai Penuh", "Kabupaten Kerinci",
           "Kabupaten Bungo", "Kabupaten Tebo", "Kabupaten Merangin"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]
PLEDGES = ["menuntaskan perbaikan jalan lingkar sebelum akhir tahun", "menurunkan angka stunting menjadi 14 persen",
           "membangun tiga sekolah baru tahun ini", "menertibkan pedagang kaki lima di kawasan pasar",
           "menambah 200 lampu penerangan jalan", "menyelesaikan normalisasi drainase sebelum musim hujan",
           "memperluas layanan puskesmas keliling ke seluruh kecamatan", "menyalurkan bantuan sosial tepat waktu"]


def synthetic(i: int, rnd: random.Random) -> tuple[str, str, str]:
    """(title, text, published) of one press release."""
    name = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    full = f"{rnd.choice(PREFIX)}{name}{rnd.choice(DEGREES)}"
    position, abbr = rnd.choice(OPDS)
    region, pledge = rnd.choice(REGIONS), rnd.choice(PLEDGES)
    day, month = rnd.randint(1, 28), rnd.randint(1, 12)
    published = f"2025-{month:02d}-{day:02d}"
    text = (f"{position} {region} {full} memimpin rapat koordinasi bersama jajaran {abbr}, "
            f"{rnd.choice(DAYS)} ({day}/{month}/2025). Dalam rapat itu ia menyampaikan rencana kerja triwulan.\n\n"
            f"\"Kami berkomitmen {pledge},\" ujar {name} kepada wartawan usai rapat.\n\n"
            f"Ia juga meminta seluruh camat mengawasi pelaksanaan program dan melaporkannya setiap bulan. "
            f"Anggaran sebesar Rp {rnd.randint(1, 90)} miliar telah disiapkan dalam APBD {region} tahun 2025.\n\n"
            f"Rapat dihadiri pejabat {abbr} dan perwakilan kecamatan. (berita nomor {i})")
    return f"{name} janji {pledge[:40]}", text, published


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    current = 0.0
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    return current, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def store(db, count: int) -> float:
    from db.store import store_document
    from models import Document
    rnd = random.Random(2025)
    started = time.perf_counter()
    for i in range(count):
        title, text, published = synthetic(i, rnd)
        raw = text.encode("utf-8")
        doc = Document(raw=raw, text=text, kind="text", path=f"synthetic/{i}.txt", title=title,
                       published=published, published_method="given", content_type="text/plain", text_method="plain")
        store_document(db, doc)
        if (i + 1) % 10_000 == 0:
            print(f"  stored {i + 1:>7,}  ({(i + 1) / (time.perf_counter() - started):,.0f} docs/s)", flush=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--every", type=int, default=10_000, help="report every N documents")
    parser.add_argument("--db", default=None, help="database path (default: a temporary file)")
    args = parser.parse_args()

    from db import open_db
    from extract import Extractor
    from janji.processing import pending, process_documents

    tmp = tempfile.TemporaryDirectory(prefix="janji-soak-")
    path = Path(args.db or Path(tmp.name) / "soak.db")
    db = open_db(path)
    print(f"soak: {args.docs:,} synthetic documents -> {path}")
    seconds = store(db, args.docs)
    print(f"stored {args.docs:,} documents in {seconds:.0f} s ({args.docs / seconds:,.0f} docs/s); "
          f"RSS {rss_mb()[0]:.0f} MB")

    extractor = Extractor()
    ids = pending(db, False)
    marks = {args.every * k for k in range(1, args.docs // args.every + 1)} | {len(ids)}
    state = {"done": 0, "t0": time.perf_counter(), "block": time.perf_counter()}
    rows = []

    def on_progress(n: int) -> None:
        state["done"] += n
        if state["done"] in marks:
            now = time.perf_counter()
            block = args.every if state["done"] % args.every == 0 else state["done"] % args.every
            current, peak = rss_mb()
            rate = block / (now - state["block"])
            rows.append((state["done"], current, peak, rate))
            print(f"  processed {state['done']:>7,}  RSS {current:7.0f} MB  peak {peak:7.0f} MB  "
                  f"{rate:7.1f} docs/s (last {block:,})", flush=True)
            state["block"] = now

    print(f"processing {len(ids):,} documents (RSS before: {rss_mb()[0]:.0f} MB)")
    done, failed = process_documents(db, extractor, ids, on_progress)
    total = time.perf_counter() - state["t0"]
    counts = {t: db[t].count for t in ("officials", "opds", "commitments", "mentions", "event_dates")}
    print(f"processed {done:,}, failed {failed:,} in {total:.0f} s ({done / total:.1f} docs/s overall)")
    print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    print("\n| documents processed | RSS (MB) | peak RSS (MB) | docs/s over the last block |")
    print("| --- | --- | --- | --- |")
    for done_n, current, peak, rate in rows:
        print(f"| {done_n:,} | {current:.0f} | {peak:.0f} | {rate:.1f} |")
    db.close()
    tmp.cleanup()


if __name__ == "__main__":
    main()
