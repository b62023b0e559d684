"""The HTML reader on the bundled pages: title, date, clean body, no furniture."""
import json

import pytest

from scrapers.decode import decode_html
from scrapers.files import read_path
from tests.conftest import CORPUS

EXPECTED = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
FURNITURE = ("BACA JUGA", "Baca juga", "ADVERTISEMENT", "Berita Terkait", "Google News", "Editor:", "Pewarta:",
             "COPYRIGHT", "Bagikan")


def _expected_pages():
    return sorted(EXPECTED["pages"].items())


@pytest.mark.parametrize("name,expected", _expected_pages())
def test_bundled_page(name, expected):
    doc = read_path(CORPUS / name)
    assert doc.kind == "news"
    assert doc.title == expected["title"]
    assert doc.published == expected["published"]
    for marker in FURNITURE:
        assert marker not in doc.text, f"{marker!r} left in the body of {name}"
    for official in expected.get("officials", []):
        assert official["name"].split()[0] in doc.text


def test_mislabelled_latin1_page_decodes():
    raw = "<html><head><meta charset='iso-8859-1'></head><body>Rp 5 miliar “tuntas”</body></html>".encode("cp1252")
    assert "“tuntas”" in decode_html(raw)
    assert "“tuntas”" in decode_html(raw.decode("cp1252").encode("utf-8"), header_charset="iso-8859-1")
