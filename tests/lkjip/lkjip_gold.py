"""Gold set for the performance-report reader: what each generated LKjIP says, and what must be
read back.

Each case holds the printed strings (rendered by make_lkjip_fixtures.py) next to the values the
reader must return, written out by hand, so a test compares against the truth and not against a
second run of the same parsing code. Achievement rows: s=sasaran (full, also where the PDF leaves
the cell blank or merged), i=indikator, u=satuan, t/r/c=target/realisasi/capaian as printed,
tv/rv/cv=their values, d=direction, k=kriteria, p=page; y1/y2/end=earlier years' realisations and
the end-of-plan target, printed but not to be read. Budget rows: k=program, a/r/c=pagu/realisasi/%
as printed, av/rv/cv=values, p=page. `skipped`: rows the reader must record as unreadable.
"""

S1 = "Meningkatnya derajat kesehatan masyarakat"
S2 = "Meningkatnya akses dan mutu pelayanan kesehatan"
S3 = "Terwujudnya tata kelola pemerintahan yang akuntabel"


def row(s, i, u, t, tv, r, rv, c, cv, d, p, k=None, **extra):
    return {"s": s, "i": i, "u": u, "t": t, "tv": tv, "r": r, "rv": rv, "c": c, "cv": cv, "d": d, "p": p, "k": k, **extra}


def prog(k, a, av, r, rv, c, cv, p):
    return {"k": k, "a": a, "av": av, "r": r, "rv": rv, "c": c, "cv": cv, "p": p}


KOTA_DINKES = {  # the plain layout: ruled, sasaran repeated in every row; an executive-summary table (trap)
    "render": {"ruled": True, "sasaran": "repeat", "landscape": False, "summary_table": True,
               "columns": ["no", "s", "i", "u", "t", "r", "c"], "narrative_pages": 2},
    "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP)", "TAHUN 2024", "DINAS KESEHATAN", "KOTA SUNGAI HARAPAN"],
    "achievements": [
        row(S1, "Prevalensi stunting", "%", "14", 14.0, "13,2", 13.2, "106,06", 106.06, "lower", 9),
        row(S1, "Angka kematian ibu", "per 100.000 KH", "25", 25.0, "31", 31.0, "76,00", 76.0, "lower", 9),
        row(S1, "Usia harapan hidup", "tahun", "72,40", 72.4, "72,51", 72.51, "100,15", 100.15, "higher", 9),
        row(S2, "Indeks Kepuasan Masyarakat", "nilai", "82,5", 82.5, "80,1", 80.1, "97,09", 97.09, "higher", 9),
        row(S2, "Persentase puskesmas terakreditasi paripurna", "%", "60", 60.0, "60", 60.0, "100,00", 100.0, None, 9),
        row(S2, "Angka kesakitan DBD", "per 100.000 penduduk", "45", 45.0, "n/a", None, "-", None, "lower", 9),
        row(S3, "Opini BPK atas laporan keuangan", "predikat", "WTP", None, "WTP", None, "100", 100.0, None, 9),
    ],
    "budget": [
        prog("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
             "12.345.678.900,00", 12345678900.0, "11.987.654.321,00", 11987654321.0, "97,10", 97.10, 12),
        prog("Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan",
             "1.234.567.890,00", 1234567890.0, "1.100.000.000,00", 1100000000.0, "89,10", 89.10, 12),
        prog("Program Penunjang Urusan Pemerintahan Daerah", "500.000.000,00", 500000000.0,
             "498.250.000,00", 498250000.0, "99,65", 99.65, 12),
    ],
    "budget_total": ["14.080.246.790,00", "13.585.904.321,00", "96,49"],
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2024, "opd": "Dinas Kesehatan", "region": "Kota Sungai Harapan", "pages": [1, 14]},
}

