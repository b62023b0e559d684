"""Fetch one URL (`janji add URL`, `janji extract URL`): http(s) only, a size limit, a versioned
User-Agent, and one deadline for the whole response.

httpx's timeouts are per read: a server trickling one byte a second never trips them (`janji add`
of such a page once ran for 600 s and more). The fetch goes through the scrape crawler instead
(scrapers.crawler), whose deadline covers connect to last byte, and whose redirects are checked
hop by hop, and which refuses private and loopback addresses unless allow_private (the same
policy as a scrape); robots.txt and politeness delays are for crawls, not for one URL a person
asked for.
"""
from __future__ import annotations

import asyncio
import os
from urllib.parse import urlsplit

from models import Document
from scrapers.errors import SourceError
from scrapers.files import MAX_FILE_BYTES, document_from_bytes

VERSION = "0.1.0"
USER_AGENT = f"janji/{VERSION} (+research tool tracking public commitments; polite crawler)"
TIMEOUT_S = 20.0      # the whole response, however slowly it comes; JANJI_FETCH_TIMEOUT overrides
MAX_REDIRECTS = 5


def fetch_timeout() -> float:
    try:
        return float(os.environ.get("JANJI_FETCH_TIMEOUT", "") or TIMEOUT_S)
    except ValueError:
        return TIMEOUT_S


def fetch_bytes(url: str, timeout: float | None = None, allow_private: bool = False):
    """The response (scrapers.crawler.Fetched) of one GET, redirects followed; SourceError else."""
    from scrapers.crawler import CrawlPolicy, Crawler, FetchError  # crawler imports this module

    if urlsplit(url).scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http and https URLs can be fetched")
    policy = CrawlPolicy(delay=0.0, concurrency=1, timeout=timeout or fetch_timeout(), retries=0,
                         max_bytes=MAX_FILE_BYTES, robots=False, allow_private=allow_private)

    async def get():
        async with Crawler(policy) as crawler:
            return await crawler.fetch(url)

    try:
        page = asyncio.run(get())
    except FetchError as exc:
        raise SourceError(str(exc) if str(exc).startswith(url) else f"{url}: {exc}") from None
    if page.status >= 400:
        raise SourceError(f"{url}: HTTP {page.status}; the page is missing or the site refused it")
    if page.status in (301, 302, 303, 307, 308):
        raise SourceError(f"{url}: HTTP {page.status} without a usable Location; not followed")
    return page


def fetch_document(url: str, timeout: float | None = None, allow_private: bool = False) -> Document:
    page = fetch_bytes(url, timeout, allow_private)
    if not page.content:
        raise SourceError(f"{url}: empty response")
    try:
        return document_from_bytes(page.content, url=page.final_url, content_type=page.content_type,
                                   header_charset=page.charset, site=urlsplit(page.final_url).hostname)
    except SourceError as exc:
        raise SourceError(f"{url}: {exc}") from None
