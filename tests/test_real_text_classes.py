"""One test per class of failure seen on real published text (issue "Real text"), each on
invented text: the people, quotes and figures below are fictional, the regions real."""
from __future__ import annotations

import pytest

from extract import Extractor
from models import Document


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def run(extractor, text, published="2025-04-22", url=None):
    return extractor.extract(Document(raw=b"", text=text, kind="text", published=published, url=url)).to_dict()


def people(result):
    return {o["name"]: o for o in result["officials"]}


# --- headlines and duplicates -----------------------------------------------------------------

def test_headline_is_not_a_commitment_and_no_sentence_twice(extractor):
    text = ("Wali Kota Minta Camat Percepat Layanan KTP\n"
            "PALU – Wali Kota Palu, Hadianto Rasyid, meminta seluruh camat mempercepat layanan KTP elektronik, "
            "Selasa (22/4/2025).\n"
            "“Saya minta camat turun langsung ke kelurahan. Jangan menunggu warga datang,” kata Hadianto.")
    result = run(extractor, text)
    texts = [c["text"] for c in result["commitments"]]
    assert not any(t.startswith("Wali Kota Minta Camat") for t in texts)
    assert len(texts) == len(set(texts))
    assert [q["text"][:12] for q in result["quotes"]] == ["Saya minta c"]
    quoted = [c for c in result["commitments"] if c["quoted"]]
    assert [c["text"][:20] for c in quoted] == ["Saya minta camat tur", "Jangan menunggu warg"]


# --- speakers are people ------------------------------------------------------------------------

def test_regions_units_and_fractions_are_not_officials(extractor):
    text = ("ASAHAN – Penandatanganan dihadiri Wakil Bupati Asahan, Sekretaris Daerah (Sekda), Asisten dan "
            "para camat. Bupati Asahan H. Surya Darma, B.Sc, meminta kepala OPD bekerja sungguh-sungguh.\n"
            "“Saya berharap saudara-saudara menyelaraskan dokumen perencanaan,” kata Bupati Asahan.")
    result = run(extractor, text)
    names = set(people(result))
    assert names == {"Surya Darma"}
    assert [q["speaker"] for q in result["quotes"]] == ["Surya Darma"]


def test_headline_words_after_a_title_are_not_a_name(extractor):
    text = ("Bupati Lebong Tak Pernah Lagi Ngantor, Warga Bertanya\n"
            "LEBONG – Sekretaris Daerah Lebong, Mustarani Abidin, mengaku belum mendapat kabar, Senin (21/4).")
    assert set(people(run(extractor, text))) == {"Mustarani Abidin"}


# --- the right speaker ------------------------------------------------------------------------------

def test_nickname_and_nya_verb_after_the_quote(extractor):
    text = ("PURBALINGGA – Bupati Purbalingga Dyah Ayu Lestari (Ayu) meninjau posyandu, Senin (21/4/2025). "
            "Sekretaris Daerah Purbalingga, Hendra Gunawan, melaporkan kegiatan itu lebih dulu.\n"
            "“Angka stunting di kecamatan ini masih harus kita turunkan,” tegasnya.\n"
            "Bupati Ayu juga meminta bidan desa mendata ulang balita.\n"
            "“Nanti akan kami evaluasi setiap tiga bulan,” ujar Ayu.")
    result = run(extractor, text)
    assert [q["speaker"] for q in result["quotes"]] == ["Hendra Gunawan", "Dyah Ayu Lestari"]
    speakers = {c["text"][:20]: c["speaker"] for c in result["commitments"]}
    assert speakers["Bupati Ayu juga memi"] == "Dyah Ayu Lestari"
    assert len(people(result)) == 2  # "Bupati Ayu" is the same person, not a second official


def test_reported_speech_continues_the_last_speaker(extractor):
    text = ("SOLOK – Bupati Solok, Epyardi Salim, menandatangani perjanjian kinerja, Rabu (16/4/2025). "
            "Menurut Epyardi, perjanjian kinerja bukan formalitas.\n"
            "Perangkat daerah harus dapat mengawal pelaksanaan kegiatan di bidang masing-masing.")
    commitment = run(extractor, text)["commitments"][-1]
    assert (commitment["kind"], commitment["speaker"]) == ("instruction", "Epyardi Salim")


# --- titles ---------------------------------------------------------------------------------------

def test_dprd_titles_are_expanded(extractor):
    text = ("BLITAR – Rapat paripurna dipimpin Ketua DPRD Kabupaten Blitar, Suwito Hadi, didampingi Wakil Ketua "
            "DPRD, Heri Santoso dan Susi Narwati. Anggota Komisi II DPRD Blitar, Ahmad Yani, menyampaikan "
            "pandangan fraksi. Sekretaris DPRD Blitar, Tri Wahyuni, membacakan tata tertib, Selasa (22/4/2025).")
    found = {n: o["position"] for n, o in people(run(extractor, text)).items()}
    assert found == {
        "Suwito Hadi": "Ketua Dewan Perwakilan Rakyat Daerah",
        "Heri Santoso": "Wakil Ketua Dewan Perwakilan Rakyat Daerah",
        "Susi Narwati": "Wakil Ketua Dewan Perwakilan Rakyat Daerah",
        "Ahmad Yani": "Anggota Komisi II Dewan Perwakilan Rakyat Daerah",
        "Tri Wahyuni": "Sekretaris Dewan Perwakilan Rakyat Daerah",
    }


