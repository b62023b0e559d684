"""Gold set for the PK reader: what each generated PDF says, and what must be read back.

Each case holds the printed strings (rendered by make_pk_fixtures.py) next to the values the
reader must return, written out by hand, so a test compares against the truth and not against
a second run of the same parsing code. Target rows: s=sasaran (full, even where the PDF leaves
the cell blank or merged), i=indikator, u=Satuan cell (None: no Satuan column), t=target as
printed, v=value, unit=expected unit, p=page. Program rows: k=program, a=printed, v=value,
n=keterangan, p=page.
"""

S1 = "Meningkatnya derajat kesehatan masyarakat"
S2 = "Meningkatnya akses dan mutu pelayanan kesehatan"
S3 = "Terwujudnya tata kelola pemerintahan yang akuntabel"

KOTA_DINKES = {
    "render": {"pagesize": "A4", "lampiran_landscape": False, "ruled": True, "signing": "comma"},
    "title": ["PERJANJIAN KINERJA TAHUN 2025", "DINAS KESEHATAN", "KOTA SUNGAI HARAPAN"],
    "first": {"full_name": "dr. Hj. Siti Aminah, M.Kes", "jabatan": "Kepala Dinas Kesehatan Kota Sungai Harapan",
              "nip": "19750812 200003 2 004", "pangkat": "Pembina Utama Muda", "opening_nip": True,
              "sig_name": "dr. Hj. SITI AMINAH, M.Kes", "sig_role": ["KEPALA DINAS KESEHATAN", "KOTA SUNGAI HARAPAN,"]},
    "second": {"full_name": "Dr. H. Maulana, M.K.M.", "jabatan": "Wali Kota Sungai Harapan", "nip": None,
               "sig_name": "Dr. H. MAULANA, M.K.M.", "sig_role": ["WALI KOTA SUNGAI HARAPAN,"]},
    "signed": ["Sungai Harapan, 2 Januari 2025"],
    "targets": [
        {"s": S1, "i": "Prevalensi stunting", "u": "%", "t": "12", "v": 12.0, "unit": "%", "p": 2},
        {"s": S1, "i": "Angka kematian ibu", "u": "per 100.000 KH", "t": "25", "v": 25.0, "unit": "per 100.000 KH", "p": 2},
        {"s": S1, "i": "Usia harapan hidup", "u": "tahun", "t": "72,40", "v": 72.4, "unit": "tahun", "p": 2},
        {"s": S2, "i": "Indeks Kepuasan Masyarakat", "u": "nilai", "t": "82,5", "v": 82.5, "unit": "nilai", "p": 2},
        {"s": S2, "i": "Persentase puskesmas terakreditasi paripurna", "u": "%", "t": "98,5", "v": 98.5, "unit": "%", "p": 2},
    ],
    "programs": [
        {"k": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat", "a": "Rp 12.345.678.900,00", "v": 12345678900.0, "n": "APBD", "p": 2},
        {"k": "Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan", "a": "Rp 1.234.567.890,00", "v": 1234567890.0, "n": "DAK", "p": 2},
        {"k": "Program Penunjang Urusan Pemerintahan Daerah", "a": "Rp 500.000.000,00", "v": 500000000.0, "n": "APBD", "p": 2},
    ],
    "jumlah": "Rp 14.080.246.790,00",
    "expected": {
        "year": 2025, "revision": False, "opd": "Dinas Kesehatan", "region": "Kota Sungai Harapan",
        "first_party": {"name": "Siti Aminah", "full_name": "dr. Hj. Siti Aminah, M.Kes",
                        "position": "Kepala Dinas Kesehatan", "acting": None, "nip": "197508122000032004"},
        "second_party": {"name": "Maulana", "full_name": "Dr. H. Maulana, M.K.M.", "position": "Wali Kota", "acting": None, "nip": None},
        "signed_place": "Sungai Harapan", "signed_date": "2025-01-02",
        "total_anggaran": 14080246790.0, "total_mismatch": None,
    },
}

KAB_DISDIK = {  # portrait front page, landscape lampiran, unruled tables, upper-case names
    "render": {"pagesize": "A4", "lampiran_landscape": True, "ruled": False, "signing": "ditetapkan"},
    "title": ["PERJANJIAN KINERJA TAHUN 2026", "DINAS PENDIDIKAN KABUPATEN BUKIT PERMAI"],
    "first": {"full_name": "Drs. H. AHMAD FAUZI, M.Si", "jabatan": "KEPALA DINAS PENDIDIKAN KABUPATEN BUKIT PERMAI",
              "nip": "19680417 199303 1 006", "pangkat": "Pembina Tk. I (IV/b)", "opening_nip": False,
              "sig_name": "Drs. H. AHMAD FAUZI, M.Si", "sig_role": ["KEPALA DINAS PENDIDIKAN,"]},
    "second": {"full_name": "H. RAHMAT HIDAYAT, S.E., M.M.", "jabatan": "BUPATI BUKIT PERMAI", "nip": None,
               "sig_name": "H. RAHMAT HIDAYAT, S.E., M.M.", "sig_role": ["BUPATI BUKIT PERMAI,"]},
    "signed": ["Ditetapkan di : Bukit Permai", "Tanggal : 3 Pebruari 2026"],
    "targets": [
        {"s": "Meningkatnya kualitas pendidikan dasar", "i": "Angka Partisipasi Murni SD", "u": "%", "t": "97,25", "v": 97.25, "unit": "%", "p": 2},
        {"s": "Meningkatnya kualitas pendidikan dasar", "i": "Angka Partisipasi Murni SMP", "u": "%", "t": "81,10", "v": 81.1, "unit": "%", "p": 2},
        {"s": "Meningkatnya kualitas pendidikan dasar", "i": "Rata-rata lama sekolah", "u": "tahun", "t": "8,9", "v": 8.9, "unit": "tahun", "p": 2},
        {"s": "Meningkatnya akuntabilitas kinerja dinas", "i": "Nilai SAKIP perangkat daerah", "u": "predikat", "t": "BB", "v": None, "unit": "predikat", "p": 2},
    ],
    "programs": [
        {"k": "Program Pengelolaan Pendidikan", "a": "Rp. 45.000.000.000,-", "v": 45000000000.0, "n": "APBD", "p": 2},
        {"k": "Program Pendidik dan Tenaga Kependidikan", "a": "Rp. 2.500.000.000,-", "v": 2500000000.0, "n": "DAU", "p": 2},
    ],
    "jumlah": "Rp. 47.500.000.000,-",
    "expected": {
        "year": 2026, "revision": False, "opd": "Dinas Pendidikan", "region": "Kabupaten Bukit Permai",
        "first_party": {"name": "Ahmad Fauzi", "full_name": "Drs. H. AHMAD FAUZI, M.Si",
                        "position": "Kepala Dinas Pendidikan", "acting": None, "nip": "196804171993031006"},
        "second_party": {"name": "Rahmat Hidayat", "full_name": "H. RAHMAT HIDAYAT, S.E., M.M.", "position": "Bupati", "acting": None, "nip": None},
        "signed_place": "Bukit Permai", "signed_date": "2026-02-03",
        "total_anggaran": 47500000000.0, "total_mismatch": None,
    },
}

SP = "Meningkatnya kualitas infrastruktur jalan kabupaten"
F4_ESELON3 = {  # F4 paper, Kepala Bidang -> Plt. Kepala Dinas, both NIPs only under the signatures,
    # targets table broken over two pages with the header repeated and the sasaran left blank
    "render": {"pagesize": "F4", "lampiran_landscape": False, "ruled": True, "signing": "comma", "split_after": 6},
    "title": ["PERJANJIAN KINERJA TAHUN 2025", "BIDANG BINA MARGA",
              "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG KABUPATEN BUKIT PERMAI"],
    "first": {"full_name": "Ir. Budi Santoso, M.T.", "jabatan": "Kepala Bidang Bina Marga pada Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Bukit Permai",
              "nip": "19790305 200501 1 012", "pangkat": "Pembina (IV/a)", "opening_nip": False,
              "sig_name": "Ir. BUDI SANTOSO, M.T.", "sig_role": ["KEPALA BIDANG BINA MARGA,"]},
    "second": {"full_name": "Hj. Rina Marlina, S.T., M.Eng.", "jabatan": "Plt. Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Bukit Permai",
               "nip": "19720921 199803 2 003", "pangkat": "Pembina Utama Muda (IV/c)", "opening_nip": False,
               "sig_name": "Hj. RINA MARLINA, S.T., M.Eng.", "sig_role": ["Plt. KEPALA DINAS PEKERJAAN UMUM", "DAN PENATAAN RUANG,"]},
    "signed": ["Bukit Permai, 5 Feb 2025"],
    "targets": [
        {"s": SP, "i": f"Panjang jalan kabupaten ruas {n} dalam kondisi mantap", "u": "km", "t": f"{n},5", "v": n + 0.5, "unit": "km", "p": 2 if n <= 6 else 3}
        for n in range(1, 9)
    ] + [
        {"s": "Meningkatnya konektivitas antarwilayah", "i": "Jembatan dalam kondisi baik", "u": "unit", "t": "1.250", "v": 1250.0, "unit": "unit", "p": 3},
    ],
    "programs": [
        {"k": "Kegiatan Penyelenggaraan Jalan Kabupaten/Kota", "a": "Rp 8.750.000.000,00", "v": 8750000000.0, "n": "APBD", "p": 3},
        {"k": "Kegiatan Pembangunan Jembatan", "a": "Rp 1.250.000.000,00", "v": 1250000000.0, "n": "DAK Fisik", "p": 3},
    ],
    "jumlah": "Rp 10.000.000.000,00",
    "expected": {
        "year": 2025, "revision": False, "opd": "Dinas Pekerjaan Umum dan Penataan Ruang", "region": "Kabupaten Bukit Permai",
        "first_party": {"name": "Budi Santoso", "full_name": "Ir. Budi Santoso, M.T.",
                        "position": "Kepala Bidang Bina Marga", "acting": None, "nip": "197903052005011012"},
        "second_party": {"name": "Rina Marlina", "full_name": "Hj. Rina Marlina, S.T., M.Eng.",
                         "position": "Kepala Dinas Pekerjaan Umum dan Penataan Ruang", "acting": "Plt.", "nip": "197209211998032003"},
        "signed_place": "Bukit Permai", "signed_date": "2025-02-05",
        "total_anggaran": 10000000000.0, "total_mismatch": None,
    },
}

PJ_BUPATI = {  # the kepala daerah's own PK: one signatory, a Penjabat who is a civil servant (NIP)
    "render": {"pagesize": "A4", "lampiran_landscape": True, "ruled": True, "signing": "comma", "single": True},
    "title": ["PERJANJIAN KINERJA TAHUN 2025", "PEMERINTAH KABUPATEN BUKIT PERMAI"],
    "first": {"full_name": "Dr. H. Arifin Nasution, S.H., M.H.", "jabatan": "Pj. Bupati Bukit Permai",
              "nip": "19700101 199503 1 001", "pangkat": "Pembina Utama Madya (IV/d)", "opening_nip": True,
              "sig_name": "Dr. H. ARIFIN NASUTION, S.H., M.H.", "sig_role": ["Pj. BUPATI BUKIT PERMAI,"]},
    "second": None,
    "signed": ["Bukit Permai, 6 Januari 2025"],
    "targets": [
        {"s": "Meningkatnya kesejahteraan masyarakat", "i": "Indeks Pembangunan Manusia", "u": "poin", "t": "71,85", "v": 71.85, "unit": "poin", "p": 2},
        {"s": "Meningkatnya kesejahteraan masyarakat", "i": "Persentase penduduk miskin", "u": "%", "t": "7,15", "v": 7.15, "unit": "%", "p": 2},
        {"s": S3, "i": "Opini BPK atas LKPD", "u": "predikat", "t": "WTP", "v": None, "unit": "predikat", "p": 2},
        {"s": S3, "i": "Nilai SAKIP", "u": "predikat", "t": "BB", "v": None, "unit": "predikat", "p": 2},
    ],
    "programs": [],
    "jumlah": None,
    "expected": {
        "year": 2025, "revision": False, "opd": None, "region": "Kabupaten Bukit Permai",
        "first_party": {"name": "Arifin Nasution", "full_name": "Dr. H. Arifin Nasution, S.H., M.H.",
                        "position": "Bupati", "acting": "Pj.", "nip": "197001011995031001"},
        "second_party": None,
        "signed_place": "Bukit Permai", "signed_date": "2025-01-06",
        "total_anggaran": None, "total_mismatch": None,
    },
}

PERUBAHAN = {  # PK Perubahan, no Satuan column (units inside the target cell), Jumlah off by 1.000.000
    "render": {"pagesize": "A4", "lampiran_landscape": False, "ruled": True, "signing": "comma", "no_satuan": True},
    "title": ["PERJANJIAN KINERJA PERUBAHAN TAHUN 2025", "BADAN PERENCANAAN PEMBANGUNAN DAERAH", "KOTA SUNGAI HARAPAN"],
    "first": {"full_name": "Yusuf Harahap, S.E., M.Ec.Dev.", "jabatan": "Kepala Bappeda Kota Sungai Harapan",
              "nip": "19810214 200604 1 009", "pangkat": "Pembina Tk. I (IV/b)", "opening_nip": True,
              "sig_name": "YUSUF HARAHAP, S.E., M.Ec.Dev.", "sig_role": ["KEPALA BAPPEDA,"]},
    "second": {"full_name": "Dr. H. Maulana, M.K.M.", "jabatan": "Wali Kota Sungai Harapan", "nip": None,
               "sig_name": "Dr. H. MAULANA, M.K.M.", "sig_role": ["WALI KOTA SUNGAI HARAPAN,"]},
    "signed": ["Sungai Harapan, 15 Oktober 2025"],
    "targets": [
        {"s": "Meningkatnya kualitas perencanaan pembangunan", "i": "Persentase konsistensi program RPJMD dan RKPD", "u": None, "t": "98,5 %", "v": 98.5, "unit": "%", "p": 2},
        {"s": "Meningkatnya kualitas perencanaan pembangunan", "i": "Indeks kualitas dokumen perencanaan", "u": None, "t": "72,40 Nilai", "v": 72.4, "unit": "Nilai", "p": 2},
        {"s": "Menurunnya angka kematian ibu", "i": "Angka kematian ibu", "u": None, "t": "25 per 100.000 penduduk", "v": 25.0, "unit": "per 100.000 penduduk", "p": 2},
        {"s": "Menurunnya angka kematian ibu", "i": "Opini BPK", "u": None, "t": "WTP", "v": None, "unit": None, "p": 2},
    ],
    "programs": [
        {"k": "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "a": "Rp. 500.000.000,-", "v": 500000000.0, "n": "APBD-P", "p": 2},
        {"k": "Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah", "a": "Rp 1.234.567.890,00", "v": 1234567890.0, "n": "APBD", "p": 2},
    ],
    "jumlah": "Rp 1.735.567.890,00",
    "expected": {
        "year": 2025, "revision": True, "opd": "Badan Perencanaan Pembangunan Daerah", "region": "Kota Sungai Harapan",
        "first_party": {"name": "Yusuf Harahap", "full_name": "Yusuf Harahap, S.E., M.Ec.Dev.",
                        "position": "Kepala Badan Perencanaan Pembangunan Daerah", "acting": None, "nip": "198102142006041009"},
        "second_party": {"name": "Maulana", "full_name": "Dr. H. Maulana, M.K.M.", "position": "Wali Kota", "acting": None, "nip": None},
        "signed_place": "Sungai Harapan", "signed_date": "2025-10-15",
        "total_anggaran": 1735567890.0, "total_mismatch": 1000000.0,
    },
}

CASES = {
    "kota_dinkes_portrait_ruled": KOTA_DINKES,
    "kab_disdik_landscape_unruled": KAB_DISDIK,
    "kab_pupr_f4_eselon3_pagebreak": F4_ESELON3,
    "kab_pj_bupati_single_signatory": PJ_BUPATI,
    "kota_bappeda_perubahan_mismatch": PERUBAHAN,
}