SD = "Meningkatnya kualitas pendidikan dasar"
SA = "Meningkatnya akuntabilitas kinerja dinas"
KAB_DISDIK = {  # earlier years' realisations and the Renstra's end target as extra columns; LAKIP title;
    # Bab II restates the targets beside last year's realisation (a trap with a Realisasi column)
    "render": {"ruled": True, "sasaran": "repeat", "landscape": False, "bab2_baseline": True,
               "columns": ["no", "s", "i", "u", "y1", "y2", "t", "r", "c", "end"], "narrative_pages": 1,
               "widths": {"no": 18, "s": 70, "i": 90, "u": 38, "y1": 44, "y2": 44, "t": 40, "r": 44, "c": 46, "end": 49}},
    "headers": {"y1": "Realisasi 2023", "y2": "Realisasi 2024", "t": "Target 2025", "r": "Realisasi 2025",
                "c": "Capaian 2025 (%)", "end": "Target Akhir Renstra 2026"},
    "cover": ["LAPORAN AKUNTABILITAS KINERJA INSTANSI PEMERINTAH", "(LAKIP) TAHUN 2025", "PEMERINTAH KABUPATEN BUKIT PERMAI",
              "DINAS PENDIDIKAN"],
    "achievements": [
        row(SD, "Angka Partisipasi Murni SD", "%", "97,25", 97.25, "97,30", 97.30, "100,05", 100.05, "higher", 9,
            y1="96,80", y2="97,01", end="98,00"),
        row(SD, "Angka Partisipasi Murni SMP", "%", "81,10", 81.10, "79,85", 79.85, "98,46", 98.46, "higher", 9,
            y1="79,90", y2="80,50", end="83,00"),
        row(SD, "Angka putus sekolah SD", "%", "0,15", 0.15, "0,17", 0.17, "86,67", 86.67, "lower", 9,
            y1="0,21", y2="0,18", end="0,10"),
        row(SD, "Rata-rata lama sekolah", "tahun", "8,9", 8.9, "8,92", 8.92, "100,22", 100.22, "higher", 9,
            y1="8,61", y2="8,75", end="9,2"),
        row(SA, "Nilai SAKIP perangkat daerah", "predikat", "BB", None, "B", None, "-", None, None, 9,
            y1="B", y2="B", end="A"),
        row(SA, "Indeks Kepuasan Masyarakat", "nilai", "80", 80.0, "belum tersedia", None, "-", None, None, 9,
            y1="78,2", y2="79,0", end="82"),
    ],
    "budget": [
        prog("Program Pengelolaan Pendidikan", "45.000.000.000,00", 45000000000.0, "43.650.000.000,00", 43650000000.0,
             "97,00", 97.0, 11),
        prog("Program Pendidik dan Tenaga Kependidikan", "2.500.000.000,00", 2500000000.0, "2.310.500.000,00",
             2310500000.0, "92,42", 92.42, 11),
    ],
    "budget_total": ["47.500.000.000,00", "45.960.500.000,00", "96,76"],
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2025, "opd": "Dinas Pendidikan", "region": "Kabupaten Bukit Permai", "pages": [1, 13]},
}