def test_fraction_speakers_are_dprd_members(extractor):
    text = ("MALANG – Pendapat akhir fraksi dibacakan bergantian oleh FPKB Arif Wahyono, F-Gerindra Lelly Santi "
            "dan Fraksi PKS Rokhim, Rabu (16/4/2025).")
    found = people(run(extractor, text))
    assert set(found) == {"Arif Wahyono", "Lelly Santi", "Rokhim"}
    assert {o["position"] for o in found.values()} == {"Anggota Dewan Perwakilan Rakyat Daerah"}


def test_ministers_and_staff_titles_keep_their_agency(extractor):
    text = ("SEKADAU – Menteri PAN-RB, Budi Satriawan, meresmikan mal pelayanan publik. Staf Ahli Bupati Bidang "
            "Ekonomi dan Pembangunan, Rina Kartika, serta Kepala Bidang Pencegahan dan Penanggulangan Penyakit "
            "(P2P) Dinas Kesehatan Kabupaten Sekadau, Hamdan Nasution, turut hadir, Selasa (22/4/2025).")
    found = people(run(extractor, text))
    minister = found["Budi Satriawan"]
    assert (minister["position"], minister["opd"], minister["region"]) == (
        "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", None)
    assert found["Rina Kartika"]["position"] == "Staf Ahli Bupati Bidang Ekonomi dan Pembangunan"
    kabid = found["Hamdan Nasution"]
    assert (kabid["position"], kabid["opd"]) == ("Kepala Bidang Pencegahan dan Penanggulangan Penyakit", "Dinas Kesehatan")


# --- agencies outside the standard list --------------------------------------------------------------

def test_units_below_the_region_and_national_bodies(extractor):
    text = ("KUTAI TIMUR – Camat Sangatta Utara, Hasnah Wati, dan Kepala Desa Teluk Lingga, Darmawan, menerima "
            "tim dari Kemendagri dan BKKBN, Senin (21/4/2025). Plt Kepala Dinas Koperasi UMKM dan Industri, "
            "Syamsul Bahri, menyiapkan data.")
    result = run(extractor, text)
    opds = {(o["name"], o["region"]) for o in result["opds"]}
    assert ("Kecamatan Sangatta Utara", "Kabupaten Kutai Timur") in opds
    assert ("Desa Teluk Lingga", "Kabupaten Kutai Timur") in opds
    assert ("Kementerian Dalam Negeri", None) in opds
    assert ("Badan Kependudukan dan Keluarga Berencana Nasional", None) in opds
    assert ("Dinas Koperasi UMKM dan Industri", "Kabupaten Kutai Timur") in opds
    assert people(result)["Syamsul Bahri"]["acting"] == "Plt."


# --- names ------------------------------------------------------------------------------------------

def test_names_with_initials_glued_prefixes_and_ranks(extractor):
    text = ("MANOKWARI – Penjabat Gubernur Papua Barat Komjen Pol (Purn) Drs.Paulus Wanggai M.Si membuka rapat. "
            "Walikota Sorong Arief R Sapulete dan Kabid Dikdas Disdik Sorong, P Sidabutar, hadir, Senin (21/4/2025).")
    found = people(run(extractor, text))
    assert set(found) == {"Paulus Wanggai", "Arief R Sapulete", "P Sidabutar"}
    assert (found["Paulus Wanggai"]["acting"], found["Paulus Wanggai"]["position"]) == ("Pj.", "Gubernur")


# --- dates ------------------------------------------------------------------------------------------

def test_year_of_a_yearless_date_from_the_url_or_the_text(extractor):
    text = "BOJONEGORO – Kepala Bapenda Bojonegoro, Achmad Gunadi, memaparkan target PAD tahun 2025, Rabu (12/2)."
    from_text = run(extractor, text, published=None)
    assert [d["date"] for d in from_text["dates"]] == ["2025-02-12"]
    from_url = run(extractor, text.replace("tahun 2025", "tahun ini"), published=None,
                   url="https://berita.example/2025/02/bapenda-target-pad")
    assert [d["date"] for d in from_url["dates"]] == ["2025-02-12"]
    wrong_weekday = run(extractor, text.replace("Rabu", "Kamis").replace("tahun 2025", "tahun ini"), published=None)
    assert wrong_weekday["dates"] == []  # no year agrees with the weekday: no date rather than a wrong one


def test_stamps_and_letter_dates_are_not_event_dates(extractor):
    text = ("Bupati Lebak Ingatkan Warga\n"
            "Noer Santoso - Selasa, 27 Mei 2025\n"
            "LEBAK – Penunjukan itu berdasarkan surat Nomor 131/2948 tanggal 24 Mei 2025. Kepala Pelaksana BPBD "
            "Lebak, Kaprawi Hidayat, meninjau sungai, Senin (26/5/2025), dan kembali Rabu (28/5/25).")
    result = run(extractor, text, published="2025-05-27")
    assert [d["date"] for d in result["dates"]] == ["2025-05-26", "2025-05-28"]


def test_antara_style_bare_weekday_is_the_publication_day(extractor):
    text = "Jakarta (ANTARA) - Camat Penjaringan, Depika Romadi, memastikan pipa air diperbaiki, kata dia, Rabu."
    assert [d["date"] for d in run(extractor, text, published="2022-01-12")["dates"]] == ["2022-01-12"]


# --- commitments ----------------------------------------------------------------------------------

