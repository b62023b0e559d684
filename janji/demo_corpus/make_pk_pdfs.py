"""Write the synthetic Perjanjian Kinerja (PK) PDFs of the janji demo corpus.

    python janji/demo_corpus/make_pk_pdfs.py

Writes, next to this script:

- pk-dinkes-kota-jambi-2025.pdf            PK 2025, Dinas Kesehatan Kota Jambi (ruled tables)
- pk-perubahan-dinkes-kota-jambi-2025.pdf  PK Perubahan 2025, same OPD (targets/budget revised)
- pk-disdik-kota-jambi-2025.pdf            PK 2025, Dinas Pendidikan Kota Jambi
                                           (landscape lampiran, tables without ruling lines)

Everything in these documents is fictional (people, NIPs, targets, budgets); only the region
(Kota Jambi) is real. The text follows the PermenPAN-RB 53/2014 template.

Output is byte-for-byte reproducible: reportlab runs in invariant mode and each document's
creation date is pinned (via SOURCE_DATE_EPOCH) to the date it was signed.

reportlab is needed only by this script; janji itself never imports it.
"""

from __future__ import annotations

import calendar
import os
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------------
# Data (fictional)
# --------------------------------------------------------------------------------------------

WALI_KOTA = {
    "name": "Dr. H. Ridwan Hakim Pohan, S.E., M.M.",
    "sign_name": "Dr. H. RIDWAN HAKIM POHAN, S.E., M.M.",
    "jabatan": "Wali Kota Jambi",
}

KADINKES = {
    "name": "dr. H. Taufik Hidayatullah, M.K.M.",
    "sign_name": "dr. H. TAUFIK HIDAYATULLAH, M.K.M.",
    "jabatan": "Kepala Dinas Kesehatan Kota Jambi",
    "nip": "19750812 200003 1 004",
    "pangkat": "Pembina Tk. I (IV/b)",
}

KADISDIK = {
    "name": "Dra. Hj. Sri Wahyuningsih, M.Pd.",
    "sign_name": "Dra. Hj. SRI WAHYUNINGSIH, M.Pd.",
    "jabatan": "Kepala Dinas Pendidikan Kota Jambi",
    "nip": "19700415 199403 2 006",
    "pangkat": "Pembina Utama Muda (IV/c)",
}

# Table A rows are grouped by sasaran: (sasaran, [(indikator, satuan, target), ...])
DINKES_TARGETS_2025 = [
    ("Meningkatnya derajat kesehatan masyarakat", [
        ("Prevalensi stunting pada balita", "%", "12"),
        ("Angka Kematian Ibu (AKI)", "per 100.000 KH", "85"),
        ("Cakupan imunisasi dasar lengkap", "%", "95"),
    ]),
    ("Meningkatnya mutu dan akses pelayanan kesehatan", [
        ("Indeks Kepuasan Masyarakat terhadap pelayanan Puskesmas", "nilai", "82,5"),
        ("Persentase Puskesmas terakreditasi Paripurna", "%", "60"),
        ("Persentase penduduk terdaftar JKN (Universal Health Coverage)", "%", "98,5"),
    ]),
    ("Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah", [
        ("Nilai SAKIP Dinas Kesehatan", "nilai", "75"),
        ("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "predikat", "WTP"),
    ]),
]

# PK Perubahan: imunisasi 95 -> 92 (lowered), Paripurna 60 -> 65 (raised), IKM indicator
# reworded, "Persentase Posyandu aktif" added, the JKN/UHC indicator dropped.
DINKES_TARGETS_PERUBAHAN = [
    ("Meningkatnya derajat kesehatan masyarakat", [
        ("Prevalensi stunting pada balita", "%", "12"),
        ("Angka Kematian Ibu (AKI)", "per 100.000 KH", "85"),
        ("Cakupan imunisasi dasar lengkap", "%", "92"),
        ("Persentase Posyandu aktif", "%", "90"),
    ]),
    ("Meningkatnya mutu dan akses pelayanan kesehatan", [
        ("Indeks Kepuasan Masyarakat (IKM) pada layanan Puskesmas", "nilai", "82,5"),
        ("Persentase Puskesmas terakreditasi Paripurna", "%", "65"),
    ]),
    ("Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah", [
        ("Nilai SAKIP Dinas Kesehatan", "nilai", "75"),
        ("Opini BPK atas Laporan Keuangan Pemerintah Daerah", "predikat", "WTP"),
    ]),
]

# (program, anggaran in whole rupiah, keterangan)
DINKES_PROGRAMS_2025 = [
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 38_412_650_000, "APBD"),
    ("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
     52_786_340_500, "APBD, DAK"),
    ("Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", 1_245_800_000, "APBD"),
    ("Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman", 987_125_000, "APBD"),
    ("Program Pemberdayaan Masyarakat Bidang Kesehatan", 1_234_567_890, "APBD"),
]

