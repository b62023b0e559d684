"""Comparisons benchmark: PK Perubahan diffs and promise-to-target linking over synthetic data
generated at run time (1,000 agreements, 10,000 commitments by default), in memory and through
the database (`refresh_comparisons`, as `janji process` runs it); and the precision of the top-1
promise -> target link on the labelled pairs of bench/compare_pairs.py.

    .venv/bin/python bench/bench_compare.py [--agreements N] [--commitments N] [--no-db]

Prints figures only; nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.compare_pairs import PAIRS, TARGETS  # noqa: E402
from extract.compare.links import link  # noqa: E402
from janji.compare import agreement_diffs  # noqa: E402
from models import Agreement, Commitment, Document, Extraction, Official, Party, Program, Target  # noqa: E402
from models.changes import Promise, PromiseTarget, StoredAgreement  # noqa: E402

REGIONS = ["Kota Jambi", "Kabupaten Muaro Jambi", "Kota Sungai Penuh", "Kabupaten Kerinci", "Kabupaten Bungo",
           "Kabupaten Tebo", "Kabupaten Merangin", "Kabupaten Sarolangun", "Kabupaten Batang Hari", "Kabupaten Tanjung Jabung Barat"]
OPDS = sorted({opd for opd, *_ in TARGETS})
INDICATORS = {opd: [(i, v, u) for o, i, v, u in TARGETS if o == opd] for opd in OPDS}
EXTRA = ["Nilai SAKIP {opd}", "Indeks Kepuasan Masyarakat terhadap layanan {opd}", "Persentase realisasi anggaran {opd}",
         "Persentase dokumen perencanaan {opd} yang tepat waktu", "Jumlah inovasi pelayanan publik {opd}"]
PROGRAMS = ["Program Penunjang Urusan Pemerintahan Daerah", "Program Peningkatan Kapasitas Sumber Daya Manusia",
            "Program Pelayanan {opd}", "Program Pengawasan {opd}", "Program Pengembangan Sistem Informasi {opd}"]


def synthetic_agreements(n: int, rng: random.Random) -> list[StoredAgreement]:
    """n agreements: half original PKs, half their PK Perubahan (values moved, one indicator
    reworded, one added, one dropped, one budget cut, sometimes a new first party)."""
    groups = [(opd, region, year) for opd in OPDS for region in REGIONS for year in range(2020, 2026)]
    rng.shuffle(groups)
    out, next_id = [], 1
    for opd, region, year in groups[: n // 2]:
        rows = [(i, v, u) for i, v, u in INDICATORS[opd]] + [(e.format(opd=opd), float(rng.randint(50, 95)), "%") for e in EXTRA]
        targets = [Target("Sasaran", i, f"{v:g}" if v is not None else "WTP", v, u, 2) for i, v, u in rows]
        programs = [Program(p.format(opd=opd), float(rng.randint(1, 90)) * 1e9) for p in PROGRAMS]
        head = Party(f"Pejabat {rng.randint(1, 10**6)}", None, f"Kepala {opd}", None)
        original = Agreement(year, False, opd, region, head, None, "Jambi", f"{year}-01-02", targets, programs,
                             sum(p.anggaran for p in programs))
        revised_targets = [Target(t.sasaran, t.indikator, t.target, t.value if t.value is None or rng.random() < 0.6
                                  else round(t.value * rng.choice([0.9, 0.95, 1.05, 1.1]), 2), t.unit, 2)
                           for t in targets[1:]]  # the first indicator dropped
        revised_targets[0] = Target("Sasaran", "Persentase " + revised_targets[0].indikator.lower(), revised_targets[0].target,
                                    revised_targets[0].value, revised_targets[0].unit, 2)  # reworded
        revised_targets.append(Target("Sasaran", f"Persentase kegiatan prioritas {opd} yang selesai", "90", 90.0, "%", 2))
        revised_programs = [Program(p.program, p.anggaran * (0.9 if k == 1 else 1.0)) for k, p in enumerate(programs)]
        revised = Agreement(year, True, opd, region, head if rng.random() < 0.8 else Party("Pengganti", None, f"Kepala {opd}", None),
                            None, "Jambi", f"{year}-06-30", revised_targets, revised_programs,
                            sum(p.anggaran for p in revised_programs))
        out += [StoredAgreement(next_id, next_id, original), StoredAgreement(next_id + 1, next_id + 1, revised)]
        next_id += 2
    return out


def promise_text(indikator: str, value, unit, rng: random.Random) -> str:
    words = [w for w in indikator.replace("(", "").replace(")", "").split() if len(w) > 3]
    picked = " ".join(rng.sample(words, k=max(1, min(len(words), rng.randint(2, 4)))))
    number = f" menjadi {value:g} {'persen' if unit == '%' else unit or ''}" if value is not None and rng.random() < 0.7 else ""
    return rng.choice(["Kami menargetkan {x}{n} tahun ini", "Kami berkomitmen meningkatkan {x}{n}",
                       "{x} harus mencapai{n} pada akhir tahun", "Pemerintah akan memperbaiki {x}{n}"]).format(x=picked.lower(), n=number)


NOISE = ["Kami akan turun langsung ke lapangan setiap pekan", "Saya minta camat memastikan warga terlayani",
         "Kami siap bekerja sama dengan semua pihak", "Pelayanan harus cepat dan tidak berbelit"]


def synthetic_promises(n: int, agreements: list[StoredAgreement], rng: random.Random):
    """n commitments: 70 % about an indicator of an agreement of their region (the label), the rest noise."""
    targets, promises, labels = [], [], {}
    for s in agreements:
        a = s.agreement
        for k, t in enumerate(a.targets):
            targets.append(PromiseTarget(s.agreement_id * 100 + k, t.indikator, t.value, t.unit, a.opd, a.region,
                                         a.year, f"{a.opd}|{a.region}|{a.year}", a.signed_date))
    originals = [s for s in agreements if not s.agreement.revision]
    for cid in range(1, n + 1):
        s = rng.choice(originals)
        a = s.agreement
        if rng.random() < 0.7:
            k = rng.randrange(len(a.targets))
            t = a.targets[k]
            text, value, unit = promise_text(t.indikator, t.value, t.unit, rng), t.value, t.unit
            labels[cid] = t.indikator
        else:
            text, value, unit = rng.choice(NOISE), None, None
        promises.append(Promise(cid, text, value if "menjadi" in text else None, unit if "menjadi" in text else None,
                                [a.opd], a.region, a.year, f"{a.year}-03-01"))
    return promises, targets, labels


def measure(label: str, fn):
    """Time one run, then the peak of Python allocations in a second run under tracemalloc
    (which slows it several times, so it is not timed)."""
    t0 = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {label:<52} {seconds:8.2f} s   peak {peak / 2**20:7.1f} MB allocated")
    return result, seconds


def labelled_precision() -> None:
    targets = [PromiseTarget(i, ind, v, u, opd, "Kota Jambi", 2025, f"{opd}|kota jambi|2025", "2025-01-02")
               for i, (opd, ind, v, u) in enumerate(TARGETS, start=1)]
    # the same indicators in another region: never a candidate
    targets += [PromiseTarget(1000 + t.target_id, t.indikator, t.value, t.unit, t.opd, "Kabupaten Muaro Jambi", 2025)
                for t in targets]
    by_id = {t.target_id: t for t in targets}
    promises = [Promise(i, text, value, unit, [opd], "Kota Jambi", 2025, "2025-03-01")
                for i, (opd, text, value, unit, _) in enumerate(PAIRS, start=1)]
    top = {}
    for c in link(promises, targets):
        top.setdefault(c.commitment_id, c)
    correct = sum(1 for i, pair in enumerate(PAIRS, start=1) if i in top and by_id[top[i].target_id].indikator == pair[4])
    print(f"\nlabelled pairs (bench/compare_pairs.py): {len(PAIRS)} promises, {len(TARGETS)} targets x 2 regions")
    print(f"  top-1 precision  {correct}/{len(top)} = {correct / len(top):.3f}   (promises with a candidate)")
    print(f"  top-1 accuracy   {correct}/{len(PAIRS)} = {correct / len(PAIRS):.3f}   (all labelled promises)")
    print(f"  other-region candidates: {sum(1 for c in top.values() if c.target_id > 1000)}")
    for i, pair in enumerate(PAIRS, start=1):
        got = by_id[top[i].target_id].indikator if i in top else None
        if got != pair[4]:
            print(f"    miss: {pair[1][:60]!r} -> {got!r} (expected {pair[4]!r})")


def through_the_database(agreements: list[StoredAgreement], promises: list[Promise]) -> None:
    from db import open_db
    from db.store import replace_extraction, store_document
    from janji.compare import refresh_comparisons
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        with db.conn:
            for s in agreements:
                a = s.agreement
                doc_id, _ = store_document(db, Document(raw=f"pk{s.agreement_id}".encode(), text="", kind="pk",
                                                        title=f"PK {a.year} {a.opd} {a.region}"))
                replace_extraction(db, doc_id, Extraction(source={}, agreements=[a]), a.signed_date)
            for k in range(0, len(promises), 5):  # five commitments per news document
                batch = promises[k:k + 5]
                head = batch[0]
                official = Official(name=f"Kepala {head.opds[0]}", position=f"Kepala {head.opds[0]}",
                                    opd=head.opds[0], region=head.region)
                doc_id, _ = store_document(db, Document(raw=f"news{k}".encode(), text="", kind="news", title=f"news {k}"))
                replace_extraction(db, doc_id, Extraction(source={}, officials=[official], commitments=[
                    Commitment(official.name, "target", False, p.text, 0, len(p.text), p.value, p.unit) for p in batch]),
                    head.date)
        print(f"  {'(building the database through db.store)':<52} {time.perf_counter() - t0:8.2f} s")
        summary, _ = measure("refresh_comparisons (run twice: idempotent)", lambda: refresh_comparisons(db))
        print(f"  {summary}")
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreements", type=int, default=1000)
    parser.add_argument("--commitments", type=int, default=10000)
    parser.add_argument("--no-db", action="store_true", help="Skip the run through the database.")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    agreements = synthetic_agreements(args.agreements, rng)
    promises, targets, labels = synthetic_promises(args.commitments, agreements, rng)
    print(f"synthetic: {len(agreements)} agreements ({sum(len(s.agreement.targets) for s in agreements)} targets), "
          f"{len(promises)} commitments ({len(labels)} about an indicator)\n\nin memory:")
    diffs, _ = measure(f"diff {len(agreements) // 2} PK / PK Perubahan pairs", lambda: agreement_diffs(agreements))
    changes = [t.change for *_, d in diffs for t in d.targets]
    print(f"    target rows: {len(changes)}; " + ", ".join(f"{k} {changes.count(k)}" for k in sorted(set(changes))))
    candidates, seconds = measure(f"link {len(promises)} commitments to {len(targets)} targets", lambda: link(promises, targets))
    print(f"    {len(candidates)} candidates, {len(promises) / seconds:,.0f} commitments/s")
    by_id = {t.target_id: t for t in targets}
    top = {}
    for c in candidates:
        top.setdefault(c.commitment_id, c)
    hits = sum(1 for cid, ind in labels.items() if cid in top and by_id[top[cid].target_id].indikator == ind)
    noise = [p.commitment_id for p in promises if p.commitment_id not in labels]
    print(f"    synthetic top-1: {hits}/{len(labels)} labelled promises right; "
          f"{sum(1 for cid in noise if cid in top)}/{len(noise)} noise commitments got a candidate")
    if not args.no_db:
        print("\nthrough the database:")
        through_the_database(agreements, promises)
    labelled_precision()
    print(f"\npeak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