def test_commitments_without_a_speech_verb_and_with_numbers(extractor):
    text = ("BENGKULU – Kepala Dinas Perumahan Kota Bengkulu, Yudi Saputra, memaparkan program bedah rumah, "
            "Selasa (22/4/2025). Tahun depan, lanjut Yudi, jumlah rumah tidak layak huni ditargetkan turun menjadi "
            "300 unit. Ia juga meminta lurah mendata ulang penerima bantuan. Dari target itu, realisasinya baru 40 unit.")
    kinds = [(c["kind"], c["speaker"], c["target_value"]) for c in run(extractor, text)["commitments"]]
    assert kinds == [("target", "Yudi Saputra", 300.0), ("instruction", "Yudi Saputra", None)]


def test_rules_restated_schedules_and_hedges_are_not_commitments(extractor):
    text = ("LANDAK – Kepala BKPSDM Landak, Marsianus Jaya, menjelaskan aturan pelantikan, Senin (21/4/2025). "
            "Sesuai peraturan, bupati harus mendapat izin Mendagri. Rapat berikutnya digelar pekan depan. "
            "Kami berharap izin segera turun. Total pejabat yang akan dilantik 40 orang.\n"
            "“Pastikan berkas lengkap sebelum Jumat,” katanya.")
    commitments = run(extractor, text)["commitments"]
    assert [(c["kind"], c["text"][:18]) for c in commitments] == [("instruction", "Pastikan berkas le")]


def test_appointment_list_gives_each_name_its_new_post(extractor):
    text = ("BATANG – Berikut daftar pejabat yang dilantik, Senin (1/7/2024). Wilopo dari Asisten 1 dan Plt Kepala "
            "Disdukcapil menjadi Kepala Dinsos. Dwi Riyanto dari Plt Kepala Badan Kepegawaian Daerah menjadi "
            "Kepala Dinas Pendidikan.")
    found = {n: o["position"] for n, o in people(run(extractor, text, published="2024-07-01")).items()}
    assert found == {"Wilopo": "Kepala Dinas Sosial", "Dwi Riyanto": "Kepala Dinas Pendidikan"}


def test_quotation_marks_as_sites_type_them(extractor):
    text = ("MAGETAN – Sekretaris Dinas Pendidikan Magetan, Dian Purwati, meninjau sekolah, Rabu (20/11/2024).\n"
            "”Semua sekolah itu ya semua ada, tetapi tetap kita filter,” katanya.\n"
            "“Atap timbulnya dari situ, dari air masuk itu,“ kata Dian saat meninjau lokasi.\n"
            "\"Neng desa kene jarene enek emas\n\nSenaoso abot tetep tak urusi,\" kata Dian lagi.")
    quotes = run(extractor, text, published="2024-11-20")["quotes"]
    assert [q["text"][:20] for q in quotes] == ["Semua sekolah itu ya", "Atap timbulnya dari ", "Neng desa kene jaren"]
    assert {q["speaker"] for q in quotes} == {"Dian Purwati"}


def test_acting_before_an_agency_adat_titles_and_a_name_before_its_title(extractor):
    text = ("BANDA ACEH – Guru harus dekat, ujar Pelaksana Tugas Harian (Plh) Disdik Aceh, Asbarudin, Selasa (22/4/2025). "
            "Perjanjian diteken Bupati Agam H. Indra Cahyadi Dt. Malako Nan Putiah. Barang disita, kata Roy Sudarta "
            "Ahli Muda Satuan Polisi Pamong Praja Kota Pasuruan.")
    found = people(run(extractor, text))
    assert (found["Asbarudin"]["acting"], found["Asbarudin"]["position"]) == ("Plh.", "Kepala Dinas Pendidikan")
    assert "Indra Cahyadi" in found
    assert found["Roy Sudarta"]["position"] == "Ahli Muda Satuan Polisi Pamong Praja"


def test_degrees_typed_apart_and_village_posts(extractor):
    text = ("PADANG PANJANG – Rapat paripurna dipimpin Ketua DPRD Kota Padang Panjang Mardian Syahputra A. Md, "
            "Rabu (17/6/2020). Dalam keputusan tersebut, Artini ditunjuk sebagai Penjabat Kepala Desa Persiapan "
            "Sangatta Prima, Kabupaten Kutai Timur.")
    found = people(run(extractor, text, published="2020-06-17"))
    assert found["Mardian Syahputra"]["position"] == "Ketua Dewan Perwakilan Rakyat Daerah"
    assert "Sangatta Prima" not in found


def test_dates_in_prose_hoped_dates_and_caption_credits(extractor):
    text = ("KOBAR – Pelantikan pertama digelar pada 19/9/2016 lalu, dan penugasan Plh ditetapkan pada 3 Februari "
            "lalu. Pemkab berharap 3 Januari 2017 izin bisa turun.\n"
            "Petugas memeriksa instalasi air, Jumat (9/1/2009). FOTO ANTARA/Fulan\n"
            "Kepala BKD Kobar, Heriyanto, menunggu izin, Senin (2/1/2017).")
    dates = [d["date"] for d in run(extractor, text, published="2017-01-03")["dates"]]
    assert dates == ["2016-09-19", "2016-02-03", "2017-01-02"]  # "3 Februari lalu": the last one before publication


def test_a_list_of_agencies_gives_each_member(extractor):
    text = ("JAMBI – Rapat dihadiri Dinas Perhubungan, Disperindag, dan DLH Kota Jambi, Senin (3/2/2025). "
            "Sementara itu Camat Kota Baru, Hendra Wijaya, menyiapkan lokasi.")
    opds = {o["name"] for o in run(extractor, text, published="2025-02-04")["opds"]}
    assert opds == {"Dinas Perhubungan", "Dinas Perindustrian dan Perdagangan", "Dinas Lingkungan Hidup",
                    "Kecamatan Kota Baru"}