SB1 = "Meningkatnya kualitas perencanaan pembangunan daerah"
SB2 = "Meningkatnya kualitas penelitian dan pengembangan daerah"
SB3 = "Meningkatnya akuntabilitas kinerja perangkat daerah"
PLANNING = [  # indikator, satuan, target, realisasi, capaian (all higher is better)
    ("Persentase konsistensi program RPJMD dan RKPD", "%", "95", 95.0, "96,2", 96.2, "101,26", 101.26),
    ("Persentase konsistensi program RKPD dan APBD", "%", "90", 90.0, "88,5", 88.5, "98,33", 98.33),
    ("Indeks kualitas dokumen perencanaan daerah", "nilai", "75", 75.0, "77,4", 77.4, "103,20", 103.2),
    ("Persentase usulan musrenbang yang diakomodasi dalam RKPD", "%", "40", 40.0, "36", 36.0, "90,00", 90.0),
    ("Persentase dokumen perencanaan yang ditetapkan tepat waktu", "%", "100", 100.0, "100", 100.0, "100,00", 100.0),
    ("Persentase rekomendasi evaluasi RKPD yang ditindaklanjuti", "%", "80", 80.0, "84", 84.0, "105,00", 105.0),
    ("Persentase perangkat daerah yang menyampaikan laporan kinerja tepat waktu", "%", "95", 95.0, "91,43", 91.43, "96,24", 96.24),
    ("Persentase data pembangunan yang dimutakhirkan dalam SIPD", "%", "85", 85.0, "90", 90.0, "105,88", 105.88),
    ("Jumlah dokumen kajian perencanaan pembangunan", "dokumen", "6", 6.0, "5", 5.0, "83,33", 83.33),
    ("Persentase program prioritas yang terpantau capaiannya", "%", "100", 100.0, "97", 97.0, "97,00", 97.0),
    ("Jumlah rekomendasi hasil penelitian yang dimanfaatkan", "rekomendasi", "8", 8.0, "9", 9.0, "112,50", 112.5),
    ("Persentase inovasi daerah yang diterapkan", "%", "60", 60.0, "63", 63.0, "105,00", 105.0),
    ("Indeks inovasi daerah", "skor", "55", 55.0, "58,61", 58.61, "106,56", 106.56),
    ("Jumlah kajian kebijakan yang diselesaikan", "kajian", "4", 4.0, "4", 4.0, "100,00", 100.0),
    ("Persentase hasil kajian yang dipublikasikan", "%", "75", 75.0, "70", 70.0, "93,33", 93.33),
    ("Nilai SAKIP Badan Perencanaan Pembangunan Daerah", "nilai", "75", 75.0, "76,52", 76.52, "102,03", 102.03),
    ("Persentase capaian indikator kinerja utama perangkat daerah", "%", "90", 90.0, "93,75", 93.75, "104,17", 104.17),
    ("Persentase penyerapan anggaran", "%", "95", 95.0, "92,13", 92.13, "96,98", 96.98),
    ("Indeks profesionalitas ASN perangkat daerah", "nilai", "70", 70.0, "71,4", 71.4, "102,00", 102.0),
    ("Persentase pegawai yang mengikuti pengembangan kompetensi", "%", "30", 30.0, "35", 35.0, "116,67", 116.67),
]
KOTA_BAPPEDA = {  # a long ruled table running over a page break (no header on its second page), sasaran left blank
    "render": {"ruled": True, "sasaran": "blank", "landscape": False, "repeat_header": False, "lead_paragraphs": 4,
               "columns": ["no", "s", "i", "u", "t", "r", "c"], "narrative_pages": 2},
    "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
              "KOTA SUNGAI HARAPAN", "TAHUN 2024"],
    "achievements": [
        row(SB1 if n < 10 else SB2 if n < 15 else SB3, i, u, t, tv, r, rv, c, cv, None if rv == tv else "higher", 10 if n < 11 else 11)
        for n, (i, u, t, tv, r, rv, c, cv) in enumerate(PLANNING)
    ],
    "budget": [
        prog("Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "3.250.000.000,00", 3250000000.0,
             "3.101.475.000,00", 3101475000.0, "95,43", 95.43, 16),
        prog("Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah", "1.234.567.890,00", 1234567890.0,
             "1.198.000.000,00", 1198000000.0, "97,04", 97.04, 16),
        prog("Program Penelitian dan Pengembangan Daerah", "850.000.000,00", 850000000.0, "812.300.000,00",
             812300000.0, "95,56", 95.56, 16),
    ],
    "budget_total": ["5.334.567.890,00", "5.111.775.000,00", "95,82"],
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2024, "opd": "Badan Perencanaan Pembangunan Daerah", "region": "Kota Sungai Harapan",
                 "pages": [1, 18]},
}