# APBD-P: the UKP/UKM programme is cut by Rp 2.871.050.000,00.
DINKES_PROGRAMS_PERUBAHAN = [
    (p, (a - 2_871_050_000) if p.startswith("Program Pemenuhan") else a,
     "APBD-P, DAK" if p.startswith("Program Pemenuhan") else "APBD-P")
    for p, a, _ in DINKES_PROGRAMS_2025
]

# Disdik: (sasaran, [(indikator, satuan, target, tw1, tw2, tw3, tw4), ...])
DISDIK_TARGETS_2025 = [
    ("Meningkatnya akses pendidikan dasar", [
        ("Angka Partisipasi Murni (APM) SD/MI", "%", "97,5", "-", "-", "-", "97,5"),
        ("Angka Partisipasi Murni (APM) SMP/MTs", "%", "82", "-", "-", "-", "82"),
        ("Angka putus sekolah jenjang SMP", "%", "0,15", "-", "-", "-", "0,15"),
    ]),
    ("Terwujudnya mutu pendidikan dasar", [
        ("Persentase sekolah terakreditasi minimal B", "%", "92", "88", "89", "91", "92"),
        ("Persentase guru bersertifikat pendidik", "%", "78", "70", "72", "75", "78"),
    ]),
    ("Menguatnya tata kelola pendidikan", [
        ("Indeks Kepuasan Masyarakat layanan pendidikan", "nilai", "83", "-", "81", "-", "83"),
        ("Nilai SAKIP Dinas Pendidikan", "nilai", "76", "-", "-", "-", "76"),
    ]),
]

DISDIK_PROGRAMS_2025 = [
    ("Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", 214_380_125_000, "APBD"),
    ("Program Pengelolaan Pendidikan", 96_452_700_000, "APBD, DAK, BOSP"),
    ("Program Pengembangan Kurikulum", 1_118_400_000, "APBD"),
    ("Program Pendidik dan Tenaga Kependidikan", 3_876_215_500, "APBD"),
]

OPENING = (
    "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel "
    "serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini :"
)
PLEDGE_1 = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
    "tersebut menjadi tanggung jawab kami."
)
PLEDGE_2 = (
    "Pihak kedua akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
    "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
    "pemberian penghargaan dan sanksi."
)

# --------------------------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------------------------

BASE = ParagraphStyle("base", fontName="Times-Roman", fontSize=11.5, leading=15)
BODY = ParagraphStyle("body", parent=BASE, alignment=TA_JUSTIFY, spaceAfter=8)
TITLE = ParagraphStyle("title", parent=BASE, fontName="Times-Bold", fontSize=13, leading=17,
                       alignment=TA_CENTER)
SIGN = ParagraphStyle("sign", parent=BASE, fontSize=10.5, alignment=TA_CENTER, leading=13)
CELL = ParagraphStyle("cell", parent=BASE, fontSize=9.5, leading=11.5)
CELL_C = ParagraphStyle("cell_c", parent=CELL, alignment=TA_CENTER)
CELL_R = ParagraphStyle("cell_r", parent=CELL, alignment=TA_RIGHT)
CELL_H = ParagraphStyle("cell_h", parent=CELL_C, fontName="Times-Bold")
SMALL_TITLE = ParagraphStyle("small_title", parent=TITLE, fontSize=11.5, leading=14.5)
SECTION = ParagraphStyle("section", parent=BASE, fontName="Times-Bold", fontSize=10.5,
                         spaceBefore=6, spaceAfter=4)



def rupiah(amount: int) -> str:
    """38412650000 -> 'Rp 38.412.650.000,00'."""
    return "Rp " + f"{amount:,}".replace(",", ".") + ",00"


def epoch_wib(year: int, month: int, day: int, hour: int = 8) -> int:
    """Seconds since the epoch for a local (WIB, UTC+7) wall-clock time."""
    return calendar.timegm((year, month, day, hour - 7, 0, 0))


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------

