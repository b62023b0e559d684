"""One position reader: a printed title gives one position whether it is read in a news sentence
or in a PK signature block (extract/positions.py, used by both)."""
from __future__ import annotations

import pytest

from extract import Extractor
from extract.pk import read_agreement
from extract.positions import read_position
from models import Document

TITLES = [
    ("Plt. Kepala Dinas Kesehatan Kota Jambi", ("Kepala Dinas Kesehatan", "Plt.", "Dinas Kesehatan", "Kota Jambi")),
    ("Pelaksana Tugas Kepala Dinas Pendidikan Kabupaten Muaro Jambi",
     ("Kepala Dinas Pendidikan", "Plt.", "Dinas Pendidikan", "Kabupaten Muaro Jambi")),
    ("Penjabat Bupati Muaro Jambi", ("Bupati", "Pj.", None, "Kabupaten Muaro Jambi")),
    ("Sekretaris DPRD Kota Jambi", ("Sekretaris Dewan Perwakilan Rakyat Daerah", None, "Sekretariat DPRD", "Kota Jambi")),
    ("Camat Kota Baru Kota Jambi", ("Camat Kota Baru", None, "Kecamatan Kota Baru", "Kota Jambi")),
]


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("printed, expected", TITLES)
def test_reader_expands_title_acting_opd_and_region(printed, expected):
    reading = read_position(printed)
    assert (reading.position, reading.acting, reading.opd, reading.region) == expected
    upper = read_position(printed.upper())  # a PK block prints the jabatan in capitals
    assert (upper.position, upper.acting, upper.opd, upper.region) == expected


@pytest.mark.parametrize("printed, expected", TITLES)
def test_news_sentence_and_pk_signature_give_one_position(extractor, printed, expected):
    news = f"JAMBI – {printed}, Hj. Rosmala Dewi, M.Si., meminta seluruh jajaran hadir tepat waktu, Senin (3/2/2025)."
    official = extractor.extract(Document(raw=b"", text=news, kind="text", published="2025-02-04")).officials[0]
    pk_text = ("PERJANJIAN KINERJA TAHUN 2025\nDINAS KESEHATAN KOTA JAMBI\n"
               "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, kami yang bertanda tangan di bawah ini:\n"
               f"Nama : Hj. ROSMALA DEWI, M.Si.\nJabatan : {printed.upper()}\n"
               "selanjutnya disebut PIHAK PERTAMA.\nNama : Dr. H. Maulana, M.K.M.\nJabatan : Wali Kota Jambi\n"
               "selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.\n"
               "PIHAK PERTAMA berjanji akan mewujudkan target kinerja.\nJambi, 2 Januari 2025")
    party = read_agreement(Document(raw=b"", text=pk_text, kind="text")).first_party
    assert (official.name, party.name) == ("Rosmala Dewi", "Rosmala Dewi")
    assert (official.position, official.acting) == (party.position, party.acting) == expected[:2]
    assert official.opd == expected[2]