SK1 = "Meningkatnya derajat kesehatan masyarakat kabupaten"
SK2 = "Meningkatnya mutu pelayanan kesehatan dasar dan rujukan"
KAB_DINKES = {  # Bab III on landscape pages, tables without ruling lines (read from word positions)
    "render": {"ruled": False, "sasaran": "blank", "landscape": True,
               "columns": ["no", "s", "i", "u", "t", "r", "c"], "narrative_pages": 1},
    "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH", "TAHUN 2025", "DINAS KESEHATAN", "KABUPATEN BUKIT PERMAI"],
    "achievements": [
        row(SK1, "Angka kematian bayi", "per 1.000 KH", "8", 8.0, "9,2", 9.2, "85,00", 85.0, "lower", 9),
        row(SK1, "Prevalensi stunting pada balita", "%", "18", 18.0, "16,5", 16.5, "108,33", 108.33, "lower", 9),
        row(SK1, "Cakupan imunisasi dasar lengkap", "%", "95", 95.0, "91,2", 91.2, "96,00", 96.0, "higher", 9),
        row(SK2, "Persentase fasilitas kesehatan yang terakreditasi", "%", "80", 80.0, "85", 85.0, "106,25", 106.25, "higher", 9),
        row(SK2, "Persentase penduduk yang memiliki jaminan kesehatan", "%", "98", 98.0, "-", None, "-", None, None, 9),
        row(SK2, "Waktu layanan rujukan gawat darurat", "menit", "30", 30.0, "30", 30.0, "100,00", 100.0, "lower", 9),
    ],
    "budget": [
        prog("Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "21.400.000.000,00",
             21400000000.0, "20.115.300.000,00", 20115300000.0, "94,00", 94.0, 11),
        prog("Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman", "640.000.000,00", 640000000.0,
             "612.480.000,00", 612480000.0, "95,70", 95.7, 11),
    ],
    "budget_total": ["22.040.000.000,00", "20.727.780.000,00", "94,04"],
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2025, "opd": "Dinas Kesehatan", "region": "Kabupaten Bukit Permai", "pages": [1, 13]},
}

SS1 = "Meningkatnya perlindungan dan jaminan sosial bagi masyarakat rentan"
SS2 = "Menurunnya kekerasan terhadap perempuan dan anak"
KOTA_DINSOS = {  # merged (spanned) sasaran and No cells; lower-is-better indicators
    "render": {"ruled": True, "sasaran": "merged", "landscape": False,
               "columns": ["no", "s", "i", "u", "t", "r", "c"], "narrative_pages": 0},
    "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP) TAHUN 2024", "DINAS SOSIAL", "KOTA SUNGAI HARAPAN"],
    "achievements": [
        row(SS1, "Persentase PPKS yang memperoleh bantuan sosial", "%", "85", 85.0, "88,4", 88.4, "104,00", 104.0, "higher", 9),
        row(SS1, "Angka kemiskinan", "%", "8,5", 8.5, "8,5", 8.5, "100,00", 100.0, "lower", 9),
        row(SS1, "Persentase keluarga penerima manfaat yang graduasi", "%", "10", 10.0, "7,5", 7.5, "75,00", 75.0, "higher", 9),
        row(SS2, "Jumlah kasus kekerasan terhadap anak", "kasus", "40", 40.0, "35", 35.0, "112,50", 112.5, "lower", 9),
        row(SS2, "Persentase korban kekerasan yang mendapat layanan", "%", "100", 100.0, "100", 100.0, "100,00", 100.0, None, 9),
    ],
    "budget": [
        prog("Program Perlindungan dan Jaminan Sosial", "2.750.000.000,00", 2750000000.0, "2.604.250.000,00",
             2604250000.0, "94,70", 94.7, 9),
        prog("Program Rehabilitasi Sosial", "1.150.000.000,00", 1150000000.0, "1.087.900.000,00", 1087900000.0,
             "94,60", 94.6, 9),
    ],
    "budget_total": ["3.900.000.000,00", "3.692.150.000,00", "94,67"],
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2024, "opd": "Dinas Sosial", "region": "Kota Sungai Harapan", "pages": [1, 11]},
}