def parties_block(first: dict, second: dict, with_nip: bool) -> list:
    """The Nama/Jabatan blocks of both parties."""
    label = ParagraphStyle("label", parent=BASE)
    rows = [["1.", "Nama", ":", first["name"]]]
    if with_nip:
        rows += [["", "NIP", ":", first["nip"]], ["", "Pangkat/Gol.", ":", first["pangkat"]]]
    rows += [["", "Jabatan", ":", first["jabatan"]]]
    t1 = Table(rows, colWidths=[0.8 * cm, 2.8 * cm, 0.5 * cm, 11.5 * cm], hAlign="LEFT")
    t1.setStyle(_plain_style(BASE.fontSize))
    t2 = Table([["2.", "Nama", ":", second["name"]], ["", "Jabatan", ":", second["jabatan"]]],
               colWidths=[0.8 * cm, 2.8 * cm, 0.5 * cm, 11.5 * cm], hAlign="LEFT")
    t2.setStyle(_plain_style(BASE.fontSize))
    return [
        t1,
        Paragraph("selanjutnya disebut <b>PIHAK PERTAMA</b>.", ParagraphStyle(
            "after1", parent=label, leftIndent=0.8 * cm, spaceBefore=3, spaceAfter=8)),
        t2,
        Paragraph("selaku atasan PIHAK PERTAMA, selanjutnya disebut <b>PIHAK KEDUA</b>.",
                  ParagraphStyle("after2", parent=label, leftIndent=0.8 * cm, spaceBefore=3,
                                 spaceAfter=10)),
    ]


def _plain_style(size: float) -> TableStyle:
    return TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), "Times-Roman"),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ])


def signature_block(place_date: str, first: dict, second: dict, width: float,
                    gap: float = 2.2 * cm, style: ParagraphStyle = SIGN) -> Table:
    """Two columns side by side: PIHAK KEDUA (left), PIHAK PERTAMA (right)."""
    jab2 = second["jabatan"].upper()
    jab1 = first["jabatan"].upper()
    rows = [
        ["", Paragraph(place_date, style)],
        [Paragraph("PIHAK KEDUA,", style), Paragraph("PIHAK PERTAMA,", style)],
        [Paragraph(jab2 + ",", style), Paragraph(jab1 + ",", style)],
        ["", ""],
        [Paragraph(f"<b><u>{second['sign_name']}</u></b>", style),
         Paragraph(f"<b><u>{first['sign_name']}</u></b>", style)],
        ["", Paragraph(first["pangkat"], style)],
        ["", Paragraph("NIP " + first["nip"], style)],
    ]
    t = Table(rows, colWidths=[width / 2, width / 2], rowHeights=[None, None, None, gap,
                                                                    None, None, None])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]))
    return KeepTogether([t])


def targets_table(groups, ruled: bool, col_widths, tw: bool = False) -> Table:
    """Table A. Sasaran (and No) cells are merged over their continuation rows."""
    head = ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]
    if tw:
        head += ["TW I", "TW II", "TW III", "TW IV"]
    data = [[Paragraph(h, CELL_H) for h in head]] if ruled else [head]
    spans = []
    row = 1
    for n, (sasaran, indicators) in enumerate(groups, start=1):
        first_row = row
        for i, ind in enumerate(indicators):
            indikator, satuan, target, *tws = ind
            if ruled:
                cells = [Paragraph(f"{n}." if i == 0 else "", CELL_C),
                         Paragraph(sasaran if i == 0 else "", CELL),
                         Paragraph(indikator, CELL), Paragraph(satuan, CELL_C),
                         Paragraph(target, CELL_C)]
            else:
                cells = [f"{n}." if i == 0 else "", sasaran if i == 0 else "",
                         indikator, satuan, target]
            if tw:
                cells += list(tws)
            data.append(cells)
            row += 1
        if ruled and row - first_row > 1:
            spans += [("SPAN", (0, first_row), (0, row - 1)),
                      ("SPAN", (1, first_row), (1, row - 1))]
    t = Table(data, colWidths=col_widths, repeatRows=1)
    t.setStyle(TableStyle(_table_commands(ruled) + spans))
    return t


