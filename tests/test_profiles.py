"""Each bundled site profile on its saved pages (no network): the links, pagination and
article fields it must yield; and profile validation that names the bad field."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scrapers.article import parse_date, read_article
from scrapers.canonical import canonical_link, clean_url
from scrapers.discover import detect_kind, discover, link_matches
from scrapers.multipage import continuation_pages, split_page, strip_pager_lines
from scrapers.profiles import ProfileError, load_profiles, profile_from_dict
from tests.fixture_site.server import EXPECTED, HERE

PROFILES = load_profiles()


def saved_page(site: str, url: str) -> bytes:
    """The saved page for a URL of a profile, with {{BASE}} set to the profile's real origin."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    rel = urlsplit(url).path.strip("/")
    root = HERE / site
    path = next(p for p in (root / rel, root / f"{rel}.html", root / rel / "index.html") if p.is_file())
    return path.read_bytes().replace(b"{{BASE}}", origin.encode())


def start(site: str):
    profile = PROFILES[site]
    url = profile.start_urls[0]
    page = saved_page(site, url)
    found = discover(page, url, link_selector="" if profile.discovery == "documents" else profile.link_selector,
                     pagination_selector=profile.pagination_selector,
                     pdf_filters=list(profile.pdf_filters) if profile.pdf_filters is not None else None)
    return profile, url, found


EXPECTED_LISTINGS = {
    "jambikota": ("listing", ["https://jambikota.go.id/berita/wali-kota-saksikan-penandatanganan-perjanjian-kinerja-2025",
                              "https://jambikota.go.id/berita/pemkot-jambi-siagakan-posko-banjir-di-tujuh-kelurahan"],
                  ["https://jambikota.go.id/berita/page/2"]),
    "jambiupdate": ("listing", ["https://jambiupdate.co/read/2025/06/26/pk-perubahan-dinkes-kota-jambi-turunkan-target-stunting",
                                "https://jambiupdate.co/read/2025/06/20/dprd-minta-pemkot-percepat-perbaikan-jalan-lingkar-selatan"], []),
    "antara-jambi": ("feed", ["https://jambi.antaranews.com/berita/612345/disdik-jambi-pastikan-tidak-ada-pungutan-dalam-ppdb-2025",
                              "https://jambi.antaranews.com/berita/612399/bupati-muaro-jambi-targetkan-50-desa-bebas-stunting"], []),
    "wp-satpolpp": ("sitemap", [], ["https://satpolpp.jambikota.go.id/post-sitemap.xml",
                                    "https://satpolpp.jambikota.go.id/post-sitemap2.xml"]),
    "jambiprov": ("listing", ["https://jambiprov.go.id/berita/detail/gubernur-targetkan-jalan-mantap-provinsi-85-persen",
                              "https://jambiprov.go.id/berita/detail/pemprov-salurkan-bantuan-benih-padi-untuk-petani-tebo"],
                  ["https://jambiprov.go.id/berita/hal/2"]),
    "pk-jambikota": ("listing", [], []),
}


def test_there_are_profiles_for_the_five_site_styles_and_a_documents_page():
    styles = {p.style for p in PROFILES.values()}
    assert {"city-portal", "regional-news", "news-agency", "wordpress", "province-portal", "documents"} <= styles
    for profile in PROFILES.values():
        assert not profile.allow_private and profile.description


@pytest.mark.parametrize("site", sorted(EXPECTED_LISTINGS))
def test_profile_start_page_yields_its_links_and_pagination(site):
    kind, articles, next_pages = EXPECTED_LISTINGS[site]
    _, _, found = start(site)
    assert found.kind == kind
    assert [link.url for link in found.articles] == articles  # no menu, sidebar or tracking parameters
    assert found.next_pages == next_pages


def test_sitemap_child_lists_wordpress_posts_with_lastmod():
    url = "https://satpolpp.jambikota.go.id/post-sitemap2.xml"
    found = discover(saved_page("wp-satpolpp", url), url)
    assert [(link.url, link.published) for link in found.articles] == [
        ("https://satpolpp.jambikota.go.id/2025/02/04/satpol-pp-tertibkan-pkl-di-kawasan-angso-duo/", "2025-02-04")]


def test_feed_items_carry_their_dates():
    _, _, found = start("antara-jambi")
    assert [link.published for link in found.articles] == ["2025-07-14", "2025-07-15"]


def test_documents_page_yields_only_pk_and_lkjip_pdfs_named_by_row_text_or_file_name():
    _, _, found = start("pk-jambikota")
    names = [link.url.rsplit("/", 1)[-1] for link in found.documents]
    assert names == ["pk-dinkes-2025.pdf", "pk-perubahan-disdik-2025.pdf", "lkjip-2024.pdf", "PK_Satpol_PP_2025.pdf"]
    assert found.documents[2].title.startswith("4 Laporan Kinerja Instansi Pemerintah (LKjIP)")
    assert found.documents[0].title.startswith("1 Perjanjian Kinerja Dinas Kesehatan")
    assert link_matches("PK_Satpol_PP_2025.pdf", ["PK"]) and not link_matches("penataan-pkl.pdf", ["PK"])