SF1 = "Meningkatnya kualitas pengelolaan keuangan daerah"
SF2 = "Meningkatnya kualitas layanan perbendaharaan"
KOTA_BPKAD = {  # capaian printed "97,37 %" beside a Kriteria column; one row whose realisation is misprinted
    "render": {"ruled": True, "sasaran": "repeat", "landscape": False,
               "columns": ["no", "s", "i", "u", "t", "r", "c", "k"], "narrative_pages": 1},
    "cover": ["LAPORAN KINERJA", "TAHUN 2025", "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", "KOTA SUNGAI HARAPAN"],
    "achievements": [
        row(SF1, "Opini BPK atas LKPD", "predikat", "WTP", None, "WTP", None, "100,00 %", 100.0, None, 9, "Sangat Baik"),
        row(SF1, "Persentase realisasi pendapatan asli daerah", "%", "100", 100.0, "97,37", 97.37, "97,37 %", 97.37, "higher", 9, "Sangat Baik"),
        row(SF1, "Persentase penyerapan belanja daerah", "%", "95", 95.0, "81,7", 81.7, "86,00 %", 86.0, "higher", 9, "Baik"),
        row(SF2, "Waktu layanan penerbitan SP2D", "hari", "2", 2.0, "1,5", 1.5, "125,00 %", 125.0, "lower", 9, "Sangat Baik"),
        row(SF2, "Persentase aset daerah yang bersertifikat", "%", "70", 70.0, "45,5", 45.5, "65,00 %", 65.0, "higher", 9, "Kurang"),
    ],
    # printed but unreadable (a letter O for a zero): recorded, never turned into a number
    "unreadable_rows": [{"s": SF2, "i": "Persentase SPM yang diverifikasi tepat waktu", "u": "%", "t": "90", "r": "9O,5",
                         "c": "100,56 %", "k": "Sangat Baik"}],
    "budget": [
        prog("Program Pengelolaan Keuangan Daerah", "9.800.000.000,00", 9800000000.0, "9.310.000.000,00", 9310000000.0,
             "95,00", 95.0, 11),
        prog("Program Pengelolaan Barang Milik Daerah", "1.200.000.000,00", 1200000000.0, "985.200.000,00", 985200000.0,
             "82,10", 82.1, 11),
    ],
    "budget_total": ["11.000.000.000,00", "10.295.200.000,00", "93,59"],
    "skipped": [f"6 | {SF2} | Persentase SPM yang diverifikasi tepat waktu | % | 90 | 9O,5 | 100,56 % | Sangat Baik"],
    "expected": {"kind": "LKjIP", "year": 2025, "opd": "Badan Pengelolaan Keuangan dan Aset Daerah",
                 "region": "Kota Sungai Harapan", "pages": [1, 13]},
}

KOTA_DISHUB = {  # Bab III tells the results in prose only: no achievements table
    "render": {"ruled": True, "sasaran": "repeat", "landscape": False, "no_table": True,
               "columns": ["no", "s", "i", "u", "t", "r", "c"], "narrative_pages": 1},
    "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP) TAHUN 2024", "DINAS PERHUBUNGAN", "KOTA SUNGAI HARAPAN"],
    "achievements": [
        row("Meningkatnya keselamatan transportasi", "Jumlah kecelakaan lalu lintas", "kejadian", "120", 120.0, "131", 131.0,
            "90,83", 90.83, "lower", None),
    ],
    "budget": [],
    "budget_total": None,
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2024, "opd": "Dinas Perhubungan", "region": "Kota Sungai Harapan", "pages": [1, 10]},
}