# --- commitment kinds as real articles write them ------------------------------------------------

@pytest.mark.parametrize("sentence, kind", [
    # a reminder with "untuk" tells its addressees what to do, also after a past remark
    ("Bupati juga mengingatkan para camat untuk berhati-hati dalam pengadaan barang.", "instruction"),
    ("Bupati mengingatkan kepala puskesmas agar tidak lagi memakai ambulans seperti yang pernah dilakukan sebelumnya.",
     "instruction"),
    # an order after a condition
    ("Kalau lurah menemukan saluran tersumbat, segera koordinasikan dengan Dinas PUPR.", "instruction"),
    # setting a deadline for others
    ("Camat memberikan target waktu kepada para kepala desa untuk menyelesaikan laporan.", "target"),
    # a cue inside a sentence-initial purpose clause says why, not what
    ("Untuk menjamin transparansi, Pemkot membuka posko pengaduan di kantor inspektorat.", None),
    # a denied cue, an apology, a predicate nobody does, a year that is not an amount
    ("Permasalahan ini tidak bisa diselesaikan sendiri-sendiri.", None),
    ("Ia meminta maaf kepada seluruh warga atas keterlambatan itu.", None),
    ("Masa jabatan penjabat bupati akan berakhir pada Mei mendatang.", None),
    ("Target itu hampir sama dengan target 2022 lalu.", None),
    ("Dari Dinas Lingkungan Hidup dengan target Rp200 juta terealisasi Rp1.250.000.", None),
    ("Mudah-mudahan bantuan ini meringankan keluarga korban sampai 40 hari ke depan.", None),
    # an official's title as the one who acts
    ("Meski bukan jalan kabupaten, Bupati Trenggalek akan menganggarkan perbaikannya dalam APBD 2026.", "pledge"),
])
def test_commitment_kinds_of_real_sentences(sentence, kind):
    from extract.commitments import classify
    assert classify(sentence, quoted="segera koordinasikan" in sentence) == kind


def test_areas_after_a_region_and_a_lower_case_title_in_brackets(extractor):
    text = ("Warga Minta Jalan Diperbaiki\n"
            "BANGKALAN – Pj Bupati Bangkalan, Madura, Jawa Timur, Arief Wibowo mengimbau camat turun ke desa. "
            "Saya bersama Yodi Pratama (anggota DPRD) hadir dalam pertemuan itu. "
            "Sementara itu, Kepala Satuan Polisi Pamong Praja (Kasatpol PP) Kota Madiun, Agus Santoso, hadir.")
    found = people(run(extractor, text))
    assert found["Arief Wibowo"]["acting"] == "Pj." and found["Arief Wibowo"]["region"] == "Kabupaten Bangkalan"
    assert found["Yodi Pratama"]["position"] == "Anggota Dewan Perwakilan Rakyat Daerah"
    assert "Satuan Polisi Pamong Praja" not in found and "Agus Santoso" in found


@pytest.mark.parametrize("sentence, kind", [
    ("Kepala Bapenda menyampaikan pihaknya akan terus berupaya memenuhi target pajak.", "pledge"),  # effort is pledged
    ("Semua jembatan merupakan aset Pemkot sehingga pemerintah yang akan melakukan perawatan.", "pledge"),  # cleft
    ("Salah satu usulan yang akan dibahas adalah tarif parkir.", None),  # someone else's relative clause
])
def test_pledges_of_effort_and_clefts(sentence, kind):
    from extract.commitments import classify
    assert classify(sentence) == kind


def test_agency_names_as_articles_write_them(extractor):
    text = ("Sidak Pelayanan\n"
            "Bupati lepas sambut Dirut RSUD RSUD Mawar Prawira, Rabu (6/9/2023). Direktur RSUD dr Mawar Prawira "
            "hadir. Pelayanan di RSUD ini meningkat. Apel di Rumah Sakit Umum Daerah (RSUD) Ratu Aji Putri Botung "
            "(RAPB) Penajam. DPRD membatalkan RDP dengan Dinas Tata Kota dan Perumahan (Disperkim). Bupati sidak "
            "ke Kantor Dinas Pemadam Kebakaran dan Penyelamatan (Damkarmat). Dinas Sosial dan Dinas Satuan Polisi "
            "Pamong Praja (Satpol PP) siaga. Data Dinas Kesehatan Kota (DKK) Semarang menunjukkan itu. "
            "Dinas Dukcapil melayani warga.")
    names = {o["name"] for o in run(extractor, text)["opds"]}
    assert {"Rumah Sakit Umum Daerah dr. Mawar Prawira", "Rumah Sakit Umum Daerah Ratu Aji Putri Botung",
            "Dinas Tata Kota dan Perumahan", "Dinas Pemadam Kebakaran dan Penyelamatan",
            "Satuan Polisi Pamong Praja", "Dinas Kesehatan", "Dinas Kependudukan dan Pencatatan Sipil"} <= names
    assert not names & {"Dinas Tata", "Kantor Dinas Pemadam Kebakaran dan Penyelamatan",
                        "Dinas Satuan Polisi Pamong Praja", "Dinas Kesehatan Kota", "Dinas Dukcapil"}

    # one hospital in the text: its generic mentions ("RSUD ini") are that hospital
    one = run(extractor, "Sidak\nDirut RSUD RSUD Mawar Prawira, Rabu (6/9/2023). Direktur RSUD dr Mawar Prawira "
                         "hadir. Pelayanan di RSUD ini meningkat.")
    assert [o["name"] for o in one["opds"]] == ["Rumah Sakit Umum Daerah dr. Mawar Prawira"]


