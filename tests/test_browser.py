"""End to end in a real browser: Debian's chromium, driven by Playwright, against `janji serve`
on the demo database: a journalist types a name into the commitments-by-official form and
follows the source link; an Indonesian search finds the stemmed match."""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import janji_serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian chromium is not installed at /usr/bin/chromium (apt-get install chromium; CI installs it)")


@pytest.fixture(scope="module")
def server(demo_db):
    with janji_serve(demo_db) as base:
        yield base


@pytest.fixture(scope="module")
def page():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(20_000)
        yield page
        browser.close()


def test_commitments_by_official_form_shows_the_commitment_and_its_source(server, page):
    page.goto(f"{server}/janji")
    page.click("text=Commitments by official")  # the canned query is listed on the database page
    page.fill('input[name="name"]', "dr. h. ridwan hakim pohan, S.E.")
    page.press('input[name="name"]', "Enter")
    page.wait_for_url(re.compile(r"name=dr"))
    cell = page.locator("td", has_text="Saya minta Dinkes dan seluruh kepala Puskesmas").first
    assert cell.is_visible()
    row = page.locator("tr", has=cell).first
    assert "Ridwan Hakim Pohan" in row.inner_text()
    assert "Anggaran Dipangkas Rp 2,87 Miliar" in row.inner_text()  # the source's title
    row.locator("a.janji-document").click()  # one click to the stored source document
    page.wait_for_url(re.compile(r"/janji/documents/\d+$"))
    assert "Anggaran Dipangkas" in page.inner_text("body")
    assert page.locator("a", has_text="stored copy").count() == 0  # plain table page, FK links instead


def test_indonesian_search_finds_the_stemmed_match(server, page, demo_db):
    # a commitment that says "penertiban" but never the bare word "tertib"
    texts = [t for (t,) in sqlite3.connect(demo_db).execute("select text from commitments")
             if "penertiban" in t.lower() and not re.search(r"\btertib\b", t, re.I)]
    assert texts, "the demo corpus should have a commitment on penertiban"
    page.goto(f"{server}/janji/commitment_details")
    page.fill('input[name="_search"]', "tertib")
    page.press('input[name="_search"]', "Enter")
    page.wait_for_url(re.compile(r"_search=tertib"))
    body = page.inner_text("table.rows-and-columns")
    assert texts[0][:60] in body
    assert page.locator("a.janji-stored-copy").count() >= 1


def test_acronym_search_from_the_one_search_box(server, page):
    page.goto(f"{server}/janji/search_everything")
    page.fill('input[name="q"]', "Badan Perencanaan Pembangunan Daerah")
    page.press('input[name="q"]', "Enter")
    page.wait_for_url(re.compile(r"q=Badan"))
    # commitments that only say "Bappeda" are found by the full name
    assert "Bappeda memastikan program air bersih" in page.inner_text("table.rows-and-columns")