SP1 = "Meningkatnya kualitas infrastruktur jalan dan jembatan"
SP2 = "Meningkatnya kualitas permukiman"
KAB_PUPR = {  # a header printed on two rows: "Realisasi" over 2023 | 2024, "Tahun 2025" over Target |
    # Realisasi | Capaian, No / Sasaran / … and the RPJMD end target spanning both rows
    "render": {"ruled": True, "sasaran": "repeat", "landscape": False,
               "columns": ["no", "s", "i", "u", "y1", "y2", "t", "r", "c", "end"], "narrative_pages": 1,
               "widths": {"no": 18, "s": 70, "i": 90, "u": 38, "y1": 44, "y2": 44, "t": 40, "r": 44, "c": 46, "end": 49}},
    "header_rows": {
        "rows": [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Realisasi", "", "Tahun 2025", "", "",
                  "Target Akhir RPJMD (2026)"],
                 ["", "", "", "", "2023", "2024", "Target", "Realisasi", "Capaian (%)", ""]],
        "spans": [((0, 0), (0, 1)), ((1, 0), (1, 1)), ((2, 0), (2, 1)), ((3, 0), (3, 1)), ((4, 0), (5, 0)),
                  ((6, 0), (8, 0)), ((9, 0), (9, 1))]},
    "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)", "TAHUN 2025",
              "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "KABUPATEN BUKIT PERMAI"],
    "achievements": [
        row(SP1, "Persentase panjang jalan kabupaten dalam kondisi mantap", "%", "73", 73.0, "74,1", 74.1, "101,51", 101.51,
            "higher", 9, y1="68,2", y2="70,5", end="80"),
        row(SP1, "Persentase jembatan dalam kondisi baik", "%", "85", 85.0, "82,45", 82.45, "97,00", 97.0, "higher", 9,
            y1="81", y2="83", end="90"),
        row(SP2, "Luas kawasan permukiman kumuh", "ha", "85", 85.0, "88,4", 88.4, "96,00", 96.0, "lower", 9,
            y1="112", y2="98", end="60"),
        row(SP2, "Persentase rumah tangga dengan akses air minum layak", "%", "91", 91.0, "n/a", None, "-", None, None, 9,
            y1="88,1", y2="89,6", end="95"),
    ],
    "budget": [
        prog("Program Penyelenggaraan Jalan", "18.500.000.000,00", 18500000000.0, "17.390.000.000,00", 17390000000.0,
             "94,00", 94.0, 11),
        prog("Program Kawasan Permukiman", "2.400.000.000,00", 2400000000.0, "2.112.000.000,00", 2112000000.0,
             "88,00", 88.0, 11),
    ],
    "budget_total": ["20.900.000.000,00", "19.502.000.000,00", "93,31"],
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2025, "opd": "Dinas Pekerjaan Umum dan Penataan Ruang",
                 "region": "Kabupaten Bukit Permai", "pages": [1, 13]},
}

