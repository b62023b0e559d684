"""One fetched article page -> Document, with a profile's selectors applied first.

scrapers/html.py does the reading (trafilatura + Indonesian cleanup); a profile can narrow it to
the article body, drop known furniture by selector, and say where the title and date are when
a site's meta tags are wrong. The original bytes stay the document's raw bytes (provenance).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import trafilatura
from bs4 import BeautifulSoup

from models import Document
from scrapers.canonical import canonical_link, clean_url
from scrapers.dates import parse_byline
from scrapers.decode import decode_html_raw, looks_binary
from scrapers.errors import SourceError
from scrapers.html import clean_body, read_html
from scrapers.multipage import continuation_pages
from scrapers.profiles import ArticleSelectors
from scrapers.text import clean_document, clean_text

# Pagers, share bars and ad slots by their usual class names: safe to drop on any site.
ALWAYS_DROP = (".pagination", ".page-links", ".pager", ".sharedaddy", ".share-buttons", ".social-share",
               ".ads", ".iklan", ".advertisement", ".ad-slot", "ins.adsbygoogle")
STRPTIME_PARTS = {"%d": r"\d{1,2}", "%m": r"\d{1,2}", "%Y": r"\d{4}", "%y": r"\d{2}", "%H": r"\d{1,2}",
                  "%M": r"\d{2}", "%S": r"\d{2}", "%B": r"[A-Za-z]+", "%b": r"[A-Za-z]+"}


@dataclass
class ArticlePage:
    doc: Document
    canonical: str                                   # the URL this article is stored under
    next_pages: list[str] = field(default_factory=list)


def parse_date(text: str, date_format: str | None) -> str | None:
    """A byline date in the profile's strptime format, else the Indonesian byline reader."""
    if date_format and "%B" not in date_format and "%b" not in date_format:
        pattern = re.escape(date_format)
        for directive, regex in STRPTIME_PARTS.items():
            pattern = pattern.replace(re.escape(directive), regex)
        match = re.search(pattern, text)
        if match:
            try:
                return datetime.strptime(match.group(0), date_format).date().isoformat()
            except ValueError:
                pass
    return parse_byline(text)  # Indonesian month names ("25 Juni 2025") are not strptime's


def _narrowed(soup: BeautifulSoup, selectors: ArticleSelectors) -> BeautifulSoup:
    for selector in (*ALWAYS_DROP, *selectors.drop):
        for tag in soup.select(selector):
            tag.decompose()
    body = soup.select_one(selectors.body) if selectors.body else None
    if body is None:
        return soup
    head = soup.head or soup.new_tag("head")  # keep meta tags and JSON-LD for title and date
    return BeautifulSoup(f"<html>{head}<body><article>{body}</article></body></html>", "lxml")


def _short_page_text(soup: BeautifulSoup, url: str) -> str:
    """The last page of a split article may be one short paragraph: read it without the minimum."""
    text = trafilatura.extract(str(soup), url=url, favor_precision=True) or ""
    return clean_body(text, {})[0]


def read_article(raw: bytes, *, url: str, header_charset: str | None = None, site: str | None = None,
                 selectors: ArticleSelectors | None = None, date_format: str | None = None,
                 continuation: bool = False) -> ArticlePage:
    """Read one article page. `continuation`: page 2+ of a split article (no length minimum)."""
    selectors = selectors or ArticleSelectors()
    html = decode_html_raw(raw, header_charset)
    if looks_binary(html):  # before cleaning, which removes the control characters it counts
        raise SourceError("binary content served as HTML: not a page")
    html = clean_text(html) or ""
    soup = BeautifulSoup(html, "lxml")
    canonical = canonical_link(soup, url) or clean_url(url)  # url was fetched: it parses
    next_pages = [] if continuation else continuation_pages(soup, url)
    title_tag = soup.select_one(selectors.title) if selectors.title else None
    date_tag = soup.select_one(selectors.date) if selectors.date else None
    narrowed = _narrowed(soup, selectors)
    try:
        doc = read_html(str(narrowed).encode("utf-8"), url=url, header_charset="utf-8", site=site)
    except SourceError:
        if not continuation or not html.strip():
            raise
        doc = Document(raw=raw, text=_short_page_text(narrowed, url), kind="news", url=url, site=site)
    doc.raw, doc.canonical_url = raw, canonical
    if title_tag and title_tag.get_text(strip=True):
        doc.title = title_tag.get_text(" ", strip=True)
    if date_tag:
        found = parse_date(date_tag.get_text(" ", strip=True), date_format)
        if found:
            doc.published, doc.published_method = found, "byline"
    return ArticlePage(clean_document(doc), canonical, next_pages)
