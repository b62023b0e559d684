"""Pages as regional sites print them (tests/pages/make_pages.py, written here): publication date
from the visible Indonesian byline, the headline without the site name, the dateline kept in the
body; never worse than bare htmldate on the same pages."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from scrapers.html import read_html

_spec = importlib.util.spec_from_file_location("make_pages", Path(__file__).parent / "pages" / "make_pages.py")
make_pages = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_pages)
PAGES = make_pages.pages()


@pytest.mark.parametrize("page", PAGES, ids=[p["url"].rsplit("/", 1)[-1][:40] for p in PAGES])
def test_page_date_headline_and_dateline(page):
    doc = read_html(page["html"].encode("utf-8"), url=page["url"])
    assert (doc.published, doc.published_method) == (page["published"], "byline")
    assert doc.title == page["title"]
    body = [p for p in doc.text.split("\n\n") if p.strip() and p.strip() != page["title"]]
    assert body[0].startswith(page["dateline"])  # the dateline stays at the start of the body


def test_never_worse_than_bare_htmldate():
    from htmldate import find_date
    ours = sum(read_html(p["html"].encode("utf-8"), url=p["url"]).published == p["published"] for p in PAGES)
    bare = sum(find_date(p["html"], url=p["url"], original_date=True, outputformat="%Y-%m-%d") == p["published"]
               for p in PAGES)
    assert ours == len(PAGES) and ours >= bare