def programs_table(programs, ruled: bool, col_widths) -> Table:
    """Table B with a final Jumlah row equal to the sum."""
    head = ["No", "Program", "Anggaran (Rp)", "Keterangan"]
    total = sum(a for _, a, _ in programs)
    if ruled:
        data = [[Paragraph(h, CELL_H) for h in head]]
        for n, (prog, amount, ket) in enumerate(programs, start=1):
            data.append([Paragraph(f"{n}.", CELL_C), Paragraph(prog, CELL),
                         Paragraph(rupiah(amount), CELL_R), Paragraph(ket, CELL_C)])
        data.append(["", Paragraph("<b>Jumlah</b>", CELL),
                     Paragraph(f"<b>{rupiah(total)}</b>", CELL_R), ""])
    else:
        data = [head]
        for n, (prog, amount, ket) in enumerate(programs, start=1):
            data.append([f"{n}.", prog, rupiah(amount), ket])
        data.append(["", "Jumlah", rupiah(total), ""])
    t = Table(data, colWidths=col_widths)
    cmds = _table_commands(ruled)
    if not ruled:
        cmds += [("FONTNAME", (0, -1), (-1, -1), "Times-Bold")]
    t.setStyle(TableStyle(cmds))
    return t


def _table_commands(ruled: bool) -> list:
    cmds = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if ruled:
        cmds += [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#d9d9d9")),
                 ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    else:
        # no ruling lines at all: columns are only implied by the (left-aligned) text
        cmds += [("FONTNAME", (0, 0), (-1, -1), "Times-Roman"),
                 ("FONTNAME", (0, 0), (-1, 0), "Times-Bold"),
                 ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                 ("LEADING", (0, 0), (-1, -1), 11.5),
                 ("LEFTPADDING", (0, 0), (-1, -1), 2),
                 ("RIGHTPADDING", (0, 0), (-1, -1), 10)]
    return cmds


# --------------------------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------------------------

def build(path: Path, story: list, signed: tuple[int, int, int], meta: dict,
          lampiran_landscape: bool = False) -> None:
    """Build one PDF deterministically (invariant mode, creation date = signing date)."""
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch_wib(*signed))
    portrait_size = A4
    margin = 2.2 * cm
    doc = BaseDocTemplate(
        str(path), pagesize=portrait_size, invariant=1, pageCompression=1,
        leftMargin=margin, rightMargin=margin, topMargin=2 * cm, bottomMargin=2 * cm,
        title=meta["title"], author=meta["author"], subject=meta["subject"],
        creator="janji demo corpus: make_pk_pdfs.py", producer="ReportLab",
    )
    portrait = PageTemplate(
        id="portrait", pagesize=portrait_size,
        frames=[Frame(margin, 2 * cm, portrait_size[0] - 2 * margin,
                      portrait_size[1] - 4 * cm, id="p")])
    templates = [portrait]
    if lampiran_landscape:
        ls = landscape(A4)
        templates.append(PageTemplate(
            id="landscape", pagesize=ls,
            frames=[Frame(1.8 * cm, 1.6 * cm, ls[0] - 3.6 * cm, ls[1] - 3.2 * cm, id="l")]))
    doc.addPageTemplates(templates)
    doc.build(story)


def first_page(title: str, unit: str, first: dict, second: dict, place_date: str,
               with_nip: bool, intro_extra: str | None = None) -> list:
    width = A4[0] - 2 * 2.2 * cm
    story = [
        Paragraph(title, TITLE),
        Paragraph(unit, TITLE),
        Spacer(1, 18),
        Paragraph(OPENING, BODY),
    ]
    story += parties_block(first, second, with_nip)
    if intro_extra:
        story.append(Paragraph(intro_extra, BODY))
    story += [
        Paragraph(PLEDGE_1, BODY),
        Paragraph(PLEDGE_2, BODY),
        Spacer(1, 14),
        signature_block(place_date, first, second, width),
    ]
    return story


def lampiran_heading(year_title: str, jabatan: str) -> list:
    return [
        Paragraph("LAMPIRAN", SMALL_TITLE),
        Paragraph(year_title, SMALL_TITLE),
        Paragraph(jabatan.upper(), SMALL_TITLE),
        Spacer(1, 10),
    ]