def test_one_name_typed_two_ways_is_one_official_and_a_fraction_is_not_a_name(extractor):
    text = ("Jalan Rusak Ditinjau\n"
            "TRENGGALEK – Bupati Trenggalek Mochamad Nur Hakim meninjau jalan, Rabu (10/5/2023). "
            "“Tetap saya urusi,” kata Bupati Trenggalek Mochammad Nur Hakim. "
            "Bupati Jayawijaya Jhon R Manua hadir. Bupati Jayawijaya Jhon Richard Manua berjanji akan membantu. "
            "Anggota DPRD Luwu F-Nasdem, Arbi Arsad, meninjau sekolah. Anggota DPRD Luwu Arby Arsad juga hadir.")
    found = people(run(extractor, text))
    assert len([n for n in found if n.endswith("Nur Hakim")]) == 1
    assert len([n for n in found if n.endswith("Manua")]) == 1 and "Jhon Richard Manua" in found
    assert len([n for n in found if n.endswith("Arsad")]) == 1 and "F-Nasdem" not in found
    # different people with one surname stay apart
    two = people(run(extractor, "Rapat\nKepala Dinas Kesehatan Rudi Santoso dan Kepala Dinas Pendidikan Budi Santoso hadir."))
    assert {"Rudi Santoso", "Budi Santoso"} <= set(two)


def test_a_director_without_an_agency_and_an_enterprise_director(extractor):
    found = people(run(extractor, "Lepas Sambut\nBupati meyakini, Plt Dirut Sri Nurlela memiliki kinerja matang. "
                                  "Dirut PDAM Tirta Jaya Budi Santoso hadir."))
    assert found["Sri Nurlela"]["position"] == "Direktur Utama" and found["Sri Nurlela"]["acting"] == "Plt."
    assert not any("Tirta" in n for n in found)


def test_an_agentless_order_right_after_an_official_is_theirs(extractor):
    text = ("PPDB Diawasi\n"
            "PONTIANAK – Gubernur Kalimantan Barat Sutarmidji meminta PPDB SMA tahun 2022 berjalan lancar. "
            "Kepala sekolah diminta memastikan PPDB berjalan transparan.\n"
            "Di tempat lain, musim hujan tiba. Jalan-jalan tergenang dan banyak pohon tumbang di pinggir kota, "
            "sementara warga sibuk membersihkan rumah mereka dari lumpur sejak pagi hari hingga sore hari. "
            "Pedagang pasar juga mengeluhkan sepinya pembeli karena hujan turun terus-menerus sejak Senin pagi. "
            "Setiap sekolah diminta mengaktifkan kembali kegiatan jumat bersih.")
    found = {c["text"][:20]: c["speaker"] for c in run(extractor, text)["commitments"]}
    assert found["Kepala sekolah dimint"[:20]] == "Sutarmidji"
    assert found["Setiap sekolah dimint"[:20]] is None  # nobody named near it: no one person's order


@pytest.mark.parametrize("sentence, kind", [
    # an obligation put on others before a pledge verb is an order; on oneself it stays a pledge
    ("Orang tua harus aktif memastikan anak minum obat cacing.", "instruction"),
    ("Kami harus memastikan pasien pulang dengan perasaan baik.", "pledge"),
    # an order with a deadline or a minimum to reach sets a target (FIELD_GUIDE: target before directive)
    ("Ia meminta pengelola menghapus pungutan paling lambat akhir Juni 2025.", "target"),
    ("Ia meminta setiap desa memasukkan minimal tiga unit rumah tidak layak huni.", "target"),
    # a dated pledge with no figure to reach stays a pledge
    ("Pemkab tahun depan akan memberlakukan kartu retribusi.", "pledge"),
    # "semaksimal mungkin" intensifies, it does not hedge; "diupayakan" hedges (FIELD_GUIDE)
    ("Kami akan menyalurkan bantuan semaksimal mungkin.", "pledge"),
    ("Perbaikan jalan itu diupayakan akan selesai tahun ini.", None),
])
def test_kinds_where_cues_meet(sentence, kind):
    from extract.commitments import classify
    assert classify(sentence) == kind


@pytest.mark.parametrize("sentence", [
    "Peraturan menteri tersebut mewajibkan kepala daerah menyusun perjanjian kinerja.",  # a rule restated
    "Dengan mal pelayanan publik ini, masyarakat tidak harus pindah dari dinas ke dinas.",  # no obligation
    "Kepala dinas menyebutkan PPDB 2024 akan mulai dibuka tanggal 3 Juli 2024.",  # a schedule announced
    "Ia menekankan bahwa desa merupakan garda terdepan dalam memastikan setiap kebijakan berjalan.",  # a role
])
def test_statements_that_look_like_commitments(sentence):
    from extract.commitments import classify
    assert classify(sentence) is None


@pytest.mark.parametrize("sentence, quoted, kind", [
    ("Tinggal pertahankan akreditasi paripurna yang sudah diraih.", True, "instruction"),
    ("Jaga diri dalam menjalankan tugas, agar ketika pensiun nanti tenang.", True, "instruction"),
    ("Cabut peralatan listrik jika sudah tidak digunakan.", True, "instruction"),
    ("Perbaikan jalan itu dikerjakan pekan ini.", True, None),  # a noun, not an order
])
def test_orders_as_people_give_them(sentence, quoted, kind):
    from extract.commitments import classify
    assert classify(sentence, quoted=quoted) == kind