def test_performance_reports_are_wanted_by_every_documents_filter():
    """LKjIP / LAKIP / "Laporan Kinerja" links are downloaded like PK links: by the shared default and
    by each profile that lists its own filters; still whole words ("LAKIPnya" is not "LAKIP")."""
    from scrapers.profiles import DEFAULT_PDF_FILTERS
    for filters in [DEFAULT_PDF_FILTERS] + [list(p.pdf_filters) for p in PROFILES.values() if p.pdf_filters]:
        for name in ("LKjIP_Dinkes_2024.pdf", "lakip-2019-bappeda.pdf", "Laporan Kinerja Dinas Sosial Tahun 2024"):
            assert link_matches(name, filters), (name, filters)
    assert not link_matches("lakipnya-belum-ada.pdf", DEFAULT_PDF_FILTERS)


@pytest.mark.parametrize("key", sorted(EXPECTED["articles"]))
def test_profile_reads_each_saved_article(key):
    site, path = key.split("/", 1)
    profile = PROFILES[site]
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(profile.start_urls[0]))
    url = f"{origin}/{path}"
    page = read_article(saved_page(site, url), url=url, site=site, selectors=profile.article,
                        date_format=profile.date_format)
    expected = EXPECTED["articles"][key]
    assert page.doc.title == expected["title"]
    assert page.doc.published == expected["published"]
    assert page.doc.text.split("\n\n")[0] == expected["paragraphs"][0]
    assert page.canonical == clean_url(url)
    assert bool(page.next_pages) == (expected.get("pages", 1) > 1)


def test_date_format_of_a_profile_reads_numeric_bylines():
    assert parse_date("Selasa, 11/03/2025 - 10:45 | Dibaca 1.204 kali", "%d/%m/%Y") == "2025-03-11"
    assert parse_date("Kamis, 26 Juni 2025 09:15 WIB", None) == "2025-06-26"


def test_canonical_urls_lose_tracking_parameters_and_fragments():
    assert clean_url("HTTPS://Jambikota.go.id:443/berita/x?utm_source=wa&id=5&fbclid=abc#komentar") == \
        "https://jambikota.go.id/berita/x?id=5"
    html = '<link rel="canonical" href="/berita/x?utm_medium=share">'
    assert canonical_link(html, "https://jambikota.go.id/berita/x?amp=1") == "https://jambikota.go.id/berita/x"
    assert canonical_link('<link rel="canonical" href="https://other.example/x">', "https://jambikota.go.id/x") is None


def test_split_articles_are_recognised_by_path_and_query():
    assert split_page("https://jambiupdate.co/read/2025/06/26/slug/2") == ("https://jambiupdate.co/read/2025/06/26/slug", 2)
    assert split_page("https://x.go.id/berita/slug?page=3") == ("https://x.go.id/berita/slug", 3)
    assert split_page("https://x.go.id/?p=1234") == ("https://x.go.id/?p=1234", 1)  # a WordPress post id
    html = '<a href="/berita/slug?page=2">Halaman 2</a><a href="/berita/lain?page=2">2</a>'
    assert continuation_pages(html, "https://x.go.id/berita/slug") == ["https://x.go.id/berita/slug?page=2"]
    assert strip_pager_lines("Isi berita.\n\nHalaman 1 2 Selanjutnya") == "Isi berita."


def test_kind_is_detected_from_the_content():
    assert detect_kind(b'<?xml version="1.0"?><rss version="2.0"></rss>') == "feed"
    assert detect_kind(b'<?xml version="1.0"?>\n<!-- x --><sitemapindex></sitemapindex>') == "sitemap"
    assert detect_kind(b"<feed xmlns='http://www.w3.org/2005/Atom'></feed>") == "feed"
    assert detect_kind(b"<!DOCTYPE html><html></html>") == "html"


def test_atom_feed_entries():
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>T</title>"
            b"<link rel='alternate' href='/a/berita-satu-dua'/><published>2025-05-01T00:00:00Z</published></entry></feed>")
    found = discover(atom, "https://x.go.id/feed.atom")
    assert [(l.url, l.title, l.published) for l in found.articles] == [("https://x.go.id/a/berita-satu-dua", "T", "2025-05-01")]


@pytest.mark.parametrize("change,message", [
    ({"link_selectr": "a"}, "unknown field"),
    ({"link_selector": "a[href"}, "not a valid CSS selector"),
    ({"start_urls": ["ftp://x"]}, "absolute http"),
    ({"discovery": "magic"}, "discovery must be"),
    ({"allow_private": "yes"}, "allow_private"),
    ({"date_format": "dd/mm/yyyy"}, "strptime"),
    ({"max_pages": 0}, "max_pages"),
])
def test_invalid_profiles_name_the_bad_field(change, message):
    data = {"name": "x", "start_urls": ["https://x.go.id/berita"], **change}
    with pytest.raises(ProfileError, match=message):
        profile_from_dict(data, "x.json")


def test_profile_name_must_match_its_file(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"name": "b", "start_urls": ["https://x.go.id/"]}))
    with pytest.raises(ProfileError, match="must match the file name"):
        load_profiles(tmp_path)


def test_profiles_are_data_files_only():
    folder = Path(__file__).parent.parent / "scrapers" / "profiles"
    assert {p.suffix for p in folder.iterdir()} == {".json"}
