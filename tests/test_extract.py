"""The NLP stage on hand-picked cases: each field, the JSON contract, and the real sample."""
import json

import pytest
from click.testing import CliRunner

from extract import Extractor
from extract.names import parse_name
from janji.cli import cli
from models import Document
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def run(extractor, text, published="2025-06-26"):
    return extractor.extract(Document(raw=text.encode(), text=text, kind="text", published=published)).to_dict()


@pytest.mark.parametrize("written,bare", [
    ("Dr. dr. H. Maulana, M.K.M.", "Maulana"),
    ("Muhammad Bobby Afif Nasution SE MM", "Muhammad Bobby Afif Nasution"),
    ("Dra Hannalore Simanjuntak MIP", "Hannalore Simanjuntak"),
    ("DR. H. BUDI SANTOSO, SE, MM", "Budi Santoso"),
    ("Ir. Hj. Siti Aminah, S.Sos.,M.Si", "Siti Aminah"),
    ("I Wayan Sudarsana, S.Par., M.Par.", "I Wayan Sudarsana"),
    ("Letkol Inf Yoga Pratama", "Yoga Pratama"),
])
def test_names_lose_degrees_and_honorifics(written, bare):
    assert parse_name(written, 0).bare == bare


def test_officials_positions_opds_and_regions(extractor):
    text = ("Kepala Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Jambi, Ir. Hj. Siti Aminah, M.Si. "
            "memaparkan rancangan RKPD, Senin (3/2/2025). Plt Kadisdik Kota Jambi Ahmad Fauzi, S.Pd. "
            "serta Camat Telanaipura Andi Wijaya turut hadir. Kepala Bappeda juga meminta seluruh OPD "
            "menyerahkan data paling lambat Jumat.")
    result = run(extractor, text, "2025-02-04")
    officials = {o["name"]: o for o in result["officials"]}
    assert officials["Siti Aminah"]["position"] == "Kepala Badan Perencanaan Pembangunan Daerah"
    assert officials["Siti Aminah"]["opd"] == "Badan Perencanaan Pembangunan Daerah"
    assert officials["Siti Aminah"]["full_name"] == "Ir. Hj. Siti Aminah, M.Si."
    assert (officials["Ahmad Fauzi"]["acting"], officials["Ahmad Fauzi"]["position"]) == ("Plt.", "Kepala Dinas Pendidikan")
    assert officials["Siti Aminah"]["acting"] is None
    assert officials["Andi Wijaya"]["opd"] == "Kecamatan Telanaipura"
    assert {o["region"] for o in officials.values()} == {"Kota Jambi"}
    opds = {o["name"]: o for o in result["opds"]}
    assert opds["Badan Perencanaan Pembangunan Daerah"]["abbreviation"] == "Bappeda"
    assert "Kota Jambi" not in opds


def test_ambiguous_abbreviation_is_not_guessed(extractor):
    alone = run(extractor, "Kepala DKP Kota Bitung Ir. Markus Sondakh meninjau gudang, Rabu (5/3/2025).")
    assert [o["name"] for o in alone["opds"]] == []
    settled = run(extractor, "Dinas Kelautan dan Perikanan (DKP) Kota Bitung menyalurkan mesin. Kepala DKP "
                             "Kota Bitung Ir. Markus Sondakh meninjau gudang, Rabu (5/3/2025).")
    assert {o["name"] for o in settled["opds"]} == {"Dinas Kelautan dan Perikanan"}


def test_dates_in_every_common_form(extractor):
    text = ("Rapat digelar Rabu (25/6/2025) dan dilanjutkan Rabu (28/1). Pada (5/3/25) tim turun lagi. "
            "Pameran berlangsung Jumat-Sabtu (16-17/1) dan pelantikan pada 25 Juni 2025. "
            "Sesuai Perda Nomor 5 Tahun 2023 dan RPJMD 2025-2029, laporan paling lambat 31 Desember 2025. "
            "Kegiatan lain pada Senin (25/6/2025).")
    dates = run(extractor, text, "2026-02-02")["dates"]
    assert [(d["date"], d["end_date"]) for d in dates] == [
        ("2025-06-25", None), ("2026-01-28", None), ("2025-03-05", None), ("2026-01-16", "2026-01-17"),
        ("2025-06-25", None), ("2025-06-25", None)]
    assert [d["weekday_mismatch"] for d in dates] == [False, False, False, False, False, True]