def test_an_ambiguous_abbreviation_settled_by_the_subject(extractor):
    lantik = ("Pelantikan Pejabat\nBupati melantik 20 pejabat eselon II. Mutasi dan rotasi jabatan itu disiapkan BKD. "
              "Kepala BKD Dwi Riyanto mengatakan ASN yang dilantik segera bertugas.")
    apbd = ("Paripurna APBD\nFraksi menyoroti belanja daerah dalam APBD 2026. Kepala BKD Syafwal menjelaskan "
            "pendapatan dan pajak daerah naik, sementara anggaran belanja pegawai turun.")
    neither = "Rapat\nKepala BKD Budi Santoso hadir dalam rapat."
    assert people(run(extractor, lantik))["Dwi Riyanto"]["position"] == "Kepala Badan Kepegawaian Daerah"
    assert people(run(extractor, apbd))["Syafwal"]["position"] == "Kepala Badan Keuangan Daerah"
    assert people(run(extractor, neither))["Budi Santoso"]["position"] == "Kepala BKD"  # unknown stays unknown


def test_unit_abbreviations_in_a_position_are_expanded(extractor):
    found = people(run(extractor, "Sekolah Rusak\nKabid Dikdas Disdik Tanjab Timur, P Sidabutar mengatakan itu."))
    assert found["P Sidabutar"]["position"] == "Kepala Bidang Pendidikan Dasar"
    assert found["P Sidabutar"]["opd"] == "Dinas Pendidikan"


def test_the_member_who_reads_a_fraction_view(extractor):
    found = people(run(extractor, "Paripurna\nPendapat akhir dibacakan mulai dari FPDIP oleh Iwan Mahendra, FPKB "
                                  "Arif Wahyudi, lalu Fraksi Golkar yang dibacakan Dr. Novi Hendri, SE, M. Si."))
    assert {"Iwan Mahendra", "Arif Wahyudi", "Novi Hendri"} <= set(found)
    assert found["Novi Hendri"]["position"] == "Anggota Dewan Perwakilan Rakyat Daerah"


@pytest.mark.parametrize("sentence, kind", [
    ("Awal tahun saya minta dilakukan penyegaran dan rolling pejabat.", "target"),  # a deadline
    ("Ia meminta target seluruh tahapan pengadaan selesai sebelum Hari Raya Idulfitri.", "target"),
    ("Ia meminta Inspektorat melakukan pendampingan sejak awal tahun.", "instruction"),  # since, not by
])
def test_deadlines_as_articles_write_them(sentence, kind):
    from extract.commitments import classify
    assert classify(sentence) == kind


def test_a_pronoun_stands_for_the_subject_of_the_sentence_before(extractor):
    text = ("Bupati Tak di Kantor\n"
            "LEBONG – Sekretaris Daerah Kabupaten Lebong, Mustar Abidin tak banyak berkomentar terkait tidak "
            "adanya Bupati Lebong, Kopli Ansar di kantor, Senin (3/6/2024). Namun dirinya memastikan roda "
            "pemerintahan tetap berjalan sebagaimana mestinya.")
    found = [c["speaker"] for c in run(extractor, text)["commitments"] if c["text"].startswith("Namun dirinya")]
    assert found == ["Mustar Abidin"]


def test_study_and_effort_hedges_and_a_bulleted_repeat(extractor):
    from extract.commitments import classify
    assert classify("Memang agak sulit tapi tetap akan kami kaji dulu kemampuan APBD kita.", quoted=True) is None
    assert classify("Ia mengatakan akan mengusahakan agar pagar sekolah segera diperbaiki.") is None
    text = ("Air Bersih\n• Wali Kota Jakut minta warga lapor RT/RW kalau kesulitan air bersih\n"
            "JAKARTA – Wali Kota Jakarta Utara Ali Hakim meninjau warga, Senin (3/6/2024).\n"
            "Wali Kota Jakut minta warga lapor RT/RW kalau kesulitan air bersih.")
    texts = [c["text"] for c in run(extractor, text)["commitments"]]
    assert len([t for t in texts if "lapor RT/RW" in t]) == 1


@pytest.mark.parametrize("sentence, quoted, kind", [
    ("Para keuchik juga dituntut merencanakan dan mempertanggungjawabkan dana desa.", False, "instruction"),
    ("Nah, ini tugas utama kalian mengurus perubahan KTP warga.", True, "instruction"),
    ("Tahun lalu banyak capaian yang sudah diraih, tapi harus terdapat koreksi untuk perencanaan tahun ini.", False,
     "instruction"),
    ("Tahun lalu kepala dinas harus mengganti seluruh pegawai honorer.", False, None),  # told as past
])
def test_orders_in_the_passive_to_you_and_after_a_past_remark(sentence, quoted, kind):
    from extract.commitments import classify
    assert classify(sentence, quoted=quoted) == kind


@pytest.mark.parametrize("sentence, quoted, kind", [
    ("Setiap perubahan indikator wajib dilaporkan ke Bagian Organisasi paling lambat akhir Oktober.", False, "target"),
    ("Jangan sampai tahun depan pompanya rusak lalu dibiarkan.", True, "instruction"),  # a warning, no deadline
    ("Mana alat yang masih bisa diperbaiki, berapa biayanya, segera usulkan.", True, "instruction"),
])
def test_must_with_a_deadline_and_an_order_closing_a_sentence(sentence, quoted, kind):
    from extract.commitments import classify
    assert classify(sentence, quoted=quoted) == kind