PAGE_BREAK_AT = 10  # rows from the 11th on are printed on the second page
SK3 = "Meningkatnya kualitas layanan pemerintahan berbasis elektronik"
SK4 = "Meningkatnya keterbukaan informasi publik"
DIGITAL = [  # indikator, satuan, target, realisasi, capaian (all higher is better)
    ("Persentase perangkat daerah yang terhubung jaringan intranet pemerintah", "%", "90", 90.0, "92,5", 92.5, "102,78", 102.78),
    ("Persentase layanan publik yang tersedia secara daring", "%", "70", 70.0, "66,5", 66.5, "95,00", 95.0),
    ("Indeks Sistem Pemerintahan Berbasis Elektronik", "indeks", "3,1", 3.1, "3,24", 3.24, "104,52", 104.52),
    ("Jumlah aplikasi layanan yang terintegrasi dengan satu data", "aplikasi", "25", 25.0, "22", 22.0, "88,00", 88.0),
    ("Persentase desa dan kelurahan yang terjangkau akses internet", "%", "85", 85.0, "88,6", 88.6, "104,24", 104.24),
    ("Jumlah titik akses internet gratis di ruang publik", "titik", "120", 120.0, "134", 134.0, "111,67", 111.67),
    ("Persentase perangkat daerah yang mengelola data sesuai standar", "%", "60", 60.0, "55", 55.0, "91,67", 91.67),
    ("Indeks Keamanan Informasi perangkat daerah", "skor", "350", 350.0, "372", 372.0, "106,29", 106.29),
    ("Persentase keterbukaan informasi publik yang dipublikasikan tepat waktu", "%", "95", 95.0, "97", 97.0, "102,11", 102.11),
    ("Persentase aduan masyarakat yang ditindaklanjuti", "%", "90", 90.0, "93,2", 93.2, "103,56", 103.56),
    ("Persentase konten informasi pembangunan yang disebarluaskan", "%", "80", 80.0, "84", 84.0, "105,00", 105.0),
    ("Persentase pegawai yang mengikuti pelatihan literasi digital", "%", "40", 40.0, "46", 46.0, "115,00", 115.0),
    ("Nilai SAKIP Dinas Komunikasi dan Informatika", "nilai", "72", 72.0, "74,1", 74.1, "102,92", 102.92),
    ("Persentase penyerapan anggaran belanja", "%", "95", 95.0, "93,08", 93.08, "97,98", 97.98),
]
KOTA_DISKOMINFO = {  # an unruled table going on over the page without its header (read under the first part's columns)
    "render": {"ruled": False, "sasaran": "blank", "landscape": False, "repeat_header": False, "lead_paragraphs": 5,
               "columns": ["no", "s", "i", "u", "t", "r", "c"], "narrative_pages": 1},
    "cover": ["LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKjIP) TAHUN 2025", "DINAS KOMUNIKASI DAN INFORMATIKA",
              "KOTA SUNGAI HARAPAN"],
    "achievements": [
        row(SK3 if n < 8 else SK4, i, u, t, tv, r, rv, c, cv, "higher", 9 if n < PAGE_BREAK_AT else 10)
        for n, (i, u, t, tv, r, rv, c, cv) in enumerate(DIGITAL)
    ],
    "budget": [
        prog("Program Pengelolaan Aplikasi Informatika", "4.600.000.000,00", 4600000000.0, "4.370.000.000,00",
             4370000000.0, "95,00", 95.0, 14),
        prog("Program Informasi dan Komunikasi Publik", "1.800.000.000,00", 1800000000.0, "1.746.000.000,00",
             1746000000.0, "97,00", 97.0, 14),
    ],
    "budget_total": ["6.400.000.000,00", "6.116.000.000,00", "95,56"],
    "skipped": [],
    "expected": {"kind": "LKjIP", "year": 2025, "opd": "Dinas Komunikasi dan Informatika", "region": "Kota Sungai Harapan",
                 "pages": [1, 16]},
}

CASES = {
    "kota_dinkes_plain": KOTA_DINKES,
    "kab_disdik_earlier_years": KAB_DISDIK,
    "kota_bappeda_pagebreak": KOTA_BAPPEDA,
    "kab_dinkes_landscape_unruled": KAB_DINKES,
    "kota_dinsos_merged": KOTA_DINSOS,
    "kota_bpkad_kriteria": KOTA_BPKAD,
    "kab_pupr_two_row_header": KAB_PUPR,
    "kota_diskominfo_unruled_pagebreak": KOTA_DISKOMINFO,
}
NO_TABLE_CASE = ("kota_dishub_no_table", KOTA_DISHUB)
# the scanned copy is of this case: its gold is the same, read through OCR
SCANNED = ("scan_kota_dinsos_merged", "kota_dinsos_merged")