def dinkes(path: Path, perubahan: bool) -> None:
    if perubahan:
        title = "PERJANJIAN KINERJA PERUBAHAN TAHUN 2025"
        place_date, signed = "Jambi, 30 Juni 2025", (2025, 6, 30)
        targets, programs = DINKES_TARGETS_PERUBAHAN, DINKES_PROGRAMS_PERUBAHAN
        extra = ("Perjanjian Kinerja Perubahan ini menggantikan Perjanjian Kinerja Tahun 2025 "
                 "tanggal 2 Januari 2025, sehubungan dengan Perubahan Anggaran Pendapatan dan "
                 "Belanja Daerah (APBD-P) Kota Jambi Tahun Anggaran 2025.")
    else:
        title = "PERJANJIAN KINERJA TAHUN 2025"
        place_date, signed = "Jambi, 2 Januari 2025", (2025, 1, 2)
        targets, programs = DINKES_TARGETS_2025, DINKES_PROGRAMS_2025
        extra = None
    width = A4[0] - 2 * 2.2 * cm
    story = first_page(title, "DINAS KESEHATAN KOTA JAMBI", KADINKES, WALI_KOTA, place_date,
                       with_nip=True, intro_extra=extra)
    story += [PageBreak()]
    story += lampiran_heading(title, KADINKES["jabatan"])
    story += [
        Paragraph("A. Sasaran Strategis dan Indikator Kinerja", SECTION),
        targets_table(targets, ruled=True, col_widths=[
            0.9 * cm, 4.6 * cm, 6.4 * cm, 2.4 * cm, width - 14.3 * cm]),
        Spacer(1, 8),
        Paragraph("B. Program dan Anggaran", SECTION),
        programs_table(programs, ruled=True, col_widths=[
            0.9 * cm, 8.2 * cm, 4.4 * cm, width - 13.5 * cm]),
        Spacer(1, 12),
        signature_block(place_date, KADINKES, WALI_KOTA, width, gap=1.5 * cm,
                        style=ParagraphStyle("sign_s", parent=SIGN, fontSize=10.5,
                                             leading=12.5)),
    ]
    build(path, story, signed, {
        "title": f"{title.title()} Dinas Kesehatan Kota Jambi",
        "author": "Dinas Kesehatan Kota Jambi",
        "subject": "Perjanjian Kinerja Kepala Dinas Kesehatan Kota Jambi",
    })


def disdik(path: Path) -> None:
    title = "PERJANJIAN KINERJA TAHUN 2025"
    place_date, signed = "Jambi, 2 Januari 2025", (2025, 1, 2)
    story = first_page(title, "DINAS PENDIDIKAN KOTA JAMBI", KADISDIK, WALI_KOTA, place_date,
                       with_nip=False)
    lw = landscape(A4)[0] - 3.6 * cm
    story += [NextPageTemplate("landscape"), PageBreak()]
    story += lampiran_heading(title, KADISDIK["jabatan"])
    story += [
        Paragraph("A. Sasaran Strategis, Indikator Kinerja dan Target", SECTION),
        targets_table(DISDIK_TARGETS_2025, ruled=False, tw=True, col_widths=[
            1.0 * cm, 6.6 * cm, 7.6 * cm, 1.6 * cm, 1.6 * cm,
            1.4 * cm, 1.4 * cm, 1.4 * cm, lw - 22.6 * cm]),
        Spacer(1, 8),
        Paragraph("B. Program dan Anggaran", SECTION),
        programs_table(DISDIK_PROGRAMS_2025, ruled=False, col_widths=[
            1.0 * cm, 11.5 * cm, 4.6 * cm, 4.0 * cm]),
        Spacer(1, 10),
        signature_block(place_date, KADISDIK, WALI_KOTA, lw * 0.8, gap=1.3 * cm,
                        style=ParagraphStyle("sign_s", parent=SIGN, fontSize=10,
                                             leading=11.5)),
    ]
    build(path, story, signed, {
        "title": "Perjanjian Kinerja Tahun 2025 Dinas Pendidikan Kota Jambi",
        "author": "Dinas Pendidikan Kota Jambi",
        "subject": "Perjanjian Kinerja Kepala Dinas Pendidikan Kota Jambi",
    }, lampiran_landscape=True)


def main(out_dir: Path = HERE) -> list[Path]:
    out = [
        out_dir / "pk-dinkes-kota-jambi-2025.pdf",
        out_dir / "pk-perubahan-dinkes-kota-jambi-2025.pdf",
        out_dir / "pk-disdik-kota-jambi-2025.pdf",
    ]
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        dinkes(out[0], perubahan=False)
        dinkes(out[1], perubahan=True)
        disdik(out[2])
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
