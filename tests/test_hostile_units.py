"""The pieces issue 16's fixes rest on, one by one (the whole commands: test_hostile_campaign.py)."""
from __future__ import annotations

import json
import sqlite3
import time

from scrapers.canonical import clean_url, safe_clean_url
from scrapers.decode import decode_html, resolve_label
from scrapers.discover import discover, parse_feed
from scrapers.html import json_depth, parse_json_ld
from scrapers.multipage import is_pager_line
from scrapers.text import clean_text, collapse_punctuation_runs, display_path


def test_clean_text_leaves_only_what_sqlite_and_json_hold():
    dirty = "a\x00b\ud800c\udfffd\x01e\r\nf\x0bg\th\n"
    clean = clean_text(dirty)
    assert clean == "ab\ufffdc\ufffdde\nf\ng\th\n"
    sqlite3.connect(":memory:").execute("select ?", [clean])  # raises on a lone surrogate
    json.dumps(clean, ensure_ascii=False).encode("utf-8")
    same = clean_text(dirty, same_length=True)
    assert len(same) == len(dirty) and "\x00" not in same


def test_punctuation_runs_collapse_without_moving_offsets():
    text = 'Wali Kota "' + '"' * 40_000 + ' berjanji ' + "-" * 30_000 + " selesai. Ya..."
    started = time.perf_counter()
    out = collapse_punctuation_runs(text)
    assert time.perf_counter() - started < 1.0  # linear: a fraction of a millisecond per 1,000 chars
    assert len(out) == len(text)
    assert out.index("berjanji") == text.index("berjanji") and out.index("selesai") == text.index("selesai")
    assert '""' not in out and "--" not in out and out.endswith("Ya...")  # short runs stay


def test_charset_labels_go_through_the_whatwg_table():
    assert resolve_label("ISO-8859-1") == "cp1252" and resolve_label(" latin1 ") == "cp1252"
    assert resolve_label("utf8") == "utf-8" and resolve_label("x-sjis") == "cp932"
    for not_a_label in ("utf-7", "base64", "rot13", "zlib", "x-no-such-charset", "../../etc/passwd", ""):
        assert resolve_label(not_a_label) is None, not_a_label
    page = b"<html><head><meta charset='utf-7'></head><body>+2ADcAA- Wali Kota</body></html>"
    assert "\ud800" not in decode_html(page) and "+2ADcAA-" in decode_html(page)
    assert decode_html(b"<p>caf\xe9</p>", "base64") == "<p>caf\u00e9</p>"  # unknown label: like none


def test_json_ld_is_bounded_in_depth_and_size():
    assert json_depth('{"a": [1, {"b": "[[[[ not brackets ]]]]"}]}') == 3
    assert parse_json_ld("[" * 100_000 + "]" * 100_000) is None
    assert parse_json_ld('{"headline": "x' + "y" * 2_000_000 + '"}') is None
    assert parse_json_ld('{"headline": "Janji"}') == {"headline": "Janji"}


def test_urls_keep_ipv6_brackets_and_a_bad_port_is_one_skipped_link():
    assert clean_url("http://[::1]:8080/berita?utm_source=wa#x") == "http://[::1]:8080/berita"
    assert clean_url("http://[2001:DB8::1]/a") == "http://[2001:db8::1]/a"
    assert safe_clean_url("http://example.go.id:99999/a") is None
    feed = (b"<rss><channel><item><link>http://example.go.id:99999/berita/a-b-c</link></item>"
            b"<item><link>http://example.go.id/berita/d-e-f</link></item></channel></rss>")
    assert [link.url for link in parse_feed(feed, "http://example.go.id/").articles] == \
        ["http://example.go.id/berita/d-e-f"]


def test_a_self_listing_sitemap_index_keeps_its_real_child():
    body = ("<sitemapindex>" + "<sitemap><loc>http://s.example/sitemap.xml</loc></sitemap>" * 6_000
            + "<sitemap><loc>http://s.example/posts.xml</loc></sitemap></sitemapindex>").encode()
    assert discover(body, "http://s.example/sitemap.xml").next_pages == ["http://s.example/sitemap.xml",
                                                                         "http://s.example/posts.xml"]


def test_pager_lines_are_read_in_linear_time():
    assert is_pager_line("Halaman 1 2 3 Selanjutnya") and is_pager_line("1 2 »")
    started = time.perf_counter()
    assert not is_pager_line("1" * 100_000 + "x") and not is_pager_line("1 " * 50 + "x")
    assert time.perf_counter() - started < 1.0  # the old regex backtracked exponentially here


def test_file_names_that_are_not_utf8_are_shown_with_replacement_characters():
    name = b"/tmp/berita-\xff\xfe.html".decode("utf-8", "surrogateescape")
    shown = display_path(name)
    assert shown == "/tmp/berita-\ufffd\ufffd.html"
    shown.encode("utf-8")
