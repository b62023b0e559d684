"""The front door in a real browser (Debian's chromium via Playwright) against `janji serve` on the
demo database: a newcomer searches from the front page, reaches what an official promised and
where it was said in two clicks, follows a commitment to its document page and on to the
original, opens an OPD page, and reads budgets the Indonesian way. The original articles are on
the internet, which tests never touch: the browser's request for one is answered locally and
the address it asked for is what is checked."""
from __future__ import annotations

import re
import sqlite3

import pytest

from tests.conftest import janji_serve
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium; CI installs it)")


@pytest.fixture(scope="module")
def server(demo_db):
    with janji_serve(demo_db) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    originals: list[str] = []

    def answer_locally(route):  # nothing leaves the machine: anything not on our server is answered here
        originals.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>original</title><h1>original page</h1>")
    context.route(re.compile(r"^(?!%s).*" % re.escape(server)), answer_locally)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.originals = originals
    yield page
    context.close()


@pytest.fixture(scope="module")
def demo(demo_db):
    conn = sqlite3.connect(demo_db)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


def test_front_page_search_finds_stems_and_agencies(server, page, demo):
    page.goto(server + "/")
    page.fill("#janji-q", "sehat")
    page.press("#janji-q", "Enter")
    page.wait_for_url(re.compile(r"/-/search\?q=sehat"))
    targets = page.inner_text("#targets")
    assert "Meningkatnya derajat kesehatan masyarakat" in targets  # "sehat" finds "kesehatan"
    page.fill("#janji-q", "Dinkes")
    page.press("#janji-q", "Enter")
    page.wait_for_url(re.compile(r"q=Dinkes"))
    assert "Dinas Kesehatan" in page.inner_text("#opds")
    page.locator("#opds a", has_text="Dinas Kesehatan").first.click()
    page.wait_for_url(re.compile(r"/-/opd/\d+$"))
    assert "Dinas Kesehatan" in page.inner_text("h1")


def test_what_did_this_official_promise_and_where_in_two_clicks(server, page, demo):
    page.goto(server + "/")
    page.locator(".janji-officials a", has_text="Ridwan Hakim Pohan").click()          # click 1
    page.wait_for_url(re.compile(r"/-/official/\d+$"))
    commitments = page.locator("#commitments .janji-commitment-item")
    assert commitments.count() >= 3
    first = commitments.first
    promised = first.locator("blockquote").inner_text()
    assert promised.strip()
    first.locator("a.janji-in-text").click()                                            # click 2
    page.wait_for_url(re.compile(r"/-/document/\d+#commitment-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    highlighted = page.locator(f"mark#{anchor}")
    assert highlighted.is_visible()
    assert promised.strip()[:40] in highlighted.inner_text()
    assert page.locator("a.janji-original").count() >= 1  # and where it was published


def test_commitment_to_its_document_page_and_on_to_the_original(server, page, demo):
    row = demo.execute("""select c.text, d.id, d.canonical_url, d.title from commitments c join documents d
        on d.id = c.document_id where d.path like '%antara-disdik-tanpa-pungutan.html' order by c.id limit 1""").fetchone()
    page.goto(server + "/janji/commitment_details?_search=menjamin")
    cell = page.locator("td", has_text="Kami menjamin sekolah negeri").first
    page.locator("tr", has=cell).first.locator("a.janji-page").click()
    page.wait_for_url(re.compile(r"/-/document/%d$" % row["id"]))
    assert row["title"] in page.inner_text("h1")
    assert page.locator("mark.janji-commitment").count() >= 1
    original = page.locator("a.janji-original").first
    assert original.get_attribute("href") == row["canonical_url"]
    original.click()
    page.wait_for_url(row["canonical_url"])
    assert page.originals[-1] == row["canonical_url"]


def test_official_page_then_its_opd_page(server, page, demo):
    sri = demo.execute("select id from officials where name = 'Sri Wahyuningsih'").fetchone()[0]
    page.goto(f"{server}/-/official/{sri}")
    positions = page.inner_text("#positions")
    assert "Kepala Dinas Pendidikan" in positions
    page.locator("#positions a", has_text="Dinas Pendidikan").first.click()
    page.wait_for_url(re.compile(r"/-/opd/\d+$"))
    heads = page.inner_text("#heads")
    assert "Sri Wahyuningsih" in heads
    targets = page.inner_text("#agreements")
    assert "Angka putus sekolah jenjang SMP" in targets and "0,15 %" in targets


def test_budgets_and_percentages_read_the_indonesian_way(server, page):
    page.goto(server + "/janji/program_change_details")
    table = page.inner_text("table.rows-and-columns")
    assert "Rp 52.786.340.500" in table and "Rp 49.915.290.500" in table and "-5,44 %" in table
    # the column help is folded: the rows are on the first screen
    assert not page.locator("dl.column-descriptions").is_visible()
    assert page.locator("table.rows-and-columns").bounding_box()["y"] < 900


def test_stored_pdf_opens_in_the_browser(server, page, demo):
    sha = demo.execute("select sha256 from documents where path like '%pk-dinkes-kota-jambi-2025.pdf'").fetchone()[0]
    response = page.request.get(f"{server}/-/raw/{sha}")
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith("inline")
