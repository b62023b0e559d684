"""`janji add`: good inputs stored once, bad inputs one clear error each, nothing half-stored."""
import pytest

from db import open_db
from tests.conftest import SAMPLE, make_pdf


def _counts(db_path):
    db = open_db(db_path)
    return {t: db[t].count for t in ("documents", "raw_files")}


def test_add_text_html_and_pdf(run, db_path, tmp_path):
    pdf = tmp_path / "pk.pdf"
    pdf.write_bytes(make_pdf(["PERJANJIAN KINERJA TAHUN 2025", "DINAS KESEHATAN KOTA JAMBI"]))
    html = tmp_path / "berita.html"
    html.write_text("<html><head><title>Berita</title><meta property='article:published_time' "
                    "content='2025-06-26T10:00:00+07:00'></head><body><article><h1>Judul</h1>"
                    + "<p>Wali Kota Jambi Maulana meresmikan pasar baru di Kecamatan Telanaipura, Rabu (25/6/2025). "
                      "Ia meminta pedagang menjaga kebersihan pasar setiap hari.</p>" * 3
                    + "<p>BACA JUGA: Bupati Lain Resmikan Jembatan</p></article></body></html>", encoding="utf-8")
    result = run("add", str(SAMPLE), str(html), str(pdf), "--published", "2025-06-26")
    assert result.exit_code == 0, result.output
    assert "added 3" in result.output
    db = open_db(db_path)
    rows = {r["kind"]: r for r in db["documents"].rows}
    assert set(rows) == {"text", "news", "pdf"}
    assert rows["news"]["published"] == "2025-06-26" and rows["news"]["published_method"] == "meta"
    assert "BACA JUGA" not in rows["news"]["text"] and "Bupati Lain" in rows["news"]["related"]
    assert "DINAS KESEHATAN" in rows["pdf"]["text"] and rows["pdf"]["text_method"] == "pdfplumber"
    assert rows["text"]["published"] == "2025-06-26"
    raw = db.execute("select content from raw_files where sha256 = ?", [rows["pdf"]["sha256"]]).fetchone()[0]
    assert raw == pdf.read_bytes()


def test_adding_twice_stores_once(run, db_path):
    run("add", str(SAMPLE))
    result = run("add", str(SAMPLE))
    assert "added 0, unchanged 1" in result.output
    assert _counts(db_path) == {"documents": 1, "raw_files": 1}


def test_corrupt_pdf_and_missing_file_leave_the_database_as_it_was(run, db_path, tmp_path):
    run("add", str(SAMPLE))
    before = _counts(db_path)
    corrupt = tmp_path / "rusak.pdf"
    corrupt.write_bytes(make_pdf(["PERJANJIAN KINERJA"])[:400])
    result = run("add", str(corrupt), str(tmp_path / "tidak-ada.html"))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"error: {corrupt}: ") and "PDF" in lines[0]
    assert "no such file" in lines[1]
    assert _counts(db_path) == before
    errors = list(open_db(db_path)["ingest_errors"].rows)
    assert [e["source"] for e in errors] == [str(corrupt), str(tmp_path / "tidak-ada.html")]


def test_bad_input_does_not_stop_the_others(run, db_path, tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    image = tmp_path / "foto.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    result = run("add", str(empty), str(image), str(SAMPLE))
    assert result.exit_code == 1
    assert "empty file" in result.stderr and "unsupported file type" in result.stderr
    assert _counts(db_path)["documents"] == 1


def test_unreachable_url_is_one_clear_error(run, db_path):
    result = run("add", "--allow-private", "http://127.0.0.1:9/berita")
    assert result.exit_code == 1
    assert "127.0.0.1:9" in result.stderr
    assert _counts(db_path)["documents"] == 0


# --- one fetch policy: add and extract refuse what scrape refuses ------------------------------

@pytest.mark.parametrize("url", ["http://127.0.0.1:9/berita", "http://10.0.0.5/berita", "http://[::1]:9/berita",
                                 "http://169.254.169.254/latest/meta-data/", "http://2130706433/berita"])
def test_add_refuses_private_and_loopback_addresses(run, db_path, url):
    result = run("add", url)
    assert result.exit_code == 1
    assert "private" in result.stderr.lower() or "loopback" in result.stderr.lower() or "refus" in result.stderr.lower()
    assert _counts(db_path)["documents"] == 0


def test_extract_refuses_a_loopback_url_and_another_scheme():
    from click.testing import CliRunner
    from janji.cli import cli
    loopback = CliRunner().invoke(cli, ["extract", "http://127.0.0.1:9/berita"])
    assert loopback.exit_code == 1 and "Traceback" not in loopback.output
    ftp = CliRunner().invoke(cli, ["extract", "ftp://example.org/berita.txt"])
    assert ftp.exit_code == 1 and "only http and https URLs can be fetched" in ftp.output


def test_add_names_another_scheme_instead_of_looking_for_a_file(run, db_path):
    result = run("add", "ftp://example.org/berita.txt")
    assert result.exit_code == 1
    assert "only http and https URLs can be fetched" in result.stderr
    assert "no such file" not in result.stderr.lower()
