"""Page reading against the bare libraries on the same pages: publication date (janji vs bare
htmldate) and headline (janji vs trafilatura's metadata title vs <title>), on the byline pages of
tests/pages/make_pages.py (Indonesian bylines, no date metadata, site names in the titles).

    python -m bench.bench_pages
"""
from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).parent.parent


def main() -> int:
    spec = importlib.util.spec_from_file_location("make_pages", ROOT / "tests" / "pages" / "make_pages.py")
    make_pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_pages)
    pages = make_pages.pages()
    from bs4 import BeautifulSoup
    from htmldate import find_date
    from trafilatura import extract_metadata
    from scrapers.html import read_html
    started = time.perf_counter()
    ours = [read_html(p["html"].encode("utf-8"), url=p["url"]) for p in pages]
    seconds = time.perf_counter() - started
    n = len(pages)
    dates = sum(d.published == p["published"] for d, p in zip(ours, pages))
    bare = sum(find_date(p["html"], url=p["url"], original_date=True, outputformat="%Y-%m-%d") == p["published"]
               for p in pages)
    titles = sum(d.title == p["title"] for d, p in zip(ours, pages))
    traf = sum((extract_metadata(p["html"]).title or "") == p["title"] for p in pages)
    tag = sum(BeautifulSoup(p["html"], "lxml").title.get_text() == p["title"] for p in pages)
    datelines = sum(any(par.startswith(p["dateline"]) for par in d.text.split("\n\n")[:2]) for d, p in zip(ours, pages))
    print(f"{n} pages with Indonesian bylines and no date metadata ({len(make_pages.BYLINES)} byline styles)")
    print(f"publication date right: janji {dates}/{n}, bare htmldate {bare}/{n}")
    print(f"headline right:         janji {titles}/{n}, trafilatura metadata {traf}/{n}, <title> {tag}/{n}")
    print(f"dateline kept at the start of the body: janji {datelines}/{n}")
    print(f"read: {n / seconds:.1f} pages/s (HTML -> Document, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