def test_quotes_with_attribution_after_before_split_and_pronouns(extractor):
    text = ("Wali Kota Sungai Harapan, Dr. H. Budi Santoso, S.E., M.M., membuka rapat.\n\n"
            "\u201cKami berkomitmen memperbaiki jalan lingkar tahun ini,\u201d ujar Budi.\n\n"
            "Kata Sekda Ratna Dewi, \"Seluruh kepala OPD harus hadir tepat waktu setiap apel.\"\n\n"
            "Ia menambahkan rapat berikutnya digelar pekan depan.\n\n"
            "\u201cJangan ada lagi laporan yang terlambat dari kecamatan,\u201d tegasnya. \u201cSaya akan cek sendiri ke lapangan.\u201d\n\n"
            "Seorang pedagang, Rusmini (46), mengaku senang. \"Sudah lama kami menunggu jalan ini,\" katanya.")
    result = run(extractor, text)
    quotes = [(q["speaker"], q["text"][:20]) for q in result["quotes"]]
    assert quotes == [("Budi Santoso", "Kami berkomitmen mem"), ("Ratna Dewi", "Seluruh kepala OPD h"),
                      ("Ratna Dewi", "Jangan ada lagi lapo"), ("Ratna Dewi", "Saya akan cek sendir"),
                      ("Rusmini", "Sudah lama kami menu")]
    # each commitment sentence once; the resident's words are a quotation, not a commitment
    assert [(c["kind"], c["quoted"], c["text"][:20]) for c in result["commitments"]] == [
        ("pledge", True, "Kami berkomitmen mem"), ("instruction", True, "Seluruh kepala OPD h"),
        ("instruction", True, "Jangan ada lagi lapo"), ("pledge", True, "Saya akan cek sendir")]


def test_target_commitment_has_number_and_deadline(extractor):
    text = ("Bupati Bukit Permai, Ratna Sari, menargetkan angka stunting turun menjadi 12 persen pada akhir 2026, "
            "Kamis (15/5/2025).")
    target = [c for c in run(extractor, text)["commitments"] if c["kind"] == "target"][0]
    assert target["speaker"] == "Ratna Sari"
    assert (target["target_value"], target["target_unit"]) == (12.0, "%")
    assert "akhir 2026" in target["deadline"]


def test_real_sample_teasers_give_no_officials_or_dates(extractor):
    doc = Document(raw=b"", text=SAMPLE.read_text(encoding="utf-8"), kind="text", published="2025-06-26")
    result = extractor.extract(doc).to_dict()
    names = {o["name"] for o in result["officials"]}
    assert names == {"Maulana", "Diza Hazra Aljosha"}
    assert all("Surya" not in c["speaker"] for c in result["commitments"] if c["speaker"])
    assert [d["date"] for d in result["dates"]] == ["2025-06-25"]
    for entry in result["officials"] + result["opds"]:
        for m in entry["mentions"]:
            assert doc.text[m["start"]:m["end"]] == m["text"]  # offsets point into the stored text


def test_extract_command_prints_the_contract():
    result = CliRunner().invoke(cli, ["extract", str(SAMPLE), "--published", "2025-06-26"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"contract_version", "source", "officials", "opds", "dates", "quotes", "commitments",
                         "agreement", "agreements", "report", "errors"}
    assert data["contract_version"] == 2
    assert data["source"] == {"path": str(SAMPLE.resolve()), "url": None, "kind": "text",
                              "title": data["source"]["title"], "published": "2025-06-26",
                              "published_method": "given"}
    assert data["agreement"] is None and data["agreements"] == [] and data["report"] is None
    official = data["officials"][0]
    assert set(official) == {"name", "full_name", "aliases", "position", "acting", "opd", "region", "mentions",
                             "events"}
    assert {c["kind"] for c in data["commitments"]} <= {"pledge", "instruction", "target"}
    texts = [c["text"] for c in data["commitments"]]
    assert len(texts) == len(set(texts))  # a sentence is never listed twice


def test_extract_missing_file_is_one_clear_error():
    result = CliRunner().invoke(cli, ["extract", "/nonexistent/berita.html"])
    assert result.exit_code == 1
    assert "no such file" in result.output


def test_tenure_events_inauguration_and_acting(extractor):
    text = ("Gubernur Maluku Hendrikus Pattinama melantik Bupati Buru Selatan Abdul Gani Solissa di Ambon, "
            "Senin (3/3/2025). Plt Kepala Dinas Kesehatan Kota Ambon Rina Marlina turut hadir.")
    officials = {o["name"]: o for o in run(extractor, text, "2025-03-04")["officials"]}
    assert [(e["kind"], e["date"]) for e in officials["Abdul Gani Solissa"]["events"]] == [("inaugurated", "2025-03-03")]
    assert officials["Hendrikus Pattinama"]["events"] == []  # the one who inaugurates is not inaugurated
    assert [e["kind"] for e in officials["Rina Marlina"]["events"]] == ["acting"]
