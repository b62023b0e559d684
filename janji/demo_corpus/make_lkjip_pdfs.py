"""Write the synthetic performance reports (LKjIP 2025) of the janji demo corpus.

    python janji/demo_corpus/make_lkjip_pdfs.py

Writes, next to this script:

- lkjip-dinkes-kota-jambi-2025.pdf   LKjIP 2025, Dinas Kesehatan Kota Jambi: the targets in force at
                                     year end (the PK Perubahan's), ruled tables, merged sasaran cells
- lkjip-disdik-kota-jambi-2025.pdf   LKjIP 2025, Dinas Pendidikan Kota Jambi: capaian printed
                                     "97,69 %" beside a Kriteria column, one realisation not yet available

The indicators are those of the PKs made by make_pk_pdfs.py (some reworded slightly, as reports
do). Some targets are met, some are not, and one target the PK Perubahan lowered (imunisasi
95 -> 92 %) is still missed (89,7 %). Everything is fictional except the region (Kota Jambi).
Output is byte-for-byte reproducible: invariant mode, creation date pinned to the publication date.
reportlab is needed only by this script; janji itself never imports it.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer, Table, TableStyle

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("make_pk_pdfs", HERE / "make_pk_pdfs.py")
pk = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pk)  # the PKs' data, styles and table look

PUBLISHED = (2026, 3, 20)  # LKjIPs go out in the first quarter after the year (FIELD_GUIDE 7.7)

# (sasaran, [(indikator as the report prints it, satuan, target, realisasi, capaian)])
DINKES_2025 = [
    ("Meningkatnya derajat kesehatan masyarakat", [
        ("Prevalensi stunting pada balita", "%", "12", "11,4", "105,00"),           # lower is better: met
        ("Angka Kematian Ibu (AKI)", "per 100.000 KH", "85", "92", "91,76"),        # lower is better: missed
        ("Cakupan imunisasi dasar lengkap", "%", "92", "89,7", "97,50"),            # lowered 95 -> 92, still missed
        ("Persentase Posyandu aktif", "%", "90", "91,5", "101,67"),
    ]),
    ("Meningkatnya mutu dan akses pelayanan kesehatan", [
        ("Indeks Kepuasan Masyarakat (IKM) layanan Puskesmas", "nilai", "82,5", "83,1", "100,73"),  # reworded
        ("Persentase Puskesmas terakreditasi Paripurna", "%", "65", "65", "100,00"),
    ]),
    ("Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah", [
        ("Nilai SAKIP Dinas Kesehatan", "nilai", "75", "72,4", "96,53"),
        ("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "predikat", "WTP", "WTP", "100,00"),
    ]),
]
DINKES_BUDGET = [  # the PK Perubahan's programmes: (program, pagu, realisasi)
    (p, a, r) for (p, a, _), r in zip(pk.DINKES_PROGRAMS_PERUBAHAN,
                                      (36_915_300_000, 47_312_004_250, 1_160_250_000, 940_500_000, 1_198_400_000))
]

DISDIK_2025 = [  # (sasaran, [(indikator, satuan, target, realisasi, capaian, kriteria)])
    ("Meningkatnya akses pendidikan dasar", [
        ("Angka Partisipasi Murni (APM) SD/MI", "%", "97,5", "97,8", "100,31 %", "Sangat Baik"),
        ("Angka Partisipasi Murni SMP/MTs", "%", "82", "80,6", "98,29 %", "Sangat Baik"),   # reworded, missed
        ("Angka putus sekolah jenjang SMP", "%", "0,15", "0,12", "120,00 %", "Sangat Baik"),  # lower is better
    ]),
    ("Terwujudnya mutu pendidikan dasar", [
        ("Persentase sekolah terakreditasi minimal B", "%", "92", "93", "101,09 %", "Sangat Baik"),
        ("Persentase guru bersertifikat pendidik", "%", "78", "76,2", "97,69 %", "Sangat Baik"),
    ]),
    ("Menguatnya tata kelola pendidikan", [
        ("Indeks Kepuasan Masyarakat layanan pendidikan", "nilai", "83", "belum tersedia", "-", "-"),
        ("Nilai SAKIP Dinas Pendidikan", "nilai", "76", "76,8", "101,05 %", "Sangat Baik"),
    ]),
]
DISDIK_BUDGET = [(p, a, r) for (p, a, _), r in zip(pk.DISDIK_PROGRAMS_2025,
                                                  (205_612_900_000, 91_870_300_500, 1_002_150_000, 3_654_000_000))]

RATING = [("1", "91 - 100", "Sangat Baik"), ("2", "76 - 90", "Baik"), ("3", "66 - 75", "Cukup"),
          ("4", "51 - 65", "Kurang"), ("5", "0 - 50", "Sangat Kurang")]
MEASURE = ("Pengukuran kinerja dilakukan dengan membandingkan realisasi dengan target setiap indikator "
           "dalam Perjanjian Kinerja. Untuk indikator yang semakin kecil semakin baik, capaian dihitung "
           "dengan rumus (2 x target - realisasi) / target x 100%.")
WIDTH = A4[0] - 2 * 2.2 * cm


def _grid(data, widths, spans=()) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(pk._table_commands(True) + list(spans)))
    return table


def _cells(values, style=None) -> list:
    return [Paragraph(v, style or pk.CELL) for v in values]


def achievements_table(groups, kriteria: bool) -> Table:
    head = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"]
    head += ["Kriteria"] if kriteria else []
    data, spans, row, number = [_cells(head, pk.CELL_H)], [], 1, 0
    for sasaran, indicators in groups:
        first = row
        for i, (indikator, satuan, target, real, capaian, *rest) in enumerate(indicators):
            number += 1
            data.append([Paragraph(f"{number}.", pk.CELL_C), Paragraph(sasaran if i == 0 else "", pk.CELL),
                         Paragraph(indikator, pk.CELL), *_cells([satuan, target, real, capaian, *rest], pk.CELL_C)])
            row += 1
        if row - first > 1:
            spans.append(("SPAN", (1, first), (1, row - 1)))
    widths = [0.9, 3.2, 4.6, 2.0, 1.5, 1.8, 1.9] + ([1.9] if kriteria else [])
    scale = WIDTH / (sum(widths) * cm)
    return _grid(data, [w * cm * scale for w in widths], spans)


def budget_table(programs) -> Table:
    data = [_cells(["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "%"], pk.CELL_H)]
    for n, (program, pagu, real) in enumerate(programs, start=1):
        data.append([Paragraph(f"{n}.", pk.CELL_C), Paragraph(program, pk.CELL), *_cells(
            [pk.rupiah(pagu), pk.rupiah(real), f"{real / pagu * 100:.2f}".replace(".", ",")], pk.CELL_R)])
    pagu, real = sum(p for _, p, _ in programs), sum(r for _, _, r in programs)
    data.append(["", Paragraph("<b>Jumlah</b>", pk.CELL), *_cells(
        [f"<b>{pk.rupiah(pagu)}</b>", f"<b>{pk.rupiah(real)}</b>", f"<b>{real / pagu * 100:.2f}</b>".replace(".", ",")], pk.CELL_R)])
    return _grid(data, [0.9 * cm, 6.6 * cm, 3.6 * cm, 3.6 * cm, WIDTH - 14.7 * cm])


def report(path: Path, unit: str, head_of: dict, groups, programs, kriteria: bool, revised: bool) -> None:
    heading = [Paragraph(t, pk.TITLE) for t in ("LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP)", "TAHUN 2025", unit)]
    restated = [_cells(["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"], pk.CELL_H)]
    for n, (sasaran, indikator, satuan, target) in enumerate(
            ((s, i[0], i[1], i[2]) for s, inds in groups for i in inds), start=1):
        restated.append([Paragraph(f"{n}.", pk.CELL_C), *_cells([sasaran, indikator, satuan, target])])
    story = [Spacer(1, 6 * cm), *heading, Spacer(1, 7 * cm), Paragraph("PEMERINTAH KOTA JAMBI", pk.TITLE),
             Paragraph("2026", pk.TITLE), PageBreak(),
             Paragraph("KATA PENGANTAR", pk.TITLE), Spacer(1, 10),
             Paragraph(f"Laporan Kinerja {unit.title()} Tahun 2025 disusun sebagai pertanggungjawaban atas "
                       "pelaksanaan Perjanjian Kinerja Tahun 2025.", pk.BODY),
             Paragraph(f"Jambi, 20 Maret 2026<br/>{head_of['jabatan']}<br/><br/>{head_of['name']}", pk.BODY), PageBreak(),
             Paragraph("BAB I", pk.TITLE), Paragraph("PENDAHULUAN", pk.TITLE), Spacer(1, 10),
             Paragraph(f"{unit.title()} melaksanakan urusan pemerintahan daerah di bidangnya. " + MEASURE, pk.BODY), PageBreak(),
             Paragraph("BAB II", pk.TITLE), Paragraph("PERENCANAAN KINERJA", pk.TITLE), Spacer(1, 10),
             Paragraph("Tabel 2.1 Perjanjian Kinerja Tahun 2025" + (" (Perubahan, 30 Juni 2025)" if revised else ""), pk.SECTION),
             _grid(restated, [0.9 * cm, 4.6 * cm, 6.4 * cm, 2.4 * cm, WIDTH - 14.3 * cm]), PageBreak(),
             Paragraph("BAB III", pk.TITLE), Paragraph("AKUNTABILITAS KINERJA", pk.TITLE), Spacer(1, 10),
             Paragraph(MEASURE, pk.BODY), Paragraph("Tabel 3.1 Skala Nilai Peringkat Kinerja", pk.SECTION),
             _grid([_cells(["No", "Interval Nilai Capaian (%)", "Kriteria"], pk.CELL_H)] + [_cells(r) for r in RATING],
                   [0.9 * cm, 5 * cm, 4 * cm]), PageBreak(),
             Paragraph("Tabel 3.2 Capaian Kinerja Tahun 2025", pk.SECTION), achievements_table(groups, kriteria), PageBreak(),
             Paragraph("Tabel 3.3 Realisasi Anggaran Tahun 2025", pk.SECTION), budget_table(programs), PageBreak(),
             Paragraph("BAB IV", pk.TITLE), Paragraph("PENUTUP", pk.TITLE), Spacer(1, 10),
             Paragraph("Indikator yang belum mencapai target menjadi prioritas perbaikan pada tahun 2026.", pk.BODY)]
    os.environ["SOURCE_DATE_EPOCH"] = str(pk.epoch_wib(*PUBLISHED))
    margin = 2.2 * cm
    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1, pageCompression=1,
                          title=f"Laporan Kinerja Instansi Pemerintah Tahun 2025 {unit.title()}", author=unit.title(),
                          subject="LKjIP 2025", creator="janji demo corpus: make_lkjip_pdfs.py", producer="ReportLab")
    doc.addPageTemplates([PageTemplate(id="portrait", pagesize=A4, frames=[
        Frame(margin, 2 * cm, A4[0] - 2 * margin, A4[1] - 4 * cm, id="p")])])
    doc.build(story)


def main(out_dir: Path = HERE) -> list[Path]:
    out = [out_dir / "lkjip-dinkes-kota-jambi-2025.pdf", out_dir / "lkjip-disdik-kota-jambi-2025.pdf"]
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        report(out[0], "DINAS KESEHATAN KOTA JAMBI", pk.KADINKES, DINKES_2025, DINKES_BUDGET, kriteria=False, revised=True)
        report(out[1], "DINAS PENDIDIKAN KOTA JAMBI", pk.KADISDIK, DISDIK_2025, DISDIK_BUDGET, kriteria=True, revised=False)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    for p in main(target):
        print(f"{p}  {p.stat().st_size} bytes")