def test_a_regional_government_speaks_through_its_head(extractor):
    text = ("Krisis Air Bersih\n"
            "MAMUJU – Gubernur Sulawesi Barat Suhardi Dako merespons keresahan warga soal air bersih, Senin "
            "(3/6/2024). Untuk itu, Pemprov Sulbar akan turun tangan dengan bantuan anggaran BTT. "
            "Pemerintah pusat akan menambah bantuan sumur bor.")
    found = {c["text"][:20]: c["speaker"] for c in run(extractor, text)["commitments"]}
    assert found["Untuk itu, Pemprov S"] == "Suhardi Dako"
    assert found.get("Pemerintah pusat aka") is None  # not the region's government


def test_a_target_set_earlier_by_others_is_background():
    from extract.commitments import classify
    assert classify("Ia menyampaikan bahwa Pemerintah Pusat telah menetapkan target penurunan stunting 18,8 persen.") is None
    assert classify("Kami menargetkan stunting turun menjadi 12 persen pada akhir 2026.", quoted=True) == "target"


def test_a_quotation_opened_curly_and_closed_straight(extractor):
    text = ("Tiga Penjabat Dilantik\nJAYAPURA – Gubernur Papua Lukas Enembe melantik tiga penjabat bupati, Senin "
            "(16/11/2015). Penjabat Bupati Waropen, FX Motte hadir.\n\n"
            "“Ada beberapa bupati yang akan mengakhiri masa jabatan tahun ini,\" ungkap Gubernur saat melantik.\n")
    quotes = run(extractor, text, published="2015-11-17")["quotes"]
    assert [(q["speaker"], q["text"][:10]) for q in quotes] == [("Lukas Enembe", "Ada bebera")]


def test_haji_muhammad_glued_acronyms_and_a_name_with_its_surname_later(extractor):
    text = ("Pelantikan Eselon\nMAKASSAR – Gubernur Sulawesi Selatan HM Nurdin Amin dan Wakil Gubernur Sulsel Andi "
            "Sudirman tak hadir saat pelantikan, Senin (3/6/2024). Wakil Gubernur Sulsel, Andi Sudirman Sulaiman "
            "sedang berada di Sidrap. Hadir perwakilan Dirjen Bina Pembangunan Daerah Kemendagri dan Direktur RSUD RAPB.")
    found = people(run(extractor, text))
    assert "M Nurdin Amin" in found and found["M Nurdin Amin"]["position"] == "Gubernur"
    assert [n for n in found if n.startswith("Andi Sudirman")] == ["Andi Sudirman Sulaiman"]
    assert not {"Kemendagri", "RAPB"} & set(found)


def test_a_hospital_named_after_a_doctor_is_not_its_director(extractor):
    found = people(run(extractor, "Lepas Sambut\nTatu melepas Dirut RSUD dr. Mawar Prawira, Rabu (6/9/2023). "
                                  "Dirut RSUD Luwuk, Budi Santoso, hadir."))
    assert "Mawar Prawira" not in found
    assert found["Budi Santoso"]["opd"] == "Rumah Sakit Umum Daerah Luwuk"


def test_an_agency_named_in_full_with_its_abbreviation_after_a_slash(extractor):
    text = ("Izin Mendagri\nKhusus untuk jabatan Kepala Dinas Kependudukan dan Catatan Sipil/Disdukcapil, izin telah "
            "terbit. Pergantian pejabat Disdukcapil itu harus ada izin.")
    names = [o["name"] for o in run(extractor, text)["opds"]]
    assert "Dinas Kependudukan dan Catatan Sipil" in names and "Dinas Kependudukan dan Pencatatan Sipil" not in names


def test_an_unlisted_agency_followed_by_the_sentence(extractor):
    text = ("PAD Belum Tercapai\nKemudian Dinas Tanaman Pangan Hortikultura dengan target Rp75 juta belum ada "
            "realisasi. Petugas Dinas Damkar dan Penyelamatan Kota Banda Aceh memadamkan api.")
    names = {o["name"] for o in run(extractor, text)["opds"]}
    assert {"Dinas Tanaman Pangan Hortikultura", "Dinas Pemadam Kebakaran dan Penyelamatan"} <= names
    assert "Dinas Damkar dan Penyelamatan" not in names
    # a listed agency followed by its head's name, an unlisted one followed by the name and a speech verb
    other = {o["name"] for o in run(extractor, "Rapat\nKepala Dinas Pendidikan Budi Santoso hadir. Kepala Dinas "
                                               "Tanaman Pangan Hortikultura Rudi Hartono mengatakan itu.")["opds"]}
    assert not any("Santoso" in n or "Hartono" in n for n in other)


def test_a_region_with_its_government_short_form_in_brackets(extractor):
    text = ("Apel Korpri\nApel Korpri di lingkungan Pemerintah Kabupaten (Pemkab) Pohuwato berlangsung di halaman "
            "kantor bupati, Senin (3/6/2024). Sekretaris Daerah (Sekda), Iskandar Datau memimpin apel.")
    result = run(extractor, text)
    assert people(result)["Iskandar Datau"]["region"] == "Kabupaten Pohuwato"
    assert {(o["name"], o["region"]) for o in result["opds"]} == {("Sekretariat Daerah", "Kabupaten Pohuwato")}


def test_named_service_units_are_agencies(extractor):
    text = ("Puskesmas Baru\nBupati meresmikan Puskesmas Yalengga dan mengharapkan pelayanan berjalan. Ia juga sidak "
            "ke UPT Peralatan dan Laboratorium Dinas PUPR, Senin (3/6/2024).")
    names = {o["name"] for o in run(extractor, text)["opds"]}
    assert {"Puskesmas Yalengga", "UPT Peralatan dan Laboratorium", "Dinas Pekerjaan Umum dan Penataan Ruang"} <= names


def test_a_post_held_by_someone_and_a_name_that_took_office_as(extractor):
    text = ("Plt Kepala SKPD\nBALANGAN – Bupati Balangan Abdul Hadi menempatkan pejabat, Senin (3/6/2024). "
            "Kemudian, jabatan Assisten I (satu) diduduki oleh Plt Sufrian, Assisten II dijabat oleh Plt Abiji. "
            "Ia berharap Samsuri yang sudah dilantik menjabat sebagai Kepala Dinas Lingkungan Hidup bisa bekerja.")
    found = people(run(extractor, text))
    assert (found["Sufrian"]["acting"], found["Sufrian"]["position"]) == ("Plt.", "Asisten Pemerintahan dan Kesejahteraan Rakyat")
    assert (found["Abiji"]["acting"], found["Abiji"]["position"]) == ("Plt.", "Asisten Perekonomian dan Pembangunan")
    assert found["Samsuri"]["position"] == "Kepala Dinas Lingkungan Hidup"


def test_a_unit_closed_by_its_short_form_in_brackets(extractor):
    found = people(run(extractor, "Kebakaran\nKepala Seksi Operasional Pemadam Kebakaran (Damkar) Remaja Ginting "
                                  "mengatakan, tiga unit rumah terbakar."))
    assert found["Remaja Ginting"]["position"] == "Kepala Seksi Operasional Pemadam Kebakaran"


def test_a_text_defined_abbreviation_inside_a_listed_form_and_a_credit_after_a_caption(extractor):
    text = ("Sekolah Rusak\nDinas Pendidikan, Kepemudaan dan Olahraga (Dikpora) Kabupaten Magetan menerima bantuan. "
            "Kepala Dinas Dikpora Magetan Suwata hadir.\n"
            "Wali Kota Mojokerto Ning Ita, saat penutupan retreat-Foto : Kominfo Kota Mojokerto-\n"
            "Warga Mapia meminta DPMK melihat kembali data kepala kampung di tiap distrik.")
    names = {o["name"] for o in run(extractor, text)["opds"]}
    assert "Dinas Pendidikan, Kepemudaan dan Olahraga" in names and "Dinas Pendidikan, Pemuda dan Olahraga" not in names
    assert "Dinas Komunikasi dan Informatika" not in names  # a photo credit names no agency of the story
    assert "Dinas Pemberdayaan Masyarakat dan Kampung" in names  # kampung and distrik settle DPMK


def test_a_province_named_as_a_kabupaten_s_address_is_not_the_text_s_region(extractor):
    text = ("Puskesmas Rawat Inap\nWamena (ANTARA) - Bupati Jayawijaya, Provinsi Papua Jhon Banua meresmikan "
            "Puskesmas Yalengga di Distrik Yalengga, Kabupaten Jayawijaya, Selasa (3/6/2024).")
    opds = {o["name"]: o["region"] for o in run(extractor, text)["opds"]}
    assert opds["Puskesmas Yalengga"] == "Kabupaten Jayawijaya"
    from extract.regions import main_region
    assert main_region({"Provinsi Papua": 3, "Kabupaten Jayawijaya": 1}) == "Provinsi Papua"  # named most: the province


def test_a_hospital_named_by_its_acronym_and_satpol_as_typed(extractor):
    text = ("Apel RSUD\nApel di Rumah Sakit Umum Daerah (RSUD) Ratu Aji Putri Botung (RAPB) Penajam, Senin (3/6/2024). "
            "Hadir Direktur RSUD RAPB. Pengamanan dari SatPol PP Asahan.")
    names = {o["name"] for o in run(extractor, text)["opds"]}
    assert names == {"Rumah Sakit Umum Daerah Ratu Aji Putri Botung", "Satuan Polisi Pamong Praja"}


def test_a_puskesmas_head_belongs_to_the_puskesmas_named(extractor):
    found = people(run(extractor, "Imunisasi\nKepala Puskesmas Ngamprah, Budi Santoso, mengatakan itu."))
    assert (found["Budi Santoso"]["position"], found["Budi Santoso"]["opd"]) == ("Kepala Puskesmas", "Puskesmas Ngamprah")
    bare = run(extractor, "Stunting\nCamat, Kapus (Kepala Puskesmas) dan kader kesehatan fokus bergerak bersama.")
    assert not bare["opds"]  # a puskesmas head with no puskesmas named names no agency


def test_vertical_offices_regulation_names_and_a_misnamed_national_body(extractor):
    text = ("Rapat Lintas Sektor\nKoordinasi dengan Dinas Pendidikan, Kanwil Kementerian Agama dan rumah sakit. "
            "Sesuai Peraturan Menpan-RB Nomor 6 tahun 2022. Surat edaran Badan Kepegawaian Nasional (BKN) berlaku.")
    opds = {o["name"]: o["region"] for o in run(extractor, text)["opds"]}
    assert set(opds) == {"Dinas Pendidikan", "Badan Kepegawaian Negara"} and opds["Badan Kepegawaian Negara"] is None
